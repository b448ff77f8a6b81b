# poll_watch_lib.sh — sourced by test_poll_watch.sh and
# test_poll_watch_hang.sh (split so the two run side by side): tmux.sh, a
# fleet of one host, a config polling it every second ($tmp/c.conf), and
# the helpers that count h1's watch loops and polls.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
command -v python3 > /dev/null 2>&1 || skip "python3 is not installed"
fleet_up --hosts 1
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 1s/' "$fl/warroom.conf" > "$tmp/c.conf"
# The loop's shell forks for each command (the child shows the same
# command line, for as long as the command runs when it hangs in a
# subshell): a loop counts when its parent is not one, and the fewest of
# five looks 0.1 s apart is the count.
watches() {
	min=99
	for k in 1 2 3 4 5; do
		pids=$(pgrep -f "sh -c nl=.* while .* do .* .cd '$fl/hosts/h1/app'")
		n=0
		for p in $pids; do
			pp=$(ps -o ppid= -p "$p" 2> /dev/null | tr -d ' ')
			[ -n "$pp" ] || continue        # gone meanwhile
			printf '%s\n' $pids | grep -qx "$pp" || n=$((n + 1))
		done
		[ "$n" -lt "$min" ] && min=$n
		sleep 0.1
	done
	echo "$min"
}
# gone N — no watch loop left on h1 within N seconds.
gone() {
	i=0
	until [ "$(watches)" = 0 ]; do
		sleep 0.2; i=$((i + 1))
		[ $i -lt $(( $1 * 5 )) ] || fail "$(watches) watch loops still on h1 after $1 s"
	done
}
polls() { grep -c "compose.* ps" "$fl/hosts/h1/commands.log" 2> /dev/null || echo 0; }
# polled_since N0 N — at least N polls since the count was N0.
polled_since() { [ $(( $(polls) - $1 )) -ge "$2" ]; }

# polling_works LOOPS — start the console: at least 3 polls in 4 s at
# 1 s, LOOPS watch loops on h1 after them, and a new tag reaches HOSTS.
polling_works() {
	start 120 30 "$WARROOM -c $tmp/c.conf"
	wait_re "│> h1 +api +UP +v1\\.4\\.1" 15
	n0=$(polls)
	until_ok 4 "3 polls in 4 s at 1 s" polled_since "$n0" 3
	[ "$(watches)" = "$1" ] || fail "$(watches) remote watch loops for h1, not $1"
	"$fleet" set-tag --dir "$fl" h1 api v1.4.9 > /dev/null
	wait_re "│> h1 +api +UP +v1\\.4\\.9" 5
}
