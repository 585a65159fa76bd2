import Foundation
import M2RLCore

/// The IFEvalG training constraints: the instruction ids that open-instruct's IFEvalG adds to
/// IFEval's 25 (its `instructions_registry`, "New Constraints"), checked as its `instructions.py`
/// checks them (newest version; for `copy:repeat_phrase` that is the version that requires every
/// found copy to be transformed, not only the last one).
///
/// Conventions shared by every checker here:
/// - Text is Python `str`: code points, compared code point by code point (never by Swift's
///   canonical equivalence). "words" means `str.split()` tokens (runs of non-whitespace) unless a
///   checker says NLTK tokens (`WordTokenizer`, NLTK's `word_tokenize`) or rule sentences
///   (`RuleSentences`, the reference's `split_into_sentences`).
/// - "lowercased" is Python's `str.lower()` (full mappings, final sigma), see `IFTrainText.lower`.
/// - A kwarg the reference replaces with a random value when it is missing or falsy (an empty
///   string, a 0 count) is required here, and such a value is an error. Counts that make no sense
///   (negative) are errors too. Each builder's comment says which.
public enum IFTrainInstructions {
    static let family = "iftrain"

    public static let kinds: [InstructionKind] = [
        repeatPhrase, copy, copySpanIndex, sentenceHyphens, noAdjacentConsecutive, squareBrackets,
        wordOnce, wordCountDifferentNumbers, excludeWordHarder, paragraphs, paragraphs2,
        firstWordSentence, firstWordAnswer, lastWordSentence, lastWordAnswer, bigramWrapping,
        copyingSimple, copyingMultiple, punctuationDot, punctuationExclamation, lowercaseCounting,
        letterCounting, letterCounting2, countingComposition, countUnique, countIncrementWord,
        palindrome, keywordSpecificPosition, startEnd,
    ]

    // MARK: - copy

    /// `copy:repeat_phrase` (kwargs `phrase`, `small_n`, both required; `phrase` is stripped and
    /// must keep a word, `small_n` ≥ 1 — the reference draws a random one for 0).
    ///
    /// With F and L the first and last whitespace-separated words of the phrase, the response's
    /// matches of the Python regular expression `F .*? L` are collected, left to right and not
    /// overlapping (`.` stops at `\n`; F and L are *not* escaped, so a word such as `true?` is a
    /// pattern; no word boundaries, so a match may start inside a longer word; case matters).
    /// It follows when there are exactly `small_n` matches and every one, split on whitespace,
    /// has as many words as the phrase and differs from it in exactly one position.
    static let repeatPhrase = InstructionKind("copy:repeat_phrase", family: family, kwargs: ["phrase", "small_n"]) { args throws(InstructionError) in
        let phrase = try IFTrainText.nonEmptyString(args, "phrase")
        let words = PythonText.split(phrase).map { PythonText.scalars($0) }
        guard let first = words.first, let last = words.last else {
            throw args.invalid("phrase", "has no words")
        }
        let count = try IFTrainText.positiveCount(args, "small_n")
        let finder = try IFTrainText.PhraseFinder(first: first, last: last, key: "phrase", args: args)
        return ClosureCheck { response in
            guard let found = finder.matches(in: response), found.count == count else { return false }
            for match in found {
                let tokens = PythonText.split(PythonText.string(match)).map { PythonText.scalars($0) }
                guard tokens.count == words.count else { return false }
                var differences = 0
                for (a, b) in zip(tokens, words) where a != b { differences += 1 }
                guard differences == 1 else { return false }
            }
            return true
        }
    }

    /// `copy:copy` (kwarg `prompt_to_repeat`, required, non-empty): the response, stripped and
    /// lowercased, equals `prompt_to_repeat` stripped and lowercased.
    static let copy = InstructionKind("copy:copy", family: family, kwargs: ["prompt_to_repeat"]) { args throws(InstructionError) in
        try IFTrainText.copyCheck(args)
    }

    /// `copy:copying_simple` (kwarg `prompt_to_repeat`): the same rule as `copy:copy`.
    static let copyingSimple = InstructionKind("copy:copying_simple", family: family, kwargs: ["prompt_to_repeat"]) { args throws(InstructionError) in
        try IFTrainText.copyCheck(args)
    }

    /// `copy:copying_multiple` (kwargs `prompt_to_repeat`, non-empty, and `N`, required, ≥ 1 —
    /// the reference draws a random one for 0): the response split on the literal `******` gives
    /// exactly N pieces and each, stripped and lowercased, equals the stripped, lowercased prompt.
    /// (Seven asterisks leave a `*` on a piece; a trailing separator leaves an empty piece.)
    static let copyingMultiple = InstructionKind("copy:copying_multiple", family: family, kwargs: ["prompt_to_repeat", "N"]) { args throws(InstructionError) in
        let target = IFTrainText.lower(PythonText.strip(try IFTrainText.nonEmptyString(args, "prompt_to_repeat")))
        let count = try IFTrainText.positiveCount(args, "N")
        let separator = PythonText.scalars("******")
        return ClosureCheck { response in
            let pieces = IFTrainText.split(PythonText.scalars(response), separator)
            guard pieces.count == count else { return false }
            return pieces.allSatisfy { IFTrainText.lower(IFTrainText.strip($0)) == target }
        }
    }

    /// `new:copy_span_idx` (kwargs `prompt_to_repeat`, non-empty; `n_start`, `n_end`, required
    /// integers): the response, stripped and lowercased, equals the Python slice
    /// `prompt_to_repeat[n_start:n_end]` (code points; end exclusive; negative indices count from
    /// the end; out-of-range indices clamp) stripped and lowercased.
    ///
    /// Departure: the reference replaces a 0 `n_start` or `n_end` with a random index (it tests
    /// `not n_start`); m2rl takes 0 as index 0, which is what a stored row's 0 describes.
    static let copySpanIndex = InstructionKind("new:copy_span_idx", family: family, kwargs: ["prompt_to_repeat", "n_start", "n_end"]) { args throws(InstructionError) in
        let prompt = PythonText.scalars(try IFTrainText.nonEmptyString(args, "prompt_to_repeat"))
        let start = try args.int("n_start")
        let end = try args.int("n_end")
        let span = IFTrainText.slice(prompt, start, end)
        let target = IFTrainText.lower(IFTrainText.strip(span))
        return ClosureCheck { response in
            IFTrainText.lower(PythonText.strip(response)) == target
        }
    }

    // MARK: - detectable_format

    /// `detectable_format:sentence_hyphens` (no kwargs). The response is cut at every `-`; the
    /// same text with every `-` made a space is split into rule sentences. Pairing the pieces
    /// with the sentences in order (stopping at the shorter list, as `zip` does), every piece
    /// must equal its sentence and have no whitespace at either end.
    ///
    /// Reference quirks kept: a hyphen inside a word (`well-known`) breaks the pairing; a trailing
    /// hyphen leaves an empty last piece that is never compared; text without hyphens follows
    /// exactly when it is one sentence.
    static let sentenceHyphens = InstructionKind("detectable_format:sentence_hyphens", family: family) { _ throws(InstructionError) in
        ClosureCheck { response in
            let scalars = PythonText.scalars(response)
            var spaced = String.UnicodeScalarView()
            spaced.append(contentsOf: scalars.lazy.map { $0 == "-" ? " " : $0 })
            let sentences = RuleSentences.split(String(spaced))
            let pieces = IFTrainText.split(scalars, ["-"])
            for (piece, sentence) in zip(pieces, sentences) {
                guard IFTrainText.strip(piece).count == piece.count,
                      piece.elementsEqual(sentence.unicodeScalars) else { return false }
            }
            return true
        }
    }

    /// `detectable_format:square_brackets` (no kwargs): every whitespace-separated word starts
    /// with `[` and ends with `]` (so `[a][b]` is one good word and `[two words]` two bad ones).
    /// A response without words follows.
    static let squareBrackets = InstructionKind("detectable_format:square_brackets", family: family) { _ throws(InstructionError) in
        ClosureCheck { response in
            PythonText.split(response).allSatisfy { word in
                word.unicodeScalars.first == "[" && word.unicodeScalars.last == "]"
            }
        }
    }

    /// `detectable_format:bigram_wrapping` (no kwargs): with the whitespace-separated words
    /// w0, w1, …, for every even i with a word after it, w(i) starts with `<<` and w(i+1) ends
    /// with `>>`. Only pair ends are looked at; an odd last word is not checked (so a one-word
    /// response follows).
    static let bigramWrapping = InstructionKind("detectable_format:bigram_wrapping", family: family) { _ throws(InstructionError) in
        ClosureCheck { response in
            let words = PythonText.split(response).map { PythonText.scalars($0) }
            var i = 0
            while i + 1 < words.count {
                guard words[i].starts(with: ["<", "<"]), words[i + 1].reversed().starts(with: [">", ">"]) else { return false }
                i += 2
            }
            return true
        }
    }

    // MARK: - keywords

    /// `keywords:no_adjacent_consecutive` (no kwargs): for each two neighbouring
    /// whitespace-separated words, the lowercased first character of the second is not the
    /// code point right after the lowercased first character of the first.
    ///
    /// Reference quirks kept: any characters count, not only letters (`1 2` fails); only the
    /// next code point up is checked (`b a` is fine); a first character whose lowercase is more
    /// than one code point (`İ`) fails the response whenever its word has a neighbour.
    static let noAdjacentConsecutive = InstructionKind("keywords:no_adjacent_consecutive", family: family) { _ throws(InstructionError) in
        ClosureCheck { response in
            let initials = PythonText.split(response).map { word -> [Unicode.Scalar] in
                guard let first = word.unicodeScalars.first else { return [] }
                return IFTrainText.lower(CollectionOfOne(first))
            }
            guard initials.count > 1 else { return true }
            for i in 0..<(initials.count - 1) {
                let a = initials[i], b = initials[i + 1]
                guard a.count == 1, b.count == 1 else { return false }
                if Int(b[0].value) - Int(a[0].value) == 1 { return false }
            }
            return true
        }
    }

    /// `keywords:word_once` (kwarg `keyword`, required, non-empty, stripped): the number of
    /// matches of `keyword` in the response, found as Python's `re.findall(keyword, response,
    /// re.IGNORECASE)` does, is exactly 1. The keyword is a regular expression, not a word: no
    /// word boundaries (`cat` matches in `cats`), and `.` or `?` in it are pattern syntax (see
    /// `IFTrainText.KeywordPattern`).
    static let wordOnce = InstructionKind("keywords:word_once", family: family, kwargs: ["keyword"]) { args throws(InstructionError) in
        let pattern = try IFTrainText.KeywordPattern(args, "keyword")
        return ClosureCheck { response in pattern.count(in: response) == 1 }
    }

    /// `keywords:word_count_different_numbers` (kwargs `keyword`, required, non-empty, stripped;
    /// `frequency`, required, ≥ 0; `relation`, required, "less than" or "at least"): the number of
    /// case-insensitive regular-expression matches of `keyword` (as in `keywords:word_once`)
    /// is < `frequency` for "less than", ≥ `frequency` for "at least".
    static let wordCountDifferentNumbers = InstructionKind("keywords:word_count_different_numbers", family: family, kwargs: ["keyword", "frequency", "relation"]) { args throws(InstructionError) in
        let pattern = try IFTrainText.KeywordPattern(args, "keyword")
        let frequency = try IFTrainText.nonNegativeCount(args, "frequency")
        let relation = try args.relation("relation")
        return ClosureCheck { response in relation.holds(pattern.count(in: response), frequency) }
    }

    /// `keywords:exclude_word_harder` (kwargs `keyword`, required, non-empty, then stripped;
    /// `instruction`, accepted and unused — the reference draws a random word from it only when
    /// `keyword` is missing): the response does not contain the keyword with one ASCII space on
    /// each side (`" " + keyword + " "`, case-sensitive). So the keyword at the very start or end,
    /// before punctuation, or next to a tab or newline does not count.
    static let excludeWordHarder = InstructionKind("keywords:exclude_word_harder", family: family, kwargs: ["keyword", "instruction"]) { args throws(InstructionError) in
        let keyword = PythonText.scalars(PythonText.strip(try IFTrainText.nonEmptyString(args, "keyword")))
        let needle: [Unicode.Scalar] = [" "] + keyword + [" "]
        return ClosureCheck { response in
            IFTrainText.occurrences(of: needle, in: PythonText.scalars(response)).isEmpty
        }
    }

    /// `keywords:palindrome` (no kwargs): some whitespace-separated word reads the same
    /// reversed, code point by code point. Case and punctuation count (`Wow`, `level.` are not
    /// palindromes), and any one-character word is one (so `I` or `a` makes a response follow).
    static let palindrome = InstructionKind("keywords:palindrome", family: family) { _ throws(InstructionError) in
        ClosureCheck { response in
            PythonText.split(response).contains { word in
                word.unicodeScalars.elementsEqual(word.unicodeScalars.reversed())
            }
        }
    }

    /// `keywords:keyword_specific_position` (kwargs `keyword`, a string or a list whose first
    /// item is used, required, non-empty, stripped; `n`, `m`, required, ≥ 1): the response has at
    /// least n rule sentences, the n-th sentence has at least m NLTK tokens, and the m-th token
    /// equals the keyword exactly (case-sensitive; `.` and `,` are tokens).
    ///
    /// Departure: the reference draws a random n or m for 0 and indexes from the end for a
    /// negative one; m2rl rejects both.
    static let keywordSpecificPosition = InstructionKind("keywords:keyword_specific_position", family: family, kwargs: ["keyword", "n", "m"]) { args throws(InstructionError) in
        let keyword = PythonText.scalars(PythonText.strip(try IFTrainText.stringOrFirstItem(args, "keyword")))
        let n = try IFTrainText.positiveCount(args, "n")
        let m = try IFTrainText.positiveCount(args, "m")
        return ClosureCheck { response in
            let sentences = RuleSentences.split(response)
            guard sentences.count >= n else { return false }
            let tokens = WordTokenizer.tokenize(sentences[n - 1])
            guard tokens.count >= m else { return false }
            return tokens[m - 1].unicodeScalars.elementsEqual(keyword)
        }
    }

    /// `keywords:start_end` (no kwargs): the response has at least two NLTK tokens and the first
    /// and last, lowercased, are equal. Punctuation is a token, so a final `.` makes it fail.
    static let startEnd = InstructionKind("keywords:start_end", family: family) { _ throws(InstructionError) in
        ClosureCheck { response in
            let tokens = WordTokenizer.tokenize(response)
            guard tokens.count >= 2, let first = tokens.first, let last = tokens.last else { return false }
            return IFTrainText.lower(first.unicodeScalars) == IFTrainText.lower(last.unicodeScalars)
        }
    }

    // MARK: - paragraphs

    /// `paragraphs:paragraphs` (no kwargs): the response cut at every match of the Python
    /// pattern `\s?\*\*\*\s?` (three asterisks with at most one whitespace character taken on
    /// each side) gives exactly 2 paragraphs, where an empty (whitespace-only) first or last
    /// piece is not counted and an empty piece anywhere else fails the response.
    /// `****` is `***` plus a `*` that starts the next piece (reference quirk).
    static let paragraphs = InstructionKind("paragraphs:paragraphs", family: family) { _ throws(InstructionError) in
        ClosureCheck { response in
            IFTrainText.paragraphCount(IFTrainText.splitOnDivider(PythonText.scalars(response))) == 2
        }
    }

    /// `paragraphs:paragraphs2` (no kwargs): as `paragraphs:paragraphs`, with the response cut
    /// at every literal `\n\n` instead (so `\n\n\n\n` leaves an empty middle piece and fails,
    /// while `\n\n\n` puts the extra line break at the start of the next paragraph).
    static let paragraphs2 = InstructionKind("paragraphs:paragraphs2", family: family) { _ throws(InstructionError) in
        ClosureCheck { response in
            IFTrainText.paragraphCount(IFTrainText.split(PythonText.scalars(response), ["\n", "\n"])) == 2
        }
    }

    // MARK: - first_word / last_word

    /// `first_word:first_word_sent` (kwarg `first_word`, a string or a list whose first item is
    /// used, required, non-empty, stripped): every rule sentence is non-empty and its first
    /// whitespace-separated token, lowercased, equals the lowercased word. The token keeps its
    /// punctuation (`Yes,` is not `yes`). A response with no sentences follows.
    static let firstWordSentence = InstructionKind("first_word:first_word_sent", family: family, kwargs: ["first_word"]) { args throws(InstructionError) in
        let word = IFTrainText.lower(PythonText.strip(try IFTrainText.stringOrFirstItem(args, "first_word")))
        return ClosureCheck { response in
            for sentence in RuleSentences.split(response) {
                guard let first = PythonText.split(sentence).first else { return false }
                if IFTrainText.lower(first) != word { return false }
            }
            return true
        }
    }

    /// `first_word:first_word_answer` (kwarg `first_word`, a string, required, non-empty,
    /// stripped): the response has a whitespace-separated token and the first one, lowercased,
    /// equals the lowercased word (punctuation stays on the token).
    static let firstWordAnswer = InstructionKind("first_word:first_word_answer", family: family, kwargs: ["first_word"]) { args throws(InstructionError) in
        let word = IFTrainText.lower(PythonText.strip(try IFTrainText.nonEmptyString(args, "first_word")))
        return ClosureCheck { response in
            guard let first = PythonText.split(response).first else { return false }
            return IFTrainText.lower(first) == word
        }
    }

    /// `last_word:last_word_sent` (kwarg `last_word`, a string or a list whose first item is
    /// used, required, non-empty, stripped): every rule sentence is non-empty, and its last
    /// whitespace-separated token with every character that is neither a word character nor
    /// whitespace removed (Python `re.sub(r"[^\w\s]", "", token)`: `cat's.` becomes `cats`),
    /// lowercased, equals the lowercased word. A response with no sentences follows.
    static let lastWordSentence = InstructionKind("last_word:last_word_sent", family: family, kwargs: ["last_word"]) { args throws(InstructionError) in
        let word = IFTrainText.lower(PythonText.strip(try IFTrainText.stringOrFirstItem(args, "last_word")))
        return ClosureCheck { response in
            for sentence in RuleSentences.split(response) {
                guard let last = PythonText.split(sentence).last else { return false }
                if IFTrainText.lower(IFTrainText.wordCharacters(last)) != word { return false }
            }
            return true
        }
    }

    /// `last_word:last_word_answer` (kwarg `last_word`, a string, required, non-empty,
    /// stripped): the response's last whitespace-separated token, with non-word characters
    /// removed as in `last_word:last_word_sent` and lowercased, equals the lowercased word.
    /// A response without tokens does not follow (the reference raises `IndexError` there).
    static let lastWordAnswer = InstructionKind("last_word:last_word_answer", family: family, kwargs: ["last_word"]) { args throws(InstructionError) in
        let word = IFTrainText.lower(PythonText.strip(try IFTrainText.nonEmptyString(args, "last_word")))
        return ClosureCheck { response in
            guard let last = PythonText.split(response).last else { return false }
            return IFTrainText.lower(IFTrainText.wordCharacters(last)) == word
        }
    }

    // MARK: - punctuation

    /// `punctuation:punctuation_dot` (no kwargs): the response has no `.` (U+002E; other full
    /// stops and the ellipsis character are allowed, a decimal point is not).
    static let punctuationDot = InstructionKind("punctuation:punctuation_dot", family: family) { _ throws(InstructionError) in
        ClosureCheck { response in !response.unicodeScalars.contains(".") }
    }

    /// `punctuation:punctuation_exclamation` (no kwargs): the response has no `!` (U+0021;
    /// `¡` and the fullwidth `！` are other characters).
    static let punctuationExclamation = InstructionKind("punctuation:punctuation_exclamation", family: family) { _ throws(InstructionError) in
        ClosureCheck { response in !response.unicodeScalars.contains("!") }
    }

    // MARK: - count / letters

    /// `count:lowercase_counting` (kwarg `N`, required, ≥ 1 — the reference draws a random one
    /// for 0): the number of matches of the Python pattern `\b[a-z]+\b` is at most N. That is the
    /// number of maximal runs of word characters (Unicode `\w`) made only of ASCII lowercase
    /// letters, every occurrence counted (the reference's description speaks of each word, its
    /// check counts them all together). `don't` is two such words; `café`, `snake_case`, `Hello`
    /// are none.
    static let lowercaseCounting = InstructionKind("count:lowercase_counting", family: family, kwargs: ["N"]) { args throws(InstructionError) in
        let limit = try IFTrainText.positiveCount(args, "N")
        return ClosureCheck { response in
            var count = 0
            var inRun = false, allLower = true
            for scalar in response.unicodeScalars {
                if PythonText.isWord(scalar) {
                    if !inRun { inRun = true; allLower = true }
                    if !(scalar.value >= 0x61 && scalar.value <= 0x7A) { allLower = false }
                } else if inRun {
                    if allLower { count += 1 }
                    inRun = false
                }
            }
            if inRun && allLower { count += 1 }
            return count <= limit
        }
    }

    /// `letters:letter_counting` (kwargs `N`, required, ≥ 1; `relation`, required, "less than"
    /// or "at least"): the number of ASCII letters `[a-zA-Z]` in the response is < N or ≥ N.
    ///
    /// Departure: the reference draws a random N for 0, and with a relation other than the two
    /// it silently never follows; m2rl rejects those kwargs.
    static let letterCounting = InstructionKind("letters:letter_counting", family: family, kwargs: ["N", "relation"]) { args throws(InstructionError) in
        let n = try IFTrainText.positiveCount(args, "N")
        let relation = try args.relation("relation")
        return ClosureCheck { response in
            var count = 0
            for scalar in response.unicodeScalars where (scalar.value >= 0x41 && scalar.value <= 0x5A) || (scalar.value >= 0x61 && scalar.value <= 0x7A) {
                count += 1
            }
            return relation.holds(count, n)
        }
    }

    /// `letters:letter_counting2` (kwargs `letter`, `let_frequency`, `let_relation`; IFEval's
    /// letter-frequency rule, registered by IFEvalG under this id too): the letter is one code
    /// point whose lowercase is one of `a`–`z` (the reference draws a random letter for anything
    /// else, so m2rl requires it); `let_frequency` is required, ≥ 0; `let_relation` is required.
    /// The response is lowercased (Python `str.lower()`, so `İ` gives an `i` plus a combining
    /// dot) and the lowercase letter's occurrences counted: < frequency or ≥ frequency.
    static let letterCounting2 = InstructionKind("letters:letter_counting2", family: family, kwargs: ["letter", "let_frequency", "let_relation"]) { args throws(InstructionError) in
        let raw = try args.string("letter")
        let lowered = IFTrainText.lower(raw.unicodeScalars)
        guard raw.unicodeScalars.count == 1, lowered.count == 1, let letter = lowered.first,
              letter.value >= 0x61, letter.value <= 0x7A else {
            throw args.invalid("letter", "must be a single letter a-z or A-Z, got '\(raw.prefix(20))' (the reference draws a random letter for it)")
        }
        let frequency = try IFTrainText.nonNegativeCount(args, "let_frequency")
        let relation = try args.relation("let_relation")
        return ClosureCheck { response in
            var count = 0
            for scalar in IFTrainText.lower(response.unicodeScalars) where scalar == letter { count += 1 }
            return relation.holds(count, frequency)
        }
    }

    /// `count:counting_composition` (kwargs `n_sent`, `n_words`, required, ≥ 1): the response
    /// is cut into paragraphs as `paragraphs:paragraphs` does (`\s?\*\*\*\s?`); there must be 3
    /// counted paragraphs; every piece, the uncounted empty first or last one included, must have
    /// exactly `n_sent` rule sentences, and every sentence exactly `n_words` NLTK tokens.
    ///
    /// Reference quirks kept: punctuation tokens count as words (`Cats sleep.` is 3); an empty
    /// first or last piece (a response starting or ending with `***`) still has to have `n_sent`
    /// sentences, so it always fails.
    static let countingComposition = InstructionKind("count:counting_composition", family: family, kwargs: ["n_sent", "n_words"]) { args throws(InstructionError) in
        let sentencesEach = try IFTrainText.positiveCount(args, "n_sent")
        let wordsEach = try IFTrainText.positiveCount(args, "n_words")
        return ClosureCheck { response in
            let pieces = IFTrainText.splitOnDivider(PythonText.scalars(response))
            guard IFTrainText.paragraphCount(pieces) == 3 else { return false }
            for piece in pieces {
                let sentences = RuleSentences.split(PythonText.string(piece))
                guard sentences.count == sentencesEach else { return false }
                for sentence in sentences where WordTokenizer.tokenize(sentence).count != wordsEach {
                    return false
                }
            }
            return true
        }
    }

    /// `count:count_unique` (no kwargs): no NLTK token of the response occurs twice (tokens
    /// compared exactly: case-sensitive, and punctuation tokens count, so two sentences ending in
    /// `.` fail).
    static let countUnique = InstructionKind("count:count_unique", family: family) { _ throws(InstructionError) in
        ClosureCheck { response in
            var seen = Set<[Unicode.Scalar]>()
            for token in WordTokenizer.tokenize(response) {
                guard seen.insert(PythonText.scalars(token)).inserted else { return false }
            }
            return true
        }
    }

    /// `count:count_increment_word` (kwargs `keyword1`, `keyword2`, required, non-empty,
    /// stripped): `keyword1` has exactly 1 and `keyword2` exactly 2 case-insensitive
    /// regular-expression matches in the response, counted as in `keywords:word_once`
    /// (substrings count: `spears` contains `pear`).
    static let countIncrementWord = InstructionKind("count:count_increment_word", family: family, kwargs: ["keyword1", "keyword2"]) { args throws(InstructionError) in
        let once = try IFTrainText.KeywordPattern(args, "keyword1")
        let twice = try IFTrainText.KeywordPattern(args, "keyword2")
        return ClosureCheck { response in
            once.count(in: response) == 1 && twice.count(in: response) == 2
        }
    }
}

/// The text rules the IFEvalG training checkers share, each Python's to the code point.
enum IFTrainText {
    typealias Scalars = [Unicode.Scalar]

    // MARK: kwargs

    /// A required string kwarg that must not be empty (the reference treats "" as missing).
    static func nonEmptyString(_ args: InstructionArguments, _ key: String) throws(InstructionError) -> String {
        let text = try args.string(key)
        guard !text.isEmpty else { throw args.invalid(key, "must not be empty") }
        return text
    }

    /// A kwarg the reference takes as a string or as a list whose first item it uses.
    static func stringOrFirstItem(_ args: InstructionArguments, _ key: String) throws(InstructionError) -> String {
        if let list = args.values[key]?.array {
            guard let first = list.first else { throw args.invalid(key, "must not be empty") }
            guard let text = first.string else {
                throw args.invalid(key, "must be a string or a list of strings, got an item \(first.jsonText.prefix(60))")
            }
            return text
        }
        return try nonEmptyString(args, key)
    }

    /// A required count ≥ 1: the reference draws a random value for 0, and negative counts make
    /// no instruction.
    static func positiveCount(_ args: InstructionArguments, _ key: String) throws(InstructionError) -> Int {
        let value = try args.int(key)
        guard value >= 1 else {
            throw args.invalid(key, value == 0
                ? "must be at least 1 (the reference replaces 0 with a random value)"
                : "must be at least 1, got \(value)")
        }
        return value
    }

    /// A required count ≥ 0 (the reference draws a random value for a negative one).
    static func nonNegativeCount(_ args: InstructionArguments, _ key: String) throws(InstructionError) -> Int {
        let value = try args.int(key)
        guard value >= 0 else { throw args.invalid(key, "must be at least 0, got \(value)") }
        return value
    }

    static func copyCheck(_ args: InstructionArguments) throws(InstructionError) -> any InstructionCheck {
        let target = lower(PythonText.strip(try nonEmptyString(args, "prompt_to_repeat")))
        return ClosureCheck { response in lower(PythonText.strip(response)) == target }
    }

    // MARK: Python string operations on code points

    /// Python's `str.lower()` on code points (`PythonText.lowerScalars`).
    static func lower(_ text: some Collection<Unicode.Scalar>) -> Scalars { PythonText.lowerScalars(text) }

    static func lower(_ text: some StringProtocol) -> Scalars { PythonText.lowerScalars(text.unicodeScalars) }

    /// `str.strip()` on code points.
    static func strip(_ s: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
        var lower = s.startIndex, upper = s.endIndex
        while lower < upper, PythonText.isSpace(s[lower]) { lower += 1 }
        while upper > lower, PythonText.isSpace(s[upper - 1]) { upper -= 1 }
        return s[lower..<upper]
    }

    /// `text[start:end]` for a Python `str`: negative indices count from the end, then both are
    /// clamped to the text; an end before the start gives nothing.
    static func slice(_ text: Scalars, _ start: Int, _ end: Int) -> ArraySlice<Unicode.Scalar> {
        func clamp(_ index: Int) -> Int {
            let i = index < 0 ? index + text.count : index
            return min(max(i, 0), text.count)
        }
        let a = clamp(start), b = clamp(end)
        return a < b ? text[a..<b] : []
    }

    /// `text.split(separator)` with a literal, non-empty separator: pieces between
    /// non-overlapping occurrences found left to right, empty pieces kept.
    static func split(_ text: Scalars, _ separator: Scalars) -> [ArraySlice<Unicode.Scalar>] {
        var pieces: [ArraySlice<Unicode.Scalar>] = []
        var start = 0
        for occurrence in nonOverlapping(occurrences(of: separator, in: text), length: separator.count) {
            pieces.append(text[start..<occurrence])
            start = occurrence + separator.count
        }
        pieces.append(text[start...])
        return pieces
    }

    /// `re.split(r"\s?\*\*\*\s?", text)`, as IFEval's paragraph checker splits
    /// (`IFEvalInstructions.dividerPieces`).
    static func splitOnDivider(_ s: Scalars) -> [ArraySlice<Unicode.Scalar>] {
        IFEvalInstructions.dividerPieces(s).map { s[$0] }
    }

    /// The paragraph count of the reference's paragraph checkers: the pieces, less an empty
    /// (whitespace-only) first and last one; `nil` when an empty piece sits anywhere else.
    static func paragraphCount(_ pieces: [ArraySlice<Unicode.Scalar>]) -> Int? {
        var count = pieces.count
        for (index, piece) in pieces.enumerated() where strip(piece).isEmpty {
            guard index == 0 || index == pieces.count - 1 else { return nil }
            count -= 1
        }
        return count
    }

    /// `re.sub(r"[^\w\s]", "", token)`: only word characters and whitespace kept.
    static func wordCharacters(_ token: some StringProtocol) -> Scalars {
        token.unicodeScalars.filter { PythonText.isWord($0) || PythonText.isSpace($0) }
    }

    // MARK: literal search

    /// Every index where `pattern` (non-empty) occurs in `text`, overlapping occurrences included
    /// (Knuth–Morris–Pratt, linear).
    static func occurrences<T: Equatable>(of pattern: [T], in text: [T]) -> [Int] {
        guard !pattern.isEmpty, pattern.count <= text.count else { return [] }
        var failure = [Int](repeating: 0, count: pattern.count)
        var k = 0
        for i in 1..<max(pattern.count, 1) {
            while k > 0 && pattern[i] != pattern[k] { k = failure[k - 1] }
            if pattern[i] == pattern[k] { k += 1 }
            failure[i] = k
        }
        var found: [Int] = []
        k = 0
        for (i, element) in text.enumerated() {
            while k > 0 && element != pattern[k] { k = failure[k - 1] }
            if element == pattern[k] { k += 1 }
            if k == pattern.count {
                found.append(i - k + 1)
                k = failure[k - 1]
            }
        }
        return found
    }

    /// The occurrences a left-to-right scan keeps: each one that starts at or after the end of
    /// the previous one kept.
    static func nonOverlapping(_ starts: [Int], length: Int) -> [Int] {
        var kept: [Int] = []
        var end = 0
        for start in starts where start >= end {
            kept.append(start)
            end = start + length
        }
        return kept
    }

    // MARK: Python regular expressions from kwargs

    /// A keyword the reference hands to `re.findall(keyword, response, flags=re.IGNORECASE)`,
    /// counted the same way.
    ///
    /// A keyword without any of Python's pattern characters `.^$*+?{}[]\|()` is literal text;
    /// m2rl then counts its non-overlapping occurrences with Python's case-insensitive rule:
    /// two code points match when their simple lowercase forms are equal, or fall in one of the
    /// groups Python's `re` adds for letters with several lowercase forms (see `caseFold`).
    /// So the Kelvin sign matches `k` and `ſ` matches `s`, but `ß` does not match `ss`.
    /// An empty (all-whitespace) keyword matches at every position: length + 1 matches.
    ///
    /// A keyword with pattern characters is compiled as a regular expression: Python syntax
    /// translated to ICU's (`IFTrainText.icuPattern`), `.` not matching `\n` only. Known
    /// approximation there: ICU's case-insensitive matching uses full case folding, so for
    /// non-ASCII letters inside such a pattern it can differ from Python's. A keyword ICU cannot
    /// compile is a kwarg error (the reference would raise when checking).
    struct KeywordPattern: Sendable {
        private let literal: [UInt32]?
        private let regex: SendableRegex?

        init(_ args: InstructionArguments, _ key: String) throws(InstructionError) {
            let keyword = String(PythonText.strip(try IFTrainText.nonEmptyString(args, key)))
            if IFTrainText.isLiteral(keyword) {
                literal = keyword.unicodeScalars.map(IFTrainText.caseFold)
                regex = nil
            } else {
                literal = nil
                regex = try SendableRegex(python: keyword, caseInsensitive: true, args: args, key: key)
            }
        }

        /// `len(re.findall(keyword, text, flags=re.IGNORECASE))`.
        func count(in text: String) -> Int {
            if let literal {
                if literal.isEmpty { return text.unicodeScalars.count + 1 }
                let folded = text.unicodeScalars.map(IFTrainText.caseFold)
                return IFTrainText.nonOverlapping(IFTrainText.occurrences(of: literal, in: folded), length: literal.count).count
            }
            return regex?.count(in: text) ?? 0
        }
    }

    /// The matches of the reference's `re.findall(rf"{first} .*? {last}", text)` for
    /// `copy:repeat_phrase` (case-sensitive; F and L are words of the phrase, used unescaped).
    struct PhraseFinder: Sendable {
        let first: Scalars
        let last: Scalars
        private let regex: SendableRegex?

        init(first: Scalars, last: Scalars, key: String, args: InstructionArguments) throws(InstructionError) {
            self.first = first
            self.last = last
            let f = PythonText.string(first), l = PythonText.string(last)
            if IFTrainText.isLiteral(f) && IFTrainText.isLiteral(l) {
                regex = nil
            } else {
                regex = try SendableRegex(python: f + " .*? " + l, caseInsensitive: false, args: args, key: key)
            }
        }

        /// What `re.findall` returns: the matched texts (or, for a pattern with one group, the
        /// group's text); `nil` where the reference would raise (a pattern with several groups
        /// makes `findall` return tuples, which the checker cannot split).
        func matches(in response: String) -> [ArraySlice<Unicode.Scalar>]? {
            if let regex { return regex.findall(in: response) }
            let text = PythonText.scalars(response)
            // F, a space, the fewest non-newline code points, a space, L: for a start where F and
            // a space occur, the match ends at the first " L" at or after the space, provided no
            // newline comes before that " L".
            let tail: Scalars = [" "] + last
            let tails = occurrences(of: tail, in: text)
            let newlines = text.indices.filter { text[$0] == "\n" }
            var found: [ArraySlice<Unicode.Scalar>] = []
            var position = 0
            var t = 0, nl = 0
            for start in occurrences(of: first, in: text) where start >= position {
                let gap = start + first.count
                guard gap < text.count, text[gap] == " " else { continue }
                let from = gap + 1
                while t < tails.count, tails[t] < from { t += 1 }
                guard t < tails.count else { break }
                while nl < newlines.count, newlines[nl] < from { nl += 1 }
                if nl < newlines.count, newlines[nl] < tails[t] { continue }
                let end = tails[t] + tail.count
                found.append(text[start..<end])
                position = end
            }
            return found
        }
    }

    /// A compiled ICU regular expression made from a Python pattern (immutable once built).
    struct SendableRegex: @unchecked Sendable {
        let regex: NSRegularExpression

        init(python: String, caseInsensitive: Bool, args: InstructionArguments, key: String) throws(InstructionError) {
            var options: NSRegularExpression.Options = [.useUnixLineSeparators]
            if caseInsensitive { options.insert(.caseInsensitive) }
            do {
                regex = try NSRegularExpression(pattern: IFTrainText.icuPattern(python), options: options)
            } catch {
                throw args.invalid(key, "is used by the reference as a Python regular expression, and '\(python.prefix(60))' is not one m2rl can compile")
            }
        }

        func count(in text: String) -> Int {
            regex.numberOfMatches(in: text, range: NSRange(text.startIndex..., in: text))
        }

        func findall(in text: String) -> [ArraySlice<Unicode.Scalar>]? {
            let groups = regex.numberOfCaptureGroups
            guard groups <= 1 else { return nil }
            let matches = regex.matches(in: text, range: NSRange(text.startIndex..., in: text))
            return matches.map { match in
                guard let range = Range(match.range(at: groups), in: text) else { return [] }
                return ArraySlice(text[range].unicodeScalars)
            }
        }
    }

    /// The characters Python's `re` gives a meaning, besides `.`.
    static let metacharacters = Set("^$*+?{}[]\\|()".unicodeScalars)

    /// True when `pattern` has none of the characters Python's `re` gives a meaning.
    static func isLiteral(_ pattern: String) -> Bool {
        !pattern.unicodeScalars.contains { $0 == "." || metacharacters.contains($0) }
    }

    /// A Python `re` pattern rewritten where ICU reads the same text differently: `{` that does
    /// not start a repeat count, `}` and `]` outside a class are literal in Python (escaped
    /// here); `{,n}` is `{0,n}`; inside a class, `[` and `&` are literal in Python (ICU nests
    /// and intersects sets) and a `]` right after the opening `[` or `[^` is literal; `\Z` is
    /// ICU's `\z`; `(?P<name>` and `(?P=name)` are ICU's `(?<name>` and `\k<name>`.
    /// `.` and `$` need no change with ICU's Unix-lines mode, which m2rl turns on.
    static func icuPattern(_ python: String) -> String {
        let s = PythonText.scalars(python)
        var out = String.UnicodeScalarView()
        func emit(_ text: String) { out.append(contentsOf: text.unicodeScalars) }
        var i = 0
        var inClass = false, classStart = false
        while i < s.count {
            let c = s[i]
            if c == "\\" {
                guard i + 1 < s.count else { out.append(c); i += 1; continue }
                if !inClass && s[i + 1] == "Z" { emit("\\z") } else { out.append(c); out.append(s[i + 1]) }
                i += 2
                classStart = false
                continue
            }
            if inClass {
                switch c {
                case "]" where classStart: emit("\\]")
                case "]": inClass = false; out.append(c)
                case "[": emit("\\[")
                case "&": emit("\\&")
                default: out.append(c)
                }
                classStart = false
                i += 1
                continue
            }
            switch c {
            case "[":
                out.append(c)
                inClass = true
                classStart = true
                if i + 1 < s.count, s[i + 1] == "^" { out.append("^"); i += 1 }
            case "{":
                if let (text, length) = repeatCount(s, i) { emit(text); i += length; continue }
                emit("\\{")
            case "}", "]":
                out.append("\\")
                out.append(c)
            case "(" where s[i...].starts(with: "(?P<".unicodeScalars):
                emit("(?<")
                i += 4
                continue
            case "(" where s[i...].starts(with: "(?P=".unicodeScalars):
                var j = i + 4
                while j < s.count, s[j] != ")" { j += 1 }
                emit("\\k<" + PythonText.string(s[(i + 4)..<min(j, s.count)]) + ">")
                i = min(j + 1, s.count)
                continue
            default:
                out.append(c)
            }
            i += 1
        }
        return String(out)
    }

    /// A Python repeat count `{m}`, `{m,}`, `{,n}`, `{m,n}` (or `{,}`) starting at `i`, in ICU
    /// form, with its length in the Python pattern; `nil` when Python reads the `{` literally.
    private static func repeatCount(_ s: Scalars, _ i: Int) -> (String, Int)? {
        func digits(_ from: Int) -> Int {
            var j = from
            while j < s.count, s[j].value >= 0x30, s[j].value <= 0x39 { j += 1 }
            return j
        }
        let loEnd = digits(i + 1)
        let lo = PythonText.string(s[(i + 1)..<loEnd])
        var j = loEnd
        var hi: String? = nil
        if j < s.count, s[j] == "," {
            let hiEnd = digits(j + 1)
            hi = PythonText.string(s[(j + 1)..<hiEnd])
            j = hiEnd
        }
        guard j < s.count, s[j] == "}", !(lo.isEmpty && hi == nil) else { return nil }
        let text = hi.map { "{\(lo.isEmpty ? "0" : lo),\($0)}" } ?? "{\(lo)}"
        return (text, j + 1 - i)
    }

    // MARK: Python's case-insensitive matching

    /// The key two code points share exactly when Python's `re.IGNORECASE` (on `str`) lets one
    /// match the other: the case key IFEval's regex translation uses (simple lowercase, then one
    /// representative for each of `re`'s extra case groups).
    static func caseFold(_ scalar: Unicode.Scalar) -> UInt32 {
        IFEvalInstructions.PythonRegex.caseKey(scalar).value
    }
}
