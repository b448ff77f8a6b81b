#!/usr/bin/env python3
"""keylat.py — B5 (DESIGN §5): keystroke -> screen latency of the real
console while it tails a service writing 50 000 log lines/s, and the same
with the service at its idle 2 lines/s as the peer.

The console runs on a pty of our own (200x50, TERM=xterm-256color); this
script reads everything it writes and times, for each key, the interval
from writing the key to reading the first output byte that shows the
change. The keys are `1` and `5` alternately (focus HOSTS / TIMELINE):
each puts the focus marker U+25B6 in that pane's title, and nothing else
the console draws contains it while LOGS is not focused (checked: a quiet
second with no key must show none). tmux capture-pane polling is not used
because one capture-pane run costs milliseconds of its own, which is the
resolution the goal (p99 <= 16 ms) needs.

Usage: keylat.py WARROOM FLEET [SAMPLES]. Starts a one-host fleet, prints
per-mode p50/p90/p99/max and a RESULT line for bench/table.sh.
"""
import fcntl, os, pty, random, select, shutil, struct, subprocess, sys, tempfile, termios, time

MARK = "\u25b6".encode()
W, H = 200, 50


class Console:
    def __init__(self, argv, env):
        pid, fd = pty.fork()
        if pid == 0:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", H, W, 0, 0))
            os.execve(argv[0], argv, env)
        self.pid, self.fd = pid, fd
        self.tail = b""
        self.nbytes = 0

    def read_for(self, secs, until=None):
        """Read for up to secs; with until, stop at the first read containing
        it and return the time of that read (perf_counter), else None."""
        end = time.perf_counter() + secs
        while True:
            left = end - time.perf_counter()
            if left <= 0:
                return None
            r, _, _ = select.select([self.fd], [], [], left)
            if not r:
                continue
            try:
                chunk = os.read(self.fd, 1 << 20)
            except OSError:
                raise SystemExit("keylat: the console went away")
            now = time.perf_counter()
            self.nbytes += len(chunk)
            buf = self.tail + chunk
            self.tail = buf[-32:]
            if until is not None and until in buf:
                self.tail = b""
                return now

    def key(self, b):
        t = time.perf_counter()
        os.write(self.fd, b)
        return t


def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def measure(con, n):
    stray = con.read_for(1.0, MARK)      # a quiet second: no marker expected
    lat, timeouts = [], 0
    bytes0, t0 = con.nbytes, time.perf_counter()
    for i in range(n):
        t = con.key(b"5" if i % 2 == 0 else b"1")
        got = con.read_for(2.0, MARK)
        if got is None:
            timeouts += 1
            lat.append(2000.0)
        else:
            lat.append((got - t) * 1000)
        con.read_for(random.uniform(0.03, 0.08))
    mbps = (con.nbytes - bytes0) / (time.perf_counter() - t0) / 1e6
    return lat, timeouts, stray is not None, mbps


def main():
    warroom, fleet = sys.argv[1], sys.argv[2]
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 50
    work = tempfile.mkdtemp(prefix="warroom-keylat.")
    fl = os.path.join(work, "fl")
    env = dict(os.environ, HOME=os.path.join(work, "home"), LC_ALL="C.UTF-8",
               TERM="xterm-256color")
    os.makedirs(env["HOME"])
    con = None
    try:
        subprocess.run([fleet, "up", "--dir", fl, "--base-port", "auto", "--hosts", "1"],
                       env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        con = Console([warroom, "-c", os.path.join(fl, "warroom.conf")], env)
        if con.read_for(20, b"UP") is None:
            raise SystemExit("keylat: h1 did not come UP")
        con.read_for(1)
        con.key(b"\r")                   # tail h1/api in LOGS
        if con.read_for(10, b"h1/api") is None:
            raise SystemExit("keylat: LOGS did not open")
        con.read_for(2)
        results = {}
        for mode, rate in (("idle (2 lines/s)", 2), ("flood (50k lines/s)", 50000)):
            subprocess.run([fleet, "set", "--dir", fl, "h1", "log_rate=%d" % rate],
                           env=env, check=True, stdout=subprocess.DEVNULL)
            con.read_for(3)              # let the rate settle
            results[mode] = measure(con, n)
        print("B5 key -> screen latency, %d keys per mode, pty client at %dx%d" % (n, W, H))
        print("%-20s %8s %8s %8s %8s %9s %10s %s" % ("", "p50_ms", "p90_ms", "p99_ms",
                                                     "max_ms", "timeouts", "out_MB/s", "stray"))
        for mode, (lat, to, stray, mbps) in results.items():
            print("%-20s %8.2f %8.2f %8.2f %8.2f %9d %10.2f %s" % (
                mode, pct(lat, 50), pct(lat, 90), pct(lat, 99), max(lat), to, mbps,
                "yes (method unreliable)" if stray else "no"))
        fl_lat = results["flood (50k lines/s)"][0]
        id_lat = results["idle (2 lines/s)"][0]
        p99, peer = pct(fl_lat, 99), pct(id_lat, 99)
        ok = p99 <= 16 and not any(r[2] for r in results.values())
        print("goal: p99 <= 16 ms under the flood (absolute; the idle run is for comparison)")
        print("RESULT B5 p99=%.1fms,p50=%.1fms idle_p99=%.1fms,idle_p50=%.1fms %.2f <=16ms %s" % (
            p99, pct(fl_lat, 50), peer, pct(id_lat, 50), p99 / peer if peer > 0 else 0,
            "pass" if ok else "fail"))
    finally:
        if con is not None:
            try:
                os.write(con.fd, b"q")
                time.sleep(0.3)
                os.kill(con.pid, 15)
            except OSError:
                pass
            try:
                os.waitpid(con.pid, 0)
            except OSError:
                pass
        subprocess.run([fleet, "down", "--dir", fl], env=env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
