#!/bin/sh
# test_poll_journal.sh — a host that stays connected while its data stops:
# its compose ps answering junk (bad-json) makes one poll.change saying no
# data and what failed, once that held (not at the first bad poll), shown
# in TIMELINE; cleared, one saying the data is back and after how long. No
# conn.change (the host was UP throughout), and the post-mortem's Data
# gaps part has the stretch.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 1
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 1s\nprobe_interval = 1s/' "$fl/warroom.conf" > "$tmp/c.conf"
fault() { "$fleet" fault --dir "$fl" h1 "$@" > /dev/null || fail "fleet fault $*"; }

start 200 50 "$WARROOM -c $tmp/c.conf --incident gap"
wait_re "│> h1 +api +UP +v1\\.4\\.1" 15
journal=$(ls "$fl"/timeline/gap-*.jsonl)

fault bad-json
# One bad poll is no news: nothing before the settle has passed.
sleep 4
! grep -q '"kind":"poll.change"' "$journal" || fail "a poll.change before the settle"
wait_re "poll\\.change +h1 +no data: compose ps: " 20
[ "$(grep -c '"kind":"poll.change"' "$journal")" = 1 ] || fail "not one poll.change for one stretch"
grep -q '"kind":"poll.change".*"state":"lost".*"what":"compose ps"' "$journal" ||
    fail "the record does not say what failed"
fault clear bad-json
wait_re "poll\\.change +h1 +data back after [0-9]+s without" 10
[ "$(grep -c '"kind":"poll.change"' "$journal")" = 2 ] || fail "not two poll.change records"
! grep -q '"kind":"conn.change"' "$journal" || fail "a conn.change for a host that stayed UP"
ok "junk from compose ps: one record when it held, one when the data came back"

keys q
wait_for "exit=0"
id=$(basename "$journal" .jsonl)
"$WARROOM" -c "$tmp/c.conf" export "$id" --format md > "$tmp/pm.md" || fail "export"
grep -q "^## Data gaps" "$tmp/pm.md" || fail "no Data gaps part"
grep -q "^| h1 | .* | .* | [0-9]*s | compose ps: .*polls failed |" "$tmp/pm.md" ||
    fail "no h1 stretch with what failed"
ok "the post-mortem says when h1's data was missing"
