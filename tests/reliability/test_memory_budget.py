"""Slow uploads cannot exhaust memory: bodies held in memory by all connections together stay within
server.body_memory (64 MiB by default). Two hundred connections each sending a 10 MB body minus its
last byte used to take 2 GB of RSS; over the budget a body is refused before it is read, with the
envelope a client can read once it has sent its body."""

import json
import socket
import threading
import time
import unittest

from harness import Server, peak_rss_kib

CONNECTIONS = 200
BODY_BYTES = 10 * 1024 * 1024
BODY_MEMORY_MIB = 64
# What the process needs besides the bodies: code, SQLite's caches, buffers of 200 connections.
OVERHEAD_MIB = 48


def upload_all_but_the_last_byte(port, outcomes, index):
    body = json.dumps({"ClusterId": "x" * (BODY_BYTES - 20)}).encode()
    head = (f"POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            f"X-TC-Action: DescribeSnapshots\r\nX-TC-Version: 2019-08-23\r\nX-TC-Region: ap-guangzhou\r\n"
            f"Content-Length: {len(body)}\r\n\r\n").encode()
    connection = socket.create_connection(("127.0.0.1", port), timeout=60)
    try:
        connection.sendall(head)
        chunk = 256 * 1024
        for start in range(0, len(body) - 1, chunk):
            connection.sendall(body[start:min(start + chunk, len(body) - 1)])
        outcomes[index] = ("sent", connection)
    except OSError as failure:
        outcomes[index] = ("failed", failure)
        connection.close()


class BodyMemoryBudget(unittest.TestCase):
    def test_two_hundred_slow_10_mb_uploads_stay_within_the_budget(self):
        with Server(args=["--auth-mode", "off"]) as server:
            outcomes = [None] * CONNECTIONS
            threads = [threading.Thread(target=upload_all_but_the_last_byte, args=(server.port, outcomes, i))
                       for i in range(CONNECTIONS)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(120)
            time.sleep(0.5)
            peak_mib = peak_rss_kib(server.process.pid) / 1024
            print(f"peak RSS with {CONNECTIONS} uploads of 10 MB less a byte: {peak_mib:.1f} MiB")
            self.assertLess(peak_mib, BODY_MEMORY_MIB + OVERHEAD_MIB)

            # Refused bodies were answered; the server still serves everyone else.
            answered = 0
            for state, connection in (o for o in outcomes if o and o[0] == "sent"):
                connection.settimeout(0.2)
                try:
                    if b"RequestSizeLimitExceeded" in connection.recv(65536):
                        answered += 1
                except OSError:
                    pass
            self.assertGreater(answered, CONNECTIONS // 2, "refused uploads get the envelope")
            self.assertEqual(server.request("GET", "/_mock/health")[0], 200)
            for outcome in outcomes:
                if outcome and outcome[0] == "sent":
                    outcome[1].close()


if __name__ == "__main__":
    unittest.main()
