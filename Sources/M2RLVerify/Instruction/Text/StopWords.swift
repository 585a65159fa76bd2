import Foundation

// PLACEHOLDER (first cut): naive implementation, being replaced by a faithful one.

/// NLTK's English stop words (`nltk.corpus.stopwords.words('english')`).
public enum StopWords {
    public static let english: Set<String> = ["a", "an", "the", "and", "or", "of", "to", "in", "is", "it"]
}
