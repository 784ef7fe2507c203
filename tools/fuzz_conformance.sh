#!/usr/bin/env bash
# Generates about 6650 fresh conformance cases with real PyTorch (Debian python3-torch 1.13 at /usr/bin/python3),
# runs conv4j on them and checks the results with the shared checker. A developer's tool: the tests and CI do not
# use it (they run the committed cases, conformance/cases).
#   tools/fuzz_conformance.sh [WORK_DIR]     (default /tmp/conv4j-fuzz; about 250 MiB of cases)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
work="${1:-/tmp/conv4j-fuzz}"
export PYTHONHASHSEED=0 # PyTorch prints Python sets in some messages; their order follows the hash seed
rm -rf "$work/cases" "$work/results"
mkdir -p "$work"
/usr/bin/python3 "$here/gen_cases.py" "$work/cases" --n-edge 300 --n-odd 400 --n-dtype 200 --n-combo 300 --n-winograd 40 \
    --n-wide 10 --pad2-grid
for s in 8 9 10; do
  /usr/bin/python3 "$here/gen_cases.py" "$work/cases" --seed "$s" --prefix "s$s" --no-systematic --n-ok 300 \
      --n-big 3 --n-func 40 --n-err-rand 80 --n-edge 200 --n-odd 150 --n-combo 100
done
"$root/conv4j" conformance --cases "$work/cases" --results "$work/results"
/usr/bin/python3 "$root/conformance/check.py" "$work/cases" "$work/results" --strict-errors --quiet
