#!/usr/bin/env python3
"""Read the output of `dnp sweep` and `dnp summarize` with the Python standard library alone.

A sweep folder looks like

    OUT/manifest.json                        the sweep's parameters and their digest (sweepDigest)
    OUT/results/shard-IIII-of-NNNN.jsonl     one JSON object per line, one line per realization
    OUT/summary/polarization.csv             written by `dnp summarize OUT`
    OUT/summary/statistics.csv
    OUT/summary/correlator.csv
    OUT/summary/dos.csv
    OUT/summary/provenance.json

Every CSV has a header row; numbers are written as Java prints doubles (``1.0E-6``), a missing
value as ``NaN``. Frequencies and energies are in units of 2π·MHz. The columns:

    polarization.csv  L, t, omegaN, omegaMW, convention, realizations,
                      Pn_{mean,std,sem}, PnGOE_{mean,std,sem}, PnGOESampled_{mean,std,sem},
                      PnEq24_{mean,std,sem}, PnEq24GOE_mean,
                      numeratorOverLeakage_mean, numerator_{mean,std,sem}, issSum_{mean,std,sem},
                      K_mean, R_mean, C_of_means, Rdos, C_dos, Eq29_pair, Eq29_dos, levelsPerWidth
    statistics.csv    L, t, realizations, ipr_{mean,std,sem}, gapRatio_{mean,std,sem},
                      dosSecondMoment_{mean,std,sem}
    correlator.csv    L, t, omega, realizations, K_mean, K_sem, R_mean, C_of_means, Rdos, C_dos
    dos.csv           L, t, lambda, realizations, density_mean, density_sem

std is the sample standard deviation (n − 1) over realizations, sem = std/√n.

With pandas the same files read in one line each:

    import pandas as pd
    from pathlib import Path
    folder = Path("runs/a/summary")
    pol = pd.read_csv(folder / "polarization.csv")
    stats = pd.read_csv(folder / "statistics.csv")
    # JSON Lines, one realization per row (precise_float=True keeps every digit of the doubles)
    records = pd.concat(pd.read_json(path, lines=True, precise_float=True)
                        for path in sorted(Path("runs/a/results").glob("shard-*.jsonl")))

Usage as a script:

    python3 dnp_load.py OUT/summary      # or the sweep folder OUT itself
"""

import csv
import json
import math
import re
import sys
import zlib
from pathlib import Path

TABLES = ("polarization", "statistics", "correlator", "dos")

# Columns that hold whole numbers; every other column except `convention` is a float.
INTEGER_COLUMNS = frozenset({"L", "realizations"})
TEXT_COLUMNS = frozenset({"convention"})


def _value(column, text):
    if column in TEXT_COLUMNS:
        return text
    if column in INTEGER_COLUMNS:
        return int(text)
    return float(text)  # float() reads "NaN", "Infinity" and "1.0E-6" as Java writes them


def read_table(path):
    """One CSV table of a summary folder as a list of dicts, numbers parsed (NaN for missing)."""
    path = Path(path)
    with path.open(newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        rows = []
        for line, row in enumerate(reader, start=2):
            try:
                rows.append({k: _value(k, v) for k, v in row.items()})
            except (TypeError, ValueError) as e:
                raise ValueError(f"{path}:{line}: {e}") from None
        return rows


def read_summary(folder):
    """The four tables of a summary folder: {'polarization': [...], 'statistics': [...], ...}.

    `folder` is the summary folder itself or a sweep folder holding `summary/`.
    """
    folder = summary_folder(folder)
    return {name: read_table(folder / f"{name}.csv") for name in TABLES}


def summary_folder(folder):
    """The folder that holds polarization.csv: `folder` itself or `folder/summary`."""
    folder = Path(folder)
    if (folder / "polarization.csv").is_file():
        return folder
    if (folder / "summary" / "polarization.csv").is_file():
        return folder / "summary"
    raise FileNotFoundError(
        f"{folder} is not a summary folder (no polarization.csv in it or in {folder / 'summary'}); "
        "make one with `./dnp summarize SWEEP_FOLDER`")


def read_polarization(folder):
    return read_table(summary_folder(folder) / "polarization.csv")


def read_statistics(folder):
    return read_table(summary_folder(folder) / "statistics.csv")


def read_correlator(folder):
    return read_table(summary_folder(folder) / "correlator.csv")


def read_dos(folder):
    return read_table(summary_folder(folder) / "dos.csv")


CHECKSUM_SUFFIX = re.compile(rb',"checksum":"crc32:([0-9a-f]{8})"}$')


def read_jsonl(path):
    """One shard file: a list of dicts, one per realization.

    Each line ends with its sweep's digest and a checksum of its own bytes,
    `...,"sweepDigest":"sha256:...","checksum":"crc32:xxxxxxxx"}`: the CRC-32 of the line without its
    checksum member (what dnp itself verifies). A line that fails it raises ValueError naming file and
    line; lines of folders written before checksums existed (manifest dnp.manifest/2) have none. The
    two members stay in the dicts. Integers stay Python ints (exact for 64-bit seeds); JSON `null`
    (a non-finite number) becomes None. Only complete lines are read (a running sweep may be writing
    its last one).
    """
    path = Path(path)
    records = []
    with path.open("rb") as f:
        for number, raw in enumerate(f, start=1):
            if not raw.endswith(b"\n"):
                break
            line = raw.rstrip(b"\r\n")
            if not line.strip():
                continue
            sealed = CHECKSUM_SUFFIX.search(line)
            if sealed:
                covered = line[:sealed.start()] + b"}"
                if zlib.crc32(covered) != int(sealed.group(1), 16):
                    raise ValueError(f"{path}:{number}: checksum mismatch (the line was altered after it was "
                                     "written); rerun the sweep to move it to rejected/ and recompute it")
            try:
                records.append(json.loads(line.decode("utf-8"), parse_int=int))
            except (UnicodeDecodeError, json.JSONDecodeError) as e:
                raise ValueError(f"{path}:{number}: {e}") from None
    return records


def read_results(sweep_folder):
    """Every realization of a sweep folder (all `results/shard-*.jsonl`), first copy of each key kept.

    Shards of one sweep never repeat a realization; the check by `key` only matters when
    shard files of overlapping runs were copied into one folder.
    """
    results = Path(sweep_folder) / "results"
    files = sorted(results.glob("shard-*.jsonl"))
    if not files:
        raise FileNotFoundError(f"no results/shard-*.jsonl in {sweep_folder}")
    seen = {}
    for path in files:
        for record in read_jsonl(path):
            seen.setdefault(record.get("key"), record)
    return list(seen.values())


def read_manifest(sweep_folder):
    """The sweep's parameters (the `parameters` object of manifest.json)."""
    with (Path(sweep_folder) / "manifest.json").open(encoding="utf-8") as f:
        return json.load(f, parse_int=int)["parameters"]


def distinct(rows, column):
    """Sorted distinct values of one column."""
    return sorted({row[column] for row in rows})


def _format(values):
    return ", ".join(f"{v:g}" if isinstance(v, float) else str(v) for v in values)


def overview(folder):
    """A few lines describing a summary folder."""
    folder = summary_folder(folder)
    tables = read_summary(folder)
    lines = [f"summary folder {folder}"]
    for name in TABLES:
        lines.append(f"  {name + '.csv':18} {len(tables[name]):6d} rows")
    pol = tables["polarization"]
    lines.append(f"  L: {_format(distinct(pol, 'L'))}")
    lines.append(f"  t: {_format(distinct(pol, 't'))}")
    pairs = sorted({(row["omegaN"], row["omegaMW"]) for row in pol})
    lines.append("  (omegaN, omegaMW): " + ", ".join(f"({a:g}, {b:g})" for a, b in pairs))
    lines.append(f"  convention: {', '.join(distinct(pol, 'convention'))}")
    lines.append(f"  realizations per point: {_format(distinct(pol, 'realizations'))}")
    finite = [row for row in pol if not math.isnan(row["Pn_mean"])]
    if finite:
        best = max(finite, key=lambda row: row["Pn_mean"])
        lines.append(f"  largest mean P_n: {best['Pn_mean']:.4g} ± {best['Pn_std']:.2g} "
                     f"at L = {best['L']}, t = {best['t']:g}, omegaN = {best['omegaN']:g}")
    return "\n".join(lines)


def main(argv):
    if len(argv) != 2 or argv[1] in ("-h", "--help"):
        print(f"usage: {Path(argv[0]).name} SUMMARY_FOLDER (or a sweep folder holding summary/)",
              file=sys.stderr)
        return 2
    folder = Path(argv[1])
    if not folder.is_dir():
        print(f"error: {folder} does not exist or is not a folder", file=sys.stderr)
        return 1
    try:
        print(overview(folder))
    except (FileNotFoundError, ValueError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
