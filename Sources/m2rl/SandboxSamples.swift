import ArgumentParser
import Foundation
import M2RLCore
import M2RLSandbox

struct SandboxSamples: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "samples",
        abstract: "Run the sample and hostile programs of testcases/sandbox and print their outcomes.",
        discussion: """
            Plants a secret, starts a TCP server on 127.0.0.1 and a Unix socket for the hostile \
            programs to attack, runs every case under full isolation (two at a time), and prints \
            one line per case: expected and actual status, time, and whether every check passed \
            (status, output, no escape, secret unread, nothing written outside, no survivors). \
            Exit status 1 if any case failed.
            """)

    @Argument(help: ArgumentHelp("The cases file.", valueName: "CASES"))
    var cases: String = "testcases/sandbox/cases.yaml"

    @Option(help: "Run only the cases whose name contains this text.")
    var filter: String?

    @Flag(help: "Print one JSON line per case (its outcome and checks) instead of a table.")
    var json = false

    @OptionGroup var options: SandboxOptions

    func run() throws {
        let isolation = try options.parsedIsolation()
        let results: [SampleResult]
        do {
            let all = try SampleCase.load(path: cases).filter { filter == nil || $0.name.contains(filter!) }
            let sandbox = try options.sandbox(for: isolation)
            let environment = try SampleEnvironment()
            defer { environment.close() }
            let runner = SampleRunner(sandbox: sandbox, environment: environment, catalog: options.catalog)
            results = try concurrentMap(all, width: 2) { try runner.run($0, isolation: isolation) }
        } catch {
            throw fail(error)
        }
        for result in results {
            if json {
                print(try M2RLJSON.line(SampleLine(result)))
            } else {
                let o = result.outcome
                let detail = o.violation.map { " (\($0))" } ?? ""
                let line = [
                    result.passed ? "PASS" : "FAIL",
                    result.sample.name.padding(toLength: 28, withPad: " ", startingAt: 0),
                    (o.status.rawValue + detail).padding(toLength: 36, withPad: " ", startingAt: 0),
                    String(format: "%6d ms", o.wallMs),
                ].joined(separator: " ")
                print(line + (result.passed ? "" : "  " + result.problems.joined(separator: "; ")))
            }
        }
        let failed = results.filter { !$0.passed }.count
        FileHandle.standardError.write(Data("\(results.count - failed) passed, \(failed) failed\n".utf8))
        if failed > 0 { throw ExitCode(1) }
    }
}

/// The JSON line `samples --json` prints for a case.
struct SampleLine: Encodable {
    var name: String
    var expected: String
    var passed: Bool
    var problems: [String]
    var outcome: Outcome

    init(_ r: SampleResult) {
        name = r.sample.name
        expected = r.sample.expect.rawValue
        passed = r.passed
        problems = r.problems
        outcome = r.outcome
    }
}

