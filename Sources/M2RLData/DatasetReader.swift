import CLibArchive
import Foundation
import M2RLCore

/// Where a record came from: the dataset path, the entry inside it (empty for a plain or bare
/// compressed file), and the line (1-based) or, in a JSON array, the element index (0-based).
public struct RecordLocation: Sendable, Hashable, CustomStringConvertible {
    public var archive: String
    public var entry: String
    public var line: Int
    /// True when `line` is an index into a JSON array.
    public var isIndex: Bool

    public init(archive: String, entry: String, line: Int, isIndex: Bool = false) {
        self.archive = archive
        self.entry = entry
        self.line = line
        self.isIndex = isIndex
    }

    public var description: String {
        let place = isIndex ? "[\(line)]" : "\(line)"
        return entry.isEmpty ? "\(archive):\(place)" : "\(archive)!\(entry):\(place)"
    }
}

/// Bounds on what reading (and extracting) a dataset may cost. Exceeding a per-record bound
/// rejects that record; exceeding a per-archive bound stops with a `DatasetError`.
public struct DatasetLimits: Sendable, Equatable {
    /// The longest record (line, or JSON array entry), in bytes.
    public var maxRecordBytes: Int = 64 << 20
    /// Total expanded bytes of all entries.
    public var maxTotalBytes: Int64 = 16 << 30
    /// Entries in one archive.
    public var maxEntries: Int = 100_000
    /// Expanded ÷ compressed bytes, checked once `ratioAfterBytes` have been expanded.
    public var maxRatio: Double = 200
    public var ratioAfterBytes: Int64 = 64 << 20

    public init() {}
}

/// A failure that ends reading or extracting an archive (a bad record is not one: it is
/// reported as a `RecordRejection` and reading goes on).
public struct DatasetError: M2RLError, Equatable {
    /// `not_found`, `archive_corrupt`, `too_large`, `too_many_entries`, `bomb`, `unsafe_path`,
    /// `unsafe_link`, `special_file`, `write_failed`, ...
    public var code: String
    public var archive: String
    public var entry: String?
    public var message: String

    public init(code: String, archive: String, entry: String? = nil, _ message: String) {
        self.code = code
        self.archive = archive
        self.entry = entry
        self.message = message
    }

    public var description: String {
        let place = entry.map { "\(archive)!\($0)" } ?? archive
        return "\(place): \(code): \(message)"
    }
}

/// What a reader saw of the container: libarchive's names for its compression filters and format.
public struct ContainerInfo: Sendable, Equatable {
    public var filters: [String] = []
    public var format: String = ""
    public var entries: [EntryInfo] = []
    public var compressedBytes: Int64 = 0
    public var expandedBytes: Int64 = 0
}

public struct EntryInfo: Sendable, Equatable {
    public var name: String
    public var bytes: Int64
    public var records: Int
}

/// Reads the records of a dataset through libarchive: every archive format and compression it
/// supports, detected from the content (tar, zip, 7z, cpio, ...; gzip, zstd, xz, bzip2, lz4, ...),
/// a bare compressed or plain file as one entry, or a folder (its regular files, sorted by path).
///
/// An entry is JSON Lines (one record per non-blank line) or, when its first non-blank byte is
/// `[`, one JSON array (one record per element; the array is held whole, up to
/// `maxRecordBytes`). Memory is bounded by the longest record plus one libarchive block.
/// Records are handed over as raw bytes with their location, in archive order.
public struct DatasetReader {
    public var limits: DatasetLimits

    public init(limits: DatasetLimits = DatasetLimits()) {
        self.limits = limits
    }

    /// One record as read: its bytes (not yet parsed) or the reason it could not be read.
    public enum RawRecord {
        case line(RecordLocation, UnsafeRawBufferPointer)
        /// A whole JSON array entry: the caller splits it into elements.
        case array(RecordLocation, UnsafeRawBufferPointer)
        case rejected(RecordLocation, code: String, message: String)
    }

    /// Reads `path` (a file or a folder), calling `body` for each record.
    /// - Returns: what the container was (formats, entries, byte counts).
    /// - Throws: `DatasetError` when the archive cannot be read on (records delivered before
    ///   the failure stay delivered).
    @discardableResult
    public func read(_ path: String, _ body: (RawRecord) throws -> Void) throws -> ContainerInfo {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw DatasetError(code: "not_found", archive: path, "no such file or folder")
        }
        if isDirectory.boolValue {
            var info = ContainerInfo(format: "directory")
            let prefix = path.hasSuffix("/") ? path : path + "/"
            for file in try DatasetReader.regularFiles(under: path) {
                // Records of a folder are located as FOLDER!RELATIVE:LINE (an archive inside the
                // folder: FOLDER!RELATIVE!ENTRY:LINE).
                let relative = file.hasPrefix(prefix) ? String(file.dropFirst(prefix.count)) : file
                let inner = try readArchive(file, displayName: path, entryPrefix: relative, body)
                info.entries += inner.entries
                info.compressedBytes += inner.compressedBytes
                info.expandedBytes += inner.expandedBytes
            }
            return info
        }
        return try readArchive(path, displayName: path, body)
    }

    private static func entryName(_ prefix: String?, _ name: String) -> String {
        guard let prefix else { return name }
        return name.isEmpty ? prefix : prefix + "!" + name
    }

    /// The regular files below `folder`, sorted by path. A symbolic link to a regular file is
    /// read (a Hugging Face cache snapshot is a folder of such links); links to folders are not
    /// followed, so a loop cannot occur.
    static func regularFiles(under folder: String) throws -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder) else {
            throw DatasetError(code: "not_found", archive: folder, "cannot list the folder")
        }
        var files: [String] = []
        while let relative = walker.nextObject() as? String {
            let full = (folder as NSString).appendingPathComponent(relative)
            var st = stat()
            guard stat(full, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { continue }
            if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            files.append(full)
        }
        return files.sorted()
    }

    private func readArchive(_ path: String, displayName: String, entryPrefix: String? = nil, _ body: (RawRecord) throws -> Void) throws -> ContainerInfo {
        guard let archive = archive_read_new() else {
            throw DatasetError(code: "archive_corrupt", archive: displayName, "libarchive could not start")
        }
        defer { archive_read_free(archive) }
        LibArchive.supportReading(archive)
        guard archive_read_open_filename(archive, path, 1 << 16) == ARCHIVE_OK else {
            throw DatasetError(code: "archive_corrupt", archive: displayName, LibArchive.error(archive))
        }
        var info = ContainerInfo()
        var entry: OpaquePointer?
        var carry: [UInt8] = []
        var entries = 0
        while true {
            let rc = archive_read_next_header(archive, &entry)
            if info.format.isEmpty { info = LibArchive.describe(archive, into: info) }
            if rc == ARCHIVE_EOF { break }
            guard rc == ARCHIVE_OK || rc == ARCHIVE_WARN, let entry else {
                throw DatasetError(code: "archive_corrupt", archive: displayName, entry: info.entries.last?.name, LibArchive.error(archive))
            }
            entries += 1
            guard entries <= limits.maxEntries else {
                throw DatasetError(code: "too_many_entries", archive: displayName, "more than \(limits.maxEntries) entries")
            }
            let isRaw = info.format == "raw"
            let name = DatasetReader.entryName(entryPrefix, isRaw ? "" : (archive_entry_pathname(entry).map { String(cString: $0) } ?? ""))
            let type = archive_entry_filetype(entry)
            if !isRaw && type != 0o100000 { continue } // regular files only (AE_IFREG)
            let lower = (isRaw && entryPrefix == nil ? displayName : name).lowercased()
            if lower.hasSuffix(".parquet") || lower.hasSuffix(".arrow") {
                try body(.rejected(RecordLocation(archive: displayName, entry: name, line: 0), code: "unsupported_format",
                                   message: "Parquet and Arrow files are not read; convert them to JSON Lines first"))
                continue
            }
            var entryInfo = EntryInfo(name: name, bytes: 0, records: 0)
            try readEntry(archive, archive: displayName, entry: name, carry: &carry, info: &entryInfo, totals: &info, body)
            info.entries.append(entryInfo)
        }
        info.compressedBytes = archive_filter_bytes(archive, -1)
        return info
    }

    /// Splits one entry's data into lines (or holds a JSON array whole) and hands them over.
    private func readEntry(
        _ archive: OpaquePointer, archive displayName: String, entry name: String, carry: inout [UInt8],
        info: inout EntryInfo, totals: inout ContainerInfo, _ body: (RawRecord) throws -> Void
    ) throws {
        carry.removeAll(keepingCapacity: true)
        var line = 0
        var oversized = false     // the current line passed maxRecordBytes: skip to its end
        var firstByteSeen = false
        var isArray = false
        var block: UnsafeRawPointer?
        var size = 0
        var offset: Int64 = 0

        func deliver(_ bytes: UnsafeRawBufferPointer) throws {
            line += 1
            let location = RecordLocation(archive: displayName, entry: name, line: line)
            if oversized {
                oversized = false
                try body(.rejected(location, code: "record_too_large", message: "the line is longer than \(limits.maxRecordBytes) bytes"))
                info.records += 1
                return
            }
            // Blank lines are not records.
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return }
            info.records += 1
            try body(.line(location, bytes))
        }

        while true {
            let rc = archive_read_data_block(archive, &block, &size, &offset)
            if rc == ARCHIVE_EOF { break }
            guard rc == ARCHIVE_OK || rc == ARCHIVE_WARN else {
                throw DatasetError(code: "archive_corrupt", archive: displayName, entry: name.isEmpty ? nil : name, LibArchive.error(archive))
            }
            guard let block, size > 0 else { continue }
            info.bytes += Int64(size)
            totals.expandedBytes += Int64(size)
            try checkTotals(archive, displayName, name, totals.expandedBytes)
            let data = UnsafeRawBufferPointer(start: block, count: size)
            // A UTF-8 byte order mark opening the entry is not part of the first record.
            let begin = info.bytes == Int64(size) && size >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF ? 3 : 0
            if !firstByteSeen, let first = data[begin...].firstIndex(where: { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }) {
                firstByteSeen = true
                isArray = data[first] == UInt8(ascii: "[")
            }
            if isArray {
                guard carry.count + size <= limits.maxRecordBytes else {
                    throw DatasetError(code: "too_large", archive: displayName, entry: name,
                                       "a JSON array entry longer than \(limits.maxRecordBytes) bytes; use JSON Lines for large datasets")
                }
                carry.append(contentsOf: data[begin...])
                continue
            }
            var start = begin
            while start < size {
                guard let found = memchr(block + start, 0x0A, size - start) else { break }
                let end = UnsafeRawPointer(found) - block
                if carry.isEmpty && !oversized && end - start > limits.maxRecordBytes {
                    oversized = true
                    try deliver(UnsafeRawBufferPointer(rebasing: data[start..<start]))
                } else if carry.isEmpty && !oversized {
                    try deliver(UnsafeRawBufferPointer(rebasing: data[start..<end]))
                } else {
                    if !oversized && carry.count + (end - start) > limits.maxRecordBytes { oversized = true; carry.removeAll(keepingCapacity: false) }
                    if !oversized { carry.append(contentsOf: data[start..<end]) }
                    try carry.withUnsafeBytes { try deliver($0) }
                    carry.removeAll(keepingCapacity: carry.capacity <= 1 << 20)
                }
                start = end + 1
            }
            if start < size && !oversized {
                if carry.count + (size - start) > limits.maxRecordBytes {
                    oversized = true
                    carry.removeAll(keepingCapacity: false)
                } else {
                    carry.append(contentsOf: data[start..<size])
                }
            }
        }
        if isArray {
            info.records += 1
            try carry.withUnsafeBytes { try body(.array(RecordLocation(archive: displayName, entry: name, line: 0, isIndex: true), $0)) }
            carry.removeAll(keepingCapacity: false)
            return
        }
        if !carry.isEmpty || oversized {
            try carry.withUnsafeBytes { try deliver($0) }
        }
    }

    private func checkTotals(_ archive: OpaquePointer, _ displayName: String, _ entry: String, _ expanded: Int64) throws {
        guard expanded <= limits.maxTotalBytes else {
            throw DatasetError(code: "too_large", archive: displayName, entry: entry.isEmpty ? nil : entry,
                               "more than \(limits.maxTotalBytes) bytes expanded")
        }
        if expanded > limits.ratioAfterBytes {
            let compressed = max(1, archive_filter_bytes(archive, -1))
            let ratio = Double(expanded) / Double(compressed)
            if ratio > limits.maxRatio {
                throw DatasetError(code: "bomb", archive: displayName, entry: entry.isEmpty ? nil : entry,
                                   "expansion ratio \(Int(ratio)):1 exceeds \(Int(limits.maxRatio)):1 (a decompression bomb?)")
            }
        }
    }
}
