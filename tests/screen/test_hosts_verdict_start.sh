#!/bin/sh
# test_hosts_verdict_start.sh — for the first seconds every
# VERDICT cell read NO DATA, where warroom(1) says blank before the
# host's first verdict. A start-up round whose rate waits for its second
# scrape is no verdict (decide_first_verdict): h2's cell stays blank,
# and so is h3's after one failed scrape; its second makes NO DATA its
# first verdict (as the journal records it), shown. h1 has figures: OK.
# METRICS lists neither waiting host, and selected, h3 says it waits and
# why. At 160 and 80 columns; o by verdict keeps the blank rows last.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_scale_config 4 0
steps ":state h1 api conn=up tag=v1.4.1 state=running healthz=ok readyz=ok
:state h2 api conn=up tag=v1.4.1 state=running healthz=ok readyz=ok
:state h3 api conn=up tag=v1.4.1 state=running healthz=ok readyz=ok
:state h4 api conn=up tag=v1.4.1 state=running healthz=ok readyz=ok
:metrics h1 error=0.001 p95=180 restarts=0 requests=100
:metrics h2
:metrics h3 http=500
:resize 160x45
<Down><Down>
:save-screen wide
:metrics h3 http=500
:resize 80x24
oo
:save-screen narrow
"
run_console -c "$tmp/warroom.conf"

assert_screen wide <<'EOF'
 warroom │ no incident named │ T+00:00:00                                                                                               2026-01-01 00:00:00 UTC
┌─ ▶ HOSTS ────────────────────────────────────────────────────────────────────────────────────┐┌─ RUNBOOK ────────────────────────────────────────────────────┐
│  HOST SERVICE CONN TAG    VERDICT STATE   HEALTH READY VERSION RST AGE DRIVER  ADDRESS       ││ no runbook loaded                                            │
│  h1   api     UP   v1.4.1 OK      running OK     OK            -   0s  compose 127.0.0.1:2201││ open one with -r FILE                                        │
│  h2   api     UP   v1.4.1         running OK     OK            -   0s  compose 127.0.0.1:2202││                                                              │
│> h3   api     UP   v1.4.1         running OK     OK            -   0s  compose 127.0.0.1:2203││                                                              │
│  h4   api     UP   v1.4.1         running OK     OK            -   0s  compose 127.0.0.1:2204││                                                              │
└──────────────────────────────────────────────────────────────────────────────────────────────┘│                                                              │
┌─ METRICS ────────────────────────────────────────────────────────────────────────────────────┐│                                                              │
│ h3: waiting for the first scrapes — metrics: HTTP 500                                        ││                                                              │
│h1             OK  below thresholds: error rate 0.1%, p95 180 ms, 0 restarts in 5m            ││                                                              │
│                                                                                              ││                                                              │
│                                                                                              ││                                                              │
│                                                                                              ││                                                              │
│                                                                                              ││                                                              │
│                                                                                              ││                                                              │
│                                                                                              ││                                                              │
│                                                                                              ││                                                              │
│                                                                                              ││                                                              │
│                                                                                              ││                                                              │
│                                                                                              ││                                                              │
│                                                                                              ││                                                              │
└──────────────────────────────────────────────────────────────────────────────────────────────┘│                                                              │
┌─ LOGS ───────────────────────────────────────────────────────────────────────────────────────┐│                                                              │
│ no log stream open                                                                           ││                                                              │
│                                                                                              │└──────────────────────────────────────────────────────────────┘
│                                                                                              │┌─ TIMELINE ───────────────────────────────────────────────────┐
│                                                                                              ││ no incident journal open                                     │
│                                                                                              ││ (none in screen tests)                                       │
│                                                                                              ││                                                              │
│                                                                                              ││                                                              │
│                                                                                              ││                                                              │
│                                                                                              ││                                                              │
│                                                                                              ││                                                              │
│                                                                                              ││                                                              │
│                                                                                              ││                                                              │
│                                                                                              ││                                                              │
│                                                                                              ││                                                              │
│                                                                                              ││                                                              │
│                                                                                              ││                                                              │
│                                                                                              ││                                                              │
│                                                                                              ││                                                              │
│                                                                                              ││                                                              │
└──────────────────────────────────────────────────────────────────────────────────────────────┘└──────────────────────────────────────────────────────────────┘
 r roll back  B all hosts  X kill switch  A arm  Enter logs  o order  F filter  C-r poll now  z zoom  Tab pane  ? help  q quit
EOF

assert_screen narrow <<'EOF'
 warroom │ no incident named │ T+00:00:00               2026-01-01 00:00:00 UTC
┌─ ▶ HOSTS by verdict ─────────────────────────────────────────────────────────┐
│  HOST SERVICE CONN TAG    VERDICT STATE   HEALTH READY VERSION RST AGE       │
│> h3   api     UP   v1.4.1 NO DATA running OK     OK            -   0s        │
│  h1   api     UP   v1.4.1 OK      running OK     OK            -   0s        │
│  h2   api     UP   v1.4.1         running OK     OK            -   0s        │
│  h4   api     UP   v1.4.1         running OK     OK            -   0s        │
└──────────────────────────────────────────────────────────────────────────────┘
┌─ METRICS ────────────────────────────────────┐┌─ RUNBOOK ────────────────────┐
│h3  NO DATA                                   ││ no runbook loaded            │
│  no data for error rate, p95, restarts       ││ open one with -r FILE        │
│  errors no data ·· 0–5%                      ││                              │
│  p95    no data ·· 0–2000 ms                 ││                              │
│  metrics: HTTP 500                           ││                              │
└─ ▼ 3 more rows (z shows them) ───────────────┘└──────────────────────────────┘
┌─ LOGS ───────────────────────────────────────┐┌─ TIMELINE ───────────────────┐
│ no log stream open                           ││ no incident journal open     │
│                                              ││ (none in screen tests)       │
│                                              ││                              │
│                                              ││                              │
│                                              ││                              │
│                                              ││                              │
└──────────────────────────────────────────────┘└──────────────────────────────┘
 HOSTS by verdict, worst first
EOF
