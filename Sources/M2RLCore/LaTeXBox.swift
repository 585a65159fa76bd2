/// A `\boxed{...}` or `\fbox{...}` in a text: its content and where it is, in Unicode scalars.
/// Shared by the math verifier (answer extraction) and the dataset adapters (MATH solutions).
public struct LaTeXBox: Equatable, Sendable {
    /// The text between the braces, trimmed.
    public var content: String
    public var start: Int
    public var end: Int
    /// False for a box whose braces never close (it runs to the end of the text).
    public var closed: Bool
    /// `\fbox` rather than `\boxed`.
    public var isFbox = false

    private static let boxedCommand = Array("\\boxed".unicodeScalars)
    private static let fboxCommand = Array("\\fbox".unicodeScalars)

    /// Every box in `scalars`, left to right (nested braces balanced; an unclosed box runs to
    /// the end of the text, as math-verify reads it, and ends the scan). One linear scan.
    public static func all(in scalars: [Unicode.Scalar]) -> [LaTeXBox] {
        var found: [LaTeXBox] = []
        var i = 0
        let n = scalars.count
        while i < n {
            guard scalars[i] == "\\" else { i += 1; continue }
            let isFbox: Bool
            if hasPrefix(scalars, boxedCommand, at: i) { isFbox = false }
            else if hasPrefix(scalars, fboxCommand, at: i) { isFbox = true }
            else { i += 1; continue }
            let command = isFbox ? fboxCommand.count : boxedCommand.count
            var cursor = i + command
            while cursor < n, scalars[cursor] == " " { cursor += 1 }
            guard cursor < n, scalars[cursor] == "{" else { i += command; continue }
            var depth = 0
            var close: Int?
            var probe = cursor
            while probe < n {
                if scalars[probe] == "{" { depth += 1 } else if scalars[probe] == "}" {
                    depth -= 1
                    if depth == 0 { close = probe; break }
                }
                probe += 1
            }
            if let close {
                found.append(LaTeXBox(content: string(scalars[(cursor + 1)..<close]).trimmed, start: i, end: close + 1, closed: true, isFbox: isFbox))
                i = close + 1
            } else {
                found.append(LaTeXBox(content: string(scalars[(cursor + 1)...]).trimmed, start: i, end: n, closed: false, isFbox: isFbox))
                break
            }
        }
        return found
    }

    /// The content of the last closed box in `text`, if any.
    public static func lastContent(in text: String) -> String? {
        all(in: Array(text.unicodeScalars)).last(where: \.closed)?.content
    }

    public static func hasPrefix(_ scalars: [Unicode.Scalar], _ prefix: [Unicode.Scalar], at i: Int) -> Bool {
        guard i + prefix.count <= scalars.count else { return false }
        for k in 0..<prefix.count where scalars[i + k] != prefix[k] { return false }
        return true
    }

    public static func string<C: Collection>(_ scalars: C) -> String where C.Element == Unicode.Scalar {
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars)
        return String(out)
    }
}

extension StringProtocol {
    /// Without leading and trailing whitespace (Unicode), no Foundation bridging.
    public var trimmed: String {
        var start = startIndex, end = endIndex
        while start < end, self[start].isWhitespace { start = index(after: start) }
        while end > start, self[index(before: end)].isWhitespace { end = index(before: end) }
        return String(self[start..<end])
    }
}
