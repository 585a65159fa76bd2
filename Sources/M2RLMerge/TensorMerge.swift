import Foundation

/// The parameters of a merge resolved for one tensor.
struct TensorParameters {
    var weights: [Double]
    var densities: [Double]
    var gammas: [Double]
    var global: [String: Double]
    var flags: [String: Bool]
    var choices: [String: String]
    /// Whole-model magnitude thresholds per model (`trim_scope: model`); nil per tensor.
    var modelThresholds: [Double?]?
    var seed: UInt64

    func number(_ name: String) -> Double { global[name] ?? 0 }
}

/// Merges one tensor, chunk by chunk: statistics passes first where a method needs them
/// (thresholds, norms, dots), then one pass that computes each output chunk and hands it to
/// `output.emit(range, values)`. Formulas and their order are docs/merge.md's; each loop runs over a
/// chunk for one model at a time, so the compiler can vectorise it, and performs per element
/// exactly the operations the formula lists, in its order.
struct TensorMerge<W: WorkingFloat> {
    let method: MergeMethod
    let parameters: TensorParameters
    let source: TensorSource<W>
    let output: TensorOutput<W>
    /// Told how `fusedTies` found this tensor's thresholds (tests).
    var observeFused: ((FusedTiesOutcome) -> Void)? = nil

    var modelCount: Int { source.models.count }

    func run() throws {
        switch method.algorithm {
        case .linear:
            try linear()
        case .taskArithmetic(let sparsification, let consensus):
            try taskArithmetic(sparsification, consensus: consensus)
        case .sce:
            try sce()
        case .slerp:
            try slerp()
        case .modelStock:
            try modelStock()
        case .ram:
            try ram()
        case .tsv:
            preconditionFailure("TSV runs on whole matrices (TaskSingularVectors)")
        }
    }

    /// Scratch buffer `k` after the inputs, for `length` values (at most the chunk capacity).
    func temporary(_ k: Int, _ length: Int) -> UnsafeMutablePointer<W> {
        let buffer = source.scratch.buffer(source.firstFreeBuffer + k)
        precondition(length <= buffer.count, "a temporary of \(length) values in a buffer of \(buffer.count)")
        return buffer.baseAddress!
    }

    func emitChunk(_ range: Range<Int>, _ out: UnsafeMutablePointer<W>) throws {
        try output.emit(range, UnsafeBufferPointer(start: out, count: range.count))
    }

    // MARK: linear

    private func linear() throws {
        let weights = parameters.weights.map { W($0) }
        var divisor: W = 0
        for w in weights { divisor = divisor + w }
        let normalize = parameters.flags["normalize"] ?? true
        if divisor == 0 { divisor = 1 }
        try source.forEachChunk(mutating: true) { range, _, models in
            let n = range.count
            let out = temporary(0, n)
            let first = models[0].baseAddress!, w0 = weights[0]
            for j in 0..<n { out[j] = w0 * first[j] }
            for i in 1..<models.count {
                let x = models[i].baseAddress!, w = weights[i]
                for j in 0..<n { out[j] = out[j] + w * x[j] }
            }
            if normalize { for j in 0..<n { out[j] = out[j] / divisor } }
            try emitChunk(range, out)
        }
    }

    // MARK: task arithmetic family (task_arithmetic, ties, dare_*, breadcrumbs*)

    /// Per model: which entries survive sparsification and the factor applied to them.
    struct Keep {
        enum Rule {
            case all
            case none
            /// |δ| ≥ low and (when set) |δ| < high.
            case magnitude(low: W, high: W?)
            /// The counter-based draw below `threshold`.
            case random(key: UInt64, threshold: UInt64)
        }
        var rule: Rule
        /// Kept entries are divided by `divide` (when set), else multiplied by `multiply`.
        var divide: W?
        var multiply: W?

        /// Whether `bf16Consensus` computes ω for this rule from the stored bits: keep all,
        /// none, or by magnitude without an upper cut, and no rescaling.
        var decodesAsItGoes: Bool {
            guard divide == nil && multiply == nil else { return false }
            switch rule {
            case .all, .none, .magnitude(_, nil): return true
            default: return false
            }
        }

        /// Replaces x[0..<n] (entries `offset...`) by ωⱼ = weight·τⱼ, where τ is the kept,
        /// rescaled value (0 where dropped): the operations of the formula, fused into one loop.
        func apply(_ x: UnsafeMutablePointer<W>, _ n: Int, offset: Int, weight w: W) {
            switch rule {
            case .all:
                if let divide {
                    for j in 0..<n { x[j] = w * (x[j] / divide) }
                } else if let multiply {
                    for j in 0..<n { x[j] = w * (x[j] * multiply) }
                } else if w != 1 {
                    // (1·x = x exactly, so weight 1 needs no pass.)
                    for j in 0..<n { x[j] = w * x[j] }
                }
            case .none:
                for j in 0..<n { x[j] = w * 0 }
            case .magnitude(let low, let high):
                // Only TIES and breadcrumbs use magnitude rules, and they never rescale.
                precondition(divide == nil && multiply == nil)
                if let top = high {
                    for j in 0..<n {
                        let m = abs(x[j])
                        x[j] = w * (m >= low && m < top ? x[j] : 0)
                    }
                } else {
                    for j in 0..<n { x[j] = w * (abs(x[j]) >= low ? x[j] : 0) }
                }
            case .random(let key, let threshold):
                let divisor = divide ?? 1, factor = multiply ?? 1
                let divides = divide != nil
                for j in 0..<n {
                    let kept = (CounterBits.bits(key: key, index: offset + j) >> 40) < threshold
                    let v = divides ? x[j] / divisor : x[j] * factor
                    x[j] = w * (kept ? v : 0)
                }
            }
        }
    }

    /// Magnitude order statistics of every model's δ at once (`ranks[i]` for model i; empty
    /// skips it): one read of the chunks per radix pass, whatever the number of models.
    func magnitudeThresholds(_ ranks: [[Int]]) -> [[W]] {
        guard ranks.contains(where: { !$0.isEmpty }) else { return ranks.map { _ in [] } }
        // Sample, then count-and-gather, for every model and rank. A small tensor is sampled
        // whole, in one pass (and needs no second); a sample of a large one is read element by
        // element from the maps.
        var quick = ranks.map { $0.map { MagnitudeSelect<W>(count: source.count, rank: $0) } }
        let whole = MagnitudeSelect<W>.samplesWhole(count: source.count)
        if whole {
            source.forEachChunk { _, _, models in
                for i in quick.indices { for r in quick[i].indices { quick[i][r].collect(UnsafeBufferPointer(models[i])) } }
            }
        } else {
            for i in quick.indices {
                for r in quick[i].indices { quick[i][r].collect(sampled: source.values(model: i, at: quick[i][r].sampleIndices)) }
            }
        }
        for i in quick.indices { for r in quick[i].indices { quick[i][r].bracket() } }
        if !whole, let inputs = source.bf16Inputs {
            bracketCounts(inputs, &quick)
        } else if !whole {
            source.forEachChunk { _, _, models in
                for i in quick.indices { for r in quick[i].indices { quick[i][r].gather(UnsafeBufferPointer(models[i])) } }
            }
        }
        var result = ranks.map { [W?](repeating: nil, count: $0.count) }
        for i in quick.indices { for r in quick[i].indices { result[i][r] = quick[i][r].result() } }
        // Radix selection for the (rare) brackets that missed.
        let missing = ranks.indices.map { i in result[i].contains { $0 == nil } ? ranks[i] : [] }
        if missing.contains(where: { !$0.isEmpty }) {
            let exact = RadixSelect<W>.magnitudesPerModel(ranks: missing) { visit in
                source.forEachChunk { _, _, models in visit(models) }
            }
            for i in missing.indices where !missing[i].isEmpty { result[i] = exact[i] }
        }
        return result.map { $0.map { $0! } }
    }

    /// Pass two of every bracket in `quick` over BF16 inputs: per chunk and model, δ from the
    /// stored bits into one temporary (the chunk buffers' arithmetic, without filling them), then
    /// `gather` on it.
    private func bracketCounts(_ inputs: (base: UnsafePointer<UInt16>, models: [UnsafePointer<UInt16>]), _ quick: inout [[MagnitudeSelect<W>]]) {
        let capacity = source.chunkRanges.map(\.count).max() ?? 0
        let delta = temporary(0, capacity)
        for range in source.chunkRanges {
            let n = range.count, start = range.lowerBound
            let b = inputs.base + start
            for i in quick.indices where !quick[i].isEmpty {
                let x = inputs.models[i] + start
                for j in 0..<n { delta[j] = W.bf16Delta(x[j], from: b[j]) }
                for r in quick[i].indices { quick[i][r].gather(UnsafeBufferPointer(start: delta, count: n)) }
            }
        }
    }

    /// Each model's sparsification, and the magnitude ranks still to find (`ranks[i]` empty when
    /// `rules[i]` is final; otherwise `rules[i]` is a placeholder that `keepRules` replaces).
    private func keepPlan(_ sparsification: MergeMethod.Sparsification?) -> (rules: [Keep], ranks: [[Int]]) {
        let n = source.count
        var rules = [Keep](repeating: Keep(rule: .all), count: modelCount)
        // Magnitude rules: ranks first, so one set of passes serves every model.
        var ranks = [[Int]](repeating: [], count: modelCount)
        for i in 0..<modelCount {
            let density = parameters.densities.indices.contains(i) ? parameters.densities[i] : 1
            guard density < 1 else { continue }
            let k = Int((density * Double(n)).rounded(.down))
            switch sparsification {
            case .magnitude:
                if let threshold = parameters.modelThresholds?[i] {
                    rules[i] = Keep(rule: threshold.isInfinite ? .none : .magnitude(low: W(threshold), high: nil))
                } else if k == 0 {
                    rules[i] = Keep(rule: .none)
                } else {
                    ranks[i] = [k]
                }
            case .breadcrumbs:
                let gamma = parameters.gammas.indices.contains(i) ? parameters.gammas[i] : 0.01
                var g = Int((gamma * Double(n)).rounded(.down))
                let b = n - k - g
                if b < 0 { g += b }
                if k == 0 {
                    rules[i] = Keep(rule: .none)
                } else {
                    ranks[i] = g > 0 ? [k + g, g] : [k + g]
                }
            case .random:
                let key = CounterBits.dropKey(seed: parameters.seed, tensor: source.name, modelIndex: i)
                let threshold = CounterBits.keepThreshold(density: density)
                var keep = Keep(rule: .random(key: key, threshold: threshold))
                switch parameters.choices["rescale"] ?? "inverse" {
                case "inverse":
                    if density > 0 { keep.divide = W(density) }
                case "l1":
                    var before = 0.0, after = 0.0
                    source.forEachChunk { range, _, models in
                        let x = models[i].baseAddress!
                        for j in 0..<range.count {
                            let d = Double(abs(x[j]))
                            before += d
                            if (CounterBits.bits(key: key, index: range.lowerBound + j) >> 40) < threshold { after += d }
                        }
                    }
                    if before >= 1e-7 && after >= 1e-7 { keep.multiply = W(before / after) }
                default:
                    break
                }
                rules[i] = keep
            case nil:
                break
            }
        }
        return (rules, ranks)
    }

    /// The plan's rules with its magnitude thresholds found.
    private func keepRules(_ plan: (rules: [Keep], ranks: [[Int]])) -> [Keep] {
        var rules = plan.rules
        let ranks = plan.ranks
        let thresholds = magnitudeThresholds(ranks)
        for i in 0..<modelCount where !ranks[i].isEmpty {
            // Breadcrumbs with γ > 0 also cut the largest: its second rank.
            rules[i] = Keep(rule: .magnitude(low: thresholds[i][0], high: ranks[i].count > 1 ? thresholds[i][1] : nil))
        }
        return rules
    }

    private func taskArithmetic(_ sparsification: MergeMethod.Sparsification?, consensus: Bool) throws {
        let plan = keepPlan(sparsification)
        let weights = parameters.weights.map { W($0) }
        let lambda = W(parameters.number("lambda"))
        let normalize = parameters.flags["normalize"] ?? false
        let bySum = (parameters.choices["sign"] ?? "sum") == "sum"
        let byWeight = (parameters.choices["disjoint"] ?? "weight") == "weight"
        var weightSum: W = 0
        for w in weights { weightSum = weightSum + w }
        let plainDivisor: W = weightSum == 0 ? 1 : weightSum
        let m = modelCount
        if sparsification == nil && !consensus, let inputs = source.bf16Inputs {
            return try plainTaskArithmetic(inputs, weights: weights, lambda: lambda, divisor: normalize ? plainDivisor : nil)
        }
        if consensus, let inputs = source.bf16Inputs, m <= Self.fusedModels,
           plan.rules.indices.allSatisfy({ plan.ranks[$0].count == 1 || (plan.ranks[$0].isEmpty && plan.rules[$0].decodesAsItGoes) }) {
            let consensus = Consensus(weights: weights, lambda: lambda, normalize: normalize, bySum: bySum, byWeight: byWeight)
            return try fusedTies(inputs, rules: plan.rules, ranks: plan.ranks.map(\.first), consensus)
        }
        let rules = keepRules(plan)
        try source.forEachChunk(mutating: true) { range, baseChunk, models in
            let n = range.count
            let base = baseChunk.baseAddress!
            let out = temporary(0, n)
            // τᵢ then ωᵢ = wᵢ·τᵢ, in place.
            for i in 0..<m { rules[i].apply(models[i].baseAddress!, n, offset: range.lowerBound, weight: weights[i]) }
            if consensus {
                consensusChunk(models.map { $0.baseAddress! }, n, out: out, weights: weights, lambda: lambda,
                               normalize: normalize, bySum: bySum, byWeight: byWeight) { baseChunk[$0] }
                try emitChunk(range, out)
                return
            }
            let first = models[0].baseAddress!
            if m == 1 {
                for j in 0..<n { out[j] = first[j] }
            } else {
                let second = models[1].baseAddress!
                for j in 0..<n { out[j] = first[j] + second[j] }
            }
            for i in 2..<max(m, 2) {
                let x = models[i].baseAddress!
                for j in 0..<n { out[j] = out[j] + x[j] }
            }
            if normalize { for j in 0..<n { out[j] = out[j] / plainDivisor } }
            if lambda == 1 {
                for j in 0..<n { out[j] = base[j] + out[j] }
            } else {
                for j in 0..<n { out[j] = base[j] + lambda * out[j] }
            }
            try emitChunk(range, out)
        }
    }

    /// One chunk of TIES' last steps from ωᵢ = wᵢ·τᵢ (`omegas`, overwritten): sign election,
    /// the agreeing ωᵢ summed (and divided by their share when normalizing), and θ₀ + λ·τ into
    /// `out`, in 2m passes over the chunk (m − 1 electing, m agreeing, one finishing), each
    /// element getting exactly the formula's operations in its order (λ = 1 multiplies exactly).
    /// `base(j)` is θ₀ of element j.
    @inline(__always)
    private func consensusChunk(_ omegas: [UnsafeMutablePointer<W>], _ n: Int, out: UnsafeMutablePointer<W>, weights: [W],
                                lambda: W, normalize: Bool, bySum: Bool, byWeight: Bool, base: (Int) -> W) {
        let elect = temporary(1, n), divisor = temporary(2, n)
        if bySum {
            electSigns(omegas, n, into: elect) { $0 }
        } else {
            electSigns(omegas, n, into: elect) { $0 > 0 ? 1 : $0 < 0 ? -1 : 0 }
        }
        for i in omegas.indices {
            let x = omegas[i]
            let share: W = byWeight ? weights[i] : 1
            // ωᵢ agrees when ωᵢ·s > 0 (exact, and false for 0). The first model's sums start
            // from its terms (0 + t = t here: an agreeing ωᵢ is never −0).
            if i == 0 {
                for j in 0..<n {
                    let agree = x[j] * elect[j] > 0
                    out[j] = agree ? x[j] : 0
                    divisor[j] = agree ? share : 0
                }
            } else {
                for j in 0..<n {
                    let agree = x[j] * elect[j] > 0
                    out[j] = out[j] + (agree ? x[j] : 0)
                    divisor[j] = divisor[j] + (agree ? share : 0)
                }
            }
        }
        if normalize {
            for j in 0..<n { out[j] = base(j) + lambda * (out[j] / (divisor[j] == 0 ? 1 : divisor[j])) }
        } else {
            for j in 0..<n { out[j] = base(j) + lambda * out[j] }
        }
    }

    /// The elected sign s = ±1 of each element: the sign of ((t(ω₁) + t(ω₂)) + t(ω₃) …), t the
    /// identity (sum election) or the sign function (count election), in m − 1 passes. Taking
    /// the sign bit maps a sum of −0 to −1, not +1, but a sum is −0 only when every ωᵢ is ±0,
    /// and then nothing agrees either way.
    @inline(__always)
    private func electSigns(_ omegas: [UnsafeMutablePointer<W>], _ n: Int, into elect: UnsafeMutablePointer<W>,
                            _ term: (W) -> W) {
        let m = omegas.count
        let first = omegas[0]
        if m == 1 {
            for j in 0..<n { elect[j] = W(signOf: term(first[j]), magnitudeOf: 1) }
            return
        }
        let second = omegas[1]
        if m == 2 {
            for j in 0..<n { elect[j] = W(signOf: term(first[j]) + term(second[j]), magnitudeOf: 1) }
            return
        }
        for j in 0..<n { elect[j] = term(first[j]) + term(second[j]) }
        for i in 2..<(m - 1) {
            let x = omegas[i]
            for j in 0..<n { elect[j] = elect[j] + term(x[j]) }
        }
        let last = omegas[m - 1]
        for j in 0..<n { elect[j] = W(signOf: elect[j] + term(last[j]), magnitudeOf: 1) }
    }

    /// Task arithmetic without trimming or sign election over BF16 inputs, decoding as it goes:
    /// out = θ₀ + λ·((ω₁ + ω₂) + ω₃ …) with ωᵢ = wᵢ·(θᵢ − θ₀), per element exactly the general
    /// path's operations in its order (a weight of 1 multiplies exactly, where the general path
    /// skips the pass), in one loop over up to three models and one per model after, without
    /// filling a chunk buffer per model first.
    private func plainTaskArithmetic(_ inputs: (base: UnsafePointer<UInt16>, models: [UnsafePointer<UInt16>]), weights: [W],
                                     lambda: W, divisor: W?) throws {
        let base = inputs.base, models = inputs.models
        for range in source.chunkRanges {
            let n = range.count, start = range.lowerBound
            let out = temporary(0, n)
            let b = base + start
            let x0 = models[0] + start, w0 = weights[0]
            switch models.count {
            case 1:
                for j in 0..<n { let t = W.bf16(b[j]); out[j] = w0 * (W.bf16(x0[j]) - t) }
            case 2:
                let x1 = models[1] + start, w1 = weights[1]
                for j in 0..<n { let t = W.bf16(b[j]); out[j] = w0 * (W.bf16(x0[j]) - t) + w1 * (W.bf16(x1[j]) - t) }
            default:
                let x1 = models[1] + start, w1 = weights[1], x2 = models[2] + start, w2 = weights[2]
                for j in 0..<n {
                    let t = W.bf16(b[j])
                    out[j] = w0 * (W.bf16(x0[j]) - t) + w1 * (W.bf16(x1[j]) - t) + w2 * (W.bf16(x2[j]) - t)
                }
            }
            for i in 3..<max(models.count, 3) {
                let x = models[i] + start, w = weights[i]
                for j in 0..<n { out[j] = out[j] + w * W.bf16Delta(x[j], from: b[j]) }
            }
            if let divisor { for j in 0..<n { out[j] = out[j] / divisor } }
            if lambda == 1 {
                for j in 0..<n { out[j] = W.bf16(b[j]) + out[j] }
            } else {
                for j in 0..<n { out[j] = W.bf16(b[j]) + lambda * out[j] }
            }
            try emitChunk(range, out)
        }
    }

    // MARK: SCE

    /// The population variance across models at each entry of the current chunk, into `v`.
    private func variance(_ models: [UnsafeMutableBufferPointer<W>], _ n: Int, into v: UnsafeMutablePointer<W>, mean: UnsafeMutablePointer<W>) {
        let m = models.count
        let count = W(m)
        let first = models[0].baseAddress!
        for j in 0..<n { mean[j] = first[j] }
        for i in 1..<m {
            let x = models[i].baseAddress!
            for j in 0..<n { mean[j] = mean[j] + x[j] }
        }
        for j in 0..<n { mean[j] = mean[j] / count }
        for j in 0..<n { let d = first[j] - mean[j]; v[j] = d * d }
        for i in 1..<m {
            let x = models[i].baseAddress!
            for j in 0..<n { let d = x[j] - mean[j]; v[j] = v[j] + d * d }
        }
        for j in 0..<n { v[j] = v[j] / count }
    }

    private func sce() throws {
        let m = modelCount
        let topk = parameters.number("select_topk")
        let lambda = W(parameters.number("lambda"))
        let v = temporary(1, 0), mean = temporary(2, 0)
        // Select: entries with the largest variance across models.
        let selectAll = topk >= 1
        var threshold = W.infinity
        if !selectAll {
            var nonzero = 0
            source.forEachChunk { range, _, models in
                variance(models, range.count, into: v, mean: mean)
                for j in 0..<range.count where v[j] != 0 { nonzero += 1 }
            }
            let k = Int((Double(nonzero) * topk).rounded(.down))
            if k > 0 {
                threshold = RadixSelect<W>.largest(ranks: [k], magnitudes: false) { visit in
                    source.forEachChunk { range, _, models in
                        variance(models, range.count, into: v, mean: mean)
                        visit(UnsafeBufferPointer(start: v, count: range.count))
                    }
                }[0]
            }
        }
        /// Zeroes the unselected entries of every model in the current chunk.
        func select(_ models: [UnsafeMutableBufferPointer<W>], _ n: Int) {
            guard !selectAll else { return }
            variance(models, n, into: v, mean: mean)
            for i in 0..<m {
                let x = models[i].baseAddress!
                for j in 0..<n { x[j] = v[j] >= threshold ? x[j] : 0 }
            }
        }
        // Calculate: each model's share of the mean squared (selected) update.
        var energy = [Double](repeating: 0, count: m)
        source.forEachChunk(mutating: true) { range, _, models in
            select(models, range.count)
            for i in 0..<m {
                let x = models[i].baseAddress!
                var sum = energy[i]
                for j in 0..<range.count { let d = Double(x[j]); sum += d * d }
                energy[i] = sum
            }
        }
        let n = Double(max(source.count, 1))
        var means = energy.map { $0 / n }
        let total = means.reduce(0, +)
        means = total < 1e-6 ? [Double](repeating: 1 / Double(m), count: m) : means.map { $0 / total }
        let shares = means.map { W($0) }
        // Erase: sign election on the selected updates, weighted disjoint mean.
        try source.forEachChunk(mutating: true) { range, baseChunk, models in
            let n = range.count
            select(models, n)
            let base = baseChunk.baseAddress!
            let out = temporary(0, n), elect = temporary(3, n), divisor = temporary(4, n)
            let first = models[0].baseAddress!
            for j in 0..<n { elect[j] = first[j] }
            for i in 1..<m {
                let x = models[i].baseAddress!
                for j in 0..<n { elect[j] = elect[j] + x[j] }
            }
            for j in 0..<n { elect[j] = W(signOf: elect[j], magnitudeOf: 1) }
            for j in 0..<n { out[j] = 0; divisor[j] = 0 }
            for i in 0..<m {
                let x = models[i].baseAddress!
                let e = shares[i]
                for j in 0..<n {
                    let agree = x[j] * elect[j] > 0
                    out[j] = out[j] + (agree ? e * x[j] : 0)
                    divisor[j] = divisor[j] + (agree ? e : 0)
                }
            }
            let floor = W(1e-6)
            for j in 0..<n { out[j] = base[j] + lambda * (out[j] / max(divisor[j], floor)) }
            try emitChunk(range, out)
        }
    }

    // MARK: SLERP

    private func slerp() throws {
        let t = parameters.number("t")
        var norm0 = 0.0, norm1 = 0.0, dot = 0.0
        source.forEachChunk { range, base, models in
            let x = base.baseAddress!, y = models[0].baseAddress!
            for j in 0..<range.count {
                let a = Double(x[j]), b = Double(y[j])
                norm0 += a * a
                norm1 += b * b
                dot += a * b
            }
        }
        var n0 = norm0.squareRoot(), n1 = norm1.squareRoot()
        if n0 <= 1e-8 { n0 = 1 }
        if n1 <= 1e-8 { n1 = 1 }
        let d = dot / (n0 * n1)
        let c0: W, c1: W
        if abs(d) > 0.9995 {
            c0 = W(1 - t)
            c1 = W(t)
        } else {
            let theta = acos(d)
            let sinTheta = sin(theta)
            c0 = W(sin((1 - t) * theta) / sinTheta)
            c1 = W(sin(t * theta) / sinTheta)
        }
        try source.forEachChunk(mutating: true) { range, base, models in
            let out = temporary(0, range.count), x = base.baseAddress!, y = models[0].baseAddress!
            for j in 0..<range.count { out[j] = c0 * x[j] + c1 * y[j] }
            try emitChunk(range, out)
        }
    }

    // MARK: Model Stock (chunks hold θᵢ, not δᵢ)

    private func modelStock() throws {
        let m = modelCount
        let filterWise = parameters.flags["filter_wise"] ?? false
        let rowLength = filterWise ? (source.shape.count >= 2 ? source.shape.dropFirst().reduce(1, *) : max(source.count, 1)) : max(source.count, 1)
        let rows = max(1, source.count / max(rowLength, 1))
        var pairs: [(Int, Int)] = []
        for i in 0..<m { for j in (i + 1)..<m { pairs.append((i, j)) } }
        var dots = [[Double]](repeating: [Double](repeating: 0, count: rows), count: pairs.count)
        var norms = [[Double]](repeating: [Double](repeating: 0, count: rows), count: m)
        source.forEachChunk { range, base, models in
            var delta = [Double](repeating: 0, count: m)
            for j in 0..<range.count {
                let row = (range.lowerBound + j) / rowLength
                for i in 0..<m {
                    delta[i] = Double(models[i][j] - base[j])
                    norms[i][row] += delta[i] * delta[i]
                }
                for (p, pair) in pairs.enumerated() { dots[p][row] += delta[pair.0] * delta[pair.1] }
            }
        }
        var ratios = [W](repeating: 0, count: rows)
        var complements = [W](repeating: 0, count: rows)
        for row in 0..<rows {
            var cosine = 0.0
            for (p, pair) in pairs.enumerated() {
                let c = dots[p][row] / max(norms[pair.0][row].squareRoot() * norms[pair.1][row].squareRoot(), 1e-6)
                cosine += min(max(c, -1), 1)
            }
            cosine /= Double(pairs.count)
            let n = Double(m)
            let t = n * cosine / (1 + (n - 1) * cosine)
            ratios[row] = W(t)
            complements[row] = W(1 - t)
        }
        let count = W(m)
        try source.forEachChunk(mutating: true) { range, base, models in
            let out = temporary(0, range.count)
            for j in 0..<range.count {
                let row = (range.lowerBound + j) / rowLength
                var sum = models[0][j]
                for i in 1..<m { sum = sum + models[i][j] }
                out[j] = ratios[row] * (sum / count) + complements[row] * base[j]
            }
            try emitChunk(range, out)
        }
    }

    // MARK: RAM

    private func ram() throws {
        let m = modelCount
        let epsilon = W(parameters.number("epsilon"))
        let lambda = W(parameters.number("lambda"))
        try source.forEachChunk(mutating: true) { range, baseChunk, models in
            let n = range.count
            let base = baseChunk.baseAddress!
            let out = temporary(0, n), changed = temporary(1, n)
            for j in 0..<n { out[j] = 0; changed[j] = 0 }
            for i in 0..<m {
                let x = models[i].baseAddress!
                for j in 0..<n {
                    let counts = abs(x[j]) > epsilon
                    out[j] = counts ? out[j] + x[j] : out[j]
                    changed[j] = counts ? changed[j] + 1 : changed[j]
                }
            }
            for j in 0..<n { out[j] = base[j] + lambda * (out[j] / max(changed[j], 1)) }
            try emitChunk(range, out)
        }
    }
}
