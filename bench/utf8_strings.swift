// Compiled by bench/utf8.sh together with Sources/M2RLCore/UTF8Text.swift (which needs nothing
// but the standard library): nanoseconds per byte to make a String from UTF-8 bytes, by the
// standard library's String(decoding:) and by UTF8Text, on three texts of about 100 KB.
import Glibc

func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}

/// The median over `rounds` of the time per byte of `body` over the bytes, in nanoseconds.
func nanosecondsPerByte(_ bytes: [UInt8], rounds: Int = 15, repeats: Int = 50, _ body: (UnsafeBufferPointer<UInt8>) -> Int) -> Double {
    var times: [Double] = []
    var sink = 0
    for _ in 0..<rounds {
        let start = now()
        for _ in 0..<repeats { sink &+= bytes.withUnsafeBufferPointer(body) }
        times.append((now() - start) / Double(repeats * bytes.count) * 1e9)
    }
    precondition(sink != 0)
    return times.sorted()[rounds / 2]
}

@main
enum UTF8Bench {
    static func main() {
        let texts: [(String, String)] = [
            ("ASCII English", String(repeating: "The quick brown fox jumps over the lazy dog, then rests. ", count: 1_800)),
            ("English, one accented word a sentence", String(repeating: "The quick brown fox jumps over the lazy dog at the café. ", count: 1_800)),
            ("Chinese", String(repeating: "数学问题的答案是三角形的面积，请逐步推理。", count: 1_700)),
        ]
        print("| text | bytes | String(decoding:) ns/B | UTF8Text.string(validating:) ns/B | ratio |")
        print("|---|---|---|---|---|")
        for (name, text) in texts {
            let bytes = Array(text.utf8)
            let standard = nanosecondsPerByte(bytes) { String(decoding: $0, as: UTF8.self).utf8.count }
            let ours = nanosecondsPerByte(bytes) { UTF8Text.string(validating: $0)!.utf8.count }
            let row = [name, "\(bytes.count)", String(format3: standard), String(format3: ours), String(format3: standard / ours) + "×"]
            print("| " + row.joined(separator: " | ") + " |")
        }
    }
}

extension String {
    init(format3 value: Double) {
        let scaled = (value * 1000).rounded() / 1000
        self = "\(scaled)"
    }
}
