#!/bin/sh
# test_hosts_down_journal_bad_release.sh — h1 was rolled back from
# v1.5.0-bad, so this incident judged that release bad; h2, DOWN since
# before the console began, last ran it by the journal. Its row read
# blank in VERDICT and the title counted it DOWN alone, though being on
# the bad release is its likeliest state. It reads BAD RELEASE marked as
# the journal's ("BAD RELEASE (journal)", brief "BAD REL (j)"), the title
# counts it on a bad release as well as DOWN, and selected, the line
# under the table says it was last on it, by the journal.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_scale_config 3 0
steps ":state h1 api conn=up tag=v1.4.1 state=running restarts=0 healthz=ok readyz=ok
:state h3 api conn=up tag=v1.4.1 state=running restarts=0 healthz=ok readyz=ok
:state h2 api conn=down journal-tag=v1.5.0-bad
:rollback h1
:sleep 30
:resize 120x30
:save-screen wide
:resize 80x24
<Down>
:save-screen narrow
"
run_console -c "$tmp/warroom.conf"

assert_screen wide <<'EOF'
 warroom │ no incident named │ T+00:00:30                                                       2026-01-01 00:00:30 UTC
┌─ ▶ HOSTS 1 on a bad release, 1 DOWN of 3 hosts ──────────────────────────────────────────────────────────────────────┐
│  HOST SERVICE CONN     TAG                  VERDICT               STATE   HEALTH READY VERSION RST AGE DRIVER        │
│> h1   api     UP       v1.4.1                                     running OK     OK            0   30s compose       │
│  h2   api     DOWN 30s v1.5.0-bad (journal) BAD RELEASE (journal)                                  30s compose       │
│  h3   api     UP       v1.4.1                                     running OK     OK            0   30s compose       │
└──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘
┌─ METRICS ────────────────────────────────────────────────────────────┐┌─ RUNBOOK ────────────────────────────────────┐
│ h1: waiting for the first scrapes                                    ││ no runbook loaded                            │
│                                                                      ││ open one with -r FILE                        │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
└──────────────────────────────────────────────────────────────────────┘└──────────────────────────────────────────────┘
┌─ LOGS ───────────────────────────────────────────────────────────────┐┌─ TIMELINE ───────────────────────────────────┐
│ no log stream open                                                   ││T+00:00:00 action.intent h1 {"plan":{"action"…│
│                                                                      ││T+00:00:00 action.end h1 ok — rollback of api…│
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
└──────────────────────────────────────────────────────────────────────┘└──────────────────────────────────────────────┘
 r roll back  B all hosts  X kill switch  A arm  Enter logs  o order  F filter  Tab pane  ? help  q quit
EOF

assert_screen narrow <<'EOF'
 warroom │ no incident named │ T+00:00:30               2026-01-01 00:00:30 UTC
┌─ ▶ HOSTS 1 on a bad release, 1 DOWN of 3 hosts ──────────────────────────────┐
│  HOST SERVICE CONN     TAG                  VERDICT     HEALTH READY RST AGE │
│  h1   api     UP       v1.4.1                           OK     OK    0   30s │
│> h2   api     DOWN 30s v1.5.0-bad (journal) BAD REL (j)                  30s │
│  h3   api     UP       v1.4.1                           OK     OK    0   30s │
│h2/api was last on a bad release, v1.5.0-bad (journal): h1 rolled back from i…│
└──────────────────────────────────────────────────────────────────────────────┘
┌─ METRICS ────────────────────────────────────┐┌─ RUNBOOK ────────────────────┐
│ h2: waiting for the first scrapes            ││ no runbook loaded            │
│                                              ││ open one with -r FILE        │
│                                              ││                              │
│                                              ││                              │
│                                              ││                              │
└──────────────────────────────────────────────┘└──────────────────────────────┘
┌─ LOGS ───────────────────────────────────────┐┌─ TIMELINE ───────────────────┐
│ no log stream open                           ││T+00:00:00 action.intent h1 {…│
│                                              ││T+00:00:00 action.end h1 ok —…│
│                                              ││                              │
│                                              ││                              │
│                                              ││                              │
│                                              ││                              │
└──────────────────────────────────────────────┘└──────────────────────────────┘
 r roll back  B all hosts  X kill switch  A arm  Tab pane  ? help  q quit
EOF
