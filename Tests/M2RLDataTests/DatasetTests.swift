import Foundation
import Testing
import M2RLTestSupport
import M2RLCore
@testable import M2RLData

/// A fresh temporary folder for one test (removed when the tests end).
func temporaryFolder() -> String {
    try! TemporaryFolder.make("data")
}

private func convert(_ json: String, as format: DatasetFormat? = nil) throws -> Problem {
    guard case .object(let fields) = try JSONValue.parse(json) else { throw ConversionError("not an object") }
    let chosen = try #require(format ?? DatasetFormat.detect(fields), "no adapter for \(json)")
    return try chosen.convert(fields, fallbackID: "f-1")
}

@Suite("Datasets: adapters")
struct AdapterTests {
    @Test("each public layout is detected and converted")
    func layouts() throws {
        let verl = try convert(#"{"data_source":"openai/gsm8k","prompt":[{"role":"system","content":"s"},{"role":"user","content":"2+2?"}],"ability":"math","reward_model":{"style":"rule","ground_truth":"4"},"extra_info":{"split":"train","index":7}}"#)
        #expect(verl == Problem(id: "openai/gsm8k-7", domain: .math, prompt: "2+2?", answer: "4"))

        let verlCode = try convert(#"{"data_source":"codecontests","prompt":[{"role":"user","content":"sum"}],"reward_model":{"ground_truth":"{\"inputs\":[\"1 2\\n\"],\"outputs\":[\"3\\n\"]}"}}"#)
        #expect(verlCode.tests == CodeTests(kind: .stdio, language: "python", cases: [TestCase(input: "1 2\n", output: "3\n")]))

        let gsm = try convert(#"{"question":"q","answer":"work\n#### 1,234"}"#)
        #expect(gsm.answer == "1234" && gsm.domain == .math && gsm.id == "f-1")

        let math = try convert(#"{"problem":"p","solution":"so \\boxed{\\frac{1}{2}} and \\boxed{3}","level":"Level 1"}"#)
        #expect(math.answer == "3")

        let human = try convert(#"{"task_id":"HumanEval/1","prompt":"def f():\n","canonical_solution":"","test":"def check(c): pass\n","entry_point":"f"}"#)
        #expect(human.tests?.kind == .assert && human.tests?.entryPoint == "f" && human.id == "HumanEval/1")

        let mbpp = try convert(#"{"task_id":11,"text":"t","code":"c","test_list":["assert f(1) == 1","assert f(2) == 2"],"test_setup_code":"import math"}"#)
        #expect(mbpp.id == "mbpp-11" && mbpp.tests?.code == "import math\nassert f(1) == 1\nassert f(2) == 2\n")

        let apps = try convert(#"{"problem_id":3,"question":"q","input_output":"{\"inputs\": [[1, 2]], \"outputs\": [[3]], \"fn_name\": \"add\"}"}"#)
        #expect(apps.tests == CodeTests(kind: .call, language: "python", cases: [TestCase(args: [1, 2], expected: 3)], fnName: "add"))

        let contests = try convert(#"{"name":"1A","description":"d","public_tests":{"input":["1\n"],"output":["2\n"]},"private_tests":{"input":["3\n"],"output":["4\n"]},"time_limit":{"seconds":2,"nanos":500000000},"memory_limit_bytes":268435456}"#)
        #expect(contests.tests?.cases?.count == 2 && contests.tests?.timeLimitS == 2.5 && contests.tests?.memoryLimitMb == 256)

        let lcb = try convert(#"{"question_id":"q1","question_content":"c","public_test_cases":"[{\"input\": \"[1, 2]\\n3\", \"output\": \"[4]\", \"testtype\": \"functional\"}]","metadata":"{\"func_name\": \"solve\"}"}"#)
        #expect(lcb.tests == CodeTests(kind: .call, language: "python", cases: [TestCase(args: [[1, 2], 3], expected: [4])], fnName: "solve"))

        let mmlu = try convert(#"{"question":"q","choices":["a","b","c","d"],"answer":2}"#)
        #expect(mmlu.answer == "C" && mmlu.choices == ["a", "b", "c", "d"])

        let pro = try convert(#"{"question_id":5,"question":"q","options":["a","b","c"],"answer":"B","answer_index":1}"#)
        #expect(pro.answer == "B" && pro.id == "mmlu-5")

        let ifeval = try convert(#"{"key":1000,"prompt":"write","instruction_id_list":["punctuation:no_comma","length_constraints:number_words"],"kwargs":[{},{"relation":"at least","num_words":300,"num_sentences":null}]}"#)
        #expect(ifeval.instructions == [Instruction(id: "punctuation:no_comma"), Instruction(id: "length_constraints:number_words", kwargs: ["relation": "at least", "num_words": 300])])
    }

    @Test("GPQA choices are shuffled by the documented seeded rule, the same every time")
    func gpqa() throws {
        let row = #"{"Question":"Which is a noble gas?","Correct Answer":"Neon","Incorrect Answer 1":"Iron","Incorrect Answer 2":"Oxygen","Incorrect Answer 3":"Sodium"}"#
        let a = try convert(row), b = try convert(row)
        #expect(a == b)
        let letter = try #require(a.answer)
        let index = try #require(ChoiceLetter.index(of: letter))
        #expect(a.choices?[index] == "Neon")
        #expect(Set(a.choices ?? []) == ["Neon", "Iron", "Oxygen", "Sodium"])
        #expect(Adapters.seededPermutation(count: 4, seed: Adapters.fnv1a("Which is a noble gas?")) == a.choices!.map { ["Neon", "Iron", "Oxygen", "Sodium"].firstIndex(of: $0)! })
    }

    @Test("unconvertible rows name the adapter and the field", arguments: [
        (#"{"question":"q","answer":"no marker"}"#, DatasetFormat.gsm8k, "answer"),
        (#"{"task_id":1,"test_list":[]}"#, .mbpp, "test_list"),
        (#"{"question":"q","input_output":"{\"inputs\": [\"1\"], \"outputs\": []}"}"#, .apps, "input_output"),
        (#"{"Question":"q","Correct Answer":"a","Incorrect Answer 1":"b"}"#, .gpqa, "Incorrect Answer 2"),
        (#"{"id":"x","domain":"poetry"}"#, .canonical, "domain"),
    ])
    func unconvertible(json: String, format: DatasetFormat, field: String) {
        #expect {
            try convert(json, as: format)
        } throws: { error in
            (error as? ConversionError)?.message.contains(field) == true
        }
    }
}

@Suite("Datasets: reading")
struct ReadingTests {
    /// 5,000 problems and a few bad lines, as .jsonl.zst.
    static func writeSample(_ folder: String) throws -> String {
        let path = folder + "/sample.jsonl"
        var text = ""
        for k in 0..<5_000 {
            if k % 997 == 0 { text += "{not json\n" }
            let problem = Problem(id: "p\(k)", domain: k % 2 == 0 ? .math : .science, prompt: "é \(k) \"q\"", answer: k % 2 == 0 ? "\(k)" : "B")
            text += try M2RLJSON.line(problem) + "\n"
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func records(_ path: String, jobs: Int, limits: DatasetLimits = DatasetLimits()) throws -> ([String], DatasetCounts) {
        var seen: [String] = []
        var counts = DatasetCounts()
        try Dataset(limits: limits, jobs: jobs).read(path, counts: &counts) { record in
            switch record {
            case .problem(let location, let problem, _): seen.append("\(location) \(problem.id)")
            case .rejected(let rejection): seen.append("\(rejection.location) \(rejection.code)")
            }
        }
        return (seen, counts)
    }

    @Test("threaded reading gives the same records, in the same order, as reading on one thread")
    func parallelSameAsSequential() throws {
        let path = try Self.writeSample(temporaryFolder())
        let (one, countsOne) = try Self.records(path, jobs: 1)
        let (three, countsThree) = try Self.records(path, jobs: 3)
        #expect(one == three)
        #expect(countsOne == countsThree)
        #expect(countsOne.read == 5_006 && countsOne.converted == 5_000 && countsOne.rejected == 6)
        #expect(one.first == "\(path):1 bad_json")
    }

    @Test("a caller that stops part-way gets its own error back, with nothing left running, on any number of threads")
    func callerStops() throws {
        struct Enough: Error {}
        let path = try Self.writeSample(temporaryFolder())
        for jobs in [1, 2, 3] {
            var seen = 0
            #expect(throws: Enough.self) {
                try Dataset(jobs: jobs).read(path) { _ in
                    seen += 1
                    if seen == 4_500 { throw Enough() }
                }
            }
            #expect(seen == 4_500)
        }
    }

    @Test("convert writes canonical JSON Lines that read back as the same problems", arguments: ["out.jsonl", "out.jsonl.gz", "out.jsonl.zst", "out.jsonl.xz"])
    func roundTrip(name: String) throws {
        let folder = temporaryFolder()
        let source = try Self.writeSample(folder)
        var original: [Problem] = []
        try Dataset(jobs: 1).read(source) { if case .problem(_, let p, _) = $0 { original.append(p) } }
        let writer = try ProblemWriter(path: folder + "/" + name)
        for problem in original { try writer.write(problem) }
        try writer.close()
        var again: [Problem] = []
        let (counts, info) = try Dataset(format: .canonical).read(folder + "/" + name) { if case .problem(_, let p, _) = $0 { again.append(p) } }
        #expect(again == original)
        #expect(counts.rejected == 0)
        #expect(info.format == "raw")
        #expect(info.filters == (name.hasSuffix(".jsonl") ? [] : [String(name.split(separator: ".").last!) == "gz" ? "gzip" : String(name.split(separator: ".").last!) == "zst" ? "zstd" : "xz"]))
    }

    @Test("a record longer than the limit is rejected with its location, and reading goes on")
    func longRecord() throws {
        let path = temporaryFolder() + "/long.jsonl"
        let long = try M2RLJSON.line(Problem(id: "long", domain: .math, prompt: String(repeating: "x", count: 300_000), answer: "1"))
        try ([#"{"id":"a","domain":"math","answer":"1"}"#, long, #"{"id":"b","domain":"math","answer":"2"}"#].joined(separator: "\n") + "\n")
            .write(toFile: path, atomically: true, encoding: .utf8)
        var limits = DatasetLimits()
        limits.maxRecordBytes = 100_000
        for jobs in [1, 2] {
            let (records, counts) = try Self.records(path, jobs: jobs, limits: limits)
            #expect(records == ["\(path):1 a", "\(path):2 record_too_large", "\(path):3 b"])
            #expect(counts.read == 3 && counts.rejected == 1)
        }
    }

    @Test("a JSON array file yields one record per element, located by index")
    func jsonArray() throws {
        let path = temporaryFolder() + "/rows.json"
        try #"  [{"id":"a","domain":"math","answer":"1"}, {"question":"q","answer":"x #### 5"}, 7]"#.write(toFile: path, atomically: true, encoding: .utf8)
        let (records, counts) = try Self.records(path, jobs: 1)
        #expect(records == ["\(path):[0] a", "\(path):[1] rows-1", "\(path):[2] not_an_object"])
        #expect(counts.converted == 2)
    }

    @Test("a folder is read file by file, sorted, hidden files skipped, each record located as FOLDER!FILE:LINE")
    func folder() throws {
        let folder = temporaryFolder()
        try FileManager.default.createDirectory(atPath: folder + "/sub", withIntermediateDirectories: true)
        try #"{"id":"b","domain":"math","answer":"1"}"#.write(toFile: folder + "/sub/b.jsonl", atomically: true, encoding: .utf8)
        try #"{"id":"a","domain":"math","answer":"1"}"#.write(toFile: folder + "/a.jsonl", atomically: true, encoding: .utf8)
        try "junk".write(toFile: folder + "/.hidden", atomically: true, encoding: .utf8)
        let (records, _) = try Self.records(folder, jobs: 1)
        #expect(records == ["\(folder)!a.jsonl:1 a", "\(folder)!sub/b.jsonl:1 b"])
    }

    @Test("a byte order mark is not part of the first record; a symbolic link to a file in a folder is read")
    func bomAndLinks() throws {
        let folder = temporaryFolder()
        try (Data([0xEF, 0xBB, 0xBF]) + Data(#"{"id":"a","domain":"math","answer":"1"}"#.utf8)).write(to: URL(fileURLWithPath: folder + "/blob"))
        try FileManager.default.createDirectory(atPath: folder + "/snapshot", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder + "/snapshot/train.jsonl", withDestinationPath: "../blob")
        let (records, counts) = try Self.records(folder + "/snapshot", jobs: 1)
        #expect(records == ["\(folder)/snapshot!train.jsonl:1 a"])
        #expect(counts.rejected == 0)
    }

    @Test("a missing file is an error naming it")
    func missing() {
        #expect(throws: DatasetError(code: "not_found", archive: "/nonexistent/x.jsonl", "no such file or folder")) {
            try Dataset().read("/nonexistent/x.jsonl") { _ in }
        }
    }
}

@Suite("Datasets: extraction rules")
struct ExtractionRuleTests {
    @Test("paths", arguments: [("a/b.txt", "a/b.txt"), ("./a//b", "a/b"), (".", "")])
    func safePaths(name: String, relative: String) throws {
        #expect(try DatasetExtractor.safeRelative(name, archive: "x") == relative)
    }

    @Test("unsafe paths are refused", arguments: ["/etc/passwd", "../x", "a/../../x", "C:\\x", "a/.."])
    func unsafePaths(name: String) {
        #expect(throws: DatasetError.self) { try DatasetExtractor.safeRelative(name, archive: "x") }
    }

    @Test("symbolic links must stay inside")
    func links() {
        #expect(DatasetExtractor.linkStaysInside(link: "d/link", target: "a.txt"))
        #expect(DatasetExtractor.linkStaysInside(link: "d/link", target: "../top.txt"))
        #expect(!DatasetExtractor.linkStaysInside(link: "d/link", target: "../../out"))
        #expect(!DatasetExtractor.linkStaysInside(link: "link", target: "/etc/passwd"))
        #expect(!DatasetExtractor.linkStaysInside(link: "L", target: "A/A/../../etc/passwd", symlinks: ["A"]))
        #expect(!DatasetExtractor.linkStaysInside(link: "B", target: "A", symlinks: ["A"]))
        #expect(DatasetExtractor.throughSymlink("out/x.txt", ["out"]) == "out")
        #expect(DatasetExtractor.throughSymlink("outer/x.txt", ["out"]) == nil)
    }
}

/// `Problem(canonicalLine:)`, the dataset path's shortcut for canonical records, is only a
/// shortcut: it answers exactly the general path's Problem (`JSONValue.parse`, `Problem(json:)`)
/// or nothing, and then the general path decides, with its own result or error.
@Suite("Datasets: the canonical shortcut")
struct CanonicalShortcutTests {
    static let math = #"{"id":"m1","domain":"math","prompt":"What is 1+1?","answer":"2"}"#

    /// Records the shortcut must answer (the general path converts them, to the same Problem).
    static let answered: [String] = [
        math,
        "  \t" + math + " \r",
        #"{"domain":"science","id":"s","prompt":"Pick \"one\"\n\u00e9\ud83d\ude00 ✓","choices":["a","b\\c","\u0041"],"answer":"B"}"#,
        #"{"id":"c","domain":"code","prompt":"p","tests":{"kind":"stdio","language":"python","cases":[{"input":"1\n","output":"2\n"},{"input":null,"output":"x"}],"compare":"tokens","time_limit_s":2,"memory_limit_mb":256.0}}"#,
        #"{"id":"c2","domain":"code","tests":{"kind":"call","fn_name":"f","cases":[{"args":[1,[2,{"k":null}]],"expected":{"a":1.5}},{"args":null,"expected":true}],"time_limit_s":1.5,"max_tests":3,"seed":-4,"stop_on_failure":false}}"#,
        #"{"id":"c3","domain":"code","tests":{"kind":"checker","checker":{"language":"cpp","source":"int main(){}"},"code":"x","entry_point":"e","reward":"fraction"}}"#,
        #"{"id":"i","domain":"instruction","prompt":"Write.","instructions":[{"id":"length_constraints:number_words","kwargs":{"relation":"at least","num_words":300}},{"id":"x","kwargs":null},{"id":"y"}]}"#,
        #"{"id":"v","domain":"math","answer":"1","verifier":{"preset":"strict","tolerance":0.01}}"#,
        #"{"id":"n","domain":"math","prompt":null,"answer":null,"choices":null,"tests":null,"instructions":null,"verifier":null}"#,
        #"{ "id" : "sp" , "domain" : "math" , "choices" : [ ] , "tests" : { "kind" : "assert" , "cases" : [ { } ] } }"#,
    ]

    /// Records it must leave to the general path (some convert there, some are rejected there).
    static let declined: [String] = [
        #"{"id":"u","domain":"math","extra":1}"#,                       // an unknown key (the general path ignores it)
        #"{"id":"d","domain":"math","id":"e"}"#,                         // a duplicate key: bad_json
        #"{"\u0069d":"e","domain":"math"}"#,                              // an escaped key that spells a known one
        #"{"id":"t","domain":"math","answer":7}"#,                        // a wrong type: unconvertible
        #"{"id":"t","domain":"physics"}"#,                                // not a domain
        #"{"id":null,"domain":"math"}"#,
        #"{"domain":"math"}"#,                                            // not canonical: another adapter or unknown_format
        #"{"question":"q","answer":"x #### 3"}"#,
        #"{"id":"x","domain":"math"} x"#,                                 // text after the value
        #"{"id":"x","domain":"math""#,                                    // cut short
        #"{"id":"x","domain":"code","tests":{"kind":"stdio","cases":[{"input":"1","output":"2","x":3}]}}"#,
        #"{"id":"x","domain":"code","tests":{"kind":"stdio","cases":[{"args":[1],"args":[2]}]}}"#,
        #"{"id":"x","domain":"code","tests":{"kind":"stdio","memory_limit_mb":1.5}}"#,
        #"{"id":"x","domain":"code","tests":{"kind":"stdio","checker":{"language":"c"}}}"#,
        #"{"id":"x","domain":"instruction","instructions":[{"id":"a","kwargs":[1]}]}"#,
        #"{"id":"x","domain":"math","verifier":{"a":1,"a":2}}"#,
        #"[{"id":"x","domain":"math"}]"#,
        "{\"id\":\"x\",\"domain\":\"math\",\"prompt\":\"a\u{01}b\"}",         // a control character in a string
    ]

    static func general(_ line: String) -> Problem? {
        guard case .object(let fields)? = try? JSONValue.parse(line),
              DatasetFormat.detect(fields) == .canonical else { return nil }
        return try? Problem(json: fields)
    }

    static func shortcut(_ bytes: [UInt8]) -> Problem? {
        bytes.withUnsafeBytes { Problem(canonicalLine: $0) }
    }

    @Test("answers the general path's Problem", arguments: answered)
    func answers(line: String) throws {
        let expected = try #require(Self.general(line), "the general path should convert \(line)")
        #expect(Self.shortcut(Array(line.utf8)) == expected)
    }

    @Test("leaves everything else to the general path", arguments: declined)
    func declines(line: String) {
        #expect(Self.shortcut(Array(line.utf8)) == nil)
    }

    @Test("malformed UTF-8 anywhere is left to the general path, which rejects it as bad_utf8")
    func badUTF8() {
        for bad: [UInt8] in [[0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xE2, 0x82]] {
            var line = Array(#"{"id":"b","domain":"math","prompt":"ab"#.utf8)
            line += bad + Array(#"c"}"#.utf8)
            #expect(Self.shortcut(line) == nil)
            var out: [DatasetRecord] = []
            line.withUnsafeBytes { Dataset(jobs: 1).process(.line(RecordLocation(archive: "a", entry: "", line: 1), $0), into: &out) }
            guard case .rejected(let rejection)? = out.first else { Issue.record("not rejected"); continue }
            #expect(rejection.code == "bad_utf8")
        }
    }

    @Test("deep nesting in a free-form field is bounded as the general path bounds it")
    func depth() {
        // args sits at depth 4: 508 more arrays reach 512 (read), 509 pass it (refused).
        for (extra, readable) in [(508, true), (509, false)] {
            let args = String(repeating: "[", count: extra) + String(repeating: "]", count: extra)
            let line = #"{"id":"x","domain":"code","tests":{"kind":"call","cases":[{"args":"# + args + "}]}}"
            #expect((Self.general(line) != nil) == readable)
            #expect((Self.shortcut(Array(line.utf8)) != nil) == readable)
            if readable { #expect(Self.shortcut(Array(line.utf8)) == Self.general(line)) }
        }
    }
}
