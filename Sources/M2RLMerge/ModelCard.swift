import Foundation
import M2RLCore

/// The `README.md` written next to a merged checkpoint: Hugging Face model-card front matter
/// (the models merged, tags) and what was merged, how, and with which configuration, so the
/// folder explains itself when it is uploaded or found later.
enum ModelCard {
    /// - Parameters:
    ///   - folderName: the output folder's name, the card's title.
    ///   - reshaped: the embedding tensors whose rows were cut or extended (`Merger.match`).
    static func text(config: MergeConfig, folderName: String, reshaped: [String]) -> String {
        func quoted(_ text: String) -> String { JSONValue.string(text).jsonText }
        func clean(_ path: String) -> String { URL(fileURLWithPath: path).standardized.path }
        let sources = ((config.baseModel.map { [$0] } ?? []) + config.models.map(\.path)).map(clean)
        var card = "---\nbase_model:\n"
        for source in sources { card += "- \(quoted(source))\n" }
        card += "library_name: transformers\ntags:\n- merge\n- m2rl\n---\n\n"
        card += "# \(folderName)\n\n"
        card += "A merge of \(config.models.count) checkpoint\(config.models.count == 1 ? "" : "s") made with `m2rl merge`.\n\n"
        card += "## Method\n\n\(config.method.prettyName) (`\(config.method.name)`, \(config.method.reference))"
        if let base = config.baseModel { card += ", with `\(clean(base))` as the base model" }
        card += ". Arithmetic in \(config.dtype.rawValue); floating tensors written as "
        card += config.outDType.map { "\($0.rawValue)" } ?? "each tensor's dtype in the base"
        card += ".\n\n## Models merged\n\n"
        for model in config.models { card += "- `\(clean(model.path))`\n" }
        if !reshaped.isEmpty {
            card += "\nEmbedding rows cut or extended to the base's: " + reshaped.map { "`\($0)`" }.joined(separator: ", ") + ".\n"
        }
        card += "\n## Configuration\n\nThe configuration that produced this checkpoint (also in `m2rl-merge.yaml`):\n\n"
        card += "```yaml\n\(config.text.hasSuffix("\n") ? config.text : config.text + "\n")```\n"
        return card
    }
}
