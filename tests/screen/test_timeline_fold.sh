#!/bin/sh
# test_timeline_fold.sh — on a fleet with hosts hovering at a
# threshold, TIMELINE filled with verdict.change rows and pushed the
# rollbacks out of view. Ten flips of api-1's verdict among OK, MONITOR
# and CONSIDER ROLLBACK are one row, at the first flip, saying the
# count, the levels, the span and the last level, as the post-mortem
# does; the rollback before and after them, and api-2's verdict among
# them, stay rows, in the pane and zoomed. a shows every record (the
# title says so); a again folds them, a flip selected selecting its
# fold; Enter on the fold says how to see its records. A fourth move
# folds the three rows before it while the first row is selected: the
# selection stays on the first row, the newer ones counted right, and j
# moves it at once.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_config
flips=$(i=0; for l in OK MONITOR "CONSIDER ROLLBACK" OK MONITOR "CONSIDER ROLLBACK" OK \
    MONITOR "CONSIDER ROLLBACK" OK; do
	echo ":sleep 10"; echo ":verdict api-1 $l: flip $i"
	[ $i = 4 ] && echo ":verdict api-2 MONITOR: p95 410 ms > 400 ms"
	i=$((i + 1))
done)
steps ":resize 140x26
:rollback api-1
:sleep 10
:verdict api-1 CONSIDER ROLLBACK: error rate 3.2% > 2%
$flips
:sleep 10
:rollback api-1
5
:save-screen pane
z
:save-screen folded
a
:save-screen every
k
k
k
k
k
a
<Enter>
:save-screen detail
"
run_console -c "$tmp/warroom.conf" --read-only

assert_screen pane <<'EOF'
 warroom │ no incident named │ T+00:02:00   READ-ONLY                                                               2026-01-01 00:02:00 UTC
┌─ HOSTS ──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┐
│  HOST        SERVICE CONN          TAG STATE HEALTH READY VERSION RST AGE DRIVER  ADDRESS                                                │
│> api-1       api     not connected           -      -     -               compose 127.0.0.1:2201                                         │
│  api-1       jobs    not connected           -      -     -               compose 127.0.0.1:2201                                         │
│  api-2       api     not connected           -      -     -               compose 127.0.0.1:2202                                         │
│  k8s-bastion api     not connected           -      -     -               k8s     127.0.0.1:2203                                         │
└──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘
┌─ METRICS ────────────────────────────────────────────────────────────────────────┐┌─ RUNBOOK ────────────────────────────────────────────┐
│ api-1: no metrics_url in the config                                              ││ no runbook loaded                                    │
│                                                                                  ││ open one with -r FILE                                │
│                                                                                  ││                                                      │
│                                                                                  │└──────────────────────────────────────────────────────┘
│                                                                                  │┌─ ▶ TIMELINE ─────────────────────────────────────────┐
│                                                                                  ││T+00:00:00 action.intent api-1 {"plan":{"action":"com…│
└──────────────────────────────────────────────────────────────────────────────────┘│T+00:00:00 action.end api-1 ok — rollback of api (doc…│
┌─ LOGS ───────────────────────────────────────────────────────────────────────────┐│T+00:00:10 verdict.change api-1 CONSIDER ROLLBACK — e…│
│ no log stream open                                                               ││T+00:00:20 verdict.change api-1 verdict changed 10 ti…│
│                                                                                  ││T+00:01:00 verdict.change api-2 MONITOR — p95 410 ms …│
│                                                                                  ││T+00:02:00 action.intent api-1 {"plan":{"action":"com…│
│                                                                                  ││T+00:02:00 action.end api-1 ok — rollback of api (doc…│
│                                                                                  ││                                                      │
│                                                                                  ││                                                      │
│                                                                                  ││                                                      │
└──────────────────────────────────────────────────────────────────────────────────┘└──────────────────────────────────────────────────────┘
 Enter whole entry  a every record  z zoom  Tab pane  ? help  q quit
EOF

assert_screen folded <<'EOF'
 warroom │ no incident named │ T+00:02:00   READ-ONLY                                                               2026-01-01 00:02:00 UTC
┌─ ▶ TIMELINE (zoomed: z shows every pane) ────────────────────────────────────────────────────────────────────────────────────────────────┐
│T+00:00:00 00:00:00 action.intent api-1 {"plan":{"action":"compose.rollback","service":"api","from":"v1.5.0-bad","to":"v1.4.1"}}          │
│T+00:00:00 00:00:00 action.end api-1 ok — rollback of api (docker compose up -d)                                                          │
│T+00:00:10 00:00:10 verdict.change api-1 CONSIDER ROLLBACK — error rate 3.2% > 2%                                                         │
│T+00:00:20 00:00:20 verdict.change api-1 verdict changed 10 times between OK, MONITOR and CONSIDER ROLLBACK, 00:00:20–00:01:50; worst     │
│                    CONSIDER ROLLBACK; last OK at 00:01:50 — flip 9                                                                       │
│T+00:01:00 00:01:00 verdict.change api-2 MONITOR — p95 410 ms > 400 ms                                                                    │
│T+00:02:00 00:02:00 action.intent api-1 {"plan":{"action":"compose.rollback","service":"api","from":"v1.5.0-bad","to":"v1.4.1"}}          │
│T+00:02:00 00:02:00 action.end api-1 ok — rollback of api (docker compose up -d)                                                          │
│                                                                                                                                          │
│                                                                                                                                          │
│                                                                                                                                          │
│                                                                                                                                          │
│                                                                                                                                          │
│                                                                                                                                          │
│                                                                                                                                          │
│                                                                                                                                          │
│                                                                                                                                          │
│                                                                                                                                          │
│                                                                                                                                          │
│                                                                                                                                          │
│                                                                                                                                          │
│                                                                                                                                          │
└──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘
 Enter whole entry  a every record  z all panes  Tab pane  ? help  q quit
EOF

assert_screen every <<'EOF'
 warroom │ no incident named │ T+00:02:00   READ-ONLY                                                               2026-01-01 00:02:00 UTC
┌─ ▶ TIMELINE (every record: a folds flaps and tries) (zoomed: z shows every pane) ────────────────────────────────────────────────────────┐
│T+00:00:00 00:00:00 action.intent api-1 {"plan":{"action":"compose.rollback","service":"api","from":"v1.5.0-bad","to":"v1.4.1"}}          │
│T+00:00:00 00:00:00 action.end api-1 ok — rollback of api (docker compose up -d)                                                          │
│T+00:00:10 00:00:10 verdict.change api-1 CONSIDER ROLLBACK — error rate 3.2% > 2%                                                         │
│T+00:00:20 00:00:20 verdict.change api-1 OK — flip 0                                                                                      │
│T+00:00:30 00:00:30 verdict.change api-1 MONITOR — flip 1                                                                                 │
│T+00:00:40 00:00:40 verdict.change api-1 CONSIDER ROLLBACK — flip 2                                                                       │
│T+00:00:50 00:00:50 verdict.change api-1 OK — flip 3                                                                                      │
│T+00:01:00 00:01:00 verdict.change api-1 MONITOR — flip 4                                                                                 │
│T+00:01:00 00:01:00 verdict.change api-2 MONITOR — p95 410 ms > 400 ms                                                                    │
│T+00:01:10 00:01:10 verdict.change api-1 CONSIDER ROLLBACK — flip 5                                                                       │
│T+00:01:20 00:01:20 verdict.change api-1 OK — flip 6                                                                                      │
│T+00:01:30 00:01:30 verdict.change api-1 MONITOR — flip 7                                                                                 │
│T+00:01:40 00:01:40 verdict.change api-1 CONSIDER ROLLBACK — flip 8                                                                       │
│T+00:01:50 00:01:50 verdict.change api-1 OK — flip 9                                                                                      │
│T+00:02:00 00:02:00 action.intent api-1 {"plan":{"action":"compose.rollback","service":"api","from":"v1.5.0-bad","to":"v1.4.1"}}          │
│T+00:02:00 00:02:00 action.end api-1 ok — rollback of api (docker compose up -d)                                                          │
│                                                                                                                                          │
│                                                                                                                                          │
│                                                                                                                                          │
│                                                                                                                                          │
│                                                                                                                                          │
│                                                                                                                                          │
└──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘
 TIMELINE: every record, 10 folded records unfolded (flapping verdicts or health; a folds them again)
EOF

assert_screen detail <<'EOF'
 warroom │ no incident named │ T+00:02:00   READ-ONLY                                                               2026-01-01 00:02:00 UTC
┌─ ▶ TIMELINE (zoomed: z shows every pane) ────────────────────────────────────────────────────────────────────────────────────────────────┐
│T+0┌─ TIMELINE ───────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┐   │
│T+0│ T+00:00:20 00:00:20 UTC verdict.change api-1                                                                                     │   │
│T+0│ verdict changed 10 times between OK, MONITOR and CONSIDER ROLLBACK, 00:00:20–00:01:50; worst CONSIDER ROLLBACK; last OK at       │   │
│T+0│ 00:01:50 — flip 9                                                                                                                │   │
│   │                                                                                                                                  │   │
│T+0│ Esc or Enter closes; then a shows its 10 records                                                                                 │   │
│T+0└──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘   │
│T+00:02:00 00:02:00 action.end api-1 ok — rollback of api (docker compose up -d)                                                          │
│                                                                                                                                          │
│                                                                                                                                          │
│                                                                                                                                          │
│                                                                                                                                          │
│                                                                                                                                          │
│                                                                                                                                          │
│                                                                                                                                          │
│                                                                                                                                          │
│                                                                                                                                          │
│                                                                                                                                          │
│                                                                                                                                          │
│                                                                                                                                          │
│                                                                                                                                          │
│                                                                                                                                 +3 newer │
└──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘
 Esc/Enter close the entry  then a shows its 10 records
EOF

steps ":resize 120x24
:rollback api-1
:verdict api-1 CONSIDER ROLLBACK
:sleep 10
:verdict api-1 MONITOR
:sleep 10
:verdict api-1 CONSIDER ROLLBACK
:sleep 10
:verdict api-1 MONITOR
5
z
g
:save-screen three
:sleep 10
:verdict api-1 CONSIDER ROLLBACK
:save-screen grown
j
:save-screen grown-j
"
run_console -c "$tmp/warroom.conf" --read-only

assert_screen three <<'EOF'
 warroom │ no incident named │ T+00:00:30   READ-ONLY                                           2026-01-01 00:00:30 UTC
┌─ ▶ TIMELINE (zoomed: z shows every pane) ────────────────────────────────────────────────────────────────────────────┐
│T+00:00:00 00:00:00 action.intent api-1                                                                               │
│                    {"plan":{"action":"compose.rollback","service":"api","from":"v1.5.0-bad","to":"v1.4.1"}}          │
│T+00:00:00 00:00:00 action.end api-1 ok — rollback of api (docker compose up -d)                                      │
│T+00:00:00 00:00:00 verdict.change api-1 CONSIDER ROLLBACK                                                            │
│T+00:00:10 00:00:10 verdict.change api-1 MONITOR                                                                      │
│T+00:00:20 00:00:20 verdict.change api-1 CONSIDER ROLLBACK                                                            │
│T+00:00:30 00:00:30 verdict.change api-1 MONITOR                                                                      │
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
│                                                                                                             +5 newer │
└──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘
 Enter whole entry  a every record  z all panes  Tab pane  ? help  q quit
EOF

assert_screen grown <<'EOF'
 warroom │ no incident named │ T+00:00:40   READ-ONLY                                           2026-01-01 00:00:40 UTC
┌─ ▶ TIMELINE (zoomed: z shows every pane) ────────────────────────────────────────────────────────────────────────────┐
│T+00:00:00 00:00:00 action.intent api-1                                                                               │
│                    {"plan":{"action":"compose.rollback","service":"api","from":"v1.5.0-bad","to":"v1.4.1"}}          │
│T+00:00:00 00:00:00 action.end api-1 ok — rollback of api (docker compose up -d)                                      │
│T+00:00:00 00:00:00 verdict.change api-1 CONSIDER ROLLBACK                                                            │
│T+00:00:10 00:00:10 verdict.change api-1 verdict changed 4 times between MONITOR and CONSIDER ROLLBACK,               │
│                    00:00:10–00:00:40; worst CONSIDER ROLLBACK; last CONSIDER ROLLBACK at 00:00:40                    │
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
│                                                                                                             +3 newer │
└──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘
 Enter whole entry  a every record  z all panes  Tab pane  ? help  q quit
EOF

assert_screen grown-j <<'EOF'
 warroom │ no incident named │ T+00:00:40   READ-ONLY                                           2026-01-01 00:00:40 UTC
┌─ ▶ TIMELINE (zoomed: z shows every pane) ────────────────────────────────────────────────────────────────────────────┐
│T+00:00:00 00:00:00 action.intent api-1                                                                               │
│                    {"plan":{"action":"compose.rollback","service":"api","from":"v1.5.0-bad","to":"v1.4.1"}}          │
│T+00:00:00 00:00:00 action.end api-1 ok — rollback of api (docker compose up -d)                                      │
│T+00:00:00 00:00:00 verdict.change api-1 CONSIDER ROLLBACK                                                            │
│T+00:00:10 00:00:10 verdict.change api-1 verdict changed 4 times between MONITOR and CONSIDER ROLLBACK,               │
│                    00:00:10–00:00:40; worst CONSIDER ROLLBACK; last CONSIDER ROLLBACK at 00:00:40                    │
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
│                                                                                                             +2 newer │
└──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘
 Enter whole entry  a every record  z all panes  Tab pane  ? help  q quit
EOF
