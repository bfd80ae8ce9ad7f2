"""A small reverse proxy for the two-process lock-out test (test_login_through_a_real_proxy.py), doing what
the README's nginx does with `proxy_add_x_forwarded_for`: the request goes on to the application with the
address the proxy received it from appended to X-Forwarded-For (after whatever the client wrote there).

    python forwarding_proxy.py LISTEN_PORT UPSTREAM_PORT
"""

import http.client
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "te", "trailer", "upgrade", "proxy-connection"}


class Forward(BaseHTTPRequestHandler):
    upstream_port = 0

    def _forward(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP}
        written = self.headers.get("X-Forwarded-For")
        headers["X-Forwarded-For"] = (
            f"{written}, {self.client_address[0]}" if written else self.client_address[0]
        )
        upstream = http.client.HTTPConnection("127.0.0.1", self.upstream_port, timeout=30)
        upstream.request(self.command, self.path, body=body, headers=headers)
        response = upstream.getresponse()
        data = response.read()
        self.send_response(response.status)
        for key, value in response.getheaders():
            if key.lower() not in HOP_BY_HOP | {"content-length"}:
                self.send_header(key, value)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Via", "1.1 forwarding-proxy")
        self.end_headers()
        self.wfile.write(data)
        upstream.close()

    do_GET = do_POST = do_HEAD = _forward

    def log_message(self, format, *args):
        pass


if __name__ == "__main__":
    listen, Forward.upstream_port = int(sys.argv[1]), int(sys.argv[2])
    ThreadingHTTPServer(("127.0.0.1", listen), Forward).serve_forever()
