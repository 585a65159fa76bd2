/// The Minerva answer normalisation as DAPO's reward uses it (verl
/// `utils/reward_score/math_dapo.py`, `normalize_final_answer`), for the `dapo` preset.
///
/// Steps, in order: keep the text after the last `=`; apply `substitutions` in order (plain
/// string replacement); delete every `removedExpressions` string in order; keep only the first
/// `$...$` span's content when there is one; unwrap `\text{}`, `\textbf{}`, `\overline{}`
/// (first closing brace) and `\boxed{}` (last closing brace); expand `\fracab` to
/// `\frac{a}{b}` and `\sqrta` to `\sqrt{a}`; drop `$`; remove commas from an all-digit answer;
/// trim. The comparison is string equality of the normalised prediction and gold.
enum MinervaNormalizer {
    /// DAPO scores only the end of the completion (its longest MATH answer is far shorter).
    static let tailLength = 300

    static let substitutions: [(String, String)] = [
        ("an ", ""), ("a ", ""), (".$", "$"), ("\\$", ""), ("\\ ", ""), (" ", ""), ("mbox", "text"),
        (",\\text{and}", ","), ("\\text{and}", ","), ("\\text{m}", "\\text{}"),
    ]

    static let removedExpressions: [String] = [
        "square", "ways", "integers", "dollars", "mph", "inches", "hours", "km", "units", "\\ldots", "sue",
        "points", "feet", "minutes", "digits", "cents", "degrees", "cm", "gm", "pounds", "meters", "meals",
        "edges", "students", "childrentickets", "multiples", "\\text{s}", "\\text{.}", "\\text{\ns}",
        "\\text{}^2", "\\text{}^3", "\\text{\n}", "\\text{}", "\\mathrm{th}", "^\\circ", "^{\\circ}", "\\;",
        ",\\!", "{,}", "\"", "\\dots",
    ]

    static func normalize(_ answer: String) -> String {
        var text = String(answer.split(separator: "=", omittingEmptySubsequences: false).last ?? "")
        for (before, after) in substitutions { text = text.replacingOccurrences(of: before, with: after) }
        for expression in removedExpressions { text = text.replacingOccurrences(of: expression, with: "") }
        text = Regex.replace(#"(.*?)(\$)(.*?)(\$)(.*)"#, in: text, with: "\\$$3\\$")
        text = Regex.replace(#"(\\text\{)(.*?)(\})"#, in: text, with: "$2")
        text = Regex.replace(#"(\\textbf\{)(.*?)(\})"#, in: text, with: "$2")
        text = Regex.replace(#"(\\overline\{)(.*?)(\})"#, in: text, with: "$2")
        text = Regex.replace(#"(\\boxed\{)(.*)(\})"#, in: text, with: "$2")
        text = Regex.replace(#"(frac)([^{])(.)"#, in: text, with: "frac{$2}{$3}")
        text = Regex.replace(#"(sqrt)([^{])"#, in: text, with: "sqrt{$2}")
        text = text.replacingOccurrences(of: "$", with: "")
        let withoutCommas = text.replacingOccurrences(of: ",", with: "")
        if !withoutCommas.isEmpty, withoutCommas.unicodeScalars.allSatisfy({ $0.properties.numericType == .decimal || $0.properties.numericType == .digit }) {
            text = withoutCommas
        }
        return text.trimmed
    }
}
