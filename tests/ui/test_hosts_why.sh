#!/bin/sh
# test_hosts_why.sh — HOSTS and METRICS say why, not only that: a
# compose_dir missing on the host shows the shell's own words (its stderr,
# which the watch loop keeps), a service the compose project has no
# container of names the ones it has and the one meant, and a metrics
# token variable that is not set is named beside the HTTP 401.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"

fleet_up --hosts 1

# h1 as written with the three mistakes, and "nodir", the same host with
# a compose_dir that is not there.
sed -e 's/^services = api jobs$/services = apii jobs/' \
	-e 's/^metrics_token_file = .*/metrics_token_env = WR_TEST_UNSET_TOKEN/' \
	-e 's/^\[warroom\]$/[warroom]\npoll_interval = 1s\nmetrics_interval = 1s/' \
	"$fl/warroom.conf" > "$tmp/why.conf"
sed -n '/^\[host "h1"\]$/,/^$/p' "$tmp/why.conf" |
	sed -e 's/^\[host "h1"\]$/[host "nodir"]/' -e 's|^compose_dir = .*|compose_dir = /srv/nope|' \
		-e 's/^services = .*/services = api/' >> "$tmp/why.conf"
grep -q '^compose_dir = /srv/nope' "$tmp/why.conf" || { cat "$tmp/why.conf"; fail "config not made"; }
unset WR_TEST_UNSET_TOKEN

start 200 40 "$WARROOM -c $tmp/why.conf --incident why"
# A console's first reading of a host waits on its SSH connection (the
# connect deadline is 10 s): 15 s, as elsewhere, not the default 5.
wait_re "h1 +apii +UP .*absent" 15
wait_re "nodir +api +UP"
keys Home
wait_for "h1/apii: absent: no service apii in the compose project (it has: api, jobs); did you mean api in services =?" 10
ok "a service with no container names the project's services and the one meant"

wait_for 'metrics: HTTP 401: $WR_TEST_UNSET_TOKEN is not set (metrics_token_env), so no token was sent' 10
ok "an unset metrics token variable is named beside the 401"

keys End
wait_re "> nodir +api"
wait_for "nodir/api: exit 2: sh: 1: cd: can't cd to /srv/nope" 10
ok "a missing compose_dir shows the shell's words"
