#!/bin/sh
# test_statuspage_ui.sh — status-page posts from the console, proven by the
# fleet's fake status page: refused in read-only mode and when unarmed;
# armed, S and a typed status create the incident once, then update and
# resolve it; a word that is not a status posts nothing; the text is shown
# before it goes with the page and incident it goes to, Esc there posts
# nothing, Enter on an edited title posts nothing yet, and an edited text
# is posted; a post that sets the page back to an earlier status is said
# before it goes; a
# resolve while a host's verdict is bad is warned of, on the page and by E.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 1
req=$fl/statuspage/requests.jsonl
writes() { [ -f "$req" ] || { echo 0; return; }; grep -cE '"method": ?"(POST|PATCH|PUT)"' "$req" || true; }
wr="$WARROOM -c $fl/warroom.conf --incident 'api errors'"

start 200 50 "$wr --read-only"
wait_re "│> h1 +api +UP" 15
keys S
wait_for "refused: read-only mode"
quit_console
[ "$(writes)" = 0 ] || fail "read-only posted to the status page"
ok "read-only: nothing posted"

start 200 50 "$wr"
wait_re "│> h1 +api +UP" 15
keys S
wait_for "refused: console not armed"
keys A; keys -l arm; keys Enter
keys S
wait_for "status page (investigating/identified/monitoring/resolved):"
keys -l "fixed"; keys Enter
wait_for "nothing posted: type investigating, identified, monitoring or resolved"
[ "$(writes)" = 0 ] || fail "a bad word posted"
# The box names the page (kind, page id, host) and the page's incident,
# so a staging page taken for production shows before Enter.
sp_host=$(sed -n 's|^url = https\{0,1\}://\([^/]*\)/v1/pages/.*|\1|p' "$fl/warroom.conf")
[ -n "$sp_host" ] || fail "no atlassian url in the fleet's warroom.conf"
keys S; keys -l investigating; keys Enter
wait_for "posts to atlassian page pg0fleet0001 at $sp_host, a new incident"
# Enter in the title field keeps the title and goes back to the text;
# nothing goes public until Enter on the text.
keys Tab
wait_for "title: api errors"
wait_for "Enter keeps the title"
keys -l " TEST"; keys Enter
wait_for 'title "api errors TEST"'
wait_for "Enter posts, Esc no"
assert_contains "$tmp/screen" "WHAT CUSTOMERS WILL READ"
assert_contains "$tmp/screen" "text: "
sleep 1
[ "$(writes)" = 0 ] || fail "Enter in the title field posted"
keys Enter
wait_for "status page: create investigating (incident " 15
# The text customers will read is shown first and can be rewritten.
keys S; keys -l identified; keys Enter
wait_for "update identified on the status page"
wait_re "posts to atlassian page pg0fleet0001 at $sp_host, incident [A-Za-z0-9_-]+"
wait_for "WHAT CUSTOMERS WILL READ"
keys Escape
wait_for "nothing posted"
keys S; keys -l identified; keys Enter
wait_for "Enter sends it, Esc posts nothing"
# The cursor starts at the end: Ctrl-U clears the whole template.
keys C-u
keys -l "Cause found: a bad cache flag. Rolling back."
keys Enter
wait_for "status page: update identified (incident " 15
# Back to investigating after identified: the box says the page would go
# backwards, and Enter still posts it.
keys S; keys -l investigating; keys Enter
wait_re "the page already says identified \(posted [0-9]{2}:[0-9]{2}\); this sets it back to investigating"
keys Enter
wait_for "status page: update investigating (incident " 15
# "Resolved" while a verdict says otherwise is said before it goes, and
# so is E's resolve.
"$fleet" set-tag --dir "$fl" h1 api v1.5.0-bad > /dev/null
wait_re "│h1 +ROLLBACK IMMEDIATELY" 20
keys S; keys -l resolved; keys Enter
wait_for "not every host is OK: h1 ROLLBACK IMMEDIATELY"
keys Enter
wait_for "status page: resolve the incident (incident " 15
keys E
wait_for "1 host not OK (h1 ROLLBACK IMMEDIATELY); type resolve to resolve anyway:"
keys Escape
[ "$(grep -cE '"method": ?"POST"' "$req")" = 1 ] || fail "not exactly one incident created"
[ "$(grep -cE '"method": ?"PATCH"' "$req")" = 3 ] || fail "not three updates"
grep -q '"Cause found: a bad cache flag. Rolling back."' "$req" ||
	{ grep PATCH "$req"; fail "the edited text was not posted as typed"; }
grep POST "$req" | grep -qE '"name": ?"api errors TEST"' ||
	{ grep POST "$req"; fail "the title kept by Enter was not the one created"; }
quit_console
journal=$(ls "$fl"/timeline/api-errors-*.jsonl)
[ "$(grep -c '"kind":"statuspage.post"' "$journal")" = 4 ] || fail "not four statuspage.post records"
ok "armed: create, updates and resolve, each once, each in the timeline"
