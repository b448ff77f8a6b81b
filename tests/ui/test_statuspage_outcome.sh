#!/bin/sh
# test_statuspage_outcome.sh — a [templates] text of one's own assumes the
# rollback worked: after api's rollback ended FAILED, S monitoring shows
# warroom's words for it, not "We rolled back api to v1.4.1.", and the box
# says why (the template, the outcome, the key that would be used); the
# text stays editable and Esc posts nothing. With monitoring_failed set,
# that text is used, and nothing is said.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 1 --tag v1.5.0-bad
req=$fl/statuspage/requests.jsonl
writes() { [ -f "$req" ] || { echo 0; return; }; grep -cE '"method": ?"(POST|PATCH|PUT)"' "$req" || true; }
{ cat "$fl/warroom.conf"; printf '\n[templates]\nmonitoring = We rolled back {service} to {to_tag}.\n'; } > "$tmp/c.conf"
start 200 50 "$WARROOM -c $tmp/c.conf --incident outcome"
wait_re "│> h1 +api +UP +v1\\.5\\.0-bad" 15
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
keys r
wait_for "tag  v1.5.0-bad  ->  v1.4.1" 15
# Every mutating command exits 1: the rollback ends FAILED.
"$fleet" fault --dir "$fl" h1 cmd-escapes > /dev/null
keys -l api; keys Enter
wait_for "rollback of api on h1 (docker compose up -d): FAILED" 20
keys Tab
keys S; keys -l monitoring; keys Enter
wait_for "WHAT CUSTOMERS WILL READ" 5
wait_for "text: We are watching the error rate of api while we work on a fix."
capture
tr -d '│' < "$tmp/screen" | tr -s ' \n' ' ' > "$tmp/flat"
assert_contains "$tmp/flat" "your template says \"We rolled back api to v1.4.1.\" but the rollback's outcome is FAILED: using warroom's wording for a failed rollback (set monitoring_failed in [templates] for your own; edit the text to override)"
assert_not_contains "$tmp/screen" "text: We rolled back"
keys Escape
wait_for "nothing posted"
[ "$(writes)" = 0 ] || fail "Esc posted"
quit_console
ok "a FAILED rollback: the template's success wording is set aside for warroom's, and the box says why"

printf 'monitoring_failed = The rollback of {service} did not work; we are on it.\n' >> "$tmp/c.conf"
start 200 50 "$WARROOM -c $tmp/c.conf --incident outcome"
wait_re "│> h1 +api +UP" 15
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
keys S; keys -l monitoring; keys Enter
wait_for "text: The rollback of api did not work; we are on it." 5
capture
assert_not_contains "$tmp/screen" "your template says"
keys Escape
wait_for "nothing posted"
quit_console
ok "monitoring_failed is used for a FAILED rollback, said as the user wrote it"
