#!/bin/sh
# test_metrics_nodata.sh — api-1 at ROLLBACK IMMEDIATELY, then its
# /metrics answers HTTP 302: METRICS keeps ROLLBACK IMMEDIATELY, held
# for lack of data since the failed scrape and saying why, with what the
# last data said; the error rate and p95 show no data. Five minutes on,
# the hold gives way to NO DATA (never OK), saying what it was.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_config
sed -i 's|^compose_dir = /srv/app$|compose_dir = /srv/app\nmetrics_url = http://127.0.0.1:8000/metrics|' "$tmp/warroom.conf"
steps '
:resize 120x30
:metrics api-1 error=0.0674 p95=420 restarts=0 rps=23
:sleep 5
:metrics api-1 restarts=0 http=302
:sleep 5
:metrics api-1 restarts=0 http=302
:save-screen held
:sleep 295
:metrics api-1 restarts=0 http=302
:save-screen gave-way
'
run_console -c "$tmp/warroom.conf" --read-only

assert_screen held <<'EOF'
 warroom │ no incident named │ T+00:00:10   READ-ONLY                                           2026-01-01 00:00:10 UTC
┌─ ▶ HOSTS 1 ROLLBACK IMMEDIATELY of 3 hosts ──────────────────────────────────────────────────────────────────────────┐
│  HOST        SERVICE CONN          TAG VERDICT   STATE HEALTH READY VERSION RST AGE DRIVER  ADDRESS                  │
│> api-1       api     not connected     ROLLBACK*       -      -     -               compose 127.0.0.1:2201           │
│  api-1       jobs    not connected     ROLLBACK*       -      -     -               compose 127.0.0.1:2201           │
│  api-2       api     not connected                     -      -     -               compose 127.0.0.1:2202           │
│  k8s-bastion api     not connected     -               -      -     -               k8s     127.0.0.1:2203           │
└──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘
┌─ METRICS ────────────────────────────────────────────────────────────┐┌─ RUNBOOK ────────────────────────────────────┐
│api-1  ROLLBACK IMMEDIATELY (held: no data since 00:00:05)            ││ no runbook loaded                            │
│  held, no data since 00:00:05: before it, error rate 6.74% > 5%; now…││ open one with -r FILE                        │
│  errors no data █·· 0–5%                                             ││                                              │
│  p95    no data ▂·· 0–2000 ms                                        ││                                              │
│  metrics: HTTP 302                                                   ││                                              │
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

assert_screen gave-way <<'EOF'
 warroom │ no incident named │ T+00:05:05   READ-ONLY                                           2026-01-01 00:05:05 UTC
┌─ ▶ HOSTS ────────────────────────────────────────────────────────────────────────────────────────────────────────────┐
│  HOST        SERVICE CONN          TAG VERDICT STATE HEALTH READY VERSION RST AGE DRIVER                             │
│> api-1       api     not connected     NO DATA       -      -     -               compose                            │
│  api-1       jobs    not connected     NO DATA       -      -     -               compose                            │
│  api-2       api     not connected                   -      -     -               compose                            │
│  k8s-bastion api     not connected     -             -      -     -               k8s                                │
└──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘
┌─ METRICS ────────────────────────────────────────────────────────────┐┌─ RUNBOOK ────────────────────────────────────┐
│api-1  NO DATA                                                        ││ no runbook loaded                            │
│  no data for error rate, p95; 0 restarts in 5m; no data since 00:00:…││ open one with -r FILE                        │
│  errors no data █··· 0–5%                                            ││                                              │
│  p95    no data ▂··· 0–2000 ms                                       ││                                              │
│  metrics: HTTP 302                                                   ││                                              │
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
