import Foundation

/// NLTK's English stop words: the set `nltk.corpus.stopwords.words('english')` returns with the
/// nltk_data release current in October 2025 (198 words, all lowercase).
///
/// Provenance, verified for this file: the 179 words of nltk_data's `corpora/stopwords/english`
/// as packaged in `packages/corpora/stopwords.zip` (gh-pages, 2022 packaging, unchanged until
/// 2025), plus the 19 pronoun contractions nltk_data commit 47111d8 (2025-02-20, from pull
/// request nltk/nltk_data#228; confirmed intentional in nltk/nltk_data#235) added: he'd, he'll,
/// he's, i'd, i'll, i'm, i've, it'd, it'll, she'd, she'll, they'd, they'll, they're, they've,
/// we'd, we'll, we're, we've. No later change to the English file before 2026 (nltk/nltk#3747
/// leaves it as is and adds a separate "english-extended" list). The bare clitic stems (`don`,
/// `wouldn`, `ll`, `ve`, `s`, `t`, ...) are part of the reference list: it assumes text split on
/// apostrophes.
///
/// Written here as a sorted literal; membership is exact string equality on lowercase words
/// (callers lowercase first, as the reference checkers do).
public enum StopWords {
    public static let english: Set<String> = [
        "a", "about", "above", "after", "again", "against", "ain", "all", "am", "an", "and", "any",
        "are", "aren", "aren't", "as", "at", "be", "because", "been", "before", "being", "below",
        "between", "both", "but", "by", "can", "couldn", "couldn't", "d", "did", "didn", "didn't",
        "do", "does", "doesn", "doesn't", "doing", "don", "don't", "down", "during", "each", "few",
        "for", "from", "further", "had", "hadn", "hadn't", "has", "hasn", "hasn't", "have", "haven",
        "haven't", "having", "he", "he'd", "he'll", "he's", "her", "here", "hers", "herself", "him",
        "himself", "his", "how", "i", "i'd", "i'll", "i'm", "i've", "if", "in", "into", "is", "isn",
        "isn't", "it", "it'd", "it'll", "it's", "its", "itself", "just", "ll", "m", "ma", "me",
        "mightn", "mightn't", "more", "most", "mustn", "mustn't", "my", "myself", "needn",
        "needn't", "no", "nor", "not", "now", "o", "of", "off", "on", "once", "only", "or", "other",
        "our", "ours", "ourselves", "out", "over", "own", "re", "s", "same", "shan", "shan't",
        "she", "she'd", "she'll", "she's", "should", "should've", "shouldn", "shouldn't", "so",
        "some", "such", "t", "than", "that", "that'll", "the", "their", "theirs", "them",
        "themselves", "then", "there", "these", "they", "they'd", "they'll", "they're", "they've",
        "this", "those", "through", "to", "too", "under", "until", "up", "ve", "very", "was",
        "wasn", "wasn't", "we", "we'd", "we'll", "we're", "we've", "were", "weren", "weren't",
        "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "won",
        "won't", "wouldn", "wouldn't", "y", "you", "you'd", "you'll", "you're", "you've", "your",
        "yours", "yourself", "yourselves",
    ]
}
