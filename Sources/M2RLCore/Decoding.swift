import Foundation

/// A decoding error as one readable sentence with the key path (`tests.cases[2].input: expected
/// a string, found a number`; `missing key id`).
public func describeDecodingError(_ error: Error) -> String {
    guard let decoding = error as? DecodingError else { return "\(error)" }
    func path(_ keys: [CodingKey]) -> String {
        keys.isEmpty ? "(top level)" : keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            .trimmingCharacters(in: CharacterSet(charactersIn: "."))
    }
    switch decoding {
    case .keyNotFound(let key, let context):
        return "missing key \(path(context.codingPath + [key]))"
    case .typeMismatch(let type, let context):
        return context.debugDescription.hasPrefix("expected") ? "\(path(context.codingPath)): \(context.debugDescription)"
            : "\(path(context.codingPath)) should be \(type)"
    case .valueNotFound(let type, let context):
        return context.debugDescription.hasPrefix("expected") ? "\(path(context.codingPath)): \(context.debugDescription)"
            : "\(path(context.codingPath)) should be \(type), found null"
    case .dataCorrupted(let context):
        let underlying = (context.underlyingError as NSError?)?.userInfo["NSDebugDescription"] as? String
        return "\(path(context.codingPath)): \(underlying ?? context.debugDescription)"
    @unknown default:
        return "\(error)"
    }
}

/// SplitMix64 (Steele, Lea and Flood): a small, fast, seedable generator. m2rl uses it wherever
/// a result must not depend on the platform's random numbers (sample points, shuffles).
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
