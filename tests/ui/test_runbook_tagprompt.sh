#!/bin/sh
# test_runbook_tagprompt.sh — a tag placeholder's prompt (<GOOD_TAG> in a
# step's script, a binding's to=<TAG>) says what the host's services run
# now, as the k8s revision prompt does, and on a Compose host a box above
# the footer lists the tags releases.log offers, labelled as the rollback
# dialog lists them; another placeholder gets neither. Esc runs nothing.
# After api's rollback, the step setting api's and jobs' tag offers the
# tag it went to first, saying it fits jobs and api runs it. Picked, api
# is skipped (said, and journalled naming the step) and jobs goes there.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 1 --tag v1.5.0-bad
cat > "$tmp/rb.md" <<'MD'
# Drill

1. Point Compose to the known-good tag

   ```bash
   IMAGE_TAG=<GOOD_TAG> docker compose --env-file .env pull
   IMAGE_TAG=<GOOD_TAG> docker compose --env-file .env up -d api jobs
   echo "done by <who>"
   ```

2. Roll api back

   ```warroom
   rollback service=api to=<TAG>
   ```

3. Move api and jobs to one tag

   ```bash
   IMAGE_TAG=<GOOD_TAG> docker compose up -d api jobs
   ```
MD
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 1s\nhealth_timeout = 20s/' "$fl/warroom.conf" > "$tmp/c.conf"
start 120 40 "$WARROOM -c $tmp/c.conf -r $tmp/rb.md --incident tags"
wait_re "│>[ !]h1 +api +UP +v1\\.5\\.0-bad" 15
wait_re "│  h1 +jobs +UP +v1\\.5\\.0-bad" 15
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
keys 4 Down
wait_for "> [ ] $ Point Compose"
keys x
wait_for "on h1 (api, jobs at v1.5.0-bad), <GOOD_TAG> (1 of 2) = "
wait_for "TAGS TO GO BACK TO" 10
wait_for "h1 could go back to, as the rollback dialog lists them:" 10
wait_for "v1.4.1  (last good in releases.log)"
assert_contains "$tmp/screen" "v1.4.0"
ok "<GOOD_TAG>: what runs now beside the question, releases.log's tags above it"
keys -l v1.4.1; keys Enter
wait_for "on h1, <who> (2 of 2) = "
assert_not_contains "$tmp/screen" "TAGS TO GO BACK TO"
keys Escape
wait_for "nothing ran"
ok "another placeholder: neither"

keys Down
wait_for "> [ ] $ Roll api back"
keys x
wait_for "on h1 (api at v1.5.0-bad), <TAG> (1 of 1) = " 10
wait_for "v1.4.1  (last good in releases.log)" 10
keys Escape
wait_for "nothing ran"
assert_not_contains "$tmp/screen" "TAGS TO GO BACK TO"
ok "a binding's to=<TAG>: the same"

# api rolled back to v1.4.1, jobs still on v1.5.0-bad: the step that
# sets one tag for both offers v1.4.1 first, the tag this incident's
# rollback went to, said to fit jobs.
keys 1
wait_re "│>[ !]h1 +api +UP +v1\\.5\\.0-bad" 5
keys r
wait_for "type api and press Enter" 15
assert_contains "$tmp/screen" "tag  v1.5.0-bad  ->  v1.4.1"
keys -l api; keys Enter
wait_for "rollback of api on h1 (docker compose up -d): OK" 40
wait_re "│>[ !]h1 +api +UP +v1\\.4\\.1 " 10
keys 4 Up
wait_for "> [ ] $ Point Compose"
keys x
wait_for "<GOOD_TAG> (1 of 2) = " 10
wait_for "this incident's rollback target: for jobs; api" 10
grep -A1 "could go back to" "$tmp/screen" | grep -q "v1\\.4\\.1  (last good for jobs in releases\\.log)" ||
	{ cat "$tmp/screen"; fail "v1.4.1 is not offered first"; }
keys Escape
wait_for "nothing ran"
ok "after api's rollback: its target offered first, for the service not on it yet"

# api already on v1.4.1 cancelled the queue, and jobs never moved.
keys Down Down
wait_for "> [ ] $ Move api and jobs"
keys x
wait_for "<GOOD_TAG> (1 of 1) = " 10
wait_for "this incident's rollback target: for jobs; api" 10
# Each "last good" says whose it is: v1.4.1 is jobs', v1.4.0 api's.
assert_contains "$tmp/screen" "v1.4.1  (last good for jobs in releases.log)"
assert_contains "$tmp/screen" "v1.4.0  (last good for api in releases.log)"
keys -l v1.4.1; keys Enter
wait_for "rollback of api on h1 (docker compose up -d): SKIPPED — api already runs v1.4.1: nothing to do" 15
wait_for "type jobs and press Enter" 15
keys -l jobs; keys Enter
wait_for "rollback of jobs on h1 (docker compose up -d): OK" 40
wait_re "│  h1 +jobs +UP +v1\\.4\\.1 " 10
journal=$(ls "$fl"/timeline/tags-*.jsonl)
grep '"kind":"action.refused"' "$journal" | grep '"reason":"api already runs v1.4.1: nothing to do"' |
	grep -q '"runbook_step":' || { cat "$journal"; fail "api's skip does not name the step"; }
grep -q '"kind":"action.intent".*"service":"jobs".*"runbook_step":' "$journal" ||
	fail "jobs' rollback does not name the step"
ok "one tag for api and jobs: api already on it is skipped, jobs goes to it"
quit_console
