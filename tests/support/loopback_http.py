"""A loopback HTTP client for the reliability tests and the benchmark (bench/run.py), standard library
only: `request` sends one request on a fresh http.client connection (the client the Python SDK and
tccli run on); `raw_exchange` sends bytes exactly as given and reads one Content-Length framed answer,
for requests http.client will not write.
"""

import http.client
import socket

HOST = "127.0.0.1"


def request(port, method, path, body=None, headers=None, timeout=10):
    """One request to 127.0.0.1:`port` on a fresh connection: (status, headers, body bytes).
    Raises OSError (refused, reset, timed out) or http.client.HTTPException."""
    connection = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


def raw_exchange(port, request_bytes, timeout=10):
    """Sends raw bytes, reads one Content-Length framed answer: (status, header bytes, body bytes).
    Raises ConnectionError when the server closes before a whole header; a body cut short by a close
    comes back short."""
    with socket.create_connection((HOST, port), timeout=timeout) as connection:
        connection.sendall(request_bytes)
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = connection.recv(65536)
            if not chunk:
                raise ConnectionError(f"closed before an answer: {data!r}")
            data += chunk
        head, body = data.split(b"\r\n\r\n", 1)
        length = 0
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value.strip())
        while len(body) < length:
            chunk = connection.recv(65536)
            if not chunk:
                break
            body += chunk
        status = int(head.split(b" ", 2)[1])
        return status, head, body[:length]
