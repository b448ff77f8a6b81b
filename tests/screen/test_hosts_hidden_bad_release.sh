#!/bin/sh
# test_hosts_hidden_bad_release.sh — 24 hosts at 80x24: after api was
# rolled back from v1.5.0-bad on h1, h12's api still runs it, its
# metrics calm (BAD RELEASE (OK)), while h22 is at MONITOR. Scrolled out
# of view, h12 was named by no marker: ▼ named h22's MONITOR, and at the
# end ▲ and the filter's marker named nothing. Each now names the hidden
# host on a bad release, ranked as the title ranks it (above MONITOR).
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_scale_config 24 8
steps "$(scale_steps 24 8)
:state h12 api tag=v1.5.0-bad
:metrics h22 error=0.015 p95=180 restarts=0 requests=100
:rollback h1
:resize 80x24
:save-screen top
G
:save-screen end
Fh2<Enter>
:save-screen filtered
"
run_console -c "$tmp/warroom.conf"

assert_screen top <<'EOF'
 warroom │ no incident named │ T+00:00:00               2026-01-01 00:00:00 UTC
┌─ ▶ HOSTS 1 on a bad release, 1 MONITOR of 24 hosts ──────────────────────────┐
│  HOST SERVICE CONN TAG        VERDICT          STATE   HEALTH READY RST AGE  │
│> h1   api     UP   v1.4.1     OK               running OK     OK    0   0s   │
│  h1   jobs    UP   v1.4.1     OK               running -      -     0   0s   │
│  h2   api     UP   v1.4.1     OK               running OK     OK    0   0s   │
│  h2   jobs    UP   v1.4.1     OK               running -      -     0   0s   │
│  h3   api     UP   v1.4.1     OK               running OK     OK    0   0s   │
│  h3   jobs    UP   v1.4.1     OK               running -      -     0   0s   │
│  h4   api     UP   v1.4.1     OK               running OK     OK    0   0s   │
│  h4   jobs    UP   v1.4.1     OK               running -      -     0   0s   │
└─ ▼ 24 more rows, worst h12 on a bad release ─────────────────────────────────┘
┌─ METRICS ────────────────────────────────────┐┌─ RUNBOOK ────────────────────┐
│h1  OK                                        ││ no runbook loaded            │
│  below thresholds: error rate 0.1%, p95 180 …││ open one with -r FILE        │
│  errors 0.1%    ▁ 0–5%                       ││                              │
└─ ▼ 26 more rows (z), worst h22 MONITOR ──────┘└──────────────────────────────┘
┌─ LOGS ───────────────────────────────────────┐┌─ TIMELINE ───────────────────┐
│ no log stream open                           ││T+00:00:00 action.intent h1 {…│
│                                              ││T+00:00:00 action.end h1 ok —…│
│                                              ││                              │
│                                              ││                              │
└──────────────────────────────────────────────┘└──────────────────────────────┘
 r roll back  B all hosts  X kill switch  A arm  Tab pane  ? help  q quit
EOF

assert_screen end <<'EOF'
 warroom │ no incident named │ T+00:00:00               2026-01-01 00:00:00 UTC
┌─ ▶ HOSTS 1 on a bad release, 1 MONITOR of 24 hosts ────── ▲ 24: h12 BAD REL ─┐
│  HOST SERVICE CONN TAG        VERDICT          STATE   HEALTH READY RST AGE  │
│  h17  api     UP   v1.4.1     OK               running OK     OK    0   0s   │
│  h18  api     UP   v1.4.1     OK               running OK     OK    0   0s   │
│  h19  api     UP   v1.4.1     OK               running OK     OK    0   0s   │
│  h20  api     UP   v1.4.1     OK               running OK     OK    0   0s   │
│  h21  api     UP   v1.4.1     OK               running OK     OK    0   0s   │
│  h22  api     UP   v1.4.1     MONITOR          running OK     OK    0   0s   │
│  h23  api     UP   v1.4.1     OK               running OK     OK    0   0s   │
│> h24  api     UP   v1.4.1     OK               running OK     OK    0   0s   │
└──────────────────────────────────────────────────────────────────────────────┘
┌─ METRICS ────────────────────────────────────┐┌─ RUNBOOK ────────────────────┐
│h24  OK                                       ││ no runbook loaded            │
│  below thresholds: error rate 0.1%, p95 180 …││ open one with -r FILE        │
│  errors 0.1%    ▁ 0–5%                       ││                              │
└─ ▼ 26 more rows (z), worst h22 MONITOR ──────┘└──────────────────────────────┘
┌─ LOGS ───────────────────────────────────────┐┌─ TIMELINE ───────────────────┐
│ no log stream open                           ││T+00:00:00 action.intent h1 {…│
│                                              ││T+00:00:00 action.end h1 ok —…│
│                                              ││                              │
│                                              ││                              │
└──────────────────────────────────────────────┘└──────────────────────────────┘
 r roll back  B all hosts  X kill switch  A arm  Tab pane  ? help  q quit
EOF

assert_screen filtered <<'EOF'
 warroom │ no incident named │ T+00:00:00               2026-01-01 00:00:00 UTC
┌─ ▶ HOSTS 1 on a bad release, 1 MONITOR of 24 hosts, having "h2" ─────────────┐
│  HOST SERVICE CONN TAG        VERDICT          STATE   HEALTH READY RST AGE  │
│  h2   api     UP   v1.4.1     OK               running OK     OK    0   0s   │
│  h2   jobs    UP   v1.4.1     OK               running -      -     0   0s   │
│  h20  api     UP   v1.4.1     OK               running OK     OK    0   0s   │
│  h21  api     UP   v1.4.1     OK               running OK     OK    0   0s   │
│  h22  api     UP   v1.4.1     MONITOR          running OK     OK    0   0s   │
│  h23  api     UP   v1.4.1     OK               running OK     OK    0   0s   │
│> h24  api     UP   v1.4.1     OK               running OK     OK    0   0s   │
└───────────────────────────────── filter hides 25 rows: h12 on a bad release ─┘
┌─ METRICS ────────────────────────────────────┐┌─ RUNBOOK ────────────────────┐
│h24  OK                                       ││ no runbook loaded            │
│  below thresholds: error rate 0.1%, p95 180 …││ open one with -r FILE        │
│  errors 0.1%    ▁ 0–5%                       ││                              │
│  p95    180 ms  ▂ 0–2000 ms                  ││                              │
└─ ▼ 25 more rows (z), worst h22 MONITOR ──────┘└──────────────────────────────┘
┌─ LOGS ───────────────────────────────────────┐┌─ TIMELINE ───────────────────┐
│ no log stream open                           ││T+00:00:00 action.intent h1 {…│
│                                              ││T+00:00:00 action.end h1 ok —…│
│                                              ││                              │
│                                              ││                              │
└──────────────────────────────────────────────┘└──────────────────────────────┘
 HOSTS: 7 of 32 rows have "h2"
EOF
