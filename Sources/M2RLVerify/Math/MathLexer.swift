/// A token of a math answer. LaTeX and plain text share one token set: `\frac` and `/`,
/// `\cdot` and `*`, `\le` and `<=` and `≤` all lex to the same thing.
enum MathToken: Equatable, Sendable {
    /// Digits as written, with at most one decimal point (`12`, `0.5`, `.25`); thousands
    /// separators already removed.
    case number(String)
    /// One variable letter or a Greek letter's name (`x`, `alpha`).
    case letter(String)
    /// The text of `\text{...}` (lowercased, spaces collapsed), or a multi-letter word in plain text.
    case word(String)
    /// A LaTeX command that the parser gives structure to (`frac`, `sqrt`, `sin`, `pi`, ...).
    case command(String)
    /// `\begin{NAME}` / `\end{NAME}`.
    case begin(String)
    case end(String)
    /// One-character operators and brackets: `+ - * / ^ _ ! ( ) [ ] { } , ; | & %`.
    case symbol(Character)
    case relation(RelationOperator)
    /// `\{` and `\}`.
    case setOpen, setClose
    /// `\\` (a matrix row break).
    case rowBreak
    case plusMinus, minusPlus
}

/// Turns a normalised answer into tokens. Bounded: at most `maxTokens` tokens.
struct MathLexer {
    static let maxTokens = 2_000

    struct Failure: Error { var message: String }

    /// Greek letters that are variables (π is a constant and lexes to `command("pi")`).
    static let greek: Set<String> = [
        "alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "zeta", "eta", "theta", "vartheta",
        "iota", "kappa", "lambda", "mu", "nu", "xi", "rho", "sigma", "tau", "upsilon", "phi", "varphi",
        "chi", "psi", "omega", "Gamma", "Delta", "Theta", "Lambda", "Xi", "Sigma", "Phi", "Psi", "Omega",
    ]

    /// Commands that are spelled out in plain text too (`sqrt(2)`, `sin x`, `pi`).
    static let plainWords: [String: String] = [
        "sqrt": "sqrt", "sin": "sin", "cos": "cos", "tan": "tan", "cot": "cot", "sec": "sec", "csc": "csc",
        "arcsin": "arcsin", "arccos": "arccos", "arctan": "arctan", "sinh": "sinh", "cosh": "cosh", "tanh": "tanh",
        "log": "log", "ln": "ln", "exp": "exp", "pi": "pi", "infty": "infty", "infinity": "infty", "inf": "infty",
    ]

    /// Spacing and presentation commands that carry no meaning.
    static let ignoredCommands: Set<String> = [
        "left", "right", "bigl", "bigr", "Bigl", "Bigr", "big", "Big", "bigg", "Bigg", "biggl", "biggr",
        "displaystyle", "textstyle", "scriptstyle", "quad", "qquad", "limits", "nolimits", "mathstrut", "strut",
        "ldots", "cdots", "dots", "hline", "boxed", "fbox", "overline", "underline", "bold", "boldsymbol",
        "mathbf", "mathit", "mathrm", "mathsf", "mathbb", "mathcal", "rm", "bf", "it", "vec", "hat", "bar",
        "tilde", "widehat", "widetilde", "ensuremath", "phantom", "hphantom", "vphantom",
    ]

    static let textCommands: Set<String> = [
        "text", "textrm", "textbf", "textit", "textnormal", "textsf", "texttt", "mbox", "hbox", "operatorname",
    ]

    private let scalars: [Unicode.Scalar]
    private var index = 0
    private(set) var tokens: [MathToken] = []

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    static func tokenize(_ text: String) throws -> [MathToken] {
        var lexer = MathLexer(text)
        try lexer.run()
        return lexer.tokens
    }

    private mutating func emit(_ token: MathToken) throws {
        tokens.append(token)
        if tokens.count > MathLexer.maxTokens { throw Failure(message: "more than \(MathLexer.maxTokens) tokens") }
    }

    private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        index + offset < scalars.count ? scalars[index + offset] : nil
    }

    private static func isDigit(_ s: Unicode.Scalar?) -> Bool { s.map { $0.value >= 48 && $0.value <= 57 } ?? false }
    private static func isLetter(_ s: Unicode.Scalar?) -> Bool {
        guard let v = s?.value else { return false }
        return (v >= 65 && v <= 90) || (v >= 97 && v <= 122)
    }

    private mutating func run() throws {
        while let c = peek() {
            switch c {
            case " ", "\t", "\n", "\r", "~":
                index += 1
            case "0"..."9", ".":
                if c == "." && !MathLexer.isDigit(peek(1)) {
                    index += 1 // a stray full stop
                    continue
                }
                try emit(.number(readNumber()))
            case "\\":
                try readCommand()
            case "a"..."z", "A"..."Z":
                try readLetters()
            case "<", ">", "=", "!":
                try readRelationOrBang()
            case "*" where peek(1) == "*":
                // `**` is a power in plain-text answers (`6**5`).
                index += 2
                try emit(.symbol("^"))
            case "+", "-", "*", "/", "^", "_", "(", ")", "[", "]", "{", "}", ",", ";", "|", "&", "%", "'", ":":
                index += 1
                try emit(.symbol(Character(c)))
            default:
                index += 1
                try emitUnicode(c)
            }
        }
    }

    private mutating func emitUnicode(_ c: Unicode.Scalar) throws {
        switch c {
        case "π": try emit(.command("pi"))
        case "∞": try emit(.command("infty"))
        case "≤", "⩽": try emit(.relation(.lessEqual))
        case "≥", "⩾": try emit(.relation(.greaterEqual))
        case "≠": try emit(.relation(.notEqual))
        case "≈": try emit(.relation(.equal))
        case "×", "·", "⋅", "∙": try emit(.symbol("*"))
        case "÷": try emit(.symbol("/"))
        case "−", "–", "—": try emit(.symbol("-"))
        case "±": try emit(.plusMinus)
        case "∓": try emit(.minusPlus)
        case "√": try emit(.command("sqrt"))
        case "²": try emit(.symbol("^")); try emit(.number("2"))
        case "³": try emit(.symbol("^")); try emit(.number("3"))
        case "∪": try emit(.command("cup"))
        case "∅": try emit(.command("emptyset"))
        case "°": try emit(.command("degree"))
        default:
            if c.properties.isAlphabetic {
                try emit(.letter(String(c)))
            } else if c.properties.isWhitespace {
                break
            } else {
                throw Failure(message: "unexpected character '\(c)'")
            }
        }
    }

    /// Digits with an optional decimal part; `1,000,000` (groups of exactly three after a
    /// first group of one to three digits) is one number.
    private mutating func readNumber() -> String {
        var text = ""
        let start = index
        while MathLexer.isDigit(peek()) { text.unicodeScalars.append(peek()!); index += 1 }
        // Thousands separators: `,ddd` groups, each not followed by another digit.
        if text.count >= 1 && text.count <= 3 && index - start == text.count {
            var groups = ""
            var probe = index
            while isThousandsGroup(at: probe) {
                for k in 1...3 { groups.unicodeScalars.append(scalars[probe + k]) }
                probe += 4
            }
            // A trailing decimal part after grouped digits is fine (`1,234.5`).
            if !groups.isEmpty {
                text += groups
                index = probe
            }
        }
        if peek() == ".", MathLexer.isDigit(peek(1)) || text.isEmpty {
            text += "."
            index += 1
            while MathLexer.isDigit(peek()) { text.unicodeScalars.append(peek()!); index += 1 }
        }
        // Scientific notation: `1.87E14`, `3.3e-5` (the exponent's digits must not run into a letter).
        if let e = peek(), e == "E" || e == "e" {
            var k = index + 1
            var exponent = "e"
            if let sign = peek(k - index), sign == "+" || sign == "-" { exponent.unicodeScalars.append(sign); k += 1 }
            let digitsStart = k
            while k < scalars.count, MathLexer.isDigit(scalars[k]) { exponent.unicodeScalars.append(scalars[k]); k += 1 }
            if k > digitsStart, !MathLexer.isLetter(k < scalars.count ? scalars[k] : nil), !text.isEmpty {
                index = k
                return text + exponent
            }
        }
        return text.isEmpty ? "0" : text
    }

    /// `,ddd` at `p`, not followed by a fourth digit.
    private func isThousandsGroup(at p: Int) -> Bool {
        guard p + 3 < scalars.count, scalars[p] == "," else { return false }
        guard (1...3).allSatisfy({ MathLexer.isDigit(scalars[p + $0]) }) else { return false }
        return !(p + 4 < scalars.count && MathLexer.isDigit(scalars[p + 4]))
    }

    private mutating func readRelationOrBang() throws {
        let c = peek()!
        let next = peek(1)
        index += 1
        switch (c, next) {
        case ("<", "="): index += 1; try emit(.relation(.lessEqual))
        case (">", "="): index += 1; try emit(.relation(.greaterEqual))
        case ("!", "="): index += 1; try emit(.relation(.notEqual))
        case ("=", "="): index += 1; try emit(.relation(.equal))
        case ("<", _): try emit(.relation(.less))
        case (">", _): try emit(.relation(.greater))
        case ("=", _): try emit(.relation(.equal))
        default: try emit(.symbol("!"))
        }
    }

    /// A run of ASCII letters outside `\text`: a known word (`sqrt`, `sin`, `pi`) or single
    /// variable letters (`xy` is x·y).
    private mutating func readLetters() throws {
        var word = ""
        while MathLexer.isLetter(peek()) { word.unicodeScalars.append(peek()!); index += 1 }
        if let command = MathLexer.plainWords[word] {
            try emit(.command(command))
            return
        }
        for scalar in word.unicodeScalars { try emit(.letter(String(scalar))) }
    }

    private mutating func readCommand() throws {
        index += 1 // the backslash
        guard let c = peek() else { return }
        if !MathLexer.isLetter(c) {
            index += 1
            switch c {
            case "{": try emit(.setOpen)
            case "}": try emit(.setClose)
            case "\\": try emit(.rowBreak)
            case "%": try emit(.symbol("%"))
            case "|": try emit(.symbol("|"))
            case "$", ",", ";", ":", "!", " ", "&", "#", "_":
                if c == "_" { try emit(.symbol("_")) }
            default: throw Failure(message: "unknown command '\\\(c)'")
            }
            return
        }
        var name = ""
        while MathLexer.isLetter(peek()) { name.unicodeScalars.append(peek()!); index += 1 }
        if MathLexer.textCommands.contains(name) {
            try readText()
            return
        }
        if name == "mathbb" {
            // `\mathbb{R}` is the real line; other blackboard letters are variables.
            let letter = readBracedRaw() ?? ""
            try emit(letter == "R" ? .command("reals") : .letter(letter))
            return
        }
        if name == "begin" || name == "end" {
            let env = readBracedRaw() ?? ""
            try emit(name == "begin" ? .begin(env) : .end(env))
            return
        }
        if MathLexer.ignoredCommands.contains(name) {
            if name == "left" || name == "right" || name.hasPrefix("big") || name.hasPrefix("Big") {
                // `\left.` / `\right.` are invisible delimiters.
                if peek() == "." { index += 1 }
            }
            return
        }
        if MathLexer.greek.contains(name) {
            try emit(.letter(name))
            return
        }
        switch name {
        case "le", "leq", "leqslant", "leqq": try emit(.relation(.lessEqual))
        case "ge", "geq", "geqslant", "geqq": try emit(.relation(.greaterEqual))
        case "lt": try emit(.relation(.less))
        case "gt": try emit(.relation(.greater))
        case "ne", "neq": try emit(.relation(.notEqual))
        case "approx", "simeq", "equiv", "cong": try emit(.relation(.equal))
        case "cdot", "times", "ast": try emit(.symbol("*"))
        case "div": try emit(.symbol("/"))
        case "pm": try emit(.plusMinus)
        case "mp": try emit(.minusPlus)
        case "lbrace": try emit(.setOpen)
        case "rbrace": try emit(.setClose)
        case "lbrack": try emit(.symbol("["))
        case "rbrack": try emit(.symbol("]"))
        case "lvert", "rvert", "vert", "mid": try emit(.symbol("|"))
        case "langle": try emit(.symbol("("))
        case "rangle": try emit(.symbol(")"))
        case "dfrac", "tfrac", "cfrac": try emit(.command("frac"))
        case "dbinom", "tbinom": try emit(.command("binom"))
        case "circ", "degree": try emit(.command("degree"))
        case "percent": try emit(.symbol("%"))
        case "varnothing": try emit(.command("emptyset"))
        case "infin": try emit(.command("infty"))
        case "colon": try emit(.symbol(":"))
        case "imath": try emit(.letter("i"))
        default:
            if let (known, rest) = MathLexer.splitCommand(name) {
                // `\lex` is `\le x`, as TeX's own tokenizer would not read it but latex2sympy does.
                try readCommandNamed(known)
                for scalar in rest.unicodeScalars { try emit(.letter(String(scalar))) }
            } else {
                try emit(.command(name))
            }
        }
    }

    /// Commands that may run into the letters after them (`\lex`, `\pix`, `\cdotx`).
    static let prefixCommands = ["leq", "geq", "neq", "le", "ge", "ne", "pi", "cdot", "times", "infty", "pm", "mp", "div"]

    static func splitCommand(_ name: String) -> (String, String)? {
        for known in prefixCommands where name.hasPrefix(known) && name.count > known.count {
            return (known, String(name.dropFirst(known.count)))
        }
        return nil
    }

    private mutating func readCommandNamed(_ name: String) throws {
        var inner = MathLexer("\\" + name)
        try inner.run()
        for token in inner.tokens { try emit(token) }
    }

    /// `{...}` with nested braces, returned without the outer braces; nil if there is none.
    private mutating func readBracedRaw() -> String? {
        while peek() == " " { index += 1 }
        guard peek() == "{" else { return nil }
        var depth = 0
        var out = ""
        while let c = peek() {
            index += 1
            if c == "{" {
                depth += 1
                if depth == 1 { continue }
            } else if c == "}" {
                depth -= 1
                if depth == 0 { return out }
            }
            out.unicodeScalars.append(c)
        }
        return out
    }

    /// `\text{...}`: empty → nothing; `and`/`or` → a comma; words → one `.word`; otherwise
    /// (digits, symbols) the content is lexed as math (`\text{5}` is 5).
    private mutating func readText() throws {
        guard let raw = readBracedRaw() else { return }
        let trimmed = raw.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "~" }).joined(separator: " ")
        if trimmed.isEmpty { return }
        let lower = trimmed.lowercased()
        if lower == "and" || lower == "or" || lower == ", and" || lower == ",and" {
            try emit(.symbol(","))
            return
        }
        if trimmed.unicodeScalars.contains(where: { MathLexer.isLetter($0) }) {
            // As latex2sympy reads it: `\text{(A)}` is the word "a", `\text{North East}` "northeast".
            try emit(.word(String(lower.unicodeScalars.filter { $0 != "(" && $0 != ")" && $0 != " " })))
            return
        }
        var inner = MathLexer(trimmed)
        try inner.run()
        for token in inner.tokens { try emit(token) }
    }
}
