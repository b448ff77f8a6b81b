#!/bin/sh
# test_statuspage_badge.sh — a status-page post that keeps failing stays
# in sight: against the fleet's fake page answering 500, the header holds
# a STATUS PAGE badge (beside ARMED at 80x24, with the count and the next
# try on a wide screen) for as long as the post is retried, long after
# the footer's message is gone; once the page answers, the post goes
# through and the badge goes. A page that answers at start is not said to
# be "reachable again".
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 1

header() { capture; head -1 "$tmp/screen"; }
# count KIND — records of that kind in the journal.
count() { grep -c "\"kind\":\"$1\"" "$journal" || true; }
# until_count KIND N SECONDS — until the journal holds N records of KIND.
until_count() {
	i=0
	while [ "$(count "$1")" -lt "$2" ]; do
		i=$((i + 1))
		[ "$i" -lt "$(($3 * 10))" ] || { grep statuspage "$journal"; fail "fewer than $2 $1 records"; }
		sleep 0.1
	done
}

start 80 24 "$WARROOM -c $fl/warroom.conf --incident 'api errors'"
wait_re "│>[ !]h1 +api +UP" 15
# The read of the page at start went through (its answer is recorded):
# a first good answer needs no words, never "reachable again".
req=$fl/statuspage/requests.jsonl
i=0
until grep -q '"method":"GET".*"status":200' "$req" 2> /dev/null; do
	sleep 0.1; i=$((i + 1)); [ $i -lt 150 ] || fail "no check of the page at start"
done
sleep 0.5
capture
assert_not_contains "$tmp/screen" "reachable"
ok "a page that answers the first check is not said to be reachable again"
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:"
journal=$(ls "$fl"/timeline/api-errors-*.jsonl)
post_status investigating
until_count statuspage.post 1 15
header | grep -q "STATUS PAGE" && fail "a badge after the post went through: $(header)"
ok "a post that went through leaves no badge"

"$fleet" fault --dir "$fl" statuspage 500 > /dev/null
post_status identified
until_count statuspage.retry 1 15
# The footer's "queued" line lasts seconds; the badge lasts while it fails.
sleep 6
header > "$tmp/header"
grep -q "STATUS PAGE: 1 pending, HTTP 500" "$tmp/header" || { cat "$tmp/header"; fail "no STATUS PAGE badge at 80x24"; }
grep -q "ARMED [0-9]*:[0-9][0-9] " "$tmp/header" || { cat "$tmp/header"; fail "ARMED cut beside the badge"; }
ok "80x24: a failing post keeps STATUS PAGE: 1 pending, HTTP 500 beside ARMED in the header"

resize 200 50
until_count statuspage.retry 2 30
wait_re "^.*STATUS PAGE: 1 pending, last HTTP 500, retrying (in [0-9]+s|now) " 5
ok "wide: how many wait, the last failure and the next try"

"$fleet" fault --dir "$fl" statuspage clear > /dev/null
until_count statuspage.post 2 60
i=0
while header | grep -q "STATUS PAGE"; do
	i=$((i + 1))
	[ "$i" -lt 50 ] || fail "the badge stays after the post went through: $(header)"
	sleep 0.1
done
ok "once the page answers, the post goes through and the badge goes"
quit_console
