import ArgumentParser
import Foundation
import M2RLCore
import M2RLVerify

struct InstructionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "instruction",
        abstract: "The instruction-following checkers: list them, or run their text tools.",
        subcommands: [List.self, Text.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List every instruction id m2rl checks, with its family and kwargs.")

        @Flag(help: "One JSON object per line instead of a table.")
        var json = false

        func run() {
            for kind in InstructionRegistry.kinds.values.sorted(by: { $0.id < $1.id }) {
                if json {
                    let object: JSONValue = .object([
                        "id": .string(kind.id), "family": .string(kind.family), "kwargs": .array(kind.kwargs.map { .string($0) }),
                    ])
                    print(object.jsonText)
                } else {
                    print("\(kind.id.padding(toLength: 44, withPad: " ", startingAt: 0)) \(kind.family.padding(toLength: 8, withPad: " ", startingAt: 0)) \(kind.kwargs.joined(separator: ", "))")
                }
            }
        }
    }

    struct Text: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run one text tool on JSON Lines strings from stdin; one JSON result per line on stdout.",
            discussion: """
                Tools: \(TextTool.allCases.map(\.rawValue).joined(separator: ", ")). Each input line \
                is a JSON string; a line that is not one yields {"error": "..."}. Used by the \
                agreement scripts in bench/ that compare each tool with the Python tool it imitates.
                """)

        @Argument(help: ArgumentHelp("The tool.", valueName: "TOOL"))
        var tool: String

        func validate() throws {
            guard TextTool(rawValue: tool) != nil else {
                throw ValidationError("unknown tool '\(tool)'; use one of \(TextTool.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }

        func run() {
            let tool = TextTool(rawValue: tool)!
            var lineNumber = 0
            while let line = readLine(strippingNewline: true) {
                lineNumber += 1
                guard let value = try? JSONValue.parse(line), let text = value.string else {
                    print(JSONValue.object(["error": .string("line \(lineNumber): not a JSON string")]).jsonText)
                    continue
                }
                print(tool.apply(text).jsonText)
            }
        }
    }
}
