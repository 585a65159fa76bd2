import M2RLTensors

/// The working types of a merge: Float (default) or Double.
public protocol WorkingFloat: BinaryFloatingPoint, Sendable {
    static func decode(_ bytes: UnsafeRawBufferPointer, _ dtype: DType, into: UnsafeMutableBufferPointer<Self>)
    static func encode(_ values: UnsafeBufferPointer<Self>, as dtype: DType, into: UnsafeMutableRawBufferPointer)
    /// A key that orders non-negative values as their bit patterns do (the bit pattern itself).
    var orderKey: UInt64 { get }
    /// The value whose `orderKey` is `key`.
    static func fromOrderKey(_ key: UInt64) -> Self
    /// Bits in `orderKey` (32 or 64).
    static var keyBits: Int { get }
}

extension Float: WorkingFloat {
    @inline(__always) public static func decode(_ bytes: UnsafeRawBufferPointer, _ dtype: DType, into: UnsafeMutableBufferPointer<Float>) {
        TensorData.decode(bytes, dtype, into: into)
    }
    @inline(__always) public static func encode(_ values: UnsafeBufferPointer<Float>, as dtype: DType, into: UnsafeMutableRawBufferPointer) {
        TensorData.encode(values, as: dtype, into: into)
    }
    @inline(__always) public var orderKey: UInt64 { UInt64(bitPattern.self) }
    @inline(__always) public static func fromOrderKey(_ key: UInt64) -> Float { Float(bitPattern: UInt32(truncatingIfNeeded: key)) }
    public static var keyBits: Int { 32 }
}

extension Double: WorkingFloat {
    @inline(__always) public static func decode(_ bytes: UnsafeRawBufferPointer, _ dtype: DType, into: UnsafeMutableBufferPointer<Double>) {
        TensorData.decode(bytes, dtype, into: into)
    }
    @inline(__always) public static func encode(_ values: UnsafeBufferPointer<Double>, as dtype: DType, into: UnsafeMutableRawBufferPointer) {
        TensorData.encode(values, as: dtype, into: into)
    }
    @inline(__always) public var orderKey: UInt64 { bitPattern }
    @inline(__always) public static func fromOrderKey(_ key: UInt64) -> Double { Double(bitPattern: key) }
    public static var keyBits: Int { 64 }
}

/// Exact order statistics of non-negative values by radix selection on their bit patterns
/// (which order non-negative floats): 16 bits per pass, 65,536 counters, any number of ranks at
/// once. Memory is constant; the values are visited once per pass (2 passes for Float, 4 for
/// Double).
struct RadixSelect {
    /// The `ranks[r]`-th largest value (1-based) of the values `visit` yields, for each rank.
    /// - Parameter visit: calls its argument once with every value, in any order, each pass.
    /// - Precondition: every rank is in 1...count, where count is the number of values.
    static func largest<W: WorkingFloat>(_ type: W.Type, ranks: [Int], visit: ((W) -> Void) -> Void) -> [W] {
        let passes = W.keyBits / 16
        var prefixes = [UInt64](repeating: 0, count: ranks.count)
        var remaining = ranks
        var histograms = [[Int]](repeating: [Int](repeating: 0, count: 65_536), count: ranks.count)
        for pass in 0..<passes {
            let shift = UInt64(W.keyBits - 16 * (pass + 1))
            let prefixShift = shift + 16
            for r in histograms.indices { for i in 0..<65_536 { histograms[r][i] = 0 } }
            histograms.withUnsafeMutableBufferPointer { hist in
                visit { value in
                    let key = value.orderKey
                    let prefix = prefixShift >= 64 ? 0 : key >> prefixShift
                    let bucket = Int((key >> shift) & 0xFFFF)
                    for r in 0..<prefixes.count where prefix == prefixes[r] {
                        hist[r][bucket] += 1
                    }
                }
            }
            for r in ranks.indices {
                var bucket = 65_535
                while bucket > 0 && histograms[r][bucket] < remaining[r] {
                    remaining[r] -= histograms[r][bucket]
                    bucket -= 1
                }
                prefixes[r] = (prefixes[r] << 16) | UInt64(bucket)
            }
        }
        return prefixes.map { W.fromOrderKey($0) }
    }
}
