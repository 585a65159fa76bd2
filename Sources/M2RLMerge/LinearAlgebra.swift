import CLapack

/// Dense row-major F64 matrices and the few operations merging and analysis need, through
/// LAPACK (DGESDD) and BLAS (DGEMM). A row-major buffer is the column-major transpose, so each
/// call passes the transposed problem instead of copying.
struct Matrix {
    var rows: Int
    var columns: Int
    var values: [Double]

    init(rows: Int, columns: Int, values: [Double]) {
        precondition(values.count == rows * columns)
        self.rows = rows
        self.columns = columns
        self.values = values
    }

    init(rows: Int, columns: Int) {
        self.init(rows: rows, columns: columns, values: [Double](repeating: 0, count: rows * columns))
    }

    /// The thin SVD A = U·diag(S)·Vᵀ with p = min(rows, columns): U is rows×p, Vᵀ is p×columns.
    /// - Throws: `LinearAlgebraError` when LAPACK reports a failure to converge.
    func svd(vectors: Bool = true) throws -> (u: Matrix, s: [Double], vt: Matrix) {
        // Column-major, this buffer is B = Aᵀ (columns × rows). B = Ub·S·VbT gives A = VbTᵀ·S·Ubᵀ,
        // and VbT's column-major buffer is U's row-major one (likewise Ub and Vᵀ).
        var m = Int32(columns), n = Int32(rows)
        let p = min(rows, columns)
        if p == 0 { return (Matrix(rows: rows, columns: 0), [], Matrix(rows: 0, columns: columns)) }
        var a = values
        var lda = m
        var s = [Double](repeating: 0, count: p)
        var ub = [Double](repeating: 0, count: vectors ? columns * p : 1)
        var vbt = [Double](repeating: 0, count: vectors ? p * rows : 1)
        var ldu = vectors ? m : 1
        var ldvt = vectors ? Int32(p) : 1
        var job: CChar = vectors ? CChar(UInt8(ascii: "S")) : CChar(UInt8(ascii: "N"))
        var iwork = [Int32](repeating: 0, count: 8 * p)
        var info: Int32 = 0
        var query = 0.0
        var lwork: Int32 = -1
        dgesdd_(&job, &m, &n, &a, &lda, &s, &ub, &ldu, &vbt, &ldvt, &query, &lwork, &iwork, &info)
        lwork = Int32(max(1, Int(query)))
        var work = [Double](repeating: 0, count: Int(lwork))
        dgesdd_(&job, &m, &n, &a, &lda, &s, &ub, &ldu, &vbt, &ldvt, &work, &lwork, &iwork, &info)
        guard info == 0 else { throw LinearAlgebraError(message: "the SVD of a \(rows)×\(columns) matrix did not converge (DGESDD info \(info))") }
        if !vectors { return (Matrix(rows: 0, columns: 0), s, Matrix(rows: 0, columns: 0)) }
        return (Matrix(rows: rows, columns: p, values: vbt), s, Matrix(rows: p, columns: columns, values: ub))
    }

    /// self · other.
    func times(_ other: Matrix) -> Matrix {
        precondition(columns == other.rows)
        return product(other, transposed: false, outputColumns: other.columns)
    }

    /// self · otherᵀ.
    func timesTransposed(_ other: Matrix) -> Matrix {
        precondition(columns == other.columns)
        return product(other, transposed: true, outputColumns: other.rows)
    }

    /// Row-major C = X·op(Y) is column-major Cᵀ = op(Y)ᵀ·Xᵀ, and a row-major buffer is its
    /// column-major transpose: one DGEMM on the buffers as they are, with 'T' on Y's side when
    /// op(Y) = Yᵀ (Y's buffer, read column-major, is then Yᵀ itself).
    private func product(_ other: Matrix, transposed: Bool, outputColumns: Int) -> Matrix {
        var result = Matrix(rows: rows, columns: outputColumns)
        guard rows > 0, outputColumns > 0, columns > 0 else { return result }
        var transA = CChar(UInt8(ascii: transposed ? "T" : "N")), transB = CChar(UInt8(ascii: "N"))
        var m = Int32(outputColumns), n = Int32(rows), k = Int32(columns)
        var alpha = 1.0, beta = 0.0
        var lda = Int32(transposed ? columns : outputColumns), ldb = Int32(columns), ldc = Int32(outputColumns)
        other.values.withUnsafeBufferPointer { y in
            values.withUnsafeBufferPointer { x in
                result.values.withUnsafeMutableBufferPointer { c in
                    dgemm_(&transA, &transB, &m, &n, &k, &alpha, y.baseAddress, &lda, x.baseAddress, &ldb, &beta, c.baseAddress, &ldc)
                }
            }
        }
        return result
    }

    /// The orthonormal factor nearest to self (Procrustes): P·Qᵀ from self = P·Σ·Qᵀ.
    func nearestOrthonormal() throws -> Matrix {
        let (p, _, qt) = try svd()
        return p.times(qt)
    }

    /// NumPy's `matrix_rank` rule: singular values above σ_max · max(rows, columns) · epsilon.
    func rank(epsilon: Double) throws -> Int {
        let s = try svd(vectors: false).s
        guard let largest = s.max(), largest > 0 else { return 0 }
        let tolerance = largest * Double(max(rows, columns)) * epsilon
        return s.filter { $0 > tolerance }.count
    }
}

struct LinearAlgebraError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
