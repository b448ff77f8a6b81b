#!/bin/sh
# test_runbook_refused_journal.sh — x on a runbook rollback refused before
# any dialog (the step names a kube context) leaves an action.refused
# naming the step and the reason, and the post-mortem's follow-up says x
# was refused there, not "not ticked during the incident". Nothing is
# sent to the host. The row says REFUSED: live, in a read-only watcher
# beside it, and once the incident is reopened.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 1 --driver k8s --tag v1.5.0-bad
log=$fl/hosts/h1/commands.log
mutating() { grep -c '"mutating":true' "$log" 2> /dev/null || true; }
cat > "$tmp/rb.md" <<'MD'
# Roll back

1. Undo to the previous revision:

   ```bash
   kubectl --context "$KUBE_CONTEXT" rollout undo deployment/api
   ```

## Undo from the section

```bash
kubectl --context "$KUBE_CONTEXT" rollout undo deployment/api
```
MD
wr="$WARROOM -c $fl/warroom.conf --incident refj -r $tmp/rb.md"
start 200 50 "$wr"
wait_re "│> h1 +api +UP" 15
start_also ro 200 50 "$wr --read-only"
session=ro
wait_for "watching incident refj"
session=t
# Arming right after a watcher opened the incident: each step waited for.
press_for A "type arm to arm: "
keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]" 15
keys 4 Down
wait_for "> [ ] $ Undo to the previous revision:"
keys x
wait_for "this step's rollback did not start: the step names kube context"
capture
assert_not_contains "$tmp/screen" "CONFIRM"
wait_for "> [ ] $ [REFUSED] Undo to the previous revision:" 5
# An outcome, not a key's answer: a Down at once leaves it.
keys Down
sleep 0.5
capture
assert_contains "$tmp/screen" "this step's rollback did not start"
ok "the refusal stays past a Down pressed at once"
session=ro
wait_for "[ ] $ [REFUSED] Undo to the previous revision:" 20
ok "the refused step's row says REFUSED, and so does a read-only watcher's"
keys q
session=t
wait_re "> +(\\[ \\] )?.*Undo from the section" 5
keys x
wait_for "this section's rollback did not start: the step names kube context"
ok "a section's own row says this section's"
quit_console
journal=$(ls "$fl"/timeline/refj-*.jsonl)
grep '"kind":"action.refused"' "$journal" | grep '"action":"k8s.undo"' |
	grep '"runbook_step":"rb.md:3"' | grep -q '"reason":"the step names kube context' ||
	fail "no action.refused naming the step: $(grep action.refused "$journal")"
[ "$(mutating)" = 0 ] || fail "something mutating reached the host"
id=$(basename "$journal" .jsonl)
"$WARROOM" export "$id" -c "$fl/warroom.conf" --format md > "$tmp/pm.md" || fail "export md"
grep -qF -- "- Undo to the previous revision: (not ticked; x was refused at " "$tmp/pm.md" ||
	{ grep -F "Undo to" "$tmp/pm.md"; fail "the post-mortem does not say x was refused"; }
ok "a refused runbook rollback is journalled with its step and named in the post-mortem"

start 200 50 "$wr"
wait_for "[ ] $ [REFUSED] Undo to the previous revision:" 15
ok "reopened, the row still says REFUSED"
quit_console
