import Foundation
import M2RLCore

/// The text tools behind the instruction checkers, by name, for `m2rl instruction text` and the
/// agreement scripts in bench/ that compare each with the Python tool it imitates.
public enum TextTool: String, Sendable, CaseIterable {
    /// NLTK `sent_tokenize` (Punkt, English) → list of sentences.
    case sentences
    /// IFEval/IFBench `split_into_sentences` (rules) → list of sentences.
    case ruleSentences = "rule-sentences"
    /// NLTK `word_tokenize` → list of tokens.
    case words
    /// `RegexpTokenizer(r"\w+")` → list of tokens.
    case regexWords = "regex-words"
    /// langdetect `detect` → language code or null.
    case language
    /// syllapy `count` of each whitespace-separated word → list of counts.
    case syllables
    /// emoji `is_emoji` → bool.
    case emoji
    /// NLTK English stop words: which `\w+` tokens are stop words → list of tokens.
    case stopwords
    /// NLTK `pos_tag(word_tokenize(text))[0]` is a `VB*` tag → bool.
    case startsWithVerb = "starts-with-verb"

    /// Applies the tool to one text.
    public func apply(_ text: String) -> JSONValue {
        switch self {
        case .sentences: .array(PunktSentences.split(text).map { .string($0) })
        case .ruleSentences: .array(RuleSentences.split(text).map { .string($0) })
        case .words: .array(WordTokenizer.tokenize(text).map { .string($0) })
        case .regexWords: .array(PythonText.words(text).map { .string(String($0)) })
        case .language: LanguageIdentifier.detect(text).map { .string($0) } ?? .null
        case .syllables: .array(PythonText.split(text).map { .int(Syllables.count(String($0))) })
        case .emoji: .bool(Emoji.isEmoji(text))
        case .stopwords: .array(PythonText.words(text).filter { StopWords.english.contains($0.lowercased()) }.map { .string(String($0)) })
        case .startsWithVerb: .bool(PartOfSpeech.startsWithVerb(WordTokenizer.tokenize(text)))
        }
    }
}
