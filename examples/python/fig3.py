#!/usr/bin/env python3
"""Redraw Fig. 3 of Phys. Rev. B 98, 224202 from a `dnp summarize` folder with matplotlib.

Nuclear polarization P_n against the hopping t: the Anderson model (squares) and the GOE
comparison with the same energies (triangles), one curve of each per lattice size L, error bars
of one standard deviation over realizations (as in the paper), and the Anderson transition
t_c = w/16.53 marked by a vertical line.

    python3 fig3.py runs/a/summary                     # writes fig3_python.png here
    python3 fig3.py runs/a/summary --out fig3.pdf --omega-n 20 --omega-mw 93860

Only the standard library and matplotlib are needed (the tables are read by dnp_load.py,
which sits beside this file).
"""

import argparse
import json
import sys
from pathlib import Path

import dnp_load

# Critical disorder of the 3D Anderson model with box disorder (Rodriguez, Vasquez, Slevin and
# Römer, Phys. Rev. B 84, 134209 (2011)).
CRITICAL_RATIO = 16.53
DEFAULT_W = 108.0


def disorder_width(folder):
    """w of the sweep, from provenance.json (the paper's 108 if it cannot be read)."""
    try:
        with (folder / "provenance.json").open(encoding="utf-8") as f:
            return float(json.load(f)["parameters"]["w"])
    except (OSError, KeyError, TypeError, ValueError):
        return DEFAULT_W


def choose_pair(rows, omega_n, omega_mw):
    pairs = sorted({(r["omegaN"], r["omegaMW"]) for r in rows})
    wanted = [p for p in pairs
              if (omega_n is None or p[0] == omega_n) and (omega_mw is None or p[1] == omega_mw)]
    if not wanted:
        listed = ", ".join(f"({a:g}, {b:g})" for a, b in pairs)
        raise ValueError(f"no (omegaN, omegaMW) pair matches; the summary has {listed}")
    return wanted[0]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="summary folder (or a sweep folder holding summary/)")
    parser.add_argument("--out", type=Path, default=Path("fig3_python.png"),
                        help="output image (default: fig3_python.png in the current folder)")
    parser.add_argument("--omega-n", type=float, help="which omega_n to plot (default: the first)")
    parser.add_argument("--omega-mw", type=float, help="which omega_MW to plot (default: the first)")
    args = parser.parse_args(argv)

    if not args.folder.is_dir():
        print(f"error: {args.folder} does not exist or is not a folder", file=sys.stderr)
        return 1
    try:
        folder = dnp_load.summary_folder(args.folder)
        rows = dnp_load.read_polarization(folder)
        omega_n, omega_mw = choose_pair(rows, args.omega_n, args.omega_mw)
    except (FileNotFoundError, ValueError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 1

    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("error: matplotlib is not installed (pip install matplotlib, or on Debian/Ubuntu "
              "apt-get install python3-matplotlib and run with /usr/bin/python3)", file=sys.stderr)
        return 1

    rows = [r for r in rows if r["omegaN"] == omega_n and r["omegaMW"] == omega_mw]
    w = disorder_width(folder)
    t_c = w / CRITICAL_RATIO
    conventions = ", ".join(dnp_load.distinct(rows, "convention"))

    fig, ax = plt.subplots(figsize=(6.4, 4.4))
    sizes = dnp_load.distinct(rows, "L")
    colors = plt.rcParams["axes.prop_cycle"].by_key()["color"]
    for i, size in enumerate(sizes):
        curve = sorted((r for r in rows if r["L"] == size), key=lambda r: r["t"])
        t = [r["t"] for r in curve]
        n = curve[0]["realizations"] if curve else 0
        color = colors[i % len(colors)]
        # std is NaN with a single realization: draw no bar then.
        ax.errorbar(t, [r["Pn_mean"] for r in curve], yerr=[_bar(r["Pn_std"]) for r in curve],
                    marker="s", linestyle="-", color=color, capsize=2,
                    label=f"Anderson, L = {size} ({n} realizations)")
        ax.errorbar(t, [r["PnGOE_mean"] for r in curve], yerr=[_bar(r["PnGOE_std"]) for r in curve],
                    marker="^", linestyle="--", color=color, capsize=2, mfc="none",
                    label=f"GOE, L = {size}")
    ax.axvline(t_c, color="0.4", linestyle=":", label=f"$t_c = w/{CRITICAL_RATIO:g}$ = {t_c:.2f}")
    ax.set_xlabel(r"hopping $t$ ($2\pi\cdot$MHz)")
    ax.set_ylabel(r"nuclear polarization $P_n$")
    ax.set_title(rf"$\omega_n$ = {omega_n:g}, $\omega_{{MW}}$ = {omega_mw:g} ($2\pi\cdot$MHz), "
                 f"w = {w:g}, convention {conventions}", fontsize=9)
    ax.legend(fontsize=8)
    ax.grid(alpha=0.3)
    fig.tight_layout()
    fig.savefig(args.out, dpi=150)
    print(f"wrote {args.out}")
    return 0


def _bar(std):
    return 0.0 if std != std else std  # NaN → no error bar


if __name__ == "__main__":
    sys.exit(main())
