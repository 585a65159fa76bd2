import ArgumentParser
import Foundation
import Logging
import M2RLCore
import M2RLSandbox

struct SandboxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Run untrusted programs under namespaces, rlimits, Landlock and seccomp.",
        subcommands: [SandboxRun.self, SandboxSamples.self, SandboxProfiles.self, SandboxCheck.self, SandboxBench.self]
    )
}

/// Options every sandbox subcommand shares.
struct SandboxOptions: ParsableArguments {
    @Option(name: .customLong("profiles"), help: ArgumentHelp(
        "Folder of profile files (default: $M2RL_PROFILES, ./sandbox-profiles, or the checkout's).",
        valueName: "DIR"))
    var profilesDirectory: String?

    @Option(help: ArgumentHelp(
        "Isolation layers: \(Isolation.syntax). Anything below full must be asked for by name.",
        valueName: "LEVEL"))
    var isolation: String = "full"

    @Option(help: ArgumentHelp("Folder for per-run scratch folders (default: $TMPDIR/m2rl-UID).", valueName: "DIR"))
    var scratchRoot: String?

    @Flag(name: .shortAndLong, help: "Log the sandbox's setup (filters, namespaces, cgroups) on standard error.")
    var verbose = false

    /// The logger for the sandbox: debug level with --verbose, warnings otherwise.
    var logger: Logger {
        var logger = Logger(label: "m2rl.sandbox") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = verbose ? .debug : .warning
        return logger
    }

    func parsedIsolation() throws -> Isolation {
        guard let level = Isolation(parsing: isolation) else {
            throw ValidationError("--isolation '\(isolation)' is not valid; use \(Isolation.syntax)")
        }
        return level
    }

    func validate() throws {
        _ = try parsedIsolation()
    }

    var catalog: ProfileCatalog { .standard(explicit: profilesDirectory) }

    /// The sandbox these options describe, its isolation checked against the host: the one
    /// place every subcommand makes it.
    /// - Throws: `SandboxError` (a layer the host lacks, an unusable scratch root).
    func sandbox(for isolation: Isolation) throws -> Sandbox {
        let sandbox = try Sandbox(scratchRoot: scratchRoot, logger: logger)
        try sandbox.check(isolation)
        return sandbox
    }
}

/// Prints an m2rl error on standard error and exits 1.
func fail(_ error: Error) -> ExitCode {
    FileHandle.standardError.write(Data("m2rl: \(error)\n".utf8))
    return ExitCode(1)
}

struct SandboxRun: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run one program in the sandbox and print its outcome as JSON.",
        discussion: """
            FILE is the program's source (compiled first for c and cpp). It is copied into a \
            fresh scratch folder, the only place the program may write; the folder is removed \
            afterwards. The outcome's status is one of: \
            \(Status.allCases.map(\.rawValue).joined(separator: ", ")).

            Exit status: 0 when the program ran (whatever its outcome), 1 on sandbox_error, \
            2 on bad usage.

            Example: m2rl sandbox run --profile python3 --time-limit 2 --stdin in.txt -- main.py
            """
    )

    @Option(help: "Profile name: a file NAME.yaml in the profiles folder (python3, c, cpp, ...).")
    var profile: String

    @Option(help: ArgumentHelp("CPU-time limit in seconds (fractions allowed).", valueName: "S"))
    var timeLimit: Double?

    @Option(help: ArgumentHelp("Wall-clock limit in seconds (default: the profile's, or 2 × CPU + 1).", valueName: "S"))
    var wallTimeLimit: Double?

    @Option(help: ArgumentHelp("Memory (address-space) limit in MiB.", valueName: "MB"))
    var memoryLimit: Int?

    @Option(help: ArgumentHelp("Cap on captured stdout and stderr, each, in MiB.", valueName: "MB"))
    var outputLimit: Double?

    @Option(help: ArgumentHelp("File fed to the program's standard input (default: empty).", valueName: "FILE"))
    var stdin: String?

    @Flag(help: "Indent the JSON for people.")
    var pretty = false

    @OptionGroup var options: SandboxOptions

    @Argument(help: ArgumentHelp("The program file, then its arguments (after --).", valueName: "FILE [ARGS]"))
    var program: [String]

    func validate() throws {
        guard !program.isEmpty else { throw ValidationError("Missing the program: m2rl sandbox run --profile NAME -- FILE [ARGS]") }
        if let t = timeLimit, !(t > 0 && t <= 3600) { throw ValidationError("--time-limit must be in (0, 3600] seconds") }
        if let t = wallTimeLimit, !(t > 0 && t <= 7200) { throw ValidationError("--wall-time-limit must be in (0, 7200] seconds") }
        if let m = memoryLimit, !(8...1_048_576).contains(m) { throw ValidationError("--memory-limit must be 8...1048576 MiB") }
        if let o = outputLimit, !(o > 0 && o <= 4096) { throw ValidationError("--output-limit must be in (0, 4096] MiB") }
    }

    func run() throws {
        let isolation = try options.parsedIsolation()
        let outcome: Outcome
        do {
            let profile = try options.catalog.load(profile)
            var input: [UInt8] = []
            if let stdin {
                guard let data = FileManager.default.contents(atPath: stdin) else {
                    throw ValidationError("--stdin '\(stdin)': no such file, or not readable")
                }
                input = [UInt8](data)
            }
            let sandbox = try options.sandbox(for: isolation)
            let limits = LimitOverrides(
                cpu: timeLimit.map { .milliseconds(Int64($0 * 1000)) },
                wall: wallTimeLimit.map { .milliseconds(Int64($0 * 1000)) },
                memoryBytes: memoryLimit.map { $0 << 20 },
                outputBytes: outputLimit.map { Int($0 * 1_048_576) })
            outcome = sandbox.run(Job(
                profile: profile, source: .file(program[0]), arguments: Array(program.dropFirst()),
                stdin: input, limits: limits, isolation: isolation))
        } catch let error as ValidationError {
            throw error
        } catch {
            throw fail(error)
        }
        print(pretty ? try M2RLJSON.pretty(outcome) : try M2RLJSON.line(outcome))
        if outcome.status == .sandboxError {
            FileHandle.standardError.write(Data("m2rl: \(outcome.error ?? "sandbox error")\n".utf8))
            throw ExitCode(1)
        }
    }
}

struct SandboxProfiles: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profiles",
        abstract: "List the sandbox profiles, validating each (exit 1 if any is invalid).")

    @OptionGroup var options: SandboxOptions

    func run() throws {
        let catalog = options.catalog
        let names = catalog.available()
        if names.isEmpty {
            throw fail(SandboxError.unknownProfile("*", searched: catalog.searchPaths, available: []))
        }
        var invalid = 0
        for name in names {
            do {
                let profile = try catalog.load(name)
                let steps = profile.compile == nil ? "run" : "compile, run"
                print("\(name.padding(toLength: 10, withPad: " ", startingAt: 0)) \(profile.description) [\(steps)]")
            } catch {
                invalid += 1
                print("\(name.padding(toLength: 10, withPad: " ", startingAt: 0)) INVALID")
                FileHandle.standardError.write(Data("\(error)\n".utf8))
            }
        }
        if invalid > 0 { throw ExitCode(1) }
    }
}

struct SandboxCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Report which isolation layers this host supports, by running a trivial program under each.")

    @OptionGroup var options: SandboxOptions

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    func run() throws {
        let report: HostReport
        do {
            report = try HostReport.probe(catalog: options.catalog, scratchRoot: options.scratchRoot)
        } catch {
            throw fail(error)
        }
        if json {
            print(try M2RLJSON.pretty(report))
        } else {
            print("running as: \(report.user)")
            print("landlock ABI: \(report.landlockABI.map(String.init) ?? "unavailable")")
            for layer in report.layers {
                let mark = layer.available ? "ok  " : "FAIL"
                print("\(mark) \(layer.layer.padding(toLength: 12, withPad: " ", startingAt: 0)) \(layer.detail)")
            }
        }
        if report.layers.contains(where: { !$0.available }) { throw ExitCode(1) }
    }
}
