#!/bin/sh
# test_statuspage_error_body.sh — a status page that answers 200 yet saved
# nothing, its reason in the body (fleet fault 200-error): the post, a
# create or an update of an incident already on the page, is not taken as done, and the client's state, the journal's retry records and
# the post-mortem quote the page's own words, not only "no incident id".
. "${top_srcdir:-$(dirname "$0")/../..}/tests/integration/statuspage_lib.sh"
fl=$tmp/fleet
fleets=$fl

"$fleet" up --hosts 1 --dir "$fl" --base-port auto > "$tmp/up.log" 2>&1 ||
	{ cat "$tmp/up.log"; skip "the fleet cannot start"; }
conf=$fl/warroom.conf
req=$fl/statuspage/requests.jsonl
said='Page is locked for maintenance; nothing was saved (fleet fault)'

"$fleet" fault --dir "$fl" statuspage 200-error > /dev/null || fail "fault 200-error"
mark
run "$tmp/l.out" -i locked -T 1500 -b 300 -t 4 create && { cat "$tmp/l.out"; fail "a post the page refused in its body reported done"; }
! grep -q '^done ' "$tmp/l.out" || { cat "$tmp/l.out"; fail "a post the page refused in its body is done"; }
grep -q "^state page= status= pending=1 error=.*it says: \"$said\"" "$tmp/l.out" ||
	{ cat "$tmp/l.out"; fail "the client's error does not quote the page"; }
grep -q '^badge failed=0 failing=1 fail_status=200 ' "$tmp/l.out" ||
	{ cat "$tmp/l.out"; fail "the badge does not show the post failing"; }
[ "$(count 'r["method"] == "POST" and r["status"] == 200')" -ge 1 ] || { cat "$req"; fail "no POST answered 200"; }
[ "$(count 'r["status"] == 201')" = 0 ] || fail "an incident was created"
j=$(journal "$tmp/l.out")
grep -q "\"kind\":\"statuspage.retry\".*it says: \\\\\"$said\\\\\"\",\"http_status\":200" "$j" ||
	{ grep statuspage.retry "$j"; fail "the retry record does not quote the page"; }
sed "s|^timeline_dir = .*|timeline_dir = $tl|" "$conf" > "$tmp/export.conf"
"$WARROOM" export locked -c "$tmp/export.conf" > "$tmp/locked.md" < /dev/null || fail "export"
grep -F "$said" "$tmp/locked.md" > /dev/null ||
	{ grep -i -A6 'status-page' "$tmp/locked.md"; fail "the post-mortem does not quote the page"; }

# An update (PATCH) refused in its body is as undone as a create: the page
# still shows the status customers read before.
"$fleet" fault --dir "$fl" statuspage clear > /dev/null || fail "fault clear"
run "$tmp/o.out" -i onpage -T 1500 -t 6 create || { cat "$tmp/o.out"; fail "the create did not land"; }
"$fleet" fault --dir "$fl" statuspage 200-error > /dev/null || fail "fault 200-error (update)"
mark
run "$tmp/u.out" -i onpage -T 1500 -b 300 -t 4 update && { cat "$tmp/u.out"; fail "an update the page refused in its body reported done"; }
! grep -q '^done ' "$tmp/u.out" || { cat "$tmp/u.out"; fail "an update the page refused in its body is done"; }
grep -q "^state .*pending=1 error=.*it says: \"$said\"" "$tmp/u.out" ||
	{ cat "$tmp/u.out"; fail "the client's error does not quote the page (update)"; }
grep -q '^badge failed=0 failing=1 fail_status=200 ' "$tmp/u.out" ||
	{ cat "$tmp/u.out"; fail "the badge does not show the update failing"; }
[ "$(count 'r["method"] == "PATCH" and r["status"] == 200')" -ge 2 ] ||
	{ cat "$req"; fail "the refused update was not tried again"; }
j=$(journal "$tmp/u.out")
! grep -q '"kind":"statuspage.post".*"outcome":"posted"' "$j" ||
	{ grep statuspage.post "$j"; fail "the refused update is journalled as posted"; }
ok "a 200 with an error body: not done, the page's words in state, journal and post-mortem"
