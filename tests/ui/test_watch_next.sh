#!/bin/sh
# test_watch_next.sh — a --read-only watcher beside the console that acts:
# its header names the armed console from the journal's arm records, and
# A there says who is armed, not only that it cannot arm; once the
# incident is resolved and the name opens a new incident, the running
# watcher moves to it and says so, as a fresh watcher would find it.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
printf '[warroom]\ntimeline_dir = %s/tl\n' "$tmp" > "$tmp/c.conf"
wr="$WARROOM -c $tmp/c.conf --incident qa"
footer_has() {
	i=0
	while [ $i -lt 100 ]; do
		capture
		tail -6 "$tmp/screen" | tr '\n' ' ' | tr -s ' ' | grep -qF -- "$1" && return 0
		sleep 0.05; i=$((i + 1))
	done
	cat "$tmp/screen"; fail "the footer does not say: $1"
}

start 200 40 "$wr"
wait_for "incident.open qa"
first=$(basename "$(ls "$tmp"/tl/qa-*.jsonl)" .jsonl)
start_also ro 200 40 "$wr --read-only"
session=ro
wait_for "incident.open qa"
keys A
footer_has "refused: read-only mode: this console only watches and writes nothing to the incident journal; no console is armed on this incident"
session=t
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
session=ro
wait_re "ARMED: [^ ]+@[^ ]+ since [0-9]{2}:[0-9]{2} UTC"
head -1 "$tmp/screen" | grep -q "ARMED 1[45]:" && fail "the watcher counts down as if armed itself"
keys A
footer_has "is armed on this incident"
ok "a watcher's header names the armed console; A there says who is armed"

session=t
keys A
wait_for "disarmed"
session=ro
wait_for "mode.change"
i=0
while head -1 "$tmp/screen" | grep -q "ARMED:" && [ $i -lt 40 ]; do sleep 0.05; capture; i=$((i + 1)); done
head -1 "$tmp/screen" | grep -q "ARMED:" && fail "the watcher still shows the disarmed console armed"
session=t
keys E
wait_for "type resolve to mark the incident resolved:"
keys -l resolve; keys Enter
wait_for "incident resolved; e exports the post-mortem"
quit_console
session=ro
wait_for "RESOLVED"
# The name's next incident: a new journal, which the watcher moves to.
start_also c 200 40 "$wr"
session=c
wait_for "incident.open qa"
session=ro
footer_has "a new incident qa-"
footer_has "now watching it ($first was resolved)"
second=$(ls "$tmp"/tl/qa-*.jsonl | grep -v "$first" | xargs basename | sed 's/\.jsonl$//')
footer_has "a new incident $second opened at "
head -1 "$tmp/screen" | grep -q RESOLVED && fail "the watcher still says RESOLVED"
session=c
keys n; keys -l "after the switch"; keys Enter
wait_for "note stored"
session=ro
wait_for "note after the switch"
quit_console
session=c
quit_console
ok "a watcher of a resolved incident moves to the name's next one and says so"
