import CLibArchive

/// Small helpers around the libarchive C API.
public enum LibArchive {
    /// The libarchive this build links (archive_version_string), e.g. "libarchive 3.6.2".
    public static var version: String {
        String(cString: archive_version_string())
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
