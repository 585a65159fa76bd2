import Foundation
import Testing
import M2RLCore
@testable import M2RLVerify

/// IFEval's 25 checkers against testcases/instruction/ifeval.jsonl, whose verdicts are lm-eval
/// 0.4.13's reference checkers' (generated and re-checked with bench/ifeval_reference.py).
@Suite("IFEval instructions: testcases/instruction/ifeval.jsonl")
struct IFEvalInstructionTests {
    static let lines = InstructionCase.load("ifeval.jsonl")

    static let ifevalIDs: [String] = IFEvalInstructions.kinds.map(\.id)

    /// The first fixture case of an id: a set of valid kwargs for it.
    static func validKwargs(_ id: String) -> [String: JSONValue] {
        lines.first { $0.id == id }?.kwargs ?? [:]
    }

    static func buildError(_ id: String, _ kwargs: [String: JSONValue]) -> InstructionError? {
        do {
            _ = try InstructionRegistry.check(id: id, kwargs: kwargs, prompt: "")
            return nil
        } catch {
            return error
        }
    }

    @Test("the registry holds IFEval's 25 ids, family ifeval")
    func registry() {
        #expect(Set(Self.ifevalIDs).count == 25)
        for kind in IFEvalInstructions.kinds {
            #expect(kind.family == "ifeval")
            #expect(InstructionRegistry.kinds[kind.id]?.family == "ifeval", "\(kind.id)")
        }
    }

    @Test("the fixture covers every id with both verdicts, at least 4 cases each, and every kwarg")
    func coverage() {
        for id in Self.ifevalIDs {
            let cases = Self.lines.filter { $0.id == id }
            #expect(cases.count >= 4, "\(id): \(cases.count) cases")
            #expect(Set(cases.map(\.follows)) == [true, false], "\(id): one verdict only")
            let used = Set(cases.flatMap { $0.kwargs.keys })
            let kind = IFEvalInstructions.kinds.first { $0.id == id }
            #expect(used == Set(kind?.kwargs ?? []), "\(id): fixture kwargs \(used.sorted())")
        }
        #expect(Set(Self.lines.map(\.id)).isSubset(of: Set(Self.ifevalIDs)))
    }

    @Test("strict verdict equals the reference's", arguments: lines)
    func verdict(line: InstructionCase) throws {
        let c = line
        let check = try InstructionRegistry.check(id: c.id, kwargs: c.kwargs, prompt: c.prompt)
        let strict = InstructionEvaluation.evaluate([check], response: c.response).strict[0]
        #expect(strict == c.follows, "line \(line.line) \(c.id) \(c.kwargs): expected \(c.follows) (\(c.why)), response \(c.response.debugDescription.prefix(200))")
    }

    @Test("a missing kwarg is an error naming it", arguments: ifevalIDs)
    func missing(id: String) {
        let valid = Self.validKwargs(id)
        #expect(Self.buildError(id, valid) == nil, "\(id): the fixture's kwargs must build")
        for key in valid.keys.sorted() {
            var kwargs = valid
            kwargs[key] = nil
            let error = Self.buildError(id, kwargs)
            #expect(error?.code == "invalid_kwargs", "\(id) without \(key)")
            #expect(error?.message.contains("'\(key)'") == true, "\(id) without \(key): \(error?.message ?? "no error")")
            kwargs[key] = .null
            #expect(Self.buildError(id, kwargs)?.message.contains("'\(key)' is required") == true, "\(id) with \(key): null")
        }
    }

    @Test("a kwarg of the wrong type is an error naming it", arguments: ifevalIDs)
    func wrongType(id: String) {
        let valid = Self.validKwargs(id)
        for (key, value) in valid.sorted(by: { $0.key < $1.key }) {
            let wrong: JSONValue
            switch value {
            case .int: wrong = .string("many")
            case .string: wrong = .int(3)
            case .array: wrong = .string("not a list")
            default: wrong = .object([:])
            }
            var kwargs = valid
            kwargs[key] = wrong
            let error = Self.buildError(id, kwargs)
            #expect(error?.code == "invalid_kwargs", "\(id) with \(key) = \(wrong.jsonText)")
            #expect(error?.message.contains("'\(key)'") == true, "\(id) with \(key) = \(wrong.jsonText): \(error?.message ?? "no error")")
        }
    }

    @Test("an unknown kwarg is an error naming it", arguments: ifevalIDs)
    func unknown(id: String) {
        var kwargs = Self.validKwargs(id)
        kwargs["bogus_key"] = .int(1)
        let error = Self.buildError(id, kwargs)
        #expect(error?.code == "invalid_kwargs")
        #expect(error?.message.contains("'bogus_key'") == true, "\(id): \(error?.message ?? "no error")")
    }

    @Test("out-of-range kwargs the reference would replace or crash on are errors naming the key", arguments: [
        ("keywords:existence", ["keywords": JSONValue.array([])], "keywords"),
        ("keywords:existence", ["keywords": .array([.string("(unclosed")])], "keywords"),
        ("keywords:existence", ["keywords": .array([.int(1)])], "keywords"),
        ("keywords:frequency", ["keyword": .string(""), "frequency": .int(1), "relation": .string("at least")], "keyword"),
        ("keywords:frequency", ["keyword": .string("a"), "frequency": .int(-1), "relation": .string("at least")], "frequency"),
        ("keywords:frequency", ["keyword": .string("a"), "frequency": .int(1), "relation": .string("at most")], "relation"),
        ("keywords:forbidden_words", ["forbidden_words": .array([])], "forbidden_words"),
        ("keywords:forbidden_words", ["forbidden_words": .array([.string("a[")])], "forbidden_words"),
        ("keywords:letter_frequency", ["letter": .string("ab"), "let_frequency": .int(1), "let_relation": .string("at least")], "letter"),
        ("keywords:letter_frequency", ["letter": .string("é"), "let_frequency": .int(1), "let_relation": .string("at least")], "letter"),
        ("keywords:letter_frequency", ["letter": .string("a"), "let_frequency": .int(-2), "let_relation": .string("at least")], "let_frequency"),
        ("keywords:letter_frequency", ["letter": .string("a"), "let_frequency": .int(1), "let_relation": .string("less")], "let_relation"),
        ("language:response_language", ["language": .string("xx")], "language"),
        ("language:response_language", ["language": .string("English")], "language"),
        ("length_constraints:number_sentences", ["num_sentences": .int(-1), "relation": .string("at least")], "num_sentences"),
        ("length_constraints:number_paragraphs", ["num_paragraphs": .int(-3)], "num_paragraphs"),
        ("length_constraints:number_words", ["num_words": .double(2.5), "relation": .string("at least")], "num_words"),
        ("length_constraints:nth_paragraph_first_word", ["num_paragraphs": .int(2), "nth_paragraph": .int(3), "first_word": .string("a")], "nth_paragraph"),
        ("length_constraints:nth_paragraph_first_word", ["num_paragraphs": .int(2), "nth_paragraph": .int(0), "first_word": .string("a")], "nth_paragraph"),
        ("detectable_content:number_placeholders", ["num_placeholders": .int(-1)], "num_placeholders"),
        ("detectable_format:number_bullet_lists", ["num_bullets": .int(-1)], "num_bullets"),
        ("detectable_format:number_highlighted_sections", ["num_highlights": .int(-1)], "num_highlights"),
        ("detectable_format:multiple_sections", ["section_spliter": .string("Section"), "num_sections": .int(-1)], "num_sections"),
        ("detectable_format:multiple_sections", ["section_spliter": .string("Sec(tion"), "num_sections": .int(1)], "section_spliter"),
        ("combination:repeat_prompt", ["prompt_to_repeat": .string("")], "prompt_to_repeat"),
        ("detectable_content:postscript", ["postscript_marker": .string("P.S.(")], "postscript_marker"),
        ("change_case:capital_word_frequency", ["capital_frequency": .int(2), "capital_relation": .string("at most")], "capital_relation"),
    ] as [(String, [String: JSONValue], String)])
    func outOfRange(id: String, kwargs: [String: JSONValue], key: String) {
        let error = Self.buildError(id, kwargs)
        #expect(error?.code == "invalid_kwargs", "\(id) \(kwargs)")
        #expect(error?.message.contains("'\(key)'") == true, "\(id) \(kwargs): \(error?.message ?? "no error")")
    }

    @Test("values the reference takes as given build: zero counts, empty phrases, negative capital frequency, Kelvin-sign letter")
    func accepted() {
        #expect(Self.buildError("length_constraints:number_words", ["num_words": .int(0), "relation": .string("less than")]) == nil)
        #expect(Self.buildError("startend:end_checker", ["end_phrase": .string("")]) == nil)
        #expect(Self.buildError("detectable_content:postscript", ["postscript_marker": .string("")]) == nil)
        #expect(Self.buildError("length_constraints:nth_paragraph_first_word", ["num_paragraphs": .int(1), "nth_paragraph": .int(1), "first_word": .string("")]) == nil)
        #expect(Self.buildError("change_case:capital_word_frequency", ["capital_frequency": .int(-5), "capital_relation": .string("at least")]) == nil)
        #expect(Self.buildError("keywords:letter_frequency", ["letter": .string("\u{212A}"), "let_frequency": .int(1), "let_relation": .string("at least")]) == nil)
    }

    @Test("multiple_sections' literal scan counts what the compiled pattern counts")
    func sectionScanMatchesRegex() throws {
        // Pieces chosen to meet every branch: whitespace before and after the splitter (ASCII,
        // ideographic, newline), decimal digits of two scripts, a digit that is not decimal (²),
        // the splitter inside a word, doubled, cut short, and with two spaces before its number.
        let pieces = ["Section", "SECTION", "Sec", "tion", " ", "  ", "\u{3000}", "\n", "1", "42", "٣", "²", "x", "s", "-", "1x"]
        var random = SplitMix64(seed: 7)
        for splitter in ["Section", "SECTION", "Sec tion", "s", "x-1", "1x"] {
            let regex = try #require(IFEvalInstructions.PythonRegex.compileIfValid(#"\s?"# + splitter + #"\s?\d+\s?"#, ignoreCase: false))
            let literal = PythonText.scalars(splitter)
            for _ in 0..<400 {
                let text = (0..<Int.random(in: 0...14, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
                #expect(IFEvalInstructions.sectionCount(PythonText.scalars(text), splitter: literal) == regex.count(text),
                        "splitter \(splitter) on \(text.debugDescription)")
            }
        }
    }

    @Test("keyword words of literal code points are found as the compiled pattern finds them")
    func foldedLiteralMatchesRegex() throws {
        // Words that are not plain ASCII (so not BoundedLiterals) but have no pattern syntax;
        // texts from pieces in other cases, with the code points Python's IGNORECASE pairs
        // (ſ and s, ı and i, İ, K and the Kelvin sign), word and non-word neighbours of
        // several scripts, and a combining accent that a precomposed é must not match.
        let words = ["stolicą", "ΟΔΟΣ", "naïve", "JSON:", "STEAL;", "```", "ſ", "ı", "😀", "é", "x_1;", "\u{212A}"]
        let pieces = ["ΟΔΟΣ", "οδος", "Οδός", "STOLICĄ", "stolicą", "naÏve", "json", "JSON", ":", ";", "```", "`", " ", "\n",
                      "_", "1", "٣", "ſ", "S", "s", "I", "ı", "i", "İ", "K", "\u{212A}", "😀", "é", "É", "e\u{301}", "x", "x_1", "a",
                      "steal", "STEAL"]
        var random = SplitMix64(seed: 11)
        for word in words {
            let literal = try #require(IFEvalInstructions.FoldedLiteral(word, bounded: true))
            let unbounded = try #require(IFEvalInstructions.FoldedLiteral(word, bounded: false))
            #expect(IFEvalInstructions.BoundedLiteral(word) == nil, "\(word) is a BoundedLiteral")
            let search = try #require(IFEvalInstructions.PythonRegex.compileIfValid(#"\b"# + word + #"\b"#, ignoreCase: true))
            let findall = try #require(IFEvalInstructions.PythonRegex.compileIfValid(word, ignoreCase: true))
            for _ in 0..<300 {
                let text = (0..<Int.random(in: 0...10, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
                let keys = IFEvalInstructions.FoldedLiteral.keys(text)
                #expect((literal.count(keys: keys, atMost: 1) == 1) == search.search(text), "\\b\(word)\\b in \(text.debugDescription)")
                #expect(unbounded.count(keys: keys, atMost: .max) == findall.count(text), "\(word) in \(text.debugDescription)")
            }
        }
    }

    @Test("checkers stay linear on large and odd inputs")
    func robust() throws {
        let big = String(repeating: "  \n", count: 60_000) + String(repeating: "* x [y] <<t>> *h* P.S. ", count: 6_000)
        let odd = "\u{301}\u{202E}😀\u{0}\r\n\u{2028}**\n<<\n>>[" + String(repeating: "Σ'", count: 1000)
        for kind in IFEvalInstructions.kinds {
            let kwargs = Self.validKwargs(kind.id)
            let check = try InstructionRegistry.check(id: kind.id, kwargs: kwargs, prompt: "")
            let start = Date()
            _ = check.follows(big)
            _ = check.follows(odd)
            _ = check.follows("")
            #expect(Date().timeIntervalSince(start) < 20, "\(kind.id) is too slow on a large input")
        }
    }
}
