#!/bin/sh
# test_footer_path.sh — at 80x24 a footer message naming a path wider than
# a row goes on in the row above where a directory ends, never mid-name,
# so what is copied from either row is a whole piece of the path; one
# that fits a row goes to the next row whole.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_config
steps '
:resize 80x24
:say exported /tmp/warroom-demo.LYdah9/timeline/demo-api-5xx-after-deploy-b2f9b3.postmortem.md (and .json)
:save-screen long
<C-l>
:sleep 10
:say exported /tmp/warroom-demo.LYdah9/timeline/demo-api-5xx-after-deploy.postmortem.md (and .json)
:save-screen fits
'
run_console -c "$tmp/warroom.conf"
# footer NAME — the screen's last two rows.
footer() { tail -2 "$tmp/$1"; }
[ "$(footer long)" = " exported /tmp/warroom-demo.LYdah9/timeline/
 demo-api-5xx-after-deploy-b2f9b3.postmortem.md (and .json)" ] ||
	fail "the path is not broken after a '/': $(footer long)"
[ "$(tail -3 "$tmp/fits")" = " exported
 /tmp/warroom-demo.LYdah9/timeline/demo-api-5xx-after-deploy.postmortem.md (and
 .json)" ] ||
	fail "the path that fits a row is not whole on it: $(tail -3 "$tmp/fits")"
ok "a path in the footer breaks after a '/', or goes whole onto its own row"
