#!/bin/sh
# test_logs_pod_prefix.sh — LOGS at 120x24 zoomed, merging a compose
# service and a k8s pod: the pod's prefix is always short (its name's tail,
# its container dropped when it is the service's name) and the prefixes
# take at most LOGTEXT_PREFIX_MAX columns, so each line's text reaches
# status= and err= at its end. Enter names the whole sources behind them;
# wrapped (w), the short prefix stays and a row goes on under the message.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_config
cat > "$tmp/h1.log" <<'EOF'
h1/api 2026-01-01T00:00:01Z ERROR upstream=payments-gateway retry=3 latency_ms=5012 status=502
h1/api 2026-01-01T00:00:03Z INFO  handler=/v1/items method=GET bytes=1834 latency_ms=12 status=200
EOF
cat > "$tmp/h5.log" <<'EOF'
h5/api [pod/api-7z62hrvt9b-8frx5/api] 2026-01-01T00:00:02Z ERROR db pool exhausted waiting=41 max=40 err=timeout
h5/api [pod/api-7z62hrvt9b-q2n4w/sidecar] 2026-01-01T00:00:04Z WARN  envoy upstream reset reason=overflow err=503
EOF
steps '
:resize 120x24
:logs-tails 2
:logs-tail 1 h1.log
:logs-tail 2 h5.log
3
z
:save-screen merged
<Enter>
:save-screen sources
:resize 80x24
w
:save-screen wrapped
'
run_console -c "$tmp/warroom.conf"

assert_screen merged <<'EOF'
 warroom │ no incident named │ T+00:00:00                                                       2026-01-01 00:00:00 UTC
┌─ ▶ LOGS (zoomed: z shows every pane) ────────────────────────────────────────────────────────────────────────────────┐
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
│h1/api                2026-01-01T00:00:01Z ERROR upstream=payments-gateway retry=3 latency_ms=5012 status=502         │
│h1/api                2026-01-01T00:00:03Z INFO  handler=/v1/items method=GET bytes=1834 latency_ms=12 status=200     │
│h5/api …8frx5         2026-01-01T00:00:02Z ERROR db pool exhausted waiting=41 max=40 err=timeout                      │
│h5/api …q2n4w/sidecar 2026-01-01T00:00:04Z WARN  envoy upstream reset reason=overflow err=503                         │
│h5.log  4 lines                                                                                                       │
└──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘
 config: 3 hosts without metrics (api-1: verdict from restarts alone; +2 more); warroom --check-config lists them
EOF
assert_screen sources <<'EOF'
 warroom │ no incident named │ T+00:00:00                                                       2026-01-01 00:00:00 UTC
┌─ ▶ LOGS (zoomed: z shows every pane) ────────────────────────────────────────────────────────────────────────────────┐
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
│h1/api                2026-01-01T00:00:01Z ERROR upstream=payments-gateway retry=3 latency_ms=5012 status=502         │
│h1/api                2026-01-01T00:00:03Z INFO  handler=/v1/items method=GET bytes=1834 latency_ms=12 status=200     │
│h5/api …8frx5         2026-01-01T00:00:02Z ERROR db pool exhausted waiting=41 max=40 err=timeout                      │
│h5/api …q2n4w/sidecar 2026-01-01T00:00:04Z WARN  envoy upstream reset reason=overflow err=503                         │
│h5.log  4 lines                                                                                                       │
└──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘
 in view: h5/api …8frx5 is h5/api [pod/api-7z62hrvt9b-8frx5/api]; h5/api …q2n4w/sidecar is h5/api
 [pod/api-7z62hrvt9b-q2n4w/sidecar]
EOF
assert_screen wrapped <<'EOF'
 warroom │ no incident named │ T+00:00:00               2026-01-01 00:00:00 UTC
┌─ ▶ LOGS (zoomed: z shows every pane) ────────────────────────────────────────┐
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
│                                                                              │
│h1/api                00:00:01 ERROR upstream=payments-gateway retry=3        │
│                      latency_ms=5012 status=502                              │
│h1/api                00:00:03 INFO  handler=/v1/items method=GET bytes=1834  │
│                      latency_ms=12 status=200                                │
│h5/api …8frx5         00:00:02 ERROR db pool exhausted waiting=41 max=40      │
│                      err=timeout                                             │
│h5/api …q2n4w/sidecar 00:00:04 WARN  envoy upstream reset reason=overflow     │
│                      err=503                                                 │
│h5.log  4 lines  wrap                                                         │
└──────────────────────────────────────────────────────────────────────────────┘
 / filter  z all panes  n next match  N prev match  Tab pane  ? help  q quit
EOF
