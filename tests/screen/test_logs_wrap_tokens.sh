#!/bin/sh
# test_logs_wrap_tokens.sh — LOGS wrapped (w) at 80x24, zoomed: a row ends
# at the last space that fits ("status=503", "k10=v10" never split; only a
# token wider than a row is cut), an escape's "^[" and a wide character
# stay whole, rows after the first sit under the message start, a stack
# trace's "\tat" keeps its indentation after the prefix, and a 20 KB line
# (cut at 16 KiB by the sanitizer) taller than the pane shows its first
# rows, "… N rows …" and its last rows with the "…[+N bytes]" marker.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/screen.sh"
write_config
{
	printf 'api-1/api 2026-01-01T00:00:01Z ERROR GET /export status=503 dur_ms=38 upstream=exporter-7 k1=v1 k2=v2 k3=v3 k4=v4 k5=v5 k6=v6 k7=v7 k8=v8 k9=v9 k10=v10 k11=v11 k12=v12\n'
	printf 'api-1/api 2026-01-01T00:00:02Z ERROR java.lang.IllegalStateException: export failed\n'
	printf 'api-1/api 2026-01-01T00:00:02Z \tat com.acme.Export.run(Export.java:42)\n'
	printf 'api-1/api 2026-01-01T00:00:03Z WARN  caf\303\251 \344\270\226\347\225\214 term=\033[31mred\033[0m id=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789 ok\n'
} > "$tmp/api.log"
python3 -c '
import sys
body = " ".join("f%d=%s" % (i, "x" * (i % 7 + 1)) for i in range(4000))
sys.stdout.write("api-1/api 2026-01-01T00:00:04Z INFO  dump " + body[:20000 - 40] + " END\n")
' > "$tmp/big.log"
steps '
:resize 80x24
:logs-tails 1
:logs-tail 1 api.log
3
z
w
:save-screen tokens
:logs-tail 1 big.log
:save-screen tall
'
run_console -c "$tmp/warroom.conf"


assert_screen tokens <<'EOF'
 warroom │ no incident named │ T+00:00:00               2026-01-01 00:00:00 UTC
┌─ ▶ LOGS (zoomed: z shows every pane) ────────────────────────────────────────┐
│                                                                              │
│                                                                              │
│                                                                              │
│                                                                              │
│                                                                              │
│                                                                              │
│                                                                              │
│                                                                              │
│                                                                              │
│                                                                              │
│api-1/api 00:00:01 ERROR GET /export status=503 dur_ms=38 upstream=exporter-7 │
│          k1=v1 k2=v2 k3=v3 k4=v4 k5=v5 k6=v6 k7=v7 k8=v8 k9=v9 k10=v10       │
│          k11=v11 k12=v12                                                     │
│api-1/api 00:00:02 ERROR java.lang.IllegalStateException: export failed       │
│api-1/api 00:00:02        at com.acme.Export.run(Export.java:42)              │
│api-1/api 00:00:03 WARN  café 世界 term=^[[31mred^[[0m                        │
│          id=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0│
│          123456789 ok                                                        │
│api.log  4 lines  wrap                                                        │
└──────────────────────────────────────────────────────────────────────────────┘
 config: 3 hosts without metrics (api-1: verdict from restarts alone; +2 more);
 warroom --check-config lists them
EOF
assert_screen tall <<'EOF'
 warroom │ no incident named │ T+00:00:00               2026-01-01 00:00:00 UTC
┌─ ▶ LOGS (zoomed: z shows every pane) ────────────────────────────────────────┐
│api-1/api 00:00:04 INFO  dump f0=x f1=xx f2=xxx f3=xxxx f4=xxxxx f5=xxxxxx    │
│          f6=xxxxxxx f7=x f8=xx f9=xxx f10=xxxx f11=xxxxx f12=xxxxxx          │
│          f13=xxxxxxx f14=x f15=xx f16=xxx f17=xxxx f18=xxxxx f19=xxxxxx      │
│          f20=xxxxxxx f21=x f22=xx f23=xxx f24=xxxx f25=xxxxx f26=xxxxxx      │
│          f27=xxxxxxx f28=x f29=xx f30=xxx f31=xxxx f32=xxxxx f33=xxxxxx      │
│          f34=xxxxxxx f35=x f36=xx f37=xxx f38=xxxx f39=xxxxx f40=xxxxxx      │
│          f41=xxxxxxx f42=x f43=xx f44=xxx f45=xxxx f46=xxxxx f47=xxxxxx      │
│          f48=xxxxxxx f49=x f50=xx f51=xxx f52=xxxx f53=xxxxx f54=xxxxxx      │
│          f55=xxxxxxx f56=x f57=xx f58=xxx f59=xxxx f60=xxxxx f61=xxxxxx      │
│          … 245 rows …                                                        │
│          f1538=xxxxxx f1539=xxxxxxx f1540=x f1541=xx f1542=xxx f1543=xxxx    │
│          f1544=xxxxx f1545=xxxxxx f1546=xxxxxxx f1547=x f1548=xx f1549=xxx   │
│          f1550=xxxx f1551=xxxxx f1552=xxxxxx f1553=xxxxxxx f1554=x f1555=xx  │
│          f1556=xxx f1557=xxxx f1558=xxxxx f1559=xxxxxx f1560=xxxxxxx f1561=x │
│          f1562=xx f1563=xxx f1564=xxxx f1565=xxxxx f1566=xxxxxx f1567=xxxxxxx│
│          f1568=x f1569=xx f1570=xxx f1571=xxxx f1572=xxxxx f1573=xxxxxx      │
│          f1574=xxxxxxx f1575=x f1576=xx f1577=xxx f1578=xxxx f1579=xxxxx     │
│          f1580=xxxxxx f1581=xxxxxxx f1582=x f1583=xx f…[+3654 bytes]         │
│big.log  5 lines  wrap                                                        │
└──────────────────────────────────────────────────────────────────────────────┘
 config: 3 hosts without metrics (api-1: verdict from restarts alone; +2 more);
 warroom --check-config lists them
EOF
