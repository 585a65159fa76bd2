import BigInt
import Foundation

/// A complex number in double precision (the imaginary part is 0 for real values).
struct Complex: Hashable, Sendable {
    var re: Double
    var im: Double

    init(_ re: Double, _ im: Double = 0) {
        self.re = re
        self.im = im
    }

    var magnitude: Double { (re * re + im * im).squareRoot() }
    var isFinite: Bool { re.isFinite && im.isFinite }
    var isReal: Bool { abs(im) <= 1e-12 * max(1, abs(re)) }

    static func + (a: Complex, b: Complex) -> Complex { Complex(a.re + b.re, a.im + b.im) }
    static func - (a: Complex, b: Complex) -> Complex { Complex(a.re - b.re, a.im - b.im) }
    static func * (a: Complex, b: Complex) -> Complex { Complex(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re) }
    static func / (a: Complex, b: Complex) -> Complex {
        let d = b.re * b.re + b.im * b.im
        return Complex((a.re * b.re + a.im * b.im) / d, (a.im * b.re - a.re * b.im) / d)
    }

    func log() -> Complex { Complex(Foundation.log(magnitude), atan2(im, re)) }
    func exp() -> Complex {
        let m = Foundation.exp(re)
        return Complex(m * cos(im), m * sin(im))
    }
}

/// The value of a scalar expression: exact while every step is rational, else approximate.
enum MathValue: Sendable, CustomStringConvertible {
    case exact(Rational)
    case approx(Complex)

    var complex: Complex {
        switch self {
        case .exact(let q): return Complex(q.doubleValue)
        case .approx(let c): return c
        }
    }

    var description: String {
        switch self {
        case .exact(let q): return q.description
        case .approx(let c): return c.im == 0 ? "\(c.re)" : "\(c.re)+\(c.im)i"
        }
    }

    /// Relative tolerance for values that are not both exact: |a − b| ≤ 1e-10·max(|a|, |b|) + 1e-12.
    static let relativeTolerance = 1e-10
    static let absoluteTolerance = 1e-12

    /// Equal: exactly when both are exact, within the tolerance otherwise.
    func equals(_ other: MathValue) -> Bool {
        if case .exact(let a) = self, case .exact(let b) = other { return a == b }
        let a = complex, b = other.complex
        guard a.isFinite, b.isFinite else { return false }
        let scale = max(a.magnitude, b.magnitude)
        return (a - b).magnitude <= MathValue.relativeTolerance * scale + MathValue.absoluteTolerance
    }
}

/// How many more nodes one comparison may evaluate. Series, sample points and set matching
/// multiply work; this caps their product, so every comparison ends quickly whatever the input.
final class EvaluationBudget: @unchecked Sendable {
    static let perComparison = 200_000
    var remaining: Int

    init(_ nodes: Int = EvaluationBudget.perComparison) { remaining = nodes }
}

/// Evaluates scalar expressions. Variables take values from `bindings`; anything that is not a
/// scalar (sets, relations, text, ∞) or is undefined (division by zero, log of a negative
/// number) evaluates to nil. Bounded: exact arithmetic gives up (falls back to doubles) when
/// numbers grow past `Rational.maxBits`; factorials are exact up to 5,000!; a series has at most
/// `maxSeriesTerms` terms, and one comparison evaluates at most `EvaluationBudget` nodes.
struct MathEvaluator {
    var bindings: [String: MathValue] = [:]
    /// Shared by every evaluation of one comparison: when it runs out, evaluation gives nil.
    var budget: EvaluationBudget?

    static let maxFactorial = 5_000
    static let maxSeriesTerms = 1_000

    func evaluate(_ node: MathNode) -> MathValue? {
        if let budget {
            guard budget.remaining > 0 else { return nil }
            budget.remaining -= 1
        }
        switch node {
        case .number(let q, _): return .exact(q)
        case .symbol(let name): return bindings[name]
        case .constant(let c):
            switch c {
            case .pi: return .approx(Complex(Double.pi))
            case .e: return .approx(Complex(M_E))
            case .i: return .approx(Complex(0, 1))
            case .infinity: return nil
            }
        case .sum(let terms):
            var total: MathValue = .exact(.zero)
            for term in terms {
                guard let v = evaluate(term) else { return nil }
                total = MathEvaluator.add(total, v)
            }
            return total
        case .product(let factors):
            var total: MathValue = .exact(.one)
            for factor in factors {
                guard let v = evaluate(factor) else { return nil }
                total = MathEvaluator.multiply(total, v)
            }
            return total
        case .negate(let inner):
            guard let v = evaluate(inner) else { return nil }
            return MathEvaluator.multiply(.exact(Rational(-1)), v)
        case .quotient(let a, let b):
            guard let x = evaluate(a), let y = evaluate(b) else { return nil }
            return MathEvaluator.divide(x, y)
        case .power(let a, let b):
            guard let x = evaluate(a), let y = evaluate(b) else { return nil }
            return MathEvaluator.power(x, y)
        case .root(let a, let index):
            guard let x = evaluate(a), let n = evaluate(index) else { return nil }
            guard let inverse = MathEvaluator.divide(.exact(.one), n) else { return nil }
            if case .exact(let q) = x, q.isNegative, case .exact(let k) = n, k.isInteger, k.numerator % 2 == 1 {
                // Odd roots of negative numbers are real: ∛(−8) = −2.
                guard let positive = MathEvaluator.power(.exact(-q), inverse) else { return nil }
                return MathEvaluator.multiply(.exact(Rational(-1)), positive)
            }
            return MathEvaluator.power(x, inverse)
        case .percent(let inner):
            guard let v = evaluate(inner) else { return nil }
            return MathEvaluator.divide(v, .exact(Rational(100)))
        case .factorial(let inner):
            guard let v = evaluate(inner), case .exact(let q) = v, q.isInteger, !q.isNegative,
                  q.numerator <= MathEvaluator.maxFactorial else { return nil }
            return Rational(factorialOf: Int(q.numerator)).map { .exact($0) }
        case .function(let f, let args):
            return evaluateFunction(f, args)
        case .series(let product, let variable, let from, let to, let body):
            guard case .exact(let a)? = evaluate(from), case .exact(let b)? = evaluate(to), a.isInteger, b.isInteger,
                  b.numerator - a.numerator < BigInt(MathEvaluator.maxSeriesTerms) else { return nil }
            var total: MathValue = .exact(product ? .one : .zero)
            var k = a.numerator
            var inner = self
            while k <= b.numerator {
                inner.bindings[variable] = .exact(Rational(k))
                guard let term = inner.evaluate(body) else { return nil }
                total = product ? MathEvaluator.multiply(total, term) : MathEvaluator.add(total, term)
                // Big exact numbers cost in proportion to their length: charge the budget for it.
                if let budget, case .exact(let q) = total {
                    budget.remaining -= (q.numerator.bitWidth + q.denominator.bitWidth) / 256
                    guard budget.remaining > 0 else { return nil }
                }
                k += 1
            }
            return total
        case .text, .plusMinus, .relation, .set, .tuple, .interval, .union, .matrix:
            return nil
        }
    }

    private func evaluateFunction(_ f: MathFunction, _ args: [MathNode]) -> MathValue? {
        let values = args.compactMap(evaluate)
        guard values.count == args.count, let first = values.first else { return nil }
        switch f {
        case .abs:
            if case .exact(let q) = first { return .exact(q.isNegative ? -q : q) }
            return .approx(Complex(first.complex.magnitude))
        case .floor, .ceil:
            if case .exact(let q) = first {
                let (quotient, remainder) = q.numerator.quotientAndRemainder(dividingBy: q.denominator)
                var whole = quotient
                if !remainder.isZero {
                    if f == .floor && q.isNegative { whole -= 1 }
                    if f == .ceil && !q.isNegative { whole += 1 }
                }
                return .exact(Rational(whole))
            }
            let x = first.complex
            guard x.isReal, x.re.isFinite, abs(x.re) < 9e15 else { return nil }
            return .exact(Rational(Int(f == .floor ? x.re.rounded(.down) : x.re.rounded(.up))))
        case .binomial:
            // Bounded: |n| ≤ 10^6 and k ≤ 1,000 (at most 1,000 multiplications of small numbers).
            guard values.count == 2, case .exact(let n) = values[0], case .exact(let k) = values[1],
                  n.isInteger, k.isInteger, !k.isNegative, n.numerator.magnitude <= 1_000_000 else { return nil }
            if k.numerator > n.numerator && !n.isNegative { return .exact(.zero) }
            guard k.numerator <= 1_000 else { return nil }
            var result = Rational.one
            var i = 0
            let kk = Int(k.numerator)
            while i < kk {
                guard let next = result.multiplying(Rational(n.numerator - .init(i))),
                      let divided = next.dividing(by: Rational(i + 1)) else { return nil }
                result = divided
                i += 1
            }
            return .exact(result)
        case .log:
            guard values.count == 2 else { return nil }
            if case .exact(let x) = values[0], case .exact(let b) = values[1], let exact = MathEvaluator.exactLog(x, base: b) {
                return .exact(exact)
            }
            let x = values[0].complex, b = values[1].complex
            guard x.isReal, b.isReal, x.re > 0, b.re > 0, b.re != 1 else { return nil }
            return .approx(Complex(Foundation.log(x.re) / Foundation.log(b.re)))
        default:
            break
        }
        if case .exact(let q) = first, q.isZero {
            switch f {
            case .sin, .tan, .arcsin, .arctan, .sinh, .tanh: return .exact(.zero)
            case .cos, .cosh, .exp, .sec: return .exact(.one)
            default: break
            }
        }
        let z = first.complex
        if f == .exp { return .approx(z.exp()) }
        guard z.isReal else { return nil }
        let x = z.re
        let y: Double
        switch f {
        case .sin: y = sin(x)
        case .cos: y = cos(x)
        case .tan: y = tan(x)
        case .cot: y = 1 / tan(x)
        case .sec: y = 1 / cos(x)
        case .csc: y = 1 / sin(x)
        case .arcsin: y = asin(x)
        case .arccos: y = acos(x)
        case .arctan: y = atan(x)
        case .sinh: y = sinh(x)
        case .cosh: y = cosh(x)
        case .tanh: y = tanh(x)
        default: return nil
        }
        guard y.isFinite, abs(y) < 1e15 else { return nil } // tan(π/2) is undefined, not 1.6e16
        return .approx(Complex(y))
    }

    /// log_b(x) when it is rational: b^k = x for an integer k, or k = p/q with small q.
    static func exactLog(_ x: Rational, base b: Rational) -> Rational? {
        guard !x.isNegative, !x.isZero, !b.isNegative, !b.isZero, b != .one else { return nil }
        if x == .one { return .zero }
        let estimate = log(x.doubleValue) / log(b.doubleValue)
        guard estimate.isFinite, abs(estimate) < 10_000 else { return nil }
        for q in 1...6 {
            let p = (estimate * Double(q)).rounded()
            guard let k = Rational(BigInt(p), .init(q)) else { continue }
            // b^(p/q) == x  ⇔  b^p == x^q
            if let lhs = b.power(BigInt(p)), let rhs = x.power(.init(q)), lhs == rhs { return k }
        }
        return nil
    }

    static func add(_ a: MathValue, _ b: MathValue) -> MathValue {
        if case .exact(let x) = a, case .exact(let y) = b, let sum = x.adding(y) { return .exact(sum) }
        return .approx(a.complex + b.complex)
    }

    static func multiply(_ a: MathValue, _ b: MathValue) -> MathValue {
        if case .exact(let x) = a, case .exact(let y) = b, let product = x.multiplying(y) { return .exact(product) }
        // 0 · anything finite is exactly 0.
        if case .exact(let x) = a, x.isZero { return .exact(.zero) }
        if case .exact(let y) = b, y.isZero { return .exact(.zero) }
        return .approx(a.complex * b.complex)
    }

    static func divide(_ a: MathValue, _ b: MathValue) -> MathValue? {
        if case .exact(let y) = b, y.isZero { return nil }
        if case .exact(let x) = a, case .exact(let y) = b, let quotient = x.dividing(by: y) { return .exact(quotient) }
        let d = b.complex
        guard d.magnitude > 1e-300 else { return nil }
        return .approx(a.complex / d)
    }

    static func power(_ a: MathValue, _ b: MathValue) -> MathValue? {
        if case .exact(let base) = a, case .exact(let exponent) = b {
            if exponent.isInteger {
                if let result = base.power(exponent.numerator) { return .exact(result) }
                if base.isZero && exponent.isNegative { return nil }
            } else if exponent.denominator <= 64, !base.isNegative || exponent.denominator % 2 == 1,
                      let root = base.root(Int(exponent.denominator)), let result = root.power(exponent.numerator) {
                return .exact(result)
            }
        }
        let x = a.complex, y = b.complex
        if x.isReal && y.isReal {
            if x.re > 0 { return finite(Complex(pow(x.re, y.re))) }
            if x.re == 0 { return y.re > 0 ? .exact(.zero) : nil }
            if y.re == y.re.rounded() { return finite(Complex(pow(x.re, y.re))) }
        }
        guard x.magnitude > 0 else { return y.re > 0 ? .exact(.zero) : nil }
        return finite((y * x.log()).exp())
    }

    private static func finite(_ c: Complex) -> MathValue? {
        c.isFinite ? .approx(c) : nil
    }
}
