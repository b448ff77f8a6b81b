#!/bin/sh
# test_metrics_figures_first.sh — a bad verdict whose Prometheus window
# still holds the old release's errors after a rollback says so after its
# figures: at 120 and 80 columns the row keeps "error rate 6.26% > 5%"
# and the note is what the pane's edge cuts; z shows the whole note.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_config
sed -i 's|^compose_dir = /srv/app$|compose_dir = /srv/app\nprometheus_url = http://127.0.0.1:9090\nerror_rate_query = sum(rate(e{host="{host}"}[1m])) / sum(rate(r{host="{host}"}[1m]))\np95_query = p95{host="{host}"}|' "$tmp/warroom.conf"
steps '
:resize 120x30
:metrics api-1 error=0.08 p95=1500 restarts=0 rps=23
:rollback api-1
:sleep 12
:metrics api-1 error=0.0626 p95=900 restarts=0 rps=23
:save-screen wide
:resize 80x24
:save-screen narrow
<Tab>z
:save-screen zoomed
'
run_console -c "$tmp/warroom.conf" --read-only

assert_screen wide <<'EOF'
 warroom │ no incident named │ T+00:00:12   READ-ONLY                                           2026-01-01 00:00:12 UTC
┌─ ▶ HOSTS 1 ROLLBACK IMMEDIATELY of 3 hosts ──────────────────────────────────────────────────────────────────────────┐
│  HOST        SERVICE CONN          TAG VERDICT              STATE HEALTH READY VERSION RST AGE DRIVER  ADDRESS       │
│> api-1       api     not connected     ROLLBACK IMMEDIATELY       -      -     -               compose 127.0.0.1:2201│
│  api-1       jobs    not connected     ROLLBACK IMMEDIATELY       -      -     -               compose 127.0.0.1:2201│
│  api-2       api     not connected                                -      -     -               compose 127.0.0.1:2202│
│  k8s-bastion api     not connected     -                          -      -     -               k8s     127.0.0.1:2203│
└──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘
┌─ METRICS ────────────────────────────────────────────────────────────┐┌─ RUNBOOK ────────────────────────────────────┐
│api-1  ROLLBACK IMMEDIATELY                                           ││ no runbook loaded                            │
│  error rate 6.26% > 5%; p95 900 ms > 500 ms (monitor) — rolled back …││ open one with -r FILE                        │
│  errors 6.26%   ██ 0–5%                                              ││                                              │
│  p95    900 ms  ▆▄ 0–2000 ms                                         ││                                              │
│  23.0 req/s, from Prometheus at http://127.0.0.1:9090                ││                                              │
│  restarts in 5m: unknown                                             ││                                              │
│  rollback >5% >2000ms 3 restarts/5m; consider >2% >1000ms; monitor   ││                                              │
│    >1% >500ms; calm 10% under                                        ││                                              │
└──────────────────────────────────────────────────────────────────────┘└──────────────────────────────────────────────┘
┌─ LOGS ───────────────────────────────────────────────────────────────┐┌─ TIMELINE ───────────────────────────────────┐
│ no log stream open                                                   ││T+00:00:00 action.intent api-1 {"plan":{"acti…│
│                                                                      ││T+00:00:00 action.end api-1 ok — rollback of …│
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
└──────────────────────────────────────────────────────────────────────┘└──────────────────────────────────────────────┘
 config: 1 host without metrics (k8s-bastion: verdict from restarts alone); warroom --check-config lists it
EOF

assert_screen narrow <<'EOF'
 warroom │ no incident named │ T+00:00:12   READ-ONLY   2026-01-01 00:00:12 UTC
┌─ ▶ HOSTS 1 ROLLBACK IMMEDIATELY of 3 hosts ──────────────────────────────────┐
│  HOST        SERVICE CONN          TAG VERDICT              HEALTH READY AGE │
│> api-1       api     not connected     ROLLBACK IMMEDIATELY -      -         │
│  api-1       jobs    not connected     ROLLBACK IMMEDIATELY -      -         │
│  api-2       api     not connected                          -      -         │
│  k8s-bastion api     not connected     -                    -      -         │
└──────────────────────────────────────────────────────────────────────────────┘
┌─ METRICS ────────────────────────────────────┐┌─ RUNBOOK ────────────────────┐
│api-1  ROLLBACK IMMEDIATELY                   ││ no runbook loaded            │
│  error rate 6.26% > 5%; p95 900 ms > 500 ms …││ open one with -r FILE        │
│  errors 6.26%   ██ 0–5%                      ││                              │
│  p95    900 ms  ▆▄ 0–2000 ms                 ││                              │
│  23.0 req/s, from Prometheus at http://127.0…││                              │
└─ ▼ 2 more rows (z shows them) ───────────────┘└──────────────────────────────┘
┌─ LOGS ───────────────────────────────────────┐┌─ TIMELINE ───────────────────┐
│ no log stream open                           ││T+00:00:00 action.intent api-…│
│                                              ││T+00:00:00 action.end api-1 o…│
│                                              ││                              │
│                                              ││                              │
│                                              ││                              │
└──────────────────────────────────────────────┘└──────────────────────────────┘
 config: 1 host without metrics (k8s-bastion: verdict from restarts alone);
 warroom --check-config lists it
EOF

assert_screen zoomed <<'EOF'
 warroom │ no incident named │ T+00:00:12   READ-ONLY   2026-01-01 00:00:12 UTC
┌─ ▶ METRICS (zoomed: z shows every pane) ─────────────────────────────────────┐
│api-1  ROLLBACK IMMEDIATELY                                                   │
│  error rate 6.26% > 5%; p95 900 ms > 500 ms (monitor) — rolled back 12 s ago:│
│    the rate window still holds the old release's errors                      │
│  errors 6.26%   ██ 0–5%                                                      │
│  p95    900 ms  ▆▄ 0–2000 ms                                                 │
│  23.0 req/s, from Prometheus at http://127.0.0.1:9090                        │
│  restarts in 5m: unknown                                                     │
│  rollback at errors > 5%, p95 > 2000 ms, 3 restarts in 5m; consider at errors│
│    > 2%, p95 > 1000 ms; monitor at errors > 1%, p95 > 500 ms; calm 10% under │
│    a level                                                                   │
│                                                                              │
│                                                                              │
│                                                                              │
│                                                                              │
│                                                                              │
│                                                                              │
│                                                                              │
│                                                                              │
│                                                                              │
│                                                                              │
└──────────────────────────────────────────────────────────────────────────────┘
 C-r poll now  z all panes  Tab pane  ? help  q quit
EOF
