import CLibArchive
import Foundation

/// What an extraction wrote.
public struct ExtractSummary: Sendable, Equatable {
    public var files = 0
    public var directories = 0
    public var links = 0
    public var bytes: Int64 = 0
}

/// Writes an archive's entries below a folder, refusing everything that could write elsewhere
/// or exhaust the disk: absolute paths and `..` components (`unsafe_path`); symbolic links
/// whose target leaves the folder, hard links to anything not extracted before, and entries
/// written through a symbolic link (`unsafe_link`); devices, FIFOs and sockets
/// (`special_file`); more bytes, entries or expansion than `DatasetLimits` allows (`too_large`,
/// `too_many_entries`, `bomb`). The first refusal stops the extraction with an error naming the
/// entry; what was written before it stays. Ownership and permission bits are not restored
/// (files get the default mode), so no entry can become setuid.
///
/// libarchive's own guards against symlinks and `..` (`ARCHIVE_EXTRACT_SECURE_SYMLINKS`, `SECURE_NODOTDOT`) stay on behind these checks.
public struct DatasetExtractor {
    public var limits: DatasetLimits

    public init(limits: DatasetLimits = DatasetLimits()) {
        self.limits = limits
    }

    /// - Throws: `DatasetError` naming the entry and the rule it broke.
    @discardableResult
    public func extract(_ path: String, to folder: String) throws -> ExtractSummary {
        guard FileManager.default.fileExists(atPath: path) else {
            throw DatasetError(code: "not_found", archive: path, "no such file")
        }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw DatasetError(code: "write_failed", archive: path, "cannot create \(folder): \(error.localizedDescription)")
        }
        let root = (folder as NSString).standardizingPath
        guard let reader = archive_read_new(), let writer = archive_write_disk_new() else {
            throw DatasetError(code: "archive_corrupt", archive: path, "libarchive could not start")
        }
        defer {
            archive_read_free(reader)
            archive_write_free(writer)
        }
        LibArchive.supportReading(reader)
        // Entry names were checked above and are written as ROOT/relative, an absolute path, so
        // libarchive's NOABSOLUTEPATHS guard cannot be used; its other two stay on.
        archive_write_disk_set_options(writer, ARCHIVE_EXTRACT_SECURE_SYMLINKS | ARCHIVE_EXTRACT_SECURE_NODOTDOT)
        guard archive_read_open_filename(reader, path, 1 << 16) == ARCHIVE_OK else {
            throw DatasetError(code: "archive_corrupt", archive: path, LibArchive.error(reader))
        }

        var summary = ExtractSummary()
        var entries = 0
        var symlinks: Set<String> = []
        var extracted: Set<String> = []
        var entry: OpaquePointer?
        var isRaw = false
        while true {
            let rc = archive_read_next_header(reader, &entry)
            if rc == ARCHIVE_EOF { break }
            guard rc == ARCHIVE_OK || rc == ARCHIVE_WARN, let entry else {
                throw DatasetError(code: "archive_corrupt", archive: path, LibArchive.error(reader))
            }
            if entries == 0 { isRaw = LibArchive.describe(reader, into: ContainerInfo()).format == "raw" }
            entries += 1
            guard entries <= limits.maxEntries else {
                throw DatasetError(code: "too_many_entries", archive: path, "more than \(limits.maxEntries) entries")
            }
            var name = archive_entry_pathname(entry).map { String(cString: $0) } ?? ""
            if isRaw { name = DatasetExtractor.bareName(path) }
            let relative = try DatasetExtractor.safeRelative(name, archive: path)
            if relative.isEmpty { continue }
            if let blocked = DatasetExtractor.throughSymlink(relative, symlinks) {
                throw DatasetError(code: "unsafe_link", archive: path, entry: name, "would be written through the symbolic link '\(blocked)'")
            }
            let type = isRaw ? 0o100000 : archive_entry_filetype(entry)
            if let target = archive_entry_hardlink(entry).map({ String(cString: $0) }) {
                let targetRelative = try DatasetExtractor.safeRelative(target, archive: path, entry: name, code: "unsafe_link")
                guard extracted.contains(targetRelative) else {
                    throw DatasetError(code: "unsafe_link", archive: path, entry: name, "hard link to '\(target)', which is not an extracted file")
                }
                archive_entry_set_hardlink(entry, (root as NSString).appendingPathComponent(targetRelative))
                summary.links += 1
            } else {
                switch type {
                case 0o100000, 0o040000: break // regular file, directory
                case 0o120000:
                    let target = archive_entry_symlink(entry).map { String(cString: $0) } ?? ""
                    guard DatasetExtractor.linkStaysInside(link: relative, target: target, symlinks: symlinks) else {
                        throw DatasetError(code: "unsafe_link", archive: path, entry: name,
                                           "symbolic link to '\(target)' leaves the target folder (or resolves through another link)")
                    }
                    symlinks.insert(relative)
                    extracted.remove(relative)
                    summary.links += 1
                default:
                    throw DatasetError(code: "special_file", archive: path, entry: name, "device files, FIFOs and sockets are not extracted")
                }
            }
            archive_entry_set_pathname(entry, (root as NSString).appendingPathComponent(relative))
            archive_entry_set_perm(entry, type == 0o040000 ? 0o755 : 0o644)
            archive_entry_set_uid(entry, 0)
            archive_entry_set_gid(entry, 0)
            guard archive_write_header(writer, entry) >= ARCHIVE_WARN else {
                throw DatasetError(code: "write_failed", archive: path, entry: name, LibArchive.error(writer))
            }
            if type == 0o100000 && archive_entry_hardlink(entry) == nil {
                try copyData(reader, writer, archive: path, entry: name, summary: &summary)
                summary.files += 1
                extracted.insert(relative)
                symlinks.remove(relative)
            } else if type == 0o040000 {
                summary.directories += 1
                extracted.remove(relative)
                symlinks.remove(relative)
            }
            guard archive_write_finish_entry(writer) >= ARCHIVE_WARN else {
                throw DatasetError(code: "write_failed", archive: path, entry: name, LibArchive.error(writer))
            }
        }
        return summary
    }

    private func copyData(_ reader: OpaquePointer, _ writer: OpaquePointer, archive: String, entry: String, summary: inout ExtractSummary) throws {
        var block: UnsafeRawPointer?
        var size = 0
        var offset: Int64 = 0
        while true {
            let rc = archive_read_data_block(reader, &block, &size, &offset)
            if rc == ARCHIVE_EOF { return }
            guard rc >= ARCHIVE_WARN else {
                throw DatasetError(code: "archive_corrupt", archive: archive, entry: entry, LibArchive.error(reader))
            }
            summary.bytes += Int64(size)
            guard summary.bytes <= limits.maxTotalBytes else {
                throw DatasetError(code: "too_large", archive: archive, entry: entry, "more than \(limits.maxTotalBytes) bytes expanded")
            }
            if summary.bytes > limits.ratioAfterBytes {
                let ratio = Double(summary.bytes) / Double(max(1, archive_filter_bytes(reader, -1)))
                guard ratio <= limits.maxRatio else {
                    throw DatasetError(code: "bomb", archive: archive, entry: entry,
                                       "expansion ratio \(Int(ratio)):1 exceeds \(Int(limits.maxRatio)):1 (a decompression bomb?)")
                }
            }
            guard archive_write_data_block(writer, block, size, offset) >= ARCHIVE_WARN else {
                throw DatasetError(code: "write_failed", archive: archive, entry: entry, LibArchive.error(writer))
            }
        }
    }

    /// The entry path made relative and checked: no absolute path, no `..` component.
    /// `.` components and empty ones are dropped; the result is "" for the root itself.
    static func safeRelative(_ name: String, archive: String, entry: String? = nil, code: String = "unsafe_path") throws -> String {
        if name.hasPrefix("/") || name.hasPrefix("\\") || (name.count >= 2 && name.dropFirst().first == ":") {
            throw DatasetError(code: code, archive: archive, entry: entry ?? name, "absolute path '\(name)'")
        }
        var parts: [Substring] = []
        for part in name.split(whereSeparator: { $0 == "/" || $0 == "\\" }) {
            if part == "." || part.isEmpty { continue }
            if part == ".." { throw DatasetError(code: code, archive: archive, entry: entry ?? name, "'..' in the path '\(name)'") }
            parts.append(part)
        }
        return parts.joined(separator: "/")
    }

    /// Whether a symbolic link at `link` (relative to the root) pointing to `target` resolves,
    /// lexically, inside the root, without passing through a link extracted before (`A -> .`
    /// then `L -> A/A/../..` is lexically the root but physically its parent, so it is refused).
    static func linkStaysInside(link: String, target: String, symlinks: Set<String> = []) -> Bool {
        guard !target.isEmpty, !target.hasPrefix("/") else { return false }
        var stack = link.split(separator: "/").dropLast().map(String.init)
        for part in target.split(separator: "/") {
            if part == "." || part.isEmpty { continue }
            if part == ".." {
                guard !stack.isEmpty else { return false }
                stack.removeLast()
            } else {
                stack.append(String(part))
                if symlinks.contains(stack.joined(separator: "/")) { return false }
            }
        }
        return true
    }

    /// The first symbolic link extracted before that `path` would be written through.
    static func throughSymlink(_ path: String, _ symlinks: Set<String>) -> String? {
        var prefix = ""
        for part in path.split(separator: "/").dropLast() {
            prefix = prefix.isEmpty ? String(part) : prefix + "/" + part
            if symlinks.contains(prefix) { return prefix }
        }
        return nil
    }

    /// A bare compressed file's name without its compression suffix (`a.jsonl.gz` → `a.jsonl`).
    static func bareName(_ path: String) -> String {
        var name = (path as NSString).lastPathComponent
        for suffix in [".gz", ".zst", ".xz", ".bz2", ".lz4", ".lzma", ".z", ".Z"] where name.hasSuffix(suffix) {
            name.removeLast(suffix.count)
            break
        }
        return name.isEmpty ? "data" : name
    }
}
