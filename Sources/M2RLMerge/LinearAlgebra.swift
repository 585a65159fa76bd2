import CLapack
import Foundation

/// LAPACK's DGESDD and BLAS's DGEMM, loaded on first use from the system's liblapack.so.3 and
/// libblas.so.3 (on Debian, the reference libraries or OpenBLAS, whichever the alternatives
/// system serves). Loading them only when an SVD or a product is needed keeps OpenBLAS, which
/// starts a busy-waiting thread per core when it loads, out of every other m2rl command.
enum LAPACK {
    struct Routines {
        var dgesdd: m2rl_dgesdd
        var dgemm: m2rl_dgemm
    }

    /// The routines, or the error saying what is missing and what to install.
    static let routines: Result<Routines, LinearAlgebraError> = {
        func open(_ names: [String]) -> UnsafeMutableRawPointer? {
            for name in names { if let handle = dlopen(name, RTLD_NOW | RTLD_GLOBAL) { return handle } }
            return nil
        }
        let install = "install LAPACK and BLAS (Debian: apt-get install liblapack3 libblas3, or libopenblas0-pthread for speed)"
        guard let blas = open(["libblas.so.3", "libblas.so"]) else {
            return .failure(LinearAlgebraError(message: "cannot load BLAS (libblas.so.3): \(install)"))
        }
        guard let lapack = open(["liblapack.so.3", "liblapack.so"]) else {
            return .failure(LinearAlgebraError(message: "cannot load LAPACK (liblapack.so.3): \(install)"))
        }
        guard let dgesdd = dlsym(lapack, "dgesdd_"), let dgemm = dlsym(blas, "dgemm_") ?? dlsym(lapack, "dgemm_") else {
            return .failure(LinearAlgebraError(message: "LAPACK or BLAS lacks dgesdd_ or dgemm_: \(install)"))
        }
        threads.lock.lock()
        threads.setter = (dlsym(lapack, "openblas_set_num_threads") ?? dlsym(blas, "openblas_set_num_threads"))
            .map { unsafeBitCast($0, to: m2rl_openblas_set_num_threads.self) }
        threads.setter?(Int32(threads.count))
        threads.lock.unlock()
        return .success(Routines(dgesdd: unsafeBitCast(dgesdd, to: m2rl_dgesdd.self),
                                 dgemm: unsafeBitCast(dgemm, to: m2rl_dgemm.self)))
    }()

    /// - Throws: `LinearAlgebraError` when the libraries cannot be loaded.
    static func load() throws -> Routines { try routines.get() }

    /// The threads each LAPACK or BLAS call may use, and OpenBLAS's setter once it is loaded.
    private final class Threads: @unchecked Sendable {
        let lock = NSLock()
        var count = 1
        var setter: m2rl_openblas_set_num_threads?
    }
    private static let threads = Threads()

    /// Lets each call use cores ÷ `jobs` threads (at least 1): m2rl calls LAPACK from its own
    /// `jobs` workers, and OpenBLAS would otherwise start as many threads
    /// as cores inside every worker's call, and those threads spin (sched_yield) while they wait,
    /// which cost `m2rl analyze` on a 0.5 B model 2.3× its time, mostly in the kernel. Applies to
    /// the calls that start after it; does not load the libraries; a no-op without OpenBLAS
    /// (the reference libraries run on the caller's thread). OpenBLAS's OpenMP build takes the
    /// setting per calling thread, so there it holds only for a count of 1. Process-wide: two
    /// commands run at once in one process share the last setting (speed only, not results).
    static func setThreads(forJobs jobs: Int) {
        threads.lock.lock()
        defer { threads.lock.unlock() }
        threads.count = max(1, ProcessInfo.processInfo.activeProcessorCount / max(1, jobs))
        threads.setter?(Int32(threads.count))
    }
}

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
    /// - Throws: `LinearAlgebraError` when LAPACK cannot be loaded or reports a failure to converge.
    func svd(vectors: Bool = true) throws -> (u: Matrix, s: [Double], vt: Matrix) {
        // Column-major, this buffer is B = Aᵀ (columns × rows). B = Ub·S·VbT gives A = VbTᵀ·S·Ubᵀ,
        // and VbT's column-major buffer is U's row-major one (likewise Ub and Vᵀ).
        var m = Int32(columns), n = Int32(rows)
        let p = min(rows, columns)
        if p == 0 { return (Matrix(rows: rows, columns: 0), [], Matrix(rows: 0, columns: columns)) }
        let dgesdd_ = try LAPACK.load().dgesdd
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
    /// - Throws: `LinearAlgebraError` when BLAS cannot be loaded.
    func times(_ other: Matrix) throws -> Matrix {
        precondition(columns == other.rows)
        return try product(other, transposed: false, outputColumns: other.columns)
    }

    /// self · otherᵀ.
    /// - Throws: `LinearAlgebraError` when BLAS cannot be loaded.
    func timesTransposed(_ other: Matrix) throws -> Matrix {
        precondition(columns == other.columns)
        return try product(other, transposed: true, outputColumns: other.rows)
    }

    /// Row-major C = X·op(Y) is column-major Cᵀ = op(Y)ᵀ·Xᵀ, and a row-major buffer is its
    /// column-major transpose: one DGEMM on the buffers as they are, with 'T' on Y's side when
    /// op(Y) = Yᵀ (Y's buffer, read column-major, is then Yᵀ itself).
    private func product(_ other: Matrix, transposed: Bool, outputColumns: Int) throws -> Matrix {
        var result = Matrix(rows: rows, columns: outputColumns)
        guard rows > 0, outputColumns > 0, columns > 0 else { return result }
        let dgemm_ = try LAPACK.load().dgemm
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
        return try p.times(qt)
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
