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

# write_scale_config N J — a 24-host fleet without a network: N
# Compose hosts h1…hN, h1…hJ with api and jobs and the others api alone,
# each probing api and scraping a metrics_url.
write_scale_config() {
	printf '[warroom]\ntimeline_dir = %s/timeline\n' "$tmp" > "$tmp/warroom.conf"
	i=1
	while [ "$i" -le "$1" ]; do
		svcs=api
		[ "$i" -le "$2" ] && svcs="api jobs"
		printf '\n[host "h%d"]\naddress = 127.0.0.1\nport = %d\ndriver = compose\n' \
			"$i" $((2200 + i)) >> "$tmp/warroom.conf"
		printf 'compose_dir = /srv/app\nservices = %s\nhealth_url = %s\n' "$svcs" \
			"http://127.0.0.1:8000" >> "$tmp/warroom.conf"
		printf 'health_service = api\nmetrics_url = %s\n' \
			"http://127.0.0.1:8000/metrics" >> "$tmp/warroom.conf"
		i=$((i + 1))
	done
}

# scale_steps N J — script lines that make every row of that fleet UP on
# v1.4.1, running, healthy and OK: a calm fleet a test then changes.
scale_steps() {
	i=1
	while [ "$i" -le "$1" ]; do
		echo ":state h$i api conn=up tag=v1.4.1 state=running restarts=0" \
			"healthz=ok readyz=ok"
		[ "$i" -le "$2" ] && echo ":state h$i jobs tag=v1.4.1 state=running restarts=0"
		echo ":metrics h$i error=0.001 p95=180 restarts=0 requests=100"
		i=$((i + 1))
	done
}
