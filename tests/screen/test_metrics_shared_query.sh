#!/bin/sh
# test_metrics_shared_query.sh — an error_rate_query without {host} in
# [warroom] gave every host the same fleet-wide figure (a healthy host
# CONSIDER ROLLBACK, the bad one diluted), and nothing said so. The start
# says it in the footer, as --check-config does, until a key and a while
# after; METRICS says it under the figures for as long as they show.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_config
sed -i 's|^timeline_dir = .*|&\nprometheus_url = http://prom:9090\nerror_rate_query = sum(rate(e[1m])) / sum(rate(r[1m]))\np95_query = p95{host="{host}"}|' "$tmp/warroom.conf"
steps '
:resize 120x30
:metrics api-1 error=0.0204 p95=182 restarts=0
:save-screen start
<Tab>
:sleep 7
:save-screen read
'
run_console -c warroom.conf --read-only

assert_screen start <<'EOF'
 warroom │ no incident named │ T+00:00:00   READ-ONLY                                           2026-01-01 00:00:00 UTC
┌─ ▶ HOSTS 1 CONSIDER ROLLBACK of 3 hosts ─────────────────────────────────────────────────────────────────────────────┐
│  HOST        SERVICE CONN          TAG VERDICT           STATE HEALTH READY VERSION RST AGE DRIVER  ADDRESS          │
│> api-1       api     not connected     CONSIDER ROLLBACK       -      -     -               compose 127.0.0.1:2201   │
│  api-1       jobs    not connected     CONSIDER ROLLBACK       -      -     -               compose 127.0.0.1:2201   │
│  api-2       api     not connected                             -      -     -               compose 127.0.0.1:2202   │
│  k8s-bastion api     not connected                             -      -     -               k8s     127.0.0.1:2203   │
└──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘
┌─ METRICS ────────────────────────────────────────────────────────────┐┌─ RUNBOOK ────────────────────────────────────┐
│api-1  CONSIDER ROLLBACK                                              ││ no runbook loaded                            │
│  error rate 2.04% > 2%                                               ││ open one with -r FILE                        │
│  errors 2.04%   ▄ 0–5%                                               ││                                              │
│  p95    182 ms  ▂ 0–2000 ms                                          ││                                              │
│  fleet-wide error rate (its query has no {host}), also on api-2, k8s…││                                              │
│  from Prometheus at http://prom:9090                                 ││                                              │
│  restarts in 5m: unknown                                             ││                                              │
│  rollback >5% >2000ms 3 restarts/5m; consider >2% >1000ms; monitor >…││                                              │
└──────────────────────────────────────────────────────────────────────┘└──────────────────────────────────────────────┘
┌─ LOGS ───────────────────────────────────────────────────────────────┐┌─ TIMELINE ───────────────────────────────────┐
│ no log stream open                                                   ││ no incident journal open                     │
│                                                                      ││ (none in screen tests)                       │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
│                                                                      ││                                              │
└──────────────────────────────────────────────────────────────────────┘└──────────────────────────────────────────────┘
 warning: warroom.conf:4: error_rate_query has no {host}: hosts api-1, api-2 and k8s-bastion ask http://prom:9090 the
 same query, so each verdict rests on one fleet-wide figure (a bad host diluted, healthy ones blamed); select each
 host's series with {host}, such as host="{host}"
EOF

assert_screen read <<'EOF'
 warroom │ no incident named │ T+00:00:07   READ-ONLY                                           2026-01-01 00:00:07 UTC
┌─ HOSTS 1 CONSIDER ROLLBACK of 3 hosts ───────────────────────────────────────────────────────────────────────────────┐
│  HOST        SERVICE CONN          TAG VERDICT           STATE HEALTH READY VERSION RST AGE DRIVER  ADDRESS          │
│> api-1       api     not connected     CONSIDER ROLLBACK       -      -     -               compose 127.0.0.1:2201   │
│  api-1       jobs    not connected     CONSIDER ROLLBACK       -      -     -               compose 127.0.0.1:2201   │
│  api-2       api     not connected                             -      -     -               compose 127.0.0.1:2202   │
│  k8s-bastion api     not connected                             -      -     -               k8s     127.0.0.1:2203   │
└──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘
┌─ ▶ METRICS ──────────────────────────────────────────────────────────┐┌─ RUNBOOK ────────────────────────────────────┐
│api-1  CONSIDER ROLLBACK                                              ││ no runbook loaded                            │
│  error rate 2.04% > 2%                                               ││ open one with -r FILE                        │
│  errors 2.04%   ▄ 0–5%                                               ││                                              │
│  p95    182 ms  ▂ 0–2000 ms                                          ││                                              │
│  fleet-wide error rate (its query has no {host}), also on api-2, k8s…││                                              │
│  from Prometheus at http://prom:9090                                 ││                                              │
│  restarts in 5m: unknown                                             ││                                              │
│  rollback >5% >2000ms 3 restarts/5m; consider >2% >1000ms; monitor   ││                                              │
│    >1% >500ms; calm 10% under                                        │└──────────────────────────────────────────────┘
│                                                                      │┌─ TIMELINE ───────────────────────────────────┐
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
