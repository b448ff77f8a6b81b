#!/bin/sh
# test_logs_filter_refused.sh — a pattern pcre2 refuses is not thrown away:
# the next / brings it back to be fixed, the cursor where pcre2 said it
# went wrong (here its end, then the middle), and Esc gives it up, so the
# / after that shows the filter that holds.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_config
printf 'api-1/api 2026-01-01T00:00:00.000Z %s\n' "INFO status=200" "ERROR status=503" \
	"INFO a)b" > "$tmp/api.log"
steps '
:logs api.log
3
/ERROR<Enter>
/<C-u>status=5[0-9<Enter>
:save-screen refused
/
:save-screen again
]<Enter>
:save-screen fixed
/<C-u>a)b<Enter>
/(<Enter>
:save-screen middle
/<C-u>(x<Enter>
/<Esc>
/
:save-screen given_up
'
run_console -c "$tmp/warroom.conf"
footer() { tail -n 2 "$tmp/$1" | tr -d '\n'; }
footer refused | grep -q "filter not set: missing terminating \] for character class at offset 12 (/ to.*fix)" ||
	fail "refused: $(footer refused)"
footer fixed | grep -q "LOGS filtered by /status=5\[0-9\]/" || fail "not fixed: $(footer fixed)"
footer middle | grep -q "LOGS filtered by /a()b/" || fail "the cursor was not at pcre2's offset: $(footer middle)"
footer given_up | grep -q " filter /a()b  " || fail "Esc did not give it up: $(footer given_up)"
ok "a refused pattern comes back with /, the cursor at pcre2's offset; Esc gives it up"

assert_screen again <<'EOF'
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
│                                              │└──────────────────────────────┘
│                                              │┌─ TIMELINE ───────────────────┐
│                                              ││ no incident journal open     │
│                                              ││ (none in screen tests)       │
│                                              ││                              │
│                                              ││                              │
│api-1/api 00:00:00 ERROR status=503           ││                              │
│api.log  filter /ERROR/ (case)  1 matching    ││                              │
└──────────────────────────────────────────────┘└──────────────────────────────┘
 filter /status=5[0-9                    refused: fix it; Esc keeps the filter
EOF
