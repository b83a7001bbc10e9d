#!/usr/bin/env bash
# Installs what is missing, builds tcaplus-mock with its tests (Release) and runs every suite:
# unit and end-to-end (GoogleTest), reliability (Python), the official Node.js SDK suite, the
# dashboard in Debian's chromium, the benchmark's smoke run, and the container test.
# Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --test
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DTCAPLUS_MOCK_BUILD_TESTS=ON >/dev/null
cmake --build build -j "$(nproc)"
ctest --test-dir build --output-on-failure -j "$(nproc)" -L 'unit|e2e'
ctest --test-dir build --output-on-failure -L reliability
(cd tests/sdk && npm ci --no-audit --no-fund --loglevel=error)
ctest --test-dir build --output-on-failure -L sdk
(cd tests/ui && npm ci --no-audit --no-fund --loglevel=error)
ctest --test-dir build --output-on-failure -L ui
# The benchmark's smoke run: every scenario runs and answers without errors (no figures are judged).
python3 bench/run.py --binary build/server/tcaplus-mock --smoke
ctest --test-dir build --output-on-failure -L container
