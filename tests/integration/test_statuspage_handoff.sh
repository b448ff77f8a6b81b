#!/bin/sh
# test_statuspage_handoff.sh — a create left pending by a console that
# quit while the page answered 500. (c) Another console, running
# meanwhile, created the incident with "identified": the next console
# neither sends the old "investigating" create (it would set the page
# back) nor records it as found; the post-mortem says it never reached
# the page. (b) A console open before, arming later, takes the post over
# (journalled) and sends it once; its own "identified" create, queued
# behind it, goes as an update of the incident it made.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/integration/statuspage_lib.sh"
fl=$tmp/fleet
fleets=$fl

"$fleet" up --hosts 1 --dir "$fl" --base-port auto > "$tmp/up.log" 2>&1 ||
	{ cat "$tmp/up.log"; skip "the fleet cannot start"; }
conf=$fl/warroom.conf
req=$fl/statuspage/requests.jsonl

fault() { "$fleet" fault --dir "$fl" statuspage "$1" > /dev/null || fail "fault $1"; }
retried() { cat "$tl/$1"-*.jsonl 2>/dev/null | grep -c '"kind":"statuspage.retry"' || true; }
# bob NAME SECONDS: a console posting the create while the page answers
# 500; its next try is 10 s or more away, so it quits with it pending.
bob() {
	fault 500
	"$probe" -c "$conf" -d "$tl" -i "$1" -b 20000 -t "$2" create > "$tmp/$1.bob" 2>&1 &
	bobpid=$!
	i=0
	until [ "$(retried "$1")" -gt 0 ] || [ $i -ge 50 ]; do sleep 0.1; i=$((i + 1)); done
	[ "$(retried "$1")" -gt 0 ] || { cat "$tmp/$1.bob"; fail "$1: the 500 was not recorded"; }
	fault clear
}
INV='r["body"]["incident"].get("status") == "investigating"'
IDENT='r["body"]["incident"].get("status") == "identified"'

# ---- (c) the incident made by another post: not sent, not "found" ----
bob sup 6
mark
# Bob's console still runs: this one leaves its post alone.
run "$tmp/a.out" -i sup -S identified create || { cat "$tmp/a.out"; fail "alice's create"; }
grep -q '^done .* create ok page=[a-z0-9]* status=identified found=0 ' "$tmp/a.out" ||
	{ cat "$tmp/a.out"; fail "alice's create did not make the incident"; }
wait $bobpid
run "$tmp/c.out" -i sup || { cat "$tmp/c.out"; fail "the next console"; }
grep -q "^superseded .* create: investigating post never reached the page (HTTP 500); the incident was created by the identified post at [0-9:]*; not sent: it would set the status back\(; taken over by .*\)\{0,1\}$" \
	"$tmp/c.out" || { cat "$tmp/c.out"; fail "(c) not said superseded"; }
[ "$(count "r['method'] != 'GET' and $INV")" = 0 ] || { cat "$req"; fail "(c) the investigating create was sent"; }
[ "$(count "r['method'] == 'POST'")" = 1 ] || { cat "$req"; fail "(c) expected only alice's create"; }
j=$(journal "$tmp/c.out")
grep -q '"kind":"statuspage.post".*"action":"create".*"found":true' "$j" &&
	fail "(c) the investigating create recorded as found"
grep -q '"kind":"statuspage.failed".*"superseded":true' "$j" || fail "(c) no superseded record"
sed "s|^timeline_dir = .*|timeline_dir = $tl|" "$conf" > "$tmp/export.conf"
"$WARROOM" export sup -c "$tmp/export.conf" > "$tmp/sup.md" < /dev/null || fail "export"
grep -q "investigating (create .*): api answers errors .* — \*\*not posted\*\*: investigating post never reached the page (HTTP 500); .*not sent: it would set the status back\(; taken over by .*\)\{0,1\}$" \
	"$tmp/sup.md" || { grep -A6 '^## Status-page' "$tmp/sup.md"; fail "(c) the post-mortem words"; }
grep "investigating (create" "$tmp/sup.md" | grep -q "posted [0-9]" &&
	fail "(c) the post-mortem says the investigating text was posted"
ok "a create superseded by a later stage is neither sent nor recorded as found"

# ---- (b) a console open before takes the post over when it arms ----
"$probe" -c "$conf" -d "$tl" -i hand -a "$tmp/arm" -S identified -t 30 create > "$tmp/h.out" 2>&1 &
alicepid=$!
sleep 0.5
bob hand 2
wait $bobpid
mark
touch "$tmp/arm"
wait $alicepid || { cat "$tmp/h.out"; fail "(b) alice's console"; }
grep -q '^adopted 1$' "$tmp/h.out" || { cat "$tmp/h.out"; fail "(b) nothing taken over"; }
grep -q '^done .* create ok page=[a-z0-9]* status=investigating found=0 ' "$tmp/h.out" ||
	{ cat "$tmp/h.out"; fail "(b) bob's create not sent"; }
grep -q '^done .* update ok .* as_update: identified post was queued as a create; the incident was created by the investigating post at [0-9:]*; sent as an update of it$' "$tmp/h.out" ||
	{ cat "$tmp/h.out"; fail "(b) alice's create not sent as an update"; }
[ "$(count "r['method'] == 'POST' and $INV")" = 1 ] || { cat "$req"; fail "(b) bob's create not sent once"; }
[ "$(count "r['method'] == 'POST'")" = 1 ] || { cat "$req"; fail "(b) a second incident"; }
[ "$(count "r['method'] == 'PATCH' and $IDENT")" = 1 ] || { cat "$req"; fail "(b) no identified update"; }
grep -q '"kind":"statuspage.takeover".*"from_actor":"probe@test"' "$(journal "$tmp/h.out")" ||
	fail "(b) the takeover is not journalled"
ok "a console open before takes the pending create over when it arms, sends it once"
