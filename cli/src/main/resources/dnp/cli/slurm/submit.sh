#!/usr/bin/env bash
# Submits the sweep's job array, then the merge job, which runs once every array task succeeded.
set -euo pipefail
cd {{slurmQuoted}}
array=$(sbatch --parsable sweep.sbatch)
array=${array%%;*}
merge=$(sbatch --parsable --dependency=afterok:${array} merge.sbatch)
echo "array job ${array}, merge job ${merge%%;*}"
