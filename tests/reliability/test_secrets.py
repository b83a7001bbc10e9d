"""A SecretKey or a session token never reaches a log line, an answer, a response header, the request
journal or the metrics, whatever a client gets wrong: a mismatched signature (with the debug headers
on), a wrong token, a v1 request carrying its Token, a signature for another service."""

import json
import os
import tempfile
import unittest
import urllib.parse

from harness import Server, tc3_headers

SECRET_ID = "AKIDreliabilitysecrets0001"
SECRET_KEY = "reliability-secret-key-9f8e7d6c5b4a"
TOKEN = "reliability-session-token-1a2b3c4d5e6f"
BODY = json.dumps({"ClusterId": "1234567890"})


class SecretsStaySecret(unittest.TestCase):
    def test_no_secret_reaches_any_output(self):
        folder = tempfile.mkdtemp(prefix="tcaplus-mock-secrets-")
        config = os.path.join(folder, "config.json")
        with open(config, "w") as file:
            json.dump({"auth": {"mode": "strict", "debug": True, "credentials": [
                {"secret_id": SECRET_ID, "secret_key": SECRET_KEY, "token": TOKEN}]}}, file)
        seen = []
        for log_format in ("text", "json"):
            with tempfile.TemporaryFile() as stdout, tempfile.TemporaryFile() as stderr, \
                    Server(args=["--config", config, "--log-format", log_format], stdout=stdout,
                           stderr=stderr) as server:
                host = f"127.0.0.1:{server.port}"

                def post(headers):
                    status, answer_headers, body = server.request("POST", "/", BODY, headers)
                    seen.append(json.dumps(answer_headers) + body.decode())
                    return json.loads(body)["Response"]

                good = post(tc3_headers("DescribeSnapshots", BODY, SECRET_ID, SECRET_KEY, host, token=TOKEN))
                self.assertNotIn("Error", good, "the correctly signed request is the control")
                wrong_key = post(tc3_headers("DescribeSnapshots", BODY, SECRET_ID, "not-the-key", host, token=TOKEN))
                self.assertEqual(wrong_key["Error"]["Code"], "AuthFailure.SignatureFailure")
                wrong_token = post(tc3_headers("DescribeSnapshots", BODY, SECRET_ID, SECRET_KEY, host,
                                               token=TOKEN[::-1]))
                self.assertEqual(wrong_token["Error"]["Code"], "AuthFailure.TokenFailure")
                other_service = post(tc3_headers("DescribeSnapshots", BODY, SECRET_ID, SECRET_KEY, host,
                                                 service="cvm", token=TOKEN))
                self.assertEqual(other_service["Error"]["Code"], "AuthFailure.SignatureFailure")
                query = urllib.parse.urlencode({
                    "Action": "DescribeSnapshots", "Version": "2019-08-23", "Region": "ap-guangzhou",
                    "ClusterId": "1", "Timestamp": str(int(__import__("time").time())), "Nonce": "12345",
                    "SecretId": SECRET_ID, "Token": TOKEN, "Signature": "bm90IGEgc2lnbmF0dXJl"})
                status, answer_headers, body = server.request("GET", "/?" + query)
                seen.append(json.dumps(answer_headers) + body.decode())
                self.assertIn("SignatureFailure", body.decode())
                self.assertIn("X-TC-Mock-String-To-Sign", answer_headers, "the diagnostics were on")

                for path in ("/_mock/requests", "/_mock/metrics", "/_mock/state"):
                    seen.append(server.request("GET", path)[2].decode())
                self.assertEqual(server.terminate(), 0)
                for stream in (stdout, stderr):
                    stream.seek(0)
                    seen.append(stream.read().decode())
        everything = "\n".join(seen)
        self.assertIn(SECRET_ID, everything, "the outputs were captured")
        self.assertIn("REDACTED", everything, "the token's place in the diagnostics")
        self.assertNotIn(SECRET_KEY, everything)
        self.assertNotIn(TOKEN, everything)
        self.assertNotIn(TOKEN[::-1], everything)
        os.remove(config)
        os.rmdir(folder)


if __name__ == "__main__":
    unittest.main()
