#!/bin/sh
# test_hosts_down_journal_tag.sh — a console started while h2 was DOWN
# shows the tag the journal last said of its rows, marked "(journal)".
# h2's jobs runs a long tag: with the marker its cell was wider than TAG
# may ever be (24 cells), so at a width that gave TAG all it asked for
# the row was cut ("v1.5.0-bad-jobs (journ…"), and then it showed the tag
# alone, which read as a tag read now. The marker is said short where the
# whole one does not fit ("(j)"), and a tag too long for the column is cut
# before it, never through it ("v1.5.0-bad-jobs-hot… (j)").
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_scale_config 3 3
steps ":state h1 api conn=up tag=v1.5.0-bad state=running restarts=0 healthz=ok readyz=ok
:state h1 jobs tag=v1.5.0-bad-jobs state=running restarts=0
:state h3 api conn=up tag=v1.5.0-bad state=running restarts=0 healthz=ok readyz=ok
:state h3 jobs tag=v1.5.0-bad-jobs state=running restarts=0
:state h2 api conn=down journal-tag=v1.5.0-bad
:state h2 jobs journal-tag=v1.5.0-bad-jobs
:sleep 30
:resize 160x45
:save-screen wide
:resize 80x24
:save-screen narrow
:state h2 jobs journal-tag=v1.5.0-bad-jobs-hotfix-2
:save-screen cut
"
run_console -c "$tmp/warroom.conf"

assert_screen wide <<'EOF'
 warroom │ no incident named │ T+00:00:30                                                                                               2026-01-01 00:00:30 UTC
┌─ ▶ HOSTS 1 DOWN of 3 hosts ──────────────────────────────────────────────────────────────────┐┌─ RUNBOOK ────────────────────────────────────────────────────┐
│  HOST SERVICE CONN     TAG                      VERDICT STATE   HEALTH READY VERSION RST AGE ││ no runbook loaded                                            │
│> h1   api     UP       v1.5.0-bad                       running OK     OK            0   30s ││ open one with -r FILE                                        │
│  h1   jobs    UP       v1.5.0-bad-jobs                  running -      -     -       0   30s ││                                                              │
│  h2   api     DOWN 30s v1.5.0-bad (journal)                                              30s ││                                                              │
│  h2   jobs    DOWN 30s v1.5.0-bad-jobs (j)                      -      -     -           30s ││                                                              │
│  h3   api     UP       v1.5.0-bad                       running OK     OK            0   30s ││                                                              │
│  h3   jobs    UP       v1.5.0-bad-jobs                  running -      -     -       0   30s ││                                                              │
└──────────────────────────────────────────────────────────────────────────────────────────────┘│                                                              │
┌─ METRICS ────────────────────────────────────────────────────────────────────────────────────┐│                                                              │
│ h1: waiting for the first scrapes                                                            ││                                                              │
│                                                                                              ││                                                              │
│                                                                                              ││                                                              │
│                                                                                              ││                                                              │
│                                                                                              ││                                                              │
│                                                                                              ││                                                              │
│                                                                                              ││                                                              │
│                                                                                              ││                                                              │
│                                                                                              ││                                                              │
│                                                                                              ││                                                              │
│                                                                                              ││                                                              │
│                                                                                              ││                                                              │
└──────────────────────────────────────────────────────────────────────────────────────────────┘│                                                              │
┌─ LOGS ───────────────────────────────────────────────────────────────────────────────────────┐│                                                              │
│ no log stream open                                                                           │└──────────────────────────────────────────────────────────────┘
│                                                                                              │┌─ TIMELINE ───────────────────────────────────────────────────┐
│                                                                                              ││ no incident journal open                                     │
│                                                                                              ││ (none in screen tests)                                       │
│                                                                                              ││                                                              │
│                                                                                              ││                                                              │
│                                                                                              ││                                                              │
│                                                                                              ││                                                              │
│                                                                                              ││                                                              │
│                                                                                              ││                                                              │
│                                                                                              ││                                                              │
│                                                                                              ││                                                              │
│                                                                                              ││                                                              │
│                                                                                              ││                                                              │
│                                                                                              ││                                                              │
│                                                                                              ││                                                              │
│                                                                                              ││                                                              │
│                                                                                              ││                                                              │
└──────────────────────────────────────────────────────────────────────────────────────────────┘└──────────────────────────────────────────────────────────────┘
 r roll back  B all hosts  X kill switch  A arm  Enter logs  o order  F filter  C-r poll now  z zoom  Tab pane  ? help  q quit
EOF

assert_screen narrow <<'EOF'
 warroom │ no incident named │ T+00:00:30               2026-01-01 00:00:30 UTC
┌─ ▶ HOSTS 1 DOWN of 3 hosts ──────────────────────────────────────────────────┐
│  HOST SERVICE CONN     TAG                      VERDICT HEALTH READY RST AGE │
│> h1   api     UP       v1.5.0-bad                       OK     OK    0   30s │
│  h1   jobs    UP       v1.5.0-bad-jobs                  -      -     0   30s │
│  h2   api     DOWN 30s v1.5.0-bad (journal)                              30s │
│  h2   jobs    DOWN 30s v1.5.0-bad-jobs (j)              -      -         30s │
│  h3   api     UP       v1.5.0-bad                       OK     OK    0   30s │
│  h3   jobs    UP       v1.5.0-bad-jobs                  -      -     0   30s │
└──────────────────────────────────────────────────────────────────────────────┘
┌─ METRICS ────────────────────────────────────┐┌─ RUNBOOK ────────────────────┐
│ h1: waiting for the first scrapes            ││ no runbook loaded            │
│                                              ││ open one with -r FILE        │
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
 r roll back  B all hosts  X kill switch  A arm  Tab pane  ? help  q quit
EOF

assert_screen cut <<'EOF'
 warroom │ no incident named │ T+00:00:30               2026-01-01 00:00:30 UTC
┌─ ▶ HOSTS 1 DOWN of 3 hosts ──────────────────────────────────────────────────┐
│  HOST SERVICE CONN     TAG                      VERDICT HEALTH READY RST AGE │
│> h1   api     UP       v1.5.0-bad                       OK     OK    0   30s │
│  h1   jobs    UP       v1.5.0-bad-jobs                  -      -     0   30s │
│  h2   api     DOWN 30s v1.5.0-bad (journal)                              30s │
│  h2   jobs    DOWN 30s v1.5.0-bad-jobs-hot… (j)         -      -         0s  │
│  h3   api     UP       v1.5.0-bad                       OK     OK    0   30s │
│  h3   jobs    UP       v1.5.0-bad-jobs                  -      -     0   30s │
└──────────────────────────────────────────────────────────────────────────────┘
┌─ METRICS ────────────────────────────────────┐┌─ RUNBOOK ────────────────────┐
│ h1: waiting for the first scrapes            ││ no runbook loaded            │
│                                              ││ open one with -r FILE        │
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
 r roll back  B all hosts  X kill switch  A arm  Tab pane  ? help  q quit
EOF
