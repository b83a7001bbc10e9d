#!/usr/bin/env python3
"""The tcaplus-mock benchmark: wrk replaying signed API requests against the emulator and, in the
same run on the same machine, against nginx answering canned responses of the same bytes.

    python3 bench/run.py --binary build-bench/server/tcaplus-mock [--smoke] [--scenarios a,b,c,d,e]
                         [--rounds 3] [--duration 10] [--markdown results.md]

bench/run.sh installs what this needs and builds the emulator; see bench/README.md.
"""

import argparse
import json
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
# The loopback client and the process helpers are the reliability tests' too. No bytecode: this
# script is run from the source tree, and would otherwise leave tests/support/__pycache__ in it.
sys.path.insert(0, os.path.join(HERE, os.pardir, "tests", "support"))
sys.dont_write_bytecode = True
from emulator_process import free_port, peak_rss_kib, rss_kib, start_emulator, utc8  # noqa: E402
from loopback_http import raw_exchange, request  # noqa: E402

CLUSTER_ID = "1234567890"

SCENARIOS = {
    "a": {"name": "CreateSnapshots, 1 table", "corpus": "create"},
    "b": {"name": "CreateSnapshots over the limit (1 SecretId)", "corpus": "throttled"},
    "c": {"name": "DescribeSnapshots, 20 snapshots", "corpus": "describe"},
    "d": {"name": "CreateSnapshots, 1,000,000 stored", "corpus": "create"},
    "e": {"name": "CreateSnapshots, 100 tables", "corpus": "create100"},
    "f": {"name": "DescribeTables, 20 of 1,000 tables", "corpus": "tables"},
}
TABLES_IDL = ('syntax = "proto2"; import "tcaplusservice.optionv1.proto";\n'
              'message bench_table { option(tcaplusservice.tcaplus_primary_key) = "uin,name";'
              ' required int64 uin = 1; required string name = 2; optional int32 level = 3;'
              ' optional string note = 4; }\n')


def secret_id(i):
    return f"AKIDbench{i:06d}"


def secret_key(i):
    return f"bench-secret-key-{i}"


def cpu_seconds(pid):
    """User plus system CPU time of `pid` so far, from /proc/<pid>/stat."""
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def process_tree_cpu(pid):
    """CPU seconds of `pid` and its children (nginx's workers)."""
    total = cpu_seconds(pid)
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as children:
            for child in children.read().split():
                total += cpu_seconds(int(child))
    except OSError:
        pass
    return total


def requests_by_code(port):
    """tcaplus_mock_requests_total by code, and the snapshots stored, from /_mock/metrics."""
    _, _, text = request(port, "GET", "/_mock/metrics", timeout=120)
    counts = {}
    stored = 0
    for line in text.decode().splitlines():
        match = re.match(r'tcaplus_mock_requests_total\{action="[^"]*",code="([^"]*)"\} (\d+)', line)
        if match:
            counts[match.group(1)] = counts.get(match.group(1), 0) + int(match.group(2))
        if line.startswith("tcaplus_mock_snapshots_stored "):
            stored = int(line.split()[1])
    return counts, stored


class Bench:
    def __init__(self, args):
        self.args = args
        self.work = tempfile.mkdtemp(prefix="tcaplus-mock-bench-")
        self.port = free_port()
        self.nginx_port = free_port()
        self.secret_ids = 4000
        self.config_path = os.path.join(self.work, "config.json")
        self.write_config()
        self.startup_ms = []
        self.idle_rss = []

    # ---- set-up -----------------------------------------------------------------------------

    def write_config(self):
        credentials = [{"secret_id": secret_id(i), "secret_key": secret_key(i)} for i in range(self.secret_ids)]
        # (f) reads one account's cluster from one SecretId: its limit off, as in a test suite's loop.
        config = {"auth": {"mode": "any", "credentials": credentials, "timestamp_window": "1h"},
                  "rate_limits": {"DescribeTables": 0}}
        with open(self.config_path, "w") as file:
            json.dump(config, file)

    def seed(self, path, accounts, per_account, prefix):
        """A state document with `per_account` snapshots in each of `accounts`."""
        now = time.time()
        taken, dead = utc8(now - 7200), utc8(now + 30 * 86400)
        with open(path, "w") as file:
            file.write('{"version": 1, "scope": "accounts", "accounts": [')
            for a, account in enumerate(accounts):
                file.write(("," if a else "") + json.dumps({"account": account}).rstrip("}") + ', "snapshots": [')
                for n in range(per_account):
                    file.write(("," if n else "") + json.dumps({
                        "cluster_id": CLUSTER_ID, "table_group_id": "1", "table_name": "seeded",
                        "snapshot_name": f"{prefix}-{n:05d}", "snapshot_time": taken, "dead_time": dead}))
                file.write("]}")
            file.write("]}")

    def seed_tables(self, path, account, tables):
        """A state document with one cluster of `tables` tables in 10 table groups, all of one IDL file."""
        groups = [{"cluster_id": CLUSTER_ID, "table_group_id": str(g + 1), "name": f"group{g + 1}"} for g in range(10)]
        rows = [{"cluster_id": CLUSTER_ID, "table_group_id": str(n % 10 + 1), "table_name": f"bench_table_{n:04d}",
                 "file_id": 1} for n in range(tables)]
        document = {"version": 2, "accounts": [{
            "account": account,
            "clusters": [{"cluster_id": CLUSTER_ID, "name": "bench", "idl_type": "PROTO"}],
            "table_groups": groups,
            "idl_files": [{"cluster_id": CLUSTER_ID, "file_id": 1, "name": "bench_table", "file_type": "PROTO",
                           "ext_type": "proto", "content": TABLES_IDL}],
            "tables": rows}]}
        with open(path, "w") as file:
            json.dump(document, file)

    def base_database(self, scenario):
        """The database a round of `scenario` starts from (a copy is made per round), or None."""
        if scenario == "c":
            path = os.path.join(self.work, "describe.db")
            if not os.path.exists(path):
                seed = os.path.join(self.work, "describe-seed.json")
                self.seed(seed, [secret_id(i) for i in range(self.secret_ids)], 20, "s")
                self.prepare(path, seed)
            return path
        if scenario == "f":
            path = os.path.join(self.work, "tables.db")
            if not os.path.exists(path):
                seed = os.path.join(self.work, "tables-seed.json")
                self.seed_tables(seed, secret_id(0), 1000)
                self.prepare(path, seed)
            return path
        if scenario == "d":
            path = os.path.join(self.work, "million.db")
            if not os.path.exists(path):
                seed = os.path.join(self.work, "million-seed.json")
                accounts, per_account = (10, 1000) if self.args.smoke else (1000, 1000)
                self.seed(seed, [f"other-{i:04d}" for i in range(accounts)], per_account, "m")
                started = time.monotonic()
                self.prepare(path, seed)
                print(f"  stored {accounts * per_account} snapshots for (d) in {time.monotonic() - started:.1f} s",
                      flush=True)
                os.remove(seed)
            return path
        return None

    def prepare(self, database, seed):
        process = self.launch(database, "--seed", seed)
        process.send_signal(signal.SIGTERM)
        process.wait(60)

    def corpus(self, scenario, name, requests):
        prefix = os.path.join(self.work, f"{scenario}-{name}")
        subprocess.run(["node", os.path.join(HERE, "make-corpus.mjs"), "--scenario", SCENARIOS[scenario]["corpus"],
                        "--out", prefix, "--port", str(self.port), "--requests", str(requests),
                        "--threads", str(self.args.threads), "--secret-ids", str(self.secret_ids),
                        "--run", f"{scenario}{name}{int(time.time())}"], check=True)
        return prefix

    # ---- servers ----------------------------------------------------------------------------

    def launch(self, database, *args):
        """The emulator on this bench's port (the corpora's requests are signed for it), once healthy;
        its stderr is this script's."""
        return start_emulator(self.args.binary, self.port, database, ["--config", self.config_path, *args],
                              stderr=None, timeout=120)

    def start_emulator(self, database):
        started = time.monotonic()
        process = self.launch(database)
        self.startup_ms.append((time.monotonic() - started) * 1000)
        time.sleep(0.2)
        self.idle_rss.append(rss_kib(process.pid))
        return process

    def start_nginx(self, body):
        folder = os.path.join(self.work, "nginx")
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(HERE, "nginx.conf.in")) as template:
            text = template.read()
        with open(os.path.join(folder, "answer.json"), "w") as answer:
            answer.write(body)
        text = (text.replace("@WORKERS@", str(self.args.threads)).replace("@PORT@", str(self.nginx_port))
                .replace("@DIR@", folder))
        conf = os.path.join(folder, "nginx.conf")
        with open(conf, "w") as file:
            file.write(text)
        process = subprocess.Popen(["nginx", "-c", conf, "-p", folder], stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.nginx_port), timeout=1).close()
                return process
            except OSError:
                time.sleep(0.01)
        raise RuntimeError("nginx did not start")

    def start_profiler(self, pid, scenario, round_number):
        """perf record of the emulator during the measured run (--profile), first round only."""
        if not self.args.profile or round_number != 0:
            return None
        output = os.path.join(self.args.profile, f"perf-{scenario}.data")
        os.makedirs(self.args.profile, exist_ok=True)
        call_graph = os.environ.get("PERF_CALL_GRAPH", "fp")
        return subprocess.Popen(["perf", "record", "-e", "cpu-clock", "-F", "999", "--call-graph", call_graph,
                                 "-p", str(pid), "-o", output],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def stop_profiler(self, profiler):
        if profiler is None:
            return
        profiler.send_signal(signal.SIGINT)
        profiler.wait(60)

    def typical_answer(self, corpus, count):
        """The emulator's answer to the `count`th request of a corpus (what nginx is to answer)."""
        with open(f"{corpus}-0.corpus", "rb") as file:
            for _ in range(count):
                size = int(file.readline())
                answer = raw_exchange(self.port, file.read(size), timeout=30)[2]
        return answer.decode()

    def wrk(self, port, prefix, duration):
        result = subprocess.run(
            ["wrk", f"-t{self.args.threads}", f"-c{self.args.connections}", f"-d{duration}s", "--timeout", "10s",
             "-s", os.path.join(HERE, "replay.lua"), f"http://127.0.0.1:{port}/", "--", prefix],
            capture_output=True, text=True, check=True)
        figures = json.loads(result.stdout.strip().splitlines()[-1])
        figures["rps"] = figures["requests"] / (figures["duration_us"] / 1e6)
        figures["transport_errors"] = sum(figures[k] for k in
                                          ("errors_connect", "errors_read", "errors_write", "errors_status",
                                           "errors_timeout"))
        return figures

    # ---- one scenario -----------------------------------------------------------------------

    def run(self, scenario):
        args = self.args
        print(f"({scenario}) {SCENARIOS[scenario]['name']}", flush=True)
        base = self.base_database(scenario)
        per_request = 100 if scenario == "e" else 1
        # Requests a corpus must hold per second of load, so that it never runs out (a repeated
        # request fails as a duplicate, cheaper than a create): above the rates seen on 2 cores.
        expected_rate = 3000 / per_request if args.smoke else {1: 60000, 100: 4000}[per_request]
        warm = self.corpus(scenario, "warm", max(2000, int(expected_rate * args.warmup)))
        measure = self.corpus(scenario, "measure", max(4000, int(expected_rate * (args.duration + 2))))
        # The corpora just written would otherwise reach the disk half a minute later, in the middle of
        # a measured round, and stall the emulator's checkpoints (a p99 of 150 ms in one round of three).
        os.sync()
        canned = None
        rounds = []
        for round_number in range(args.rounds):
            database = os.path.join(self.work, f"{scenario}-{round_number}.db")
            if base:
                shutil.copyfile(base, database)
            emulator = self.start_emulator(database)
            try:
                if canned is None:
                    canned = self.typical_answer(warm, 30 if scenario == "b" else 1)
                before, _ = requests_by_code(self.port)  # errors count from the warm-up on
                self.wrk(self.port, warm, args.warmup)
                _, stored_before = requests_by_code(self.port)  # stored only in the measured run
                profiler = self.start_profiler(emulator.pid, scenario, round_number)
                cpu_before = cpu_seconds(emulator.pid)
                figures = self.wrk(self.port, measure, args.duration)
                figures["cpu_us"] = (cpu_seconds(emulator.pid) - cpu_before) * 1e6 / max(1, figures["requests"])
                self.stop_profiler(profiler)
                after, stored_after = requests_by_code(self.port)
                figures["peak_rss_kib"] = peak_rss_kib(emulator.pid)
            finally:
                emulator.send_signal(signal.SIGTERM)
                emulator.wait(30)
            codes = {code: after.get(code, 0) - before.get(code, 0) for code in after}
            expected = {"Success", "RequestLimitExceeded"} if scenario == "b" else {"Success"}
            figures["api_errors"] = sum(count for code, count in codes.items() if code not in expected)
            figures["codes"] = {code: count for code, count in codes.items() if count}
            figures["stored"] = stored_after - stored_before
            nginx = self.start_nginx(canned)
            try:
                self.wrk(self.nginx_port, warm, args.warmup)
                nginx_cpu = process_tree_cpu(nginx.pid)
                reference = self.wrk(self.nginx_port, measure, args.duration)
                reference["cpu_us"] = (process_tree_cpu(nginx.pid) - nginx_cpu) * 1e6 / max(1, reference["requests"])
            finally:
                nginx.send_signal(signal.SIGQUIT)
                nginx.wait(30)
            figures["nginx_rps"] = reference["rps"]
            figures["nginx_cpu_us"] = reference["cpu_us"]
            figures["nginx_p99_us"] = reference["p99_us"]
            figures["ratio"] = figures["rps"] / reference["rps"]
            rounds.append(figures)
            print(f"  round {round_number + 1}: {figures['rps']:.0f} req/s vs nginx {reference['rps']:.0f} "
                  f"({figures['ratio']:.2f}x), p99 {figures['p99_us'] / 1000:.2f} ms (nginx {figures['nginx_p99_us'] / 1000:.2f}), {figures['cpu_us']:.1f} us CPU/req "
                  f"(nginx {figures['nginx_cpu_us']:.1f}), "
                  f"errors {figures['api_errors'] + figures['transport_errors']}, wrapped {figures['wrapped']}, "
                  f"codes {figures['codes']}", flush=True)
            for file in (database, database + "-wal", database + "-shm"):
                if os.path.exists(file):
                    os.remove(file)
        return self.summary(scenario, rounds, per_request)

    def summary(self, scenario, rounds, per_request):
        median = lambda key: statistics.median(r[key] for r in rounds)
        stored_per_second = statistics.median(r["stored"] / (r["duration_us"] / 1e6) for r in rounds)
        return {
            "scenario": scenario,
            "name": SCENARIOS[scenario]["name"],
            "rps": median("rps"),
            "p50_ms": median("p50_us") / 1000,
            "p99_ms": median("p99_us") / 1000,
            "max_ms": median("max_us") / 1000,
            "errors": sum(r["api_errors"] + r["transport_errors"] for r in rounds),
            "wrapped": sum(r["wrapped"] for r in rounds),
            "peak_rss_mib": max(r["peak_rss_kib"] for r in rounds) / 1024,
            "nginx_rps": median("nginx_rps"),
            "nginx_p99_ms": median("nginx_p99_us") / 1000,
            "ratio": statistics.median(r["ratio"] for r in rounds),
            "cpu_us": median("cpu_us"),
            "nginx_cpu_us": median("nginx_cpu_us"),
            "tables_per_second": stored_per_second if per_request > 1 else None,
            "stored_per_second": stored_per_second,
        }


def markdown(results, bench, args):
    lines = [
        f"Machine: {platform.node()}, {os.cpu_count()} cores, {platform.machine()}, Linux {platform.release()}; "
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; wrk -t{args.threads} -c{args.connections}, "
        f"{args.duration} s after a {args.warmup} s warm-up, {args.rounds} rounds, medians.",
        "",
        "| Scenario | req/s | p50 ms | p99 ms | max ms | errors | peak RSS MiB | CPU µs/req | nginx req/s | nginx p99 ms | nginx CPU µs/req | ratio |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        extra = f" ({r['tables_per_second']:.0f} tables/s)" if r["tables_per_second"] else ""
        lines.append(f"| ({r['scenario']}) {r['name']} | {r['rps']:.0f}{extra} | {r['p50_ms']:.2f} | {r['p99_ms']:.2f} | "
                     f"{r['max_ms']:.1f} | {r['errors']} | {r['peak_rss_mib']:.1f} | {r['cpu_us']:.1f} | {r['nginx_rps']:.0f} | "
                     f"{r['nginx_p99_ms']:.2f} | {r['nginx_cpu_us']:.1f} | {r['ratio']:.2f} |")
    lines += ["", f"Idle RSS {statistics.median(bench.idle_rss) / 1024:.1f} MiB; healthy "
                  f"{statistics.median(bench.startup_ms):.0f} ms after the process starts (median of "
                  f"{len(bench.startup_ms)} starts)."]
    wrapped = [r["scenario"] for r in results if r["wrapped"]]
    if wrapped:
        lines.append(f"The corpus ran out and started again in ({'), ('.join(wrapped)}): repeated requests were "
                     f"answered as duplicates.")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", required=True)
    parser.add_argument("--smoke", action="store_true", help="a few seconds per scenario, loose checks")
    parser.add_argument("--scenarios", default="a,b,c,d,e,f")
    parser.add_argument("--rounds", type=int)
    parser.add_argument("--duration", type=int)
    parser.add_argument("--warmup", type=int)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--markdown", help="also write the results table to this file")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    parser.add_argument("--profile", metavar="FOLDER",
                        help="record a perf profile of the emulator's first measured run of each scenario there")
    args = parser.parse_args()
    args.rounds = args.rounds or (1 if args.smoke else 3)
    args.duration = args.duration or (2 if args.smoke else 10)
    args.warmup = args.warmup or (1 if args.smoke else 2)

    bench = Bench(args)
    try:
        results = [bench.run(s) for s in args.scenarios.split(",")]
    finally:
        if not args.keep:
            shutil.rmtree(bench.work, ignore_errors=True)
    table = markdown(results, bench, args)
    print("\n" + table)
    if args.markdown:
        with open(args.markdown, "w") as file:
            file.write(table + "\n")
    writes = {"a", "d", "e"}
    failures = [r for r in results
                if r["errors"] or r["rps"] <= 0 or (r["scenario"] in writes and r["stored_per_second"] <= 0)]
    if failures:
        print("bench: scenarios with errors: " + ", ".join(r["scenario"] for r in failures), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
