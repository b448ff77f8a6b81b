#!/bin/sh
# test_readonly_storm.sh — 10 000 random keys into a --read-only console
# watching a 10-host mixed fleet (compose, Kubernetes, Helm) with a runbook
# open: no host's commands.log holds a mutating command, the status page
# saw no write, the incident's journal (opened first by a console that
# acts) is byte for byte what it was, and the console is still answering
# at the end.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
command -v python3 > /dev/null 2>&1 || skip "python3 is not installed"
fleet_up --hosts 10 --driver mixed --hosts-per-service 5

# The incident exists: a console that acts opened it and quit.
start 160 50 "$WARROOM -c $fl/warroom.conf --incident storm"
wait_re "│> h1 +api +UP" 20
keys q
wait_for "exit=0"
journal=$(ls "$fl"/timeline/storm-*.jsonl)
cp "$journal" "$tmp/journal.before"
ls "$fl"/timeline/ > "$tmp/dir.before"          # the journal and its .live lock file

start 160 50 "$WARROOM -c $fl/warroom.conf --read-only --incident storm -r $top_srcdir/docs/runbooks/compose-rollback.md"
wait_re "│> h1 +api +UP" 20

# Every key the console binds and then some, prompts' Enter and Esc
# included; never q or C-c, which would end the storm early. Seeded, so a
# failure replays.
python3 - "$tmp/storm" <<'PY'
import random, shlex, sys
rng = random.Random(20261126)
named = ["Enter", "Escape", "Tab", "BTab", "Up", "Down", "PgUp", "PgDn", "Home",
         "End", "Space", "BSpace", "C-l", "Left", "Right", "F1", "DC"]
printable = [c for c in map(chr, range(33, 127)) if c not in "q;\\"]
heavy = list("rBXMxSAKnoe/RfwtNgG[]12345?Fz@UE") + ["Enter"] * 4
used = set()
with open(sys.argv[1], "w") as out:
    for batch in range(100):
        keys = []
        for _ in range(100):
            pick = rng.random()
            keys.append(rng.choice(heavy) if pick < 0.5 else
                        rng.choice(named) if pick < 0.7 else rng.choice(printable))
        used.update(keys)
        out.write(" ".join(shlex.quote(k) for k in keys) + "\n")
# The mutating keys and the dialog keys are all in the storm.
assert used >= {"r", "B", "X", "M", "x", "S", "A", "K", "R", "F", "z", "@", "U", "E", "Enter",
                "Escape"}, used
PY
[ "$(wc -l < "$tmp/storm")" = 100 ] || fail "the key script is not 100 batches"
while IFS= read -r batch; do
	eval "keys $batch"
done < "$tmp/storm"

# Still alive and answering: leave any prompt or overlay, then quit.
keys Escape Escape Escape
sleep 0.5
keys Escape
capture
grep -q "exit=" "$tmp/screen" && { cat "$tmp/screen"; fail "the console ended during the storm"; }
keys q
wait_for "exit=0" 10
ok "10 000 random keys in read-only mode; the console stayed up"

mut=$(cat "$fl"/hosts/*/commands.log 2> /dev/null | grep -c '"mutating": *true' || true)
[ "$mut" = 0 ] || { grep -h '"mutating": *true' "$fl"/hosts/*/commands.log | head; fail "$mut mutating commands reached hosts"; }
ok "no mutating command reached any host"
req=$fl/statuspage/requests.jsonl
w=0
[ -f "$req" ] && w=$(grep -cvE '"method": ?"GET"' "$req" || true)
[ "$w" = 0 ] || fail "$w non-GET requests reached the status page"
ok "no write reached the status page"
cmp -s "$journal" "$tmp/journal.before" ||
	{ diff "$tmp/journal.before" "$journal" | head; fail "the read-only console wrote to the journal"; }
[ "$(ls "$fl"/timeline/)" = "$(cat "$tmp/dir.before")" ] ||
	fail "a file beside what the acting console left: $(ls "$fl"/timeline/)"
ok "the journal is as it was: nothing noted, ticked, resolved, settled or exported from read-only"
