import Foundation
import M2RLCore

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
    /// Python's `\s` on `str` (every code point `isspace()` accepts); ICU's `\s` leaves out
    /// `\x1c`–`\x1f` and `\x85`.
    private static let space = #"[\x{9}-\x{d}\x{1c}-\x{20}\x{85}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}]"#
    private static let starters = "(Mr|Mrs|Ms|Dr|Prof|Capt|Cpt|Lt|He\(space)|She\(space)|It\(space)|They\(space)|Their\(space)|Our\(space)|We\(space)|But\(space)|However\(space)|That\(space)|This\(space)|Wherever)"
    private static let websites = "[.](com|net|org|io|gov|edu|me)"
    private static let digits = "([0-9])"

    /// The sentences of `text`, as the reference splits them. Every replacement is literal, code
    /// point by code point (a `\n` before a combining mark is replaced too, as in Python).
    ///
    /// A regex rule is skipped when the text lacks a substring every match of it contains (so
    /// skipping changes nothing), which spares most rules on most texts.
    public static func split(_ text: String) -> [String] {
        var t = " " + text + "  "
        t = replace("\n", with: " ", in: t)
        if containsAny(t, ["Mr.", "St.", "Mrs.", "Ms.", "Dr."]) {
            t = Regex.replace(prefixes, in: t, with: "$1<prd>")
        }
        if containsAny(t, [".com", ".net", ".org", ".io", ".gov", ".edu", ".me"]) {
            t = Regex.replace(websites, in: t, with: "<prd>$1")
        }
        if containsSequence(t, [isDigit, isDot, isDigit]) {
            t = Regex.replace(digits + "[.]" + digits, in: t, with: "$1<prd>$2")
        }
        t = replaceDotRuns(t)
        t = replace("Ph.D.", with: "Ph<prd>D<prd>", in: t)
        if contains(t, ". ") {
            t = protectInitials(t)
            t = stopAcronymsBeforeStarters(t)
        }
        if containsSequence(t, [isLetter, isDot, isLetter]) {
            t = Regex.replace(alphabets + "[.]" + alphabets + "[.]" + alphabets + "[.]", in: t, with: "$1<prd>$2<prd>$3<prd>")
            t = Regex.replace(alphabets + "[.]" + alphabets + "[.]", in: t, with: "$1<prd>$2<prd>")
        }
        if containsAny(t, [" Inc.", " Ltd.", " Jr.", " Sr.", " Co."]) {
            t = Regex.replace(" " + suffixes + "[.] " + starters, in: t, with: " $1<stop> $2")
            t = Regex.replace(" " + suffixes + "[.]", in: t, with: " $1<prd>")
        }
        if containsSequence(t, [isSpace, isLetter, isDot]) {
            t = Regex.replace(" " + alphabets + "[.]", in: t, with: " $1<prd>")
        }
        t = replace(".”", with: "”.", in: t)
        t = replace(".\"", with: "\".", in: t)
        t = replace("!\"", with: "\"!", in: t)
        t = replace("?\"", with: "\"?", in: t)
        t = markStops(t)
        var sentences = PythonText.split(t, separator: "<stop>").map { String(PythonText.strip($0)) }
        if let last = sentences.last, last.isEmpty { sentences.removeLast() }
        return sentences
    }

    /// The last four replaces in one pass: `.`, `?` and `!` each get `<stop>` after them, then
    /// every `<prd>` becomes `.`. One pass is the same: no `<prd>` contains `.`, `?` or `!`, so
    /// no `<stop>` is ever put inside one, and an inserted `<stop>` cannot complete one.
    private static func markStops(_ t: String) -> String {
        let prd = Array("<prd>".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(t.utf8.count + 64)
        let b = Array(t.utf8)
        var i = 0
        while i < b.count {
            let c = b[i]
            if c == UInt8(ascii: ".") || c == UInt8(ascii: "?") || c == UInt8(ascii: "!") {
                out.append(c)
                out.append(contentsOf: "<stop>".utf8)
                i += 1
            } else if c == UInt8(ascii: "<"), i + prd.count <= b.count, b[i..<(i + prd.count)].elementsEqual(prd) {
                out.append(UInt8(ascii: "."))
                i += prd.count
            } else {
                out.append(c)
                i += 1
            }
        }
        return UTF8Text.string(repairing: out)
    }

    /// `t.replace(old, new)`: every non-overlapping occurrence, left to right, code point exact.
    private static func replace(_ old: String, with new: String, in t: String) -> String {
        var out = ""
        var start = t.startIndex
        PythonText.forEachMatch(of: old, in: Substring(t)) { range in
            if out.isEmpty { out.reserveCapacity(t.utf8.count + 64) }
            out += t[start..<range.lowerBound]
            out += new
            start = range.upperBound
            return true
        }
        guard start != t.startIndex else { return t }
        out += t[start...]
        return out
    }

    private static func contains(_ t: String, _ needle: String) -> Bool {
        var found = false
        PythonText.forEachMatch(of: needle, in: Substring(t)) { _ in
            found = true
            return false
        }
        return found
    }

    private static func containsAny(_ t: String, _ needles: [String]) -> Bool {
        needles.contains { contains(t, $0) }
    }

    /// Whether some consecutive UTF-8 bytes satisfy the (ASCII) tests in order.
    private static func containsSequence(_ t: String, _ tests: [(UInt8) -> Bool]) -> Bool {
        t.utf8.withContiguousStorageIfAvailable { bytes in
            guard bytes.count >= tests.count else { return false }
            for i in 0...(bytes.count - tests.count) where tests.indices.allSatisfy({ tests[$0](bytes[i + $0]) }) {
                return true
            }
            return false
        } ?? true
    }

    private static func isDot(_ b: UInt8) -> Bool { b == UInt8(ascii: ".") }
    private static func isSpace(_ b: UInt8) -> Bool { b == UInt8(ascii: " ") }
    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    private static func isLetter(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) }

    /// The code point starting at byte `i` of a string's UTF-8, and its length in bytes.
    private static func scalar(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> (Unicode.Scalar, Int) {
        let (value, n) = PythonText.decode(b, at: i)
        return (Unicode.Scalar(value)!, n)
    }

    /// `re.sub(space + alphabets + "[.] ", " \\1<prd> ", t)`: a Python whitespace code point, an
    /// ASCII letter, `. `; the whitespace becomes a space and the period `<prd>`. Left to right,
    /// non-overlapping: the closing space of one match cannot open the next.
    private static func protectInitials(_ t: String) -> String {
        var t = t
        let result: String? = t.withUTF8 { b in
            var out: [UInt8] = []
            var changed = false
            var copied = 0
            var i = 0
            while i < b.count {
                let n: Int
                let isSpace: Bool
                if b[i] < 0x80 {
                    (n, isSpace) = (1, b[i] == 0x20 || (b[i] >= 0x09 && b[i] <= 0x0D) || (b[i] >= 0x1C && b[i] <= 0x1F))
                } else {
                    let (s, length) = scalar(b, i)
                    (n, isSpace) = (length, PythonText.isSpace(s))
                }
                if isSpace, i + n + 2 < b.count, isLetter(b[i + n]), b[i + n + 1] == UInt8(ascii: "."), b[i + n + 2] == UInt8(ascii: " ") {
                    if !changed { out.reserveCapacity(b.count + 32); changed = true }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: b[copied..<i]))
                    out.append(UInt8(ascii: " "))
                    out.append(b[i + n])
                    out.append(contentsOf: "<prd> ".utf8)
                    i += n + 3
                    copied = i
                } else {
                    i += n
                }
            }
            guard changed else { return nil }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[copied..<b.count]))
            return UTF8Text.string(repairing: out)
        }
        return result ?? t
    }

    /// The starters that need a Python whitespace code point after them (the others need nothing).
    private static let spacedStarters: [[UInt8]] = ["He", "She", "It", "They", "Their", "Our", "We", "But", "However", "That", "This"].map { Array($0.utf8) }
    private static let bareStarters: [[UInt8]] = ["Mr", "Ms", "Dr", "Prof", "Capt", "Cpt", "Lt", "Wherever"].map { Array($0.utf8) }

    /// `re.sub(acronyms + " " + starters, "\\1<stop> \\2", t)`: `<stop>` goes after an acronym
    /// (`A.B.` or `A.B.C.`, the longer tried first) followed by a space and a sentence starter.
    /// The text is otherwise unchanged (`Mrs` matches as `Mr`, which leaves the same text). No
    /// match can start inside the space and starter a match consumed (no starter holds an
    /// uppercase letter followed by `.`), so scanning resumes right after the acronym.
    private static func stopAcronymsBeforeStarters(_ t: String) -> String {
        var t = t
        let result: String? = t.withUTF8 { b in
            func isUpper(_ k: Int) -> Bool { k < b.count && b[k] >= 0x41 && b[k] <= 0x5A }
            func isDot(_ k: Int) -> Bool { k < b.count && b[k] == UInt8(ascii: ".") }
            func startsWith(_ k: Int, _ word: [UInt8]) -> Bool {
                k + word.count <= b.count && b[k..<(k + word.count)].elementsEqual(word)
            }
            func starterAt(_ k: Int) -> Bool {
                guard k < b.count, b[k] == UInt8(ascii: " ") else { return false }
                let w = k + 1
                if bareStarters.contains(where: { startsWith(w, $0) }) { return true }
                return spacedStarters.contains { word in
                    startsWith(w, word) && w + word.count < b.count && PythonText.isSpace(scalar(b, w + word.count).0)
                }
            }
            var out: [UInt8] = []
            var changed = false
            var copied = 0
            var i = 0
            while i + 3 < b.count {
                guard isUpper(i), isDot(i + 1), isUpper(i + 2), isDot(i + 3) else { i += 1; continue }
                let end: Int
                if isUpper(i + 4), isDot(i + 5), starterAt(i + 6) {
                    end = i + 6
                } else if starterAt(i + 4) {
                    end = i + 4
                } else {
                    i += 1
                    continue
                }
                if !changed { out.reserveCapacity(b.count + 32); changed = true }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[copied..<end]))
                out.append(contentsOf: "<stop>".utf8)
                copied = end
                i = end
            }
            guard changed else { return nil }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[copied..<b.count]))
            return UTF8Text.string(repairing: out)
        }
        return result ?? t
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
