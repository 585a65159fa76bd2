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
            tokenizer files, and the config as m2rl-merge.yaml. `m2rl merge --methods` lists the \
            methods and their parameters.

            Exit status: 0 when the merge was written, 1 when a checkpoint could not be read or \
            matched (nothing is left behind), 2 for bad usage or an invalid config.
            """)

    @Argument(help: ArgumentHelp("The merge configuration (YAML).", valueName: "CONFIG"))
    var config: String?

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The folder to write the merged checkpoint to.", valueName: "OUTDIR"))
    var output: String?

    @Option(help: "Tensors merged at once (default: the number of cores). Results do not depend on it.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Replace a checkpoint already in OUTDIR.")
    var force = false

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
        let progress: (@Sendable (Int, Int) -> Void)? = terminal ? MergeCommand.progressBar(start: start) : nil
        let summary: MergeSummary
        do {
            summary = try Merger.run(loaded, output: output!, options: MergeOptions(jobs: jobs, overwrite: force), progress: progress)
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

    /// A bar on standard error: share of tensor bytes done and the rate.
    static func progressBar(start: Date) -> @Sendable (Int, Int) -> Void {
        return { done, total in
            let width = 30
            let filled = total > 0 ? width * done / total : width
            let seconds = Date().timeIntervalSince(start)
            let rate: Double = seconds > 0 ? Double(done) / seconds / 1e6 : 0
            let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
            let percent = total > 0 ? 100 * done / total : 100
            FileHandle.standardError.write(Data("\rmerge [\(bar)] \(percent)% \(Int(rate)) MB/s ".utf8))
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
