import CLibArchive

/// Small helpers around the libarchive C API.
public enum LibArchive {
    /// The libarchive this build links (archive_version_string), e.g. "libarchive 3.6.2".
    public static var version: String {
        String(cString: archive_version_string())
    }

    /// Turns on every compression filter and every archive format that holds file data (tar,
    /// zip, 7z, cpio, rar, rar5, ISO 9660, xar, cab, lha, ar, warc), then the raw reader for bare
    /// files. mtree is left out: it is a text manifest, and its reader would claim some JSON
    /// Lines files (and fail on long lines).
    static func supportReading(_ archive: OpaquePointer) {
        archive_read_support_filter_all(archive)
        archive_read_support_format_tar(archive)
        archive_read_support_format_zip(archive)
        archive_read_support_format_7zip(archive)
        archive_read_support_format_cpio(archive)
        archive_read_support_format_rar(archive)
        archive_read_support_format_rar5(archive)
        archive_read_support_format_iso9660(archive)
        archive_read_support_format_xar(archive)
        archive_read_support_format_cab(archive)
        archive_read_support_format_lha(archive)
        archive_read_support_format_ar(archive)
        archive_read_support_format_warc(archive)
        archive_read_support_format_empty(archive)
        archive_read_support_format_raw(archive)
    }

    /// The archive's last error message, or a generic one.
    static func error(_ archive: OpaquePointer) -> String {
        archive_error_string(archive).map { String(cString: $0) } ?? "unknown libarchive error"
    }

    /// The filters (outermost first, `none` omitted) and the format libarchive detected.
    static func describe(_ archive: OpaquePointer, into info: ContainerInfo) -> ContainerInfo {
        var info = info
        let count = archive_filter_count(archive)
        var filters: [String] = []
        if count > 0 {
            for k in stride(from: Int32(count) - 1, through: 0, by: -1) {
                guard let name = archive_filter_name(archive, k) else { continue }
                let filter = String(cString: name)
                if filter != "none" { filters.append(filter) }
            }
        }
        info.filters = filters
        info.format = archive_format_name(archive).map { String(cString: $0) } ?? ""
        // libarchive names the raw reader "raw"; anything tar-like "GNU tar format", "POSIX pax ...".
        if info.format.lowercased().hasPrefix("raw") { info.format = "raw" }
        return info
    }
}
