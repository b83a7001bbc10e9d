"""The built tcaplus-mock as a process, for the reliability tests and the benchmark (bench/run.py),
standard library only: a free loopback port, starting the binary and waiting until /_mock/health
answers, the process's memory from /proc, and the UTC+8 datetimes the API speaks.
"""

import socket
import subprocess
import time

from loopback_http import HOST, request


def free_port():
    """A loopback port nothing listens on (bound once by the kernel, then released)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def utc8(seconds):
    """`seconds` since the epoch as the API's datetime, `YYYY-MM-DD hh:mm:ss` in UTC+8."""
    return time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(seconds + 8 * 3600))


def start_emulator(binary, port, database, args=(), *, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   env=None, timeout=15.0):
    """Starts `binary` on 127.0.0.1:`port` with its database at `database` and further `args`, in `env`
    (None: this process's environment), and returns its Popen once it is healthy. Raises RuntimeError
    when it exits first or is not healthy within `timeout` seconds (it is then left running)."""
    command = [binary, "--bind", HOST, "--port", str(port), "--db", database, *args]
    process = subprocess.Popen(command, stdout=stdout, stderr=stderr, env=env)
    wait_until_healthy(process, port, timeout)
    return process


def wait_until_healthy(process, port, timeout):
    """Returns once GET /_mock/health on `port` answers 200; RuntimeError when `process` exits first
    or `timeout` seconds pass."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"tcaplus-mock exited with status {process.returncode} at start-up")
        try:
            if request(port, "GET", "/_mock/health", timeout=1)[0] == 200:
                return
        except OSError:
            pass
        # Every millisecond: the benchmark reports how soon after its start the emulator is healthy.
        time.sleep(0.001)
    raise RuntimeError(f"tcaplus-mock was not healthy within {timeout} s")


def rss_kib(pid):
    """The resident set size of `pid` (VmRSS) in KiB, from /proc. Raises OSError when `pid` is gone
    (a child not yet waited for is not); 0 when the process has no memory (a zombie)."""
    return _status_kib(pid, "VmRSS")


def peak_rss_kib(pid):
    """The peak resident set size of `pid` so far (VmHWM) in KiB, from /proc; fails as rss_kib does."""
    return _status_kib(pid, "VmHWM")


def _status_kib(pid, field):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0
