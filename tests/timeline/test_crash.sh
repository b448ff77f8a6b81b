#!/bin/sh
# test_crash.sh — the timeline survives kill -9 at any instant (DESIGN §5).
#
# tl_writer appends notes to one incident and prints each seq only after
# timeline_append returned. We kill -9 it at 200 random instants (during
# start-up, torn-tail repair, resume or appends), restarting it each time
# on the same incident; then every record it reported stored must be in
# the journal with the crc it reported, the chain must verify, and the
# incident must reopen writable. When so few kills came after an append
# that fewer than 50 records were stored (a loaded machine, a sanitized
# build), it kills later ones until there are.
set -u
: "${top_builddir:=.}"
writer="$top_builddir/tests/timeline/tl_writer"
[ -x "$writer" ] || { echo "SKIP: $writer is not built"; exit 77; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/wr-crash.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
dir="$tmp/timeline"
runs=${WR_CRASH_RUNS:-200}
: > "$tmp/stored"

# All the random delays up front (0-59 ms), one awk instead of 200.
awk -v n="$runs" -v seed="$$" 'BEGIN { srand(seed); for (i = 0; i < n; i++) printf "%.3f\n", rand() * 0.06 }' \
	> "$tmp/delays"

id=
# kill_at DELAY: start the writer, kill -9 it DELAY seconds later, keep
# what it reported stored.
kill_at() {
	"$writer" write "$dir" "crash test" > "$tmp/out" 2> "$tmp/err" &
	pid=$!
	sleep "$1"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	if [ -s "$tmp/err" ]; then
		echo "FAIL: the writer reported an error:"; cat "$tmp/err"; exit 1
	fi
	grep '^stored ' "$tmp/out" >> "$tmp/stored"
	[ -n "$id" ] || id=$(sed -n 's/^id //p' "$tmp/out")
	now=$(sed -n 's/^id //p' "$tmp/out")
	if [ -n "$now" ] && [ "$now" != "$id" ]; then
		echo "FAIL: resumed $now instead of $id"; exit 1
	fi
}
while read -r delay; do
	kill_at "$delay"
done < "$tmp/delays"
# A machine so loaded (or a build so slow, under the sanitizers) that few
# kills came after the first append: more kills, later, until enough
# records prove something.
extra=0
while [ "$(wc -l < "$tmp/stored")" -lt 50 ] && [ "$extra" -lt 200 ]; do
	kill_at "0.$(( 10 + extra % 30 ))"
	extra=$((extra + 1))
done
[ "$extra" -eq 0 ] || echo "$extra more kills, later, for enough stored records"
stored=$(wc -l < "$tmp/stored")
echo "kill -9 x $runs; $stored records reported stored"
[ -n "$id" ] || { echo "FAIL: the writer never got as far as opening"; exit 1; }
[ "$stored" -ge 50 ] || { echo "FAIL: too few records stored to prove anything"; exit 1; }
[ -f "$dir/$id.jsonl.torn" ] && echo "torn tails set aside: $(wc -l < "$dir/$id.jsonl.torn")"
"$writer" verify "$dir" "$id" "$tmp/stored" || exit 1
