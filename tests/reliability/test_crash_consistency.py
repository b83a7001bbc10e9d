"""SIGKILL at random moments under concurrent writers, again and again on the same database: every
snapshot the emulator acknowledged is there after the restart, whole; a request's snapshots are
stored all together or not at all; PRAGMA integrity_check stays ok. Both storage.synchronous modes
(a process crash loses nothing in either; only a power cut tells them apart)."""

import http.client
import json
import os
import random
import signal
import sqlite3
import threading
import time
import unittest

from harness import Server, snapshot, unique

CLUSTER = "1234567890"
WRITERS = 6
HEADERS = {"Content-Type": "application/json", "X-TC-Action": "CreateSnapshots", "X-TC-Version": "2019-08-23",
           "X-TC-Region": "ap-guangzhou"}


def write_until_gone(port, acknowledged, sent, lock):
    """Creates two snapshots per request (two tables) until the server dies."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    while True:
        pair = (unique("a"), unique("b"))
        items = [snapshot(pair[0], table="crash_a"), snapshot(pair[1], table="crash_b")]
        with lock:
            sent.append(pair)
        try:
            connection.request("POST", "/", json.dumps({"ClusterId": CLUSTER, "SelectedTables": items}), HEADERS)
            answer = json.loads(connection.getresponse().read())["Response"]
        except (OSError, http.client.HTTPException, ValueError):
            connection.close()
            return
        codes = [result["Error"]["Code"] for result in answer.get("TableResults", [])]
        if codes == ["", ""]:
            with lock:
                acknowledged.append(pair)


class CrashConsistency(unittest.TestCase):
    def run_cycles(self, cycles, synchronous):
        rng = random.Random(20261201 + cycles)
        acknowledged, sent = [], []
        lock = threading.Lock()
        # Unthrottled: every writer is the one client address the limit counts with auth off.
        settings = {"TCAPLUS_MOCK_STORAGE_SYNCHRONOUS": synchronous, "TCAPLUS_MOCK_RATE_LIMITS_CreateSnapshots": "0"}
        first = Server(args=["--auth-mode", "off"], environment=settings)
        database = first.database
        first.kill()
        try:
            for cycle in range(cycles):
                server = Server(args=["--auth-mode", "off"], database=database,
                                environment=settings)
                writers = [threading.Thread(target=write_until_gone, args=(server.port, acknowledged, sent, lock))
                           for _ in range(WRITERS)]
                for writer in writers:
                    writer.start()
                time.sleep(rng.uniform(0.05, 0.4))
                os.kill(server.process.pid, signal.SIGKILL)
                server.process.wait()
                for writer in writers:
                    writer.join(15)
                server.close()  # its own empty folder; the database lives in the first one's
                self.check_database(database, acknowledged, sent, cycle)
            self.assertGreater(len(acknowledged), cycles * 50, "the writers hardly wrote")
            print(f"{synchronous}: {cycles} kills, {len(acknowledged)} of {len(sent)} requests acknowledged, none lost")
        finally:
            first.close()

    def check_database(self, database, acknowledged, sent, cycle):
        with sqlite3.connect(database) as db:
            self.assertEqual(db.execute("PRAGMA integrity_check").fetchone()[0], "ok", f"cycle {cycle}")
            rows = db.execute("SELECT snapshot_name, table_name, task_id, application_id, snapshot_time, dead_time, "
                              "create_time FROM snapshots").fetchall()
        stored = {}
        for name, table, task_id, application_id, *times in rows:
            self.assertTrue(task_id and application_id and all(times), f"a partial row {name} in cycle {cycle}")
            stored[name] = table
        lost = [pair for pair in acknowledged if pair[0] not in stored or pair[1] not in stored]
        self.assertEqual(lost, [], f"cycle {cycle}: {len(lost)} of {len(acknowledged)} acknowledged requests lost")
        halves = [pair for pair in sent if (pair[0] in stored) != (pair[1] in stored)]
        self.assertEqual(halves, [], f"cycle {cycle}: requests stored in part")

    def test_twenty_kills_with_synchronous_normal(self):
        self.run_cycles(20, "normal")

    def test_five_kills_with_synchronous_full(self):
        self.run_cycles(5, "full")


if __name__ == "__main__":
    unittest.main()
