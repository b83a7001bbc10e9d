#!/usr/bin/env bash
# Installs, from Debian/Ubuntu packages, what tcaplus-mock needs and the machine lacks.
#   scripts/install-deps.sh          build dependencies (compiler, CMake, Boost >= 1.81, SQLite, OpenSSL,
#                                    protobuf and its compiler's parser, pugixml)
#   scripts/install-deps.sh --test   also GoogleTest, Node.js and npm (the official SDK suite),
#                                    Debian's chromium (the dashboard's browser suite, tests/ui),
#                                    Python 3 (the reliability suite), wrk and nginx-light (the
#                                    benchmark's smoke run)
#   scripts/install-deps.sh --bench  the build dependencies and what the benchmark needs
#   scripts/install-deps.sh --sanitize  also clang with its sanitizer and libFuzzer runtimes and
#                                    GoogleTest (scripts/sanitize.sh)
# Installs nothing that is already there; needs root or sudo only when something is missing.
set -euo pipefail

want_test=0
want_bench=0
want_sanitize=0
[ "${1:-}" = "--test" ] && want_test=1 && want_bench=1
[ "${1:-}" = "--bench" ] && want_bench=1
[ "${1:-}" = "--sanitize" ] && want_sanitize=1

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

apt_updated=0
apt_update_once() {
  [ "$apt_updated" = 1 ] || { as_root apt-get update -qq >&2; apt_updated=1; }
}

# Debian 12 ships Boost 1.81 as versioned packages beside its default 1.74; newer releases
# (Ubuntu 24.04: 1.83) have it as the default. Never mix the two sets.
boost_versioned=(libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev libboost-program-options1.81-dev)
boost_default=(libboost-dev libboost-json-dev libboost-url-dev libboost-program-options-dev)
all_installed() { local package; for package in "$@"; do installed "$package" || return 1; done; }
boost_packages() {
  if all_installed "${boost_versioned[@]}" || all_installed "${boost_default[@]}"; then return; fi
  apt_update_once
  if apt-cache show libboost1.81-dev >/dev/null 2>&1; then
    echo "${boost_versioned[@]}"
  else
    echo "${boost_default[@]}"
  fi
}

packages=(g++ cmake make libsqlite3-dev libssl-dev libprotobuf-dev libprotoc-dev libpugixml-dev ca-certificates)
[ "$want_test" = 1 ] && packages+=(libgtest-dev chromium)
[ "$want_bench" = 1 ] && packages+=(python3 wrk nginx-light)
[ "$want_sanitize" = 1 ] && packages+=(libgtest-dev clang)
missing=()
for package in "${packages[@]}"; do installed "$package" || missing+=("$package"); done
read -r -a boost <<<"$(boost_packages)"
for package in "${boost[@]}"; do installed "$package" || missing+=("$package"); done
# Node.js may come from elsewhere (nodesource, nvm): only install Debian's when none answers.
if [ "$want_bench" = 1 ] && ! { command -v node >/dev/null && command -v npm >/dev/null; }; then
  missing+=(nodejs npm)
fi

if [ "${#missing[@]}" -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}"
  apt_update_once
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# libFuzzer and clang's sanitizer runtimes come in a package named after clang's major version
# (libclang-rt-14-dev on Debian 12), which clang only recommends.
if [ "$want_sanitize" = 1 ]; then
  clang_major=$(clang --version | sed -n 's/.*clang version \([0-9]*\).*/\1/p' | head -1)
  runtime="libclang-rt-${clang_major}-dev"
  if ! installed "$runtime"; then
    apt_update_once
    if apt-cache show "$runtime" >/dev/null 2>&1; then
      echo "install-deps: installing $runtime"
      as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$runtime" >/dev/null
    fi
  fi
fi
echo "install-deps: ready"
