/// How the program is taken from a completion (verifier option `extraction`).
public enum CodeExtraction: String, Sendable, CaseIterable {
    /// The last fenced block tagged with the problem's language; if none is tagged so, the last
    /// untagged block (default; what open-r1 and the M2RL study do for ```python blocks).
    case lastBlock = "last_block"
    /// The same rule, first block instead of last.
    case firstBlock = "first_block"
    /// The whole completion is the program.
    case whole

    /// Fence tags accepted for each language (case-insensitive).
    static let tags: [String: Set<String>] = [
        "python": ["python", "py", "python3"],
        "c": ["c"],
        "cpp": ["cpp", "c++", "cc", "cxx"],
    ]

    /// The program, or nil when there is none (an empty or whitespace-only block counts as none).
    public func extract(from completion: String, language: String) -> String? {
        if self == .whole {
            return completion.contains(where: { !$0.isWhitespace }) ? completion : nil
        }
        let blocks = CodeExtraction.fencedBlocks(completion)
        let wanted = CodeExtraction.tags[language] ?? [language]
        var matching = blocks.filter { wanted.contains($0.tag) }
        if matching.isEmpty { matching = blocks.filter { $0.tag.isEmpty } }
        let block = self == .lastBlock ? matching.last : matching.first
        guard let code = block?.code, code.contains(where: { !$0.isWhitespace }) else { return nil }
        return code
    }

    /// Fenced blocks: a line starting with three or more backticks (an optional tag after them)
    /// opens a block; the next line starting with at least as many backticks closes it. An
    /// unclosed last block runs to the end of the text (a completion cut off by max tokens).
    static func fencedBlocks(_ text: String) -> [(tag: String, code: String)] {
        var blocks: [(String, String)] = []
        var open: (fence: Int, tag: String, lines: [Substring])?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            let ticks = trimmed.prefix { $0 == "`" }.count
            if var current = open {
                if ticks >= current.fence && trimmed.dropFirst(ticks).allSatisfy({ $0.isWhitespace }) {
                    blocks.append((current.tag, current.lines.joined(separator: "\n") + "\n"))
                    open = nil
                } else {
                    current.lines.append(line)
                    open = current
                }
            } else if ticks >= 3 {
                let info = trimmed.dropFirst(ticks).trimmingWhitespace()
                let tag = info.split(separator: " ").first.map { String($0).lowercased() } ?? ""
                open = (ticks, tag, [])
            }
        }
        if let current = open, !current.lines.isEmpty {
            blocks.append((current.tag, current.lines.joined(separator: "\n") + "\n"))
        }
        return blocks
    }
}

extension Substring {
    func trimmingWhitespace() -> Substring {
        var s = self
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return s
    }
}
