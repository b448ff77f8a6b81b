#!/bin/sh
# test_runbook.sh — `warroom runbook`, the linter for runbook authors: our
# runbooks read clean (exit 0), a bad `warroom` block is an error with its
# line (exit 1), warnings alone do not fail, --json is valid JSON, and a
# missing file is reported.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/common.sh"

for rb in compose-rollback k8s-helm-rollback blue-green-cutover; do
	"$WARROOM" runbook "$top_srcdir/docs/runbooks/$rb.md" > "$tmp/out" ||
		{ cat "$tmp/out"; fail "$rb.md has errors"; }
	assert_contains "$tmp/out" "0 errors, 0 warnings"
done
ok "our runbooks read with no error or warning"

cat > "$tmp/bad.md" <<'MD'
# Bad

1. Roll back

   ```warroom
   rollback servce=api
   ```

| Metric | Threshold | Action |
|---|---|---|
| Error rate | lots | Rollback immediately |
MD
rc=0; "$WARROOM" runbook "$tmp/bad.md" > "$tmp/out" || rc=$?
[ "$rc" -eq 1 ] || { cat "$tmp/out"; fail "a bad warroom block exited $rc, want 1"; }
grep -q "bad.md:6: error: warroom: rollback: unknown key .servce. (did you mean .service.?)" "$tmp/out" || { cat "$tmp/out"; fail "the error does not name line 6"; }
grep -q "bad.md:11: warning: decision matrix" "$tmp/out" || { cat "$tmp/out"; fail "the unreadable matrix row is not named (line 11)"; }
ok "a bad warroom block is an error with its line; exit 1"

sed '5,7d' "$tmp/bad.md" > "$tmp/warn.md"
"$WARROOM" runbook "$tmp/warn.md" > "$tmp/out" || { cat "$tmp/out"; fail "warnings alone failed"; }
ok "warnings alone exit 0"

"$WARROOM" runbook --json "$top_srcdir/docs/runbooks/k8s-helm-rollback.md" > "$tmp/one.json" || fail "--json"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert isinstance(d, dict)' "$tmp/one.json" ||
	fail "--json of one file is not a JSON object"
"$WARROOM" runbook --json "$top_srcdir"/docs/runbooks/*.md > "$tmp/all.json" || fail "--json of three"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert isinstance(d, list) and len(d) == 3' "$tmp/all.json" ||
	fail "--json of three files is not a JSON array of three"
ok "--json prints valid JSON (an object, or an array for several files)"

rc=0; "$WARROOM" runbook "$tmp/nosuch.md" > /dev/null 2> "$tmp/err" || rc=$?
[ "$rc" -eq 1 ] || fail "a missing runbook exited $rc"
assert_contains "$tmp/err" "$tmp/nosuch.md: No such file or directory"
rc=0; "$WARROOM" runbook > /dev/null 2>&1 || rc=$?
[ "$rc" -eq 2 ] || fail "no file exited $rc, want 2"
ok "missing file and usage errors"
