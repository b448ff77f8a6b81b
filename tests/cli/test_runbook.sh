#!/bin/sh
# test_runbook.sh — `warroom runbook`, the linter for runbook authors: our
# runbooks read clean (exit 0), a bad `warroom` block is an error with its
# line (exit 1), warnings alone do not fail, --json is valid JSON, a
# missing file is reported, and -c checks what the steps name against a
# config (whatever a placeholder tag holds); a message's {placeholders}
# are the templates'; a fence never closed is an error; a runbook over 1 MiB is
# refused by the linter and by the console; problems are listed by line, an
# output line quoted as written.
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

# Problems found in different passes (an output line, two rollbacks) are
# listed by line all the same; the line is quoted as written; one is one.
cat > "$tmp/order.md" <<'MD'
# Order

1. Roll back

   ```bash
   kubectl rollout undo deployment/api
   kubectl rollout undo deployment/api --to-revision=3
   ```

2. Check

   ```
   curl -s http://127.0.0.1:8000/readyz
   {"ready": true}
   ```
MD
rc=0; "$WARROOM" runbook "$tmp/order.md" > "$tmp/out" || rc=$?
[ "$rc" -eq 1 ] || { cat "$tmp/out"; fail "two rollbacks in a step exited $rc, want 1"; }
[ "$(grep -o '^[^ ]*order.md:[0-9][0-9]*' "$tmp/out" | sed 's/.*://' | tr '\n' ' ')" = "7 12 " ] ||
	{ cat "$tmp/out"; fail "the problems are not in line order"; }
assert_contains "$tmp/out" 'order.md:12: warning: the unlabelled block of line 12 is read as output and never run: line 14 starts with `{"ready":`, which is no command name'
assert_contains "$tmp/out" "order.md: 1 section, 2 steps, 0/2 ticked (0 are task items), 2 code blocks, 2 commands, 0 placeholders, 2 actions, 1 error, 1 warning"
ok "problems by line, an output line quoted as written, counts of one singular"

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

# -c: what the console would refuse during the incident, caught in CI.
write_config
cat > "$tmp/hosts.md" <<'MD'
1. Roll back api on the second host

   ```warroom
   rollback service=api host=api-3
   ```
MD
"$WARROOM" runbook "$tmp/hosts.md" > "$tmp/out" || { cat "$tmp/out"; fail "no config: an unknown host is not the linter's to know"; }
rc=0; "$WARROOM" runbook -c "$tmp/warroom.conf" "$tmp/hosts.md" > "$tmp/out" || rc=$?
[ "$rc" -eq 1 ] || { cat "$tmp/out"; fail "-c with a host the config lacks exited $rc, want 1"; }
assert_contains "$tmp/out" "hosts.md:4: error: warroom: rollback: the step names host api-3, which $tmp/warroom.conf does not list"
sed -i 's/api-3/api-2/' "$tmp/hosts.md"
"$WARROOM" runbook -c "$tmp/warroom.conf" --json "$tmp/hosts.md" > "$tmp/out" || { cat "$tmp/out"; fail "a host the config lists"; }
ok "-c CONFIG checks the hosts and services steps name"

# A tag or revision left to the engineer does not spare the host and the
# service beside it: CI catches them as it does with a written tag.
cat > "$tmp/tag.md" <<'MD'
1. Roll back

   ```warroom
   rollback service=api host=api-3 to=<TAG>
   rollback service=payments revision=<REV>
   ```
MD
rc=0; "$WARROOM" runbook -c "$tmp/warroom.conf" "$tmp/tag.md" > "$tmp/out" || rc=$?
[ "$rc" -eq 1 ] || { cat "$tmp/out"; fail "-c with to=<TAG> on a host the config lacks exited $rc, want 1"; }
assert_contains "$tmp/out" "tag.md:4: error: warroom: rollback: the step names host api-3, which $tmp/warroom.conf does not list"
assert_contains "$tmp/out" "tag.md:5: error: warroom: rollback: no host in the config runs payments"
ok "-c checks the host and service of a rollback whose tag or revision is a placeholder"

# A message's {word} is checked as [templates] checks it; a key written
# short gets the name meant.
cat > "$tmp/words.md" <<'MD'
1. Tell them

   ```warroom
   statuspage update status=monitoring message="{servce} is back on {to_tag}"
   announce message="rolled back to {totag}"
   announce msg="rolled back"
   ```
MD
rc=0; "$WARROOM" runbook "$tmp/words.md" > "$tmp/out" || rc=$?
[ "$rc" -eq 1 ] || { cat "$tmp/out"; fail "a message with {servce} exited $rc, want 1"; }
assert_contains "$tmp/out" "words.md:4: error: warroom: statuspage: message: unknown placeholder {servce} (did you mean {service}?)"
assert_contains "$tmp/out" "words.md:5: error: warroom: announce: message: unknown placeholder {totag} (did you mean {to_tag}?)"
assert_contains "$tmp/out" "words.md:6: error: warroom: announce: unknown key 'msg' (did you mean 'message'?)"
ok "a message's unknown {placeholder} and a key written short are errors with the name meant"

# A fence never closed swallows what follows: an error with its line.
cat > "$tmp/open.md" <<'MD'
# Drill

1. Smoke

```bash
curl -fsS http://127.0.0.1:8000/readyz

## Recover

- [ ] Post resolved
MD
rc=0; "$WARROOM" runbook -c "$tmp/warroom.conf" "$tmp/open.md" > "$tmp/out" || rc=$?
[ "$rc" -eq 1 ] || { cat "$tmp/out"; fail "an unclosed fence exited $rc, want 1"; }
assert_contains "$tmp/out" "open.md:5: error: code fence opened here is never closed: lines 6-10 are read as its code"
ok "a code fence never closed is an error with its line; exit 1"

# Over 1 MiB: refused whole, by the linter and by the console, with the
# file, its size and the limit (a runbook that size would only fill the
# journal). 1 MiB itself reads.
awk 'BEGIN { for (i = 0; i < 16384; i++) printf "- step %056d\n", i }' > "$tmp/max.md"
[ "$(wc -c < "$tmp/max.md")" -eq 1048576 ] || fail "max.md is not 1 MiB"
"$WARROOM" runbook "$tmp/max.md" > "$tmp/out" || { head -3 "$tmp/out"; fail "a runbook of exactly 1 MiB is refused"; }
echo "- one more" >> "$tmp/max.md"
msg="max.md: 1048587 bytes (1.0 MiB); a runbook may be at most 1 MiB (1048576 bytes): split it or trim it"
rc=0; "$WARROOM" runbook -c "$tmp/warroom.conf" "$tmp/max.md" > "$tmp/out" 2> "$tmp/err" || rc=$?
[ "$rc" -eq 1 ] || fail "a runbook over 1 MiB exited $rc, want 1"
assert_contains "$tmp/err" "$msg"
rc=0; cat "$tmp/max.md" | "$WARROOM" runbook /dev/stdin > "$tmp/out" 2> "$tmp/err" || rc=$?
[ "$rc" -eq 1 ] || fail "a pipe over 1 MiB exited $rc, want 1"
assert_contains "$tmp/err" "/dev/stdin: 1048587 bytes (1.0 MiB); a runbook may be at most 1 MiB"
: > "$tmp/keys"
rc=0; "$WARROOM" --screen-test "$tmp/keys" -c "$tmp/warroom.conf" -r "$tmp/max.md" > "$tmp/out" 2>&1 || rc=$?
[ "$rc" -eq 1 ] || { cat "$tmp/out"; fail "the console with a runbook over 1 MiB exited $rc, want 1"; }
assert_contains "$tmp/out" "warroom: runbook $tmp/$msg"
ok "a runbook over 1 MiB is refused, its size and the limit said"
