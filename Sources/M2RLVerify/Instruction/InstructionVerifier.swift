import Foundation
import M2RLCore

/// How an instruction-following response is judged: IFEval's two evaluations.
public enum InstructionMode: String, Sendable, CaseIterable {
    /// The response as it is.
    case strict
    /// IFEval's upper bound: an instruction is followed when any of 8 variants of the response
    /// follows it: the response; with every `*` removed; without its first line; without its
    /// last line; without both; and each of the last three with `*` removed (variants stripped).
    case loose
}

/// Per-instruction verdicts of one response, under both evaluations.
public struct InstructionEvaluation: Sendable, Equatable {
    public var strict: [Bool]
    public var loose: [Bool]

    /// Evaluates `response` against `checks` as IFEval's `evaluation_lib` does: a variant that is
    /// empty after stripping follows nothing. Loose variants are built only when some instruction
    /// fails strictly (a strict pass is a loose pass: the response is the first variant), and a
    /// variant identical to the response or to an earlier variant is not asked again (every
    /// check is a function of the text alone, so it would fail again: a response without `*`
    /// has at most 3 distinct variants besides itself). Each check judges the response and its
    /// variants with one memo (`InstructionCheck.Memo`).
    public static func evaluate(_ checks: [any InstructionCheck], response: String) -> InstructionEvaluation {
        let nonEmpty = !PythonText.strip(response).isEmpty
        var variants: LooseVariants? = nil
        var evaluation = InstructionEvaluation(strict: [], loose: [])
        for check in checks {
            let (strict, loose) = judge(check, response: response, nonEmpty: nonEmpty, variants: &variants)
            evaluation.strict.append(strict)
            evaluation.loose.append(loose)
        }
        return evaluation
    }

    /// One check's strict and loose verdicts; `variants` is made on first need and shared by
    /// the checks of one response.
    private static func judge<Check: InstructionCheck>(
        _ check: Check, response: String, nonEmpty: Bool, variants: inout LooseVariants?
    ) -> (strict: Bool, loose: Bool) {
        var memo = check.makeMemo()
        if nonEmpty && check.follows(response, memo: &memo) { return (true, true) }
        if variants == nil { variants = LooseVariants(response) }
        let loose = (0..<LooseVariants.count).contains { k in
            guard let variant = variants!.distinct(k) else { return false }
            return check.follows(variant, memo: &memo)
        }
        return (false, loose)
    }

    /// The 7 variants besides the response itself, in the reference's order.
    static func looseVariants(_ response: String) -> [String] {
        var variants = LooseVariants(response)
        return (0..<LooseVariants.count).map { variants.text($0) }
    }

    /// The loose variants of one response, each built on first use (most failing instructions
    /// are decided by the first variants that are tried, and a response often has few lines).
    struct LooseVariants {
        static let count = 7
        private let response: String
        /// The positions of the response's first and last `\n` (the same one when it has one),
        /// nil when it has none; found on first use.
        private lazy var newlines: (first: String.Index, last: String.Index)? = {
            let utf8 = response.utf8
            guard let first = utf8.firstIndex(of: 0x0A) else { return nil }
            return (first, utf8.lastIndex(of: 0x0A)!)
        }()
        private var built: [String?] = Array(repeating: nil, count: count)
        private var isNew: [Bool?] = Array(repeating: nil, count: count)

        init(_ response: String) { self.response = response }

        /// Variant `k`, or nil when it is empty after stripping (it then follows nothing).
        subscript(k: Int) -> String? {
            mutating get {
                let variant = text(k)
                return PythonText.strip(variant).isEmpty ? nil : variant
            }
        }

        /// Variant `k`, or nil when it is empty after stripping or the same text as the response
        /// or as a variant before it (decided once per variant).
        mutating func distinct(_ k: Int) -> String? {
            if let known = isNew[k] { return known ? built[k] : nil }
            var new = self[k] != nil
            if new {
                // Python's `==` on str compares code points, so the bytes are compared (Swift's
                // `==` would also equate canonically equivalent texts, and costs more).
                let variant = text(k)
                new = !Self.same(variant, response) && !(0..<k).contains { Self.same(text($0), variant) }
            }
            isNew[k] = new
            return new ? built[k] : nil
        }

        private static func same(_ a: String, _ b: String) -> Bool {
            guard a.utf8.count == b.utf8.count else { return false }
            var a = a, b = b
            return a.withUTF8 { x in b.withUTF8 { y in x.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 } }
        }

        /// Variant `k`: 0 the response without `*`; 1 without its first line; 2 without its
        /// last line; 3 without both; 4–6 the same three without `*`. Line variants are stripped.
        mutating func text(_ k: Int) -> String {
            if let done = built[k] { return done }
            let variant: String
            // `"\n".join(lines[1:])` is the text after the first newline, `lines[:-1]` the text
            // before the last, `lines[1:-1]` the text between them (empty with fewer than two
            // newlines); with no newline, all three are empty.
            switch k {
            case 0: variant = Self.unstarred(response)
            case 1: variant = newlines.map { stripped(response[response.utf8.index(after: $0.first)...]) } ?? ""
            case 2: variant = newlines.map { stripped(response[..<$0.last]) } ?? ""
            case 3:
                guard let (first, last) = newlines, first < last else { variant = ""; break }
                variant = stripped(response[response.utf8.index(after: first)..<last])
            default: variant = Self.unstarred(text(k - 3))
            }
            built[k] = variant
            return variant
        }

        private func stripped(_ part: Substring) -> String {
            String(PythonText.strip(part))
        }

        /// `s.replace("*", "")`: every `*` code point removed (a `*` before a combining mark
        /// too, as in Python).
        static func unstarred(_ s: String) -> String {
            var s = s
            let star = UInt8(ascii: "*")
            let removed = s.withUTF8 { bytes -> String? in
                guard bytes.contains(star) else { return nil }
                // Removing an ASCII byte from UTF-8 leaves UTF-8: the bytes are copied as they are.
                return String(unsafeUninitializedCapacity: bytes.count) { out in
                    var n = 0
                    for byte in bytes where byte != star {
                        out[n] = byte
                        n += 1
                    }
                    return n
                }
            }
            return removed ?? s
        }
    }

    public func followed(_ mode: InstructionMode) -> [Bool] { mode == .strict ? strict : loose }
}

/// Scores instruction-following completions against the problem's verifiable instructions
/// (`problem.instructions`: `{"id", "kwargs"}` as IFEval, IFBench and IFEvalG data spell them).
///
/// Presets: `strict` (default, as the M2RL study trained) or `loose` (see `InstructionMode`).
/// Option `reward`: `all` (default; 1 when every instruction is followed, IFEval's prompt-level
/// accuracy) or `fraction` (the share followed, its instruction-level accuracy).
///
/// Verdicts: `correct` (every instruction followed), `incorrect`, `no_answer` (the response is
/// empty or whitespace; nothing is followed). Details: `preset`, `reward_rule`, `followed`
/// (count), `total`, `instructions` (per instruction: `id`, `strict`, `loose`).
///
/// - Throws: `VerifyError` `invalid_problem` when the problem has no instructions, or when an
///   instruction's id is unknown or its kwargs are invalid (the message names the instruction's
///   index, id and key). Nothing unknown ever passes silently.
public struct InstructionVerifier: Verifier {
    public let domain = Domain.instruction
    public let options = ["reward"]

    public init() {}

    /// The checks for a problem's instructions, in order.
    /// - Throws: `VerifyError` (`invalid_problem`) naming the first instruction that cannot be built.
    public static func checks(for problem: Problem) throws -> [any InstructionCheck] {
        guard let instructions = problem.instructions, !instructions.isEmpty else {
            throw VerifyError.invalidProblem("an instruction problem needs `instructions` (a list of {\"id\", \"kwargs\"})")
        }
        var checks: [any InstructionCheck] = []
        checks.reserveCapacity(instructions.count)
        for (index, instruction) in instructions.enumerated() {
            do {
                checks.append(try InstructionRegistry.check(id: instruction.id, kwargs: instruction.kwargs ?? [:], prompt: problem.prompt ?? ""))
            } catch {
                throw VerifyError.invalidProblem("instructions[\(index)]: \(error.message)")
            }
        }
        return checks
    }

    public func verify(_ completion: String, problem: Problem) throws -> Verification {
        let presetName = problem.verifier?.preset ?? InstructionMode.strict.rawValue
        guard let mode = InstructionMode(rawValue: presetName) else {
            throw VerifyError.invalidProblem(
                "verifier.preset '\(presetName)' is not an instruction preset; use one of \(InstructionMode.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let fraction: Bool
        switch problem.verifier?.options["reward"] {
        case nil, .string("all")?: fraction = false
        case .string("fraction")?: fraction = true
        case let other?: throw VerifyError.invalidProblem("verifier.reward must be \"all\" or \"fraction\", got \(other.jsonText.prefix(60))")
        }
        let checks = try Self.checks(for: problem)
        let evaluation = InstructionEvaluation.evaluate(checks, response: completion)
        let followed = evaluation.followed(mode)
        let count = followed.filter { $0 }.count
        let ids = problem.instructions ?? []
        let details: [String: JSONValue] = [
            "preset": .string(mode.rawValue),
            "reward_rule": .string(fraction ? "fraction" : "all"),
            "followed": .int(count),
            "total": .int(followed.count),
            "instructions": .array(ids.indices.map { k in
                .object(["id": .string(ids[k].id), "strict": .bool(evaluation.strict[k]), "loose": .bool(evaluation.loose[k])])
            }),
        ]
        let all = count == followed.count
        let verdict = PythonText.strip(completion).isEmpty ? "no_answer" : (all ? "correct" : "incorrect")
        let reward = fraction ? Double(count) / Double(followed.count) : (all ? 1 : 0)
        return Verification(reward: reward, verdict: verdict, details: details)
    }
}
