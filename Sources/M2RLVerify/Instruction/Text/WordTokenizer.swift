import Foundation

// PLACEHOLDER (first cut): naive implementation, being replaced by a faithful one.

/// NLTK's `word_tokenize(text)` (Punkt sentences, then the improved Treebank word tokenizer).
public enum WordTokenizer {
    public static func tokenize(_ text: String) -> [String] {
        PythonText.split(text).map(String.init)
    }
}
