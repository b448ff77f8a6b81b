#!/bin/sh
# test_timeline_newer_cut.sh — at 80x24, scrolled up, TIMELINE's bottom
# row carries "+N newer" over its end: the kind under it was cut with no
# … ("action.i +2 newer"). The row now ends before the marker, in … where
# cut, as every other cut row does. Twelve records: focused, TIMELINE
# has the rows HOSTS gives up, and six fit.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_config
steps '
:resize 80x24
:rollback api-1
:rollback k8s-bastion
:rollback api-2
:rollback api-1
:rollback k8s-bastion
:rollback api-2
5
k
k
:save-screen scrolled
'
run_console -c "$tmp/warroom.conf" --read-only
tail -5 "$tmp/scrolled" | head -4 > "$tmp/pane"
assert_screen pane <<'EOF'
│                                              ││T+00:00:00 action.intent k8s-…│
│                                              ││T+00:00:00 action.e… +2 newer │
└──────────────────────────────────────────────┘└─ ▼ 2 more rows ──────────────┘
 config: 3 hosts without metrics (api-1: verdict from restarts alone; +2 more);
EOF
