/// Parses a normalised answer (LaTeX or plain text) into a `MathNode`.
///
/// Bounds: at most `maxLength` characters (longer answers are not parsed), `MathLexer.maxTokens`
/// tokens and `maxDepth` levels of nesting; every loop consumes a token, so parsing is linear in
/// the input and cannot hang.
///
/// Grammar, loosest binding first: list (`,` `;`) → relation chain (`= < ≤ > ≥ ≠`, `\in`) →
/// union (`\cup`) → sum (`+ − ± ∓`) → product (`* / \cdot \times \div`, implicit
/// juxtaposition) → unary sign → postfix (`^`, `!`, `%`) → primary (number, letter, `\frac`,
/// `\sqrt`, functions, brackets, sets, intervals, matrices, `|x|`, `\text`).
struct MathParser {
    static let maxLength = 1_000
    static let maxDepth = 48

    struct Failure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    private var tokens: [MathToken]
    private var position = 0
    private var depth = 0
    private var absDepth = 0
    private var trigDepth = 0

    init(tokens: [MathToken]) {
        self.tokens = tokens
    }

    /// Parses one answer. - Throws: `Failure` naming the problem.
    static func parse(_ text: String) throws -> MathNode {
        guard text.unicodeScalars.count <= maxLength else {
            throw Failure(message: "answer longer than \(maxLength) characters")
        }
        let tokens: [MathToken]
        do { tokens = try MathLexer.tokenize(text) } catch let failure as MathLexer.Failure {
            throw Failure(message: failure.message)
        }
        guard !tokens.isEmpty else { throw Failure(message: "empty answer") }
        var parser = MathParser(tokens: tokens)
        let node = try parser.parseList(until: nil)
        guard parser.position == parser.tokens.count else {
            throw Failure(message: "unexpected \(parser.describe(parser.tokens[parser.position]))")
        }
        return node
    }

    // MARK: - Token access

    private var current: MathToken? { position < tokens.count ? tokens[position] : nil }

    private func peek(_ offset: Int) -> MathToken? {
        position + offset < tokens.count ? tokens[position + offset] : nil
    }

    private mutating func advance() { position += 1 }

    private mutating func accept(_ token: MathToken) -> Bool {
        if current == token {
            position += 1
            return true
        }
        return false
    }

    private mutating func expect(_ token: MathToken) throws {
        guard accept(token) else {
            throw Failure(message: "expected \(describe(token)), found \(current.map(describe) ?? "the end")")
        }
    }

    private func describe(_ token: MathToken) -> String {
        switch token {
        case .number(let n): return "number \(n)"
        case .letter(let l): return "'\(l)'"
        case .word(let w): return "text '\(w)'"
        case .command(let c): return "\\\(c)"
        case .begin(let e): return "\\begin{\(e)}"
        case .end(let e): return "\\end{\(e)}"
        case .symbol(let s): return "'\(s)'"
        case .relation(let r): return "'\(r.rawValue)'"
        case .setOpen: return "'\\{'"
        case .setClose: return "'\\}'"
        case .rowBreak: return "'\\\\'"
        case .plusMinus: return "'±'"
        case .minusPlus: return "'∓'"
        }
    }

    private mutating func nest<T>(_ body: (inout MathParser) throws -> T) throws -> T {
        depth += 1
        defer { depth -= 1 }
        guard depth <= MathParser.maxDepth else { throw Failure(message: "nested deeper than \(MathParser.maxDepth) levels") }
        return try body(&self)
    }

    private func isCloser(_ token: MathToken?, _ closers: [MathToken]) -> Bool {
        guard let token else { return true }
        return closers.contains(token)
    }

    // MARK: - Grammar

    /// Comma- or semicolon-separated items up to one of `closers` (or the end). One item is
    /// itself; several are a set, as in math-verify (`1, 2` is {1, 2}).
    private mutating func parseList(until closers: [MathToken]?) throws -> MathNode {
        let closers = closers ?? []
        var items: [MathNode] = []
        while true {
            if isCloser(current, closers) || current == .symbol(",") || current == .symbol(";") {
                // An empty item (`1,,2`, trailing comma): skip it.
                if current == .symbol(",") || current == .symbol(";") { advance(); continue }
                break
            }
            items.append(try nest { try $0.parseRelation(closers: closers) })
            if current == .symbol(",") || current == .symbol(";") { advance() } else { break }
        }
        guard !items.isEmpty else { throw Failure(message: "empty expression") }
        return items.count == 1 ? items[0] : .set(items)
    }

    private mutating func parseRelation(closers: [MathToken]) throws -> MathNode {
        var operands = [try parseUnion()]
        var operators: [RelationOperator] = []
        while true {
            if case .relation(let op) = current {
                advance()
                operators.append(op)
                operands.append(try parseUnion())
            } else if current == .command("in") {
                // `x \in S`: the answer is S.
                advance()
                guard operands.count == 1, operands[0].isSymbolsOnly else { throw Failure(message: "unexpected \\in") }
                return try parseUnion()
            } else if current == .symbol(":"), operands.count == 1, operands[0].isSymbolsOnly {
                // `x: 3` reads like an assignment.
                advance()
                operators.append(.equal)
                operands.append(try parseUnion())
            } else {
                break
            }
        }
        return operators.isEmpty ? operands[0] : .relation(operands, operators)
    }

    private mutating func parseUnion() throws -> MathNode {
        var parts = [try parseSum()]
        while accept(.command("cup")) { parts.append(try parseSum()) }
        return parts.count == 1 ? parts[0] : .union(parts)
    }

    private mutating func parseSum() throws -> MathNode {
        var terms: [MathNode] = [try parseTerm()]
        var plusMinus: MathNode?
        while let token = current {
            switch token {
            case .symbol("+"):
                advance()
                terms.append(try parseTerm())
            case .symbol("-"):
                advance()
                terms.append(.negate(try parseTerm()))
            case .plusMinus, .minusPlus:
                advance()
                guard plusMinus == nil else { throw Failure(message: "more than one ± in a sum") }
                let base: MathNode = terms.count == 1 ? terms[0] : .sum(terms)
                plusMinus = .plusMinus(base: base, try parseTerm())
                terms = []
            default:
                return finishSum(terms, plusMinus)
            }
        }
        return finishSum(terms, plusMinus)
    }

    private func finishSum(_ terms: [MathNode], _ plusMinus: MathNode?) -> MathNode {
        if let plusMinus {
            guard case .plusMinus(let base, let offset) = plusMinus, !terms.isEmpty else { return plusMinus }
            // `a ± b + c` is a + c ± b.
            return .plusMinus(base: .sum([base!] + terms), offset)
        }
        return terms.count == 1 ? terms[0] : .sum(terms)
    }

    private mutating func parseTerm() throws -> MathNode {
        var node = try parseUnary()
        var factors: [MathNode] = []
        func flush(_ node: MathNode, _ factors: [MathNode]) -> MathNode {
            factors.isEmpty ? node : .product(factors + [node])
        }
        while let token = current {
            if token == .symbol("*") {
                advance()
                factors.append(node)
                node = try parseUnary()
            } else if token == .symbol("/") {
                advance()
                let left = flush(node, factors)
                factors = []
                node = .quotient(left, try parseUnary())
            } else if startsImplicitFactor(token) {
                let next = try parsePostfix()
                if let mixed = MathParser.mixedNumber(node, next) {
                    node = mixed
                } else {
                    factors.append(node)
                    node = next
                }
            } else {
                break
            }
        }
        return flush(node, factors)
    }

    /// `2\frac{1}{2}` is the mixed number 5/2 (and `-2\frac{1}{2}` is −5/2): an integer literal
    /// written right before a fraction of two non-negative integer literals.
    static func mixedNumber(_ whole: MathNode, _ fraction: MathNode) -> MathNode? {
        guard case .quotient(.number(let p, false), .number(let q, false)) = fraction,
              p.isInteger, q.isInteger, !q.isZero, let part = p.dividing(by: q) else { return nil }
        switch whole {
        case .number(let a, false) where a.isInteger:
            return a.adding(part).map { .number($0, decimal: false) }
        case .negate(.number(let a, false)) where a.isInteger:
            return a.adding(part).map { .negate(.number($0, decimal: false)) }
        default:
            return nil
        }
    }

    /// Whether `token` can begin a factor written right after another (`2x`, `3\sqrt{2}`,
    /// `x(x+1)`, `2|x|`).
    private func startsImplicitFactor(_ token: MathToken) -> Bool {
        switch token {
        case .number, .letter, .word: return true
        case .symbol("("): return true
        case .symbol("|"): return absDepth == 0
        case .command(let name): return !MathParser.infixCommands.contains(name)
        case .begin: return true
        default: return false
        }
    }

    /// Commands that never begin a factor: infix operators and closing delimiters.
    static let infixCommands: Set<String> = [
        "cup", "in", "cap", "to", "rightarrow", "Rightarrow", "implies", "over", "choose", "rfloor", "rceil", "degree",
    ]

    private mutating func parseUnary() throws -> MathNode {
        try nest { parser in
            if parser.accept(.symbol("-")) { return .negate(try parser.parseUnary()) }
            if parser.accept(.symbol("+")) { return try parser.parseUnary() }
            if parser.accept(.plusMinus) || parser.accept(.minusPlus) {
                // `\pm 4/3` is ±(4/3): the sign takes the whole term.
                return .plusMinus(base: nil, try parser.parseTerm())
            }
            return try parser.parsePostfix()
        }
    }

    /// The number of tokens of a degree mark at the cursor (`^\circ`, `^{\circ}`, `°`), if any.
    private func degreeMark() -> Int? {
        if current == .command("degree") { return 1 }
        guard current == .symbol("^") else { return nil }
        if peek(1) == .command("degree") { return 2 }
        if peek(1) == .symbol("{"), peek(2) == .command("degree"), peek(3) == .symbol("}") { return 4 }
        return nil
    }

    private mutating func parsePostfix() throws -> MathNode {
        var node = try parsePrimary()
        while let token = current {
            if let marks = degreeMark() {
                // `30^\circ`, `30°`: a unit, dropped, except inside a trigonometric function,
                // where it converts to radians (`\sin 30^\circ` = 1/2).
                position += marks
                if trigDepth > 0 { node = .product([node, .quotient(.constant(.pi), .number(Rational(180), decimal: false))]) }
            } else if token == .symbol("^") {
                advance()
                node = .power(node, try parseScript())
            } else if token == .symbol("!") {
                advance()
                node = .factorial(node)
            } else if token == .symbol("%") {
                advance()
                node = .percent(node)
            } else if token == .symbol("'") {
                advance() // a prime mark: f'(x) reads as f(x)
            } else {
                break
            }
        }
        return node
    }

    /// A superscript or subscript: `{...}`, or one signed primary (`2^10`, `x^-1`, `e^x`).
    private mutating func parseScript() throws -> MathNode {
        try nest { parser in
            if parser.accept(.symbol("{")) {
                let inner = try parser.parseList(until: [.symbol("}")])
                try parser.expect(.symbol("}"))
                return inner
            }
            if parser.accept(.symbol("-")) { return .negate(try parser.parseScriptAtom()) }
            if parser.accept(.symbol("+")) { return try parser.parseScriptAtom() }
            return try parser.parseScriptAtom()
        }
    }

    private mutating func parseScriptAtom() throws -> MathNode {
        // `x^\frac12`, `2^\pi`, `2^(n+1)`, `e^{...}`, `x^2`.
        var node = try parsePrimary()
        while current == .symbol("!") { advance(); node = .factorial(node) }
        return node
    }

    private mutating func parsePrimary() throws -> MathNode {
        try nest { parser in try parser.parsePrimaryBody() }
    }

    private mutating func parsePrimaryBody() throws -> MathNode {
        guard let token = current else { throw Failure(message: "expression ends too early") }
        switch token {
        case .number(let text):
            advance()
            guard let value = Rational(decimal: Substring(text)) else { throw Failure(message: "bad number \(text)") }
            return .number(value, decimal: text.contains(".") || text.contains("e"))
        case .letter(let name):
            advance()
            return try parseSymbol(name)
        case .word(let word):
            advance()
            return .text(word)
        case .symbol("("), .symbol("["):
            return try parseBracketed()
        case .symbol("{"):
            return try parseBraceGroup()
        case .setOpen:
            advance()
            if accept(.setClose) { return .set([]) }
            let inner = try parseList(until: [.setClose])
            try expect(.setClose)
            if case .set(let items) = inner { return .set(items) }
            return .set([inner])
        case .symbol("|"):
            advance()
            absDepth += 1
            defer { absDepth -= 1 }
            let inner = try parseSum()
            try expect(.symbol("|"))
            return .function(.abs, [inner])
        case .begin(let env):
            advance()
            return try parseEnvironment(env)
        case .command(let name):
            advance()
            return try parseCommand(name)
        default:
            throw Failure(message: "unexpected \(describe(token))")
        }
    }

    /// A letter, with an optional subscript: `x_1`, `a_{n}`. `e` is Euler's number and `i` the
    /// imaginary unit, as in math answers they almost always are.
    private mutating func parseSymbol(_ name: String) throws -> MathNode {
        if accept(.symbol("_")) {
            let sub = try parseScript()
            return .symbol("\(name)_\(sub)")
        }
        switch name {
        case "e": return .constant(.e)
        case "i": return .constant(.i)
        default: return .symbol(name)
        }
    }

    /// `( ... )` or `[ ... ]`, closed by either bracket: grouping (one item), an interval (two
    /// items), a tuple (three or more).
    private mutating func parseBracketed() throws -> MathNode {
        let opener = current!
        advance()
        let closers: [MathToken] = [.symbol(")"), .symbol("]")]
        let inner = try parseList(until: closers)
        guard let closer = current, closers.contains(closer) else {
            throw Failure(message: "missing closing bracket")
        }
        advance()
        let items: [MathNode]
        if case .set(let list) = inner { items = list } else { items = [inner] }
        switch items.count {
        case 1:
            guard opener == .symbol("(") ? closer == .symbol(")") : closer == .symbol("]") else {
                throw Failure(message: "mismatched brackets around one item")
            }
            return items[0]
        case 2:
            return .interval(items[0], items[1], leftOpen: opener == .symbol("("), rightOpen: closer == .symbol(")"))
        default:
            return .tuple(items)
        }
    }

    /// A braced argument `{...}`, or a single token (`\frac12`: the digits are split one by one,
    /// as TeX reads them).
    private mutating func parseArgument() throws -> MathNode {
        if current == .symbol("{") { return try parseBraceGroup() }
        guard let token = current else { throw Failure(message: "missing argument") }
        if case .number(let text) = token, text.count > 1 {
            let first = String(text.first!)
            tokens[position] = .number(String(text.dropFirst()))
            guard let value = Rational(decimal: Substring(first)) else { throw Failure(message: "bad digit") }
            return .number(value, decimal: false)
        }
        return try parsePrimary()
    }

    /// `{...}`, where `{a \over b}` is a/b and `{n \choose k}` a binomial coefficient.
    private mutating func parseBraceGroup() throws -> MathNode {
        try expect(.symbol("{"))
        let closers: [MathToken] = [.symbol("}"), .command("over"), .command("choose")]
        let first = try parseList(until: closers)
        var node = first
        if current == .command("over") || current == .command("choose") {
            let isChoose = current == .command("choose")
            advance()
            let second = try parseList(until: [.symbol("}")])
            node = isChoose ? .function(.binomial, [first, second]) : .quotient(first, second)
        }
        try expect(.symbol("}"))
        return node
    }

    private static let functions: [String: MathFunction] = [
        "sin": .sin, "cos": .cos, "tan": .tan, "cot": .cot, "sec": .sec, "csc": .csc,
        "arcsin": .arcsin, "arccos": .arccos, "arctan": .arctan, "sinh": .sinh, "cosh": .cosh, "tanh": .tanh,
        "ln": .ln, "exp": .exp, "log": .log, "lg": .log,
    ]

    private mutating func parseCommand(_ name: String) throws -> MathNode {
        switch name {
        case "frac":
            let numerator = try parseArgument()
            let denominator = try parseArgument()
            return .quotient(numerator, denominator)
        case "binom", "choose":
            let n = try parseArgument()
            let k = try parseArgument()
            return .function(.binomial, [n, k])
        case "sqrt":
            var index: MathNode = .number(Rational(2), decimal: false)
            if accept(.symbol("[")) {
                index = try parseList(until: [.symbol("]")])
                try expect(.symbol("]"))
            }
            if current == .symbol("(") {
                // `\sqrt(2)`: not TeX, but meant as √2.
                return .root(try parseBracketed(), index: index)
            }
            return .root(try parseArgument(), index: index)
        case "pi": return .constant(.pi)
        case "reals": return .interval(.negate(.constant(.infinity)), .constant(.infinity), leftOpen: true, rightOpen: true)
        case "sum", "prod": return try parseSeries(product: name == "prod")
        case "infty": return .constant(.infinity)
        case "emptyset": return .set([])
        case "lfloor", "lceil":
            let closer = name == "lfloor" ? "rfloor" : "rceil"
            let inner = try parseSum()
            try expect(.command(closer))
            return .function(name == "lfloor" ? .floor : .ceil, [inner])
        case "exponentialE": return .constant(.e)
        default:
            break
        }
        if let function = MathParser.functions[name] { return try parseFunction(function, name: name) }
        throw Failure(message: "unsupported command \\\(name)")
    }

    /// `\sum_{k=1}^{10} k^2`: the index `k = a` below, the bound above (either order), and the
    /// summand: the term that follows.
    private mutating func parseSeries(product: Bool) throws -> MathNode {
        var lower: MathNode?
        var upper: MathNode?
        for _ in 0..<2 {
            if accept(.symbol("_")) { lower = try parseScript() } else if accept(.symbol("^")) { upper = try parseScript() }
        }
        guard case .relation(let sides, let ops)? = lower, ops == [.equal], case .symbol(let variable) = sides[0], let upper else {
            throw Failure(message: "\\\(product ? "prod" : "sum") needs _{k=a}^{b}")
        }
        let body = try parseTerm()
        return .series(product: product, variable: variable, from: sides[1], to: upper, body: body)
    }

    /// `\sin x`, `\sin(x)`, `\sin^2 x`, `\log_2 8`, `\ln x`, `\exp(x)`.
    private mutating func parseFunction(_ function: MathFunction, name: String) throws -> MathNode {
        var exponent: MathNode?
        var base: MathNode?
        if function == .log && accept(.symbol("_")) { base = try parseScript() }
        if accept(.symbol("^")) { exponent = try parseScript() }
        if function == .log && base == nil && accept(.symbol("_")) { base = try parseScript() }
        let trig: Set<MathFunction> = [.sin, .cos, .tan, .cot, .sec, .csc]
        if trig.contains(function) { trigDepth += 1 }
        defer { if trig.contains(function) { trigDepth -= 1 } }
        let argument: MathNode
        if current == .symbol("(") {
            argument = try parseBracketed()
        } else if current == .symbol("{") {
            argument = try parseArgument()
        } else {
            argument = try parseFunctionArgument()
        }
        var call: MathNode
        switch function {
        case .log:
            // `\log x` is base 10, as latex2sympy reads it.
            call = .function(.log, [argument, base ?? .number(Rational(10), decimal: false)])
        case .ln:
            call = .function(.log, [argument, .constant(.e)])
        default:
            call = .function(function, [argument])
        }
        if let exponent {
            // `\sin^{-1} x` is arcsin; other exponents power the value.
            if case .negate(.number(let one, _)) = exponent, one == .one {
                switch function {
                case .sin: call = .function(.arcsin, [argument])
                case .cos: call = .function(.arccos, [argument])
                case .tan: call = .function(.arctan, [argument])
                default: call = .power(call, exponent)
                }
            } else {
                call = .power(call, exponent)
            }
        }
        return call
    }

    /// A function argument without brackets: factors written side by side, stopping at an
    /// operator or another function (`\sin 2x \cos x` is sin(2x)·cos(x)).
    private mutating func parseFunctionArgument() throws -> MathNode {
        var factors = [try parsePostfix()]
        while let token = current, startsImplicitFactor(token) {
            if case .command(let name) = token, MathParser.functions[name] != nil { break }
            if token == .symbol("(") { break }
            factors.append(try parsePostfix())
        }
        return factors.count == 1 ? factors[0] : .product(factors)
    }

    /// `\begin{pmatrix} a & b \\ c & d \end{pmatrix}` (also bmatrix, matrix, vmatrix is not a
    /// matrix value and is refused); `cases`/`array`/`aligned` are read as lists.
    private mutating func parseEnvironment(_ env: String) throws -> MathNode {
        var rows: [[MathNode]] = [[]]
        let isArray = env == "array"
        if isArray {
            // Column specification: `{cc}`.
            if accept(.symbol("{")) { while let t = current, t != .symbol("}") { advance() }; try expect(.symbol("}")) }
        }
        let closers: [MathToken] = [.symbol("&"), .rowBreak, .end(env)]
        while true {
            guard let token = current else { throw Failure(message: "missing \\end{\(env)}") }
            if token == .end(env) { advance(); break }
            if token == .rowBreak { advance(); rows.append([]); continue }
            if token == .symbol("&") { advance(); continue }
            rows[rows.count - 1].append(try nest { try $0.parseList(until: closers) })
        }
        rows.removeAll { $0.isEmpty }
        guard !rows.isEmpty else { throw Failure(message: "empty \(env)") }
        switch env {
        case "pmatrix", "bmatrix", "Bmatrix", "matrix", "smallmatrix", "array":
            let width = rows[0].count
            guard rows.allSatisfy({ $0.count == width }) else { throw Failure(message: "ragged \(env)") }
            return .matrix(rows)
        case "cases", "aligned", "align", "align*", "gathered", "split", "eqnarray":
            let items = rows.flatMap { $0 }
            return items.count == 1 ? items[0] : .set(items)
        default:
            throw Failure(message: "unsupported environment \(env)")
        }
    }
}
