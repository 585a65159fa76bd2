import Foundation
import M2RLCore

/// The math presets: how the answer is found in a completion and how it is compared.
public enum MathPreset: String, CaseIterable, Sendable {
    /// math-verify 0.9.0, prediction read with LaTeX (boxes first) and plain expressions, gold
    /// as LaTeX; symbolic equivalence (`MathEquivalence`). See `MathVerifyExtractor`.
    case mathVerify = "math-verify"
    /// DAPO (verl `math_dapo.py`): the text after the last `Answer:` in the last 300 characters,
    /// Minerva-normalised, compared as a string with the normalised gold. See `MinervaNormalizer`.
    case dapo
    /// The last `\boxed{}` or `\fbox{}`, compared by symbolic equivalence.
    case boxed
    /// The study's reward: the text after the last `Answer:` (to the end of its line), else the
    /// last `\boxed{}`; neither → no answer. Symbolic equivalence.
    case m2rlPaper = "m2rl-paper"

    public static var names: [String] { allCases.map(\.rawValue) }
}

/// Scores math completions against `problem.answer`.
///
/// Options (`problem.verifier`): `preset` (default `math-verify`); `reward`: `binary` (1/0,
/// the default) or `signed` (+1/−1, as DAPO trains; a missing answer also scores −1).
///
/// Verdicts: `correct`, `incorrect`, `no_answer` (nothing found, or nothing that parses).
/// Details: `preset`, `extracted` (the answer text found, normalised), `parsed` (its reading,
/// as plain text), `gold` (the normalised gold), and for an unparsable gold `gold_error`.
///
/// Bounded: answers longer than `MathParser.maxLength` characters are not parsed (their text
/// still compares as a string); nothing here needs a timeout.
public struct MathVerifier: Verifier {
    public let domain = Domain.math
    public let options = ["reward"]

    public static let defaultPreset = MathPreset.mathVerify

    private let golds = GoldCache()

    public init() {}

    public func verify(_ completion: String, problem: Problem) throws -> Verification {
        let presetName = problem.verifier?.preset ?? MathVerifier.defaultPreset.rawValue
        guard let preset = MathPreset(rawValue: presetName) else {
            throw VerifyError.invalidProblem(
                "verifier.preset '\(presetName)' is not a math preset; use one of \(MathPreset.names.joined(separator: ", "))")
        }
        guard let gold = problem.answer, !gold.trimmed.isEmpty else {
            throw VerifyError.invalidProblem("a math problem needs `answer` (the gold answer, LaTeX or plain text)")
        }
        let signed: Bool
        switch problem.verifier?.options["reward"] {
        case nil, .string("binary"): signed = false
        case .string("signed"): signed = true
        case let other?:
            throw VerifyError.invalidProblem("verifier.reward must be \"binary\" or \"signed\", got \(other)")
        }
        var result = preset == .dapo ? verifyDAPO(completion, gold: gold) : verifySymbolic(completion, gold: gold, preset: preset)
        result.details["preset"] = .string(preset.rawValue)
        if signed && result.reward == 0 { result.reward = -1 }
        return result
    }

    // MARK: - Symbolic presets

    private func verifySymbolic(_ completion: String, gold rawGold: String, preset: MathPreset) -> Verification {
        let gold = golds.reading(of: rawGold)
        let goldText = gold.text
        let goldNode = gold.node
        var details: [String: JSONValue] = ["gold": .string(goldText)]
        if let error = gold.error { details["gold_error"] = .string(error) }

        let candidates = candidateGroups(completion, preset: preset)
        var firstText: String?
        var firstError: String?
        for makeGroup in candidates {
            for raw in makeGroup() {
                let text = MathText.normalize(raw)
                if text.isEmpty { continue }
                if firstText == nil { firstText = text }
                let node: MathNode
                do { node = try MathParser.parse(text) } catch {
                    if firstError == nil { firstError = "\(error)" }
                    continue
                }
                details["extracted"] = .string(text)
                details["parsed"] = .string(node.description)
                let same = text == goldText || goldNode.map { MathEquivalence().equivalent($0, node) } ?? false
                return Verification(reward: same ? 1 : 0, verdict: same ? "correct" : "incorrect", details: details)
            }
            // math-verify moves to the next group only when nothing in this one parsed.
        }
        // Nothing parsed: the first answer text found still counts when it is the gold's text;
        // otherwise the answer is there but is not math (`\boxed{???}`): incorrect.
        if let text = firstText {
            details["extracted"] = .string(text)
            if let problem = firstError { details["parse_error"] = .string(problem) }
            let same = text == goldText
            return Verification(reward: same ? 1 : 0, verdict: same ? "correct" : "incorrect", details: details)
        }
        details["extracted"] = .null
        return Verification(reward: 0, verdict: "no_answer", details: details)
    }

    /// The answer texts to try, in priority groups, each computed only when it is reached.
    func candidateGroups(_ completion: String, preset: MathPreset) -> [() -> [String]] {
        switch preset {
        case .mathVerify:
            let extractor = MathVerifyExtractor(completion)
            return (0..<MathVerifyExtractor.groupCount).map { k in
                { extractor.group(k).map { $0.percent ? $0.text + "\\%" : $0.text } }
            }
        case .boxed:
            guard let last = MathText.boxes(in: completion).last(where: \.closed) else { return [] }
            return [{ [last.content] }]
        case .m2rlPaper:
            if let answer = MathVerifier.afterLastAnswerColon(completion) {
                if let boxed = MathText.boxes(in: answer).last(where: \.closed) { return [{ [boxed.content] }] }
                return [{ [answer] }]
            }
            guard let last = MathText.boxes(in: completion).last(where: \.closed) else { return [] }
            return [{ [last.content] }]
        case .dapo:
            return []
        }
    }

    /// The rest of the line after the last `Answer:` (case-insensitive, spaces allowed before
    /// the colon), without markdown emphasis (`**Answer:** 42`), surrounding `$` and a final
    /// full stop; nil when there is none or it is empty.
    static func afterLastAnswerColon(_ text: String) -> String? {
        guard let answer = Regex.last(#"(?i)answer\s*\**\s*:\s*([^\n]*)"#, in: text) else { return nil }
        var trimmed = answer.trimmed
        let wrappers: Set<Character> = ["*", "$", "_"]
        while let first = trimmed.first, wrappers.contains(first) { trimmed.removeFirst() }
        if trimmed.hasSuffix(".") { trimmed.removeLast() }
        while let last = trimmed.last, wrappers.contains(last) { trimmed.removeLast() }
        trimmed = trimmed.trimmed
        return trimmed.isEmpty ? nil : trimmed
    }

    // MARK: - DAPO

    private func verifyDAPO(_ completion: String, gold: String) -> Verification {
        let tail = String(completion.suffix(MinervaNormalizer.tailLength))
        let goldText = MinervaNormalizer.normalize(gold)
        var details: [String: JSONValue] = ["gold": .string(goldText)]
        guard let raw = Regex.last(#"(?i)Answer\s*:\s*([^\n]+)"#, in: tail) else {
            details["extracted"] = .null
            return Verification(reward: 0, verdict: "no_answer", details: details)
        }
        let predicted = MinervaNormalizer.normalize(raw)
        details["extracted"] = .string(predicted)
        let same = predicted == goldText
        return Verification(reward: same ? 1 : 0, verdict: same ? "correct" : "incorrect", details: details)
    }
}

/// Gold answers read once: RL scores many completions of one prompt, so the normalised gold and
/// its tree are kept (at most `capacity` golds; the cache starts over when full). Thread-safe.
final class GoldCache: @unchecked Sendable {
    struct Reading {
        var text: String
        var node: MathNode?
        var error: String?
    }

    static let capacity = 4_096
    private let lock = NSLock()
    private var readings: [String: Reading] = [:]

    func reading(of raw: String) -> Reading {
        lock.lock()
        if let hit = readings[raw] {
            lock.unlock()
            return hit
        }
        lock.unlock()
        let text = MathText.normalize(raw)
        var reading = Reading(text: text)
        do { reading.node = try MathParser.parse(text) } catch { reading.error = "\(error)" }
        lock.lock()
        if readings.count >= GoldCache.capacity { readings.removeAll(keepingCapacity: true) }
        readings[raw] = reading
        lock.unlock()
        return reading
    }
}
