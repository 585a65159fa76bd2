/// The merge methods, declared as data: each is a name, its parameters (with defaults and
/// ranges) and the algorithm family that runs it. The formulas are in docs/merge.md.
public struct MergeMethod: Sendable {
    /// How task vectors are sparsified before they are combined.
    public enum Sparsification: String, Sendable {
        /// Keep the largest magnitudes (TIES's trim).
        case magnitude
        /// Keep each entry with probability `density` (DARE).
        case random
        /// Drop the largest `gamma` fraction, keep the next `density` (Model Breadcrumbs).
        case breadcrumbs
    }

    /// The algorithm family.
    public enum Algorithm: Sendable {
        /// Σ wᵢθᵢ (/ Σ wᵢ).
        case linear
        /// θ₀ + λ·combine(sparsify(δᵢ)), with or without sign election (TIES's consensus).
        case taskArithmetic(sparsification: Sparsification?, consensus: Bool)
        case sce
        case tsv
        case slerp
        case modelStock
        case ram
    }

    public var name: String
    public var prettyName: String
    public var reference: String
    public var algorithm: Algorithm
    /// Global parameters (`parameters:` at the top level).
    public var parameters: [ParameterSpec]
    /// Per-model parameters (`models[i].parameters`).
    public var modelParameters: [ParameterSpec]
    /// Whether `base_model` is required (every method but `linear`).
    public var needsBase: Bool
    /// The fewest and most models besides the base.
    public var models: ClosedRange<Int>

    /// Every method, by name.
    public static let all: [MergeMethod] = {
        let weight = ParameterSpec.number("weight", default: 1, range: -1e6...1e6)
        let density = ParameterSpec.number("density", default: 1, range: 0...1)
        let lambda = ParameterSpec.number("lambda", default: 1, range: -1e6...1e6)
        let sign = ParameterSpec.choice("sign", default: "sum", ["sum", "count"])
        let disjoint = ParameterSpec.choice("disjoint", default: "weight", ["weight", "count"])
        let rescale = ParameterSpec.choice("rescale", default: "inverse", ["inverse", "l1", "none"])
        let gamma = ParameterSpec.number("gamma", default: 0.01, range: 0...1)
        let many = 1...1024
        func gta(_ name: String, _ pretty: String, _ reference: String, _ sparsification: Sparsification?, consensus: Bool,
                 normalize: Bool, global extra: [ParameterSpec] = [], perModel: [ParameterSpec]) -> MergeMethod {
            var globals = [lambda, .flag("normalize", default: normalize)] + extra
            if consensus { globals += [sign, disjoint] }
            return MergeMethod(name: name, prettyName: pretty, reference: reference,
                               algorithm: .taskArithmetic(sparsification: sparsification, consensus: consensus),
                               parameters: globals, modelParameters: perModel, needsBase: true, models: many)
        }
        return [
            MergeMethod(name: "linear", prettyName: "Linear (weighted average)", reference: "https://arxiv.org/abs/2203.05482",
                        algorithm: .linear, parameters: [.flag("normalize", default: true)], modelParameters: [weight],
                        needsBase: false, models: many),
            gta("task_arithmetic", "Task Arithmetic", "https://arxiv.org/abs/2212.04089", nil, consensus: false,
                normalize: false, perModel: [weight]),
            gta("ties", "TIES", "https://arxiv.org/abs/2306.01708", .magnitude, consensus: true, normalize: true,
                global: [.choice("trim_scope", default: "tensor", ["tensor", "model"])], perModel: [weight, density]),
            gta("dare_linear", "DARE (linear)", "https://arxiv.org/abs/2311.03099", .random, consensus: false,
                normalize: false, global: [rescale], perModel: [weight, density]),
            gta("dare_ties", "DARE (TIES)", "https://arxiv.org/abs/2311.03099", .random, consensus: true,
                normalize: false, global: [rescale], perModel: [weight, density]),
            gta("breadcrumbs", "Model Breadcrumbs", "https://arxiv.org/abs/2312.06795", .breadcrumbs, consensus: false,
                normalize: false, perModel: [weight, density, gamma]),
            gta("breadcrumbs_ties", "Model Breadcrumbs with TIES", "https://arxiv.org/abs/2312.06795", .breadcrumbs,
                consensus: true, normalize: false, perModel: [weight, density, gamma]),
            MergeMethod(name: "sce", prettyName: "SCE (select, calculate, erase)", reference: "https://arxiv.org/abs/2408.07990",
                        algorithm: .sce, parameters: [.number("select_topk", default: 1, range: 0...1), lambda],
                        modelParameters: [], needsBase: true, models: many),
            MergeMethod(name: "tsv", prettyName: "Task Singular Vectors (TSV-Merge)", reference: "https://arxiv.org/abs/2412.00081",
                        algorithm: .tsv, parameters: [.number("alpha", default: 1, range: -1e6...1e6),
                                                      .number("sv_reduction", default: nil, range: 0...1)],
                        modelParameters: [], needsBase: true, models: many),
            MergeMethod(name: "slerp", prettyName: "Spherical linear interpolation", reference: "https://en.wikipedia.org/wiki/Slerp",
                        algorithm: .slerp, parameters: [.number("t", default: nil, range: -1e3...1e3, required: true)],
                        modelParameters: [], needsBase: true, models: 1...1),
            MergeMethod(name: "model_stock", prettyName: "Model Stock", reference: "https://arxiv.org/abs/2403.19522",
                        algorithm: .modelStock, parameters: [.flag("filter_wise", default: false)],
                        modelParameters: [], needsBase: true, models: 2...1024),
            MergeMethod(name: "ram", prettyName: "Reinforced Agent Merging", reference: "https://arxiv.org/abs/2601.13572",
                        algorithm: .ram, parameters: [.number("epsilon", default: 1e-5, range: 0...1e6), lambda],
                        modelParameters: [], needsBase: true, models: many),
        ]
    }()

    public static func named(_ name: String) -> MergeMethod? {
        all.first { $0.name == name }
    }
}

/// One parameter a method accepts: its name, kind, default and range.
public struct ParameterSpec: Sendable {
    public enum Kind: Sendable {
        /// A number (or a per-layer gradient, or filtered values) within a range.
        case number(ClosedRange<Double>)
        case flag
        case choice([String])
    }

    public var name: String
    public var kind: Kind
    /// The default when the config does not give the parameter; nil means none (the method
    /// derives one, or `required` is set).
    public var defaultValue: ParameterValue?
    public var required: Bool

    static func number(_ name: String, default value: Double?, range: ClosedRange<Double>, required: Bool = false) -> ParameterSpec {
        ParameterSpec(name: name, kind: .number(range), defaultValue: value.map { .number($0) }, required: required)
    }

    static func flag(_ name: String, default value: Bool) -> ParameterSpec {
        ParameterSpec(name: name, kind: .flag, defaultValue: .flag(value), required: false)
    }

    static func choice(_ name: String, default value: String, _ options: [String]) -> ParameterSpec {
        ParameterSpec(name: name, kind: .choice(options), defaultValue: .choice(value), required: false)
    }
}
