import CLibArchive
import Foundation
import M2RLCore

/// Where a line came from: the archive, the entry inside it, the line number (1-based).
public struct LineLocation: Sendable, Hashable, CustomStringConvertible {
    public var archive: String
    public var entry: String
    public var line: Int

    public var description: String { entry.isEmpty || entry == "data" ? "\(archive):\(line)" : "\(archive)!\(entry):\(line)" }
}

/// A failure to read an archive (not a malformed line: those are reported per line).
public struct ArchiveError: M2RLError {
    public var archive: String
    public var message: String
    public var code: String { "archive_unreadable" }
    public var description: String { "cannot read \(archive): \(message)" }
}

/// Reads the text lines of every regular entry of an archive through libarchive: any format
/// and compression it supports (tar, zip, cpio, ...; gzip, zstd, xz, bzip2, ...), detected from
/// the content, and a bare file (compressed or not) as one entry. Streaming: memory is bounded
/// by the longest line plus one 64 KiB block.
///
/// This is the first, simple reader behind `m2rl score --dataset`; the datasets issue grows it
/// (safe extraction, adapters, limits).
public enum ArchiveLines {
    /// Calls `body` for each line (without its newline; a final line without one included).
    /// - Throws: `ArchiveError` when the archive cannot be opened or is corrupt.
    public static func forEach(in path: String, _ body: (LineLocation, Substring) throws -> Void) throws {
        guard let archive = archive_read_new() else { throw ArchiveError(archive: path, message: "archive_read_new failed") }
        defer { archive_read_free(archive) }
        archive_read_support_filter_all(archive)
        archive_read_support_format_all(archive)
        archive_read_support_format_raw(archive)
        guard archive_read_open_filename(archive, path, 1 << 16) == ARCHIVE_OK else {
            throw ArchiveError(archive: path, message: String(cString: archive_error_string(archive)))
        }
        var entry: OpaquePointer?
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let rc = archive_read_next_header(archive, &entry)
            if rc == ARCHIVE_EOF { break }
            guard rc == ARCHIVE_OK || rc == ARCHIVE_WARN, let entry else {
                throw ArchiveError(archive: path, message: String(cString: archive_error_string(archive)))
            }
            let name = archive_entry_pathname(entry).map { String(cString: $0) } ?? ""
            let type = archive_entry_filetype(entry)
            // Raw (bare) files report no type; tar/zip entries: regular files only.
            if type != 0 && type != 0o100000 { continue }  // AE_IFREG
            var carry: [UInt8] = []
            var lineNumber = 0
            while true {
                let n = buffer.withUnsafeMutableBytes { archive_read_data(archive, $0.baseAddress, $0.count) }
                if n < 0 { throw ArchiveError(archive: path, message: String(cString: archive_error_string(archive))) }
                if n == 0 { break }
                var start = 0
                for i in 0..<n where buffer[i] == UInt8(ascii: "\n") {
                    lineNumber += 1
                    let text: String
                    if carry.isEmpty {
                        text = String(decoding: buffer[start..<i], as: UTF8.self)
                    } else {
                        carry.append(contentsOf: buffer[start..<i])
                        text = String(decoding: carry, as: UTF8.self)
                        carry.removeAll(keepingCapacity: true)
                    }
                    try body(LineLocation(archive: path, entry: name, line: lineNumber), Substring(text))
                    start = i + 1
                }
                carry.append(contentsOf: buffer[start..<n])
            }
            if !carry.isEmpty {
                lineNumber += 1
                try body(LineLocation(archive: path, entry: name, line: lineNumber), Substring(String(decoding: carry, as: UTF8.self)))
            }
        }
    }
}

/// Problems read from a dataset archive of canonical Problem JSON Lines, indexed by id.
public struct ProblemStore: Sendable {
    public private(set) var problems: [String: Problem] = [:]
    /// Lines that are not valid Problems (and duplicate ids), with their location.
    public private(set) var rejected: [(LineLocation, String)] = []
    public private(set) var read = 0

    /// - Throws: `ArchiveError` when the archive itself cannot be read.
    public init(path: String) throws {
        let decoder = JSONDecoder()
        try ArchiveLines.forEach(in: path) { location, line in
            if line.allSatisfy(\.isWhitespace) { return }
            read += 1
            do {
                let problem = try decoder.decode(Problem.self, from: Data(line.utf8))
                if problems[problem.id] != nil {
                    rejected.append((location, "duplicate problem id '\(problem.id)'"))
                } else {
                    problems[problem.id] = problem
                }
            } catch {
                rejected.append((location, "not a valid Problem: \(error)"))
            }
        }
    }
}
