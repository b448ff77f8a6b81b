#!/bin/sh
# test_metrics_prom_up.sh — a host read from Prometheus with an up_query:
# up 0 makes every figure of the round no data, said first in up_query's
# words, with every other query that gave none after it (one out of
# range here); an up_query without {host} that every host asks is as
# fleet-wide as any other query, and said so under the figures.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_config
sed -i 's|^timeline_dir = .*|&\nprometheus_url = http://prom:9090\nerror_rate_query = e{host="{host}"}\np95_query = p{host="{host}"}\nup_query = min(up{job="api"})|' "$tmp/warroom.conf"
steps '
:resize 120x30
:metrics api-1 error=0.001 p95=182 up=1 restarts=0
:metrics api-1 error=0.001 p95=-200 up=0 restarts=0
<Tab>
z
:save-screen up
'
run_console -c warroom.conf --read-only

assert_screen up <<'EOF'
 warroom │ no incident named │ T+00:00:00   READ-ONLY                                           2026-01-01 00:00:00 UTC
┌─ ▶ METRICS (zoomed: z shows every pane) ─────────────────────────────────────────────────────────────────────────────┐
│api-1  NO DATA                                                                                                        │
│  no data for error rate, p95; 0 restarts in 5m                                                                       │
│  errors no data ▁· 0–5%                                                                                              │
│  p95    no data ▂· 0–2000 ms                                                                                         │
│  fleet-wide up check (its query has no {host}), also on api-2, k8s-bastion                                           │
│  from Prometheus at http://prom:9090                                                                                 │
│  Prometheus cannot scrape api-1 (up is 0)                                                                            │
│  the p95 query gave -0.2: not a latency in seconds                                                                   │
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
 warning: warroom.conf:6: up_query has no {host}: hosts api-1, api-2 and k8s-bastion ask http://prom:9090 the same
 query, so each verdict rests on one fleet-wide figure (a bad host diluted, healthy ones blamed); select each host's
 series with {host}, such as host="{host}"
EOF
