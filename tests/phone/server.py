#!/usr/bin/env python3
"""A stand-in for the game's room server, for tests/phone.sh only.

Serves what the real server (game/room, issue 14) serves to a phone:
GET / the page, GET /phone/NAME its files, GET /api/state the state JSON
with an ETag (304 on If-None-Match), with the same Content-Security-Policy
(default-src 'self'), so a page that breaks the policy fails here too; and
the participant's API as the common contract has it (POST /api/join,
/api/vote, /api/propose, /api/leave, GET /api/me), with each refusal.

  server.py ASSETS_DIR STATE_FILE LOG_FILE

Binds 127.0.0.1 on a free port and prints the port on stdout. The state
is read from STATE_FILE on every request (the test rewrites it to change
the state); every /api/state request's If-None-Match (or "-") is appended
to LOG_FILE, so the test can see the page revalidate. The room code is
KXQZ. The test steers the refusals through /_test (never asked by the
page): POST a JSON object of
  max_phones N      a full room answers 503 to joins
  throttle N        the next N token requests (and joins) answer 429
  forget_tokens     every phone unknown: 401 (the laptop restarted)
  forget_votes      every vote dropped, phones kept
  close KEY         that decision is closed: votes 409
  reopen            no decision closed
  unavailable [..]  those actions answer 409
and GET /_test answers {"phones": {token: {role, name, vote, proposed}},
"calls": [[method, path, status], ...]}."""
import hashlib
import http.server
import json
import os
import re
import secrets
import sys
import threading

ASSETS, STATE, LOG = sys.argv[1], sys.argv[2], sys.argv[3]
CODE = "KXQZ"
TYPES = {".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8",
         ".css": "text/css; charset=utf-8", ".svg": "image/svg+xml"}
# control, bidi and zero-width characters, as the real server strips them
STRIP = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c"
                   "\u200b-\u200d\u2060\ufeff]")

lock = threading.Lock()
phones = {}
calls = []
cfg = {"max_phones": 250, "throttle": 0, "closed": set(), "unavailable": set()}


def state():
    with open(STATE, "rb") as f:
        return f.read()


def clean_name(n):
    n = STRIP.sub("", n if isinstance(n, str) else "").strip()
    b = n.encode("utf-8")[:40]
    return b.decode("utf-8", "ignore").strip()


class Handler(http.server.BaseHTTPRequestHandler):
    def send(self, code, body=b"", ctype="text/plain; charset=utf-8", extra=()):
        self.send_response(code)
        self.send_header("Content-Security-Policy", "default-src 'self'")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Cache-Control", "no-store" if ctype == "application/json" else "no-cache")
        for k, v in extra:
            self.send_header(k, v)
        if code != 304:
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if code != 304:
            self.wfile.write(body)

    def json(self, code, obj, extra=()):
        path = self.path.split("?", 1)[0]
        if not path.startswith("/_test"):
            calls.append([self.command, path, code])
        self.send(code, json.dumps(obj).encode(), "application/json", extra)

    def refuse(self, code, msg):
        extra = [("Retry-After", "1")] if code == 429 else []
        self.json(code, {"error": msg}, extra)

    def do_GET(self):
        path = self.path.split("?", 1)[0]
        if path == "/api/state":
            body = state()
            tag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
            inm = self.headers.get("If-None-Match")
            with open(LOG, "a") as f:
                f.write((inm or "-") + "\n")
            if inm == tag:
                self.send(304, extra=[("ETag", tag)])
            else:
                self.send(200, body, "application/json", [("ETag", tag)])
            return
        if path == "/api/me":
            with lock:
                p = self.phone(self.headers.get("X-Room-Token"))
                if p:
                    self.json(200, {"role": p["role"], "name": p["name"], "vote": p["vote"],
                                    "proposed": p["proposed"]})
            return
        if path == "/_test":
            with lock:
                self.send(200, json.dumps({"phones": phones, "calls": calls}).encode(), "application/json")
            return
        name = "index.html" if path == "/" else path[len("/phone/"):] if path.startswith("/phone/") else None
        if not name or "/" in name or name.startswith(".") or not os.path.isfile(os.path.join(ASSETS, name)):
            self.send(404, b"not found\n")
            return
        with open(os.path.join(ASSETS, name), "rb") as f:
            self.send(200, f.read(), TYPES.get(os.path.splitext(name)[1], "application/octet-stream"))

    def phone(self, token):
        """The phone of a token, or None with the refusal sent (401, 429)."""
        if cfg["throttle"] > 0:
            cfg["throttle"] -= 1
            self.refuse(429, "Too many requests from this phone: wait a moment.")
            return None
        p = phones.get(token) if isinstance(token, str) else None
        if not p:
            self.refuse(401, "This phone is not in the room: join again.")
        return p

    def do_POST(self):
        path = self.path.split("?", 1)[0]
        n = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(n) if 0 < n <= 8192 else b""
        try:
            body = json.loads(raw)
            if not isinstance(body, dict):
                raise ValueError
        except ValueError:
            return self.refuse(400, "The request was not JSON.")
        st = json.loads(state())
        with lock:
            if path == "/_test":
                return self.control(body)
            if path == "/api/join":
                return self.join(body, st)
            p = self.phone(body.get("token"))
            if not p:
                return None
            if path == "/api/vote":
                return self.vote(p, body, st)
            if path == "/api/propose":
                return self.propose(p, body, st)
            if path == "/api/leave":
                del phones[body["token"]]
                return self.json(200, {})
        return self.refuse(404, "Not found.")

    def control(self, body):
        if "max_phones" in body:
            cfg["max_phones"] = body["max_phones"]
        if "throttle" in body:
            cfg["throttle"] = body["throttle"]
        if body.get("forget_tokens"):
            phones.clear()
        if body.get("forget_votes"):
            for p in phones.values():
                p["vote"] = None
        if "close" in body:
            cfg["closed"].add(body["close"])
        if body.get("reopen"):
            cfg["closed"].clear()
        if "unavailable" in body:
            cfg["unavailable"] = set(body["unavailable"])
        self.send(200, b"{}", "application/json")

    def join(self, body, st):
        if cfg["throttle"] > 0:
            cfg["throttle"] -= 1
            return self.refuse(429, "Too many joins at once: wait a moment.")
        roles = [r.get("key") for r in st.get("roles") or [] if isinstance(r, dict)]
        if str(body.get("code", "")).upper() != CODE:
            return self.refuse(403, "Wrong room code.")
        if body.get("role") not in roles:
            return self.refuse(400, "Unknown role.")
        if len(phones) >= cfg["max_phones"]:
            return self.refuse(503, "The room is full.")
        token = secrets.token_hex(16)
        phones[token] = {"role": body["role"], "name": clean_name(body.get("name", "")),
                         "vote": None, "proposed": []}
        return self.json(200, {"token": token, "role": body["role"], "name": phones[token]["name"]})

    def vote(self, p, body, st):
        d = st.get("decision") or {}
        key = body.get("decision")
        if key != d.get("key") or key in cfg["closed"]:
            return self.refuse(409, "This vote has closed.")
        if body.get("option") not in [o.get("letter") for o in d.get("options") or []] or \
                body.get("confidence") not in ("low", "medium", "high"):
            return self.refuse(400, "Unknown option or confidence.")
        p["vote"] = {"decision": key, "option": body["option"], "confidence": body["confidence"]}
        return self.json(200, {"vote": p["vote"]})

    def propose(self, p, body, st):
        acts = {a.get("key"): a for a in st.get("actions") or []}
        a = acts.get(body.get("action"))
        if not a:
            return self.refuse(400, "Unknown action.")
        if p["role"] == "observer" or a.get("role") not in ("", p["role"]):
            return self.refuse(403, "Only its team can propose this action.")
        if a.get("state") != "available" or a["key"] in cfg["unavailable"]:
            return self.refuse(409, "Not available now.")
        if a["key"] not in p["proposed"]:
            p["proposed"].append(a["key"])
        return self.json(200, {"proposed": p["proposed"]})

    def log_message(self, *args):
        pass


srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(srv.server_address[1], flush=True)
srv.serve_forever()
