import BigInt

/// An exact rational number `numerator / denominator` in lowest terms, denominator > 0.
///
/// Arbitrary precision, but bounded: every operation that would produce a numerator or
/// denominator longer than `Rational.maxBits` returns nil, so no comparison can take unbounded
/// time or memory (the math verifier then falls back to floating point or says the answer is
/// too large).
struct Rational: Hashable, Sendable, CustomStringConvertible {
    /// The largest numerator or denominator, in bits (about 30,000 decimal digits; `2006!` has
    /// 5,756).
    static let maxBits = 100_000

    let numerator: BigInt
    let denominator: BigInt

    static let zero = Rational(0)
    static let one = Rational(1)

    init(_ value: Int) {
        numerator = BigInt(value)
        denominator = 1
    }

    init(_ value: BigInt) {
        numerator = value
        denominator = 1
    }

    /// Reduces `numerator / denominator`; nil when the denominator is zero or a part is too long.
    init?(_ numerator: BigInt, _ denominator: BigInt) {
        guard !denominator.isZero else { return nil }
        guard numerator.bitWidth <= Rational.maxBits, denominator.bitWidth <= Rational.maxBits else { return nil }
        let g = numerator.greatestCommonDivisor(with: denominator)
        var n = g == 1 ? numerator : numerator / g
        var d = g == 1 ? denominator : denominator / g
        if d.sign == .minus {
            n.negate()
            d.negate()
        }
        self.numerator = n
        self.denominator = d
    }

    /// Parses a decimal literal: digits with an optional fraction part (`12`, `0.5`, `.25`,
    /// `3.`). The digits are exact: `0.1` is 1/10.
    init?(decimal text: Substring) {
        guard !text.isEmpty, text.count <= 4_000 else { return nil }
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            // Scientific notation, exponent bounded by ±1,000.
            guard let mantissa = Rational(decimal: text[..<e]), let exponent = Int(text[text.index(after: e)...]),
                  abs(exponent) <= 1_000, let scale = Rational(10).power(BigInt(exponent)),
                  let value = mantissa.multiplying(scale) else { return nil }
            self = value
            return
        }
        var digits = ""
        var scale = 0
        var seenPoint = false
        for character in text {
            if character == "." {
                guard !seenPoint else { return nil }
                seenPoint = true
            } else if character.isASCII, character.isNumber {
                digits.append(character)
                if seenPoint { scale += 1 }
            } else {
                return nil
            }
        }
        guard !digits.isEmpty, let value = BigInt(digits) else { return nil }
        self.init(value, BigInt(10).power(scale))
    }

    /// `n!` for 0 ≤ n ≤ 5,000 (a product tree keeps the big multiplications balanced).
    init?(factorialOf n: Int) {
        guard n >= 0, n <= 5_000 else { return nil }
        func product(_ lo: Int, _ hi: Int) -> BigInt {
            if hi - lo < 8 {
                var p = BigInt(1)
                var k = lo
                while k <= hi { p *= BigInt(k); k += 1 }
                return p
            }
            let mid = (lo + hi) / 2
            return product(lo, mid) * product(mid + 1, hi)
        }
        self.init(n < 2 ? 1 : product(2, n))
    }

    var isInteger: Bool { denominator == 1 }
    var isZero: Bool { numerator.isZero }
    var isNegative: Bool { numerator.sign == .minus && !numerator.isZero }

    var description: String { isInteger ? "\(numerator)" : "\(numerator)/\(denominator)" }

    static prefix func - (value: Rational) -> Rational {
        Rational(unchecked: -value.numerator, value.denominator)
    }

    private init(unchecked numerator: BigInt, _ denominator: BigInt) {
        self.numerator = numerator
        self.denominator = denominator
    }

    func adding(_ other: Rational) -> Rational? {
        if denominator == 1 && other.denominator == 1 { return Rational(numerator + other.numerator, 1) }
        return Rational(numerator * other.denominator + other.numerator * denominator, denominator * other.denominator)
    }

    func subtracting(_ other: Rational) -> Rational? { adding(-other) }

    func multiplying(_ other: Rational) -> Rational? {
        guard numerator.bitWidth + other.numerator.bitWidth <= Rational.maxBits + 64,
              denominator.bitWidth + other.denominator.bitWidth <= Rational.maxBits + 64 else { return nil }
        return Rational(numerator * other.numerator, denominator * other.denominator)
    }

    func dividing(by other: Rational) -> Rational? {
        guard !other.isZero else { return nil }
        return multiplying(Rational(unchecked: other.denominator, other.numerator).normalizedSign)
    }

    private var normalizedSign: Rational {
        denominator.sign == .minus ? Rational(unchecked: -numerator, -denominator) : self
    }

    /// `self ^ exponent` for an integer exponent; nil when the result would be too long or
    /// `0 ^ negative`.
    func power(_ exponent: BigInt) -> Rational? {
        if exponent.isZero { return .one }
        if isZero { return exponent.sign == .minus ? nil : .zero }
        if numerator.magnitude == 1 && denominator == 1 {
            // ±1 to any power.
            return exponent.magnitude % 2 == 0 ? .one : self
        }
        let bits = max(numerator.bitWidth, denominator.bitWidth)
        guard exponent.magnitude <= BigUInt(Rational.maxBits), bits * Int(exponent.magnitude) <= Rational.maxBits + 64 else { return nil }
        let e = Int(exponent.magnitude)
        let n = numerator.power(e)
        let d = denominator.power(e)
        return exponent.sign == .minus ? Rational(d, n) : Rational(n, d)
    }

    /// The exact `k`-th root when there is one (`8^(1/3) = 2`, `(4/9)^(1/2) = 2/3`); nil
    /// otherwise, and for even roots of negative numbers.
    func root(_ k: Int) -> Rational? {
        guard k >= 1, k <= 64 else { return nil }
        if k == 1 { return self }
        if isNegative {
            guard k % 2 == 1, let positive = (-self).root(k) else { return nil }
            return -positive
        }
        guard let n = Rational.integerRoot(numerator, k), let d = Rational.integerRoot(denominator, k) else { return nil }
        return Rational(n, d)
    }

    /// The exact integer `k`-th root of a non-negative integer, if any.
    private static func integerRoot(_ value: BigInt, _ k: Int) -> BigInt? {
        if value < 2 { return value }
        if k == 2 {
            let r = value.squareRoot()
            return r * r == value ? r : nil
        }
        // Integer Newton iteration from above: x ← ((k−1)x + v / x^(k−1)) / k, then check.
        let bits = value.bitWidth
        var x = BigInt(1) << ((bits + k - 1) / k + 1)
        var steps = 0
        while steps < 4_000 {
            let next = (BigInt(k - 1) * x + value / x.power(k - 1)) / BigInt(k)
            if next >= x { break }
            x = next
            steps += 1
        }
        return x.power(k) == value ? x : nil
    }

    /// log2 of a positive integer, accurate to about 1e-15 relative.
    static func bitLog2(_ value: BigInt) -> Double {
        let width = value.magnitude.bitWidth
        if width <= 60 { return libmLog2(Double(value)) }
        let shift = width - 60
        return libmLog2(Double(value.magnitude >> shift)) + Double(shift)
    }

    /// The nearest Double (±infinity or 0 when out of range).
    var doubleValue: Double {
        if denominator == 1 && numerator.bitWidth < 1_000 { return Double(numerator) }
        let sign: Double = isNegative ? -1 : 1
        if numerator.isZero { return 0 }
        let ln = Rational.bitLog2(numerator.magnitude == 0 ? 1 : BigInt(numerator.magnitude))
        let ld = Rational.bitLog2(denominator)
        if ln - ld > 1_100 { return sign * .infinity }
        if ln - ld < -1_100 { return 0 }
        // Scale both to about 60 significant bits, then divide.
        let nShift = max(0, numerator.magnitude.bitWidth - 60)
        let dShift = max(0, denominator.magnitude.bitWidth - 60)
        let n = Double(numerator.magnitude >> nShift)
        let d = Double(denominator.magnitude >> dShift)
        return sign * (n / d) * libmExp2(Double(nShift - dShift))
    }

    /// Rounds to `places` decimal places, halves away from zero.
    func rounded(places: Int) -> Rational? {
        let scale = BigInt(10).power(places)
        guard let scaled = multiplying(Rational(scale)) else { return nil }
        let (q, r) = scaled.numerator.magnitude.quotientAndRemainder(dividingBy: scaled.denominator.magnitude)
        var whole = BigInt(q)
        if BigInt(r) * 2 >= scaled.denominator { whole += 1 }
        if scaled.isNegative { whole.negate() }
        return Rational(whole, scale)
    }

    static func < (lhs: Rational, rhs: Rational) -> Bool {
        lhs.numerator * rhs.denominator < rhs.numerator * lhs.denominator
    }
}

#if canImport(Glibc)
import Glibc
@inline(__always) private func libmLog2(_ x: Double) -> Double { Glibc.log2(x) }
@inline(__always) private func libmExp2(_ x: Double) -> Double { Glibc.exp2(x) }
#else
import Darwin
@inline(__always) private func libmLog2(_ x: Double) -> Double { Darwin.log2(x) }
@inline(__always) private func libmExp2(_ x: Double) -> Double { Darwin.exp2(x) }
#endif
