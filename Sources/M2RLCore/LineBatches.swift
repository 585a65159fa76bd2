import Foundation

/// Reads lines from a file descriptor in batches: each call returns the complete lines already
/// read (at most `maxLines`), and reads (blocking) only when none is left. A program that writes
/// one line and waits for its answer gets that line at once; a pipe full of lines gives batches
/// of everything one read(2) brought in, so a consumer can hand lines on and write answers a
/// batch at a time instead of a line at a time.
///
/// Lines end at `\n` (a `\r` before it is dropped, as `readLine(strippingNewline:)` does); a
/// last line without one is still a line. Bytes are decoded as UTF-8 with malformed sequences
/// replaced by U+FFFD, like `readLine`. Memory: the read buffer (64 KiB, grown to the longest
/// line) and the lines of one batch.
public final class LineBatches {
    private let descriptor: Int32
    private let maxLines: Int
    private var buffer: UnsafeMutableRawBufferPointer
    /// Bytes `start..<end` of `buffer` are read and not yet returned.
    private var start = 0
    private var end = 0
    private var atEnd = false

    /// - Parameters:
    ///   - descriptor: the file to read (not closed here).
    ///   - maxLines: the most lines per batch (at least 1).
    public init(descriptor: Int32, maxLines: Int = 256) {
        self.descriptor = descriptor
        self.maxLines = max(1, maxLines)
        buffer = .allocate(byteCount: 1 << 16, alignment: 16)
    }

    deinit { buffer.deallocate() }

    /// The next batch (never empty), or nil at the end of the input. A read error other than
    /// EINTR ends the input.
    public func next() -> [String]? {
        while true {
            var lines: [String] = []
            let base = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
            while lines.count < maxLines, start < end,
                  let found = memchr(base + start, 0x0A, end - start) {
                let newline = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                lines.append(Self.line(base + start, count: newline - start))
                start = newline + 1
            }
            if !lines.isEmpty { return lines }
            if atEnd {
                guard start < end else { return nil }
                defer { start = end }
                return [Self.line(base + start, count: end - start)]
            }
            fill()
        }
    }

    /// Moves the unread bytes to the front, grows the buffer when a line fills it, and reads.
    private func fill() {
        if start > 0 {
            let base = buffer.baseAddress!
            if end > start { memmove(base, base + start, end - start) }
            end -= start
            start = 0
        }
        if end == buffer.count {
            let larger = UnsafeMutableRawBufferPointer.allocate(byteCount: buffer.count * 2, alignment: 16)
            larger.copyMemory(from: UnsafeRawBufferPointer(rebasing: buffer[0..<end]))
            buffer.deallocate()
            buffer = larger
        }
        while true {
            let n = read(descriptor, buffer.baseAddress! + end, buffer.count - end)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { atEnd = true } else { end += n }
            return
        }
    }

    private static func line(_ bytes: UnsafePointer<UInt8>, count: Int) -> String {
        let length = count > 0 && bytes[count - 1] == 0x0D ? count - 1 : count
        return UTF8Text.string(repairing: UnsafeBufferPointer(start: bytes, count: length))
    }
}
