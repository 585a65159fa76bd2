import Foundation

/// How a stdio test's output is compared with the expected output (`tests.compare`).
///
/// Spelling: a base mode, optionally followed by `+icase` (case-insensitive). `float:TOL`
/// compares token by token, numbers within TOL absolute or TOL relative.
/// - `exact`: byte for byte.
/// - `lines`: per line, trailing whitespace stripped; trailing blank lines ignored. Line count
///   and order matter.
/// - `tokens` (default): whitespace-separated tokens equal, in order (so line breaks do not
///   matter, missing, extra or permuted tokens do).
/// - `float:1e-6`: as `tokens`, but two tokens that both parse as finite numbers match when
///   |a − b| ≤ TOL or |a − b| ≤ TOL × |b|.
public struct OutputComparison: Sendable, Equatable, CustomStringConvertible {
    public enum Mode: Sendable, Equatable {
        case exact, lines, tokens
        case float(tolerance: Double)
    }

    public var mode: Mode
    public var caseInsensitive: Bool

    public static let `default` = OutputComparison(mode: .tokens, caseInsensitive: false)

    public init(mode: Mode, caseInsensitive: Bool) {
        self.mode = mode
        self.caseInsensitive = caseInsensitive
    }

    /// Parses a `compare` value; nil (with the valid spellings in the error) when unknown.
    public init?(parsing text: String) {
        var base = Substring(text)
        var icase = false
        if base.hasSuffix("+icase") {
            icase = true
            base = base.dropLast(6)
        }
        switch base {
        case "exact": mode = .exact
        case "lines": mode = .lines
        case "tokens": mode = .tokens
        default:
            guard base.hasPrefix("float:"), let tol = Double(base.dropFirst(6)), tol >= 0, tol < 1 else { return nil }
            mode = .float(tolerance: tol)
        }
        caseInsensitive = icase
    }

    public static let spellings = "exact, lines, tokens, float:TOL (e.g. float:1e-6), each optionally +icase"

    public var description: String {
        let base: String
        switch mode {
        case .exact: base = "exact"
        case .lines: base = "lines"
        case .tokens: base = "tokens"
        case .float(let tol): base = "float:\(tol)"
        }
        return caseInsensitive ? base + "+icase" : base
    }

    /// Whether `actual` matches `expected` under this comparison.
    public func matches(_ actual: String, expected: String) -> Bool {
        let a = caseInsensitive ? actual.lowercased() : actual
        let e = caseInsensitive ? expected.lowercased() : expected
        switch mode {
        case .exact:
            return a == e
        case .lines:
            return OutputComparison.lines(a) == OutputComparison.lines(e)
        case .tokens:
            return OutputComparison.tokens(a) == OutputComparison.tokens(e)
        case .float(let tol):
            let ta = OutputComparison.tokens(a), te = OutputComparison.tokens(e)
            guard ta.count == te.count else { return false }
            for (x, y) in zip(ta, te) where x != y {
                guard let dx = Double(x), let dy = Double(y), dx.isFinite, dy.isFinite else { return false }
                let diff = abs(dx - dy)
                if !(diff <= tol || diff <= tol * abs(dy)) { return false }
            }
            return true
        }
    }

    static func lines(_ text: String) -> [Substring] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
            var l = line
            while let c = l.last, c.isWhitespace { l.removeLast() }
            return l
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }

    static func tokens(_ text: String) -> [Substring] {
        text.split(whereSeparator: { $0.isWhitespace })
    }
}
