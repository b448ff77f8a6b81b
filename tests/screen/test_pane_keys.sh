#!/bin/sh
# test_pane_keys.sh — keys that belong to one pane, pressed in another,
# act on nothing and say where they work: f, w, t and N in HOSTS name LOGS
# and 3 (LOGS stays following, unwrapped); Space, [ and ] name RUNBOOK
# and 4; in LOGS f pauses as before; R with a single runbook says so;
# Enter in LOGS or METRICS, where it does nothing, says so and where it
# acts.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_config
i=1
while [ "$i" -le 3 ]; do
	printf 'api-1/api 2026-01-01T00:00:%02d.000Z INFO seq=%d\n' "$i" "$i"
	i=$((i + 1))
done > "$tmp/api.log"
steps '
:logs api.log
f
:save-screen f-hosts
w
:save-screen w-hosts
t
:save-screen t-hosts
N
:save-screen n-hosts
<Space>
:save-screen space-hosts
[
:save-screen bracket-hosts
R
:save-screen r-one
3
f
:save-screen f-logs
<Enter>
:save-screen enter-logs
2<Enter>
:save-screen enter-metrics
'
run_console -c "$tmp/warroom.conf" -r "$top_srcdir/docs/runbooks/compose-rollback.md"

# footer NAME TEXT — screen NAME's last line is TEXT.
footer() {
	[ -f "$tmp/$1" ] || fail "screen $1 was not saved"
	got=$(tail -n 1 "$tmp/$1" | sed 's/ *$//')
	[ "$got" = "$2" ] || fail "screen $1's footer: '$got', not '$2'"
	ok "screen $1's footer"
}

assert_screen f-hosts <<'EOF'
 warroom │ no incident named │ T+00:00:00               2026-01-01 00:00:00 UTC
┌─ ▶ HOSTS ────────────────────────────────────────────────────────────────────┐
│  HOST        SERVICE CONN          TAG STATE HEALTH READY VERSION RST AGE    │
│> api-1       api     not connected           -      -     -                  │
│  api-1       jobs    not connected           -      -     -                  │
│  api-2       api     not connected           -      -     -                  │
│  k8s-bastion api     not connected           -      -     -                  │
└──────────────────────────────────────────────────────────────────────────────┘
┌─ METRICS ────────────────────────────────────┐┌─ RUNBOOK ────────────────────┐
│ api-1: no metrics_url in the config          ││compose-rollback.md  0/15  (4…│
│                                              ││> - Compose rollback: api and…│
│                                              ││  - Before you start  0/3     │
│                                              ││  [f] Incident opened in warr…│
│                                              ││  [ ] Incident commander name…│
└──────────────────────────────────────────────┘└─ ▼ 18 more rows ─────────────┘
┌─ LOGS ───────────────────────────────────────┐┌─ TIMELINE ───────────────────┐
│                                              ││ no incident journal open     │
│                                              ││ (none in screen tests)       │
│api-1/api 00:00:01 INFO seq=1                 ││                              │
│api-1/api 00:00:02 INFO seq=2                 ││                              │
│api-1/api 00:00:03 INFO seq=3                 ││                              │
│api.log  3 lines                              ││                              │
└──────────────────────────────────────────────┘└──────────────────────────────┘
 f follows or pauses LOGS: focus it first (3)
EOF
footer w-hosts ' w wraps the LOGS lines: focus it first (3)'
footer t-hosts ' t shows or hides the LOGS timestamps: focus it first (3)'
footer n-hosts ' N goes to the previous LOGS match: focus it first (3)'
footer space-hosts ' Space ticks a runbook step: focus RUNBOOK first (4)'
footer bracket-hosts ' [ jumps to an unticked step: focus RUNBOOK first (4)'
footer r-one ' only one runbook is loaded (compose-rollback.md)'
assert_screen f-logs <<'EOF'
 warroom │ no incident named │ T+00:00:00               2026-01-01 00:00:00 UTC
┌─ HOSTS ──────────────────────────────────────────────────────────────────────┐
│  HOST        SERVICE CONN          TAG STATE HEALTH READY VERSION RST AGE    │
│> api-1       api     not connected           -      -     -                  │
│  api-1       jobs    not connected           -      -     -                  │
│  api-2       api     not connected           -      -     -                  │
│  k8s-bastion api     not connected           -      -     -                  │
└──────────────────────────────────────────────────────────────────────────────┘
┌─ METRICS ────────────────────────────────────┐┌─ RUNBOOK ────────────────────┐
│ api-1: no metrics_url in the config          ││compose-rollback.md  0/15  (4…│
│                                              ││> - Compose rollback: api and…│
│                                              ││  - Before you start  0/3     │
└──────────────────────────────────────────────┘│  [f] Incident opened in warr…│
┌─ ▶ LOGS ─────────────────────────────────────┐│  [ ] Incident commander name…│
│                                              │└─ ▼ 18 more rows ─────────────┘
│                                              │┌─ TIMELINE ───────────────────┐
│                                              ││ no incident journal open     │
│                                              ││ (none in screen tests)       │
│api-1/api 00:00:01 INFO seq=1                 ││                              │
│api-1/api 00:00:02 INFO seq=2                 ││                              │
│api-1/api 00:00:03 INFO seq=3                 ││                              │
│api.log  3 lines  PAUSED +0 new (f follows)   ││                              │
└──────────────────────────────────────────────┘└──────────────────────────────┘
 / filter  z zoom  n next match  N prev match  Tab pane  ? help  q quit
EOF

grep -qF "Enter does nothing in LOGS: in HOSTS (1) it tails the service" "$tmp/enter-logs" ||
	{ cat "$tmp/enter-logs"; fail "Enter in LOGS said nothing"; }
ok "Enter in LOGS says it does nothing there"
assert_screen enter-metrics <<'EOF'
 warroom │ no incident named │ T+00:00:00               2026-01-01 00:00:00 UTC
┌─ HOSTS ──────────────────────────────────────────────────────────────────────┐
│  HOST        SERVICE CONN          TAG STATE HEALTH READY VERSION RST AGE    │
│> api-1       api     not connected           -      -     -                  │
│  api-1       jobs    not connected           -      -     -                  │
│  api-2       api     not connected           -      -     -                  │
│  k8s-bastion api     not connected           -      -     -                  │
└──────────────────────────────────────────────────────────────────────────────┘
┌─ ▶ METRICS ──────────────────────────────────┐┌─ RUNBOOK ────────────────────┐
│ api-1: no metrics_url in the config          ││compose-rollback.md  0/15  (4…│
│                                              ││> - Compose rollback: api and…│
│                                              ││  - Before you start  0/3     │
│                                              ││  [f] Incident opened in warr…│
│                                              ││  [ ] Incident commander name…│
│                                              │└─ ▼ 18 more rows ─────────────┘
│                                              │┌─ TIMELINE ───────────────────┐
└──────────────────────────────────────────────┘│ no incident journal open     │
┌─ LOGS ───────────────────────────────────────┐│ (none in screen tests)       │
│api-1/api 00:00:02 INFO seq=2                 ││                              │
│api-1/api 00:00:03 INFO seq=3                 ││                              │
│api.log  3 lines  PAUSED +0 new (f follows)   ││                              │
└──────────────────────────────────────────────┘└──────────────────────────────┘
 Enter does nothing in METRICS: in HOSTS (1) it tails the service, in RUNBOOK
 (4) opens or folds the step, in TIMELINE (5) shows the entry whole
EOF
