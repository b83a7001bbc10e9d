#!/usr/bin/env bash
# The sanitizer and fuzzing runs, each in a build folder of its own (.ci/run runs this after the
# README's test command):
#   build-asan/  clang, AddressSanitizer + UndefinedBehaviorSanitizer and the libFuzzer targets:
#                the unit and end-to-end suites, then each fuzz target for TCAPLUS_MOCK_FUZZ_SECONDS
#                (default 20) from its seed corpus in tests/fuzz/corpus/
#   build-tsan/  g++, ThreadSanitizer: the suites whose code runs on several threads (the store's
#                threads, the log writer, the server's workers, the emulator end to end)
# Any sanitizer report stops the process under test, so the run fails.
# Long fuzzing runs: docs/reliability.md.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --sanitize
jobs=$(nproc)

cmake -S . -B build-asan -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DTCAPLUS_MOCK_SANITIZE=address,undefined -DTCAPLUS_MOCK_FUZZ=ON \
  -DTCAPLUS_MOCK_FUZZ_SECONDS="${TCAPLUS_MOCK_FUZZ_SECONDS:-20}" >/dev/null
cmake --build build-asan -j "$jobs"
ctest --test-dir build-asan --output-on-failure -j "$jobs" -L 'unit|e2e'
ctest --test-dir build-asan --output-on-failure -L fuzz

concurrent=(storage core throttle handling net e2e control faults)
cmake -S . -B build-tsan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTCAPLUS_MOCK_SANITIZE=thread >/dev/null
cmake --build build-tsan -j "$jobs" --target "${concurrent[@]/%/_tests}"
export TSAN_OPTIONS="suppressions=$PWD/tests/tsan-suppressions.txt halt_on_error=1"
ctest --test-dir build-tsan --output-on-failure -j "$jobs" -R "^($(IFS='|'; echo "${concurrent[*]}"))_tests\\."
echo "sanitize: no sanitizer reports"
