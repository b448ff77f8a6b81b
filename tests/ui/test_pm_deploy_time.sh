#!/bin/sh
# test_pm_deploy_time.sh — the post-mortem counts a bad release's impact
# from its deploy, not from the console's opening: on the demo fleet
# helm-bastion runs 1.5.0-bad, deployed ten minutes before (helm history's
# revision 4 updated). Its first health.change journals that time and
# where it was read; once its verdict is bad, the export's key times name
# "Bad release deployed", detection is the first bad verdict, and the
# impact counts from the deploy.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --demo
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 1s/' "$fl/warroom.conf" > "$tmp/c.conf"
start 200 45 "$WARROOM -c $tmp/c.conf --incident deploy-time"
wait_re "helm-bastion +api +UP" 20
i=0
until grep -q '"kind":"verdict.change","host":"helm-bastion".*\(ROLLBACK\|CONSIDER\)' \
	"$fl"/timeline/deploy-time-*.jsonl 2> /dev/null; do
	i=$((i + 1)); [ "$i" -lt 300 ] || fail "helm-bastion's verdict never went bad"; sleep 0.1
done
keys q
wait_for "exit=0"
journal=$(ls "$fl"/timeline/deploy-time-*.jsonl)
grep '"kind":"health.change","host":"helm-bastion"' "$journal" | head -1 |
	grep -q '"deployed_ms":[0-9]*,"deployed_from":"helm history: revision 4 updated"' ||
	fail "helm-bastion's first health.change does not carry its deploy time"
"$WARROOM" export "$(basename "$journal" .jsonl)" -c "$tmp/c.conf" > "$tmp/pm.md" < /dev/null ||
	fail "export md"
# api-1's and k8s-bastion's v1.5.0-bad may go live in the same second
# (the demo deploys all three ten minutes back): whichever is earlier, or
# of one second the first read, is named; the others are on its row too.
grep -q '^| Bad release deployed (\(1.5.0-bad on helm-bastion, per helm history: revision 4 updated\|v1.5.0-bad on k8s-bastion, per kubectl rs: its first ReplicaSet created\|v1.5.0-bad on api-1, per compose ps: container created\); already running at this console.s first reading (seq [0-9]*)\(; also on [^|]*, by the time it was judged bad\)\?) | [^|]* | -[0-9]*m [0-9]*s |$' "$tmp/pm.md" ||
	{ cat "$tmp/pm.md"; fail "no bad deploy among the key times"; }
grep -q '^| Detection (first bad verdict) | ' "$tmp/pm.md" || { cat "$tmp/pm.md"; fail "detection is not the first bad verdict"; }
grep -q '^\*\*Impact duration:\*\* ongoing since [^(]*(bad release deployed)' "$tmp/pm.md" ||
	{ cat "$tmp/pm.md"; fail "the impact does not count from the deploy"; }
ok "the bad deploy's time is journalled and the post-mortem's impact counts from it"
