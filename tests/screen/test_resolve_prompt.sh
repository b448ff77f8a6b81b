#!/bin/sh
# test_resolve_prompt.sh — at 80x24: E's prompt was one footer row with
# its failing hosts cut at 60 bytes (%.60s): "type resolve to resolve
# anyway" was off the screen, the typed text landed on the last column,
# and a third failing host was missing at any width with nothing to say
# so. Every failing host is named (or counted: "and N more"), the list
# goes on in the rows above the footer, and the instruction and what is
# typed stay on the footer's row.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_config
sed -i 's|^driver = \(.*\)$|driver = \1\nmetrics_url = http://127.0.0.1:8000/metrics|' "$tmp/warroom.conf"
# Twelve more hosts, for a list longer than the rows above the footer hold.
for i in 01 02 03 04 05 06 07 08 09 10 11 12; do
	printf '\n[host "worker-%s"]\naddress = 127.0.0.1\nport = 22%s\ndriver = compose\ncompose_dir = /srv/app\nservices = api\nmetrics_url = http://127.0.0.1:8000/metrics\n' \
		"$i" "$i" >> "$tmp/warroom.conf"
done
steps '
:resize 80x24
:metrics api-1 error=0.08 p95=1500 restarts=0 rps=23
:metrics api-2 error=0.08 p95=1500 restarts=0 rps=23
:metrics k8s-bastion error=0.08 p95=1500 restarts=0 rps=23
:prompt resolve
res
:save-screen three
:resize 60x20
:save-screen tiny
:resize 250x30
:save-screen wide
:resize 80x24
<Esc>
:metrics worker-01 error=0.08 p95=1500 restarts=0 rps=23
:metrics worker-02 error=0.08 p95=1500 restarts=0 rps=23
:metrics worker-03 error=0.08 p95=1500 restarts=0 rps=23
:metrics worker-04 error=0.08 p95=1500 restarts=0 rps=23
:metrics worker-05 error=0.08 p95=1500 restarts=0 rps=23
:metrics worker-06 error=0.08 p95=1500 restarts=0 rps=23
:metrics worker-07 error=0.08 p95=1500 restarts=0 rps=23
:metrics worker-08 error=0.08 p95=1500 restarts=0 rps=23
:metrics worker-09 error=0.08 p95=1500 restarts=0 rps=23
:metrics worker-10 error=0.08 p95=1500 restarts=0 rps=23
:metrics worker-11 error=0.08 p95=1500 restarts=0 rps=23
:metrics worker-12 error=0.08 p95=1500 restarts=0 rps=23
:prompt resolve
resolve
:save-screen many
'
run_console -c "$tmp/warroom.conf" --read-only

assert_screen three <<'EOF'
 warroom │ no incident named │ T+00:00:00   READ-ONLY   2026-01-01 00:00:00 UTC
┌─ ▶ HOSTS 3 ROLLBACK IMMEDIATELY of 15 hosts ─────────────────────────────────┐
│  HOST        SERVICE CONN          TAG VERDICT              HEALTH READY AGE │
│> api-1       api     not connected     ROLLBACK IMMEDIATELY -      -         │
│  api-1       jobs    not connected     ROLLBACK IMMEDIATELY -      -         │
│  api-2       api     not connected     ROLLBACK IMMEDIATELY -      -         │
│  k8s-bastion api     not connected     ROLLBACK IMMEDIATELY -      -         │
│  worker-01   api     not connected                          -      -         │
│  worker-02   api     not connected                          -      -         │
│  worker-03   api     not connected                          -      -         │
│  worker-04   api     not connected                          -      -         │
└─ ▼ 8 more rows ──────────────────────────────────────────────────────────────┘
┌─ METRICS ────────────────────────────────────┐┌─ RUNBOOK ────────────────────┐
│api-1  ROLLBACK IMMEDIATELY                   ││ no runbook loaded            │
│  error rate 8% > 5%; p95 1500 ms > 1000 ms (…││ open one with -r FILE        │
│  errors 8%      █ 0–5%                       ││                              │
└─ ▼ 6 more rows (z), worst api-2 +1 ROLLBACK ─┘└──────────────────────────────┘
┌─ LOGS ───────────────────────────────────────┐┌─ TIMELINE ───────────────────┐
│ no log stream open                           ││ no incident journal open     │
│                                              ││ (none in screen tests)       │
└──────────────────────────────────────────────┘└──────────────────────────────┘
 3 hosts not OK (api-1 ROLLBACK IMMEDIATELY, api-2 ROLLBACK IMMEDIATELY,
 k8s-bastion ROLLBACK IMMEDIATELY);
 type resolve to resolve anyway: res                    Enter confirms, Esc no
EOF
assert_screen tiny <<'EOF'








       terminal too small: 60x20, need at least 80x24
            keys are ignored until it is larger;
               Esc still closes what is open
EOF
assert_screen many <<'EOF'
 warroom │ no incident named │ T+00:00:00   READ-ONLY   2026-01-01 00:00:00 UTC
┌─ ▶ HOSTS 15 ROLLBACK IMMEDIATELY of 15 hosts ────────────────────────────────┐
│  HOST        SERVICE CONN          TAG VERDICT              HEALTH READY AGE │
│> api-1       api     not connected     ROLLBACK IMMEDIATELY -      -         │
│  api-1       jobs    not connected     ROLLBACK IMMEDIATELY -      -         │
│  api-2       api     not connected     ROLLBACK IMMEDIATELY -      -         │
│  k8s-bastion api     not connected     ROLLBACK IMMEDIATELY -      -         │
│  worker-01   api     not connected     ROLLBACK IMMEDIATELY -      -         │
│  worker-02   api     not connected     ROLLBACK IMMEDIATELY -      -         │
│  worker-03   api     not connected     ROLLBACK IMMEDIATELY -      -         │
│  worker-04   api     not connected     ROLLBACK IMMEDIATELY -      -         │
└─ ▼ 8 more rows, worst worker-05 and 7 more ROLLBACK IMMEDIATELY ─────────────┘
┌─ METRICS ────────────────────────────────────┐┌─ RUNBOOK ────────────────────┐
│api-1  ROLLBACK IMMEDIATELY                   ││ no runbook loaded            │
│  error rate 8% > 5%; p95 1500 ms > 1000 ms (…││ open one with -r FILE        │
│  errors 8%      █ 0–5%                       ││                              │
└─ ▼ 18 more (z), worst api-2 +13 ROLLBACK ────┘└──────────────────────────────┘
┌─ LOGS ───────────────────────────────────────┐┌─ TIMELINE ───────────────────┐
 15 hosts not OK (api-1 ROLLBACK IMMEDIATELY, api-2 ROLLBACK IMMEDIATELY,
 k8s-bastion ROLLBACK IMMEDIATELY, worker-01 ROLLBACK IMMEDIATELY, worker-02
 ROLLBACK IMMEDIATELY, worker-03 ROLLBACK IMMEDIATELY, worker-04 ROLLBACK
 IMMEDIATELY, worker-05 ROLLBACK IMMEDIATELY, worker-06 ROLLBACK IMMEDIATELY,
 worker-07 ROLLBACK IMMEDIATELY, worker-08 ROLLBACK IMMEDIATELY and 4 more);
 type resolve to resolve anyway: resolve                Enter confirms, Esc no
EOF
# At 250 columns, one row names all three (the third was missing).
tail -1 "$tmp/wide" | grep -q "^ 3 hosts not OK (api-1 ROLLBACK IMMEDIATELY, api-2 ROLLBACK IMMEDIATELY, k8s-bastion ROLLBACK IMMEDIATELY); type resolve to resolve anyway: res" ||
	fail "at 250 columns the footer is not the whole question: $(tail -1 "$tmp/wide")"
ok "every failing host named, or counted; the instruction and the typed text in view"
