#!/bin/sh
# test_hosts_schema_ahead.sh — a rollback that left h19's schema ahead of
# its release (/readyz: migrations not current), its row below the fold:
# the header's alarm area says so (at 160 and 80 columns),
# and ▼ names it as it names other rows that need attention, as HOSTS'
# title counts it ("1 schema ahead").
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_scale_config 24 8
steps "$(scale_steps 24 8)
:state h19 api readyz=ahead
:resize 160x45
:save-screen wide
:resize 80x24
:save-screen narrow
"
run_console -c "$tmp/warroom.conf"

grep -q 'SCHEMA AHEAD: h19 ' "$tmp/wide" || { cat "$tmp/wide"; fail "the header does not name h19's schema ahead"; }
grep -q '▼ [0-9]* more rows, worst h19 schema ahead' "$tmp/wide" ||
	{ cat "$tmp/wide"; fail "▼ does not name the schema ahead below the fold"; }
head -1 "$tmp/narrow" | grep -q 'SCHEMA AHEAD: h19 ' ||
	{ cat "$tmp/narrow"; fail "the header at 80 columns does not say the schema ahead"; }
grep -q '▼[^│]*h19' "$tmp/narrow" || { cat "$tmp/narrow"; fail "▼ at 80 columns does not name h19"; }
ok "a schema ahead below the fold is in the header and in ▼"
