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
# journal NAME: the path of the journal the probe printed in its output file.
journal() { sed -n 's/^journal //p' "$1"; }
run() { # run OUT ARGS...: the probe, output kept; returns its status
	out=$1; shift
	"$probe" -c "$conf" -d "$tl" "$@" > "$out" 2>&1
}
