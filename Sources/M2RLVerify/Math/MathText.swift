import M2RLCore

/// Text-level handling of math answers: `\boxed{}` contents and the normalisation that runs
/// before parsing (units, degrees, percent words, presentation commands).
enum MathText {
    // MARK: - Boxes

    typealias Box = LaTeXBox

    /// Every box in `text` (see `LaTeXBox.all`).
    static func boxes(in text: String) -> [Box] { LaTeXBox.all(in: Array(text.unicodeScalars)) }
    static func boxes(in scalars: [Unicode.Scalar]) -> [Box] { LaTeXBox.all(in: scalars) }

    /// The answer in the last box, joined (with commas) with the boxes just before it when they
    /// are close (fewer than 10 characters apart) or separated by a short `and`/`or`/`,`/`;`
    /// phrase (fewer than 70 characters) and differ: `\boxed{1} and \boxed{2}` is `1, 2`. This is
    /// math-verify's "last" box rule. Nil when there is no box.
    static func lastBoxAnswer(_ text: String) -> String? {
        let scalars = Array(text.unicodeScalars)
        return lastBoxAnswer(scalars, boxes: boxes(in: scalars))
    }

    static func lastBoxAnswer(_ scalars: [Unicode.Scalar], boxes all: [Box]) -> String? {
        guard var index = all.indices.last else { return nil }
        var parts = [all[index].content]
        while index > 0 {
            let previous = all[index - 1], next = all[index]
            let between = LaTeXBox.string(scalars[previous.end..<next.start])
            let close = next.start - previous.end < 10
            let separated = previous.content != parts.last! && next.start - previous.end < 70 && containsSeparator(Substring(between))
            guard close || separated else { break }
            if previous.content != parts.last! { parts.append(previous.content) }
            index -= 1
        }
        return parts.reversed().joined(separator: ", ")
    }

    /// Every box's content, joined with commas (consecutive duplicates once): how a gold answer
    /// with boxes is read.
    static func allBoxesAnswer(_ text: String) -> String? {
        let all = boxes(in: text)
        guard !all.isEmpty else { return nil }
        var parts: [String] = []
        for box in all where parts.last != box.content { parts.append(box.content) }
        return parts.joined(separator: ", ")
    }

    private static func containsSeparator(_ text: Substring) -> Bool {
        if text.contains(",") || text.contains(";") { return true }
        let words = text.split(whereSeparator: { !$0.isLetter })
        return words.contains("and") || words.contains("or")
    }

    // MARK: - Normalisation

    /// Unit words dropped from the end of an answer (after a digit, `}` or a space), in the
    /// singular; plurals with `s`/`es` are dropped too.
    static let unitWords: Set<String> = [
        "mm", "cm", "m", "km", "in", "inch", "ft", "feet", "foot", "yard", "yd", "mile", "mi",
        "mg", "g", "gm", "kg", "lb", "oz", "pound", "ton", "tonne", "ml", "l", "liter", "litre", "gallon",
        "s", "sec", "second", "min", "minute", "h", "hr", "hour", "day", "week", "month", "year", "yr",
        "mph", "kmh", "kph", "kmph", "meter", "metre", "centimeter", "millimeter", "kilometer",
        "dollar", "cent", "euro", "point", "unit", "degree", "deg", "ohm", "acre", "hectare",
        "square", "sq", "cubic", "cc", "way", "student", "people", "person", "apple", "time", "digit",
    ]

    /// Text-level normalisation before parsing. Idempotent; linear in the length.
    static func normalize(_ raw: String) -> String {
        var text = raw.trimmed
        // Boxes, unwrapped level by level (`\boxed{\boxed{7}}` is 7); bounded by the length.
        while has(text, "\\boxed") || has(text, "\\fbox"), let boxed = allBoxesAnswer(text), boxed.count < text.count {
            text = boxed
        }
        if has(text, "\\\\") && !has(text, "matrix") && !has(text, "\\begin") {
            // A doubled backslash before a command (`\\frac`, from over-escaped JSON) is one.
            text = Regex.replace(#"\\\\(?=[A-Za-z])"#, in: text, with: "\\\\")
        }
        // Each rewrite runs only when its trigger occurs (most answers skip them all).
        for (triggers, pattern, replacement) in replacements where triggers.contains(where: { has(text, $0) }) {
            text = Regex.replace(pattern, in: text, with: replacement)
        }
        // Thin-space and space thousands separators: `1\,000\,000` and `1 000` are one number.
        while digitsSeparated(text), let range = Regex.range(#"(?<![\d.])\d{1,3}(?:(?:\\,| )\d{3})+(?!\d)"#, in: text) {
            let joined = text[range].replacingOccurrences(of: "\\,", with: "").replacingOccurrences(of: " ", with: "")
            text.replaceSubrange(range, with: joined)
        }
        // Spacing commands: `\!` joins (`1\!000`), the others are spaces.
        if has(text, "\\!") { text = Regex.replace(#"\\!"#, in: text, with: "") }
        if has(text, "\\,") || has(text, "\\;") || has(text, "\\:") || has(text, "\\ ") || has(text, "~") { text = Regex.replace(#"(?<!\\)\\[,;: ]|~"#, in: text, with: " ") }
        if text.unicodeScalars.contains(where: { ($0.value | 0x20) >= 97 && ($0.value | 0x20) <= 122 }) { text = stripUnits(text) }
        while let last = text.last, last == "." || last == " " || last == "\n" { text.removeLast() }
        return text.trimmed
    }

    /// Ordered rewrites: degree signs, `{,}` thousands marks, percent words, and/or between
    /// answers, dollar signs, `\mathrm{th}`.
    private static let replacements: [(triggers: [StaticString], pattern: String, replacement: String)] = [
        (["{"], #"\{\s*,\s*\}"#, ","),
        (["percent", "pct"], #"\\text\s*\{\s*(percent|percentage|pct)\s*\}"#, "\\\\%"),
        (["percent", "pct"], #"\s*\b(percent|percentage|pct)\b"#, "\\\\%"),
        (["and", "or"], #"(?<![A-Za-z\\])\s*,?\s*\b(and|or)\b\s*(?![A-Za-z])"#, ","),
        (["$"], #"\\\$|\$"#, ""),
        (["th}"], #"\\mathrm\{th\}|\\text\{th\}"#, ""),
        (["frac"], #"\\(?:d|t|c)frac"#, "\\\\frac"),
    ]

    /// Drops trailing units: a final `\text{...}`/`\mbox{...}` (with an optional `^2`) after
    /// something else, then a final unit word, twice at most (`5\text{ cm}^2`, `12 dollars`).
    static func stripUnits(_ text: String) -> String {
        var text = text
        for _ in 0..<2 {
            let before = text
            let textCommand = has(text, "\\text") || has(text, "\\mbox") || has(text, "\\mathrm")
            if textCommand, let range = Regex.range(#"\\(?:text|mbox|mathrm)\s*\{[^{}]*\}\s*(?:\^\s*\{?\s*[23]\s*\}?)?\s*$"#, in: text) {
                let rest = text[..<range.lowerBound].trimmed
                if !rest.isEmpty, let last = rest.last, last.isNumber || last == "}" || last == ")" || last == "%" || last.isLetter {
                    // Keep word answers such as `\text{yes}`: the rest must not end inside a word.
                    text = rest
                }
            }
            let endsWithLetter = text.unicodeScalars.last(where: { $0 != " " }).map { ($0.value | 0x20) >= 97 && ($0.value | 0x20) <= 122 } ?? false
            let endsWithUnitPower = Regex.range(#"[A-Za-z]\s*\^\s*\{?\s*[23]\s*\}?\s*$"#, in: text) != nil
            if endsWithLetter || endsWithUnitPower, let range = Regex.range(#"(?<=[0-9}\s])\s*[A-Za-z]+\s*(?:\^\s*\{?\s*[23]\s*\}?)?\s*$"#, in: text) {
                var word = text[range].trimmed.lowercased()
                if let caret = word.firstIndex(of: "^") { word = String(word[..<caret]).trimmed }
                let rest = text[..<range.lowerBound].trimmed
                if !unitWords.contains(word) {
                    if word.hasSuffix("es"), unitWords.contains(String(word.dropLast(2))) { word = String(word.dropLast(2)) }
                    else if word.hasSuffix("s"), unitWords.contains(String(word.dropLast())) { word = String(word.dropLast()) }
                }
                if unitWords.contains(word), !rest.isEmpty, !rest.hasSuffix("\\") { text = rest }
            }
            if text == before { break }
        }
        return text
    }
}

extension MathText {
    /// Whether a digit is followed by a space or `\,` and another digit (a possible thousands
    /// separator), so the regular expression that joins them is worth running.
    static func digitsSeparated(_ text: String) -> Bool {
        let s = Array(text.utf8)
        var i = 0
        while i + 2 < s.count {
            if s[i] >= 48 && s[i] <= 57 {
                if s[i + 1] == 0x20, s[i + 2] >= 48, s[i + 2] <= 57 { return true }
                if s[i + 1] == 0x5C, i + 3 < s.count, s[i + 2] == 0x2C, s[i + 3] >= 48, s[i + 3] <= 57 { return true }
            }
            i += 1
        }
        return false
    }

    /// Whether `text` contains `needle`, comparing UTF-8 bytes (no Foundation bridging: this
    /// runs several times per answer).
    static func has(_ text: String, _ needle: StaticString) -> Bool {
        let n = needle.utf8CodeUnitCount
        guard n > 0 else { return true }
        let p = needle.utf8Start
        var text = text
        return text.withUTF8 { h in
            guard h.count >= n else { return false }
            var i = 0
            while i <= h.count - n {
                if h[i] == p[0] {
                    var k = 1
                    while k < n && h[i + k] == p[k] { k += 1 }
                    if k == n { return true }
                }
                i += 1
            }
            return false
        }
    }
}

