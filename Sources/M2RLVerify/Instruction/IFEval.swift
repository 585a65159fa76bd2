import Foundation
import M2RLCore

/// The 25 instructions of Google's IFEval, with the semantics of the checkers lm-eval 0.4.13
/// ships (`lm_eval/tasks/ifeval/instructions.py`), which the published IFEval numbers come from.
///
/// Conventions shared by every checker here:
/// - Text is read as Python reads a `str`: a sequence of Unicode code points. `strip()`,
///   `split()`, `isspace`, `\s`, `\w` and `\d` have Python's definitions, `lower()` is Python's
///   full lowercase mapping with its final-sigma rule, and `isupper()`/`islower()` are Python's
///   (at least one cased code point, none of the other case and no titlecase one). Strings are
///   compared code point by code point, never by Swift's canonical equivalence.
/// - A kwarg the reference draws at random when it is absent (or out of its range) is required
///   here, and an out-of-range value is an `InstructionError` naming the key. lm-eval's harness
///   drops falsy kwargs (0, "", []) before building, which makes the checker draw a random
///   value; m2rl instead uses a 0 or "" as the checker's own rule reads it, and rejects an empty
///   list (which the checker itself would replace with random words).
/// - Kwargs the reference uses as Python regular expressions (keywords, forbidden words, the
///   section splitter, a custom postscript marker) are translated from Python `re` syntax to
///   ICU's and compiled when the check is built; one Python would reject (or that cannot be
///   translated) is an `InstructionError`, where the reference would raise while checking.
/// - The evaluator (`InstructionEvaluation`) already makes an empty-after-strip response follow
///   nothing, as lm-eval's `utils.py` does; checkers only judge one string.
public enum IFEvalInstructions {
    public static let kinds: [InstructionKind] = [
        keywordsExistence, keywordsFrequency, forbiddenWords, letterFrequency,
        responseLanguage,
        numberSentences, numberParagraphs, numberWords, nthParagraphFirstWord,
        numberPlaceholders, postscript,
        numberBulletLists, constrainedResponse, numberHighlightedSections, multipleSections, jsonFormat, title,
        twoResponses, repeatPrompt,
        endChecker, quotation,
        capitalWordFrequency, englishCapital, englishLowercase,
        noComma,
    ]

    static let family = "ifeval"
}

// MARK: - keywords

extension IFEvalInstructions {
    /// `keywords:existence`: every keyword is found in the response by `re.search(keyword,
    /// response, re.IGNORECASE)`: each keyword is a Python regular expression (a plain word
    /// matches anywhere, inside longer words too), matched with Python's case-insensitive rule
    /// (simple lowercase mappings plus the `re` module's extra equivalences such as `s`/`ſ`).
    ///
    /// Kwargs: `keywords` (a non-empty list of strings; the reference draws two random words for
    /// an empty or missing list).
    static let keywordsExistence = InstructionKind("keywords:existence", family: family, kwargs: ["keywords"]) { args throws(InstructionError) in
        let keywords = try args.strings("keywords")
        guard !keywords.isEmpty else { throw args.invalid("keywords", "must not be empty (the reference draws random keywords for an empty list)") }
        let patterns = try KeywordPatterns(keywords, bounded: false, args: args, key: "keywords")
        return ClosureCheck { response in patterns.all(in: response) }
    }

    /// `keywords:frequency`: `len(re.findall(keyword, response, re.IGNORECASE))` (non-overlapping
    /// matches of the keyword as a case-insensitive Python regular expression) compared with
    /// `frequency`: `< frequency` for "less than", `>= frequency` for "at least".
    ///
    /// Kwargs: `keyword` (a non-empty string; the reference strips it, so an all-blank keyword
    /// becomes the empty pattern, which matches len + 1 times), `frequency` (an integer ≥ 0),
    /// `relation`.
    static let keywordsFrequency = InstructionKind("keywords:frequency", family: family, kwargs: ["keyword", "frequency", "relation"]) { args throws(InstructionError) in
        let raw = try args.string("keyword")
        guard !raw.isEmpty else { throw args.invalid("keyword", "must not be empty (the reference draws a random keyword for an empty one)") }
        let keyword = String(PythonText.strip(raw))
        let frequency = try nonNegativeInt(args, "frequency")
        let relation = try args.relation("relation")
        let pattern = try KeywordPatterns([keyword], bounded: false, args: args, key: "keyword")
        return ClosureCheck { response in relation.holds(pattern.count(response), frequency) }
    }

    /// `keywords:forbidden_words`: no forbidden word is found by `re.search(r"\b" + word + r"\b",
    /// response, re.IGNORECASE)`, the word as a Python regular expression between Python word
    /// boundaries (a boundary is judged with Python's `\w`: letters, numbers and `_`), matched
    /// case-insensitively. Quirk kept: the word is pasted into the pattern unescaped, so an
    /// alternation in it binds to the boundaries (`a|b` is `\ba` or `b\b`).
    ///
    /// Kwargs: `forbidden_words` (a non-empty list of strings; the reference draws two random
    /// words for an empty or missing list).
    static let forbiddenWords = InstructionKind("keywords:forbidden_words", family: family, kwargs: ["forbidden_words"]) { args throws(InstructionError) in
        let words = try args.strings("forbidden_words")
        guard !words.isEmpty else { throw args.invalid("forbidden_words", "must not be empty (the reference draws random words for an empty list)") }
        // The reference deduplicates and sorts the words, which changes nothing in the verdict;
        // a Swift Set would also merge canonically equivalent spellings, which Python keeps apart.
        let patterns = try KeywordPatterns(words, bounded: true, args: args, key: "forbidden_words")
        return ClosureCheck { response in !patterns.any(in: response) }
    }

    /// Keyword kwargs matched as the references match them: each word a case-insensitive Python
    /// regular expression (between `\b`s when `bounded`). A plain ASCII word is a `BoundedLiteral`
    /// scanned over the response's case keys, folded once per response; any other word of
    /// literal code points is a `FoldedLiteral`; only a word with pattern syntax is compiled.
    /// One place decides which, for every keyword checker.
    struct KeywordPatterns: Sendable {
        let literals: [BoundedLiteral]
        let foldedLiterals: [FoldedLiteral]
        let compiled: [PythonRegex]

        /// - Throws: `invalid_kwargs` naming `key` when a word is not a pattern m2rl can run.
        init(_ words: [String], bounded: Bool, args: InstructionArguments, key: String) throws(InstructionError) {
            var literals: [BoundedLiteral] = []
            var foldedLiterals: [FoldedLiteral] = []
            var compiled: [PythonRegex] = []
            for word in words {
                if let literal = BoundedLiteral(word, bounded: bounded) {
                    literals.append(literal)
                } else if let literal = FoldedLiteral(word, bounded: bounded) {
                    foldedLiterals.append(literal)
                } else {
                    compiled.append(try PythonRegex.compile(bounded ? #"\b"# + word + #"\b"# : word, ignoreCase: true, args: args, key: key))
                }
            }
            self.literals = literals
            self.foldedLiterals = foldedLiterals
            self.compiled = compiled
        }

        /// Every word is found (`re.search` for each).
        func all(in text: String) -> Bool {
            let folded = literals.isEmpty ? [] : BoundedLiteral.folded(text)
            let keys = foldedLiterals.isEmpty ? [] : FoldedLiteral.keys(text)
            return literals.allSatisfy { $0.search(folded: folded, text) } && foldedLiterals.allSatisfy { $0.count(keys: keys, atMost: 1) == 1 }
                && compiled.allSatisfy { $0.search(text) }
        }

        /// Some word is found.
        func any(in text: String) -> Bool {
            let folded = literals.isEmpty ? [] : BoundedLiteral.folded(text)
            let keys = foldedLiterals.isEmpty ? [] : FoldedLiteral.keys(text)
            return literals.contains { $0.search(folded: folded, text) } || foldedLiterals.contains { $0.count(keys: keys, atMost: 1) == 1 }
                || compiled.contains { $0.search(text) }
        }

        /// `len(re.findall(word, text, re.IGNORECASE))` summed over the words (unbounded words).
        func count(_ text: String) -> Int {
            let folded = literals.isEmpty ? [] : BoundedLiteral.folded(text)
            let keys = foldedLiterals.isEmpty ? [] : FoldedLiteral.keys(text)
            return literals.reduce(0) { $0 + $1.count(folded: folded) } + foldedLiterals.reduce(0) { $0 + $1.count(keys: keys, atMost: .max) }
                + compiled.reduce(0) { $0 + $1.count(text) }
        }
    }

    /// `re.search` (`r"\b" + word + r"\b"` when `bounded`, else `word`) and `len(re.findall(...))`
    /// with `re.IGNORECASE`, for a word of literal code points (no metacharacter, no `.`; so no
    /// inline flag either) that is not a `BoundedLiteral`: non-ASCII words, or ASCII punctuation
    /// without meaning in a pattern (`STEAL;`, `JSON:`). No pattern is compiled: compiling `\b` +
    /// word + `\b` built eight ICU Unicode sets, about 1.7 M instructions a word, once per distinct
    /// word (callgrind of `m2rl score` on bench/instruction.sh's requests). The word's case keys
    /// (`PythonRegex.caseKey`, one per code point, as the compiled pattern matches) are searched
    /// among the text's, left to right and without overlap; a bounded occurrence counts when
    /// each end is a `\b`: the code points on either side differ in being Python's `\w`
    /// (`PythonText.isWord`; a key is a word code point exactly when its code point is).
    struct FoldedLiteral: Sendable {
        let needle: [Unicode.Scalar]
        let bounded: Bool
        /// Whether the needle's first and last code points are `\w`.
        let firstIsWord: Bool, lastIsWord: Bool

        init?(_ word: String, bounded: Bool) {
            guard !word.isEmpty, IFTrainText.isLiteral(word) else { return nil }
            needle = PythonText.scalars(word).map(PythonRegex.caseKey)
            self.bounded = bounded
            firstIsWord = PythonText.isWord(needle[0])
            lastIsWord = PythonText.isWord(needle[needle.count - 1])
        }

        /// The text's case keys, one per code point.
        static func keys(_ text: String) -> [Unicode.Scalar] {
            PythonText.scalars(text).map(PythonRegex.caseKey)
        }

        /// The matches among `keys`, counting up to `limit`.
        func count(keys t: [Unicode.Scalar], atMost limit: Int) -> Int {
            let n = needle.count
            let head = needle[0]
            var found = 0
            var i = 0
            while i + n <= t.count, found < limit {
                guard t[i] == head, t[i..<(i + n)].elementsEqual(needle) else { i += 1; continue }
                if bounded {
                    let before = i > 0 && PythonText.isWord(t[i - 1])
                    let after = i + n < t.count && PythonText.isWord(t[i + n])
                    guard before != firstIsWord, after != lastIsWord else { i += 1; continue }
                }
                found += 1
                i += n
            }
            return found
        }
    }

    /// `re.search(r"\b" + word + r"\b", text, re.IGNORECASE)` for a word that is a plain ASCII
    /// literal (letters, digits, `_`, space, `-`, `'`: no character the pattern syntax treats
    /// specially), found without compiling the pattern: compiling `\b` builds ICU Unicode sets,
    /// which costs far more than the search. Same rule as the compiled pattern: the text is
    /// matched through its case keys, and at every occurrence the code points on either side of
    /// each end must differ in being word code points. A neighbour outside ASCII is judged by the
    /// compiled pattern itself (the search falls back to it), so no Unicode table is duplicated.
    ///
    /// Unbounded (`bounded: false`), it is `re.search(word, text, re.IGNORECASE)` and
    /// `len(re.findall(...))` for such a word (`keywords:existence`, `keywords:frequency`): every
    /// occurrence among the case keys counts, nothing is undecided, and the compiled pattern is
    /// never needed (an ASCII needle matches the folded UTF-8 only at whole ASCII code points).
    struct BoundedLiteral: Sendable {
        /// The word's case keys (ASCII lowercase), as UTF-8.
        let needle: [UInt8]
        let pattern: String
        let bounded: Bool

        init?(_ word: String, bounded: Bool = true) {
            guard !word.isEmpty, word.utf8.allSatisfy(Self.isPlain) else { return nil }
            needle = word.utf8.map(Self.lower)
            pattern = bounded ? #"\b"# + word + #"\b"# : word
            self.bounded = bounded
        }

        /// The case keys of `text` as UTF-8.
        static func folded(_ text: String) -> [UInt8] {
            // ASCII lowercase for ASCII text; the full table otherwise (some non-ASCII code points
            // have ASCII keys, such as the Kelvin sign).
            text.utf8.allSatisfy { $0 < 0x80 } ? text.utf8.map(Self.lower) : Array(IFEvalInstructions.PythonRegex.caseFolded(text).utf8)
        }

        /// `len(re.findall(word, text, re.IGNORECASE))` for an unbounded literal: its
        /// non-overlapping occurrences among the case keys, left to right.
        func count(folded t: [UInt8]) -> Int {
            precondition(!bounded, "count is for unbounded literals")
            let n = needle.count
            guard let head = needle.first else { return 0 }
            var found = 0
            var i = 0
            while i + n <= t.count {
                if t[i] == head, t[i..<(i + n)].elementsEqual(needle) {
                    found += 1
                    i += n
                } else {
                    i += 1
                }
            }
            return found
        }

        static func isPlain(_ b: UInt8) -> Bool {
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "_"), UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "'"):
                true
            default:
                false
            }
        }

        static func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 0x20 : b }

        /// Python's `\w` on an ASCII byte.
        static func isWord(_ b: UInt8) -> Bool {
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F
        }

        /// `re.search` on `text`, whose case keys are `folded`.
        func search(folded: [UInt8], _ text: String) -> Bool {
            switch scan(folded) {
            case .found: return true
            case .absent: return false
            case .undecided:
                guard let regex = IFEvalInstructions.PythonRegex.compileIfValid(pattern, ignoreCase: true) else { return false }
                return regex.search(text)
            }
        }

        enum Outcome { case found, absent, undecided }

        /// Every occurrence of the needle in the case-folded UTF-8 (an ASCII needle can only
        /// match whole code points), its ends checked as `\b` is.
        private func scan(_ t: [UInt8]) -> Outcome {
            let n = needle.count
            guard t.count >= n, let head = needle.first, let tail = needle.last else { return .absent }
            let firstIsWord = Self.isWord(head)
            let lastIsWord = Self.isWord(tail)
            var undecided = false
            var i = 0
            while i + n <= t.count {
                if t[i] == head, t[i..<(i + n)].elementsEqual(needle) {
                    if !bounded { return .found }
                    // The code point before: ASCII if its last byte is; a non-ASCII one undecided.
                    let before: Bool?
                    if i == 0 { before = false } else if t[i - 1] < 0x80 { before = Self.isWord(t[i - 1]) } else { before = nil }
                    let after: Bool?
                    if i + n == t.count { after = false } else if t[i + n] < 0x80 { after = Self.isWord(t[i + n]) } else { after = nil }
                    if let before, let after {
                        if before != firstIsWord, after != lastIsWord { return .found }
                    } else {
                        undecided = true
                    }
                }
                i += 1
            }
            return undecided ? .undecided : .absent
        }
    }

    /// `keywords:letter_frequency`: the number of code points of `response.lower()` (Python's
    /// full lowercase, so `K` and the Kelvin sign both count as `k`) equal to the letter,
    /// compared with `let_frequency`: `<` for "less than", `>=` for "at least".
    ///
    /// Kwargs: `letter` (one code point whose lowercase is one ASCII letter `a`–`z`, as the
    /// reference accepts; anything else makes it draw a random letter, or crash), `let_frequency`
    /// (an integer ≥ 0), `let_relation`.
    static let letterFrequency = InstructionKind("keywords:letter_frequency", family: family, kwargs: ["letter", "let_frequency", "let_relation"]) { args throws(InstructionError) in
        let letterText = try args.string("letter")
        let lowered = PythonText.lowerScalars(letterText.unicodeScalars)
        guard letterText.unicodeScalars.count == 1, lowered.count == 1, let letter = lowered.first,
              letter.value >= 0x61, letter.value <= 0x7A
        else { throw args.invalid("letter", "must be one letter a-z or A-Z, got '\(letterText.prefix(20))'") }
        let frequency = try nonNegativeInt(args, "let_frequency")
        let relation = try args.relation("let_relation")
        return ClosureCheck { response in
            let count = PythonText.lowerScalars(response.unicodeScalars).reduce(0) { $0 + ($1 == letter ? 1 : 0) }
            return relation.holds(count, frequency)
        }
    }
}

// MARK: - language

extension IFEvalInstructions {
    /// The language codes the reference accepts (its `LANGUAGE_CODES` table; a code outside it
    /// makes the reference fail with a KeyError while building the instruction).
    static let languageCodes: Set<String> = [
        "en", "es", "pt", "ar", "hi", "fr", "ru", "de", "ja", "it", "bn", "uk", "th", "ur", "ta",
        "te", "bg", "ko", "pl", "he", "fa", "vi", "ne", "sw", "kn", "mr", "gu", "pa", "ml", "fi",
    ]

    /// `language:response_language`: langdetect's `detect(response)` equals `language`. When
    /// langdetect cannot detect anything (no letters), the reference catches the exception and
    /// the response follows the instruction; so does m2rl (`LanguageIdentifier.detect` is nil).
    ///
    /// Kwargs: `language` (one of the reference's 30 ISO 639-1 codes).
    static let responseLanguage = InstructionKind("language:response_language", family: family, kwargs: ["language"]) { args throws(InstructionError) in
        let language = try args.string("language")
        guard languageCodes.contains(language) else {
            throw args.invalid("language", "must be one of the reference's language codes (\(languageCodes.sorted().joined(separator: ", "))), got '\(language.prefix(20))'")
        }
        return ClosureCheck { response in
            guard let detected = LanguageIdentifier.detect(response) else { return true }
            return detected == language
        }
    }
}

// MARK: - length constraints

extension IFEvalInstructions {
    /// `length_constraints:number_sentences`: the number of sentences NLTK's English Punkt
    /// tokenizer finds (`PunktSentences.count`) compared with `num_sentences`: `<` for
    /// "less than", `>=` for "at least".
    ///
    /// Kwargs: `num_sentences` (an integer ≥ 0), `relation`.
    static let numberSentences = InstructionKind("length_constraints:number_sentences", family: family, kwargs: ["num_sentences", "relation"]) { args throws(InstructionError) in
        let target = try nonNegativeInt(args, "num_sentences")
        let relation = try args.relation("relation")
        return ClosureCheck { response in relation.holds(PunktSentences.count(response), target) }
    }

    /// `length_constraints:number_paragraphs`: the response is split at every match of
    /// `\s?\*\*\*\s?` (a `***` divider with at most one whitespace code point on each side);
    /// a blank first or last piece is not counted, a blank piece anywhere else fails the
    /// instruction; the count must equal `num_paragraphs` exactly. Quirk kept: `****` splits
    /// after its first three stars, leaving a piece that starts with `*`.
    ///
    /// Kwargs: `num_paragraphs` (an integer ≥ 0).
    static let numberParagraphs = InstructionKind("length_constraints:number_paragraphs", family: family, kwargs: ["num_paragraphs"]) { args throws(InstructionError) in
        let target = try nonNegativeInt(args, "num_paragraphs")
        return ClosureCheck { response in
            let text = PythonText.scalars(response)
            let pieces = dividerPieces(text)
            var count = pieces.count
            for (index, piece) in pieces.enumerated() where Py.isBlank(text[piece]) {
                guard index == 0 || index == pieces.count - 1 else { return false }
                count -= 1
            }
            return count == target
        }
    }

    /// The pieces of `re.split(r"\s?\*\*\*\s?", text)` as ranges of `text`.
    static func dividerPieces(_ text: [Unicode.Scalar]) -> [Range<Int>] {
        var pieces: [Range<Int>] = []
        var start = 0
        var i = 0
        let n = text.count
        func stars(_ k: Int) -> Bool { k + 2 < n && text[k] == "*" && text[k + 1] == "*" && text[k + 2] == "*" }
        while i < n {
            var end: Int
            if PythonText.isSpace(text[i]), stars(i + 1) {
                end = i + 4
            } else if stars(i) {
                end = i + 3
            } else {
                i += 1
                continue
            }
            if end < n, PythonText.isSpace(text[end]) { end += 1 }
            pieces.append(start..<i)
            start = end
            i = end
        }
        pieces.append(start..<n)
        return pieces
    }

    /// `length_constraints:number_words`: the number of `\w+` runs (NLTK's
    /// `RegexpTokenizer(r"\w+")`, `PythonText.wordCount`) compared with `num_words`: `<` for
    /// "less than", `>=` for "at least".
    ///
    /// Kwargs: `num_words` (an integer ≥ 0), `relation`.
    static let numberWords = InstructionKind("length_constraints:number_words", family: family, kwargs: ["num_words", "relation"]) { args throws(InstructionError) in
        let target = try nonNegativeInt(args, "num_words")
        let relation = try args.relation("relation")
        return ClosureCheck { response in relation.holds(PythonText.wordCount(response), target) }
    }

    /// `length_constraints:nth_paragraph_first_word`: paragraphs are the pieces of
    /// `response.split("\n\n")`; their count is the number of pieces that are not blank, and it
    /// must equal `num_paragraphs`; and the first word of paragraph `nth_paragraph` must equal
    /// `first_word` lowercased. The first word is the paragraph's (stripped) first
    /// whitespace-separated token with leading `'` then leading `"` removed, cut at its first
    /// `. , ? ! ' "`, each code point lowercased.
    ///
    /// Quirks kept: the nth paragraph is taken by position among all pieces, blank ones included
    /// (a blank piece there fails), while the count skips blank pieces; `\n\n\n` leaves a piece
    /// starting with a newline, and a triple newline is one split.
    ///
    /// Kwargs: `num_paragraphs` (an integer ≥ 0), `nth_paragraph` (1 … `num_paragraphs`; other
    /// values make the reference draw a random one), `first_word` (a string; an empty one matches
    /// a paragraph whose first token starts with one of the cut marks).
    static let nthParagraphFirstWord = InstructionKind(
        "length_constraints:nth_paragraph_first_word", family: family, kwargs: ["num_paragraphs", "nth_paragraph", "first_word"]
    ) { args throws(InstructionError) in
        let target = try nonNegativeInt(args, "num_paragraphs")
        let nth = try args.int("nth_paragraph")
        guard nth >= 1, nth <= target else {
            throw args.invalid("nth_paragraph", "must be between 1 and num_paragraphs (\(target)), got \(nth)")
        }
        let firstWord = PythonText.lowerScalars(try args.string("first_word").unicodeScalars)
        let cuts: Set<Unicode.Scalar> = [".", ",", "?", "!", "'", "\""]
        return ClosureCheck { response in
            let text = PythonText.scalars(response)
            let pieces = Py.split(text[...], separator: ["\n", "\n"])
            let count = pieces.filter { !Py.isBlank($0) }.count
            guard nth <= count else { return false }
            let paragraph = Py.strip(pieces[nth - 1])
            guard let token = Py.splitWhitespace(paragraph).first else { return false }
            var word = token
            while word.first == "'" { word = word.dropFirst() }
            while word.first == "\"" { word = word.dropFirst() }
            var first: [Unicode.Scalar] = []
            for scalar in word {
                if cuts.contains(scalar) { break }
                first.append(contentsOf: PythonText.lowerScalars(CollectionOfOne(scalar)))
            }
            return count == target && first == firstWord
        }
    }
}

// MARK: - detectable content

extension IFEvalInstructions {
    /// `detectable_content:number_placeholders`: the number of `re.findall(r"\[.*?\]")` matches
    /// (a `[` up to the nearest `]` on the same line; matches do not overlap) is at least
    /// `num_placeholders`. Quirk kept: `[]` counts, and `[a [b]` is one placeholder.
    ///
    /// Kwargs: `num_placeholders` (an integer ≥ 0).
    static let numberPlaceholders = InstructionKind("detectable_content:number_placeholders", family: family, kwargs: ["num_placeholders"]) { args throws(InstructionError) in
        let target = try nonNegativeInt(args, "num_placeholders")
        return ClosureCheck { response in placeholderCount(PythonText.scalars(response)) >= target }
    }

    static func placeholderCount(_ text: [Unicode.Scalar]) -> Int {
        var count = 0
        var i = 0
        let n = text.count
        while i < n {
            guard text[i] == "[" else { i += 1; continue }
            var j = i + 1
            while j < n, text[j] != "]", text[j] != "\n" { j += 1 }
            if j < n, text[j] == "]" {
                count += 1
                i = j + 1
            } else if j < n {
                // A newline before any `]`: no match starts here; the next `[` is at or after it.
                i = j + 1
            } else {
                break
            }
        }
        return count
    }

    /// `detectable_content:postscript`: the lowercased response (Python's `lower()`) contains a
    /// postscript mark, searched line by line (`re.MULTILINE`):
    /// - marker `P.P.S`: `p.`, an optional whitespace code point, `p.`, an optional whitespace
    ///   code point, `s` (pattern `\s*p\.\s?p\.\s?s.*$`);
    /// - marker `P.S.`: `p.`, an optional whitespace code point, `s.` (pattern `\s*p\.\s?s\..*$`);
    /// - any other marker: the pattern `\s*` + marker.lower() + `.*$`, the marker read as a
    ///   Python regular expression (quirk kept: `P.S` also matches `pxs`, since `.` is any code
    ///   point but a newline).
    /// The mark may be anywhere, not only at the end, and the whitespace may be a newline.
    ///
    /// Kwargs: `postscript_marker` (a string, stripped as the reference does).
    static let postscript = InstructionKind("detectable_content:postscript", family: family, kwargs: ["postscript_marker"]) { args throws(InstructionError) in
        let marker = String(PythonText.strip(try args.string("postscript_marker")))
        if marker == "P.P.S" {
            return ClosureCheck { response in
                Py.containsMark(PythonText.lowerScalars(response.unicodeScalars), ["p", ".", nil, "p", ".", nil, "s"])
            }
        }
        if marker == "P.S." {
            return ClosureCheck { response in
                Py.containsMark(PythonText.lowerScalars(response.unicodeScalars), ["p", ".", nil, "s", "."])
            }
        }
        let lowered = PythonText.lower(marker)
        // A marker of literal code points and `.` (any code point but a newline) needs no regex
        // engine: `.*$` after it always matches, so the search is a scan for the marker.
        let pattern = PythonText.scalars(lowered)
        if !pattern.isEmpty, !pattern.contains(where: IFTrainText.metacharacters.contains) {
            return ClosureCheck { response in
                Py.containsWildcard(PythonText.lowerScalars(PythonText.scalars(response)), pattern)
            }
        }
        // `\s*` in front of the marker only decides where a match starts, never whether one
        // exists, and over a long run of whitespace it backtracks quadratically; it is left out
        // unless the marker's start would parse differently after it (a repeat sign, or a `(?`
        // group, where inline flags become an error).
        let keepsPrefix = lowered.unicodeScalars.first.map { "*+?{".unicodeScalars.contains($0) } == true || lowered.hasPrefix("(?")
        let regexPattern = (keepsPrefix ? #"\s*"# : "") + lowered + ".*$"
        let regex = try PythonRegex.compile(regexPattern, ignoreCase: false, multiline: true, args: args, key: "postscript_marker")
        return ClosureCheck { response in regex.search(PythonText.lower(response)) }
    }
}

// MARK: - detectable format

extension IFEvalInstructions {
    /// `detectable_format:number_bullet_lists`: the number of matches of `^\s*\*[^\*].*$` plus
    /// the number of matches of `^\s*-.*$` (each `re.findall` with `re.MULTILINE`) equals
    /// `num_bullets`. A bullet is a line whose leading whitespace is followed by `*` and a code
    /// point other than `*`, or by `-`.
    ///
    /// Quirks kept: `\s*` runs across blank lines, and `[^\*]` may be the newline, so a `*` that
    /// ends a line swallows the next line (which then cannot be a bullet itself); a `---` rule or
    /// a negative number at a line start counts as a `-` bullet; `**bold**` lines do not count.
    ///
    /// Kwargs: `num_bullets` (an integer ≥ 0).
    static let numberBulletLists = InstructionKind("detectable_format:number_bullet_lists", family: family, kwargs: ["num_bullets"]) { args throws(InstructionError) in
        let target = try nonNegativeInt(args, "num_bullets")
        return ClosureCheck { response in
            let text = PythonText.scalars(response)
            return bulletCount(text, star: true) + bulletCount(text, star: false) == target
        }
    }

    /// Counts `re.findall` matches of `^\s*\*[^\*].*$` (`star`) or `^\s*-.*$` with MULTILINE in
    /// one linear pass: a match starts at a line start, its `\s*` takes the whole whitespace run
    /// (backtracking into it never helps, since the next code point would be whitespace), and it
    /// ends at the first newline after its mark; the search resumes where the match ended.
    static func bulletCount(_ text: [Unicode.Scalar], star: Bool) -> Int {
        let n = text.count
        var count = 0
        var lineStart = 0
        while lineStart < n {
            var q = lineStart
            while q < n, PythonText.isSpace(text[q]) { q += 1 }
            var bodyStart: Int? = nil
            if star {
                if q + 1 < n, text[q] == "*", text[q + 1] != "*" { bodyStart = q + 2 }
            } else if q < n, text[q] == "-" {
                bodyStart = q + 1
            }
            var resume: Int
            if let body = bodyStart {
                count += 1
                var r = body
                while r < n, text[r] != "\n" { r += 1 }
                resume = r
            } else {
                // Every line start inside the whitespace run ends its `\s*` at the same `q`,
                // so fails the same way.
                resume = q
            }
            // The next line start at or after `resume` (a line starts after each newline).
            var k = resume
            if k > lineStart, k <= n, text[k - 1] == "\n" {
                lineStart = k
                continue
            }
            while k < n, text[k] != "\n" { k += 1 }
            lineStart = k + 1
            if k >= n { break }
        }
        return count
    }

    /// The options the reference's constrained-response instruction offers.
    static let constrainedOptions: [[Unicode.Scalar]] = ["My answer is yes.", "My answer is no.", "My answer is maybe."].map { PythonText.scalars($0) }

    /// `detectable_format:constrained_response`: the stripped response contains (anywhere, case
    /// sensitive) one of "My answer is yes.", "My answer is no.", "My answer is maybe.".
    ///
    /// Kwargs: none.
    static let constrainedResponse = InstructionKind("detectable_format:constrained_response", family: family) { _ throws(InstructionError) in
        ClosureCheck { response in
            let text = Py.strip(PythonText.scalars(response)[...])
            return constrainedOptions.contains { Py.contains(text, $0) }
        }
    }

    /// `detectable_format:number_highlighted_sections`: highlights are counted as lm-eval 0.4.13
    /// counts them: every `re.findall(r"\*[^\n\*]*\*")` match (`*text*` within one line) whose text
    /// is not blank, plus every `re.findall(r"\*\*[^\n\*]*\*\*")` match (`**text**`) whose text is
    /// not blank; the total must be at least `num_highlights`. Quirk kept (lm-eval's change to
    /// Google's checker): `**bold**` counts once, through the second pattern (the first only sees
    /// its empty `**` pairs); `*a* b*` counts `*a*` only.
    ///
    /// Kwargs: `num_highlights` (an integer ≥ 0).
    static let numberHighlightedSections = InstructionKind("detectable_format:number_highlighted_sections", family: family, kwargs: ["num_highlights"]) { args throws(InstructionError) in
        let target = try nonNegativeInt(args, "num_highlights")
        return ClosureCheck { response in
            let text = PythonText.scalars(response)
            return highlightCount(text, double: false) + highlightCount(text, double: true) >= target
        }
    }

    /// Non-blank matches of `\*[^\n\*]*\*` (or, `double`, `\*\*[^\n\*]*\*\*`), found left to right
    /// without overlap.
    static func highlightCount(_ text: [Unicode.Scalar], double: Bool) -> Int {
        let n = text.count
        let width = double ? 2 : 1
        func opens(_ k: Int) -> Bool { k + width <= n && text[k] == "*" && (!double || text[k + 1] == "*") }
        var count = 0
        var i = 0
        while i < n {
            guard opens(i) else { i += 1; continue }
            var j = i + width
            while j < n, text[j] != "\n", text[j] != "*" { j += 1 }
            if opens(j) {
                if !Py.isBlank(text[(i + width)..<j]) { count += 1 }
                i = j + width
            } else {
                i += 1
            }
        }
        return count
    }

    /// `detectable_format:multiple_sections`: the number of matches of `\s?` + splitter +
    /// `\s?\d+\s?` (the splitter as a case-sensitive Python regular expression, then an optional
    /// whitespace code point and a number) is at least `num_sections` (the reference counts the
    /// pieces of `re.split` minus one). Quirk kept: "Sections 1" does not match "Section" + number,
    /// but "SubSection 2" does, and text before the first splitter is not a section.
    ///
    /// Kwargs: `section_spliter` (a string, stripped as the reference does), `num_sections` (an
    /// integer ≥ 0).
    static let multipleSections = InstructionKind("detectable_format:multiple_sections", family: family, kwargs: ["section_spliter", "num_sections"]) { args throws(InstructionError) in
        let splitter = String(PythonText.strip(try args.string("section_spliter")))
        let target = try nonNegativeInt(args, "num_sections")
        // A literal splitter (the usual "Section", "SECTION", "Day") is matched without the
        // regex engine, which spent more time setting up each search than searching.
        if !splitter.isEmpty, IFTrainText.isLiteral(splitter) {
            let literal = PythonText.scalars(splitter)
            return ClosureCheck { response in sectionCount(PythonText.scalars(response), splitter: literal) >= target }
        }
        let regex = try PythonRegex.compile(#"\s?"# + splitter + #"\s?\d+\s?"#, ignoreCase: false, args: args, key: "section_spliter")
        return ClosureCheck { response in regex.count(response) >= target }
    }

    /// The number of `re.findall` matches of `\s?` + `splitter` + `\s?\d+\s?` in `text`, for a
    /// non-empty splitter of literal code points (no metacharacter, no `.`), in one pass. The
    /// optional whitespace at either end never changes the count: the splitter is stripped, so
    /// it cannot start with whitespace that a match before it took. What counts is the leftmost
    /// splitter followed by an optional whitespace code point (`str.isspace()`) and at least one
    /// decimal digit (`\d`: category Nd); the digits run as far as they go (the regex is greedy
    /// and never gives them back to a later match), and the search resumes after them.
    /// Agrees with the compiled pattern (`IFEvalInstructionTests`, on generated texts).
    static func sectionCount(_ text: [Unicode.Scalar], splitter: [Unicode.Scalar]) -> Int {
        let n = text.count, width = splitter.count
        var count = 0
        var p = 0
        while p + width <= n {
            guard text[p] == splitter[0], text[p..<(p + width)].elementsEqual(splitter) else { p += 1; continue }
            var r = p + width
            if r < n, PythonText.isSpace(text[r]) { r += 1 }
            guard r < n, PythonText.isDecimal(text[r]) else { p += 1; continue }
            while r < n, PythonText.isDecimal(text[r]) { r += 1 }
            count += 1
            p = r
        }
        return count
    }

    /// `detectable_format:json_format`: the response, stripped, with the prefixes "```json",
    /// "```Json", "```JSON" and "```" removed in that order (each at most once, one after the
    /// other) and a final "```" removed, stripped again, is a document Python's `json.loads`
    /// accepts (see `PythonJSON`).
    ///
    /// Kwargs: none.
    static let jsonFormat = InstructionKind("detectable_format:json_format", family: family) { _ throws(InstructionError) in
        ClosureCheck { response in
            var text = Py.strip(PythonText.scalars(response)[...])
            for prefix in ["```json", "```Json", "```JSON", "```"] {
                let p = PythonText.scalars(prefix)
                if Py.hasPrefix(text, p) { text = text.dropFirst(p.count) }
            }
            let fence = PythonText.scalars("```")
            if Py.hasSuffix(text, fence) { text = text.dropLast(fence.count) }
            return PythonJSON.loads(Py.strip(text))
        }
    }

    /// `detectable_format:title`: some match of `<<[^\n]+>>` (greedy: from a line's first `<<` to
    /// its last `>>`, at least one code point between) is not blank once its leading `<` and
    /// trailing `>` are stripped. Quirk kept: the match is greedy, so `<<a>> and <<b>>` is one
    /// title, and `<<<>>>` is none.
    ///
    /// Kwargs: none.
    static let title = InstructionKind("detectable_format:title", family: family) { _ throws(InstructionError) in
        ClosureCheck { response in
            let text = PythonText.scalars(response)
            for line in Py.split(text[...], separator: ["\n"]) where hasTitle(line) { return true }
            return false
        }
    }

    /// Whether one line holds a `<<[^\n]+>>` match that is a title. Within a line the greedy match
    /// runs from the first `<<` to the last `>>` (when they leave at least one code point between),
    /// and nothing after it can match again.
    static func hasTitle(_ line: ArraySlice<Unicode.Scalar>) -> Bool {
        let s = line.startIndex
        let n = line.endIndex
        var open: Int? = nil
        var k = s
        while k + 1 < n {
            if line[k] == "<", line[k + 1] == "<" { open = k; break }
            k += 1
        }
        guard let start = open else { return false }
        var close: Int? = nil
        k = n - 2
        while k >= start + 3 {
            if line[k] == ">", line[k + 1] == ">" { close = k; break }
            k -= 1
        }
        guard let end = close else { return false }
        var body = line[start..<(end + 2)]
        while body.first == "<" { body = body.dropFirst() }
        while body.last == ">" { body = body.dropLast() }
        return !Py.isBlank(body)
    }
}

// MARK: - combination

extension IFEvalInstructions {
    /// `combination:two_responses`: `response.split("******")` gives exactly two non-blank
    /// pieces, which differ once stripped (compared code point by code point); a blank piece is
    /// allowed only first or last. Quirk kept: seven stars leave a `*` piece, which counts.
    ///
    /// Kwargs: none.
    static let twoResponses = InstructionKind("combination:two_responses", family: family) { _ throws(InstructionError) in
        ClosureCheck { response in
            let text = PythonText.scalars(response)
            let pieces = Py.split(text[...], separator: PythonText.scalars("******"))
            var valid: [ArraySlice<Unicode.Scalar>] = []
            for (index, piece) in pieces.enumerated() {
                if Py.isBlank(piece) {
                    if index != 0, index != pieces.count - 1 { return false }
                } else {
                    valid.append(piece)
                }
            }
            return valid.count == 2 && !Py.strip(valid[0]).elementsEqual(Py.strip(valid[1]))
        }
    }

    /// `combination:repeat_prompt`: the stripped, lowercased response starts with the stripped,
    /// lowercased `prompt_to_repeat` (Python's `lower()`, code point comparison). The problem's
    /// own prompt is not used: lm-eval rebuilds an instruction with the prompt only when its
    /// arguments have a `prompt` key, and this one's is `prompt_to_repeat`.
    ///
    /// Kwargs: `prompt_to_repeat` (a non-empty string; the reference raises on an empty one).
    static let repeatPrompt = InstructionKind("combination:repeat_prompt", family: family, kwargs: ["prompt_to_repeat"]) { args throws(InstructionError) in
        let prompt = try args.string("prompt_to_repeat")
        guard !prompt.isEmpty else { throw args.invalid("prompt_to_repeat", "must not be empty (the reference raises for an empty prompt)") }
        let expected = PythonText.lowerScalars(Py.strip(PythonText.scalars(prompt)[...]))
        return ClosureCheck { response in
            let text = PythonText.lowerScalars(Py.strip(PythonText.scalars(response)[...]))
            return Py.hasPrefix(text[...], expected)
        }
    }
}

// MARK: - start / end

extension IFEvalInstructions {
    /// `startend:end_checker`: `response.strip().strip('"').lower()` ends with
    /// `end_phrase.strip().lower()`. Quirk kept: whitespace left inside a closing quote is not
    /// stripped again, so `... phrase "` does not end with the phrase.
    ///
    /// Kwargs: `end_phrase` (a string; an empty or blank one is followed by every response).
    static let endChecker = InstructionKind("startend:end_checker", family: family, kwargs: ["end_phrase"]) { args throws(InstructionError) in
        let phrase = PythonText.lowerScalars(Py.strip(PythonText.scalars(try args.string("end_phrase"))[...]))
        return ClosureCheck { response in
            var text = Py.strip(PythonText.scalars(response)[...])
            while text.first == "\"" { text = text.dropFirst() }
            while text.last == "\"" { text = text.dropLast() }
            return Py.hasSuffix(PythonText.lowerScalars(text)[...], phrase)
        }
    }

    /// `startend:quotation`: the stripped response is longer than one code point and starts and
    /// ends with `"` (U+0022 only).
    ///
    /// Kwargs: none.
    static let quotation = InstructionKind("startend:quotation", family: family) { _ throws(InstructionError) in
        ClosureCheck { response in
            let text = Py.strip(PythonText.scalars(response)[...])
            return text.count > 1 && text.first == "\"" && text.last == "\""
        }
    }
}

// MARK: - change case

extension IFEvalInstructions {
    /// `change_case:capital_word_frequency`: the number of NLTK `word_tokenize` tokens
    /// (`WordTokenizer.tokenize`) that are `isupper()` (at least one cased code point, none
    /// lowercase or titlecase: `U.S.` and `A1` count, `I` counts) compared with
    /// `capital_frequency`: `<` for "less than", `>=` for "at least".
    ///
    /// Kwargs: `capital_frequency` (an integer; the reference takes a negative one as given),
    /// `capital_relation`.
    static let capitalWordFrequency = InstructionKind("change_case:capital_word_frequency", family: family, kwargs: ["capital_frequency", "capital_relation"]) { args throws(InstructionError) in
        let target = try args.int("capital_frequency")
        let relation = try args.relation("capital_relation")
        // The memo holds each sentence's count: the loose variants of a response differ from it
        // in a line or two and in `*`, so most of their sentences were counted already.
        return MemoCheck(memo: { [String: Int]() }) { response, counts in
            var count = 0
            for sentence in WordTokenizer.sentences(response) {
                if let known = counts[sentence] { count += known; continue }
                let upper = WordTokenizer.tokenizeSentence(sentence).count { PythonText.isUpper($0.unicodeScalars) }
                counts[sentence] = upper
                count += upper
            }
            return relation.holds(count, target)
        }
    }

    /// `change_case:english_capital`: the response is `isupper()` and langdetect detects English.
    /// Quirk kept: when langdetect detects nothing (an upper-case response with no letters it
    /// knows), the reference's exception handler makes the response follow.
    ///
    /// Kwargs: none.
    static let englishCapital = InstructionKind("change_case:english_capital", family: family) { _ throws(InstructionError) in
        ClosureCheck { response in
            guard PythonText.isUpper(response.unicodeScalars) else { return false }
            guard let language = LanguageIdentifier.detect(response) else { return true }
            return language == "en"
        }
    }

    /// `change_case:english_lowercase`: the response is `islower()` and langdetect detects English
    /// (a response langdetect detects nothing in follows, as in the reference).
    ///
    /// Kwargs: none.
    static let englishLowercase = InstructionKind("change_case:english_lowercase", family: family) { _ throws(InstructionError) in
        ClosureCheck { response in
            guard PythonText.isLower(response.unicodeScalars) else { return false }
            guard let language = LanguageIdentifier.detect(response) else { return true }
            return language == "en"
        }
    }
}

// MARK: - punctuation

extension IFEvalInstructions {
    /// `punctuation:no_comma`: the response has no `,` (U+002C; other commas such as `，` are
    /// allowed).
    ///
    /// Kwargs: none.
    static let noComma = InstructionKind("punctuation:no_comma", family: family) { _ throws(InstructionError) in
        ClosureCheck { response in !response.unicodeScalars.contains(",") }
    }
}

// MARK: - kwargs

extension IFEvalInstructions {
    /// A required integer the reference replaces with a random one when it is negative.
    static func nonNegativeInt(_ args: InstructionArguments, _ key: String) throws(InstructionError) -> Int {
        let value = try args.int(key)
        guard value >= 0 else { throw args.invalid(key, "must be at least 0 (the reference draws a random value for a negative one), got \(value)") }
        return value
    }
}

// MARK: - Python string operations on code points

extension IFEvalInstructions {
    /// Python `str` operations on arrays of code points, for the checkers above.
    enum Py {
        /// The code points as UTF-8 (built as bytes: appending scalar by scalar to a String is slow).
        static func utf8(_ scalars: some Sequence<Unicode.Scalar>) -> [UInt8] {
            var out: [UInt8] = []
            out.reserveCapacity(scalars.underestimatedCount)
            for scalar in scalars {
                if scalar.isASCII { out.append(UInt8(scalar.value)) } else { UTF8.encode(scalar) { out.append($0) } }
            }
            return out
        }

        static func isBlank(_ text: ArraySlice<Unicode.Scalar>) -> Bool {
            text.allSatisfy(PythonText.isSpace)
        }

        /// `str.strip()`.
        static func strip(_ text: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
            var lower = text.startIndex
            var upper = text.endIndex
            while lower < upper, PythonText.isSpace(text[lower]) { lower += 1 }
            while upper > lower, PythonText.isSpace(text[upper - 1]) { upper -= 1 }
            return text[lower..<upper]
        }

        /// `str.split()`: the runs of non-whitespace.
        static func splitWhitespace(_ text: ArraySlice<Unicode.Scalar>) -> [ArraySlice<Unicode.Scalar>] {
            var out: [ArraySlice<Unicode.Scalar>] = []
            var i = text.startIndex
            while i < text.endIndex {
                guard !PythonText.isSpace(text[i]) else { i += 1; continue }
                let start = i
                while i < text.endIndex, !PythonText.isSpace(text[i]) { i += 1 }
                out.append(text[start..<i])
            }
            return out
        }

        /// `str.split(separator)`: non-overlapping occurrences from the left, empty pieces kept.
        static func split(_ text: ArraySlice<Unicode.Scalar>, separator: [Unicode.Scalar]) -> [ArraySlice<Unicode.Scalar>] {
            guard !separator.isEmpty else { return [text] }
            var out: [ArraySlice<Unicode.Scalar>] = []
            var start = text.startIndex
            var i = text.startIndex
            while i + separator.count <= text.endIndex {
                if text[i] == separator[0], text[i..<(i + separator.count)].elementsEqual(separator) {
                    out.append(text[start..<i])
                    i += separator.count
                    start = i
                } else {
                    i += 1
                }
            }
            out.append(text[start..<text.endIndex])
            return out
        }

        static func hasPrefix(_ text: ArraySlice<Unicode.Scalar>, _ prefix: [Unicode.Scalar]) -> Bool {
            text.count >= prefix.count && text.prefix(prefix.count).elementsEqual(prefix)
        }

        static func hasSuffix(_ text: ArraySlice<Unicode.Scalar>, _ suffix: [Unicode.Scalar]) -> Bool {
            text.count >= suffix.count && text.suffix(suffix.count).elementsEqual(suffix)
        }

        /// `needle in text`.
        static func contains(_ text: ArraySlice<Unicode.Scalar>, _ needle: [Unicode.Scalar]) -> Bool {
            guard let head = needle.first else { return true }
            guard text.count >= needle.count else { return false }
            var i = text.startIndex
            while i + needle.count <= text.endIndex {
                if text[i] == head, text[i..<(i + needle.count)].elementsEqual(needle) { return true }
                i += 1
            }
            return false
        }

        /// Whether `text` contains the mark, where `nil` stands for one optional whitespace code
        /// point and the next element is never whitespace (so taking the whitespace when present
        /// is the only way to match).
        /// Whether `pattern` occurs in `text`, a `.` in the pattern standing for any code point
        /// but `\n` (Python's `.` without DOTALL). O(text × pattern).
        static func containsWildcard(_ text: [Unicode.Scalar], _ pattern: [Unicode.Scalar]) -> Bool {
            let m = pattern.count
            guard text.count >= m else { return false }
            for start in 0...(text.count - m) {
                var k = 0
                while k < m {
                    let c = text[start + k]
                    if pattern[k] == "." ? c == "\n" : c != pattern[k] { break }
                    k += 1
                }
                if k == m { return true }
            }
            return false
        }

        static func containsMark(_ text: [Unicode.Scalar], _ mark: [Unicode.Scalar?]) -> Bool {
            let n = text.count
            var i = 0
            while i < n {
                if text[i] == mark[0] {
                    var k = i
                    var ok = true
                    for element in mark {
                        if let scalar = element {
                            guard k < n, text[k] == scalar else { ok = false; break }
                            k += 1
                        } else if k < n, PythonText.isSpace(text[k]) {
                            k += 1
                        }
                    }
                    if ok { return true }
                }
                i += 1
            }
            return false
        }
    }
}

// MARK: - Python regular expressions

extension IFEvalInstructions {
    /// A Python `re` pattern (a `str` pattern) translated to ICU syntax and compiled, so that it
    /// matches what Python's `re` matches:
    /// - `.` is any code point but `\n`; `\s`, `\w`, `\d`, `\b`, `\B` use Python's classes
    ///   (`PythonText.isSpace`; letters, numbers and `_`; decimal digits); `\Z` is the very end;
    ///   `^`/`$` know only `\n` as a line end (ICU's Unix-lines mode);
    /// - a `{` that is not a valid repeat, and a lone `}` or `]`, are literal; `{,n}` is `{0,n}`;
    ///   in a class, `[` is literal and `]` first is literal; `(?P<name>…)`/`(?P=name)` become
    ///   ICU named groups; `\N{name}` is resolved to its code point;
    /// - leading global flags `(?imsxu)` are honoured (IGNORECASE, MULTILINE, DOTALL, VERBOSE);
    /// - IGNORECASE is Python's rule, not ICU's (which folds `ß` to `ss`): both the text and the
    ///   pattern's literals are mapped code point by code point to a case key (the simple
    ///   lowercase, then one representative for the pairs `re` treats as equal, such as `s`/`ſ`
    ///   and `i`/`ı`), and the translated pattern matches keys exactly.
    /// Not reproduced: scoped flags `(?i:…)`, the ASCII flag, conditional groups `(?(1)…)`
    /// (all refused, where Python accepts them); Python's refusal of variable-width lookbehinds,
    /// which ICU accepts when bounded.
    struct PythonRegex: @unchecked Sendable {
        // NSRegularExpression is immutable once compiled and safe to share across threads.
        let regex: NSRegularExpression
        /// The pattern is empty, which ICU refuses to compile; Python matches it everywhere.
        let empty: Bool
        /// IGNORECASE: the text is matched through its case keys.
        let foldsCase: Bool

        struct TranslationError: Error { var message: String }

        /// The translated pattern and the flags it ends up with (its own leading flags added).
        struct Translation {
            var pattern: String
            var ignoreCase: Bool
            var multiline: Bool
        }

        /// Compiled patterns, by flags and pattern: compiling costs far more than a search (ICU
        /// builds its Unicode sets anew each time), and RL scores many completions of one prompt.
        /// A locked dictionary, emptied when it reaches 4096 entries (swift-corelibs-foundation's
        /// NSCache is not safe for concurrent inserts: it traps on duplicate keys under load).
        private static let cache = PatternCache<PythonRegex>()
        static func compile(
            _ pattern: String, ignoreCase: Bool, multiline: Bool = false, args: InstructionArguments, key: String
        ) throws(InstructionError) -> PythonRegex {
            let cacheKey = "\(ignoreCase ? "i" : "-")\(multiline ? "m" : "-")\(pattern)"
            if let hit = cache[cacheKey] { return hit }
            let compiled = try compileUncached(pattern, ignoreCase: ignoreCase, multiline: multiline, args: args, key: key)
            cache[cacheKey] = compiled
            return compiled
        }

        /// The compiled pattern (cached as `compile` caches it), or nil when it is not one m2rl
        /// can run; for patterns already known to be valid.
        static func compileIfValid(_ pattern: String, ignoreCase: Bool) -> PythonRegex? {
            try? compile(pattern, ignoreCase: ignoreCase, args: InstructionArguments(id: "", values: [:], prompt: ""), key: "")
        }

        private static func compileUncached(
            _ pattern: String, ignoreCase: Bool, multiline: Bool, args: InstructionArguments, key: String
        ) throws(InstructionError) -> PythonRegex {
            do {
                let translation = try translate(pattern, ignoreCase: ignoreCase, multiline: multiline)
                var options: NSRegularExpression.Options = [.useUnixLineSeparators]
                if translation.multiline { options.insert(.anchorsMatchLines) }
                let icu = translation.pattern.isEmpty ? "(?:)" : translation.pattern
                let regex = try NSRegularExpression(pattern: icu, options: options)
                return PythonRegex(regex: regex, empty: pattern.isEmpty, foldsCase: translation.ignoreCase)
            } catch let error as TranslationError {
                throw args.invalid(key, "holds '\(pattern.prefix(60))', which is not a Python regular expression m2rl can run (\(error.message)); the reference uses it as one")
            } catch {
                throw args.invalid(key, "holds '\(pattern.prefix(60))', which is not a valid regular expression; the reference uses it as one")
            }
        }

        /// `re.search(pattern, text) is not None`.
        func search(_ text: String) -> Bool {
            if empty { return true }
            let subject = foldsCase ? Self.caseFolded(text) : text
            return regex.firstMatch(in: subject, range: NSRange(subject.startIndex..., in: subject)) != nil
        }

        /// `len(re.findall(pattern, text))`.
        func count(_ text: String) -> Int {
            if empty { return text.unicodeScalars.count + 1 }
            let subject = foldsCase ? Self.caseFolded(text) : text
            return regex.numberOfMatches(in: subject, range: NSRange(subject.startIndex..., in: subject))
        }

        // MARK: case keys

        /// The pairs Python's `re` treats as equal under IGNORECASE although their simple
        /// lowercases differ (the `_EXTRA_CASES` table of CPython 3.11's `re._casefix`), each
        /// mapped to the smallest code point of its group.
        static let extraCases: [UInt32: UInt32] = [
            0x131: 0x69, 0x17F: 0x73, 0x3BC: 0xB5, 0x3B9: 0x345, 0x1FBE: 0x345, 0x1FD3: 0x390,
            0x1FE3: 0x3B0, 0x3D0: 0x3B2, 0x3F5: 0x3B5, 0x3D1: 0x3B8, 0x3F0: 0x3BA, 0x3D6: 0x3C0,
            0x3F1: 0x3C1, 0x3C3: 0x3C2, 0x3D5: 0x3C6, 0x1C80: 0x432, 0x1C81: 0x434, 0x1C82: 0x43E,
            0x1C83: 0x441, 0x1C84: 0x442, 0x1C85: 0x442, 0x1C86: 0x44A, 0x1C87: 0x463, 0xA64B: 0x1C88,
            0x1E9B: 0x1E61, 0xFB06: 0xFB05,
        ]

        /// The code point's simple lowercase mapping (`İ` → `i`, where the full mapping adds a dot).
        static func simpleLower(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
            if scalar.isASCII {
                let v = scalar.value
                return v >= 0x41 && v <= 0x5A ? Unicode.Scalar(UInt8(v + 0x20)) : scalar
            }
            if scalar.value == 0x130 { return "i" }
            let mapping = scalar.properties.lowercaseMapping.unicodeScalars
            if mapping.count == 1, let single = mapping.first { return single }
            return scalar
        }

        /// The case key: two code points match under Python's IGNORECASE iff their keys are equal.
        static func caseKey(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
            // An ASCII key is its lowercase: the extra equivalences involve no ASCII code point as a key.
            if scalar.isASCII { return simpleLower(scalar) }
            let lower = simpleLower(scalar)
            if let representative = extraCases[lower.value], let key = Unicode.Scalar(representative) { return key }
            return lower
        }

        /// The text with every code point replaced by its case key (same length in code points).
        static func caseFolded(_ text: String) -> String {
            if text.utf8.allSatisfy({ $0 < 0x80 }) {
                return UTF8Text.string(repairing: text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 })
            }
            // Built as UTF-8 bytes: appending scalar by scalar to a String costs more than the keys.
            var out: [UInt8] = []
            out.reserveCapacity(text.utf8.count)
            for scalar in text.unicodeScalars {
                if scalar.isASCII {
                    let b = UInt8(scalar.value)
                    out.append(b >= 0x41 && b <= 0x5A ? b + 0x20 : b)
                } else {
                    UTF8.encode(caseKey(scalar)) { out.append($0) }
                }
            }
            return UTF8Text.string(repairing: out)
        }

        // MARK: translation

        static let wordClass = #"\p{L}\p{N}_"#
        static let spaceClass = #"\x{9}-\x{d}\x{1c}-\x{20}\x{85}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}"#
        static var boundary: String { "(?:(?<=[\(wordClass)])(?![\(wordClass)])|(?<![\(wordClass)])(?=[\(wordClass)]))" }
        static var nonBoundary: String { "(?:(?<=[\(wordClass)])(?=[\(wordClass)])|(?<![\(wordClass)])(?![\(wordClass)]))" }

        static func hex(_ value: UInt32) -> String { "\\x{" + String(value, radix: 16) + "}" }

        static func isHex(_ s: Unicode.Scalar) -> Bool {
            switch s { case "0"..."9", "a"..."f", "A"..."F": true; default: false }
        }

        static func isASCIIDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }
        static func isOctal(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x37 }
        static func isASCIIAlnum(_ s: Unicode.Scalar) -> Bool {
            isASCIIDigit(s) || (s.value >= 0x41 && s.value <= 0x5A) || (s.value >= 0x61 && s.value <= 0x7A)
        }

        /// One item of a translated escape: a code point, or a class body (`\d`, `\w`, …).
        enum Atom {
            case scalar(UInt32)
            case category(body: String, negated: Bool)
        }

        /// Translates a Python pattern to ICU syntax.
        static func translate(_ pattern: String, ignoreCase caseless: Bool, multiline lines: Bool) throws(TranslationError) -> Translation {
            let p = PythonText.scalars(pattern)
            let n = p.count
            var out = ""
            var i = 0
            // Keyed by code points: Python compares group names as code point sequences.
            var groupNames: [[UInt32]: String] = [:]
            var ignoreCase = caseless
            var multiline = lines
            var dotAll = false
            var verbose = false

            // Leading global flags: `(?imsx)`, possibly several groups.
            while i + 2 < n, p[i] == "(", p[i + 1] == "?", "aiLmsux".unicodeScalars.contains(p[i + 2]) {
                var j = i + 2
                var flags: [Unicode.Scalar] = []
                while j < n, "aiLmsux".unicodeScalars.contains(p[j]) { flags.append(p[j]); j += 1 }
                guard j < n, p[j] == ")" else { break }
                for flag in flags {
                    switch flag {
                    case "i": ignoreCase = true
                    case "m": multiline = true
                    case "s": dotAll = true
                    case "x": verbose = true
                    case "u": break
                    case "L": throw TranslationError(message: "bad inline flags: cannot use 'L' flag with a str pattern")
                    default: throw TranslationError(message: "the ASCII flag is not supported")
                    }
                }
                i = j + 1
            }

            func literal(_ value: UInt32) -> String {
                guard let scalar = Unicode.Scalar(value) else { return hex(value) }
                let key = ignoreCase ? caseKey(scalar) : scalar
                return isASCIIAlnum(key) ? String(Character(key)) : hex(key.value)
            }

            func fixedHex(_ count: Int) throws(TranslationError) -> UInt32 {
                guard i + count <= n, p[i..<(i + count)].allSatisfy(isHex),
                      let value = UInt32(PythonText.string(p[i..<(i + count)]), radix: 16)
                else { throw TranslationError(message: "incomplete escape") }
                i += count
                guard value <= 0x10FFFF else { throw TranslationError(message: "bad escape") }
                return value
            }

            /// An escape after `\` (p[i] is the code point after the backslash), in or out of a class.
            func escape(inClass: Bool) throws(TranslationError) -> Atom {
                guard i < n else { throw TranslationError(message: "bad escape (end of pattern)") }
                let c = p[i]
                i += 1
                switch c {
                case "d": return .category(body: #"\p{Nd}"#, negated: false)
                case "D": return .category(body: #"\p{Nd}"#, negated: true)
                case "w": return .category(body: wordClass, negated: false)
                case "W": return .category(body: wordClass, negated: true)
                case "s": return .category(body: spaceClass, negated: false)
                case "S": return .category(body: spaceClass, negated: true)
                case "a": return .scalar(7)
                case "f": return .scalar(12)
                case "n": return .scalar(10)
                case "r": return .scalar(13)
                case "t": return .scalar(9)
                case "v": return .scalar(11)
                case "x": return .scalar(try fixedHex(2))
                case "u": return .scalar(try fixedHex(4))
                case "U": return .scalar(try fixedHex(8))
                case "N":
                    guard i < n, p[i] == "{", let close = p[i...].firstIndex(of: "}"), close > i + 1 else {
                        throw TranslationError(message: "missing character name")
                    }
                    let name = PythonText.string(p[(i + 1)..<close])
                    i = close + 1
                    let resolved = "\\N{\(name)}".applyingTransform(StringTransform("Name-Any"), reverse: false) ?? ""
                    guard resolved.unicodeScalars.count == 1, let scalar = resolved.unicodeScalars.first else {
                        throw TranslationError(message: "undefined character name '\(name)'")
                    }
                    return .scalar(scalar.value)
                case "0":
                    var value: UInt32 = 0
                    var digits = 0
                    while digits < 2, i < n, isOctal(p[i]) { value = value * 8 + (p[i].value - 0x30); i += 1; digits += 1 }
                    return .scalar(value)
                default:
                    if inClass, c == "b" { return .scalar(8) }
                    if inClass, isOctal(c) {
                        var value = c.value - 0x30
                        var digits = 1
                        while digits < 3, i < n, isOctal(p[i]) { value = value * 8 + (p[i].value - 0x30); i += 1; digits += 1 }
                        guard value <= 0o377 else { throw TranslationError(message: "octal escape out of range") }
                        return .scalar(value)
                    }
                    if isASCIIAlnum(c) { throw TranslationError(message: "bad escape \\\(Character(c))") }
                    return .scalar(c.value)
                }
            }

            func classBody(_ atom: Atom) -> String {
                switch atom {
                case let .scalar(value): return literalInClass(value)
                case let .category(body, negated): return negated ? "[^" + body + "]" : body
                }
            }

            func literalInClass(_ value: UInt32) -> String {
                guard ignoreCase, let scalar = Unicode.Scalar(value) else { return hex(value) }
                return hex(caseKey(scalar).value)
            }

            func rangeInClass(_ lo: UInt32, _ hi: UInt32) -> String {
                guard ignoreCase else { return hex(lo) + "-" + hex(hi) }
                // Python matches the text's case key against the keys of the range's members.
                guard hi - lo <= 0x30000 else { return hex(lo) + "-" + hex(hi) }
                var keys: [UInt32] = []
                for value in lo...hi {
                    if let scalar = Unicode.Scalar(value) { keys.append(caseKey(scalar).value) } else { keys.append(value) }
                }
                keys.sort()
                var body = ""
                var k = 0
                while k < keys.count {
                    let start = keys[k]
                    var end = start
                    while k + 1 < keys.count, keys[k + 1] <= end + 1 { end = max(end, keys[k + 1]); k += 1 }
                    body += start == end ? hex(start) : hex(start) + "-" + hex(end)
                    k += 1
                }
                return body
            }

            while i < n {
                let c = p[i]
                i += 1
                if verbose {
                    // VERBOSE: whitespace between items is ignored, `#` starts a comment.
                    if " \t\n\r\u{B}\u{C}".unicodeScalars.contains(c) { continue }
                    if c == "#" {
                        while i < n, p[i] != "\n" { i += 1 }
                        continue
                    }
                }
                switch c {
                case "\\":
                    guard i < n else { throw TranslationError(message: "bad escape (end of pattern)") }
                    let e = p[i]
                    switch e {
                    case "b": i += 1; out += boundary
                    case "B": i += 1; out += nonBoundary
                    case "A": i += 1; out += #"\A"#
                    case "Z": i += 1; out += #"\z"#
                    case "1"..."9":
                        // A group reference, or an octal escape of three octal digits.
                        if i + 2 < n, isOctal(e), isOctal(p[i + 1]), isOctal(p[i + 2]) {
                            let value = (e.value - 0x30) * 64 + (p[i + 1].value - 0x30) * 8 + (p[i + 2].value - 0x30)
                            guard value <= 0o377 else { throw TranslationError(message: "octal escape out of range") }
                            i += 3
                            out += literal(value)
                        } else {
                            var digits = String(Character(e))
                            i += 1
                            if i < n, isASCIIDigit(p[i]) { digits.append(Character(p[i])); i += 1 }
                            out += "\\" + digits + "(?:)"
                        }
                    default:
                        switch try escape(inClass: false) {
                        case let .scalar(value): out += literal(value)
                        case let .category(body, negated): out += (negated ? "[^" : "[") + body + "]"
                        }
                    }
                case ".":
                    out += dotAll ? #"[\x{0}-\x{10ffff}]"# : #"[^\n]"#
                case "[":
                    var body = ""
                    var negate = false
                    if i < n, p[i] == "^" { negate = true; i += 1 }
                    var items = 0
                    while true {
                        guard i < n else { throw TranslationError(message: "unterminated character set") }
                        let this = p[i]
                        i += 1
                        if this == "]", items > 0 { break }
                        var first: Atom
                        if this == "\\" { first = try escape(inClass: true) } else { first = .scalar(this.value) }
                        if i < n, p[i] == "-" {
                            i += 1
                            guard i < n else { throw TranslationError(message: "unterminated character set") }
                            let that = p[i]
                            i += 1
                            if that == "]" {
                                body += classBody(first) + hex(0x2D)
                                items += 2
                                break
                            }
                            let second: Atom = that == "\\" ? try escape(inClass: true) : .scalar(that.value)
                            guard case let .scalar(lo) = first, case let .scalar(hi) = second, lo <= hi else {
                                throw TranslationError(message: "bad character range")
                            }
                            body += rangeInClass(lo, hi)
                        } else {
                            body += classBody(first)
                        }
                        items += 1
                    }
                    out += (negate ? "[^" : "[") + body + "]"
                case "{":
                    // A repeat `{m}`, `{m,}`, `{,n}`, `{m,n}`, `{,}`; anything else is a literal `{`.
                    var j = i
                    var low = ""
                    var high = ""
                    var comma = false
                    while j < n, isASCIIDigit(p[j]) { low.append(Character(p[j])); j += 1 }
                    if j < n, p[j] == "," {
                        comma = true
                        j += 1
                        while j < n, isASCIIDigit(p[j]) { high.append(Character(p[j])); j += 1 }
                    }
                    if j < n, p[j] == "}", !(low.isEmpty && !comma) {
                        guard low.count < 10, high.count < 10 else { throw TranslationError(message: "the repetition number is too large") }
                        let min = Int(low) ?? 0
                        if comma, let max = Int(high) {
                            guard max >= min else { throw TranslationError(message: "min repeat greater than max repeat") }
                            out += "{\(min),\(max)}"
                        } else if comma {
                            out += "{\(min),}"
                        } else {
                            out += "{\(min)}"
                        }
                        i = j + 1
                    } else {
                        out += hex(0x7B)
                    }
                case "}":
                    out += hex(0x7D)
                case "]":
                    out += hex(0x5D)
                case "(":
                    guard i < n, p[i] == "?" else { out += "("; continue }
                    // Group extensions: copy their syntax through, renaming named groups.
                    guard i + 1 < n else { throw TranslationError(message: "unexpected end of pattern") }
                    let kind = p[i + 1]
                    if kind == "P" {
                        guard i + 2 < n else { throw TranslationError(message: "unexpected end of pattern") }
                        let form = p[i + 2]
                        var j = i + 3
                        var name = ""
                        let terminator: Unicode.Scalar = form == "<" ? ">" : ")"
                        guard form == "<" || form == "=" else { throw TranslationError(message: "unknown extension ?P\(Character(form))") }
                        while j < n, p[j] != terminator { name.unicodeScalars.append(p[j]); j += 1 }
                        guard j < n, !name.isEmpty else { throw TranslationError(message: "missing group name") }
                        guard let head = name.unicodeScalars.first, head == "_" || head.properties.isXIDStart,
                              name.unicodeScalars.dropFirst().allSatisfy({ $0 == "_" || $0.properties.isXIDContinue })
                        else { throw TranslationError(message: "bad character in group name '\(name)'") }
                        i = j + 1
                        let nameKey = name.unicodeScalars.map(\.value)
                        if form == "<" {
                            guard groupNames[nameKey] == nil else { throw TranslationError(message: "redefinition of group name") }
                            let icuName = "g\(groupNames.count + 1)n"
                            groupNames[nameKey] = icuName
                            out += "(?<\(icuName)>"
                        } else {
                            guard let icuName = groupNames[nameKey] else { throw TranslationError(message: "unknown group name") }
                            out += "\\k<\(icuName)>"
                        }
                    } else if kind == "#" {
                        var j = i + 2
                        while j < n, p[j] != ")" { j += 1 }
                        guard j < n else { throw TranslationError(message: "missing ), unterminated comment") }
                        i = j + 1
                    } else if kind == "<", i + 2 < n, p[i + 2] == "=" || p[i + 2] == "!" {
                        out += "(?<" + String(Character(p[i + 2]))
                        i += 3
                    } else if kind == ":" || kind == "=" || kind == "!" || kind == ">" {
                        out += "(?" + String(Character(kind))
                        i += 2
                    } else if "aiLmsux".unicodeScalars.contains(kind) {
                        throw TranslationError(message: "global flags not at the start of the expression, or scoped flags (not supported)")
                    } else {
                        throw TranslationError(message: "unsupported group extension (?\(Character(kind))")
                    }
                case "*", "+", "?", "|", ")", "^", "$":
                    out.unicodeScalars.append(c)
                default:
                    out += literal(c.value)
                }
            }
            return Translation(pattern: out, ignoreCase: ignoreCase, multiline: multiline)
        }
    }
}

// MARK: - Python's json.loads

extension IFEvalInstructions {
    /// Whether CPython's `json.loads(text)` (the C scanner, strict mode) returns instead of raising
    /// a ValueError:
    /// - one JSON value, surrounded by nothing but JSON whitespace (space, tab, LF, CR);
    /// - besides RFC 8259's values, `NaN`, `Infinity` and `-Infinity`; duplicate object keys;
    ///   escapes `\uXXXX` of lone surrogates;
    /// - strings refuse raw control code points (U+0000–U+001F) and escapes other than
    ///   `\" \\ \/ \b \f \n \r \t \uXXXX`; numbers are `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?`
    ///   in ASCII digits (so `01`, `1.`, `.5`, `+1`, `1e` fail);
    /// - an integer (no fraction or exponent) of more than 4300 digits fails, as Python 3.11's
    ///   int conversion limit makes it raise a ValueError; a leading BOM fails.
    /// Departure: nesting depth is unlimited; beyond about 1000 levels CPython raises
    /// RecursionError, which is not a verdict.
    enum PythonJSON {
        static func loads(_ text: ArraySlice<Unicode.Scalar>) -> Bool {
            // Work on UTF-8: every structural byte is ASCII, and a multi-byte sequence (all bytes
            // >= 0x80) can only be valid inside a string.
            let bytes = Py.utf8(text)
            var i = 0
            let n = bytes.count

            func isDigit(_ k: Int) -> Bool { k < n && bytes[k] >= 0x30 && bytes[k] <= 0x39 }
            func skipSpace() {
                while i < n, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 }
            }
            func word(_ w: String) -> Bool {
                let u = Array(w.utf8)
                guard i + u.count <= n, bytes[i..<(i + u.count)].elementsEqual(u) else { return false }
                i += u.count
                return true
            }
            func string() -> Bool {
                // bytes[i] is the opening quote.
                i += 1
                while i < n {
                    let b = bytes[i]
                    if b == 0x22 { i += 1; return true }
                    if b < 0x20 { return false }
                    if b == 0x5C {
                        guard i + 1 < n else { return false }
                        switch bytes[i + 1] {
                        case 0x22, 0x5C, 0x2F, 0x62, 0x66, 0x6E, 0x72, 0x74:
                            i += 2
                        case 0x75:
                            guard i + 5 < n else { return false }
                            for k in (i + 2)..<(i + 6) {
                                switch bytes[k] {
                                case 0x30...0x39, 0x41...0x46, 0x61...0x66: continue
                                default: return false
                                }
                            }
                            i += 6
                        default:
                            return false
                        }
                    } else {
                        i += 1
                    }
                }
                return false
            }
            func number() -> Bool {
                let start = i
                if bytes[i] == 0x2D {
                    i += 1
                    guard i < n else { return false }
                }
                if bytes[i] >= 0x31 && bytes[i] <= 0x39 {
                    i += 1
                    while isDigit(i) { i += 1 }
                } else if bytes[i] == 0x30 {
                    i += 1
                } else {
                    return false
                }
                let integerDigits = i - start - (bytes[start] == 0x2D ? 1 : 0)
                var isFloat = false
                if i + 1 < n, bytes[i] == 0x2E, isDigit(i + 1) {
                    isFloat = true
                    i += 2
                    while isDigit(i) { i += 1 }
                }
                if i + 1 < n, bytes[i] == 0x65 || bytes[i] == 0x45 {
                    let mark = i
                    i += 1
                    if i + 1 < n, bytes[i] == 0x2D || bytes[i] == 0x2B { i += 1 }
                    let digitsStart = i
                    while isDigit(i) { i += 1 }
                    if i > digitsStart { isFloat = true } else { i = mark }
                }
                return isFloat || integerDigits <= 4300
            }

            // Containers still open: `[` or `{`.
            var stack: [UInt8] = []
            skipSpace()
            var wantValue = true
            while true {
                if wantValue {
                    guard i < n else { return false }
                    switch bytes[i] {
                    case 0x7B: // {
                        i += 1
                        skipSpace()
                        if i < n, bytes[i] == 0x7D { i += 1; break }
                        guard i < n, bytes[i] == 0x22, string() else { return false }
                        skipSpace()
                        guard i < n, bytes[i] == 0x3A else { return false }
                        i += 1
                        skipSpace()
                        stack.append(0x7B)
                        continue
                    case 0x5B: // [
                        i += 1
                        skipSpace()
                        if i < n, bytes[i] == 0x5D { i += 1; break }
                        stack.append(0x5B)
                        continue
                    case 0x22:
                        guard string() else { return false }
                    case 0x6E: guard word("null") else { return false }
                    case 0x74: guard word("true") else { return false }
                    case 0x66: guard word("false") else { return false }
                    case 0x4E: guard word("NaN") else { return false }
                    case 0x49: guard word("Infinity") else { return false }
                    case 0x2D:
                        if word("-Infinity") { break }
                        guard number() else { return false }
                    case 0x30...0x39:
                        guard number() else { return false }
                    default:
                        return false
                    }
                }
                // A value just ended.
                skipSpace()
                guard let open = stack.last else { return i == n }
                guard i < n else { return false }
                if bytes[i] == 0x2C { // ,
                    i += 1
                    skipSpace()
                    if open == 0x7B {
                        guard i < n, bytes[i] == 0x22, string() else { return false }
                        skipSpace()
                        guard i < n, bytes[i] == 0x3A else { return false }
                        i += 1
                        skipSpace()
                    }
                    wantValue = true
                } else if bytes[i] == (open == 0x5B ? 0x5D : 0x7D) {
                    i += 1
                    stack.removeLast()
                    wantValue = false
                } else {
                    return false
                }
            }
        }
    }
}
