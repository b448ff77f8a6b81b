#!/bin/sh
# test_tagprompt_small.sh — at 80x24 the tag placeholder's prompt goes on
# in the rows above the footer (what the host's services run now), and
# the TAGS TO GO BACK TO box sat over those rows: only " on " showed
# beside its bottom border. The box now ends above the prompt's rows, so
# the question reads whole under it.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 1 --tag v1.5.0-bad
cat > "$tmp/rb.md" <<'MD'
# Drill

1. Point Compose to the known-good tag

   ```bash
   IMAGE_TAG=<LAST_KNOWN_GOOD_IMAGE_TAG_OF_API_AND_JOBS> docker compose --env-file .env up -d api jobs
   ```
MD
start 80 24 "$WARROOM -c $fl/warroom.conf -r $tmp/rb.md --incident tagsmall"
wait_re "│>[ !]h1 +api +UP +v1\\.5\\.0-bad" 15
wait_re "│  h1 +jobs +UP +v1\\.5\\.0-bad" 15
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
keys 4 Down
wait_for "> [ ] $ Point Compose"
keys x
wait_for "TAGS TO GO BACK TO" 10
wait_for "v1.4.1  (last good in releases.log)" 10
capture
# The question's rows: whole, below the box's bottom border.
grep -q "on h1 (api, jobs at v1.5.0-bad)," "$tmp/screen" ||
	{ cat "$tmp/screen"; fail "the prompt's context is hidden"; }
row=$(grep -n "on h1 (api, jobs at v1.5.0-bad)," "$tmp/screen" | head -1 | cut -d: -f1)
border=$(grep -n "└" "$tmp/screen" | tail -1 | cut -d: -f1)
[ "$border" -lt "$row" ] || { cat "$tmp/screen"; fail "the box ends on or below the prompt's row"; }
tail -1 "$tmp/screen" | grep -q "(1 of 1) =$" || { cat "$tmp/screen"; fail "no question on the footer"; }
keys Escape
wait_for "nothing ran"
ok "at 80x24 the tag box ends above the prompt's rows"
