import Foundation

/// Any JSON value: call-test arguments and expected values, verifier options, result details.
///
/// Numbers keep the distinction the text made: `3` is `.int`, `3.0` and `1e3` are `.double`,
/// and an integer too large for 64 bits is kept as `.double`.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public subscript(key: String) -> JSONValue? {
        if case .object(let dict) = self { return dict[key] }
        return nil
    }

    public var string: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    public var number: Double? {
        switch self {
        case .int(let i): Double(i)
        case .double(let d): d
        default: nil
        }
    }

    public var int: Int? {
        switch self {
        case .int(let i): i
        case .double(let d) where d == d.rounded() && abs(d) < 9e15: Int(d)
        default: nil
        }
    }

    public var bool: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    public var array: [JSONValue]? {
        if case .array(let a) = self { return a }
        return nil
    }

    /// Compact JSON text (keys sorted), the same text `M2RLJSON.line` gives.
    public var jsonText: String {
        JSONText.write(self)
    }

    /// Parses JSON text (RFC 8259; at most 512 levels of nesting).
    /// - Throws: an error naming the byte offset and the problem.
    public static func parse(_ text: String) throws -> JSONValue {
        try JSONText.parse(text)
    }

    /// Parses JSON from UTF-8 bytes.
    /// - Throws: a syntax error; `JSONValue.isInvalidUTF8(error)` tells a string that is not
    ///   valid UTF-8 from other problems.
    public static func parse(bytes: UnsafeRawBufferPointer) throws -> JSONValue {
        try JSONText.parse(bytes: bytes.bindMemory(to: UInt8.self))
    }

    /// Whether a parse error was a string with malformed UTF-8.
    public static func isInvalidUTF8(_ error: Error) -> Bool {
        (error as? JSONText.SyntaxError)?.message == JSONText.invalidUTF8
    }

    /// For a parse error that was a repeated key: the key (unescaped) and the nesting depth of
    /// its object, 1 for the top-level object.
    public static func duplicateKey(_ error: Error) -> (key: String, depth: Int)? {
        (error as? JSONText.SyntaxError)?.duplicate
    }

    /// Whether `bytes` are well-formed UTF-8.
    public static func isValidUTF8(_ bytes: UnsafeRawBufferPointer) -> Bool {
        UTF8Text.validate(bytes.bindMemory(to: UInt8.self)) != .malformed
    }
}

extension JSONValue: Codable {
    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            self = .null
        } else if let b = try? c.decode(Bool.self) {
            self = .bool(b)
        } else if let i = try? c.decode(Int.self) {
            self = .int(i)
        } else if let d = try? c.decode(Double.self) {
            self = .double(d)
        } else if let s = try? c.decode(String.self) {
            self = .string(s)
        } else if let a = try? c.decode([JSONValue].self) {
            self = .array(a)
        } else if let o = try? c.decode([String: JSONValue].self) {
            self = .object(o)
        } else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "not a JSON value")
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .bool(let b): try c.encode(b)
        case .int(let i): try c.encode(i)
        case .double(let d):
            if d.isFinite { try c.encode(d) } else { try c.encode(String(d)) }
        case .string(let s): try c.encode(s)
        case .array(let a): try c.encode(a)
        case .object(let o): try c.encode(o)
        }
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { $1 }))
    }
    public init(nilLiteral: ()) { self = .null }
}
extension JSONValue {
    /// The JSON type's name, for error messages.
    var kind: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .int, .double: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
