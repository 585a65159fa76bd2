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
/// `emit(range, values)`. Formulas and their order are docs/merge.md's.
struct TensorMerge<W: WorkingFloat> {
    let method: MergeMethod
    let parameters: TensorParameters
    let source: TensorSource<W>

    var modelCount: Int { source.models.count }

    func run(emit: (Range<Int>, UnsafeBufferPointer<W>) throws -> Void) throws {
        switch method.algorithm {
        case .linear:
            try linear(emit)
        case .taskArithmetic(let sparsification, let consensus):
            try taskArithmetic(sparsification, consensus: consensus, emit)
        case .sce:
            try sce(emit)
        case .slerp:
            try slerp(emit)
        case .modelStock:
            try modelStock(emit)
        case .ram:
            try ram(emit)
        case .tsv:
            preconditionFailure("TSV runs on whole matrices (TaskSingularVectors)")
        }
    }

    private func withOutput(_ length: Int, _ body: (UnsafeMutableBufferPointer<W>) throws -> Void) rethrows {
        let output = UnsafeMutableBufferPointer<W>.allocate(capacity: max(length, 1))
        defer { output.deallocate() }
        try body(UnsafeMutableBufferPointer(rebasing: output[0..<length]))
    }

    // MARK: linear

    private func linear(_ emit: (Range<Int>, UnsafeBufferPointer<W>) throws -> Void) throws {
        let weights = parameters.weights.map { W($0) }
        var divisor: W = 0
        for w in weights { divisor = divisor + w }
        let normalize = parameters.flags["normalize"] ?? true
        if divisor == 0 { divisor = 1 }
        try source.forEachChunk { range, _, models in
            try withOutput(range.count) { out in
                for j in 0..<range.count {
                    var acc = weights[0] * models[0][j]
                    for i in 1..<models.count { acc = acc + weights[i] * models[i][j] }
                    out[j] = normalize ? acc / divisor : acc
                }
                try emit(range, UnsafeBufferPointer(out))
            }
        }
    }

    // MARK: task arithmetic family (task_arithmetic, ties, dare_*, breadcrumbs*)

    /// Per model: which entries survive sparsification and the factor applied to them.
    private struct Keep {
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

        @inline(__always)
        func apply(_ delta: W, index: Int) -> W {
            let kept: Bool
            switch rule {
            case .all: kept = true
            case .none: kept = false
            case .magnitude(let low, let high):
                let m = abs(delta)
                kept = m >= low && (high.map { m < $0 } ?? true)
            case .random(let key, let threshold):
                kept = (CounterBits.bits(key: key, index: index) >> 40) < threshold
            }
            guard kept else { return 0 }
            if let divide { return delta / divide }
            if let multiply { return delta * multiply }
            return delta
        }
    }

    private func keepRules(_ sparsification: MergeMethod.Sparsification?) -> [Keep] {
        let n = source.count
        var rules: [Keep] = []
        for i in 0..<modelCount {
            let density = parameters.densities.indices.contains(i) ? parameters.densities[i] : 1
            switch sparsification {
            case nil:
                rules.append(Keep(rule: .all))
            case .magnitude:
                if density >= 1 { rules.append(Keep(rule: .all)); continue }
                if let threshold = parameters.modelThresholds?[i] {
                    rules.append(Keep(rule: .magnitude(low: W(threshold), high: nil)))
                    continue
                }
                let k = Int((density * Double(n)).rounded(.down))
                if k == 0 { rules.append(Keep(rule: .none)); continue }
                let t = RadixSelect.largest(W.self, ranks: [k]) { visit in
                    source.forEachChunk { _, _, models in for v in models[i] { visit(abs(v)) } }
                }[0]
                rules.append(Keep(rule: .magnitude(low: t, high: nil)))
            case .breadcrumbs:
                if density >= 1 { rules.append(Keep(rule: .all)); continue }
                let gamma = parameters.gammas.indices.contains(i) ? parameters.gammas[i] : 0.01
                let k = Int((density * Double(n)).rounded(.down))
                var g = Int((gamma * Double(n)).rounded(.down))
                let b = n - k - g
                if b < 0 { g += b }
                if k == 0 { rules.append(Keep(rule: .none)); continue }
                let ranks = g > 0 ? [k + g, g] : [k + g]
                let values = RadixSelect.largest(W.self, ranks: ranks) { visit in
                    source.forEachChunk { _, _, models in for v in models[i] { visit(abs(v)) } }
                }
                rules.append(Keep(rule: .magnitude(low: values[0], high: g > 0 ? values[1] : nil)))
            case .random:
                if density >= 1 { rules.append(Keep(rule: .all)); continue }
                let key = CounterBits.dropKey(seed: parameters.seed, tensor: source.name, modelIndex: i)
                var keep = Keep(rule: .random(key: key, threshold: CounterBits.keepThreshold(density: density)))
                switch parameters.choices["rescale"] ?? "inverse" {
                case "inverse":
                    if density > 0 { keep.divide = W(density) }
                case "l1":
                    var before = 0.0, after = 0.0
                    source.forEachChunk { range, _, models in
                        for j in 0..<range.count {
                            let d = models[i][j]
                            before += Double(abs(d))
                            after += Double(abs(keep.apply(d, index: range.lowerBound + j)))
                        }
                    }
                    if before >= 1e-7 && after >= 1e-7 { keep.multiply = W(before / after) }
                default:
                    break
                }
                rules.append(keep)
            }
        }
        return rules
    }

    private func taskArithmetic(_ sparsification: MergeMethod.Sparsification?, consensus: Bool,
                                _ emit: (Range<Int>, UnsafeBufferPointer<W>) throws -> Void) throws {
        let rules = keepRules(sparsification)
        let weights = parameters.weights.map { W($0) }
        let lambda = W(parameters.number("lambda"))
        let normalize = parameters.flags["normalize"] ?? false
        let bySum = (parameters.choices["sign"] ?? "sum") == "sum"
        let byWeight = (parameters.choices["disjoint"] ?? "weight") == "weight"
        var weightSum: W = 0
        for w in weights { weightSum = weightSum + w }
        let plainDivisor: W = weightSum == 0 ? 1 : weightSum
        let m = modelCount
        try source.forEachChunk { range, base, models in
            try withOutput(range.count) { out in
                var omega = [W](repeating: 0, count: m)
                omega.withUnsafeMutableBufferPointer { omega in
                    for j in 0..<range.count {
                        let index = range.lowerBound + j
                        for i in 0..<m { omega[i] = weights[i] * rules[i].apply(models[i][j], index: index) }
                        var merged: W
                        if consensus {
                            var elect: W = 0
                            if bySum {
                                for i in 0..<m { elect = elect + omega[i] }
                            } else {
                                for i in 0..<m { elect = elect + (omega[i] > 0 ? 1 : omega[i] < 0 ? -1 : 0) }
                            }
                            let positive = elect >= 0
                            merged = 0
                            var divisor: W = 0
                            var first = true
                            for i in 0..<m where positive ? omega[i] > 0 : omega[i] < 0 {
                                merged = first ? omega[i] : merged + omega[i]
                                first = false
                                divisor = divisor + (byWeight ? weights[i] : 1)
                            }
                            if normalize { merged = merged / (divisor == 0 ? 1 : divisor) }
                        } else {
                            merged = omega[0]
                            for i in 1..<m { merged = merged + omega[i] }
                            if normalize { merged = merged / plainDivisor }
                        }
                        out[j] = base[j] + lambda * merged
                    }
                }
                try emit(range, UnsafeBufferPointer(out))
            }
        }
    }

    // MARK: SCE

    private func sce(_ emit: (Range<Int>, UnsafeBufferPointer<W>) throws -> Void) throws {
        let m = modelCount
        let count = W(m)
        let topk = parameters.number("select_topk")
        let lambda = W(parameters.number("lambda"))
        @inline(__always) func variance(_ models: [UnsafeMutableBufferPointer<W>], _ j: Int) -> W {
            var sum = models[0][j]
            for i in 1..<m { sum = sum + models[i][j] }
            let mean = sum / count
            var squares: W = 0
            for i in 0..<m {
                let d = models[i][j] - mean
                squares = i == 0 ? d * d : squares + d * d
            }
            return squares / count
        }
        // Select: entries with the largest variance across models.
        var selectAll = topk >= 1
        var selectNone = false
        var threshold: W = 0
        if !selectAll {
            var nonzero = 0
            source.forEachChunk { range, _, models in
                for j in 0..<range.count where variance(models, j) != 0 { nonzero += 1 }
            }
            let k = Int((Double(nonzero) * topk).rounded(.down))
            if k == 0 {
                selectNone = true
            } else {
                threshold = RadixSelect.largest(W.self, ranks: [k]) { visit in
                    source.forEachChunk { range, _, models in for j in 0..<range.count { visit(variance(models, j)) } }
                }[0]
            }
        }
        if topk >= 1 { selectAll = true }
        @inline(__always) func kept(_ models: [UnsafeMutableBufferPointer<W>], _ j: Int) -> Bool {
            selectAll || (!selectNone && variance(models, j) >= threshold)
        }
        // Calculate: each model's share of the mean squared (selected) update.
        var energy = [Double](repeating: 0, count: m)
        source.forEachChunk { range, _, models in
            for j in 0..<range.count where kept(models, j) {
                for i in 0..<m { energy[i] += Double(models[i][j]) * Double(models[i][j]) }
            }
        }
        let n = Double(max(source.count, 1))
        var means = energy.map { $0 / n }
        let total = means.reduce(0, +)
        means = total < 1e-6 ? [Double](repeating: 1 / Double(m), count: m) : means.map { $0 / total }
        let shares = means.map { W($0) }
        // Erase: sign election on the selected updates, weighted disjoint mean.
        try source.forEachChunk { range, base, models in
            try withOutput(range.count) { out in
                for j in 0..<range.count {
                    guard kept(models, j) else { out[j] = base[j]; continue }
                    var elect: W = 0
                    for i in 0..<m { elect = elect + models[i][j] }
                    let positive = elect >= 0
                    var merged: W = 0
                    var divisor: W = 0
                    var first = true
                    for i in 0..<m where positive ? models[i][j] > 0 : models[i][j] < 0 {
                        merged = first ? shares[i] * models[i][j] : merged + shares[i] * models[i][j]
                        divisor = first ? shares[i] : divisor + shares[i]
                        first = false
                    }
                    out[j] = base[j] + lambda * (merged / max(divisor, W(1e-6)))
                }
                try emit(range, UnsafeBufferPointer(out))
            }
        }
    }

    // MARK: SLERP

    private func slerp(_ emit: (Range<Int>, UnsafeBufferPointer<W>) throws -> Void) throws {
        let t = parameters.number("t")
        var norm0 = 0.0, norm1 = 0.0, dot = 0.0
        source.forEachChunk { range, base, models in
            for j in 0..<range.count {
                let a = Double(base[j]), b = Double(models[0][j])
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
        try source.forEachChunk { range, base, models in
            try withOutput(range.count) { out in
                for j in 0..<range.count { out[j] = c0 * base[j] + c1 * models[0][j] }
                try emit(range, UnsafeBufferPointer(out))
            }
        }
    }

    // MARK: Model Stock (chunks hold θᵢ, not δᵢ)

    private func modelStock(_ emit: (Range<Int>, UnsafeBufferPointer<W>) throws -> Void) throws {
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
        try source.forEachChunk { range, base, models in
            try withOutput(range.count) { out in
                for j in 0..<range.count {
                    let row = (range.lowerBound + j) / rowLength
                    var sum = models[0][j]
                    for i in 1..<m { sum = sum + models[i][j] }
                    out[j] = ratios[row] * (sum / count) + complements[row] * base[j]
                }
                try emit(range, UnsafeBufferPointer(out))
            }
        }
    }

    // MARK: RAM

    private func ram(_ emit: (Range<Int>, UnsafeBufferPointer<W>) throws -> Void) throws {
        let m = modelCount
        let epsilon = W(parameters.number("epsilon"))
        let lambda = W(parameters.number("lambda"))
        try source.forEachChunk { range, base, models in
            try withOutput(range.count) { out in
                for j in 0..<range.count {
                    var merged: W = 0
                    var changed = 0
                    for i in 0..<m where abs(models[i][j]) > epsilon {
                        merged = changed == 0 ? models[i][j] : merged + models[i][j]
                        changed += 1
                    }
                    out[j] = base[j] + lambda * (merged / W(max(changed, 1)))
                }
                try emit(range, UnsafeBufferPointer(out))
            }
        }
    }
}
