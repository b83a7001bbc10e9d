"""SIGTERM stops the emulator with status 0 well within server.shutdown_grace (default 5 s, under
`docker stop`'s 10 s): connections without a whole request are closed at once, and under load
every request answered with a created snapshot is stored when the process is gone."""

import http.client
import json
import socket
import threading
import time
import unittest

from harness import Server, snapshot, unique

GRACE_SECONDS = 5
UNLIMITED = {"TCAPLUS_MOCK_RATE_LIMITS_CreateSnapshots": "0"}  # the load is one client address


class StalledClients(unittest.TestCase):
    def test_half_a_header_an_idle_connection_and_half_a_body_do_not_hold_the_process(self):
        with Server(args=["--auth-mode", "off"]) as server:
            stalled = []
            for opening in (b"POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Ty",  # half a header
                            b"",  # idle
                            b"POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                            b"Content-Length: 1000\r\n\r\n{\"Cluster"):  # half a body
                connection = socket.create_connection(("127.0.0.1", server.port))
                connection.sendall(opening)
                stalled.append(connection)
            time.sleep(0.2)
            started = time.monotonic()
            status = server.terminate(timeout=GRACE_SECONDS + 5)
            elapsed = time.monotonic() - started
            for connection in stalled:
                connection.close()
            self.assertEqual(status, 0)
            self.assertLess(elapsed, GRACE_SECONDS, "the stalled connections held the process for the grace")


class UnderLoad(unittest.TestCase):
    def test_sigterm_under_load_exits_0_and_keeps_every_acknowledged_snapshot(self):
        cluster = "1234567890"
        acknowledged = []
        lock = threading.Lock()
        stop = threading.Event()

        def client(server):
            connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
            headers = {"Content-Type": "application/json", "X-TC-Action": "CreateSnapshots",
                       "X-TC-Version": "2019-08-23", "X-TC-Region": "ap-guangzhou"}
            while not stop.is_set():
                name = unique("load")
                body = json.dumps({"ClusterId": cluster, "SelectedTables": [snapshot(name)]})
                try:
                    connection.request("POST", "/", body, headers)
                    answer = json.loads(connection.getresponse().read())["Response"]
                except (OSError, http.client.HTTPException, ValueError):
                    connection.close()
                    return  # the server went away: this request was never acknowledged
                if answer.get("TableResults", [{}])[0].get("Error", {}).get("Code") == "":
                    with lock:
                        acknowledged.append(name)
            connection.close()

        with Server(args=["--auth-mode", "off"], environment=UNLIMITED) as server:
            clients = [threading.Thread(target=client, args=(server,)) for _ in range(8)]
            for thread in clients:
                thread.start()
            time.sleep(1.5)
            started = time.monotonic()
            status = server.terminate(timeout=GRACE_SECONDS + 5)
            elapsed = time.monotonic() - started
            stop.set()
            for thread in clients:
                thread.join(15)
            self.assertEqual(status, 0)
            self.assertLess(elapsed, GRACE_SECONDS)
            self.assertGreater(len(acknowledged), 200, "the load never got going")

            with Server(args=["--auth-mode", "off"], database=server.database) as again:
                stored = {r["SnapshotName"] for r in again.api("DescribeSnapshots", {"ClusterId": cluster})
                          ["TableResults"]}
            missing = [name for name in acknowledged if name not in stored]
            self.assertEqual(missing, [], f"{len(missing)} of {len(acknowledged)} acknowledged snapshots lost")


if __name__ == "__main__":
    unittest.main()
