"""A database the emulator cannot trust is refused at start-up with one line that names the file (or
the folder) and the problem, and a non-zero exit status; it never starts and then fails every
request."""

import os
import sqlite3
import subprocess
import tempfile
import unittest

from harness import BINARY, Server, free_port, server_environment, snapshot, unique


def start(database, timeout=20):
    """Runs the emulator on `database` until it exits: (status, stderr lines)."""
    command = [BINARY, "--bind", "127.0.0.1", "--port", str(free_port()), "--db", database, "--auth-mode", "off"]
    try:
        finished = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                  env=server_environment(), timeout=timeout)
    except subprocess.TimeoutExpired:
        raise AssertionError(f"the emulator started on {database} instead of refusing it")
    lines = [line for line in finished.stderr.decode("utf-8").splitlines() if line.strip()]
    return finished.returncode, lines


class StartUpRefusals(unittest.TestCase):
    def setUp(self):
        self.folder = tempfile.TemporaryDirectory(prefix="tcaplus-mock-refusals-")
        self.addCleanup(self.folder.cleanup)

    def path(self, name):
        return os.path.join(self.folder.name, name)

    def assert_refused(self, database, *expected):
        status, lines = start(database)
        self.assertNotEqual(status, 0)
        self.assertEqual(len(lines), 1, f"one line, not {lines}")
        for text in expected:
            self.assertIn(text, lines[0])
        return lines[0]

    def test_garbage_pages_behind_a_valid_header(self):
        database = self.path("damaged.db")
        with Server(args=["--auth-mode", "off"], database=database) as server:
            server.api("CreateSnapshots", {"ClusterId": "1",
                                           "SelectedTables": [snapshot(unique("s")) for _ in range(50)]})
            self.assertEqual(server.terminate(), 0)
        size = os.path.getsize(database)
        self.assertGreater(size, 2 * 4096)
        with open(database, "r+b") as file:
            file.seek(4096)  # everything after the first page: the header stays valid
            file.write(bytes((i * 131 + 7) % 256 for i in range(size - 4096)))
        self.assert_refused(database, database)

    def test_a_database_of_another_program(self):
        database = self.path("foreign.db")
        with sqlite3.connect(database) as foreign:
            foreign.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT)")
            foreign.execute("INSERT INTO users (name) VALUES ('x')")
        line = self.assert_refused(database, database, "users")
        self.assertNotIn("CREATE", line, "one line naming what was found, not its SQL")

    def test_a_file_that_is_not_a_database(self):
        database = self.path("notes.txt")
        with open(database, "w") as file:
            file.write("these are not the pages you are looking for\n" * 200)
        self.assert_refused(database, database)

    def test_a_missing_folder_is_named(self):
        folder = self.path("no/such/folder")
        self.assert_refused(os.path.join(folder, "tcaplus-mock.db"), folder)

    def test_a_folder_given_as_the_database(self):
        folder = self.path("a-folder")
        os.mkdir(folder)
        self.assert_refused(folder, folder)

    @unittest.skipIf(os.geteuid() == 0, "root may write anywhere")
    def test_a_read_only_folder_is_named(self):
        folder = self.path("read-only")
        os.mkdir(folder, 0o500)
        self.assert_refused(os.path.join(folder, "tcaplus-mock.db"), folder)


if __name__ == "__main__":
    unittest.main()
