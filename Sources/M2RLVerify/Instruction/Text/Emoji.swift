import Foundation

// PLACEHOLDER (first cut): naive implementation, being replaced by a faithful one.

/// The `emoji` package's `is_emoji(string)`: whether the string is exactly one emoji.
public enum Emoji {
    public static func isEmoji(_ text: some StringProtocol) -> Bool {
        guard let scalar = text.unicodeScalars.first else { return false }
        return scalar.properties.isEmojiPresentation
    }
}
