#!/bin/sh
# test_config_warnings_start.sh — the start-up footer counts the hosts
# --check-config warns have no metrics (their verdicts rest on restarts
# alone), the first by name, after the runbook's first refusal, which
# keeps its place first; a config whose hosts all have metrics says
# nothing of it.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_config
cat > "$tmp/drill.md" <<'MD'
# Drill

1. Tell customers

   ```warroom
   statuspage create name="Elevated errors" status=investigating
   ```
MD
steps '
:resize 200x40
:save-screen start
'
run_console -c warroom.conf -r drill.md
said=$(tail -n 4 "$tmp/start" | tr -s ' \n' '  ')
case $said in
*"runbook drill.md asks 1 thing this config cannot do (line 6: "*" | config: 3 hosts without metrics (api-1: verdict from restarts alone; +2 more); warroom --check-config lists them"*) ;;
*) cat "$tmp/start"; fail "the footer does not count the hosts without metrics after the runbook: $said" ;;
esac
ok "the start-up footer counts the hosts without metrics, after the runbook's refusal"

sed -i 's|^services = .*|&\nmetrics_url = http://127.0.0.1:8000/metrics|' "$tmp/warroom.conf"
run_console -c warroom.conf
assert_not_contains "$tmp/start" "config: "
ok "hosts with metrics: nothing said"
