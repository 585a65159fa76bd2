/// A parameter's value as the config gives it.
///
/// Numbers may vary by tensor: a list of numbers is a gradient across the layers, and a list of
/// `{filter, value}` chooses by the tensor's name (mergekit's forms).
public indirect enum ParameterValue: Sendable, Equatable {
    case number(Double)
    /// Values spread evenly over layers 0...L−1, interpolated linearly between them.
    case gradient([Double])
    /// The first entry whose filter occurs in the tensor name applies; a nil filter matches all.
    case filtered([(filter: String?, value: ParameterValue)])
    case flag(Bool)
    case choice(String)

    public static func == (lhs: ParameterValue, rhs: ParameterValue) -> Bool {
        switch (lhs, rhs) {
        case (.number(let a), .number(let b)): a == b
        case (.gradient(let a), .gradient(let b)): a == b
        case (.flag(let a), .flag(let b)): a == b
        case (.choice(let a), .choice(let b)): a == b
        case (.filtered(let a), .filtered(let b)):
            a.count == b.count && zip(a, b).allSatisfy { $0.filter == $1.filter && $0.value == $1.value }
        default: false
        }
    }

    /// The number for one tensor. `layer` is the N of `layers.N.` in its name (nil outside the
    /// layers, which take a gradient's first value); `layerCount` is the model's number of layers.
    /// Returns nil when no filtered entry matches.
    public func number(tensor: String, layer: Int?, layerCount: Int) -> Double? {
        switch self {
        case .number(let value):
            return value
        case .gradient(let values):
            guard let layer, values.count > 1, layerCount > 1 else { return values.first }
            let position = Double(layer) / Double(layerCount - 1) * Double(values.count - 1)
            let lower = min(Int(position.rounded(.down)), values.count - 1)
            let upper = min(lower + 1, values.count - 1)
            let fraction = position - Double(lower)
            return values[lower] * (1 - fraction) + values[upper] * fraction
        case .filtered(let entries):
            for entry in entries where entry.filter.map({ tensor.contains($0) }) ?? true {
                return entry.value.number(tensor: tensor, layer: layer, layerCount: layerCount)
            }
            return nil
        case .flag, .choice:
            return nil
        }
    }

    /// Whether the value is the same for every tensor.
    public var isUniform: Bool {
        switch self {
        case .number, .flag, .choice: true
        case .gradient(let values): Set(values).count <= 1
        case .filtered: false
        }
    }

    public var flag: Bool? {
        if case .flag(let value) = self { return value }
        return nil
    }

    public var choice: String? {
        if case .choice(let value) = self { return value }
        return nil
    }
}

/// The layer index in a tensor name (`model.layers.12.mlp...` → 12; also `h.12.`, `blocks.12.`).
public func layerIndex(of name: String) -> Int? {
    let parts = name.split(separator: ".")
    for (index, part) in parts.enumerated().dropLast() where ["layers", "h", "blocks", "layer"].contains(part) {
        if let value = Int(parts[index + 1]) { return value }
    }
    return nil
}
