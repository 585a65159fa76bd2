import CLibArchive

/// The libarchive this build links (archive_version_string), e.g. "libarchive 3.6.2".
/// Datasets are read through it (issue: datasets); the link is checked from day one.
public enum LibArchive {
    public static var version: String {
        String(cString: archive_version_string())
    }
}
