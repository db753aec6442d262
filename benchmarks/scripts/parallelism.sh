#!/usr/bin/env bash
# Two realizations at once with one BLAS thread each, against one realization at a time with all
# cores in BLAS: wall time of the same sweep both ways. Usage: parallelism.sh L REALIZATIONS
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
L=${1:-12}
R=${2:-8}
cores=$(nproc)
work=$(mktemp -d)
run() {
  local start end
  start=$(date +%s.%N)
  "$root/dnp" sweep --L "$L" --t 6.5 --realizations "$R" --omega-n 1,2,3,4,5 --omega-mw 93860,93870,93880,93890 \
    --out "$work/$1" --parallel "$2" --blas-threads "$3" --quiet 2>/dev/null
  end=$(date +%s.%N)
  awk -v s="$start" -v e="$end" -v r="$R" 'BEGIN {printf "%.2f s (%.2f s per realization)", e - s, (e - s) / r}'
}
echo "| L | realizations | $cores at once × 1 BLAS thread | 1 at a time × $cores BLAS threads |"
echo "|---|---|---|---|"
echo "| $L | $R | $(run par "$cores" 1) | $(run blas 1 "$cores") |"
rm -rf "$work"
