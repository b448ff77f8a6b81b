#!/bin/sh
# test_killswitch_export_hang.sh — test_killswitch_export_drip.sh with GET
# /export answering nothing at all (the fleet's http-hang): UNKNOWN, then
# OK after re-read once the fault clears.
fault=http-hang
. "${top_srcdir:-$(dirname "$0")/../..}/tests/faults/test_killswitch_export_drip.sh"
