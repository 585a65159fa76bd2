import Foundation

// PLACEHOLDER (first cut): naive implementation, being replaced by a faithful one.

/// langdetect's `detect(text)`: an ISO 639-1 code (`en`, `fr`, `zh-cn`, ...), or nil when the
/// text has no letters.
public enum LanguageIdentifier {
    public static func detect(_ text: String) -> String? {
        text.unicodeScalars.contains(where: PythonText.isAlpha) ? "en" : nil
    }
}
