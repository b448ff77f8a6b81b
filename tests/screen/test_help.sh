#!/bin/sh
# test_help.sh — ? opens the help overlay listing every binding of the
# command table (scrolling when the terminal is short, a line too long for
# the box wrapped under its description, never cut); Esc, ? and q close
# it (q does not quit from the help).
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_config
steps '
?
:save-screen help
<PgDn>
:save-screen scrolled
x
:save-screen ignored
<PgDn><PgDn><PgDn><PgDn>
:save-screen end
q
:save-screen closed
:resize 120x64
?
:save-screen help-big
<Esc>
?
?
:save-screen toggled
'
run_console -c "$tmp/warroom.conf"

assert_screen help <<'EOF'
 warroom │ no incident named │ T+00:00:00               2026-01-01 00:00:00 UTC
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
 warroom --check-config lists them
EOF

assert_screen scrolled <<'EOF'
 warroom │ no incident named │ T+00:00:00               2026-01-01 00:00:00 UTC
┌─ HELP: keys ──────────────────────────────────────────────── ▲ 11 more rows ─┐
│ A        arm the console for changes (typed; A again disarms)                │
│ K        trust the host's unknown key; a changed one: re-read known_hosts    │
│          (HOSTS)                                                             │
│ n        LOGS: next match; elsewhere: add a note to the timeline             │
│ U        settle the oldest UNKNOWN outcome by hand: ok or failed, and what   │
│          you saw                                                             │
│ e        export the timeline as a post-mortem draft                          │
│ E        mark the incident resolved (typed; the same --incident then starts  │
│          a new one)                                                          │
│ Only read                                                                    │
│ Tab      move focus to the next pane                                         │
│ S-Tab    move focus to the previous pane                                     │
│ 1        focus the HOSTS pane                                                │
│ 2        focus the METRICS pane                                              │
│ 3        focus the LOGS pane                                                 │
│ 4        focus the RUNBOOK pane                                              │
│ 5        focus the TIMELINE pane                                             │
│ Up, k    move the selection up                                               │
│ Down, j  move the selection down                                             │
│ ?, q or Esc closes this help; Up/Down/PgUp/PgDn scroll it                    │
└─ ▼ 40 more rows ─────────────────────────────────────────────────────────────┘
 warroom --check-config lists them
EOF

assert_screen ignored <<'EOF'
 warroom │ no incident named │ T+00:00:00               2026-01-01 00:00:00 UTC
┌─ HELP: keys ──────────────────────────────────────────────── ▲ 11 more rows ─┐
│ A        arm the console for changes (typed; A again disarms)                │
│ K        trust the host's unknown key; a changed one: re-read known_hosts    │
│          (HOSTS)                                                             │
│ n        LOGS: next match; elsewhere: add a note to the timeline             │
│ U        settle the oldest UNKNOWN outcome by hand: ok or failed, and what   │
│          you saw                                                             │
│ e        export the timeline as a post-mortem draft                          │
│ E        mark the incident resolved (typed; the same --incident then starts  │
│          a new one)                                                          │
│ Only read                                                                    │
│ Tab      move focus to the next pane                                         │
│ S-Tab    move focus to the previous pane                                     │
│ 1        focus the HOSTS pane                                                │
│ 2        focus the METRICS pane                                              │
│ 3        focus the LOGS pane                                                 │
│ 4        focus the RUNBOOK pane                                              │
│ 5        focus the TIMELINE pane                                             │
│ Up, k    move the selection up                                               │
│ Down, j  move the selection down                                             │
│ ?, q or Esc closes this help; Up/Down/PgUp/PgDn scroll it                    │
└─ ▼ 40 more rows ─────────────────────────────────────────────────────────────┘
 warroom --check-config lists them
EOF

assert_screen end <<'EOF'
 warroom │ no incident named │ T+00:00:00               2026-01-01 00:00:00 UTC
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
 warroom --check-config lists them
EOF

assert_screen closed <<'EOF'
 warroom │ no incident named │ T+00:00:00               2026-01-01 00:00:00 UTC
┌─ ▶ HOSTS ────────────────────────────────────────────────────────────────────┐
│  HOST        SERVICE CONN          TAG STATE HEALTH READY VERSION RST AGE    │
│> api-1       api     not connected           -      -     -                  │
│  api-1       jobs    not connected           -      -     -                  │
│  api-2       api     not connected           -      -     -                  │
│  k8s-bastion api     not connected           -      -     -                  │
└──────────────────────────────────────────────────────────────────────────────┘
┌─ METRICS ────────────────────────────────────┐┌─ RUNBOOK ────────────────────┐
│ api-1: no metrics_url in the config          ││ no runbook loaded            │
│                                              ││ open one with -r FILE        │
│                                              ││                              │
│                                              ││                              │
│                                              ││                              │
└──────────────────────────────────────────────┘└──────────────────────────────┘
┌─ LOGS ───────────────────────────────────────┐┌─ TIMELINE ───────────────────┐
│ no log stream open                           ││ no incident journal open     │
│                                              ││ (none in screen tests)       │
│                                              ││                              │
│                                              ││                              │
│                                              ││                              │
└──────────────────────────────────────────────┘└──────────────────────────────┘
 config: 3 hosts without metrics (api-1: verdict from restarts alone; +2 more);
 warroom --check-config lists them
EOF

assert_screen help-big <<'EOF'
 warroom │ no incident named │ T+00:00:00                                                       2026-01-01 00:00:00 UTC
┌─ HELP: keys ─────────────────────────────────────────────────────────────────────────────────────────────────────────┐
│ Change production (an armed console only: A)                                                                         │
│ r        roll the selected service back (HOSTS)                                                                      │
│ B        roll it back on every host of the same driver running its tag, one after another, each confirmed (HOSTS)    │
│ X        kill switch: EXPORT_MODE=off on the host (X again: undo)                                                    │
│ M        migration downgrade (alembic -1) of the selected service                                                    │
│ x        RUNBOOK: run the step's commands on the HOSTS host                                                          │
│ S        post to the status page (type the status)                                                                   │
│ Write the journal (refused when read-only)                                                                           │
│ Space    tick or untick the step (RUNBOOK only)                                                                      │
│ T        set the run-of-show's T-0 (now, +30m, or HH:MM UTC)                                                         │
│ A        arm the console for changes (typed; A again disarms)                                                        │
│ K        trust the host's unknown key; a changed one: re-read known_hosts (HOSTS)                                    │
│ n        LOGS: next match; elsewhere: add a note to the timeline                                                     │
│ U        settle the oldest UNKNOWN outcome by hand: ok or failed, and what you saw                                   │
│ e        export the timeline as a post-mortem draft                                                                  │
│ E        mark the incident resolved (typed; the same --incident then starts a new one)                               │
│ Only read                                                                                                            │
│ Tab      move focus to the next pane                                                                                 │
│ S-Tab    move focus to the previous pane                                                                             │
│ 1        focus the HOSTS pane                                                                                        │
│ 2        focus the METRICS pane                                                                                      │
│ 3        focus the LOGS pane                                                                                         │
│ 4        focus the RUNBOOK pane                                                                                      │
│ 5        focus the TIMELINE pane                                                                                     │
│ Up, k    move the selection up                                                                                       │
│ Down, j  move the selection down                                                                                     │
│ PgUp     move the selection a page up                                                                                │
│ PgDn     move the selection a page down                                                                              │
│ Home, g  move to the first line (HOSTS by health or verdict: the worst row)                                          │
│ End, G   move to the last line                                                                                       │
│ Enter    HOSTS: tail it; RUNBOOK: a rollback step's confirmation, else the step opened or the section folded;        │
│          TIMELINE: whole entry                                                                                       │
│ +        HOSTS: tail that service too (LOGS merges by time)                                                          │
│ [        jump to the previous unticked step (RUNBOOK only)                                                           │
│ ]        jump to the next unticked step (RUNBOOK only)                                                               │
│ R        switch RUNBOOK to the next runbook                                                                          │
│ o        HOSTS: order rows by host, worst health (a host's rows together), or worst verdict                          │
│ /        filter LOGS with a regex (empty clears it)                                                                  │
│ F        show the HOSTS rows whose host, service, address, tag or version has a text                                 │
│ N        previous match in LOGS, with a filter (n: next) (LOGS only)                                                 │
│ f        follow new LOGS lines, or pause in place (LOGS only)                                                        │
│ w        wrap long LOGS lines (LOGS only)                                                                            │
│ t        show or hide the LOGS lines' timestamps (LOGS only)                                                         │
│ >, Right scroll unwrapped LOGS lines half a pane right (LOGS only)                                                   │
│ <, Left  scroll LOGS lines half a pane back left (LOGS only)                                                         │
│ 0        show LOGS lines from their start, or a filter's match (LOGS only)                                           │
│ $        scroll LOGS lines to the end of the longest in view (LOGS only)                                             │
│ @        LOGS: jump to a time (19:30 UTC, 10m ago, or RFC 3339)                                                      │
│ C-r      poll every host now; retry DOWN and UNTRUSTED hosts; re-read the .env of rows marked .env!                  │
│ z        show the focused pane alone on the whole screen, rows it left out too (z again: every pane)                 │
│ a        show every record, a folded row's (a flapping verdict or health, a post's tries) one by one; a again folds  │
│          each into one row (TIMELINE only)                                                                           │
│ C-l      redraw the whole screen                                                                                     │
│ ?        show or hide this help                                                                                      │
│ q        quit, asking first while armed or an action runs; C-c too, or cancels a dialog/prompt                       │
│ Marks                                                                                                                │
│ VERDICT  in HOSTS: CONSIDER* or (held): held above what the metrics now say (METRICS says why); ROLLBACK (api): the  │
│          host's verdict rests on api's restarts, not this row's; BAD RELEASE (OK): this row runs a release judged    │
│          bad, then its host's verdict                                                                                │
│ ?, q or Esc closes this help                                                                                         │
└──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘
 config: 3 hosts without metrics (api-1: verdict from restarts alone; +2 more); warroom --check-config lists them
EOF

assert_screen toggled <<'EOF'
 warroom │ no incident named │ T+00:00:00                                                       2026-01-01 00:00:00 UTC
┌─ ▶ HOSTS ────────────────────────────────────────────────────────────┐┌─ RUNBOOK ────────────────────────────────────┐
│  HOST        SERVICE CONN          TAG STATE HEALTH READY RST AGE    ││ no runbook loaded                            │
│> api-1       api     not connected           -      -                ││ open one with -r FILE                        │
│  api-1       jobs    not connected           -      -                ││                                              │
│  api-2       api     not connected           -      -                ││                                              │
│  k8s-bastion api     not connected           -      -                ││                                              │
└──────────────────────────────────────────────────────────────────────┘│                                              │
┌─ METRICS ────────────────────────────────────────────────────────────┐│                                              │
│ api-1: no metrics_url in the config                                  ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
└──────────────────────────────────────────────────────────────────────┘│                                              │
┌─ LOGS ───────────────────────────────────────────────────────────────┐│                                              │
│ no log stream open                                                   ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      │└──────────────────────────────────────────────┘
│                                                                      │┌─ TIMELINE ───────────────────────────────────┐
│                                                                      ││ no incident journal open                     │
│                                                                      ││ (none in screen tests)                       │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
└──────────────────────────────────────────────────────────────────────┘└──────────────────────────────────────────────┘
 config: 3 hosts without metrics (api-1: verdict from restarts alone; +2 more); warroom --check-config lists them
EOF

# Every key the table binds is listed (the table's own list, via keydoc).
"$top_builddir/src/tools/keydoc" | sed -n 's/^\.B \([^ ]*\).*/\1/p' > "$tmp/keys"
[ -s "$tmp/keys" ] || fail "keydoc listed no keys"
while read -r key; do
	grep -qF -- " $key " "$tmp/help-big" || grep -qF -- " $key," "$tmp/help-big" ||
		grep -qF -- ", $key " "$tmp/help-big" || fail "help does not list $key"
done < "$tmp/keys"
ok "help lists every key"
