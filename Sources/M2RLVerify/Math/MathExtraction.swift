/// Finds the answer in a completion the way math-verify 0.9.0 does with
/// `LatexExtractionConfig(boxed_match_priority=0)` and `ExprExtractionConfig()`.
///
/// Candidates come in priority groups, tried in order; within a group the match that ends
/// last in the text is tried first (ties: the one that starts first), and the first candidate
/// that parses is the answer:
///
/// 0. boxes: the last `\boxed{}`/`\fbox{}` (with the boxes just before it when they are close
///    or joined by and/or/commas), then earlier boxes one by one;
/// 1. `final answer ... is` (within 100 characters) followed by LaTeX math or a number/expression;
/// 2. `answer:` followed within 50 characters by LaTeX math, or by a number/expression
///    (after the last `=` within 100 characters, or within 50);
/// 3. `answer` (no colon), likewise;
/// 4. anywhere: LaTeX math (`$...$`, `$$...$$`, `\(...\)`, `\[...\]`, ` [...] `, a bare
///    `\frac{1}{2}`), several joined by and/or/commas, and plain numbers (`1,234.5`, `.5`,
///    `50%`) or expressions with an operator (`1/2`, `3*4`) after a space, `=` or the start.
///
/// Inputs are scanned in linear passes: where a scan could restart at every position (closing
/// delimiters, line ends, expression runs) the answers are precomputed once per completion, so
/// the work stays linear in the completion's length.
final class MathVerifyExtractor {
    /// One place in the completion that may hold the answer.
    struct Candidate {
        var start: Int
        var end: Int
        /// The answer text, not yet normalised.
        var text: String
        /// A percent sign or word right after the math.
        var percent: Bool
    }

    private let scalars: [Unicode.Scalar]
    private let lowered: [Unicode.Scalar]
    private let boxes: [MathText.Box]

    /// At most this many boxes (and math spans holding boxes) are tried one by one.
    static let maxBoxCandidates = 16

    /// The index of the next newline at or after each position (or the end).
    private lazy var lineEnds: [Int] = {
        var ends = [Int](repeating: scalars.count, count: scalars.count + 1)
        var next = scalars.count
        for i in stride(from: scalars.count - 1, through: 0, by: -1) {
            if scalars[i] == "\n" { next = i }
            ends[i] = next
        }
        return ends
    }()

    /// For each position, the end (exclusive) of the run of expression characters (digits,
    /// `.`, spaces, tabs, operators) that starts there.
    private lazy var exprRunEnds: [Int] = {
        var ends = [Int](repeating: scalars.count, count: scalars.count + 1)
        var end = scalars.count
        for i in stride(from: scalars.count - 1, through: 0, by: -1) {
            let c = scalars[i]
            if !(isDigit(c) || c == "." || c == " " || c == "\t" || MathVerifyExtractor.operators.contains(c)) { end = i }
            ends[i] = end
        }
        return ends
    }()

    /// Operators before each position (prefix counts).
    private lazy var operatorCounts: [Int] = {
        var counts = [Int](repeating: 0, count: scalars.count + 1)
        for i in 0..<scalars.count {
            counts[i + 1] = counts[i] + (MathVerifyExtractor.operators.contains(scalars[i]) ? 1 : 0)
        }
        return counts
    }()

    /// For each position, the largest position at or before it where an expression may end.
    private lazy var lastTerminators: [Int] = {
        var last = [Int](repeating: -1, count: scalars.count + 1)
        var seen = -1
        for i in 0...scalars.count {
            if i == scalars.count || isTerminator(i, to: scalars.count) { seen = i }
            last[i] = seen
        }
        return last
    }()

    /// Next occurrences of each closing delimiter, computed on first use.
    private var nextCloses: [String: [Int]] = [:]

    init(_ completion: String) {
        scalars = Array(completion.unicodeScalars)
        lowered = scalars.map { $0.value >= 65 && $0.value <= 90 ? Unicode.Scalar($0.value + 32)! : $0 }
        boxes = MathText.boxes(in: scalars)
    }

    static let groupCount = 5

    /// The candidates of priority group `k` (0 ..< `groupCount`), in the order they are tried.
    /// Groups are computed one at a time, so a completion answered by its box never pays for
    /// the scans of the later groups.
    func group(_ k: Int) -> [Candidate] {
        let group: [Candidate]
        switch k {
        case 0: group = boxCandidates()
        case 1: group = anchored(word: "final answer", colon: false, window: 100, requireIs: true)
        case 2: group = anchored(word: "answer", colon: true, window: 50, requireIs: false)
        case 3: group = anchored(word: "answer", colon: false, window: 50, requireIs: false)
        default: group = latexEnvironments(from: 0, plain: true) + plainNumbers(from: 0, to: scalars.count)
        }
        return group.sorted { a, b in a.end != b.end ? a.end > b.end : a.start < b.start }
    }

    // MARK: - Boxes

    /// Math spans that hold a box (their boxes, all of them, joined) end where the span ends;
    /// the bare-box candidate (the last box, with its close neighbours) ends at the text's last
    /// `}`. The one ending last is tried first, so a box inside `$...$` at the end wins alone.
    /// Earlier boxes follow, one by one, last first.
    private func boxCandidates() -> [Candidate] {
        // math-verify's box patterns look for `\boxed{`; `\fbox` counts only beside a `\boxed`.
        guard boxes.contains(where: { !$0.isFbox }) else { return [] }
        var candidates: [Candidate] = []
        for span in latexEnvironments(from: 0, plain: false).filter({ MathText.has($0.text, "\\boxed") }).suffix(MathVerifyExtractor.maxBoxCandidates) {
            if let boxed = MathText.allBoxesAnswer(span.text) {
                candidates.append(Candidate(start: span.start, end: span.end, text: boxed, percent: span.percent))
            }
        }
        if boxes.contains(where: \.closed), let last = MathText.lastBoxAnswer(scalars, boxes: boxes) {
            let end = (scalars.lastIndex(of: "}") ?? scalars.count - 1) + 1
            let start = scalars.indices.first { k in
                scalars[k] == "\\" && (matches("\\boxed", at: k) || matches("\\fbox", at: k))
            } ?? 0
            candidates.append(Candidate(start: start, end: end, text: last, percent: false))
        }
        for (k, box) in boxes.enumerated().reversed().prefix(MathVerifyExtractor.maxBoxCandidates) where box.closed {
            candidates.append(Candidate(start: 0, end: -boxes.count + k, text: box.content, percent: false))
        }
        return candidates
    }

    private func matches(_ word: String, at k: Int) -> Bool {
        let w = Array(word.unicodeScalars)
        guard k + w.count <= scalars.count else { return false }
        return Array(scalars[k..<(k + w.count)]) == w
    }

    // MARK: - Anchors

    private func occurrences(of word: String) -> [Int] {
        let pattern = Array(word.unicodeScalars)
        guard !pattern.isEmpty, pattern.count <= lowered.count else { return [] }
        var found: [Int] = []
        var i = 0
        while i + pattern.count <= lowered.count {
            if lowered[i] == pattern[0] {
                var k = 1
                while k < pattern.count && lowered[i + k] == pattern[k] { k += 1 }
                if k == pattern.count { found.append(i) }
            }
            i += 1
        }
        return found
    }

    private func isSpace(_ i: Int) -> Bool {
        i < scalars.count && MathVerifyExtractor.isWhitespace(scalars[i])
    }

    /// Whitespace as Python's `\s` (ASCII fast path; Unicode properties only beyond ASCII).
    static func isWhitespace(_ s: Unicode.Scalar) -> Bool {
        if s.value < 128 { return s == " " || (s.value >= 9 && s.value <= 13) }
        return s.properties.isWhitespace
    }

    /// `answer:` / `answer` / `final answer ... is`, then LaTeX math or a number within `window`.
    private func anchored(word: String, colon: Bool, window: Int, requireIs: Bool) -> [Candidate] {
        var out: [Candidate] = []
        for anchor in occurrences(of: word) {
            var from = anchor + word.unicodeScalars.count
            if requireIs {
                // `final answer.{0,100}?\s+is:?\s*` — the first " is" within the window.
                var k = from
                var found: Int?
                while k <= from + window && k < scalars.count {
                    if isSpace(k) {
                        var j = k
                        while isSpace(j) { j += 1 }
                        if j + 1 < scalars.count + 1, j + 2 <= lowered.count, lowered[j] == "i", lowered[j + 1] == "s" {
                            found = j + 2
                            break
                        }
                    }
                    k += 1
                }
                guard var after = found else { continue }
                if after < scalars.count, scalars[after] == ":" { after += 1 }
                let exprStart = after
                while isSpace(after) { after += 1 }
                if let env = latexEnvironments(from: after, plain: false, mustStartAt: after).first {
                    out.append(Candidate(start: anchor, end: env.end, text: env.text, percent: env.percent))
                } else if let number = anchoredNumber(at: exprStart, window: 0) {
                    out.append(Candidate(start: anchor, end: number.end, text: number.text, percent: number.percent))
                }
                continue
            }
            if colon {
                guard from < scalars.count, scalars[from] == ":" else { continue }
                from += 1
            }
            if let env = latexEnvironments(from: from, plain: false, startWithin: window).first {
                out.append(Candidate(start: anchor, end: env.end, text: env.text, percent: env.percent))
                continue
            }
            // Expression: after the last `=` within 100 characters, else the first number within 50.
            if let number = anchoredNumber(at: from, window: window, equalsWindow: 100) {
                out.append(Candidate(start: anchor, end: number.end, text: number.text, percent: number.percent))
            }
        }
        return out
    }

    /// A number or expression starting (after its anchor: start, space, `=`, `**`) within
    /// `window` characters of `position`; with `equalsWindow`, one right after the last `=`
    /// within that many characters is preferred.
    private func anchoredNumber(at position: Int, window: Int, equalsWindow: Int = 0) -> Candidate? {
        let lineEnd = lineEnds[min(position, scalars.count)]
        if equalsWindow > 0 {
            var lastEquals: Int?
            var k = position
            while k < min(lineEnd, position + equalsWindow + 1) {
                if scalars[k] == "=" { lastEquals = k }
                k += 1
            }
            if let eq = lastEquals {
                var start = eq + 1
                while start < lineEnd, isSpace(start) { start += 1 }
                if let n = plainNumbers(from: start, to: lineEnd, mustStartAt: start, anchorFree: true).first, !followedByEquals(n.end) {
                    return n
                }
            }
        }
        let limit = min(lineEnd, position + window + 1)
        return plainNumbers(from: position, to: lineEnd, startBefore: limit).first { !followedByEquals($0.end) }
    }

    private func followedByEquals(_ end: Int) -> Bool {
        var k = end
        while isSpace(k) { k += 1 }
        return k < scalars.count && scalars[k] == "="
    }

    // MARK: - LaTeX environments

    /// LaTeX math spans from `from` on, left to right without overlap, each joined with up to
    /// five following spans connected by `and`, `or` or commas. `plain` adds bare
    /// `\frac{n}{m}`. `mustStartAt`/`startWithin` restrict where the first span may begin.
    private func latexEnvironments(from: Int, plain: Bool, mustStartAt: Int? = nil, startWithin: Int? = nil) -> [Candidate] {
        var out: [Candidate] = []
        var i = from
        while i < scalars.count {
            if let must = mustStartAt, i > must { break }
            if let within = startWithin, i > from + within { break }
            guard let first = environment(at: i, plain: plain) else { i += 1; continue }
            var parts = [first]
            var end = first.end
            while parts.count < 6, let next = joinedEnvironment(after: end, plain: plain) {
                parts.append(next)
                end = next.end
            }
            let text = parts.map(\.text).joined(separator: ", ")
            let percent = parts.count == 1 && first.percent
            out.append(Candidate(start: i, end: end, text: text, percent: percent))
            if mustStartAt != nil || startWithin != nil { break }
            i = end
        }
        return out
    }

    private func joinedEnvironment(after end: Int, plain: Bool) -> Candidate? {
        var k = end
        while isSpace(k) { k += 1 }
        var joined = false
        if k < scalars.count, scalars[k] == "," { k += 1; joined = true }
        while isSpace(k) { k += 1 }
        for word in ["and", "or"] where matchesWord(word, at: k) {
            k += word.count
            joined = true
            break
        }
        guard joined else { return nil }
        while isSpace(k) { k += 1 }
        return environment(at: k, plain: plain)
    }

    private func matchesWord(_ word: String, at k: Int) -> Bool {
        let w = Array(word.unicodeScalars)
        guard k + w.count <= lowered.count else { return false }
        return Array(lowered[k..<(k + w.count)]) == w
    }

    /// One math span starting exactly at `i`.
    private func environment(at i: Int, plain: Bool) -> Candidate? {
        guard i < scalars.count else { return nil }
        let c = scalars[i]
        let escaped = i > 0 && scalars[i - 1] == "\\"
        var span: (contentStart: Int, contentEnd: Int, end: Int)?
        if c == "$", !escaped {
            if i + 1 < scalars.count, scalars[i + 1] == "$" {
                span = closing(from: i + 2, close: ["$", "$"], allowNewline: true)
            } else if !(i > 0 && isDigit(scalars[i - 1])) {
                span = closing(from: i + 1, close: ["$"], allowNewline: false)
            }
        } else if c == "\\", i + 1 < scalars.count, !escaped {
            if scalars[i + 1] == "[" { span = closing(from: i + 2, close: ["\\", "]"], allowNewline: true) }
            if scalars[i + 1] == "(" { span = closing(from: i + 2, close: ["\\", ")"], allowNewline: false) }
            if span == nil, plain, let frac = bareFraction(at: i) { return frac }
        } else if c == "[", i > 0, isSpace(i - 1) {
            var k = i + 1
            while k < scalars.count, scalars[k] != "]", scalars[k] != "[", scalars[k] != "\n" { k += 1 }
            if k < scalars.count, scalars[k] == "]", k > i + 1, isSpace(k + 1) {
                span = (i + 1, k, k + 1)
            }
        } else if c == "-", plain, i + 1 < scalars.count, scalars[i + 1] == "\\", let frac = bareFraction(at: i + 1) {
            return Candidate(start: i, end: frac.end, text: "-" + frac.text, percent: false)
        }
        guard let span, span.contentEnd > span.contentStart else { return nil }
        let text = String(String.UnicodeScalarView(scalars[span.contentStart..<span.contentEnd]))
        let (percent, end) = percentSuffix(after: span.end)
        return Candidate(start: i, end: end, text: text, percent: percent)
    }

    /// The first unescaped `close` sequence from `from`: content bounds and the end after it.
    private func closing(from: Int, close: [Unicode.Scalar], allowNewline: Bool) -> (Int, Int, Int)? {
        guard from <= scalars.count else { return nil }
        let key = String(String.UnicodeScalarView(close))
        if nextCloses[key] == nil {
            // next[i]: the first k ≥ i where `close` starts, not escaped (for `$`), else the end.
            var next = [Int](repeating: scalars.count, count: scalars.count + 1)
            var found = scalars.count
            for k in stride(from: scalars.count - 1, through: 0, by: -1) {
                if k + close.count <= scalars.count, scalars[k] == close[0], close.count == 1 || scalars[k + 1] == close[1],
                   !(k > 0 && scalars[k - 1] == "\\" && close[0] != "\\") {
                    found = k
                }
                next[k] = found
            }
            nextCloses[key] = next
        }
        let k = nextCloses[key]![from]
        guard k < scalars.count else { return nil }
        if !allowNewline && lineEnds[from] < k { return nil }
        return (from, k, k + close.count)
    }

    /// `\frac{12}{5}` with plain (signed, decimal) numbers, outside any math delimiters.
    private func bareFraction(at i: Int) -> Candidate? {
        let command = Array("\\frac{".unicodeScalars)
        guard i + command.count <= scalars.count, Array(scalars[i..<(i + command.count)]) == command else { return nil }
        var k = i + command.count
        guard let (_, afterFirst) = simpleNumber(at: k), afterFirst < scalars.count, scalars[afterFirst] == "}" else { return nil }
        k = afterFirst + 1
        guard k < scalars.count, scalars[k] == "{", let (_, afterSecond) = simpleNumber(at: k + 1),
              afterSecond < scalars.count, scalars[afterSecond] == "}" else { return nil }
        let end = afterSecond + 1
        let text = String(String.UnicodeScalarView(scalars[i..<end]))
        let (percent, withPercent) = percentSuffix(after: end)
        return Candidate(start: i, end: withPercent, text: text, percent: percent)
    }

    private func simpleNumber(at start: Int) -> (String, Int)? {
        var k = start
        if k < scalars.count, scalars[k] == "-" { k += 1 }
        let digitsStart = k
        while k < scalars.count, isDigit(scalars[k]) { k += 1 }
        guard k > digitsStart else { return nil }
        if k + 1 < scalars.count, scalars[k] == "." || scalars[k] == ",", isDigit(scalars[k + 1]) {
            k += 1
            while k < scalars.count, isDigit(scalars[k]) { k += 1 }
        }
        return (String(String.UnicodeScalarView(scalars[start..<k])), k)
    }

    /// A percent sign (`%`, `\%`) or word (`percent`, `percentage`, `pct`) after optional spaces.
    private func percentSuffix(after end: Int) -> (Bool, Int) {
        var k = end
        while isSpace(k) { k += 1 }
        if k < scalars.count, scalars[k] == "%" { return (true, k + 1) }
        if k + 1 < scalars.count, scalars[k] == "\\", scalars[k + 1] == "%" { return (true, k + 2) }
        for word in ["percentage", "percent", "pct"] where matchesWord(word, at: k) {
            return (true, k + word.count)
        }
        return (false, end)
    }

    private func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 48 && s.value <= 57 }

    // MARK: - Plain numbers and expressions

    private static let currency: Set<Unicode.Scalar> = ["$", "€", "£", "¥", "₹", "₽", "₪", "₩", "₫", "฿"]
    private static let operators: Set<Unicode.Scalar> = ["+", "-", "*", "×", "/", "^", "(", ")", "÷"]

    /// Numbers and operator expressions in `from..<to`, each after the start, a space, `=` or
    /// `**` (numbers also after a currency sign). Expressions need an operator and must be
    /// followed by a full stop, comma, colon, space, `)`, `$`, `**` or the end.
    private func plainNumbers(from: Int, to: Int, mustStartAt: Int? = nil, startBefore: Int? = nil, anchorFree: Bool = false) -> [Candidate] {
        var out: [Candidate] = []
        var i = from
        while i < to {
            if let must = mustStartAt, i > must { break }
            if let limit = startBefore, i >= limit { break }
            // The anchor before the candidate.
            var k = i
            let anchored: Bool
            if anchorFree && i == from {
                anchored = true
            } else if i == 0 {
                anchored = true
            } else {
                let p = scalars[i - 1]
                anchored = MathVerifyExtractor.isWhitespace(p) || p == "="
            }
            guard anchored else { i += 1; continue }
            if k + 1 < to, scalars[k] == "*", scalars[k + 1] == "*" { k += 2 }
            if let expr = expression(at: k, to: to) {
                out.append(Candidate(start: i, end: expr.end, text: expr.text, percent: false))
                i = expr.end
                continue
            }
            var numberStart = k
            if numberStart < to, MathVerifyExtractor.currency.contains(scalars[numberStart]) { numberStart += 1 }
            if let number = number(at: numberStart, to: to) {
                out.append(Candidate(start: i, end: number.end, text: number.text, percent: number.percent))
                i = number.end
                continue
            }
            i += 1
        }
        return out
    }

    /// `-?\(?-?\d[expr chars]*[operator][expr chars]+\)?` followed by a terminator.
    private func expression(at start: Int, to: Int) -> (text: String, end: Int)? {
        var k = start
        if k < to, scalars[k] == "-" { k += 1 }
        if k < to, scalars[k] == "(" { k += 1 }
        if k < to, scalars[k] == "-" { k += 1 }
        guard k < to, isDigit(scalars[k]) else { return nil }
        // The longest run of expression characters, backed off to the last place an expression
        // may end; it needs an operator after its first digit and before its last character.
        let runEnd = min(exprRunEnds[k], to)
        var end = runEnd
        if !(end >= to || isTerminator(end, to: to)) { end = lastTerminators[end] }
        guard end > k + 1 else { return nil }
        guard operatorCounts[end - 1] - operatorCounts[k + 1] > 0 else { return nil }
        return (String(String.UnicodeScalarView(scalars[start..<end])).trimmed, end)
    }

    private func isTerminator(_ k: Int, to: Int) -> Bool {
        if k >= scalars.count || k >= to { return true }
        let c = scalars[k]
        if c == "*" { return k + 1 < scalars.count && scalars[k + 1] == "*" }
        return c == "." || c == "," || c == ":" || MathVerifyExtractor.isWhitespace(c) || c == ")" || c == "$"
    }

    /// A plain number: `1,234,567.89` / `1 234` (thousands), `12.5` / `12,5` (decimal point or
    /// comma), `.5`, `42`, optionally signed, with an optional percent suffix.
    private func number(at start: Int, to: Int) -> (text: String, end: Int, percent: Bool)? {
        var k = start
        var negative = false
        if k < to, scalars[k] == "-" { negative = true; k += 1 }
        var digits = ""
        var decimals = ""
        while k < to, isDigit(scalars[k]) { digits.unicodeScalars.append(scalars[k]); k += 1 }
        if !digits.isEmpty {
            // Thousands groups separated by commas or spaces (first group 1–3 digits, not 0).
            if digits.count <= 3, digits.first != "0" {
                var probe = k
                var grouped = digits
                while probe + 3 < to, scalars[probe] == "," || scalars[probe] == " ",
                      (1...3).allSatisfy({ isDigit(scalars[probe + $0]) }) {
                    if probe + 4 < to, isDigit(scalars[probe + 4]) { break }
                    for d in 1...3 { grouped.unicodeScalars.append(scalars[probe + d]) }
                    probe += 4
                }
                if probe > k {
                    digits = grouped
                    k = probe
                }
            }
            if k + 1 < to, scalars[k] == "." || scalars[k] == ",", isDigit(scalars[k + 1]) {
                k += 1
                while k < to, isDigit(scalars[k]) { decimals.unicodeScalars.append(scalars[k]); k += 1 }
            }
        } else if k + 1 < to, scalars[k] == ".", isDigit(scalars[k + 1]) {
            k += 1
            while k < to, isDigit(scalars[k]) { decimals.unicodeScalars.append(scalars[k]); k += 1 }
        } else {
            return nil
        }
        var integer = String(digits.drop(while: { $0 == "0" }))
        if integer.isEmpty { integer = "0" }
        let text = (negative ? "-" : "") + integer + (decimals.isEmpty ? "" : "." + decimals)
        let (percent, end) = percentSuffix(after: k)
        return (text, end, percent)
    }
}
