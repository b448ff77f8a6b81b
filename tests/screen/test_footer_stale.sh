#!/bin/sh
# test_footer_stale.sh — a key's answer in the footer gives way to the next
# key: Space in HOSTS says to focus RUNBOOK first, and after 4 (which makes
# that moot) the footer no longer says it; n's "no later match" is gone
# once N has moved to an earlier match. No time passes on the script's
# clock, so nothing here times out.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_config
cat > "$tmp/api.log" <<'EOF'
api-1/api 2026-01-01T00:00:01Z ERROR one
api-1/api 2026-01-01T00:00:02Z INFO  two
api-1/api 2026-01-01T00:00:03Z ERROR three
EOF
steps '
<Space>
:save-screen space
4
:save-screen four
1
:logs api.log
3
/ERROR<Enter>
n
:save-screen n
N
:save-screen N
'
run_console -c "$tmp/warroom.conf" -r "$top_srcdir/docs/runbooks/compose-rollback.md"
footer() { tail -n 1 "$tmp/$1"; }
footer space | grep -qF "focus RUNBOOK first (4)" || { cat "$tmp/space"; fail "Space in HOSTS said nothing"; }
footer four | grep -qF "focus RUNBOOK first" && { cat "$tmp/four"; fail "after 4 the footer still says to focus RUNBOOK"; }
ok "4 takes away Space's hint"
footer n | grep -qF "no later match" || { cat "$tmp/n"; fail "n at the last match said nothing"; }
footer N | grep -qF "no later match" && { cat "$tmp/N"; fail "after N the footer still says no later match"; }
ok "N takes away n's no later match"
