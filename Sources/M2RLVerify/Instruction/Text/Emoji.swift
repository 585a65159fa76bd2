import Foundation

/// The `emoji` package's `is_emoji(string)` (version 2.15.0, current in October 2025): whether
/// the whole string is exactly one key of its emoji table, i.e. one emoji of Unicode's
/// emoji-test.txt 17.0 in any qualification (fully-qualified, minimally-qualified, unqualified,
/// or a component). A longer string holding an emoji, or two emoji, is not one.
///
/// The string is compared code point by code point, as Python compares `str`: no
/// normalisation, and no grapheme clustering (the checkers call this on single code points, as
/// they index Python strings, and on whole candidate strings).
///
/// One code point (exact for all of U+0000...U+10FFFF; bench/text_lexical.py checks every one
/// against the package): the scalar has the Unicode `Emoji` property, was assigned in Unicode
/// 17.0 or earlier (so a newer runtime's additions stay out until the package has them), and is
/// not one of the 12 keycap bases `#`, `*`, `0`...`9` nor one of the 26 regional indicator
/// letters U+1F1E6...U+1F1FF: those carry the property but the package lists them only inside
/// keycap and flag sequences. The 34 emoji of Unicode 15.0-17.0 are also listed explicitly, so a
/// runtime with older Unicode data (macOS 13 ships Unicode 14) gives the same answer. The five
/// skin tone modifiers and four hair components are emoji on their own (status "component").
///
/// More than one code point: membership in the package's 3,825 multi-code-point sequences
/// (`LexicalEmojiSequences`, generated from the package): flags (regional indicator pairs and
/// tag sequences), keycaps with and without U+FE0F, skin-tone modifier sequences, ZWJ sequences,
/// and the U+FE0F presentation variants. Unlisted combinations (an unassigned flag pair, a ZWJ
/// sequence outside the RGI set, a skin tone on a base that takes none) are not emoji.
public enum Emoji {
    public static func isEmoji(_ text: some StringProtocol) -> Bool {
        var scalars = text.unicodeScalars.makeIterator()
        guard let first = scalars.next() else { return false }
        guard let second = scalars.next() else { return isEmojiScalar(first) }
        var key: [Unicode.Scalar] = [first, second]
        while let next = scalars.next() {
            key.append(next)
            if key.count > longestSequence { return false }
        }
        return sequences.contains(key)
    }

    /// The one-code-point rule above.
    static func isEmojiScalar(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v >= 0x1F6D8, newerEmoji.contains(v) { return true }
        if v == 0x23 || v == 0x2A || (0x30...0x39).contains(v) || (0x1F1E6...0x1F1FF).contains(v) {
            return false
        }
        let properties = scalar.properties
        guard properties.isEmoji, let age = properties.age else { return false }
        return age.major < 17 || (age.major == 17 && age.minor == 0)
    }

    /// Emoji code points of Unicode 15.0, 15.1, 16.0 and 17.0 (all in U+1F6D8...U+1FAF8).
    static let newerEmoji: Set<UInt32> = [
        0x1F6D8, 0x1F6DC, 0x1FA75, 0x1FA76, 0x1FA77, 0x1FA87, 0x1FA88, 0x1FA89, 0x1FA8A, 0x1FA8E,
        0x1FA8F, 0x1FAAD, 0x1FAAE, 0x1FAAF, 0x1FABB, 0x1FABC, 0x1FABD, 0x1FABE, 0x1FABF, 0x1FAC6,
        0x1FAC8, 0x1FACD, 0x1FACE, 0x1FACF, 0x1FADA, 0x1FADB, 0x1FADC, 0x1FADF, 0x1FAE8, 0x1FAE9,
        0x1FAEA, 0x1FAEF, 0x1FAF7, 0x1FAF8,
    ]

    /// The multi-code-point sequences, parsed once from the generated table.
    static let sequences: Set<[Unicode.Scalar]> = {
        var result = Set<[Unicode.Scalar]>()
        for item in LexicalEmojiSequences.table.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            let scalars = item.split(separator: "-").compactMap { UInt32($0, radix: 16).flatMap(Unicode.Scalar.init) }
            if scalars.count > 1 { result.insert(scalars) }
        }
        return result
    }()

    static let longestSequence: Int = sequences.reduce(0) { max($0, $1.count) }
}
