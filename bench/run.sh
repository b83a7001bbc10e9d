#!/usr/bin/env bash
# The benchmark (bench/README.md): installs what it needs from Debian (wrk, nginx-light, Node.js,
# Python 3), builds the emulator as the container image ships it (Release, fully static) in
# build-bench/, runs every scenario against it and against nginx on loopback, and prints the table. Arguments go to bench/run.py:
#   bench/run.sh                      every scenario, 3 rounds of 10 s
#   bench/run.sh --smoke              a few seconds per scenario, loose checks (the test command runs this)
#   bench/run.sh --scenarios a,c --rounds 5 --markdown results.md --profile perf-folder
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --bench
cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DTCAPLUS_MOCK_STATIC=ON -DTCAPLUS_MOCK_BUILD_TESTS=OFF >/dev/null
cmake --build build-bench --target tcaplus-mock -j "$(nproc)"
exec python3 bench/run.py --binary build-bench/server/tcaplus-mock "$@"
