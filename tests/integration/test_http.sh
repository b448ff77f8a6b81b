#!/bin/sh
# test_http.sh — HTTP through a host's SSH connection (tunnel.c + http.c)
# against the fixture fleet: the same bytes as a direct GET, 100 requests
# at once per host, a clear error (not a hang, not curl's "Empty reply")
# when the host refuses the channel: nothing listens on the far side, the
# name does not resolve there, its sshd forbids forwarding; a far end that
# hangs leaves no bridge behind once curl gives up; and no socket or
# directory left behind.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/common.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
probe=$top_builddir/tests/integration/http_probe
fleet=$top_srcdir/tests/fleet/fleet
fl=$tmp/fleet
fleet_down() { "$fleet" down --dir "$fl" > /dev/null 2>&1 || true; }
cleanup_hooks="$cleanup_hooks fleet_down"
export HOME=$tmp/home XDG_RUNTIME_DIR=$tmp/run
mkdir -p "$HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"

"$fleet" up --hosts 2 --dir "$fl" --base-port auto > "$tmp/up.log" 2>&1 || { cat "$tmp/up.log"; fail "fleet up"; }
conf=$fl/warroom.conf

mkdir -p "$tmp/via"
"$probe" -c "$conf" -p /version -o "$tmp/via" > "$tmp/out" || { cat "$tmp/out"; fail "tunnelled GET"; }
for h in h1 h2; do
	url=$(awk -v h="[host \"$h\"]" '$0 == h { f = 1 } f && $1 == "health_url" { print $3; exit }' "$conf")
	curl -s "$url/version" > "$tmp/direct.$h" || fail "direct curl"
	cmp -s "$tmp/direct.$h" "$tmp/via/$h.0" || fail "$h: tunnelled body differs from the direct one"
done
ok "a GET through the SSH tunnel returns the same bytes as a direct GET"

"$probe" -c "$conf" -p /healthz -n 100 -t 30 > "$tmp/out" || { tail -5 "$tmp/out"; fail "100 parallel"; }
[ "$(grep -c ' status=200 ' "$tmp/out")" -eq 200 ] || { grep -v ' status=200 ' "$tmp/out" | head; fail "not all 200 answered 200"; }
ok "100 tunnelled requests at once per host all answered"

# A far end that never answers: curl gives up at its timeout and closes its
# socket, and the bridge closes its channel then, not when the far end
# answers (never: one bridge, fd and channel more at every probe).
for h in h1 h2; do "$fleet" fault --dir "$fl" $h http-hang > /dev/null || fail "http-hang"; done
"$probe" -c "$conf" -p /healthz -n 3 -t 2 -l 2 > "$tmp/out" || true
for h in h1 h2; do "$fleet" fault --dir "$fl" $h clear http-hang > /dev/null; done
[ "$(grep -c ' status=0 .* error=Operation timed out after 20[0-9][0-9] milliseconds' "$tmp/out")" = 6 ] ||
	{ cat "$tmp/out"; fail "the hung requests did not time out"; }
grep -qx 'bridges=0' "$tmp/out" || { cat "$tmp/out"; fail "bridges left open after curl gave up"; }
ok "a far end that hangs: requests time out, and no bridge stays open after"

sed 's|^health_url = http://127.0.0.1:[0-9]*|health_url = http://127.0.0.1:1|' "$conf" > "$tmp/closed.conf"
start=$(date +%s)
"$probe" -c "$tmp/closed.conf" -p /healthz -t 15 > "$tmp/out" || true
grep -q '^h1 0 status=0 len=0 .* error=the host could not connect to 127.0.0.1:1 (tunnel: connect failed)$' "$tmp/out" ||
	{ cat "$tmp/out"; fail "no clear error for a closed port"; }
[ $(( $(date +%s) - start )) -lt 10 ] || fail "a closed far port took too long to fail"
ok "a closed port on the far side fails fast, saying the host could not connect (not curl's empty reply)"

sed 's|^health_url = http://127.0.0.1:[0-9]*|health_url = http://no-such-host.invalid:8000|' "$conf" > "$tmp/name.conf"
"$probe" -c "$tmp/name.conf" -p /healthz -t 15 > "$tmp/out" || true
grep -q '^h1 0 status=0 .* error=the host could not connect to no-such-host.invalid:8000 (tunnel: connect failed; does the name resolve on the host?)$' "$tmp/out" ||
	{ cat "$tmp/out"; fail "no clear error for a name the host cannot resolve"; }
"$fleet" fault --dir "$fl" h2 sshd-option AllowTcpForwarding no > /dev/null || fail "sshd-option"
"$probe" -c "$conf" -p /healthz -t 15 > "$tmp/out" || true
grep -q '^h2 0 status=0 .* error=forwarding is prohibited on this host.s sshd (AllowTcpForwarding no, or PermitOpen): set tunnel = false or allow it$' "$tmp/out" ||
	{ cat "$tmp/out"; fail "no clear error for an sshd that forbids forwarding"; }
grep -q '^h1 0 status=200 ' "$tmp/out" || { cat "$tmp/out"; fail "h1 suffered from h2's sshd"; }
ok "a name the host cannot resolve and an sshd forbidding forwarding are said as such"

[ -z "$(ls -A "$XDG_RUNTIME_DIR")" ] || { ls -la "$XDG_RUNTIME_DIR"; fail "the runtime directory was left behind"; }
ok "no socket or runtime directory left behind"
