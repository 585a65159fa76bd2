import Foundation
import M2RLCore

/// Scores multiple-choice (science) completions: the chosen letter against the gold letter.
///
/// Problem: `answer` is the gold letter (`"C"`) or the gold option's text; `choices` the option
/// texts in letter order (A–J, at most 10). Options: `preset` (see `ChoicePreset`; default
/// `m2rl-paper`), `match_text` (when the preset finds no letter, the option whose text occurs
/// last in the response, case-insensitively, is the answer; default false).
///
/// Verdicts: `correct` (reward 1), `incorrect` (0), `no_answer` (0). Details: `extracted`,
/// `gold`, `preset`.
public struct ChoiceVerifier: Verifier {
    public let domain = Domain.science
    public let options = ["match_text"]

    public static let defaultPreset = ChoicePreset.m2rlPaper

    public init() {}

    public func verify(_ completion: String, problem: Problem) throws -> Verification {
        let presetName = problem.verifier?.preset ?? ChoiceVerifier.defaultPreset.rawValue
        guard let preset = ChoicePreset(name: presetName) else {
            throw VerifyError.invalidProblem(
                "verifier.preset '\(presetName)' is not a science preset; use one of \(ChoicePreset.names.joined(separator: ", "))")
        }
        let choices = problem.choices ?? []
        guard choices.count <= 10 else { throw VerifyError.invalidProblem("choices: at most 10 (A–J), got \(choices.count)") }
        let gold = try goldLetter(problem, choices: choices)
        let matchText = problem.verifier?.options["match_text"]?.bool ?? false

        var extracted = preset.extract(completion, choices: choices)
        if extracted == nil && matchText { extracted = lastMentionedOption(completion, choices: choices) }
        let details: [String: JSONValue] = [
            "extracted": extracted.map { .string($0) } ?? .null, "gold": .string(gold), "preset": .string(preset.rawValue),
        ]
        guard let answer = extracted else { return Verification(reward: 0, verdict: "no_answer", details: details) }
        // lm-eval compares ignoring case; the other harnesses compare the letter as extracted.
        let same = preset == .lmEvalGPQAStrict || preset == .lmEvalGPQAFlexible
            ? answer.lowercased() == gold.lowercased() : answer == gold
        return Verification(reward: same ? 1 : 0, verdict: same ? "correct" : "incorrect", details: details)
    }

    /// The gold letter: `answer` itself when it is a letter (optionally in parentheses), else the
    /// letter of the choice whose text it is.
    func goldLetter(_ problem: Problem, choices: [String]) throws -> String {
        guard let raw = problem.answer?.trimmingCharacters(in: .whitespacesAndNewlines), !raw.isEmpty else {
            throw VerifyError.invalidProblem("a science problem needs `answer` (the correct letter or option text)")
        }
        let bare = raw.trimmingCharacters(in: CharacterSet(charactersIn: "()"))
        if bare.count == 1, let scalar = bare.unicodeScalars.first, ("A"..."J").contains(scalar) {
            if !choices.isEmpty && Int(scalar.value) - 65 >= choices.count {
                throw VerifyError.invalidProblem("answer '\(bare)' is beyond the \(choices.count) choices")
            }
            return bare
        }
        if let index = choices.firstIndex(where: { $0.trimmingCharacters(in: .whitespacesAndNewlines) == raw }) {
            return ChoiceLetter.letter(index)
        }
        throw VerifyError.invalidProblem("answer '\(raw.prefix(80))' is neither a letter A–J nor one of the choices")
    }

    /// The choice whose text occurs last in `text` (case-insensitive, not inside a longer word).
    func lastMentionedOption(_ text: String, choices: [String]) -> String? {
        var best: (position: Int, index: Int)?
        for (index, choice) in choices.enumerated() where !choice.isEmpty {
            let pattern = #"(?i)(?<![\p{L}\p{N}])"# + NSRegularExpression.escapedPattern(for: choice) + #"(?![\p{L}\p{N}])"#
            guard let regex = Regex.compiled(pattern) else { continue }
            let matches = regex.matches(in: text, range: NSRange(text.startIndex..., in: text))
            if let last = matches.last, best == nil || last.range.location > best!.position {
                best = (last.range.location, index)
            }
        }
        return best.map { ChoiceLetter.letter($0.index) }
    }
}
