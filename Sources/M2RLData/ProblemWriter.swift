import CLibArchive
import Foundation
import M2RLCore

/// Writes canonical Problem JSON Lines to a file (compressed by its suffix: `.gz`, `.zst`,
/// `.xz`, `.bz2`, through libarchive), or to standard output for `-`. Streaming: lines are
/// written as they come.
public final class ProblemWriter {
    private enum Sink {
        case handle(FileHandle)
        case archive(OpaquePointer)
    }

    private var sink: Sink
    private let path: String
    private var buffer: [UInt8] = []
    public private(set) var written = 0

    /// - Throws: `DatasetError` (`write_failed`) when the file cannot be created.
    public init(path: String) throws {
        self.path = path
        if path == "-" {
            sink = .handle(FileHandle.standardOutput)
            return
        }
        let lower = path.lowercased()
        let filter: ((OpaquePointer) -> Int32)? =
            lower.hasSuffix(".gz") ? { archive_write_add_filter_gzip($0) } :
            lower.hasSuffix(".zst") ? { archive_write_add_filter_zstd($0) } :
            lower.hasSuffix(".xz") ? { archive_write_add_filter_xz($0) } :
            lower.hasSuffix(".bz2") ? { archive_write_add_filter_bzip2($0) } : nil
        if let filter {
            guard let archive = archive_write_new() else { throw DatasetError(code: "write_failed", archive: path, "libarchive could not start") }
            guard archive_write_set_format_raw(archive) == ARCHIVE_OK, filter(archive) == ARCHIVE_OK,
                  archive_write_open_filename(archive, path) == ARCHIVE_OK else {
                let message = LibArchive.error(archive)
                archive_write_free(archive)
                throw DatasetError(code: "write_failed", archive: path, message)
            }
            let entry = archive_entry_new()
            archive_entry_set_pathname(entry, "data")
            archive_entry_set_filetype(entry, 0o100000)
            archive_entry_set_perm(entry, 0o644)
            defer { archive_entry_free(entry) }
            guard archive_write_header(archive, entry) == ARCHIVE_OK else {
                let message = LibArchive.error(archive)
                archive_write_free(archive)
                throw DatasetError(code: "write_failed", archive: path, message)
            }
            sink = .archive(archive)
        } else {
            guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
                throw DatasetError(code: "write_failed", archive: path, "cannot create the file")
            }
            sink = .handle(handle)
        }
    }

    /// Appends one problem as a JSON line.
    public func write(_ problem: Problem) throws {
        buffer.append(contentsOf: problem.json.jsonText.utf8)
        buffer.append(0x0A)
        written += 1
        if buffer.count >= 1 << 16 { try flush() }
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        switch sink {
        case .handle(let handle):
            do { try handle.write(contentsOf: buffer) } catch {
                throw DatasetError(code: "write_failed", archive: path, "\(error.localizedDescription)")
            }
        case .archive(let archive):
            let n = buffer.withUnsafeBytes { archive_write_data(archive, $0.baseAddress, $0.count) }
            guard n == buffer.count else { throw DatasetError(code: "write_failed", archive: path, LibArchive.error(archive)) }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and closes the file (standard output stays open).
    public func close() throws {
        try flush()
        switch sink {
        case .handle(let handle):
            if path != "-" { try? handle.close() }
        case .archive(let archive):
            let rc = archive_write_close(archive)
            let message = LibArchive.error(archive)
            archive_write_free(archive)
            guard rc == ARCHIVE_OK else { throw DatasetError(code: "write_failed", archive: path, message) }
        }
        sink = .handle(FileHandle.standardOutput)
    }
}
