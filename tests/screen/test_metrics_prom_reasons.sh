#!/bin/sh
# test_metrics_prom_reasons.sh — a host read from Prometheus: an
# error rate of -0.5 was "OK below thresholds: error rate -50%" (+Inf,
# ROLLBACK IMMEDIATELY "inf%"); of several failing queries only the first
# was named, and a failing request_rate_query never; a wrong path prefix
# said a bare "HTTP 404". Now such figures are no data and say why, every
# failing query is named (each from a row of its own in METRICS), and a
# 404 asks whether prometheus_url is right.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_config
sed -i 's|^timeline_dir = .*|&\nprometheus_url = http://prom:9090\nerror_rate_query = e{host="{host}"}\np95_query = p{host="{host}"}\nrequest_rate_query = r{host="{host}"}|' "$tmp/warroom.conf"
steps '
:resize 120x30
:metrics api-1 error=0.001 p95=182 rps=20 restarts=0
:metrics api-1 error=-0.5 p95=inf rps=20 restarts=0
:save-screen impossible
:metrics api-1 error=none p95=none rps=matrix restarts=0
<Tab>
z
:save-screen every
z
:metrics api-1 http=404 restarts=0
:save-screen prefix
'
run_console -c warroom.conf --read-only

assert_screen impossible <<'EOF'
 warroom │ no incident named │ T+00:00:00   READ-ONLY                                           2026-01-01 00:00:00 UTC
┌─ ▶ HOSTS ────────────────────────────────────────────────────────────────────────────────────────────────────────────┐
│  HOST        SERVICE CONN          TAG VERDICT STATE HEALTH READY VERSION RST AGE DRIVER  ADDRESS                    │
│> api-1       api     not connected     NO DATA       -      -     -               compose 127.0.0.1:2201             │
│  api-1       jobs    not connected     NO DATA       -      -     -               compose 127.0.0.1:2201             │
│  api-2       api     not connected                   -      -     -               compose 127.0.0.1:2202             │
│  k8s-bastion api     not connected                   -      -     -               k8s     127.0.0.1:2203             │
└──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘
┌─ METRICS ────────────────────────────────────────────────────────────┐┌─ RUNBOOK ────────────────────────────────────┐
│api-1  NO DATA                                                        ││ no runbook loaded                            │
│  no data for error rate, p95; 0 restarts in 5m                       ││ open one with -r FILE                        │
│  errors no data ▁· 0–5%                                              ││                                              │
│  p95    no data ▂· 0–2000 ms                                         ││                                              │
│  20.0 req/s, from Prometheus at http://prom:9090                     ││                                              │
│  prometheus: the error-rate query gave -0.5: not a ratio between 0   ││                                              │
│    and 1                                                             ││                                              │
│  the p95 query gave +Inf: not a latency in seconds                   ││                                              │
└─ ▼ 2 more rows (z shows them) ───────────────────────────────────────┘└──────────────────────────────────────────────┘
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
 Enter logs  o order  F filter  C-r poll now  z zoom  Tab pane  ? help  q quit
EOF

assert_screen every <<'EOF'
 warroom │ no incident named │ T+00:00:00   READ-ONLY                                           2026-01-01 00:00:00 UTC
┌─ ▶ METRICS (zoomed: z shows every pane) ─────────────────────────────────────────────────────────────────────────────┐
│api-1  NO DATA                                                                                                        │
│  no data for error rate, p95; 0 restarts in 5m                                                                       │
│  errors no data ▁·· 0–5%                                                                                             │
│  p95    no data ▂·· 0–2000 ms                                                                                        │
│  from Prometheus at http://prom:9090                                                                                 │
│  prometheus: the error-rate query matched no series (is {host} the label value? it was 'api-1') or Prometheus no     │
│    longer has api-1's series (its scrapes failing?)                                                                  │
│  the p95 query matched no series (is {host} the label value? it was 'api-1') or Prometheus no longer has api-1's     │
│    series (its scrapes failing?)                                                                                     │
│  request_rate_query: Prometheus answered a range vector (matrix); want an instant vector or scalar                   │
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
└──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘
 C-r poll now  z all panes  Tab pane  ? help  q quit
EOF

assert_screen prefix <<'EOF'
 warroom │ no incident named │ T+00:00:00   READ-ONLY                                           2026-01-01 00:00:00 UTC
┌─ HOSTS ──────────────────────────────────────────────────────────────────────────────────────────────────────────────┐
│  HOST        SERVICE CONN          TAG VERDICT STATE HEALTH READY VERSION RST AGE DRIVER  ADDRESS                    │
│> api-1       api     not connected     NO DATA       -      -     -               compose 127.0.0.1:2201             │
│  api-1       jobs    not connected     NO DATA       -      -     -               compose 127.0.0.1:2201             │
│  api-2       api     not connected                   -      -     -               compose 127.0.0.1:2202             │
│  k8s-bastion api     not connected                   -      -     -               k8s     127.0.0.1:2203             │
└──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘
┌─ ▶ METRICS ──────────────────────────────────────────────────────────┐┌─ RUNBOOK ────────────────────────────────────┐
│api-1  NO DATA                                                        ││ no runbook loaded                            │
│  no data for error rate, p95; 0 restarts in 5m                       ││ open one with -r FILE                        │
│  errors no data ▁··· 0–5%                                            ││                                              │
│  p95    no data ▂··· 0–2000 ms                                       ││                                              │
│  from Prometheus at http://prom:9090                                 ││                                              │
│  prometheus: HTTP 404: is prometheus_url right? it should be the     ││                                              │
│    server's base URL                                                 ││                                              │
│  restarts in 5m: unknown                                             ││                                              │
│  rollback >5% >2000ms 3 restarts/5m; consider >2% >1000ms; monitor   │└──────────────────────────────────────────────┘
│    >1% >500ms; calm 10% under                                        │┌─ TIMELINE ───────────────────────────────────┐
│                                                                      ││ no incident journal open                     │
│                                                                      ││ (none in screen tests)                       │
│                                                                      ││                                              │
│                                                                      ││                                              │
└──────────────────────────────────────────────────────────────────────┘│                                              │
┌─ LOGS ───────────────────────────────────────────────────────────────┐│                                              │
│ no log stream open                                                   ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
└──────────────────────────────────────────────────────────────────────┘└──────────────────────────────────────────────┘
 C-r poll now  z zoom  Tab pane  ? help  q quit
EOF
