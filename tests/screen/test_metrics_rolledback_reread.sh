#!/bin/sh
# test_metrics_rolledback_reread.sh — a rollback that ended UNKNOWN and
# was settled OK by the re-read after it ("OK after re-read") left a held
# verdict silent: only an action.end saying ok counted. It counts, settled
# so, from the rollback's own end, not from the re-read ("6 s ago" for
# an undo run 95 s before, settled by the re-read after a restart).
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_config
# From Prometheus: its query's range still holds the old release's errors.
sed -i 's|^compose_dir = /srv/app$|compose_dir = /srv/app\nprometheus_url = http://127.0.0.1:9090\nerror_rate_query = sum(rate(e{host="{host}"}[5m]))\np95_query = p95{host="{host}"}|' "$tmp/warroom.conf"
steps '
:resize 120x30
:metrics api-1 error=0.08 p95=1500 restarts=0 rps=23
:rollback api-1 unknown
:sleep 6
:reconcile api-1 ok
:sleep 13
:metrics api-1 error=0 p95=179 restarts=0 rps=23
:save-screen held
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
│  23.0 req/s, from Prometheus at http://127.0.0.1:9090                ││                                              │
│  restarts in 5m: unknown                                             ││                                              │
│  rollback >5% >2000ms 3 restarts/5m; consider >2% >1000ms; monitor   ││                                              │
│    >1% >500ms; calm 10% under                                        ││                                              │
└──────────────────────────────────────────────────────────────────────┘└──────────────────────────────────────────────┘
┌─ LOGS ───────────────────────────────────────────────────────────────┐┌─ TIMELINE ───────────────────────────────────┐
│ no log stream open                                                   ││T+00:00:00 action.intent api-1 {"plan":{"acti…│
│                                                                      ││T+00:00:00 action.end api-1 unknown — rollbac…│
│                                                                      ││T+00:00:06 action.reconcile api-1 ok — rollba…│
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
└──────────────────────────────────────────────────────────────────────┘└──────────────────────────────────────────────┘
 config: 1 host without metrics (k8s-bastion: verdict from restarts alone); warroom --check-config lists it
EOF
