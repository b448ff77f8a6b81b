#!/bin/sh
# test_runbook_helm_tag.sh — a runbook step names a release by its image
# tag (to=v1.4.1); Helm names revisions by the chart's appVersion (1.4.1).
# The two match when they differ only by that leading "v", and the dialog
# says which revision it matched; anything else (v1.4) is still refused
# with the revisions there are, and a step naming the running release
# has nothing to do.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 1 --driver helm --tag v1.5.0-bad
log=$fl/hosts/h1/commands.log
mutating() { grep -c '"mutating":true' "$log" 2> /dev/null || true; }
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 1s\nhealth_timeout = 20s/' "$fl/warroom.conf" > "$tmp/c.conf"
cat > "$tmp/tag.md" <<'MD'
# Helm by tag

## Roll back

1. Back to a tag no revision has

   ```warroom
   rollback service=api to=v1.4
   ```

2. Back to the running tag

   ```warroom
   rollback service=api to=v1.5.0-bad
   ```

3. Back to the last good tag

   ```warroom
   rollback service=api to=v1.4.1
   ```
MD
start 200 50 "$WARROOM -c $tmp/c.conf --incident helm-tag -r $tmp/tag.md"
wait_re "h1 +api +UP +1\\.5\\.0-bad" 15
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
keys 4
wait_for "Back to a tag no revision has"
keys ]; keys Enter
wait_re "the step names tag v1\\.4; the earlier good .*revisions of api are 2 \\(1\\.4\\.1\\), 1 \\(1\\.4\\.0\\)" 15
ok "v1.4 matches no app version: refused with the revisions there are"
keys ]; keys Enter
wait_for "api already runs v1.5.0-bad" 15
[ "$(mutating)" = 0 ] || fail "a refused step sent something to helm"
ok "v1.5.0-bad is the running app version 1.5.0-bad: nothing to do"
keys ]; keys Enter
wait_for "CONFIRM ROLLBACK (helm.rollback)" 15
wait_for "type api and press Enter"
assert_contains "$tmp/screen" "revision 3 (1.5.0-bad)  ->  revision 2 (1.4.1)"
assert_contains "$tmp/screen" "v1.4.1 = helm revision 2 (app version 1.4.1)"
keys -l api; keys Enter
journal=$(ls "$fl"/timeline/helm-tag-*.jsonl)
i=0
until grep -q '"kind":"action.end","host":"h1".*"outcome":"ok"' "$journal"; do
	sleep 0.2; i=$((i + 1)); [ $i -lt 200 ] || fail "the rollback did not end OK"
done
grep -q '"argv":\["helm","rollback","api","2",' "$log" || fail "not rolled back to revision 2"
grep -q '"kind":"action.intent".*"named":"v1.4.1"' "$journal" ||
	fail "the intent does not keep the tag the step named"
ok "v1.4.1 plans helm revision 2 (app version 1.4.1), said in the dialog and journalled"
quit_console
