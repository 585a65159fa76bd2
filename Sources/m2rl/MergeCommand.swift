import ArgumentParser
import Foundation
import M2RLCore
import M2RLMerge
import M2RLTensors

struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge checkpoints of one base model (safetensors) as a mergekit-like YAML config says.",
        discussion: """
            CONFIG names merge_method, base_model, models (each with parameters) and global \
            parameters; see docs/merge.md for every method's formula. The output folder gets the \
            merged safetensors (sharded with an index above shard_size), the base's config.json and \
            tokenizer files, the config as m2rl-merge.yaml and a model card (README.md). \
            `m2rl merge --methods` lists the \
            methods and their parameters.

            Exit status: 0 when the merge was written, 1 when a checkpoint could not be read or \
            matched or OUTDIR holds an input's checkpoint (nothing is left behind), 2 for bad \
            usage or an invalid config.
            """)

    @Argument(help: ArgumentHelp("The merge configuration (YAML).", valueName: "CONFIG"))
    var config: String?

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The folder to write the merged checkpoint to.", valueName: "OUTDIR"))
    var output: String?

    @Option(help: "Tensors merged at once (default: the number of cores). Results do not depend on it.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Replace a checkpoint already in OUTDIR.")
    var force = false

    @Flag(help: "Do not write README.md (a model card: the models, the method and the config).")
    var noModelCard = false

    @Flag(help: "Print the summary as JSON.")
    var json = false

    @Flag(help: "List the merge methods and their parameters, then exit.")
    var methods = false

    func validate() throws {
        if methods { return }
        guard config != nil else { throw ValidationError("missing CONFIG (the merge configuration YAML)") }
        guard output != nil else { throw ValidationError("missing -o OUTDIR (the folder for the merged checkpoint)") }
        guard (1...256).contains(jobs) else { throw ValidationError("--jobs must be 1...256") }
    }

    func run() throws {
        if methods {
            print(json ? MergeCommand.methodsJSON.jsonText : MergeCommand.methodsText)
            return
        }
        let loaded: MergeConfig
        do {
            loaded = try MergeConfig.load(path: config!)
        } catch let error as MergeConfigError {
            FileHandle.standardError.write(Data("m2rl merge: \(error)\n".utf8))
            throw ExitCode(2)
        }
        let terminal = isatty(2) == 1
        let start = Date()
        let progress: (@Sendable (Int, Int) -> Void)? = terminal ? MergeCommand.progressBar("merge", start: start) : nil
        let summary: MergeSummary
        do {
            summary = try Merger.run(loaded, output: output!, options: MergeOptions(jobs: jobs, overwrite: force, modelCard: !noModelCard), progress: progress)
        } catch let error as M2RLError {
            if terminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            FileHandle.standardError.write(Data("m2rl merge: \(error)\n".utf8))
            throw ExitCode(1)
        }
        if terminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        for note in summary.reshaped {
            FileHandle.standardError.write(Data("m2rl merge: reshaped \(note)\n".utf8))
        }
        if json {
            print(summary.json.jsonText)
        } else {
            print(String(format: "%@: %d tensors (%d merged, %d copied from the base), %d shard(s), %.1f MB in %.2f s → %@",
                         summary.method, summary.tensors, summary.merged, summary.copied, summary.shards.count,
                         Double(summary.bytes) / 1e6, summary.seconds, summary.output))
        }
    }

    /// A bar on standard error, after `label`: share of tensor bytes done and the rate. Workers
    /// report concurrently; a report older than the one drawn is dropped, so the bar never goes back.
    static func progressBar(_ label: String, start: Date) -> @Sendable (Int, Int) -> Void {
        final class Drawn: @unchecked Sendable {
            let lock = NSLock()
            var done = -1
        }
        let drawn = Drawn()
        return { done, total in
            drawn.lock.lock()
            defer { drawn.lock.unlock() }
            guard done > drawn.done else { return }
            drawn.done = done
            let width = 30
            let filled = total > 0 ? width * done / total : width
            let seconds = Date().timeIntervalSince(start)
            let rate: Double = seconds > 0 ? Double(done) / seconds / 1e6 : 0
            let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
            let percent = total > 0 ? 100 * done / total : 100
            FileHandle.standardError.write(Data("\r\(label) [\(bar)] \(percent)% \(Int(rate)) MB/s ".utf8))
        }
    }

    static func short(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    static func describe(_ spec: ParameterSpec) -> String {
        var text = spec.name
        switch spec.kind {
        case .number(let range): text += " (number \(short(range.lowerBound))...\(short(range.upperBound))"
        case .flag: text += " (true/false"
        case .choice(let options): text += " (\(options.joined(separator: "|"))"
        }
        switch spec.defaultValue {
        case .number(let value)?: text += ", default \(short(value)))"
        case .flag(let value)?: text += ", default \(value))"
        case .choice(let value)?: text += ", default \(value))"
        default: text += spec.required ? ", required)" : ")"
        }
        return text
    }

    static var methodsText: String {
        MergeMethod.all.map { method in
            var lines = ["\(method.name): \(method.prettyName) <\(method.reference)>"]
            if !method.parameters.isEmpty { lines.append("  global: " + method.parameters.map(describe).joined(separator: "; ")) }
            if !method.modelParameters.isEmpty { lines.append("  per model: " + method.modelParameters.map(describe).joined(separator: "; ")) }
            return lines.joined(separator: "\n")
        }.joined(separator: "\n")
    }

    static var methodsJSON: JSONValue {
        .array(MergeMethod.all.map { method in
            [
                "name": .string(method.name), "pretty_name": .string(method.prettyName), "reference": .string(method.reference),
                "parameters": .array(method.parameters.map { .string(describe($0)) }),
                "model_parameters": .array(method.modelParameters.map { .string(describe($0)) }),
            ]
        })
    }
}

struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Weight-space analysis of task vectors: update sparsity, norms, ranks, pairwise overlap, cosine and sign conflicts.",
        discussion: """
            Every MODEL is compared with the base (δ = θ − θ₀ per floating tensor). REPORT.json holds \
            per model, tensor and layer: unchanged, within 1e-5 and updated (the study's rule \
            |δ| > 1e-3·max(|θ|, |θ₀|)) counts and fractions, L2 and L∞ norms, the rank of 2-D updates; \
            per pair: Jaccard overlap of the update masks with its random-mask baseline, cosine \
            similarity (exact, and after a seeded 256-d projection) and the sign-conflict rate. \
            See docs/merge.md. A summary table goes to standard output.

            Exit status: 0 on success, 1 when a checkpoint could not be read or matched or the \
            report cannot be written (checked before any checkpoint is read), 2 for bad usage.
            """)

    @Option(help: ArgumentHelp("The base checkpoint the models were trained from.", valueName: "DIR"))
    var base: String

    @Argument(help: ArgumentHelp("The fine-tuned checkpoints.", valueName: "MODEL_DIR"))
    var models: [String]

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Where to write the JSON report.", valueName: "REPORT.json"))
    var output: String

    @Option(help: ArgumentHelp("Also write SVG heatmaps and bar charts into this folder.", valueName: "DIR"))
    var svg: String?

    @Option(help: "Seed of the random projection.")
    var seed: UInt64 = 0

    @Option(help: "Tensors analysed at once (default: the number of cores). Results do not depend on it.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: ArgumentHelp("Rank only 2-D updates with at most this many entries; 0 turns ranks off.", valueName: "N"))
    var rankLimit: Int = 1 << 24

    func validate() throws {
        guard !models.isEmpty else { throw ValidationError("give at least one MODEL_DIR to compare with the base") }
        guard (1...256).contains(jobs) else { throw ValidationError("--jobs must be 1...256") }
        guard rankLimit >= 0 else { throw ValidationError("--rank-limit must be 0 or more") }
    }

    func run() throws {
        let terminal = isatty(2) == 1
        let progress: (@Sendable (Int, Int) -> Void)? = terminal ? MergeCommand.progressBar("analyze", start: Date()) : nil
        let report: JSONValue
        do {
            try Analysis.prepareOutputs(report: output, charts: svg)
            report = try Analysis.run(base: base, models: models, options: AnalysisOptions(seed: seed, jobs: jobs, rankLimit: rankLimit),
                                      progress: progress)
            if terminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            try Data((report.jsonText + "\n").utf8).write(to: URL(fileURLWithPath: output))
            if let svg { _ = try AnalysisCharts.write(report, to: svg) }
        } catch let error as M2RLError {
            if terminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            FileHandle.standardError.write(Data("m2rl analyze: \(error)\n".utf8))
            throw ExitCode(1)
        } catch let error as CocoaError {
            FileHandle.standardError.write(Data("m2rl analyze: cannot write \(error.filePath ?? output): \(error.localizedDescription)\n".utf8))
            throw ExitCode(1)
        }
        for (index, model) in (report["models"]?.array ?? []).enumerated() {
            print(String(format: "model %d  updated %.4f  unchanged %.4f  L2 %.6g  %@", index,
                         model["updated_fraction"]?.number ?? 0, model["unchanged_fraction"]?.number ?? 0,
                         model["l2"]?.number ?? 0, model["path"]?.string ?? ""))
        }
        for pair in report["pairs"]?.array ?? [] {
            print(String(format: "pair %d-%d  jaccard %.4f (random %.4f)  cosine %.4f (projected %.4f)  sign conflicts %.4f",
                         pair["a"]?.int ?? 0, pair["b"]?.int ?? 0, pair["jaccard"]?.number ?? 0, pair["jaccard_random"]?.number ?? 0,
                         pair["cosine"]?.number ?? 0, pair["cosine_projected"]?.number ?? 0, pair["sign_conflict_rate"]?.number ?? 0))
        }
    }
}
