/// Text-level handling of math answers: `\boxed{}` contents and the normalisation that runs
/// before parsing (units, degrees, percent words, presentation commands).
enum MathText {
    // MARK: - Boxes

    /// A `\boxed{...}` or `\fbox{...}` found in a text: its content and where the command starts.
    struct Box: Equatable {
        var content: String
        var start: String.Index
        var end: String.Index
        /// False for a box whose braces never close (it runs to the end of the text).
        var closed: Bool
    }

    /// Every complete box in `text`, left to right (nested braces balanced; an unclosed box runs
    /// to the end of the text, as math-verify reads it).
    static func boxes(in text: String) -> [Box] {
        var found: [Box] = []
        var searchFrom = text.startIndex
        while let range = nextBoxCommand(in: text, from: searchFrom) {
            var cursor = range.upperBound
            while cursor < text.endIndex, text[cursor] == " " { cursor = text.index(after: cursor) }
            guard cursor < text.endIndex, text[cursor] == "{" else {
                searchFrom = range.upperBound
                continue
            }
            var depth = 0
            var close: String.Index?
            var probe = cursor
            while probe < text.endIndex {
                let c = text[probe]
                if c == "{" { depth += 1 } else if c == "}" {
                    depth -= 1
                    if depth == 0 { close = probe; break }
                }
                probe = text.index(after: probe)
            }
            let contentStart = text.index(after: cursor)
            if let close {
                found.append(Box(content: String(text[contentStart..<close]).trimmed, start: range.lowerBound, end: text.index(after: close), closed: true))
                searchFrom = text.index(after: close)
            } else {
                found.append(Box(content: String(text[contentStart...]).trimmed, start: range.lowerBound, end: text.endIndex, closed: false))
                break
            }
        }
        return found
    }

    private static func nextBoxCommand(in text: String, from: String.Index) -> Range<String.Index>? {
        let boxed = text.range(of: "\\boxed", range: from..<text.endIndex)
        let fbox = text.range(of: "\\fbox", range: from..<text.endIndex)
        switch (boxed, fbox) {
        case (nil, nil): return nil
        case (let b?, nil): return b
        case (nil, let f?): return f
        case (let b?, let f?): return b.lowerBound < f.lowerBound ? b : f
        }
    }

    /// The answer in the last box, joined (with commas) with the boxes just before it when they
    /// are close (fewer than 10 characters apart) or separated by a short `and`/`or`/`,`/`;`
    /// phrase (fewer than 70 characters) and differ: `\boxed{1} and \boxed{2}` is `1,2`. This is
    /// math-verify's "last" box rule. Nil when there is no box.
    static func lastBoxAnswer(_ text: String) -> String? {
        let all = boxes(in: text)
        guard var index = all.indices.last else { return nil }
        var parts = [all[index].content]
        while index > 0 {
            let previous = all[index - 1], next = all[index]
            let between = text[previous.end..<next.start]
            let close = between.count < 10
            let separated = previous.content != parts.last! && between.count < 70 && containsSeparator(between)
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
        while text.contains("\\boxed") || text.contains("\\fbox"), let boxed = allBoxesAnswer(text), boxed.count < text.count {
            text = boxed
        }
        if !text.contains("matrix") && !text.contains("\\begin") {
            // A doubled backslash before a command (`\\frac`, from over-escaped JSON) is one.
            text = Regex.replace(#"\\\\(?=[A-Za-z])"#, in: text, with: "\\\\")
        }
        for (pattern, replacement) in replacements {
            text = Regex.replace(pattern, in: text, with: replacement)
        }
        // Thin-space and space thousands separators: `1\,000\,000` and `1 000` are one number.
        while let range = Regex.range(#"(?<![\d.])\d{1,3}(?:(?:\\,| )\d{3})+(?!\d)"#, in: text) {
            let joined = text[range].replacingOccurrences(of: "\\,", with: "").replacingOccurrences(of: " ", with: "")
            text.replaceSubrange(range, with: joined)
        }
        // Spacing commands: `\!` joins (`1\!000`), the others are spaces.
        text = Regex.replace(#"\\!"#, in: text, with: "")
        text = Regex.replace(#"(?<!\\)\\[,;: ]|~"#, in: text, with: " ")
        text = stripUnits(text)
        while let last = text.last, last == "." || last == " " || last == "\n" { text.removeLast() }
        return text.trimmed
    }

    /// Ordered rewrites: degree signs, `{,}` thousands marks, percent words, and/or between
    /// answers, dollar signs, `\mathrm{th}`.
    private static let replacements: [(String, String)] = [
        (#"\{\s*,\s*\}"#, ","),
        (#"\\text\s*\{\s*(percent|percentage|pct)\s*\}"#, "\\\\%"),
        (#"\s*\b(percent|percentage|pct)\b"#, "\\\\%"),
        (#"(?<![A-Za-z\\])\s*,?\s*\b(and|or)\b\s*(?![A-Za-z])"#, ","),
        (#"\\\$|\$"#, ""),
        (#"\\mathrm\{th\}|\\text\{th\}"#, ""),
        (#"\\(?:d|t|c)frac"#, "\\\\frac"),
    ]

    /// Drops trailing units: a final `\text{...}`/`\mbox{...}` (with an optional `^2`) after
    /// something else, then a final unit word, twice at most (`5\text{ cm}^2`, `12 dollars`).
    static func stripUnits(_ text: String) -> String {
        var text = text
        for _ in 0..<2 {
            let before = text
            if let range = Regex.range(#"\\(?:text|mbox|mathrm)\s*\{[^{}]*\}\s*(?:\^\s*\{?\s*[23]\s*\}?)?\s*$"#, in: text) {
                let rest = text[..<range.lowerBound].trimmed
                if !rest.isEmpty, let last = rest.last, last.isNumber || last == "}" || last == ")" || last == "%" || last.isLetter {
                    // Keep word answers such as `\text{yes}`: the rest must not end inside a word.
                    text = rest
                }
            }
            if let range = Regex.range(#"(?<=[0-9}\s])\s*[A-Za-z]+\s*$"#, in: text) {
                var word = text[range].trimmed.lowercased()
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

extension StringProtocol {
    var trimmed: String {
        var start = startIndex, end = endIndex
        while start < end, self[start].isWhitespace { start = index(after: start) }
        while end > start, self[index(before: end)].isWhitespace { end = index(before: end) }
        return String(self[start..<end])
    }
}
