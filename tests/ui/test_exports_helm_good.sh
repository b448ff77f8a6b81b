#!/bin/sh
# test_exports_helm_good.sh — X on the demo fleet's Helm host is refused
# (helm upgrade by hand); rolled back to 1.4.1 its exports, still on, are
# no leak and the header's EXPORTS ON lets it go. At 100 columns HOSTS
# dropped the EXPORT column then, and the host read as contained: a host
# a kill switch was asked for keeps EXPORT in view, and the post-mortem's
# Containment names it with why it is not counted a leak.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --demo
"$fleet" set --dir "$fl" k8s-bastion rollout_seconds=1 > /dev/null
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 1s\nhealth_timeout = 8s/' "$fl/warroom.conf" > "$tmp/c.conf"

start 200 50 "$WARROOM -c $tmp/c.conf --incident helm-on"
wait_re "│api-1 +ROLLBACK IMMEDIATELY" 20
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
# pick_row HOST — its api row. A loaded machine draws late: each Down
# waits for a frame, and a Down gone past the row starts over from Home.
pick_row() {
	keys Home
	i=0
	until capture && screen_matches "│>.?$1 +api"; do
		i=$((i + 1))
		[ $i -lt 40 ] || { cat "$tmp/screen"; fail "$1's row was never selected"; }
		if [ $((i % 8)) -eq 0 ]; then keys Home; else keys Down; fi
		sleep 0.2
	done
}
# The other hosts' exports off, so none leaks but helm-bastion.
for h in api-1 k8s-bastion; do
	pick_row $h
	keys X
	wait_for "type api and press Enter" 15
	keys -l api; keys Enter
	how="docker compose up -d"; [ $h = api-1 ] || how="kubectl set env"
	wait_for "kill switch of api on $h ($how): OK" 40
done
pick_row helm-bastion
keys X
wait_for "kill switch refused: helm-bastion is a helm host" 10
wait_re "EXPORTS ON: .*helm-bastion" 20
keys r
wait_for "CONFIRM ROLLBACK (helm.rollback)" 15
wait_for "type api and press Enter"
keys -l api; keys Enter
wait_for "rollback of api on helm-bastion (helm rollback): OK — api runs 1.4.1" 40
until_screen 20 "EXPORTS ON to go" eval '! head -1 "$tmp/screen" | grep -q "EXPORTS ON"'
ok "refused on helm, rolled back to 1.4.1: no longer counted a leak"

resize 100 40
wait_re "│>.?helm-bastion +api .* on +[^│]*│" 10
ok "at 100 columns helm-bastion's EXPORT still says on"

# The post-mortem reads the journal, not the screen: its record of 1.4.1
# on helm-bastion may follow the screen's by a probe round on a loaded
# machine.
journal=$(ls "$fl"/timeline/helm-on-*.jsonl)
i=0
until grep '"kind":"health.change","host":"helm-bastion"' "$journal" | grep -q '"tag":"v\{0,1\}1\.4\.1"'; do
	sleep 0.2; i=$((i + 1)); [ $i -lt 150 ] || fail "1.4.1 on helm-bastion never journalled"
done
quit_console 10
"$WARROOM" export "$(basename "$journal" .jsonl)" -c "$tmp/c.conf" --format md > "$tmp/pm.md" ||
	fail "export md"
grep -qF -- "- helm-bastion: exports on (kill switch refused: helm-bastion is a helm host" \
	"$tmp/pm.md" || { grep -A8 Containment "$tmp/pm.md"; fail "Containment leaves helm-bastion out"; }
grep -F -- "- helm-bastion: exports on (" "$tmp/pm.md" | grep -qF "; not judged a leak: api runs 1.4.1)" ||
	fail "Containment does not say why: $(grep -F helm-bastion "$tmp/pm.md" | head -3)"
ok "the post-mortem's Containment names helm-bastion, exports on, and why it is no leak"
