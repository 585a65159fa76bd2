import Foundation
import Testing
import M2RLCore
@testable import M2RLVerify

/// The lexical text tools against fixed cases whose expected values were computed with the
/// Python tools they imitate (langdetect 1.0.9 seed 0, syllapy 0.8.0, emoji 2.15.0, NLTK's
/// English stop words as of 2025); `bench/text_lexical.py --check-fixtures` re-derives them.
/// Part-of-speech cases carry IFBench's reference verdicts (the tagger's data is not here).
@Suite("Lexical text tools: testcases/instruction/lexical.jsonl")
struct LexicalToolTests {
    struct Case: Sendable {
        var line: Int
        var id: String
        var tool: String
        var input: String?
        var tokens: [String]?
        var expected: JSONValue
        var why: String
    }

    static let cases: [Case] = {
        let path = VerifyFixtures.root + "/testcases/instruction/lexical.jsonl"
        let text = try! String(contentsOfFile: path, encoding: .utf8)
        var out: [Case] = []
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !line.isEmpty {
            let value = try! JSONValue.parse(String(line))
            guard case .object(let o) = value else { fatalError("line \(n + 1) is not an object") }
            var tokens: [String]?
            if case .array(let items)? = o["tokens"] { tokens = items.compactMap(\.string) }
            out.append(Case(line: n + 1, id: o["id"]?.string ?? "?", tool: o["tool"]?.string ?? "?",
                            input: o["input"]?.string, tokens: tokens, expected: o["expected"] ?? .null,
                            why: o["why"]?.string ?? ""))
        }
        return out
    }()

    static func ids(_ tool: String) -> [String] { cases.filter { $0.tool == tool }.map(\.id) }

    static func find(_ id: String) throws -> Case { try #require(cases.first { $0.id == id }) }

    @Test("every tool has cases, with both answers")
    func coverage() {
        for tool in ["language", "syllables", "emoji", "stopwords", "starts-with-verb"] {
            #expect(!Self.ids(tool).isEmpty, "no cases for \(tool)")
        }
        let emoji = Self.cases.filter { $0.tool == "emoji" }.map(\.expected)
        #expect(emoji.contains(.bool(true)) && emoji.contains(.bool(false)))
        let language = Self.cases.filter { $0.tool == "language" }.map(\.expected)
        #expect(language.contains(.null) && language.contains(.string("en")))
    }

    @Test("language: langdetect's answer", arguments: ids("language"))
    func language(id: String) throws {
        let c = try Self.find(id)
        let got = LanguageIdentifier.detect(c.input ?? "")
        #expect(got.map(JSONValue.string) ?? .null == c.expected, "line \(c.line) \(c.id) (\(c.why)): got \(got ?? "nil")")
    }

    @Test("syllables: syllapy's count", arguments: ids("syllables"))
    func syllables(id: String) throws {
        let c = try Self.find(id)
        let got = Syllables.count(c.input ?? "")
        #expect(JSONValue.int(got) == c.expected, "line \(c.line) \(c.id) (\(c.why)): got \(got)")
    }

    @Test("emoji: is_emoji", arguments: ids("emoji"))
    func emoji(id: String) throws {
        let c = try Self.find(id)
        let got = Emoji.isEmoji(c.input ?? "")
        #expect(JSONValue.bool(got) == c.expected, "line \(c.line) \(c.id) (\(c.why)): got \(got)")
    }

    @Test("stop words: membership", arguments: ids("stopwords"))
    func stopWord(id: String) throws {
        let c = try Self.find(id)
        let got = StopWords.english.contains(c.input ?? "")
        #expect(JSONValue.bool(got) == c.expected, "line \(c.line) \(c.id) (\(c.why)): got \(got)")
    }

    @Test("stop words: the whole 198-word set")
    func stopWordSet() throws {
        let c = try Self.find("stopwords-set")
        guard case .array(let items) = c.expected else { Issue.record("line \(c.line): expected a list"); return }
        let expected = Set(items.compactMap(\.string))
        #expect(expected.count == 198, "line \(c.line): the fixture list has \(expected.count) words")
        #expect(StopWords.english == expected,
                "line \(c.line): missing \(expected.subtracting(StopWords.english).sorted()), extra \(StopWords.english.subtracting(expected).sorted())")
    }

    @Test("starts with a verb: reference verdicts and rule cases", arguments: ids("starts-with-verb"))
    func startsWithVerb(id: String) throws {
        let c = try Self.find(id)
        let got = PartOfSpeech.startsWithVerb(c.tokens ?? [])
        #expect(JSONValue.bool(got) == c.expected, "line \(c.line) \(c.id) (\(c.why)): got \(got)")
    }

    @Test("emoji: single code points follow the Unicode Emoji property, minus keycap bases and regional indicators")
    func emojiScalars() {
        var count = 0
        for v in UInt32(0)...0x10FFFF {
            guard let s = Unicode.Scalar(v) else { continue }
            if Emoji.isEmoji(String(s)) { count += 1 }
        }
        #expect(count == 1400, "emoji 2.15.0 has 1,400 one-code-point emoji; got \(count)")
        #expect(Emoji.sequences.count == 3825)
    }

    @Test("language: the script of known letters and non-letters, in and above the table")
    func languageScripts() {
        typealias Script = LanguageIdentifier.Script
        // Below U+1100 the answer is read from a table built from the rules; each case names a
        // rule's side (a letter, a mark or digit the script counts, a sign it does not).
        let cases: [(Unicode.Scalar, Script?)] = [
            ("A", .latin), ("z", .latin), ("1", nil), (" ", nil), ("é", .latin), ("×", nil), ("\u{1E9E}", .latin),
            ("Ω", .greek), ("\u{37E}", nil), ("Ж", .cyrillic), ("Ա", .armenian), ("א", .hebrew), ("\u{5B0}", .hebrew),
            ("ب", .arabic), ("٣", nil), ("۳", .arabic), ("क", .devanagari), ("३", .devanagari), ("ক", .bengali),
            ("ਕ", .gurmukhi), ("ક", .gujarati), ("க", .tamil), ("క", .telugu), ("ಕ", .kannada), ("ക", .malayalam),
            ("ก", .thai), ("ა", .georgian), ("あ", .kana), ("한", .hangul), ("中", .han), ("😀", nil),
        ]
        for (scalar, script) in cases {
            #expect(Script.of(scalar) == script, "U+\(String(scalar.value, radix: 16, uppercase: true))")
        }
    }

    @Test("language: the n-gram lowercasing is String.lowercased(), and NFC leaves text below U+0300 alone")
    func languageLowercaseAndNFC() {
        // LanguageIdentifier.lowercase reads a table below U+1100 and asks Unicode only for
        // scalars that change when lowercased; every other scalar must be its own lowercase
        // mapping, and no mapping is longer than the 3 scalars it has room for.
        var mismatches: [UInt32] = []
        let buffer = UnsafeMutablePointer<UInt64>.allocate(capacity: 3)
        defer { buffer.deallocate() }
        for v in UInt32(0)...0x10FFFF {
            guard let s = Unicode.Scalar(v) else { continue }
            let swift = String(s).lowercased().unicodeScalars.map { UInt64($0.value) }
            guard swift.count <= 3 else { mismatches.append(v); continue }
            let count = LanguageIdentifier.lowercase(s, into: buffer)
            if Array(UnsafeBufferPointer(start: buffer, count: count)) != swift { mismatches.append(v) }
        }
        #expect(mismatches.isEmpty, "lowercasing differs at \(mismatches.prefix(10).map { String($0, radix: 16) })")
        // readText skips the normalizer when every scalar is below U+0300: each is its own NFC
        // and a starter, so no pair of them composes.
        var changed: [UInt32] = []
        for v in UInt32(0)..<0x300 {
            let s = String(Unicode.Scalar(v)!)
            if s.precomposedStringWithCanonicalMapping.unicodeScalars.count != 1 || s.precomposedStringWithCanonicalMapping != s
                || Unicode.Scalar(v)!.properties.canonicalCombiningClass != .notReordered { changed.append(v) }
        }
        #expect(changed.isEmpty)
        // ...and none of them is a second part of a canonical decomposition, so none composes
        // with the scalar before it.
        var seconds = Set<UInt32>()
        for v in UInt32(0x80)...0x2FFFF {
            guard let s = Unicode.Scalar(v) else { continue }
            let parts = String(s).decomposedStringWithCanonicalMapping.unicodeScalars.map(\.value)
            if parts.count > 1 { seconds.formUnion(parts.dropFirst()) }
        }
        #expect(seconds.allSatisfy { $0 >= 0x300 })
    }

    @Test("no tool fails or stalls on hostile input", arguments: [
        "", " ", "\u{0301}\u{0301}\u{0301}", String(repeating: "a-", count: 50_000),
        String(repeating: "https://", count: 20_000), String(repeating: "x@", count: 50_000),
        String(repeating: "\u{202E}مرحبا ", count: 2_000), String(repeating: "😀", count: 30_000),
    ])
    func hostile(text: String) {
        _ = LanguageIdentifier.detect(text)
        _ = Syllables.count(text)
        _ = Emoji.isEmoji(text)
        _ = PartOfSpeech.startsWithVerb([text])
        for word in PythonText.split(text).prefix(1000) { _ = Syllables.count(String(word)) }
    }
}
