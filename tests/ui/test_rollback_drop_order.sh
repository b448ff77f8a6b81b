#!/bin/sh
# test_rollback_drop_order.sh — the connection drops during a compose
# rollback's `up -d`; the console reconnects at once and re-reads the
# host while its return is held back (a return is news once it held).
# What it reads over the new session (the action's reconcile, health,
# verdicts) is journalled after the host's UP, not between its DOWN and
# its UP as if read from a DOWN host: the held UP goes first, with the
# time it came back. The tag its `up -d` set is the rollback's own.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
command -v python3 > /dev/null 2>&1 || skip "python3 is not installed"
fleet_up --hosts 1 --tag v1.5.0-bad
"$fleet" set --dir "$fl" h1 recreate_seconds=15 > /dev/null
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 1s\nhealth_timeout = 60s/' "$fl/warroom.conf" > "$tmp/c.conf"
start 200 50 "$WARROOM -c $tmp/c.conf --incident droporder"
wait_re "│> h1 +api +UP +v1\\.5\\.0-bad" 15
journal=$(ls "$fl"/timeline/droporder-*.jsonl)
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
keys r
wait_for "type api and press Enter" 15
keys -l api; keys Enter
i=0
until cat "$fl"/hosts/h1/running/* 2> /dev/null | grep -q ' up -d'; do
	sleep 0.02; i=$((i + 1)); [ $i -lt 1000 ] || fail "up -d never started on h1"
done
"$fleet" fault --dir "$fl" h1 drop > /dev/null

# The h1 records after its DOWN, by kind, up to and with its UP; "" while
# no UP came.
after_down() {
	python3 - "$journal" <<'PY'
import json, sys
rows, down = [], False
for line in open(sys.argv[1]):
    try:
        r = json.loads(line)
    except ValueError:
        continue
    if r.get("host") != "h1":
        continue
    st = (r.get("data") or {}).get("state")
    if r["kind"] == "conn.change" and st == "DOWN":
        down, rows = True, []
        continue
    if not down:
        continue
    if r["kind"] == "conn.change" and st == "UP":
        print(" ".join(rows + ["UP"]))
        sys.exit(0)
    rows.append(r["kind"])
print(" ".join(rows) if rows else "")
PY
}
i=0
until after_down | grep -q 'UP$'; do
	sleep 0.2; i=$((i + 1)); [ $i -lt 150 ] || fail "h1 never recorded back UP: $(after_down)"
done
[ "$(after_down)" = "UP" ] || fail "between h1's DOWN and its UP: $(after_down)"
# A record of h1's row after the rollback's UNKNOWN end, before its
# `up -d` (15 s) finishes on the host: the tag change comes after it.
"$fleet" fault --dir "$fl" h1 http-500 > /dev/null
i=0
until grep '"kind":"health.change"' "$journal" | grep '"host":"h1"' | grep -q '"healthz":"FAIL"'; do
	sleep 0.1; i=$((i + 1)); [ $i -lt 100 ] || fail "h1's failing probes were never recorded"
done
"$fleet" fault --dir "$fl" h1 clear > /dev/null
# Something was read over the new session after it (else nothing proven).
i=0
until grep -q '"kind":"action.reconcile".*"host":"h1"\|"host":"h1".*"kind":"action.reconcile"' "$journal"; do
	sleep 0.2; i=$((i + 1)); [ $i -lt 150 ] || fail "the rollback was never reconciled"
done
[ "$(after_down)" = "UP" ] || fail "between h1's DOWN and its UP: $(after_down)"
ok "what the console read over the new session comes after the host's UP"
# v1.4.1 came by that rollback's own `up -d`, finished after the drop:
# not a deploy made outside this console.
h1_tag() {
	python3 - "$journal" <<'PY'
import json, sys
for line in open(sys.argv[1]):
    try:
        r = json.loads(line)
    except ValueError:
        continue
    d = r.get("data") or {}
    if r.get("host") == "h1" and r["kind"] == "health.change" and d.get("tag") == "v1.4.1":
        print("outside" if d.get("outside") else "ours")
PY
}
i=0
until [ -n "$(h1_tag)" ]; do
	sleep 0.2; i=$((i + 1)); [ $i -lt 150 ] || fail "h1's v1.4.1 was never recorded"
done
h1_tag | grep -q outside && fail "h1's v1.4.1 journalled as deployed outside this console"
ok "the rollback's own deploy is not said to come from outside"
quit_console 10
