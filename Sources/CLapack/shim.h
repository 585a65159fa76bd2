// The two LAPACK/BLAS routines m2rl calls, declared by hand: Debian's liblapack-dev ships no C
// header for the Fortran symbols. Fortran passes every argument by reference; matrices are
// column-major. Used by M2RLMerge for task-singular-vector merging and update ranks.
#ifndef M2RL_CLAPACK_SHIM_H
#define M2RL_CLAPACK_SHIM_H

/// Singular value decomposition by divide and conquer (LAPACK DGESDD).
void dgesdd_(const char *jobz, const int *m, const int *n, double *a, const int *lda,
             double *s, double *u, const int *ldu, double *vt, const int *ldvt,
             double *work, const int *lwork, int *iwork, int *info);

/// C = alpha * op(A) * op(B) + beta * C (BLAS DGEMM).
void dgemm_(const char *transa, const char *transb, const int *m, const int *n, const int *k,
            const double *alpha, const double *a, const int *lda, const double *b,
            const int *ldb, const double *beta, double *c, const int *ldc);

#endif
