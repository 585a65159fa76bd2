import ArgumentParser
import Foundation

@main
struct M2RL: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "m2rl",
        abstract: "Multi-domain RL with verifiable rewards: safe, fast rewards for model completions.",
        discussion: """
            m2rl turns a model's completion into a reward (math, code, science, instruction \
            following), runs model-written programs in a layered sandbox, reads RL datasets from \
            archives and merges RL-trained checkpoints.

            Exit status: 0 on success, 2 on bad usage, 1 when m2rl itself failed.
            """,
        version: "0.1.0",
        subcommands: [ScoreCommand.self, SandboxCommand.self, DatasetCommand.self, InstructionCommand.self, MergeCommand.self, AnalyzeCommand.self]
    )
}

extension M2RL {
    /// Parses and runs the command, mapping bad usage to exit status 2 (DESIGN.md's contract;
    /// ArgumentParser's own default is 64).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                let message = fullMessage(for: error)
                FileHandle.standardError.write(Data((message + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
