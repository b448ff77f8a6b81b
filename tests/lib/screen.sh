# screen.sh — screen tests in tig's manner: write a key script with
# `steps`, run the console on an in-memory screen with `run_console`, and
# compare a screen it saved with the expected text given on stdin.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/common.sh"

steps() {
	printf '%s\n' "$1" > "$tmp/keys"
}

run_console() {
	(cd "$tmp" && "$WARROOM" --screen-test "$tmp/keys" "$@") > "$tmp/console.out" 2>&1 ||
		{ cat "$tmp/console.out"; fail "console exited with $?"; }
}

# Trailing blank lines do not count: a heredoc cannot end in them nicely.
trim_screen() {
	sed -e :a -e '/^\n*$/{$d;N;ba' -e '}' "$1"
}

assert_screen() {
	name=$1
	[ -f "$tmp/$name" ] || fail "screen $name was not saved"
	cat > "$tmp/$name.expected"
	trim_screen "$tmp/$name" > "$tmp/$name.got"
	trim_screen "$tmp/$name.expected" > "$tmp/$name.want"
	# tests/screen/regold: collect what was drawn instead of comparing.
	if [ -n "${WARROOM_REGOLD:-}" ]; then
		cp "$tmp/$name.got" "$WARROOM_REGOLD/$name"
		return 0
	fi
	if ! diff -u "$tmp/$name.want" "$tmp/$name.got"; then
		fail "screen $name differs (above: - expected, + got)"
	fi
	ok "screen $name"
}
