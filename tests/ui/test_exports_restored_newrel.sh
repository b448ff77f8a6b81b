#!/bin/sh
# test_exports_restored_newrel.sh — a restore is for the release it was
# made under. On the demo fleet's k8s-bastion, X turns
# exports off and back on under v1.5.0-bad ("exports restored on
# k8s-bastion"); then v1.4.1 and v1.6.0-bad are deployed outside the
# console. Once v1.6.0-bad is judged bad, k8s-bastion exporting is a
# leak again: the header names it EXPORTS ON beside helm-bastion and no
# longer says it was restored, E's prompt and the post-mortem name it.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --demo
"$fleet" set --dir "$fl" k8s-bastion rollout_seconds=1 > /dev/null
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 1s\nhealth_timeout = 20s/' "$fl/warroom.conf" > "$tmp/c.conf"

start 200 45 "$WARROOM -c $tmp/c.conf --incident ks-newrel"
wait_re "k8s-bastion +api +UP +v1\\.5\\.0-bad +([A-Z][A-Za-z ()*]*[A-Z)*] +)?[0-9]+/[0-9]+ complete " 15
keys Down Down
wait_re "│> k8s-bastion +api" 5
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
# ks LINE: X on k8s-bastion's api, the plan's line shown, to its OK.
ks() {
	keys X
	wait_for "type api and press Enter" 15
	assert_contains "$tmp/screen" "$1"
	keys -l api; keys Enter
	wait_for "kill switch of api on k8s-bastion (kubectl set env): OK" 40
}
ks "EXPORT_MODE=on  ->  EXPORT_MODE=off"
wait_for "EXPORTS ON: api-1 helm-bastion" 15
ks "EXPORT_MODE=off  ->  EXPORT_MODE=on"
wait_for "exports restored on k8s-bastion" 15
"$fleet" set-tag --dir "$fl" k8s-bastion api v1.4.1 > /dev/null || fail "set-tag v1.4.1"
wait_re "k8s-bastion +api +UP +v1\\.4\\.1 +OK " 60
"$fleet" set-tag --dir "$fl" k8s-bastion api v1.6.0-bad > /dev/null || fail "set-tag v1.6.0-bad"
wait_re "k8s-bastion +api +UP +v1\\.6\\.0-bad +(CONSIDER ROLLBACK|ROLLBACK IMMEDIATELY) " 60
wait_for "EXPORTS ON: api-1 k8s-bastion helm-bastion" 15
assert_not_contains "$tmp/screen" "exports restored on"
keys E
wait_for "api-1, k8s-bastion, helm-bastion still export"
keys Escape
quit_console
id=$(basename "$(ls "$fl"/timeline/ks-newrel-*.jsonl)" .jsonl)
"$WARROOM" export "$id" -c "$tmp/c.conf" > "$tmp/pm.md" < /dev/null || fail "export md"
grep -q "^- k8s-bastion: still exports (last answered: exports on) while api runs v1\\.6\\.0-bad" "$tmp/pm.md" ||
	{ grep -A8 Containment "$tmp/pm.md"; fail "the post-mortem does not name k8s-bastion still exporting"; }
ok "a restore under one release is no exemption on a bad release deployed since"
