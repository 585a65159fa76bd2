import Foundation
import Testing
@testable import M2RLCore

@Suite("LineBatches: lines from a descriptor, a batch at a time")
struct LineBatchesTests {
    /// A pipe whose write end `body` gets; the read end is returned.
    func pipe(_ body: @escaping @Sendable (Int32) -> Void) -> Int32 {
        var ends: [Int32] = [0, 0]
        _ = ends.withUnsafeMutableBufferPointer { Glibc.pipe($0.baseAddress!) }
        let (reader, writer) = (ends[0], ends[1])
        Thread.detachNewThread {
            body(writer)
            close(writer)
        }
        return reader
    }

    static func send(_ fd: Int32, _ text: String) {
        let bytes = Array(text.utf8)
        var done = 0
        while done < bytes.count { done += bytes[done...].withUnsafeBytes { write(fd, $0.baseAddress!, $0.count) } }
    }

    @Test("lines split across writes, CRLF, empty lines, a last line without a newline, a line longer than the buffer")
    func shapes() {
        let long = String(repeating: "é", count: 100_000)
        let reader = pipe { fd in
            Self.send(fd, "one\r\ntw")
            usleep(20_000)
            Self.send(fd, "o\n\n\(long)\nlast")
        }
        defer { close(reader) }
        let batches = LineBatches(descriptor: reader)
        var lines: [String] = []
        while let batch = batches.next() {
            #expect(!batch.isEmpty)
            lines += batch
        }
        #expect(lines == ["one", "two", "", long, "last"])
        #expect(batches.next() == nil)
    }

    @Test("a line is returned as soon as it is complete, without waiting for more input")
    func interactive() {
        let answered = DispatchSemaphore(value: 0)
        let reader = pipe { fd in
            Self.send(fd, "first\n")
            // The second line is only sent once the first came back. A reader that waited to
            // fill a batch gets it after 10 s instead, in the same batch as the first, and the
            // first expectation below fails (rather than the test hanging).
            _ = answered.wait(timeout: .now() + 10)
            Self.send(fd, "second\n")
        }
        defer { close(reader) }
        let batches = LineBatches(descriptor: reader)
        #expect(batches.next() == ["first"])
        answered.signal()
        #expect(batches.next() == ["second"])
        #expect(batches.next() == nil)
    }

    @Test("a batch holds at most maxLines lines, and every line comes out once, in order")
    func cap() {
        let text = (1...1000).map { "line \($0)\n" }.joined()
        let reader = pipe { fd in Self.send(fd, text) }
        defer { close(reader) }
        let batches = LineBatches(descriptor: reader, maxLines: 7)
        var lines: [String] = []
        while let batch = batches.next() {
            #expect(batch.count <= 7)
            lines += batch
        }
        #expect(lines == (1...1000).map { "line \($0)" })
    }
}
