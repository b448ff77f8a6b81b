#!/bin/sh
# test_metrics_rolledback_window.sh — after h1's rollback ended OK its
# Prometheus [1m] window still held the old release's errors; 12 s later
# it said ROLLBACK IMMEDIATELY (error rate 6.26% > 5%), 32 s later
# CONSIDER ROLLBACK (3.6% > 2%), neither held and neither with a word of
# the rollback: the note came only with "(held)", a trap for a second
# rollback. Every bad verdict whose figures still reach back before the
# rollback says so, held or not, in METRICS (the other hosts' rows too);
# once the window is past the rollback, the same CONSIDER is the running
# release's own and says nothing of it.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_config
sed -i 's|^compose_dir = /srv/app$|compose_dir = /srv/app\nprometheus_url = http://127.0.0.1:9090\nerror_rate_query = sum(rate(e{host="{host}"}[1m])) / sum(rate(r{host="{host}"}[1m]))\np95_query = p95{host="{host}"}|' "$tmp/warroom.conf"
steps '
:resize 120x30
:metrics api-1 error=0.08 p95=1500 restarts=0 rps=23
:rollback api-1
:sleep 12
:metrics api-1 error=0.0626 p95=900 restarts=0 rps=23
:save-screen rollback
:sleep 20
:metrics api-1 error=0.036 p95=300 restarts=0 rps=23
:metrics api-1 error=0.036 p95=300 restarts=0 rps=23
:save-screen consider
<Down><Down>
:save-screen other
<Up><Up>
:sleep 30
:metrics api-1 error=0.036 p95=300 restarts=0 rps=23
:save-screen past
'
run_console -c "$tmp/warroom.conf" --read-only

assert_screen rollback <<'EOF'
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

assert_screen consider <<'EOF'
 warroom │ no incident named │ T+00:00:32   READ-ONLY                                           2026-01-01 00:00:32 UTC
┌─ ▶ HOSTS 1 CONSIDER ROLLBACK of 3 hosts ─────────────────────────────────────────────────────────────────────────────┐
│  HOST        SERVICE CONN          TAG VERDICT           STATE HEALTH READY VERSION RST AGE DRIVER  ADDRESS          │
│> api-1       api     not connected     CONSIDER ROLLBACK       -      -     -               compose 127.0.0.1:2201   │
│  api-1       jobs    not connected     CONSIDER ROLLBACK       -      -     -               compose 127.0.0.1:2201   │
│  api-2       api     not connected                             -      -     -               compose 127.0.0.1:2202   │
│  k8s-bastion api     not connected     -                       -      -     -               k8s     127.0.0.1:2203   │
└──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘
┌─ METRICS ────────────────────────────────────────────────────────────┐┌─ RUNBOOK ────────────────────────────────────┐
│api-1  CONSIDER ROLLBACK                                              ││ no runbook loaded                            │
│  error rate 3.6% > 2% — rolled back 32 s ago: the rate window still …││ open one with -r FILE                        │
│  errors 3.6%    ██▆▆ 0–5%                                            ││                                              │
│  p95    300 ms  ▆▄▂▂ 0–2000 ms                                       ││                                              │
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

assert_screen other <<'EOF'
 warroom │ no incident named │ T+00:00:32   READ-ONLY                                           2026-01-01 00:00:32 UTC
┌─ ▶ HOSTS 1 CONSIDER ROLLBACK of 3 hosts ─────────────────────────────────────────────────────────────────────────────┐
│  HOST        SERVICE CONN          TAG VERDICT           STATE HEALTH READY VERSION RST AGE DRIVER  ADDRESS          │
│  api-1       api     not connected     CONSIDER ROLLBACK       -      -     -               compose 127.0.0.1:2201   │
│  api-1       jobs    not connected     CONSIDER ROLLBACK       -      -     -               compose 127.0.0.1:2201   │
│> api-2       api     not connected                             -      -     -               compose 127.0.0.1:2202   │
│  k8s-bastion api     not connected     -                       -      -     -               k8s     127.0.0.1:2203   │
└──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘
┌─ METRICS ────────────────────────────────────────────────────────────┐┌─ RUNBOOK ────────────────────────────────────┐
│ api-2: waiting for Prometheus's first answers                        ││ no runbook loaded                            │
│api-1          CONSIDER ROLLBACK  error rate 3.6% > 2% — rolled back …││ open one with -r FILE                        │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
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
 Enter logs  o order  F filter  C-r poll now  z zoom  Tab pane  ? help  q quit
EOF

assert_screen past <<'EOF'
 warroom │ no incident named │ T+00:01:02   READ-ONLY                                           2026-01-01 00:01:02 UTC
┌─ ▶ HOSTS 1 CONSIDER ROLLBACK of 3 hosts ─────────────────────────────────────────────────────────────────────────────┐
│  HOST        SERVICE CONN          TAG VERDICT           STATE HEALTH READY VERSION RST AGE DRIVER  ADDRESS          │
│> api-1       api     not connected     CONSIDER ROLLBACK       -      -     -               compose 127.0.0.1:2201   │
│  api-1       jobs    not connected     CONSIDER ROLLBACK       -      -     -               compose 127.0.0.1:2201   │
│  api-2       api     not connected                             -      -     -               compose 127.0.0.1:2202   │
│  k8s-bastion api     not connected     -                       -      -     -               k8s     127.0.0.1:2203   │
└──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘
┌─ METRICS ────────────────────────────────────────────────────────────┐┌─ RUNBOOK ────────────────────────────────────┐
│api-1  CONSIDER ROLLBACK                                              ││ no runbook loaded                            │
│  error rate 3.6% > 2%                                                ││ open one with -r FILE                        │
│  errors 3.6%    ██▆▆▆ 0–5%                                           ││                                              │
│  p95    300 ms  ▆▄▂▂▂ 0–2000 ms                                      ││                                              │
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
 Enter logs  o order  F filter  C-r poll now  z zoom  Tab pane  ? help  q quit
EOF
