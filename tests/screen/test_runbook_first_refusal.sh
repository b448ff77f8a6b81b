#!/bin/sh
# test_runbook_first_refusal.sh — the start-up footer names the first
# thing the config cannot do (a post with no [statuspage]) by its line,
# never a problem of the runbook's own (an output block) that the lint's
# line order put in its place.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_config
cat > "$tmp/drill.md" <<'MD'
# Drill

1. Tell customers

   ```warroom
   statuspage create name="Elevated errors" status=investigating
   ```

2. Check

   ```
   curl -s http://127.0.0.1:8000/readyz
   {"ready": true}
   ```
MD
steps '
:resize 200x40
:save-screen start
'
run_console -c warroom.conf -r drill.md
said=$(tail -n 4 "$tmp/start" | tr -s ' \n' '  ')
case $said in
*"runbook drill.md asks 1 thing this config cannot do (line 6: warroom: statuspage: "*) ;;
*) cat "$tmp/start"; fail "the footer does not name line 6's post: $said" ;;
esac
ok "the footer names the config's first refusal, not the runbook's own problem"
