import ArgumentParser
import Foundation
import M2RLCore
import M2RLSandbox

struct SandboxSamples: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "samples",
        abstract: "Run the sample and hostile programs of testcases/sandbox and print their outcomes.")

    @Argument(help: ArgumentHelp("The cases file.", valueName: "CASES"))
    var cases: String = "testcases/sandbox/cases.yaml"

    @Flag(help: "Print one JSON line per case instead of a table.")
    var json = false

    @OptionGroup var options: SandboxOptions

    func run() throws {
        throw fail(SandboxError.system(call: "samples", errno: "not yet"))
    }
}
