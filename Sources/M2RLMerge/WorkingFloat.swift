import M2RLTensors

/// The working types of a merge: Float (default) or Double.
public protocol WorkingFloat: BinaryFloatingPoint, Sendable {
    static func decode(_ bytes: UnsafeRawBufferPointer, _ dtype: DType, into: UnsafeMutableBufferPointer<Self>)
    static func encode(_ values: UnsafeBufferPointer<Self>, as dtype: DType, into: UnsafeMutableRawBufferPointer)
    /// Decodes `bytes` and subtracts `base` in one loop: into[j] = decoded[j] − base[j].
    static func decodeDifference(_ bytes: UnsafeRawBufferPointer, _ dtype: DType, base: UnsafePointer<Self>, into: UnsafeMutableBufferPointer<Self>)
    /// A key that orders non-negative values as their bit patterns do (the bit pattern itself).
    var orderKey: UInt64 { get }
    /// The value whose `orderKey` is `key`.
    static func fromOrderKey(_ key: UInt64) -> Self
    /// Bits in `orderKey` (32 or 64).
    static var keyBits: Int { get }
    /// `x` when `keeping`, else +0, by masking the bits: `keeping ? x : 0` bit for bit, in a
    /// form the vectoriser turns into one AND (sums of selects otherwise become a case analysis
    /// of every mix of conditions, with −0 kept apart: bench/ties_kernel.swift's three-model
    /// loop runs about 2× as long with selects for SSE2 (1.9× and 2.0× in two runs), 1.6× with
    /// `-target-cpu native`).
    static func masked(_ x: Self, keeping: Bool) -> Self
}

extension WorkingFloat {
    /// The value of stored BF16 bits (exact in F32 and F64), for loops that decode as they compute.
    @inline(__always) static func bf16(_ bits: UInt16) -> Self { Self(FloatConversion.float(bf16: bits)) }

    /// δ = θ − θ₀ from stored BF16 bits, with the chunk buffers' arithmetic (decode both, one
    /// subtraction): every loop that reads δ from the bits must agree with them to the bit.
    @inline(__always) static func bf16Delta(_ bits: UInt16, from base: UInt16) -> Self { bf16(bits) - bf16(base) }

    /// Decodes, then subtracts: the general form (Float fuses the two for BF16).
    public static func decodeDifference(_ bytes: UnsafeRawBufferPointer, _ dtype: DType, base: UnsafePointer<Self>, into: UnsafeMutableBufferPointer<Self>) {
        decode(bytes, dtype, into: into)
        for j in 0..<(bytes.count / dtype.size) { into[j] = into[j] - base[j] }
    }
}

extension Float: WorkingFloat {
    @inline(__always) public static func decode(_ bytes: UnsafeRawBufferPointer, _ dtype: DType, into: UnsafeMutableBufferPointer<Float>) {
        TensorData.decode(bytes, dtype, into: into)
    }
    @inline(__always) public static func encode(_ values: UnsafeBufferPointer<Float>, as dtype: DType, into: UnsafeMutableRawBufferPointer) {
        TensorData.encode(values, as: dtype, into: into)
    }
    public static func decodeDifference(_ bytes: UnsafeRawBufferPointer, _ dtype: DType, base: UnsafePointer<Float>, into: UnsafeMutableBufferPointer<Float>) {
        let count = bytes.count / dtype.size
        if dtype == .bf16, let source = bytes.baseAddress, Int(bitPattern: source) % 2 == 0, let out = into.baseAddress {
            let bits = source.assumingMemoryBound(to: UInt16.self)
            for j in 0..<count { out[j] = bf16(bits[j]) - base[j] }
            return
        }
        decode(bytes, dtype, into: into)
        for j in 0..<count { into[j] = into[j] - base[j] }
    }
    @inline(__always) public var orderKey: UInt64 { UInt64(bitPattern.self) }
    @inline(__always) public static func fromOrderKey(_ key: UInt64) -> Float { Float(bitPattern: UInt32(truncatingIfNeeded: key)) }
    public static var keyBits: Int { 32 }
    @inline(__always) public static func masked(_ x: Float, keeping: Bool) -> Float {
        Float(bitPattern: x.bitPattern & (0 &- UInt32(keeping ? 1 : 0)))
    }
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
    @inline(__always) public static func masked(_ x: Double, keeping: Bool) -> Double {
        Double(bitPattern: x.bitPattern & (0 &- UInt64(keeping ? 1 : 0)))
    }
}

/// Exact order statistics of non-negative values by radix selection on their bit patterns
/// (which order non-negative floats): 16 bits per pass, 65,536 counters per rank, any number of
/// ranks at once. Memory is constant; the values are visited once per pass (2 passes for Float,
/// 4 for Double), chunk by chunk, in any order.
///
/// Use: for each of `passes` passes, `count` every chunk, then `advance()`; then `values`.
struct RadixSelect<W: WorkingFloat> {
    let ranks: [Int]
    let mask: UInt64
    private var prefixes: [UInt64]
    private var remaining: [Int]
    /// This pass's counts: four interleaved 32-bit copies per rank (a chunk holds < 2³² values;
    /// `totals` takes them over before they could overflow).
    private var histogram: [UInt32]
    private var totals: [Int]
    private var pending = 0
    private var pass = 0

    static var passes: Int { W.keyBits / 16 }

    /// - Parameters:
    ///   - ranks: 1-based ranks from the largest, each in 1...count.
    ///   - magnitudes: select among absolute values (the sign bit is ignored).
    init(ranks: [Int], magnitudes: Bool) {
        self.ranks = ranks
        mask = magnitudes ? (W.keyBits == 32 ? 0x7FFF_FFFF : 0x7FFF_FFFF_FFFF_FFFF) : UInt64.max
        prefixes = [UInt64](repeating: 0, count: ranks.count)
        remaining = ranks
        histogram = [UInt32](repeating: 0, count: 4 * 65_536 * ranks.count)
        totals = [Int](repeating: 0, count: 65_536 * ranks.count)
    }

    /// Counts one chunk into this pass's histograms. Four interleaved copies per rank keep
    /// repeated buckets (similar magnitudes are common) from serialising on one counter.
    mutating func count(_ values: UnsafeBufferPointer<W>) {
        let shift = UInt64(W.keyBits - 16 * (pass + 1))
        let prefixShift = shift + 16
        let mask = self.mask
        let n = values.count
        guard let v = values.baseAddress else { return }
        if pending + n > Int(UInt32.max) / 2 { flush() }
        pending += n
        histogram.withUnsafeMutableBufferPointer { counts in
            let c = counts.baseAddress!
            for r in 0..<prefixes.count {
                let prefix = prefixes[r]
                let h0 = c + r * 4 * 65_536, h1 = h0 + 65_536, h2 = h1 + 65_536, h3 = h2 + 65_536
                var j = 0
                while j + 4 <= n {
                    let k0 = v[j].orderKey & mask, k1 = v[j + 1].orderKey & mask
                    let k2 = v[j + 2].orderKey & mask, k3 = v[j + 3].orderKey & mask
                    if k0 >> prefixShift == prefix { h0[Int((k0 >> shift) & 0xFFFF)] += 1 }
                    if k1 >> prefixShift == prefix { h1[Int((k1 >> shift) & 0xFFFF)] += 1 }
                    if k2 >> prefixShift == prefix { h2[Int((k2 >> shift) & 0xFFFF)] += 1 }
                    if k3 >> prefixShift == prefix { h3[Int((k3 >> shift) & 0xFFFF)] += 1 }
                    j += 4
                }
                while j < n {
                    let k = v[j].orderKey & mask
                    if k >> prefixShift == prefix { h0[Int((k >> shift) & 0xFFFF)] += 1 }
                    j += 1
                }
            }
        }
    }

    /// Adds the 32-bit copies into `totals` and clears them.
    private mutating func flush() {
        for r in ranks.indices {
            let base = r * 4 * 65_536
            for b in 0..<65_536 {
                totals[r * 65_536 + b] += Int(histogram[base + b]) + Int(histogram[base + 65_536 + b])
                    + Int(histogram[base + 131_072 + b]) + Int(histogram[base + 196_608 + b])
            }
        }
        for i in histogram.indices { histogram[i] = 0 }
        pending = 0
    }

    mutating func advance() {
        flush()
        for r in ranks.indices {
            var bucket = 65_535
            while bucket > 0 && totals[r * 65_536 + bucket] < remaining[r] {
                remaining[r] -= totals[r * 65_536 + bucket]
                bucket -= 1
            }
            prefixes[r] = (prefixes[r] << 16) | UInt64(bucket)
        }
        for i in totals.indices { totals[i] = 0 }
        pass += 1
    }

    /// The selected values, after every pass.
    var values: [W] {
        precondition(pass == Self.passes)
        return prefixes.map { W.fromOrderKey($0) }
    }

    /// Magnitude order statistics of several models' values at once: `ranks[i]` for model i
    /// (empty skips it). `chunks` calls its argument with every chunk's per-model buffers, once
    /// per pass; every model is counted in the same reads.
    static func magnitudesPerModel(ranks: [[Int]], chunks: (([UnsafeMutableBufferPointer<W>]) -> Void) -> Void) -> [[W]] {
        guard ranks.contains(where: { !$0.isEmpty }) else { return ranks.map { _ in [] } }
        var selectors = ranks.map { RadixSelect(ranks: $0, magnitudes: true) }
        for _ in 0..<passes {
            chunks { buffers in
                for i in selectors.indices where !ranks[i].isEmpty { selectors[i].count(UnsafeBufferPointer(buffers[i])) }
            }
            for i in selectors.indices { selectors[i].advance() }
        }
        return selectors.indices.map { ranks[$0].isEmpty ? [] : selectors[$0].values }
    }

    /// One-shot form: `chunks` calls its argument with every chunk, once per pass.
    static func largest(ranks: [Int], magnitudes: Bool, chunks: ((UnsafeBufferPointer<W>) -> Void) -> Void) -> [W] {
        var selector = RadixSelect(ranks: ranks, magnitudes: magnitudes)
        for _ in 0..<passes {
            chunks { selector.count($0) }
            selector.advance()
        }
        return selector.values
    }
}

/// Exact k-th largest magnitude of values seen chunk by chunk, usually in two cheap passes: a
/// deterministic stratified sample of 8,192 entries (pass one) brackets the answer in [low, high]; pass two
/// counts the entries above `high` and gathers those inside; when the k-th largest lies among
/// them (almost always) a selection in that small set finishes; values equal to the bracket's low
/// end are counted, not kept, so a mass of zeros costs nothing. Otherwise `result` is nil and the
/// caller falls back to `RadixSelect`. Pass one is `collect(sampled:)` (the values at
/// `sampleIndices`) or, for a sample taken whole, `collect(_:)` with every value in order; pass
/// two, `gather`, takes the values in order in chunks of any size.
struct MagnitudeSelect<W: WorkingFloat> {
    static var sampleSize: Int { 8_192 }

    let count: Int
    let rank: Int
    /// Sorted global indices of the sample.
    private let indices: [Int]
    private var sample: [W] = []
    private var low: W = 0
    private var high: W = 0
    /// The sample's own k-th largest (scaled to its size), in [low, high]: the best guess before
    /// pass two.
    private(set) var estimate: W = 0
    private var above = 0
    /// Values in (low, high]; those equal to `low` (often a mass of exact zeros in sparse
    /// updates) are only counted.
    private var inside: [W] = []
    private var atLow = 0
    private var overflow = false
    /// Pass two's flags, one per value of the largest chunk seen.
    private var flags: [UInt8] = []

    /// - Parameters:
    ///   - count: the number of values; `rank` is 1-based from the largest, in 1...count.
    init(count: Int, rank: Int) {
        precondition(rank >= 1 && rank <= count)
        self.count = count
        self.rank = rank
        if MagnitudeSelect.samplesWhole(count: count) {
            indices = Array(0..<count)
        } else {
            // One index drawn in each of `sampleSize` equal strata, so the indices come sorted
            // (no sort per tensor and model) and spread at least as evenly as independent draws.
            let key = CounterBits.mix(UInt64(count) &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(rank))
            let size = MagnitudeSelect.sampleSize
            let width = Double(count) / Double(size)
            indices = (0..<size).map { k in
                let u = Double(CounterBits.bits(key: key, index: k) >> 11) * 0x1p-53
                return min(count - 1, Int((Double(k) + u) * width))
            }
        }
        sample.reserveCapacity(indices.count)
    }

    /// Whether `count` values are sampled whole (small inputs: pass two is not needed).
    static func samplesWhole(count: Int) -> Bool { count <= 4 * sampleSize }

    /// Whether the sample is every value.
    var exhaustive: Bool { indices.count == count }

    /// The elements pass one samples (sorted, possibly repeated).
    var sampleIndices: [Int] { indices }

    /// Pass one without a pass: the values at `sampleIndices`, in order, read some other way.
    mutating func collect(sampled values: [W]) {
        precondition(values.count == indices.count)
        sample = values.map { abs($0) }
    }

    /// Pass one of a sample taken whole: the next chunk of values, in order.
    mutating func collect(_ values: UnsafeBufferPointer<W>) {
        precondition(exhaustive && sample.count + values.count <= count)
        for v in values { sample.append(abs(v)) }
    }

    /// Between the passes: sets the bracket and the guess, by three selections in the sample
    /// (each in the part the one before left below it), not a sort: 8,192 values for every
    /// model and tensor.
    mutating func bracket() {
        guard !exhaustive else { return }
        let s = Double(sample.count)
        let q = Double(rank) / Double(count)
        let spread = 6 * (q * (1 - q) / s).squareRoot() + 2 / s
        // top ≤ guess ≤ bottom (equal only where q·s < 2 or q is near 1: the spread is at least 2 / s).
        let top = max(0, Int(((q - spread) * s).rounded(.down)))
        let guess = min(sample.count - 1, max(top, Int((q * s).rounded(.down)) - 1))
        let bottom = min(sample.count - 1, max(guess, Int(((q + spread) * s).rounded(.up))))
        sample.withUnsafeMutableBufferPointer { values in
            high = Self.largest(top, of: values)
            estimate = guess == top ? high : Self.largest(guess - top - 1, of: UnsafeMutableBufferPointer(rebasing: values[(top + 1)...]))
            low = bottom == guess ? estimate : Self.largest(bottom - guess - 1, of: UnsafeMutableBufferPointer(rebasing: values[(guess + 1)...]))
        }
        inside.reserveCapacity(min(count, Int(Double(count) * 3 * spread) + 64))
    }

    /// The bracket `bracket()` set: pass two counts the values above `high` and at `low`, and
    /// keeps those in (low, high].
    var bounds: (low: W, high: W) { (low, high) }

    /// Pass two done by the caller: adds `above` values > high and `atLow` values == low.
    mutating func add(above: Int, atLow: Int) {
        self.above += above
        self.atLow += atLow
    }

    /// Pass two done by the caller: values in (low, high]. More than a quarter of the values
    /// inside gives up (`result` is then nil).
    mutating func keep(inside values: UnsafeBufferPointer<W>) {
        guard room(for: values.count) else { return }
        inside.append(contentsOf: values)
    }

    /// Whether `adding` more values fit inside (a quarter of the values at most); when they do
    /// not, gives up for good.
    private mutating func room(for adding: Int) -> Bool {
        guard !overflow else { return false }
        if inside.count + adding > count / 4 {
            overflow = true
            inside = []
        }
        return !overflow
    }

    /// Pass two: counts the chunk's values above the bracket and at its low end, and keeps those
    /// inside. One branch-free loop counts and flags; then the flags are read 8 at a time and
    /// only the groups holding one (a few percent of the values lie inside) are compacted. A
    /// bracket with low = high (a quantile in a mass of ties, often of zeros) has no inside and
    /// only counts. More than a quarter of the values inside gives up (`result` is then nil).
    mutating func gather(_ values: UnsafeBufferPointer<W>) {
        guard !exhaustive, !overflow, let x = values.baseAddress else { return }
        let n = values.count
        precondition(n <= Int(UInt32.max), "a chunk of \(n) values (the counts are 32-bit)")
        let high = self.high, low = self.low
        // A NaN counts above (as every selection ranks it).
        var countedAbove: UInt32 = 0, countedLow: UInt32 = 0, countedInside: UInt32 = 0
        if low == high {
            for j in 0..<n {
                let m = abs(x[j])
                countedAbove &+= UInt32(unsafeBitCast(!(m <= high), to: UInt8.self))
                countedLow &+= UInt32(unsafeBitCast(m == low, to: UInt8.self))
            }
            add(above: Int(countedAbove), atLow: Int(countedLow))
            return
        }
        if flags.count < n { flags = [UInt8](repeating: 0, count: n) }
        flags.withUnsafeMutableBufferPointer { flags in
            let f = flags.baseAddress!
            for j in 0..<n {
                let m = abs(x[j])
                countedAbove &+= UInt32(unsafeBitCast(!(m <= high), to: UInt8.self))
                countedLow &+= UInt32(unsafeBitCast(m == low, to: UInt8.self))
                let isInside = unsafeBitCast(m > low, to: UInt8.self) & unsafeBitCast(m <= high, to: UInt8.self)
                f[j] = isInside
                countedInside &+= UInt32(isInside)
            }
        }
        add(above: Int(countedAbove), atLow: Int(countedLow))
        let already = inside.count, adding = Int(countedInside)
        guard room(for: adding), adding > 0 else { return }
        // One slot of slack: the branch-free compaction writes each value at the cursor before
        // deciding whether to move past it.
        inside.append(contentsOf: repeatElement(0, count: adding + 1))
        inside.withUnsafeMutableBufferPointer { kept in
            flags.withUnsafeBufferPointer { flags in
                let out = kept.baseAddress!, f = flags.baseAddress!
                var cursor = already, j = 0
                while j < n {
                    let end = min(n, j + 8)
                    if end - j == 8 && UnsafeRawPointer(f + j).loadUnaligned(as: UInt64.self) == 0 {
                        j = end
                        continue
                    }
                    while j < end {
                        out[cursor] = abs(x[j])
                        cursor &+= Int(f[j])
                        j += 1
                    }
                }
            }
        }
        inside.removeLast()
    }

    /// The k-th largest magnitude, or nil when the bracket missed (use radix selection).
    mutating func result() -> W? {
        if exhaustive {
            let k = rank - 1
            return sample.withUnsafeMutableBufferPointer { Self.largest(k, of: $0) }
        }
        guard !overflow, above < rank, above + inside.count + atLow >= rank else { return nil }
        if rank - above > inside.count { return low }
        // A selection, not a sort: `inside` holds a few percent of a tensor (millions of values
        // for an embedding), and sorting them cost more than reading the tensor.
        let k = rank - above - 1
        return inside.withUnsafeMutableBufferPointer { Self.largest(k, of: $0) }
    }

    /// The element that would be at 0-based index `k` if `values` were sorted from the largest
    /// (a value, so it does not depend on the method), reordering `values` so that the ones
    /// before index k are at least it and the ones after at most (a later selection among
    /// either side needs no more passes over the other): quickselect with a
    /// median-of-three pivot, O(n) on average; a range that still holds more than 16 values
    /// after 2·log₂(n) + 8 partitions is sorted instead, which bounds the worst case by
    /// O(n log n). Values are magnitudes, ordered by their bit patterns as `RadixSelect` orders
    /// them: a NaN (|NaN| has its sign bit clear) ranks above +∞, and every path that finds a
    /// threshold agrees on it.
    static func largest(_ k: Int, of values: UnsafeMutableBufferPointer<W>) -> W {
        precondition(k >= 0 && k < values.count)
        @inline(__always) func key(_ x: W) -> UInt64 { x.orderKey }
        var lo = 0, hi = values.count - 1
        var budget = 2 * (Int.bitWidth - values.count.leadingZeroBitCount) + 8
        while hi - lo > 16 && budget > 0 {
            budget -= 1
            let a = key(values[lo]), b = key(values[lo + (hi - lo) / 2]), c = key(values[hi])
            let pivot = max(min(a, b), min(max(a, b), c))
            // Hoare partition, largest first: afterwards [lo, j] ≥ pivot, [i, hi] ≤ pivot, and
            // anything strictly between j and i equals it.
            var i = lo, j = hi
            while i <= j {
                while key(values[i]) > pivot { i += 1 }
                while key(values[j]) < pivot { j -= 1 }
                if i <= j {
                    values.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if k <= j {
                hi = j
            } else if k >= i {
                lo = i
            } else {
                return W.fromOrderKey(pivot)
            }
        }
        var rest = UnsafeMutableBufferPointer(rebasing: values[lo...hi])
        rest.sort { key($0) > key($1) }
        return values[k]
    }
}
