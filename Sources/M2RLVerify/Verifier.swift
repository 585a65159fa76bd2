import Foundation
import M2RLCore
import M2RLData
import M2RLSandbox

/// The result of verifying one completion against one problem.
public struct Verification: Sendable, Equatable {
    /// The reward, as the verifier's reward rule defines it (usually 0 or 1).
    public var reward: Double
    /// A small closed set per domain: `correct`, `incorrect`, `no_answer`, `format_error`, and
    /// for code the worst test status.
    public var verdict: String
    /// Verifier-specific details (extracted answer, failing test, ...).
    public var details: [String: JSONValue]

    public init(reward: Double, verdict: String, details: [String: JSONValue] = [:]) {
        self.reward = reward
        self.verdict = verdict
        self.details = details
    }
}

/// A problem the verifier cannot score (not the completion's fault): the result line is an
/// error with this code and message.
public struct VerifyError: M2RLError, Equatable {
    /// `invalid_problem`, `no_verifier`, `sandbox_error`, ...
    public var code: String
    public var message: String

    public init(code: String, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }

    public static func invalidProblem(_ message: String) -> VerifyError { VerifyError(code: "invalid_problem", message) }
}

/// Scores completions for one domain. Implementations are thread-safe: `verify` is called from
/// several worker threads at once.
public protocol Verifier: Sendable {
    /// The domain this verifier serves.
    var domain: Domain { get }
    /// Option names this verifier accepts in `problem.verifier` (besides `preset` and
    /// `format_gate`); anything else is an `invalid_problem` error naming the key.
    var options: [String] { get }

    /// Verifies `completion` (already past the format gate) against `problem`.
    /// - Throws: `VerifyError` when the problem cannot be scored.
    func verify(_ completion: String, problem: Problem) throws -> Verification
}

/// The verifiers `m2rl score` dispatches to, by domain: a registry declared as data.
public struct VerifierRegistry: Sendable {
    public private(set) var verifiers: [Domain: any Verifier] = [:]

    public init(_ verifiers: [any Verifier] = []) {
        for verifier in verifiers { register(verifier) }
    }

    public mutating func register(_ verifier: any Verifier) {
        verifiers[verifier.domain] = verifier
    }

    /// Scores `completion`: the format gate first (when `format_gate` is on), option names
    /// checked, then the domain's verifier.
    /// - Throws: `VerifyError` (`no_verifier`, `invalid_problem`, ...).
    public func verify(_ completion: String, problem: Problem) throws -> Verification {
        guard let verifier = verifiers[problem.domain] else {
            let known = verifiers.keys.map(\.rawValue).sorted().joined(separator: ", ")
            throw VerifyError(code: "no_verifier", "no verifier for domain '\(problem.domain.rawValue)' yet (registered: \(known))")
        }
        let options = problem.verifier?.options ?? [:]
        let allowed = Set(verifier.options + [FormatGate.option])
        if let unknown = options.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw VerifyError.invalidProblem(
                "verifier option '\(unknown)' is not known to the \(problem.domain.rawValue) verifier; "
                    + "known: \(allowed.sorted().joined(separator: ", "))")
        }
        switch FormatGate.apply(completion, options: options) {
        case .failure(let failure):
            return failure.verification
        case .success(let text):
            return try verifier.verify(text, problem: problem)
        }
    }
}

/// The format gate of the study: a completion without `</think>` gets reward 0 (`format_error`);
/// otherwise only the text after the last `</think>` is scored. Off unless the problem's
/// verifier options say `"format_gate": true`.
public enum FormatGate {
    public static let option = "format_gate"
    public static let marker = "</think>"

    public static func apply(_ completion: String, options: [String: JSONValue]) -> Result<String, VerificationFailure> {
        guard options[option]?.bool == true else { return .success(completion) }
        guard let range = completion.range(of: marker, options: .backwards) else {
            return .failure(VerificationFailure(
                Verification(reward: 0, verdict: "format_error", details: ["reason": "no </think> in the completion"])))
        }
        return .success(String(completion[range.upperBound...]))
    }
}

/// A verification that ends scoring early (the format gate's refusal).
public struct VerificationFailure: Error, Sendable {
    public var verification: Verification
    public init(_ verification: Verification) { self.verification = verification }
}

extension VerifierRegistry {
    /// Every verifier m2rl has: code (through `sandbox`, with runtime profiles from `catalog`),
    /// science (multiple choice), math and instruction following.
    public static func standard(
        sandbox: Sandbox, catalog: ProfileCatalog, isolation: Isolation = .full, zygote: Bool = true
    ) -> VerifierRegistry {
        VerifierRegistry([
            CodeVerifier(sandbox: sandbox, catalog: catalog, isolation: isolation, useZygote: zygote),
            ChoiceVerifier(),
            MathVerifier(),
            InstructionVerifier(),
        ])
    }
}

extension ProblemStore: ProblemSource {
    public func problem(id: String) -> Problem? { problems[id] }
}
