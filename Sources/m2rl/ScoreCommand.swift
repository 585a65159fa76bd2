import ArgumentParser
import Foundation
import M2RLCore
import M2RLData
import M2RLSandbox
import M2RLVerify

struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score completions: JSON Lines requests on stdin, one result line per request on stdout.",
        discussion: """
            Request: {"id": ..., "completion": "...", "problem": {Problem}} or, with --dataset, \
            {"id": ..., "completion": "...", "problem_id": "..."}.
            Result: {"id", "domain", "reward", "verdict", "details", "elapsed_ms"}, in input order, \
            written while input is still being read. A line that cannot be scored yields \
            {"line": N, "reward": 0.0, "verdict": "error", "error": {"code", "message"}}: lines out \
            always equal lines in. A summary goes to stderr (and a progress line when stderr is a \
            terminal).

            Domains: code (python, c, cpp; stdio, call, assert and checker tests, in the sandbox), \
            science (multiple choice), math, and instruction following (IFEval, IFBench and IFEvalG \
            instruction ids; see `m2rl instruction list`).

            Exit status: 0 when every line was scored, 3 when some lines were errors, 2 for bad \
            usage, 1 when m2rl itself failed.
            """)

    @Option(help: ArgumentHelp("Dataset to resolve problem_id: any archive, compressed or plain JSON Lines file, or folder that `m2rl dataset` reads (adapters detected per record).", valueName: "ARCHIVE"))
    var dataset: String?

    @Option(help: "Worker threads (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Run each Python test in a fresh interpreter instead of a forked zygote (same results, slower).")
    var noZygote = false

    @OptionGroup var options: SandboxOptions

    func validate() throws {
        guard (1...256).contains(jobs) else { throw ValidationError("--jobs must be 1...256") }
    }

    func run() throws {
        let isolation = try options.parsedIsolation()
        let session: ScoreSession
        do {
            var store: ProblemStore?
            if let dataset {
                let loaded = try ProblemStore(path: dataset)
                for rejection in loaded.rejected.prefix(20) {
                    FileHandle.standardError.write(Data("m2rl score: \(rejection)\n".utf8))
                }
                FileHandle.standardError.write(Data(
                    "m2rl score: \(dataset): \(loaded.read) records read, \(loaded.problems.count) problems, \(loaded.rejected.count) rejected\n".utf8))
                store = loaded
            }
            let sandbox = try options.sandbox(for: isolation)
            let registry = VerifierRegistry.standard(sandbox: sandbox, catalog: options.catalog, isolation: isolation, zygote: !noZygote)
            session = ScoreSession(registry: registry, problems: store, jobs: jobs)
        } catch {
            throw fail(error)
        }
        let terminal = isatty(2) == 1
        // One write per batch of results.
        let write: @Sendable ([String]) -> Void = { lines in
            var text = lines.joined(separator: "\n")
            text += "\n"
            FileHandle.standardOutput.write(Data(text.utf8))
        }
        let showProgress: @Sendable (ScoreStats) -> Void = { stats in
            let rate = stats.seconds > 0 ? Double(stats.lines) / stats.seconds : 0
            let text = "\r\(stats.lines) lines, \(stats.errors) errors, \(Int(rate)) lines/s "
            FileHandle.standardError.write(Data(text.utf8))
        }
        let progress: (@Sendable (ScoreStats) -> Void)? = terminal ? showProgress : nil
        let input = LineBatches(descriptor: 0)
        let stats = session.run(nextLines: { input.next() }, write: write, progress: progress)
        if terminal { FileHandle.standardError.write(Data("\r".utf8)) }
        FileHandle.standardError.write(Data((stats.summary + "\n").utf8))
        if stats.errors > 0 { throw ExitCode(3) }
    }
}
