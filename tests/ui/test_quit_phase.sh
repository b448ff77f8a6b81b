#!/bin/sh
# test_quit_phase.sh — q while a rollback still re-reads its host (nothing
# sent yet) says so, not that it ends UNKNOWN ("the host may or may
# not finish what was sent", then the journal said "nothing ran"); below
# the minimum size the notice asks the quit question and y answers it
# (the notice said "Esc still closes what is open" and y was
# ignored); Ctrl-C's question answered y ends as Ctrl-C does: exit 130,
# shutdown "interrupted" (exit 0, "quit").
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 1 --tag v1.5.0-bad
# No poll between the dialog and the re-read: the hang is the re-read's.
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 60s/' "$fl/warroom.conf" > "$tmp/c.conf"
start 200 50 "$WARROOM -c $tmp/c.conf --incident quitphase"
wait_re "h1 +api +UP +v1\\.5\\.0-bad" 15
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
keys r
wait_for "type api and press Enter" 15
"$fleet" fault --dir "$fl" h1 hang-next > /dev/null
keys -l api; keys Enter
wait_footer_re "re-read [0-9]+s" 10
keys q
wait_for "rollback of api on h1 (re-read) has not started: nothing has been sent yet; quitting cancels it. Quit anyway? (y/N)"
capture
assert_not_contains "$tmp/screen" "UNKNOWN in the journal"
ok "q during the re-read: nothing has been sent yet, quitting cancels it"
keys n
wait_for "not quitting"

resize 70 20
wait_for "terminal too small: 70x20"
keys C-c
wait_for "Quit anyway? y quits, any other key stays"
ok "70x20: Ctrl-C's question is asked by the too-small notice"
keys y
wait_for "exit=130" 10
ok "y quits below the minimum size; Ctrl-C's question answered y exits 130"
journal=$(ls "$fl"/timeline/quitphase-*.jsonl)
tail -1 "$journal" | grep -q '"kind":"shutdown".*"reason":"interrupted"' ||
	fail "shutdown not interrupted: $(tail -1 "$journal")"
grep -q '"outcome":"unknown"' "$journal" && fail "the quit left the rollback UNKNOWN"
grep -q 'before running: the console quit; nothing ran' "$journal" ||
	fail "the journal does not say nothing ran: $(grep '"action\.' "$journal")"
ok "the journal: shutdown interrupted, the rollback cancelled (nothing ran)"
"$fleet" fault --dir "$fl" h1 clear > /dev/null
