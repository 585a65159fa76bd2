import Foundation
import M2RLCore

/// One verifiable instruction, ready to check: built once from its kwargs (and the problem's
/// prompt), then asked about one or more candidate responses.
///
/// `follows` is pure and bounded (linear or near-linear in the response's length); it never
/// throws: a response a checker cannot read simply does not follow the instruction.
///
/// The loose evaluation asks a check about a response and up to 7 variants of it, which share
/// most of their text. A check whose work on one text can serve the next (the word tokens of a
/// sentence the variants share) keeps it in a `Memo`, made fresh for each response; the answer
/// never depends on it. Most checks have nothing to share: their memo is `Void`.
public protocol InstructionCheck: Sendable {
    /// What judging one text leaves for the next texts of the same response.
    associatedtype Memo = Void
    func follows(_ response: String) -> Bool
    /// An empty memo, for one response and its variants.
    func makeMemo() -> Memo
    /// `follows(response)`, reading and extending `memo`.
    func follows(_ response: String, memo: inout Memo) -> Bool
}

extension InstructionCheck where Memo == Void {
    public func makeMemo() {}
    public func follows(_ response: String, memo: inout Void) -> Bool { follows(response) }
}

/// A check written as a closure, which is how most registry entries are built.
public struct ClosureCheck: InstructionCheck {
    let body: @Sendable (String) -> Bool
    public init(_ body: @escaping @Sendable (String) -> Bool) { self.body = body }
    public func follows(_ response: String) -> Bool { body(response) }
}

/// A check written as a closure that keeps a memo across the texts of one response (see
/// `InstructionCheck`): `body(text, &memo)` must answer as it would with a fresh memo.
public struct MemoCheck<Memo>: InstructionCheck {
    let make: @Sendable () -> Memo
    let body: @Sendable (String, inout Memo) -> Bool
    public init(memo make: @escaping @Sendable () -> Memo, _ body: @escaping @Sendable (String, inout Memo) -> Bool) {
        self.make = make
        self.body = body
    }
    public func follows(_ response: String) -> Bool {
        var memo = make()
        return body(response, &memo)
    }
    public func makeMemo() -> Memo { make() }
    public func follows(_ response: String, memo: inout Memo) -> Bool { body(response, &memo) }
}

/// An instruction that cannot be built: an unknown id, or kwargs that are missing, of the wrong
/// type or out of range. The message names the instruction and the key.
public struct InstructionError: M2RLError, Equatable {
    /// `unknown_instruction` or `invalid_kwargs`.
    public var code: String
    public var message: String
    public init(code: String, _ message: String) {
        self.code = code
        self.message = message
    }
    public var description: String { "\(code): \(message)" }
}

/// The comparison words IFEval and IFBench use in kwargs.
public enum Relation: String, Sendable, CaseIterable {
    case lessThan = "less than"
    case atLeast = "at least"

    /// `count < target` for "less than", `count >= target` for "at least".
    public func holds(_ count: Int, _ target: Int) -> Bool {
        switch self {
        case .lessThan: count < target
        case .atLeast: count >= target
        }
    }
}

/// The kwargs of one instruction, read by name with errors that name the instruction and key.
///
/// `null` values count as absent (IFBench rows carry every kwarg name, unused ones null). The
/// registry rejects names an instruction does not take before its builder runs, as Python's
/// `build_description(**kwargs)` would.
public struct InstructionArguments: Sendable {
    /// The instruction id, for messages.
    public let id: String
    /// The kwargs, without nulls.
    public let values: [String: JSONValue]
    /// The problem's prompt (some checkers compare the response with it).
    public let prompt: String

    public init(id: String, values: [String: JSONValue], prompt: String) {
        self.id = id
        self.values = values.filter { if case .null = $0.value { false } else { true } }
        self.prompt = prompt
    }

    func invalid(_ key: String, _ problem: String) -> InstructionError {
        InstructionError(code: "invalid_kwargs", "\(id): kwarg '\(key)' \(problem)")
    }

    public func has(_ key: String) -> Bool { values[key] != nil }

    /// An integer (a JSON number with no fraction). Absent → `nil`.
    public func optionalInt(_ key: String) throws(InstructionError) -> Int? {
        guard let value = values[key] else { return nil }
        if let int = value.int { return int }
        if let text = value.string, let int = Int(text.trimmed) { return int }
        throw invalid(key, "must be an integer, got \(value.jsonText.prefix(60))")
    }

    /// A required integer.
    public func int(_ key: String) throws(InstructionError) -> Int {
        guard let int = try optionalInt(key) else { throw invalid(key, "is required") }
        return int
    }

    /// A number (integer or not). Absent → `nil`.
    public func optionalDouble(_ key: String) throws(InstructionError) -> Double? {
        guard let value = values[key] else { return nil }
        if let number = value.number { return number }
        if let text = value.string, let number = Double(text.trimmed) { return number }
        throw invalid(key, "must be a number, got \(value.jsonText.prefix(60))")
    }

    public func double(_ key: String) throws(InstructionError) -> Double {
        guard let number = try optionalDouble(key) else { throw invalid(key, "is required") }
        return number
    }

    /// A string. Absent → `nil`.
    public func optionalString(_ key: String) throws(InstructionError) -> String? {
        guard let value = values[key] else { return nil }
        guard let text = value.string else { throw invalid(key, "must be a string, got \(value.jsonText.prefix(60))") }
        return text
    }

    public func string(_ key: String) throws(InstructionError) -> String {
        guard let text = try optionalString(key) else { throw invalid(key, "is required") }
        return text
    }

    /// A list of strings. Absent → `nil`.
    public func optionalStrings(_ key: String) throws(InstructionError) -> [String]? {
        guard let value = values[key] else { return nil }
        guard let list = value.array else { throw invalid(key, "must be a list of strings, got \(value.jsonText.prefix(60))") }
        var out: [String] = []
        for item in list {
            guard let text = item.string else { throw invalid(key, "must be a list of strings, got an item \(item.jsonText.prefix(60))") }
            out.append(text)
        }
        return out
    }

    public func strings(_ key: String) throws(InstructionError) -> [String] {
        guard let list = try optionalStrings(key) else { throw invalid(key, "is required") }
        return list
    }

    /// "less than" or "at least". Absent → `nil`.
    public func optionalRelation(_ key: String) throws(InstructionError) -> Relation? {
        guard let text = try optionalString(key) else { return nil }
        guard let relation = Relation(rawValue: text) else {
            throw invalid(key, "must be one of \(Relation.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")), got '\(text)'")
        }
        return relation
    }

    public func relation(_ key: String) throws(InstructionError) -> Relation {
        guard let relation = try optionalRelation(key) else { throw invalid(key, "is required") }
        return relation
    }
}

/// One registry entry: an instruction id, the kwargs it takes, and how to build its check.
///
/// Where the reference picks a random value for a missing kwarg, m2rl requires the kwarg
/// (rewards must be deterministic); where the reference has a fixed default, the builder uses it.
public struct InstructionKind: Sendable {
    /// The id as the data spells it, such as `length_constraints:number_words`.
    public let id: String
    /// Which family the reference checker comes from (`ifeval`, `ifbench`, `iftrain`).
    public let family: String
    /// Every kwarg name the instruction takes; others are an `invalid_kwargs` error.
    public let kwargs: [String]
    /// Builds the check. Throws `InstructionError` for missing or invalid kwargs.
    public let build: @Sendable (InstructionArguments) throws(InstructionError) -> any InstructionCheck

    public init(
        _ id: String, family: String, kwargs: [String] = [],
        build: @escaping @Sendable (InstructionArguments) throws(InstructionError) -> any InstructionCheck
    ) {
        self.id = id
        self.family = family
        self.kwargs = kwargs
        self.build = build
    }
}

/// Every instruction id m2rl checks, declared as data: IFEval's 25, IFBench's 57 test
/// constraints, and the IFBench training constraints that IFEvalG (open-instruct's RL blend)
/// adds. An id resolves to exactly one checker.
public enum InstructionRegistry {
    public static let kinds: [String: InstructionKind] = {
        var table: [String: InstructionKind] = [:]
        for kind in IFEvalInstructions.kinds + IFBenchInstructions.kinds + IFTrainInstructions.kinds {
            precondition(table[kind.id] == nil, "instruction id \(kind.id) registered twice")
            table[kind.id] = kind
        }
        return table
    }()

    /// Builds the check for one instruction.
    /// - Throws: `InstructionError` for an unknown id, a kwarg the instruction does not take,
    ///   or a kwarg that is missing or invalid.
    public static func check(
        id: String, kwargs: [String: JSONValue], prompt: String
    ) throws(InstructionError) -> any InstructionCheck {
        guard let kind = kinds[id] else {
            throw InstructionError(code: "unknown_instruction", "unknown instruction id '\(id)'; m2rl knows \(kinds.count) ids (IFEval, IFBench, IFEvalG)")
        }
        let arguments = InstructionArguments(id: id, values: kwargs, prompt: prompt)
        // The error names the first unknown name in order.
        if let extra = arguments.values.keys.filter({ !kind.kwargs.contains($0) }).min() {
            let takes = kind.kwargs.isEmpty ? "no kwargs" : "only \(kind.kwargs.joined(separator: ", "))"
            throw InstructionError(code: "invalid_kwargs", "\(id): kwarg '\(extra)' is not one it takes (it takes \(takes))")
        }
        return try kind.build(arguments)
    }
}
