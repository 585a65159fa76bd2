import ArgumentParser
import Foundation
import M2RLCore
import M2RLSandbox

struct SandboxBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time N sandboxed runs of one program, in one process, as a trainer would run them.",
        discussion: """
            Each run is timed around Sandbox.run (scratch folder, spawn, wait, cleanup), one at a \
            time. Prints the median, 10th and 90th percentiles in milliseconds; fails if any run's \
            status is not ok. --ballast-mb first allocates and touches that much memory, to show \
            that starting a child never copies the parent. Used by bench/sandbox.sh.
            """)

    @Option(help: "Profile name.")
    var profile: String

    @Option(help: "Number of runs.")
    var runs: Int = 1000

    @Option(help: ArgumentHelp("Memory to allocate and touch in this process first, in MiB.", valueName: "MB"))
    var ballastMb: Int = 0

    @Flag(help: "Print JSON.")
    var json = false

    @OptionGroup var options: SandboxOptions

    @Argument(help: ArgumentHelp("The program file, then its arguments (after --).", valueName: "FILE [ARGS]"))
    var program: [String]

    func validate() throws {
        guard runs >= 1 && runs <= 1_000_000 else { throw ValidationError("--runs must be 1...1000000") }
        guard ballastMb >= 0 else { throw ValidationError("--ballast-mb must be >= 0") }
    }

    struct Report: Encodable {
        var profile: String
        var runs: Int
        var ballastMb: Int
        var medianMs: Double
        var p10Ms: Double
        var p90Ms: Double
        var failures: Int
        enum CodingKeys: String, CodingKey {
            case profile, runs, failures
            case ballastMb = "ballast_mb"
            case medianMs = "median_ms"
            case p10Ms = "p10_ms"
            case p90Ms = "p90_ms"
        }
    }

    func run() throws {
        let isolation = try options.parsedIsolation()
        var ballast: UnsafeMutableRawPointer?
        if ballastMb > 0 {
            ballast = malloc(ballastMb << 20)
            if let ballast { memset(ballast, 1, ballastMb << 20) }
        }
        defer { free(ballast) }
        var times: [Double] = []
        var failures = 0
        var lastFailure: Outcome?
        do {
            let profile = try options.catalog.load(profile)
            let sandbox = try options.sandbox(for: isolation)
            guard let data = FileManager.default.contents(atPath: program[0]) else {
                throw ValidationError("cannot read '\(program[0])'")
            }
            let source = Job.Source.text(String(decoding: data, as: UTF8.self))
            let job = Job(profile: profile, source: FileManager.default.isExecutableFile(atPath: program[0]) ? .file(program[0]) : source,
                          arguments: Array(program.dropFirst()), isolation: isolation)
            times.reserveCapacity(runs)
            for _ in 0..<runs {
                let start = ContinuousClock.now
                let outcome = sandbox.run(job)
                let elapsed = ContinuousClock.now - start
                times.append(Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15)
                if outcome.status != .ok { failures += 1; lastFailure = outcome }
            }
        } catch let error as ValidationError {
            throw error
        } catch {
            throw fail(error)
        }
        times.sort()
        func q(_ p: Double) -> Double { times[min(times.count - 1, Int(Double(times.count) * p))] }
        let report = Report(profile: profile, runs: runs, ballastMb: ballastMb, medianMs: q(0.5), p10Ms: q(0.1),
                            p90Ms: q(0.9), failures: failures)
        if json {
            print(try M2RLJSON.line(report))
        } else {
            print(String(format: "%@: %d runs, median %.3f ms (p10 %.3f, p90 %.3f), %d failed",
                         profile, runs, report.medianMs, report.p10Ms, report.p90Ms, failures))
        }
        if let lastFailure {
            FileHandle.standardError.write(Data("last failure: \(try M2RLJSON.line(lastFailure))\n".utf8))
            throw ExitCode(1)
        }
    }
}
