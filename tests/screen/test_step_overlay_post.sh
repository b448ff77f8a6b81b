#!/bin/sh
# test_step_overlay_post.sh — at 80x24, with a status page and a chat
# configured: the STEP overlay of "Status page set to investigating" ends by
# saying that x posts to the status page, not that it runs commands on the
# HOSTS host; a step with a command, a post and an announcement says each,
# in order, wrapped above the key hint rather than cut.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_config
cat >> "$tmp/warroom.conf" <<CONF

[statuspage]
kind = cachet
url = https://status.example.com/api/v1
token_env = WR_TEST_STATUS_TOKEN

[chat]
webhook_url_env = WR_TEST_CHAT_URL
CONF
cat > "$tmp/tell.md" <<'MD'
# Tell

1. Check and tell everyone

   ```sh
   curl -fsS http://127.0.0.1:8000/readyz
   ```

   ```warroom
   statuspage update status=identified message="Rolling back api"
   announce message="api rolled back"
   ```

2. Done
MD
steps '
:resize 80x24
4
<Home><Down><Down><Down><Down><Enter>
:save-screen step
<Esc>
R
<Home><Down><Enter>
:save-screen mixed
'
run_console -c "$tmp/warroom.conf" -r "$top_srcdir/docs/runbooks/compose-rollback.md" \
	-r "$tmp/tell.md"

assert_screen step <<'EOF'
 warroom │ no incident named │ T+00:00:00               2026-01-01 00:00:00 UTC
┌─ HOSTS ──────────────────────────────────────────────────────────────────────┐
│  H┌─ STEP compose-rollback.md:14 ────────────────────────────────────────┐   │
│> a│ Status page set to investigating                                     │   │
│  a│                                                                      │   │
│  a│ action: statuspage op=create name=Elevated API errors                │   │
│  k│   status=investigating impact=minor                                  │   │
└───│                                                                      │───┘
┌─ M│                                                                      │s ─┐
│ ap│                                                                      │5 …│
│   │                                                                      │rr…│
│   │                                                                      │me…│
│   │                                                                      │in…│
│   │                                                                      │───┘
└───│                                                                      │───┐
┌─ L│                                                                      │   │
│ no│                                                                      │   │
│   │                                                                      │   │
└───│                                                                      │───┘
 run│ x posts to the status page.                                          │
 war│ Highlighted: placeholders. Esc or Enter closes.                      │
 und└──────────────────────────────────────────────────────────────────────┘
 (api-1: verdict from restarts alone; +2 more); warroom --check-config lists
 them
EOF

assert_screen mixed <<'EOF'
 warroom │ no incident named │ T+00:00:00               2026-01-01 00:00:00 UTC
┌─ HOSTS ──────────────────────────────────────────────────────────────────────┐
│  H┌─ STEP tell.md:3 ─────────────────────────────────────────────────────┐   │
│> a│ Check and tell everyone                                              │   │
│  a│                                                                      │   │
│  a│ $ curl -fsS http://127.0.0.1:8000/readyz                             │   │
│  k│ action: statuspage op=update status=identified message=Rolling back  │   │
└───│   api                                                                │───┘
┌─ M│ action: announce message=api rolled back                             │───┐
│ ap│ x runs as written                                                    │   │
│   │                                                                      │   │
│   │                                                                      │yo…│
│   │                                                                      │   │
│   │                                                                      │───┘
└───│                                                                      │───┐
┌─ L│                                                                      │   │
│ no│                                                                      │   │
│   │                                                                      │   │
└───│ x runs them on the HOSTS host, asking for each placeholder, then     │───┘
 run│   posts to the status page, then announces in the chat.              │
 war│ Highlighted: placeholders. Esc or Enter closes.                      │
 und└──────────────────────────────────────────────────────────────────────┘
 (api-1: verdict from restarts alone; +2 more); warroom --check-config lists
 them
EOF
