import Foundation
import M2RLCore
import Testing
@testable import M2RLVerify

/// The IFEvalG training checkers against testcases/instruction/iftrain.jsonl, whose verdicts
/// were checked against open-instruct's reference checkers by validate_iftrain.py.
@Suite("IFEvalG training constraints: testcases/instruction/iftrain.jsonl")
struct IFTrainInstructionTests {
    typealias Case = InstructionCase

    static let cases = InstructionCase.load("iftrain.jsonl")

    @Test("the fixture covers every id with both verdicts, at least 4 cases, and every kwarg")
    func coverage() {
        #expect(Self.cases.count >= 4 * IFTrainInstructions.kinds.count)
        #expect(!Self.cases.contains { $0.id == "<unreadable>" }, "unreadable fixture lines: \(Self.cases.filter { $0.id == "<unreadable>" }.map(\.line))")
        let ids = Set(IFTrainInstructions.kinds.map(\.id))
        for c in Self.cases where !ids.contains(c.id) {
            Issue.record("line \(c.line): \(c.id) is not an IFEvalG training id")
        }
        for kind in IFTrainInstructions.kinds {
            let mine = Self.cases.filter { $0.id == kind.id }
            #expect(mine.count >= 4, "\(kind.id): \(mine.count) cases")
            #expect(Set(mine.map(\.follows)) == [true, false], "\(kind.id): needs both verdicts")
            let used = Set(mine.flatMap(\.kwargs.keys))
            for key in kind.kwargs where !used.contains(key) {
                Issue.record("\(kind.id): no fixture case gives kwarg '\(key)'")
            }
        }
    }

    @Test("the 29 ids are registered once, as family iftrain, without IFEval's ids")
    func registry() {
        let kinds = IFTrainInstructions.kinds
        #expect(kinds.count == 29)
        #expect(Set(kinds.map(\.id)).count == kinds.count)
        #expect(kinds.allSatisfy { $0.family == "iftrain" })
        for id in ["keywords:letter_frequency", "keywords:frequency", "length_constraints:number_words", "punctuation:no_comma"] {
            #expect(!kinds.contains { $0.id == id }, "\(id) belongs to IFEval")
        }
        for kind in kinds {
            #expect(InstructionRegistry.kinds[kind.id]?.family == "iftrain", "\(kind.id) missing from the registry")
        }
    }

    @Test("every fixture case gets the reference's verdict")
    func verdicts() {
        for c in Self.cases {
            let check: any InstructionCheck
            do {
                check = try InstructionRegistry.check(id: c.id, kwargs: c.kwargs, prompt: c.prompt)
            } catch {
                Issue.record("line \(c.line) \(c.id): does not build: \(error)")
                continue
            }
            let message: Comment = "line \(c.line) \(c.id): expected follows=\(c.follows) (\(c.why)) for \(String(reflecting: c.response).prefix(120))"
            #expect(check.follows(c.response) == c.follows, message)
        }
    }

    @Test("kwargs that are missing, falsy or out of range are errors naming the key", arguments: [
        ("copy:repeat_phrase", ["small_n": .int(2)], "'phrase' is required"),
        ("copy:repeat_phrase", ["phrase": .string("   "), "small_n": .int(2)], "'phrase' has no words"),
        ("copy:repeat_phrase", ["phrase": .string("a b c"), "small_n": .int(0)], "'small_n' must be at least 1 (the reference replaces 0"),
        ("copy:repeat_phrase", ["phrase": .string("a b c"), "small_n": .string("two")], "'small_n' must be an integer"),
        ("copy:repeat_phrase", ["phrase": .string("(a b c"), "small_n": .int(1)], "'phrase' is used by the reference as a Python regular expression"),
        ("copy:copy", [:], "'prompt_to_repeat' is required"),
        ("copy:copying_simple", ["prompt_to_repeat": .string("")], "'prompt_to_repeat' must not be empty"),
        ("copy:copying_multiple", ["prompt_to_repeat": .string("x"), "N": .int(-2)], "'N' must be at least 1, got -2"),
        ("new:copy_span_idx", ["prompt_to_repeat": .string("Hello"), "n_start": .int(1)], "'n_end' is required"),
        ("keywords:word_once", [:], "'keyword' is required"),
        ("keywords:word_once", ["keyword": .string("(")], "'keyword' is used by the reference as a Python regular expression"),
        ("keywords:word_count_different_numbers", ["keyword": .string("a"), "frequency": .int(-1), "relation": .string("at least")], "'frequency' must be at least 0"),
        ("keywords:word_count_different_numbers", ["keyword": .string("a"), "frequency": .int(1), "relation": .string("at most")], "'relation' must be one of"),
        ("keywords:word_count_different_numbers", ["keyword": .string("a"), "frequency": .int(1)], "'relation' is required"),
        ("keywords:exclude_word_harder", ["instruction": .string("Write about apples")], "'keyword' is required"),
        ("first_word:first_word_sent", ["first_word": .array([])], "'first_word' must not be empty"),
        ("first_word:first_word_sent", ["first_word": .array([.int(3)])], "'first_word' must be a string or a list of strings"),
        ("first_word:first_word_answer", ["first_word": .array([.string("yes")])], "'first_word' must be a string"),
        ("last_word:last_word_answer", ["last_word": .string("")], "'last_word' must not be empty"),
        ("count:lowercase_counting", [:], "'N' is required"),
        ("letters:letter_counting", ["N": .int(0), "relation": .string("at least")], "'N' must be at least 1"),
        ("letters:letter_counting", ["N": .int(3), "relation": .string("more than")], "'relation' must be one of"),
        ("letters:letter_counting2", ["letter": .string("ab"), "let_frequency": .int(1), "let_relation": .string("at least")], "'letter' must be a single letter"),
        ("letters:letter_counting2", ["letter": .string("\u{e9}"), "let_frequency": .int(1), "let_relation": .string("at least")], "'letter' must be a single letter"),
        ("letters:letter_counting2", ["letter": .string("a"), "let_frequency": .int(-1), "let_relation": .string("at least")], "'let_frequency' must be at least 0"),
        ("letters:letter_counting2", ["letter": .string("a"), "let_frequency": .int(1)], "'let_relation' is required"),
        ("count:counting_composition", ["n_sent": .int(2), "n_words": .int(0)], "'n_words' must be at least 1"),
        ("count:count_increment_word", ["keyword1": .string("a")], "'keyword2' is required"),
        ("keywords:keyword_specific_position", ["keyword": .string("a"), "n": .int(-1), "m": .int(1)], "'n' must be at least 1, got -1"),
        ("keywords:palindrome", ["keyword": .string("a")], "'keyword' is not one it takes (it takes no kwargs)"),
        ("paragraphs:paragraphs", ["num_paragraphs": .int(2)], "'num_paragraphs' is not one it takes"),
    ] as [(String, [String: JSONValue], String)])
    func kwargErrors(id: String, kwargs: [String: JSONValue], message: String) {
        do {
            _ = try InstructionRegistry.check(id: id, kwargs: kwargs, prompt: "")
            Issue.record("\(id) \(kwargs): built, expected an error containing \(message)")
        } catch {
            #expect(error.code == "invalid_kwargs", "\(id): \(error)")
            #expect(error.message.hasPrefix(id + ":"), "\(id): \(error)")
            #expect(error.message.contains(message), "\(id): \(error.message)")
        }
    }

    @Test("null kwargs count as absent, and a 0 n_start is index 0 (m2rl's reading where the reference redraws)")
    func departures() throws {
        let nulls = try InstructionRegistry.check(id: "keywords:exclude_word_harder", kwargs: ["keyword": .string("apple"), "instruction": .null], prompt: "")
        #expect(nulls.follows("I like apple pie.") == false)
        let span = try InstructionRegistry.check(id: "new:copy_span_idx", kwargs: ["prompt_to_repeat": .string("Hello world"), "n_start": .int(0), "n_end": .int(5)], prompt: "")
        #expect(span.follows(" HELLO "))
        #expect(!span.follows("Hello world"))
    }

    @Test("Python's case-insensitive matching and lower() on code points")
    func pythonText() {
        // Kelvin sign and long s fold as Python's re folds them; sharp s does not become ss.
        #expect(IFTrainText.caseFold("\u{212A}") == IFTrainText.caseFold("k"))
        #expect(IFTrainText.caseFold("\u{17F}") == IFTrainText.caseFold("S"))
        #expect(IFTrainText.caseFold("\u{131}") == IFTrainText.caseFold("I"))
        #expect(IFTrainText.caseFold("\u{3C2}") == IFTrainText.caseFold("\u{3A3}"))
        #expect(IFTrainText.caseFold("\u{DF}") != IFTrainText.caseFold("s"))
        // Final sigma: at the end of a word, not before a letter, not alone.
        #expect(String(String.UnicodeScalarView(IFTrainText.lower("ΟΔΟΣ ΣΑ Σ".unicodeScalars))) == "οδος σα σ")
        #expect(String(String.UnicodeScalarView(IFTrainText.lower("İ".unicodeScalars))) == "i\u{307}")
        #expect(IFTrainText.icuPattern("a{,2}b{}c{3}d}") == "a{0,2}b\\{\\}c{3}d\\}")
        #expect(IFTrainText.icuPattern("[]a[&]\\Z") == "[\\]a\\[\\&]\\z")
        #expect(IFTrainText.slice(Array("abcdef".unicodeScalars), -3, 100).map(\.value) == Array("def".unicodeScalars).map(\.value))
    }

    @Test("no checker crashes or stalls on hostile responses")
    func hostileInputs() throws {
        let big = String(repeating: "The early bird caught a worm; \u{202E}abc\u{301} 😀 *** -- <<x>> [y] ", count: 5_000)
        let inputs = ["", " ", "\n\n", "\u{301}", "\u{202E}\u{5D0}\u{5D1}", "😀👨‍👩‍👧", "***", "******", "-", "<<", "[", "İ Σ ß", "\r\n\r\n", big,
                      String(repeating: "The ", count: 50_000) + "worm", String(repeating: "a", count: 200_000)]
        let kwargs: [String: [String: JSONValue]] = [
            "copy:repeat_phrase": ["phrase": .string("The early bird catches the worm"), "small_n": .int(2)],
            "copy:copy": ["prompt_to_repeat": .string("x")],
            "copy:copying_simple": ["prompt_to_repeat": .string("x")],
            "copy:copying_multiple": ["prompt_to_repeat": .string("x"), "N": .int(2)],
            "new:copy_span_idx": ["prompt_to_repeat": .string("😀abc"), "n_start": .int(-100), "n_end": .int(100)],
            "keywords:word_once": ["keyword": .string("a.c")],
            "keywords:word_count_different_numbers": ["keyword": .string("aa"), "frequency": .int(2), "relation": .string("at least")],
            "keywords:exclude_word_harder": ["keyword": .string("a")],
            "first_word:first_word_sent": ["first_word": .string("The")],
            "first_word:first_word_answer": ["first_word": .string("The")],
            "last_word:last_word_sent": ["last_word": .string("worm")],
            "last_word:last_word_answer": ["last_word": .string("worm")],
            "count:lowercase_counting": ["N": .int(3)],
            "letters:letter_counting": ["N": .int(3), "relation": .string("less than")],
            "letters:letter_counting2": ["letter": .string("a"), "let_frequency": .int(3), "let_relation": .string("at least")],
            "count:counting_composition": ["n_sent": .int(2), "n_words": .int(3)],
            "count:count_increment_word": ["keyword1": .string("a"), "keyword2": .string("worm")],
            "keywords:keyword_specific_position": ["keyword": .string("worm"), "n": .int(2), "m": .int(3)],
        ]
        for kind in IFTrainInstructions.kinds {
            let check = try InstructionRegistry.check(id: kind.id, kwargs: kwargs[kind.id] ?? [:], prompt: "")
            for input in inputs {
                _ = check.follows(input)
            }
        }
    }
}
