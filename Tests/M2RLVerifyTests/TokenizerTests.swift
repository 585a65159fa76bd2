import Foundation
import Testing
@testable import M2RLVerify

/// A line of testcases/instruction/tokenizers.jsonl: a text and what NLTK returns for it
/// (`sent_tokenize` for "sentences", `word_tokenize` for "words"): NLTK 3.9.2, or NLTK 3.10.4
/// for a case marked `"nltk": "3.10"`. Checked with
/// `python3 bench/text_tokenizers.py --cases testcases/instruction/tokenizers.jsonl` under each
/// release (NLTK_VERSION=3.9.2 and 3.10.4).
private struct TokenizerCase: Decodable, Sendable {
    var tool: String
    var text: String
    var expected: [String]
    var why: String
    var nltk: String?

    var release: NLTKRelease { nltk == "3.10" ? .v3_10 : .v3_9 }
}

private let tokenizerCases: [TokenizerCase] = {
    let path = VerifyFixtures.root + "/testcases/instruction/tokenizers.jsonl"
    let text = try! String(contentsOfFile: path, encoding: .utf8)
    return text.split(separator: "\n").map { try! JSONDecoder().decode(TokenizerCase.self, from: Data($0.utf8)) }
}()

@Suite("Tokenizers: testcases/instruction/tokenizers.jsonl (NLTK's own outputs)")
struct TokenizerCaseTests {
    @Test("the cases cover both tools")
    func coverage() {
        #expect(tokenizerCases.filter { $0.tool == "sentences" }.count >= 30)
        #expect(tokenizerCases.filter { $0.tool == "words" }.count >= 20)
        #expect(Set(tokenizerCases.map(\.tool)) == ["sentences", "words"])
        #expect(tokenizerCases.filter { $0.release == .v3_10 }.count >= 5)
        #expect(Set(tokenizerCases.compactMap(\.nltk)).isSubset(of: ["3.10"]))
    }

    @Test("output equals NLTK's", arguments: Array(tokenizerCases.indices))
    func matchesNLTK(index: Int) {
        let c = tokenizerCases[index]
        let got = c.tool == "sentences" ? PunktSentences.split(c.text, release: c.release) : WordTokenizer.tokenize(c.text, release: c.release)
        #expect(got == c.expected, "line \(index + 1) (\(c.tool), NLTK \(c.nltk ?? "3.9"), \(c.why)): \(c.text.debugDescription)")
        if c.tool == "sentences" {
            #expect(PunktSentences.count(c.text, release: c.release) == c.expected.count, "line \(index + 1): count")
        }
        if c.release == .v3_9 {
            let viaDefault = c.tool == "sentences" ? PunktSentences.split(c.text) : WordTokenizer.tokenize(c.text)
            #expect(viaDefault == got, "line \(index + 1): the default release is 3.9")
        }
    }
}

@Suite("Tokenizers: Punkt decisions")
struct PunktDecisionTests {
    @Test("an abbreviation breaks before a frequent sentence starter or a word seen only in lower case, not before a name")
    func abbreviations() {
        #expect(PunktSentences.split("We met at 5 p.m. The rain stopped.") == ["We met at 5 p.m.", "The rain stopped."])
        #expect(PunktSentences.split("We met Dr. Nguyen. She smiled.") == ["We met Dr. Nguyen.", "She smiled."])
        // `e.g.` is not an abbreviation of the English model: NLTK breaks after it.
        #expect(PunktSentences.split("Fruit, e.g. apples, is good.") == ["Fruit, e.g.", "apples, is good."])
    }

    @Test("a model with no parameters breaks after every period-final word followed by a token")
    func emptyModel() {
        let empty = PunktModel(abbreviations: [], sentenceStarters: [], collocations: [], orthography: [:])
        #expect(PunktSentences.split("Mr. Smith left. He won.", model: empty) == ["Mr.", "Smith left.", "He won."])
        #expect(PunktSentences.split("Mr. Smith left. He won.") == ["Mr. Smith left.", "He won."])
    }

    @Test("the sentence tokenizer of word_tokenize sets only the final period apart")
    func finalPeriodOnly() {
        #expect(WordTokenizer.tokenizeSentence("Mr. Smith lives in the U.S. now.") == ["Mr.", "Smith", "lives", "in", "the", "U.S.", "now", "."])
        #expect(WordTokenizer.tokenizeSentence("He said \"stop.\"") == ["He", "said", "``", "stop", ".", "''"])
    }
}

@Suite("Tokenizers: any input")
struct TokenizerRobustnessTests {
    /// Sentences are pieces of the text, in order and not overlapping.
    private func inOrder(_ sentences: [String], in text: String) -> Bool {
        var rest = Substring(text)
        for sentence in sentences where !sentence.isEmpty {
            guard let range = rest.range(of: sentence, options: .literal) else { return false }
            rest = rest[range.upperBound...]
        }
        return true
    }

    /// Texts that would be slow for a backtracking or quadratic implementation, by name.
    static let pathologicalTexts: [String: String] = [
        "200,000 exclamation marks": String(repeating: "!", count: 200_000),
        "100,000 spaced periods": String(repeating: ". ", count: 100_000),
        "100,000 glued initials": String(repeating: "a.", count: 100_000) + " b",
        "50,000 titles": String(repeating: "Mr. ", count: 50_000),
        "50,000 initials": String(repeating: "A. ", count: 50_000),
        "50,000 ellipses": String(repeating: "... ", count: 50_000),
        "a period, 200,000 spaces, a word": "x." + String(repeating: " ", count: 200_000) + "Y",
        "40,000 runs of quotes and brackets": String(repeating: "\"'([{", count: 40_000) + ".",
        "contractions and dashes": String(repeating: "can't 'tis gonna -- ", count: 10_000),
        "marks, RTL, emoji": String(repeating: "\u{0301}\u{200F}\u{05D0}.\u{1F389} ", count: 20_000),
        "100,000 newlines": String(repeating: "\n", count: 100_000) + "End.",
        "a 300,000-letter word": String(repeating: "x", count: 300_000) + ". Y.",
    ]

    @Test("pathological texts finish and keep the sentences in order", arguments: pathologicalTexts.keys.sorted())
    func pathological(name: String) throws {
        let text = try #require(Self.pathologicalTexts[name])
        for release in [NLTKRelease.v3_9, .v3_10] {
            let sentences = PunktSentences.split(text, release: release)
            #expect(inOrder(sentences, in: text), "\(release)")
            let words = WordTokenizer.tokenize(text, release: release)
            #expect(words.allSatisfy { !$0.isEmpty && !$0.unicodeScalars.contains(where: PythonText.isSpace) }, "\(release)")
        }
    }

    @Test("lone marks, surrogate-free odd scalars and empty strings")
    func oddInputs() {
        for text in ["", " ", "\u{0301}", ".", "'", "\"", "``", "''", "--", ". . .", "\u{FEFF}.", "\u{2028}.\u{2029}", "İ.", "ſ'S", "\u{0}."] {
            for release in [NLTKRelease.v3_9, .v3_10] {
                _ = PunktSentences.split(text, release: release)
                _ = WordTokenizer.tokenize(text, release: release)
            }
        }
        #expect(PunktSentences.split("") == [])
        #expect(WordTokenizer.tokenize("") == [])
    }
}

@Suite("PythonText scalar conversions")
struct ScalarConversionTests {
    static let texts = [
        "", "plain ASCII, with punctuation.", "é e\u{301} ß ΣΑΣ ǅ", "中文 日本語 한국어", "emoji 👩🏽‍💻 🇫🇷 \u{10FFFF}",
        "\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}", "tabs\tand\nnewlines\r\n",
    ]

    @Test("scalars(_:) is Array(unicodeScalars), string(_:) its inverse, for strings and substrings")
    func roundTrip() {
        for text in Self.texts {
            #expect(PythonText.scalars(text) == Array(text.unicodeScalars))
            #expect(PythonText.string(PythonText.scalars(text)) == text)
            let sub = text.dropFirst()
            #expect(PythonText.scalars(sub) == Array(sub.unicodeScalars))
            #expect(PythonText.string(Array(sub.unicodeScalars)[...]) == String(sub))
        }
    }

    @Test("isUpper / isLower: the ASCII shortcut agrees with the Unicode properties")
    func caseShortcut() {
        for v in 0..<0x80 {
            let c = Unicode.Scalar(UInt8(v))
            let p = c.properties
            #expect(PythonText.isUpper([c]) == (p.isUppercase && !p.isLowercase))
            #expect(PythonText.isLower([c]) == (p.isLowercase && !p.isUppercase))
            #expect(!p.isCased || (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v))
            #expect(p.generalCategory != .titlecaseLetter)
        }
    }
}

/// `LanguageIdentifier.isNFCInert` lets text skip Foundation's normalizer; these check its claim
/// for every code point against that normalizer.
@Suite("NFC-inert scalars")
struct NFCInertTests {
    static let allScalars: [Unicode.Scalar] = (0...0x10FFFF).compactMap { Unicode.Scalar(UInt32($0)) }

    @Test("an inert scalar is its own NFC and a starter")
    func ownNFC() {
        var wrong: [String] = []
        for scalar in Self.allScalars where scalar.value >= 0x300 && LanguageIdentifier.isNFCInert(scalar) {
            let text = String(scalar)
            if Array(text.precomposedStringWithCanonicalMapping.unicodeScalars) != [scalar]
                || scalar.properties.canonicalCombiningClass != .notReordered {
                wrong.append(String(scalar.value, radix: 16))
            }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(40))")
    }

    @Test("no inert scalar follows the first in any canonical decomposition, and an inert scalar's decomposition starts with a starter")
    func neverSecond() {
        var wrong: [String] = []
        for scalar in Self.allScalars where scalar.properties.generalCategory != .unassigned {
            let decomposed = Array(String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars)
            if decomposed.dropFirst().contains(where: LanguageIdentifier.isNFCInert) {
                wrong.append(String(scalar.value, radix: 16))
            }
            if LanguageIdentifier.isNFCInert(scalar), let first = decomposed.first, first.properties.canonicalCombiningClass != .notReordered {
                wrong.append("first of " + String(scalar.value, radix: 16))
            }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(40))")
    }
}
