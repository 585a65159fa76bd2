import Foundation

/// NLTK's `word_tokenize(text)` (English, `preserve_line=False`): the text is cut into
/// sentences by `PunktSentences.split`, and each sentence is tokenized by NLTK's
/// `NLTKWordTokenizer` (the improved Penn Treebank tokenizer) without converting brackets.
/// NLTK 3.9's rules by default (IFBench pins nltk 3.9.2); `release: .v3_10` follows 3.10.
///
/// The sentence tokenizer is a chain of substitutions over the whole sentence, each applied as
/// Python applies `re.sub` (leftmost match first, matches never overlapping, a replacement never
/// rescanned), then the result is split on whitespace (`str.split()`). In order:
/// 1. opening quotes: `«“‘„` and runs of backticks are set apart; a `"` that starts the sentence
///    becomes ``` `` ```; ``` `` ``` is set apart; `"` or `''` after a space or an opening
///    bracket (`([{<`) becomes ``` `` ```. Then a `'`: in 3.9, a `'` before a one-character word
///    is cut from it unless that character begins a clitic (`'a` → `'` `a`, `'s` and `'The`
///    stay); in 3.10, a `'` that no word character precedes is cut from the word after it unless
///    that word is a clitic (`re ve ll m t s d n`, any case: `'s` stays, `'sa` and `'The` do not);
/// 2. punctuation: the sentence's final period (a `.` not after another `.`, followed only by
///    closing brackets and quotes `])}>"'»”’`, spaces and trailing whitespace) is set apart
///    from the word before it and from those closers; `:` and `,` are set apart unless a digit
///    follows (`3,000` and `10:30` stay whole) — the character after them is consumed, so in
///    `,,` only the first is padded — and at the very end (or before a final newline); runs of
///    two or more periods are set apart; `;@#$%&` are set apart, and in 3.10 the dashes
///    U+2012–U+2015 (`‒–—―`, which 3.9 leaves inside words: `system—ranging`); a second
///    final-period rule (closers `])}>"'` only) runs, as in NLTK; `?`, `!` are set apart; a `'`
///    before a space is cut from the word before it; `*` is set apart;
/// 3. brackets `[]{}()<>` and `--` are set apart;
/// 4. closing quotes: the text is padded with a space on each side; `»”’` are set apart; `''`
///    and `"` become ` '' `; whitespace runs become one space; `'s 'S 'm 'M 'd 'D` and a lone
///    `'` before a space are cut from the word before them, then `'ll 'LL 're 'RE 've 'VE n't
///    N'T` (case-sensitive, as in NLTK: `I'M` stays whole but for the final split);
/// 5. contractions (case-insensitive, whole words): `cannot d'ye gimme gonna gotta lemme more'n`
///    and `wanna` (before whitespace) are cut in two (`can not`, `gon na`, ...); `'tis` and
///    `'twas` after a space are cut after the `'t`.
///
/// Periods inside a sentence stay on their word (`York.` inside a sentence, `e.g.`, `3.88`);
/// only the sentence's final period is cut off. Character classes are those of the engines NLTK
/// uses. NLTK 3.9 uses Python's `re`: `\s` is `str.isspace()` (U+001C–U+001F included), `\w`
/// is `str.isalnum()` or `_`. NLTK 3.10 compiles every rule but the contraction lists with the
/// `regex` module: `\s` is Unicode White_Space, and `\w` (in the opening-quote rule) is letters,
/// marks, decimal digits, connector punctuation and join controls. `\d` is a decimal digit, and
/// the contraction lists use `re`'s word boundaries in both. Case-insensitive matching folds `ſ`
/// to `s`, and for `re` `İ`/`ı` to `i`, as those engines do. The result is split with Python's
/// `str.split()`.
///
/// Agreement (bench/text_tokenizers.py): given the same sentences, every token of every measured
/// text, for both releases (also on 50,000 random strings of quotes, brackets, clitics, dashes
/// and odd whitespace); the differences of `word_tokenize` as a whole come from sentence
/// splitting (`PunktSentences`): with NLTK 3.9.2, texts identical 293/294 IFBench responses,
/// 2,214/2,215 paragraphs, 294/294 prompts, 2,984/3,000 generated texts; tokens 99.99%.
/// Unicode data is Swift's, so a code point assigned in a newer Unicode version than Swift's
/// may be classed differently. Each rule is one linear pass; no regular expression engine is
/// involved.
public enum WordTokenizer {
    /// `nltk.word_tokenize(text)` as NLTK 3.9 runs it (the release IFBench pins).
    public static func tokenize(_ text: String) -> [String] {
        tokenize(text, release: .v3_9)
    }

    /// `nltk.word_tokenize(text)` as the given NLTK release runs it: the tokens of each of its
    /// `sentences`, in order.
    public static func tokenize(_ text: String, release: NLTKRelease) -> [String] {
        sentences(text, release: release).flatMap { tokenizeSentence($0, release: release) }
    }

    /// The sentences `word_tokenize` tokenizes one by one (`PunktSentences.split`).
    public static func sentences(_ text: String, release: NLTKRelease = .v3_9) -> [String] {
        PunktSentences.split(text, release: release)
    }

    /// `NLTKWordTokenizer().tokenize(sentence)`: the tokens of one sentence.
    public static func tokenizeSentence(_ sentence: String, release: NLTKRelease = .v3_9) -> [String] {
        let modern = release == .v3_10
        let isSpace: (Unicode.Scalar) -> Bool = modern ? { $0.properties.isWhitespace } : { PythonText.isSpace($0) }
        var s = PythonText.scalars(sentence)
        // A pass whose characters the sentence lacks is skipped: passes only add spaces, and
        // `` ` `` or `'` where there was a `"`.
        let has = Presence(s)
        let quotes = has.any("\"'")
        // 1. Opening quotes.
        if has.nonASCII || has.any("`") { s = padOpeningQuotes(s) }
        if s.first == "\"" { s.replaceSubrange(0..<1, with: ["`", "`"]) }
        if has.any("`\"") { s = replaceLiteral(s, ["`", "`"], with: [" ", "`", "`", " "]) }
        if quotes { s = openingQuoteAfterBracket(s) }
        if has.any("'") { s = modern ? splitOpeningSingleQuote(s) : splitQuotedLetter(s) }
        // 2. Punctuation.
        if has.any(".") { s = splitFinalPeriod(s, closers: finalClosersWide, padClosers: true, isSpace: isSpace) }
        if has.any(":,") {
            s = padColonComma(s)
            s = padFinalColonComma(s)
        }
        if has.any(".") { s = padRuns(s, of: ".", minimum: 2) }
        if has.any(";@#$%&") { s = pad(s) { switch $0 { case ";", "@", "#", "$", "%", "&": true; default: false } } }
        if modern, has.nonASCII { s = pad(s) { (0x2012...0x2015).contains($0.value) } }
        if has.any(".") { s = splitFinalPeriod(s, closers: finalClosersNarrow, padClosers: false, isSpace: isSpace) }
        if has.any("?!") { s = pad(s) { $0 == "?" || $0 == "!" } }
        if has.any("'") { s = quoteBeforeSpace(s) }
        if has.any("*") { s = pad(s) { $0 == "*" } }
        // 3. Brackets and double dashes.
        if has.any("[](){}<>") { s = pad(s) { switch $0 { case "[", "]", "(", ")", "{", "}", "<", ">": true; default: false } } }
        if has.any("-") { s = replaceLiteral(s, ["-", "-"], with: [" ", "-", "-", " "]) }
        // 4. Closing quotes.
        s = [" "] + s + [" "]
        if has.nonASCII { s = pad(s) { $0 == "»" || $0 == "”" || $0 == "’" } }
        if has.any("'") { s = replaceLiteral(s, ["'", "'"], with: [" ", "'", "'", " "]) }
        if has.any("\"") { s = replaceLiteral(s, ["\""], with: [" ", "'", "'", " "]) }
        s = collapseWhitespace(s, isSpace: isSpace)
        if quotes {
            s = splitShortClitics(s)
            s = splitLongClitics(s)
        }
        // 5. Contractions.
        for (first, second) in contractions where has.letter(first[0]) {
            s = splitContraction(s, first: first, second: second, lookaheadSpace: false)
        }
        if has.letter("w") { s = splitContraction(s, first: wanna.0, second: wanna.1, lookaheadSpace: true) }
        if has.any("'") {
            s = splitTis(s, word: "is")
            s = splitTis(s, word: "was")
        }
        // `str.split()` of the result, read straight off the scalars.
        return IFEvalInstructions.Py.splitWhitespace(s[...]).map(PythonText.string)
    }

    /// Which ASCII characters a text holds, and whether it holds any other.
    private struct Presence {
        private var low: UInt64 = 0
        private var high: UInt64 = 0
        private(set) var nonASCII = false

        init(_ scalars: [Unicode.Scalar]) {
            for c in scalars {
                let v = c.value
                if v < 64 { low |= 1 << UInt64(v) } else if v < 128 { high |= 1 << UInt64(v - 64) } else { nonASCII = true }
            }
        }

        func has(_ c: Unicode.Scalar) -> Bool {
            let v = c.value
            if v < 64 { return low & (1 << UInt64(v)) != 0 }
            if v < 128 { return high & (1 << UInt64(v - 64)) != 0 }
            return nonASCII
        }

        /// Any of the given ASCII characters.
        func any(_ chars: String) -> Bool { chars.unicodeScalars.contains { has($0) } }

        /// A lower-case ASCII letter in either case.
        func letter(_ c: Unicode.Scalar) -> Bool {
            has(c) || has(Unicode.Scalar(UInt8(c.value) - 0x20))
        }
    }

    // MARK: Character classes of the engines NLTK uses

    /// `\s` of the `regex` module: Unicode White_Space.
    static func isRegexSpace(_ c: Unicode.Scalar) -> Bool { c.properties.isWhitespace }

    /// `\d` of the `regex` module (and of `re`): a decimal digit (Nd).
    static func isRegexDigit(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII { return c.value >= 0x30 && c.value <= 0x39 }
        return c.properties.generalCategory == .decimalNumber
    }

    /// `\w` of the `regex` module: Alphabetic, marks, decimal digits, connector punctuation and
    /// join controls (unlike `re`, whose `\w` is `str.isalnum()` or `_`).
    static func isRegexWord(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII {
            let v = c.value
            return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) || v == 0x5F
        }
        let p = c.properties
        if p.isAlphabetic || p.isJoinControl { return true }
        switch p.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .connectorPunctuation: return true
        default: return false
        }
    }

    /// Case-insensitive equality with a lower-case ASCII letter, as the engines fold: `ſ`
    /// matches `s` in both; `İ` and `ı` match `i` in `re` only.
    private static func foldEquals(_ c: Unicode.Scalar, _ letter: Unicode.Scalar, reModule: Bool) -> Bool {
        if c == letter { return true }
        if c.isASCII { return c.value + 0x20 == letter.value && c.value >= 0x41 && c.value <= 0x5A }
        switch (letter, c.value) {
        case ("s", 0x17F): return true
        case ("i", 0x130), ("i", 0x131): return reModule
        default: return false
        }
    }

    // MARK: Passes

    private static let finalClosersWide: Set<Unicode.Scalar> = ["]", ")", "}", ">", "\"", "'", "»", "”", "’", " "]
    private static let finalClosersNarrow: Set<Unicode.Scalar> = ["]", ")", "}", ">", "\"", "'"]
    private static let contractions: [([Unicode.Scalar], [Unicode.Scalar])] = [
        ("can", "not"), ("d", "'ye"), ("gim", "me"), ("gon", "na"), ("got", "ta"), ("lem", "me"), ("more", "'n"),
    ].map { (PythonText.scalars($0.0), PythonText.scalars($0.1)) }
    private static let wanna: ([Unicode.Scalar], [Unicode.Scalar]) = (["w", "a", "n"], ["n", "a"])

    /// Every scalar that `matches` gets a space on each side.
    private static func pad(_ s: [Unicode.Scalar], _ matches: (Unicode.Scalar) -> Bool) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(s.count + 16)
        for c in s {
            if matches(c) { out.append(" "); out.append(c); out.append(" ") } else { out.append(c) }
        }
        return out
    }

    /// Each run of at least `minimum` copies of `scalar` gets a space on each side.
    private static func padRuns(_ s: [Unicode.Scalar], of scalar: Unicode.Scalar, minimum: Int) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(s.count + 16)
        var i = 0
        while i < s.count {
            guard s[i] == scalar else { out.append(s[i]); i += 1; continue }
            var j = i
            while j < s.count, s[j] == scalar { j += 1 }
            if j - i >= minimum { out.append(" "); out.append(contentsOf: s[i..<j]); out.append(" ") } else { out.append(contentsOf: s[i..<j]) }
            i = j
        }
        return out
    }

    /// `re.sub` of a literal: occurrences replaced left to right, never overlapping.
    private static func replaceLiteral(_ s: [Unicode.Scalar], _ literal: [Unicode.Scalar], with replacement: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(s.count + 16)
        var i = 0
        while i < s.count {
            if s[i] == literal[0], i + literal.count <= s.count, s[i..<(i + literal.count)].elementsEqual(literal) {
                out.append(contentsOf: replacement)
                i += literal.count
            } else {
                out.append(s[i])
                i += 1
            }
        }
        return out
    }

    /// `«“‘„` and each run of backticks get a space on each side.
    private static func padOpeningQuotes(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(s.count + 16)
        var i = 0
        while i < s.count {
            let c = s[i]
            if c == "«" || c == "“" || c == "‘" || c == "„" {
                out.append(" "); out.append(c); out.append(" ")
                i += 1
            } else if c == "`" {
                var j = i
                while j < s.count, s[j] == "`" { j += 1 }
                out.append(" "); out.append(contentsOf: s[i..<j]); out.append(" ")
                i = j
            } else {
                out.append(c)
                i += 1
            }
        }
        return out
    }

    /// `"` or `''` right after a space or `([{<` becomes `` `` `` (the bracket kept).
    private static func openingQuoteAfterBracket(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(s.count + 16)
        var i = 0
        while i < s.count {
            let c = s[i]
            if c == " " || c == "(" || c == "[" || c == "{" || c == "<" {
                var quote = 0
                if i + 1 < s.count, s[i + 1] == "\"" {
                    quote = 1
                } else if i + 2 < s.count, s[i + 1] == "'", s[i + 2] == "'" {
                    quote = 2
                }
                if quote > 0 {
                    out.append(c); out.append(contentsOf: [" ", "`", "`", " "] as [Unicode.Scalar])
                    i += 1 + quote
                    continue
                }
            }
            out.append(c)
            i += 1
        }
        return out
    }

    /// A `'` with no word character before it and one after it gets a space after it, unless
    /// what follows is a clitic (`re ve ll m t s d n`, any case) ending at a word boundary.
    private static func splitOpeningSingleQuote(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(s.count + 16)
        for i in s.indices {
            out.append(s[i])
            guard s[i] == "'", i + 1 < s.count, isRegexWord(s[i + 1]) else { continue }
            if i > 0, isRegexWord(s[i - 1]) { continue }
            if startsClitic(s, at: i + 1) { continue }
            out.append(" ")
        }
        return out
    }

    /// NLTK 3.9's rule: `(?i)(\')(?!re|ve|ll|m|t|s|d|n)(\w)\b` → `\1 \2` (`re` module): a `'`
    /// followed by a one-character word is cut from it, unless that character begins one of the
    /// clitics (`'m`, `'t`, `'s`, `'d`, `'n` stay; `'r` and `'a` are cut).
    private static func splitQuotedLetter(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(s.count + 16)
        var i = 0
        while i < s.count {
            if s[i] == "'", i + 1 < s.count, PythonText.isWord(s[i + 1]), isReBoundary(s, i + 2), !startsCliticPrefix(s, at: i + 1) {
                out.append("'"); out.append(" "); out.append(s[i + 1])
                i += 2
                continue
            }
            out.append(s[i])
            i += 1
        }
        return out
    }

    /// `(?!re|ve|ll|m|t|s|d|n)` with `re`'s case folding: no boundary after the clitic.
    private static func startsCliticPrefix(_ s: [Unicode.Scalar], at start: Int) -> Bool {
        clitics.contains { matchesFolded(s, at: start, $0) }
    }

    private static let clitics: [[Unicode.Scalar]] = ["re", "ve", "ll", "m", "t", "s", "d", "n"].map { PythonText.scalars($0) }

    private static func startsClitic(_ s: [Unicode.Scalar], at start: Int) -> Bool {
        for clitic in clitics {
            let end = start + clitic.count
            guard end <= s.count else { continue }
            var same = true
            for k in 0..<clitic.count where !foldEquals(s[start + k], clitic[k], reModule: false) { same = false; break }
            if same, end == s.count || !isRegexWord(s[end]) { return true }
        }
        return false
    }

    /// The final-period rules: the last `.` of the text, when a character other than `.`
    /// precedes it and only closers then `\s` follow it, is set apart. `padClosers` (the first
    /// rule) also sets the closers apart from it (`X . C `); otherwise they stay on the period
    /// (`X .C `). Trailing whitespace is dropped either way.
    private static func splitFinalPeriod(_ s: [Unicode.Scalar], closers: Set<Unicode.Scalar>, padClosers: Bool, isSpace: (Unicode.Scalar) -> Bool) -> [Unicode.Scalar] {
        guard let dot = s.lastIndex(of: "."), dot > 0, s[dot - 1] != "." else { return s }
        var j = dot + 1
        while j < s.count, closers.contains(s[j]) { j += 1 }
        guard s[j...].allSatisfy(isSpace) else { return s }
        var out = Array(s[..<dot])
        out.reserveCapacity(s.count + 4)
        out.append(" ")
        out.append(".")
        if padClosers { out.append(" ") }
        out.append(contentsOf: s[(dot + 1)..<j])
        out.append(" ")
        return out
    }

    /// `:` or `,` followed by a character that is not a decimal digit: both set apart as
    /// ` c x` (the following character is consumed, so `,,` pads only the first comma).
    private static func padColonComma(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(s.count + 16)
        var i = 0
        while i < s.count {
            let c = s[i]
            if c == ":" || c == ",", i + 1 < s.count, !isRegexDigit(s[i + 1]) {
                out.append(" "); out.append(c); out.append(" "); out.append(s[i + 1])
                i += 2
            } else {
                out.append(c)
                i += 1
            }
        }
        return out
    }

    /// `:` or `,` at the end of the text (Python's `$`: also before a final newline).
    private static func padFinalColonComma(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var at = -1
        if s.count >= 2, s[s.count - 1] == "\n", s[s.count - 2] == ":" || s[s.count - 2] == "," {
            at = s.count - 2
        } else if let last = s.last, last == ":" || last == "," {
            at = s.count - 1
        }
        guard at >= 0 else { return s }
        var out = Array(s[..<at])
        out.append(" "); out.append(s[at]); out.append(" ")
        out.append(contentsOf: s[(at + 1)...])
        return out
    }

    /// A character other than `'` followed by `' ` gets a space before the quote.
    private static func quoteBeforeSpace(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(s.count + 16)
        var i = 0
        while i < s.count {
            if s[i] != "'", i + 2 < s.count, s[i + 1] == "'", s[i + 2] == " " {
                out.append(s[i]); out.append(contentsOf: [" ", "'", " "] as [Unicode.Scalar])
                i += 3
            } else {
                out.append(s[i])
                i += 1
            }
        }
        return out
    }

    /// Each run of `\s` becomes one space.
    private static func collapseWhitespace(_ s: [Unicode.Scalar], isSpace: (Unicode.Scalar) -> Bool) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(s.count)
        var inSpace = false
        for c in s {
            if isSpace(c) {
                if !inSpace { out.append(" ") }
                inSpace = true
            } else {
                out.append(c)
                inSpace = false
            }
        }
        return out
    }

    /// `([^' ])('[sS]|'[mM]|'[dD]|') ` → `\1 \2 `.
    private static func splitShortClitics(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(s.count + 16)
        var i = 0
        while i < s.count {
            let c = s[i]
            if c != "'", c != " ", i + 2 < s.count, s[i + 1] == "'" {
                let letter = s[i + 2]
                if letter == "s" || letter == "S" || letter == "m" || letter == "M" || letter == "d" || letter == "D", i + 3 < s.count, s[i + 3] == " " {
                    out.append(contentsOf: [c, " ", "'", letter, " "])
                    i += 4
                    continue
                }
                if letter == " " {
                    out.append(contentsOf: [c, " ", "'", " "])
                    i += 3
                    continue
                }
            }
            out.append(c)
            i += 1
        }
        return out
    }

    private static let longClitics: [[Unicode.Scalar]] = ["'ll", "'LL", "'re", "'RE", "'ve", "'VE", "n't", "N'T"].map { PythonText.scalars($0) }

    /// `([^' ])('ll|'LL|'re|'RE|'ve|'VE|n't|N'T) ` → `\1 \2 `.
    private static func splitLongClitics(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(s.count + 16)
        var i = 0
        scan: while i < s.count {
            let c = s[i]
            if c != "'", c != " ", i + 4 < s.count, s[i + 4] == " " {
                for clitic in longClitics where s[(i + 1)..<(i + 4)].elementsEqual(clitic) {
                    out.append(c); out.append(" "); out.append(contentsOf: clitic); out.append(" ")
                    i += 5
                    continue scan
                }
            }
            out.append(c)
            i += 1
        }
        return out
    }

    /// `re`'s `\b` at `index` (between `index - 1` and `index`), with `re`'s word characters.
    private static func isReBoundary(_ s: [Unicode.Scalar], _ index: Int) -> Bool {
        let before = index > 0 && PythonText.isWord(s[index - 1])
        let after = index < s.count && PythonText.isWord(s[index])
        return before != after
    }

    private static func matchesFolded(_ s: [Unicode.Scalar], at start: Int, _ word: [Unicode.Scalar]) -> Bool {
        guard start + word.count <= s.count else { return false }
        for k in 0..<word.count where !foldEquals(s[start + k], word[k], reModule: true) { return false }
        return true
    }

    /// `(?i)\b(first)(second)\b` → ` \1 \2 ` (`re` module); with `lookaheadSpace` the final
    /// `\b` is `(?=\s)` instead (Python whitespace).
    private static func splitContraction(_ s: [Unicode.Scalar], first a: [Unicode.Scalar], second b: [Unicode.Scalar], lookaheadSpace: Bool) -> [Unicode.Scalar] {
        let length = a.count + b.count
        func matches(at i: Int) -> Bool {
            guard matchesFolded(s, at: i, a), matchesFolded(s, at: i + a.count, b), isReBoundary(s, i) else { return false }
            let end = i + length
            return lookaheadSpace ? (end < s.count && PythonText.isSpace(s[end])) : isReBoundary(s, end)
        }
        // Most sentences have no match: find the first before copying anything.
        guard let firstMatch = s.indices.first(where: matches) else { return s }
        var out = Array(s[..<firstMatch])
        out.reserveCapacity(s.count + 16)
        var i = firstMatch
        while i < s.count {
            if matches(at: i) {
                let end = i + length
                out.append(" "); out.append(contentsOf: s[i..<(i + a.count)])
                out.append(" "); out.append(contentsOf: s[(i + a.count)..<end]); out.append(" ")
                i = end
                continue
            }
            out.append(s[i])
            i += 1
        }
        return out
    }

    /// `(?i) ('t)(is)\b` → ` \1 \2 ` (and the same with `was`).
    private static func splitTis(_ s: [Unicode.Scalar], word: String) -> [Unicode.Scalar] {
        let w = Array(word.unicodeScalars)
        let t: [Unicode.Scalar] = ["'", "t"]
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(s.count + 16)
        var i = 0
        while i < s.count {
            if s[i] == " ", matchesFolded(s, at: i + 1, t), matchesFolded(s, at: i + 3, w), isReBoundary(s, i + 3 + w.count) {
                let end = i + 3 + w.count
                out.append(" "); out.append(contentsOf: s[(i + 1)..<(i + 3)])
                out.append(" "); out.append(contentsOf: s[(i + 3)..<end]); out.append(" ")
                i = end
                continue
            }
            out.append(s[i])
            i += 1
        }
        return out
    }
}
