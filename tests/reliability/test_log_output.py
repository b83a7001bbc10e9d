"""The request log never blocks or kills request handling: an unread stdout pipe costs log lines,
a reader that went away too, and neither stops the emulator from answering or from exiting."""

import os
import subprocess
import time
import unittest

from harness import Server, snapshot, unique


# Unsigned, and without the frequency limit (it would count every request against 127.0.0.1).
ARGS = ["--auth-mode", "off", "--set", "rate_limits.CreateSnapshots=0"]


def answered_creates(server, count):
    for i in range(count):
        response = server.api("CreateSnapshots", {"ClusterId": "xx", "SelectedTables": [snapshot(unique(f"log-{i}"))]},
                              timeout=5)
        assert response["TableResults"][0]["Error"]["Code"] == "", response


class UnreadStdout(unittest.TestCase):
    def test_requests_and_health_keep_answering_and_sigterm_still_stops(self):
        # stdout is a pipe this test never reads: after about 64 KiB of log a blocking writer would stall.
        with Server(args=ARGS, stdout=subprocess.PIPE) as server:
            answered_creates(server, 1500)  # about 300 KB of log lines
            started = time.monotonic()
            status, _, body = server.request("GET", "/_mock/health", timeout=5)
            self.assertEqual(status, 200, body)
            self.assertLess(time.monotonic() - started, 2.0, "health must not wait for the log")
            self.assertEqual(server.terminate(timeout=10), 0)
            server.process.stdout.close()


class ReaderGone(unittest.TestCase):
    def test_the_emulator_keeps_running_when_its_log_reader_goes_away(self):
        read_end, write_end = os.pipe()
        os.close(read_end)  # the reader is gone before the first line: `tcaplus-mock | head -0`
        try:
            with Server(args=ARGS, stdout=write_end) as server:
                answered_creates(server, 50)
                self.assertIsNone(server.process.poll(), "SIGPIPE must not kill the emulator")
                self.assertEqual(server.terminate(timeout=10), 0)
        finally:
            os.close(write_end)


if __name__ == "__main__":
    unittest.main()
