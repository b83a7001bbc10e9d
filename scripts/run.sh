#!/usr/bin/env bash
# Installs what is missing, builds tcaplus-mock (Release) and starts it on 127.0.0.1:8023 with its
# SQLite database in ./tcaplus-mock.db. Extra arguments go to the emulator (try --help).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DTCAPLUS_MOCK_BUILD_TESTS=OFF >/dev/null
cmake --build build --target tcaplus-mock -j "$(nproc)"
exec build/server/tcaplus-mock "$@"
