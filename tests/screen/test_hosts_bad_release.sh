#!/bin/sh
# test_hosts_bad_release.sh — after api was rolled back from v1.5.0-bad on
# h1 alone, h1's jobs and h2's jobs still ran v1.5.0-bad while their rows
# read OK (their hosts' metrics, api's, are calm again) and the title
# counted neither. A row running a release this incident judged bad says
# so in VERDICT (BAD RELEASE, its host's verdict after it; brief BAD REL
# at 80 columns), in the bad colour, and the title counts its host
# ("2 on a bad release"); selected, the line under the table says why it
# is bad. h1's api, on v1.4.1, stays OK.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_scale_config 3 2
steps "$(scale_steps 3 2)
:state h1 jobs tag=v1.5.0-bad
:state h2 jobs tag=v1.5.0-bad
:rollback h1
:resize 120x30
:save-screen wide
:resize 80x24
<Down>
:save-screen narrow
"
run_console -c "$tmp/warroom.conf"

assert_screen wide <<'EOF'
 warroom │ no incident named │ T+00:00:00                                                       2026-01-01 00:00:00 UTC
┌─ ▶ HOSTS 2 on a bad release of 3 hosts ──────────────────────────────────────────────────────────────────────────────┐
│  HOST SERVICE CONN TAG        VERDICT          STATE   HEALTH READY VERSION RST AGE DRIVER  ADDRESS                  │
│> h1   api     UP   v1.4.1     OK               running OK     OK            0   0s  compose 127.0.0.1:2201           │
│  h1   jobs    UP   v1.5.0-bad BAD RELEASE (OK) running -      -     -       0   0s  compose 127.0.0.1:2201           │
│  h2   api     UP   v1.4.1     OK               running OK     OK            0   0s  compose 127.0.0.1:2202           │
│  h2   jobs    UP   v1.5.0-bad BAD RELEASE (OK) running -      -     -       0   0s  compose 127.0.0.1:2202           │
│  h3   api     UP   v1.4.1     OK               running OK     OK            0   0s  compose 127.0.0.1:2203           │
└──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘
┌─ METRICS ────────────────────────────────────────────────────────────┐┌─ RUNBOOK ────────────────────────────────────┐
│h1  OK                                                                ││ no runbook loaded                            │
│  below thresholds: error rate 0.1%, p95 180 ms, 0 restarts in 5m     ││ open one with -r FILE                        │
│  errors 0.1%    ▁ 0–5%                                               ││                                              │
│  p95    180 ms  ▂ 0–2000 ms                                          ││                                              │
│  restarts in 5m: unknown                                             ││                                              │
│  rollback >5% >2000ms 3 restarts/5m; consider >2% >1000ms; monitor >…││                                              │
│h2             OK  below thresholds: error rate 0.1%, p95 180 ms, 0 r…││                                              │
│h3             OK  below thresholds: error rate 0.1%, p95 180 ms, 0 r…││                                              │
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
└──────────────────────────────────────────────────────────────────────┘└──────────────────────────────────────────────┘
 r roll back  B all hosts  X kill switch  A arm  Enter logs  o order  F filter  Tab pane  ? help  q quit
EOF

assert_screen narrow <<'EOF'
 warroom │ no incident named │ T+00:00:00               2026-01-01 00:00:00 UTC
┌─ ▶ HOSTS 2 on a bad release of 3 hosts ──────────────────────────────────────┐
│  HOST SERVICE CONN TAG        VERDICT          STATE   HEALTH READY RST AGE  │
│  h1   api     UP   v1.4.1     OK               running OK     OK    0   0s   │
│> h1   jobs    UP   v1.5.0-bad BAD RELEASE (OK) running -      -     0   0s   │
│  h2   api     UP   v1.4.1     OK               running OK     OK    0   0s   │
│  h2   jobs    UP   v1.5.0-bad BAD RELEASE (OK) running -      -     0   0s   │
│  h3   api     UP   v1.4.1     OK               running OK     OK    0   0s   │
│h1/jobs runs a bad release, v1.5.0-bad: h1 rolled back from it at 00:00       │
└──────────────────────────────────────────────────────────────────────────────┘
┌─ METRICS ────────────────────────────────────┐┌─ RUNBOOK ────────────────────┐
│h1  OK                                        ││ no runbook loaded            │
│  below thresholds: error rate 0.1%, p95 180 …││ open one with -r FILE        │
│  errors 0.1%    ▁ 0–5%                       ││                              │
│  p95    180 ms  ▂ 0–2000 ms                  ││                              │
└─ ▼ 4 more rows (z shows them) ───────────────┘└──────────────────────────────┘
┌─ LOGS ───────────────────────────────────────┐┌─ TIMELINE ───────────────────┐
│ no log stream open                           ││T+00:00:00 action.intent h1 {…│
│                                              ││T+00:00:00 action.end h1 ok —…│
│                                              ││                              │
│                                              ││                              │
│                                              ││                              │
└──────────────────────────────────────────────┘└──────────────────────────────┘
 r roll back  B all hosts  X kill switch  A arm  Tab pane  ? help  q quit
EOF
