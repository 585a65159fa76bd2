/// One parsed math answer: the small AST that LaTeX and plain-text answers share.
///
/// Produced by `MathParser` (bounded: at most `MathParser.maxLength` characters and
/// `MathParser.maxDepth` levels of nesting), compared by `MathEquivalence`.
indirect enum MathNode: Hashable, Sendable {
    /// A number as written. `decimal` is true when it was written with a decimal point
    /// (`0.50`): such numbers compare after rounding, as math-verify's floats do.
    case number(Rational, decimal: Bool)
    /// A variable: `x`, `x_1`, `\alpha`.
    case symbol(String)
    /// A word answer (`\text{Tuesday}`), lowercased, inner spaces collapsed.
    case text(String)
    case constant(MathConstant)
    case sum([MathNode])
    case product([MathNode])
    case negate(MathNode)
    case quotient(MathNode, MathNode)
    case power(MathNode, MathNode)
    /// The `index`-th root (`\sqrt{x}` has index 2).
    case root(MathNode, index: MathNode)
    case function(MathFunction, [MathNode])
    case factorial(MathNode)
    /// `x\%`: the value x/100, remembered as a percentage.
    case percent(MathNode)
    /// `a \pm b` (`base` nil for `\pm b`): the set {a+b, a−b}.
    case plusMinus(base: MathNode?, MathNode)
    /// A chain of relations: `a < b \le c` is operands [a, b, c], operators [<, ≤].
    case relation([MathNode], [RelationOperator])
    /// `\{1, 2\}`, a bare list `1, 2`, `\emptyset`.
    case set([MathNode])
    /// `(1, 2, 3)`: ordered. A two-element `(a, b)` is parsed as an open interval, as
    /// math-verify does; comparison lets it stand for a point too.
    case tuple([MathNode])
    case interval(MathNode, MathNode, leftOpen: Bool, rightOpen: Bool)
    case union([MathNode])
    case matrix([[MathNode]])
    /// `\sum_{k=a}^{b} body` / `\prod_{k=a}^{b} body` over integers a..b (at most
    /// `MathEvaluator.maxSeriesTerms` = 1,000 terms).
    case series(product: Bool, variable: String, from: MathNode, to: MathNode, body: MathNode)
}

enum MathConstant: String, Hashable, Sendable {
    case pi, e, i, infinity
}

enum RelationOperator: String, Hashable, Sendable {
    case equal = "="
    case notEqual = "≠"
    case less = "<"
    case lessEqual = "≤"
    case greater = ">"
    case greaterEqual = "≥"

    /// The operator with its sides swapped: `a < b` ⇔ `b > a`.
    var flipped: RelationOperator {
        switch self {
        case .equal, .notEqual: return self
        case .less: return .greater
        case .lessEqual: return .greaterEqual
        case .greater: return .less
        case .greaterEqual: return .lessEqual
        }
    }
}

enum MathFunction: String, Hashable, Sendable, CaseIterable {
    case sin, cos, tan, cot, sec, csc
    case arcsin, arccos, arctan
    case sinh, cosh, tanh
    case ln, exp, abs, floor, ceil
    /// `log(x, base)`: `\log x` is base 10 (as latex2sympy reads it), `\ln x` base e,
    /// `\log_b x` base b.
    case log
    case binomial
}

extension MathNode {
    /// Whether the node is one number as written: a literal, a negated literal, a fraction of
    /// two integer literals (`\frac{3}{4}`), or a percentage of one of those. These are the
    /// "atomic" numbers (sympy `Number`s) that math-verify compares with rounding or as written.
    /// `value` is the number before any percentage is applied.
    var atomicNumber: (value: Rational, decimal: Bool, percent: Bool)? {
        switch self {
        case .number(let value, let decimal): return (value, decimal, false)
        case .negate(let inner):
            guard let (value, decimal, percent) = inner.atomicNumber, !percent else { return nil }
            return (-value, decimal, false)
        case .quotient(let a, let b):
            guard let (p, pd, pp) = a.atomicNumber, let (q, qd, qp) = b.atomicNumber,
                  !pd, !qd, !pp, !qp, p.isInteger, q.isInteger, let value = p.dividing(by: q) else { return nil }
            return (value, false, false)
        case .percent(let inner):
            guard let (value, decimal, percent) = inner.atomicNumber, !percent else { return nil }
            return (value, decimal, true)
        default: return nil
        }
    }

    /// An atomic number that is an integer as written (not a decimal, not a percentage): sympy's
    /// `Integer`, which math-verify never compares with rounding.
    var isAtomicInteger: Bool {
        guard let (value, decimal, percent) = atomicNumber else { return false }
        return !decimal && !percent && value.isInteger
    }

    var isPercent: Bool { if case .percent = self { return true } else { return false } }

    var isRelation: Bool { if case .relation = self { return true } else { return false } }

    /// A relation whose every operator is `=`.
    var isEquation: Bool {
        if case .relation(_, let ops) = self { return ops.allSatisfy { $0 == .equal } }
        return false
    }

    var isSetLike: Bool {
        switch self {
        case .set, .tuple, .interval, .union, .plusMinus: return true
        default: return false
        }
    }

    /// Made of variables only (`x`, `xy`, `f_1`): the left side of an assignment `x = 3`.
    var isSymbolsOnly: Bool {
        switch self {
        case .symbol: return true
        case .product(let factors): return factors.allSatisfy(\.isSymbolsOnly)
        default: return false
        }
    }

    /// The variables the node mentions, sorted.
    var freeSymbols: [String] {
        var names = Set<String>()
        collectSymbols(into: &names)
        return names.sorted()
    }

    private func collectSymbols(into names: inout Set<String>) {
        switch self {
        case .symbol(let name): names.insert(name)
        case .number, .text, .constant: break
        case .sum(let items), .product(let items), .set(let items), .tuple(let items), .union(let items), .function(_, let items):
            for item in items { item.collectSymbols(into: &names) }
        case .relation(let items, _):
            for item in items { item.collectSymbols(into: &names) }
        case .negate(let a), .factorial(let a), .percent(let a):
            a.collectSymbols(into: &names)
        case .quotient(let a, let b), .power(let a, let b), .root(let a, let b), .interval(let a, let b, _, _):
            a.collectSymbols(into: &names)
            b.collectSymbols(into: &names)
        case .plusMinus(let base, let a):
            base?.collectSymbols(into: &names)
            a.collectSymbols(into: &names)
        case .matrix(let rows):
            for row in rows { for item in row { item.collectSymbols(into: &names) } }
        case .series(_, let variable, let from, let to, let body):
            from.collectSymbols(into: &names)
            to.collectSymbols(into: &names)
            var inner = Set<String>()
            body.collectSymbols(into: &inner)
            inner.remove(variable)
            names.formUnion(inner)
        }
    }
}

extension MathNode: CustomStringConvertible {
    /// A plain-text rendering for `details.extracted` (not LaTeX; stable across runs).
    var description: String {
        switch self {
        case .number(let value, let decimal):
            return decimal ? Self.decimalString(value) : value.description
        case .symbol(let name): return name
        case .text(let text): return "\"\(text)\""
        case .constant(let c):
            switch c {
            case .pi: return "pi"
            case .e: return "e"
            case .i: return "i"
            case .infinity: return "oo"
            }
        case .sum(let terms):
            var out = ""
            for (index, term) in terms.enumerated() {
                if case .negate(let inner) = term {
                    out += index == 0 ? "-\(inner.wrapped)" : " - \(inner.wrapped)"
                } else {
                    out += index == 0 ? term.description : " + \(term.description)"
                }
            }
            return out
        case .product(let factors): return factors.map(\.wrapped).joined(separator: "*")
        case .negate(let inner): return "-\(inner.wrapped)"
        case .quotient(let a, let b): return "\(a.wrapped)/\(b.wrapped)"
        case .power(let a, let b): return "\(a.wrapped)^\(b.wrapped)"
        case .root(let a, let index):
            if case .number(let n, _) = index, n == Rational(2) { return "sqrt(\(a))" }
            return "root(\(a), \(index))"
        case .function(let f, let args): return "\(f.rawValue)(\(args.map(\.description).joined(separator: ", ")))"
        case .factorial(let a): return "\(a.wrapped)!"
        case .percent(let a): return "\(a.wrapped)%"
        case .plusMinus(let base, let a): return base.map { "\($0) ± \(a.wrapped)" } ?? "±\(a.wrapped)"
        case .relation(let items, let ops):
            var out = items[0].description
            for (op, item) in zip(ops, items.dropFirst()) { out += " \(op.rawValue) \(item)" }
            return out
        case .set(let items): return "{\(items.map(\.description).joined(separator: ", "))}"
        case .tuple(let items): return "(\(items.map(\.description).joined(separator: ", ")))"
        case .interval(let a, let b, let lo, let ro): return "\(lo ? "(" : "[")\(a), \(b)\(ro ? ")" : "]")"
        case .union(let items): return items.map(\.description).joined(separator: " U ")
        case .matrix(let rows): return "[" + rows.map { "[" + $0.map(\.description).joined(separator: ", ") + "]" }.joined(separator: ", ") + "]"
        case .series(let product, let v, let from, let to, let body):
            return "\(product ? "prod" : "sum")(\(body), \(v) = \(from)..\(to))"
        }
    }

    private var wrapped: String {
        switch self {
        case .number(let value, _) where !value.isNegative && value.isInteger: return description
        case .number(_, true): return description
        case .symbol, .constant, .function, .text, .set, .tuple, .matrix, .root: return description
        default: return "(\(description))"
        }
    }

    private static func decimalString(_ value: Rational) -> String {
        // Exact decimal expansion for terminating decimals (the literal as written, canonical).
        let negative = value.isNegative
        let n = negative ? -value.numerator : value.numerator
        var (q, r) = n.quotientAndRemainder(dividingBy: value.denominator)
        var digits = ""
        var steps = 0
        while !r.isZero && steps < 64 {
            r *= 10
            let (d, rest) = r.quotientAndRemainder(dividingBy: value.denominator)
            digits += "\(d)"
            r = rest
            steps += 1
        }
        if q.isZero && digits.isEmpty { q = 0 }
        return (negative ? "-" : "") + "\(q)" + (digits.isEmpty ? "" : "." + digits)
    }
}
