#!/bin/sh
# test_cli.sh — the command line: --help, --version, bad options, missing
# runbooks and themes, and refusing to start without a terminal.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/common.sh"
write_config

"$WARROOM" --help > "$tmp/help" || fail "--help exited $?"
for opt in --config --runbook --incident --read-only --theme --check-config --version; do
	assert_contains "$tmp/help" "$opt"
done
ok "--help lists every option"

"$WARROOM" --version > "$tmp/version" || fail "--version exited $?"
grep -qE '^warroom [0-9]+\.[0-9]+\.[0-9]+$' "$tmp/version" || fail "bad version: $(cat "$tmp/version")"
ok "--version"

rc=0; "$WARROOM" --frobnicate > /dev/null 2> "$tmp/err" || rc=$?
[ "$rc" -eq 2 ] || fail "unknown option exited $rc, want 2"
assert_contains "$tmp/err" "usage:"
ok "unknown option exits 2 with usage"

rc=0; "$WARROOM" -c "$tmp/warroom.conf" -r "$tmp/missing.md" < /dev/null > /dev/null 2> "$tmp/err" || rc=$?
[ "$rc" -eq 1 ] || fail "missing runbook exited $rc"
assert_contains "$tmp/err" "warroom: runbook $tmp/missing.md: No such file or directory"
ok "missing runbook is refused"

rc=0; "$WARROOM" -c "$tmp/warroom.conf" --theme nosuch < /dev/null > /dev/null 2> "$tmp/err" || rc=$?
[ "$rc" -eq 1 ] || fail "unknown theme exited $rc"
assert_contains "$tmp/err" "theme 'nosuch' not found"
ok "unknown theme is refused"

printf 'normal = default\nheader = purple\n' > "$tmp/bad.theme"
rc=0; "$WARROOM" -c "$tmp/warroom.conf" --theme "$tmp/bad.theme" < /dev/null > /dev/null 2> "$tmp/err" || rc=$?
[ "$rc" -eq 1 ] || fail "bad theme exited $rc"
assert_contains "$tmp/err" "warroom: $tmp/bad.theme:2: header: unknown colour or attribute 'purple'"
ok "bad theme names its line"

# Every shipped theme loads (the console reaches the terminal check).
for theme in default light high-contrast monochrome; do
	rc=0; "$WARROOM" -c "$tmp/warroom.conf" --theme "$theme" < /dev/null > /dev/null 2> "$tmp/err" || rc=$?
	assert_contains "$tmp/err" "the console needs a terminal"
done
ok "shipped themes load; no terminal is refused clearly"

# A terminal that cannot move the cursor (TERM=dumb) is refused as an
# unknown one is, on a real terminal (script's pty), before the journal
# records anything.
if command -v script > /dev/null 2>&1; then
	for term in dumb nosuchterm; do
		rc=0
		TERM=$term timeout 10 script -qec "'$WARROOM' -c '$tmp/warroom.conf' --incident termcheck" \
			/dev/null < /dev/null > "$tmp/out" 2>&1 || rc=$?
		[ "$rc" -eq 1 ] || { cat "$tmp/out"; fail "TERM=$term exited $rc, want 1"; }
		case $term in
		dumb) want="warroom: cannot start the terminal: TERM=dumb cannot move the cursor; use xterm-256color, screen-256color or tmux-256color" ;;
		*) want="warroom: cannot start the terminal: TERM=nosuchterm is not known here" ;;
		esac
		assert_contains "$tmp/out" "$want"
	done
	ls "$tmp"/timeline/termcheck-* > /dev/null 2>&1 && fail "a refused terminal opened the journal"
	ok "TERM=dumb is refused like an unknown TERM, before the journal"
fi

rc=0; "$WARROOM" -c "$tmp/nosuch.conf" < /dev/null > /dev/null 2> "$tmp/err" || rc=$?
[ "$rc" -eq 1 ] || fail "missing config exited $rc"
assert_contains "$tmp/err" "$tmp/nosuch.conf: cannot open: No such file or directory"
ok "missing config is refused"

# Options before the subcommand, as git and kubectl take them.
rc=0; "$WARROOM" -c "$tmp/warroom.conf" incidents > "$tmp/out" 2> "$tmp/err" || rc=$?
[ "$rc" -eq 0 ] || { cat "$tmp/err"; fail "-c FILE incidents exited $rc"; }
assert_contains "$tmp/out" "no incidents in $tmp/timeline"
rc=0; "$WARROOM" -c "$tmp/warroom.conf" export nosuch-000000 -o "$tmp/pm.md" > /dev/null 2> "$tmp/err" || rc=$?
[ "$rc" -eq 1 ] || fail "-c FILE export ID -o FILE exited $rc, want 1 (no such incident)"
assert_contains "$tmp/err" "no incident \"nosuch-000000\""
rc=0; "$WARROOM" --read-only -c "$tmp/warroom.conf" incidents > /dev/null 2> "$tmp/err" || rc=$?
[ "$rc" -eq 2 ] || fail "--read-only incidents exited $rc, want 2"
assert_contains "$tmp/err" "warroom: --read-only is an option of the console; 'warroom incidents' does not take it"
ok "-c before the subcommand works; console options there are refused by name"

# Each subcommand's --help (and -h) is its own usage on stdout, exit 0.
for sub in incidents export runbook; do
	for h in --help -h; do
		rc=0; "$WARROOM" "$sub" "$h" > "$tmp/out" 2> "$tmp/err" || rc=$?
		[ "$rc" -eq 0 ] || { cat "$tmp/err"; fail "$sub $h exited $rc, want 0"; }
		assert_contains "$tmp/out" "usage: warroom $sub"
		[ ! -s "$tmp/err" ] || fail "$sub $h wrote to stderr: $(cat "$tmp/err")"
	done
done
rc=0; "$WARROOM" -c "$tmp/warroom.conf" export --help > "$tmp/out" 2>&1 || rc=$?
[ "$rc" -eq 0 ] || fail "-c FILE export --help exited $rc"
assert_contains "$tmp/out" "--format md|json"
rc=0; "$WARROOM" runbook --frobnicate > "$tmp/out" 2> "$tmp/err" || rc=$?
[ "$rc" -eq 2 ] || fail "runbook --frobnicate exited $rc, want 2"
assert_contains "$tmp/err" "usage: warroom runbook"
[ ! -s "$tmp/out" ] || fail "a bad runbook option printed to stdout"
ok "subcommand --help and -h print that subcommand's usage, exit 0"
