import ArgumentParser

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
        subcommands: [SandboxCommand.self]
    )
}
