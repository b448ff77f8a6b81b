#!/bin/sh
# test_hosts_trust_wait.sh — a host whose unknown key waits for K was
# never down: before K, METRICS says it waits for its key; once trusted,
# its first reach is journalled at once as a first reach (conn.change UP
# with first, before its first health reading), TIMELINE and the
# post-mortem say it was reached after its key was trusted, and
# Reachability does not count the wait as an outage. Read-only, K and the
# footer say how to trust it by hand.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"

fleet_up --hosts 2
p2=$("$fleet" get --dir "$fl" h2 ssh_port)
grep -v "^\[127.0.0.1\]:$p2 " "$fl/known_hosts" > "$tmp/kh"
sed "s|^known_hosts = .*|known_hosts = $tmp/kh|" "$fl/warroom.conf" > "$tmp/wait.conf"

# Read-only first: nothing written, so the incident below starts fresh.
start 120 30 "$WARROOM -c $tmp/wait.conf --read-only"
# A console's first reading of a host waits on its SSH connection (the
# connect deadline is 10 s): 15 s, as elsewhere, not the default 5.
wait_re "h2 +jobs +UNTRUSTED" 15
keys End
wait_for "read-only mode trusts no host keys"
keys K
wait_for "refused: read-only mode trusts no host keys: check the fingerprint and add it with"
assert_contains "$tmp/screen" "ssh-keyscan -p $p2 127.0.0.1 >> $tmp/kh"
footer_text | grep -qF "or connect once with ssh, then C-r" ||
	{ cat "$tmp/screen"; fail "the refusal names no way forward"; }
assert_not_contains "$tmp/screen" "writes nothing to the incident journal"
keys q
wait_for "exit=0"
ok "read-only: K and the footer say how to add the key by hand, then C-r"

start 120 30 "$WARROOM -c $tmp/wait.conf --incident wait"
wait_re "h2 +jobs +UNTRUSTED" 15
keys End
wait_for "h2: waiting for its host key to be trusted (K)"
ok "METRICS says the host waits for its key, not for scrapes"
sleep 3
keys K
wait_for "TRUST THIS HOST KEY?"
keys -l h2
keys Enter
wait_re "h2 +jobs +UP" 10
j=$(ls "$fl"/timeline/wait-*.jsonl)
# Written at once: nothing to debounce, it never was UP (a return waits 10 s).
i=0
until grep '"kind":"conn.change"' "$j" | grep '"host":"h2"' | grep -q '"state":"UP"'; do
	i=$((i + 1))
	[ "$i" -lt 40 ] || { cat "$j"; fail "h2's first reach is not journalled within 4 s"; }
	sleep 0.1
done
up=$(grep '"kind":"conn.change"' "$j" | grep '"host":"h2"' | grep '"state":"UP"')
echo "$up" | grep -q '"first":true' || fail "h2's UP is not a first reach: $up"
echo "$up" | grep -q '"untrusted":true' || fail "h2's UP does not say its key waited: $up"
echo "$up" | grep -q '"down_s"' && fail "h2's first reach says it was DOWN: $up"
# Its first reach before the reading it made possible.
i=0
until grep '"kind":"health.change"' "$j" | grep -q '"host":"h2"'; do
	i=$((i + 1))
	[ "$i" -lt 100 ] || { cat "$j"; fail "no first reading of h2 within 10 s"; }
	sleep 0.1
done
upline=$(grep -n '"kind":"conn.change"' "$j" | grep '"host":"h2"' | grep '"state":"UP"' | cut -d: -f1)
hline=$(grep -n '"kind":"health.change"' "$j" | grep '"host":"h2"' | head -1 | cut -d: -f1)
[ "$upline" -lt "$hline" ] || { cat "$j"; fail "h2's UP comes after its first reading"; }
ok "the first reach after K is journalled at once, first, before its reading"

keys 5 z
wait_for "reached after its key was trusted (waited"
assert_not_contains "$tmp/screen" "UP again"
keys q
wait_for "exit=0"
"$WARROOM" -c "$tmp/wait.conf" export wait > "$tmp/pm.md" || fail "export failed"
grep -q "h2.*reached after its key was trusted (waited [0-9]*s)" "$tmp/pm.md" ||
	{ cat "$tmp/pm.md"; fail "the post-mortem does not say h2 waited for its key"; }
grep -q "UP again" "$tmp/pm.md" && { cat "$tmp/pm.md"; fail "the post-mortem says h2 came back"; }
sed -n '/^## Reachability/,/^## /p' "$tmp/pm.md" | grep -q "| h2 |" &&
	{ cat "$tmp/pm.md"; fail "Reachability counts h2's wait for its key"; }
if sed -n '/^## Data gaps/,/^## /p' "$tmp/pm.md" | grep -q "| h2 |"; then
	sed -n '/^## Data gaps/,/^## /p' "$tmp/pm.md" | grep "| h2 |" | grep -q "key not trusted" ||
		{ cat "$tmp/pm.md"; fail "Data gaps calls h2's wait an outage"; }
fi
ok "TIMELINE and the post-mortem: reached after its key was trusted, no outage"
