#!/bin/sh
# test_stop_writer.sh — two writing consoles; the older one records
# observations. Stopped with Ctrl-Z it hands recording over: a tag changed
# meanwhile is recorded by the other console within seconds, not after
# fg; after fg the stopped one writes nothing it read before the stop.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 1 --tag v1.4.1
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 1s\nhealth_timeout = 20s/' "$fl/warroom.conf" > "$tmp/c.conf"
wr="$WARROOM -c $tmp/c.conf --incident stopw"
# The recorder under a shell with job control, so C-z stops it and fg
# brings it back.
start_jobs 200 50 "$wr"
wait_re "│> h1 +api +UP +v1\\.4\\.1" 15
journal=$(ls "$fl"/timeline/stopw-*.jsonl)
start_also b 200 50 "$wr"
session=b
wait_re "│> h1 +api +UP +v1\\.4\\.1" 15
session=t
keys C-z
wait_for "stopped=148" 10
"$fleet" set-tag --dir "$fl" h1 api v1.5.0-bad > /dev/null
i=0
until grep -q '"kind":"health.change","host":"h1".*"tag":"v1.5.0-bad"' "$journal"; do
	sleep 0.1; i=$((i + 1))
	[ $i -lt 80 ] || fail "nothing recorded while the recorder is stopped"
done
ok "the recorder stopped with Ctrl-Z: the other console records the tag change"

n=$(grep -c '"kind":"health.change"' "$journal")
keys Enter                   # the shell's read, then fg
session=t
wait_re "│> h1 +api +UP +v1\\.5\\.0-bad" 15
sleep 3
m=$(grep -c '"kind":"health.change"' "$journal")
[ "$m" = "$n" ] || fail "after fg: $((m - n)) more health.change: $(grep health.change "$journal" | tail -1)"
ok "fg: nothing the stopped console read before is recorded"
keys q
wait_for "exit=0" 10
