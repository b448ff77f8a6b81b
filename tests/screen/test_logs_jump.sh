#!/bin/sh
# test_logs_jump.sh — @ jumps LOGS to the first line stamped at or after
# a moment typed as a UTC clock time (yesterday's when today's is still to
# come) or as a span ago, shows it at the top and pauses there; a moment
# older than every line shows the oldest and says so; a later one, or a
# moment it cannot read, leaves LOGS as it was.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_config
# 600 lines a second apart, 23:50:00 to 23:59:59 the day before the clock.
python3 -c '
for i in range(600):
    print("api-1/api 2025-12-31T23:%02d:%02d.000Z INFO  seq=%d" % (50 + i // 60, i % 60, i))
' > "$tmp/api.log"
steps '
:logs api.log
3
@23:55<Enter>
:save-screen clock
@2m<Enter>
:save-screen ago
@10:00<Enter>
:save-screen oldest
@0s<Enter>
:save-screen later
@soon<Enter>
:save-screen unread
'
run_console -c "$tmp/warroom.conf"

assert_screen clock <<'EOF'
 warroom │ no incident named │ T+00:00:00               2026-01-01 00:00:00 UTC
┌─ HOSTS ──────────────────────────────────────────────────────────────────────┐
│  HOST        SERVICE CONN          TAG STATE HEALTH READY VERSION RST AGE    │
│> api-1       api     not connected           -      -     -                  │
│  api-1       jobs    not connected           -      -     -                  │
│  api-2       api     not connected           -      -     -                  │
│  k8s-bastion api     not connected           -      -     -                  │
└──────────────────────────────────────────────────────────────────────────────┘
┌─ METRICS ────────────────────────────────────┐┌─ RUNBOOK ────────────────────┐
│ api-1: no metrics_url in the config          ││ no runbook loaded            │
│                                              ││ open one with -r FILE        │
│                                              ││                              │
└──────────────────────────────────────────────┘│                              │
┌─ ▶ LOGS ─────────────────────────────────────┐│                              │
│api-1/api 2025-12-31 23:55:00 INFO  seq=300   │└──────────────────────────────┘
│api-1/api 2025-12-31 23:55:01 INFO  seq=301   │┌─ TIMELINE ───────────────────┐
│api-1/api 2025-12-31 23:55:02 INFO  seq=302   ││ no incident journal open     │
│api-1/api 2025-12-31 23:55:03 INFO  seq=303   ││ (none in screen tests)       │
│api-1/api 2025-12-31 23:55:04 INFO  seq=304   ││                              │
│api-1/api 2025-12-31 23:55:05 INFO  seq=305   ││                              │
│api-1/api 2025-12-31 23:55:06 INFO  seq=306   ││                              │
│api.log  600 lines  PAUSED +0 new (f follows) ││                              │
└──────────────────────────────────────────────┘└──────────────────────────────┘
 LOGS from 23:55:00 UTC, paused (f follows again)
EOF

assert_screen ago <<'EOF'
 warroom │ no incident named │ T+00:00:00               2026-01-01 00:00:00 UTC
┌─ HOSTS ──────────────────────────────────────────────────────────────────────┐
│  HOST        SERVICE CONN          TAG STATE HEALTH READY VERSION RST AGE    │
│> api-1       api     not connected           -      -     -                  │
│  api-1       jobs    not connected           -      -     -                  │
│  api-2       api     not connected           -      -     -                  │
│  k8s-bastion api     not connected           -      -     -                  │
└──────────────────────────────────────────────────────────────────────────────┘
┌─ METRICS ────────────────────────────────────┐┌─ RUNBOOK ────────────────────┐
│ api-1: no metrics_url in the config          ││ no runbook loaded            │
│                                              ││ open one with -r FILE        │
│                                              ││                              │
└──────────────────────────────────────────────┘│                              │
┌─ ▶ LOGS ─────────────────────────────────────┐│                              │
│api-1/api 2025-12-31 23:58:00 INFO  seq=480   │└──────────────────────────────┘
│api-1/api 2025-12-31 23:58:01 INFO  seq=481   │┌─ TIMELINE ───────────────────┐
│api-1/api 2025-12-31 23:58:02 INFO  seq=482   ││ no incident journal open     │
│api-1/api 2025-12-31 23:58:03 INFO  seq=483   ││ (none in screen tests)       │
│api-1/api 2025-12-31 23:58:04 INFO  seq=484   ││                              │
│api-1/api 2025-12-31 23:58:05 INFO  seq=485   ││                              │
│api-1/api 2025-12-31 23:58:06 INFO  seq=486   ││                              │
│api.log  600 lines  PAUSED +0 new (f follows) ││                              │
└──────────────────────────────────────────────┘└──────────────────────────────┘
 LOGS from 23:58:00 UTC, paused (f follows again)
EOF

assert_screen oldest <<'EOF'
 warroom │ no incident named │ T+00:00:00               2026-01-01 00:00:00 UTC
┌─ HOSTS ──────────────────────────────────────────────────────────────────────┐
│  HOST        SERVICE CONN          TAG STATE HEALTH READY VERSION RST AGE    │
│> api-1       api     not connected           -      -     -                  │
│  api-1       jobs    not connected           -      -     -                  │
│  api-2       api     not connected           -      -     -                  │
│  k8s-bastion api     not connected           -      -     -                  │
└──────────────────────────────────────────────────────────────────────────────┘
┌─ METRICS ────────────────────────────────────┐┌─ RUNBOOK ────────────────────┐
│ api-1: no metrics_url in the config          ││ no runbook loaded            │
│                                              ││ open one with -r FILE        │
│                                              ││                              │
└──────────────────────────────────────────────┘│                              │
┌─ ▶ LOGS ─────────────────────────────────────┐│                              │
│api-1/api 2025-12-31 23:50:00 INFO  seq=0     │└──────────────────────────────┘
│api-1/api 2025-12-31 23:50:01 INFO  seq=1     │┌─ TIMELINE ───────────────────┐
│api-1/api 2025-12-31 23:50:02 INFO  seq=2     ││ no incident journal open     │
│api-1/api 2025-12-31 23:50:03 INFO  seq=3     ││ (none in screen tests)       │
│api-1/api 2025-12-31 23:50:04 INFO  seq=4     ││                              │
│api-1/api 2025-12-31 23:50:05 INFO  seq=5     ││                              │
│api-1/api 2025-12-31 23:50:06 INFO  seq=6     ││                              │
│api.log  600 lines  PAUSED +0 new (f follows) ││                              │
└──────────────────────────────────────────────┘└──────────────────────────────┘
 LOGS from its oldest line, 23:50:00 UTC (none from 10:00:00 kept)
EOF

assert_screen later <<'EOF'
 warroom │ no incident named │ T+00:00:00               2026-01-01 00:00:00 UTC
┌─ HOSTS ──────────────────────────────────────────────────────────────────────┐
│  HOST        SERVICE CONN          TAG STATE HEALTH READY VERSION RST AGE    │
│> api-1       api     not connected           -      -     -                  │
│  api-1       jobs    not connected           -      -     -                  │
│  api-2       api     not connected           -      -     -                  │
│  k8s-bastion api     not connected           -      -     -                  │
└──────────────────────────────────────────────────────────────────────────────┘
┌─ METRICS ────────────────────────────────────┐┌─ RUNBOOK ────────────────────┐
│ api-1: no metrics_url in the config          ││ no runbook loaded            │
│                                              ││ open one with -r FILE        │
│                                              ││                              │
└──────────────────────────────────────────────┘│                              │
┌─ ▶ LOGS ─────────────────────────────────────┐│                              │
│api-1/api 2025-12-31 23:50:00 INFO  seq=0     │└──────────────────────────────┘
│api-1/api 2025-12-31 23:50:01 INFO  seq=1     │┌─ TIMELINE ───────────────────┐
│api-1/api 2025-12-31 23:50:02 INFO  seq=2     ││ no incident journal open     │
│api-1/api 2025-12-31 23:50:03 INFO  seq=3     ││ (none in screen tests)       │
│api-1/api 2025-12-31 23:50:04 INFO  seq=4     ││                              │
│api-1/api 2025-12-31 23:50:05 INFO  seq=5     ││                              │
│api-1/api 2025-12-31 23:50:06 INFO  seq=6     ││                              │
│api.log  600 lines  PAUSED +0 new (f follows) ││                              │
└──────────────────────────────────────────────┘└──────────────────────────────┘
 LOGS unchanged: no line is stamped 00:00:00 UTC or later
EOF

assert_screen unread <<'EOF'
 warroom │ no incident named │ T+00:00:00               2026-01-01 00:00:00 UTC
┌─ HOSTS ──────────────────────────────────────────────────────────────────────┐
│  HOST        SERVICE CONN          TAG STATE HEALTH READY VERSION RST AGE    │
│> api-1       api     not connected           -      -     -                  │
│  api-1       jobs    not connected           -      -     -                  │
│  api-2       api     not connected           -      -     -                  │
│  k8s-bastion api     not connected           -      -     -                  │
└──────────────────────────────────────────────────────────────────────────────┘
┌─ METRICS ────────────────────────────────────┐┌─ RUNBOOK ────────────────────┐
│ api-1: no metrics_url in the config          ││ no runbook loaded            │
│                                              ││ open one with -r FILE        │
│                                              ││                              │
└──────────────────────────────────────────────┘│                              │
┌─ ▶ LOGS ─────────────────────────────────────┐│                              │
│api-1/api 2025-12-31 23:50:00 INFO  seq=0     │└──────────────────────────────┘
│api-1/api 2025-12-31 23:50:01 INFO  seq=1     │┌─ TIMELINE ───────────────────┐
│api-1/api 2025-12-31 23:50:02 INFO  seq=2     ││ no incident journal open     │
│api-1/api 2025-12-31 23:50:03 INFO  seq=3     ││ (none in screen tests)       │
│api-1/api 2025-12-31 23:50:04 INFO  seq=4     ││                              │
│api-1/api 2025-12-31 23:50:05 INFO  seq=5     ││                              │
│api-1/api 2025-12-31 23:50:06 INFO  seq=6     ││                              │
│api.log  600 lines  PAUSED +0 new (f follows) ││                              │
└──────────────────────────────────────────────┘└──────────────────────────────┘
 LOGS unchanged: 'soon' is not a time: 19:30 UTC, 10m ago or RFC 3339
EOF
