#!/bin/sh
# test_help.sh — ? opens the help overlay listing every binding of the
# command table; Esc, ? and q close it (q does not quit from the help).
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_config
steps '
?
:save-screen help
x
:save-screen ignored
q
:save-screen closed
?
<Esc>
?
?
:save-screen toggled
'
run_console -c "$tmp/warroom.conf"

assert_screen help <<'EOF'
 warroom │ no incident named │ T+00:00:00               2026-01-01 00:00:00 UTC
┌─ ▶ HOS┌─ HELP: keys ─────────────────────────────────────────────────┐───────┐
│  HOST │ Tab        move focus to the next pane                       │       │
│> api-1│ S-Tab      move focus to the previous pane                   │       │
│  api-1│ 1          focus the HOSTS pane                              │       │
│  api-2│ 2          focus the METRICS pane                            │       │
│  k8s-b│ 3          focus the LOGS pane                               │       │
│       │ 4          focus the RUNBOOK pane                            │       │
└───────│ 5          focus the TIMELINE pane                           │       │
┌─ METRI│ Up, k      move the selection up                             │       │
│ no met│ Down, j    move the selection down                           │       │
│       │ PgUp       move the selection a page up                      │       │
│       │ PgDn       move the selection a page down                    │       │
└───────│ Home, g    move to the first line                            │───────┘
┌─ LOGS │ End, G     move to the last line                             │───────┐
│ no log│ n          add a note to the incident timeline               │en     │
│       │ e          export the timeline as a post-mortem draft        │       │
│       │ C-l        redraw the whole screen                           │       │
│       │ ?          show or hide this help                            │       │
│       │ q          quit (asks first while an action runs)            │       │
│       │                                                              │       │
│       │ ? or Esc closes this help                                    │       │
└───────└──────────────────────────────────────────────────────────────┘───────┘
 Tab pane  Up up  Down down  ? help  q quit
EOF

assert_screen ignored <<'EOF'
 warroom │ no incident named │ T+00:00:00               2026-01-01 00:00:00 UTC
┌─ ▶ HOS┌─ HELP: keys ─────────────────────────────────────────────────┐───────┐
│  HOST │ Tab        move focus to the next pane                       │       │
│> api-1│ S-Tab      move focus to the previous pane                   │       │
│  api-1│ 1          focus the HOSTS pane                              │       │
│  api-2│ 2          focus the METRICS pane                            │       │
│  k8s-b│ 3          focus the LOGS pane                               │       │
│       │ 4          focus the RUNBOOK pane                            │       │
└───────│ 5          focus the TIMELINE pane                           │       │
┌─ METRI│ Up, k      move the selection up                             │       │
│ no met│ Down, j    move the selection down                           │       │
│       │ PgUp       move the selection a page up                      │       │
│       │ PgDn       move the selection a page down                    │       │
└───────│ Home, g    move to the first line                            │───────┘
┌─ LOGS │ End, G     move to the last line                             │───────┐
│ no log│ n          add a note to the incident timeline               │en     │
│       │ e          export the timeline as a post-mortem draft        │       │
│       │ C-l        redraw the whole screen                           │       │
│       │ ?          show or hide this help                            │       │
│       │ q          quit (asks first while an action runs)            │       │
│       │                                                              │       │
│       │ ? or Esc closes this help                                    │       │
└───────└──────────────────────────────────────────────────────────────┘───────┘
 Tab pane  Up up  Down down  ? help  q quit
EOF

assert_screen closed <<'EOF'
 warroom │ no incident named │ T+00:00:00               2026-01-01 00:00:00 UTC
┌─ ▶ HOSTS ────────────────────────────────────┐┌─ RUNBOOK ────────────────────┐
│  HOST           SERVICE    STATE          DRI││ no runbook loaded            │
│> api-1          api        not connected  com││ open one with -r FILE        │
│  api-1          jobs       not connected  com││                              │
│  api-2          api        not connected  com││                              │
│  k8s-bastion    api        not connected  k8s││                              │
│                                              ││                              │
└──────────────────────────────────────────────┘│                              │
┌─ METRICS ────────────────────────────────────┐│                              │
│ no metrics collected                         ││                              │
│                                              ││                              │
│                                              ││                              │
└──────────────────────────────────────────────┘└──────────────────────────────┘
┌─ LOGS ───────────────────────────────────────┐┌─ TIMELINE ───────────────────┐
│ no log stream open                           ││ no incident journal open     │
│                                              ││ (none in screen tests)       │
│                                              ││                              │
│                                              ││                              │
│                                              ││                              │
│                                              ││                              │
│                                              ││                              │
└──────────────────────────────────────────────┘└──────────────────────────────┘
 Tab pane  Up up  Down down  ? help  q quit
EOF

assert_screen toggled <<'EOF'
 warroom │ no incident named │ T+00:00:00               2026-01-01 00:00:00 UTC
┌─ ▶ HOSTS ────────────────────────────────────┐┌─ RUNBOOK ────────────────────┐
│  HOST           SERVICE    STATE          DRI││ no runbook loaded            │
│> api-1          api        not connected  com││ open one with -r FILE        │
│  api-1          jobs       not connected  com││                              │
│  api-2          api        not connected  com││                              │
│  k8s-bastion    api        not connected  k8s││                              │
│                                              ││                              │
└──────────────────────────────────────────────┘│                              │
┌─ METRICS ────────────────────────────────────┐│                              │
│ no metrics collected                         ││                              │
│                                              ││                              │
│                                              ││                              │
└──────────────────────────────────────────────┘└──────────────────────────────┘
┌─ LOGS ───────────────────────────────────────┐┌─ TIMELINE ───────────────────┐
│ no log stream open                           ││ no incident journal open     │
│                                              ││ (none in screen tests)       │
│                                              ││                              │
│                                              ││                              │
│                                              ││                              │
│                                              ││                              │
│                                              ││                              │
└──────────────────────────────────────────────┘└──────────────────────────────┘
 Tab pane  Up up  Down down  ? help  q quit
EOF

# Every key the table binds is listed (the table's own list, via keydoc).
"$top_builddir/src/tools/keydoc" | sed -n 's/^\.B \([^ ]*\).*/\1/p' | while read -r key; do
	grep -qF -- " $key " "$tmp/help" || grep -qF -- " $key," "$tmp/help" ||
		grep -qF -- ", $key " "$tmp/help" || fail "help does not list $key"
done
ok "help lists every key"
