#!/bin/sh
# test_runbook_section_refused.sh — x on a runbook SECTION row whose own
# block is the kill switch, refused before any dialog (a helm host: the
# kill switch edits a compose host's .env), leaves an action.refused that
# names the section, so the section's row says REFUSED: live, in a
# read-only watcher beside it, and once the incident is reopened. Before,
# no mark showed anywhere: the refusal named no row.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 1 --driver helm --tag v1.5.0-bad
cat > "$tmp/rb.md" <<'MD'
# 1. Exports kill switch

```warroom
killswitch export off service=api
```
MD
wr="$WARROOM -c $fl/warroom.conf --incident secref -r $tmp/rb.md"
start 200 50 "$wr"
wait_re "│> h1 +api +UP" 15
start_also ro 200 50 "$wr --read-only"
session=ro
wait_for "watching incident secref"
session=t
press_for A "type arm to arm: "
keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]" 15
keys 4
keys x
wait_for "kill switch refused: h1 is a helm host"
capture
assert_not_contains "$tmp/screen" "CONFIRM"
wait_for "[REFUSED] 1. Exports kill switch" 5
journal=$(ls "$fl"/timeline/secref-*.jsonl)
grep '"kind":"action.refused"' "$journal" | grep '"action":"helm.killswitch"' |
	grep -q '"runbook_section":"rb.md:1"' ||
	fail "the refusal names no section: $(grep action.refused "$journal")"
session=ro
keys 4
wait_for "[REFUSED] 1. Exports kill switch" 20
ok "the section's row says REFUSED, and so does a read-only watcher's"
keys q
session=t
quit_console
start 200 50 "$wr"
wait_re "│> h1 +api +UP" 15
keys 4
wait_for "[REFUSED] 1. Exports kill switch" 15
ok "reopened: the section's row keeps REFUSED"
quit_console
