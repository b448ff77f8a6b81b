#!/bin/sh
# test_logs.sh — LOGS against the fixture fleet: Enter on a HOSTS row tails
# that service, its error lines red; / filters with pcre2 (a bad pattern says why and where);
# f pauses in place and counts new lines; escape sequences and broken
# UTF-8 in the logs show as visible text — the terminal's title is not
# changed, the clipboard is not written, the screen is not cleared; a tail
# whose host went away says so, and once back resumes from the second of
# its newest line without storing that second's lines twice.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 1 --tag v1.5.0-bad --log-rate 20

start 200 50 "$WARROOM -c $fl/warroom.conf"
wait_re "│> h1 +api +UP" 15
title=$(tmx display -p -t t '#{pane_title}')
keys Enter
wait_re "^│h1/api 20[0-9-]+T[0-9:.]+Z (INFO|WARN|ERROR) " 15
wait_re "h1/api +[0-9]+ lines" 5
ok "Enter on a HOSTS row tails that service in LOGS"

# A service's ERROR lines in the theme's "bad" colour (red), INFO plain.
# The pane scrolls at 20 lines a second: the colour capture is retried
# until it too holds an ERROR and an INFO line, not read once after the
# plain capture saw them.
esc=$(printf '\033')
i=0
until tmx capture-pane -e -p -t t > "$tmp/color" &&
    grep -q ' ERROR  *api ' "$tmp/color" && grep -q ' INFO  *api ' "$tmp/color"; do
	i=$((i + 1)); [ $i -lt 300 ] || { cat "$tmp/color"; fail "no ERROR and INFO lines in LOGS"; }
	sleep 0.05
done
grep ' ERROR  *api ' "$tmp/color" | head -1 | grep -q "${esc}\[[0-9;]*31m[^│]*h1/api" ||
	{ grep ' ERROR ' "$tmp/color" | head -2 | cat -v; fail "an ERROR line is not red"; }
grep ' INFO  *api ' "$tmp/color" | head -1 | grep -q "31m[^│]*h1/api" &&
	{ grep ' INFO ' "$tmp/color" | head -2 | cat -v; fail "an INFO line is red"; }
ok "error lines are red, info lines plain"

keys / ; keys -l "(ERROR"; keys Enter
wait_for "filter not set: " 5
assert_contains "$tmp/screen" "at offset"
keys / ; keys C-u; keys -l "ERROR"; keys Enter
wait_for "filter /ERROR/" 5
sleep 1
capture
awk '/─ (▶ )?LOGS/ { f = 1; next } f && /^└/ { f = 0 } f' "$tmp/screen" | grep '^│h1/api' > "$tmp/logs" || true
[ -s "$tmp/logs" ] || { cat "$tmp/screen"; fail "no lines shown under the filter"; }
! grep -q ' INFO ' "$tmp/logs" || { cat "$tmp/logs"; fail "the filter let an INFO line through"; }
# The status line counts the matching lines the ring holds.
shown=$(grep -vc ' lines  filter /' "$tmp/logs")
m=$(sed -n 's/.*filter \/ERROR\/ (case)  \([0-9]*\) matching.*/\1/p' "$tmp/screen" | head -1)
[ "${m:-0}" -ge "$shown" ] || { grep "filter /" "$tmp/screen"; fail "no match count ($m) for $shown lines shown"; }
ok "/ filters (pcre2; a bad pattern says why and where), counting the matches"

keys f
wait_re "PAUSED \\+[0-9]+ new" 5
# Counted are the lines since the pause (the view holds even when the
# filter's matches do not fill the pane); they arrive in batches: poll
# for the count rather than read it once.
sleep 2
i=0
while :; do
	capture
	n=$(sed -n 's/.*PAUSED +\([0-9]*\) new.*/\1/p' "$tmp/screen" | head -1)
	[ "${n:-0}" -gt 0 ] && break
	i=$((i + 1))
	[ "$i" -lt 50 ] || fail "no new lines counted while paused"
	sleep 0.2
done
keys f
keys / ; keys C-u; keys Enter
wait_for "filter cleared" 5
ok "f pauses in place and counts new lines (+$n)"

"$fleet" fault --dir "$fl" h1 log-escapes > /dev/null
wait_for "clipboard ^[]52;c;" 15
wait_for "title ^[]0;pwned-title^G end" 5
wait_for "clear ^[[2J^[[H end" 5
wait_for "<U+202E>evil" 5
assert_contains "$tmp/screen" "HOSTS"
[ "$(tmx display -p -t t '#{pane_title}')" = "$title" ] || fail "a log line changed the terminal's title"
[ -z "$(tmx show-buffer 2> /dev/null)" ] || fail "a log line wrote the clipboard (tmux buffer)"
ok "escape sequences in logs are shown as text; title, clipboard and screen untouched"

# The host goes away: LOGS says the tail stopped, and why, until it runs
# again by itself.
"$fleet" fault --dir "$fl" h1 sshd-stop > /dev/null
wait_re "h1/api  NOT STREAMING: [^;]+; retrying" 15
"$fleet" fault --dir "$fl" h1 sshd-start > /dev/null
wait_re "│> h1 +api +UP" 20
i=0
while capture; grep -q "NOT STREAMING" "$tmp/screen"; do
	sleep 0.2; i=$((i + 1)); [ $i -lt 50 ] || fail "LOGS still says NOT STREAMING with the host back"
done
ok "a tail without its host says NOT STREAMING with the reason, and clears once it runs again"

# The resumed tail asked for the second of the newest line it held: LOGS
# holds that second's lines once each, as many as the service wrote.
since=$(grep -o '"cmd": *"docker compose logs -f [^"]*--since [0-9T:-]*Z' "$fl/hosts/h1/commands.log" |
	tail -1 | sed 's/.*--since \([0-9T:-]*\)Z$/\1/')
[ -n "$since" ] || { tail -3 "$fl/hosts/h1/commands.log"; fail "no resumed logs -f in commands.log"; }
sleep 1
want=$(grep -c "^$since\." "$fl/hosts/h1/logs/api.log")
keys / ; keys C-u; keys -l "^h1.api $since\\."; keys Enter
i=0
until wait_re " [0-9]+ matching" 10; ! grep -q "(searching" "$tmp/screen"; do
	sleep 0.2; i=$((i + 1)); [ $i -lt 50 ] || fail "the filter's search does not end"
done
m=$(sed -n 's/.* \([0-9]*\) matching.*/\1/p' "$tmp/screen" | head -1)
[ "$m" = "$want" ] || { grep "filter /" "$tmp/screen"; fail "$m lines of $since in LOGS, $want in the service's log"; }
keys / ; keys C-u; keys Enter
ok "the resumed tail stores the lines of its since second once ($m)"
keys q
wait_for "exit=0"
