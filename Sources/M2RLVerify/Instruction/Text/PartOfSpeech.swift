import Foundation

/// NLTK's `pos_tag` reduced to what IFBench's `words:start_verb` asks: is the first token tagged
/// as a verb, i.e. does its Penn Treebank tag contain `VB` (VB, VBD, VBG, VBN, VBP, VBZ)?
///
/// APPROXIMATION. The reference runs NLTK's averaged perceptron tagger (English), whose weights
/// are not available here; this is our own rule for the first token, written to follow how that
/// tagger behaves on sentence-initial words. It sees a capitalised first word through a
/// case-sensitive table of frequent unambiguous words and otherwise through lowercased word and
/// context features plus the raw first letter and last three letters; a capitalised word it
/// does not recognise as verbal tends to come out NNP, and suffixes weigh heavily for rarer
/// words. The rule, on the first token lowercased:
/// 1. No tokens, or a token that does not begin with an ASCII letter (markdown `#`, `*`, `-`,
///    quotes, numbers, `_The`, non-Latin words): not a verb.
/// 2. Closed-class and common non-verb sentence openers (articles, pronouns, prepositions,
///    conjunctions, modals, wh-words, adverbs, interjections, "Title", "Dear", ...): not a verb.
///    Modals (`can`, `will`, `should`, ...) are MD, not verbs.
/// 3. Forms of be/do/have ("Is", "Are", "Does", "Did", "Has", "Been", ...) are verbs (VBZ, VBP,
///    VBD, VBN), as in IFBench's own test ("Does this sentence start with a verb?").
/// 4. Our lexicon of base-form verbs that sentences and instructions start with ("Write",
///    "Imagine", "Consider", "Identify", "Prove", "Let", "Please", ...) and their irregular
///    past forms ("Given", "Made", "Written", ...): verbs. Left out on purpose: verbs the
///    reference tags otherwise at the start of IFBench responses ("Understand", "Build",
///    "Conceive"), and noun-verb words the tagger reads as nouns there ("List", "Plan",
///    "Step", "Change", "Design", "Test", ...).
/// 5. Suffixes, for words outside the lexicons: `-ing` (VBG, e.g. "Whirring", "Exploring";
///    not "During", "Nothing", "Morning", nor adjectives such as "Interesting"), `-ed` of five
///    letters or more (VBD/VBN, "Based", "Implemented"; not "Indeed", "Hundred", "United"),
///    `-ify`, `-ize`, `-yze` ("Simplify", "Summarize", "Analyze"): verbs.
/// 6. Anything else (unknown capitalised words, nouns, adjectives): not a verb.
/// bench/text_lexical.py reports the agreement on IFBench's `words:start_verb` verdicts.
public enum PartOfSpeech {
    public static func startsWithVerb(_ tokens: [String]) -> Bool {
        guard let token = tokens.first, let first = token.unicodeScalars.first,
              first.isASCII, first.properties.isAlphabetic
        else { return false }
        let word = token.lowercased()
        if nonVerbs.contains(word) { return false }
        if verbForms.contains(word) || verbs.contains(word) { return true }
        guard word.unicodeScalars.allSatisfy({ $0.isASCII && $0.properties.isAlphabetic }) else { return false }
        if word.hasSuffix("ing") {
            return word.count >= 5 && hasVowel(word.dropLast(3)) && !nonVerbIng.contains(word)
        }
        if word.hasSuffix("ed") {
            return word.count >= 5 && !word.hasSuffix("eed") && hasVowel(word.dropLast(2)) && !nonVerbEd.contains(word)
        }
        if word.count >= 6, word.hasSuffix("ify") || word.hasSuffix("ize") || word.hasSuffix("yze") {
            return true
        }
        return false
    }

    private static func hasVowel(_ s: Substring) -> Bool {
        s.contains { "aeiouy".contains($0) }
    }

    /// Rule 2: words tagged DT, PRP, PRP$, IN, CC, MD, TO, WDT, WP, WRB, EX, RB, UH, JJ, NN or
    /// CD at the start of a response.
    static let nonVerbs: Set<String> = [
        "a", "an", "the", "this", "that", "these", "those", "some", "any", "each", "every", "all",
        "both", "either", "neither", "no", "another", "such", "many", "much", "more", "most",
        "few", "several", "other", "i", "you", "he", "she", "it", "we", "they", "me", "him",
        "her", "us", "them", "my", "your", "his", "its", "our", "their", "mine", "yours",
        "ours", "theirs", "myself", "yourself", "itself", "ourselves", "themselves", "one",
        "in", "on", "at", "by", "for", "from", "with", "without", "within", "of", "off", "to",
        "into", "onto", "about", "above", "below", "after", "before", "during", "since", "until",
        "till", "through", "throughout", "across", "along", "among", "amid", "amidst", "around",
        "against", "between", "beyond", "despite", "except", "inside", "outside", "over",
        "under", "upon", "via", "toward", "towards", "per", "like", "unlike", "as", "than",
        "and", "or", "but", "nor", "yet", "so", "if", "because", "although", "though", "while",
        "whereas", "unless", "whether", "once", "can", "could", "will", "would", "shall",
        "should", "may", "might", "must", "ought", "ca", "wo", "sha", "what", "which", "who",
        "whom", "whose", "when", "where", "why", "how", "whatever", "whenever", "wherever",
        "however", "there", "here", "now", "then", "today", "also", "again", "still", "just",
        "only", "even", "not", "never", "always", "often", "sometimes", "perhaps", "maybe",
        "indeed", "certainly", "absolutely", "definitely", "sure", "surely", "yes", "yeah",
        "okay", "ok", "oh", "hi", "hello", "hey", "dear", "thanks", "title", "subject",
        "furthermore", "moreover", "additionally", "therefore", "thus", "hence",
        "meanwhile", "overall", "finally", "firstly", "first", "second", "third", "lastly",
        "next", "last", "ultimately", "essentially", "basically", "actually", "really", "well",
        "quickly", "slowly", "together", "instead", "otherwise", "already", "soon", "yesterday",
        "tomorrow", "tonight", "able", "key", "new", "good", "great", "best", "better",
        "important", "social", "single", "step", "list", "plan", "change", "design",
        "test", "note", "answer", "name", "place", "set", "focus", "trade", "map", "draft",
        "structure", "process", "question", "response", "summary", "introduction",
        "conclusion", "understand", "build", "conceive",
    ]

    /// Rule 3: be, do and have, and the irregular past forms of the lexicon's verbs.
    static let verbForms: Set<String> = [
        "be", "is", "are", "am", "was", "were", "been", "being", "do", "does", "did", "done",
        "doing", "have", "has", "had", "having", "made", "given", "written", "taken", "seen",
        "known", "shown", "chosen", "driven", "grown", "drawn", "begun", "broken", "spoken",
        "found", "built", "brought", "bought", "thought", "taught", "caught", "told", "sold",
        "held", "kept", "left", "felt", "meant", "sent", "spent", "lost", "born", "gone",
        "went", "came", "took", "gave", "wrote", "saw", "knew", "grew", "drew", "threw",
        "began", "became", "stood", "understood", "let's",
    ]

    /// Rule 4: base-form verbs, our own list.
    static let verbs: Set<String> = [
        "accept", "achieve", "acknowledge", "add", "adjust", "adopt", "allow", "analyse",
        "apologise", "apply", "appreciate", "approach", "arrange", "ask", "assess", "assume",
        "avoid", "become", "begin", "believe", "bring", "calculate", "categorise", "choose",
        "clarify", "collaborate", "collect", "combine", "compare", "compile", "complete",
        "compose", "compute", "conduct", "connect", "consider", "construct", "continue",
        "convert", "craft", "create", "cultivate", "decide", "define", "delve", "demonstrate",
        "derive", "describe", "determine", "develop", "discover", "discuss", "dive", "divide",
        "embark", "embrace", "emphasise", "enable", "encourage", "engage", "enhance", "enjoy",
        "ensure", "envision", "establish", "estimate", "evaluate", "examine", "execute",
        "expand", "explain", "explore", "express", "extract", "find", "follow", "forget",
        "formulate", "gather", "generate", "get", "give", "go", "grab", "help", "highlight",
        "identify", "ignore", "illustrate", "imagine", "implement", "improve", "include",
        "incorporate", "integrate", "introduce", "investigate", "keep", "know", "learn", "let",
        "maintain", "make", "manage", "maximise", "measure", "minimise", "navigate", "observe",
        "obtain", "optimise", "organise", "outline", "perform", "picture", "please",
        "practise", "prepare", "prevent", "prioritise", "proceed", "produce", "protect",
        "prove", "provide", "read", "realise", "recall", "recognise", "reduce", "reflect",
        "remember", "remove", "replace", "rewrite", "select", "simplify", "solve", "specify",
        "suppose", "summarise", "take", "tell", "thank", "think", "transform", "translate",
        "try", "uncover", "unlock", "use", "utilise", "verify", "visualise", "wait", "write",
    ]

    /// `-ing` words the tagger does not read as VBG at the start.
    static let nonVerbIng: Set<String> = [
        "during", "nothing", "something", "anything", "everything", "thing", "king", "ring",
        "spring", "string", "wing", "morning", "evening", "ceiling", "wedding", "sibling",
        "darling", "sterling", "viking", "interesting", "amazing", "exciting", "fascinating",
        "surprising", "outstanding", "willing", "boring", "charming", "stunning", "compelling",
        "striking", "promising", "thrilling", "overwhelming", "intriguing", "astonishing",
        "alarming", "disturbing", "refreshing", "daring", "loving", "caring", "cunning",
        "notwithstanding",
    ]

    /// `-ed` words that are not verb forms.
    static let nonVerbEd: Set<String> = [
        "hundred", "sacred", "naked", "wicked", "united", "kindred", "crooked", "rugged",
        "ragged", "beloved", "wretched", "ahmed", "mohammed",
        "muhammad", "infrared",
    ]
}
