#!/bin/sh
# test_fleet_lifecycle.sh — fleet up / status / down: files, config, keys,
# real SSH logins with strict host keys, refusals, and nothing left behind.
for c in "$(dirname "$0")" "${srcdir:-.}" "${srcdir:-.}/tests/fleet"; do [ -f "$c/common.sh" ] && break; done
. "$c/common.sh"

out=$(fleet up --dir "$D" --hosts 3 --base-port auto) || fail "fleet up: $out"
ok "up: $out"

st=$(fleet status --dir "$D") || fail "status: $st"
ok "status: every process up"
for f in warroom.conf client_key client_key.pub known_hosts known_hosts.hashed statuspage.token pids fleet.json; do
	[ -s "$D/$f" ] || fail "missing $D/$f"
done
ok "DIR has warroom.conf, client key, known_hosts (+hashed), tokens, pids"

mode() { stat -c %a "$1"; }
check "client key, token files and host keys are 0600" eq \
	"$(mode "$D/client_key") $(mode "$D/statuspage.token") $(mode "$D/hosts/h1/metrics.token") $(mode "$D/hosts/h2/ssh_host_ed25519_key")" \
	"600 600 600 600"
check "client key is ed25519" contains "$(cat "$D/client_key.pub")" "ssh-ed25519 "

# warroom.conf: exactly the keys the C parser accepts (comments start with ;)
keys=$(grep -v '^;' "$D/warroom.conf" | grep -v '^\[' | grep -v '^$' | sed 's/ = .*//' | sort -u | tr '\n' ' ')
check "warroom.conf keys" eq "$keys" \
	"address compose_dir driver health_url identity_file kind known_hosts metrics_token_file metrics_url port services timeline_dir token_file url user "
check "warroom.conf user is the current user" contains "$(cat "$D/warroom.conf")" "user = $(id -un)"
check "warroom.conf compose host" contains "$(cat "$D/warroom.conf")" "[host \"h1\"]
address = 127.0.0.1"
check "warroom.conf statuspage" contains "$(cat "$D/warroom.conf")" "[statuspage]"
[ -d "$D/timeline" ] || fail "timeline_dir not created"

# known_hosts: one plain [127.0.0.1]:PORT ssh-ed25519 line per host
n=$(grep -c '^\[127\.0\.0\.1\]:[0-9]* ssh-ed25519 AAAA' "$D/known_hosts")
check "known_hosts has 3 plain ed25519 entries" eq "$n" 3
check "known_hosts.hashed is hashed" eq "$(grep -c '^|1|' "$D/known_hosts.hashed")" 3

for h in h1 h2 h3; do
	r=$(fssh "$h" 'echo $FLEET_HOST; command -v docker') || fail "ssh $h failed"
	contains "$r" "$h" >/dev/null && contains "$r" "$D/bin/docker" >/dev/null || fail "ssh $h: $r"
done
ok "plain OpenSSH logs in to every host; shims first on PATH"

# the hashed known_hosts works too
p1=$(fleet get --dir "$D" h1 ssh_port)
ssh -F /dev/null -i "$D/client_key" -p "$p1" -o UserKnownHostsFile="$D/known_hosts.hashed" \
	-o StrictHostKeyChecking=yes -o BatchMode=yes -o LogLevel=ERROR "$(id -un)@127.0.0.1" true ||
	fail "ssh with hashed known_hosts"
ok "hashed known_hosts accepted"

# refusals: a second up in the same DIR, and busy ports
r=$(fleet up --dir "$D" --hosts 1 2>&1) && fail "second up in a running DIR succeeded"
check "second up refused" contains "$r" "already running"
base=$(python3 -c "import json; print(json.load(open('$D/fleet.json'))['base_port'])")
r=$(fleet up --dir "$T/other" --hosts 1 --base-port "$base" 2>&1) && fail "up on busy ports succeeded"
check "busy ports refused clearly" contains "$r" "ports in use on 127.0.0.1"

# down: by pid, waits, nothing left
out=$(fleet down --dir "$D") || fail "fleet down: $out"
ok "down: $out"
check "no process or port left behind" no_leftovers
r=$(fleet status --dir "$D") && fail "status after down says all up"
check "status reports DOWN" contains "$r" "DOWN"
# down twice is harmless, even when another fleet has taken the ports
# since (a test beside this one with --base-port auto): nothing of this
# fleet runs, so its ports are not looked at
r=$(fleet down --dir "$D") || fail "second down failed: $r"
check "second down is a no-op" contains "$r" "nothing was running"
exit 0
