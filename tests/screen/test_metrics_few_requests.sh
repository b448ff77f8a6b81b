#!/bin/sh
# test_metrics_few_requests.sh — api-1 at ROLLBACK IMMEDIATELY on 30 5xx
# of 400 requests (the count said with the rate), then a quiet interval of
# 5 requests: too few to judge (min_requests 10, the default), so no calm
# check; the level stays, held, and its reason (zoomed: all of it) says
# why first. Five minutes on, still too few: the hold gives way, as it
# does for missing data, to NO DATA (not OK: nobody judged the rate).
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_config
sed -i 's|^compose_dir = /srv/app$|compose_dir = /srv/app\nmetrics_url = http://127.0.0.1:8000/metrics|' "$tmp/warroom.conf"
steps '
:resize 120x30
:metrics api-1 error=0.075 requests=400 p95=120 restarts=0 rps=80
:save-screen judged
:sleep 5
:metrics api-1 error=0 requests=5 p95=120 restarts=0 rps=1
:sleep 5
:metrics api-1 error=0 requests=5 p95=120 restarts=0 rps=1
2
z
:save-screen held
:sleep 300
:metrics api-1 error=0 requests=5 p95=120 restarts=0 rps=1
:save-screen given
'
run_console -c "$tmp/warroom.conf" --read-only

assert_screen judged <<'EOF'
 warroom │ no incident named │ T+00:00:00   READ-ONLY                                           2026-01-01 00:00:00 UTC
┌─ ▶ HOSTS 1 ROLLBACK IMMEDIATELY of 3 hosts ──────────────────────────────────────────────────────────────────────────┐
│  HOST        SERVICE CONN          TAG VERDICT              STATE HEALTH READY VERSION RST AGE DRIVER  ADDRESS       │
│> api-1       api     not connected     ROLLBACK IMMEDIATELY       -      -     -               compose 127.0.0.1:2201│
│  api-1       jobs    not connected     ROLLBACK IMMEDIATELY       -      -     -               compose 127.0.0.1:2201│
│  api-2       api     not connected                                -      -     -               compose 127.0.0.1:2202│
│  k8s-bastion api     not connected     -                          -      -     -               k8s     127.0.0.1:2203│
└──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘
┌─ METRICS ────────────────────────────────────────────────────────────┐┌─ RUNBOOK ────────────────────────────────────┐
│api-1  ROLLBACK IMMEDIATELY                                           ││ no runbook loaded                            │
│  error rate 7.5% (30 of 400 requests) > 5%                           ││ open one with -r FILE                        │
│  errors 7.5%    █ 0–5%                                               ││                                              │
│  p95    120 ms  ▁ 0–2000 ms                                          ││                                              │
│  80.0 req/s                                                          ││                                              │
│  restarts in 5m: unknown                                             ││                                              │
│  rollback >5% >2000ms 3 restarts/5m; consider >2% >1000ms; monitor   ││                                              │
│    >1% >500ms; calm 10% under                                        ││                                              │
└──────────────────────────────────────────────────────────────────────┘└──────────────────────────────────────────────┘
┌─ LOGS ───────────────────────────────────────────────────────────────┐┌─ TIMELINE ───────────────────────────────────┐
│ no log stream open                                                   ││ no incident journal open                     │
│                                                                      ││ (none in screen tests)                       │
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

assert_screen held <<'EOF'
 warroom │ no incident named │ T+00:00:10   READ-ONLY                                           2026-01-01 00:00:10 UTC
┌─ ▶ METRICS (zoomed: z shows every pane) ─────────────────────────────────────────────────────────────────────────────┐
│api-1  ROLLBACK IMMEDIATELY (held: error rate not judged since 00:00:05)                                              │
│  held, error rate not judged since 00:00:05: before it, error rate 7.5% (30 of 400 requests) > 5%; now error rate 0%,│
│    p95 120 ms (0 of 5 requests: too few to judge, min_requests 10); below thresholds: 0 restarts in 5m               │
│  errors 0%      █▁▁ 0–5%                                                                                             │
│  p95    120 ms  ▁▁▁ 0–2000 ms                                                                                        │
│  1.0 req/s                                                                                                           │
│  restarts in 5m: unknown                                                                                             │
│  rollback at errors > 5%, p95 > 2000 ms, 3 restarts in 5m; consider at errors > 2%, p95 > 1000 ms; monitor at errors │
│    > 1%, p95 > 500 ms; calm 10% under a level                                                                        │
│                                                                                                                      │
│                                                                                                                      │
│                                                                                                                      │
│                                                                                                                      │
│                                                                                                                      │
│                                                                                                                      │
│                                                                                                                      │
│                                                                                                                      │
│                                                                                                                      │
│                                                                                                                      │
│                                                                                                                      │
│                                                                                                                      │
│                                                                                                                      │
│                                                                                                                      │
│                                                                                                                      │
│                                                                                                                      │
│                                                                                                                      │
└──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘
 C-r poll now  z all panes  Tab pane  ? help  q quit
EOF

assert_screen given <<'EOF'
 warroom │ no incident named │ T+00:05:10   READ-ONLY                                           2026-01-01 00:05:10 UTC
┌─ ▶ METRICS (zoomed: z shows every pane) ─────────────────────────────────────────────────────────────────────────────┐
│api-1  NO DATA                                                                                                        │
│  error rate 0%, p95 120 ms (0 of 5 requests: too few to judge, min_requests 10); 0 restarts in 5m; error rate not    │
│    judged since 00:00:05 after ROLLBACK IMMEDIATELY                                                                  │
│  errors 0%      █▁▁▁ 0–5%                                                                                            │
│  p95    120 ms  ▁▁▁▁ 0–2000 ms                                                                                       │
│  1.0 req/s                                                                                                           │
│  restarts in 5m: unknown                                                                                             │
│  rollback at errors > 5%, p95 > 2000 ms, 3 restarts in 5m; consider at errors > 2%, p95 > 1000 ms; monitor at errors │
│    > 1%, p95 > 500 ms; calm 10% under a level                                                                        │
│                                                                                                                      │
│                                                                                                                      │
│                                                                                                                      │
│                                                                                                                      │
│                                                                                                                      │
│                                                                                                                      │
│                                                                                                                      │
│                                                                                                                      │
│                                                                                                                      │
│                                                                                                                      │
│                                                                                                                      │
│                                                                                                                      │
│                                                                                                                      │
│                                                                                                                      │
│                                                                                                                      │
│                                                                                                                      │
│                                                                                                                      │
└──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘
 C-r poll now  z all panes  Tab pane  ? help  q quit
EOF
