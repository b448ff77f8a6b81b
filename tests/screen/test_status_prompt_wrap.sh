#!/bin/sh
# test_status_prompt_wrap.sh — at 80x24 S's question, too wide to leave
# room to type beside it, goes whole in the row above the footer (as E's
# does) and the footer keeps a short label, what is typed and the keys'
# reminder, never the question cut with … and the text glued to it. Where
# it fits (120 columns) it stays on the footer's one row.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_config
steps '
:resize 80x24
:prompt status
monitoring
:save-screen narrow
:resize 120x30
:save-screen wide
'
run_console -c "$tmp/warroom.conf"
tail -3 "$tmp/narrow" > "$tmp/narrow_footer"
assert_screen narrow_footer <<'EOF'
└──────────────────────────────────────────────┘└──────────────────────────────┘
 status page (investigating/identified/monitoring/resolved):
 status page: monitoring                                Enter confirms, Esc no
EOF
tail -2 "$tmp/wide" > "$tmp/wide_footer"
assert_screen wide_footer <<'EOF'
└──────────────────────────────────────────────────────────────────────┘└──────────────────────────────────────────────┘
 status page (investigating/identified/monitoring/resolved): monitoring                         Enter confirms, Esc no
EOF
