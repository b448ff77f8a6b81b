#!/bin/sh
# test_metrics_rolledback.sh — 19 s after api-1's rollback ended OK its
# verdict is still held at ROLLBACK IMMEDIATELY, one calm check short. Its
# figures come from its metrics_url, whose error-rate window starts again
# when the tag changes: it holds none of the old release's errors, and
# ("that is false at 1 s scrapes") the held reason does not say it
# does; it says the calm checks it waits for. The calm verdict after is OK.
# (test_metrics_rolledback_reread.sh: a Prometheus host, which says it.)
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_config
sed -i 's|^compose_dir = /srv/app$|compose_dir = /srv/app\nmetrics_url = http://127.0.0.1:8000/metrics|' "$tmp/warroom.conf"
steps '
:resize 120x30
:metrics api-1 error=0.08 p95=1500 restarts=0 rps=23
:rollback api-1
:sleep 19
:metrics api-1 error=0 p95=179 restarts=0 rps=23
:save-screen held
:metrics api-1 error=0 p95=179 restarts=0 rps=23
:save-screen calm
'
run_console -c "$tmp/warroom.conf" --read-only

assert_screen held <<'EOF'
 warroom │ no incident named │ T+00:00:19   READ-ONLY                                           2026-01-01 00:00:19 UTC
┌─ ▶ HOSTS 1 ROLLBACK IMMEDIATELY of 3 hosts ──────────────────────────────────────────────────────────────────────────┐
│  HOST        SERVICE CONN          TAG VERDICT   STATE HEALTH READY VERSION RST AGE DRIVER  ADDRESS                  │
│> api-1       api     not connected     ROLLBACK*       -      -     -               compose 127.0.0.1:2201           │
│  api-1       jobs    not connected     ROLLBACK*       -      -     -               compose 127.0.0.1:2201           │
│  api-2       api     not connected                     -      -     -               compose 127.0.0.1:2202           │
│  k8s-bastion api     not connected     -               -      -     -               k8s     127.0.0.1:2203           │
└──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘
┌─ METRICS ────────────────────────────────────────────────────────────┐┌─ RUNBOOK ────────────────────────────────────┐
│api-1  ROLLBACK IMMEDIATELY (held: 1/2 calm checks)                   ││ no runbook loaded                            │
│  held, 1/2 calm checks: below thresholds: error rate 0%, p95 179 ms,…││ open one with -r FILE                        │
│  errors 0%      █▁ 0–5%                                              ││                                              │
│  p95    179 ms  ▆▂ 0–2000 ms                                         ││                                              │
│  23.0 req/s                                                          ││                                              │
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

assert_screen calm <<'EOF'
 warroom │ no incident named │ T+00:00:19   READ-ONLY                                           2026-01-01 00:00:19 UTC
┌─ ▶ HOSTS ────────────────────────────────────────────────────────────────────────────────────────────────────────────┐
│  HOST        SERVICE CONN          TAG VERDICT STATE HEALTH READY VERSION RST AGE DRIVER  ADDRESS                    │
│> api-1       api     not connected     OK            -      -     -               compose 127.0.0.1:2201             │
│  api-1       jobs    not connected     OK            -      -     -               compose 127.0.0.1:2201             │
│  api-2       api     not connected                   -      -     -               compose 127.0.0.1:2202             │
│  k8s-bastion api     not connected     -             -      -     -               k8s     127.0.0.1:2203             │
└──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘
┌─ METRICS ────────────────────────────────────────────────────────────┐┌─ RUNBOOK ────────────────────────────────────┐
│api-1  OK                                                             ││ no runbook loaded                            │
│  below thresholds: error rate 0%, p95 179 ms, 0 restarts in 5m       ││ open one with -r FILE                        │
│  errors 0%      █▁▁ 0–5%                                             ││                                              │
│  p95    179 ms  ▆▂▂ 0–2000 ms                                        ││                                              │
│  23.0 req/s                                                          ││                                              │
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
