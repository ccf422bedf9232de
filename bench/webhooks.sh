#!/usr/bin/env bash
# Prints how fast order-service answers signed native order webhooks (time to the 200, as curl
# measures it), against a running ./standalone.sh. Each order is sent as order.placed, then
# order.paid, then order.paid again (a duplicate).
# Usage: bench/webhooks.sh [orders=300] [parallel=4] [order-service url=http://localhost:8081]
set -euo pipefail
orders=${1:-300}
parallel=${2:-4}
url=${3:-http://localhost:8081}
secret=${STOREOPS_BENCH_SECRET:-demo-storefront-secret}
run=$(date +%s)

send() { # order number -> three lines "<topic> <http status> <seconds>"
  local body t sig topic id
  body='{"orderId":"BENCH-'"$1"'","currency":"CNY","totalMinor":29500,"shippingFeeMinor":0,
   "lines":[{"sku":"TEA-LJ-250","title":"Longjing","quantity":2,"unitPriceMinor":12800},
            {"sku":"CUP-GL-01","title":"Cup","quantity":1,"unitPriceMinor":3900}],
   "shippingAddress":{"name":"Wang Fang","phone":"13800138000","country":"CN","city":"Hangzhou",
    "line1":"90 Wensan Road","postalCode":"310012"}}'
  for topic in order.placed order.paid order.paid; do
    id="bench-$1-$topic"
    t=$(date +%s)
    sig=$(printf '%s' "$t.$topic.$id.$body" | openssl dgst -sha256 -hmac "$secret" -hex | sed 's/^.* //')
    curl -s -o /dev/null -w "$topic %{http_code} %{time_total}\n" -X POST "$url/webhooks/storefront/tmall-flagship" \
      -H 'Content-Type: application/json' -H "X-StoreOps-Topic: $topic" -H "X-StoreOps-Event-Id: $id" \
      -H "X-StoreOps-Signature: t=$t,v2=$sig" --data-binary "$body"
  done
}
export -f send
export secret url

started=$(date +%s.%N)
results=$(seq 1 "$orders" | sed "s/^/$run-/" | xargs -P "$parallel" -I{} bash -c 'send {}')
elapsed=$(awk -v from="$started" -v to="$(date +%s.%N)" 'BEGIN { print to - from }')

echo "$results" | awk '$2 != 200 { bad++ } END { printf "requests %d, not 200: %d\n", NR, bad + 0 }'
echo "$results" | awk '{ print $3 }' | sort -n | awk -v elapsed="$elapsed" '
  { t[NR] = $1 }
  END {
    printf "wall %.1f s, %.0f requests/s\n", elapsed, NR / elapsed
    printf "latency ms: p50 %.1f  p90 %.1f  p99 %.1f  max %.1f\n",
      t[int(NR * 0.50)] * 1000, t[int(NR * 0.90)] * 1000, t[int(NR * 0.99)] * 1000, t[NR] * 1000
  }'
