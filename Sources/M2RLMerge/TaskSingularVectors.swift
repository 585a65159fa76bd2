import M2RLTensors

/// TSV-Merge on one 2-D tensor: the top singular triples of every task vector, decorrelated by
/// replacing the stacked left and right singular vectors with their nearest orthonormal
/// factors, recombined into one update (docs/merge.md, "TSV"). Computed in F64.
enum TaskSingularVectors {
    /// The merged update m (rows × columns, row-major) from the task vectors `deltas`.
    /// - Parameter reduction: the fraction of min(rows, columns) each task keeps.
    static func merge(deltas: [Matrix], reduction: Double) throws -> Matrix {
        let rows = deltas[0].rows, columns = deltas[0].columns
        let k = Int((Double(min(rows, columns)) * reduction).rounded(.down))
        let total = k * deltas.count
        guard k > 0 else { return Matrix(rows: rows, columns: columns) }
        var u = Matrix(rows: rows, columns: total)
        var v = Matrix(rows: columns, columns: total)
        var s = [Double](repeating: 0, count: total)
        for (task, delta) in deltas.enumerated() {
            let (ut, st, vt) = try delta.svd()
            for c in 0..<k {
                let column = task * k + c
                s[column] = st[c]
                for r in 0..<rows { u.values[r * total + column] = ut.values[r * ut.columns + c] }
                for r in 0..<columns { v.values[r * total + column] = vt.values[c * columns + r] }
            }
        }
        let uOrtho = try u.nearestOrthonormal()
        let vOrtho = try v.nearestOrthonormal()
        var scaled = uOrtho
        for r in 0..<rows {
            for c in 0..<total { scaled.values[r * total + c] *= s[c] }
        }
        return try scaled.timesTransposed(vOrtho)
    }

    /// Whether TSV applies to a tensor: 2-D and not an embedding or LM head.
    static func applies(name: String, shape: [Int]) -> Bool {
        shape.count == 2 && !EmbeddingNames.matches(name)
    }
}

/// Tensor names that hold a vocabulary's rows (embeddings and LM heads).
public enum EmbeddingNames {
    public static let markers = ["embed_tokens", "lm_head", "wte", "word_embeddings", "embed_in", "embed_out"]
    public static func matches(_ name: String) -> Bool {
        markers.contains { name.contains($0) }
    }
}
