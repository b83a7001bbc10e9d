"""SIGKILL at random moments under concurrent writers, again and again on the same database: every
snapshot, table group, tag and task the emulator acknowledged is there after the restart, whole; a
request's snapshots are stored all together or not at all; PRAGMA integrity_check stays ok. Both
storage.synchronous modes (a process crash loses nothing in either; only a power cut tells them
apart)."""

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


def call(connection, action, params):
    connection.request("POST", "/", json.dumps(params), {**HEADERS, "X-TC-Action": action})
    return json.loads(connection.getresponse().read())["Response"]


def create_cluster(port):
    """A cluster of the API for the resource writers; returns its ClusterId."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    answer = call(connection, "CreateCluster", {"IdlType": "PROTO", "ClusterName": "crash", "VpcId": "v",
                                                "SubnetId": "s", "Password": "Passw0rd"})
    connection.close()
    return answer["ClusterId"]


def write_resources_until_gone(port, cluster, acknowledged, lock):
    """Creates a table group, then tags the cluster (a tag and a task), until the server dies."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    while True:
        name = unique("g")
        try:
            group = call(connection, "CreateTableGroup", {"ClusterId": cluster, "TableGroupName": name})
            tagged = call(connection, "ModifyClusterTags",
                          {"ClusterId": cluster, "ReplaceTags": [{"TagKey": name, "TagValue": "v"}]})
        except (OSError, http.client.HTTPException, ValueError):
            connection.close()
            return
        with lock:
            if "TableGroupId" in group:
                acknowledged.append(("group", name, group["TableGroupId"]))
            if "TaskId" in tagged:
                acknowledged.append(("tag", name, tagged["TaskId"]))


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
        acknowledged, sent, resources = [], [], []
        lock = threading.Lock()
        # Unthrottled: every writer is the one client address the limit counts with auth off.
        settings = {"TCAPLUS_MOCK_STORAGE_SYNCHRONOUS": synchronous, "TCAPLUS_MOCK_RATE_LIMITS_CreateSnapshots": "0"}
        settings["TCAPLUS_MOCK_RATE_LIMITS_CreateTableGroup"] = "0"
        settings["TCAPLUS_MOCK_RATE_LIMITS_ModifyClusterTags"] = "0"
        first = Server(args=["--auth-mode", "off"], environment=settings)
        database = first.database
        cluster = create_cluster(first.port)
        first.kill()
        try:
            for cycle in range(cycles):
                server = Server(args=["--auth-mode", "off"], database=database,
                                environment=settings)
                writers = [threading.Thread(target=write_until_gone, args=(server.port, acknowledged, sent, lock))
                           for _ in range(WRITERS - 2)]
                writers += [threading.Thread(target=write_resources_until_gone,
                                             args=(server.port, cluster, resources, lock)) for _ in range(2)]
                for writer in writers:
                    writer.start()
                time.sleep(rng.uniform(0.05, 0.4))
                os.kill(server.process.pid, signal.SIGKILL)
                server.process.wait()
                for writer in writers:
                    writer.join(15)
                server.close()  # its own empty folder; the database lives in the first one's
                self.check_database(database, acknowledged, sent, cycle)
                self.check_resources(database, cluster, resources, cycle)
            self.assertGreater(len(acknowledged), cycles * 30, "the writers hardly wrote")
            self.assertGreater(len(resources), cycles * 10, "the resource writers hardly wrote")
            print(f"{synchronous}: {cycles} kills, {len(acknowledged)} of {len(sent)} snapshot requests and "
                  f"{len(resources)} resource writes acknowledged, none lost")
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

    def check_resources(self, database, cluster, acknowledged, cycle):
        with sqlite3.connect(database) as db:
            groups = dict(db.execute("SELECT name, table_group_id FROM table_groups WHERE cluster_id = ?", (cluster,)))
            tags = {row[0] for row in db.execute("SELECT tag_key FROM tags WHERE resource = ?", (cluster,))}
            tasks = {f"{cluster}-{row[0]}" for row in db.execute("SELECT number FROM tasks WHERE cluster_id = ?",
                                                                 (cluster,))}
        for kind, name, value in acknowledged:
            if kind == "group":
                self.assertEqual(groups.get(name), value, f"cycle {cycle}: table group {name} lost")
            else:
                self.assertIn(name, tags, f"cycle {cycle}: tag {name} lost")
                self.assertIn(value, tasks, f"cycle {cycle}: task {value} lost")

    def test_twenty_kills_with_synchronous_normal(self):
        self.run_cycles(20, "normal")

    def test_five_kills_with_synchronous_full(self):
        self.run_cycles(5, "full")


if __name__ == "__main__":
    unittest.main()
