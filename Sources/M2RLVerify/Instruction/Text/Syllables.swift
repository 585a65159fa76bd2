import Foundation

// PLACEHOLDER (first cut): naive implementation, being replaced by a faithful one.

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
