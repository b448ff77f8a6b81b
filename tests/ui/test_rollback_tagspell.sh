#!/bin/sh
# test_rollback_tagspell.sh — Compose pulls a tag literally: a tag typed
# at a step's to=<TAG> without its leading v (1.4.1) where releases.log
# knows v1.4.1 runs as v1.4.1, and the dialog says so; the pull and .env
# get IMAGE_TAG=v1.4.1 (they got 1.4.1, a missing image, and .env
# drift for api). A typed tag no source knows runs as typed, said loudly.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 1 --tag v1.5.0-bad
log=$fl/hosts/h1/commands.log
cat > "$tmp/rb.md" <<'MD'
# Drill

1. Roll jobs back

   ```warroom
   rollback service=jobs to=<TAG>
   ```
MD
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 1s\nhealth_timeout = 20s/' "$fl/warroom.conf" > "$tmp/c.conf"
start 160 50 "$WARROOM -c $tmp/c.conf -r $tmp/rb.md --incident spell"
wait_re "│  h1 +jobs +UP +v1\\.5\\.0-bad" 15
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
keys 4 Down
wait_for "> [ ] $ Roll jobs back"
keys x
wait_for "<TAG> (1 of 1) = " 10
keys -l 1.4.9; keys Enter
wait_for "type jobs and press Enter" 15
assert_contains "$tmp/screen" "1.4.9 is not a release this host or releases.log knows"
assert_contains "$tmp/screen" "tag  v1.5.0-bad  ->  1.4.9"
keys Escape
wait_for "nothing ran"
ok "a tag no source knows: as typed, said"

keys x
wait_for "<TAG> (1 of 1) = " 10
keys -l 1.4.1; keys Enter
wait_for "type jobs and press Enter" 15
assert_contains "$tmp/screen" "1.4.1 is v1.4.1 here (releases.log"
assert_contains "$tmp/screen" "tag  v1.5.0-bad  ->  v1.4.1"
assert_contains "$tmp/screen" ".env changes too: IMAGE_TAG=v1.5.0-bad -> v1.4.1"
assert_not_contains "$tmp/screen" "1.4.9 is not"
ok "1.4.1 typed: the dialog plans v1.4.1 and says why"
keys -l jobs; keys Enter
wait_for "rollback of jobs on h1 (docker compose up -d): OK" 40
grep '"mutating":true' "$log" | grep -q '"env":{"IMAGE_TAG":"v1.4.1"}' ||
	{ cat "$log"; fail "the pull and up did not carry IMAGE_TAG=v1.4.1"; }
grep -q '"IMAGE_TAG":"1.4.1"' "$log" && fail "IMAGE_TAG=1.4.1 was sent"
i=0
until grep -q '^IMAGE_TAG=v1.4.1$' "$fl/hosts/h1/app/.env"; do
	sleep 0.2; i=$((i + 1)); [ $i -lt 50 ] || fail ".env: $(cat "$fl/hosts/h1/app/.env")"
done
journal=$(ls "$fl"/timeline/spell-*.jsonl)
grep -q '"kind":"action.intent".*"to":"v1.4.1".*"named":"1.4.1"' "$journal" ||
	{ grep action.intent "$journal"; fail "the intent does not keep the tag as typed"; }
ok "commands.log and .env carry v1.4.1; the journal keeps 1.4.1 as typed"
quit_console
