#!/bin/sh
# test_escapes.sh — the escape corpus end to end (DESIGN §3.5 "Remote text
# is data"), read back from a real terminal (tmux with set-titles and
# set-clipboard on, so a leak would land): OSC 52, OSC 0/2 titles, OSC 8,
# CSI 2J, CSI 21t, DCS, raw and UTF-8 C1, U+202E, overlong and surrogate
# encodings, delivered through
#   (a) remote log lines (LOGS; the fleet's log-escapes fault),
#   (b) a tool's own words: the polling command's error in HOSTS and a
#       failed rollback's outcome (status line, TIMELINE, journal, export)
#       (cmd-escapes),
#   (c) /healthz and /readyz bodies in the HOSTS detail, a /version body and
#       a response header (http-escapes),
#   (d) the config: a host name, a value and a key (refused, and quoted in
#       the error) and values --check-config prints.
# Each shows as visible text (^[, \x9b, <U+202E>, U+FFFD); the pane title
# is unchanged, no tmux buffer was written, the screen was not cleared, and
# the journal and both exports hold no control character.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
command -v python3 > /dev/null 2>&1 || skip "python3 is not installed"
fleet_up --hosts 2 --tag v1.5.0-bad --log-rate 20
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 1s\nprobe_interval = 1s/' "$fl/warroom.conf" > "$tmp/c.conf"
"$fleet" fault --dir "$fl" h1 cmd-escapes all > /dev/null
"$fleet" fault --dir "$fl" h2 http-escapes > /dev/null

# A terminal where a leak would show: titles and the clipboard are live.
arm_terminal() {
	tmx set -g set-titles on
	tmx set -g set-clipboard on
	tmx set -g allow-rename on
	tmx select-pane -t t -T known-title
}
untouched() {
	[ "$(tmx display -p -t t '#{pane_title}')" = known-title ] ||
		fail "$1 changed the terminal's title to '$(tmx display -p -t t '#{pane_title}')'"
	[ -z "$(tmx list-buffers 2> /dev/null)" ] || fail "$1 wrote the clipboard (tmux buffer)"
}

start 400 50 "$WARROOM -c $tmp/c.conf --incident escapes"
arm_terminal

# (b) The polling command fails with escapes in its words.
wait_for 'h1/api: exit 1: Error response from daemon: ^[]0;pwned-title^G^[]52;c;ZWNobyBwd25lZA==^G^[[2J \x9b31m \x9b0m <U+202E>evil<U+202C> �� ��� end' 15
ok "(b) a tool's error in HOSTS: ^[, \\x9b (raw and UTF-8 C1), <U+202E>, U+FFFD"

# (c) Health bodies with escapes, shown in the HOSTS detail of h2.
keys Down Down
wait_for 'h2: healthz FAIL (HTTP 503: status "^[]0;pwned-title^G^[]52;c;' 15
assert_contains "$tmp/screen" 'readyz FAIL (HTTP 503: status "<U+202E>evil<U+202C>\x9b31m^[[2J'
untouched "a /healthz or /readyz body, a /version body or a header"
ok "(c) /healthz and /readyz bodies in HOSTS detail through the one sanitizer"

# (b) A rollback whose pull fails with escapes: the outcome everywhere.
"$fleet" fault --dir "$fl" h1 clear cmd-escapes > /dev/null
"$fleet" fault --dir "$fl" h1 cmd-escapes > /dev/null
keys Up Up
wait_re "│> h1 +api +UP +v1\\.5\\.0-bad" 15
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
keys r
wait_for "CONFIRM ROLLBACK" 10
keys -l api; keys Enter
reason='pull exited 1: Error response from daemon: ^[]0;pwned-title^G^[]52;c;ZWNobyBwd25lZA==^G^[[2J \x9b31m \x9b0m <U+202E>evil<U+202C> �� ��� end'
wait_for "rollback of api on h1 (docker compose up -d): FAILED — $reason" 20
wait_for "action.end h1 failed — rollback of api (docker compose up -d) — pull exited 1: Error response from daemon: ^[]0;" 5
untouched "a failed command's output"
ok "(b) a failed rollback's outcome (status line and TIMELINE) as escaped text"

# (a) The log corpus in LOGS, every entry as text.
"$fleet" fault --dir "$fl" h2 log-escapes > /dev/null
keys Down Down Enter
wait_for 'clipboard ^[]52;c;ZWNobyBwd25lZA==^G end' 15
for want in 'title ^[]0;pwned-title^G end' 'clear ^[[2J^[[H end' \
    'c1 \x9b31mred\x9b0m end' 'c1utf8 \x9b31mred\x9b0m end' \
    'invalid �� �� ��� � end' 'bidi <U+202E>evil<U+202C> end' \
    'title2 ^[]2;pwned-title2^[\ end' \
    'link ^[]8;;http://evil.invalid/^[\click^[]8;;^[\ end' \
    'report ^[[21t end' 'dcs ^[P1$r0m^[\ end'; do
	wait_for "$want" 5
done
sleep 1
capture
assert_contains "$tmp/screen" "HOSTS"
assert_contains "$tmp/screen" "METRICS"
assert_contains "$tmp/screen" " warroom │ escapes │"
untouched "a log line"
ok "(a) every corpus entry in LOGS as text; title, clipboard and screen untouched"
quit_console

# The journal and both exports: valid UTF-8, no control character but
# newline and tab, no C1, no bidi control (raw or JSON-escaped).
journal=$(ls "$fl"/timeline/escapes-*.jsonl)
id=$(basename "$journal" .jsonl)
grep -q '"kind":"action.end"' "$journal" || fail "no action.end in the journal"
"$WARROOM" export "$id" -c "$tmp/c.conf" --format md > "$tmp/export.md" || fail "export md"
"$WARROOM" export "$id" -c "$tmp/c.conf" --format json > "$tmp/export.json" || fail "export json"
python3 - "$journal" "$tmp/export.md" "$tmp/export.json" <<'PY' || fail "a control character was stored"
import re, sys
bad = 0
for path in sys.argv[1:]:
    raw = open(path, "rb").read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        print("%s: not UTF-8: %s" % (path, e)); bad += 1; continue
    for m in re.finditer(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
                         r"|\\u00[01][0-9a-fA-F]|\\u007[fF]|\\u00[89][0-9a-fA-F]|\\u202[a-eA-E]", text):
        print("%s: %r at %d: %r" % (path, m.group(), m.start(), text[max(0, m.start() - 40):m.end() + 20])); bad += 1
    if "pwned-title" not in text:
        print("%s: the failed rollback's reason is missing" % path); bad += 1
sys.exit(1 if bad else 0)
PY
ok "journal, Markdown and JSON exports hold the escapes as text only"

# (d) The config: refused names and values are quoted as text, and what
# --check-config prints about accepted values too.
printf '[warroom]\ntimeline_dir = %s/tl\n[host "ev\033[2Jil\342\200\256x"]\naddress = 127.0.0.1\n[host "ok"]\naddress = 127.0.0.1\nport = \033]0;pwned-title\007\302\233\nfoo\033]2;pwned-title2\007 = 1\ndriver = compose\ncompose_dir = /x\nservices = api\n' "$tmp" > "$tmp/bad.conf"
printf '[warroom]\ntimeline_dir = %s/tl\n[host "ok"]\naddress = 127.0.0.1\033]0;pwned-title\007\nuser = u\033]52;c;ZWNobyBwd25lZA==\007\ndriver = compose\ncompose_dir = /x\342\200\256\302\233\033[2J\nservices = api\n' "$tmp" > "$tmp/odd.conf"
start 200 50 "echo before-marker; sleep 0.5; $WARROOM -c $tmp/bad.conf --check-config; $WARROOM -c $tmp/odd.conf --check-config"
arm_terminal
wait_for "(not resolved: ssh -G failed)" 10
assert_contains "$tmp/screen" "before-marker"
assert_contains "$tmp/screen" 'host name "ev^[[2Jil<U+202E>x": use letters'
assert_contains "$tmp/screen" "port: expected a number from 1 to 65535, got '^[]0;pwned-title^G\\x9b'"
assert_contains "$tmp/screen" "unknown key 'foo^[]2;pwned-title2^G'"
# ssh itself refuses such a user (the check fails in its words); the
# config's values are still printed as text.
assert_contains "$tmp/screen" 'ok: u^[]52;c;ZWNobyBwd25lZA==^G@127.0.0.1^[]0;pwned-title^G (not resolved: ssh -G failed) driver=compose compose_dir=/x<U+202E>\x9b^[[2J'
untouched "the config"
ok "(d) config: refused host name, value and key, and printed values, as text"
