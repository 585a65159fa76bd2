import Foundation

// PLACEHOLDER (first cut): naive implementation, being replaced by a faithful one.

/// NLTK's `sent_tokenize(text)` with the English Punkt model.
public enum PunktSentences {
    public static func split(_ text: String) -> [String] {
        RuleSentences.split(text)
    }
}
