#!/bin/sh
# test_deploy_resume.sh — a console reopening an incident keeps the
# journal's deploy time of a tag that stayed: h1's api (v1.4.1) is
# re-created with the same tag while no console runs, so the resumed
# console reads a younger container; its next health.change (the host
# answering 500) still says when v1.4.1 first ran, and the re-creation
# as recreated_ms.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
fleet_up --hosts 1 --tag v1.4.1
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 1s/' "$fl/warroom.conf" > "$tmp/c.conf"
api() { grep '"kind":"health.change","host":"h1".*"service":"api"' "$fl"/timeline/keep-*.jsonl 2> /dev/null; }
ms_of() { sed -n "s/.*\"$1\":\\([0-9]*\\).*/\\1/p"; }
start 200 45 "$WARROOM -c $tmp/c.conf --incident keep"
i=0
until api | grep -q '"deployed_ms"'; do
	i=$((i + 1)); [ "$i" -lt 200 ] || fail "api's first reading never journalled"; sleep 0.1
done
keys q
wait_for "exit=0"
first=$(api | head -1 | ms_of deployed_ms)
sleep 1                                      # compose says whole seconds
(cd "$fl/hosts/h1/app" && env PATH="$fl/bin:$PATH" FLEET_HOST=h1 FLEET_HOST_DIR="$fl/hosts/h1" \
	docker compose up -d --force-recreate api) > "$tmp/up.out" 2>&1 || { cat "$tmp/up.out"; fail "re-create"; }
"$fleet" fault --dir "$fl" h1 http-500 > /dev/null
start 200 45 "$WARROOM -c $tmp/c.conf --incident keep"
i=0
until [ "$(api | wc -l)" -ge 2 ]; do
	i=$((i + 1)); [ "$i" -lt 200 ] || fail "the resumed console recorded no health change"; sleep 0.1
done
keys q
wait_for "exit=0"
line=$(api | tail -1)
[ "$(echo "$line" | ms_of deployed_ms)" = "$first" ] ||
	fail "the deploy time moved with the re-creation (was $first): $line"
[ "$(echo "$line" | ms_of recreated_ms)" -gt "$first" ] 2> /dev/null ||
	fail "no re-creation said: $line"
ok "a resumed console keeps the journal's deploy time of an unchanged tag"
