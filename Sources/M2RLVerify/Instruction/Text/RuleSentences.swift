import Foundation

/// The rule-based sentence splitter of IFEval's and IFBench's `instructions_util`
/// (`split_into_sentences`): periods in honorifics, acronyms, web addresses, decimals and
/// ellipses are protected, then the text is cut after every `.`, `?` and `!`.
///
/// The rules, in the order they apply (each as Python's `re.sub`, left to right,
/// non-overlapping):
/// 1. pad with a space before and two after; newlines become spaces;
/// 2. `Mr. St. Mrs. Ms. Dr.` keep their period; `.com .net .org .io .gov .edu .me` too;
/// 3. a period between two digits is kept; a run of two or more periods is kept and ends a
///    sentence after the run; `Ph.D.` is kept;
/// 4. a single letter followed by `. ` after whitespace keeps its period; an acronym such as
///    `U.S.` before a sentence starter (`Mr`, `He `, `However `, ...) ends a sentence;
///    `A.B.C.` and `A.B.` keep their periods; `Inc. Ltd. Jr. Sr. Co.` end a sentence before a
///    starter and otherwise keep their period; any letter after a space keeps its period;
/// 5. closing quotes move before the `.`, `!` or `?` they follow (`."` → `".`);
/// 6. the text is cut after every remaining `.`, `?` and `!`; pieces are stripped, and an
///    empty last piece dropped (empty pieces elsewhere are kept, as in the reference).
///
/// Linear in the text's length.
public enum RuleSentences {
    private static let alphabets = "([A-Za-z])"
    private static let prefixes = "(Mr|St|Mrs|Ms|Dr)[.]"
    private static let suffixes = "(Inc|Ltd|Jr|Sr|Co)"
    private static let starters = #"(Mr|Mrs|Ms|Dr|Prof|Capt|Cpt|Lt|He\s|She\s|It\s|They\s|Their\s|Our\s|We\s|But\s|However\s|That\s|This\s|Wherever)"#
    private static let acronyms = "([A-Z][.][A-Z][.](?:[A-Z][.])?)"
    private static let websites = "[.](com|net|org|io|gov|edu|me)"
    private static let digits = "([0-9])"

    /// The sentences of `text`, as the reference splits them. Every replacement is literal, code
    /// point by code point (a `\n` before a combining mark is replaced too, as in Python).
    public static func split(_ text: String) -> [String] {
        var t = " " + text + "  "
        t = t.replacingOccurrences(of: "\n", with: " ", options: .literal)
        t = Regex.replace(prefixes, in: t, with: "$1<prd>")
        t = Regex.replace(websites, in: t, with: "<prd>$1")
        t = Regex.replace(digits + "[.]" + digits, in: t, with: "$1<prd>$2")
        t = replaceDotRuns(t)
        t = t.replacingOccurrences(of: "Ph.D.", with: "Ph<prd>D<prd>", options: .literal)
        t = Regex.replace(#"\s"# + alphabets + "[.] ", in: t, with: " $1<prd> ")
        t = Regex.replace(acronyms + " " + starters, in: t, with: "$1<stop> $2")
        t = Regex.replace(alphabets + "[.]" + alphabets + "[.]" + alphabets + "[.]", in: t, with: "$1<prd>$2<prd>$3<prd>")
        t = Regex.replace(alphabets + "[.]" + alphabets + "[.]", in: t, with: "$1<prd>$2<prd>")
        t = Regex.replace(" " + suffixes + "[.] " + starters, in: t, with: " $1<stop> $2")
        t = Regex.replace(" " + suffixes + "[.]", in: t, with: " $1<prd>")
        t = Regex.replace(" " + alphabets + "[.]", in: t, with: " $1<prd>")
        t = t.replacingOccurrences(of: ".”", with: "”.", options: .literal)
        t = t.replacingOccurrences(of: ".\"", with: "\".", options: .literal)
        t = t.replacingOccurrences(of: "!\"", with: "\"!", options: .literal)
        t = t.replacingOccurrences(of: "?\"", with: "\"?", options: .literal)
        t = t.replacingOccurrences(of: ".", with: ".<stop>", options: .literal)
        t = t.replacingOccurrences(of: "?", with: "?<stop>", options: .literal)
        t = t.replacingOccurrences(of: "!", with: "!<stop>", options: .literal)
        t = t.replacingOccurrences(of: "<prd>", with: ".", options: .literal)
        var sentences = PythonText.split(t, separator: "<stop>").map { String(PythonText.strip($0)) }
        if let last = sentences.last, last.isEmpty { sentences.removeLast() }
        return sentences
    }

    /// `re.sub(r"\.{2,}", lambda m: "<prd>" * len(m) + "<stop>", t)`.
    private static func replaceDotRuns(_ t: String) -> String {
        guard t.range(of: "..", options: .literal) != nil else { return t }
        var out = ""
        out.reserveCapacity(t.utf8.count + 16)
        var run = 0
        for scalar in t.unicodeScalars {
            if scalar == "." { run += 1; continue }
            flush(&out, run)
            run = 0
            out.unicodeScalars.append(scalar)
        }
        flush(&out, run)
        return out
    }

    private static func flush(_ out: inout String, _ run: Int) {
        if run == 1 { out += "." } else if run > 1 { out += String(repeating: "<prd>", count: run) + "<stop>" }
    }
}
