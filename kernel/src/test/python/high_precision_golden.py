#!/usr/bin/env python3
"""Recomputes the golden L = 5 entries in 32-digit arithmetic (mpmath), as a check on the golden
values themselves. Writes golden/L5-high-precision.json beside golden/L5-expected.json.

The eigenvectors come from mpmath's Jacobi solver at 32 digits, every sum is taken at that precision,
and only the final values are rounded to double. The formulas are those of docs/model.md (Eq. 11,
19-20 under `si`, Eq. 22 under `paper`, K, R, C of Eq. 25 and 30). Takes a few minutes:

    python3 kernel/src/test/python/high_precision_golden.py
"""
import json
import pathlib

import mpmath as mp

mp.mp.dps = 32
HERE = pathlib.Path(__file__).resolve().parent.parent / "resources" / "golden"
L, N = 5, 125
F = mp.mpf


def hamiltonian(delta, t):
    m = mp.zeros(N, N)
    for z in range(L):
        for y in range(L):
            for x in range(L):
                i = x + L * (y + L * z)
                m[i, i] = delta[i]
                for dx, dy, dz in ((1, 0, 0), (0, 1, 0), (0, 0, 1)):
                    j = (x + dx) % L + L * (((y + dy) % L) + L * ((z + dz) % L))
                    m[i, j] -= t
                    m[j, i] -= t
    return m


def main():
    delta = [F(line.strip()) for line in (HERE / "L5-disorder.txt").read_text().splitlines()
             if line.strip() and not line.startswith("#")]
    expected = json.loads((HERE / "L5-expected.json").read_text())
    out = []
    cache = {}
    for case in expected:
        t = case["t"]
        if t not in cache:
            lam, vec = mp.eigsy(hamiltonian(delta, F(repr(t))))
            lam = [lam[a] for a in range(N)]
            q = [[vec[i, a] ** 2 for a in range(N)] for i in range(N)]
            o = [[mp.fsum(q[i][a] * q[i][b] for i in range(N)) for b in range(N)] for a in range(N)]
            cache[t] = (lam, o)
        lam, o = cache[t]
        paper = case["convention"] == "paper"
        scale = F(10) ** 6 if paper else 2 * mp.pi * F(10) ** 6
        t1e, t2e, t1n, t2n = F(1) * scale, F("1e-6") * scale, F("1e4") * scale, F("1e-5") * scale
        beta = F("7.638232577e-12") * 2 * mp.pi * F(10) ** 6 / F("1.2")
        omega_e, omega_mw, omega1, a0, ratio = F(93900), F(repr(case["omegaMW"])), F("0.025"), F("0.00447"), F(1000)
        bias = []
        for a in range(N):
            detuning = t2e * ((omega_e - omega_mw) + lam[a])
            lorentz = 1 + detuning * detuning
            bias.append(lorentz * mp.tanh(beta * (omega_e + lam[a]) / 2) / (lorentz + 2 * omega1 ** 2 * t1e * t2e))
        entry = {"convention": case["convention"], "t": t, "omegaMW": case["omegaMW"],
                 "ipr": float(mp.fsum(o[a][a] for a in range(N)) / N),
                 "dosSecondMoment": float(mp.fsum(x * x for x in lam) / N), "polarization": []}
        for p in case["polarization"]:
            wn = F(repr(p["omegaN"]))
            row = {"omegaN": p["omegaN"]}
            for key, uniform in (("Pn", False), ("PnGOE", True)):
                if key not in p:
                    continue
                s0 = s1 = s2 = sp = F(0)
                for a in range(N):
                    for b in range(N):
                        w = F(1) / N if uniform else o[a][b]
                        lz = 1 / (1 + t2n ** 2 * (wn + lam[b] - lam[a]) ** 2)
                        s0 += w * lz
                        s1 += w * (bias[a] - bias[b]) * lz
                        s2 += w * bias[a] * bias[b] * lz
                        sp += w * bias[a] * bias[b]
                nuclei = ratio * N
                if paper:
                    pn = (s1 / 4) / ((s0 - s2) / 4 + 2 * nuclei / (a0 ** 2 * t1n * t2n))
                else:
                    c = a0 ** 2 * t2n / 4
                    pl = c * sp / (1 + t2n ** 2 * wn ** 2)
                    numerator = 2 * c * s1 + nuclei * mp.tanh(beta * wn / 2) / t1n
                    denominator = 2 * c * (s0 - s2) + 2 * pl + nuclei / t1n
                    pn = numerator / denominator
                row[key] = float(pn)
            entry["polarization"].append(row)
        if "correlator" in case:
            entry["correlator"] = []
            for c in case["correlator"]:
                omega, width = F(repr(c["omega"])), F(repr(c["binWidth"]))
                k = F(0)
                count = 0
                for a in range(N):
                    for b in range(N):
                        d = lam[b] - lam[a]
                        if omega - width / 2 <= d < omega + width / 2:
                            k += o[a][b]
                            count += 1
                k_value = k / (N * width)
                r_value = F(count) / (N * N * width)
                entry["correlator"].append({"omega": c["omega"], "binWidth": c["binWidth"], "K": float(k_value),
                                            "R": float(r_value), "C": float(k_value / r_value)})
        out.append(entry)
        print(case["convention"], t, "done", flush=True)
    doc = {"note": "32-digit recomputation of L5-expected.json (mpmath Jacobi eigensolver); see "
                   "kernel/src/test/python/high_precision_golden.py", "cases": out}
    (HERE / "L5-high-precision.json").write_text(json.dumps(doc, indent=1) + "\n")


if __name__ == "__main__":
    main()
