/// Where a problem was found: a file, and optionally a key path, line or entry inside it.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var key: String?
    public var line: Int?

    public init(file: String, key: String? = nil, line: Int? = nil) {
        self.file = file
        self.key = key
        self.line = line
    }

    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        if let key { text += ": \(key)" }
        return text
    }
}

/// An error that m2rl reports to a person: it names the place and says what to do.
///
/// Every module has its own error type conforming to this protocol; the command line prints
/// `description` on standard error and exits with `exitCode`.
public protocol M2RLError: Error, CustomStringConvertible, Sendable {
    /// A short, stable identifier for programs (`profile_invalid`, `bad_json`, ...).
    var code: String { get }
}

/// Several problems found in one pass over an input (a profile, a config): all are reported at
/// once so the user can fix them together.
public struct ValidationErrors: M2RLError {
    public var problems: [(SourceLocation, String)]

    public init(_ problems: [(SourceLocation, String)]) {
        self.problems = problems
    }

    public var code: String { "invalid" }

    public var description: String {
        problems.map { "\($0.0): \($0.1)" }.joined(separator: "\n")
    }
}
