#!/bin/sh
# test_statuspage_retry.sh — in one running client, a retry of an update
# whose try left and got no answer reads the page's incident first: found
# (fault hang-after: applied, the answer held) it is posted, never sent
# again; the page answering without it (fault hang: never applied) it is
# sent again; the page out of reach to the end, it is UNKNOWN, not sent
# again. A try the page refused (500) is retried as before, and a create
# in flight is looked up, not created twice.
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
# until_journal NAME RE: wait (10 s at most) for a record matching RE in
# incident NAME's journal.
until_journal() {
	i=0
	until cat "$tl/$1"-*.jsonl 2>/dev/null | grep -q "$2"; do
		[ $i -ge 100 ] && fail "$1: no record matching $2"
		sleep 0.1; i=$((i + 1))
	done
}
# bg NAME ARGS...: the probe in the background, output in $tmp/NAME.out.
bg() { n=$1; shift; "$probe" -c "$conf" -d "$tl" -i "$n" $fast "$@" > "$tmp/$n.out" 2>&1 & pid=$!; }
export_md() {
	sed "s|^timeline_dir = .*|timeline_dir = $tl|" "$conf" > "$tmp/export.conf"
	"$WARROOM" export "$1" -c "$tmp/export.conf" > "$tmp/$1.md" < /dev/null || fail "export $1"
}

# ---- applied, the answer lost: read back, found, not sent again ----
run "$tmp/l0.out" -i landed create || { cat "$tmp/l0.out"; fail "create"; }
page=$(sed -n 's/^done .* create ok page=\([a-z0-9]*\) .*/\1/p' "$tmp/l0.out")
mark
fault hang-after
bg landed -t 30 update
until_journal landed '"kind":"statuspage.retry"'
fault clear
wait $pid || { cat "$tmp/landed.out"; fail "landed: not done"; }
grep -q '^done .* update ok page=[a-z0-9]* status=identified found=1 reconciled=1 in_session=1 http=200$' \
	"$tmp/landed.out" || { cat "$tmp/landed.out"; fail "landed: not posted by the read"; }
until_held PATCH hang-after
[ "$(count "$PATCH")" = 1 ] || { cat "$req"; fail "landed: the PATCH was sent $(count "$PATCH") times"; }
[ "$(count "r[\"method\"] == \"GET\" and r[\"path\"].endswith(\"/incidents/$page\")")" -ge 1 ] ||
	fail "landed: the incident was not read"
grep -q '"kind":"statuspage.retry".*"sent":true,"read_back":true' "$(journal "$tmp/l0.out")" ||
	fail "landed: the retry record does not say the try may be on the page"
grep -q '"kind":"statuspage.post".*"found":true,"reconciled":true,.*"in_session":true' \
	"$(journal "$tmp/l0.out")" || fail "landed: the post record does not say so"
export_md landed
grep -q "^- \*\*[0-9: -]*\*\* identified (update): api is being rolled back .* — sent [0-9: -]*, no answer; posted [0-9: -]* as found on the page (read back [0-9: -]*), not sent again$" \
	"$tmp/landed.md" || { grep -A8 '^## Status-page' "$tmp/landed.md"; fail "landed: the post-mortem does not say it"; }
ok "a try applied with its answer lost: read back, posted, one PATCH"

# ---- never applied: the page answers without it, so it is sent again ----
run "$tmp/m0.out" -i missed create || fail "create"
mark
fault hang
bg missed -t 30 update
until_journal missed '"kind":"statuspage.retry"'
fault clear
wait $pid || { cat "$tmp/missed.out"; fail "missed: not done"; }
grep -q '^done .* update ok .* status=identified found=0 http=200$' "$tmp/missed.out" ||
	{ cat "$tmp/missed.out"; fail "missed: not sent again"; }
until_held PATCH hang
[ "$(count "$PATCH and r[\"status\"] == 200")" = 1 ] || { cat "$req"; fail "missed: expected one PATCH applied"; }
grep -q '"kind":"statuspage.sent".*"try":2,"action":"update","status":"identified","after_read":true' \
	"$(journal "$tmp/m0.out")" || fail "missed: the second try does not say it followed a read"
export_md missed
grep -q '| statuspage.sent |  | status page: identified update: try 2 sent again (the page did not list it), waiting for the answer |' \
	"$tmp/missed.md" || { grep statuspage "$tmp/missed.md"; fail "missed: the second try's row"; }
grep -q '"attempt":1,.*"method":"PATCH"' "$(journal "$tmp/m0.out")" || fail "missed: no first try"
! grep '| statuspage.sent |' "$tmp/missed.md" | grep -q 'try 1' ||
	fail "missed: the ordinary first try has a row"
ok "a try the page never got: read back, not there, sent again once"

# ---- the page cannot be read back: UNKNOWN, never sent again ----
run "$tmp/u0.out" -i unread create || fail "create"
mark
fault hang-after
run "$tmp/unread.out" -i unread $fast -m 3 -t 30 update && fail "unread: reported done"
fault clear
grep -q "^unknown .* update http=0 error=identified update may have been posted (sent [0-9:]* UTC, no answer; the page could not be read back: gave up after 3 attempts: no answer: .*): not sent again; S sends it again$" \
	"$tmp/unread.out" || { cat "$tmp/unread.out"; fail "unread: not UNKNOWN"; }
until_held PATCH hang-after
[ "$(count "$PATCH")" = 1 ] || { cat "$req"; fail "unread: the PATCH was sent $(count "$PATCH") times"; }
ok "a try with no answer and a page that never answers the read: UNKNOWN, one PATCH"

# ---- answered 500: never applied, retried as before (no read) ----
run "$tmp/e0.out" -i refused create || fail "create"
mark
fault 500
bg refused -t 30 update
until_journal refused '"kind":"statuspage.retry".*HTTP 500'
fault clear
wait $pid || { cat "$tmp/refused.out"; fail "refused: not done"; }
grep -q '^done .* update ok .* found=0 http=200$' "$tmp/refused.out" || { cat "$tmp/refused.out"; fail "refused"; }
[ "$(count 'r["method"] == "GET"')" = 0 ] || { cat "$req"; fail "refused: a 500 led to a read"; }
! grep -q '"read_back"' "$(journal "$tmp/e0.out")" || fail "refused: a 500 was taken as maybe applied"
ok "a 500 is retried as before, without reading the page"

# ---- a create in flight, applied, the answer lost: looked up, not created twice ----
mark
fault hang-after
bg inflight -t 30 create
until_journal inflight '"kind":"statuspage.retry"'
fault clear
wait $pid || { cat "$tmp/inflight.out"; fail "inflight: not done"; }
grep -q '^done .* create ok .* found=1 ' "$tmp/inflight.out" || { cat "$tmp/inflight.out"; fail "inflight: not found"; }
until_held POST hang-after
[ "$(count 'r["method"] == "POST"')" = 1 ] || { cat "$req"; fail "inflight: the create was posted twice"; }
ok "a create whose answer was lost is looked up, not created twice"
