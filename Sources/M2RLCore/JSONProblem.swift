import Foundation

/// A canonical Problem read straight from the bytes of one JSON record, without building the
/// record's `[String: JSONValue]` first: on the dataset path that object (its hashed keys, its
/// boxed values, then `Problem(json:)` looking every field up) costs more than the strings
/// themselves.
///
/// This is only a shortcut, never a second definition: it answers nil — and the caller takes the
/// general path, `JSONValue.parse` then `Problem(json:)`, whose result or error is the reference —
/// as soon as the record is anything but a well-formed canonical Problem whose keys are all known
/// and unescaped, each once. When it does answer, the general path gives the same Problem: the
/// same text is accepted (strings are read and checked for UTF-8 by the general reader, fields of free shape such
/// as `args` or `kwargs` go through the general reader at the depth it would see them, so its
/// 512-level bound and duplicate-key refusal hold), and each field is converted by the same rule
/// (`JSONValue.number`, `.int`, the enums' raw values, `VerifierSpec(json:)`).
extension Problem {
    /// - Parameter bytes: one JSON text (a JSON Lines record), UTF-8; white space around it allowed.
    /// - Returns: the Problem, or nil when the general path must decide (not canonical, an error,
    ///   an unknown or escaped key, a duplicate key).
    public init?(canonicalLine bytes: UnsafeRawBufferPointer) {
        let text = bytes.bindMemory(to: UInt8.self)
        var reader = JSONText.Reader(bytes: text)
        defer { reader.scratch?.deallocate() }
        do {
            reader.skipSpace()
            self = try reader.canonicalProblem()
            reader.skipSpace()
            guard reader.position == text.count else { return nil }
        } catch {
            return nil
        }
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// Whether these bytes are `name`'s UTF-8 (a key compared without making a String).
    fileprivate func `is`(_ name: StaticString) -> Bool {
        count == name.utf8CodeUnitCount && memcmp(baseAddress!, name.utf8Start, count) == 0
    }
}

/// Why the shortcut gave up; never seen outside this file.
private struct NotShortcut: Error {}

extension JSONText.Reader {
    /// The next byte, or 0 at the end.
    fileprivate var peek: UInt8 { position < bytes.count ? bytes[position] : 0 }

    /// Reads `{ "key": value, ... }`, handing each key's bytes to `member`, which must read the
    /// value. Keys with escapes stop the shortcut (they may spell a known key).
    fileprivate mutating func members(_ member: (inout Self, UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        guard peek == UInt8(ascii: "{") else { throw NotShortcut() }
        position += 1
        skipSpace()
        if peek == UInt8(ascii: "}") { position += 1; return }
        while true {
            skipSpace()
            guard peek == UInt8(ascii: "\"") else { throw NotShortcut() }
            let start = position + 1
            position = scanToSpecial(from: start)
            guard peek == UInt8(ascii: "\"") else { throw NotShortcut() }
            let key = UnsafeBufferPointer(rebasing: bytes[start..<position])
            position += 1
            skipSpace()
            guard peek == UInt8(ascii: ":") else { throw NotShortcut() }
            position += 1
            skipSpace()
            try member(&self, key)
            skipSpace()
            if peek == UInt8(ascii: ",") { position += 1; continue }
            if peek == UInt8(ascii: "}") { position += 1; return }
            throw NotShortcut()
        }
    }

    /// Reads `[ item, ... ]`, calling `item` for each element.
    fileprivate mutating func elements(_ item: (inout Self) throws -> Void) throws {
        guard peek == UInt8(ascii: "[") else { throw NotShortcut() }
        position += 1
        skipSpace()
        if peek == UInt8(ascii: "]") { position += 1; return }
        while true {
            skipSpace()
            try item(&self)
            skipSpace()
            if peek == UInt8(ascii: ",") { position += 1; continue }
            if peek == UInt8(ascii: "]") { position += 1; return }
            throw NotShortcut()
        }
    }

    /// `null` (nil) or an array whose items `item` reads.
    fileprivate mutating func optionalArray<T>(_ item: (inout Self) throws -> T) throws -> [T]? {
        if try null() { return nil }
        var items: [T] = []
        try elements { items.append(try item(&$0)) }
        return items
    }

    /// `null` (true) or not (false, nothing read).
    fileprivate mutating func null() throws -> Bool {
        guard peek == UInt8(ascii: "n") else { return false }
        _ = try literal("null", .null)
        return true
    }

    /// A string; anything else stops the shortcut.
    fileprivate mutating func requiredString() throws -> String {
        guard peek == UInt8(ascii: "\"") else { throw NotShortcut() }
        return try string()
    }

    /// A string or null (nil), as `FieldReader.optional(_, \.string, _)` reads it.
    fileprivate mutating func optionalString() throws -> String? {
        try null() ? nil : requiredString()
    }

    /// Marks `bit` as seen; a second time is a duplicate key, which the general path refuses.
    fileprivate static func once(_ seen: inout UInt32, _ bit: UInt32) throws {
        guard seen & bit == 0 else { throw NotShortcut() }
        seen |= bit
    }

    /// The top-level object (depth 1, as `value(depth: 0)` would enter it).
    fileprivate mutating func canonicalProblem() throws -> Problem {
        var seen: UInt32 = 0
        var id: String?
        var domain: Domain?
        var problem = Problem(id: "", domain: .math)
        try members { r, key in
            switch key.count {
            case 2 where key.is("id"):
                try Self.once(&seen, 1)
                id = try r.requiredString()
            case 6 where key.is("domain"):
                try Self.once(&seen, 2)
                guard let named = Domain(rawValue: try r.requiredString()) else { throw NotShortcut() }
                domain = named
            case 6 where key.is("prompt"):
                try Self.once(&seen, 4)
                problem.prompt = try r.optionalString()
            case 6 where key.is("answer"):
                try Self.once(&seen, 8)
                problem.answer = try r.optionalString()
            case 7 where key.is("choices"):
                try Self.once(&seen, 16)
                problem.choices = try r.optionalArray { try $0.requiredString() }
            case 5 where key.is("tests"):
                try Self.once(&seen, 32)
                if try r.null() { break }
                problem.tests = try r.codeTests()
            case 12 where key.is("instructions"):
                try Self.once(&seen, 64)
                problem.instructions = try r.optionalArray { try $0.instruction() }
            case 8 where key.is("verifier"):
                try Self.once(&seen, 128)
                if try r.null() { break }
                guard case .object(let fields) = try r.value(depth: 1) else { throw NotShortcut() }
                problem.verifier = VerifierSpec(json: fields)
            default:
                throw NotShortcut()
            }
        }
        guard let id, let domain else { throw NotShortcut() }
        problem.id = id
        problem.domain = domain
        return problem
    }

    /// `tests` (an object at depth 2), as `CodeTests(json:)` reads it.
    fileprivate mutating func codeTests() throws -> CodeTests {
        var seen: UInt32 = 0
        var kind: CodeTests.Kind?
        var tests = CodeTests(kind: .stdio)
        /// A number or integer field: the general reader's value, the same accessor.
        func scalar<T>(_ r: inout Self, _ convert: (JSONValue) -> T?) throws -> T? {
            let value = try r.value(depth: 2)
            if case .null = value { return nil }
            guard let converted = convert(value) else { throw NotShortcut() }
            return converted
        }
        try members { r, key in
            switch String(decoding: key, as: UTF8.self) {
            case "kind":
                try Self.once(&seen, 1)
                guard let named = CodeTests.Kind(rawValue: try r.requiredString()) else { throw NotShortcut() }
                kind = named
            case "language": try Self.once(&seen, 2); tests.language = try r.optionalString()
            case "cases":
                try Self.once(&seen, 4)
                tests.cases = try r.optionalArray { try $0.testCase() }
            case "fn_name": try Self.once(&seen, 8); tests.fnName = try r.optionalString()
            case "compare": try Self.once(&seen, 16); tests.compare = try r.optionalString()
            case "time_limit_s": try Self.once(&seen, 32); tests.timeLimitS = try scalar(&r, \.number)
            case "memory_limit_mb": try Self.once(&seen, 64); tests.memoryLimitMb = try scalar(&r, \.int)
            case "code": try Self.once(&seen, 128); tests.code = try r.optionalString()
            case "entry_point": try Self.once(&seen, 256); tests.entryPoint = try r.optionalString()
            case "checker":
                try Self.once(&seen, 512)
                if try r.null() { break }
                var language: String?
                var source: String?
                var inner: UInt32 = 0
                try r.members { r, key in
                    switch String(decoding: key, as: UTF8.self) {
                    case "language": try Self.once(&inner, 1); language = try r.requiredString()
                    case "source": try Self.once(&inner, 2); source = try r.requiredString()
                    default: throw NotShortcut()
                    }
                }
                guard let language, let source else { throw NotShortcut() }
                tests.checker = CheckerProgram(language: language, source: source)
            case "reward": try Self.once(&seen, 1024); tests.reward = try r.optionalString()
            case "max_tests": try Self.once(&seen, 2048); tests.maxTests = try scalar(&r, \.int)
            case "seed": try Self.once(&seen, 4096); tests.seed = try scalar(&r, \.int)
            case "stop_on_failure": try Self.once(&seen, 8192); tests.stopOnFailure = try scalar(&r, \.bool)
            default: throw NotShortcut()
            }
        }
        guard let kind else { throw NotShortcut() }
        tests.kind = kind
        return tests
    }

    /// One element of `tests.cases` (an object at depth 4), as `TestCase(json:)` reads it:
    /// `args` and `expected` are kept as written, null included.
    fileprivate mutating func testCase() throws -> TestCase {
        var seen: UInt32 = 0
        var test = TestCase()
        try members { r, key in
            switch key.count {
            case 5 where key.is("input"): try Self.once(&seen, 1); test.input = try r.optionalString()
            case 6 where key.is("output"): try Self.once(&seen, 2); test.output = try r.optionalString()
            case 4 where key.is("args"): try Self.once(&seen, 4); test.args = try r.value(depth: 4)
            case 8 where key.is("expected"): try Self.once(&seen, 8); test.expected = try r.value(depth: 4)
            default: throw NotShortcut()
            }
        }
        return test
    }

    /// One element of `instructions` (an object at depth 3), as `Instruction(json:)` reads it.
    fileprivate mutating func instruction() throws -> Instruction {
        var seen: UInt32 = 0
        var id: String?
        var kwargs: [String: JSONValue]?
        try members { r, key in
            switch key.count {
            case 2 where key.is("id"): try Self.once(&seen, 1); id = try r.requiredString()
            case 6 where key.is("kwargs"):
                try Self.once(&seen, 2)
                switch try r.value(depth: 3) {
                case .null: kwargs = nil
                case .object(let object): kwargs = object
                default: throw NotShortcut()
                }
            default: throw NotShortcut()
            }
        }
        guard let id else { throw NotShortcut() }
        return Instruction(id: id, kwargs: kwargs)
    }
}
