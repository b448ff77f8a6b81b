#!/bin/sh
# run.sh — runs libFuzzer harnesses for `make fuzz`.
#
#   run.sh BINDIR SRCDIR SECONDS NAME...
#
# Each harness BINDIR/fuzz_NAME runs for SECONDS (-max_total_time) on a
# working corpus in a fresh temporary directory, seeded from the tree (see
# seeds() below), so the seeds in the source tree are never modified.
# Crash, leak, timeout and OOM inputs are kept in BINDIR/artifacts/ and the
# command that reproduces each is printed. FUZZ_JOBS=N runs N harnesses at
# once (default 1). Exits non-zero when any harness found something.
set -eu

if [ "${1:-}" = --one ]; then
	shift
	bindir=$1 src=$2 secs=$3 name=$4
	bin=$bindir/fuzz_$name
	art=$bindir/artifacts
	work=$(mktemp -d "${TMPDIR:-/tmp}/warroom-fuzz-$name.XXXXXX")
	trap 'rm -rf "$work"' EXIT
	mkdir -p "$work/corpus" "$art"
	rm -f "$art/$name"-*
	case $name in
	runbook) seeds="$src/docs/runbooks $src/examples/rollback.md $src/tests/unit/fixtures/runbook" ;;
	parse_compose|parse_k8s|parse_helm|probe) seeds="$src/tests/unit/fixtures/drivers" ;;
	metrics) seeds="$src/tests/unit/fixtures/metrics" ;;
	config) seeds="$src/examples/warroom.conf $src/tests/fuzz/corpus/config" ;;
	theme) seeds="$src/themes" ;;
	export) seeds="$src/tests/fuzz/corpus/record" ;;
	ingest) seeds="$src/tests/fuzz/corpus/ingest $src/tests/fuzz/corpus/sanitize" ;;
	*) seeds="$src/tests/fuzz/corpus/$name" ;;
	esac
	for s in $seeds; do
		if [ -d "$s" ]; then
			find "$s" -maxdepth 1 -type f -exec cp {} "$work/corpus/" \;
		elif [ -f "$s" ]; then
			cp "$s" "$work/corpus/"
		fi
	done
	nseeds=$(find "$work/corpus" -type f | wc -l)
	rc=0
	UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1} \
	"$bin" -max_total_time="$secs" -timeout=30 -print_final_stats=1 \
		-artifact_prefix="$art/$name-" "$work/corpus" >"$art/$name.log" 2>&1 || rc=$?
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$art/$name.log" | tail -n 1)
	took=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$art/$name.log" | tail -n 1)
	ncorp=$(find "$work/corpus" -type f | wc -l)
	if [ "$rc" -eq 0 ]; then
		printf 'fuzz_%-14s ok: %s runs in %ss, %s seeds -> %s inputs\n' \
			"$name" "${runs:-?}" "${took:-$secs}" "$nseeds" "$ncorp"
		exit 0
	fi
	printf 'fuzz_%-14s FAILED (exit %s) after %s runs; log: %s\n' \
		"$name" "$rc" "${runs:-?}" "$art/$name.log"
	grep -E '^(==[0-9]+==ERROR|SUMMARY|failed:)|runtime error' "$art/$name.log" | head -n 5 | sed 's/^/    /'
	found=0
	for a in "$art/$name"-*; do
		[ -f "$a" ] || continue
		found=1
		echo "    reproducer: $a"
		echo "    rerun: $bin $a"
	done
	[ "$found" -eq 1 ] || echo "    (no reproducer written; see the log)"
	exit 1
fi

[ $# -ge 4 ] || { echo "usage: $0 BINDIR SRCDIR SECONDS NAME..." >&2; exit 2; }
bindir=$1 src=$2 secs=$3
shift 3
rc=0
printf '%s\n' "$@" | xargs -P "${FUZZ_JOBS:-1}" -I{} \
	sh "$0" --one "$bindir" "$src" "$secs" {} || rc=$?
if [ "$rc" -ne 0 ]; then
	echo "make fuzz: a harness found a problem (reproducers above)" >&2
	exit 1
fi
echo "make fuzz: $# harnesses, ${secs}s each, no findings"
