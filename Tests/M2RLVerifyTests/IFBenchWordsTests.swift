import Foundation
import M2RLCore
import Testing
@testable import M2RLVerify

/// IFBench's `count:*`, `ratio:*`, `words:*` and `sentence:*` checkers against
/// testcases/instruction/ifbench-words.jsonl, whose verdicts were checked against IFBench's own
/// classes (c94da02) by testcases/instruction/validate_ifbench_words.py, or by hand where the
/// reference needs NLTK data that cannot be installed here (the line's `why` says so).
///
/// Fixture lines are `{"id", "kwargs", "response", "follows", "why"}`, plus optionally
/// `"reference_raises"` (the reference raises there; m2rl answers "does not follow").
@Suite("IFBench count/ratio/words/sentence checkers: testcases/instruction/ifbench-words.jsonl")
struct IFBenchWordsTests {
    typealias Case = InstructionCase

    static let cases = InstructionCase.load("ifbench-words.jsonl")

    static let ids: [String] = [
        "count:conjunctions", "count:keywords_multiple", "count:numbers", "count:person_names", "count:pronouns",
        "count:punctuation", "count:unique_word_count", "count:word_count_range", "count:words_japanese",
        "ratio:overlap", "ratio:sentence_balance", "ratio:sentence_type", "ratio:sentence_words", "ratio:stop_words",
        "sentence:alliteration_increment", "sentence:increment", "sentence:keyword",
        "words:alphabet", "words:consonants", "words:keywords_specific_position", "words:last_first",
        "words:no_consecutive", "words:odd_even_syllables", "words:palindrome", "words:paragraph_last_first",
        "words:prime_lengths", "words:repeats", "words:start_verb", "words:vowel", "words:words_position",
    ]

    @Test("the table holds exactly the 30 ids, family ifbench, with the reference's kwarg names")
    func table() {
        let kinds = IFBenchInstructions.wordKinds
        #expect(kinds.map(\.id).sorted() == Self.ids)
        #expect(kinds.allSatisfy { $0.family == "ifbench" })
        let kwargs = Dictionary(uniqueKeysWithValues: kinds.map { ($0.id, Set($0.kwargs)) })
        #expect(kwargs["count:word_count_range"] == ["min_words", "max_words"])
        #expect(kwargs["count:keywords_multiple"] == ["keyword1", "keyword2", "keyword3", "keyword4", "keyword5"])
        #expect(kwargs["ratio:overlap"] == ["reference_text", "percentage"])
        #expect(kwargs["sentence:keyword"] == ["word", "N"])
        #expect(kwargs["words:keywords_specific_position"] == ["keyword", "n", "m"])
        #expect(kwargs["words:words_position"] == ["keyword"])
        for id in ["count:unique_word_count", "count:person_names", "count:numbers", "count:pronouns", "count:words_japanese"] {
            #expect(kwargs[id] == ["N"], "\(id)")
        }
        for id in ["count:conjunctions", "words:repeats", "sentence:increment"] {
            #expect(kwargs[id] == ["small_n"], "\(id)")
        }
        #expect(kwargs["ratio:stop_words"] == ["percentage"])
    }

    @Test("every id has at least 3 fixture lines and both verdicts")
    func coverage() {
        #expect(Self.cases.count >= 90)
        for id in Self.ids {
            let lines = Self.cases.filter { $0.id == id }
            #expect(lines.count >= 3, "\(id): \(lines.count) lines")
            #expect(Set(lines.map(\.follows)) == [true, false], "\(id): needs a line that follows and one that does not")
        }
        #expect(Set(Self.cases.map(\.id)).isSubset(of: Set(Self.ids)))
    }

    @Test("fixture line", arguments: cases.map(\.line))
    func fixture(line: Int) throws {
        let c = try #require(Self.cases.first { $0.line == line })
        let check = try InstructionRegistry.check(id: c.id, kwargs: c.kwargs, prompt: "")
        let verdict = check.follows(c.response)
        let message = Comment(rawValue: "line \(c.line) \(c.id): expected \(c.follows) (\(c.why))")
        #expect(verdict == c.follows, message)
    }

    @Test("invalid kwargs are errors naming the key", arguments: [
        ("count:word_count_range", ["min_words": .int(3)], "'max_words' is required"),
        ("count:word_count_range", ["min_words": .int(-1), "max_words": .int(5)], "'min_words' must not be negative"),
        ("count:unique_word_count", [:], "'N' is required"),
        ("count:unique_word_count", ["N": .string("many")], "'N' must be an integer"),
        ("count:unique_word_count", ["N": .double(2.5)], "'N' must be an integer"),
        ("count:conjunctions", ["small_n": .int(-2)], "'small_n' must not be negative"),
        ("count:numbers", ["N": .int(2), "n": .int(3)], "kwarg 'n' is not one it takes"),
        ("count:words_japanese", ["N": .int(0)], "'N' must be at least 1"),
        ("count:keywords_multiple", ["keyword1": .string("a"), "keyword2": .string("b"), "keyword3": .string("c"), "keyword4": .string("d")], "'keyword5' is required"),
        ("count:keywords_multiple", ["keyword1": .int(1), "keyword2": .string("b"), "keyword3": .string("c"), "keyword4": .string("d"), "keyword5": .string("e")], "'keyword1' must be a string"),
        ("ratio:overlap", ["percentage": .int(50)], "'reference_text' is required"),
        ("ratio:overlap", ["reference_text": .string("abc"), "percentage": .int(-5)], "'percentage' must be a number ≥ 0"),
        ("ratio:stop_words", [:], "'percentage' is required"),
        ("ratio:sentence_type", ["N": .int(1)], "it takes no kwargs"),
        ("sentence:keyword", ["N": .int(2)], "'word' is required"),
        ("sentence:keyword", ["word": .string(""), "N": .int(2)], "'word' must not be empty"),
        ("sentence:keyword", ["word": .string("x"), "N": .int(-1)], "'N' must not be negative"),
        ("sentence:increment", ["small_n": .int(-1)], "'small_n' must not be negative"),
        ("words:keywords_specific_position", ["keyword": .string("x"), "n": .int(0), "m": .int(3)], "'n' must not be 0"),
        ("words:keywords_specific_position", ["keyword": .string("x"), "n": .int(2), "m": .int(0)], "'m' must not be 0"),
        ("words:keywords_specific_position", ["keyword": .string(""), "n": .int(2), "m": .int(3)], "'keyword' must not be empty"),
        ("words:keywords_specific_position", ["keyword": .string("x"), "n": .int(2)], "'m' is required"),
        ("words:words_position", [:], "'keyword' is required"),
        ("words:repeats", ["small_n": .int(-3)], "'small_n' must not be negative"),
        ("count:pronouns", ["N": .string("x")], "'N' must be an integer"),
    ] as [(String, [String: JSONValue], String)])
    func invalidKwargs(id: String, kwargs: [String: JSONValue], message: String) {
        #expect {
            _ = try InstructionRegistry.check(id: id, kwargs: kwargs, prompt: "")
        } throws: { error in
            guard let error = error as? InstructionError else { return false }
            return error.code == "invalid_kwargs" && error.message.contains(id) && error.message.contains(message)
        }
    }

    @Test("kwargs as IFBench's data spells them (floats such as 5.0, null for unused keys) are accepted")
    func dataSpelling() throws {
        let check = try InstructionRegistry.check(id: "count:numbers", kwargs: ["N": .double(2), "unused": .null], prompt: "")
        #expect(check.follows("1 and 2"))
        let overlap = try InstructionRegistry.check(id: "ratio:overlap", kwargs: ["reference_text": .string("abcd"), "percentage": .double(99.5)], prompt: "")
        #expect(overlap.follows("abcd"))
    }

    /// Valid kwargs for every id, to run each checker on hostile text.
    static let sampleKwargs: [String: [String: JSONValue]] = [
        "count:conjunctions": ["small_n": .int(2)], "count:keywords_multiple": ["keyword1": .string("a"), "keyword2": .string("b"), "keyword3": .string("c"), "keyword4": .string("d"), "keyword5": .string("e")],
        "count:numbers": ["N": .int(2)], "count:person_names": ["N": .int(2)], "count:pronouns": ["N": .int(2)],
        "count:unique_word_count": ["N": .int(2)], "count:word_count_range": ["min_words": .int(1), "max_words": .int(9)],
        "count:words_japanese": ["N": .int(2)], "ratio:overlap": ["reference_text": .string("abc"), "percentage": .int(50)],
        "ratio:stop_words": ["percentage": .int(50)], "sentence:increment": ["small_n": .int(1)],
        "sentence:keyword": ["word": .string("x"), "N": .int(0)], "words:keywords_specific_position": ["keyword": .string("x"), "n": .int(-1), "m": .int(-1)],
        "words:repeats": ["small_n": .int(1)], "words:words_position": ["keyword": .string("x")],
    ]

    @Test("no checker crashes or stalls on empty, odd or large text")
    func hostile() throws {
        let big = String(repeating: "Strong trees?! Sun moon, and 12 dogs. ", count: 5_000)
        let texts = [
            "", " ", "\n\n", ".", "?!", "‽", "a", "\u{301}", "e\u{301}\u{301}", "👩‍👩‍👧‍👦 🇫🇷", "שלום עולם. مرحبا؟",
            "\u{0600}.", "日本語の文。", String(repeating: ".", count: 5000), String(repeating: "a", count: 100_000), big,
        ]
        for id in Self.ids {
            let check = try InstructionRegistry.check(id: id, kwargs: Self.sampleKwargs[id] ?? [:], prompt: "")
            let start = Date()
            for text in texts { _ = check.follows(text) }
            #expect(Date().timeIntervalSince(start) < 20, "\(id) is too slow on large text")
        }
    }

    @Test("Python string semantics: code points, not grapheme clusters")
    func codePoints() throws {
        // A combining accent makes "e\u{301}" two code points: `len` is 2 per accented letter.
        let primes = try InstructionRegistry.check(id: "words:prime_lengths", kwargs: [:], prompt: "")
        #expect(primes.follows("e\u{301}"))            // 2 code points: prime
        #expect(!primes.follows("e\u{301}e\u{301}"))   // 4 code points
        // Canonically equivalent spellings are different words to Python.
        let unique = try InstructionRegistry.check(id: "count:unique_word_count", kwargs: ["N": .int(2)], prompt: "")
        #expect(unique.follows("\u{E9} e\u{301}"))
        // A sentence ends with "." when its last code point is ".", whatever precedes it.
        let type = try InstructionRegistry.check(id: "ratio:sentence_type", kwargs: [:], prompt: "")
        #expect(!type.follows("Ok \u{0600}."))  // 1 statement, 0 questions
        // Substring search is by code point: a name followed by a combining mark is still found.
        let names = try InstructionRegistry.check(id: "count:person_names", kwargs: ["N": .int(1)], prompt: "")
        #expect(names.follows("Leo\u{301}"))
        let keywords = try InstructionRegistry.check(id: "count:keywords_multiple", kwargs: [
            "keyword1": .string("e"), "keyword2": .string("x"), "keyword3": .string("y"), "keyword4": .string("z"), "keyword5": .string("w"),
        ], prompt: "")
        #expect(keywords.follows("e\u{301} xx yyy zzzzz wwwwwww"))
    }
}
