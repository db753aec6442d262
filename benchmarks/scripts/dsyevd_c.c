/* dsyevd/dsyevr on the Anderson matrix from plain C against a given LAPACKE library: the outside
 * reference for the FFM call's overhead. Build and run with benchmarks/scripts/eigen-vs-c.sh. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

extern int LAPACKE_dsyevd(int layout, char jobz, char uplo, int n, double *a, int lda, double *w);
extern int LAPACKE_dsyevr(int layout, char jobz, char range, char uplo, int n, double *a, int lda, double vl,
                          double vu, int il, int iu, double abstol, int *m, double *w, double *z, int ldz, int *isuppz);
extern void openblas_set_num_threads(int);

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

/* Same matrix shape as the kernel: periodic L^3 lattice, t = 6.5, box disorder w = 108 (any generator). */
static void build(int L, double *a) {
    int n = L * L * L;
    memset(a, 0, sizeof(double) * (size_t) n * n);
    srand(1);
    for (int z = 0; z < L; z++)
        for (int y = 0; y < L; y++)
            for (int x = 0; x < L; x++) {
                int i = x + L * (y + L * z);
                a[i + (size_t) n * i] = 108.0 * ((double) rand() / RAND_MAX - 0.5);
                int nb[3] = {(x + 1) % L + L * (y + L * z), x + L * ((y + 1) % L + L * z), x + L * (y + L * ((z + 1) % L))};
                for (int k = 0; k < 3; k++) {
                    a[i + (size_t) n * nb[k]] = -6.5;
                    a[nb[k] + (size_t) n * i] = -6.5;
                }
            }
}

int main(int argc, char **argv) {
    int L = atoi(argv[1]);
    const char *driver = argv[2];
    int reps = argc > 3 ? atoi(argv[3]) : 3;
    int n = L * L * L;
    double *a = malloc(sizeof(double) * (size_t) n * n);
    double *z = strcmp(driver, "dsyevr") == 0 ? malloc(sizeof(double) * (size_t) n * n) : NULL;
    double *w = malloc(sizeof(double) * n);
    int *isuppz = malloc(sizeof(int) * 2 * n);
    double best = 1e300;
    for (int r = 0; r < reps; r++) {
        build(L, a);
        double t = now();
        int info, m;
        if (z) info = LAPACKE_dsyevr(102, 'V', 'A', 'L', n, a, n, 0, 0, 1, n, 0, &m, w, z, n, isuppz);
        else info = LAPACKE_dsyevd(102, 'V', 'L', n, a, n, w);
        double s = now() - t;
        if (info != 0) { fprintf(stderr, "info = %d\n", info); return 1; }
        if (s < best) best = s;
    }
    printf("%s L=%d N=%d best of %d: %.3f s\n", driver, L, n, reps, best);
    return 0;
}
