#!/bin/sh
# test_statuspage_resume.sh — the status-page client killed (kill -9) with
# a post's request sent and never answered, then run again on the same
# journal: an update is read back from the page's incident, never sent
# again — posted when the page lists it (fault hang-after: applied, the
# answer lost), UNKNOWN when it does not (fault hang: never applied). An
# update that never reached the page (it was down) is still sent, and a
# create in flight is found by the lookup. The post-mortem shows the
# first try and how it ended.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/integration/statuspage_lib.sh"
fl=$tmp/fleet
fleets=$fl

"$fleet" up --hosts 1 --dir "$fl" --base-port auto > "$tmp/up.log" 2>&1 ||
	{ cat "$tmp/up.log"; skip "the fleet cannot start"; }
conf=$fl/warroom.conf
req=$fl/statuspage/requests.jsonl
fast="-T 1500 -b 300"

fault() { "$fleet" fault --dir "$fl" statuspage "$1" > /dev/null || fail "fault $1"; }
PATCH='r["method"] == "PATCH" and r["body"]["incident"]["body"] == "api is being rolled back from v1.5.0-bad to v1.4.1."'

# killed NAME ACTION FAULT: post ACTION with FAULT set, kill -9 the probe
# once its try has reached the page, clear the fault.
killed() {
	m=$(case $2 in create) echo POST ;; *) echo PATCH ;; esac)
	before=$(held "$m")
	fault "$3"
	"$probe" -c "$conf" -d "$tl" -i "$1" -T 30000 -t 30 "$2" > "$tmp/$1.k" 2>&1 &
	pid=$!
	# Killed once the try has reached the page and is held there, not a
	# fixed time after its send record (a loaded machine may not have
	# sent it by then).
	until_held_more "$m" "$before"
	kill -9 $pid
	wait $pid 2>/dev/null
	fault clear
	until_held "$m" "$3"
}
# export_md NAME: the post-mortem of the probe's journal for NAME.
export_md() {
	sed "s|^timeline_dir = .*|timeline_dir = $tl|" "$conf" > "$tmp/export.conf"
	"$WARROOM" export "$1" -c "$tmp/export.conf" > "$tmp/$1.md" < /dev/null || fail "export $1"
}

# ---- sent, never applied: UNKNOWN, not sent again ----
run "$tmp/n0.out" -i lost create || { cat "$tmp/n0.out"; fail "create"; }
page=$(sed -n 's/^done .* create ok page=\([a-z0-9]*\) .*/\1/p' "$tmp/n0.out")
mark
killed lost update hang
run "$tmp/n1.out" -i lost $fast && fail "an update the page lacks reported done"
grep -q "^unknown .* update http=200 error=identified update may not have been posted (sent [0-9:]* UTC before a restart, no answer recorded; the page's incident $page does not list it): S sends it again$" \
	"$tmp/n1.out" || { cat "$tmp/n1.out"; fail "not found: not said UNKNOWN"; }
[ "$(count "$PATCH")" = 1 ] || { cat "$req"; fail "not found: the PATCH was sent $(count "$PATCH") times"; }
[ "$(count "r[\"method\"] == \"GET\" and r[\"path\"].endswith(\"/incidents/$page\")")" = 1 ] ||
	fail "not found: the incident was not read once"
grep -q '"kind":"statuspage.failed".*"unknown":true,"reconciled":true' "$(journal "$tmp/n0.out")" ||
	fail "not found: no UNKNOWN record"
run "$tmp/n2.out" -i lost || { cat "$tmp/n2.out"; fail "a third run"; }
[ "$(count 'r["method"] != "GET"')" = 1 ] || fail "not found: a later run sent something"
export_md lost
grep -q "^- \*\*[0-9: -]*\*\* identified (update): api is being rolled back .* — first sent [0-9: -]*, no answer before the console stopped; \*\*UNKNOWN\*\*, not sent again (read back [0-9: -]*): identified update may not have been posted" \
	"$tmp/lost.md" || { grep -A8 '^## Status-page' "$tmp/lost.md"; fail "not found: the post-mortem hides the first try"; }
ok "sent, no answer, killed; the page lacks it: UNKNOWN, read once, never sent again"

# ---- sent and applied, the answer lost: found, posted, not sent again ----
run "$tmp/f0.out" -i landed create || { cat "$tmp/f0.out"; fail "create"; }
mark
killed landed update hang-after
run "$tmp/f1.out" -i landed $fast || { cat "$tmp/f1.out"; fail "found: not done"; }
grep -q '^done .* update ok page=[a-z0-9]* status=identified found=1 reconciled=1 http=200$' "$tmp/f1.out" ||
	{ cat "$tmp/f1.out"; fail "found: not posted by the read"; }
[ "$(count "$PATCH")" = 1 ] || { cat "$req"; fail "found: the PATCH was sent $(count "$PATCH") times"; }
grep -q '"kind":"statuspage.post".*"found":true,"reconciled":true,"first_sent_ms":[0-9]*,"page_created_at":"20' \
	"$(journal "$tmp/f0.out")" || fail "found: the post record does not say so"
export_md landed
grep -q "^- \*\*[0-9: -]*\*\* identified (update): api is being rolled back .* — first sent [0-9: -]*, no answer before the console stopped; posted [0-9: -]* as found on the page (read back [0-9: -]*), not sent again\(; taken over by .*\)\{0,1\}$" \
	"$tmp/landed.md" || { grep -A8 '^## Status-page' "$tmp/landed.md"; fail "found: the post-mortem hides the first try"; }
ok "sent, answer lost, killed; the page has it: posted at the page's time, never sent again"

# ---- the page down before the restart (never reached): still sent once ----
run "$tmp/q0.out" -i down create || fail "create"
sed 's|^url = http://127.0.0.1:[0-9]*|url = http://127.0.0.1:9|' "$conf" > "$tmp/down.conf"
grep -q '^url = http://127.0.0.1:9/' "$tmp/down.conf" || fail "no closed-port config"
# Refused at once, then a 5 s backoff: the run ends while it waits.
"$probe" -c "$tmp/down.conf" -d "$tl" -i down -b 5000 -t 1.5 update > "$tmp/q1.out" 2>&1
grep -q '"kind":"statuspage.retry".*onnect' "$(journal "$tmp/q0.out")" ||
	{ cat "$tmp/q1.out"; fail "the closed port was not tried"; }
mark
run "$tmp/q2.out" -i down || { cat "$tmp/q2.out"; fail "an update never sent was not sent"; }
grep -q '^done .* update ok .* status=identified found=0 http=200$' "$tmp/q2.out" ||
	{ cat "$tmp/q2.out"; fail "an update never sent was not sent"; }
[ "$(count "$PATCH")" = 1 ] || fail "never sent: expected one PATCH"
ok "an update that never reached the page before the restart is sent, once"

# ---- a create in flight, applied, the answer lost: found by the lookup ----
mark
killed inflight create hang-after
run "$tmp/c1.out" -i inflight || { cat "$tmp/c1.out"; fail "create replay"; }
grep -q '^done .* create ok .* found=1 ' "$tmp/c1.out" || { cat "$tmp/c1.out"; fail "in-flight create not found"; }
[ "$(count 'r["method"] == "POST"')" = 1 ] || { cat "$req"; fail "the create was posted twice"; }
ok "a create in flight when killed is found on the page, not created again"
