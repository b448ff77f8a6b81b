#!/bin/sh
# test_runbook_target.sh — a runbook step's rollback and kill switch do
# what the step names, or do not start and say why: kubectl's
# --to-revision is the revision planned; another namespace or an unknown
# tag is refused before anything runs; a placeholder revision or tag
# (--to-revision=<REVISION>, helm's <REV>, a binding's to=<TAG>) is asked
# in the footer, refused unless it fits, and then planned as a literal
# would be; `killswitch export off` never turns exports back on (X alone
# toggles), and `on` restores them. A revision placeholder on a compose
# host is refused before it is asked.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --demo
k8s=$fl/hosts/k8s-bastion/commands.log
app=$fl/hosts/api-1/app
mutating() { grep -c '"mutating":true' "$1" 2> /dev/null || true; }
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 1s\nhealth_timeout = 20s/' "$fl/warroom.conf" > "$tmp/c.conf"
cat > "$tmp/target.md" <<'MD'
# Target drill

## Roll back

1. Undo to revision 2

   ```bash
   kubectl rollout undo deployment/api -n prod --to-revision=2
   kubectl rollout status deployment/api -n prod --timeout=5m
   ```

2. Undo in staging

   ```bash
   kubectl rollout undo deployment/api -n staging
   ```

3. Back to a tag nobody shipped

   ```warroom
   rollback service=api driver=k8s to=v9.9.9
   ```

4. Helm back to revision 3, waiting its own time

   ```bash
   helm rollback api 3 -n prod --wait --timeout 5m
   ```

5. Undo to a revision picked from the history

   ```bash
   kubectl rollout undo deployment/api -n prod --to-revision=<REVISION>
   kubectl rollout status deploy/api -n prod --timeout 90s
   ```

6. Helm back to a revision picked from the history

   ```bash
   helm rollback api <REV> -n prod --wait --timeout 90s
   ```

7. Back to a tag typed in

   ```warroom
   rollback service=api driver=k8s to=<TAG>
   ```

8. Back to a revision on a compose host

   ```warroom
   rollback service=api host=api-1 revision=<REV>
   ```

## Exports

1. Exports off

   ```warroom
   killswitch export off host=api-1
   ```

2. Exports back on

   ```warroom
   killswitch export on host=api-1
   ```

## Exports on Kubernetes

1. Exports off in the cluster

   ```bash
   kubectl set env deployment/api EXPORT_MODE=off -n prod
   ```

2. Exports off in staging

   ```bash
   kubectl set env deployment/api EXPORT_MODE=off -n staging
   ```
MD
start 200 50 "$WARROOM -c $tmp/c.conf --incident target-drill -r $tmp/target.md"
wait_re "api-1 +api +UP +v1\\.5\\.0-bad" 15
wait_re "k8s-bastion +api +UP +v1\\.5\\.0-bad" 15
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
keys 4
wait_for "Undo to revision 2"

# The step's revision, not the previous one; its rollout status's own
# --timeout=5m is the built-in gate's wait, not health_timeout's 20 s.
keys ]; keys Enter
wait_for "CONFIRM ROLLBACK (k8s.undo)" 15
wait_for "type api and press Enter"
assert_contains "$tmp/screen" "revision 4 (v1.5.0-bad)  ->  revision 2 (v1.4.0)"
assert_contains "$tmp/screen" "kubectl rollout undo deployment/api -n 'prod' --to-revision=2"
assert_contains "$tmp/screen" "kubectl rollout status deployment/api -n 'prod' --timeout=300s"
assert_contains "$tmp/screen" "then wait up to 300 s for GET"
keys Escape
wait_for "CANCELLED — cancelled; nothing ran"
ok "kubectl's --to-revision=2 plans revision 2; rollout status --timeout=5m: the gate waits 300 s"

# Known from the start: the step is marked, and Enter shows why.
keys ]
wait_for "> [ ] ! Undo in staging"
keys Enter
wait_for "k8s.undo: no k8s host in the config runs api in namespace staging"
assert_contains "$tmp/screen" "x and Enter refuse this step"
keys Escape
wait_gone "x and Enter refuse this step"
keys ]; keys Enter
wait_for "the step names tag v9.9.9; the earlier revisions of api are 3 (v1.4.1), 2 (v1.4.0), 1 (v1.3.2)" 15
[ "$(mutating "$k8s")" = 0 ] || fail "a refused step sent something to the cluster"
ok "another namespace and an unknown tag are refused with the reason; nothing sent"

# helm's --timeout 5m is the gate's wait, not health_timeout's 20 s.
keys ]; keys Enter
wait_for "CONFIRM ROLLBACK (helm.rollback)" 15
wait_for "type api and press Enter"
assert_contains "$tmp/screen" "then wait up to 300 s for GET"
keys Escape
wait_for "CANCELLED — cancelled; nothing ran"
ok "helm rollback --timeout 5m: the gate waits 300 s"

# Placeholders: asked beside what the host runs, never the previous
# revision unasked; garbage refused in the prompt, the value planned.
keys ]; keys Enter
wait_for "on k8s-bastion (api at revision 4, v1.5.0-bad), <REVISION> (1 of 1) = " 15
assert_not_contains "$tmp/screen" "CONFIRM ROLLBACK"
keys -l abc; keys Enter
wait_for "'abc' refused: <REVISION> is a revision number (1, 2, …)"
keys -l 3; keys Enter
wait_for "CONFIRM ROLLBACK (k8s.undo)" 15
wait_for "type api and press Enter"
assert_contains "$tmp/screen" "revision 4 (v1.5.0-bad)  ->  revision 3 (v1.4.1)"
assert_contains "$tmp/screen" "kubectl rollout undo deployment/api -n 'prod' --to-revision=3"
assert_contains "$tmp/screen" "then wait up to 90 s for GET"
keys Escape
wait_for "CANCELLED — cancelled; nothing ran"
keys ]; keys x
wait_for "on helm-bastion (api at revision 4, 1.5.0-bad), <REV> (1 of 1) = " 15
keys -l 9; keys Enter
wait_for "the step names revision 9; the earlier good (superseded or deployed) revisions of api are" 15
keys x
wait_for "<REV> (1 of 1) = " 15
keys Escape
wait_for "nothing ran"
assert_not_contains "$tmp/screen" "CONFIRM ROLLBACK"
keys ]; keys x
wait_for "<TAG> (1 of 1) = " 15
keys -l registry/api:v1.4.0; keys Enter
wait_for "'registry/api:v1.4.0' refused: <TAG> is an image tag (letters, digits, ._-)"
keys -l v1.4.0; keys Enter
wait_for "CONFIRM ROLLBACK (k8s.undo)" 15
wait_for "type api and press Enter"
assert_contains "$tmp/screen" "revision 4 (v1.5.0-bad)  ->  revision 2 (v1.4.0)"
keys Escape
wait_for "CANCELLED — cancelled; nothing ran"
[ "$(mutating "$k8s")" = 0 ] || fail "a placeholder step sent something to the cluster"
[ "$(mutating "$fl/hosts/helm-bastion/commands.log")" = 0 ] ||
	fail "a placeholder step sent something to helm"
ok "placeholder revision and tag: asked, checked, planned or refused with the reason"

# A revision on a compose host, whatever would be typed: refused before
# any prompt, as another host or namespace is.
keys ]; keys x
wait_for "rollback: the step names revision=<REV>, and api-1 is a compose host" 15
assert_contains "$tmp/screen" "x refuses this step: line 52"
assert_not_contains "$tmp/screen" "<REV> (1 of 1)"
ok "revision=<REV> on a compose host: refused before its value is asked"

# Exports off from the step, twice: the second is no undo.
keys ]; keys x
wait_for "CONFIRM KILL SWITCH" 15
wait_for "EXPORT_MODE=on  ->  EXPORT_MODE=off in .env"
keys -l api; keys Enter
wait_for "kill switch of api on api-1 (docker compose up -d): OK — EXPORT_MODE=off in .env" 40
grep -q '^EXPORT_MODE=off$' "$app/.env" || fail ".env: $(grep EXPORT_MODE "$app/.env")"
keys x
wait_for "EXPORT_MODE is already off in api-1's .env" 15
assert_not_contains "$tmp/screen" "CONFIRM KILL SWITCH"
grep -q '^EXPORT_MODE=off$' "$app/.env" || fail "exports back on: $(grep EXPORT_MODE "$app/.env")"
grep '"kind":"action.refused"' "$fl"/timeline/target-drill-*.jsonl | grep '"action":"compose.killswitch"' |
	grep -q "already off in api-1's .env" || fail "the refused kill switch is not journalled"
ok "killswitch export off twice: off, then 'already off' (never the undo X would offer), journalled"

keys ]; keys x
wait_for "CONFIRM KILL SWITCH" 15
wait_for "EXPORT_MODE=off  ->  EXPORT_MODE=on in .env"
keys Escape
wait_for "CANCELLED — cancelled; nothing ran"
ok "killswitch export on restores"

# `kubectl set env … EXPORT_MODE=off` is the built-in kill switch of the
# host selected in HOSTS when it fits: on api-1 (compose) it is refused.
keys ]; keys x
wait_for "this step's kill switch did not start: api-1 is a compose host, the step is for k8s" 15
keys 1; keys Down Down
wait_re "│> k8s-bastion +api" 5
keys 4; keys x
wait_for "CONFIRM KILL SWITCH (k8s.killswitch)" 15
wait_for "type api and press Enter"
assert_contains "$tmp/screen" "1. kubectl set env deployment/api -n 'prod' 'EXPORT_MODE=off'"
keys Escape
wait_for "CANCELLED — cancelled; nothing ran"
# No host takes it, whichever is selected: known from the start.
keys ]; keys x
wait_for "x refuses this step: line 80: killswitch: no host in" 15
assert_contains "$tmp/screen" "can take it (api-1 is a compose host, the step is for k8s; the others neither)"
[ "$(mutating "$k8s")" = 0 ] || fail "a refused or cancelled kill switch sent something to the cluster"
ok "kubectl set env EXPORT_MODE=off: the k8s kill switch on a k8s host, refused elsewhere"
quit_console
