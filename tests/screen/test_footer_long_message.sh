#!/bin/sh
# test_footer_long_message.sh — at 80x24 a message of five rows (an
# outcome of r with its caveats, a refusal) took every row under LOGS'
# and TIMELINE's titles: no bottom border, nothing of what the borders
# say of rows out of sight. The footer now takes only what those panes
# can give (each keeps its border and a row), and a message longer than
# that is cut saying where it is whole: an outcome in TIMELINE (Enter),
# a message kept until a key in a zoomed pane, which has the rows for it. With 24
# hosts HOSTS keeps its twelve rows and LOGS five: three for the message.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_scale_config 24 2
i=1
while [ "$i" -le 30 ]; do
	printf 'h1/api 2026-01-01T00:00:%02d.000Z INFO  seq=%d\n' "$i" "$i"
	i=$((i + 1))
done > "$tmp/api.log"
long="rollback of api on api-1: OK — api runs v1.4.1 and /readyz answers 200 (migrations_current true); jobs still runs v1.5.0-bad, so api-1 keeps exporting until X turns the switch off; the .env now says TAG=v1.4.1, the compose file was not touched, and the old container was removed after the new one passed its health check twice in a row"
# An outcome named with what ran: at 80 columns, cut, its word in sight.
k8s="rollback of checkout-api on k8s-bastion-eu-west-1 (kubectl rollout undo): UNKNOWN — the connection dropped while kubectl rollout status waited; it is re-read once the host is back"
steps "$(scale_steps 24 2)
:resize 80x24
:logs api.log
:say $long
:save-screen message
z
:save-screen zoomed
z
:sleep 30
<Esc>
:say-outcome $long
:save-screen outcome
:sleep 30
<Esc>
:say-outcome $k8s
:save-screen word
"
run_console -c "$tmp/warroom.conf"
assert_screen outcome <<'EOF'
 warroom │ no incident named │ T+00:00:30               2026-01-01 00:00:30 UTC
┌─ ▶ HOSTS ────────────────────────────────────────────────────────────────────┐
│  HOST SERVICE CONN TAG    VERDICT STATE   HEALTH READY VERSION RST AGE       │
│> h1   api     UP   v1.4.1 OK      running OK     OK            0   30s       │
│  h1   jobs    UP   v1.4.1 OK      running -      -     -       0   30s       │
│  h2   api     UP   v1.4.1 OK      running OK     OK            0   30s       │
│  h2   jobs    UP   v1.4.1 OK      running -      -     -       0   30s       │
│  h3   api     UP   v1.4.1 OK      running OK     OK            0   30s       │
│  h4   api     UP   v1.4.1 OK      running OK     OK            0   30s       │
│  h5   api     UP   v1.4.1 OK      running OK     OK            0   30s       │
│  h6   api     UP   v1.4.1 OK      running OK     OK            0   30s       │
└─ ▼ 18 more rows ─────────────────────────────────────────────────────────────┘
┌─ METRICS ────────────────────────────────────┐┌─ RUNBOOK ────────────────────┐
│h1  OK                                        ││ no runbook loaded            │
│  below thresholds: error rate 0.1%, p95 180 …││ open one with -r FILE        │
│  errors 0.1%    ▁ 0–5%                       ││                              │
└─ ▼ 26 more rows (z shows them) ──────────────┘└──────────────────────────────┘
┌─ LOGS ───────────────────────────────────────┐┌─ TIMELINE ───────────────────┐
│api.log  30 lines                             ││ no incident journal open(non)│
└──────────────────────────────────────────────┘└──────────────────────────────┘
 rollback of api on api-1: OK — api runs v1.4.1 and /readyz answers 200
 (migrations_current true); jobs still runs v1.5.0-bad, so api-1 keeps
 exporting until X turns the switch off; the .env now says TAG=v1.4.1, the
 compose file was not touched, and the old conta… (whole in TIMELINE: 5, Enter)
EOF
assert_screen message <<'EOF'
 warroom │ no incident named │ T+00:00:00               2026-01-01 00:00:00 UTC
┌─ ▶ HOSTS ────────────────────────────────────────────────────────────────────┐
│  HOST SERVICE CONN TAG    VERDICT STATE   HEALTH READY RST AGE               │
│> h1   api     UP   v1.4.1 OK      running OK     OK    0   0s                │
│  h1   jobs    UP   v1.4.1 OK      running -      -     0   0s                │
│  h2   api     UP   v1.4.1 OK      running OK     OK    0   0s                │
│  h2   jobs    UP   v1.4.1 OK      running -      -     0   0s                │
│  h3   api     UP   v1.4.1 OK      running OK     OK    0   0s                │
│  h4   api     UP   v1.4.1 OK      running OK     OK    0   0s                │
│  h5   api     UP   v1.4.1 OK      running OK     OK    0   0s                │
│  h6   api     UP   v1.4.1 OK      running OK     OK    0   0s                │
└─ ▼ 18 more rows ─────────────────────────────────────────────────────────────┘
┌─ METRICS ────────────────────────────────────┐┌─ RUNBOOK ────────────────────┐
│h1  OK                                        ││ no runbook loaded            │
│  below thresholds: error rate 0.1%, p95 180 …││ open one with -r FILE        │
│  errors 0.1%    ▁ 0–5%                       ││                              │
└─ ▼ 26 more rows (z shows them) ──────────────┘└──────────────────────────────┘
┌─ LOGS ───────────────────────────────────────┐┌─ TIMELINE ───────────────────┐
│api.log  30 lines                             ││ no incident journal open(non)│
└──────────────────────────────────────────────┘└──────────────────────────────┘
 rollback of api on api-1: OK — api runs v1.4.1 and /readyz answers 200
 (migrations_current true); jobs still runs v1.5.0-bad, so api-1 keeps
 exporting until X turns the switch off; the .env now says TAG=v1.4.1, the
 compose file was not touched, and the old container was re… (z shows it whole)
EOF
assert_screen zoomed <<'EOF'
 warroom │ no incident named │ T+00:00:00               2026-01-01 00:00:00 UTC
┌─ ▶ HOSTS (zoomed: z shows every pane) ───────────────────────────────────────┐
│  HOST SERVICE CONN TAG    VERDICT STATE   HEALTH READY RST AGE               │
│> h1   api     UP   v1.4.1 OK      running OK     OK    0   0s                │
│  h1   jobs    UP   v1.4.1 OK      running -      -     0   0s                │
│  h2   api     UP   v1.4.1 OK      running OK     OK    0   0s                │
│  h2   jobs    UP   v1.4.1 OK      running -      -     0   0s                │
│  h3   api     UP   v1.4.1 OK      running OK     OK    0   0s                │
│  h4   api     UP   v1.4.1 OK      running OK     OK    0   0s                │
│  h5   api     UP   v1.4.1 OK      running OK     OK    0   0s                │
│  h6   api     UP   v1.4.1 OK      running OK     OK    0   0s                │
│  h7   api     UP   v1.4.1 OK      running OK     OK    0   0s                │
│  h8   api     UP   v1.4.1 OK      running OK     OK    0   0s                │
│  h9   api     UP   v1.4.1 OK      running OK     OK    0   0s                │
│  h10  api     UP   v1.4.1 OK      running OK     OK    0   0s                │
│  h11  api     UP   v1.4.1 OK      running OK     OK    0   0s                │
│  h12  api     UP   v1.4.1 OK      running OK     OK    0   0s                │
│  h13  api     UP   v1.4.1 OK      running OK     OK    0   0s                │
└─ ▼ 11 more rows ─────────────────────────────────────────────────────────────┘
 rollback of api on api-1: OK — api runs v1.4.1 and /readyz answers 200
 (migrations_current true); jobs still runs v1.5.0-bad, so api-1 keeps
 exporting until X turns the switch off; the .env now says TAG=v1.4.1, the
 compose file was not touched, and the old container was removed after the new
 one passed its health check twice in a row
EOF
for s in outcome message; do
	# LOGS' and TIMELINE's bottom borders stay in sight above the message.
	grep -q "^└─.*┘└─.*┘$" "$tmp/$s" || fail "screen $s: the bottom panes' borders are hidden"
done
grep -q "(whole in TIMELINE: 5, Enter)$" "$tmp/outcome" || fail "the cut outcome does not say where it is whole"
grep -q "(z shows it whole)$" "$tmp/message" || fail "the cut message does not say where it is whole"
grep -q "twice in a row$" "$tmp/zoomed" || fail "zoomed, the message is not whole"
trim_screen "$tmp/word" | tail -3 | tr '\n' ' ' | tr -s ' ' |
	grep -q "^ rollback of checkout-api on k8s-bastion-eu-west-1 (kubectl rollout undo): UNKNOWN — " ||
	{ cat "$tmp/word"; fail "at 80 columns the cut outcome does not show its word"; }
ok "a long message keeps the bottom borders, cut saying where it is whole"
