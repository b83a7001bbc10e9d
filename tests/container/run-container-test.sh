#!/usr/bin/env bash
# run-container-test.sh [REPO_ROOT]: the container image, checked the way CI users run it.
#
# Builds docker/Dockerfile (with `docker` when `docker info` succeeds, else with buildah + podman in a
# private storage), then checks what only a container can show: the image fits the size budget and
# declares its HEALTHCHECK and a non-root USER; a container on a named volume and a random loopback
# port becomes healthy, runs as non-root, answers the official SDK (one CreateSnapshots), stops on
# SIGTERM with exit status 0 within 5 s; a new container on the same volume still has the snapshot
# the first one created. Then the Testcontainers module (clients/testcontainers-node) runs its tests
# against the same image, through the engine's Docker API socket (for podman, a `podman system
# service` of this run). Everything else about the emulator is tested outside the image once.
#
# Exit status: 0 passed, 1 failed, 77 skipped (no container engine can build and run here, e.g.
# inside another container; with TCAPLUS_MOCK_REQUIRE_CONTAINER=1 that is a failure instead).
#
# Environment:
#   TCAPLUS_MOCK_REQUIRE_CONTAINER=1  fail instead of skipping when no engine can run
#   TCAPLUS_MOCK_CONTAINER_ENGINE     docker | podman: use that one instead of choosing
#   TCAPLUS_MOCK_CONTAINER_TEST_DIR   buildah/podman storage, base image and layer cache, kept between
#                                     runs (default /var/tmp/tcaplus-mock-container-test)
#
# Needs bash, node and npm (for tests/sdk and clients/testcontainers-node); for the buildah/podman
# path also root and apt-get, which install buildah, podman, runc and debootstrap when missing. What a
# run creates (containers, the volume, the image) is removed when it ends; the base image and the
# build cache stay.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "${1:-$here/../..}" && pwd)
state=${TCAPLUS_MOCK_CONTAINER_TEST_DIR:-/var/tmp/tcaplus-mock-container-test}

readonly size_budget_bytes=20000000   # 20 MB
readonly health_timeout_ms=60000
readonly stop_budget_ms=5000
readonly base_image=docker.io/library/debian:bookworm-slim
readonly deps_cache_image=localhost/tcaplus-mock-cache:deps
readonly build_cache_image=localhost/tcaplus-mock-cache:build
readonly owner_label=tcaplus-mock-container-test

run_id=$$
image=localhost/tcaplus-mock:container-test-$run_id
volume=tcaplus-mock-container-test-$run_id
logs=$(mktemp -d "${TMPDIR:-/tmp}/tcaplus-mock-container-test.XXXXXX")
engine=
docker_api_pid=
containers=()
results=()
failed=0

say() { echo "container-test: $*"; }
now_ms() { echo $(($(date +%s%N) / 1000000)); }

pass() { results+=("PASS  $1"); say "PASS: $1"; }
fail() {
  results+=("FAIL  $1")
  failed=1
  say "FAIL: $1"
}

summary() {
  echo
  if [ "$failed" = 0 ]; then say "summary"; else say "summary (logs kept in $logs)"; fi
  local line
  for line in "${results[@]}"; do echo "  $line"; done
}

# A failure after which the remaining checks cannot run.
die() {
  fail "$1"
  summary
  exit 1
}

cannot_run() {
  echo
  echo "################################################################################"
  echo "##  CONTAINER TEST NOT RUN: no container engine can build and run images here"
  echo "##  $1"
  echo "##  (docker needs a reachable engine; buildah/podman need root, apt-get, and a"
  echo "##  machine that allows mounts and namespaces, i.e. not nested in a container)"
  echo "################################################################################"
  echo
  if [ "${TCAPLUS_MOCK_REQUIRE_CONTAINER:-0}" = 1 ]; then
    say "TCAPLUS_MOCK_REQUIRE_CONTAINER=1: not running is a failure"
    exit 1
  fi
  exit 77
}

# Drops the noise podman prints on machines without systemd (it cannot schedule health-check timers;
# this test runs the checks itself).
quiet_systemd() { grep -v 'unable to get systemd connection' >&2 || true; }

ctr() { "$engine" "$@" 2> >(quiet_systemd); }

# ---------------------------------------------------------------------------------------------
# The engine

docker_usable() {
  command -v docker > /dev/null && docker info > /dev/null 2>&1
}

# Containers need new mount and pid namespaces; inside another container they are usually refused.
# Asked first, so that such a machine is told in a second, before anything is installed.
namespaces_allowed() {
  command -v unshare > /dev/null || return 0
  if [ "$(id -u)" = 0 ]; then
    unshare --mount --pid --fork true 2> /dev/null
  else
    unshare --user --map-root-user --mount true 2> /dev/null
  fi
}

install_podman_tools() {
  local missing=() tool
  for tool in buildah podman runc debootstrap; do
    command -v "$tool" > /dev/null || missing+=("$tool")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" != 0 ] || ! command -v apt-get > /dev/null; then
    cannot_run "missing ${missing[*]}, and cannot install them (needs root and apt-get)"
  fi
  say "installing ${missing[*]} with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq buildah podman runc debootstrap > "$logs/apt.log" 2>&1 \
    || { apt-get update -qq >> "$logs/apt.log" 2>&1 \
      && apt-get install -y -qq buildah podman runc debootstrap >> "$logs/apt.log" 2>&1; } \
    || cannot_run "apt-get could not install buildah podman runc debootstrap (see $logs/apt.log)"
}

# A storage of our own: the host's images and containers are never touched, and everything this test
# leaves behind (base image, build cache) lives under $state.
configure_podman_storage() {
  mkdir -p "$state"
  cat > "$state/storage.conf" << EOF
[storage]
driver = "overlay"
graphroot = "$state/storage"
runroot = "$state/run"
EOF
  # runc and cgroupfs: crun and the systemd cgroup manager fail on hosts with hybrid cgroups; podman's
  # default file limit cannot be set everywhere either.
  cat > "$state/containers.conf" << 'EOF'
[containers]
default_ulimits = ["nofile=1024:1024", "nproc=4096:4096"]
log_driver = "k8s-file"

[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
EOF
  export CONTAINERS_STORAGE_CONF=$state/storage.conf CONTAINERS_CONF=$state/containers.conf
}

# The first line of FILE that reports an error, else its last line.
first_error() {
  grep -m1 -iE 'error|not permitted|denied' "$1" || tail -n 1 "$1"
}

ensure_base_image() {
  buildah inspect --type image "$base_image" > /dev/null 2>&1 && return 0
  say "no debian:bookworm-slim in $state: making one (no registry needed, about a minute)"
  (
    flock 9
    buildah inspect --type image "$base_image" > /dev/null 2>&1 \
      || "$here/make-base-image.sh" "$state" > "$logs/base-image.log" 2>&1
  ) 9> "$state/base-image.lock" \
    || cannot_run "could not make the base image: $(first_error "$logs/base-image.log")"
}

# Building (chroot isolation) and running (runc, published port) must both work before a failure can
# be blamed on the image.
probe_podman() {
  local probe
  probe=$(buildah from --pull=never "$base_image" 2> "$logs/probe.log") \
    || cannot_run "buildah cannot use its storage here: $(first_error "$logs/probe.log")"
  if ! buildah run --isolation chroot "$probe" -- true >> "$logs/probe.log" 2>&1; then
    buildah rm "$probe" > /dev/null 2>&1
    cannot_run "buildah cannot run a build step here: $(first_error "$logs/probe.log")"
  fi
  buildah rm "$probe" > /dev/null 2>&1
  podman run --rm --pull=never -p 127.0.0.1::9 "$base_image" true > "$logs/probe.log" 2>&1 \
    || cannot_run "podman cannot run a container here: $(first_error "$logs/probe.log")"
}

# One run at a time per storage: the clean-up prunes images another run's build may still need. The
# script runs again under `flock -o`, so that the lock is held by flock alone and released when this
# run ends, however it ends; an inherited lock descriptor would live on in conmon.
run_alone() {
  [ "${_TCAPLUS_MOCK_CONTAINER_TEST_LOCKED:-}" = "$state" ] && return 0
  flock -n "$state/run.lock" true || say "waiting for another container test using $state"
  trap - EXIT
  rm -rf "$logs"
  exec flock -o "$state/run.lock" env _TCAPLUS_MOCK_CONTAINER_TEST_LOCKED="$state" \
    TCAPLUS_MOCK_CONTAINER_ENGINE=podman bash "$here/run-container-test.sh" "$root"
}

choose_engine() {
  case "${TCAPLUS_MOCK_CONTAINER_ENGINE:-}" in
    docker) docker_usable || cannot_run "TCAPLUS_MOCK_CONTAINER_ENGINE=docker, but \`docker info\` fails"; engine=docker ;;
    podman) engine=podman ;;
    "") if docker_usable; then engine=docker; else engine=podman; fi ;;
    *) say "TCAPLUS_MOCK_CONTAINER_ENGINE must be docker or podman"; exit 1 ;;
  esac
  if [ "$engine" = podman ]; then
    namespaces_allowed || cannot_run "this machine refuses new mount and pid namespaces (nested in a container?)"
    install_podman_tools
    configure_podman_storage
    run_alone
    ensure_base_image
    probe_podman
  fi
  say "engine: $engine ($("$engine" --version))"
}

# ---------------------------------------------------------------------------------------------
# Clean-up: what this run made, and what earlier runs killed mid-way left behind

remove_run_objects() {
  local pid=$1 name
  for name in $("$engine" ps -a --filter "label=$owner_label=$pid" --format '{{.Names}}' 2> /dev/null); do
    "$engine" rm -f "$name" > /dev/null 2>&1 || true
  done
  "$engine" volume rm -f "tcaplus-mock-container-test-$pid" > /dev/null 2>&1 || true
  "$engine" rmi -f "localhost/tcaplus-mock:container-test-$pid" > /dev/null 2>&1 || true
}

# The run ids (shell pids) that own objects here: container labels, volume and image names.
owned_run_ids() {
  local name
  for name in $("$engine" ps -a --filter "label=$owner_label" --format '{{.Names}}' 2> /dev/null); do
    "$engine" inspect -f "{{index .Config.Labels \"$owner_label\"}}" "$name" 2> /dev/null || true
  done
  "$engine" volume ls --format '{{.Name}}' 2> /dev/null | sed -n 's/^tcaplus-mock-container-test-\([0-9]*\)$/\1/p'
  "$engine" images --format '{{.Repository}}:{{.Tag}}' 2> /dev/null \
    | sed -n 's|^localhost/tcaplus-mock:container-test-\([0-9]*\)$|\1|p'
}

# Only in our private podman storage: on a shared docker engine, a pid from another machine or
# namespace could look dead while its run goes on.
remove_abandoned_runs() {
  local pid
  [ "$engine" = podman ] || return 0
  for pid in $(owned_run_ids | sort -u); do
    [ "$pid" != "$run_id" ] && ! kill -0 "$pid" 2> /dev/null && remove_run_objects "$pid"
  done
  return 0
}

cleanup() {
  local status=$?
  set +e
  stop_docker_api
  if [ -n "$engine" ]; then
    local name
    for name in "${containers[@]}"; do
      "$engine" logs "$name" > "$logs/$name.log" 2>&1
    done
    remove_run_objects "$run_id"
    # Our own storage only: drop superseded build caches (the current one is tagged and kept).
    [ "$engine" = podman ] && podman image prune -f > /dev/null 2>&1
  fi
  [ "$status" = 0 ] && rm -rf "$logs"
  rmdir "$logs" 2> /dev/null
  exit "$status"
}

# ---------------------------------------------------------------------------------------------
# Building

project_version() {
  sed -n 's/^project(tcaplus-mock VERSION \([0-9][0-9.]*\).*/\1/p' "$root/CMakeLists.txt"
}

build_image() {
  local args=(--build-arg "VERSION=$(project_version)" -f "$root/docker/Dockerfile")
  local source_url started
  source_url=$(git -C "$root" remote get-url origin 2> /dev/null || true)
  [ -n "$source_url" ] && args+=(--build-arg "SOURCE_URL=$source_url")
  say "building $image from docker/Dockerfile (log: $logs/build.log)"
  started=$(now_ms)
  if [ "$engine" = docker ]; then
    docker build "${args[@]}" -t "$image" "$root" > "$logs/build.log" 2>&1 || build_failed
  else
    # The first two stages are tagged so that pruning keeps them as the next run's cache, even when
    # the compile fails. --format docker: OCI image configs cannot hold a HEALTHCHECK.
    args+=(--isolation chroot --layers --force-rm --pull=never --format docker)
    buildah bud "${args[@]}" --target deps -t "$deps_cache_image" "$root" > "$logs/build.log" 2>&1 || build_failed
    buildah bud "${args[@]}" --target build -t "$build_cache_image" "$root" >> "$logs/build.log" 2>&1 || build_failed
    buildah bud "${args[@]}" -t "$image" "$root" >> "$logs/build.log" 2>&1 || build_failed
  fi
  say "built in $(($(now_ms) - started)) ms"
}

build_failed() {
  grep -E 'error|Error|FAILED|\(Failed\)' "$logs/build.log" | tail -n 30
  tail -n 5 "$logs/build.log"
  die "the image builds from docker/Dockerfile"
}

# ---------------------------------------------------------------------------------------------
# Containers

# start_container NAME: runs the image on the volume with 8023 published on a random loopback port.
start_container() {
  containers+=("$1")
  ctr run -d --name "$1" --label "$owner_label=$run_id" -v "$volume:/data" -p 127.0.0.1::8023 "$image" > /dev/null \
    || die "container $1 starts"
}

published_port() {
  "$engine" port "$1" 8023/tcp | sed -n 's/^127\.0\.0\.1:\([0-9]*\)$/\1/p' | head -1
}

container_state() { "$engine" inspect -f "{{$2}}" "$1"; }

# The image's own HEALTHCHECK: `podman healthcheck run` executes it; docker runs it on its own
# schedule, so the same command is executed directly for a fine-grained start-up time.
health_probe() {
  if [ "$engine" = podman ]; then
    podman healthcheck run "$1" > /dev/null 2>&1
  else
    docker exec "$1" /tcaplus-mock healthcheck > /dev/null 2>&1
  fi
}

# wait_healthy NAME STARTED_MS: prints the milliseconds from STARTED_MS to the first healthy probe.
wait_healthy() {
  local name=$1 started=$2
  while :; do
    if health_probe "$name"; then
      echo $(($(now_ms) - started))
      return 0
    fi
    if [ "$(container_state "$name" .State.Running)" != true ]; then
      "$engine" logs "$name" 2>&1 | tail -n 30 >&2
      return 1
    fi
    if [ $(($(now_ms) - started)) -gt "$health_timeout_ms" ]; then
      "$engine" logs "$name" 2>&1 | tail -n 30 >&2
      return 1
    fi
    sleep 0.1
  done
}

# Docker runs the HEALTHCHECK on its own schedule (what CI services wait for): it must report healthy.
check_scheduled_health() {
  local name=$1 started=$2 status
  while :; do
    status=$(container_state "$name" .State.Health.Status)
    [ "$status" = healthy ] && break
    if [ "$status" = unhealthy ] || [ $(($(now_ms) - started)) -gt "$health_timeout_ms" ]; then
      fail "docker reports $name healthy by its own schedule (status: $status)"
      return 0
    fi
    sleep 0.2
  done
  pass "docker reports $name healthy by its own schedule $(($(now_ms) - started)) ms after \`docker run\`"
}

# run_healthy NAME: starts a container and waits for it; sets `port`.
run_healthy() {
  local name=$1 started ms
  started=$(now_ms)
  start_container "$name"
  ms=$(wait_healthy "$name" "$started") || die "container $name becomes healthy within $((health_timeout_ms / 1000)) s"
  pass "container $name healthy $ms ms after \`$engine run\`"
  if [ "$engine" = docker ]; then check_scheduled_health "$name" "$started"; fi
  port=$(published_port "$name")
  [ -n "$port" ] || die "container $name publishes 8023 on 127.0.0.1"
  say "$name serves on 127.0.0.1:$port"
}

# stop_within_budget NAME: SIGTERM must end it, with exit status 0, before the stop timeout's SIGKILL.
stop_within_budget() {
  local name=$1 started ms code
  started=$(now_ms)
  ctr stop -t $((stop_budget_ms / 1000)) "$name" > /dev/null || true
  ms=$(($(now_ms) - started))
  code=$(container_state "$name" .State.ExitCode)
  if [ "$code" = 0 ] && [ "$ms" -le "$stop_budget_ms" ]; then
    pass "SIGTERM stops $name in $ms ms with exit status 0"
  else
    "$engine" logs "$name" 2>&1 | tail -n 20
    fail "SIGTERM stops $name within $stop_budget_ms ms with exit status 0 (took $ms ms, exit status $code)"
  fi
}

# ---------------------------------------------------------------------------------------------
# Checks

# image_field PATH...: the first of these fields of the image's inspect output that is present, as
# JSON (null when none is). Engines place fields differently (podman puts Healthcheck at the top,
# docker under Config), so the JSON is read with node rather than through a Go template.
image_field() {
  "$engine" image inspect "$image" | node -e '
    const [image] = JSON.parse(require("fs").readFileSync(0, "utf8"));
    const get = (path) => path.split(".").reduce((node, key) => (node == null ? undefined : node[key]), image);
    const found = process.argv.slice(1).map(get).find((value) => value !== undefined);
    console.log(JSON.stringify(found ?? null));' "$@"
}

check_image_config() {
  local health user size
  health=$(image_field Config.Healthcheck.Test Healthcheck.Test)
  user=$(image_field Config.User | tr -d '"')
  size=$("$engine" image inspect -f '{{.Size}}' "$image")
  say "image size: $size bytes ($((size / 1000)) kB; budget $size_budget_bytes bytes)"
  if [ "$size" -le "$size_budget_bytes" ]; then
    pass "image size $size bytes <= $size_budget_bytes"
  else
    fail "image size $size bytes <= $size_budget_bytes"
  fi
  if [ "$health" = '["CMD","/tcaplus-mock","healthcheck"]' ]; then
    pass "HEALTHCHECK is /tcaplus-mock healthcheck"
  else
    fail "HEALTHCHECK is /tcaplus-mock healthcheck (image has: $health)"
  fi
  case "$user" in
    "" | 0 | 0:* | root | root:*) fail "image USER is a non-root numeric user (image has: '$user')" ;;
    *) pass "image USER is $user" ;;
  esac
}

# The server's real uid, seen from the host (scratch has no `id` to exec).
check_non_root() {
  local name=$1 pid uids
  pid=$(container_state "$name" .State.Pid)
  if [ -r "/proc/$pid/status" ]; then
    uids=$(awk '/^Uid:/ { print $2, $3, $4, $5 }' "/proc/$pid/status")
  else
    uids=$(docker top "$name" -o uid | tail -n +2 | head -1)
  fi
  if [ -n "$uids" ] && ! grep -qw 0 <<< "$uids"; then
    pass "the server process runs as uid $uids (real, effective, saved, fs)"
  else
    fail "the server process runs as non-root (uids: '$uids')"
  fi
}

ensure_sdk_installed() {
  command -v node > /dev/null || die "node is installed (the SDK call needs it)"
  [ -d "$root/tests/sdk/node_modules/tencentcloud-sdk-nodejs" ] && return 0
  say "installing the SDK suite's packages (npm ci in tests/sdk)"
  (cd "$root/tests/sdk" && npm ci --no-audit --no-fund) > "$logs/npm.log" 2>&1 \
    || { tail -n 20 "$logs/npm.log"; die "npm ci in tests/sdk"; }
}

check_snapshot() {
  local mode=$1 port=$2 what=$3
  if node "$here/snapshot-persistence.mjs" "$mode" "127.0.0.1:$port" "$snapshot" > "$logs/persist-$mode.log" 2>&1; then
    sed 's/^/  /' "$logs/persist-$mode.log"
    pass "$what"
  else
    sed 's/^/  /' "$logs/persist-$mode.log"
    fail "$what"
  fi
}

# ---------------------------------------------------------------------------------------------
# The Testcontainers module, against the image built above

readonly testcontainers_dir=clients/testcontainers-node

# npm ci again only when the lock file changed since the last install.
ensure_testcontainers_installed() {
  local dir=$root/$testcontainers_dir started
  [ "$dir/node_modules/.package-lock.json" -nt "$dir/package-lock.json" ] && return 0
  say "installing the Testcontainers module's packages (npm ci in $testcontainers_dir)"
  started=$(now_ms)
  (cd "$dir" && npm ci --no-audit --no-fund) > "$logs/npm-testcontainers.log" 2>&1 \
    || { tail -n 20 "$logs/npm-testcontainers.log"; die "npm ci in $testcontainers_dir"; }
  say "installed in $(($(now_ms) - started)) ms"
}

# Testcontainers speaks the Docker Engine API. Docker serves it already (DOCKER_HOST or its default
# socket); podman serves it, on this run's storage, from a service of our own.
start_docker_api() {
  [ "$engine" = podman ] || return 0
  local socket=$logs/podman.sock waited=0
  podman system service --time=0 "unix://$socket" > "$logs/podman-service.log" 2>&1 &
  docker_api_pid=$!
  # The socket appears once the service accepts connections.
  until [ -S "$socket" ]; do
    [ "$waited" -ge 100 ] && die "podman system service answers on $socket"
    kill -0 "$docker_api_pid" 2> /dev/null || die "podman system service starts (see $logs/podman-service.log)"
    sleep 0.1
    waited=$((waited + 1))
  done
  export DOCKER_HOST=unix://$socket
}

stop_docker_api() {
  [ -n "$docker_api_pid" ] || return 0
  kill "$docker_api_pid" 2> /dev/null
  wait "$docker_api_pid" 2> /dev/null
  docker_api_pid=
}

# Ryuk (Testcontainers' reaper) is off: its image would be pulled from a registry, and this run's
# label on every container lets the clean-up remove what a killed test leaves.
check_testcontainers() {
  local started ms
  ensure_testcontainers_installed
  start_docker_api
  started=$(now_ms)
  if (cd "$root/$testcontainers_dir" \
    && TESTCONTAINERS_RYUK_DISABLED=true TCAPLUS_MOCK_IMAGE=$image \
      TCAPLUS_MOCK_CONTAINER_LABEL="$owner_label=$run_id" npm test) > "$logs/testcontainers.log" 2>&1; then
    ms=$(($(now_ms) - started))
    grep -E '^# (tests|pass|fail)' "$logs/testcontainers.log" | sed 's/^#/ /' || true
    pass "the Testcontainers module's tests pass against $image ($ms ms)"
  else
    # Each failed test with its assertion, then the counts.
    grep -A 14 -E '^ *not ok' "$logs/testcontainers.log" | head -n 60 || true
    grep -E '^# (tests|pass|fail)' "$logs/testcontainers.log" || tail -n 20 "$logs/testcontainers.log"
    fail "the Testcontainers module's tests pass against $image (log: $logs/testcontainers.log)"
  fi
  stop_docker_api
}

# ---------------------------------------------------------------------------------------------

main() {
  [ -f "$root/docker/Dockerfile" ] || { say "no docker/Dockerfile under $root"; exit 1; }
  trap cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  choose_engine
  remove_abandoned_runs
  ensure_sdk_installed

  build_image
  check_image_config

  "$engine" volume create --label "$owner_label=$run_id" "$volume" > /dev/null || die "volume $volume is created"
  snapshot=persist-$run_id-$(date +%s)

  local first=tcaplus-mock-ct-$run_id-1 second=tcaplus-mock-ct-$run_id-2 port
  run_healthy "$first"
  check_non_root "$first"
  check_snapshot create "$port" "the first container creates snapshot $snapshot"
  stop_within_budget "$first"

  run_healthy "$second"
  check_snapshot exists "$port" "a new container on the same volume still has snapshot $snapshot"
  stop_within_budget "$second"

  check_testcontainers

  summary
  [ "$failed" = 0 ] || exit 1
  say "all checks passed"
}

main
