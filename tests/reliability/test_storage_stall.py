"""Another process holding the database's write lock (the sqlite3 shell, a backup) must not freeze
the emulator: health and reads keep answering at once, a write waits for the busy timeout and then
gets InternalError, health says the storage is failing and ready says 503 until writes work again."""

import json
import sqlite3
import threading
import time
import unittest

from harness import Server, snapshot, unique

BUSY_TIMEOUT_MS = 3000
# Far below the busy timeout: an answer that waited for the lock would take 3 s.
PROMPT_SECONDS = 1.0


def timed(call):
    started = time.monotonic()
    result = call()
    return result, time.monotonic() - started


class LockedDatabase(unittest.TestCase):
    def test_health_and_reads_stay_prompt_while_another_process_holds_the_lock(self):
        environment = {"TCAPLUS_MOCK_STORAGE_BUSY_TIMEOUT_MS": str(BUSY_TIMEOUT_MS)}
        with Server(args=["--auth-mode", "off"], environment=environment) as server:
            cluster = "1234567890"
            before = unique("before")
            self.assertEqual(server.api("CreateSnapshots", {"ClusterId": cluster, "SelectedTables": [snapshot(before)]})
                             ["TableResults"][0]["Error"]["Code"], "")

            holder = sqlite3.connect(server.database, isolation_level=None, timeout=0)
            holder.execute("BEGIN IMMEDIATE")  # the write lock, as `sqlite3 x.db` + BEGIN IMMEDIATE takes it
            try:
                outcome = {}

                def create_while_locked():
                    outcome["answer"], outcome["seconds"] = timed(lambda: server.api(
                        "CreateSnapshots", {"ClusterId": cluster, "SelectedTables": [snapshot(unique("locked"))]},
                        timeout=30))

                writer = threading.Thread(target=create_while_locked)
                writer.start()
                time.sleep(0.3)  # the create is now waiting for the lock
                for _ in range(5):
                    (status, _, body), seconds = timed(lambda: server.request("GET", "/_mock/health"))
                    self.assertEqual(status, 200)
                    self.assertLess(seconds, PROMPT_SECONDS, "health waited for the database")
                    described, seconds = timed(lambda: server.api("DescribeSnapshots", {"ClusterId": cluster}))
                    self.assertLess(seconds, PROMPT_SECONDS, "a read waited for the write lock")
                    self.assertIn(before, [r["SnapshotName"] for r in described["TableResults"]])
                writer.join(30)
                self.assertFalse(writer.is_alive())
                self.assertEqual(outcome["answer"]["Error"]["Code"], "InternalError")
                self.assertGreaterEqual(outcome["seconds"], BUSY_TIMEOUT_MS / 1000 * 0.8,
                                        "the write gave up before the busy timeout")

                status, _, body = server.request("GET", "/_mock/health")
                self.assertEqual((status, json.loads(body)["storage"]), (200, "failing"))
                status, _, body = server.request("GET", "/_mock/ready")
                self.assertEqual(status, 503)
                self.assertEqual(json.loads(body)["storage"], "failing")
            finally:
                holder.execute("ROLLBACK")
                holder.close()

            after = unique("after")
            answer = server.api("CreateSnapshots", {"ClusterId": cluster, "SelectedTables": [snapshot(after)]})
            self.assertEqual(answer["TableResults"][0]["Error"]["Code"], "")
            status, _, body = server.request("GET", "/_mock/health")
            self.assertEqual(json.loads(body)["storage"], "ok")
            self.assertEqual(server.request("GET", "/_mock/ready")[0], 200)


if __name__ == "__main__":
    unittest.main()
