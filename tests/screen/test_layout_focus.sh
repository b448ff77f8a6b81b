#!/bin/sh
# test_layout_focus.sh — at 80x24 with ten hosts, HOSTS took twelve rows
# and LOGS showed two lines under it: an engineer reading logs pressed z
# every time, and what Enter or + did there was out of sight. HOSTS
# focused, it shows eight hosts and LOGS three lines. With LOGS focused
# HOSTS keeps its header and three rows from the worst host (h3, where
# round the selected OK host it hid it) and LOGS has eight lines;
# METRICS focused has its rows, its thresholds among them; with RUNBOOK
# or TIMELINE focused METRICS and LOGS share their column evenly, so Tab
# between those two moves no border on the left.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_scale_config 10 0
i=1
while [ "$i" -le 20 ]; do
	printf 'h1/api 2026-01-01T00:00:%02d.000Z INFO request served seq=%d\n' "$i" "$i"
	i=$((i + 1))
done > "$tmp/api.log"
steps "
:resize 80x24
$(scale_steps 10 0)
:metrics h3 error=0.031 p95=420 restarts=0 requests=100
:logs api.log
j
j
j
j
j
:save-screen hosts
3
:save-screen logs
2
:save-screen metrics
4
:save-screen runbook
5
:save-screen timeline
1
:save-screen back
"
run_console -c "$tmp/warroom.conf" --read-only

assert_screen hosts <<'EOF'
 warroom │ no incident named │ T+00:00:00   READ-ONLY   2026-01-01 00:00:00 UTC
┌─ ▶ HOSTS 1 CONSIDER ROLLBACK of 10 hosts ────────────────────────────────────┐
│  HOST SERVICE CONN TAG    VERDICT           STATE   HEALTH READY RST AGE     │
│  h1   api     UP   v1.4.1 OK                running OK     OK    0   0s      │
│  h2   api     UP   v1.4.1 OK                running OK     OK    0   0s      │
│  h3   api     UP   v1.4.1 CONSIDER ROLLBACK running OK     OK    0   0s      │
│  h4   api     UP   v1.4.1 OK                running OK     OK    0   0s      │
│  h5   api     UP   v1.4.1 OK                running OK     OK    0   0s      │
│> h6   api     UP   v1.4.1 OK                running OK     OK    0   0s      │
│  h7   api     UP   v1.4.1 OK                running OK     OK    0   0s      │
│  h8   api     UP   v1.4.1 OK                running OK     OK    0   0s      │
└─ ▼ 2 more rows ──────────────────────────────────────────────────────────────┘
┌─ METRICS ────────────────────────────────────┐┌─ RUNBOOK ────────────────────┐
│h6  OK                                        ││ no runbook loaded            │
│  below thresholds: error rate 0.1%, p95 180 …││ open one with -r FILE        │
│  errors 0.1%    ▁ 0–5%                       ││                              │
└─ ▼ 12 more rows (z), worst h3 CONSIDER ──────┘└──────────────────────────────┘
┌─ LOGS ───────────────────────────────────────┐┌─ TIMELINE ───────────────────┐
│h1/api 00:00:18 INFO request served seq=18    ││ no incident journal open     │
│h1/api 00:00:19 INFO request served seq=19    ││ (none in screen tests)       │
│h1/api 00:00:20 INFO request served seq=20    ││                              │
│api.log  20 lines                             ││                              │
└──────────────────────────────────────────────┘└──────────────────────────────┘
 Enter logs  o order  F filter  C-r poll now  Tab pane  ? help  q quit
EOF

assert_screen logs <<'EOF'
 warroom │ no incident named │ T+00:00:00   READ-ONLY   2026-01-01 00:00:00 UTC
┌─ HOSTS 1 CONSIDER ROLLBACK of 10 hosts ────────────────────── ▲ 2 more rows ─┐
│  HOST SERVICE CONN TAG    VERDICT           STATE   HEALTH READY RST AGE     │
│  h3   api     UP   v1.4.1 CONSIDER ROLLBACK running OK     OK    0   0s      │
│  h4   api     UP   v1.4.1 OK                running OK     OK    0   0s      │
│  h5   api     UP   v1.4.1 OK                running OK     OK    0   0s      │
└─ ▼ 5 more rows ──────────────────────────────────────────────────────────────┘
┌─ METRICS ────────────────────────────────────┐┌─ RUNBOOK ────────────────────┐
│h6  OK                                        ││ no runbook loaded            │
│  below thresholds: error rate 0.1%, p95 180 …││ open one with -r FILE        │
│  errors 0.1%    ▁ 0–5%                       ││                              │
└─ ▼ 12 more rows (z), worst h3 CONSIDER ──────┘│                              │
┌─ ▶ LOGS ─────────────────────────────────────┐│                              │
│h1/api 00:00:13 INFO request served seq=13    ││                              │
│h1/api 00:00:14 INFO request served seq=14    │└──────────────────────────────┘
│h1/api 00:00:15 INFO request served seq=15    │┌─ TIMELINE ───────────────────┐
│h1/api 00:00:16 INFO request served seq=16    ││ no incident journal open     │
│h1/api 00:00:17 INFO request served seq=17    ││ (none in screen tests)       │
│h1/api 00:00:18 INFO request served seq=18    ││                              │
│h1/api 00:00:19 INFO request served seq=19    ││                              │
│h1/api 00:00:20 INFO request served seq=20    ││                              │
│api.log  20 lines                             ││                              │
└──────────────────────────────────────────────┘└──────────────────────────────┘
 / filter  z zoom  n next match  N prev match  Tab pane  ? help  q quit
EOF

assert_screen metrics <<'EOF'
 warroom │ no incident named │ T+00:00:00   READ-ONLY   2026-01-01 00:00:00 UTC
┌─ HOSTS 1 CONSIDER ROLLBACK of 10 hosts ────────────────────── ▲ 2 more rows ─┐
│  HOST SERVICE CONN TAG    VERDICT           STATE   HEALTH READY RST AGE     │
│  h3   api     UP   v1.4.1 CONSIDER ROLLBACK running OK     OK    0   0s      │
│  h4   api     UP   v1.4.1 OK                running OK     OK    0   0s      │
│  h5   api     UP   v1.4.1 OK                running OK     OK    0   0s      │
└─ ▼ 5 more rows ──────────────────────────────────────────────────────────────┘
┌─ ▶ METRICS ──────────────────────────────────┐┌─ RUNBOOK ────────────────────┐
│h6  OK                                        ││ no runbook loaded            │
│  below thresholds: error rate 0.1%, p95 180 …││ open one with -r FILE        │
│  errors 0.1%    ▁ 0–5%                       ││                              │
│  p95    180 ms  ▂ 0–2000 ms                  ││                              │
│  restarts in 5m: unknown                     ││                              │
│  rollback >5% >2000ms 3 restarts/5m; conside…││                              │
│h3             CONSIDER ROLLBACK  error rate …│└──────────────────────────────┘
│h1             OK  below thresholds: error ra…│┌─ TIMELINE ───────────────────┐
│h2             OK  below thresholds: error ra…││ no incident journal open     │
└─ ▼ 6 more rows (z shows them) ───────────────┘│ (none in screen tests)       │
┌─ LOGS ───────────────────────────────────────┐│                              │
│h1/api 00:00:19 INFO request served seq=19    ││                              │
│h1/api 00:00:20 INFO request served seq=20    ││                              │
│api.log  20 lines                             ││                              │
└──────────────────────────────────────────────┘└──────────────────────────────┘
 C-r poll now  z zoom  Tab pane  ? help  q quit
EOF
grep -q '│  rollback >5% >2000ms' "$tmp/metrics" || fail "METRICS focused: no thresholds row"
# The left column's 48 cells above the footer (whose keys are the pane's).
left() { sed -n '1,23s/^\(.\{48\}\).*/\1/p' "$tmp/$1"; }
[ "$(left runbook)" = "$(left timeline)" ] || fail "RUNBOOK to TIMELINE moved the left column"
[ "$(left runbook | grep -c '┌─ LOGS')" = 1 ] && [ "$(left runbook | sed -n 16p)" = \
	"┌─ LOGS ───────────────────────────────────────┐" ] ||
	fail "RUNBOOK focused: METRICS and LOGS not split evenly"
cmp -s "$tmp/hosts" "$tmp/back" || fail "HOSTS focused again: not the layout it had"
ok "the focused pane below HOSTS has its rows"
