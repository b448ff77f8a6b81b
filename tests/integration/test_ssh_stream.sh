#!/bin/sh
# test_ssh_stream.sh — what flows through the SSH pool's channels, against
# the fixture fleet (real sshd on loopback): 10 MB arrive intact; a
# running logs -f resumes after sshd comes back, --since its last line; a
# logs command that fails at once backs off. Connections, trust and auth:
# test_ssh.sh.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/integration/ssh_lib.sh"

# 10 MB through one channel.
awk 'BEGIN { for (i = 0; i < 170000; i++) printf "%08d the quick brown fox jumps over the lazy dog %08d\n", i, i * 7 }' > "$tmp/big"
"$probe" -c "$conf" -x "cat $tmp/big" -o "$tmp/got" > "$tmp/out" || { cat "$tmp/out"; fail "big read"; }
[ "$(wc -c < "$tmp/big")" -gt 10000000 ] || fail "test data too small"
head -c "$(wc -c < "$tmp/big")" "$tmp/got" > /dev/null
# Three hosts wrote the same stream into one file, line by line.
sort "$tmp/got" | uniq -c | awk '$1 != 3 { bad = 1 } END { exit bad }' || fail "lines lost or duplicated"
[ "$(wc -l < "$tmp/got")" -eq 510000 ] || fail "expected 510000 lines, got $(wc -l < "$tmp/got")"
ok "10 MB through each channel arrives intact"

# A running logs -f resumes after a reconnect, from where it left off.
"$fleet" set --dir "$fl" h3 log_rate=20 > /dev/null
appdir=$(awk '$0 == "[host \"h3\"]" { f = 1 } f && $1 == "compose_dir" { print $3; exit }' "$conf")
# Each step waits for what the probe printed (the fleet tool alone can
# take seconds to start on a loaded machine, and a fixed watch of 14 s
# once ended before the reconnect); the probe stops at SIGTERM.
PROBE_KEEPALIVE=2 "$probe" -c "$conf" -w 90 \
	-f "cd $appdir && docker compose logs -f --no-log-prefix --since {since} api" > "$tmp/follow" 2>&1 &
follow_pid=$!
stop_follow() { [ -z "$follow_pid" ] || kill "$follow_pid" 2> /dev/null || true; }
cleanup_hooks="stop_follow $cleanup_hooks"
# until_follow CMD… — until CMD succeeds, for up to 30 s.
until_follow() {
	i=0
	until "$@"; do
		sleep 0.1; i=$((i + 1))
		[ $i -lt 300 ] || { grep -v " out: " "$tmp/follow"; fail "timed out waiting for: $*"; }
	done
}
outs_after_run0() { [ "$(sed -n '/^h3 run 0:/,$p' "$tmp/follow" | grep -c '^h3 out: ')" -ge 10 ]; }
outs_after_run1() { [ "$(sed -n '/^h3 run 1:/,$p' "$tmp/follow" | grep -c '^h3 out: ')" -ge 20 ]; }
until_follow outs_after_run0
"$fleet" fault --dir "$fl" h3 sshd-stop > /dev/null
until_follow grep -q "^h3 DOWN " "$tmp/follow"
"$fleet" fault --dir "$fl" h3 sshd-start > /dev/null
until_follow outs_after_run1
kill -TERM "$follow_pid"
wait "$follow_pid" || true
follow_pid=""
grep -q "^h3 run 1: .*--since 20[0-9-]*T[0-9:]*Z api" "$tmp/follow" || { grep -v " out: " "$tmp/follow"; fail "logs -f did not restart with --since the last line"; }
after=$(sed -n '/^h3 run 1:/,$p' "$tmp/follow" | grep -c '^h3 out: ')
[ "$after" -ge 20 ] || fail "only $after lines after the restart"
ok "a running logs -f resumes after sshd comes back ($after lines since, --since the last line)"

# A logs command that fails at once (a service that is gone) is retried
# after 1, 2, 4, 8 s ... (up to 30 s), not every second.
# What a failing run prints (on stderr, or stdout) is no log line: every
# run starts from the first --since, not from the last failure.
"$probe" -c "$conf" -w 10 -f "echo 'no such service: api' >&2; echo 'since {since}'; exit 1" > "$tmp/failing" 2>&1
runs=$(grep -c '^h1 run [0-9]*:' "$tmp/failing")
[ "$(grep '^h1 run [0-9]*:' "$tmp/failing" | grep -vc "since 5s'")" = 0 ] ||
	{ grep '^h1 run' "$tmp/failing"; fail "a failing run moved --since past the backlog"; }
[ "$runs" -ge 3 ] && [ "$runs" -le 5 ] || { grep '^h1 ' "$tmp/failing"; fail "$runs runs of a failing logs command in 10 s"; }
ok "a logs command that fails at once backs off ($runs runs in 10 s)"
