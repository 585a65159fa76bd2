import Foundation
import M2RLCore

extension IFBenchInstructions {
    /// IFBench's `format:*`, `custom:*` and `repeat:*` test constraints, with the semantics of
    /// `instructions.py` at c94da02 (the commit behind the published verdicts). Each rule is an
    /// `IFBenchFormat` function; its doc comment states the rule and the reference quirks kept.
    ///
    /// Where the reference checker raises on some response (an `IndexError` on an empty piece, a
    /// `csv.Error`), the evaluation would crash; m2rl answers "does not follow" instead, and the
    /// function's comment says so.
    ///
    /// Kwargs: the `custom:*` builders take `**kwargs` and ignore them; m2rl declares none, so a
    /// non-null kwarg on a `custom:*` id is an `invalid_kwargs` error rather than ignored.
    static let formatKinds: [InstructionKind] = [
        fixed("format:emoji", IFBenchFormat.emojiEndsEverySentence),
        fixed("format:line_indent", IFBenchFormat.indentStairs),
        InstructionKind("format:list", family: "ifbench", kwargs: ["sep"]) { (args: InstructionArguments) throws(InstructionError) -> any InstructionCheck in
            // The reference draws the marker at random when absent.
            let marker = try args.string("sep")
            return ClosureCheck { IFBenchFormat.markerCount($0, marker: marker) >= 2 }
        },
        fixed("format:newline", IFBenchFormat.wordPerLine),
        fixed("format:no_bullets_bullets", IFBenchFormat.sentencesThenBullets),
        fixed("format:no_whitespace", IFBenchFormat.noWhitespace),
        InstructionKind("format:options", family: "ifbench", kwargs: ["options"]) { (args: InstructionArguments) throws(InstructionError) -> any InstructionCheck in
            // The reference draws the options at random when absent.
            let options = IFBenchFormat.Options(try args.string("options"))
            return ClosureCheck { options.matches($0) }
        },
        fixed("format:output_template", IFBenchFormat.outputTemplate),
        fixed("format:parentheses", IFBenchFormat.nestedBrackets),
        fixed("format:quote_unquote", IFBenchFormat.quotesExplained),
        fixed("format:quotes", IFBenchFormat.nestedQuotes),
        fixed("format:sub-bullets", IFBenchFormat.subBullets),
        fixed("format:thesis", IFBenchFormat.italicThesis),
        fixed("format:title_case", IFBenchFormat.titleCase),

        fixed("custom:csv_city", IFBenchFormat.cityCSV),
        fixed("custom:csv_quotes", IFBenchFormat.quotedTabCSV),
        fixed("custom:csv_special_character", IFBenchFormat.specialCharacterCSV),
        fixed("custom:date_format_list", IFBenchFormat.napoleonDates),
        fixed("custom:european_capitals_sort", IFBenchFormat.europeanCapitals),
        fixed("custom:mcq_count_length", IFBenchFormat.multipleChoiceQuestions),
        fixed("custom:multiples", IFBenchFormat.multiplesOfSeven),
        fixed("custom:reverse_newline", IFBenchFormat.africaReversed),
        fixed("custom:sentence_alphabet", IFBenchFormat.alphabetSentences),
        fixed("custom:word_reverse", IFBenchFormat.wordsReversed),
        fixed("custom:character_reverse", IFBenchFormat.charactersReversed),

        InstructionKind("repeat:repeat_change", family: "ifbench", kwargs: ["prompt_to_repeat"]) { (args: InstructionArguments) throws(InstructionError) -> any InstructionCheck in
            let request = try IFBenchFormat.requiredText(args, "prompt_to_repeat")
            return ClosureCheck { IFBenchFormat.repeatedWithFirstWordChanged($0, request: request) }
        },
        fixed("repeat:repeat_simple", IFBenchFormat.repeatsOnlyThisSentence),
        InstructionKind("repeat:repeat_span", family: "ifbench", kwargs: ["prompt_to_repeat", "n_start", "n_end"]) { (args: InstructionArguments) throws(InstructionError) -> any InstructionCheck in
            let request = try IFBenchFormat.requiredText(args, "prompt_to_repeat")
            // The reference draws n_start and n_end at random when absent (and when 0).
            let start = try args.int("n_start")
            let end = try args.int("n_end")
            return ClosureCheck { IFBenchFormat.repeatsSpan($0, request: request, start: start, end: end) }
        },
    ]

    private static func fixed(_ id: String, _ rule: @escaping @Sendable (String) -> Bool) -> InstructionKind {
        InstructionKind(id, family: "ifbench") { (_: InstructionArguments) throws(InstructionError) -> any InstructionCheck in
            ClosureCheck(rule)
        }
    }
}

/// The rules of IFBench's `format:*`, `custom:*` and `repeat:*` checkers, one function each.
///
/// Everything works on Unicode scalars (Python's code points): lengths, indices, "first" and
/// "last" characters, substring tests and equality (Swift's `==` on `String` would equate
/// canonically equivalent texts that Python tells apart).
enum IFBenchFormat {
    // MARK: format:*

    /// `format:parentheses`: brackets `()`, `[]`, `{}` are read left to right on a stack; a
    /// closer that matches the top pops it, and if the deepest stack seen since the last reset is
    /// 5 or more, the response follows. A closer that does not match the top (or meets an empty
    /// stack) empties the stack and resets the deepest depth to 0.
    ///
    /// Reference quirks kept: the deepest depth is not reset when the stack empties normally, and
    /// one closing bracket after reaching depth 5 is enough (`((((()` follows).
    static func nestedBrackets(_ text: String) -> Bool {
        var stack: [Unicode.Scalar] = []
        var deepest = 0
        for scalar in text.unicodeScalars {
            switch scalar {
            case "(", "[", "{":
                stack.append(scalar)
                deepest = max(deepest, stack.count)
            case ")", "]", "}":
                if let top = stack.last, (top == "(" && scalar == ")") || (top == "[" && scalar == "]") || (top == "{" && scalar == "}") {
                    stack.removeLast()
                    if deepest >= 5 && stack.count < deepest { return true }
                } else {
                    stack.removeAll(keepingCapacity: true)
                    deepest = 0
                }
            default:
                break
            }
        }
        return false
    }

    /// `format:quotes`: straight quotes `"` and `'` are read left to right on a stack; a quote
    /// equal to the top pops it, any other quote is pushed. The response follows as soon as a pop
    /// leaves the stack 3 or more below the deepest it has ever been.
    ///
    /// Reference quirks kept: alternation is not required (a quote differing from the top always
    /// opens a level), apostrophes count as quotes, and the deepest depth is never reset.
    static func nestedQuotes(_ text: String) -> Bool {
        var stack: [Unicode.Scalar] = []
        var deepest = 0
        for scalar in text.unicodeScalars {
            if let top = stack.last, scalar == top {
                stack.removeLast()
                if deepest - stack.count >= 3 { return true }
            } else if scalar == "\"" || scalar == "'" {
                stack.append(scalar)
                deepest = max(deepest, stack.count)
            }
        }
        return false
    }

    /// `format:options` (kwarg `options`, a text such as `yes/no/maybe`, `I know or I don't
    /// know`, `a), b), c), d)`).
    ///
    /// The options text is cut on `/` if it has one, else on `or` if it contains those two
    /// letters anywhere (`"color, red"` is cut on `or` too: a reference quirk), else on `,`; each
    /// piece is stripped of whitespace. Options that begin like a letter list (`\W*[aA]\W*[bB]
    /// \W*[cC]`, Python's Unicode `\W`) are strict: the response must equal an option exactly,
    /// whitespace included. Otherwise the response and each option are stripped of ASCII
    /// punctuation and spaces (only U+0020, not newlines) at both ends and lowercased, and must
    /// be equal.
    struct Options: Sendable {
        let strict: Bool
        let options: [String]

        init(_ text: String) {
            strict = Self.looksLikeLetters(PythonText.scalars(text))
            let separator = IFBenchFormat.contains(text, "/") ? "/" : IFBenchFormat.contains(text, "or") ? "or" : ","
            options = IFBenchFormat.split(text, on: separator).map { String(PythonText.strip($0)) }
        }

        /// `re.match(r"\W*[aA]\W*[bB]\W*[cC]\W*", text)` (the trailing `\W*` always matches).
        private static func looksLikeLetters(_ s: [Unicode.Scalar]) -> Bool {
            var i = 0
            for (lower, upper) in [("a", "A"), ("b", "B"), ("c", "C")] as [(Unicode.Scalar, Unicode.Scalar)] {
                while i < s.count, !PythonText.isWord(s[i]) { i += 1 }
                guard i < s.count, s[i] == lower || s[i] == upper else { return false }
                i += 1
            }
            return true
        }

        func matches(_ response: String) -> Bool {
            if strict { return options.contains { IFBenchFormat.same($0, response) } }
            let edges = IFBenchFormat.punctuation + " "
            let answer = IFBenchFormat.lower(PythonText.strip(response, edges))
            return options.contains { IFBenchFormat.same(IFBenchFormat.lower(PythonText.strip($0, edges)), answer) }
        }
    }

    /// `format:newline`: after ASCII punctuation is deleted and the text stripped, the number of
    /// lines (cut on `\n`, exactly empty lines dropped; lines of spaces still count) equals the
    /// number of whitespace-separated words.
    static func wordPerLine(_ text: String) -> Bool {
        let stripped = PythonText.strip(removingPunctuation(text))
        let lines = split(stripped, on: "\n").filter { !$0.unicodeScalars.isEmpty }
        return lines.count == PythonText.split(stripped).count
    }

    /// `format:emoji`: the text is cut by the rule sentence splitter; for each sentence, ASCII
    /// punctuation is deleted and whitespace stripped; it follows when its last or second-to-last
    /// code point is an emoji (`emoji.is_emoji` on that one code point), or else when it is not
    /// the last sentence and the next sentence (same clean-up) starts with an emoji code point.
    ///
    /// Reference quirks kept: an emoji at the start of the next sentence counts for this one;
    /// "second-to-last" lets a variation selector or space follow the emoji. A sentence that is
    /// empty after the clean-up makes the reference raise `IndexError`; m2rl answers false.
    static func emojiEndsEverySentence(_ text: String) -> Bool {
        let sentences = RuleSentences.split(text)
        func cleaned(_ sentence: String) -> [Unicode.Scalar] {
            PythonText.scalars(PythonText.strip(removingPunctuation(sentence)))
        }
        func isEmoji(_ scalar: Unicode.Scalar) -> Bool { Emoji.isEmoji(String(Character(scalar))) }
        for (i, sentence) in sentences.enumerated() {
            let scalars = cleaned(sentence)
            guard let last = scalars.last else { return false }
            let secondLast = scalars.count > 1 ? scalars[scalars.count - 2] : last
            if isEmoji(last) || isEmoji(secondLast) { continue }
            guard i < sentences.count - 1, let first = cleaned(sentences[i + 1]).first, isEmoji(first) else { return false }
        }
        return true
    }

    /// `format:line_indent`: the lines (cut on `\n`) after blank lines are removed must have
    /// strictly increasing indents, an indent being the count of leading spaces (U+0020 only;
    /// tabs do not indent).
    ///
    /// Reference quirk kept: the reference removes blank lines (empty after stripping whitespace)
    /// from the list while iterating over it, so the line right after each removed blank line is
    /// never looked at (a second blank line in a row survives), and each removal takes the
    /// *first* remaining line equal to the blank one, which may be an earlier survivor. This is
    /// reproduced exactly, in linear time: the lines are walked in order, one skipped after each
    /// visited blank line, and each visited blank line removes the oldest remaining equal line.
    static func indentStairs(_ text: String) -> Bool {
        let lines = split(text, on: "\n")
        var removed = [Bool](repeating: false, count: lines.count)
        var queueOf: [[UInt32]: Int] = [:]
        var queues: [[Int]] = []
        var heads: [Int] = []
        var skipNext = false
        for (p, line) in lines.enumerated() {
            let visited = !skipNext
            skipNext = false
            guard PythonText.strip(line).unicodeScalars.isEmpty else { continue }
            let key = line.unicodeScalars.map(\.value)
            let q: Int
            if let known = queueOf[key] {
                q = known
            } else {
                q = queues.count
                queueOf[key] = q
                queues.append([])
                heads.append(0)
            }
            queues[q].append(p)
            if visited {
                removed[queues[q][heads[q]]] = true
                heads[q] += 1
                skipNext = true
            }
        }
        var previous: Int?
        for (p, line) in lines.enumerated() where !removed[p] {
            let indent = line.unicodeScalars.prefix { $0 == " " }.count
            if let previous, indent <= previous { return false }
            previous = indent
        }
        return true
    }

    /// `format:quote_unquote`: curly double quotes become `"`, every `'"'` (a double quote between
    /// apostrophes) is deleted, all whitespace is deleted; the response fails if two `"` are then
    /// adjacent, or if, after stripping digits and ASCII punctuation other than `"` from both
    /// ends, the last character is `"`.
    ///
    /// When nothing is left after that strip the reference raises `IndexError`; m2rl answers
    /// false.
    static func quotesExplained(_ text: String) -> Bool {
        var mapped: [Unicode.Scalar] = []
        mapped.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            mapped.append(scalar == "\u{201C}" || scalar == "\u{201D}" ? "\"" : scalar)
        }
        var compact: [Unicode.Scalar] = []
        compact.reserveCapacity(mapped.count)
        var i = 0
        while i < mapped.count {
            if i + 2 < mapped.count, mapped[i] == "'", mapped[i + 1] == "\"", mapped[i + 2] == "'" {
                i += 3
                continue
            }
            if !PythonText.isSpace(mapped[i]) { compact.append(mapped[i]) }
            i += 1
        }
        for k in compact.indices.dropFirst() where compact[k] == "\"" && compact[k - 1] == "\"" { return false }
        let edges = Set(("0123456789" + punctuation).unicodeScalars.filter { $0 != "\"" })
        guard let last = compact.last(where: { !edges.contains($0) }) else { return false }
        return last != "\""
    }

    /// `format:list` (kwarg `sep`): the number of non-overlapping occurrences of the marker
    /// anywhere in the response; it follows with 2 or more. The marker need not start a line
    /// (a reference simplification). An empty marker occurs length + 1 times, as in Python.
    static func markerCount(_ text: String, marker: String) -> Int {
        PythonText.count(text, marker)
    }

    /// `format:thesis`: find the first `<i>` (else the first `<em>`; neither: fails); from there,
    /// find the first `</i>` (else `</em>`; neither: fails). The thesis is the text from 3 code
    /// points after the opening tag's start to the closing tag; it must not be blank, and the
    /// text from 4 code points after the closing tag's start must not be blank.
    ///
    /// Reference quirks kept: the offsets 3 and 4 are those of `<i>` and `</i>` even for `<em>`
    /// and `</em>`, so their `>` counts as thesis or following text (`<em></em>` follows); the
    /// closing tag may be `</i>` after an `<em>`.
    static func italicThesis(_ text: String) -> Bool {
        let scalars = PythonText.scalars(text)
        guard let open = find(scalars[...], "<i>") ?? find(scalars[...], "<em>") else { return false }
        let from = scalars[open...]
        guard let close = find(from, "</i>") ?? find(from, "</em>") else { return false }
        let base = from.startIndex
        let thesis = close > 3 ? from[(base + 3)..<(base + close)] : []
        guard thesis.contains(where: { !PythonText.isSpace($0) }) else { return false }
        let after = base + close + 4 < from.endIndex ? from[(base + close + 4)...] : []
        return after.contains { !PythonText.isSpace($0) }
    }

    /// `format:sub-bullets`: every piece of the text after a `*` (cut on `*`) contains a `-`.
    /// Reference simplification kept: no `*` at all follows, and the `*` and `-` need not start
    /// lines.
    static func subBullets(_ text: String) -> Bool {
        split(text, on: "*").dropFirst().allSatisfy { $0.unicodeScalars.contains("-") }
    }

    /// `format:no_bullets_bullets`: lines are read in order (cut on `\n`). A line whose stripped
    /// text starts with `*` is a bullet: it fails unless 2 or more sentences were counted before
    /// it, and ends the sentence part. Before the first bullet, each other line is cut by the rule
    /// sentence splitter and its sentences counted. After a bullet, any non-bullet line fails.
    /// It follows with 2 or more bullets.
    ///
    /// Reference quirk kept: the "still in sentences" flag becomes the (truthiness of the) list of
    /// the line's sentences, so after a blank line (no sentences) any further non-bullet line
    /// fails, and a trailing blank line after the bullets fails too.
    static func sentencesThenBullets(_ text: String) -> Bool {
        var inSentences = true
        var sentenceCount = 0
        var bulletCount = 0
        for line in split(text, on: "\n") {
            let stripped = PythonText.strip(line)
            if stripped.unicodeScalars.first == "*" {
                inSentences = false
                if sentenceCount < 2 { return false }
                bulletCount += 1
            } else if inSentences {
                let sentences = RuleSentences.split(String(stripped))
                inSentences = !sentences.isEmpty
                sentenceCount += sentences.count
            } else {
                return false
            }
        }
        return bulletCount >= 2
    }

    /// `format:no_whitespace`: no code point is whitespace (`str.isspace`).
    static func noWhitespace(_ text: String) -> Bool {
        !text.unicodeScalars.contains(where: PythonText.isSpace)
    }

    /// `format:output_template`: `My Answer:`, `My Conclusion:` and `Future Outlook:` all occur,
    /// case-sensitively, anywhere and in any order.
    static func outputTemplate(_ text: String) -> Bool {
        contains(text, "My Answer:") && contains(text, "My Conclusion:") && contains(text, "Future Outlook:")
    }

    /// `format:title_case`: for each NLTK `word_tokenize` token, with `first` its first code point
    /// and `rest` the others: `first` upper and `rest` lower → fine; else `first` lower and
    /// `rest` upper, or `first` lower and `rest` lower → fails. Everything else passes.
    /// "Upper"/"lower" are Python's `str.isupper()`/`islower()` (some cased character, none of
    /// the other case or titlecase).
    ///
    /// Reference quirks kept: one-letter lowercase tokens (`a`) pass (an empty `rest` is neither
    /// upper nor lower); all-caps tokens and tokens without cased letters pass; a lowercase first
    /// letter passes when `rest` mixes cases (`iPhone` passes, `iPHONE` fails).
    static func titleCase(_ text: String) -> Bool {
        for token in WordTokenizer.tokenize(text) {
            let scalars = PythonText.scalars(token)
            guard let first = scalars.first else { continue }
            let rest = scalars.dropFirst()
            let firstUpper = PythonText.isUpper(CollectionOfOne(first))
            let firstLower = PythonText.isLower(CollectionOfOne(first))
            if firstUpper && PythonText.isLower(rest) { continue }
            if firstLower && (PythonText.isUpper(rest) || PythonText.isLower(rest)) { return false }
        }
        return true
    }

    // MARK: custom:*

    /// `custom:multiples`: the runs of decimal digits (Python's Unicode `\d+`) are exactly
    /// `14 21 28 35 42 49`, in that order, as ASCII text.
    static func multiplesOfSeven(_ text: String) -> Bool {
        let expected = ["14", "21", "28", "35", "42", "49"]
        var runs: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if PythonText.isDecimal(scalar) {
                current.append(scalar)
            } else if !current.isEmpty {
                runs.append(String(current))
                current = String.UnicodeScalarView()
                if runs.count > expected.count { return false }
            }
        }
        if !current.isEmpty { runs.append(String(current)) }
        return runs.count == expected.count && zip(runs, expected).allSatisfy { same($0, $1) }
    }

    /// `custom:mcq_count_length`: the response must begin with `Question` (any text before it
    /// fails). It is cut at every `\n*Question <digits>[.|):;]?\s*` label (Python's Unicode
    /// `\d` and `\s`); the non-blank pieces, stripped, are the questions, and there must be 4.
    /// In each, a line whose stripped text matches `[A-Ea-e][.|)]\s*\w+` is an option; the lines
    /// before the first option make the question text (each stripped, joined with spaces). Each
    /// question needs exactly 5 options, and the question texts' lengths (code points) must
    /// strictly increase.
    ///
    /// Reference quirks kept: `|` is accepted as option punctuation; lines after the first option
    /// that are not options are ignored.
    static func multipleChoiceQuestions(_ text: String) -> Bool {
        let scalars = PythonText.scalars(text)
        // `value[value.find('Question'):]` must be the whole text. (Without "Question", a
        // one-code-point text passes this test but then has 1 question, not 4.)
        guard hasPrefix(scalars[...], "Question") else { return false }
        let questions = splitAtQuestionLabels(scalars)
            .map { PythonText.strip(PythonText.string($0)) }
            .filter { !$0.unicodeScalars.isEmpty }
        guard questions.count == 4 else { return false }
        var lengths: [Int] = []
        for question in questions {
            var questionText = ""
            var optionCount = 0
            var seenOption = false
            for line in split(question, on: "\n") {
                let stripped = PythonText.strip(line)
                if isOptionLine(PythonText.scalars(stripped)) {
                    optionCount += 1
                    seenOption = true
                } else if !seenOption {
                    questionText += " " + stripped
                }
            }
            guard optionCount == 5 else { return false }
            lengths.append(PythonText.length(PythonText.strip(questionText)))
        }
        return zip(lengths, lengths.dropFirst()).allSatisfy { $0 < $1 }
    }

    /// `re.split(r'\n*(?:Question \d+[\.|\):;]?\s*)', text)` on code points.
    static func splitAtQuestionLabels(_ s: [Unicode.Scalar]) -> [ArraySlice<Unicode.Scalar>] {
        let label = PythonText.scalars("Question ")
        func labelEnd(at j: Int) -> Int? {
            guard j + label.count <= s.count, s[j..<(j + label.count)].elementsEqual(label) else { return nil }
            var k = j + label.count
            let digitsStart = k
            while k < s.count, PythonText.isDecimal(s[k]) { k += 1 }
            guard k > digitsStart else { return nil }
            if k < s.count, ".|):;".unicodeScalars.contains(s[k]) { k += 1 }
            while k < s.count, PythonText.isSpace(s[k]) { k += 1 }
            return k
        }
        var pieces: [ArraySlice<Unicode.Scalar>] = []
        var pieceStart = 0
        var i = 0
        while i < s.count {
            var j = i
            while j < s.count, s[j] == "\n" { j += 1 }
            if let end = labelEnd(at: j) {
                pieces.append(s[pieceStart..<i])
                pieceStart = end
                i = end
            } else {
                // Every start from i through j reaches the same j, so none of them matches.
                i = j + 1
            }
        }
        pieces.append(s[min(pieceStart, s.count)...])
        return pieces
    }

    /// `re.match(r'^[A-Ea-e][\.|\)]\s*\w+', line)`.
    private static func isOptionLine(_ s: [Unicode.Scalar]) -> Bool {
        guard s.count >= 3, ("A"..."E").contains(s[0]) || ("a"..."e").contains(s[0]), ".|)".unicodeScalars.contains(s[1]) else { return false }
        var k = 2
        while k < s.count, PythonText.isSpace(s[k]) { k += 1 }
        return k < s.count && PythonText.isWord(s[k])
    }

    /// `custom:reverse_newline`: lines (cut on `\n`) are stripped of ASCII punctuation and spaces
    /// (U+0020) at both ends and empty ones dropped; from the first line containing `Zimbabwe`
    /// (case-sensitive; none: fails) to the end there must be at least 52 lines, and those lines,
    /// decomposed (NFKD) with every non-ASCII code point dropped, must be in non-increasing
    /// byte order.
    static func africaReversed(_ text: String) -> Bool {
        let edges = punctuation + " "
        let lines = split(text, on: "\n").map { PythonText.strip($0, edges) }.filter { !$0.unicodeScalars.isEmpty }
        guard let start = lines.firstIndex(where: { contains($0, "Zimbabwe") }) else { return false }
        let target = lines[start...].map { Array(asciiFolded($0).utf8) }
        guard target.count >= 52 else { return false }
        return zip(target, target.dropFirst()).allSatisfy { !$0.lexicographicallyPrecedes($1) }
    }

    /// `custom:word_reverse`: the response, lowercased, stripped and without ASCII punctuation,
    /// has its whitespace-separated words reversed and joined with single spaces; it follows when
    /// that text contains `bald eagle` and is one whole sentence for the rule splitter.
    static func wordsReversed(_ text: String) -> Bool {
        let cleaned = removingPunctuation(PythonText.strip(lower(text)))
        let reversed = PythonText.split(cleaned).reversed().joined(separator: " ")
        guard contains(reversed, "bald eagle") else { return false }
        return RuleSentences.split(reversed).contains { same($0, reversed) }
    }

    /// `custom:character_reverse`: the lowercased response contains `elgae dlab`.
    static func charactersReversed(_ text: String) -> Bool {
        contains(lower(text), "elgae dlab")
    }

    /// `custom:sentence_alphabet`: the rule splitter finds exactly 26 sentences, and the first
    /// whitespace-separated word of sentence k, lowercased, starts with the k-th letter `a`...`z`.
    ///
    /// An empty sentence (the splitter keeps inner empty pieces) makes the reference raise
    /// `IndexError`; m2rl answers false.
    static func alphabetSentences(_ text: String) -> Bool {
        let sentences = RuleSentences.split(text)
        guard sentences.count == 26 else { return false }
        for (k, sentence) in sentences.enumerated() {
            guard let word = PythonText.split(sentence).first,
                  let first = lower(word).unicodeScalars.first,
                  first.value == 97 + UInt32(k) else { return false }
        }
        return true
    }

    /// The reference's list of the 27 European capitals north of 45°, from north to south.
    static let capitalsByLatitude = [
        "Reykjavik", "Helsinki", "Oslo", "Tallinn", "Stockholm", "Riga", "Moscow", "Copenhagen", "Vilnius",
        "Minsk", "Dublin", "Berlin", "Amsterdam", "Warsaw", "London", "Brussels", "Prague", "Luxembourg",
        "Paris", "Vienna", "Bratislava", "Budapest", "Vaduz", "Chisinau", "Bern", "Ljubljana", "Zagreb",
    ]

    /// `custom:european_capitals_sort`: the response, decomposed (NFKD) with non-ASCII code
    /// points dropped, is cut on `,`; the non-blank pieces, stripped, must be exactly the 27
    /// capitals of `capitalsByLatitude`, in that order (case-sensitive).
    static func europeanCapitals(_ text: String) -> Bool {
        let pieces = split(asciiFolded(text), on: ",").filter { !PythonText.strip($0).unicodeScalars.isEmpty }
        guard pieces.count == capitalsByLatitude.count else { return false }
        return zip(pieces, capitalsByLatitude).allSatisfy { same(PythonText.strip($0), $1) }
    }

    /// `custom:csv_city`: Python's `csv.reader` (default dialect) reads exactly 8 rows (blank
    /// lines are empty rows); the first is `ID,Country,City,Year,Count` exactly (no spaces) and
    /// every other has 5 fields. Input `csv` rejects makes the reference raise; m2rl answers false.
    static func cityCSV(_ text: String) -> Bool {
        guard let rows = PythonCSV.rows(text, delimiter: ","), rows.count == 8 else { return false }
        let header = ["ID", "Country", "City", "Year", "Count"]
        guard rows[0].count == header.count, zip(rows[0], header).allSatisfy({ same($0, $1) }) else { return false }
        return rows.dropFirst().allSatisfy { $0.count == 5 }
    }

    /// `custom:csv_special_character`: the first line (cut on `\n`, stripped) must be the header
    /// `ProductID,Category,Brand,Price,Stock` (each name optionally in double quotes, spaces and
    /// tabs allowed after each comma). Then every `"` is tripled and the text read by
    /// `csv.reader` (default dialect), so quoted fields keep their quotes: there must be exactly
    /// 15 rows; rows after the header are checked in order: one without 5 fields fails, and the
    /// first row with a field matching `".*[^\d\w\s].*"` at its start (a quote, later a code point
    /// that is not a word character or whitespace, later a quote, all within the field's first
    /// line) follows. No such field: fails.
    static func specialCharacterCSV(_ text: String) -> Bool {
        let names = ["ProductID", "Category", "Brand", "Price", "Stock"]
        guard headerMatches(firstLine(text), names: names, separator: ",", padding: [" ", "\t"]) else { return false }
        guard let rows = PythonCSV.rows(tripledQuotes(text), delimiter: ","), rows.count == 15 else { return false }
        for row in rows.dropFirst() {
            guard row.count == 5 else { return false }
            if row.contains(where: quotedSpecialCharacter) { return true }
        }
        return false
    }

    /// `re.match(r'".*[^\d\w\s].*"', field)`: `.` stops at `\n` only (Python), so the whole match
    /// lies in the field's first line.
    private static func quotedSpecialCharacter(_ field: String) -> Bool {
        let line = Array(field.unicodeScalars.prefix { $0 != "\n" })
        guard line.first == "\"", let lastQuote = line.lastIndex(of: "\""), lastQuote >= 2 else { return false }
        return line[1..<lastQuote].contains { !PythonText.isWord($0) && !PythonText.isSpace($0) }
    }

    /// `custom:csv_quotes`: the first line (cut on `\n`, stripped) must be the header
    /// `StudentID Subject Grade Semester Score` separated by a tab and any spaces (each name
    /// optionally in double quotes). Then every `"` is tripled and the text read by `csv.reader`
    /// with a tab delimiter: exactly 4 rows, each of 5 fields, each field (stripped) starting and
    /// ending with `"` (a lone `"` does both). An empty stripped field makes the reference raise
    /// `IndexError`; m2rl answers false (as for input `csv` rejects).
    static func quotedTabCSV(_ text: String) -> Bool {
        let names = ["StudentID", "Subject", "Grade", "Semester", "Score"]
        guard headerMatches(firstLine(text), names: names, separator: "\t", padding: [" "]) else { return false }
        guard let rows = PythonCSV.rows(tripledQuotes(text), delimiter: "\t"), rows.count == 4 else { return false }
        return rows.allSatisfy { row in
            row.count == 5 && row.allSatisfy { field in
                let stripped = PythonText.strip(field).unicodeScalars
                return stripped.first == "\"" && stripped.last == "\""
            }
        }
    }

    /// `value.split('\n')[0].strip()`.
    private static func firstLine(_ text: String) -> Substring {
        PythonText.strip(Substring(text.unicodeScalars.prefix { $0 != "\n" }))
    }

    /// `text.replace('"', '"""')`.
    private static func tripledQuotes(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            out.append(scalar)
            if scalar == "\"" { out.append(scalar); out.append(scalar) }
        }
        return String(out)
    }

    /// `re.match('^(N1|"N1")SEP[PAD]*(N2|"N2")...(N5|"N5")$', line)` for a stripped line (so `$`
    /// is the end).
    private static func headerMatches(_ line: Substring, names: [String], separator: Unicode.Scalar, padding: Set<Unicode.Scalar>) -> Bool {
        let s = PythonText.scalars(line)
        var i = 0
        for (k, name) in names.enumerated() {
            if k > 0 {
                guard i < s.count, s[i] == separator else { return false }
                i += 1
                while i < s.count, padding.contains(s[i]) { i += 1 }
            }
            let quoted = i < s.count && s[i] == "\""
            if quoted { i += 1 }
            guard hasPrefix(s[i...], name) else { return false }
            i += name.unicodeScalars.count
            if quoted {
                guard i < s.count, s[i] == "\"" else { return false }
                i += 1
            }
        }
        return i == s.count
    }

    /// `custom:date_format_list`: the stripped response is cut on `,`; every piece, stripped,
    /// must be `DDDD-DD-DD` (Python's Unicode `\d`, read as numbers as `int()` does) with year
    /// 1769...1821, month at most 12, and day at most 31, 30 or 29 for the months that have them.
    ///
    /// Reference quirks kept: month 00 passes with any day; day 00 passes; February allows 29 in
    /// every year.
    static func napoleonDates(_ text: String) -> Bool {
        for piece in split(PythonText.strip(text), on: ",") {
            let d = PythonText.scalars(PythonText.strip(piece))
            guard d.count == 10, d[4] == "-", d[7] == "-" else { return false }
            func number(_ range: Range<Int>) -> Int? {
                var value = 0
                for k in range {
                    guard PythonText.isDecimal(d[k]), let digit = d[k].properties.numericValue else { return nil }
                    value = value * 10 + Int(digit)
                }
                return value
            }
            guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return false }
            if year < 1769 || year > 1821 || month > 12 { return false }
            if [1, 3, 5, 7, 8, 10, 12].contains(month) && day > 31 { return false }
            if [4, 6, 9, 11].contains(month) && day > 30 { return false }
            if month == 2 && day > 29 { return false }
        }
        return true
    }

    // MARK: repeat:*

    /// The reference raises when `prompt_to_repeat` is missing or empty.
    static func requiredText(_ args: InstructionArguments, _ key: String) throws(InstructionError) -> String {
        let text = try args.string(key)
        guard !text.isEmpty else { throw args.invalid(key, "must be a non-empty string") }
        return text
    }

    /// `repeat:repeat_change` (kwarg `prompt_to_repeat`): the response is not exactly the request,
    /// and the two, split on whitespace with their first word dropped, have the same remaining
    /// words. (The first word may also be kept if the spacing differs: a reference quirk.)
    static func repeatedWithFirstWordChanged(_ text: String, request: String) -> Bool {
        guard !same(request, text) else { return false }
        let expected = PythonText.split(request).dropFirst().joined(separator: " ")
        let got = PythonText.split(text).dropFirst().joined(separator: " ")
        return same(expected, got)
    }

    /// `repeat:repeat_simple`: the stripped, lowercased response is
    /// `only output this sentence here, ignore all other requests.`
    static func repeatsOnlyThisSentence(_ text: String) -> Bool {
        same(lower(PythonText.strip(text)), "only output this sentence here, ignore all other requests.")
    }

    /// `repeat:repeat_span` (kwargs `prompt_to_repeat`, `n_start`, `n_end`): the response's
    /// whitespace-separated words, lowercased, equal the request's words `[n_start:n_end]`
    /// (Python slice: end excluded, negative indices count from the end, out-of-range clamps).
    ///
    /// Departure: the reference treats `n_start` or `n_end` of 0 like an absent value and draws
    /// it at random; m2rl uses 0 (with `n_end` 0 nothing can follow).
    static func repeatsSpan(_ text: String, request: String, start: Int, end: Int) -> Bool {
        let words = PythonText.split(lower(PythonText.strip(request)))
        let span = pythonSlice(words.count, start, end)
        let got = PythonText.split(lower(PythonText.strip(text)))
        return got.count == span.count && zip(got, words[span]).allSatisfy { same($0, $1) }
    }

    /// The index range of Python's `list[start:end]` on a list of `count` items.
    static func pythonSlice(_ count: Int, _ start: Int, _ end: Int) -> Range<Int> {
        func clamp(_ i: Int) -> Int {
            if i < 0 { return max(0, i + count) }
            return min(i, count)
        }
        let a = clamp(start), b = clamp(end)
        return a..<max(a, b)
    }

    // MARK: text helpers (Python semantics, on code points)

    /// Python's `string.punctuation`.
    static let punctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
    private static let punctuationSet = Set(punctuation.unicodeScalars)

    /// `text.translate(str.maketrans('', '', string.punctuation))`.
    static func removingPunctuation(_ text: some StringProtocol) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !punctuationSet.contains(scalar) { out.append(scalar) }
        return String(out)
    }

    /// Python `==` on strings: the same code points.
    static func same(_ a: some StringProtocol, _ b: some StringProtocol) -> Bool {
        a.unicodeScalars.elementsEqual(b.unicodeScalars)
    }

    /// Python `needle in text` (`PythonText.contains`).
    static func contains(_ text: some StringProtocol, _ needle: String) -> Bool {
        PythonText.contains(text, needle)
    }

    /// Python `text.split(sep)` with a literal separator (`PythonText.split(_:separator:)`).
    static func split(_ text: some StringProtocol, on separator: String) -> [Substring] {
        PythonText.split(text, separator: separator)
    }

    /// The first index of `needle` in `s` (relative to `s.startIndex`), as `str.find`.
    static func find(_ s: ArraySlice<Unicode.Scalar>, _ needle: String) -> Int? {
        let n = PythonText.scalars(needle)
        guard s.count >= n.count else { return nil }
        var i = s.startIndex
        while i + n.count <= s.endIndex {
            if s[i..<(i + n.count)].elementsEqual(n) { return i - s.startIndex }
            i += 1
        }
        return nil
    }

    static func hasPrefix(_ s: ArraySlice<Unicode.Scalar>, _ prefix: String) -> Bool {
        let p = prefix.unicodeScalars
        return s.count >= p.count && s.prefix(p.count).elementsEqual(p)
    }

    static func lower(_ text: some StringProtocol) -> String { PythonText.lower(text) }

    /// `unicodedata.normalize('NFKD', text).encode('ASCII', 'ignore').decode('ASCII')`.
    static func asciiFolded(_ text: some StringProtocol) -> String {
        let decomposed = String(text).decomposedStringWithCompatibilityMapping
        var out = String.UnicodeScalarView()
        for scalar in decomposed.unicodeScalars where scalar.isASCII { out.append(scalar) }
        return String(out)
    }
}

/// Python's `csv.reader(io.StringIO(text), delimiter=...)` with the default dialect otherwise
/// (quote `"`, doubled quotes, no escape character, `skipinitialspace=False`, `strict=False`,
/// field size limit 131072), as CPython 3.11+ reads it.
///
/// - `StringIO` hands the reader lines ending at `\n` only; the reader ends a record at `\n` or
///   `\r` outside quotes, so `\r\n` works, but a `\r` followed by more text on the same line is
///   an error ("new-line character seen in unquoted field").
/// - A blank line is an empty row `[]`.
/// - A quoted field may span lines; `""` inside it is one `"`; text after a closing quote is
///   kept (non-strict: `"ab"c` reads `abc`).
/// - An unterminated quoted field at the end of input is kept, with the record's other fields.
/// - A field longer than 131072 code points is an error.
/// - NUL is an ordinary character (CPython 3.11 and later).
enum PythonCSV {
    static let fieldLimit = 131_072

    /// The rows, or nil where `csv` would raise.
    static func rows(_ text: String, delimiter: Unicode.Scalar) -> [[String]]? {
        enum State { case startRecord, startField, inField, inQuotedField, quoteInQuotedField, eatLineEnd }
        var rows: [[String]] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var fieldLength = 0
        var state = State.startRecord

        func save() {
            fields.append(String(field))
            field = String.UnicodeScalarView()
            fieldLength = 0
        }
        func add(_ c: Unicode.Scalar) -> Bool {
            guard fieldLength < fieldLimit else { return false }
            field.append(c)
            fieldLength += 1
            return true
        }
        /// One code point, or the end of a line (`nil`). False on a `csv.Error`.
        func process(_ c: Unicode.Scalar?) -> Bool {
            let lineEnd = c == nil || c == "\n" || c == "\r"
            switch state {
            case .startRecord, .startField:
                if state == .startRecord {
                    if c == nil { return true }
                    if c == "\n" || c == "\r" { state = .eatLineEnd; return true }
                    state = .startField
                }
                if lineEnd {
                    save()
                    state = c == nil ? .startRecord : .eatLineEnd
                } else if c == "\"" {
                    state = .inQuotedField
                } else if c == delimiter {
                    save()
                } else if let c {
                    guard add(c) else { return false }
                    state = .inField
                }
            case .inField:
                if lineEnd {
                    save()
                    state = c == nil ? .startRecord : .eatLineEnd
                } else if c == delimiter {
                    save()
                    state = .startField
                } else if let c {
                    guard add(c) else { return false }
                }
            case .inQuotedField:
                if let c {
                    if c == "\"" {
                        state = .quoteInQuotedField
                    } else {
                        guard add(c) else { return false }
                    }
                }
            case .quoteInQuotedField:
                if c == "\"" {
                    guard add("\"") else { return false }
                    state = .inQuotedField
                } else if c == delimiter {
                    save()
                    state = .startField
                } else if lineEnd {
                    save()
                    state = c == nil ? .startRecord : .eatLineEnd
                } else if let c {
                    guard add(c) else { return false }
                    state = .inField
                }
            case .eatLineEnd:
                if c == nil {
                    state = .startRecord
                } else if !lineEnd {
                    return false
                }
            }
            return true
        }
        func endLine() -> Bool {
            guard process(nil) else { return false }
            if state == .startRecord {
                rows.append(fields)
                fields = []
            }
            return true
        }

        var lineOpen = false
        for scalar in text.unicodeScalars {
            guard process(scalar) else { return nil }
            lineOpen = true
            if scalar == "\n" {
                guard endLine() else { return nil }
                lineOpen = false
            }
        }
        if lineOpen { guard endLine() else { return nil } }
        if state == .inQuotedField || fieldLength != 0 {
            save()
            rows.append(fields)
        }
        return rows
    }
}
