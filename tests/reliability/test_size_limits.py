"""Requests over a size limit come back to a real client as Tencent error envelopes: Python's
http.client (on which the Python SDK and tccli run) sends its whole body before it reads, so the
emulator must read and discard what it refused instead of resetting the connection."""

import json
import time
import unittest
import urllib.parse

from harness import Server

API_HEADERS = {
    "Content-Type": "application/json",
    "X-TC-Action": "CreateSnapshots",
    "X-TC-Version": "2019-08-23",
    "X-TC-Region": "ap-guangzhou",
}


def error_of(body):
    response = json.loads(body)["Response"]
    return response["Error"]["Code"], response["Error"]["Message"]


class OverLimitBody(unittest.TestCase):
    def test_an_11_mb_body_is_answered_with_the_envelope(self):
        with Server(args=["--auth-mode", "off"]) as server:
            body = json.dumps({"ClusterId": "x" * (11 * 1024 * 1024)})
            status, headers, answer = server.request("POST", "/", body, API_HEADERS, timeout=30)
            self.assertEqual(status, 200)
            self.assertEqual(headers.get("Content-Type"), "application/json")
            code, message = error_of(answer)
            self.assertEqual(code, "RequestSizeLimitExceeded")
            self.assertIn("`10485760`", message)
            # The server is fine afterwards.
            self.assertEqual(server.request("GET", "/_mock/health")[0], 200)


class LongDiagnostics(unittest.TestCase):
    def test_a_70_kb_v1_request_with_a_wrong_signature_gets_its_error(self):
        with Server() as server:  # auth.mode any: the test credential's signature is verified
            params = {
                "Action": "CreateSnapshots", "Version": "2019-08-23", "Region": "ap-guangzhou",
                "Timestamp": str(int(time.time())), "Nonce": "12345",
                "SecretId": "AKIDTCAPLUSMOCKTESTSECRETID0000000", "SignatureMethod": "HmacSHA256",
                "Signature": "d3JvbmcgYnV0IHdlbGwtZm9ybWVk", "ClusterId": "xx",
                "SelectedTables.0.TableGroupId": "1", "SelectedTables.0.TableName": "cl_generic",
                "SelectedTables.0.SnapshotName": "n" * 70000,
                "SelectedTables.0.SnapshotTime": "2020-09-22 00:00:00",
                "SelectedTables.0.SnapshotDeadTime": "2020-09-22 00:00:00",
            }
            body = urllib.parse.urlencode(params)
            status, headers, answer = server.request(
                "POST", "/", body, {"Content-Type": "application/x-www-form-urlencoded"})
            self.assertEqual(status, 200)
            self.assertEqual(error_of(answer)[0], "AuthFailure.SignatureFailure")
            shown = headers.get("X-TC-Mock-String-To-Sign", "")
            self.assertTrue(shown.startswith("POST127.0.0.1:"), shown[:80])
            self.assertLess(len(shown), 9000)
            self.assertIn("[cut: ", shown)


class LongHeaderField(unittest.TestCase):
    def test_a_header_field_over_64_kib_is_answered_and_leaves_nothing_behind(self):
        with Server(args=["--auth-mode", "off", "--set", "server.header_limit=1048576",
                          "--set", "server.shutdown_grace=3"]) as server:
            headers = dict(API_HEADERS, **{"X-Filler": "f" * 70000})
            status, _, answer = server.request("POST", "/", "{}", headers)
            self.assertEqual(status, 200)
            code, message = error_of(answer)
            self.assertEqual(code, "RequestSizeLimitExceeded")
            self.assertIn("`65533`", message)
            started = time.monotonic()
            self.assertEqual(server.terminate(timeout=10), 0)
            self.assertLess(time.monotonic() - started, 2.5, "no connection may hold the shutdown")


if __name__ == "__main__":
    unittest.main()
