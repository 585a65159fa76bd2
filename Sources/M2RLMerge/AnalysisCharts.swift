import Foundation
import M2RLCore

/// Standalone SVG charts of an analysis report: one heatmap per pairwise measure and one bar
/// chart per model of the updated fraction by layer. Plain SVG 1.1, no scripts or fonts to load.
public enum AnalysisCharts {
    /// Writes the charts into `directory` and returns the file names.
    public static func write(_ report: JSONValue, to directory: String) throws -> [String] {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let models = report["models"]?.array ?? []
        let labels = models.enumerated().map { index, model in
            "\(index): " + ((model["path"]?.string ?? "") as NSString).lastPathComponent
        }
        let pairs = report["pairs"]?.array ?? []
        var written: [String] = []
        for (key, title, diagonal) in [("jaccard", "Jaccard overlap of update masks", 1.0), ("jaccard_random", "Jaccard of random masks, same densities", 1.0),
                                       ("cosine", "Task-vector cosine similarity", 1.0), ("cosine_projected", "Cosine after the 256-d projection", 1.0),
                                       ("sign_conflict_rate", "Sign conflicts among entries updated in both", 0.0)] {
            var matrix = [[Double]](repeating: [Double](repeating: diagonal, count: models.count), count: models.count)
            for pair in pairs {
                guard let a = pair["a"]?.int, let b = pair["b"]?.int, let value = pair[key]?.number else { continue }
                matrix[a][b] = value
                matrix[b][a] = value
            }
            let name = "pairs-\(key).svg"
            try Data(heatmap(title: title, labels: labels, matrix: matrix).utf8).write(to: URL(fileURLWithPath: (directory as NSString).appendingPathComponent(name)))
            written.append(name)
        }
        for (index, model) in models.enumerated() {
            let layers = model["layers"]?.array ?? []
            let values = layers.map { ($0["layer"]?.int ?? 0, $0["updated_fraction"]?.number ?? 0) }
            let name = "model-\(index)-updated-by-layer.svg"
            try Data(bars(title: "Updated fraction by layer — \(labels[index])", values: values).utf8)
                .write(to: URL(fileURLWithPath: (directory as NSString).appendingPathComponent(name)))
            written.append(name)
        }
        return written
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    /// A colour from blue (−1) through white (0) to red (+1).
    static func colour(_ value: Double) -> String {
        let v = max(-1, min(1, value.isFinite ? value : 0))
        let r = v >= 0 ? 255 : Int(255 * (1 + v))
        let b = v <= 0 ? 255 : Int(255 * (1 - v))
        let g = Int(255 * (1 - abs(v)))
        return String(format: "#%02x%02x%02x", r, g, b)
    }

    static func heatmap(title: String, labels: [String], matrix: [[Double]]) -> String {
        let cell = 56, left = 220, top = 60
        let n = labels.count
        let width = left + cell * n + 20, height = top + cell * n + 40
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" font-family=\"sans-serif\" font-size=\"12\">\n"
        svg += "<text x=\"10\" y=\"24\" font-size=\"15\">\(escape(title))</text>\n"
        for (i, label) in labels.enumerated() {
            svg += "<text x=\"\(left - 8)\" y=\"\(top + cell * i + cell / 2 + 4)\" text-anchor=\"end\">\(escape(label))</text>\n"
            svg += "<text x=\"\(left + cell * i + cell / 2)\" y=\"\(top - 8)\" text-anchor=\"middle\">\(i)</text>\n"
            for j in 0..<n {
                let value = matrix[i][j]
                svg += "<rect x=\"\(left + cell * j)\" y=\"\(top + cell * i)\" width=\"\(cell)\" height=\"\(cell)\" fill=\"\(colour(value))\" stroke=\"#888\"/>"
                svg += "<text x=\"\(left + cell * j + cell / 2)\" y=\"\(top + cell * i + cell / 2 + 4)\" text-anchor=\"middle\">\(String(format: "%.3f", value))</text>\n"
            }
        }
        return svg + "</svg>\n"
    }

    static func bars(title: String, values: [(Int, Double)]) -> String {
        let barWidth = 14, left = 60, top = 40, plot = 220
        let width = left + max(values.count, 1) * barWidth + 30, height = top + plot + 50
        let largest = max(values.map(\.1).max() ?? 0, 1e-12)
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" font-family=\"sans-serif\" font-size=\"11\">\n"
        svg += "<text x=\"10\" y=\"22\" font-size=\"14\">\(escape(title))</text>\n"
        svg += "<line x1=\"\(left)\" y1=\"\(top + plot)\" x2=\"\(width - 20)\" y2=\"\(top + plot)\" stroke=\"#000\"/>\n"
        svg += "<text x=\"\(left - 6)\" y=\"\(top + 4)\" text-anchor=\"end\">\(String(format: "%.3g", largest))</text>\n"
        svg += "<text x=\"\(left - 6)\" y=\"\(top + plot)\" text-anchor=\"end\">0</text>\n"
        for (k, (layer, value)) in values.enumerated() {
            let h = Int(Double(plot) * value / largest)
            svg += "<rect x=\"\(left + k * barWidth + 1)\" y=\"\(top + plot - h)\" width=\"\(barWidth - 2)\" height=\"\(h)\" fill=\"#c0392b\"><title>layer \(layer): \(value)</title></rect>\n"
            if k % 4 == 0 { svg += "<text x=\"\(left + k * barWidth + barWidth / 2)\" y=\"\(top + plot + 14)\" text-anchor=\"middle\">\(layer)</text>\n" }
        }
        svg += "<text x=\"\(left)\" y=\"\(height - 10)\">layer</text>\n"
        return svg + "</svg>\n"
    }
}
