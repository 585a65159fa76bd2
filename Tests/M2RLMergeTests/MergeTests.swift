import Foundation
import M2RLCore
import M2RLTensors
import Testing
import M2RLTestSupport
@testable import M2RLMerge

/// `x` cut to BF16's 8 significant bits (toward zero): a value BF16 and F32 both hold exactly.
func bf16(_ x: Float) -> Float { Float(bitPattern: x.bitPattern & 0xFFFF_0000) }

/// Builds small checkpoints in a temporary folder.
struct Workspace {
    let folder: String

    init(_ label: String) throws {
        folder = try TemporaryFolder.make("merge-\(label)")
    }

    /// Writes F32 tensors (name → (shape, values)) as a checkpoint `name` with a config.json.
    @discardableResult
    func checkpoint(_ name: String, _ tensors: [(String, [Int], [Float])], dtype: DType = .f32) throws -> String {
        let path = folder + "/" + name
        let writer = try CheckpointWriter(directory: path, tensors: tensors.map { .init(name: $0.0, dtype: dtype, shape: $0.1) }, shardSize: 1 << 30)
        for (tensorName, _, values) in tensors {
            var bytes = [UInt8](repeating: 0, count: values.count * dtype.size)
            bytes.withUnsafeMutableBytes { out in values.withUnsafeBufferPointer { TensorData.encode($0, as: dtype, into: out) } }
            try bytes.withUnsafeBytes { try writer.write(tensorName, bytes: $0) }
        }
        try writer.finish()
        try #"{"model_type": "test", "torch_dtype": "float32"}"#.write(toFile: path + "/config.json", atomically: true, encoding: .utf8)
        return path
    }

    func config(_ yaml: String) throws -> MergeConfig {
        try MergeConfig.parse(yaml: yaml, origin: "test.yaml", directory: folder)
    }

    func merge(_ yaml: String, jobs: Int = 1, chunkLimit: Int = 1 << 24,
               observeFused: (@Sendable (String, FusedTiesOutcome) -> Void)? = nil) throws -> [String: [Float]] {
        let output = folder + "/out-\(UInt32.random(in: 0...UInt32.max))"
        var options = MergeOptions(jobs: jobs, chunkLimit: chunkLimit)
        options.observeFused = observeFused
        _ = try Merger.run(try config(yaml), output: output, options: options)
        let result = try Checkpoint(path: output)
        var values: [String: [Float]] = [:]
        for entry in result.entries where entry.dtype.isFloatingPoint {
            var decoded = [Float](repeating: 0, count: entry.count)
            decoded.withUnsafeMutableBufferPointer { TensorData.decode(entry.bytes, entry.dtype, into: $0) }
            values[entry.name] = decoded
        }
        return values
    }
}

@Suite("Merge: configuration")
struct MergeConfigTests {
    @Test("every problem is reported at once, each with its key")
    func allProblems() throws {
        let space = try Workspace("config")
        let yaml = """
            merge_method: ties
            base_model: base
            colour: blue
            models:
              - model: a
                parameters: {weight: 1, density: 1.5, lambda: 2}
              - {model: b, extra: 1}
            parameters: {sign: majority}
            dtype: float8
            """
        #expect { try space.config(yaml) } throws: { error in
            let text = "\(error)"
            return text.contains("test.yaml: colour: unknown key")
                && text.contains("models[0].parameters.density: 1.5 is out of range 0.0...1.0")
                && text.contains("models[0].parameters.lambda: not a parameter of this method")
                && text.contains("models[1].extra: unknown key")
                && text.contains("parameters.sign: expected one of: sum, count")
                && text.contains("dtype: expected one of float32, float64")
        }
    }

    @Test("an unknown method lists the methods; slerp requires t and exactly one model")
    func methodRules() throws {
        let space = try Workspace("methods")
        #expect { try space.config("merge_method: average\nmodels: [a]") } throws: { "\($0)".contains("unknown method \"average\"; the methods are: linear, task_arithmetic, ties") }
        #expect { try space.config("merge_method: slerp\nbase_model: b\nmodels: [a, c]") } throws: { error in
            "\(error)".contains("parameters.t: required") && "\(error)".contains("slerp takes exactly 1 model(s) besides the base; found 2")
        }
        #expect { try space.config("merge_method: ties\nmodels: [a]") } throws: { "\($0)".contains("base_model: required by ties") }
    }

    @Test("defaults fill in; top-level per-model parameters are every model's default; paths resolve against the config")
    func defaults() throws {
        let space = try Workspace("defaults")
        let config = try space.config("""
            merge_method: dare_ties
            base_model: base
            models:
              - model: a
              - model: /abs/b
                parameters: {density: 0.3}
            parameters: {density: 0.7, weight: 2}
            shard_size: 2GiB
            seed: 9
            """)
        #expect(config.models.map(\.path) == [space.folder + "/a", "/abs/b"])
        #expect(config.models[0].parameters["density"] == .number(0.7))
        #expect(config.models[1].parameters["density"] == .number(0.3))
        #expect(config.models[1].parameters["weight"] == .number(2))
        #expect(config.parameters["rescale"] == .choice("inverse") && config.parameters["sign"] == .choice("sum"))
        #expect(config.parameters["lambda"] == .number(1) && config.parameters["normalize"] == .flag(false))
        #expect(config.shardSize == 2 * 1_073_741_824 && config.seed == 9)
    }

    @Test("gradients interpolate over layers; filters pick by name")
    func parameterForms() {
        let gradient = ParameterValue.gradient([0, 1, 0.5])
        #expect(gradient.number(tensor: "model.layers.0.x", layer: 0, layerCount: 5) == 0)
        #expect(gradient.number(tensor: "", layer: 1, layerCount: 5) == 0.5)
        #expect(gradient.number(tensor: "", layer: 2, layerCount: 5) == 1)
        #expect(gradient.number(tensor: "", layer: 3, layerCount: 5) == 0.75)
        #expect(gradient.number(tensor: "", layer: 4, layerCount: 5) == 0.5)
        #expect(gradient.number(tensor: "model.embed_tokens.weight", layer: nil, layerCount: 5) == 0)
        let filtered = ParameterValue.filtered([("self_attn", .number(0.2)), ("mlp", .gradient([0, 1])), (nil, .number(0.9))])
        #expect(filtered.number(tensor: "model.layers.3.self_attn.q_proj.weight", layer: 3, layerCount: 4) == 0.2)
        #expect(filtered.number(tensor: "model.layers.3.mlp.up_proj.weight", layer: 3, layerCount: 4) == 1)
        #expect(filtered.number(tensor: "lm_head.weight", layer: nil, layerCount: 4) == 0.9)
        #expect(layerIndex(of: "model.layers.12.mlp.down_proj.weight") == 12)
        #expect(layerIndex(of: "transformer.h.3.attn.c_attn.weight") == 3)
        #expect(layerIndex(of: "model.norm.weight") == nil)
    }
}

@Suite("Merge: methods")
struct MergeMethodTests {
    @Test("radix selection finds exact order statistics, ties included")
    func radixSelect() {
        var generator = SplitMix64(seed: 5)
        let values: [Float] = (0..<5000).map { _ in Float(Int.random(in: 0...300, using: &generator)) / 7 }
        let sorted = values.sorted(by: >)
        let ranks = [1, 2, 17, 2500, 4999, 5000]
        let found = RadixSelect<Float>.largest(ranks: ranks, magnitudes: false) { visit in values.withUnsafeBufferPointer { visit($0) } }
        #expect(found == ranks.map { sorted[$0 - 1] })
        let doubles = values.map { Double($0) * 1.5 }
        #expect(RadixSelect<Double>.largest(ranks: [10], magnitudes: false) { visit in doubles.withUnsafeBufferPointer { visit($0) } } == [doubles.sorted(by: >)[9]])
        // Magnitudes: the sign bit is ignored; split into chunks, the answer is the same.
        let signed = values.enumerated().map { $0.offset % 2 == 0 ? -$0.element : $0.element }
        let byChunks = RadixSelect<Float>.largest(ranks: ranks, magnitudes: true) { visit in
            signed.withUnsafeBufferPointer { all in
                for start in stride(from: 0, to: all.count, by: 777) { visit(UnsafeBufferPointer(rebasing: all[start..<min(all.count, start + 777)])) }
            }
        }
        #expect(byChunks == found)
        // Bracket-and-gather gives the same answers, on spread-out values and on heavy ties.
        let large: [Float] = (0..<200_000).map { _ in Float(Int.random(in: -3000...3000, using: &generator)) / 64 }
        let heavyTies: [Float] = (0..<100_000).map { j in j % 3 == 0 ? 0.5 : Float(j % 17) / 16 }
        let sparse: [Float] = (0..<100_000).map { j in j % 5 == 0 ? Float(j % 1001) / 1000 : 0 }
        for (data, mustBracket) in [(large, true), (heavyTies, false), (sparse, true)] {
            let magnitudes = data.map { abs($0) }.sorted(by: >)
            for rank in [1, 7, data.count / 5, data.count / 2, data.count - 1, data.count] {
                var select = MagnitudeSelect<Float>(count: data.count, rank: rank)
                data.withUnsafeBufferPointer { all in
                    let chunks = stride(from: 0, to: all.count, by: 30_000).map { $0..<min(all.count, $0 + 30_000) }
                    select.collect(sampled: select.sampleIndices.map { all[$0] })
                    select.bracket()
                    for chunk in chunks { select.gather(UnsafeBufferPointer(rebasing: all[chunk])) }
                }
                let quick = select.result()
                // nil sends the caller to radix selection (heavy ties overflow the gathered set).
                #expect(quick == magnitudes[rank - 1] || (!mustBracket && quick == nil), "rank \(rank) of \(data.count)")
            }
        }
    }

    @Test("quickselect finds the k-th largest on random, tied, sorted and organ-pipe inputs, and leaves them partitioned around it")
    func quickselect() {
        var generator = SplitMix64(seed: 9)
        let n = 20_000
        let inputs: [(String, [Float])] = [
            ("random", (0..<n).map { _ in Float.random(in: 0..<1, using: &generator) }),
            ("tied", (0..<n).map { _ in Float(Int.random(in: 0...5, using: &generator)) }),
            ("all equal", [Float](repeating: 0.25, count: n)),
            ("ascending", (0..<n).map { Float($0) }),
            ("descending", (0..<n).map { Float(n - $0) }),
            ("organ pipe", (0..<n).map { Float(min($0, n - $0)) }),
            ("short", [3, 1, 2]),
        ]
        for (name, values) in inputs {
            let sorted = values.sorted(by: >)
            for k in Set([0, 1, values.count / 5, values.count / 2, values.count - 2, values.count - 1].filter { $0 >= 0 }) {
                var copy = values
                let found = copy.withUnsafeMutableBufferPointer { MagnitudeSelect<Float>.largest(k, of: $0) }
                #expect(found == sorted[k], "\(name), k = \(k)")
                #expect(copy.sorted(by: >) == sorted, "\(name): the values are only reordered")
                #expect(copy[..<k].allSatisfy { $0 >= found } && copy[(k + 1)...].allSatisfy { $0 <= found },
                        "\(name), k = \(k): partitioned around k")
            }
        }
    }

    /// Base 0; three models' deltas chosen so trim, election and disjoint mean are checkable by hand.
    static func tinyModels(_ space: Workspace) throws {
        try space.checkpoint("base", [("layers.0.w", [2, 3], [0, 0, 0, 0, 0, 0])])
        try space.checkpoint("a", [("layers.0.w", [2, 3], [3, -1, 0.5, 2, 0, -4])])
        try space.checkpoint("b", [("layers.0.w", [2, 3], [-1, -2, 0.25, 2, 1, 4])])
        try space.checkpoint("c", [("layers.0.w", [2, 3], [-1, 1, 0, -6, 0, 1])])
    }

    @Test("task arithmetic, linear and TIES give the hand-computed values")
    func handComputed() throws {
        let space = try Workspace("hand")
        try MergeMethodTests.tinyModels(space)
        let ta = try space.merge("merge_method: task_arithmetic\nbase_model: base\nmodels: [{model: a, parameters: {weight: 0.5}}, b, c]\nparameters: {lambda: 2}")
        // λ · (0.5·a + b + c), entry by entry.
        let expectedTA: [Float] = [-1, -3, 1, -6, 2, 6]
        #expect(ta["layers.0.w"] == expectedTA)
        let linear = try space.merge("merge_method: linear\nmodels: [{model: a, parameters: {weight: 3}}, {model: b, parameters: {weight: 1}}]")
        #expect(linear["layers.0.w"] == [2, -1.25, 0.4375, 2, 0.25, -2])
        // TIES without trimming: elect the sign of the sum, average the agreeing entries.
        let ties = try space.merge("merge_method: ties\nbase_model: base\nmodels: [a, b, c]")
        #expect(ties["layers.0.w"] == [3, -1.5, 0.375, -6, 1, 2.5])
        // Density 0.5 keeps the 3 largest |δ| of each model (ties kept: c keeps 1, -6, 1 and -1).
        let trimmed = try space.merge("merge_method: ties\nbase_model: base\nmodels: [a, b, c]\nparameters: {density: 0.5, disjoint: count}")
        // a keeps 3, 2, -4; b keeps -2, 2, 4 (and -1, 1 tie below); c keeps -1, 1, -6, 1.
        let expectedTrim: [Float] = {
            let a: [Float] = [3, 0, 0, 2, 0, -4], b: [Float] = [0, -2, 0, 2, 0, 4], c: [Float] = [-1, 1, 0, -6, 0, 1]
            return (0..<6).map { j in
                let sum = a[j] + b[j] + c[j]
                let agreeing = [a[j], b[j], c[j]].filter { sum >= 0 ? $0 > 0 : $0 < 0 }
                return agreeing.isEmpty ? 0 : agreeing.reduce(0, +) / Float(agreeing.count)
            }
        }()
        #expect(trimmed["layers.0.w"] == expectedTrim)
    }

    @Test("SLERP interpolates the models themselves on the great circle (lerp when they are parallel)")
    func slerp() throws {
        let space = try Workspace("slerp")
        try space.checkpoint("base", [("w", [2], [1, 0]), ("p", [2], [1, 1])])
        try space.checkpoint("a", [("w", [2], [0, 2]), ("p", [2], [3, 3])])
        let half = try space.merge("merge_method: slerp\nbase_model: base\nmodels: [a]\nparameters: {t: 0.5}")
        // Orthogonal: ϑ = π/2, s₀ = s₁ = sin(π/4) / 1; the result is s₀·(1, 0) + s₁·(0, 2).
        let s = Float(sin(Double.pi / 4))
        #expect(half["w"] == [s * 1 + s * 0, s * 0 + s * 2])
        // Parallel: plain linear interpolation.
        #expect(half["p"] == [2, 2])
        let end = try space.merge("merge_method: slerp\nbase_model: base\nmodels: [a]\nparameters: {t: 1}")
        #expect(end["w"]!.map { abs($0) < 1e-7 ? 0 : $0 } == [0, 2])
    }

    @Test("RAM takes single changes as they are and averages shared ones")
    func ram() throws {
        let space = try Workspace("ram")
        try MergeMethodTests.tinyModels(space)
        let merged = try space.merge("merge_method: ram\nbase_model: base\nmodels: [a, b, c]")
        let third: Float = 1 / 3
        let expected: [Float] = [third, -2 / Float(3), 0.375, -2 / Float(3), 1, third]
        #expect(merged["layers.0.w"] == expected)
    }

    @Test("results do not depend on workers or chunking: DARE, whole-model TIES, breadcrumbs, SCE, model stock, TSV")
    func deterministic() throws {
        let space = try Workspace("determinism")
        var generator = SplitMix64(seed: 11)
        func random(_ n: Int) -> [Float] { (0..<n).map { _ in Float(Int.random(in: -500...500, using: &generator)) / 256 } }
        let shapes: [(String, [Int])] = [("model.layers.0.mlp.w", [24, 16]), ("model.layers.1.mlp.w", [24, 16]), ("model.norm.weight", [16]), ("model.embed_tokens.weight", [40, 16])]
        let base = shapes.map { ($0.0, $0.1, random($0.1.reduce(1, *))) }
        try space.checkpoint("base", base)
        for name in ["a", "b", "c"] {
            try space.checkpoint(name, base.map { tensor in (tensor.0, tensor.1, tensor.2.map { Bool.random(using: &generator) ? $0 : $0 + Float(Int.random(in: -40...40, using: &generator)) / 64 }) })
        }
        let configs = [
            "merge_method: dare_ties\nbase_model: base\nmodels: [a, b, c]\nparameters: {density: 0.4}\nseed: 3",
            "merge_method: dare_linear\nbase_model: base\nmodels: [a, b, c]\nparameters: {density: 0.6, rescale: l1}",
            "merge_method: ties\nbase_model: base\nmodels: [a, b, c]\nparameters: {density: 0.3, trim_scope: model}",
            "merge_method: breadcrumbs\nbase_model: base\nmodels: [a, b, c]\nparameters: {density: 0.5, gamma: 0.05}",
            "merge_method: sce\nbase_model: base\nmodels: [a, b, c]\nparameters: {select_topk: 0.5}",
            "merge_method: model_stock\nbase_model: base\nmodels: [a, b, c]\nparameters: {filter_wise: true}",
            "merge_method: tsv\nbase_model: base\nmodels: [a, b, c]",
        ]
        for yaml in configs {
            let one = try space.merge(yaml, jobs: 1)
            let chunked = try space.merge(yaml, jobs: 2, chunkLimit: 48)
            #expect(one == chunked, "\(yaml)")
        }
        // DARE keeps about `density` of the entries, each divided by it.
        let dare = try space.merge("merge_method: dare_linear\nbase_model: base\nmodels: [a]\nparameters: {density: 0.25}\nseed: 1")
        let a = try Checkpoint(path: space.folder + "/a")
        for (name, shape, baseValues) in base where shape.count == 2 {
            let entry = try #require(a.entry(name))
            var values = [Float](repeating: 0, count: entry.count)
            values.withUnsafeMutableBufferPointer { TensorData.decode(entry.bytes, entry.dtype, into: $0) }
            let merged = try #require(dare[name])
            var kept = 0, changed = 0
            for j in values.indices where values[j] != baseValues[j] {
                changed += 1
                let delta = values[j] - baseValues[j]
                if merged[j] != baseValues[j] {
                    kept += 1
                    #expect(merged[j] == baseValues[j] + delta / 0.25)
                }
            }
            let share = Double(kept) / Double(changed)
            #expect(abs(share - 0.25) < 0.15, "\(name): kept \(kept) of \(changed)")
        }
    }

    @Test("an embedding with more rows is cut, with fewer is completed from the base; other shape differences are errors")
    func shapes() throws {
        let space = try Workspace("shapes")
        try space.checkpoint("base", [("model.embed_tokens.weight", [2, 2], [1, 1, 1, 1]), ("w", [2], [0, 0])])
        try space.checkpoint("a", [("model.embed_tokens.weight", [3, 2], [2, 2, 2, 2, 9, 9]), ("w", [2], [1, 1])])
        try space.checkpoint("b", [("model.embed_tokens.weight", [1, 2], [3, 3]), ("w", [2], [1, 1])])
        let merged = try space.merge("merge_method: task_arithmetic\nbase_model: base\nmodels: [a, b]")
        #expect(merged["model.embed_tokens.weight"] == [4, 4, 2, 2])
        try space.checkpoint("bad", [("model.embed_tokens.weight", [2, 2], [1, 1, 1, 1]), ("w", [3], [0, 0, 0]), ("extra", [1], [0])])
        #expect { try space.merge("merge_method: task_arithmetic\nbase_model: base\nmodels: [bad]") } throws: { error in
            "\(error)".contains("tensor \"w\" has shape [3], the base's is [2]") && "\(error)".contains("tensor \"extra\" is not in the base")
        }
    }

    /// The same BF16-exact values stored as BF16 and as F32. A 41,580-entry matrix is past the
    /// size sampled whole, so TIES over the BF16 copies takes the fused loop with thresholds found
    /// while merging (1 to 4 models), or bracket counts from the stored bits (5); over the F32
    /// copies, the general path (chunk buffers, gather pass). Rows of 99 values put chunk starts
    /// off multiples of 8. The experts: "few ulps" updates (discrete magnitudes, where the
    /// sample's guess is the threshold), dense relative noise (distinct magnitudes: the guess
    /// misses and entries are merged again), one whose largest 40 % share one magnitude, which
    /// overfills a bracket at density 0.41 (the fallback), and one with NaN and infinite updates.
    @Test("TIES over BF16 inputs, fused, equals the general path over the same values in F32, bit for bit, by every way to its thresholds")
    func fusedTies() throws {
        let space = try Workspace("fused")
        var generator = SplitMix64(seed: 29)
        let rows = 420, columns = 99, n = rows * columns
        // Log-uniform magnitudes; two entries in five are 0.
        let base = (0..<n).map { j -> Float in
            j % 5 < 2 ? 0 : bf16(Float.random(in: -1...1, using: &generator) * exp2(Float.random(in: -10...0, using: &generator)))
        }
        let norm = (0..<columns).map { _ in bf16(Float.random(in: 0.5...1.5, using: &generator)) }
        func ulps(_ share: Double) -> [Float] {
            base.map { b in
                guard Double.random(in: 0..<1, using: &generator) < share else { return b }
                return Float(bitPattern: b.bitPattern &+ (UInt32.random(in: 1...3, using: &generator) << 16))
            }
        }
        func noise(_ size: Float) -> [Float] {
            base.map { b in b == 0 ? bf16(Float.random(in: -size...size, using: &generator) / 64) : bf16(b * (1 + Float.random(in: -size...size, using: &generator))) }
        }
        let special: [Float] = [.nan, .infinity, -.infinity]
        let experts: [(String, [Float])] = [
            ("a", ulps(0.1)), ("b", noise(0.1)), ("c", ulps(0.3)), ("d", noise(0.02)),
            ("e", base.map { b in b == 0 ? (Bool.random(using: &generator) ? 4 : -4) : bf16(b * (1 + Float.random(in: -0.05...0.05, using: &generator))) }),
            ("f", noise(0.05).enumerated().map { $0.offset % 997 == 5 ? special[$0.offset % 3] : $0.element }),
        ]
        for (name, values) in [("base", base)] + experts {
            let ownNorm = name == "base" ? norm : norm.map { bf16($0 + Float.random(in: -0.01...0.01, using: &generator)) }
            for dtype in [DType.bf16, .f32] {
                try space.checkpoint("\(name)-\(dtype.rawValue)", [("model.layers.0.mlp.w", [rows, columns], values), ("model.norm.weight", [columns], ownNorm)], dtype: dtype)
            }
        }
        // Each config names the experts with a suffix: the BF16 or the F32 copies.
        let configs: [(String) -> String] = [
            { s in "models: [a\(s), b\(s), c\(s)]\nparameters: {density: 0.2}" },
            { s in "models: [{model: a\(s), parameters: {weight: 0.7, density: 0.3}}, {model: b\(s), parameters: {weight: 1.3, density: 0.1}}]\nparameters: {sign: count, disjoint: count, lambda: 0.8}" },
            { s in "models: [b\(s)]\nparameters: {density: 0.25, normalize: false}" },
            { s in "models: [a\(s), b\(s), c\(s), d\(s)]\nparameters: {density: 0.15, lambda: 1.1}" },
            { s in "models: [a\(s), b\(s), c\(s), d\(s), e\(s)]\nparameters: {density: 0.3}" },
            { s in "models: [e\(s), b\(s)]\nparameters: {density: 0.41}" },
            { s in "models: [{model: a\(s), parameters: {density: 1}}, {model: b\(s), parameters: {density: 0}}, {model: d\(s), parameters: {density: 0.2}}]" },
            { s in "models: [a\(s), c\(s), d\(s)]\nparameters: {density: 0.2, trim_scope: model}" },
            { s in "models: [{model: a\(s), parameters: {weight: 0}}, {model: b\(s), parameters: {weight: -0.5, density: 0.3}}, c\(s)]\nparameters: {density: 0.25}" },
            { s in "models: [f\(s), a\(s)]\nparameters: {density: 0.2}" },
            { s in "models: [f\(s), d\(s)]\nparameters: {density: 0.00003}" },
        ]
        /// How the fused path found the matrix's thresholds, per config.
        final class Outcomes: @unchecked Sendable {
            let lock = NSLock()
            var seen: [FusedTiesOutcome] = []
            func add(_ outcome: FusedTiesOutcome) { lock.lock(); seen.append(outcome); lock.unlock() }
        }
        var ways: [[FusedTiesOutcome]] = []
        for config in configs {
            func named(_ dtype: DType) -> String {
                "merge_method: ties\nbase_model: base-\(dtype.rawValue)\n" + config("-\(dtype.rawValue)") + (dtype == .f32 ? "\nout_dtype: bfloat16" : "")
            }
            let outcomes = Outcomes()
            let fused = try space.merge(named(.bf16), jobs: 2, chunkLimit: 1 << 12) { name, outcome in
                if name == "model.layers.0.mlp.w" { outcomes.add(outcome) }
            }
            ways.append(outcomes.seen)
            let general = try space.merge(named(.f32), jobs: 2, chunkLimit: 1 << 12)
            for name in ["model.layers.0.mlp.w", "model.norm.weight"] {
                let x = try #require(fused[name]), y = try #require(general[name])
                #expect(x.map(\.bitPattern) == y.map(\.bitPattern), "\(named(.bf16)): \(name)")
            }
            // The merge did something: the matrix is not the base.
            #expect(fused["model.layers.0.mlp.w"] != base, "\(named(.bf16))")
        }
        // Every way to the thresholds was taken: the four 1-4-model configs with a dense expert
        // refine their guesses, five models take the general path, the overfull bracket falls
        // back, the ulp-sized experts' guesses hold, model-wide thresholds are exact before the
        // pass, and a NaN-holding expert refines (k = 1 at the tiny density falls back).
        #expect(ways[0..<4].allSatisfy { $0 == [.refined] }, "\(ways)")
        #expect(ways[4].isEmpty && ways[5] == [.fallback] && ways[6] == [.guessed] && ways[7] == [.exact], "\(ways)")
        #expect(ways[9] == [.refined] && ways[10] == [.fallback], "\(ways)")
    }

    /// Task arithmetic over BF16 inputs decodes as it goes (one loop over up to three models,
    /// one per model after); over F32 copies of the same values it fills chunk buffers. Both
    /// must give the same bits, for every model count, weights of 1 and not, λ and normalize.
    @Test("task arithmetic over BF16 inputs equals the general path over the same values in F32, bit for bit")
    func plainTaskArithmetic() throws {
        let space = try Workspace("plain-ta")
        var generator = SplitMix64(seed: 31)
        let rows = 130, columns = 77, n = rows * columns
        let base = (0..<n).map { _ in bf16(Float.random(in: -1...1, using: &generator) * exp2(Float.random(in: -8...0, using: &generator))) }
        for (name, values) in [("base", base)] + (1...5).map({ i in
            ("m\(i)", base.map { b in Bool.random(using: &generator) ? b : bf16(b + Float.random(in: -0.01...0.01, using: &generator)) })
        }) {
            for dtype in [DType.bf16, .f32] {
                try space.checkpoint("\(name)-\(dtype.rawValue)", [("model.layers.0.mlp.w", [rows, columns], values)], dtype: dtype)
            }
        }
        // The BF16 copies take the decode-as-it-goes path; the F32 copies cannot.
        func source(_ dtype: DType) throws -> TensorSource<Float> {
            let entry = { (name: String) in try #require(try Checkpoint(path: space.folder + "/\(name)-\(dtype.rawValue)").entry("model.layers.0.mlp.w")) }
            return TensorSource<Float>(base: try entry("base"), models: try (1...5).map { try entry("m\($0)") }, asDeltas: true, chunkLimit: 1 << 12)
        }
        #expect(try source(.bf16).bf16Inputs != nil)
        #expect(try source(.f32).bf16Inputs == nil)
        let configs: [(String) -> String] = [
            { s in "models: [m1\(s)]" },
            { s in "models: [{model: m1\(s), parameters: {weight: 0.5}}, m2\(s)]\nparameters: {lambda: 0.7}" },
            { s in "models: [m1\(s), m2\(s), m3\(s)]\nparameters: {normalize: true}" },
            { s in "models: [m1\(s), m2\(s), {model: m3\(s), parameters: {weight: -0.3}}, m4\(s)]\nparameters: {lambda: 1.3}" },
            { s in "models: [m1\(s), m2\(s), m3\(s), m4\(s), {model: m5\(s), parameters: {weight: 2}}]\nparameters: {normalize: true, lambda: 0.9}" },
        ]
        for config in configs {
            func named(_ dtype: DType) -> String {
                "merge_method: task_arithmetic\nbase_model: base-\(dtype.rawValue)\n" + config("-\(dtype.rawValue)") + (dtype == .f32 ? "\nout_dtype: bfloat16" : "")
            }
            let plain = try #require(try space.merge(named(.bf16), jobs: 2, chunkLimit: 1 << 12)["model.layers.0.mlp.w"])
            let general = try #require(try space.merge(named(.f32), jobs: 2, chunkLimit: 1 << 12)["model.layers.0.mlp.w"])
            #expect(plain.map(\.bitPattern) == general.map(\.bitPattern), "\(named(.bf16))")
            #expect(plain != base, "\(named(.bf16))")
        }
    }
}

@Suite("Merge: analysis")
struct AnalysisTests {
    @Test("counts, norms, ranks, overlap and conflicts on hand-made updates")
    func counts() throws {
        let space = try Workspace("analysis")
        try space.checkpoint("base", [("model.layers.0.w", [2, 2], [1, 1, 1, 1])])
        // a: +1 at 0, +1e-6 at 1 (within 1e-5, not updated). b: -1 at 0 (a conflict), +2 at 3.
        try space.checkpoint("a", [("model.layers.0.w", [2, 2], [2, 1.000001, 1, 1])])
        try space.checkpoint("b", [("model.layers.0.w", [2, 2], [0, 1, 1, 3])])
        let report = try Analysis.run(base: space.folder + "/base", models: [space.folder + "/a", space.folder + "/b"])
        let a = try #require(report["models"]?.array?[0])
        #expect(a["unchanged"]?.int == 2 && a["within_1e-5"]?.int == 3 && a["updated"]?.int == 1)
        let tensor = try #require(a["tensors"]?.array?.first)
        #expect(tensor["rank"]?.int == 1)
        let pair = try #require(report["pairs"]?.array?.first)
        #expect(pair["both_updated"]?.int == 1 && pair["either_updated"]?.int == 2 && pair["sign_conflicts"]?.int == 1)
        #expect(pair["jaccard"]?.number == 0.5)
        #expect(pair["jaccard_random"]?.number == 0.25 * 0.5 / (0.25 + 0.5 - 0.125))
        let expectedCosine = (1.0 * -1 + Double(Float(1.000001) - 1) * 0) / ((1 + pow(Double(Float(1.000001) - 1), 2)).squareRoot() * 5.0.squareRoot())
        #expect(abs((pair["cosine"]?.number ?? 9) - expectedCosine) < 1e-12)
        let layers = try #require(a["layers"]?.array)
        #expect(layers.count == 1 && layers[0]["updated"]?.int == 1)
    }

    /// Every number in two reports: counts must be equal, reals within `tolerance` (relative).
    static func agree(_ x: JSONValue, _ y: JSONValue, tolerance: Double, at path: String = "") -> [String] {
        switch (x, y) {
        case (.object(let a), .object(let b)):
            guard Set(a.keys) == Set(b.keys) else { return ["\(path): keys differ"] }
            return a.keys.sorted().flatMap { agree(a[$0]!, b[$0]!, tolerance: tolerance, at: path + "." + $0) }
        case (.array(let a), .array(let b)):
            guard a.count == b.count else { return ["\(path): lengths differ"] }
            return zip(a, b).enumerated().flatMap { agree($0.element.0, $0.element.1, tolerance: tolerance, at: path + "[\($0.offset)]") }
        case (.double(let a), .double(let b)):
            return abs(a - b) <= tolerance * max(abs(a), abs(b)) ? [] : ["\(path): \(a) vs \(b)"]
        default:
            return x == y ? [] : ["\(path): \(x) vs \(y)"]
        }
    }

    /// Chunks of up to 2¹⁵ entries, of up to 7 (chunks are whole rows: 7 entries for the 1-D
    /// tensor, one row of 250 or 9 for the matrices; all leave tails to the eight-lane sums) and
    /// of whole tensors, on one worker and on two: counts agree exactly, sums (norms, cosines)
    /// to rounding. Values themselves are checked by `counts` and the NumPy conformance script.
    @Test("counts do not depend on workers or chunking; norms and cosines only in the last bits")
    func chunking() throws {
        let space = try Workspace("analysis-chunks")
        var generator = SplitMix64(seed: 5)
        let shapes: [(String, [Int])] = [("model.layers.0.mlp.w", [300, 250]), ("model.layers.1.mlp.w", [33, 9]), ("model.norm.weight", [250])]
        let base = shapes.map { ($0.0, $0.1, (0..<$0.1.reduce(1, *)).map { _ in Float.random(in: -1...1, using: &generator) }) }
        try space.checkpoint("base", base, dtype: .bf16)
        for name in ["a", "b", "c"] {
            try space.checkpoint(name, base.map { tensor in
                (tensor.0, tensor.1, tensor.2.map { Int.random(in: 0..<3, using: &generator) == 0 ? $0 + Float.random(in: -0.05...0.05, using: &generator) : $0 })
            }, dtype: .bf16)
        }
        let models = ["a", "b", "c"].map { space.folder + "/" + $0 }
        let reference = try Analysis.run(base: space.folder + "/base", models: models, options: AnalysisOptions(jobs: 1))
        for options in [AnalysisOptions(jobs: 2), AnalysisOptions(jobs: 2, chunkLimit: 7), AnalysisOptions(jobs: 1, chunkLimit: 1 << 20)] {
            let report = try Analysis.run(base: space.folder + "/base", models: models, options: options)
            let differences = Self.agree(reference, report, tolerance: options.chunkLimit == AnalysisOptions().chunkLimit ? 0 : 1e-12)
            #expect(differences.isEmpty, "chunks of \(options.chunkLimit), \(options.jobs) jobs: \(differences.prefix(5))")
        }
        // Something was updated, and the pairs overlap: the comparison is not of zeros.
        let updated = reference["models"]?.array?.compactMap { $0["updated"]?.int } ?? []
        #expect(updated.count == 3 && updated.allSatisfy { $0 > 10_000 }, "\(updated)")
        #expect((reference["pairs"]?.array?.first?["cosine"]?.number ?? 0) != 0)
    }
}
