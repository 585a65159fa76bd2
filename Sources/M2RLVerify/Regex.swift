import Foundation

/// NSRegularExpression with compiled patterns cached (patterns here are constants, or built
/// from a problem's choices).
enum Regex {
    // NSRegularExpression is immutable once compiled, so sharing it across threads is safe.
    private static let cache = PatternCache<NSRegularExpression>()

    static func compiled(_ pattern: String) -> NSRegularExpression? {
        if let hit = cache[pattern] { return hit }
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return nil }
        cache[pattern] = regex
        return regex
    }

    private static func captures(_ pattern: String, in text: String, group: Int) -> [String] {
        guard let regex = compiled(pattern) else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: range).compactMap { match in
            let g = group < match.numberOfRanges ? group : 0
            guard let r = Range(match.range(at: g), in: text) else { return nil }
            return String(text[r])
        }
    }

    /// The first match's capture group (group 1 by default), as Python's `re.search`.
    static func first(_ pattern: String, in text: String, group: Int = 1) -> String? {
        guard let regex = compiled(pattern),
              let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        let g = group < match.numberOfRanges ? group : 0
        return Range(match.range(at: g), in: text).map { String(text[$0]) }
    }

    /// The last match's capture group, as `re.findall(...)[-1]`.
    static func last(_ pattern: String, in text: String, group: Int = 1) -> String? {
        captures(pattern, in: text, group: group).last
    }

    static func all(_ pattern: String, in text: String, group: Int = 1) -> [String] {
        captures(pattern, in: text, group: group)
    }

    /// `text` with every match of `pattern` replaced by `template` (`$1` names a group), as
    /// Python's `re.sub`.
    static func replace(_ pattern: String, in text: String, with template: String) -> String {
        guard let regex = compiled(pattern) else { return text }
        return regex.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: template)
    }

    /// The range of the first match, if any.
    static func range(_ pattern: String, in text: String) -> Range<String.Index>? {
        guard let regex = compiled(pattern),
              let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        return Range(match.range, in: text)
    }

    /// Every match: its range and its groups (nil for a group that did not take part).
    static func matches(_ pattern: String, in text: String) -> [(range: Range<String.Index>, groups: [Range<String.Index>?])] {
        guard let regex = compiled(pattern) else { return [] }
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            guard let whole = Range(match.range, in: text) else { return nil }
            let groups = (0..<match.numberOfRanges).map { Range(match.range(at: $0), in: text) }
            return (whole, groups)
        }
    }
}

/// A thread-safe cache of compiled patterns by key: a dictionary under a lock, emptied when it
/// reaches `limit` entries. (swift-corelibs-foundation's NSCache traps on concurrent inserts.)
/// Keys are compared code point by code point, as patterns are (a Swift `String` key would merge
/// canonically equivalent spellings such as `é` and `e` + combining acute).
final class PatternCache<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [[UInt8]: Value] = [:]
    private let limit: Int

    init(limit: Int = 4096) { self.limit = limit }

    subscript(key: String) -> Value? {
        get { lock.withLock { entries[Array(key.utf8)] } }
        set {
            lock.withLock {
                if entries.count >= limit { entries.removeAll(keepingCapacity: true) }
                entries[Array(key.utf8)] = newValue
            }
        }
    }
}
