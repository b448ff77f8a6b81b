#!/bin/sh
# test_statuspage_try_words.sh — against the fake page answering 500, a
# post's tries and refusals are one TIMELINE row ("2 tries, 1 refused
# (HTTP 500)"), at 80x24 never statuspage.sent cut to "statuspage.sent
# st…"; a shows each: the second try reads as a try (statuspage.try),
# the answer's row says refused.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 1
start 80 24 "$WARROOM -c $fl/warroom.conf --incident 'api errors'"
wait_re "│>[ !]h1 +api +UP" 15
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:"
journal=$(ls "$fl"/timeline/api-errors-*.jsonl)
post_status investigating
i=0
until grep -q '"kind":"statuspage.post"' "$journal"; do
	i=$((i + 1)); [ "$i" -lt 150 ] || fail "the create never went through"; sleep 0.1
done
"$fleet" fault --dir "$fl" statuspage 500 > /dev/null
post_status identified
i=0
until grep -q '"kind":"statuspage.sent".*"try":2' "$journal"; do
	i=$((i + 1)); [ "$i" -lt 150 ] || { grep statuspage "$journal" | cut -c1-300; fail "no second try"; }; sleep 0.1
done
wait_for "statuspage.retry s" 5
capture
assert_not_contains "$tmp/screen" "statuspage.sent"
ok "80x24: the tries are one row, never statuspage.sent"
resize 200 50
wait_re "statuspage.retry status page: identified update: [0-9]+ tries," 5
capture
assert_not_contains "$tmp/screen" "try 2 sent"
ok "wide: one row says the tries (the refusals and their span: test_spfold)"
keys 5 a
wait_for "statuspage.try status page: identified update: try 2 sent" 5
wait_for "statuspage.retry refused: HTTP 500; not delivered" 5
ok "a: the try waits for the answer; the answer's row says refused"
keys q
