#!/usr/bin/env python3
"""The baseline a physicist writes without this project: local-DOS Chebyshev moments of a block of
sites with scipy.sparse (CSR Hamiltonian of the periodic L^3 Anderson lattice, the recursion
r_{n+1} = 2 H~ r_n - r_{n-1} on an N x B block, and the doubling trick
mu_{2n} = 2<r_n|r_n> - mu_0, mu_{2n+1} = 2<r_{n+1}|r_n> - mu_1).

Usage: kpm-scipy.py L [B [steps]]   (defaults B = 16, steps = 100)
Prints the site-products per second (one product = one site vector times H~) and the time this rate
implies for S = 256 sites and M = 3000 moments (M/2 products per site).
"""
import sys
import time

import numpy as np
import scipy.sparse as sp


def hamiltonian(L, t, w, rng):
    n = L ** 3
    idx = np.arange(n).reshape(L, L, L)
    rows, cols = [], []
    for axis in range(3):
        nb = np.roll(idx, -1, axis=axis)
        rows += [idx.ravel(), nb.ravel()]
        cols += [nb.ravel(), idx.ravel()]
    rows = np.concatenate(rows)
    cols = np.concatenate(cols)
    hop = sp.csr_matrix((np.full(rows.size, -t), (rows, cols)), shape=(n, n))
    onsite = sp.diags(rng.uniform(-w / 2, w / 2, n))
    return (hop + onsite).tocsr()


def main():
    L = int(sys.argv[1])
    block = int(sys.argv[2]) if len(sys.argv) > 2 else 16
    steps = int(sys.argv[3]) if len(sys.argv) > 3 else 100
    t, w = 6.5, 108.0
    rng = np.random.default_rng(42)
    h = hamiltonian(L, t, w, rng)
    half_width = 1.01 * (6 * t + w / 2)  # Gershgorin with a margin
    h = h / half_width
    n = L ** 3
    sites = rng.choice(n, block, replace=False)
    r_prev = np.zeros((n, block))
    r_prev[sites, np.arange(block)] = 1.0
    r = h @ r_prev
    mu = np.zeros((2 * steps + 2, block))
    mu[0] = 1.0
    mu[1] = np.einsum('ij,ij->j', r_prev, r)
    start = time.perf_counter()
    for step in range(1, steps + 1):
        mu[2 * step] = 2 * np.einsum('ij,ij->j', r, r) - mu[0]
        r_next = 2 * (h @ r) - r_prev
        mu[2 * step + 1] = 2 * np.einsum('ij,ij->j', r_next, r) - mu[1]
        r_prev, r = r, r_next
    elapsed = time.perf_counter() - start
    rate = block * steps / elapsed
    print(f"L={L} N={n} B={block} steps={steps}: {elapsed:.2f} s, {rate:.0f} site-products/s; "
          f"S=256, M=3000 would take {256 * 1500 / rate:.0f} s")


if __name__ == '__main__':
    main()
