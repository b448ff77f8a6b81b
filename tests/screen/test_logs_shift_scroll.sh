#!/bin/sh
# test_logs_shift_scroll.sh — LOGS at 80x24 zoomed, a filter's match past
# the pane's edge: the shifted line keeps its time and level before the
# "…"; > scrolls on from where each line was shifted to (never back left
# of it), $ to the end of the longest line in view, 0 back to the shift.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_config
awk 'BEGIN { printf "h1/api 2026-01-01T00:00:01Z ERROR GET /export"; for (i = 0; i < 12; i++) printf " k%02d=v", i; printf " status=503 dur_ms=89"; for (i = 12; i < 40; i++) printf " k%02d=v", i; printf " END\n" }' > "$tmp/h1.log"
echo 'h1/api 2026-01-01T00:00:02Z WARN  GET /health status=504 short' >> "$tmp/h1.log"
steps '
:resize 80x24
:logs-tails 1
:logs-tail 1 h1.log
3
z
/status=50[34]<Enter>
:save-screen shifted
>
:save-screen right
$
:save-screen end
0
:save-screen back
'
run_console -c "$tmp/warroom.conf"

assert_screen shifted <<'EOF'
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
│                                                                              │
│                                                                              │
│                                                                              │
│                                                                              │
│                                                                              │
│                                                                              │
│h1/api 00:00:01 ERROR … k10=v k11=v status=503 dur_ms=89 k12=v k13=v k14=v k1…│
│h1/api 00:00:02 WARN  GET /health status=504 short                            │
│h1.log  2 lines  filter /status=50[34]/  2 matching                           │
└──────────────────────────────────────────────────────────────────────────────┘
 LOGS filtered by /status=50[34]/, any case
EOF
assert_screen right <<'EOF'
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
│                                                                              │
│                                                                              │
│                                                                              │
│                                                                              │
│                                                                              │
│                                                                              │
│h1/api 00:00:01 ERROR … k13=v k14=v k15=v k16=v k17=v k18=v k19=v k20=v k21=v…│
│h1/api 00:00:02 WARN …hort                                                    │
│filter /status=50[34]/  2 matching  → 39 cols from the matches (0: back)      │
└──────────────────────────────────────────────────────────────────────────────┘
 / filter  z all panes  n next match  N prev match  Tab pane  ? help  q quit
EOF
assert_screen end <<'EOF'
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
│                                                                              │
│                                                                              │
│                                                                              │
│                                                                              │
│                                                                              │
│                                                                              │
│h1/api 00:00:01 ERROR …1=v k32=v k33=v k34=v k35=v k36=v k37=v k38=v k39=v END│
│h1/api 00:00:02 WARN …                                                        │
│filter /status=50[34]/  2 matching  → 150 cols from the matches (0: back)     │
└──────────────────────────────────────────────────────────────────────────────┘
 / filter  z all panes  n next match  N prev match  Tab pane  ? help  q quit
EOF
assert_screen back <<'EOF'
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
│                                                                              │
│                                                                              │
│                                                                              │
│                                                                              │
│                                                                              │
│                                                                              │
│h1/api 00:00:01 ERROR … k10=v k11=v status=503 dur_ms=89 k12=v k13=v k14=v k1…│
│h1/api 00:00:02 WARN  GET /health status=504 short                            │
│h1.log  2 lines  filter /status=50[34]/  2 matching                           │
└──────────────────────────────────────────────────────────────────────────────┘
 / filter  z all panes  n next match  N prev match  Tab pane  ? help  q quit
EOF
