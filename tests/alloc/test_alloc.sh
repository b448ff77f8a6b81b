#!/bin/sh
# test_alloc.sh — every allocation of the parsers, the redactor and the
# journal made to fail in turn (tests/alloc/alloc_torture.c): a clean abort
# or a handled error each time, never a crash, and never a half-written
# journal.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/common.sh"
mkdir -p "$tmp/journal"
"$top_builddir/tests/alloc/alloc_torture" "$top_srcdir" "$tmp/journal" > "$tmp/out" 2>&1
rc=$?
cat "$tmp/out"
[ "$rc" = 0 ] || fail "allocation failures were not all handled (above)"
ok "every allocation failure ends in a clean abort or a handled error"
