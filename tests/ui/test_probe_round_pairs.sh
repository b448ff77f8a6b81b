#!/bin/sh
# test_probe_round_pairs.sh — a probe round's /readyz reaches the rows (and
# the journal) with its own round's times, not the round before's, when
# /healthz answers later. A compose host runs v1.5.1-bad (its migration
# current); /healthz answers 0.5 s late, /readyz at once. Right after a tag
# read that began once a round had ended, and before the next round, a CI
# job deploys v1.4.1 (the schema now ahead of it): that round's /readyz
# answers while its /healthz is out. Had it stood beside the round before's
# times, read before the tag was, the journal would pair v1.5.1-bad with
# v1.4.1's "schema ahead". The timing is not left to chance: the deploy
# goes only once the fleet's notes say the read and the deploy fall between
# two rounds.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 1
"$fleet" set-tag --dir "$fl" h1 api v1.5.1-bad > /dev/null || fail "set-tag v1.5.1-bad"
"$fleet" fault --dir "$fl" h1 http-slow 0.5 /healthz > /dev/null || fail "fault http-slow"
# Rounds every 4 s (4.8 at most with the poller's jitter) taking 0.5 s:
# 3.5 s without one out. Tag reads every 6 s (7.2) move against them by
# 0.8 s a read or more: one falls early enough in such a gap within a few,
# and none comes between the deploy and the next round.
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 6s\nprobe_interval = 4s/' "$fl/warroom.conf" > "$tmp/c.conf"
start 200 45 "$WARROOM -c $tmp/c.conf --incident rounds"
records() { cat "$fl"/timeline/rounds-*.jsonl 2> /dev/null | grep '"kind":"health.change".*"service":"api"'; }
journalled() {
	i=0
	until [ "$(records | grep -Ec "$1")" -ge "$2" ]; do
		i=$((i + 1)); [ "$i" -lt 300 ] || { records; fail "not journalled: $1"; }; sleep 0.1
	done
}
journalled '"data":\{"service":"api","tag":"v?1\.5\.1-bad"' 1
# Deploy right after a tag read (its shim began at B) when the last round
# ended well before B (its /healthz answered at D: the read was asked
# after the round) and the next one (0.5 s of /healthz before D, a round period
# on) starts only after the deploy is done. Otherwise the next read.
python3 - "$fleet" "$fl" > "$tmp/timing" 2>&1 <<'PY' || { cat "$tmp/timing"; fail "no tag read fell between two rounds"; }
import argparse, contextlib, importlib.machinery, io, json, os, sys, time
from datetime import datetime, timezone
fleet, fl = sys.argv[1:3]
# set-tag in this process: a second python's start would stretch the deploy.
fleet = importlib.machinery.SourceFileLoader("fleet", fleet).load_module()
hd = os.path.join(fl, "hosts", "h1")
# MARGIN: from the console's asking to the shim's start (the watch's
# loop, python); DEPLOY: set-tag's time (0.05 s), both generously.
SLOW, PERIOD, MARGIN, DEPLOY = 0.5, 4.0, 1.0, 0.4

def reads():
    out = []
    with open(os.path.join(hd, "commands.log")) as f:
        for line in f:
            r = json.loads(line)
            if r.get("event") == "end" and r.get("cmd") == "docker compose ps -a --format json":
                end = datetime.strptime(r["ts"], "%Y-%m-%dT%H:%M:%S.%fZ").replace(
                    tzinfo=timezone.utc).timestamp()
                out.append(end - r["ms"] / 1000.0)
    return out

def healthz():
    try:
        with open(os.path.join(hd, "slowed.log")) as f:
            return [(float(t), w) for t, p, w in (l.split() for l in f) if p == "/healthz"]
    except OSError:
        return []

seen = len(reads())
deadline = time.time() + 35
while time.time() < deadline:
    time.sleep(0.02)
    rs = reads()
    if len(rs) == seen:
        continue
    seen, b, now = len(rs), rs[-1], time.time()
    hz = healthz()
    if not hz or hz[-1][1] != "answered":
        print("read at %.3f: a round is out" % b)
        continue
    d = hz[-1][0]
    if d > b - MARGIN or now + DEPLOY > d - SLOW + PERIOD:
        print("read at %.3f, round ended %.3f, now %.3f: not between two rounds" % (b, d, now))
        continue
    with contextlib.redirect_stdout(io.StringIO()):
        fleet.cmd_set_tag(argparse.Namespace(dir=fl, host="h1", service="api", tag="v1.4.1"))
    done = time.time()
    later = [t for t, w in healthz() if w == "held" and t > d]
    print("read at %.3f, round ended %.3f, deployed %.3f-%.3f, next round %s" % (
        b, d, now, done, "%.3f" % later[0] if later else "-"))
    if later and later[0] < done:
        sys.exit("a round began before the deploy was done")
    sys.exit(0)
sys.exit("no tag read between two rounds in 35 s")
PY
sed "s/^/  /" "$tmp/timing"
journalled '"tag":"v?1\.4\.1".*"schema":"ahead"' 1
keys q
wait_for "exit=0"
bad=$(records | grep -E '"tag":"v?1\.5\.1-bad"' | grep '"schema":"ahead"')
[ -z "$bad" ] || { cat "$tmp/timing"; fail "v1.5.1-bad recorded with v1.4.1's /readyz: $bad"; }
ok "a /readyz answered while /healthz was out is paired with its own round's tag read"
