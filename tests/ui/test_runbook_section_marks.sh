#!/bin/sh
# test_runbook_section_marks.sh — what x sent from a runbook section's
# own blocks (here an announce after a command) names the section in the
# journal, so its row's ANNOUNCED is read back: by a --read-only watcher
# while it happens, and by the console reopened on the incident; reopened
# after the announcement's text was edited, the row says both marks are
# an earlier version's.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 1
{
	cat "$fl/warroom.conf"
	echo "[chat]"
	echo "webhook_url_file = $fl/chat.webhook"
} > "$tmp/c.conf"
cat > "$tmp/rb.md" <<'MD'
# Verify

```bash
tail -n 1 releases.log
```

```warroom
announce message="drill: api verified"
```
MD
wr="$WARROOM -c $tmp/c.conf -r $tmp/rb.md --incident marks"
ready() { wait_re "│> h1 +api +UP" 15; }
start 200 50 "$wr"
start_also w 200 50 "$wr --read-only"
ready
press_for A "type arm to arm: "; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
keys 4 x
wait_for "reads only: Enter runs it on h1" 10
keys Enter
wait_for "[OK h1] Verify" 15
keys x
wait_for 'announce "drill: api verified" to the chat? type announce: '
keys -l announce; keys Enter
wait_for "[OK h1, ANNOUNCED] Verify" 15
journal=$(ls "$fl"/timeline/marks-*.jsonl)
grep '"kind":"chat.announce"' "$journal" | grep -q '"runbook_section":"rb.md:1","runbook_code":"[0-9a-f]\{12\}"' ||
	fail "the announcement names no section, or not what it held: $(grep chat.announce "$journal")"
session=w
ready
keys 4
wait_for "[OK h1, ANNOUNCED] Verify" 10
ok "the watcher reads the section's announcement back from the journal"
session=t
quit_console
start 200 50 "$wr"
ready
keys 4
wait_for "[OK h1, ANNOUNCED] Verify" 10
ok "reopened: the section's row keeps ANNOUNCED"
quit_console
# The announcement's text changed since: both marks are an earlier
# version's, not the section's as it reads now.
sed -i 's/drill: api verified/drill: api verified again/' "$tmp/rb.md"
start 200 50 "$wr"
ready
keys 4
wait_for "[EARLIER VERSION OK 1 host, EARLIER VERSION ANNOUNCED] Verify" 10
ok "reopened after the section's announcement was edited: its marks are an earlier version's"
quit_console
