/// Builds a `Problem` straight from a parsed JSON object: the same fields, rules and
/// `DecodingError`s (with coding paths) as its `Decodable` conformance, without the generic
/// decoding machinery, which costs more than parsing the JSON itself on the dataset and score
/// paths.
extension Problem {
    /// - Throws: `DecodingError` naming the field path.
    public init(json fields: [String: JSONValue]) throws {
        let reader = FieldReader(fields: fields, path: [])
        self.init(
            id: try reader.required("id", \.string, "a string"),
            domain: try reader.required("domain", { $0.string.flatMap(Domain.init(rawValue:)) }, "one of math, code, science, instruction"),
            prompt: try reader.optional("prompt", \.string, "a string"),
            answer: try reader.optional("answer", \.string, "a string"),
            choices: try reader.optionalList("choices") { value, _ in value.string },
            tests: try reader.optionalObject("tests") { try CodeTests(json: $0) },
            instructions: try reader.optionalList("instructions") { value, inner in
                guard case .object(let object) = value else { return nil }
                return try Instruction(json: object, path: inner())
            },
            verifier: try reader.optionalObject("verifier") { VerifierSpec(json: $0.fields) }
        )
    }
}

extension CodeTests {
    init(json reader: FieldReader) throws {
        let reader = reader
        self.init(
            kind: try reader.required("kind", { $0.string.flatMap(Kind.init(rawValue:)) }, "one of stdio, call, assert, checker"),
            language: try reader.optional("language", \.string, "a string"),
            cases: try reader.optionalList("cases") { value, inner in
                guard case .object(let object) = value else { return nil }
                return try TestCase(json: object, path: inner)
            },
            fnName: try reader.optional("fn_name", \.string, "a string"),
            compare: try reader.optional("compare", \.string, "a string"),
            timeLimitS: try reader.optional("time_limit_s", \.number, "a number"),
            memoryLimitMb: try reader.optional("memory_limit_mb", \.int, "an integer"),
            code: try reader.optional("code", \.string, "a string"),
            entryPoint: try reader.optional("entry_point", \.string, "a string"),
            checker: try reader.optionalObject("checker") { inner in
                let inner = inner
                return CheckerProgram(language: try inner.required("language", \.string, "a string"),
                                      source: try inner.required("source", \.string, "a string"))
            },
            reward: try reader.optional("reward", \.string, "a string"),
            maxTests: try reader.optional("max_tests", \.int, "an integer"),
            seed: try reader.optional("seed", \.int, "an integer"),
            stopOnFailure: try reader.optional("stop_on_failure", \.bool, "a boolean")
        )
    }
}

extension TestCase {
    /// `path` is only built when a field is wrong.
    init(json fields: [String: JSONValue], path: () -> [CodingKey]) throws {
        func text(_ key: String) throws -> String? {
            switch fields[key] {
            case nil, .null?: return nil
            case .string(let s)?: return s
            default: throw FieldReader(fields: fields, path: path()).mismatch(key, "a string")
            }
        }
        self.init(input: try text("input"), output: try text("output"), args: fields["args"], expected: fields["expected"])
    }
}

extension Instruction {
    init(json fields: [String: JSONValue], path: [CodingKey]) throws {
        let reader = FieldReader(fields: fields, path: path)
        let kwargs: [String: JSONValue]?
        switch fields["kwargs"] {
        case nil, .null?: kwargs = nil
        case .object(let object)?: kwargs = object
        default: throw reader.mismatch("kwargs", "an object")
        }
        self.init(id: try reader.required("id", \.string, "a string"), kwargs: kwargs)
    }
}

extension VerifierSpec {
    init(json fields: [String: JSONValue]) {
        var options = fields
        let preset = options.removeValue(forKey: "preset")?.string
        self.init(preset: preset, options: options)
    }
}

/// Typed access to one JSON object's fields, throwing `DecodingError`s with the field's path.
struct FieldReader {
    let fields: [String: JSONValue]
    let path: [CodingKey]

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int?
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init(intValue: Int) {
            stringValue = "\(intValue)"
            self.intValue = intValue
        }
    }

    func mismatch(_ key: String, _ expected: String) -> DecodingError {
        let found = fields[key].map(\.kind) ?? "nothing"
        return .typeMismatch(Any.self, .init(codingPath: path + [Key(key)], debugDescription: "expected \(expected), found \(found)"))
    }

    func required<T>(_ key: String, _ convert: (JSONValue) -> T?, _ expected: String) throws -> T {
        guard let value = fields[key] else {
            throw DecodingError.keyNotFound(Key(key), .init(codingPath: path, debugDescription: "no key '\(key)'"))
        }
        if case .null = value {
            throw DecodingError.valueNotFound(T.self, .init(codingPath: path + [Key(key)], debugDescription: "expected \(expected), found null"))
        }
        guard let converted = convert(value) else { throw mismatch(key, expected) }
        return converted
    }

    /// Absent or null → nil; otherwise the value must convert.
    func optional<T>(_ key: String, _ convert: (JSONValue) -> T?, _ expected: String) throws -> T? {
        guard let value = fields[key] else { return nil }
        if case .null = value { return nil }
        guard let converted = convert(value) else { throw mismatch(key, expected) }
        return converted
    }

    func optionalObject<T>(_ key: String, _ build: (FieldReader) throws -> T) throws -> T? {
        guard let value = fields[key] else { return nil }
        if case .null = value { return nil }
        guard case .object(let object) = value else { throw mismatch(key, "an object") }
        return try build(FieldReader(fields: object, path: path + [Key(key)]))
    }

    /// A list field; `element` gets each item and a function that builds its path (only
    /// needed for an error, so only built then).
    func optionalList<T>(_ key: String, _ element: (JSONValue, () -> [CodingKey]) throws -> T?) throws -> [T]? {
        guard let value = fields[key] else { return nil }
        if case .null = value { return nil }
        guard case .array(let items) = value else { throw mismatch(key, "a list") }
        var result: [T] = []
        result.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            let itemPath = { path + [Key(key), Key(intValue: index)] }
            guard let converted = try element(item, itemPath) else {
                throw DecodingError.typeMismatch(T.self, .init(codingPath: itemPath(), debugDescription: "unexpected \(item.kind)"))
            }
            result.append(converted)
        }
        return result
    }
}

/// The inverse of `Problem(json:)`: the problem as a JSON object, with the keys and values its
/// `Encodable` conformance writes (absent optionals omitted), so `problem.json.jsonText` is the
/// line `M2RLJSON.line(problem)` gives, without `JSONEncoder` on the write path.
extension Problem {
    public var json: JSONValue {
        var o: [String: JSONValue] = ["id": .string(id), "domain": .string(domain.rawValue)]
        o["prompt"] = prompt.map(JSONValue.string)
        o["answer"] = answer.map(JSONValue.string)
        o["choices"] = choices.map { .array($0.map(JSONValue.string)) }
        o["tests"] = tests?.json
        o["instructions"] = instructions.map { list in
            .array(list.map { instruction in
                var i: [String: JSONValue] = ["id": .string(instruction.id)]
                i["kwargs"] = instruction.kwargs.map(JSONValue.object)
                return .object(i)
            })
        }
        if let verifier {
            var v = verifier.options
            if let preset = verifier.preset { v["preset"] = .string(preset) }
            o["verifier"] = .object(v)
        }
        return .object(o)
    }
}

extension CodeTests {
    var json: JSONValue {
        var o: [String: JSONValue] = ["kind": .string(kind.rawValue)]
        o["language"] = language.map(JSONValue.string)
        o["cases"] = cases.map { list in
            .array(list.map { test in
                var c: [String: JSONValue] = [:]
                c["input"] = test.input.map(JSONValue.string)
                c["output"] = test.output.map(JSONValue.string)
                c["args"] = test.args
                c["expected"] = test.expected
                return .object(c)
            })
        }
        o["fn_name"] = fnName.map(JSONValue.string)
        o["compare"] = compare.map(JSONValue.string)
        o["time_limit_s"] = timeLimitS.map(JSONValue.double)
        o["memory_limit_mb"] = memoryLimitMb.map(JSONValue.int)
        o["code"] = code.map(JSONValue.string)
        o["entry_point"] = entryPoint.map(JSONValue.string)
        o["checker"] = checker.map { .object(["language": .string($0.language), "source": .string($0.source)]) }
        o["reward"] = reward.map(JSONValue.string)
        o["max_tests"] = maxTests.map(JSONValue.int)
        o["seed"] = seed.map(JSONValue.int)
        o["stop_on_failure"] = stopOnFailure.map(JSONValue.bool)
        return .object(o)
    }
}
