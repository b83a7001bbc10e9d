"""Helpers for the reliability tests: start the built emulator as a real process, talk to it over
loopback with Python's own http.client (the client the Python SDK and tccli run on), and stop it.

The binary comes from TCAPLUS_MOCK_BIN (ctest sets it). Every server gets a fresh folder for its
database unless a path is given, and is killed if a test leaves it running.
"""

import hashlib
import hmac
import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import uuid

BINARY = os.environ.get("TCAPLUS_MOCK_BIN", "")
START_TIMEOUT = 15.0


def free_port():
    """A loopback port nothing listens on (bound once by the kernel, then released)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def server_environment():
    """This process's environment without TCAPLUS_MOCK_* settings, which the server would read."""
    return {name: value for name, value in os.environ.items() if not name.startswith("TCAPLUS_MOCK_")}


class Server:
    """A running tcaplus-mock on 127.0.0.1:<port>."""

    def __init__(self, *, args=(), database=None, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                 environment=None):
        if not BINARY:
            raise RuntimeError("set TCAPLUS_MOCK_BIN to the tcaplus-mock executable")
        self.folder = tempfile.mkdtemp(prefix="tcaplus-mock-reliability-")
        self.database = database or os.path.join(self.folder, "tcaplus-mock.db")
        self.port = free_port()
        command = [BINARY, "--bind", "127.0.0.1", "--port", str(self.port), "--db", self.database, *args]
        env = server_environment()
        env.update(environment or {})
        self.process = subprocess.Popen(command, stdout=stdout, stderr=stderr, env=env)
        self.wait_until_healthy()

    def wait_until_healthy(self, timeout=START_TIMEOUT):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"tcaplus-mock exited with status {self.process.returncode} at start-up")
            try:
                status, _, _ = self.request("GET", "/_mock/health", timeout=1)
                if status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.02)
        raise RuntimeError(f"tcaplus-mock was not healthy within {timeout} s")

    def connection(self, timeout=10):
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)

    def request(self, method, path, body=None, headers=None, timeout=10):
        """One request on a fresh connection: (status, headers, body bytes)."""
        connection = self.connection(timeout)
        try:
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            return response.status, dict(response.getheaders()), response.read()
        finally:
            connection.close()

    def api(self, action, params, headers=None, timeout=10):
        """An unsigned API call (the server runs with --auth-mode off): the envelope's Response."""
        all_headers = {
            "Content-Type": "application/json",
            "X-TC-Action": action,
            "X-TC-Version": "2019-08-23",
            "X-TC-Region": "ap-guangzhou",
        }
        all_headers.update(headers or {})
        status, _, body = self.request("POST", "/", json.dumps(params), all_headers, timeout)
        assert status == 200, (status, body)
        return json.loads(body)["Response"]

    def terminate(self, timeout=15):
        """SIGTERM, then the exit status (None when it did not exit within `timeout`)."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            return None

    def kill(self):
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()

    def close(self):
        self.kill()
        shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def snapshot(name, table="cl_generic", group="1"):
    """A SnapshotInfo item taken an hour ago that expires in a day (UTC+8 datetimes)."""
    now = time.time()
    return {
        "TableGroupId": group,
        "TableName": table,
        "SnapshotName": name,
        "SnapshotTime": utc8(now - 3600),
        "SnapshotDeadTime": utc8(now + 86400),
    }


def utc8(seconds):
    return time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(seconds + 8 * 3600))


def unique(prefix):
    return f"{prefix}-{uuid.uuid4().hex[:12]}"


def rss_kib(pid):
    """The resident set size of `pid` in KiB, from /proc."""
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def tc3_headers(action, body, secret_id, secret_key, host, *, service="tcaplusdb", token=None, timestamp=None):
    """The headers of a TC3-HMAC-SHA256 signed POST of `body` (str), as the SDKs build them."""
    timestamp = int(time.time()) if timestamp is None else timestamp
    date = time.strftime("%Y-%m-%d", time.gmtime(timestamp))
    content_type = "application/json"
    canonical = "\n".join([
        "POST", "/", "", f"content-type:{content_type}\nhost:{host}\n", "content-type;host",
        hashlib.sha256(body.encode()).hexdigest()])
    scope = f"{date}/{service}/tc3_request"
    to_sign = "\n".join(["TC3-HMAC-SHA256", str(timestamp), scope, hashlib.sha256(canonical.encode()).hexdigest()])
    key = ("TC3" + secret_key).encode()
    for part in (date, service, "tc3_request"):
        key = hmac.new(key, part.encode(), hashlib.sha256).digest()
    signature = hmac.new(key, to_sign.encode(), hashlib.sha256).hexdigest()
    headers = {
        "Content-Type": content_type,
        "Host": host,
        "X-TC-Action": action,
        "X-TC-Version": "2019-08-23",
        "X-TC-Region": "ap-guangzhou",
        "X-TC-Timestamp": str(timestamp),
        "Authorization": f"TC3-HMAC-SHA256 Credential={secret_id}/{scope}, SignedHeaders=content-type;host, "
                         f"Signature={signature}",
    }
    if token is not None:
        headers["X-TC-Token"] = token
    return headers


def raw_exchange(port, request_bytes, timeout=10):
    """Sends raw bytes, reads one Content-Length framed answer: (status, header bytes, body bytes)."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as connection:
        connection.sendall(request_bytes)
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = connection.recv(65536)
            if not chunk:
                raise ConnectionError(f"closed before an answer: {data!r}")
            data += chunk
        head, body = data.split(b"\r\n\r\n", 1)
        length = 0
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value.strip())
        while len(body) < length:
            chunk = connection.recv(65536)
            if not chunk:
                break
            body += chunk
        status = int(head.split(b" ", 2)[1])
        return status, head, body[:length]


def peak_rss_kib(pid):
    """The peak resident set size of `pid` so far (VmHWM) in KiB."""
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0
