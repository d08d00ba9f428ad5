#!/usr/bin/env python3
"""A stand-in for the game's room server, for tests/phone.sh only.

Serves what the real server (game/room, issue 14) serves to a phone:
GET / the page, GET /phone/NAME its files, GET /api/state the state JSON
with an ETag (304 on If-None-Match), with the same Content-Security-Policy
(default-src 'self'), so a page that breaks the policy fails here too.

  server.py ASSETS_DIR STATE_FILE LOG_FILE

Binds 127.0.0.1 on a free port and prints the port on stdout. The state
is read from STATE_FILE on every request (the test rewrites it to change
the state); every /api/state request's If-None-Match (or "-") is appended
to LOG_FILE, so the test can see the page revalidate."""
import hashlib
import http.server
import os
import sys

ASSETS, STATE, LOG = sys.argv[1], sys.argv[2], sys.argv[3]
TYPES = {".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8",
         ".css": "text/css; charset=utf-8"}


class Handler(http.server.BaseHTTPRequestHandler):
    def send(self, code, body=b"", ctype="text/plain; charset=utf-8", extra=()):
        self.send_response(code)
        self.send_header("Content-Security-Policy", "default-src 'self'")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Cache-Control", "no-cache")
        for k, v in extra:
            self.send_header(k, v)
        if code != 304:
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if code != 304:
            self.wfile.write(body)

    def do_GET(self):
        path = self.path.split("?", 1)[0]
        if path == "/api/state":
            with open(STATE, "rb") as f:
                body = f.read()
            tag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
            inm = self.headers.get("If-None-Match")
            with open(LOG, "a") as f:
                f.write((inm or "-") + "\n")
            if inm == tag:
                self.send(304, extra=[("ETag", tag)])
            else:
                self.send(200, body, "application/json", [("ETag", tag)])
            return
        name = "index.html" if path == "/" else path[len("/phone/"):] if path.startswith("/phone/") else None
        if not name or "/" in name or name.startswith(".") or not os.path.isfile(os.path.join(ASSETS, name)):
            self.send(404, b"not found\n")
            return
        with open(os.path.join(ASSETS, name), "rb") as f:
            self.send(200, f.read(), TYPES.get(os.path.splitext(name)[1], "application/octet-stream"))

    def log_message(self, *args):
        pass


srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(srv.server_address[1], flush=True)
srv.serve_forever()
