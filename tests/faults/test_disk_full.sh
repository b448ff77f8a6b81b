#!/bin/sh
# test_disk_full.sh — the incident timeline on a tiny filesystem that
# fills up while the console runs (a 64 KiB tmpfs; needs root):
#  - a torn last line appearing under the running console is set aside
#    at its next record, said in the footer and journalled;
#  - notes are stored until the disk is full; the one that does not fit
#    says "NOT stored", the header says JOURNAL DEGRADED, and arming (A)
#    and a rollback (r) are refused with the reason; nothing reaches the
#    host;
#  - every note the console acknowledged is in the file, chain intact;
#  - started again on the still-full disk it comes up degraded, not
#    trusting; once space is back it resumes with every note, the torn
#    tail moved aside, and arming is offered again;
#  - an action ending while the disk is full: its output and end are kept
#    and said "not stored yet" (screen, export from elsewhere), written
#    late once space is back; a verdict that changed meanwhile is
#    re-synced and the export reads the recovery from it;
#  - on a read-only filesystem the console refuses to start with a clear
#    error and the ways out, for a new incident and for an existing one;
#    a --read-only console, which writes nothing, watches the existing one.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tmux.sh"
[ "$(id -u)" = 0 ] || skip "mounting a tiny tmpfs needs root"
[ -x /usr/sbin/sshd ] || skip "openssh-server is not installed"
mnt=$tmp/tl
mkdir -p "$mnt"
mount -t tmpfs -o size=64k,mode=0700 tmpfs "$mnt" 2> /dev/null || skip "cannot mount a tmpfs here"
unmount() { umount "$mnt" 2> /dev/null || umount -l "$mnt" 2> /dev/null || true; }
cleanup_hooks="unmount $cleanup_hooks"   # before the temporary directory goes
fleet_up --hosts 1 --tag v1.5.0-bad
log=$fl/hosts/h1/commands.log
sed "s|^timeline_dir = .*|timeline_dir = $mnt|" "$fl/warroom.conf" > "$tmp/c.conf"
wr="$WARROOM -c $tmp/c.conf --incident disk-full"
xs=$(printf '%0600d' 0 | tr 0 x)

start 200 50 "$wr"
wait_re "│> h1 +api +UP +v1\\.5\\.0-bad" 15
journal=$(ls "$mnt"/disk-full-*.jsonl)

# Another console's write cut short under this one: set aside at our next
# record, said in the footer and journalled.
printf '{"seq":99,"ts":"2026-11-27T12:2' >> "$journal"
keys n
wait_for "note:"
keys -l "n0 $xs"
keys Enter
wait_for "journal: another console's write cut short? last line set aside (a torn write: " 5
assert_contains "$tmp/screen" "31 bytes moved to $journal.torn"
grep -q '"kind":"journal.repair".*"bytes":31,' "$journal" || fail "no journal.repair record"
ok "a torn tail appearing under the console: set aside, said in the footer, journalled"

# Only our notes write while the disk fills: the first verdict and both
# first health readings are in before it does.
i=0
until grep -q '"kind":"verdict.change".*ROLLBACK IMMEDIATELY' "$journal" &&
    [ "$(grep -c '"kind":"health.change"' "$journal")" -ge 2 ]; do
	sleep 0.2; i=$((i + 1)); [ $i -lt 150 ] || fail "no first verdict and health readings journalled"
done

# note K TEXTLEN — note "nK xxx…" (TEXTLEN bytes in all), and until it is
# in the journal, its line whole (a short write leaves the text's start),
# or the screen says it was not stored.
note() {
	keys n
	wait_for "note:"
	keys -l "$(printf 'n%s %0*d' "$1" $(($2 - ${#1} - 2)) 0 | tr 0 x)"
	keys Enter
	i=0
	until grep -q "\"text\":\"n$1 x*\".*,\"crc\":\"[0-9a-f]\{8\}\"}\$" "$journal"; do
		capture
		grep -q "NOT stored" "$tmp/screen" && return 1
		sleep 0.05; i=$((i + 1)); [ $i -lt 200 ] || fail "note n$1: neither stored nor refused"
	done
}
# Notes pad the journal until its last page has about 1000 bytes free,
# then the disk fills: the next note (1000 bytes of text) does not fit,
# and once its torn bytes are set aside that page has room for a
# journal.recover record, which must still not be written.
page=$(getconf PAGESIZE)
line=$(grep '"kind":"note"' "$journal" | tail -n 1)
over=$((${#line} + 1 - 603))        # a note record's bytes besides n0's text
stored=" 0"
k=1                          # not i: wait_for counts with i
while :; do
	want=$(( ((page - 1000 - $(stat -c %s "$journal")) % page + page) % page - over ))
	[ "$want" -ge 10 ] || want=$((want + page))
	[ "$want" -le 1000 ] || want=900
	note $k $want || fail "note n$k was not stored before the disk filled"
	stored="$stored $k"
	k=$((k + 1))
	[ "$want" = 900 ] || break
done
dd if=/dev/zero of="$mnt/fill" bs=1k 2> /dev/null || true
[ "$(df --output=avail "$mnt" | tail -1 | tr -d ' ')" = 0 ] || fail "the filesystem is not full"

# The journal's last page still has room: notes fit until one does not.
while note $k 1000; do
	stored="$stored $k"
	k=$((k + 1))
	[ $k -le 20 ] || fail "20 notes of 1000 bytes fit in a full 64 KiB filesystem"
done
assert_contains "$tmp/screen" "note NOT stored: journal degraded: short write"
wait_for "JOURNAL DEGRADED"
ok "the disk fills: notes$stored stored, n$k NOT stored, the header says JOURNAL DEGRADED"

# The first try at recovery comes at once; on a disk without a free block
# it must not succeed in the room the torn bytes left.
sleep 2
! grep -q '"kind":"journal.recover"' "$journal" ||
	fail "the journal recovered on a full disk: $(grep '"kind":"journal.recover"' "$journal")"
keys A
wait_for "refused: changes are refused while the incident timeline cannot be written: short write: No space left on device; the record is torn on disk since "
assert_not_contains "$tmp/screen" "type arm to arm"
keys Escape
keys r
wait_for "refused: changes are refused while the incident timeline cannot be written: short write: No space left on device"
assert_not_contains "$tmp/screen" "CONFIRM ROLLBACK"
! grep -q '"mutating":true' "$log" 2> /dev/null || fail "something mutating reached the host"
# Its shutdown cannot be journalled: stderr says so and the status is 3.
keys q
wait_for "exit=3"
assert_contains "$tmp/screen" "warroom: this console's end is not in the journal (short write: No space left on device"
ok "arming and a rollback are refused with the reason; nothing mutating was sent; q exits 3"

# What the console acknowledged is on disk, in order, the chain intact;
# only the note it said was NOT stored may be a torn last line.
python3 - "$journal" "$tmp/tornlen" $stored <<'PY' || fail "the journal lost an acknowledged note"
import json, sys
path, out, acked = sys.argv[1], sys.argv[2], sys.argv[3:]
data = open(path, "rb").read()
lines = data.split(b"\n")
tail = lines.pop()                       # b"" when the file ends in a newline
recs = [json.loads(l) for l in lines]
prev = None
for r in recs:
    assert prev is None or r["prev"] == prev, r["seq"]
    prev = r["crc"]
notes = [r["data"]["text"].split(" ")[0] for r in recs if r["kind"] == "note"]
assert notes == ["n" + a for a in acked], (notes, acked)
if tail:
    assert tail.startswith(b'{"seq":%d,' % (recs[-1]["seq"] + 1)), tail[:80]
    try:
        json.loads(tail)
        raise SystemExit("the failed note is whole on disk")
    except ValueError:
        pass
print(len(tail), file=open(out, "w"))
PY
torn=$(cat "$tmp/tornlen")
ok "every acknowledged note is in the file with its chain; the failed one at most a torn tail"

# Started again on the still-full disk: degraded from the start.
start 200 50 "$wr"
wait_for "JOURNAL DEGRADED" 10
keys A
wait_for "refused: changes are refused while the incident timeline cannot be written: "
ok "restarted on the full disk: degraded at once, arming refused"

# Space back while it runs: it recovers by itself (the file proves it
# holds what was stored) and changes are offered again.
rm -f "$mnt/fill"
wait_for "journal recovered: changes are allowed again" 15
assert_not_contains "$tmp/screen" "JOURNAL DEGRADED"
# Its resume, kept while the disk was full, is written first, marked
# late, and its seq is the session its records carry.
python3 - "$journal" <<'PY' || fail "no late incident.resume before journal.recover: $(tail -3 "$journal")"
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1])]
rec = max(i for i, r in enumerate(recs) if r["kind"] == "journal.recover")
res = recs[rec - 1]
assert res["kind"] == "incident.resume" and "late" in res["data"], res
assert res["session"] == res["seq"] and recs[rec]["session"] == res["seq"], res
assert res["data"]["pid"] > 0, res
PY
keys A
wait_for "type arm to arm"
keys Escape
quit_console
ok "space back while running: the journal recovers within seconds, arming offered"

# Started again: resumes with everything, the torn tail moved aside.
start 200 50 "$wr"
wait_for "incident.resume disk-full" 10
assert_not_contains "$tmp/screen" "JOURNAL DEGRADED"
for n in $stored; do
	grep -q "\"text\":\"n$n x" "$journal" || fail "note n$n is gone after the resume"
done
for n in $stored; do
	wait_for "note n$n x" 2
done
[ "$torn" = 0 ] || [ "$(stat -c %s "$journal.torn")" -ge "$torn" ] ||
	fail "the torn tail ($torn bytes) was not moved to $journal.torn"
keys A
wait_for "type arm to arm"
keys Escape
quit_console
tail -1 "$journal" | grep -q '"kind":"shutdown"' || fail "no shutdown record once healthy"
ok "space back: resumed with every note, arming offered, shutdown recorded"

# A kill switch whose redeploy ends while the disk is full: its output
# and end are kept, said "not stored yet" (on screen and by an export
# from elsewhere, never "still running"), and written late once space is
# back; a verdict that changed meanwhile is re-synced, and the export
# reads the recovery from it. The refusals name the cause.
"$fleet" set --dir "$fl" h1 recreate_seconds=8 > /dev/null
sed 's/^\[warroom\]$/[warroom]\npoll_interval = 1s\nprobe_interval = 1s\nmetrics_interval = 1s/' \
	"$tmp/c.conf" > "$tmp/c2.conf"
start 200 50 "$WARROOM -c $tmp/c2.conf --incident disk-act"
wait_re "│> h1 +api +UP +v1\\.5\\.0-bad" 15
act=$(ls "$mnt"/disk-act-*.jsonl)
i=0
until grep -q '"kind":"verdict.change".*ROLLBACK IMMEDIATELY' "$act"; do
	sleep 0.2; i=$((i + 1)); [ $i -lt 100 ] || fail "no ROLLBACK IMMEDIATELY verdict journalled"
done
keys A; keys -l arm; keys Enter
wait_re "ARMED 1[45]:[0-9][0-9]"
keys X
wait_for "CONFIRM KILL SWITCH"
keys -l api; keys Enter
i=0
until grep -q '^EXPORT_MODE=off$' "$fl/hosts/h1/app/.env"; do
	sleep 0.05; i=$((i + 1)); [ $i -lt 400 ] || fail ".env was never renamed into place"
done
# Full while up -d pauses: notes use up the journal's last page.
dd if=/dev/zero of="$mnt/fill" bs=1k 2> /dev/null || true
# Records before the disk was full (a verdict may pass OK and back while
# the kill switch recreates the service) are not what is checked below.
filled_at=$(wc -l < "$act")
k=1
while :; do
	keys n
	wait_for "note:"
	keys -l "a$k $xs"
	keys Enter
	wait_re "(note a$k x|NOT stored)"
	grep -q "NOT stored" "$tmp/screen" && break
	k=$((k + 1))
	[ $k -le 12 ] || fail "12 notes of 600 bytes fit in a full filesystem"
done
wait_for "kill switch of api on h1 (docker compose up -d): OK" 30
assert_contains "$tmp/screen" "(its end is not stored yet: journal degraded:"
assert_contains "$tmp/screen" "kept, and written once it recovers)"
! grep -q '"kind":"action.end"' "$act" || fail "an action.end fitted on the full disk"
"$WARROOM" -c "$tmp/c2.conf" export "$(basename "$act" .jsonl)" > "$tmp/during.md" ||
	fail "export failed while degraded"
assert_contains "$tmp/during.md" "no end stored yet: the console running it cannot write"
! grep -v "Bad release still running" "$tmp/during.md" | grep -q "still running" ||
	fail "an action is said still running in during.md: $(grep -n "still running" "$tmp/during.md")"
keys r
wait_for "refused: changes are refused while the incident timeline cannot be written: "
assert_contains "$tmp/screen" "No space left on device"
assert_contains "$tmp/screen" " UTC"
ok "the end on a full disk: kept, said not stored yet (screen, export), refusals name the cause"

"$fleet" set-tag --dir "$fl" h1 api v1.4.1 > /dev/null
wait_for "verdict change of h1 to OK not recorded now" 20
# The verdict can pass OK and be held again as the new tag's first
# scrapes come in: space comes back once HOSTS reads v1.4.1 and METRICS
# says a plain OK (not held), the verdict the recovery is to re-sync.
wait_re "│> h1 +api +UP +v1\\.4\\.1 " 20
wait_re "│h1  OK +│" 20
! tail -n +$((filled_at + 1)) "$act" | grep '"kind":"verdict.change"' | grep -q '"verdict":"OK"' ||
	fail "the OK verdict was recorded on the full disk: $(grep '"kind":"verdict.change"' "$act")"
rm -f "$mnt/fill"
wait_footer_re "journal recovered: changes are allowed again; [0-9]+ records kept meanwhile written now, marked late; [0-9]+ verdict or health changes? re-synced" 15
python3 - "$act" <<'PY' || fail "the kept end or the re-synced verdict is not in the journal"
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1])]
prev = None
for r in recs:
    assert prev is None or r["prev"] == prev, r["seq"]
    prev = r["crc"]
rec = [i for i, r in enumerate(recs) if r["kind"] == "journal.recover"]
assert len(rec) == 1, rec
after = recs[rec[0] + 1:]
ends = [r for r in after if r["kind"] == "action.end"]
assert len(ends) == 1 and ends[0]["data"]["outcome"] == "ok", ends
late = ends[0]["data"]["late"]
assert late["gap_start"] == recs[rec[0]]["data"]["gap"]["gap_start"], late
assert ends[0]["ts"] < recs[rec[0]]["ts"], "the end kept its own time"
v = [r for r in after if r["kind"] == "verdict.change"]
assert v and v[0]["data"]["verdict"] == "OK" and "resync" in v[0]["data"], v
PY
"$WARROOM" -c "$tmp/c2.conf" export "$(basename "$act" .jsonl)" > "$tmp/after.md"
assert_contains "$tmp/after.md" "recovered between "
assert_contains "$tmp/after.md" "written late\\] at "
assert_not_contains "$tmp/after.md" "not recovered"
! grep -v "Bad release still running" "$tmp/after.md" | grep -q "still running" ||
	fail "an action is said still running in after.md: $(grep -n "still running" "$tmp/after.md")"
assert_not_contains "$tmp/after.md" "not stored yet"
keys A
wait_for "disarmed"
quit_console
ok "space back: the end written late after journal.recover, the OK verdict re-synced, the export says recovered"

# Read-only filesystem: a clear error at start, new incident or existing.
mount -o remount,ro "$mnt" || fail "cannot remount read-only"
start 200 50 "$WARROOM -c $tmp/c.conf --incident brand-new"
wait_for "exit=1" 10
assert_contains "$tmp/screen" "warroom: incident journal: cannot create $mnt/"
assert_contains "$tmp/screen" "Read-only file system; to watch this incident, start with --read-only"
wait_re "^tty=" 5
assert_contains "$tmp/screen" "tty=sane"
start 200 50 "$wr"
wait_for "exit=1" 10
assert_contains "$tmp/screen" "warroom: incident journal: cannot open $journal: Read-only file system"
assert_contains "$tmp/screen" "; to watch this incident, start with --read-only, or set timeline_dir in"
ok "a read-only timeline directory: a clear error at start, nothing drawn"

start 200 50 "$wr --read-only"
wait_re "│T\\+[0-9:]+ [0-9:]+ shutdown quit" 10
head -1 "$tmp/screen" | grep -q " READ-ONLY " || fail "no READ-ONLY badge"
quit_console
ok "a --read-only console watches the incident on the read-only filesystem"
