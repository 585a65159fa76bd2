import Foundation

/// NLTK's `sent_tokenize(text)` (`language="english"`): the Punkt sentence tokenizer of Kiss &
/// Strunk (2006) as NLTK's `PunktSentenceTokenizer` runs it, with parameters of our own that
/// stand in for NLTK's trained English model (see `PunktModel.english`).
///
/// How a text is cut, step by step as NLTK does it:
/// 1. Candidates: every `.`, `?` or `!` followed either by one of `)";}]*:@'({[?!` (and in
///    NLTK 3.10 `‘’“”«»`) or by whitespace and a further token. Its context is the word before it (back to the last ASCII
///    whitespace after the previous candidate; when there is none, back to where the previous
///    candidate's word began, and that previous candidate is then dropped), the mark, and what
///    follows (the punctuation character, or the whitespace and the next token).
/// 2. The context is cut into Punkt words line by line: `--`-runs, `..`-runs and `. . .` are
///    words; a word runs until whitespace, one of the characters above, a multi-character mark,
///    or a comma that ends it; `(",`{[:;&#*@)}]-` never start a longer word. Each word gets a
///    type: lower-cased, `##number##` when it looks like a number.
/// 3. First pass: `.`, `?`, `!` break; two or more periods are an ellipsis; a word ending in a
///    period is an abbreviation when its text before the period (or the part after its last
///    hyphen) is a known abbreviation, and a break otherwise.
/// 4. Second pass, for a word ending in a period and the word after it: a known collocation
///    makes it an abbreviation; an abbreviation or ellipsis (not an initial) breaks when the
///    orthographic heuristic says the next word starts a sentence, or the next word is
///    capitalised and a frequent sentence starter; an initial (`J.`) or a number (`5.`) does not
///    break when the heuristic says the next word does not start a sentence, and an initial does
///    not break before a capitalised word never seen in lower case.
///    The orthographic heuristic: punctuation never starts a sentence; a capitalised word seen in
///    lower case and never capitalised inside a sentence does; a lower-case word seen
///    capitalised, or never seen starting a sentence in lower case, does not; else unknown.
/// 5. A candidate is a sentence end when any word of its context but the last breaks. A sentence
///    runs from the previous end (the start of the next token, or the punctuation right after
///    the mark) to the mark; the last one to the end of the text without trailing whitespace.
/// 6. Realignment: closing quotes and brackets (`"')]}`, and in 3.10 `‘’“”«»`) that begin the
///    next sentence, up to the first one followed by whitespace, `--` or the end, move to the
///    end of the previous sentence; the next sentence starts after them and that whitespace. Empty sentences are dropped; leading whitespace
///    of the first sentence is kept, as NLTK keeps it.
///
/// Behaviour follows NLTK 3.9 by default, the release IFBench pins (nltk 3.9.2 in its
/// uv.lock); `release: .v3_10` follows NLTK 3.10, which also treats curly quotes and guillemets
/// as closing punctuation and uses the `regex` module's character classes (see `NLTKRelease`).
/// Quirks kept as NLTK has them: only ASCII whitespace separates the word before a candidate
/// (after `One.\u{A0}Two.` the first period is no candidate), a whitespace right after the
/// previous candidate counts as none, `e.g.`, `i.e.` and `etc.` are not abbreviations of the
/// English model (so they end a sentence before any further token), a spaced ellipsis
/// `. . .` ends a sentence at each of its periods, and U+001C–U+001F are letters for 3.10 but
/// whitespace for 3.9. Python's `str.isupper()`, `str.islower()` and `str.lower()` decide case.
/// Every step is linear in the text's length (each character belongs to at most a few
/// contexts), with no regular expression engine.
///
/// Agreement with NLTK and its English model, measured by bench/text_tokenizers.py: see
/// `PunktModel.english` for the numbers and for what the differences are.
public enum PunktSentences {
    /// `nltk.sent_tokenize(text)` as NLTK 3.9 runs it (the release IFBench pins).
    public static func split(_ text: String) -> [String] {
        split(text, release: .v3_9)
    }

    /// `nltk.sent_tokenize(text)` as the given NLTK release runs it.
    public static func split(_ text: String, release: NLTKRelease) -> [String] {
        split(text, model: .english, release: release)
    }

    /// `len(nltk.sent_tokenize(text))`: the number of `split(text, release:)`'s sentences,
    /// without making them.
    public static func count(_ text: String, release: NLTKRelease = .v3_9) -> Int {
        PunktTokenizer(text: Array(text.unicodeScalars), model: .english, syntax: PunktSyntax(release)).sentenceSpans().count
    }

    /// The sentences of `text` under a Punkt model.
    static func split(_ text: String, model: PunktModel, release: NLTKRelease = .v3_9) -> [String] {
        let view = text.unicodeScalars
        let tokenizer = PunktTokenizer(text: Array(view), model: model, syntax: PunktSyntax(release))
        // Spans come in text order: walk the string's indices once to cut them out.
        var offset = 0
        var index = view.startIndex
        func position(_ target: Int) -> String.Index {
            if target < offset { offset = 0; index = view.startIndex }
            index = view.index(index, offsetBy: target - offset)
            offset = target
            return index
        }
        return tokenizer.sentenceSpans().map { span in
            let start = position(span.lowerBound)
            return String(view[start..<position(span.upperBound)])
        }
    }
}

/// The NLTK release whose tokenizer rules to follow. They differ in a few places:
/// - 3.10 treats the curly quotes `‘’“”` and guillemets `«»` as closing punctuation in Punkt (a
///   mark before one is a candidate; they are realigned onto the sentence before them), where
///   3.9 treats them as letters of a word;
/// - 3.10 compiles its patterns with the `regex` module: `\s` is Unicode White_Space and `\w`
///   also takes marks and join controls; 3.9 uses `re`: `\s` is `str.isspace()` (which also
///   takes U+001C–U+001F) and `\w` is `str.isalnum()` or `_` (which also takes `²`, `½`);
/// - in `word_tokenize`, 3.10 cuts an opening `'` from any word (`'The` → `'`, `The`) unless a
///   clitic follows, where 3.9 cuts it only from a one-character word (`'a` → `'`, `a`); and
///   3.10 sets the dashes U+2012–U+2015 (`‒–—―`) apart, which 3.9 leaves inside words.
public enum NLTKRelease: Sendable, Hashable {
    /// NLTK 3.9.x: IFBench's lock file pins 3.9.2, so it is the default.
    case v3_9
    /// NLTK 3.10.x (measured against 3.10.4).
    case v3_10
}

/// The parameters of a Punkt model: what NLTK loads from a `punkt_tab` folder.
struct PunktModel: Sendable {
    /// Abbreviation types (lower case, without the final period): `dr`, `u.s`, `p.m`.
    var abbreviations: Set<String>
    /// Types that frequently start a sentence.
    var sentenceStarters: Set<String>
    /// Pairs (type before a period, type after it) that do not straddle a sentence break.
    var collocations: Set<Pair>
    /// Orthographic contexts of word types: `PunktOrtho` flags.
    var orthography: [String: Int]

    struct Pair: Hashable, Sendable {
        var first: String
        var second: String
    }
}

/// The orthographic context flags of Punkt: where a type was seen (sentence start, inside a
/// sentence, unknown position) and with which case of its first letter.
enum PunktOrtho {
    static let beginUpper = 1 << 1
    static let middleUpper = 1 << 2
    static let unknownUpper = 1 << 3
    static let beginLower = 1 << 4
    static let middleLower = 1 << 5
    static let unknownLower = 1 << 6
    static let upper = beginUpper | middleUpper | unknownUpper
    static let lower = beginLower | middleLower | unknownLower
}

/// The character classes of Punkt's patterns under one NLTK release.
private struct PunktSyntax {
    /// 3.10: curly quotes and guillemets are punctuation; `regex`-module classes.
    let modern: Bool

    init(_ release: NLTKRelease) { modern = release == .v3_10 }

    /// `.`, `?`, `!`.
    func endsSentence(_ c: Unicode.Scalar) -> Bool { c == "." || c == "?" || c == "!" }

    /// `\s`.
    func isSpace(_ c: Unicode.Scalar) -> Bool { modern ? c.properties.isWhitespace : PythonText.isSpace(c) }

    /// `\w`.
    func isWord(_ c: Unicode.Scalar) -> Bool { modern ? WordTokenizer.isRegexWord(c) : PythonText.isWord(c) }

    /// Characters that cannot be inside a Punkt word.
    func isNonWord(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case ")", "\"", ";", "}", "]", "*", ":", "@", "'", "(", "{", "[", "?", "!":
            return true
        case "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{AB}", "\u{BB}":
            return modern
        default:
            return false
        }
    }

    /// Characters that never start a longer word.
    func cannotStartWord(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "(", "\"", "`", "{", "[", ":", ";", "&", "#", "*", "@", ")", "}", "]", "-", ",": return true
        default: return false
        }
    }

    /// Closing punctuation that realignment moves onto the previous sentence.
    func isCloser(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "\"", "'", ")", "]", "}": return true
        case "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{AB}", "\u{BB}": return modern
        default: return false
        }
    }

    /// `string.whitespace`: the six ASCII whitespace characters.
    func isASCIIWhitespace(_ c: Unicode.Scalar) -> Bool {
        c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{0B}" || c == "\u{0C}"
    }
}

/// One Punkt word with its annotations.
private struct PunktWord {
    var text: ArraySlice<Unicode.Scalar>
    var sentenceBreak = false
    var abbreviation = false
    var ellipsis = false

    init(_ text: ArraySlice<Unicode.Scalar>) {
        self.text = text
    }

    var periodFinal: Bool { text.last == "." }

    /// Lower-cased text, or `##number##` for a number (computed when asked: only words around
    /// a period need it).
    var type: String {
        let lower = PythonText.string(text).lowercased()
        return PunktWord.isNumeric(PythonText.scalars(lower)) ? "##number##" : lower
    }

    /// `^-?[\.,]?\d[\d,\.-]*\.?$`.
    static func isNumeric(_ s: [Unicode.Scalar]) -> Bool {
        var i = 0
        if i < s.count, s[i] == "-" { i += 1 }
        if i < s.count, s[i] == "." || s[i] == "," { i += 1 }
        guard i < s.count, WordTokenizer.isRegexDigit(s[i]) else { return false }
        i += 1
        while i < s.count {
            let c = s[i]
            guard WordTokenizer.isRegexDigit(c) || c == "," || c == "." || c == "-" else { return false }
            i += 1
        }
        return true
    }

    var typeNoPeriod: String {
        let type = self.type
        if type.unicodeScalars.count > 1, type.unicodeScalars.last == "." { return String(type.unicodeScalars.dropLast()) }
        return type
    }

    var typeNoSentencePeriod: String { sentenceBreak ? typeNoPeriod : type }

    var firstUpper: Bool { text.first?.properties.isUppercase ?? false }
    var firstLower: Bool { text.first?.properties.isLowercase ?? false }

    /// Two or more periods and nothing else.
    var isEllipsis: Bool { text.count >= 2 && text.allSatisfy { $0 == "." } }
}

/// A candidate sentence end: the mark's index, the end of what follows it, and where the next
/// token starts when whitespace follows.
private struct Candidate {
    var mark: Int
    var contextEnd: Int
    var nextToken: Int?
}

private struct PunktTokenizer {
    let text: [Unicode.Scalar]
    let model: PunktModel
    let syntax: PunktSyntax

    /// A letter (a `\w` that is not a digit) and a period.
    func isInitial(_ word: PunktWord) -> Bool {
        guard word.text.count == 2, let first = word.text.first, word.text.last == "." else { return false }
        return syntax.isWord(first) && !WordTokenizer.isRegexDigit(first)
    }

    /// The sentence spans, realigned; empty spans dropped.
    func sentenceSpans() -> [Range<Int>] {
        let raw = rawSpans()
        var out: [Range<Int>] = []
        var realign = 0
        for (index, span) in raw.enumerated() {
            let start = span.start + realign
            guard index + 1 < raw.count else {
                if start < span.end { out.append(start..<span.end) }
                break
            }
            let next = raw[index + 1]
            if let (kept, consumed) = realignment(from: next.start, to: next.end) {
                let end = next.start + kept
                out.append(start < end ? start..<end : start..<start)
                realign = consumed
            } else {
                realign = 0
                if start < span.end { out.append(start..<span.end) }
            }
        }
        return out
    }

    /// `re_boundary_realignment.match(text[start:end])`: the closers at the start of the slice
    /// up to the first one followed by whitespace, `--` or the end (lazily); returns how many
    /// closers and how many characters with the whitespace.
    private func realignment(from start: Int, to end: Int) -> (Int, Int)? {
        let stop = min(end, text.count)
        guard start < stop else { return nil }
        var i = start
        while i < stop, syntax.isCloser(text[i]) {
            i += 1
            if i == stop { return (i - start, i - start) }
            if syntax.isSpace(text[i]) {
                var j = i
                while j < stop, syntax.isSpace(text[j]) { j += 1 }
                return (i - start, j - start)
            }
            if text[i] == "-", i + 1 < stop, text[i + 1] == "-" { return (i - start, i - start) }
        }
        return nil
    }

    /// Sentence slices before realignment, as (start, end) with Python slice meaning.
    private func rawSpans() -> [(start: Int, end: Int)] {
        var spans: [(start: Int, end: Int)] = []
        var lastBreak = 0
        forEachCandidate { candidate, contextStart in
            if containsBreak(contextStart..<candidate.contextEnd) {
                spans.append((lastBreak, candidate.mark + 1))
                lastBreak = candidate.nextToken ?? candidate.mark + 1
            }
        }
        var end = text.count
        while end > 0, PythonText.isSpace(text[end - 1]) { end -= 1 }
        spans.append((lastBreak, end))
        return spans
    }

    /// The candidates with the start of their context, dropping a candidate whose word the next
    /// candidate's word overlaps.
    private func forEachCandidate(_ body: (Candidate, Int) -> Void) {
        var previous: Candidate?
        var previousStart = 0
        var previousStop = 0
        var i = 0
        while i < text.count {
            defer { i += 1 }
            guard syntax.endsSentence(text[i]), i + 1 < text.count else { continue }
            let candidate: Candidate
            if syntax.isNonWord(text[i + 1]) {
                candidate = Candidate(mark: i, contextEnd: i + 2, nextToken: nil)
            } else if syntax.isSpace(text[i + 1]) {
                var j = i + 1
                while j < text.count, syntax.isSpace(text[j]) { j += 1 }
                guard j < text.count else { continue }
                var k = j
                while k < text.count, !syntax.isSpace(text[k]) { k += 1 }
                candidate = Candidate(mark: i, contextEnd: k, nextToken: j)
            } else {
                continue
            }
            // The last ASCII whitespace between the previous candidate and this one; one at
            // offset 0 counts as none, as in NLTK.
            var lastSpace = 0
            var k = i - 1
            while k > previousStop {
                if syntax.isASCIIWhitespace(text[k]) { lastSpace = k - previousStop; break }
                k -= 1
            }
            let wordStart = lastSpace != 0 ? previousStop + lastSpace + 1 : previousStart
            if let previous, previousStop <= wordStart {
                body(previous, previousStart)
            }
            previous = candidate
            previousStart = wordStart
            previousStop = i
        }
        if let previous { body(previous, previousStart) }
    }

    /// Whether any word of the context but the last is a sentence break.
    private func containsBreak(_ range: Range<Int>) -> Bool {
        // Words are annotated as they come: the second pass on a word needs only the first-pass
        // annotation of the word after it, and the answer is known at the first break that is
        // not the last word.
        var previous: PunktWord?
        var lineStart = range.lowerBound
        while lineStart <= range.upperBound {
            var lineEnd = lineStart
            while lineEnd < range.upperBound, text[lineEnd] != "\n" { lineEnd += 1 }
            let line = text[lineStart..<lineEnd]
            if line.contains(where: { !PythonText.isSpace($0) }) {
                var position = lineStart
                while let span = nextPunktWord(line, from: &position) {
                    var word = PunktWord(text[span])
                    firstPass(&word)
                    if var before = previous {
                        secondPass(&before, next: word)
                        if before.sentenceBreak { return true }
                    }
                    previous = word
                }
            }
            lineStart = lineEnd + 1
        }
        return false
    }

    /// Punkt's word tokenizer on one line (no newline in it): the next word at or after
    /// `position`, which moves past it.
    func nextPunktWord(_ line: ArraySlice<Unicode.Scalar>, from position: inout Int) -> Range<Int>? {
        let end = line.endIndex
        var i = position
        while i < end, syntax.isSpace(line[i]) { i += 1 }
        guard i < end else { position = end; return nil }
        var j: Int
        if let length = multiCharacterMark(line, at: i) {
            j = i + length
        } else if syntax.cannotStartWord(line[i]) {
            j = i + 1
        } else {
            j = i + 1
            while j < end, !endsWord(line, at: j) { j += 1 }
        }
        position = j
        return i..<j
    }

    /// What stops a word at `j` (after at least one character): whitespace, a non-word
    /// character, a multi-character mark, or a comma followed by the end, whitespace, a non-word
    /// character or a multi-character mark.
    private func endsWord(_ line: ArraySlice<Unicode.Scalar>, at j: Int) -> Bool {
        let c = line[j]
        if syntax.isSpace(c) || syntax.isNonWord(c) { return true }
        if multiCharacterMark(line, at: j) != nil { return true }
        if c == "," {
            let k = j + 1
            return k == line.endIndex || syntax.isSpace(line[k]) || syntax.isNonWord(line[k]) || multiCharacterMark(line, at: k) != nil
        }
        return false
    }

    /// The length of `-{2,}`, `\.{2,}` or `(\.\s){2,}\.` at `i`, if one starts there.
    private func multiCharacterMark(_ line: ArraySlice<Unicode.Scalar>, at i: Int) -> Int? {
        let end = line.endIndex
        guard i + 1 < end else { return nil }
        let c = line[i]
        if c == "-" || c == ".", line[i + 1] == c {
            var j = i + 2
            while j < end, line[j] == c { j += 1 }
            return j - i
        }
        guard c == "." else { return nil }
        var pairs = 0
        var j = i
        while j + 1 < end, line[j] == ".", syntax.isSpace(line[j + 1]) {
            pairs += 1
            j += 2
        }
        if pairs >= 2, j < end, line[j] == "." { return 2 * pairs + 1 }
        if pairs >= 3 { return 2 * pairs - 1 }
        return nil
    }

    private func firstPass(_ word: inout PunktWord) {
        let text = word.text
        if text.count == 1, let c = text.first, syntax.endsSentence(c) {
            word.sentenceBreak = true
        } else if word.isEllipsis {
            word.ellipsis = true
        } else if word.periodFinal, !(text.count >= 2 && text[text.endIndex - 2] == ".") {
            let stem = PythonText.string(text.dropLast()).lowercased()
            let lastPart = stem.split(separator: "-", omittingEmptySubsequences: false).last.map(String.init) ?? stem
            if model.abbreviations.contains(stem) || model.abbreviations.contains(lastPart) {
                word.abbreviation = true
            } else {
                word.sentenceBreak = true
            }
        }
    }

    private func secondPass(_ word: inout PunktWord, next: PunktWord) {
        guard word.periodFinal else { return }
        let type = word.typeNoPeriod
        let nextType = next.typeNoSentencePeriod
        let initial = isInitial(word)
        if model.collocations.contains(PunktModel.Pair(first: type, second: nextType)) {
            word.sentenceBreak = false
            word.abbreviation = true
            return
        }
        if (word.abbreviation || word.ellipsis) && !initial {
            if orthographicHeuristic(next, type: nextType) == .starts {
                word.sentenceBreak = true
                return
            }
            if next.firstUpper && model.sentenceStarters.contains(nextType) {
                word.sentenceBreak = true
                return
            }
        }
        if initial || type == "##number##" {
            let verdict = orthographicHeuristic(next, type: nextType)
            if verdict == .doesNotStart {
                word.sentenceBreak = false
                word.abbreviation = true
                return
            }
            if verdict == .unknown, initial, next.firstUpper, (model.orthography[nextType] ?? 0) & PunktOrtho.lower == 0 {
                word.sentenceBreak = false
                word.abbreviation = true
            }
        }
    }

    private enum Verdict { case starts, doesNotStart, unknown }

    /// Whether `word` (whose type without a sentence-final period is `type`) starts a sentence.
    private func orthographicHeuristic(_ word: PunktWord, type: String) -> Verdict {
        if word.text.count == 1, let c = word.text.first {
            switch c {
            case ";", ":", ",", ".", "!", "?": return .doesNotStart
            default: break
            }
        }
        let context = model.orthography[type] ?? 0
        if word.firstUpper, context & PunktOrtho.lower != 0, context & PunktOrtho.middleUpper == 0 { return .starts }
        if word.firstLower, context & PunktOrtho.upper != 0 || context & PunktOrtho.beginLower == 0 { return .doesNotStart }
        return .unknown
    }
}

extension PunktModel {
    /// m2rl's stand-in for NLTK's trained English Punkt model (`punkt_tab/english`, learnt
    /// from Wall Street Journal text). We do not ship that model; these parameters are our own
    /// compact choice, picked by measuring which entries change NLTK's output on model-written
    /// text (bench/text_tokenizers.py), and every entry is one the English model has:
    /// - abbreviations: 125 of the model's 156 (titles, months and weekdays, US states, company
    ///   suffixes, `a.m.`/`p.m.`, country and degree initialisms, single letters, the spaced
    ///   ellipsis `. . .`, and the name initialisms a modern text plausibly has: `J.K.`, `J.P.`, `D.H.`, `G.K.`, ...);
    ///   left out are WSJ-only ones such as `c.o.m.b`, `chg`, `cie` and rarer two-letter
    ///   initialisms (`a.h`, `r.h`, `w.r`, ...);
    /// - sentence starters: the model's 39 but `sales`;
    /// - collocations: a number followed by one of 16 ordinary words (`5. Review`,
    ///   `3. Business`: no break, as in NLTK); the model's pairs of a letter and a surname, and
    ///   of a number and a company name, are left out;
    /// - orthographic contexts: the model knows how 20,366 word types were capitalised; the
    ///   heuristics only ask whether a type was seen in lower case, and whether it was seen
    ///   capitalised inside a sentence. We keep that for 4,425 common words: a list of words that
    ///   head sections in model responses, the 3,000 commonest sentence-initial words of local
    ///   English documentation, and the 5,000 commonest English words of the `wordfreq` package,
    ///   each kept when the model saw it in lower case (`--derive-ortho` in the bench script
    ///   prints these lists). Any other word is treated as never seen in lower case, which is
    ///   what the model says of names.
    ///
    /// Measured agreement (texts split identically; bench/text_tokenizers.py, NLTK 3.9.2):
    /// 293/294 IFBench responses (99.66%; sentences 99.95%), 2,214/2,215 of their paragraphs
    /// (99.95%), 294/294 IFBench prompts, and 2,978/3,000 generated texts dense with
    /// abbreviations, initials, lists and ellipses (99.27%; 99.10% and 99.20% with seeds 1 and
    /// 2). NLTK 3.10.4 with `.v3_10`: the same on the IFBench corpora, 2,976/3,000 generated.
    /// The algorithm itself is exact: with NLTK's full English model in place of these
    /// parameters it agrees on every text of these corpora and on 50,000 random strings of
    /// quotes, brackets, periods, clitics and odd whitespace, for both releases; so the
    /// differences come from these parameters alone.
    ///
    /// Known differences: a capitalised word that is not in our lists is treated as never seen in
    /// lower case. So after an abbreviation (`Dr.`, `p.m.`, `U.S.`), an initial (`A.`, `J.`) or an
    /// ellipsis, a rarer ordinary word that the model saw only in lower case (`Encouragement`,
    /// `Socially`) does not start a new sentence here where NLTK starts one, and after an
    /// initial a rarer word the model saw in both cases (`Cholesterol`) does not either. An
    /// initialism we dropped (`R.H. Smith`) ends a sentence here where NLTK's does not.
    static let english = PunktModel(
        abbreviations: Set(listWords(abbreviationList)).union([". . "]),
        sentenceStarters: Set(listWords(sentenceStarterList)),
        collocations: Set(listWords(collocationWords).map { Pair(first: "##number##", second: String($0)) }),
        orthography: orthographyTable())

    private static func listWords(_ list: String) -> [String] {
        list.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
    }

    private static func orthographyTable() -> [String: Int] {
        var table: [String: Int] = [:]
        for word in listWords(lowercaseOnlyWords) { table[word] = PunktOrtho.middleLower }
        for word in listWords(alsoCapitalisedWords) { table[word] = PunktOrtho.middleLower | PunktOrtho.middleUpper }
        // Seen starting a sentence in lower case and never capitalised: after a number or an
        // initial it does not rule out a break.
        table["administrators"] = PunktOrtho.beginLower
        return table
    }

    /// Abbreviations, lower case, without their final period (`. . .` is added apart: its text
    /// before the last period ends with a space).
    private static let abbreviationList = """
        a.a a.c a.d a.g a.m adm ala ariz aug ave b.v bros c c.v calif co col colo conn corp cos ct d d.c
        d.h dec dr e e.f e.m f feb fla fri ft g g.k ga gen h h.m ill inc j.b j.c j.j j.k j.p j.r jan jr
        k kan ky l l.a l.p lt ltd m m.b.a maj messrs mg mich minn mr mrs ms n n.c n.d n.h n.j n.m n.v
        n.y nev nov oct ok okla ore p p.m pa ph.d prof r r.i r.k rep reps s s.a s.c s.p.a s.s sen sep
        sept sr st sw t t.j tenn tues u.k u.n u.s u.s.a u.s.s.r v va vs vt w w.va w.w wash wed wis yr
        """

    /// Words that often start a sentence: after an abbreviation, capitalised, they start one.
    private static let sentenceStarterList = """
        according although among both but despite even he however i if in indeed instead it many
        meanwhile moreover most nevertheless nonetheless nor separately similarly since so some the
        there these they this though thus under when while yet
        """

    /// Words that, after a number ending in a period, do not start a sentence.
    private static let collocationWords = """
        abreast business commodities cooper corrections credit dividend financing insider
        international leisure letters notable pepper review who
        """

    /// Lower-case words the model saw in lower case and never capitalised inside a sentence
    /// (a capitalised one after an abbreviation starts a sentence).
    private static let lowercaseOnlyWords = """
        abandoned able abortion above absence absolutely abuse academic accept acceptable acceptance
        accepted accepting accepts accessibility accident accompanied accompany accordingly accuracy
        accurate accused achieve achieved acid acted actions active actively actors ad adapt
        adaptation adapted adding addition additions address addressed addresses adds adjust
        adjusted administrative admitted adopted adult adults advantage advantages adventure advice
        affected affiliate afford affordable afraid afternoon afterwards aged agencies agenda agent
        agents aggressive agreed agricultural ahead aim aimed album alert alive alleged allies allow
        allowed allowing allows almost along already alternative always amateur ambassador amend
        amount amounts analysis ancient angle angry animal animals anniversary announce announced
        announcement annual answered answers anybody anyone anything anyway anywhere apartment
        apparent apparently appear appearance appeared appendix application applications applied
        applies apply applying appointed appointment appreciate approach approaches appropriate
        approximately architecture arena argue argued arguing argument arguments arm arranged
        arrangement arrangements array arrest arrival arrive arrived article articles artificial
        artist artistic ask asked asking aspect aspects assault assembly assert assertion assigned
        assignment assist associate assume assumed assuming ate athletes atmosphere attached attack
        attacked attacking attacks attempted attempting attempts attend attended attending attention
        attitude attracted attractive attributes audience audio audit author authorities
        authorization authors automated automatically automation autumn availability available
        avoiding awarded awards aware awareness awesome awful awkward babies backed backing backup
        badly bag bags balls band banned barely bars baseball basic basis bat battery bearing beast
        beat beating beats became become becoming bed bedroom beef begin behalf behavior behind
        being belief believe believed believes belong belongs bench beneath benefit besides bet
        better between beyond bigger biological biology birds birth bit bite blame blast blessed
        blind blocked blocks blood boards boats bodies body bold bomb bond bone bonus boot borders
        bother bottle bound boundaries bow box boxes boy boys brain branch brand bread break
        breaking breaks breast breath breathing brick briefly bright brilliant bringing brings
        broadcasts broke broken brother buddy buffer build builds built bunch burden buried burn
        burned burning bus businesses butt butter cabinet calculate calculates call calling calm
        came camera cancel cancelling candidate candidates cannot capable capitalization capture
        captured car carbon careful carefully carried carries carry carrying cast categories caught
        cause caused causes causing caution caveats celebrate cell cells cent cents centuries
        certainly certificate certificates chair challenge challenges challenging champions chance
        chances channels chaos character characters charge chart check checked checking cheese chef
        chest choice choices choose choosing chose chosen chunk churches circuit circumstances
        civilian claim claimed claiming clarified classes classical classified cleaning client
        climate climb clip clock closes closing clothes clothing cloud clubs cluster coaches
        coaching coalition coat coins cold collaboration colleagues collect collected collecting
        collective colleges colonel colors column combat combination combine combined comedy comfort
        comfortable comic commander comment comments commit commitment commits committed commonly
        compare compared comparing comparison comparisons compatibility compensation compete
        competing competitive compiled complain complaints complete completed completely completion
        complicated component components composed composition compound compression compressor
        concentration concerned concerning concerns concluded conclusion conclusions concrete
        condition conditional conditions conduct conducted confident confirm confirmed conflict
        conflicting confused connected connecting connection connections consensus consent
        consequences consider considerable consideration considerations considered considering
        consistent consistently consists console consolidate conspiracy constant constantly
        constitutional constraints constructed consult consumption contact contain contained
        containing contains contemporary content contents contest context continued continuing
        continuous contrast contribute contributed contributing contribution contributions
        contributors controlled controlling controversial controversy convenience conventional
        conventions conversation conversations conversion convert converted converting convince
        convinced cooking cool copies cops copy copying copyright core corner corporation corps
        correct corrected correctly corresponding corresponds corruption cost counter counties
        counting counts couple couples courage course courses covered covering covers crack craft
        crash cream create created creates creating creation credentials credits crew crimes
        criticism critics crossed crossing crowd crying crystal cultural cure curious currently
        custody custom customer customizing cute cutting cycle cycles damn dancing danger dangerous
        dark database date dated dates dating daughter dawn deadlock dealing deaths debate debut
        decade decent decide deciding decisions declarations declare declared decoder decompression
        dedicated deep deeper deeply default defeat defending defensive define defined defines
        defining definition degree degrees deleted deleting delicious deliver delivered delivery
        demands demonstrated denied deny depend dependency dependent depending depends depth
        derivative derived describe described describes describing description deserve deserves
        designated designed designer designs desire desk desktop desperate destroy destroyed detail
        detailed details detected detection determine determined determining develop developed
        developer developers developing developments diagnose diagnostic dialogue dictionary die
        dies diet difference differences different differently difficult difficulty dig direct
        directed direction directions directly dirt dirty disable disadvantages disappeared
        disappointed disaster discard discipline discover discovered discovery discrimination
        discuss discussed discussion discussions disorder display displaying displays distance
        distinct distribute distributed distributions districts diverse divided doctor document
        documentary documentation documents does doesn dogs doing dollars domestic dominant done
        door doors double doubt downgrade downtown dozen draft drag drama dramatic draw drawing
        drawn dress dressed drink drinking drinks driven drivers dropped dropping drove drugs drunk
        dump duplicate dying dynamic ear earlier early earn earning ears easier easily eating edge
        editing edition educated effective effectively effects efficiency efficient egg eight either
        elections element elementary elements eligible eliminate eliminated else elsewhere emergency
        emits emotional emotions empire employed employee employer employers empty enable enabled
        enables enabling encounter encourage enemies enforce engage engaged engagement engineer
        engineers engines enhance enhanced enhancements enjoy enjoyed enjoying enormous enough
        ensure ensures enter entered entering entire entirely entitled entrance entries entry
        environment episode equal equality equally equipped equivalent era errors escape especially
        essay essential essentially establish established establishment estimated estimates et etc
        ethnic evaluate event eventually ever everyday everywhere evidence evil exact exactly exam
        examination examining example examples excellent except exception exceptions excited
        exciting exclude exclusive exclusively excuse execute executed execution exercise exist
        existed existence existing exists expand expanded expansion expecting expense expenses
        expensive experience experienced experiences experiment experimental expert experts explain
        explained explaining explains explanation explicit explicitly explore export exported
        exposed exposure expressed expression expressions extend extent external extra extract
        extraordinary extreme extremely eye eyes faced facility facing fact factor factory faculty
        failing fairly faith fake fallen falling fame familiar families famous fan fancy fans
        fantastic farmers fashion faster fastest fat fatal fate fault favor favorite fear feature
        featured features featuring feedback feeding feeling feels feet fellow felt female females
        fence fetch fewer fighter figure figured figures file filed files fill filled films final
        finally findings fingers finish finished fired firing fish fishing fit fitness fits fix
        fixed flag flash flight float floating flood floor flower flowers flush fly flying focused
        focusing folk follow followed followers following follows foot forbid forced forces forcing
        forever forget fork formal formally format formation formed formerly formula forth forward
        fought founded founder framework franchise frequency frequent frequently friend friendly
        friendship frozen fulfilled fully functions fundamental funded funny furthermore gained gang
        garbage gather gathered gathering gave gay gender generate generated generating generations
        genius giant gift gifts girl girlfriend girls given gives giving glasses global glory goals
        gods goes going golf gotten governments governor grab gracefully grandfather grateful grave
        greater greatest greatly grew gross ground grounds growing grown guarantee guarantees
        guardian guards guess guest guests guidance guidelines guitar gun guns guy habit hair handed
        handle handled handles hands handsome hang hanging happen happened happening happens happy
        harder harm hate headed heading heads healthy hear hearing hearts heaven heavily heavy
        height helped helpful helping helps hence her here hero heroes herself hide hiding high-
        level highest highlights highly hilarious him himself hint hints hire hired hiring historic
        historical historically hits hitting hold holds holidays homeless honest honestly honor hop
        hoping horror horse hospitals host hosted hosts hot hour hours houses huge humanity humans
        hundred hundreds hunting hurts husband idea ideal ideally identical identified identity
        idiot idle ignore ignored illegal illness image images imagination imagine immediate
        immediately immigrants implement implementation implemented implementing implications
        implicit import importance important importing impossible impressed impression impressive
        improve improved improvement improvements improves improving inability inaccurate inch
        inches incident include included including inclusion incomplete inconsistent incorporate
        incorporated incorrect increased incredible indeed independence independent indicated
        indicates indication indirect indirectly individual individuals infection influence informed
        initial initially injured injuries injury inner innovation input insecure inside inspect
        inspector inspired install installation installed installing instance instances instant
        instead instructions instrument integrate integrated integrating integration integrity
        intellectual intelligent intent intention interested interesting interests interior
        interpret interpretation intervention interviews into introduced introducing invalid
        invasion invest investigate invite invited invoked invoking involve involves issued item
        items jacket jail joined joining joke jokes journalist journalists journey judges jumped
        jumping junior keeps kept keyboard kick kicked kid kids kill killed killing kills kinds kiss
        kit kitchen knew knife knock knowledge known lab laboratory lack laid landing language
        languages laptop largely larger lately latter laugh laughed laughing launch launched
        launching le leaders leadership leading leads leaf leak learn learned least led legendary
        legislation legislative length lesser lesson lessons lets letters letting libraries licensed
        licenses lie lies lieutenant lifetime lift lighting lightning lights liked likes likewise
        limitation limitations linked linking links lion liquid list listed listen listeners
        listening listing lists literally literary literature lived lives living lo locate located
        location locations lock locked logo longest looked looking loose loosen lose losing lot loud
        loved lover loves lunch luxury lying lyrics magical mainly mainstream maintain maintained
        maintaining maintenance majority makeup male mall manage managed manager managing mandatory
        manner manufacturer margin marked marriage mask massive match matching math mature maximum
        meal mean meaning measured measures measuring mechanical mechanism medium meetings meets
        member membership mental mention mentioned menu menus merely merge merged merging mess
        message messages method mid midnight miles milk millions mind minds mine minimal minimum
        ministers minority minute missed missing mistake mistakes mix mobile moderate modernize
        modification modifications modified modify mom moment moments monitoring monthly months mood
        moon moral moreover morning mother mothers motivation mounted mouse mouth moved movements
        multiple murder murdered muscle myself narrative narrow nasty native naturally nature naval
        nearby necessarily necessary neck need needed needs negative neighborhood neighbors neither
        nervous networks neutral nevertheless newer newly newspaper nights noise non nonetheless nor
        normally nose notable notably notation note noted nothing noticed notices notify
        notwithstanding novel nowhere number numbers numerous nursing nuts object objective
        objectives objects observed obtain obtained obvious occasion occasionally occasions occupied
        occur occurred occurs ocean odd odds offense offensive offered officer offset okay older
        oldest omit ones ongoing onto opened opening opens operate operated operator opinions
        opponents opportunities opportunity opposite optional oral ordered ordering ordinary
        organizations organized origin original originally otherwise ought ourselves outcome outdoor
        outer outstanding overall overcome override owned owner ownership oxygen pack packages
        packed padding page pages paid pain painful paint painted pair pants parallel parking parks
        partial partially participants participate participation particular particularly partly
        partner pass passage passed passenger passengers passes passing passion passive path paths
        patient patients patterns pause pays peaceful peak pen pending peoples per percent
        percentage perfect perfectly perform performance performances performed performing performs
        periods permanent permission permit permitted persistent person personal personality
        personally personnel persons petition phase philosophy phone phones photograph photographer
        photography photos phrase physical piano pick picked picking piece pieces pilot pink pipe
        pipes piping pit pitch places plain plane planet planned plastic plate platform play played
        player playing plays pleasant please pleased pleasure plenty plot plugged pointed points
        pole political politicians politics poll pool pop popularity port portion portrait ports
        position positive possession possibility possibly posting potential potentially pound pounds
        poverty powerful powers practical practically practice praise prayer precious prefer
        preferred pregnant preliminary premium preparation prepare prepared preparing presence
        present presentation presented preserve pressing pretty prevent prevents previous previously
        pride priest primarily prince principal principle printed prior priority prisoners private
        pro probably problem problems procedures proceedings process processes processing produced
        producing product productive professionals professor profile program programming prohibit
        projects prominent promise promised promises promoting promotion prompt proof proper
        properly proposed protect protected protecting protein proud prove proved proven provide
        provided provider provides province psychological psychology publication publicly publish
        published pull pulled pulling punishment purchased pure purposes pursue pushed pushing put
        puts putting qualified quarters question questions quotes races racial racing radiation
        radical rain ran range ranges ranks rapid rapidly rarely rated rating ratio raw reaching
        reaction reactions readable reader readers reads reality realize realized reasonable receive
        received receiving recent recently reception recipe recognition recognize recognized
        recommend recommendation recommendations recommended recorded recover recovered
        redistribution reduced reduction refer referred referring refers reflect refugees refuse
        refused regard regarded regarding regardless regime region regional regions registered
        registering registers registration regret regular regularly regulations reinstate rejected
        relation relationship relationships relative relatively relax released releases relevant
        reliable relief religion religious rely remain remained remaining remarkable remember remind
        reminds remote removal remove removed removing renamed render rendering rent reorganized
        repeated replace replaced replacement replacing replied reply reporting represent
        representation representations representatives represented representing represents reproduce
        reputation requested requesting require required requirements requires rescue researchers
        reserved residential residents resolution resolved resolves resolving resort respect
        respectively respond responded response responses responsible restart restaurant restaurants
        restore restored restrict restricted restrictions restructure restructured result resulted
        resulting results retired returned returning reveal revealed reveals revenge reverse revert
        reverted reviewed reviewing reviews revision revoking reward rewritten rid ridiculous riding
        right rings rising roads rob robot rocket rocks roles roll romance romantic roof rooms roots
        rough roughly round routine ruin ruined ruled runs rural rush sad safe sake same sample
        samples sand sat satisfied sauce saved saving saw scale scary scene scenes schedule
        scheduled scope score scored scoring screaming script scripts se season seasons secondary
        seconds secrets section sections secure secured seed seeds seeing seem seemed seems segment
        segmentation select selected selecting selection selling senator send sends sense sensitive
        sent sentence separate separated serial seriously serve served serves serving session
        sessions setting settings settled setup seven seventh severe sex sexual sexy shadow shake
        shape shaped shared sharing shed shell shelter shift shipping ships shirt shirts shock
        shocked shoes shoot shooting shore shortcut shorter shortly shot shots shoulder showing
        shown shut sight signals signed significant significantly signing silence similar similarly
        simple simply sin sing single sister sit sitting situations size skill skills skin skip
        slight slow slowly smaller smell smile smoke smoking smooth snapshot snow so soil solar
        soldier soldiers sole solid solution solutions solve somehow someone sometimes somewhat son
        songs soon sooner sorry sort sorting soul sounds source spaces spare sparse speak speakers
        speaking speaks specialist specialize species specific specifically specify spectrum speech
        speed spell spend spending spent spin spirit spiritual spoke spoken sponsored sport spots
        spread squad stability stable stage stages stand standing stands started starting stated
        statement statements status stayed staying steady steal stealing steam stem step stepping
        stick still stolen stood stopped stopping stops storage stories strange stream streams
        streets strength stress stretch strict strikes string strip strongly struck structure
        structures struggling stuck studied studio studying stunning style subjects submit submitted
        submitting subsequent subsequently substantial substitute substitution subtle succeed
        success successful successfully such sudden suddenly suffer suffered suffering sufficient
        suggest suggested suggesting suggestion suggestions suggests suicide suitable sum summit
        supplied supplying supported supporters supporting supports suppose supposed suppress surely
        surface surgery surprise surprised surprising surrounded surrounding survival survived
        suspect suspend suspended suspension swear swimming swing switched switching sword symbolic
        symbols symptoms syndrome tables taint taking tale talent talented talked tall tank tap tape
        targeted targets task taste taught tea teach teacher teaching team teams tear technique teen
        telling temperature temperatures temporarily temporary ten tend tension term terminating
        termination terms terrible territory terrorism terrorist tested testing text thank thanks
        them themselves theory therapy therefore thick thin things think thinking thinks third-party
        though thought thoughts thousand threat threatened threats threw through throughout throw
        throwing thrown throws thumb thus ticket tidy tie tier tight tighten timing tiny tip tips
        tired title titles together toilet tomorrow ton tone tons took top-level topics totally
        touched tournament towards towns toxic trace tracks trademarks tradition traditional
        traditionally trail trailing train trained trains transactions transfer transferred
        transferring transition translated translation transmission trap traveling treat treated
        treating treatment trees trend trials tribute trick tried tries trigger triple trips trivial
        troops troy true truly truth try trying tune tuned tunnel turn turned turning turns tweak
        twist type typical typically ugly uh ultimate ultimately unable unauthorized underground
        underscores understand understood unexpected unfortunately uniform unintended unions unique
        unity universities unknown unless unlike unlikely unnecessary unsafe unsupported unusual
        updated updates upgrading upon upset us useful user uses using vacation valid valuable
        values variable variety various vary vast vastly ve vehicle verified verifying version
        versions versus very vessel via victim victory videos village violent virtual virtually
        virus visible vision visited visiting visitors visits visual voluntary volunteers voters
        votes vulnerability wage wait waited waiting walk walked walking walks walls wanted wanting
        wants warm warn warning warnings warrant waste watched watchers watching waters wave waves
        wealth weapon weapons wear wearing weather web wed wedding weekend weeks weight welcome
        welfare went were wet wheels whenever whereas wherever whether which whole whom wide widely
        wife willing win window winds winner winners wired wisdom wise wish within without witness
        witnesses wonderful wondering wooden words wore worked working worn worried worse worst
        wound wounded writer writers writes writing written ya yes yesterday yet younger your
        yourself youth zero zone
        """
    /// Words the model saw both in lower case and capitalised inside a sentence.
    private static let alsoCapitalisedWords = """
        a ability about abroad absolute access according account accounting accounts achievement
        acquire acquired acquisition across act acting action activities activity actor actress acts
        actual actually add added additional administration admit ads advance advanced advertising
        affair affairs affect after again against age agency ago agree agreement agriculture aid
        aids air aircraft airport alarm alcohol all alliance alone also although am amendment among
        an and angels anger another answer any anymore apart appeal appeals appears approval
        approved are area areas armed arms army around arrested arsenal art artists arts as aside
        asks assessment asset assets assistance assistant associated association at atom attempt
        attorney auction authority auto automatic avenue average avoid awaiting award away b baby
        back background bad balance ball ban bang bank banking banks bar base based basically
        basketball battle bay be beach bear bears beautiful beauty because becomes been beer before
        began beginning begins begun bell below belt benefits best bid big biggest bill billion
        bills birthday black block blow blue board boat bob bonds bones book books boom boost boots
        border born boss both bottom bought brands breakfast brief bring broad broadcast brothers
        brought brown budget building buildings bull bureau business busy but buy buying by c cable
        calendar called calls cameras camp campaign campus can cancer candy cap capacity capital
        card cards care career cares carrier cars case cases cash castle cat catch category cats
        celebrity center centers central century certain certified chain chairman chamber champion
        change changed changes changing channel chapter charged charges chase cheap cheaper checks
        chemical chicken chief child children china chip chocolate church cited cities citizen
        citizens city civil claims class classic clean clear clearly clients clinical close closed
        closely closer club coach coal coast code coffee collection college color come comes coming
        command commerce commercial commission commissioner committee common communications
        communist communities community companies company competition complaint complex composite
        comprehensive computer computers concept concern concert conference confidence congress
        conservation conservative consortium constitution construction consumer consumers continue
        continues contract contracts control controls convention cooperation copper corporate costs
        cotton could council count countries country county court courts cover coverage crazy
        creative credit crime criminal crisis critical cross crown crucial cruise cry culture cup
        currency current customers cut cuts d dad daily damage damaged dance data day days de dead
        deal deals dean death debt decades decided decision decline defend defense definitely delay
        demand democracy democratic department departure deposit deputy des desert design despite
        detect development device devices di did died digital dinner director directors discount
        discussing disease diseases dispute distribution distributors district division do doctors
        dog dollar don down dream dreams drew drive drives driving drop drug dry due during dust
        duties duty each earned earnings earth ease east eastern easy eat economic economics economy
        editor education educational effect effort efforts elected election electric electrical
        electricity electronic elite employees employment en encouraged end ended ending ends enemy
        energy enforcement engine engineering enterprise entertainment environmental equipment
        equity error estate estimate even evening events every everybody everyone everything
        exchange executive exit expect expectations expected explosion exporting exports express
        extended extends extension extensive face faces facilities factors facts fail failed fails
        failure fair fall falls false family fantasy far farm fast father fed federal fee feed feel
        feelings fees fell festival fever few field fields fifth fight fighting film finance
        financial find finding finds fine fire firm firms first fiscal five flat fleet flow focus
        food foods fool football for force foreign forest forgotten form former forms fortune forum
        foster found foundation four fourth fox fraud free freedom fresh friends from front fruit
        fuel full fun function fund funding funds funeral furniture further future gain gains
        gallery game games gap garden gas gate gates gear general generally generation generators
        generic genetic get gets getting giants give glass globe go goal god gold golden gone good
        goods got government grace grades graduate grand grant granted graphics gray great green
        group groups grow growth guaranteed guard guide guilty gulf guys gym had half hall hand
        handling hard harden hardly hardware has have having he head headquarters health heard heart
        heat held hell help heritage hey hidden high higher highway hills hip his history hit
        holding holiday home homes hope hoped hopes horses hospital hotel hotels house household
        housing how however human hunt hunter hurt ice ideas identify if ill immigration impact
        imports improper in includes income increase increases increasing increasingly index
        indicate indicator industrial industries industry information initiative innocent inquiry
        institute institution institutions instruments insurance intelligence intended intense
        interest internal international interview introduce introduction investigation investment
        investments investors involved involvement involving iron is island islands isolated issue
        issues it its itself jazz jet job jobs join joint journal judge judgment jump jury just
        justice keep keeping key kind king know knowing knows la labor lady lake land landscape lane
        large largest last late later latest law laws lawyer lawyers lay lead leader league learning
        leave leaves leaving left leg legal legitimate less let letter level levels liberal license
        life light like likely limit limited limits line lines link little live load loan loans
        local logic long longer look looks los loss losses lost lots love low lower lowest luck
        lucky machine machines made magazine magic mail main major make maker makes making man
        management managers manufacturers manufacturing many maps march marine mark market marketing
        markets marks married mass master masters mate material materials matter matters may maybe
        mayor me means meant meanwhile measure meat media medical medicine meet meeting members
        memorial memories memory men met metal methods middle might mile military mill million mills
        mining minister ministry minor minutes mirror miss mission mixed model models modern money
        monitor month more mortgage most mostly motion motor mount mountain mountains move movement
        moves movie movies moving much municipal museum music musical must mutual my mystery naked
        name named names naming nation national nations natural navy near nearly net network never
        new news newspapers next nice night nightly nine no nobody none normal north northern not
        notes notice now nuclear nurse obviously of off offer offering offers office officers
        offices official officially officials often oil old on once one only open opera operating
        operation operations opinion opposed opposition option options or order orders organization
        other others our out output outside over overhaul overseas own owners pace package packaging
        palace panel paper papers parent parents park parliament part parties partners partnership
        parts party past patent pattern pay paying payment payments peace penalty pension people
        perhaps period perspective pet photo photographs physics picks picture pictures pizza place
        placed plan planning plans plant plants players plus pocket point police policies policy
        polish poor popular population portions positions possible post posted posts power practices
        premier president presidential press pressure prevention price prices primary prime
        principles print printing prints prison prize procedure produce producer producers
        production products professional profit profits programs progress progressive project
        promote properties property proposal propose protection protest providing proxy public
        publications publishing pump purchase purpose push quality quarter queen quest quick quickly
        quiet quit quite race radio rail railroad railway raise raised raises raising rally random
        rank rare rate rates rather ratings re reach reached read reading ready real really reason
        reasons recall receives record recording records recovery red reduce reduces reducing
        reference reform register regulation regulatory reject related relations release remains
        repair report reported reporter reporters reports representative republic request requests
        requirement research reserve reserves resistance resolve resource resources responsibility
        rest retail retire retirement return returns revenue review revised revolution rice rich
        ride rights ring rise risk risks road rock role rolling room rose route row rubber rule
        rules ruling run running s safety said salary sale sales salt satellite save savings say
        saying says scared scheme school schools science scientific scientists scores screen sea
        search seat seats second secret secretary sector securities security see seek seeking seen
        sees sell semantics sending senior series serious service services set sets settle
        settlement several share shares sharp she sheet shield ship shoe shop shopping shops short
        should show showed shows side sides sign signal signature signs silent silicon silver since
        singer singing sir site sites situation six sixth sleep sleeping slide slightly slip small
        smart snake social socialist society soft software sold some somebody something somewhere
        song sought sound sources south southern space speaker special split sports spot spring
        springs spy square staff standard standards star stars start starts state states station
        stations statistics stay steel steps stock stocks stone stop store stores storm story
        straight strategic strategies strategy street strike strong stronger struggle student
        students studies study stuff stupid subject substance sue sugar suit suits summary summer
        sun superior supplies supply support supreme sure survey survive swap sweet switch symbol
        system systems table take taken takes talk talking talks target tasks tax taxes teachers
        tears tech technical techniques technologies technology teeth telephone television tell
        tells tennis test tests than that the theater their theme then theories there these they
        thing third this those thousands three tickets tied ties time times to today told too tool
        tools top topic total touch tough tour tourism toward tower town toy toys track trade
        trading traffic training transport transportation trash travel treasury treaty tree trends
        trial trip trouble truck trust tube turkey twice two types uncle under understanding
        unemployment unified unify union unit united units universal universe university until up
        upgrade upper urban use used useless users usual usually utility value van vehicles venture
        veterans vice victims video view viewed viewers views violence visit vital voice volume vote
        voted voting wages wake wall want war ward warranty wars was watch water way ways we weak
        week weekly well wells west western what whatever wheel when where while white who whose why
        wider wild will wind windows wine wing winning wins winter wire with woman women won wonder
        wood woods word work worker workers works world worlds worldwide worry worth worthy would
        write wrong wrote year years you young z
        """
}
