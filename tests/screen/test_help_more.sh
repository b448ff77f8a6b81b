#!/bin/sh
# test_help_more.sh — the help overlay counts the rows out of view on its
# border as a pane does ("▼ N more rows" at the bottom, "▲ N more rows" at
# the top), so a page ending in a blank row (the next entry waits whole
# for a scroll) does not read as the end. Too wide to leave a pane's
# column and border beside it, it takes the whole width: the RUNBOOK
# rows' "…" in the pane's last column never show along its edge; a
# narrower one, centred, keeps a blank column each side.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_config
steps '
4
:sleep 10
?
:save-screen top
<PgDn><PgDn>
:save-screen middle
<PgDn><PgDn><PgDn>
:save-screen end
<Esc>
:resize 100x30
?
<PgDn><PgDn>
:save-screen resolved
<Esc>
:resize 200x50
?
:save-screen wide
'
run_console -c "$tmp/warroom.conf" -r "$top_srcdir/docs/runbooks/compose-rollback.md"

assert_screen top <<'EOF'
 warroom │ no incident named │ T+00:00:10               2026-01-01 00:00:10 UTC
┌─ HELP: keys ─────────────────────────────────────────────────────────────────┐
│ Change production (an armed console only: A)                                 │
│ r        roll the selected service back (HOSTS)                              │
│ B        roll it back on every host of the same driver running its tag, one  │
│          after another, each confirmed (HOSTS)                               │
│ X        kill switch: EXPORT_MODE=off on the host (X again: undo)            │
│ M        migration downgrade (alembic -1) of the selected service            │
│ x        RUNBOOK: run the step's commands on the HOSTS host                  │
│ S        post to the status page (type the status)                           │
│ Write the journal (refused when read-only)                                   │
│ Space    tick or untick the step (RUNBOOK only)                              │
│ T        set the run-of-show's T-0 (now, +30m, or HH:MM UTC)                 │
│ A        arm the console for changes (typed; A again disarms)                │
│ K        trust the host's unknown key; a changed one: re-read known_hosts    │
│          (HOSTS)                                                             │
│ n        LOGS: next match; elsewhere: add a note to the timeline             │
│ U        settle the oldest UNKNOWN outcome by hand: ok or failed, and what   │
│          you saw                                                             │
│ e        export the timeline as a post-mortem draft                          │
│                                                                              │
│ ?, q or Esc closes this help; Up/Down/PgUp/PgDn scroll it                    │
└─ ▼ 52 more rows ─────────────────────────────────────────────────────────────┘
 Space tick  x run step  A arm  z zoom  ] next open  Tab pane  ? help  q quit
EOF

assert_screen middle <<'EOF'
 warroom │ no incident named │ T+00:00:10               2026-01-01 00:00:10 UTC
┌─ HELP: keys ──────────────────────────────────────────────── ▲ 24 more rows ─┐
│ 2        focus the METRICS pane                                              │
│ 3        focus the LOGS pane                                                 │
│ 4        focus the RUNBOOK pane                                              │
│ 5        focus the TIMELINE pane                                             │
│ Up, k    move the selection up                                               │
│ Down, j  move the selection down                                             │
│ PgUp     move the selection a page up                                        │
│ PgDn     move the selection a page down                                      │
│ Home, g  move to the first line (HOSTS by health or verdict: the worst row)  │
│ End, G   move to the last line                                               │
│ Enter    HOSTS: tail it; RUNBOOK: a rollback step's confirmation, else the   │
│          step opened or the section folded; TIMELINE: whole entry            │
│ +        HOSTS: tail that service too (LOGS merges by time)                  │
│ [        jump to the previous unticked step (RUNBOOK only)                   │
│ ]        jump to the next unticked step (RUNBOOK only)                       │
│ R        switch RUNBOOK to the next runbook                                  │
│ o        HOSTS: order rows by host, worst health (a host's rows together),   │
│          or worst verdict                                                    │
│ /        filter LOGS with a regex (empty clears it)                          │
│ ?, q or Esc closes this help; Up/Down/PgUp/PgDn scroll it                    │
└─ ▼ 27 more rows ─────────────────────────────────────────────────────────────┘
 Space tick  x run step  A arm  z zoom  ] next open  Tab pane  ? help  q quit
EOF

assert_screen end <<'EOF'
 warroom │ no incident named │ T+00:00:10               2026-01-01 00:00:10 UTC
┌─ HELP: keys ──────────────────────────────────────────────── ▲ 51 more rows ─┐
│ 0        show LOGS lines from their start, or a filter's match (LOGS only)   │
│ $        scroll LOGS lines to the end of the longest in view (LOGS only)     │
│ @        LOGS: jump to a time (19:30 UTC, 10m ago, or RFC 3339)              │
│ C-r      poll every host now; retry DOWN and UNTRUSTED hosts; re-read the    │
│          .env of rows marked .env!                                           │
│ z        show the focused pane alone on the whole screen, rows it left out   │
│          too (z again: every pane)                                           │
│ a        show every record, a folded row's (a flapping verdict or health, a  │
│          post's tries) one by one; a again folds each into one row (TIMELINE │
│          only)                                                               │
│ C-l      redraw the whole screen                                             │
│ ?        show or hide this help                                              │
│ q        quit, asking first while armed or an action runs; C-c too, or       │
│          cancels a dialog/prompt                                             │
│ Marks                                                                        │
│ VERDICT  in HOSTS: CONSIDER* or (held): held above what the metrics now say  │
│          (METRICS says why); ROLLBACK (api): the host's verdict rests on     │
│          api's restarts, not this row's; BAD RELEASE (OK): this row runs a   │
│          release judged bad, then its host's verdict                         │
│ ?, q or Esc closes this help; Up/Down/PgUp/PgDn scroll it                    │
└──────────────────────────────────────────────────────────────────────────────┘
 Space tick  x run step  A arm  z zoom  ] next open  Tab pane  ? help  q quit
EOF

assert_screen resolved <<'EOF'
 warroom │ no incident named │ T+00:00:10                                   2026-01-01 00:00:10 UTC
┌─ HELP: keys ──────────────────────────────────────────────────────────────────── ▲ 21 more rows ─┐
│ 2        focus the METRICS pane                                                                  │
│ 3        focus the LOGS pane                                                                     │
│ 4        focus the RUNBOOK pane                                                                  │
│ 5        focus the TIMELINE pane                                                                 │
│ Up, k    move the selection up                                                                   │
│ Down, j  move the selection down                                                                 │
│ PgUp     move the selection a page up                                                            │
│ PgDn     move the selection a page down                                                          │
│ Home, g  move to the first line (HOSTS by health or verdict: the worst row)                      │
│ End, G   move to the last line                                                                   │
│ Enter    HOSTS: tail it; RUNBOOK: a rollback step's confirmation, else the step opened or the    │
│          section folded; TIMELINE: whole entry                                                   │
│ +        HOSTS: tail that service too (LOGS merges by time)                                      │
│ [        jump to the previous unticked step (RUNBOOK only)                                       │
│ ]        jump to the next unticked step (RUNBOOK only)                                           │
│ R        switch RUNBOOK to the next runbook                                                      │
│ o        HOSTS: order rows by host, worst health (a host's rows together), or worst verdict      │
│ /        filter LOGS with a regex (empty clears it)                                              │
│ F        show the HOSTS rows whose host, service, address, tag or version has a text             │
│ N        previous match in LOGS, with a filter (n: next) (LOGS only)                             │
│ f        follow new LOGS lines, or pause in place (LOGS only)                                    │
│ w        wrap long LOGS lines (LOGS only)                                                        │
│ t        show or hide the LOGS lines' timestamps (LOGS only)                                     │
│ >, Right scroll unwrapped LOGS lines half a pane right (LOGS only)                               │
│ <, Left  scroll LOGS lines half a pane back left (LOGS only)                                     │
│ ?, q or Esc closes this help; Up/Down/PgUp/PgDn scroll it                                        │
└─ ▼ 16 more rows ─────────────────────────────────────────────────────────────────────────────────┘
 Space tick  x run step  A arm  z zoom  ] next open  Enter fold  n note  Tab pane  ? help  q quit
EOF

assert_screen wide <<'EOF'
 warroom │ no incident named │ T+00:00:10                                                                                                                                       2026-01-01 00:00:10 UTC
┌─ HOSTS ───────────── ┌─ HELP: keys ──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┐ ──────────────────────┐
│  HOST        SERVICE │ Change production (an armed console only: A)                                                                                                          │ the file              │
│> api-1       api     │ r        roll the selected service back (HOSTS)                                                                                                       │                       │
│  api-1       jobs    │ B        roll it back on every host of the same driver running its tag, one after another, each confirmed (HOSTS)                                     │                       │
│  api-2       api     │ X        kill switch: EXPORT_MODE=off on the host (X again: undo)                                                                                     │ ing                   │
│  k8s-bastion api     │ M        migration downgrade (alembic -1) of the selected service                                                                                     │                       │
└───────────────────── │ x        RUNBOOK: run the step's commands on the HOSTS host                                                                                           │                       │
┌─ METRICS ─────────── │ S        post to the status page (type the status)                                                                                                    │                       │
│ api-1: no metrics_ur │ Write the journal (refused when read-only)                                                                                                            │ ads it:               │
│                      │ Space    tick or untick the step (RUNBOOK only)                                                                                                       │                       │
│                      │ T        set the run-of-show's T-0 (now, +30m, or HH:MM UTC)                                                                                          │                       │
│                      │ A        arm the console for changes (typed; A again disarms)                                                                                         │ try (the previous rel…│
│                      │ K        trust the host's unknown key; a changed one: re-read known_hosts (HOSTS)                                                                     │                       │
│                      │ n        LOGS: next match; elsewhere: add a note to the timeline                                                                                      │ tself is quick:       │
│                      │ U        settle the oldest UNKNOWN outcome by hand: ok or failed, and what you saw                                                                    │                       │
│                      │ e        export the timeline as a post-mortem draft                                                                                                   │ ing the bad one back: │
│                      │ E        mark the incident resolved (typed; the same --incident then starts a new one)                                                                │                       │
│                      │ Only read                                                                                                                                             │  additive changes (ne…│
│                      │ Tab      move focus to the next pane                                                                                                                  │                       │
│                      │ S-Tab    move focus to the previous pane                                                                                                              │ ain:                  │
│                      │ 1        focus the HOSTS pane                                                                                                                         │                       │
│                      │ 2        focus the METRICS pane                                                                                                                       │                       │
│                      │ 3        focus the LOGS pane                                                                                                                          │  fixed                │
│                      │ 4        focus the RUNBOOK pane                                                                                                                       │                       │
└───────────────────── │ 5        focus the TIMELINE pane                                                                                                                      │                       │
┌─ LOGS ────────────── │ Up, k    move the selection up                                                                                                                        │                       │
│ no log stream open   │ Down, j  move the selection down                                                                                                                      │                       │
│                      │ PgUp     move the selection a page up                                                                                                                 │ ──────────────────────┘
│                      │ PgDn     move the selection a page down                                                                                                               │ ──────────────────────┐
│                      │ Home, g  move to the first line (HOSTS by health or verdict: the worst row)                                                                           │                       │
│                      │ End, G   move to the last line                                                                                                                        │                       │
│                      │ Enter    HOSTS: tail it; RUNBOOK: a rollback step's confirmation, else the step opened or the section folded; TIMELINE: whole entry                   │                       │
│                      │ +        HOSTS: tail that service too (LOGS merges by time)                                                                                           │                       │
│                      │ [        jump to the previous unticked step (RUNBOOK only)                                                                                            │                       │
│                      │ ]        jump to the next unticked step (RUNBOOK only)                                                                                                │                       │
│                      │ R        switch RUNBOOK to the next runbook                                                                                                           │                       │
│                      │ o        HOSTS: order rows by host, worst health (a host's rows together), or worst verdict                                                           │                       │
│                      │ /        filter LOGS with a regex (empty clears it)                                                                                                   │                       │
│                      │ F        show the HOSTS rows whose host, service, address, tag or version has a text                                                                  │                       │
│                      │ N        previous match in LOGS, with a filter (n: next) (LOGS only)                                                                                  │                       │
│                      │ f        follow new LOGS lines, or pause in place (LOGS only)                                                                                         │                       │
│                      │ w        wrap long LOGS lines (LOGS only)                                                                                                             │                       │
│                      │ t        show or hide the LOGS lines' timestamps (LOGS only)                                                                                          │                       │
│                      │ >, Right scroll unwrapped LOGS lines half a pane right (LOGS only)                                                                                    │                       │
│                      │ <, Left  scroll LOGS lines half a pane back left (LOGS only)                                                                                          │                       │
│                      │ 0        show LOGS lines from their start, or a filter's match (LOGS only)                                                                            │                       │
│                      │ ?, q or Esc closes this help; Up/Down/PgUp/PgDn scroll it                                                                                             │                       │
└───────────────────── └─ ▼ 11 more rows ──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘ ──────────────────────┘
 Space tick  x run step  A arm  z zoom  ] next open  Enter fold  n note  Tab pane  ? help  q quit
EOF
