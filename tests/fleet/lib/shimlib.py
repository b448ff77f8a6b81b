"""shimlib.py — the frame every fleet shim (docker, kubectl, helm) runs in.

A shim is started by sshd on a fleet host with FLEET_HOST_DIR in its
environment (sshd_config SetEnv).  The frame:
  - registers the process in <host>/running/<pid> while it runs, so
    `fleet down` can kill leftovers (hung or orphaned commands) by pid;
  - applies the one-shot faults hang-next and slow-next, and cmd-escapes;
  - appends to <host>/commands.log one "end" line when the command ends,
    and a "start" line first for commands that may run long (streaming
    `logs -f`, `rollout status`, and any command delayed by a fault);
  - turns SIGTERM/SIGHUP/SIGINT into exit 128+sig and a broken pipe into
    exit 141, so those ends are logged too (SIGKILL cannot be).
"""

import json
import os
import select
import signal
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fleetstate as fs  # noqa: E402


class UsageError(Exception):
    """Bad arguments: message to stderr, exit status `code`."""

    def __init__(self, msg, code=1):
        Exception.__init__(self, msg)
        self.code = code


class Ctx:
    def __init__(self, tool, hd):
        self.tool = tool
        self.hd = hd
        self.hj = fs.host_json(hd)
        self.argv = [tool] + sys.argv[1:]
        self.started = time.time()
        self.mutating = False
        self.logged_start = False

    def log_start(self):
        if not self.logged_start:
            self.logged_start = True
            fs.log_command(self.hd, fs.command_record(self.hj, "start", self.argv, self.started, self.mutating))

    def out(self, text):
        sys.stdout.write(text)

    def err(self, text):
        sys.stderr.write(text)

    def json_out(self, obj, indent=4):
        """Print JSON; under the bad-json fault print it cut in half plus junk."""
        text = json.dumps(obj, indent=indent) if indent else json.dumps(obj, separators=(",", ":"))
        self.raw_json(text + "\n")

    def raw_json(self, text):
        if fs.fault_active(self.hd, "bad-json"):
            text = text[: len(text) // 2] + '\x00,,}{"fleet": bad-json fault\n'
        sys.stdout.write(text)

    def write_bytes(self, b):
        """Raw bytes to stdout (log streaming keeps invalid UTF-8 as is)."""
        sys.stdout.flush()
        fd = sys.stdout.fileno()
        while b:
            n = os.write(fd, b)
            b = b[n:]


def _on_signal(sig, frame):
    raise SystemExit(128 + sig)


def main(tool, impl, classify=None):
    """Run impl(ctx, args) as the shim `tool`; classify(args) says up front
    whether the command mutates (so even a start line is marked right)."""
    hd = os.environ.get("FLEET_HOST_DIR")
    if not hd or not os.path.isfile(os.path.join(hd, "host.json")):
        sys.stderr.write("%s: fleet shim run outside a fleet host (FLEET_HOST_DIR unset)\n" % tool)
        os._exit(127)
    ctx = Ctx(tool, hd)
    if classify is not None:
        try:
            ctx.mutating = bool(classify(sys.argv[1:]))
        except Exception:
            pass
    running = os.path.join(hd, "running", str(os.getpid()))
    with open(running, "w", errors="surrogateescape") as f:   # argv may be any bytes
        f.write(" ".join(ctx.argv) + "\n")
    for s in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
        signal.signal(s, _on_signal)
    rc = 0
    try:
        v = fs.fault_consume(hd, "hang-next")
        if v is not None:
            ctx.log_start()
            fs.hang(hd, float(v or 3600))
        v = fs.fault_consume(hd, "slow-next")
        if v is not None:
            ctx.log_start()
            time.sleep(float(v or 5))
        v = fs.fault_value(hd, "cmd-escapes", "mutating")
        if v is not None and (v == "all" or ctx.mutating):
            # A tool failing with escape sequences in its words, on both streams.
            ctx.write_bytes(fs.ESCAPE_LINE + b"\n")
            sys.stderr.flush()
            os.write(sys.stderr.fileno(), fs.ESCAPE_LINE + b"\n")
            rc = 1
        else:
            rc = impl(ctx, sys.argv[1:]) or 0
        sys.stdout.flush()
    except UsageError as e:
        sys.stderr.write("%s\n" % e)
        rc = e.code
    except BrokenPipeError:
        rc = 141
    except SystemExit as e:
        rc = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
    finally:
        try:
            fs.log_command(hd, fs.command_record(ctx.hj, "end", ctx.argv, ctx.started, ctx.mutating, rc))
        finally:
            try:
                os.unlink(running)
            except OSError:
                pass
    try:
        sys.stderr.flush()
    except OSError:
        pass
    os._exit(rc)


# ---------------------------------------------------------------- log streaming

def _line_ts(line):
    try:
        return fs.parse_iso(line[:24].decode("ascii"))
    except (ValueError, UnicodeDecodeError):
        return None


def _offset_since(f, size, since):
    """Offset of the first line stamped at or after `since` (lines are in time order)."""
    lo, hi = 0, size
    while hi - lo > 65536:
        mid = (lo + hi) // 2
        f.seek(mid)
        f.readline()
        pos = f.tell()
        t = None
        while t is None:
            line = f.readline()
            if not line:
                break
            t = _line_ts(line)
        if t is not None and t < since:
            lo = pos
        else:
            hi = mid
    f.seek(lo)
    if lo:
        f.readline()
    while True:
        pos = f.tell()
        line = f.readline()
        if not line:
            return pos
        t = _line_ts(line)
        if t is not None and t >= since:
            return pos


def _offset_tail(f, start, size, n):
    """Offset where the last n lines between start and size begin."""
    if n < 0:
        return start
    if n == 0:
        return size
    end, chunk = size, 65536
    while True:
        pos = max(start, end - chunk)
        f.seek(pos)
        data = f.read(size - pos)
        body = data[:-1] if data.endswith(b"\n") else data
        k = body.count(b"\n")
        if k >= n:
            idx = len(body)
            for _ in range(n):
                idx = body.rfind(b"\n", 0, idx)
            return pos + idx + 1
        if pos == start:
            return start
        chunk *= 4


class _Source:
    def __init__(self, prefix, path):
        self.prefix, self.path = prefix, path
        self.f, self.ino, self.rest = None, None, b""

    def open(self):
        try:
            self.f = open(self.path, "rb")
            self.ino = os.fstat(self.f.fileno()).st_ino
        except OSError:
            self.f = None

    def read(self):
        """Complete new lines (bytes), following truncation and rotation."""
        if self.f is None:
            self.open()
            if self.f is None:
                return b""
        try:
            st = os.stat(self.path)
        except OSError:
            st = None
        data = self.f.read(4 << 20)
        if not data and st is not None:
            if st.st_ino != self.ino:
                self.f.close()
                self.open()
            elif st.st_size < self.f.tell():
                self.f.seek(0)
            return b""
        data = self.rest + data
        cut = data.rfind(b"\n") + 1
        self.rest = data[cut:]
        return self.add_prefix(data[:cut])

    def add_prefix(self, data):
        """The prefix before each line: bytes, or a function of the line
        (None: the line is not this source's, and is left out)."""
        if not self.prefix or not data:
            return data
        lines = data.split(b"\n")
        if callable(self.prefix):
            return b"".join(p + l + b"\n" for p, l in ((self.prefix(l), l) for l in lines[:-1])
                            if p is not None)
        return b"".join(self.prefix + l + b"\n" for l in lines[:-1])


def stream_logs(ctx, sources, since=None, tail=-1, follow=False):
    """Print [(prefix, path)] log files (prefix: bytes, or a function of each
    line giving its prefix, or None to leave it out) from `since`/`tail`; with follow, keep
    reading (every 50 ms) until killed or the reader goes away."""
    if follow:
        ctx.log_start()
    srcs = [_Source(p, path) for p, path in sources]
    for s in srcs:
        s.open()
        if s.f is None:
            continue
        size = os.fstat(s.f.fileno()).st_size
        start = _offset_since(s.f, size, since) if since is not None else 0
        s.f.seek(_offset_tail(s.f, start, size, tail))
        while True:
            chunk = s.read()
            if not chunk:
                break
            ctx.write_bytes(chunk)
    poller = select.poll()
    poller.register(sys.stdout.fileno(), 0)   # only POLLERR/POLLHUP: reader gone
    while follow:
        if poller.poll(0):
            return 141
        got = False
        for s in srcs:
            chunk = s.read()
            if chunk:
                got = True
                ctx.write_bytes(chunk)
        if not got:
            time.sleep(0.05)
    return 0
