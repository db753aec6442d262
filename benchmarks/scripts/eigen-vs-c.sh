#!/usr/bin/env bash
# The eigen stage through FFM (dnp eigen) against the same LAPACKE routine called from C, against the
# same bundled OpenBLAS, for dsyevd and dsyevr. Usage: benchmarks/scripts/eigen-vs-c.sh [L...]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
sizes=("${@:-12 16 18}")
lib="${DNP_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/dnp}/openblas-0.3.31-1.5.13"
"$root/dnp" info >/dev/null 2>&1   # extracts the bundled OpenBLAS if needed
bin=$(mktemp -d)/dsyevd_c
gcc -O2 -o "$bin" "$root/benchmarks/scripts/dsyevd_c.c" "$lib/libopenblas.so.0" -Wl,-rpath,"$lib"
echo "| L | N | driver | Java FFM (s) | C (s) | FFM / C |"
echo "|---|---|---|---|---|---|"
for L in ${sizes[*]}; do
  for driver in dsyevd dsyevr; do
    java=$("$root/dnp" eigen --L "$L" --driver "$driver" --repeat 3 2>/dev/null | sed -n 's/.*: \([0-9.]*\) s (best.*/\1/p')
    c=$("$bin" "$L" "$driver" 3 | sed -n 's/.*: \([0-9.]*\) s$/\1/p')
    printf "| %d | %d | %s | %s | %s | %.3f |\n" "$L" $((L * L * L)) "$driver" "$java" "$c" "$(awk -v a="$java" -v b="$c" 'BEGIN {print a / b}')"
  done
done
