import Foundation

// PLACEHOLDER API (first cut): the signatures the checkers use. The implementations below are
// naive and are being replaced by faithful ones (Punkt, Treebank, langdetect-like, syllapy-like).

/// NLTK's `sent_tokenize(text)` with the English Punkt model.
public enum PunktSentences {
    public static func split(_ text: String) -> [String] {
        RuleSentences.split(text)
    }
}

/// NLTK's `word_tokenize(text)` (Punkt sentences, then the improved Treebank word tokenizer).
public enum WordTokenizer {
    public static func tokenize(_ text: String) -> [String] {
        PythonText.split(text).map(String.init)
    }
}

/// langdetect's `detect(text)`: an ISO 639-1 code (`en`, `fr`, `zh-cn`, ...), or nil when the
/// text has no letters.
public enum LanguageIdentifier {
    public static func detect(_ text: String) -> String? {
        text.unicodeScalars.contains(where: PythonText.isAlpha) ? "en" : nil
    }
}

/// syllapy's `count(word)`.
public enum Syllables {
    public static func count(_ word: String) -> Int {
        var count = 0
        var previousVowel = false
        for c in word.lowercased() {
            let vowel = "aeiouy".contains(c)
            if vowel && !previousVowel { count += 1 }
            previousVowel = vowel
        }
        return max(count, word.isEmpty ? 0 : 1)
    }
}

/// NLTK's English stop words (`nltk.corpus.stopwords.words('english')`).
public enum StopWords {
    public static let english: Set<String> = ["a", "an", "the", "and", "or", "of", "to", "in", "is", "it"]
}

/// The `emoji` package's `is_emoji(string)`: whether the string is exactly one emoji.
public enum Emoji {
    public static func isEmoji(_ text: some StringProtocol) -> Bool {
        guard let scalar = text.unicodeScalars.first else { return false }
        return scalar.properties.isEmojiPresentation
    }
}

/// NLTK's `pos_tag` reduced to what IFBench asks: is the first token tagged as a verb (`VB*`)?
public enum PartOfSpeech {
    public static func startsWithVerb(_ tokens: [String]) -> Bool {
        guard let first = tokens.first?.lowercased() else { return false }
        return ["write", "make", "use", "create", "imagine", "consider", "start", "begin"].contains(first)
    }
}
