import Foundation
import Testing
import M2RLTestSupport

@Suite("m2rl dataset")
struct DatasetCLITests {
    /// A JSON Lines file with two good records of different layouts and one bad line.
    static func sample() throws -> String {
        let path = try TemporaryFolder.make("cli-dataset") + "/mixed.jsonl"
        try """
            {"id": "m1", "domain": "math", "prompt": "1+1?", "answer": "2"}
            {"question": "Tom has 3 and gets 4.", "answer": "3+4=7\\n#### 7"}
            {broken
            """.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("inspect reports counts, domains, adapters and the rejection's place; exit 3 when something was rejected")
    func inspect() throws {
        let path = try Self.sample()
        let result = try CLI.run(["dataset", "inspect", path, "--json", "--jobs", "1"])
        #expect(result.status == 3, "\(result.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        #expect(report["records"] as? Int == 3 && report["converted"] as? Int == 2 && report["rejected"] as? Int == 1)
        #expect((report["domains"] as? [String: Int]) == ["math": 2])
        #expect((report["adapters"] as? [String: Int]) == ["canonical": 1, "gsm8k": 1])
        let rejection = (report["rejections"] as? [[String: Any]])?.first
        #expect(rejection?["location"] as? String == "\(path):3")
        #expect(rejection?["code"] as? String == "bad_json")
    }

    @Test("convert writes canonical lines (compressed by suffix) that inspect reads back with no rejection")
    func convert() throws {
        let path = try Self.sample()
        let out = path + ".out.jsonl.zst"
        let converted = try CLI.run(["dataset", "convert", path, "-o", out])
        #expect(converted.status == 3)
        #expect(converted.stderr.contains("read 3, converted 2, rejected 1"), "\(converted.stderr)")
        #expect(converted.stderr.contains("\(path):3: bad_json"))
        let again = try CLI.run(["dataset", "inspect", out, "--format", "canonical"])
        #expect(again.status == 0, "\(again.stdout)\(again.stderr)")
        #expect(again.stdout.contains("records 2, converted 2, rejected 0"))
        #expect(again.stdout.contains("zstd"))
    }

    @Test("extract refuses a path that leaves the folder, names the entry, and writes nothing outside")
    func extract() throws {
        let folder = try TemporaryFolder.make("cli-extract")
        try FileManager.default.createDirectory(atPath: folder + "/src", withIntermediateDirectories: true)
        try "x\n".write(toFile: folder + "/src/evil.txt", atomically: true, encoding: .utf8)
        // tar -P keeps the leading "../" in the member name.
        let tar = Process()
        tar.executableURL = URL(fileURLWithPath: "/bin/tar")
        tar.currentDirectoryURL = URL(fileURLWithPath: folder + "/src")
        tar.arguments = ["-cPf", folder + "/trav.tar", "../src/evil.txt"]
        try tar.run()
        tar.waitUntilExit()
        #expect(tar.terminationStatus == 0)
        let result = try CLI.run(["dataset", "extract", folder + "/trav.tar", "-o", folder + "/out/inner"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("unsafe_path") && result.stderr.contains("../src/evil.txt"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/out/src/evil.txt"))
    }

    @Test("bad usage exits 2 and names the problem", arguments: [
        (["dataset", "inspect", "x", "--format", "nope"], "--format 'nope' is not known"),
        (["dataset", "convert", "x"], "Missing expected argument"),
        (["dataset", "inspect", "x", "--max-ratio", "0.5"], "--max-ratio"),
    ])
    func usage(args: [String], message: String) throws {
        let result = try CLI.run(args)
        #expect(result.status == 2)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test("a missing dataset is an error naming it, exit 1")
    func missing() throws {
        let result = try CLI.run(["dataset", "inspect", "/nonexistent/data.tar.zst"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("/nonexistent/data.tar.zst") && result.stderr.contains("not_found"))
    }
}

@Suite("m2rl score --dataset with the embedded sample set")
struct SampleDatasetTests {
    @Test("every sample completion gets the verdict it expects, in all four domains")
    func sample() throws {
        let requests = try String(contentsOfFile: CLI.root + "/testcases/datasets/sample-completions.jsonl", encoding: .utf8)
        let result = try CLI.run(["score", "--dataset", "testcases/datasets/sample.jsonl.zst", "--jobs", "2"], stdin: requests)
        let lines = result.stdout.split(separator: "\n")
        let expected = requests.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(lines.count == expected.count)
        #expect(result.stderr.contains("300 records read, 300 problems, 0 rejected"), "\(result.stderr)")
        for (line, request) in zip(lines, expected) {
            let got = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            #expect(got["id"] as? String == request["id"] as? String)
            let expect = request["expect"] as! [String: Any]
            #expect(got["verdict"] as? String == expect["verdict"] as? String, "\(line)")
            #expect(got["reward"] as? Double == expect["reward"] as? Double, "\(line)")
        }
    }
}
