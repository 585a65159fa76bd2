import Foundation
import M2RLCore
import M2RLTensors
import Yams

/// A merge configuration (mergekit's YAML, plus `shard_size` and `seed`), validated once.
///
/// Relative model paths are resolved against the config file's folder. Every problem (unknown
/// key, unknown method, a parameter the method does not take, a value out of range, a missing
/// required value) is collected and reported together, each with its key path.
public struct MergeConfig: Sendable {
    public struct Model: Sendable {
        /// The checkpoint folder, resolved.
        public var path: String
        /// Per-model parameters with the method's defaults filled in.
        public var parameters: [String: ParameterValue]
    }

    public var method: MergeMethod
    public var baseModel: String?
    public var models: [Model]
    /// Global parameters with the defaults filled in.
    public var parameters: [String: ParameterValue]
    /// The working type: F32 (default) or F64.
    public var dtype: DType
    /// The output type for floating tensors; nil keeps each tensor's base dtype.
    public var outDType: DType?
    /// Most tensor bytes per output shard.
    public var shardSize: Int
    public var seed: UInt64
    /// The YAML text, copied next to the output as `m2rl-merge.yaml`.
    public var text: String

    public static let defaultShardSize = 5_000_000_000

    /// TIES's magnitude trim over the whole model (`trim_scope: model`), which needs thresholds
    /// from a pass over every tensor before merging.
    public var trimsWholeModel: Bool {
        if case .taskArithmetic(.magnitude, _) = method.algorithm { return parameters["trim_scope"]?.choice == "model" }
        return false
    }

    public static func load(path: String) throws -> MergeConfig {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw MergeConfigError(problems: [(SourceLocation(file: path), "cannot read the file")])
        }
        let directory = (path as NSString).deletingLastPathComponent
        return try parse(yaml: String(decoding: data, as: UTF8.self), origin: path, directory: directory.isEmpty ? "." : directory)
    }

    /// - Parameters:
    ///   - origin: the file named in errors.
    ///   - directory: the folder relative model paths start from.
    public static func parse(yaml: String, origin: String, directory: String) throws -> MergeConfig {
        let root: Any?
        do {
            root = try Yams.load(yaml: yaml)
        } catch {
            throw MergeConfigError(problems: [(SourceLocation(file: origin), "not valid YAML: \(error)")])
        }
        var reader = ConfigReader(origin: origin, directory: directory)
        let config = reader.config(root, text: yaml)
        guard reader.problems.isEmpty, let config else {
            throw MergeConfigError(problems: reader.problems)
        }
        return config
    }
}

/// Every problem found in a merge configuration, each with its key path.
public struct MergeConfigError: M2RLError {
    public var problems: [(SourceLocation, String)]
    public var code: String { "merge_config_invalid" }
    public var description: String {
        problems.map { "invalid merge config \($0.0): \($0.1)" }.joined(separator: "\n")
    }
}

struct ConfigReader {
    let origin: String
    let directory: String
    var problems: [(SourceLocation, String)] = []

    mutating func problem(_ key: String, _ message: String) {
        problems.append((SourceLocation(file: origin, key: key), message))
    }

    func resolve(_ path: String) -> String {
        path.hasPrefix("/") ? path : (directory as NSString).appendingPathComponent(path)
    }

    mutating func config(_ root: Any?, text: String) -> MergeConfig? {
        let allowed = ["merge_method", "base_model", "models", "parameters", "dtype", "out_dtype", "shard_size", "seed", "tokenizer_source", "name"]
        guard let top = root as? [String: Any] else {
            problem("(top level)", "expected a mapping with merge_method, base_model, models, parameters")
            return nil
        }
        for key in top.keys.sorted() where !allowed.contains(key) {
            problem(key, "unknown key; the keys are: \(allowed.joined(separator: ", "))")
        }
        if let source = top["tokenizer_source"], (source as? String) != "base" {
            problem("tokenizer_source", "only `base` is supported: the tokenizer files are copied from the base model")
        }
        let methodNames = MergeMethod.all.map(\.name).joined(separator: ", ")
        guard let methodName = top["merge_method"] as? String else {
            problem("merge_method", "required: one of \(methodNames)")
            return nil
        }
        guard let method = MergeMethod.named(methodName) else {
            problem("merge_method", "unknown method \"\(methodName)\"; the methods are: \(methodNames)")
            return nil
        }

        var base: String? = nil
        if let value = top["base_model"] {
            if let path = modelPath(value, "base_model") { base = resolve(path) }
        } else if method.needsBase {
            problem("base_model", "required by \(method.name)")
        }

        var models: [MergeConfig.Model] = []
        let globalRaw = top["parameters"].map { $0 as? [String: Any] } ?? [:]
        if top["parameters"] != nil && globalRaw == nil {
            problem("parameters", "expected a mapping of parameter names to values")
        }
        let globals = parameters(globalRaw ?? [:], key: "parameters", specs: method.parameters, extra: method.modelParameters, fillDefaults: true)

        if let list = top["models"] as? [Any] {
            for (index, item) in list.enumerated() {
                let key = "models[\(index)]"
                guard let entry = item as? [String: Any] else {
                    if let path = item as? String {
                        models.append(.init(path: resolve(path), parameters: modelDefaults(method, globals: globals)))
                    } else {
                        problem(key, "expected {model: PATH, parameters: {...}}")
                    }
                    continue
                }
                for name in entry.keys.sorted() where !["model", "parameters"].contains(name) {
                    problem("\(key).\(name)", "unknown key; the keys are: model, parameters")
                }
                guard let path = modelPath(entry["model"], "\(key).model") else { continue }
                var raw: [String: Any] = [:]
                if let given = entry["parameters"] {
                    if let table = given as? [String: Any] { raw = table } else {
                        problem("\(key).parameters", "expected a mapping of parameter names to values")
                    }
                }
                var values = modelDefaults(method, globals: globals)
                for (name, value) in parameters(raw, key: "\(key).parameters", specs: method.modelParameters, extra: [], fillDefaults: false) {
                    values[name] = value
                }
                if let base, resolve(path) == base {
                    problem("\(key).model", "is the base model; list only the models merged into it")
                    continue
                }
                models.append(.init(path: resolve(path), parameters: values))
            }
        } else if top["models"] != nil {
            problem("models", "expected a list of {model: PATH, parameters: {...}}")
        } else {
            problem("models", "required: the models to merge")
        }
        if top["models"] is [Any], !method.models.contains(models.count) {
            let range = method.models.upperBound >= 1024 ? "at least \(method.models.lowerBound)" : method.models.lowerBound == method.models.upperBound ? "exactly \(method.models.lowerBound)" : "\(method.models.lowerBound) to \(method.models.upperBound)"
            problem("models", "\(method.name) takes \(range) model(s) besides the base; found \(models.count)")
        }

        var global: [String: ParameterValue] = [:]
        for spec in method.parameters {
            if let value = globals[spec.name] { global[spec.name] = value }
        }

        let dtype = dtypeValue(top["dtype"], "dtype", allowed: [.f32, .f64]) ?? .f32
        let outDType = dtypeValue(top["out_dtype"], "out_dtype", allowed: [.f32, .f16, .bf16, .f64])
        var shardSize = MergeConfig.defaultShardSize
        if let value = top["shard_size"] {
            if let size = byteSize(value), size > 0 { shardSize = size } else {
                problem("shard_size", "expected a positive size in bytes (e.g. 5GB, 500MiB, 1000000)")
            }
        }
        var seed: UInt64 = 0
        if let value = top["seed"] {
            if let int = value as? Int, int >= 0 { seed = UInt64(int) } else { problem("seed", "expected a non-negative integer") }
        }
        return MergeConfig(method: method, baseModel: base, models: models, parameters: global, dtype: dtype,
                           outDType: outDType, shardSize: shardSize, seed: seed, text: text)
    }

    func modelDefaults(_ method: MergeMethod, globals: [String: ParameterValue]) -> [String: ParameterValue] {
        var values: [String: ParameterValue] = [:]
        for spec in method.modelParameters {
            if let given = globals[spec.name] { values[spec.name] = given } else if let value = spec.defaultValue { values[spec.name] = value }
        }
        return values
    }

    mutating func modelPath(_ value: Any?, _ key: String) -> String? {
        guard let path = value as? String, !path.isEmpty else {
            problem(key, "expected the path of a checkpoint folder")
            return nil
        }
        return path
    }

    mutating func dtypeValue(_ value: Any?, _ key: String, allowed: [DType]) -> DType? {
        guard let value else { return nil }
        let names = allowed.compactMap(\.torchName).joined(separator: ", ")
        guard let text = value as? String, let dtype = DType(name: text), allowed.contains(dtype) else {
            problem(key, "expected one of \(names)")
            return nil
        }
        return dtype
    }

    func byteSize(_ value: Any) -> Int? {
        if let int = value as? Int { return int }
        guard let text = (value as? String)?.trimmingCharacters(in: .whitespaces) else { return nil }
        let units: [(String, Double)] = [("KiB", 1024), ("MiB", 1_048_576), ("GiB", 1_073_741_824), ("KB", 1e3), ("MB", 1e6), ("GB", 1e9), ("K", 1e3), ("M", 1e6), ("G", 1e9), ("B", 1)]
        for (suffix, scale) in units where text.hasSuffix(suffix) {
            guard let number = Double(text.dropLast(suffix.count).trimmingCharacters(in: .whitespaces)), number > 0 else { return nil }
            return Int(number * scale)
        }
        return Int(text)
    }

    /// Reads a parameter table against `specs` (and, at the top level, the per-model `extra`
    /// parameters, which there act as defaults for every model).
    mutating func parameters(_ raw: [String: Any], key: String, specs: [ParameterSpec], extra: [ParameterSpec], fillDefaults: Bool) -> [String: ParameterValue] {
        var values: [String: ParameterValue] = [:]
        let all = specs + extra
        for name in raw.keys.sorted() where !all.contains(where: { $0.name == name }) {
            let names = all.map(\.name).joined(separator: ", ")
            problem("\(key).\(name)", "not a parameter of this method; its parameters are: \(names.isEmpty ? "(none)" : names)")
        }
        for spec in all {
            if let given = raw[spec.name] {
                if let value = parameter(given, spec: spec, key: "\(key).\(spec.name)") { values[spec.name] = value }
            } else if fillDefaults && specs.contains(where: { $0.name == spec.name }) {
                if let value = spec.defaultValue { values[spec.name] = value } else if spec.required {
                    problem("\(key).\(spec.name)", "required")
                }
            }
        }
        return values
    }

    mutating func parameter(_ value: Any, spec: ParameterSpec, key: String) -> ParameterValue? {
        switch spec.kind {
        case .flag:
            guard let flag = value as? Bool else { problem(key, "expected true or false"); return nil }
            return .flag(flag)
        case .choice(let options):
            guard let text = value as? String, options.contains(text) else {
                problem(key, "expected one of: \(options.joined(separator: ", "))")
                return nil
            }
            return .choice(text)
        case .number(let range):
            return numberValue(value, range: range, key: key)
        }
    }

    mutating func numberValue(_ value: Any, range: ClosedRange<Double>, key: String) -> ParameterValue? {
        func number(_ item: Any, _ key: String) -> Double? {
            let number: Double
            if let int = item as? Int { number = Double(int) } else if let double = item as? Double { number = double } else {
                problem(key, "expected a number, a list of numbers (a gradient over layers) or a list of {filter, value}")
                return nil
            }
            guard range.contains(number), number.isFinite else {
                problem(key, "\(number) is out of range \(range.lowerBound)...\(range.upperBound)")
                return nil
            }
            return number
        }
        if let list = value as? [Any] {
            guard !list.isEmpty else { problem(key, "an empty list"); return nil }
            if list.allSatisfy({ $0 is [String: Any] }) {
                var entries: [(filter: String?, value: ParameterValue)] = []
                for (index, item) in list.enumerated() {
                    let entry = item as! [String: Any]
                    for name in entry.keys.sorted() where !["filter", "value"].contains(name) {
                        problem("\(key)[\(index)].\(name)", "unknown key; the keys are: filter, value")
                    }
                    var filter: String? = nil
                    if let given = entry["filter"] {
                        guard let text = given as? String, !text.isEmpty else {
                            problem("\(key)[\(index)].filter", "expected a non-empty string")
                            continue
                        }
                        filter = text
                    }
                    guard let raw = entry["value"] else { problem("\(key)[\(index)].value", "required"); continue }
                    if let inner = numberValue(raw, range: range, key: "\(key)[\(index)].value") {
                        entries.append((filter, inner))
                    }
                }
                return .filtered(entries)
            }
            var values: [Double] = []
            for (index, item) in list.enumerated() {
                if let v = number(item, "\(key)[\(index)]") { values.append(v) }
            }
            return values.count == list.count ? .gradient(values) : nil
        }
        return number(value, key).map { .number($0) }
    }
}
