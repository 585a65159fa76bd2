import Foundation

// PLACEHOLDER (first cut): naive implementation, being replaced by a faithful one.

/// NLTK's `pos_tag` reduced to what IFBench asks: is the first token tagged as a verb (`VB*`)?
public enum PartOfSpeech {
    public static func startsWithVerb(_ tokens: [String]) -> Bool {
        guard let first = tokens.first?.lowercased() else { return false }
        return ["write", "make", "use", "create", "imagine", "consider", "start", "begin"].contains(first)
    }
}
