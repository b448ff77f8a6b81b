#!/usr/bin/env python3
"""service.py — the application a fleet host "runs": HTTP endpoints + log writer.

One process serves one or more hosts (`--host-dir` repeated); each host gets
its own ThreadingHTTPServer on 127.0.0.1:<http_port> and one log-writer
thread.  Behaviour follows the host's state.json (what the shims deployed),
re-read whenever the file changes, and its faults/ directory:
  /healthz  {"status":"ok"}                        (503 if the container is stopped)
  /readyz   {"ready":..,"migrations_current":..,"migrations":{"database":"0042",
            "expected":"0042"},"checks":{..}}  (503 if not ready)
  /version  {"service":"api","version":"<tag>","commit":"<sha>"}
  /metrics  Prometheus text 0.0.4: http_requests_total{method,path,status}
            and http_request_duration_seconds histogram; Bearer token from
            metrics.token when the host has one (401 otherwise)
  /export   200, or 404 when the deployed container has EXPORT_MODE=off
  /api/...  one simulated request: status and latency drawn from the tag
Traffic is simulated lazily: each scrape adds settings.traffic_rps requests
per elapsed second with the current tag's profile (fleetstate.PROFILES), so
counters grow between scrapes without any idle CPU.  They are expected
values, printed with decimals: whole numbers made a good tag's 0.1 % of
500s one whole error now and then, 5 % of a one-second scrape.  Faults: http-hang,
http-slow (seconds [path]), http-500, bad-json, http-escapes, http-drip (seconds per
byte), http-huge (MiB), http-redirect (target), http-html; log-escapes for
the log writer.
"""

import argparse
import json
import os
import random
import signal
import sys
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fleetstate as fs  # noqa: E402


def num(v):
    """A counter's value: whole when it is (real requests only), else
    with decimals (simulated traffic's expected values)."""
    return "%d" % v if v == int(v) else "%.3f" % v


class Host:
    def __init__(self, hd):
        self.hd = hd
        self.hj = fs.host_json(hd)
        self.lock = threading.Lock()
        self.key, self.st = None, None
        self.rng = random.Random(zlib.crc32(self.hj["name"].encode()))
        self.counters = {}
        self.buckets = [0.0] * len(fs.BUCKETS)
        self.count = self.sum = 0.0
        self.started = self.last = time.time()
        self.token = None
        if self.hj.get("metrics_token_file"):
            with open(self.hj["metrics_token_file"]) as f:
                self.token = f.read().strip()

    def state(self):
        """state.json, re-read when its inode, size or mtime changed."""
        p = os.path.join(self.hd, "state.json")
        try:
            s = os.stat(p)
            key = (s.st_ino, s.st_size, s.st_mtime_ns)
            if key != self.key:
                self.st, self.key = fs.load_state(self.hd), key
        except (OSError, ValueError):
            pass
        return self.st

    def behaviour(self):
        st = self.state()
        b = fs.behaviour(self.hj, st)
        b["migrations_current"] = fs.migrations_current(st, b["tag"])
        b["db"] = st["migrations"]["db"]
        b["want"] = st["migrations"]["by_tag"].get(b["tag"], b["db"])
        return b

    def advance(self):
        """Add the simulated traffic since the last call (expected values)."""
        now = time.time()
        with self.lock:
            n = (now - self.last) * float(self.state()["settings"]["traffic_rps"])
            self.last = now
            prof = fs.PROFILES[fs.profile_name(self.behaviour()["tag"])]
            for status, frac in prof["status"].items():
                k = ("GET", "/api/orders", status)
                self.counters[k] = self.counters.get(k, 0.0) + n * frac
            for i, c in enumerate(prof["cum"]):
                self.buckets[i] += n * c
            self.count += n
            self.sum += n * prof["mean"]

    def observe(self, path, status, seconds):
        with self.lock:
            k = ("GET", path, str(status))
            self.counters[k] = self.counters.get(k, 0.0) + 1
            for i, b in enumerate(fs.BUCKETS):
                if seconds <= b:
                    self.buckets[i] += 1
            self.count += 1
            self.sum += seconds

    def metrics(self):
        self.advance()
        label = self.state()["settings"].get("metrics_label", "status")
        out = ["# HELP http_requests_total Total number of HTTP requests handled.",
               "# TYPE http_requests_total counter"]
        with self.lock:
            for (m, p, s), v in sorted(self.counters.items()):
                out.append('http_requests_total{method="%s",path="%s",%s="%s"} %s' % (m, p, label, s, num(v)))
            out += ["# HELP http_request_duration_seconds HTTP request latency.",
                    "# TYPE http_request_duration_seconds histogram"]
            for b, v in zip(fs.BUCKETS, self.buckets):
                out.append('http_request_duration_seconds_bucket{le="%s"} %s' % (repr(b), num(v)))
            out.append('http_request_duration_seconds_bucket{le="+Inf"} %s' % num(self.count))
            out.append("http_request_duration_seconds_sum %.3f" % self.sum)
            out.append("http_request_duration_seconds_count %s" % num(self.count))
        b = self.behaviour()
        out += ["# HELP app_info Running build.", "# TYPE app_info gauge",
                'app_info{service="%s",version="%s"} 1' % (self.hj["services"][0], b["tag"]),
                "# HELP process_start_time_seconds Start time of the process since unix epoch in seconds.",
                "# TYPE process_start_time_seconds gauge",
                "process_start_time_seconds %.2f" % self.started, ""]
        return "\n".join(out).encode()


# The http-escapes fault: escape sequences in JSON strings (\\u escapes, so
# the JSON is valid and the decoder hands the controls over) plus raw invalid
# UTF-8, and the same in a response header.
ESCAPE_BODIES = {
    "/healthz": (503, b'{"status":"\\u001b]0;pwned-title\\u0007\\u001b]52;c;ZWNobyBwd25lZA==\\u0007"}\n'),
    "/readyz": (503, b'{"status":"\\u202eevil\\u202c\\u009b31m\\u001b[2J\\u001b]8;;http://evil.invalid/\\u0007 \xc0\xaf"}\n'),
    "/version": (200, b'{"service":"api","version":"\\u001b]2;pwned-title2\\u0007"}\n'),
}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "fleet-api/1.0"

    def log_message(self, fmt, *args):
        pass

    def send(self, code, body, ctype="application/json", extra=()):
        if isinstance(body, (dict, list)):
            body = json.dumps(body)
            if fs.fault_active(self.host.hd, "bad-json"):
                body = body[: len(body) // 2] + '\x00,,}{"fleet": bad-json'
            body = (body + "\n").encode()
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in extra:
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        return code

    def do_HEAD(self):
        self.do_GET()

    def do_GET(self):
        h, t0 = self.host, time.time()
        path = self.path.split("?", 1)[0]
        deadline = t0 + 600
        while fs.fault_active(h.hd, "http-hang") and time.time() < deadline:
            time.sleep(0.1)
        slow = (fs.fault_value(h.hd, "http-slow", "3") or "").split()
        # "S PATH" slows that path alone: one endpoint of a round answers late.
        if slow and (len(slow) < 2 or slow[1] == path):
            self.note_slow(h, path, "held")
            time.sleep(float(slow[0]))
            self.note_slow(h, path, "answered")
        code = self.misbehave(h, path)
        if code is not None:
            pass
        elif fs.fault_active(h.hd, "http-500") and path != "/metrics":
            code = self.send(500, {"error": "internal server error (fleet http-500 fault)"})
        elif fs.fault_active(h.hd, "http-escapes") and path in ESCAPE_BODIES:
            code = self.send(ESCAPE_BODIES[path][0], ESCAPE_BODIES[path][1],
                             extra=[("X-Fleet-Note", fs.ESCAPE_LINE.decode("latin-1"))])
        else:
            code = self.route(h, path)
        if path != "/metrics":
            label = path if path in ("/healthz", "/readyz", "/version", "/export") else "/api/other"
            h.observe(label, code, time.time() - t0)

    @staticmethod
    def note_slow(h, path, what):
        """slowed.log: when each slowed request began to wait and went on,
        so a test can time something between a client's requests."""
        with open(os.path.join(h.hd, "slowed.log"), "a") as f:
            f.write("%.3f %s %s\n" % (time.time(), path, what))

    def misbehave(self, h, path):
        """The HTTP faults that break the protocol rather than the answer:
        the status sent (0 when the client went away first), or None."""
        try:
            return self.misbehave_(h, path)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
            return 0

    def misbehave_(self, h, path):
        target = fs.fault_value(h.hd, "http-redirect", "self")
        if target:
            # A loop by default (the same URL again); or elsewhere, e.g. a trap.
            # /metrics too: its bearer token must not follow.
            base = "http://127.0.0.1:%d" % h.hj["http_port"] if target == "self" else target
            return self.send(302, {"error": "moved"}, extra=[("Location", base + self.path)])
        if path == "/metrics":
            return None
        drip = fs.fault_value(h.hd, "http-drip", "1")
        if drip:
            # A whole JSON answer announced, then one byte per `drip` seconds.
            body = b'{"status":"ok","ready":true,"drip":"' + b"." * 200 + b'"}\n'
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.flush()
            for i in range(len(body)):
                time.sleep(float(drip))
                self.wfile.write(body[i:i + 1])
                self.wfile.flush()
            return 200
        huge = fs.fault_value(h.hd, "http-huge", "50")
        if huge:
            # "ok" and then MiB of filler: healthy only to a reader that stops early.
            n = int(float(huge) * 1024 * 1024)
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(n))
            self.end_headers()
            chunk = b"ok" + b"\n" * 65534
            sent = 0
            while sent < n:
                k = min(len(chunk), n - sent)
                self.wfile.write(chunk[:k])
                sent += k
            return 200
        if fs.fault_active(h.hd, "http-html") and path in ("/healthz", "/readyz"):
            page = b"<!DOCTYPE html><html><body><h1>Welcome to nginx!</h1></body></html>\n"
            return self.send(200, page, "text/html")
        return None

    def route(self, h, path):
        b = h.behaviour()
        svc = h.hj["services"][0]
        if path == "/healthz":
            return self.send(200 if b["running"] else 503, {"status": "ok" if b["running"] else "down"})
        if path == "/readyz":
            ready = b["running"]
            mig = "current" if b["migrations_current"] else "database at %04d, %s %04d" % (b["db"], svc, b["want"])
            # The revisions as data (what warroom reads the direction from),
            # beside the text a human reads in checks.migrations.
            revs = {"database": "%04d" % b["db"], "expected": "%04d" % b["want"]}
            return self.send(200 if ready else 503, {"ready": ready, "migrations_current": b["migrations_current"],
                                                     "migrations": revs,
                                                     "checks": {"db": "ok", "jobs": "ok", "migrations": mig}})
        if path == "/version":
            return self.send(200, {"service": svc, "version": b["tag"],
                                   "commit": "%08x" % zlib.crc32(b["tag"].encode()), "host": h.hj["name"]})
        if path == "/metrics":
            if h.token is not None and self.headers.get("Authorization", "") != "Bearer " + h.token:
                return self.send(401, {"error": "unauthorized"}, extra=[("WWW-Authenticate", 'Bearer realm="metrics"')])
            return self.send(200, h.metrics(), "text/plain; version=0.0.4; charset=utf-8")
        if path == "/export":
            if b["export_mode"] == "off":
                return self.send(404, {"error": "exports are disabled", "export_mode": "off"})
            return self.send(200, {"export": "ok", "export_mode": b["export_mode"], "rows": 1204})
        if path.startswith("/api/"):
            status, lat = fs.sample_request(h.rng, fs.PROFILES[fs.profile_name(b["tag"])])
            time.sleep(lat)
            return self.send(int(status), {"path": path, "status": int(status), "version": b["tag"]})
        return self.send(404, {"error": "not found"})


def log_writer(h):
    """Append lines to logs/<service>.log at settings.log_rate lines/s for the
    primary service (a tenth of it for the others), in 10 ms..1 s batches."""
    gens, fds = [], []
    for i, svc in enumerate(h.hj["services"]):
        gens.append((fs.LogLines(h.hj["name"], svc, 1), 1.0 if i == 0 else 0.1, [0.0]))
        fds.append(os.open(os.path.join(h.hd, "logs", svc + ".log"), os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644))
    last = time.time()
    while True:
        rate = float(h.state()["settings"]["log_rate"])
        if rate <= 0:
            time.sleep(0.5)
            last = time.time()
            continue
        time.sleep(max(0.01, min(1.0, 1.0 / rate)))
        now = time.time()
        el, last = min(now - last, 1.0), now
        b = h.behaviour()
        esc = fs.fault_active(h.hd, "log-escapes")
        ts = fs.iso_ms(now)
        for (gen, share, carry), fd in zip(gens, fds):
            carry[0] += rate * share * el
            n = int(carry[0])
            if n:
                carry[0] -= n
                os.write(fd, gen.lines(ts, b["tag"] or "none", n, esc))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--fleet-dir", required=True, help="the fleet DIR (identifies our processes)")
    ap.add_argument("--host-dir", action="append", required=True)
    a = ap.parse_args()
    signal.signal(signal.SIGTERM, lambda s, f: os._exit(0))
    for hd in a.host_dir:
        h = Host(hd)
        cls = type("H", (Handler,), {"host": h})
        ThreadingHTTPServer.request_queue_size = 128
        srv = ThreadingHTTPServer(("127.0.0.1", h.hj["http_port"]), cls)
        srv.daemon_threads = True
        threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 3600}, daemon=True).start()
        threading.Thread(target=log_writer, args=(h,), daemon=True).start()
    while True:
        signal.pause()


if __name__ == "__main__":
    main()
