import Foundation
import M2RLCore
import Testing
@testable import M2RLVerify

/// IFBench's `format:*`, `custom:*` and `repeat:*` checkers against
/// testcases/instruction/ifbench-format.jsonl, whose verdicts were recomputed with the reference
/// checkers (bench/ifbench_format_reference.py; `format:title_case` cases hand-verified).
@Suite("IFBench format/custom/repeat: testcases/instruction/ifbench-format.jsonl")
struct IFBenchFormatTests {
    typealias Case = InstructionCase

    static let ids = [
        "format:emoji", "format:line_indent", "format:list", "format:newline", "format:no_bullets_bullets",
        "format:no_whitespace", "format:options", "format:output_template", "format:parentheses",
        "format:quote_unquote", "format:quotes", "format:sub-bullets", "format:thesis", "format:title_case",
        "custom:csv_city", "custom:csv_quotes", "custom:csv_special_character", "custom:date_format_list",
        "custom:european_capitals_sort", "custom:mcq_count_length", "custom:multiples", "custom:reverse_newline",
        "custom:sentence_alphabet", "custom:word_reverse", "custom:character_reverse",
        "repeat:repeat_change", "repeat:repeat_simple", "repeat:repeat_span",
    ]

    static let cases = InstructionCase.load("ifbench-format.jsonl")

    @Test("verdict", arguments: cases)
    func verdict(_ c: Case) throws {
        let check = try InstructionRegistry.check(id: c.id, kwargs: c.kwargs, prompt: c.prompt)
        #expect(check.follows(c.response) == c.follows, "line \(c.line) \(c.id): \(c.why)")
    }

    @Test("every id has at least 3 cases and both verdicts; no case names another id")
    func coverage() {
        for id in Self.ids {
            let mine = Self.cases.filter { $0.id == id }
            #expect(mine.count >= 3, "\(id): \(mine.count) cases")
            #expect(Set(mine.map(\.follows)) == [true, false], "\(id): needs both verdicts")
        }
        for c in Self.cases { #expect(Self.ids.contains(c.id), "line \(c.line): \(c.id) is not a format/custom/repeat id") }
    }

    @Test("registered as IFBench with the reference's kwarg names")
    func registry() throws {
        let kwargs: [String: [String]] = [
            "format:list": ["sep"], "format:options": ["options"], "repeat:repeat_change": ["prompt_to_repeat"],
            "repeat:repeat_span": ["prompt_to_repeat", "n_start", "n_end"],
        ]
        #expect(IFBenchInstructions.formatKinds.count == Self.ids.count)
        for id in Self.ids {
            let kind = try #require(InstructionRegistry.kinds[id], "\(id) is not registered")
            #expect(kind.family == "ifbench")
            #expect(Set(kind.kwargs) == Set(kwargs[id] ?? []), "\(id) takes \(kind.kwargs)")
        }
    }

    @Test("invalid kwargs name the id and the key", arguments: [
        ("format:list", [:], "'sep' is required"),
        ("format:list", ["sep": .int(3)], "'sep' must be a string"),
        ("format:options", [:], "'options' is required"),
        ("repeat:repeat_change", [:], "'prompt_to_repeat' is required"),
        ("repeat:repeat_change", ["prompt_to_repeat": .string("")], "'prompt_to_repeat' must be a non-empty string"),
        ("repeat:repeat_span", ["n_start": .int(1), "n_end": .int(2)], "'prompt_to_repeat' is required"),
        ("repeat:repeat_span", ["prompt_to_repeat": .string("a b c"), "n_end": .int(2)], "'n_start' is required"),
        ("repeat:repeat_span", ["prompt_to_repeat": .string("a b c"), "n_start": .int(1)], "'n_end' is required"),
        ("repeat:repeat_span", ["prompt_to_repeat": .string("a b c"), "n_start": .string("one"), "n_end": .int(2)], "'n_start' must be an integer"),
        ("custom:csv_city", ["N": .int(3)], "'N' is not one it takes"),
        ("format:emoji", ["sep": .string("-")], "'sep' is not one it takes"),
    ] as [(String, [String: JSONValue], String)])
    func invalid(id: String, kwargs: [String: JSONValue], message: String) {
        #expect {
            _ = try InstructionRegistry.check(id: id, kwargs: kwargs, prompt: "")
        } throws: { error in
            guard let error = error as? InstructionError else { return false }
            return error.code == "invalid_kwargs" && error.message.hasPrefix(id + ":") && error.message.contains(message)
        }
    }

    @Test("null kwargs count as absent (IFBench rows carry every kwarg name)")
    func nullKwargs() throws {
        let check = try InstructionRegistry.check(id: "format:quotes", kwargs: ["sep": .null, "N": .null], prompt: "")
        #expect(check.follows("\"a 'b \"c\" b' a\""))
    }

    /// Rows checked with Python 3.11's `list(csv.reader(io.StringIO(text), ...))`; nil where it
    /// raises.
    @Test("PythonCSV reads as csv.reader", arguments: [
        ("a,b\nc,d", ",", [["a", "b"], ["c", "d"]]),
        ("a,\"b\nc\"x,d\n\ne", ",", [["a", "b\ncx", "d"], [], ["e"]]),
        ("a,\"b", ",", [["a", "b"]]),
        ("a,\"b\"\"c\",d", ",", [["a", "b\"c", "d"]]),
        ("a\u{0}b,c", ",", [["a\u{0}b", "c"]]),
        ("a,b\r\nc,d\r\n", ",", [["a", "b"], ["c", "d"]]),
        ("a,\n,b,", ",", [["a", ""], ["", "b", ""]]),
        ("\"a\"\t\"b\"", "\t", [["a", "b"]]),
        ("a\rb,c", ",", nil),
        ("", ",", []),
        ("\n\n", ",", [[], []]),
        ("\"a\nb", ",", [["a\nb"]]),
    ] as [(String, String, [[String]]?)])
    func csv(text: String, delimiter: String, rows: [[String]]?) {
        let got = PythonCSV.rows(text, delimiter: delimiter.unicodeScalars.first!)
        #expect(got == rows)
    }

    @Test("csv: a field over 131072 code points is an error, 131072 is not")
    func csvFieldLimit() {
        #expect(PythonCSV.rows(String(repeating: "x", count: 131_072) + ",y", delimiter: ",")?.first?.count == 2)
        #expect(PythonCSV.rows(String(repeating: "x", count: 131_073) + ",y", delimiter: ",") == nil)
    }

    @Test("Python slices", arguments: [
        (9, 1, 4, 1..<4), (9, -3, 9, 6..<9), (9, 7, 100, 7..<9), (9, 5, 2, 5..<5), (9, -100, 2, 0..<2), (0, 0, 3, 0..<0),
        (9, Int.min, Int.max, 0..<9),
    ] as [(Int, Int, Int, Range<Int>)])
    func slices(count: Int, start: Int, end: Int, range: Range<Int>) {
        #expect(IFBenchFormat.pythonSlice(count, start, end) == range)
    }

    /// Inputs that could crash or stall a careless checker: empty pieces, lone combining marks,
    /// RTL text, astral code points, long runs of newlines, brackets, quotes and blank lines.
    @Test("no checker crashes or stalls on hostile input")
    func hostile() throws {
        let big = 200_000
        let inputs = [
            "", " ", "\n", "*", "\"", "'\"'", "<i>", "<em>", "</i>", "Question", "Question 1",
            "\u{301}\u{301}", "e\u{301}", "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}", "مرحبا بالعالم. שלום.", "\u{FE0F}.",
            String(repeating: "\n", count: big), String(repeating: "\n \n", count: big / 2),
            String(repeating: "(", count: big), String(repeating: "\"'", count: big / 2),
            String(repeating: "\nQuestion x", count: big / 10), String(repeating: "*", count: big),
            String(repeating: "a,\"", count: big / 3), String(repeating: "<i>", count: big / 3),
            String(repeating: "Hello 😀. ", count: big / 10),
        ]
        let clock = ContinuousClock()
        for id in Self.ids {
            var kwargs: [String: JSONValue] = [:]
            switch id {
            case "format:list": kwargs = ["sep": .string("-")]
            case "format:options": kwargs = ["options": .string("yes/no/maybe")]
            case "repeat:repeat_change": kwargs = ["prompt_to_repeat": .string("Write a poem.")]
            case "repeat:repeat_span": kwargs = ["prompt_to_repeat": .string("a b c d"), "n_start": .int(1), "n_end": .int(3)]
            default: break
            }
            let check = try InstructionRegistry.check(id: id, kwargs: kwargs, prompt: "")
            for input in inputs {
                let elapsed = clock.measure { _ = check.follows(input) }
                #expect(elapsed < .seconds(20), "\(id) took \(elapsed) on an input of \(input.unicodeScalars.count) code points")
            }
        }
    }
}
