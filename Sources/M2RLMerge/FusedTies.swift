/// TIES-style merging (trim by magnitude, or keep all or nothing, then sign consensus) over BF16
/// inputs for 1 to `fusedModels` models, fused: one loop per chunk computes each element whole
/// from the stored bits (δᵢ, τᵢ, ωᵢ = wᵢ·τᵢ, the elected sign, the agreeing sum and share, and
/// θ₀ + λ·τ) in registers, where the general path fills chunk buffers and makes 2m + 1 passes
/// over them. Per element it performs exactly `consensusChunk`'s operations in its order; a
/// dropped or disagreeing term is +0 through `W.masked`, as `? x : 0` is. The model count is
/// `M`, a compile-time constant, so every per-model step unrolls and the loop vectorises.
///
/// A magnitude trim's threshold is found while merging, in one read of the inputs instead of
/// two. The sample brackets each threshold tᵢ in [lowᵢ, highᵢ] and guesses pᵢ inside; the pass
/// merges with pᵢ, counts per model the |δᵢ| above the bracket, at its low end, above pᵢ and at
/// least at pᵢ, and marks the element when some nonzero |δᵢ| lies in [lowᵢ, highᵢ]: the only
/// values pᵢ and tᵢ can decide differently (a zero δ's ω is ±0, which never agrees and never
/// moves a sum that holds anything else, kept or not). The whole tensor stays in the output
/// stage. When the counts prove every pᵢ = tᵢ, that is all; otherwise the marked elements'
/// magnitudes give each exact tᵢ (`MagnitudeSelect`), and those where some pᵢ and tᵢ decide
/// differently are merged again with the tᵢ, through the same loop, and replaced. When a
/// bracket missed or held more than a quarter of the tensor, radix selection finds the
/// thresholds of the models that missed and the tensor is merged again. A NaN |δ| ranks above
/// every number here as in every selection (and is never kept under a numeric threshold).
extension TensorMerge {
    /// The most models the fused loop takes (one specialisation each); more take the general path.
    static var fusedModels: Int { 4 }

    /// The election and the mean of TIES (docs/merge.md).
    struct Consensus {
        var weights: [W]
        var lambda: W
        var normalize: Bool
        var bySum: Bool
        var byWeight: Bool
    }

    /// The fused loop's constants. τᵢ = δᵢ where (|δᵢ| ≥ lowᵢ or allᵢ) and someᵢ, else +0;
    /// shareᵢ is what an agreeing model adds to the divisor.
    struct FusedRules<let M: Int> {
        var weight: InlineArray<M, W>
        var share: InlineArray<M, W>
        var low: InlineArray<M, W>
        var all: InlineArray<M, Bool>
        var some: InlineArray<M, Bool>
        var lambda: W
        var normalize: Bool
        var bySum: Bool
    }

    /// What a pass that finds thresholds counts per model: |δᵢ| > highᵢ and |δᵢ| = lowᵢ; an
    /// element is flagged when some |δᵢ| lies in [flagLowᵢ, flagHighᵢ] (an empty range for the
    /// models without a bracket).
    struct FusedBrackets<let M: Int> {
        var low: InlineArray<M, W>
        var high: InlineArray<M, W>
        var flagLow: InlineArray<M, W>
        var flagHigh: InlineArray<M, W>
    }

    /// One element: θ₀ + λ·τ from θ₀ and the δᵢ.
    @inline(__always)
    static func fusedElement<let M: Int>(_ theta: W, _ delta: InlineArray<M, W>, _ r: FusedRules<M>) -> W {
        var omega = InlineArray<M, W>(repeating: 0)
        for i in 0..<M {
            let d = delta[i]
            omega[i] = r.weight[i] * W.masked(d, keeping: (abs(d) >= r.low[i] || r.all[i]) && r.some[i])
        }
        // The election: the sign of ((t(ω₁) + t(ω₂)) + t(ω₃) …), as electSigns.
        var elected = r.bySum ? omega[0] : (omega[0] > 0 ? 1 : omega[0] < 0 ? -1 : 0)
        for i in 1..<M { elected = elected + (r.bySum ? omega[i] : (omega[i] > 0 ? 1 : omega[i] < 0 ? -1 : 0)) }
        let sign = W(signOf: elected, magnitudeOf: 1)
        var agree = omega[0] * sign > 0
        var sum = W.masked(omega[0], keeping: agree), divisor = W.masked(r.share[0], keeping: agree)
        for i in 1..<M {
            agree = omega[i] * sign > 0
            sum = sum + W.masked(omega[i], keeping: agree)
            divisor = divisor + W.masked(r.share[i], keeping: agree)
        }
        return r.normalize ? theta + r.lambda * (sum / (divisor == 0 ? 1 : divisor)) : theta + r.lambda * sum
    }

    /// Elements 0..<n of the stored bits into `out`.
    static func fusedChunk<let M: Int>(_ base: UnsafePointer<UInt16>, _ models: InlineArray<M, UnsafePointer<UInt16>>, _ n: Int,
                                       _ r: FusedRules<M>, into out: UnsafeMutablePointer<W>) {
        for j in 0..<n {
            let theta = W.bf16(base[j])
            var delta = InlineArray<M, W>(repeating: 0)
            for i in 0..<M { delta[i] = W.bf16(models[i][j]) - theta }
            out[j] = fusedElement(theta, delta, r)
        }
    }

    /// Per model, how many |δᵢ| a pass that finds thresholds saw above the bracket (> highᵢ), at
    /// its low end (= lowᵢ), above the guess (> pᵢ = lowᵢ of the rules) and at least at it.
    struct FusedCounts<let M: Int> {
        var above = InlineArray<M, Int>(repeating: 0)
        var atLow = InlineArray<M, Int>(repeating: 0)
        var greater = InlineArray<M, Int>(repeating: 0)
        var atLeast = InlineArray<M, Int>(repeating: 0)
    }

    /// `fusedChunk`, counting into `counts` and flagging into `flags` (1 or 0 per element).
    /// The counts are 32-bit: n < 2³².
    static func fusedChunk<let M: Int>(_ base: UnsafePointer<UInt16>, _ models: InlineArray<M, UnsafePointer<UInt16>>, _ n: Int,
                                       _ r: FusedRules<M>, into out: UnsafeMutablePointer<W>, brackets b: FusedBrackets<M>,
                                       counts: inout FusedCounts<M>, flags: UnsafeMutablePointer<UInt8>) {
        precondition(n <= Int(UInt32.max), "a chunk of \(n) values")
        var countedAbove = InlineArray<M, UInt32>(repeating: 0), countedLow = InlineArray<M, UInt32>(repeating: 0)
        var countedGreater = InlineArray<M, UInt32>(repeating: 0), countedAtLeast = InlineArray<M, UInt32>(repeating: 0)
        for j in 0..<n {
            let theta = W.bf16(base[j])
            var delta = InlineArray<M, W>(repeating: 0)
            var flag: UInt8 = 0
            for i in 0..<M {
                let d = W.bf16(models[i][j]) - theta
                delta[i] = d
                let m = abs(d)
                // A NaN counts above every number, as every selection ranks it.
                countedAbove[i] &+= UInt32(unsafeBitCast(!(m <= b.high[i]), to: UInt8.self))
                countedLow[i] &+= UInt32(unsafeBitCast(m == b.low[i], to: UInt8.self))
                countedGreater[i] &+= UInt32(unsafeBitCast(!(m <= r.low[i]), to: UInt8.self))
                countedAtLeast[i] &+= UInt32(unsafeBitCast(!(m < r.low[i]), to: UInt8.self))
                flag |= unsafeBitCast(m >= b.flagLow[i], to: UInt8.self) & unsafeBitCast(m <= b.flagHigh[i], to: UInt8.self)
            }
            flags[j] = flag
            out[j] = fusedElement(theta, delta, r)
        }
        for i in 0..<M {
            counts.above[i] += Int(countedAbove[i])
            counts.atLow[i] += Int(countedLow[i])
            counts.greater[i] += Int(countedGreater[i])
            counts.atLeast[i] += Int(countedAtLeast[i])
        }
    }

    /// Merges the tensor (see the extension's doc). `rules[i]` is final where `ranks[i]` is nil;
    /// otherwise model i keeps its `ranks[i]` largest |δ| (ties at the threshold included).
    func fusedTies(_ inputs: (base: UnsafePointer<UInt16>, models: [UnsafePointer<UInt16>]), rules: [Keep], ranks: [Int?],
                   _ consensus: Consensus) throws {
        switch inputs.models.count {
        case 1: try fusedTies(base: inputs.base, models: InlineArray<1, _> { inputs.models[$0] }, rules: rules, ranks: ranks, consensus)
        case 2: try fusedTies(base: inputs.base, models: InlineArray<2, _> { inputs.models[$0] }, rules: rules, ranks: ranks, consensus)
        case 3: try fusedTies(base: inputs.base, models: InlineArray<3, _> { inputs.models[$0] }, rules: rules, ranks: ranks, consensus)
        case 4: try fusedTies(base: inputs.base, models: InlineArray<4, _> { inputs.models[$0] }, rules: rules, ranks: ranks, consensus)
        default: preconditionFailure("fusedTies takes 1 to \(Self.fusedModels) models")
        }
    }

    private func fusedTies<let M: Int>(base: UnsafePointer<UInt16>, models: InlineArray<M, UnsafePointer<UInt16>>, rules: [Keep],
                                       ranks: [Int?], _ c: Consensus) throws {
        precondition(rules.count == M && ranks.count == M && c.weights.count == M)
        var r = FusedRules<M>(weight: InlineArray { c.weights[$0] }, share: InlineArray { c.byWeight ? c.weights[$0] : 1 },
                              low: InlineArray(repeating: 0), all: InlineArray(repeating: false), some: InlineArray(repeating: true),
                              lambda: c.lambda, normalize: c.normalize, bySum: c.bySum)
        for i in 0..<M where ranks[i] == nil {
            precondition(rules[i].decodesAsItGoes, "fusedTies takes keep-all, keep-none and magnitude trims without an upper cut or rescaling")
            switch rules[i].rule {
            case .all: r.all[i] = true
            case .none: r.some[i] = false
            case .magnitude(let threshold, _): r.low[i] = threshold
            case .random: break
            }
        }
        let ranked = (0..<M).filter { ranks[$0] != nil }
        /// Every chunk merged with `r` into the output.
        func mergeAll(_ r: FusedRules<M>) throws {
            for range in source.chunkRanges {
                let out = temporary(0, range.count)
                Self.fusedChunk(base + range.lowerBound, InlineArray { models[$0] + range.lowerBound }, range.count, r, into: out)
                try emitChunk(range, out)
            }
        }
        /// `r` with exact thresholds for `models` by radix selection (two reads of the inputs).
        func radixThresholds(_ models: [Int], into r: FusedRules<M>) -> FusedRules<M> {
            let found = RadixSelect<W>.magnitudesPerModel(ranks: (0..<M).map { models.contains($0) ? [ranks[$0]!] : [] }) { visit in
                source.forEachChunk { _, _, models in visit(models) }
            }
            var exact = r
            for i in models { exact.low[i] = found[i][0] }
            return exact
        }
        if ranked.isEmpty { observeFused?(.exact); return try mergeAll(r) }
        if MagnitudeSelect<W>.samplesWhole(count: source.count) {
            // One pass collects every value; the selections need no second.
            observeFused?(.exact)
            let thresholds = magnitudeThresholds(ranks.map { $0.map { [$0] } ?? [] })
            for i in ranked { r.low[i] = thresholds[i][0] }
            return try mergeAll(r)
        }

        // Brackets from the samples; the guess p inside each.
        var selects = [MagnitudeSelect<W>?](repeating: nil, count: M)
        var b = FusedBrackets<M>(low: InlineArray(repeating: .infinity), high: InlineArray(repeating: .infinity),
                                 flagLow: InlineArray(repeating: .infinity), flagHigh: InlineArray(repeating: 0))
        for i in ranked {
            var select = MagnitudeSelect<W>(count: source.count, rank: ranks[i]!)
            select.collect(sampled: source.values(model: i, at: select.sampleIndices))
            select.bracket()
            let (low, high) = select.bounds
            // A sample with a NaN where a bound falls: no bracket can hold it (every count puts a
            // NaN above), so radix selection at once.
            if low.isNaN || high.isNaN {
                observeFused?(.fallback)
                return try mergeAll(radixThresholds(ranked, into: r))
            }
            b.low[i] = low
            b.high[i] = high
            r.low[i] = min(max(select.estimate, low), high)
            // low = high: when the bracket holds, t = low = p, and every decision is already right.
            if low < high {
                b.flagLow[i] = low > 0 ? low : .leastNonzeroMagnitude
                b.flagHigh[i] = high
            }
            selects[i] = select
        }

        // The pass: merge with p, count, flag. The flags go to a bitmap of the tensor (bit j of
        // word j / 64), 8 at a time where a chunk starts at a multiple of 8 (it does for rows of
        // a multiple of 8 values), else one by one.
        output.holdWhole()
        var counts = FusedCounts<M>()
        let capacity = source.chunkRanges.map(\.count).max() ?? 0
        let words = (source.count + 63) / 64
        let bitmap = UnsafeMutablePointer<UInt64>.allocate(capacity: words)
        bitmap.initialize(repeating: 0, count: words)
        defer { bitmap.deallocate() }
        let bitmapBytes = UnsafeMutableRawPointer(bitmap)
        try temporary(1, capacity).withMemoryRebound(to: UInt8.self, capacity: capacity) { flags in
            for range in source.chunkRanges {
                let n = range.count, start = range.lowerBound
                let out = temporary(0, n)
                Self.fusedChunk(base + start, InlineArray { models[$0] + start }, n, r, into: out, brackets: b,
                                counts: &counts, flags: flags)
                try emitChunk(range, out)
                var j = 0
                #if _endian(little)
                let packs = start % 8 == 0
                #else
                let packs = false
                #endif
                if packs {
                    // Byte k of the 8 flags (0 or 1) lands on bit k of the product's top byte,
                    // which is byte g / 8 of the bitmap: bits g ... g + 7 of a little-endian word.
                    while j + 8 <= n {
                        let group = UnsafeRawPointer(flags + j).loadUnaligned(as: UInt64.self)
                        let packed = UInt8(truncatingIfNeeded: (group &* 0x0102_0408_1020_4080) >> 56)
                        bitmapBytes.storeBytes(of: packed, toByteOffset: (start + j) / 8, as: UInt8.self)
                        j += 8
                    }
                }
                while j < n {
                    let g = start + j
                    bitmap[g / 64] |= UInt64(flags[j]) << UInt64(g % 64)
                    j += 1
                }
            }
        }
        /// Calls `body` with every flagged element, in order.
        func forEachFlagged(_ body: (Int) -> Void) {
            for w in 0..<words {
                var word = bitmap[w]
                while word != 0 {
                    body(w * 64 + word.trailingZeroBitCount)
                    word &= word &- 1
                }
            }
        }

        // The exact thresholds: from the counts, and for a bracket with an inside, from the
        // flagged elements' magnitudes. A bracket without one gives t = low = p when it holds.
        /// |δᵢ| of element `index`.
        func magnitude(_ i: Int, _ index: Int) -> W { abs(W.bf16Delta(models[i][index], from: base[index])) }
        let open = ranked.filter { b.flagLow[$0] <= b.flagHigh[$0] }
        var exact = r
        var missed: [Int] = []
        var guessed = true
        do {
            let batch = temporary(2, capacity)
            for i in ranked {
                // t = p when fewer than k lie above p and at least k at or above it: no scan.
                if counts.greater[i] < ranks[i]! && ranks[i]! <= counts.atLeast[i] { continue }
                guessed = false
                var select = selects[i]!
                select.add(above: counts.above[i], atLow: counts.atLow[i])
                if open.contains(i) {
                    let (low, high) = select.bounds
                    var count = 0
                    forEachFlagged { index in
                        let m = magnitude(i, index)
                        batch[count] = m
                        count &+= Int(unsafeBitCast(m > low, to: UInt8.self) & unsafeBitCast(m <= high, to: UInt8.self))
                        if count == capacity {
                            select.keep(inside: UnsafeBufferPointer(start: batch, count: count))
                            count = 0
                        }
                    }
                    select.keep(inside: UnsafeBufferPointer(start: batch, count: count))
                }
                // A bracket without an inside can only confirm t = low = p; anything else is
                // a miss too.
                guard let t = select.result(), open.contains(i) || t.orderKey == r.low[i].orderKey else {
                    missed.append(i)
                    continue
                }
                exact.low[i] = t
            }
        }
        if !missed.isEmpty {
            // Radix selection for the models that missed (the others' thresholds are exact), and
            // the whole tensor again.
            observeFused?(.fallback)
            return try mergeAll(radixThresholds(missed, into: exact))
        }
        observeFused?(guessed ? .guessed : .refined)

        // Fix-ups: the flagged elements where some pᵢ and tᵢ decide differently, gathered into
        // packed inputs, merged with the tᵢ and replaced.
        let fixable = open.filter { exact.low[$0] != r.low[$0] }
        guard !fixable.isEmpty else { return }
        let width = min(capacity, 4_096)
        let packed = UnsafeMutablePointer<UInt16>.allocate(capacity: width * (M + 1))
        defer { packed.deallocate() }
        var positions = [Int](repeating: 0, count: width)
        let out = temporary(0, width)
        var count = 0
        func flush() {
            Self.fusedChunk(packed, InlineArray { UnsafePointer(packed + width * ($0 + 1)) }, count, exact, into: out)
            for k in 0..<count { output.replace(positions[k], with: out[k]) }
            count = 0
        }
        forEachFlagged { j in
            var differs = false
            for i in fixable {
                let m = magnitude(i, j)
                differs = differs || (m >= r.low[i]) != (m >= exact.low[i])
            }
            guard differs else { return }
            packed[count] = base[j]
            for i in 0..<M { packed[width * (i + 1) + count] = models[i][j] }
            positions[count] = j
            count += 1
            if count == width { flush() }
        }
        if count > 0 { flush() }
    }
}

/// How `fusedTies` found a tensor's thresholds (for tests: `MergeOptions.observeFused`).
enum FusedTiesOutcome: String, Sendable {
    /// No sampled threshold: none to find, or every one exact before the pass (a tensor
    /// sampled whole, or thresholds over the whole model).
    case exact
    /// The counts proved every guess right: one pass.
    case guessed
    /// Some guess was wrong: the marked entries gave the thresholds, and the entries decided
    /// differently were merged again.
    case refined
    /// A bracket missed or was overfull: radix selection, and the tensor merged again.
    case fallback
}
