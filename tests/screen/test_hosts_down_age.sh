#!/bin/sh
# test_hosts_down_age.sh — at 80x24 a DOWN host's row keeps HOST, SERVICE,
# CONN, TAG and VERDICT, so AGE and TAG's .env! go; neither goes unsaid.
# Its values are the last read (drawn dim, so they marked nothing): the
# line under the table, the row selected, names how old they are and the
# .env! (a hazard for the next `up -d` however old the reading), and the
# row is marked ! for the .env!. A DOWN row with nothing but its age left
# out is not marked; selected, the line under the table still says it.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_scale_config 3 1
steps "$(scale_steps 3 1)
:state h1 jobs tag=v1.5.0 env=v1.4.1
:sleep 100
:state h1 api conn=down
:state h2 api conn=down
:sleep 63
<Down>
:save-screen drift
<Down>
:save-screen age
"
run_console -c "$tmp/warroom.conf"

assert_screen drift <<'EOF'
 warroom │ no incident named │ T+00:02:43               2026-01-01 00:02:43 UTC
┌─ ▶ HOSTS 2 DOWN of 3 hosts ──────────────────────────────────────────────────┐
│  HOST SERVICE CONN       TAG          VERDICT STATE   HEALTH READY RST AGE   │
│  h1   api     DOWN 1m03s v1.4.1       OK      running OK     OK    0   2m    │
│> h1   jobs    DOWN 1m03s v1.5.0 .env! OK      running -      -     0   2m    │
│  h2   api     DOWN 1m03s v1.4.1       OK      running OK     OK    0   2m    │
│  h3   api     UP         v1.4.1       OK      running OK     OK    0   2m    │
│h1: .env says v1.4.1, jobs runs v1.5.0: a plain `up -d` would start v1.4.1 in…│
└──────────────────────────────────────────────────────────────────────────────┘
┌─ METRICS ────────────────────────────────────┐┌─ RUNBOOK ────────────────────┐
│h1  OK                                        ││ no runbook loaded            │
│  below thresholds: error rate 0.1%, p95 180 …││ open one with -r FILE        │
│  errors 0.1%    ▁ 0–5%                       ││                              │
│  p95    180 ms  ▂ 0–2000 ms                  ││                              │
│  restarts in 5m: unknown                     ││                              │
└─ ▼ 3 more rows (z shows them) ───────────────┘└──────────────────────────────┘
┌─ LOGS ───────────────────────────────────────┐┌─ TIMELINE ───────────────────┐
│ no log stream open                           ││ no incident journal open     │
│                                              ││ (none in screen tests)       │
│                                              ││                              │
│                                              ││                              │
│                                              ││                              │
└──────────────────────────────────────────────┘└──────────────────────────────┘
 r roll back  B all hosts  X kill switch  A arm  Tab pane  ? help  q quit
EOF

assert_screen age <<'EOF'
 warroom │ no incident named │ T+00:02:43               2026-01-01 00:02:43 UTC
┌─ ▶ HOSTS 2 DOWN of 3 hosts ──────────────────────────────────────────────────┐
│  HOST SERVICE CONN       TAG          VERDICT STATE   HEALTH READY RST AGE   │
│  h1   api     DOWN 1m03s v1.4.1       OK      running OK     OK    0   2m    │
│  h1   jobs    DOWN 1m03s v1.5.0 .env! OK      running -      -     0   2m    │
│> h2   api     DOWN 1m03s v1.4.1       OK      running OK     OK    0   2m    │
│  h3   api     UP         v1.4.1       OK      running OK     OK    0   2m    │
└──────────────────────────────────────────────────────────────────────────────┘
┌─ METRICS ────────────────────────────────────┐┌─ RUNBOOK ────────────────────┐
│h2  OK                                        ││ no runbook loaded            │
│  below thresholds: error rate 0.1%, p95 180 …││ open one with -r FILE        │
│  errors 0.1%    ▁ 0–5%                       ││                              │
│  p95    180 ms  ▂ 0–2000 ms                  ││                              │
│  restarts in 5m: unknown                     ││                              │
└─ ▼ 3 more rows (z shows them) ───────────────┘└──────────────────────────────┘
┌─ LOGS ───────────────────────────────────────┐┌─ TIMELINE ───────────────────┐
│ no log stream open                           ││ no incident journal open     │
│                                              ││ (none in screen tests)       │
│                                              ││                              │
│                                              ││                              │
│                                              ││                              │
│                                              ││                              │
└──────────────────────────────────────────────┘└──────────────────────────────┘
 r roll back  B all hosts  X kill switch  A arm  Tab pane  ? help  q quit
EOF
