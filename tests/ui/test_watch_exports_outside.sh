#!/bin/sh
# test_watch_exports_outside.sh — a watcher's EXPORTS ON agrees with its
# own HOSTS pane when no writing console journals what it reads. On the
# demo fleet a writer runs X on k8s-bastion and sees helm-bastion rolled
# back outside (EXPORTS ON: api-1), then quits. With no writer running,
# helm-bastion gets the bad release again and api-1 is rolled back: the
# watcher reads both, and its badge follows its readings (helm-bastion
# in, api-1 out once both its services run the good one), not the
# journal's older tags.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --demo
"$fleet" set --dir "$fl" k8s-bastion rollout_seconds=1 > /dev/null
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 1s\nhealth_timeout = 20s/' "$fl/warroom.conf" > "$tmp/c.conf"
wr="$WARROOM -c $tmp/c.conf --incident watchx"
# header_is TEXT — until the header line reads TEXT's badge and its end.
header_is() {
	i=0
	while [ $i -lt 300 ]; do
		capture
		head -1 "$tmp/screen" | grep -qE -- "$1" && return 0
		sleep 0.1; i=$((i + 1))
	done
	cat "$tmp/screen"; fail "the header does not match /$1/"
}

start 200 45 "$wr"
wait_re "k8s-bastion +api +UP +v1\\.5\\.0-bad " 15
keys Down Down
wait_re "│> k8s-bastion +api" 5
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
keys X
wait_for "type api and press Enter" 15
keys -l api; keys Enter
wait_for "kill switch of api on k8s-bastion (kubectl set env): OK" 40
header_is "EXPORTS ON: api-1 helm-bastion "
"$fleet" set-tag --dir "$fl" helm-bastion api v1.4.1 > /dev/null || fail "set-tag helm v1.4.1"
header_is "EXPORTS ON: api-1  "
quit_console 10
ok "the writer journalled helm-bastion rolled back: EXPORTS ON: api-1"

start_also ro 200 45 "$wr --read-only"
session=ro
wait_re "helm-bastion +api +UP +v?1\\.4\\.1 " 15
header_is "EXPORTS ON: api-1  "
"$fleet" set-tag --dir "$fl" helm-bastion api v1.5.0-bad > /dev/null || fail "set-tag helm bad"
wait_re "helm-bastion +api +UP +v?1\\.5\\.0-bad " 15
header_is "EXPORTS ON: api-1 helm-bastion "
ok "no writer: the bad release read on helm-bastion counts at once"
for svc in api jobs; do
	"$fleet" set-tag --dir "$fl" api-1 $svc v1.4.1 > /dev/null || fail "set-tag api-1 $svc v1.4.1"
	wait_re "api-1 +$svc +UP +v1\\.4\\.1 " 15
done
header_is "EXPORTS ON: helm-bastion  "
ok "no writer: api-1 read rolled back leaves the badge"
quit_console 10
