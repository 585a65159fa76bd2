import Foundation
import Testing
import M2RLTestSupport

@Suite("m2rl merge and analyze")
struct MergeCLITests {
    /// A folder with base, a and b: one F32 tensor `model.layers.0.w` [2, 2] and an I64 one each.
    static func checkpoints() throws -> String {
        let folder = try TemporaryFolder.make("cli-merge")
        for (name, values) in [("base", [Float](repeating: 1, count: 4)), ("a", [2, 1, 1, 1]), ("b", [1, 3, 1, 0])] {
            try FileManager.default.createDirectory(atPath: folder + "/" + name, withIntermediateDirectories: true)
            let header = #"{"model.layers.0.w":{"dtype":"F32","shape":[2,2],"data_offsets":[0,16]},"ids":{"dtype":"I64","shape":[1],"data_offsets":[16,24]}}"#
            var bytes = (0..<8).map { UInt8(truncatingIfNeeded: header.utf8.count >> (8 * $0)) } + Array(header.utf8)
            bytes += values.withUnsafeBytes { Array($0) } + [7, 0, 0, 0, 0, 0, 0, 0]
            try Data(bytes).write(to: URL(fileURLWithPath: folder + "/\(name)/model.safetensors"))
            try #"{"model_type": "tiny", "torch_dtype": "float32"}"#.write(toFile: folder + "/\(name)/config.json", atomically: true, encoding: .utf8)
        }
        return folder
    }

    @Test("--methods lists every method with its parameters")
    func methods() throws {
        let result = try CLI.run(["merge", "--methods", "--json"])
        #expect(result.status == 0)
        let methods = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [[String: Any]]
        #expect(methods.compactMap { $0["name"] as? String } == ["linear", "task_arithmetic", "ties", "dare_linear", "dare_ties", "breadcrumbs",
                                                              "breadcrumbs_ties", "sce", "tsv", "slerp", "model_stock", "ram"])
    }

    @Test("merge writes the checkpoint, config and tokenizer files; refuses to overwrite without --force")
    func mergeWrites() throws {
        let folder = try Self.checkpoints()
        try "merge_method: task_arithmetic\nbase_model: base\nmodels: [a, b]\nout_dtype: bfloat16\n".write(toFile: folder + "/ta.yaml", atomically: true, encoding: .utf8)
        let result = try CLI.run(["merge", folder + "/ta.yaml", "-o", folder + "/out", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let summary = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        #expect(summary["merged"] as? Int == 1 && summary["copied"] as? Int == 1 && summary["tensors"] as? Int == 2)
        for name in ["model.safetensors", "config.json", "m2rl-merge.yaml"] {
            #expect(FileManager.default.fileExists(atPath: folder + "/out/" + name), "\(name)")
        }
        let config = try String(contentsOfFile: folder + "/out/config.json", encoding: .utf8)
        #expect(config.contains("\"torch_dtype\" : \"bfloat16\""), "\(config)")
        // The model card: front matter naming the base and both models, the method, the config.
        let card = try String(contentsOfFile: folder + "/out/README.md", encoding: .utf8)
        #expect(card.hasPrefix("---\nbase_model:\n"), "\(card)")
        for name in ["base", "a", "b"] { #expect(card.contains("/\(name)\"\n"), "\(name) in \(card)") }
        #expect(card.contains("(`task_arithmetic`,") && card.contains("```yaml\nmerge_method: task_arithmetic\n"), "\(card)")
        #expect(try CLI.run(["merge", folder + "/ta.yaml", "-o", folder + "/bare", "--no-model-card"]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: folder + "/bare/README.md"))
        let again = try CLI.run(["merge", folder + "/ta.yaml", "-o", folder + "/out"])
        #expect(again.status == 1 && again.stderr.contains("already holds a checkpoint"), "\(again.stderr)")
        #expect(try CLI.run(["merge", folder + "/ta.yaml", "-o", folder + "/out", "--force"]).status == 0)
        // The replaced checkpoint is gone when merge returns: no file set aside is left behind.
        let left = try FileManager.default.contentsOfDirectory(atPath: folder + "/out").sorted()
        #expect(left.filter { $0.hasPrefix(".") }.isEmpty && left.contains("model.safetensors"), "\(left)")
    }

    @Test("an invalid config is bad usage (exit 2) naming every key; a missing -o too")
    func invalidConfig() throws {
        let folder = try Self.checkpoints()
        try "merge_method: ties\nbase_model: base\nmodels: [{model: a, parameters: {density: 2}}]\nparameters: {trim_scope: layer}\n"
            .write(toFile: folder + "/bad.yaml", atomically: true, encoding: .utf8)
        let result = try CLI.run(["merge", folder + "/bad.yaml", "-o", folder + "/out"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("bad.yaml: models[0].parameters.density: 2.0 is out of range 0.0...1.0"), "\(result.stderr)")
        #expect(result.stderr.contains("bad.yaml: parameters.trim_scope: expected one of: tensor, model"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/out"))
        let usage = try CLI.run(["merge", folder + "/bad.yaml"])
        #expect(usage.status == 2 && usage.stderr.contains("missing -o OUTDIR"), "\(usage.stderr)")
    }

    @Test("a damaged checkpoint fails (exit 1) naming the file and what is wrong, and leaves nothing behind")
    func damaged() throws {
        let folder = try Self.checkpoints()
        let path = folder + "/b/model.safetensors"
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        bytes.removeLast(4)
        try bytes.write(to: URL(fileURLWithPath: path))
        try "merge_method: linear\nbase_model: base\nmodels: [a, b]\n".write(toFile: folder + "/lin.yaml", atomically: true, encoding: .utf8)
        let result = try CLI.run(["merge", folder + "/lin.yaml", "-o", folder + "/out"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(path): buffer length"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/out/model.safetensors"))
    }

    @Test("the folder of an input is never the output, even with --force (exit 1, the inputs untouched)")
    func outputIsInput() throws {
        let folder = try Self.checkpoints()
        try "merge_method: linear\nbase_model: base\nmodels: [a, b]\n".write(toFile: folder + "/lin.yaml", atomically: true, encoding: .utf8)
        let before = try Data(contentsOf: URL(fileURLWithPath: folder + "/a/model.safetensors"))
        for output in [folder + "/a", folder + "/base/../a/"] {
            let result = try CLI.run(["merge", folder + "/lin.yaml", "-o", output, "--force"])
            #expect(result.status == 1 && result.stderr.contains("holds the checkpoint of models[0]"), "\(result.stderr)")
        }
        let base = try CLI.run(["merge", folder + "/lin.yaml", "-o", folder + "/base", "--force"])
        #expect(base.status == 1 && base.stderr.contains("holds the checkpoint of base_model"), "\(base.stderr)")
        // An input given as a file: its folder is refused too (--force would delete the file).
        try "merge_method: linear\nbase_model: base/model.safetensors\nmodels: [a, b]\n".write(toFile: folder + "/file.yaml", atomically: true, encoding: .utf8)
        let file = try CLI.run(["merge", folder + "/file.yaml", "-o", folder + "/base", "--force"])
        #expect(file.status == 1 && file.stderr.contains("holds the checkpoint of base_model"), "\(file.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder + "/base/model.safetensors"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/a/model.safetensors")) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/a").sorted() == ["config.json", "model.safetensors"])
    }

    @Test("analyze writes the report and the SVG charts, and prints a summary")
    func analyze() throws {
        let folder = try Self.checkpoints()
        let result = try CLI.run(["analyze", "--base", folder + "/base", folder + "/a", folder + "/b", "-o", folder + "/report.json", "--svg", folder + "/charts"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("pair 0-1  jaccard 0.0000 (random 0.2000)"), "\(result.stdout)")
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/report.json"))) as! [String: Any]
        let pairs = report["pairs"] as! [[String: Any]]
        #expect(pairs.count == 1 && pairs[0]["both_updated"] as? Int == 0 && pairs[0]["either_updated"] as? Int == 3)
        let charts = try FileManager.default.contentsOfDirectory(atPath: folder + "/charts")
        #expect(charts.contains("pairs-jaccard.svg") && charts.contains("model-1-updated-by-layer.svg"))
        let svg = try String(contentsOfFile: folder + "/charts/pairs-cosine.svg", encoding: .utf8)
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        let missing = try CLI.run(["analyze", "--base", folder + "/base", folder + "/nope", "-o", folder + "/r.json"])
        #expect(missing.status == 1 && missing.stderr.contains("/nope: no such checkpoint"), "\(missing.stderr)")
        // The report's folder is made when missing; a folder that cannot be made fails before
        // any checkpoint is read (here the missing model is not reached).
        let nested = try CLI.run(["analyze", "--base", folder + "/base", folder + "/a", "-o", folder + "/new/deeper/r.json"])
        #expect(nested.status == 0 && FileManager.default.fileExists(atPath: folder + "/new/deeper/r.json"), "\(nested.stderr)")
        let blocked = try CLI.run(["analyze", "--base", folder + "/base", folder + "/nope", "-o", folder + "/report.json/r.json"])
        #expect(blocked.status == 1 && blocked.stderr.contains("cannot create the report's folder \(folder)/report.json"), "\(blocked.stderr)")
        #expect(!blocked.stderr.contains("nope"), "\(blocked.stderr)")
        let onFolder = try CLI.run(["analyze", "--base", folder + "/base", folder + "/nope", "-o", folder + "/new"])
        #expect(onFolder.status == 1 && onFolder.stderr.contains("cannot write the report \(folder)/new: is a folder"), "\(onFolder.stderr)")
    }

    @Test("every embedded sample config merges the embedded experts", arguments: (try? FileManager.default.contentsOfDirectory(atPath: CLI.root + "/testcases/merge/configs"))?.filter { $0.hasSuffix(".yaml") }.sorted() ?? [])
    func samples(_ name: String) throws {
        let output = try TemporaryFolder.make("cli-samples") + "/merged"
        let result = try CLI.run(["merge", "testcases/merge/configs/" + name, "-o", output, "--json"])
        #expect(result.status == 0, "\(name): \(result.stderr)")
        let summary = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        #expect(summary["tensors"] as? Int == 21 && summary["merged"] as? Int == 21, "\(name)")
    }

    @Test("the embedded configs cover every method")
    func samplesCoverMethods() throws {
        let configs = try FileManager.default.contentsOfDirectory(atPath: CLI.root + "/testcases/merge/configs")
        let methods = Set(try configs.map { try String(contentsOfFile: CLI.root + "/testcases/merge/configs/" + $0, encoding: .utf8) }
            .compactMap { text in text.split(separator: "\n").first { $0.hasPrefix("merge_method: ") }.map { String($0.dropFirst(14)) } })
        #expect(methods == ["linear", "task_arithmetic", "ties", "dare_linear", "dare_ties", "breadcrumbs", "breadcrumbs_ties",
                            "sce", "tsv", "slerp", "model_stock", "ram"], "\(methods.sorted())")
    }
}
