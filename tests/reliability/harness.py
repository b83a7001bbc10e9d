"""Helpers for the reliability tests: start the built emulator as a real process, talk to it over
loopback with Python's own http.client (the client the Python SDK and tccli run on), and stop it.

The binary comes from TCAPLUS_MOCK_BIN (ctest sets it). Every server gets a fresh folder for its
database unless a path is given, and is killed if a test leaves it running. The loopback client and
the process helpers live in tests/support, shared with bench/run.py; the tests take the ones they
use (free_port, raw_exchange, peak_rss_kib) from here.
"""

import hashlib
import hmac
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir, "support"))
from emulator_process import free_port, peak_rss_kib, start_emulator, utc8  # noqa: E402,F401
from loopback_http import raw_exchange, request  # noqa: E402,F401

BINARY = os.environ.get("TCAPLUS_MOCK_BIN", "")
START_TIMEOUT = 15.0


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
        env = server_environment()
        env.update(environment or {})
        self.process = start_emulator(BINARY, self.port, self.database, args, stdout=stdout, stderr=stderr,
                                      env=env, timeout=START_TIMEOUT)

    def request(self, method, path, body=None, headers=None, timeout=10):
        """One request on a fresh connection: (status, headers, body bytes)."""
        return request(self.port, method, path, body, headers, timeout)

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


def unique(prefix):
    return f"{prefix}-{uuid.uuid4().hex[:12]}"


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
