import Foundation
import Testing
@testable import M2RLCore

@Suite("JSON: the byte-level reader and writer")
struct JSONTextTests {
    static let documents = [
        #"{"id":"m1","completion":"so \\boxed{\\frac{1}{2}}.\n","problem":{"id":"p","domain":"math","answer":"0.5"}}"#,
        #"[1,-2,3.5,0.25,12345678901234567890,true,false,null,"",[],{}]"#,
        #"{"unicode":"é ∞ 😀 \u00e9 \ud83d\ude00","escapes":"\"\\\/\b\f\n\r\t\u0001"}"#,
        #"  { "spaced" : [ 1 , 2 ] }  "#,
    ]

    @Test("reads what JSONDecoder reads, value for value", arguments: documents)
    func sameAsFoundation(text: String) throws {
        let ours = try JSONValue.parse(text)
        let theirs = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        #expect(ours == theirs)
    }

    @Test("writes the text JSONEncoder writes (sorted keys, slashes kept, 1.0 as 1)", arguments: documents)
    func sameTextAsEncoder(text: String) throws {
        let value = try JSONValue.parse(text)
        #expect(value.jsonText == (try M2RLJSON.line(value)))
        #expect(try JSONValue.parse(value.jsonText) == value)
    }

    @Test("strings with escapes at every offset and run length unescape like JSONDecoder's")
    func escapesAtEveryOffset() throws {
        // Runs of 0 to 20 plain characters (ASCII and multi-byte) between escapes, so escapes fall
        // at every position of the reader's 8-byte words, and strings that end right after one.
        let plain = Array("abcdefghijklmnopqrsé∞😀tuvwxyz0123456789".unicodeScalars)
        let escapes = [#"\n"#, #"\""#, #"\\"#, #"\/"#, #"\u00e9"#, #"\ud83d\ude00"#, #"\t"#]
        var generator = SplitMix64(seed: 20251128)
        for trial in 0..<300 {
            var text = "\""
            for part in 0..<(trial % 9 + 1) {
                let run = Int.random(in: 0...20, using: &generator)
                for k in 0..<run { text.unicodeScalars.append(plain[(k + part + trial) % plain.count]) }
                text += escapes[(part + trial) % escapes.count]
            }
            if trial % 2 == 0 { text += "tail" }
            text += "\""
            let document = "[\(text), {\"k\": \(text)}]"
            let ours = try JSONValue.parse(document)
            let theirs = try JSONDecoder().decode(JSONValue.self, from: Data(document.utf8))
            #expect(ours == theirs, "\(document)")
        }
    }

    @Test("string bytes are checked as UTF-8 while scanned: each malformed sequence refused, in plain and escaped strings alike")
    func utf8InStrings() throws {
        // Each sequence (well-formed or not) between ASCII runs of 0 to 9 bytes, in a string
        // without escapes and in one with an escape before and after it. The oracle is the
        // standard library's decoder (see UTF8TextTests).
        let sequences: [[UInt8]] = [
            [0xC3, 0xA9], [0xE2, 0x88, 0x9E], [0xF0, 0x9F, 0x98, 0x80], [0xF4, 0x8F, 0xBF, 0xBF], [0xED, 0x9F, 0xBF],
            [0x80], [0xBF], [0xC0, 0xAF], [0xC1, 0xBF], [0xC3], [0xC3, 0x28], [0xE0, 0x80, 0xAF], [0xE2, 0x88],
            [0xED, 0xA0, 0x80], [0xF0, 0x8F, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xFE], [0xFF],
        ]
        for sequence in sequences {
            let wellFormed = String(validating: sequence, as: UTF8.self) != nil
            for before in 0...9 {
                for escaped in [false, true] {
                    let pad = Array(repeating: UInt8(ascii: "a"), count: before)
                    let escape: [UInt8] = escaped ? Array(#"\n"#.utf8) : []
                    let document = Array("[\"".utf8) + escape + pad + sequence + pad + escape + Array("\"]".utf8)
                    let parsed = Result { try document.withUnsafeBytes { try JSONValue.parse(bytes: $0) } }
                    switch parsed {
                    case .success(let value):
                        let expected = (escaped ? "\n" : "") + String(decoding: pad + sequence + pad, as: UTF8.self) + (escaped ? "\n" : "")
                        #expect(wellFormed && value == .array([.string(expected)]), "\(sequence) after \(before), escaped \(escaped)")
                    case .failure(let error):
                        let invalid = (error as? JSONText.SyntaxError)?.message == JSONText.invalidUTF8
                        #expect(!wellFormed && invalid, "\(sequence) after \(before), escaped \(escaped): \(error)")
                    }
                }
            }
        }
    }

    @Test("numbers keep the distinction the text made: 3 is an int, 3.0 and 1e3 are doubles")
    func numberKinds() throws {
        #expect(try JSONValue.parse("[3, 3.0, 1e3, -0, 12345678901234567890]")
            == .array([.int(3), .double(3), .double(1000), .int(0), .double(12345678901234567890)]))
    }

    @Test("doubles print like JSONEncoder's", arguments: [1.0, 0.5, 1e20, 0.1 + 0.2, 1e-7, -0.0, 2.5e300, 0.001, 0.08])
    func doubles(value: Double) throws {
        #expect(JSONValue.double(value).jsonText == (try M2RLJSON.line(JSONValue.double(value))))
    }

    @Test("malformed text names the byte and the problem", arguments: [
        ("{\"a\": }", 6, "unexpected character"), ("[1, 2", 5, "end of text"), ("\"abc", 4, "unterminated string"),
        ("{\"a\" 1}", 5, "expected ':'"), ("[01]", 3, "leading zero"), ("\"\\x\"", 3, "invalid escape"),
        ("\"\\ud800\"", 7, "unpaired surrogate"), ("[1] 2", 4, "after the value"), ("", 0, "end of text"),
        ("\"a\u{01}\"", 2, "control character"),
    ])
    func errors(text: String, offset: Int, message: String) {
        #expect {
            try JSONValue.parse(text)
        } throws: { error in
            guard let syntax = error as? JSONText.SyntaxError else { return false }
            return syntax.offset == offset && syntax.message.contains(message)
        }
    }

    @Test("nesting is bounded: 512 levels read, 513 refused, and nothing overflows the stack")
    func depth() throws {
        let deep = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        #expect(throws: Never.self) { try JSONValue.parse(deep) }
        let deeper = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONText.SyntaxError.self) { try JSONValue.parse(deeper) }
    }
}

@Suite("Problem from a parsed JSON object")
struct ProblemJSONTests {
    static let problems = [
        #"{"id":"m","domain":"math","prompt":"p","answer":"1","verifier":{"preset":"dapo","reward":"signed"}}"#,
        #"{"id":"c","domain":"code","tests":{"kind":"call","fn_name":"f","cases":[{"args":[1],"expected":null}],"time_limit_s":2,"memory_limit_mb":64,"max_tests":3,"seed":7,"stop_on_failure":false,"checker":{"language":"python","source":"x"}}}"#,
        #"{"id":"s","domain":"science","answer":"B","choices":["a","b"],"extra":1}"#,
        #"{"id":"i","domain":"instruction","instructions":[{"id":"punctuation:no_comma","kwargs":null},{"id":"length_constraints:number_words","kwargs":{"relation":"at least","num_words":3}}]}"#,
    ]

    @Test("the same Problem as JSONDecoder builds", arguments: problems)
    func same(text: String) throws {
        guard case .object(let fields) = try JSONValue.parse(text) else { Issue.record("not an object"); return }
        #expect(try Problem(json: fields) == JSONDecoder().decode(Problem.self, from: Data(text.utf8)))
    }

    @Test("Problem.json writes the line JSONEncoder writes", arguments: problems)
    func written(text: String) throws {
        let problem = try JSONDecoder().decode(Problem.self, from: Data(text.utf8))
        #expect(problem.json.jsonText == (try M2RLJSON.line(problem)))
    }

    @Test("errors name the field path", arguments: [
        (#"{"domain":"math"}"#, "id"), (#"{"id":"x","domain":"poetry"}"#, "domain"),
        (#"{"id":"x","domain":"code","tests":{"kind":"stdio","cases":[{"input":1}]}}"#, "tests.cases.0.input"),
        (#"{"id":"x","domain":"science","choices":["a",2]}"#, "choices.1"),
    ])
    func errors(text: String, path: String) throws {
        guard case .object(let fields) = try JSONValue.parse(text) else { Issue.record("not an object"); return }
        #expect {
            try Problem(json: fields)
        } throws: { error in
            guard let decoding = error as? DecodingError else { return false }
            switch decoding {
            case .keyNotFound(let key, let context): return (context.codingPath + [key]).map(\.stringValue).joined(separator: ".") == path
            case .typeMismatch(_, let context), .valueNotFound(_, let context): return context.codingPath.map(\.stringValue).joined(separator: ".") == path
            default: return false
            }
        }
    }
}
