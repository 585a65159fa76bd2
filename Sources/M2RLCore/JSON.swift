import Foundation

/// JSON encoding shared by every m2rl command and library, so that outputs look alike:
/// snake_case keys come from each type's `CodingKeys`, keys are sorted, no slashes escaped.
public enum M2RLJSON {
    /// One line of JSON (no trailing newline).
    public static func line<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// Indented JSON for people.
    public static func pretty<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
