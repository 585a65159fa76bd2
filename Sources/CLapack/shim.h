// The two LAPACK/BLAS routines m2rl calls, as function-pointer types: M2RLMerge loads the
// libraries on first use (dlopen) rather than linking them, because OpenBLAS, which Debian
// serves for -llapack -lblas when installed, starts a spinning thread per core as soon as it is
// loaded, in every m2rl process, whatever the command. Debian's liblapack-dev ships no C header
// for the Fortran symbols: Fortran passes every argument by reference; matrices are column-major.
#ifndef M2RL_CLAPACK_SHIM_H
#define M2RL_CLAPACK_SHIM_H

/// Singular value decomposition by divide and conquer (LAPACK DGESDD).
typedef void (*m2rl_dgesdd)(const char *jobz, const int *m, const int *n, double *a, const int *lda,
                            double *s, double *u, const int *ldu, double *vt, const int *ldvt,
                            double *work, const int *lwork, int *iwork, int *info);

/// C = alpha * op(A) * op(B) + beta * C (BLAS DGEMM).
typedef void (*m2rl_dgemm)(const char *transa, const char *transb, const int *m, const int *n, const int *k,
                           const double *alpha, const double *a, const int *lda, const double *b,
                           const int *ldb, const double *beta, double *c, const int *ldc);

/// How many threads OpenBLAS's calls use (OpenBLAS only; absent from the reference libraries).
typedef void (*m2rl_openblas_set_num_threads)(int count);

#endif
