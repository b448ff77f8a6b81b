#!/bin/sh
# test_refusal_stays.sh — a refusal of x (journalled as action.refused in an
# incident) is an outcome, not a key's answer: a Down half a second later
# does not take it away, while a plain hint still goes at the next key.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_config
cat > "$tmp/rb.md" <<'MD'
# Drill

1. Roll back

   ```warroom
   rolback service=api
   ```

2. Check the dashboards
MD
steps '
A
arm<Enter>
:save-screen armed
:sleep 30
4
<Down>
x
:save-screen refused
<Down>
:save-screen down
'
run_console -c "$tmp/warroom.conf" -r "$tmp/rb.md"
msg() { tail -4 "$tmp/$1" | grep -v '^[│┌└]' | tr -s '\n ' ' '; }
msg refused | grep -qF "unknown action 'rolback'" || fail "x said no refusal: $(msg refused)"
msg down | grep -qF "unknown action 'rolback'" ||
	fail "the refusal went at the next key: $(msg down)"
grep -qF "> [ ] Check the dashboards" "$tmp/down" || fail "Down did not move: $(grep Check "$tmp/down")"
ok "x's refusal stays past a Down pressed at once"
