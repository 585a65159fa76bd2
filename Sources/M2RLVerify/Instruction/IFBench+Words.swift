import Foundation
import M2RLCore

// IFBench's word, count, ratio and sentence constraints (30 ids), with the semantics of
// allenai/IFBench `instructions.py` at c94da02, the commit behind the published verdicts.
//
// Conventions shared by every checker below:
// - Text is Python `str`: code points, not grapheme clusters. Equality of two words and
//   membership in a set of words compare code points (Swift's `==` on `String` would merge
//   canonically equivalent spellings that Python keeps apart).
// - "Punctuation" is Python's `string.punctuation`: the 32 ASCII marks
//   ``!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~``. "Remove punctuation" deletes those code points
//   (`str.translate`); "strip punctuation" trims them, and the space, from the ends.
// - "Words" are `str.split()` pieces (runs of non-whitespace, Python's `isspace`) unless the
//   rule names another tokenizer.
// - Where the reference would raise (an index past the end, a division by zero), the response
//   does not follow: m2rl never crashes on a response.
// - A kwarg the reference draws at random when absent (or negative) is required here; a
//   negative count is an `invalid_kwargs` error naming the key, since the reference would
//   replace it with a random one.

extension IFBenchInstructions {
    static let wordKinds: [InstructionKind] = [
        // MARK: count:*

        /// `count:word_count_range` (`min_words`, `max_words`, both required, ≥ 0): the number
        /// of `\w+` runs is between `min_words` and `max_words`, both inclusive.
        InstructionKind("count:word_count_range", family: "ifbench", kwargs: ["min_words", "max_words"]) { args throws(InstructionError) in
            let low = try WordsKwargs.count(args, "min_words")
            let high = try WordsKwargs.count(args, "max_words")
            return ClosureCheck { response in
                let n = PythonText.wordCount(response)
                return low <= n && n <= high
            }
        },

        /// `count:unique_word_count` (`N`, required, ≥ 0): the response, lowercased and split on
        /// whitespace, each piece stripped of punctuation and spaces, has at least `N` distinct
        /// pieces. Reference quirk: a piece made only of punctuation strips to the empty string,
        /// which counts as one more distinct word.
        InstructionKind("count:unique_word_count", family: "ifbench", kwargs: ["N"]) { args throws(InstructionError) in
            let target = try WordsKwargs.count(args, "N")
            return ClosureCheck { response in
                var seen = Set<PyWord>()
                for piece in PythonText.split(response.lowercased()) {
                    seen.insert(PyWord(PyText.strip(piece, PyText.punctuationAndSpace)))
                }
                return seen.count >= target
            }
        },

        /// `count:conjunctions` (`small_n`, required, ≥ 0): at least `small_n` distinct
        /// whitespace-separated words whose stripped (punctuation and spaces), lowercased form is
        /// one of `and but for nor or so yet`. Reference quirk: the distinct words are the
        /// original pieces, not the stripped ones, so `and`, `And` and `and,` count as three.
        InstructionKind("count:conjunctions", family: "ifbench", kwargs: ["small_n"]) { args throws(InstructionError) in
            let target = try WordsKwargs.count(args, "small_n")
            return ClosureCheck { response in
                var found = Set<PyWord>()
                for piece in PythonText.split(response) {
                    let core = PyWord(PyText.strip(piece, PyText.punctuationAndSpace).lowercased())
                    if WordsData.conjunctions.contains(core) { found.insert(PyWord(piece)) }
                }
                return found.count >= target
            }
        },

        /// `count:person_names` (`N`, required, ≥ 0): at least `N` of the reference's 50 given
        /// names occur in the response as substrings, case-sensitively. Reference quirk: no word
        /// boundary, so `Leo` is found in `Leonard` and `Mia` in `Miami`.
        InstructionKind("count:person_names", family: "ifbench", kwargs: ["N"]) { args throws(InstructionError) in
            let target = try WordsKwargs.count(args, "N")
            return ClosureCheck { response in
                let text = Array(response.utf8)
                return WordsData.personNames.count { PyText.contains(text, Array($0.utf8)) } >= target
            }
        },

        /// `count:numbers` (`N`, required, ≥ 0): after removing punctuation, the response has
        /// exactly `N` runs of decimal digits (Python `\d`: category Nd). Removing punctuation
        /// first makes `3.14`, `1,000` and `2-3` one number each.
        InstructionKind("count:numbers", family: "ifbench", kwargs: ["N"]) { args throws(InstructionError) in
            let target = try WordsKwargs.count(args, "N")
            return ClosureCheck { response in
                var runs = 0
                var inRun = false
                for scalar in response.unicodeScalars where !PyText.punctuation.contains(scalar) {
                    let digit = scalar.properties.generalCategory == .decimalNumber
                    if digit && !inRun { runs += 1 }
                    inRun = digit
                }
                return runs == target
            }
        },

        /// `count:punctuation` (no kwargs): the response contains an interrobang (`?!`, `!?` or
        /// `‽`), and, once the first `?!` is removed (or, if there is none, the first `!?`), it
        /// still contains each of `. , ! ? ; :`. So the interrobang's own marks do not count.
        InstructionKind("count:punctuation", family: "ifbench") { _ throws(InstructionError) in
            ClosureCheck { response in
                let scalars = PythonText.scalars(response)
                let first = PyText.firstPair(scalars, "?", "!")
                let second = first == nil ? PyText.firstPair(scalars, "!", "?") : nil
                guard first != nil || second != nil || scalars.contains("\u{203D}") else { return false }
                var missing: Set<Unicode.Scalar> = [".", ",", "!", "?", ";", ":"]
                let skip = first ?? second
                for (k, scalar) in scalars.enumerated() {
                    if let skip, k == skip || k == skip + 1 { continue }
                    missing.remove(scalar)
                    if missing.isEmpty { return true }
                }
                return missing.isEmpty
            }
        },

        /// `count:pronouns` (`N`, required, ≥ 0): after `/` becomes a space, lowercasing and
        /// removing punctuation, at least `N` whitespace-separated words are among the
        /// reference's 31 English personal pronouns (`i me my mine myself we us ... themselves`),
        /// repetitions counted.
        InstructionKind("count:pronouns", family: "ifbench", kwargs: ["N"]) { args throws(InstructionError) in
            let target = try WordsKwargs.count(args, "N")
            return ClosureCheck { response in
                // `/` becomes a space before punctuation is removed, so `she/her` is two words.
                var text = String.UnicodeScalarView()
                for scalar in response.lowercased().unicodeScalars {
                    if scalar == "/" { text.append(" ") } else if !PyText.punctuation.contains(scalar) { text.append(scalar) }
                }
                return PythonText.split(String(text)).count { WordsData.pronouns.contains(PyWord($0)) } >= target
            }
        },

        /// `count:keywords_multiple` (`keyword1` ... `keyword5`, all required): each keyword,
        /// stripped of whitespace, occurs (case-insensitively, as non-overlapping substrings)
        /// exactly 1, 2, 3, 5 and 7 times respectively. Reference quirk: no word boundary, and
        /// an empty keyword "occurs" length + 1 times (Python's `str.count("")`). Counting stops
        /// one past the wanted number, so a huge response costs one pass per keyword.
        InstructionKind("count:keywords_multiple", family: "ifbench", kwargs: ["keyword1", "keyword2", "keyword3", "keyword4", "keyword5"]) { args throws(InstructionError) in
            var wanted: [(String, Int)] = []
            for (k, times) in [1, 2, 3, 5, 7].enumerated() {
                let keyword = try args.string("keyword\(k + 1)")
                wanted.append((String(PythonText.strip(keyword)).lowercased(), times))
            }
            return ClosureCheck { [wanted] response in
                let text = response.lowercased()
                let bytes = Array(text.utf8)
                return wanted.allSatisfy { keyword, times in
                    keyword.isEmpty ? PythonText.length(text) + 1 == times : PyText.count(bytes, Array(keyword.utf8), upTo: times + 1) == times
                }
            }
        },

        /// `count:words_japanese` (`N`, required, ≥ 1): every `N`th whitespace-separated word
        /// (counting from 1), stripped of punctuation and spaces, contains a Hiragana, Katakana
        /// or CJK ideograph code point (U+3040–U+30FF, U+4E00–U+9FFF), unless it strips to
        /// nothing or is all digits (Python `isdigit`). Fewer than `N` words passes. `N` = 0 is
        /// an error (the reference divides by it).
        InstructionKind("count:words_japanese", family: "ifbench", kwargs: ["N"]) { args throws(InstructionError) in
            let every = try WordsKwargs.count(args, "N")
            guard every >= 1 else { throw args.invalid("N", "must be at least 1, got \(every)") }
            return ClosureCheck { response in
                for (k, piece) in PythonText.split(response).enumerated() where (k + 1) % every == 0 {
                    let word = PyText.strip(piece, PyText.punctuationAndSpace)
                    if word.isEmpty || word.unicodeScalars.allSatisfy(PythonText.isDigit) { continue }
                    let japanese = word.unicodeScalars.contains { (0x3040...0x30FF).contains($0.value) || (0x4E00...0x9FFF).contains($0.value) }
                    if !japanese { return false }
                }
                return true
            }
        },

        // MARK: ratio:*

        /// `ratio:overlap` (`reference_text`, `percentage`, both required, percentage ≥ 0): the
        /// share of the response's distinct character trigrams (three consecutive code points;
        /// NLTK's `ngrams` applied to a string) that are also trigrams of `reference_text`, times
        /// 100, is within `percentage` ± 2, both ends inclusive. A response shorter than three
        /// code points has no trigrams and does not follow (the reference divides by zero).
        InstructionKind("ratio:overlap", family: "ifbench", kwargs: ["reference_text", "percentage"]) { args throws(InstructionError) in
            let reference = PyText.trigrams(try args.string("reference_text"))
            let percentage = try WordsKwargs.percentage(args, "percentage")
            return ClosureCheck { response in
                let own = PyText.trigrams(response)
                guard !own.isEmpty else { return false }
                let share = Double(own.intersection(reference).count) / Double(own.count) * 100
                return percentage - 2 <= share && share <= percentage + 2
            }
        },

        /// `ratio:sentence_balance` (no kwargs): among the rule-split sentences
        /// (`RuleSentences.split`), as many end with `.` as with `?` as with `!` (zero of each
        /// passes).
        InstructionKind("ratio:sentence_balance", family: "ifbench") { _ throws(InstructionError) in
            ClosureCheck { response in
                let sentences = RuleSentences.split(response)
                let statements = sentences.count { PyText.endsWith($0, ".") }
                return statements == sentences.count { PyText.endsWith($0, "?") }
                    && statements == sentences.count { PyText.endsWith($0, "!") }
            }
        },

        /// `ratio:sentence_type` (no kwargs): among the rule-split sentences, the number ending
        /// with `.` is exactly twice the number ending with `?` (zero of each passes).
        InstructionKind("ratio:sentence_type", family: "ifbench") { _ throws(InstructionError) in
            ClosureCheck { response in
                let sentences = RuleSentences.split(response)
                return sentences.count { PyText.endsWith($0, ".") } == 2 * sentences.count { PyText.endsWith($0, "?") }
            }
        },

        /// `ratio:sentence_words` (no kwargs): exactly three rule-split sentences, all of the
        /// same length in code points (after stripping whitespace). Reference quirk: the
        /// instruction also asks for all different words, which the reference never checks.
        InstructionKind("ratio:sentence_words", family: "ifbench") { _ throws(InstructionError) in
            ClosureCheck { response in
                let sentences = RuleSentences.split(response)
                guard sentences.count == 3 else { return false }
                let lengths = sentences.map { PythonText.length(PythonText.strip($0)) }
                return lengths.allSatisfy { $0 == lengths[0] }
            }
        },

        /// `ratio:stop_words` (`percentage`, required, ≥ 0): the `\w+` runs that, lowercased,
        /// are NLTK English stop words (`StopWords.english`), as a share of all `\w+` runs, times
        /// 100, is at most `percentage`. A response with no `\w+` run does not follow (the
        /// reference divides by zero).
        InstructionKind("ratio:stop_words", family: "ifbench", kwargs: ["percentage"]) { args throws(InstructionError) in
            let percentage = try WordsKwargs.percentage(args, "percentage")
            return ClosureCheck { response in
                let words = PythonText.words(response)
                guard !words.isEmpty else { return false }
                let stops = words.count { StopWords.english.contains(String($0.lowercased())) }
                return Double(stops) / Double(words.count) * 100 <= percentage
            }
        },

        // MARK: sentence:*

        /// `sentence:alliteration_increment` (no kwargs): each rule-split sentence scores more
        /// than the one before (the first only needs a score ≥ 0). A sentence's score: lowercase
        /// it, split on whitespace, strip punctuation and spaces from the start of each word and
        /// drop words left empty; then each adjacent pair sharing its first code point adds 2
        /// when it starts a run and 1 when it extends one (a run of k alliterative words scores k).
        InstructionKind("sentence:alliteration_increment", family: "ifbench") { _ throws(InstructionError) in
            ClosureCheck { response in
                var previous = -1
                for sentence in RuleSentences.split(response) {
                    let heads = PythonText.split(sentence.lowercased()).compactMap { PyText.lstrip($0, PyText.punctuationAndSpace).unicodeScalars.first }
                    var score = 0
                    var inRun = false
                    for k in heads.indices.dropLast() {
                        if heads[k] == heads[k + 1] {
                            score += inRun ? 1 : 2
                            inRun = true
                        } else {
                            inRun = false
                        }
                    }
                    if score <= previous { return false }
                    previous = score
                }
                return true
            }
        },

        /// `sentence:increment` (`small_n`, required, ≥ 0): each rule-split sentence, with
        /// punctuation removed and split on whitespace, has exactly `small_n` more words than
        /// the sentence before it.
        InstructionKind("sentence:increment", family: "ifbench", kwargs: ["small_n"]) { args throws(InstructionError) in
            let step = try WordsKwargs.count(args, "small_n")
            return ClosureCheck { response in
                let counts = RuleSentences.split(response).map { PythonText.split(PyText.removePunctuation($0)).count }
                guard !counts.isEmpty else { return false }
                return zip(counts, counts.dropFirst()).allSatisfy { $1 == $0 + step }
            }
        },

        /// `sentence:keyword` (`word`, required non-empty; `N`, required, ≥ 0): the `N`th
        /// rule-split sentence (from 1) contains `word` as a substring, case-insensitively.
        /// Fewer than `N` sentences does not follow. Reference quirk: `N` = 0 looks at the last
        /// sentence (Python's index −1).
        InstructionKind("sentence:keyword", family: "ifbench", kwargs: ["word", "N"]) { args throws(InstructionError) in
            let word = try args.string("word")
            guard !word.isEmpty else { throw args.invalid("word", "must not be empty (the reference draws a random keyword for it)") }
            let position = try WordsKwargs.count(args, "N")
            let needle = Array(word.lowercased().utf8)
            return ClosureCheck { response in
                let sentences = RuleSentences.split(response)
                guard sentences.count >= position, let sentence = PyText.item(sentences, position - 1) else { return false }
                return PyText.contains(Array(sentence.lowercased().utf8), needle)
            }
        },

        // MARK: words:*

        /// `words:alphabet` (no kwargs): after removing punctuation and splitting on whitespace,
        /// the first word's first code point, lowercased, is an ASCII letter, and each following
        /// word, lowercased, starts with the next letter of the alphabet (`z` wraps to `a`).
        /// A response with no word does not follow.
        InstructionKind("words:alphabet", family: "ifbench") { _ throws(InstructionError) in
            ClosureCheck { response in
                let words = PythonText.split(PyText.removePunctuation(response))
                guard let head = words.first?.unicodeScalars.first else { return false }
                let lowered = PythonText.scalars(String(head).lowercased())
                guard lowered.count == 1, let letter = WordsData.alphabet.firstIndex(of: lowered[0]) else { return false }
                var expected = letter
                for word in words.dropFirst() {
                    expected = (expected + 1) % 26
                    guard word.lowercased().unicodeScalars.first == WordsData.alphabet[expected] else { return false }
                }
                return true
            }
        },

        /// `words:consonants` (no kwargs): every whitespace-separated word of the lowercased
        /// response has two adjacent code points that are both ASCII consonants
        /// (`bcdfghjklmnpqrstvwxyz`, `y` included). Punctuation stays in the words.
        InstructionKind("words:consonants", family: "ifbench") { _ throws(InstructionError) in
            ClosureCheck { response in
                PythonText.split(response.lowercased()).allSatisfy { word in
                    var previous = false
                    for scalar in word.unicodeScalars {
                        let consonant = WordsData.consonants.contains(scalar)
                        if consonant && previous { return true }
                        previous = consonant
                    }
                    return false
                }
            }
        },

        /// `words:keywords_specific_position` (`keyword`, required non-empty, then stripped of
        /// whitespace; `n` and `m`, required, non-zero): the `n`th rule-split sentence (from 1)
        /// has at least `m` NLTK word tokens (`WordTokenizer.tokenize`) and its `m`th is exactly
        /// `keyword` (case-sensitive). Reference quirks reproduced: a negative `n` or `m` indexes
        /// from the end as Python does (`-1` is the second to last); 0 is an error because the
        /// reference replaces it with a random position. Departure: the reference raises on a
        /// non-integral-typed `n` such as `22.0`; m2rl reads it as 22.
        InstructionKind("words:keywords_specific_position", family: "ifbench", kwargs: ["keyword", "n", "m"]) { args throws(InstructionError) in
            let raw = try args.string("keyword")
            guard !raw.isEmpty else { throw args.invalid("keyword", "must not be empty (the reference draws a random keyword for it)") }
            let keyword = String(PythonText.strip(raw))
            let n = try args.int("n")
            let m = try args.int("m")
            guard n != 0 else { throw args.invalid("n", "must not be 0 (the reference draws a random sentence for it)") }
            guard m != 0 else { throw args.invalid("m", "must not be 0 (the reference draws a random word for it)") }
            return ClosureCheck { response in
                let sentences = RuleSentences.split(response)
                guard sentences.count >= n, let sentence = PyText.item(sentences, n - 1) else { return false }
                let tokens = WordTokenizer.tokenize(sentence)
                guard tokens.count >= m, let token = PyText.item(tokens, m - 1) else { return false }
                return PyText.same(token, keyword)
            }
        },

        /// `words:last_first` (no kwargs): for each pair of consecutive rule-split sentences, the
        /// last whitespace-separated word of the first (after stripping trailing punctuation and
        /// spaces from the sentence) equals, lowercased, the first word of the next (after
        /// stripping leading punctuation and spaces). Only the sentence's ends are stripped, so
        /// `dog,` at the start of the next sentence does not match `dog`. A sentence with no word
        /// that has a neighbour does not follow (the reference raises).
        InstructionKind("words:last_first", family: "ifbench") { _ throws(InstructionError) in
            ClosureCheck { response in
                let sentences = RuleSentences.split(response)
                for k in sentences.indices.dropLast() {
                    guard let last = PythonText.split(PyText.rstrip(sentences[k], PyText.punctuationAndSpace)).last,
                          let first = PythonText.split(PyText.lstrip(sentences[k + 1], PyText.punctuationAndSpace)).first,
                          PyText.same(last.lowercased(), first.lowercased()) else { return false }
                }
                return true
            }
        },

        /// `words:no_consecutive` (no kwargs): in the lowercased response with punctuation
        /// removed, split on whitespace, no two adjacent words start with the same code point.
        InstructionKind("words:no_consecutive", family: "ifbench") { _ throws(InstructionError) in
            ClosureCheck { response in
                let heads = PythonText.split(PyText.removePunctuation(response.lowercased())).compactMap(\.unicodeScalars.first)
                return !zip(heads, heads.dropFirst()).contains { $0 == $1 }
            }
        },

        /// `words:odd_even_syllables` (no kwargs): with punctuation removed, lowercased and split
        /// on whitespace, the words' syllable counts (`Syllables.count`, syllapy) alternate in
        /// parity: no two adjacent words both odd or both even.
        InstructionKind("words:odd_even_syllables", family: "ifbench") { _ throws(InstructionError) in
            ClosureCheck { response in
                let parities = PythonText.split(PyText.removePunctuation(response).lowercased()).map { Syllables.count(String($0)) % 2 }
                return !zip(parities, parities.dropFirst()).contains { $0 == $1 }
            }
        },

        /// `words:palindrome` (no kwargs): with punctuation removed, lowercased and split on
        /// whitespace, at least 10 words (repetitions counted) read the same reversed (code
        /// point by code point) and are at least 5 code points long.
        InstructionKind("words:palindrome", family: "ifbench") { _ throws(InstructionError) in
            ClosureCheck { response in
                let words = PythonText.split(PyText.removePunctuation(response).lowercased())
                return words.count { word in
                    let scalars = PythonText.scalars(word)
                    return scalars.count >= 5 && scalars.elementsEqual(scalars.reversed())
                } >= 10
            }
        },

        /// `words:paragraph_last_first` (no kwargs): in each `\n`-separated line that is not
        /// blank, stripped of whitespace, lowercased, then stripped of punctuation and spaces at
        /// both ends and split on whitespace, the first word equals the last (a one-word line
        /// passes). Inner punctuation stays: `end, ... end` does not match.
        InstructionKind("words:paragraph_last_first", family: "ifbench") { _ throws(InstructionError) in
            ClosureCheck { response in
                for line in PythonText.split(response, separator: "\n") {
                    let text = PythonText.strip(line).lowercased()
                    let words = PythonText.split(PyText.strip(text, PyText.punctuationAndSpace))
                    guard let first = words.first, let last = words.last else { continue }
                    if !PyText.same(first, last) { return false }
                }
                return true
            }
        },

        /// `words:prime_lengths` (no kwargs): with punctuation removed and split on whitespace,
        /// every word's length in code points is a prime below 100. Reference quirk: a response
        /// left with no word (only punctuation) follows.
        InstructionKind("words:prime_lengths", family: "ifbench") { _ throws(InstructionError) in
            ClosureCheck { response in
                PythonText.split(PyText.removePunctuation(response)).allSatisfy { WordsData.primes.contains(PythonText.length($0)) }
            }
        },

        /// `words:repeats` (`small_n`, required, ≥ 0): lowercased, punctuation removed and split
        /// on whitespace, no word occurs more than `small_n` times.
        InstructionKind("words:repeats", family: "ifbench", kwargs: ["small_n"]) { args throws(InstructionError) in
            let limit = try WordsKwargs.count(args, "small_n")
            return ClosureCheck { response in
                var counts: [PyWord: Int] = [:]
                for word in PythonText.split(PyText.removePunctuation(response.lowercased())) {
                    let n = counts[PyWord(word), default: 0] + 1
                    if n > limit { return false }
                    counts[PyWord(word)] = n
                }
                return true
            }
        },

        /// `words:start_verb` (no kwargs): the response has an NLTK word token and the tag NLTK's
        /// perceptron tagger gives the first one contains `VB` (`PartOfSpeech.startsWithVerb`
        /// on `WordTokenizer.tokenize`).
        InstructionKind("words:start_verb", family: "ifbench") { _ throws(InstructionError) in
            ClosureCheck { response in
                let tokens = WordTokenizer.tokenize(response)
                return !tokens.isEmpty && PartOfSpeech.startsWithVerb(tokens)
            }
        },

        /// `words:vowel` (no kwargs): the response, stripped of whitespace, has no `\n`, and its
        /// lowercased text uses at most three of the ASCII vowels `a e i o u`.
        InstructionKind("words:vowel", family: "ifbench") { _ throws(InstructionError) in
            ClosureCheck { response in
                let text = PythonText.strip(response)
                guard !text.unicodeScalars.contains("\n") else { return false }
                let vowels = Set(text.lowercased().unicodeScalars.filter { "aeiou".unicodeScalars.contains($0) })
                return vowels.count <= 3
            }
        },

        /// `words:words_position` (`keyword`, required, then stripped of whitespace): the
        /// response has at least two NLTK word tokens (`WordTokenizer.tokenize`), and the second
        /// and the second to last are both exactly `keyword` (case-sensitive; with two tokens,
        /// the same token).
        InstructionKind("words:words_position", family: "ifbench", kwargs: ["keyword"]) { args throws(InstructionError) in
            let keyword = String(PythonText.strip(try args.string("keyword")))
            return ClosureCheck { response in
                let tokens = WordTokenizer.tokenize(response)
                guard tokens.count >= 2 else { return false }
                return PyText.same(tokens[1], keyword) && PyText.same(tokens[tokens.count - 2], keyword)
            }
        },
    ]
}

/// Kwarg readers with the ranges these checkers accept.
private enum WordsKwargs {
    /// A required count that must not be negative (the reference replaces a negative one with a
    /// random value).
    static func count(_ args: InstructionArguments, _ key: String) throws(InstructionError) -> Int {
        let value = try args.int(key)
        guard value >= 0 else { throw args.invalid(key, "must not be negative, got \(value)") }
        return value
    }

    /// A required percentage (any number ≥ 0; the reference replaces a negative one with a
    /// random value).
    static func percentage(_ args: InstructionArguments, _ key: String) throws(InstructionError) -> Double {
        let value = try args.double(key)
        guard value >= 0, value.isFinite else { throw args.invalid(key, "must be a number ≥ 0, got \(value)") }
        return value
    }
}

/// A word compared as Python compares `str`: code point by code point (its UTF-8 bytes).
private struct PyWord: Hashable {
    let bytes: [UInt8]
    init(_ text: some StringProtocol) { bytes = Array(text.utf8) }
}

/// The fixed sets the reference checkers look for, written out here; each is the reference's set.
private enum WordsData {
    /// The coordinating conjunctions `count:conjunctions` counts.
    static let conjunctions: Set<PyWord> = Set(["and", "but", "for", "nor", "or", "so", "yet"].map { PyWord($0) })

    /// The personal pronouns `count:pronouns` counts.
    static let pronouns: Set<PyWord> = Set([
        "i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves",
        "you", "your", "yours", "yourself", "yourselves", "he", "him", "his", "himself",
        "she", "her", "hers", "herself", "it", "its", "itself",
        "they", "them", "their", "theirs", "themselves",
    ].map { PyWord($0) })

    /// The given names `count:person_names` looks for (the list its instruction text shows).
    static let personNames: [String] = [
        "Emma", "Liam", "Sophia", "Jackson", "Olivia", "Noah", "Ava", "Lucas", "Isabella", "Mason",
        "Mia", "Ethan", "Charlotte", "Alexander", "Amelia", "Benjamin", "Harper", "Leo", "Zoe", "Daniel",
        "Chloe", "Samuel", "Lily", "Matthew", "Grace", "Owen", "Abigail", "Gabriel", "Ella", "Jacob",
        "Scarlett", "Nathan", "Victoria", "Elijah", "Layla", "Nicholas", "Audrey", "David", "Hannah", "Christopher",
        "Penelope", "Thomas", "Nora", "Andrew", "Aria", "Joseph", "Claire", "Ryan", "Stella", "Jonathan",
    ]

    /// The word lengths `words:prime_lengths` accepts: the primes below 100.
    static let primes: Set<Int> = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97]

    /// What `words:consonants` calls a consonant.
    static let consonants = Set("bcdfghjklmnpqrstvwxyz".unicodeScalars)

    static let alphabet = PythonText.scalars("abcdefghijklmnopqrstuvwxyz")
}

/// The Python string operations these checkers need beyond `PythonText`, on code points.
private enum PyText {
    /// `string.punctuation`: the 32 ASCII punctuation marks.
    static let punctuation: Set<Unicode.Scalar> = Set(##"!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"##.unicodeScalars)
    /// `string.punctuation + ' '`, what the reference strips from word ends.
    static let punctuationAndSpace: Set<Unicode.Scalar> = punctuation.union([" "])

    /// `text.translate(str.maketrans('', '', string.punctuation))`.
    static func removePunctuation(_ text: some StringProtocol) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !punctuation.contains(scalar) { out.append(scalar) }
        return String(out)
    }

    /// `text.strip(chars)` with the characters as a set.
    static func strip(_ text: some StringProtocol, _ set: Set<Unicode.Scalar>) -> Substring {
        rstrip(lstrip(text, set), set)
    }

    /// `text.lstrip(chars)`.
    static func lstrip(_ text: some StringProtocol, _ set: Set<Unicode.Scalar>) -> Substring {
        let string = Substring(text)
        let scalars = string.unicodeScalars
        var lower = scalars.startIndex
        while lower < scalars.endIndex, set.contains(scalars[lower]) { lower = scalars.index(after: lower) }
        return Substring(scalars[lower...])
    }

    /// `text.rstrip(chars)`.
    static func rstrip(_ text: some StringProtocol, _ set: Set<Unicode.Scalar>) -> Substring {
        let string = Substring(text)
        let scalars = string.unicodeScalars
        var upper = scalars.endIndex
        while upper > scalars.startIndex, set.contains(scalars[scalars.index(before: upper)]) { upper = scalars.index(before: upper) }
        return Substring(scalars[..<upper])
    }

    /// `a == b` on Python strings: the same code points.
    static func same(_ a: some StringProtocol, _ b: some StringProtocol) -> Bool {
        a.unicodeScalars.elementsEqual(b.unicodeScalars)
    }

    /// `text.endswith(c)` for one code point.
    static func endsWith(_ text: String, _ scalar: Unicode.Scalar) -> Bool {
        text.unicodeScalars.last == scalar
    }

    /// `needle in haystack` on Python strings, as a search of UTF-8 bytes (a code point
    /// substring is exactly a byte substring in UTF-8). The empty needle is always found.
    /// At most (haystack length × needle length) byte comparisons, and in practice about one
    /// per haystack byte: the needles here are short names and keywords.
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let head = needle.first else { return true }
        guard haystack.count >= needle.count else { return false }
        return haystack.withUnsafeBufferPointer { h in
            needle.withUnsafeBufferPointer { n in
                var k = 0
                let last = h.count - n.count
                while k <= last {
                    if h[k] == head {
                        var j = 1
                        while j < n.count, h[k + j] == n[j] { j += 1 }
                        if j == n.count { return true }
                    }
                    k += 1
                }
                return false
            }
        }
    }

    /// `haystack.count(needle)` for a non-empty needle: non-overlapping occurrences, left to
    /// right, on UTF-8 bytes (the same count as on code points), stopping once `limit` is reached.
    static func count(_ haystack: [UInt8], _ needle: [UInt8], upTo limit: Int) -> Int {
        guard let head = needle.first, haystack.count >= needle.count else { return 0 }
        return haystack.withUnsafeBufferPointer { h in
            needle.withUnsafeBufferPointer { n in
                var found = 0
                var k = 0
                let last = h.count - n.count
                while k <= last, found < limit {
                    if h[k] == head {
                        var j = 1
                        while j < n.count, h[k + j] == n[j] { j += 1 }
                        if j == n.count { found += 1; k += n.count; continue }
                    }
                    k += 1
                }
                return found
            }
        }
    }

    /// Where `a` then `b` first occur next to each other, as a code point offset.
    static func firstPair(_ scalars: [Unicode.Scalar], _ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Int? {
        guard scalars.count >= 2 else { return nil }
        return (0..<(scalars.count - 1)).first { scalars[$0] == a && scalars[$0 + 1] == b }
    }

    /// `items[index]` with Python's negative indexing; nil where Python raises `IndexError`.
    static func item<T>(_ items: [T], _ index: Int) -> T? {
        let k = index < 0 ? items.count + index : index
        return k >= 0 && k < items.count ? items[k] : nil
    }

    /// The distinct character trigrams of `text` (`set(nltk.ngrams(text, 3))`), each packed as
    /// three 21-bit code points.
    static func trigrams(_ text: String) -> Set<UInt64> {
        var out = Set<UInt64>()
        var a: UInt64 = 0, b: UInt64 = 0
        for (k, scalar) in text.unicodeScalars.enumerated() {
            let c = UInt64(scalar.value)
            if k >= 2 { out.insert(a << 42 | b << 21 | c) }
            a = b
            b = c
        }
        return out
    }
}
