import Foundation
import M2RLCore

/// A multiple-choice letter extraction rule, reproducing one harness (`verifier.preset`).
///
/// Each returns the extracted answer as the harness would compare it: usually a letter, possibly
/// lowercase where the harness never uppercases (simple-evals, SuperGPQA), or nil when the
/// harness finds nothing. The patterns are the harnesses' own, translated to ICU syntax (braces
/// escaped); their sources are named on each case.
public enum ChoicePreset: String, Sendable, CaseIterable {
    /// openai/simple-evals, GPQA grader: the first `Answer: X` (case-insensitive, X in A–D; the
    /// letter is not uppercased, so `answer: c` does not match gold `C`).
    case simpleEvals = "simple-evals"
    /// EleutherAI lm-evaluation-harness, GPQA generative tasks, `strict-match`: the text after
    /// the first `The answer is ` up to the line's last character, compared ignoring case and
    /// punctuation.
    case lmEvalGPQAStrict = "lm-eval-gpqa-strict"
    /// The same tasks, `flexible-extract`: the last `(X)`; else the last option text mentioned
    /// (case and punctuation ignored); else the last `: X` with X in A–D.
    case lmEvalGPQAFlexible = "lm-eval-gpqa-flexible"
    /// TIGER-AI-Lab/MMLU-Pro (evaluate_from_api.py): `**` removed, then the first
    /// `answer is (X)`, else `Answer: X` on the first line that has one, else the last standalone
    /// letter A–J. (The official tally replaces a missing answer by a random guess; m2rl scores it
    /// `no_answer`, deterministically.)
    case mmluPro = "mmlu-pro"
    /// SuperGPQA (eval/eval.py): three patterns ("the answer is X", "Answer: X", a letter opening
    /// the text) case-insensitive, first on the last line, then on the whole text; then the same
    /// shapes with the option texts.
    case superGPQA = "supergpqa"
    /// The M2RL study's rule, made exact: the last `\boxed{X}`; else the last "answer is X" /
    /// "Answer: X" (any case, markdown bold allowed); else the last standalone capital that is a
    /// valid choice letter. The letter is uppercased.
    case m2rlPaper = "m2rl-paper"

    /// `lm-eval-gpqa` names the flexible filter, the one lm-eval reports first.
    public init?(name: String) {
        if name == "lm-eval-gpqa" { self = .lmEvalGPQAFlexible } else if let preset = ChoicePreset(rawValue: name) {
            self = preset
        } else {
            return nil
        }
    }

    public static let names = allCases.map(\.rawValue) + ["lm-eval-gpqa"]

    /// Extracts the answer from `response` for a question with `choices` (option texts, in
    /// letter order; may be empty when only letters are known).
    public func extract(_ response: String, choices: [String]) -> String? {
        switch self {
        case .simpleEvals:
            return Regex.first(#"(?i)Answer[ \t]*:[ \t]*\$?([A-D])\$?"#, in: response)
        case .lmEvalGPQAStrict:
            guard let found = Regex.first(#"(?<=The answer is )(.*)(?=.)"#, in: response, group: 0) else { return nil }
            return ChoiceText.letterInParentheses(found.trimmingCharacters(in: .whitespaces))
        case .lmEvalGPQAFlexible:
            if let found = Regex.last(#"(\([A-Z]\))"#, in: response) { return ChoiceText.letterInParentheses(found) }
            if !choices.isEmpty {
                let cleaned = ChoiceText.withoutPunctuation(response.lowercased())
                let alternatives = choices.map { NSRegularExpression.escapedPattern(for: ChoiceText.withoutPunctuation($0.lowercased())) }
                if let text = Regex.last(alternatives.joined(separator: "|"), in: cleaned, group: 0),
                   let index = choices.firstIndex(where: { ChoiceText.withoutPunctuation($0.lowercased()) == text }) {
                    return ChoiceLetter.letter(index)
                }
            }
            return Regex.last(#":[\s]*(A|B|C|D)"#, in: response)
        case .mmluPro:
            let text = response.replacingOccurrences(of: "**", with: "")
            return Regex.first(#"answer is \(?([A-J])\)?"#, in: text)
                ?? Regex.first(#".*[aA]nswer:\s*([A-J])"#, in: text)
                ?? Regex.first(#"(?s)\b[A-J]\b(?!.*\b[A-J]\b)"#, in: text, group: 0)
        case .superGPQA:
            return SuperGPQA.extract(response, choices: choices)
        case .m2rlPaper:
            let valid = ChoiceText.validLetters(count: choices.isEmpty ? 10 : choices.count)
            if let boxed = Regex.last(#"\\(?:boxed|fbox)\{\s*\(?\s*([A-Ja-j])\s*\)?\s*\}"#, in: response) {
                return boxed.uppercased()
            }
            if let stated = Regex.last(#"(?i)answer(?:\s+is)?\s*[:：]?\s*\**\s*[:：]?\s*\**\s*\(?([A-J])\)?(?![A-Za-z])"#, in: response) {
                return stated.uppercased()
            }
            return Regex.all(#"\b([A-J])\b"#, in: response).last { valid.contains($0) }
        }
    }
}

/// SuperGPQA's label and option-content patterns (eval/eval.py), with its order: each pattern
/// on the last line, then each on the whole text; labels first, then option texts.
enum SuperGPQA {
    static let prefix = #"(?:[\*\$\{(\[\\(]*?(?:(?:\\boxed|\\mathbf|\\mathrm|\\text)\{)?)*"#
    static let suffix = #"(?:\\?\}?\$?\)?\]?\}?)*(?:[\s:\.\*)]|$)"#

    static func patterns(_ capture: String, colonAfterAnswer: Bool, ignoreCase: Bool) -> [String] {
        let flags = ignoreCase ? "(?i)" : ""
        let answer = colonAfterAnswer ? #"(?i:Answer)[\*\s]*:\s*"# : #"(?i:Answer)\s*"#
        return [
            flags + #"[Tt]he\s+(?:\w+\s+)?(?:answer|option)(?:\w+\s+)?\s+is?:?\s*"# + prefix + #"\s*("# + capture + ")" + suffix,
            flags + answer + prefix + #"\s*("# + capture + ")" + suffix,
            flags + #"^[^\w\r\n]*"# + prefix + #"\s*("# + capture + ")" + suffix,
        ]
    }

    static func extract(_ response: String, choices: [String]) -> String? {
        let trimmed = response.replacingOccurrences(of: #"\s+$"#, with: "", options: .regularExpression)
        let lastLine = trimmed.split(separator: "\n", omittingEmptySubsequences: false).last.map(String.init) ?? trimmed
        func firstMatch(_ patterns: [String]) -> String? {
            for text in [lastLine, response] {
                for pattern in patterns {
                    if let found = Regex.first(pattern, in: text) { return found }
                }
            }
            return nil
        }
        if let label = firstMatch(patterns("[ABCDEFGHIJ]", colonAfterAnswer: true, ignoreCase: true)) { return label }
        guard !choices.isEmpty else { return nil }
        let alternatives = choices.map { NSRegularExpression.escapedPattern(for: $0) }.joined(separator: "|")
        var contentPatterns = patterns(alternatives, colonAfterAnswer: false, ignoreCase: false)
        contentPatterns[0] = contentPatterns[0].replacingOccurrences(of: #"\s+is?:?\s*"#, with: #"\s+is:?\s*"#)
        guard let text = firstMatch(contentPatterns), let index = choices.firstIndex(of: text) else { return nil }
        return ChoiceLetter.letter(index)
    }
}

/// Small text helpers for choices.
enum ChoiceText {
    static func validLetters(count: Int) -> Set<String> { Set((0..<min(max(count, 0), 26)).map { ChoiceLetter.letter($0) }) }

    /// `(B)` → `B`; anything else is returned with punctuation removed (lm-eval compares
    /// ignoring punctuation and case).
    static func letterInParentheses(_ text: String) -> String {
        withoutPunctuation(text).trimmingCharacters(in: .whitespaces)
    }

    /// Unicode punctuation (general category P) removed, as lm-eval's `ignore_punctuation`.
    static func withoutPunctuation(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { !CharacterSet.punctuationCharacters.contains($0) }))
    }
}
