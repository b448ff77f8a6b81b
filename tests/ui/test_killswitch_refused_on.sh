#!/bin/sh
# test_killswitch_refused_on.sh — a runbook step asking the kill switch to
# turn exports back ON, refused before any dialog (a helm host), records
# that direction in its action.refused ("to"): a refused restore leaves
# nothing exporting that was not before, so the post-mortem's Containment
# names no "kill switch not applied" for it. A step asking OFF, refused
# the same way, still does.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 1 --driver helm --tag v1.5.0-bad
cat > "$tmp/rb.md" <<'MD'
# Exports

1. Restore exports

   ```warroom
   killswitch export on service=api
   ```

2. Exports off

   ```warroom
   killswitch export off service=api
   ```
MD
start 200 50 "$WARROOM -c $fl/warroom.conf --incident ksrefon -r $tmp/rb.md"
wait_re "│> h1 +api +UP" 15
press_for A "type arm to arm: "
keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]" 15
keys 4
wait_for "Restore exports" 5
keys Down
keys x
wait_for "kill switch refused: h1 is a helm host"
journal=$(ls "$fl"/timeline/ksrefon-*.jsonl)
grep '"kind":"action.refused"' "$journal" | grep -q '"to":"EXPORT_MODE=on"' ||
	fail "the refusal names no direction: $(grep action.refused "$journal")"
id=$(basename "$journal" .jsonl)
"$WARROOM" -c "$fl/warroom.conf" export "$id" --format md > "$tmp/pm.md" || fail "export"
! grep -q "kill switch not applied" "$tmp/pm.md" || fail "a refused restore is called a gap: $(grep -A3 Containment "$tmp/pm.md")"
ok "a refused restore records its direction and is no containment gap"
keys Down
keys x
i=0
until [ "$(grep -c '"kind":"action.refused"' "$journal")" = 2 ]; do
	i=$((i + 1)); [ "$i" -lt 50 ] || fail "the second refusal is not journalled"; sleep 0.1
done
grep '"kind":"action.refused"' "$journal" | tail -1 | grep -q '"to":"EXPORT_MODE=off"' ||
	fail "the refused off names no direction"
"$WARROOM" -c "$fl/warroom.conf" export "$id" --format md > "$tmp/pm.md" || fail "export"
grep -q "h1: kill switch not applied" "$tmp/pm.md" || fail "a refused off is no gap: $(cat "$tmp/pm.md")"
ok "a refused off still is one"
quit_console
