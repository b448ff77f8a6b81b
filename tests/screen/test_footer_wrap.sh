#!/bin/sh
# test_footer_wrap.sh — at 80x24 a footer message wider than the footer
# is not cut: it goes on in the rows above the footer, whole, and stays
# past the usual few seconds until a key is pressed; after that key it
# times out like a short one, and a short one still goes by itself.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_config
steps '
:resize 80x24
3
@yesterday at noon<Enter>
:sleep 30
:save-screen held
<C-l>
:save-screen seen
@yesterday at noon<Enter>
:sleep 2
<C-l>
:sleep 2
:save-screen fresh
:sleep 3
:save-screen gone
/a(b<Enter>
:save-screen short
:sleep 7
:save-screen short_gone
'
run_console -c "$tmp/warroom.conf"
# footer NAME — the screen's last two rows.
footer() { tail -2 "$tmp/$1"; }
assert_screen held <<'EOF'
 warroom │ no incident named │ T+00:00:30               2026-01-01 00:00:30 UTC
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
│ no log stream open                           │└──────────────────────────────┘
│                                              │┌─ TIMELINE ───────────────────┐
│                                              ││ no incident journal open     │
│                                              ││ (none in screen tests)       │
│                                              ││                              │
│                                              ││                              │
│                                              ││                              │
└──────────────────────────────────────────────┘└──────────────────────────────┘
 LOGS unchanged: 'yesterday at noon' is not a time: 19:30 UTC, 10m ago or RFC
 3339
EOF
assert_screen fresh <<'EOF'
 warroom │ no incident named │ T+00:00:34               2026-01-01 00:00:34 UTC
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
│ no log stream open                           │└──────────────────────────────┘
│                                              │┌─ TIMELINE ───────────────────┐
│                                              ││ no incident journal open     │
│                                              ││ (none in screen tests)       │
│                                              ││                              │
│                                              ││                              │
│                                              ││                              │
└──────────────────────────────────────────────┘└──────────────────────────────┘
 LOGS unchanged: 'yesterday at noon' is not a time: 19:30 UTC, 10m ago or RFC
 3339
EOF
for s in seen gone short_gone; do
	footer "$s" | grep -q "not a time" && fail "screen $s still shows the message"
	footer "$s" | grep -q "not set" && fail "screen $s still shows the short message"
	footer "$s" | tail -1 | grep -q "? help  q quit" || fail "screen $s: no key hints"
done
footer short | tail -1 | grep -q "^ filter not set: missing closing parenthesis at offset 3 (/ to fix)$" ||
	fail "the short message is not on the footer's one row: $(footer short)"
ok "a key lets a long message go after its few seconds; a short one goes by itself"
