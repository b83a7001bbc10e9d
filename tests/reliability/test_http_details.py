"""HTTP/1.1 details real clients and proxies rely on: an absolute-form request target
(`POST http://host:port/ HTTP/1.1`, which servers must accept and some proxies send) reaches the
API and the control plane as its origin form would."""

import json
import unittest

from harness import Server, raw_exchange


class AbsoluteForm(unittest.TestCase):
    def test_an_absolute_form_target_reaches_the_api_and_the_control_plane(self):
        with Server(args=["--auth-mode", "off"]) as server:
            body = b'{"ClusterId": "1234567890"}'
            request = (f"POST http://127.0.0.1:{server.port}/ HTTP/1.1\r\nHost: 127.0.0.1:{server.port}\r\n"
                       f"Content-Type: application/json\r\nX-TC-Action: DescribeSnapshots\r\n"
                       f"X-TC-Version: 2019-08-23\r\nX-TC-Region: ap-guangzhou\r\n"
                       f"Content-Length: {len(body)}\r\n\r\n").encode() + body
            status, _, answer = raw_exchange(server.port, request)
            self.assertEqual(status, 200)
            response = json.loads(answer)["Response"]
            self.assertNotIn("Error", response)
            self.assertEqual(response["TotalCount"], 0)

            query = "Action=DescribeSnapshots&Version=2019-08-23&Region=ap-guangzhou&ClusterId=1"
            status, _, answer = raw_exchange(
                server.port, f"GET http://localhost:{server.port}/?{query} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
            self.assertEqual(status, 200)
            self.assertNotIn("Error", json.loads(answer)["Response"])

            status, _, answer = raw_exchange(
                server.port, f"GET HTTP://127.0.0.1:{server.port}/_mock/health HTTP/1.1\r\nHost: x\r\n\r\n".encode())
            self.assertEqual((status, json.loads(answer)["status"]), (200, "ok"))


if __name__ == "__main__":
    unittest.main()
