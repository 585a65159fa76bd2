import BigInt
import M2RLCore

/// Decides whether a predicted answer equals the gold answer.
///
/// The procedure follows math-verify's `verify` (strict mode, `float_rounding=6`) step by step,
/// with exact arithmetic where math-verify evaluates to 15 digits:
///
/// 1. Equations: an assignment `x = 3` (left side only variables) is compared by its right
///    side when the other answer is not an equation; a predicted equation is compared by its
///    right side when the gold is not one.
/// 2. A gold relation in one variable against a predicted set or interval is turned into a set
///    (`x > 3` is (3, ∞), `x = 3` is {3}); a predicted relation is not (as math-verify).
/// 3. Identical trees are equal.
/// 4. Relations: the same operator and proportional sides (`2x = 6` ⇔ `x = 3`, `x > 3` ⇔
///    `2x > 6`), or the flipped operator with a negative factor (`3 < x` ⇔ `x > 3`). Checked
///    at random points, so `3x − y + 13 = 0` is not `3x + 4y + 14 = 0`.
/// 5. Sets unordered, tuples ordered, intervals by ends and bracket kinds, `±` as a two-element
///    set, a single value as a one-element set, an open interval `(a, b)` as the point (a, b).
/// 6. Words case-insensitively (`\text{Odd}` = `odd`).
/// 7. Matrices element by element.
/// 8. Numbers: when either side is a number written with a decimal point and neither is an
///    integer, both are rounded to `decimalPlaces` places (an integer against a decimal compares
///    exactly: 2 = 2.0, 2 ≠ 2.0000001); an integer percentage equals its number with or without
///    the sign (`50\%` = `50` = `0.5`), a decimal one only its value (`12.5\%` = 0.125 ≠ 12.5);
///    otherwise exactly when both are rational, within `MathValue`'s
///    tolerance when not.
///    Expressions with variables are evaluated at `samplePoints` random points (fixed seed).
///
/// Every step is bounded by the size of the trees (which the parser bounds) and by an
/// evaluation budget (`EvaluationBudget.perComparison` nodes, shared by all sample points,
/// series terms and set pairings); nothing here can take unbounded time.
struct MathEquivalence: Sendable {
    static let decimalPlaces = 6
    static let samplePoints = 6

    /// Bounds the evaluation work of this comparison (make one `MathEquivalence` per comparison).
    let budget = EvaluationBudget()

    func equivalent(_ gold: MathNode, _ pred: MathNode) -> Bool {
        var gold = gold
        var pred = pred
        let goldAssignment = Self.isAssignment(gold)
        let predAssignment = Self.isAssignment(pred)
        if goldAssignment { gold = Self.collapseAssignment(gold) }
        if predAssignment { pred = Self.collapseAssignment(pred) }
        if pred.isEquation && !gold.isEquation {
            pred = Self.lastOperand(pred)
        } else if goldAssignment && !pred.isEquation {
            gold = Self.lastOperand(gold)
        }
        // Only the gold's relation, as math-verify (`allow_set_relation_comp=False`): a gold
        // `x > 3` accepts (3, ∞), a gold (3, ∞) does not accept `x > 3`.
        if gold.isRelation && pred.isSetLike, let set = Self.relationAsSet(gold) { gold = set }

        if gold == pred { return true }
        if gold.isRelation && pred.isRelation { return relationsEqual(gold, pred) }
        if gold.isRelation || pred.isRelation { return false }
        if gold.isSetLike || pred.isSetLike { return setsEqual(gold, pred) }
        if case .text = gold { return wordsEqual(gold, pred) }
        if case .text = pred { return wordsEqual(pred, gold) }
        if case .matrix(let a) = gold, case .matrix(let b) = pred {
            guard a.count == b.count, zip(a, b).allSatisfy({ $0.count == $1.count }) else { return false }
            return zip(a, b).allSatisfy { zip($0, $1).allSatisfy { equivalent($0, $1) } }
        }
        if case .matrix = gold { return false }
        if case .matrix = pred { return false }
        return numbersEqual(gold, pred)
    }

    // MARK: - Equations and relations

    /// `x = 3`, `x = y = 3`: every operator `=`, the first left side only variables.
    static func isAssignment(_ node: MathNode) -> Bool {
        guard case .relation(let items, _) = node, node.isEquation else { return false }
        return items[0].isSymbolsOnly
    }

    /// `x = a = b` → `x = b`.
    static func collapseAssignment(_ node: MathNode) -> MathNode {
        guard case .relation(let items, _) = node, items.count > 2 else { return node }
        return .relation([items[0], items[items.count - 1]], [.equal])
    }

    static func lastOperand(_ node: MathNode) -> MathNode {
        guard case .relation(let items, _) = node else { return node }
        return items[items.count - 1]
    }

    private func relationsEqual(_ gold: MathNode, _ pred: MathNode) -> Bool {
        guard case .relation(let g, let gops) = gold, case .relation(let p, let pops) = pred else { return false }
        guard gops.count == pops.count else { return false }
        if gops.count > 1 {
            // Chains compare link by link: a < x < b.
            return gops.indices.allSatisfy { k in
                relationsEqual(.relation([g[k], g[k + 1]], [gops[k]]), .relation([p[k], p[k + 1]], [pops[k]]))
            }
        }
        let gd = MathNode.sum([g[0], .negate(g[1])])
        let pd = MathNode.sum([p[0], .negate(p[1])])
        guard let ratio = proportionality(gd, pd) else { return false }
        switch ratio {
        case .bothZero: return gops[0] == pops[0] || gops[0] == pops[0].flipped
        case .factor(let positive):
            if gops[0] == .equal || gops[0] == .notEqual { return gops[0] == pops[0] }
            return positive ? gops[0] == pops[0] : gops[0] == pops[0].flipped
        }
    }

    enum Proportion { case bothZero, factor(positive: Bool) }

    /// Whether `a = k·b` for one constant k ≠ 0 (at every sample point), and its sign.
    private func proportionality(_ a: MathNode, _ b: MathNode) -> Proportion? {
        let symbols = Array(Set(a.freeSymbols + b.freeSymbols)).sorted()
        var ratio: MathValue?
        var sawZero = false
        var points = 0
        for bindings in SamplePoints.bindings(for: symbols, count: symbols.isEmpty ? 1 : MathEquivalence.samplePoints) {
            let evaluator = MathEvaluator(bindings: bindings, budget: budget)
            guard let x = evaluator.evaluate(a), let y = evaluator.evaluate(b) else { return nil }
            let xZero = x.equals(.exact(.zero)), yZero = y.equals(.exact(.zero))
            if xZero != yZero { return nil }
            points += 1
            if xZero { sawZero = true; continue }
            guard let r = MathEvaluator.divide(x, y) else { return nil }
            if let previous = ratio {
                guard previous.equals(r) else { return nil }
            } else {
                ratio = r
            }
        }
        guard points > 0 else { return nil }
        guard let ratio else { return sawZero ? .bothZero : nil }
        let c = ratio.complex
        guard c.isReal else { return nil }
        return .factor(positive: c.re > 0)
    }

    /// A relation in one variable as a set: `x > 3` → (3, ∞), `x ≤ 3` → (−∞, 3], `1 < x ≤ 2` →
    /// (1, 2], `x = 3` → {3}. Nil for anything else.
    static func relationAsSet(_ node: MathNode) -> MathNode? {
        guard case .relation(let items, let ops) = node else { return nil }
        let infinity = MathNode.constant(.infinity)
        let minusInfinity = MathNode.negate(infinity)
        if ops.count == 1 {
            var (lhs, op, rhs) = (items[0], ops[0], items[1])
            if case .symbol = rhs, lhs.freeSymbols.isEmpty { (lhs, op, rhs) = (rhs, op.flipped, lhs) }
            guard case .symbol = lhs, rhs.freeSymbols.isEmpty else { return nil }
            switch op {
            case .equal: return .set([rhs])
            case .notEqual:
                return .union([.interval(minusInfinity, rhs, leftOpen: true, rightOpen: true),
                               .interval(rhs, infinity, leftOpen: true, rightOpen: true)])
            case .less: return .interval(minusInfinity, rhs, leftOpen: true, rightOpen: true)
            case .lessEqual: return .interval(minusInfinity, rhs, leftOpen: true, rightOpen: false)
            case .greater: return .interval(rhs, infinity, leftOpen: true, rightOpen: true)
            case .greaterEqual: return .interval(rhs, infinity, leftOpen: false, rightOpen: true)
            }
        }
        if ops.count == 2, case .symbol = items[1], items[0].freeSymbols.isEmpty, items[2].freeSymbols.isEmpty {
            let increasing: Set<RelationOperator> = [.less, .lessEqual]
            let decreasing: Set<RelationOperator> = [.greater, .greaterEqual]
            if increasing.contains(ops[0]) && increasing.contains(ops[1]) {
                return .interval(items[0], items[2], leftOpen: ops[0] == .less, rightOpen: ops[1] == .less)
            }
            if decreasing.contains(ops[0]) && decreasing.contains(ops[1]) {
                return .interval(items[2], items[0], leftOpen: ops[1] == .greater, rightOpen: ops[0] == .greater)
            }
        }
        return nil
    }

    // MARK: - Sets, tuples, intervals

    private enum Collection {
        case unordered([MathNode])
        case ordered([MathNode])
        case interval(MathNode, MathNode, Bool, Bool)
        case union([MathNode])
    }

    private func collection(_ node: MathNode) -> Collection {
        switch node {
        case .set(let items): return .unordered(items)
        case .tuple(let items): return .ordered(items)
        case .interval(let a, let b, let lo, let ro): return .interval(a, b, lo, ro)
        case .union(let parts): return .union(parts)
        case .plusMinus(let base, let offset):
            let b = base ?? .number(.zero, decimal: false)
            if base == nil { return .unordered([offset, .negate(offset)]) }
            return .unordered([.sum([b, offset]), .sum([b, .negate(offset)])])
        default: return .unordered([node])
        }
    }

    private func setsEqual(_ gold: MathNode, _ pred: MathNode) -> Bool {
        let g = collection(gold), p = collection(pred)
        switch (g, p) {
        case (.interval(let a, let b, let lo, let ro), .interval(let c, let d, let lo2, let ro2)):
            return lo == lo2 && ro == ro2 && endsEqual(a, c) && endsEqual(b, d)
        case (.union(let a), .union(let b)):
            guard a.count == b.count else { return false }
            let sa = sortedByStart(a), sb = sortedByStart(b)
            return zip(sa, sb).allSatisfy { equivalent($0, $1) }
        case (.union, _), (_, .union):
            return false
        case (.interval(let a, let b, true, true), .ordered(let items)), (.interval(let a, let b, true, true), .unordered(let items)):
            return items.count == 2 && equivalent(a, items[0]) && equivalent(b, items[1])
        case (.ordered(let items), .interval(let a, let b, true, true)), (.unordered(let items), .interval(let a, let b, true, true)):
            return items.count == 2 && equivalent(items[0], a) && equivalent(items[1], b)
        case (.interval, _), (_, .interval):
            return false
        case (.ordered(let a), .ordered(let b)), (.ordered(let a), .unordered(let b)):
            // A gold tuple keeps its order even against a bare list `1, 2`.
            return a.count == b.count && zip(a, b).allSatisfy { equivalent($0, $1) }
        case (.unordered(let a), .unordered(let b)), (.unordered(let a), .ordered(let b)):
            return a.count == b.count && matchAll(a, b)
        }
    }

    /// Every gold element paired with a distinct, equivalent predicted element.
    private func matchAll(_ gold: [MathNode], _ pred: [MathNode]) -> Bool {
        var used = [Bool](repeating: false, count: pred.count)
        for g in gold {
            guard let k = pred.indices.first(where: { !used[$0] && equivalent(g, pred[$0]) }) else { return false }
            used[k] = true
        }
        return true
    }

    private func endsEqual(_ a: MathNode, _ b: MathNode) -> Bool {
        let ia = Self.infinitySign(a), ib = Self.infinitySign(b)
        if ia != nil || ib != nil { return ia == ib }
        return equivalent(a, b)
    }

    static func infinitySign(_ node: MathNode) -> Int? {
        switch node {
        case .constant(.infinity): return 1
        case .negate(let inner): return infinitySign(inner).map { -$0 }
        default: return nil
        }
    }

    private func sortedByStart(_ parts: [MathNode]) -> [MathNode] {
        func start(_ node: MathNode) -> Double {
            guard case .interval(let a, _, _, _) = node else { return .infinity }
            if let s = Self.infinitySign(a) { return Double(s) * .infinity }
            return MathEvaluator(budget: budget).evaluate(a)?.complex.re ?? .infinity
        }
        return parts.sorted { start($0) < start($1) }
    }

    // MARK: - Words

    private func wordsEqual(_ text: MathNode, _ other: MathNode) -> Bool {
        guard case .text(let word) = text else { return false }
        let target = word.filter { $0 != " " }
        guard let spelled = Self.spelling(other) else { return false }
        return target == spelled.lowercased()
    }

    /// The letters of a word written in math mode: `odd` lexes as o·d·d, `\text{odd}` as a word.
    static func spelling(_ node: MathNode) -> String? {
        switch node {
        case .text(let word): return word.filter { $0 != " " }
        case .symbol(let name): return name
        case .constant(.e): return "e"
        case .constant(.i): return "i"
        case .constant(.pi): return "pi"
        case .product(let factors):
            var out = ""
            for factor in factors {
                guard let part = spelling(factor) else { return nil }
                out += part
            }
            return out
        default: return nil
        }
    }

    // MARK: - Numbers

    private func numbersEqual(_ gold: MathNode, _ pred: MathNode) -> Bool {
        let ga = gold.atomicNumber, pa = pred.atomicNumber
        if ga != nil || pa != nil {
            if ga?.decimal == true || pa?.decimal == true {
                // A decimal against an integer compares exactly (2 = 2.0, 2 ≠ 2.0000001): in sympy
                // an Integer never equals a rounded Float. Otherwise both round to 6 places.
                if !gold.isAtomicInteger && !pred.isAtomicInteger {
                    guard let g = rounded(gold), let p = rounded(pred) else { return false }
                    return g == p
                }
            } else if let ga, let pa, ga.value.isInteger, pa.value.isInteger {
                // 9% = 9: integers and integer percentages compare as written.
                return ga.value == pa.value
            }
        }
        let symbols = Array(Set(gold.freeSymbols + pred.freeSymbols)).sorted()
        if symbols.isEmpty {
            guard let x = MathEvaluator(budget: budget).evaluate(gold), let y = MathEvaluator(budget: budget).evaluate(pred) else { return false }
            return x.equals(y)
        }
        var agreed = 0
        for bindings in SamplePoints.bindings(for: symbols, count: MathEquivalence.samplePoints) {
            let evaluator = MathEvaluator(bindings: bindings, budget: budget)
            let x = evaluator.evaluate(gold), y = evaluator.evaluate(pred)
            switch (x, y) {
            case (nil, nil): continue
            case (let x?, let y?):
                guard x.equals(y) else { return false }
                agreed += 1
            default: return false
            }
        }
        return agreed >= 2
    }

    /// The value rounded to `decimalPlaces` places, as an exact rational (nil if not a real number).
    private func rounded(_ node: MathNode) -> Rational? {
        guard let value = MathEvaluator(budget: budget).evaluate(node) else { return nil }
        switch value {
        case .exact(let q): return q.rounded(places: MathEquivalence.decimalPlaces)
        case .approx(let c):
            guard c.isReal, c.re.isFinite, abs(c.re) < 1e15 else { return nil }
            let scaled = (c.re * 1_000_000).rounded(.toNearestOrAwayFromZero)
            return Rational(BigInt(scaled), 1_000_000)
        }
    }
}

/// Deterministic sample points for expressions with variables: each variable gets a rational
/// value n/d with 1 ≤ |n| ≤ 97 and 1 ≤ d ≤ 11, from a fixed-seed SplitMix64 stream; the same
/// variable gets the same value on both sides.
enum SamplePoints {
    static func bindings(for symbols: [String], count: Int) -> [[String: MathValue]] {
        var generator = SplitMix64(seed: 0x6D32_726C_6D61_7468)
        func next() -> UInt64 { generator.next() }
        var points: [[String: MathValue]] = []
        for _ in 0..<count {
            var bindings: [String: MathValue] = [:]
            for symbol in symbols {
                let n = Int(next() % 97) + 1
                let d = Int(next() % 11) + 1
                let sign = next() % 2 == 0 ? 1 : -1
                bindings[symbol] = .exact(Rational(BigInt(sign * n), BigInt(d))!)
            }
            points.append(bindings)
        }
        return points
    }
}
