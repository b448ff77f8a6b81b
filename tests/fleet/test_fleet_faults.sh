#!/bin/sh
# test_fleet_faults.sh — every `fleet fault`: sshd-stop/start, drop (also in
# the middle of a mutating command), hang-next, slow-next, bad-json,
# log-escapes, rotate-hostkey/restore-hostkey, sshd-option, http-500,
# http-slow (every path, one path), http-hang/drip/huge/redirect/html; and that
# `fleet down` still leaves nothing behind (hung and orphaned commands too).
for c in "$(dirname "$0")" "${srcdir:-.}" "${srcdir:-.}/tests/fleet"; do [ -f "$c/common.sh" ] && break; done
. "$c/common.sh"

fleet up --dir "$D" --hosts 3 --driver mixed --base-port auto >/dev/null || fail "fleet up"
APP=$D/hosts/h1/app
LOG=$D/hosts/h1/commands.log
fault() { fleet fault --dir "$D" "$@" >/dev/null || fail "fleet fault $*"; }

# sshd-stop / sshd-start
fault h1 sshd-stop
r=$(fssh h1 true 2>&1) && fail "ssh worked with sshd stopped"
check "sshd-stop: connection refused" contains "$r" "Connection refused"
st=$(fleet status --dir "$D") && fail "status says all up"
check "status shows h1's sshd DOWN" contains "$st" "ssh $(fleet get --dir "$D" h1 ssh_port) DOWN"
fault h1 sshd-start
check "sshd-start: ssh works again" fssh h1 true

# drop: a streaming command loses its connection; the listener stays
fssh h1 "cd $APP && docker compose logs -f api" >/dev/null 2>&1 &
sp=$!
wait_until 5 grep -q '"event":"start".*logs -f api' "$LOG" || fail "logs -f did not start"
fault h1 drop
wait_until 5 sh -c "! kill -0 $sp" || fail "ssh client still connected after drop"
wait $sp; rc=$?
check "drop: the client sees the connection die (255)" eq "$rc" 255
check "drop: new connections still work" fssh h1 true
wait_until 5 grep -q '"event":"end".*logs -f api.*"exit":141' "$LOG" || fail "logs -f did not end with a broken pipe"
ok "drop: the orphaned logs -f ends at its next write (exit 141, logged)"

# drop in the middle of a mutating command: the command still completes
# (held by hang-next until the drop is done, however long a loaded machine
# takes to start it; then clear hang-next lets it go on)
fault h1 hang-next 60
fssh h1 "cd $APP && IMAGE_TAG=v1.6.0 docker compose up -d api" >/dev/null 2>&1 &
sp=$!
wait_until 5 grep -q '"event":"start".*up -d api' "$LOG" || fail "held up -d did not start"
fault h1 drop
wait $sp; rc=$?
check "drop mid-command: client gets 255" eq "$rc" 255
fault h1 clear hang-next
wait_until 10 grep -q '"event":"end".*up -d api' "$LOG" || fail "the dropped up -d did not end"
check "the dropped up -d was logged as mutating from its start" contains "$(grep '"event":"start".*up -d api' "$LOG")" '"mutating":true'

check "... but the deploy happened (state is the truth)" eq "$(curl -s "$(url h1)/version" | py "d['version']")" "v1.6.0"

# hang-next: the next command hangs until killed; the one after is normal
fault h1 hang-next
t0=$(date +%s)
fssh h1 "cd $APP && timeout 2 docker compose ps" >/dev/null 2>&1; rc=$?
check "hang-next: the command hangs (killed by timeout: 124)" eq "$rc" 124
wait_until 5 grep -q '"event":"end".*"cmd":"docker compose ps".*"exit":143' "$LOG" || fail "no end line for the killed hang"
fault h1 hang-next
(fssh h1 "cd $APP && docker compose ps" >/dev/null 2>&1 &)
wait_until 5 sh -c "ls '$D/hosts/h1/running' | grep -q ." || fail "hung command not registered"
ok "hang-next: a hung command stays registered in running/"
check "the next command is normal" fssh h1 "cd $APP && docker compose ps >/dev/null"
# clear hang-next ends a hang in progress: the command then runs and ends 0.
fault h2 hang-next
(fssh h2 "kubectl get deploy api -n prod -o json" >/dev/null 2>&1 &)
wait_until 5 sh -c "ls '$D/hosts/h2/hanging' 2>/dev/null | grep -q ." || fail "no hang in progress on h2"
fault h2 clear hang-next
wait_until 5 grep -q '"event":"end".*"cmd":"kubectl get deploy api -n prod -o json".*"exit":0' "$D/hosts/h2/commands.log" ||
	fail "clear hang-next did not end the hang"
ok "clear hang-next: the hung command goes on and ends"

# slow-next
fault h1 slow-next 1.5
t0=$(python3 -c 'import time; print(time.time())')
fssh h1 "cd $APP && docker compose ps >/dev/null" || fail "slow command failed"
el=$(python3 -c "import time; print('%.1f' % (time.time() - $t0))")
python3 -c "import sys; sys.exit(not $el >= 1.5)" || fail "slow-next 1.5: took only ${el}s"
ok "slow-next 1.5: took ${el}s"

# bad-json: every JSON the shims and the service print is malformed
fault h1 bad-json; fault h2 bad-json; fault h3 bad-json
for spec in "h1:cd $APP && docker compose ps --format json" "h2:kubectl get deploy api -n prod -o json" "h3:helm history api -n prod -o json"; do
	h=${spec%%:*}
	fssh "$h" "${spec#*:}" | python3 -c 'import json,sys; json.loads(sys.stdin.read())' 2>/dev/null &&
		fail "bad-json: $h printed valid JSON"
done
curl -s "$(url h1)/readyz" | python3 -c 'import json,sys; json.load(sys.stdin)' 2>/dev/null && fail "bad-json: /readyz valid"
ok "bad-json: docker, kubectl, helm and /readyz print malformed JSON"
fault h1 clear bad-json
fssh h1 "cd $APP && docker compose ps --format json" | head -n 1 | python3 -c 'import json,sys; json.load(sys.stdin)' ||
	fail "clear bad-json"
ok "clear bad-json: valid again"

# log-escapes: the corpus reaches a reader byte for byte
fault h1 log-escapes
fssh h1 "cd $APP && docker compose logs --no-log-prefix api" > "$T/esc.log"
python3 - "$T/esc.log" <<'EOF' || fail "escape corpus not in the streamed log"
import sys
b = open(sys.argv[1], "rb").read()
for needle in (b"\x1b]52;c;", b"\x1b]0;", b"\x1b[2J", b"\xff\xfe", b"\xed\xa0\x80", b"\x9b31m", b"\xe2\x80\xae"):
    assert needle in b, needle
EOF
ok "log-escapes: OSC 52, OSC 0, CSI 2J, C1, bidi and invalid UTF-8 streamed as is"
fleet set --dir "$D" h1 log_rate=50 >/dev/null
sleep 1
n=$(tail -n 40 "$D/hosts/h1/logs/api.log" | LC_ALL=C grep -ac ' WARN  api .* end seq=')
[ "$n" -ge 2 ] || fail "log-escapes: only $n escape lines among the last 40 generated"
ok "log-escapes: new lines carry escapes too ($n of the last 40)"
fault h1 clear log-escapes

# rotate-hostkey: a different key type; strict checking refuses it
out=$(fleet fault --dir "$D" h2 rotate-hostkey) || fail "rotate-hostkey"
r=$(fssh h2 true 2>&1) && fail "ssh accepted a rotated host key"
check "rotate-hostkey (ed25519 -> ecdsa): strict client refuses" contains "$r" "Host key verification failed"
check "the new key is ecdsa" contains "$out" "ecdsa-sha2-nistp256 "
printf '%s\n' "${out#*host key is now: }" > "$T/kh"
p2=$(fleet get --dir "$D" h2 ssh_port)
ssh -F /dev/null -i "$D/client_key" -p "$p2" -o UserKnownHostsFile="$T/kh" -o StrictHostKeyChecking=yes \
	-o BatchMode=yes -o LogLevel=ERROR "$(id -un)@127.0.0.1" true || fail "new key not accepted with its own known_hosts"
ok "the rotated key works with a known_hosts naming it"
fault h2 restore-hostkey
check "restore-hostkey: the original known_hosts works again" fssh h2 true
fault h2 rotate-hostkey ed25519
r=$(fssh h2 true 2>&1) && fail "ssh accepted a changed ed25519 key"
check "rotate-hostkey ed25519: same type, changed key" contains "$r" "REMOTE HOST IDENTIFICATION HAS CHANGED"
fault h2 restore-hostkey
# A connection open across rotate-hostkey is kept (as across a real sshd
# restart); drop still ends it, though it is under no listener now.
fssh h2 "echo started; sleep 30" > "$T/kept" 2>&1 &
sp=$!
wait_until 5 grep -q started "$T/kept" || fail "the connection did not start"
fault h2 rotate-hostkey ed25519
kill -0 "$sp" 2>/dev/null || fail "rotate-hostkey ended an open connection"
fault h2 drop
wait_until 5 sh -c "! kill -0 $sp" || fail "drop left the connection rotate-hostkey kept"
wait "$sp"
fault h2 restore-hostkey
ok "drop ends a connection rotate-hostkey kept"

# sshd-option: one keyword set, the listener restarted with it
fault h2 sshd-option AllowTcpForwarding no
check "sshd-option: in sshd_config once" eq "$(grep -ci '^AllowTcpForwarding' "$D/hosts/h2/sshd_config")" 1
r=$(ssh -F /dev/null -i "$D/client_key" -p "$p2" -o UserKnownHostsFile="$D/known_hosts" -o BatchMode=yes \
	-o IdentitiesOnly=yes -W "127.0.0.1:$(fleet get --dir "$D" h2 http_port)" "$(id -un)@127.0.0.1" < /dev/null 2>&1) &&
	fail "forwarding worked with AllowTcpForwarding no"
check "sshd-option AllowTcpForwarding no: forwarding refused" contains "$r" "administratively prohibited"
fault h2 sshd-option AllowTcpForwarding yes
check "sshd-option AllowTcpForwarding yes: ssh works again" fssh h2 true

U=$(url h3)
fault h3 http-500
check "http-500" eq "$(curl -s -o /dev/null -w '%{http_code}' "$U/healthz")" 500
fault h3 clear http-500
fault h3 http-slow 1
el=$(curl -s -o /dev/null -w '%{time_total}' "$U/healthz")
python3 -c "import sys; sys.exit(not $el >= 1.0)" || fail "http-slow 1 took ${el}s"
ok "http-slow 1: ${el}s"
fault h3 http-slow 1.5 /healthz
el=$(curl -s -o /dev/null -w '%{time_total}' "$U/healthz")
python3 -c "import sys; sys.exit(not $el >= 1.5)" || fail "http-slow 1.5 /healthz: /healthz took only ${el}s"
ok "http-slow 1.5 /healthz: /healthz ${el}s"
el=$(curl -s -o /dev/null -w '%{time_total}' "$U/readyz")
python3 -c "import sys; sys.exit(not $el < 1.0)" || fail "http-slow 1.5 /healthz: /readyz took ${el}s"
ok "http-slow 1.5 /healthz: /readyz not slowed (${el}s)"
r=$(fleet fault --dir "$D" h3 http-slow 1 healthz 2>&1) && fail "http-slow with a PATH not starting with / accepted"
fault h3 clear http-slow
fault h3 http-hang
check "http-hang: no answer in 1 s" eq "$(curl -s -m 1 -o /dev/null -w '%{http_code}' "$U/healthz")" "000"
fault h3 clear
check "clear: answers again" eq "$(curl -s -o /dev/null -w '%{http_code}' "$U/healthz")" 200
fault h3 http-drip 0.5
r=$(curl -s -m 1.6 -o "$D/drip" -w '%{http_code} %{size_download}' "$U/healthz")
check "http-drip 0.5: 200 and 2 or 3 bytes in 1.6 s" contains "|200 2|200 3|" "|$r|"
fault h3 clear http-drip
fault h3 http-huge 3
check "http-huge 3: 3 MiB of ok and filler" eq "$(curl -s "$U/readyz" | wc -c)" 3145728
fault h3 clear http-huge
fault h3 http-redirect
r=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -H "Authorization: Bearer $(token h3)" "$U/metrics?x=1")
check "http-redirect: /metrics too, 302 to itself (a loop)" eq "$r" "302 $U/metrics?x=1"
fault h3 http-redirect http://127.0.0.1:9
check "http-redirect URL: elsewhere" eq "$(curl -s -o /dev/null -w '%{redirect_url}' "$U/healthz")" "http://127.0.0.1:9/healthz"
fault h3 clear http-redirect
fault h3 http-html
check "http-html: /readyz answers a text/html page" eq "$(curl -s -o /dev/null -w '%{http_code} %{content_type}' "$U/readyz")" "200 text/html"
check "http-html: /version is untouched" eq "$(curl -s -o /dev/null -w '%{content_type}' "$U/version")" "application/json"
fault h3 clear

r=$(fleet fault --dir "$D" h1 no-such-fault 2>&1) && fail "unknown fault accepted"
check "unknown fault refused with the list" contains "$r" "hang-next"

# down kills the still-hanging command too
fleet down --dir "$D" >/dev/null || fail "down"
check "down: no process or port left (hung shim included)" no_leftovers
exit 0
