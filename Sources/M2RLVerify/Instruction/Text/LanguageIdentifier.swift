import Foundation

/// langdetect 1.0.9's `detect(text)` (with `DetectorFactory.seed = 0`, as the IFEval and IFBench
/// checkers run it): the language code langdetect uses (`en`, `fr`, `zh-cn`, ...), or nil where
/// langdetect raises LangDetectException ("No features in text"), which the checkers treat as
/// following the instruction.
///
/// APPROXIMATION. langdetect samples letter n-grams at random against profiles built from
/// Wikipedia; we do not use its profiles. What we reproduce exactly is what it looks at:
/// 1. The text it reads: URLs (`https?://` and up to 2,076 URL characters) and e-mail addresses
///    are blanked, as its two patterns do; only the first 10,000 code points count; when the
///    ASCII range A...z holds fewer than half as many code points as there are code points at
///    or above U+0300 (outside Latin Extended Additional, and counting a Vietnamese letter with
///    a combining tone mark as one precomposed letter), every A...z code point is dropped.
/// 2. Which letters are features: those of the scripts it has profiles for (Latin, Greek,
///    Cyrillic, Armenian, Hebrew, Arabic, Devanagari, Bengali, Gurmukhi, Gujarati, Tamil, Telugu,
///    Kannada, Malayalam, Thai, Georgian, kana, Hangul syllables, CJK Unified Ideographs); an
///    uppercase letter right after another uppercase letter is skipped (langdetect ignores the
///    rest of an all-caps word). No feature letter at all: nil (digits, punctuation, emoji, or
///    only scripts it does not know such as Ethiopic or Khmer).
/// Then our own decision:
/// 3. The script with the greatest weight wins, as langdetect's vote goes to the majority of its
///    sampled n-grams. Each counted letter weighs its script's `strength`: how hard langdetect's
///    profiles pull toward that script against English, measured on mixed passages (Latin and
///    Cyrillic 1, Arabic 0.9, Hebrew and Gujarati 1.5, Tamil and Gurmukhi 2.6, Hangul and Han
///    0.55, ...). A script with one language decides it: Greek `el`, Hebrew `he`, Bengali `bn`,
///    Gurmukhi `pa`, Gujarati `gu`, Tamil `ta`, Telugu `te`, Kannada `kn`, Malayalam `ml`, Thai
///    `th`, Hangul `ko`; Armenian and Georgian `et` (langdetect has no profile for them and
///    answers `et`, whose profile holds the few of their letters it keeps).
/// 4. Han and kana: kana making up a tenth or more of them gives `ja`. Otherwise Chinese: more
///    traditional-only than simplified-only characters (from our list of common pairs) gives
///    `ko`, else `zh-cn`. `ko` for traditional Chinese is a reference quirk: langdetect's
///    Chinese character classes put many common traditional characters in classes only its
///    Korean profile has, so it answers `ko` for most traditional Chinese text.
/// 5. Scripts several languages share (Latin: en es pt fr de it nl af pl vi sw fi et sv da no
///    ro ca id tl tr cs sk hu hr sl lt lv sq so cy; Cyrillic: ru uk bg mk; Arabic: ar fa ur;
///    Devanagari: hi mr ne): a naive Bayes vote over the lowercased words' letter 1-, 2- and
///    3-grams (with word-boundary spaces, as langdetect forms them), with counts taken from
///    sample text we wrote in each language (`LanguageSamples`), each language's estimate
///    smoothed toward the all-language one. An n-gram no sample has is ignored. Nothing known:
///    `en`, `ru`, `ar`, `hi`.
///
/// Linear in the text (only its first 10,000 code points after blanking are classified),
/// deterministic, and never fails. Cost: the n-gram tables are built from the samples once per
/// process, on first use (about 60 M instructions, `valgrind --tool=callgrind` of
/// `m2rl score` on the requests of bench/instruction.sh: every (gram, language) pair counted in
/// one pass, then grouped by gram with a counting sort, no dictionaries); a call then allocates a few arrays
/// proportional to the text, counts its grams in an open-addressing table and looks each
/// distinct gram up once (about 30 µs a call on the 360-character responses of
/// bench/instruction.sh: `perf stat -e task-clock m2rl instruction text language` over 3,740
/// of them, less a run on one text, divided by their number).
/// bench/text_lexical.py measures the agreement with langdetect per language. Known
/// differences: texts of a few words (langdetect's answer for "yes" or a list of names is close
/// to random), all-caps English (langdetect sees only the words' initials and answers `en` for
/// about 86% of them; we answer `en`), and the close pairs where
/// langdetect itself wavers (da/no, hr/sl, cs/sk, nl/af, hi/mr/ne on short texts).
public enum LanguageIdentifier {
    public static func detect(_ text: String) -> String? {
        let scalars = readText(text)

        // One pass: each counted letter's script weight; the script of every scalar is kept
        // (`Script.none` for a non-feature) so the n-gram vote below need not look it up again.
        var weight = [Double](repeating: 0, count: Script.allCases.count)
        var scripts = [Int8](repeating: -1, count: scalars.count)
        var previousUpper = false
        var simplified = 0, traditional = 0
        for (i, scalar) in scalars.enumerated() {
            guard let script = Script.of(scalar) else { previousUpper = false; continue }
            scripts[i] = Int8(script.rawValue)
            let v = scalar.value
            let upper = v < 0x80 ? (v >= 0x41 && v <= 0x5A) : scalar.properties.isUppercase
            defer { previousUpper = upper }
            if upper && previousUpper { continue }
            weight[script.rawValue] += script.strength
            if script == .han {
                if Chinese.simplified.contains(scalar) { simplified += 1 }
                if Chinese.traditional.contains(scalar) { traditional += 1 }
            }
        }

        guard let best = Script.allCases.max(by: { weight[$0.rawValue] < weight[$1.rawValue] }),
              weight[best.rawValue] > 0
        else { return nil }
        switch best {
        case .greek: return "el"
        case .hebrew: return "he"
        case .bengali: return "bn"
        case .gurmukhi: return "pa"
        case .gujarati: return "gu"
        case .tamil: return "ta"
        case .telugu: return "te"
        case .kannada: return "kn"
        case .malayalam: return "ml"
        case .thai: return "th"
        case .hangul: return "ko"
        case .armenian, .georgian: return "et"
        case .kana, .han:
            let kana = weight[Script.kana.rawValue] / Script.kana.strength
            let han = weight[Script.han.rawValue] / Script.han.strength
            if kana > 0 && kana * 10 >= han { return "ja" }
            return traditional > simplified ? "ko" : "zh-cn"
        case .latin, .cyrillic, .arabic, .devanagari:
            guard let group = Model.shared.groups[best] else { return nil }
            var grams: [Gram] = []
            grams.reserveCapacity(scalars.count * 3)
            LanguageIdentifier.grams(of: scalars, scripts: scripts, script: Int8(best.rawValue), into: &grams)
            return group.classify(grams: grams)
        }
    }

    // MARK: - The text langdetect reads

    /// Step 1: blank URLs, then e-mail addresses; keep 10,000 code points; drop A...z when the
    /// text is mostly non-Latin.
    static func readText(_ text: String) -> [Unicode.Scalar] {
        var scalars = blankURLs(PythonText.scalars(text))
        scalars = blankMail(scalars)
        if scalars.count > 10_000 { scalars.removeSubrange(10_000...) }

        var latin = 0, nonLatin = 0
        var i = 0
        while i < scalars.count {
            let v = scalars[i].value
            // The mark's range is tested first: most text has none, and the sets hash.
            if i + 1 < scalars.count, (0x300...0x323).contains(scalars[i + 1].value),
               vietnameseMarks.contains(scalars[i + 1].value), vietnameseBases.contains(scalars[i]) {
                i += 2  // composed into one letter below U+0300 or in Latin Extended Additional
                continue
            }
            if v >= 0x41 && v <= 0x7A {
                latin += 1
            } else if v >= 0x300 && !(0x1E00...0x1EFF).contains(v) {
                nonLatin += 1
            }
            i += 1
        }
        if latin * 2 < nonLatin {
            scalars.removeAll { $0.value >= 0x41 && $0.value <= 0x7A }
        }
        // Compose decomposed accents, so "e" + U+0301 is read as "é". Text made only of
        // scalars NFC leaves alone wherever they stand (`isNFCInert`) skips the normalizer.
        if scalars.allSatisfy(isNFCInert) { return scalars }
        let composed = PythonText.string(scalars)
        return PythonText.scalars(composed.precomposedStringWithCanonicalMapping)
    }

    /// Whether NFC leaves `scalar` as it is in any text: it is its own NFC, a starter (canonical
    /// combining class 0), and never the second scalar of a canonical composition, so it
    /// neither changes nor joins a neighbour. Below U+0300 every code point is (Unicode's
    /// NFC_Quick_Check is Yes for all of them and none combines with a neighbour). Above, the
    /// blocks that hold singletons, composition exclusions or starters that compose with the
    /// scalar before them (Indic and other Brahmic vowel signs, Hangul jamo, kana voicing
    /// marks, Greek Extended, CJK compatibility ideographs, Hebrew presentation forms, ...) are
    /// left to the normalizer whole; elsewhere, combining marks are. Checked against
    /// Foundation's normalizer for every code point by `NFCInertTests`.
    static func isNFCInert(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x300 { return true }
        switch v {
        case 0x0300...0x036F, 0x0374, 0x037E, 0x0387, 0x0900...0x0DFF, 0x0F00...0x0FFF, 0x1000...0x109F,
             0x1100...0x11FF, 0x1B00...0x1B7F, 0x1F00...0x1FFF, 0x2000, 0x2001, 0x2126, 0x212A, 0x212B,
             0x2329, 0x232A, 0x2ADC, 0x3099, 0x309A, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFB1D...0xFB4F,
             0x11000...0x11FFF, 0x1D100...0x1D1FF, 0x2F800...0x2FA1F:
            return false
        default:
            return scalar.properties.canonicalCombiningClass == .notReordered
        }
    }

    private static let vietnameseBases = Set("AEIOUYaeiouyÂÊÔâêôĂăƠơƯư".unicodeScalars)
    private static let vietnameseMarks: Set<UInt32> = [0x300, 0x301, 0x303, 0x309, 0x323]

    private static func isURLChar(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "a"..."z", "A"..."Z", "0"..."9", "-", "_", ".", "?", "&", "~", ";", "+", "=", "/", "#": true
        default: false
        }
    }

    /// `re.sub(r'https?://[-_.?&~;+=/#0-9A-Za-z]{1,2076}', ' ', text)`.
    static func blankURLs(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
        // Most texts have no URL: find the first before copying anything.
        guard let firstURL = s.indices.first(where: { s[$0] == "h" && urlEnd(s, from: $0) != nil }) else { return s }
        var out = Array(s[..<firstURL])
        out.reserveCapacity(s.count)
        var i = firstURL
        while i < s.count {
            if s[i] == "h", let end = urlEnd(s, from: i) {
                out.append(" ")
                i = end
            } else {
                out.append(s[i])
                i += 1
            }
        }
        return out
    }

    private static func urlEnd(_ s: [Unicode.Scalar], from i: Int) -> Int? {
        func at(_ k: Int, _ c: Unicode.Scalar) -> Bool { k < s.count && s[k] == c }
        guard at(i + 1, "t"), at(i + 2, "t"), at(i + 3, "p") else { return nil }
        var k = i + 4
        if at(k, "s") { k += 1 }
        guard at(k, ":"), at(k + 1, "/"), at(k + 2, "/") else { return nil }
        let start = k + 3
        var end = start
        while end < s.count, end - start < 2076, isURLChar(s[end]) { end += 1 }
        return end > start ? end : nil
    }

    private static func isMailLocal(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "a"..."z", "A"..."Z", "0"..."9", "-", "_", ".": true
        default: false
        }
    }

    private static func isMailDomain(_ s: Unicode.Scalar) -> Bool { s != "." && isMailLocal(s) }

    /// `re.sub(r'[-_.0-9A-Za-z]{1,64}@[-_0-9A-Za-z]{1,255}[-_.0-9A-Za-z]{1,255}', ' ', text)`:
    /// the leftmost match starts at most 64 code points before its `@` within the run of local
    /// characters; the host is a run of up to 255 characters without dots followed by up to 255
    /// with dots (giving back its last character when nothing follows it).
    static func blankMail(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
        guard s.contains("@") else { return s }
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(s.count)
        var copied = 0  // s[..<copied] is already in out
        var localStart = 0  // start of the current run of local characters
        var i = 0
        while i < s.count {
            let c = s[i]
            if c == "@" {
                let start = max(localStart, i - 64, copied)
                if start < i, let end = hostEnd(s, after: i) {
                    out.append(contentsOf: s[copied..<start])
                    out.append(" ")
                    copied = end
                    i = end
                    localStart = end
                    continue
                }
            }
            if !isMailLocal(c) { localStart = i + 1 }
            i += 1
        }
        out.append(contentsOf: s[copied...])
        return out
    }

    private static func hostEnd(_ s: [Unicode.Scalar], after at: Int) -> Int? {
        var k = at + 1
        while k < s.count, k - (at + 1) < 255, isMailDomain(s[k]) { k += 1 }
        let first = k - (at + 1)
        guard first > 0 else { return nil }
        if k < s.count, isMailLocal(s[k]) {
            var end = k
            while end < s.count, end - k < 255, isMailLocal(s[end]) { end += 1 }
            return end
        }
        return first >= 2 ? k : nil
    }

    // MARK: - Scripts

    enum Script: Int, CaseIterable {
        case latin, greek, cyrillic, armenian, hebrew, arabic, devanagari, bengali, gurmukhi,
             gujarati, tamil, telugu, kannada, malayalam, thai, georgian, kana, hangul, han

        /// How much one letter of the script weighs against one Latin letter in langdetect's
        /// vote: measured by mixing an English passage with one in another script and finding
        /// the share of letters at which langdetect's answer switches (about 50% for Cyrillic,
        /// 40% for Hebrew and Devanagari, 25-30% for Tamil and Gurmukhi, 65% for Hangul and Han),
        /// then taking (1 - share) / share.
        var strength: Double {
            switch self {
            case .latin, .cyrillic: 1.0
            case .arabic: 0.9
            case .greek: 1.35
            case .devanagari: 1.3
            case .hebrew, .gujarati: 1.5
            case .kannada, .thai: 1.9
            case .telugu: 2.1
            case .bengali, .malayalam: 2.3
            case .gurmukhi, .tamil: 2.6
            case .kana: 1.3
            case .hangul, .han: 0.55
            case .armenian, .georgian: 0.3
            }
        }

        /// The script of a feature letter, or nil for anything langdetect does not count.
        /// Below U+1100, where the answer needs Unicode properties, it is read from a table.
        @inline(__always)
        static func of(_ scalar: Unicode.Scalar) -> Script? {
            let v = scalar.value
            if v < 0x80 {
                return (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) ? .latin : nil
            }
            if v < 0x1100 {
                let raw = scriptTable[Int(v)]
                return raw < 0 ? nil : Script(rawValue: Int(raw))
            }
            return computed(scalar)
        }

        /// `computed` for every code point below U+1100 (raw value, -1 for nil): 4 KB, made on
        /// first use (`LexicalToolTests` checks known letters of every script in and above it).
        static let scriptTable: [Int8] = (0..<0x1100).map { v in
            Unicode.Scalar(UInt32(v)).flatMap(computed).map { Int8($0.rawValue) } ?? -1
        }

        /// The script of a feature letter, or nil, from the code point's block and properties.
        static func computed(_ scalar: Unicode.Scalar) -> Script? {
            let v = scalar.value
            if v < 0x80 {
                return (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) ? .latin : nil
            }
            switch v {
            case 0xC0...0x24F: return PythonText.isAlpha(scalar) ? .latin : nil
            case 0x1E00...0x1EFF: return .latin
            case 0x370...0x3FF: return PythonText.isAlpha(scalar) ? .greek : nil
            case 0x400...0x4FF: return PythonText.isAlpha(scalar) ? .cyrillic : nil
            case 0x530...0x58F: return PythonText.isAlpha(scalar) ? .armenian : nil
            case 0x590...0x5FF: return letterOrMark(scalar) ? .hebrew : nil
            case 0x600...0x6FF: return letterOrMark(scalar) || (0x6F0...0x6F9).contains(v) ? .arabic : nil
            case 0x900...0x97F: return indic(scalar) ? .devanagari : nil
            case 0x980...0x9FF: return indic(scalar) ? .bengali : nil
            case 0xA00...0xA7F: return indic(scalar) ? .gurmukhi : nil
            case 0xA80...0xAFF: return indic(scalar) ? .gujarati : nil
            case 0xB80...0xBFF: return indic(scalar) ? .tamil : nil
            case 0xC00...0xC7F: return indic(scalar) ? .telugu : nil
            case 0xC80...0xCFF: return indic(scalar) ? .kannada : nil
            case 0xD00...0xD7F: return indic(scalar) ? .malayalam : nil
            case 0xE00...0xE7F: return letterOrMark(scalar) ? .thai : nil
            case 0x10A0...0x10FF: return PythonText.isAlpha(scalar) ? .georgian : nil
            case 0x3005, 0x3040...0x30FF: return .kana
            case 0xAC00...0xD7A3: return .hangul
            case 0x4E00...0x9FFF: return .han
            default: return nil
            }
        }

        private static func letterOrMark(_ s: Unicode.Scalar) -> Bool {
            if PythonText.isAlpha(s) { return true }
            switch s.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark: return true
            default: return false
            }
        }

        private static func indic(_ s: Unicode.Scalar) -> Bool {
            letterOrMark(s) || s.properties.numericType == .decimal
        }
    }

    // MARK: - Naive Bayes over letter n-grams

    /// One, two or three scalars packed in 21 bits each (a longer gram never starts with 0, so
    /// the three lengths cannot collide).
    typealias Gram = UInt64

    /// Appends the letter 1-, 2- and 3-grams of every word of `script` to `grams`, in text order.
    /// A word is a maximal run of scalars whose entry in `scripts` (one per scalar, the
    /// `Script` raw value or -1) is `script`; it is lowercased scalar by scalar (what Swift's
    /// `lowercased()` does: each scalar's full lowercase mapping, no context) and padded with a
    /// space on each side, as langdetect forms its n-grams; a 1-gram of a padding space is not a
    /// feature. Linear in the scalars; `grams` grows by at most 3 per scalar plus 2 per word.
    static func grams(of scalars: [Unicode.Scalar], scripts: [Int8], script: Int8, into grams: inout [Gram]) {
        // A word is lowercased into `padded` between two spaces (a scalar lowercases to at most
        // 3, `lowercase`), then its grams go to `out` (at most 3 per padded scalar) and are
        // appended together: no bounds or uniqueness checks per gram.
        let n = scalars.count
        let padded = UnsafeMutablePointer<Gram>.allocate(capacity: 3 * n + 2)
        let out = UnsafeMutablePointer<Gram>.allocate(capacity: 3 * (3 * n + 2))
        defer { padded.deallocate(); out.deallocate() }
        var i = 0
        while i < n {
            guard scripts[i] == script else { i += 1; continue }
            var count = 0
            padded[count] = 0x20
            count += 1
            while i < n && scripts[i] == script {
                count += lowercase(scalars[i], into: padded + count)
                i += 1
            }
            padded[count] = 0x20
            count += 1
            var m = 0
            for start in 0..<count {
                let first = padded[start]
                if first != 0x20 { out[m] = first; m += 1 }
                guard start + 1 < count else { continue }
                let two = (first << 21) | padded[start + 1]
                out[m] = two
                m += 1
                guard start + 2 < count else { continue }
                out[m] = (two << 21) | padded[start + 2]
                m += 1
            }
            grams.append(contentsOf: UnsafeBufferPointer(start: out, count: m))
        }
    }

    /// Writes the full lowercase mapping of `scalar` (one to three scalars, checked for every
    /// code point by `LexicalToolTests`) at `out`; returns how many. ASCII is mapped inline,
    /// code points below U+1100 come from a table, other scalars ask Unicode only when they
    /// change when lowercased.
    @inline(__always)
    static func lowercase(_ scalar: Unicode.Scalar, into out: UnsafeMutablePointer<Gram>) -> Int {
        let v = scalar.value
        if v < 0x80 {
            out[0] = Gram(v >= 0x41 && v <= 0x5A ? v + 0x20 : v)
            return 1
        }
        if v < 0x1100, lowercaseTable[Int(v)] != UInt32.max {
            out[0] = Gram(lowercaseTable[Int(v)])
            return 1
        }
        guard scalar.properties.changesWhenLowercased else {
            out[0] = Gram(v)
            return 1
        }
        var k = 0
        for lower in scalar.properties.lowercaseMapping.unicodeScalars {
            out[k] = Gram(lower.value)
            k += 1
        }
        return k
    }

    /// The lowercase of each code point below U+1100 whose full mapping is one scalar;
    /// `UInt32.max` where it is longer (U+0130 `İ` → `i̇`). 17 KB, made on first use.
    private static let lowercaseTable: [UInt32] = (0..<0x1100).map { v in
        guard let scalar = Unicode.Scalar(UInt32(v)) else { return UInt32(v) }
        guard scalar.properties.changesWhenLowercased else { return UInt32(v) }
        let mapping = scalar.properties.lowercaseMapping.unicodeScalars
        return mapping.count == 1 ? mapping.first!.value : UInt32.max
    }

    /// A set of grams, each numbered in the order it was first inserted: open addressing with
    /// linear probing, the slot count a power of two kept at least twice the number of grams
    /// (it doubles when it would not be). Each slot holds its gram and the gram's value side by
    /// side, so a lookup touches one cache line. Lookups and inserts cost O(1) on average.
    struct GramIndex: Sendable {
        struct Slot: Sendable {
            /// 0 = empty (no gram is 0).
            var gram: Gram = 0
            /// The gram's number, or what `freeze` put there.
            var value: Int32 = 0
            var extra: Int32 = 0
        }

        /// The grams, by number.
        private(set) var grams: [Gram] = []
        private var slots: [Slot]
        private var shift: UInt64

        /// An empty index with room for `capacity` grams before it grows.
        init(capacity: Int) {
            var bits: UInt64 = 4
            while (1 << bits) < capacity * 2 { bits += 1 }
            slots = [Slot](repeating: Slot(), count: 1 << bits)
            shift = 64 - bits
            grams.reserveCapacity(capacity)
        }

        /// A gram's first slot in a table of 2^(64 − shift) slots (Fibonacci hashing); also
        /// used by `Group.classify`'s counting table.
        @inline(__always)
        static func home(_ gram: Gram, shift: UInt64) -> Int {
            Int(truncatingIfNeeded: (gram &* 0x9E37_79B9_7F4A_7C15) >> shift)
        }

        /// The gram's slot, or nil when it was never inserted.
        @inline(__always)
        func slot(of gram: Gram) -> Slot? {
            let mask = slots.count - 1
            var slot = Self.home(gram, shift: shift)
            while true {
                let found = slots[slot]
                if found.gram == gram { return found }
                if found.gram == 0 { return nil }
                slot = (slot + 1) & mask
            }
        }

        /// The gram's number, inserting it (with the next number) when it is new.
        @inline(__always)
        mutating func insert(_ gram: Gram) -> Int {
            let mask = slots.count - 1
            var slot = Self.home(gram, shift: shift)
            while true {
                let found = slots[slot]
                if found.gram == gram { return Int(found.value) }
                if found.gram == 0 { break }
                slot = (slot + 1) & mask
            }
            let number = grams.count
            slots[slot] = Slot(gram: gram, value: Int32(number))
            grams.append(gram)
            if grams.count * 2 > slots.count { grow() }
            return number
        }

        /// Replaces each gram's number n by `values(n)`, for lookups that need no numbers after
        /// (a frozen index: `insert` must not be called again).
        mutating func freeze(_ values: (Int) -> (value: Int32, extra: Int32)) {
            for k in slots.indices where slots[k].gram != 0 {
                (slots[k].value, slots[k].extra) = values(Int(slots[k].value))
            }
        }

        private mutating func grow() {
            var bigger = GramIndex(capacity: slots.count)
            for gram in grams { _ = bigger.insert(gram) }
            self = bigger
        }
    }

    /// The languages sharing one script, with each n-gram's per-language weights in flat arrays.
    /// Built once per process (`Model.shared`), read-only afterwards.
    ///
    /// A gram's weight for language l is log((count + prior) / (total_l + smoothing)), where the
    /// prior is the gram's share of all the group's grams times `smoothing`. Most counts are 0
    /// (a sample holds a gram in a few languages, not in all ~30), so the weight is split as
    ///     log(prior) − log(total_l + smoothing) + [count > 0] · (log(count + prior) − log(prior))
    /// and a text's score for l, Σ over its grams of times × weight, as
    ///     Σ times · log(prior)  −  log(total_l + smoothing) · Σ times  +  Σ over the (gram, l)
    ///     with a count of times · (log(count + prior) − log(prior)).
    /// The first term is the same for every language and is left out of the comparison; the
    /// third reads only the languages that have the gram (a few bytes per gram instead of a
    /// 248-byte row of the dense table, which did not stay in cache).
    struct Group: Sendable {
        /// langdetect's codes, in `LanguageSamples` order (ties go to the first).
        var codes: [String]
        /// Every gram of the group's samples, frozen: a slot's `value` is where the gram's
        /// entries start and `extra` how many there are, or, when `extra` is -1, the gram's row
        /// of `dense`.
        private var index: GramIndex
        /// Each language whose samples have the gram, with log(count + prior) − log(prior).
        private var entries: [Entry]
        /// The grams that many languages have (at least `denseFrom`) as whole rows of one boost
        /// per language, 0 where a language has no count, `stride` wide: adding t × 0 leaves a
        /// score as it is, so the sums are the ones the entries give, bit for bit, four
        /// languages at a time.
        private var dense: [Double]
        /// The language count rounded up to a multiple of 4.
        private var stride: Int
        static let denseFrom = 8
        /// log(total_l + smoothing) for each language l.
        private var logTotals: [Double]

        struct Entry: Sendable {
            var boost: Double
            var language: Int32
        }

        static let smoothing = 200.0

        /// Counts each language's sample grams (`samples[l]`, every occurrence) and derives the
        /// entries above.
        init(codes: [String], samples: [[Gram]]) {
            self.codes = codes
            // Each (gram, language) pair with its count, in one pass over every language's grams:
            // the languages come one after another, so a row's pair for the current language,
            // if it has one, is its newest (`newest[row]`). Rows and pairs are numbered in order
            // of first occurrence.
            // Rows and pairs are at most one per gram occurrence: the tables are allocated at
            // that size and filled through pointers (no bounds or copy-on-write checks per gram).
            let occurrences = samples.reduce(0) { $0 + $1.count }
            var index = GramIndex(capacity: 1 << 15)
            var totals = [Double](repeating: 0, count: codes.count)
            let tables = UnsafeMutablePointer<Int32>.allocate(capacity: 5 * max(occurrences, 1))
            defer { tables.deallocate() }
            let globalCount = tables                     // by row: the gram's count over all languages
            let newest = tables + occurrences            // by row: its newest pair
            let rowOfPair = tables + 2 * occurrences
            let languageOfPair = tables + 3 * occurrences
            let countOfPair = tables + 4 * occurrences
            var rowTotal = 0, pairTotal = 0
            for (l, grams) in samples.enumerated() {
                totals[l] = Double(grams.count)
                let language = Int32(l)
                for gram in grams {
                    let row = index.insert(gram)
                    if row == rowTotal {
                        globalCount[row] = 0
                        newest[row] = -1
                        rowTotal += 1
                    }
                    globalCount[row] += 1
                    let pair = Int(newest[row])
                    if pair >= 0 && languageOfPair[pair] == language {
                        countOfPair[pair] += 1
                    } else {
                        newest[row] = Int32(pairTotal)
                        rowOfPair[pairTotal] = Int32(row)
                        languageOfPair[pairTotal] = language
                        countOfPair[pairTotal] = 1
                        pairTotal += 1
                    }
                }
            }
            let global = UnsafeBufferPointer(start: globalCount, count: rowTotal)
            let pairRow = UnsafeBufferPointer(start: rowOfPair, count: pairTotal)
            let pairLanguage = UnsafeBufferPointer(start: languageOfPair, count: pairTotal)
            let pairCount = UnsafeBufferPointer(start: countOfPair, count: pairTotal)
            // Entries grouped by row (a counting sort of the pairs; within a row, languages stay
            // in order, as the pairs were met language by language).
            var rows = [Int32](repeating: 0, count: global.count + 1)
            for row in pairRow { rows[Int(row) + 1] += 1 }
            for r in 0..<global.count { rows[r + 1] += rows[r] }
            var next = rows
            let globalTotal = totals.reduce(0, +)
            let priors = global.map { Self.smoothing * Double($0) / globalTotal }
            let logPriors = priors.map { log($0) }
            var entries = [Entry](repeating: Entry(boost: 0, language: 0), count: pairRow.count)
            for pair in pairRow.indices {
                let row = Int(pairRow[pair])
                let boost = log(Double(pairCount[pair]) + priors[row]) - logPriors[row]
                entries[Int(next[row])] = Entry(boost: boost, language: pairLanguage[pair])
                next[row] += 1
            }
            let stride = (codes.count + 3) & ~3
            var dense: [Double] = []
            index.freeze { row in
                let size = rows[row + 1] - rows[row]
                guard size >= Self.denseFrom else { return (rows[row], size) }
                let start = dense.count
                dense.append(contentsOf: repeatElement(0, count: stride))
                for e in Int(rows[row])..<Int(rows[row + 1]) { dense[start + Int(entries[e].language)] = entries[e].boost }
                return (Int32(start / stride), -1)
            }
            self.index = index
            self.entries = entries
            self.dense = dense
            self.stride = stride
            self.logTotals = totals.map { log($0 + Self.smoothing) }
        }

        /// The language whose weights give the text's grams (every occurrence) the highest
        /// total; the first language when no gram is known. Each distinct gram adds its count
        /// times its boosts, in order of first occurrence, so the answer does not depend on
        /// hashing.
        func classify(grams: [Gram]) -> String {
            // The text's distinct grams with their counts, in order of first occurrence: open
            // addressing in a table at least twice the number of grams (so it never fills).
            var bits = 5
            while 1 << bits < grams.count * 2 { bits += 1 }
            let size = 1 << bits, mask = size - 1, shift = UInt64(64 - bits)
            let keys = UnsafeMutablePointer<Gram>.allocate(capacity: size)
            let times = UnsafeMutablePointer<Int32>.allocate(capacity: size)
            let order = UnsafeMutablePointer<Int32>.allocate(capacity: max(1, grams.count))
            keys.initialize(repeating: 0, count: size)
            defer { keys.deallocate(); times.deallocate(); order.deallocate() }
            var distinct = 0
            for gram in grams {
                var slot = GramIndex.home(gram, shift: shift)
                while keys[slot] != gram && keys[slot] != 0 { slot = (slot + 1) & mask }
                if keys[slot] == gram {
                    times[slot] += 1
                } else {
                    keys[slot] = gram
                    times[slot] = 1
                    order[distinct] = Int32(slot)
                    distinct += 1
                }
            }
            let count = codes.count
            var scores = [Double](repeating: 0, count: stride)
            var known = 0.0
            scores.withUnsafeMutableBufferPointer { total in
                entries.withUnsafeBufferPointer { entries in
                    dense.withUnsafeBufferPointer { dense in
                        let sums = UnsafeMutableRawPointer(total.baseAddress!)
                        for k in 0..<distinct {
                            let slot = Int(order[k])
                            guard let found = index.slot(of: keys[slot]) else { continue }
                            let t = Double(times[slot])
                            known += t
                            if found.extra < 0 {
                                let row = UnsafeRawPointer(dense.baseAddress! + Int(found.value) * stride)
                                let tt = SIMD4<Double>(repeating: t)
                                for l in Swift.stride(from: 0, to: stride, by: 4) {
                                    let sum = sums.loadUnaligned(fromByteOffset: l * 8, as: SIMD4<Double>.self)
                                    let boost = row.loadUnaligned(fromByteOffset: l * 8, as: SIMD4<Double>.self)
                                    sums.storeBytes(of: sum + tt * boost, toByteOffset: l * 8, as: SIMD4<Double>.self)
                                }
                            } else {
                                let first = Int(found.value)
                                for e in first..<first + Int(found.extra) {
                                    total[Int(entries[e].language)] += t * entries[e].boost
                                }
                            }
                        }
                    }
                }
            }
            guard known > 0 else { return codes[0] }
            for l in 0..<count { scores[l] -= logTotals[l] * known }
            var best = 0
            for l in 0..<count where scores[l] > scores[best] { best = l }
            return codes[best]
        }
    }

    /// The groups built from `LanguageSamples`: each sample joins the group of the script most
    /// of its grams are in.
    struct Model: Sendable {
        var groups: [Script: Group]

        static let shared = Model()

        init() {
            var codes: [Script: [String]] = [:]
            var samples: [Script: [[Gram]]] = [:]
            for (code, text) in LanguageSamples.texts {
                let scalars = PythonText.scalars(text)
                var present: UInt32 = 0  // bit r: a letter of the script with raw value r
                let scripts = scalars.map { scalar -> Int8 in
                    guard let script = Script.of(scalar) else { return -1 }
                    present |= 1 << UInt32(script.rawValue)
                    return Int8(script.rawValue)
                }
                var chosen: (Script, [Gram])?
                for script in Script.allCases where present & (1 << UInt32(script.rawValue)) != 0 {
                    var grams: [Gram] = []
                    LanguageIdentifier.grams(of: scalars, scripts: scripts, script: Int8(script.rawValue), into: &grams)
                    if grams.count > (chosen?.1.count ?? 0) { chosen = (script, grams) }
                }
                guard let (script, grams) = chosen else { continue }
                codes[script, default: []].append(code)
                samples[script, default: []].append(grams)
            }
            var groups: [Script: Group] = [:]
            for (script, codes) in codes { groups[script] = Group(codes: codes, samples: samples[script]!) }
            self.groups = groups
        }
    }

    // MARK: - Chinese

    enum Chinese {
        /// Common characters written differently in simplified and traditional Chinese (our
        /// list; each position of one string pairs with the same position of the other).
        static let simplified = Set("这们个说时国会为来对学发经过后现开关长动门问间见东车书马鱼乐语话让认识请读课谁论设该证进还运边达远选连样实点种头买卖钱银电脑网络机报无从业务员区办医单带当给观号华欢护换级计纪价将讲结紧尽据觉类历两辆领码吗么难鸟农齐气确热杀伤师诗视术数岁孙态题条听图万习戏响写兴须询压爷页亿应拥优邮与园云杂织职钟众专转资总组".unicodeScalars)
        static let traditional = Set("這們個說時國會為來對學發經過後現開關長動門問間見東車書馬魚樂語話讓認識請讀課誰論設該證進還運邊達遠選連樣實點種頭買賣錢銀電腦網絡機報無從業務員區辦醫單帶當給觀號華歡護換級計紀價將講結緊盡據覺類歷兩輛領碼嗎麼難鳥農齊氣確熱殺傷師詩視術數歲孫態題條聽圖萬習戲響寫興須詢壓爺頁億應擁優郵與園雲雜織職鐘眾專轉資總組".unicodeScalars)
    }
}
