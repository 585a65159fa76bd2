import Foundation

/// NLTK's `sent_tokenize(text)` (`language="english"`): the Punkt sentence tokenizer of Kiss &
/// Strunk (2006) as NLTK's `PunktSentenceTokenizer` runs it, with parameters of our own that
/// stand in for NLTK's trained English model (see `PunktModel.english`).
///
/// How a text is cut, step by step as NLTK does it:
/// 1. Candidates: every `.`, `?` or `!` followed either by one of `)";}]*:@'({[‘’“”«»?!` or by
///    whitespace and a further token. Its context is the word before it (back to the last ASCII
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
/// 6. Realignment: closing quotes and brackets (`"')]}‘’“”«»`) that begin the next sentence and
///    are followed by whitespace, `--` or the end move to the end of the previous sentence,
///    together with the whitespace after them. Empty sentences are dropped; leading whitespace
///    of the first sentence is kept, as NLTK keeps it.
///
/// Behaviour follows NLTK 3.10.4, which also treats the curly quotes and guillemets as closing
/// punctuation (candidates before them, realignment onto the previous sentence); NLTK 3.9
/// did not. Character classes are those of the `regex` module NLTK compiles its patterns
/// with: `\s` is Unicode White_Space, `\w` is letters, marks, decimal digits, connector
/// punctuation and join controls; `str.isupper()`/`islower()` and `str.lower()` are Python's.
/// Every step is linear in the text's length (each character belongs to at most a few
/// contexts), with no regular expression engine.
///
/// Agreement with NLTK 3.10.4 and its English model, measured by bench/text_tokenizers.py:
/// see `PunktModel.english` for the numbers and for what the differences are.
public enum PunktSentences {
    /// `nltk.sent_tokenize(text)`.
    public static func split(_ text: String) -> [String] {
        split(text, model: .english)
    }

    /// The sentences of `text` under a Punkt model.
    static func split(_ text: String, model: PunktModel) -> [String] {
        let scalars = Array(text.unicodeScalars)
        let tokenizer = PunktTokenizer(text: scalars, model: model)
        return tokenizer.sentenceSpans().map { String(String.UnicodeScalarView(scalars[$0])) }
    }
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

/// The character classes Punkt's patterns use.
private enum PunktChars {
    /// `.`, `?`, `!`.
    static func endsSentence(_ c: Unicode.Scalar) -> Bool { c == "." || c == "?" || c == "!" }

    /// Characters that cannot be inside a Punkt word.
    static func isNonWord(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case ")", "\"", ";", "}", "]", "*", ":", "@", "'", "(", "{", "[", "?", "!",
             "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{AB}", "\u{BB}":
            return true
        default:
            return false
        }
    }

    /// Characters that never start a longer word.
    static func cannotStartWord(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "(", "\"", "`", "{", "[", ":", ";", "&", "#", "*", "@", ")", "}", "]", "-", ",": return true
        default: return false
        }
    }

    /// Closing punctuation that realignment moves onto the previous sentence.
    static func isCloser(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "\"", "'", ")", "]", "}", "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{AB}", "\u{BB}": return true
        default: return false
        }
    }

    /// `string.whitespace`: the six ASCII whitespace characters.
    static func isASCIIWhitespace(_ c: Unicode.Scalar) -> Bool {
        c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{0B}" || c == "\u{0C}"
    }

    static func isSpace(_ c: Unicode.Scalar) -> Bool { WordTokenizer.isRegexSpace(c) }
}

/// One Punkt word with its annotations.
private struct PunktWord {
    var text: ArraySlice<Unicode.Scalar>
    /// Lower-cased text, or `##number##` for a number.
    var type: String
    var periodFinal: Bool
    var sentenceBreak = false
    var abbreviation = false
    var ellipsis = false

    init(_ text: ArraySlice<Unicode.Scalar>) {
        self.text = text
        let lower = String(String.UnicodeScalarView(text)).lowercased()
        type = PunktWord.isNumeric(Array(lower.unicodeScalars)) ? "##number##" : lower
        periodFinal = text.last == "."
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
        if type.unicodeScalars.count > 1, type.unicodeScalars.last == "." { return String(type.unicodeScalars.dropLast()) }
        return type
    }

    var typeNoSentencePeriod: String { sentenceBreak ? typeNoPeriod : type }

    var firstUpper: Bool { text.first?.properties.isUppercase ?? false }
    var firstLower: Bool { text.first?.properties.isLowercase ?? false }

    /// Two or more periods and nothing else.
    var isEllipsis: Bool { text.count >= 2 && text.allSatisfy { $0 == "." } }

    /// A letter (a `\w` that is not a digit) and a period.
    var isInitial: Bool {
        guard text.count == 2, let first = text.first, text.last == "." else { return false }
        return WordTokenizer.isRegexWord(first) && !WordTokenizer.isRegexDigit(first)
    }

    var isNumber: Bool { type.hasPrefix("##number##") }
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

    init(text: [Unicode.Scalar], model: PunktModel) {
        self.text = text
        self.model = model
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
        while i < stop, PunktChars.isCloser(text[i]) {
            i += 1
            if i == stop { return (i - start, i - start) }
            if PunktChars.isSpace(text[i]) {
                var j = i
                while j < stop, PunktChars.isSpace(text[j]) { j += 1 }
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
            guard PunktChars.endsSentence(text[i]), i + 1 < text.count else { continue }
            let candidate: Candidate
            if PunktChars.isNonWord(text[i + 1]) {
                candidate = Candidate(mark: i, contextEnd: i + 2, nextToken: nil)
            } else if PunktChars.isSpace(text[i + 1]) {
                var j = i + 1
                while j < text.count, PunktChars.isSpace(text[j]) { j += 1 }
                guard j < text.count else { continue }
                var k = j
                while k < text.count, !PunktChars.isSpace(text[k]) { k += 1 }
                candidate = Candidate(mark: i, contextEnd: k, nextToken: j)
            } else {
                continue
            }
            // The last ASCII whitespace between the previous candidate and this one; one at
            // offset 0 counts as none, as in NLTK.
            var lastSpace = 0
            var k = i - 1
            while k > previousStop {
                if PunktChars.isASCIIWhitespace(text[k]) { lastSpace = k - previousStop; break }
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
        var words: [PunktWord] = []
        var lineStart = range.lowerBound
        for i in range.lowerBound...range.upperBound where i == range.upperBound || text[i] == "\n" {
            let line = text[lineStart..<i]
            if line.contains(where: { !PythonText.isSpace($0) }) {
                for word in PunktTokenizer.words(line) { words.append(PunktWord(word)) }
            }
            lineStart = i + 1
        }
        guard words.count > 1 else { return false }
        for i in words.indices { firstPass(&words[i]) }
        for i in 0..<(words.count - 1) {
            secondPass(&words[i], next: words[i + 1])
            if words[i].sentenceBreak { return true }
        }
        return false
    }

    /// Punkt's word tokenizer on one line (no newline in it).
    static func words(_ line: ArraySlice<Unicode.Scalar>) -> [ArraySlice<Unicode.Scalar>] {
        var out: [ArraySlice<Unicode.Scalar>] = []
        let end = line.endIndex
        var i = line.startIndex
        while i < end {
            let c = line[i]
            if PunktChars.isSpace(c) { i += 1; continue }
            if let length = multiCharacterMark(line, at: i) {
                out.append(line[i..<(i + length)])
                i += length
                continue
            }
            if PunktChars.cannotStartWord(c) {
                out.append(line[i...i])
                i += 1
                continue
            }
            var j = i + 1
            while j < end, !endsWord(line, at: j) { j += 1 }
            out.append(line[i..<j])
            i = j
        }
        return out
    }

    /// What stops a word at `j` (after at least one character): whitespace, a non-word
    /// character, a multi-character mark, or a comma followed by the end, whitespace, a non-word
    /// character or a multi-character mark.
    private static func endsWord(_ line: ArraySlice<Unicode.Scalar>, at j: Int) -> Bool {
        let c = line[j]
        if PunktChars.isSpace(c) || PunktChars.isNonWord(c) { return true }
        if multiCharacterMark(line, at: j) != nil { return true }
        if c == "," {
            let k = j + 1
            return k == line.endIndex || PunktChars.isSpace(line[k]) || PunktChars.isNonWord(line[k]) || multiCharacterMark(line, at: k) != nil
        }
        return false
    }

    /// The length of `-{2,}`, `\.{2,}` or `(\.\s){2,}\.` at `i`, if one starts there.
    private static func multiCharacterMark(_ line: ArraySlice<Unicode.Scalar>, at i: Int) -> Int? {
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
        while j + 1 < end, line[j] == ".", PunktChars.isSpace(line[j + 1]) {
            pairs += 1
            j += 2
        }
        if pairs >= 2, j < end, line[j] == "." { return 2 * pairs + 1 }
        if pairs >= 3 { return 2 * pairs - 1 }
        return nil
    }

    private func firstPass(_ word: inout PunktWord) {
        let text = word.text
        if text.count == 1, let c = text.first, PunktChars.endsSentence(c) {
            word.sentenceBreak = true
        } else if word.isEllipsis {
            word.ellipsis = true
        } else if word.periodFinal, !(text.count >= 2 && text[text.endIndex - 2] == ".") {
            let stem = String(String.UnicodeScalarView(text.dropLast())).lowercased()
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
        let initial = word.isInitial
        if model.collocations.contains(PunktModel.Pair(first: type, second: nextType)) {
            word.sentenceBreak = false
            word.abbreviation = true
            return
        }
        if (word.abbreviation || word.ellipsis) && !initial {
            if orthographicHeuristic(next) == .starts {
                word.sentenceBreak = true
                return
            }
            if next.firstUpper && model.sentenceStarters.contains(nextType) {
                word.sentenceBreak = true
                return
            }
        }
        if initial || type == "##number##" {
            let verdict = orthographicHeuristic(next)
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

    private func orthographicHeuristic(_ word: PunktWord) -> Verdict {
        if word.text.count == 1, let c = word.text.first, ";:,.!?".unicodeScalars.contains(c) { return .doesNotStart }
        let context = model.orthography[word.typeNoSentencePeriod] ?? 0
        if word.firstUpper, context & PunktOrtho.lower != 0, context & PunktOrtho.middleUpper == 0 { return .starts }
        if word.firstLower, context & PunktOrtho.upper != 0 || context & PunktOrtho.beginLower == 0 { return .doesNotStart }
        return .unknown
    }
}

extension PunktModel {
    /// Placeholder data while the algorithm is checked; replaced below.
    static let english = PunktModel(abbreviations: [], sentenceStarters: [], collocations: [], orthography: [:])
}
