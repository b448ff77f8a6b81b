"""fleetstate.py — what the fleet's shims, service and CLI share.

A fleet host is a directory DIR/hosts/<name>/ (see README.md).  Its mutable
state (deployed tags, revision histories, migrations, settings) lives in one
JSON file, state.json, rewritten atomically (tmp + rename) under an flock on
state.lock, so shims running concurrently over several SSH channels never
lose an update and the service can read it at any time without locking.

Also here: time formatting, commands.log, fault files, the traffic profiles
(good tag / bad tag) and the log-line generator, so every piece agrees on
them.  Python 3 standard library only.
"""

import fcntl
import json
import os
import random
import shlex
import time

# ---------------------------------------------------------------- time

def iso_ms(t=None):
    """RFC 3339 UTC with milliseconds: 2025-06-01T12:00:00.123Z."""
    t = time.time() if t is None else t
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(t)) + ".%03dZ" % (int(t * 1000) % 1000)


def iso_s(t):
    """RFC 3339 UTC, whole seconds (Kubernetes metav1.Time)."""
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(t))


def parse_iso(s):
    """Parse 2025-06-01T12:00:00[.fff][Z|+00:00] (UTC only) to epoch seconds."""
    import calendar
    s = s.strip()
    if s.endswith("Z"):
        s = s[:-1]
    elif s.endswith("+00:00"):
        s = s[:-6]
    frac = 0.0
    if "." in s:
        s, f = s.split(".", 1)
        frac = float("0." + f) if f.isdigit() else 0.0
    return calendar.timegm(time.strptime(s, "%Y-%m-%dT%H:%M:%S")) + frac


def parse_duration(s):
    """Go-style duration (1h30m, 90s, 2m, 500ms) or a bare number of seconds."""
    s = s.strip()
    try:
        return float(s)
    except ValueError:
        pass
    units = {"ms": 0.001, "s": 1, "m": 60, "h": 3600}
    total, num, i = 0.0, "", 0
    while i < len(s):
        c = s[i]
        if c.isdigit() or c == ".":
            num += c
            i += 1
            continue
        unit = "ms" if s.startswith("ms", i) else c
        if unit not in units or not num:
            raise ValueError("invalid duration %r" % s)
        total += float(num) * units[unit]
        num = ""
        i += len(unit)
    if num:
        raise ValueError("missing unit in duration %r" % s)
    return total


def human_duration(sec):
    """Docker's units.HumanDuration (go-units), used in Status/RunningFor."""
    sec = int(sec)
    if sec < 1:
        return "Less than a second"
    if sec == 1:
        return "1 second"
    if sec < 60:
        return "%d seconds" % sec
    m = sec // 60
    if m == 1:
        return "About a minute"
    if m < 60:
        return "%d minutes" % m
    h = int(round(sec / 3600.0))
    if h == 1:
        return "About an hour"
    if h < 48:
        return "%d hours" % h
    if h < 24 * 7 * 2:
        return "%d days" % (h // 24)
    if h < 24 * 30 * 2:
        return "%d weeks" % (h // 24 // 7)
    if h < 24 * 365 * 2:
        return "%d months" % (h // 24 // 30)
    return "%d years" % (h // 24 // 365)


# ---------------------------------------------------------------- state

def host_json(hd):
    """Static description of the host written by `fleet up`."""
    with open(os.path.join(hd, "host.json")) as f:
        return json.load(f)


def load_state(hd):
    with open(os.path.join(hd, "state.json")) as f:
        return json.load(f)


def save_state(hd, st):
    path = os.path.join(hd, "state.json")
    tmp = "%s.tmp.%d" % (path, os.getpid())
    with open(tmp, "w") as f:
        json.dump(st, f, indent=1, sort_keys=True)
        f.write("\n")
    os.replace(tmp, path)


class locked_state:
    """with locked_state(hd) as st: ... modify st ...  (saved on success)."""

    def __init__(self, hd):
        self.hd = hd

    def __enter__(self):
        self.fd = os.open(os.path.join(self.hd, "state.lock"), os.O_RDWR | os.O_CREAT, 0o600)
        fcntl.flock(self.fd, fcntl.LOCK_EX)
        self.st = load_state(self.hd)
        return self.st

    def __exit__(self, et, ev, tb):
        try:
            if et is None:
                save_state(self.hd, self.st)
        finally:
            os.close(self.fd)
        return False


def migrations_current(st, tag):
    """A tag expects a schema revision; unknown tags expect the current one."""
    m = st["migrations"]
    return m["by_tag"].get(tag, m["db"]) == m["db"]


def current_k8s_revision(dep):
    return max(dep["revisions"], key=lambda r: r["revision"])


def deployed_helm_revision(rel):
    dep = [r for r in rel["revisions"] if r["status"] == "deployed"]
    return max(dep or rel["revisions"], key=lambda r: r["revision"])


def behaviour(hj, st):
    """What the host's primary service runs now: tag, EXPORT_MODE, running."""
    svc = hj["services"][0]
    if hj["driver"] == "compose":
        c = st["compose"]["projects"].get(hj["project"], {}).get(svc)
        if not c:
            return {"tag": "", "export_mode": "on", "running": False}
        return {"tag": c["tag"], "export_mode": c["env"].get("EXPORT_MODE", "on"),
                "running": c["state"] == "running"}
    dep = st["k8s"]["deployments"].get("%s/%s" % (hj["namespace"], svc))
    if hj["driver"] == "k8s" or dep is not None:
        # A helm release's pods are its Deployment's: what they run, whatever
        # helm recorded of the rollback that changed them.
        rev = current_k8s_revision(dep)
    else:
        rev = deployed_helm_revision(st["helm"]["releases"]["%s/%s" % (hj["namespace"], svc)])
    return {"tag": rev["tag"], "export_mode": rev.get("env", {}).get("EXPORT_MODE", "on"), "running": True}


# ---------------------------------------------------------------- faults

def fault_path(hd, name):
    return os.path.join(hd, "faults", name)


def fault_active(hd, name):
    return os.path.exists(fault_path(hd, name))


def fault_value(hd, name, default=None):
    try:
        with open(fault_path(hd, name)) as f:
            v = f.read().strip()
        return v or default
    except OSError:
        return None


def hang(hd, seconds):
    """hang-next's sleep: SECONDS, or until `fault clear hang-next` takes
    away this process's mark in <host>/hanging/ (a test done with the hang
    need not wait it out)."""
    mark = os.path.join(hd, "hanging", str(os.getpid()))
    os.makedirs(os.path.dirname(mark), exist_ok=True)
    open(mark, "w").close()
    end = time.time() + seconds
    try:
        while os.path.exists(mark) and time.time() < end:
            time.sleep(min(0.1, max(0.0, end - time.time())))
    finally:
        try:
            os.unlink(mark)
        except OSError:
            pass


def release_hangs(hd):
    """End every hang-next sleep in progress on the host; how many."""
    d = os.path.join(hd, "hanging")
    n = 0
    for f in os.listdir(d) if os.path.isdir(d) else []:
        try:
            os.unlink(os.path.join(d, f))
            n += 1
        except FileNotFoundError:
            pass
    return n


def fault_consume(hd, name):
    """One-shot faults: the first process that renames the file away owns it."""
    src = fault_path(hd, name)
    dst = "%s.taken.%d" % (src, os.getpid())
    try:
        os.rename(src, dst)
    except OSError:
        return None
    with open(dst) as f:
        v = f.read().strip()
    os.unlink(dst)
    return v


# ---------------------------------------------------------------- commands.log

def log_command(hd, rec):
    """Append one JSON line to commands.log with a single O_APPEND write."""
    line = (json.dumps(rec, separators=(",", ":")) + "\n").encode()
    fd = os.open(os.path.join(hd, "commands.log"), os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        os.write(fd, line)
    finally:
        os.close(fd)


def command_record(hj, event, argv, started, mutating, exit_status=None, env_keys=("IMAGE_TAG", "EXPORT_MODE")):
    rec = {"ts": iso_ms(), "host": hj["name"], "event": event, "pid": os.getpid(),
           "cmd": shlex.join(argv), "argv": argv, "cwd": os.getcwd(),
           "env": {k: os.environ[k] for k in env_keys if k in os.environ},
           "mutating": mutating}
    if event == "end":
        rec["exit"] = exit_status
        rec["ms"] = int((time.time() - started) * 1000)
    return rec


# ---------------------------------------------------------------- traffic

# Prometheus client default histogram buckets (seconds).
BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0]

# Cumulative fraction of requests at or under each bucket bound.  Linear
# interpolation (histogram_quantile) gives p95 = 0.183 s for good tags and
# p95 = 1.0 + (0.95-0.93)/(0.99-0.93) * 1.5 = 1.5 s for bad tags.
PROFILES = {
    "good": {"status": {"200": 0.989, "404": 0.010, "500": 0.001},
             "cum": [0.01, 0.05, 0.25, 0.60, 0.90, 0.99, 0.998, 1.0, 1.0, 1.0, 1.0],
             "mean": 0.062},
    "bad": {"status": {"200": 0.910, "404": 0.010, "500": 0.050, "503": 0.030},
            "cum": [0.0, 0.0, 0.02, 0.10, 0.30, 0.55, 0.75, 0.93, 0.99, 1.0, 1.0],
            "mean": 0.52},
}


def profile_name(tag):
    return "bad" if "bad" in tag else "good"


def sample_request(rng, prof):
    """Draw one (status, latency seconds) from a profile."""
    x, acc, status = rng.random(), 0.0, "200"
    for s, p in prof["status"].items():
        acc += p
        if x < acc:
            status = s
            break
    y, lo, prev = rng.random(), 0.0, 0.0
    for b, c in zip(BUCKETS, prof["cum"]):
        if y <= c:
            span = c - prev
            return status, lo + (b - lo) * ((y - prev) / span if span > 0 else 1.0)
        lo, prev = b, c
    return status, BUCKETS[-1]


# ---------------------------------------------------------------- log lines

# Escape-sequence corpus for the log-escapes fault: OSC 52 clipboard write,
# OSC 0 and OSC 2 title, OSC 8 hyperlink, CSI 2J clear + home, CSI 21t
# (title report), DCS, raw C1 CSI, UTF-8-encoded C1, invalid UTF-8 (stray
# continuation, overlong, surrogate, truncated), bidi override.
ESCAPES = [
    b"clipboard \x1b]52;c;ZWNobyBwd25lZA==\x07 end",
    b"title \x1b]0;pwned-title\x07 end",
    b"clear \x1b[2J\x1b[H end",
    b"c1 \x9b31mred\x9b0m end",
    b"c1utf8 \xc2\x9b31mred\xc2\x9b0m end",
    b"invalid \xff\xfe \xc0\xaf \xed\xa0\x80 \xe2\x82 end",
    b"bidi \xe2\x80\xaeevil\xe2\x80\xac end",
    b"title2 \x1b]2;pwned-title2\x1b\\ end",
    b"link \x1b]8;;http://evil.invalid/\x1b\\click\x1b]8;;\x1b\\ end",
    b"report \x1b[21t end",
    b"dcs \x1bP1$r0m\x1b\\ end",
]

# One line carrying the worst of the corpus, under 200 bytes (what a tool's
# error message would be cut to): the cmd-escapes and http-escapes faults.
ESCAPE_LINE = (b"Error response from daemon: \x1b]0;pwned-title\x07\x1b]52;c;ZWNobyBwd25lZA==\x07"
               b"\x1b[2J \x9b31m \xc2\x9b0m \xe2\x80\xaeevil\xe2\x80\xac \xc0\xaf \xed\xa0\x80 end")

PATHS = ["/api/orders", "/api/orders/%d", "/api/users/%d", "/api/cart", "/api/search?q=item%d", "/export"]


class LogLines:
    """Deterministic ~125-byte log lines for one host service.

    Bodies are drawn from a pool of 1009 per tag (made once from a seeded
    RNG with the tag's profile), so lines stay cheap at 100 000 lines/s while
    the ERROR share still follows the tag (about 8 % for bad tags)."""

    POOL = 1009

    def __init__(self, host, service, seed):
        self.host, self.service, self.seed = host, service, seed
        self.pools = {}
        self.seq = 0

    def _pool(self, tag):
        pool = self.pools.get(tag)
        if pool is None:
            rng = random.Random("%s/%s/%s/%s" % (self.seed, self.host, self.service, tag))
            prof = PROFILES[profile_name(tag)]
            pool = []
            for _ in range(self.POOL):
                status, lat = sample_request(rng, prof)
                level = "ERROR" if status[0] == "5" else "INFO "
                if self.service == "api":
                    p = rng.choice(PATHS)
                    if "%d" in p:
                        p = p % rng.randrange(1, 99999)
                    msg = "GET %s status=%s dur_ms=%d" % (p, status, lat * 1000)
                else:
                    job = rng.choice(["send_email", "reindex", "export_csv", "billing_sync"])
                    msg = "job=%s status=%s dur_ms=%d" % (job, "failed" if level == "ERROR" else "done", lat * 1000)
                err = ' err="upstream timeout"' if level == "ERROR" else ""
                ip = "10.%d.%d.%d" % (rng.randrange(256), rng.randrange(256), rng.randrange(1, 255))
                pool.append(" %s %s req=%08x ip=%s %s tag=%s%s seq=" % (level, self.service, rng.getrandbits(32), ip, msg, tag, err))
            self.pools[tag] = pool
        return pool

    def lines(self, ts, tag, n, escapes=False):
        """n lines stamped ts (one write's worth), as bytes."""
        pool, out = self._pool(tag), []
        for _ in range(n):
            self.seq += 1
            if escapes and self.seq % 10 == 0:
                body = ESCAPES[(self.seq // 10) % len(ESCAPES)]
                out.append(b"%s WARN  %s %s seq=%d\n" % (ts.encode(), self.service.encode(), body, self.seq))
            else:
                out.append(("%s%s%d\n" % (ts, pool[self.seq % self.POOL], self.seq)).encode())
        return b"".join(out)


# ---------------------------------------------------------------- revisions

ALNUM = "bcdfghjklmnpqrstvwxz2456789"   # Kubernetes rand.SafeEncodeString alphabet


def safe_hash(s, n):
    h = __import__("hashlib").sha256(s.encode()).digest()
    return "".join(ALNUM[b % len(ALNUM)] for b in h[:n])


def k8s_new_revision(d, image, env, cause, when=None, restarted_at=None):
    """Make a pod template the current (highest) revision and start its
    rollout; an identical older template moves up, as its ReplicaSet would
    (keeping its creation time: `created` is its ReplicaSet's).
    restarted_at is the template's kubectl.kubernetes.io/restartedAt
    annotation (`rollout restart` sets it; later templates keep it): part
    of the template, so of its pod-template-hash."""
    revs = d["revisions"]
    now = time.time() if when is None else when
    rev = {"revision": (max(r["revision"] for r in revs) if revs else 0) + 1, "image": image,
           "tag": image.rsplit(":", 1)[-1], "env": dict(env),
           "hash": safe_hash(image + json.dumps(env, sort_keys=True) + (restarted_at or ""), 10),
           "change_cause": cause}
    if restarted_at:
        rev["restarted_at"] = restarted_at
    rev["created"] = next((r["created"] for r in revs if r["hash"] == rev["hash"] and "created" in r), now)
    # The numbers it had, as the controller's revision-history annotation keeps them.
    old = [r for r in revs if r["hash"] == rev["hash"]]
    if old:
        rev["history"] = old[0].get("history", []) + [old[0]["revision"]]
    d["revisions"] = [r for r in revs if r["hash"] != rev["hash"]] + [rev]
    d["generation"] = d.get("generation", 0) + 1
    d["rollout"] = {"started": now, "stuck": False}
    return rev


def helm_deployment(st, ns, name, tag, env, cause, when=None):
    """The release's Deployment (a helm host's, made by `fleet up`) moves to
    tag: a new rollout of settings.rollout_seconds. None when there is none."""
    dep = st["k8s"]["deployments"].get("%s/%s" % (ns, name))
    if dep is None:
        return None
    img = current_k8s_revision(dep)["image"].rsplit(":", 1)[0] + ":" + tag
    k8s_new_revision(dep, img, env or {"EXPORT_MODE": "on"}, cause, when)
    return dep


def helm_new_revision(rel, chart, app_version, tag, description, when=None, env=None):
    """Append a deployed revision; the previous deployed one is superseded."""
    revs = rel["revisions"]
    for r in revs:
        if r["status"] == "deployed":
            r["status"] = "superseded"
    rev = {"revision": (max(r["revision"] for r in revs) if revs else 0) + 1,
           "updated": time.time() if when is None else when, "status": "deployed", "chart": chart,
           "app_version": app_version, "description": description, "tag": tag, "env": dict(env or {"EXPORT_MODE": "on"})}
    revs.append(rev)
    return rev
