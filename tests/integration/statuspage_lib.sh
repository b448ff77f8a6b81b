# statuspage_lib.sh — sourced by test_statuspage.sh and
# test_statuspage_cachet.sh (split so the two run side by side): the
# probe, the fleet tool, every fleet named in $fleets taken down on exit,
# and the helpers that run the probe and count the page's requests.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/common.sh"
command -v python3 > /dev/null || skip "python3 is needed by the fleet"
probe=$top_builddir/tests/integration/statuspage_probe
fleet=$top_srcdir/tests/fleet/fleet
tl=$tmp/timeline
fleets=""
fleets_down() {
	for d in $fleets; do "$fleet" down --dir "$d" > /dev/null 2>&1 || true; done
}
cleanup_hooks="$cleanup_hooks fleets_down"

# The helpers below read $req (the page's requests.jsonl) and $conf.
# mark: remember how many requests the page has recorded so far.
mark() { if [ -f "$req" ]; then mark=$(wc -l < "$req"); else mark=0; fi; }
# count EXPR: requests since the mark for which the Python expression on r holds.
count() {
	python3 - "$req" "$mark" "$1" <<'PY'
import json, sys
rs = [json.loads(l) for l in open(sys.argv[1])][int(sys.argv[2]):]
print(sum(1 for r in rs if eval(sys.argv[3])))
PY
}
# until_held METHOD FAULT: until the page has recorded the METHOD request
# FAULT held (hang, hang-after): its handler sees the fault cleared within
# 0.1 s, answers and only then records it, later on a loaded machine.
until_held() {
	_uh_i=0
	until [ "$(count "r[\"method\"] == \"$1\" and r[\"fault\"] == \"$2\"")" -ge 1 ]; do
		_uh_i=$((_uh_i + 1))
		[ "$_uh_i" -lt 100 ] || { cat "$req"; fail "the $1 held by $2 was never recorded"; }
		sleep 0.1
	done
}
# held METHOD: how many METHOD requests a hang fault has held so far (the
# page notes each as its hold begins, beside $req).
held() { cat "${req%/*}/held.jsonl" 2> /dev/null | grep -c "\"method\":\"$1\"" || true; }
# until_held_more METHOD N: until more than N METHOD requests have been
# held (10 s at most): the client's request has reached the page and hangs.
until_held_more() {
	_hm_i=0
	until [ "$(held "$1")" -gt "$2" ]; do
		_hm_i=$((_hm_i + 1))
		[ "$_hm_i" -lt 100 ] || fail "no $1 reached the page and was held"
		sleep 0.1
	done
}
# until_count N EXPR WHAT: until N requests since the mark satisfy EXPR
# (10 s at most, for WHAT).
until_count() {
	_uc_i=0
	until [ "$(count "$2")" -ge "$1" ]; do
		_uc_i=$((_uc_i + 1))
		[ "$_uc_i" -lt 100 ] || { cat "$req"; fail "timed out waiting for $3"; }
		sleep 0.1
	done
}
# journal NAME: the path of the journal the probe printed in its output file.
journal() { sed -n 's/^journal //p' "$1"; }
run() { # run OUT ARGS...: the probe, output kept; returns its status
	out=$1; shift
	"$probe" -c "$conf" -d "$tl" "$@" > "$out" 2>&1
}
