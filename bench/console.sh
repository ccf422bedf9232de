#!/usr/bin/env bash
# Prints how fast the staff console answers its pages (time to the last byte, as curl measures it)
# against a running ./standalone.sh at rest, signed in as after-sale customer service. Each page
# loads `rounds` times, one at a time, after one unreported warm-up load; the target is 300 ms.
# Usage: bench/console.sh [rounds=50] [console url=http://localhost:8080]
set -euo pipefail
rounds=${1:-50}
url=${2:-http://localhost:8080}
jar=$(mktemp)
trap 'rm -f "$jar"' EXIT

csrf=$(curl -s -c "$jar" "$url/sign-in" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
curl -s -o /dev/null -b "$jar" -c "$jar" -X POST "$url/sign-in" \
  --data-urlencode "username=dev-cs-aftersale" --data-urlencode "_csrf=$csrf"
order=$(curl -s -b "$jar" "$url/orders?store=tmall-flagship" | sed -n 's/.*href="\(\/orders\/tmall-flagship:[^"]*\)".*/\1/p' | head -1)

pages=(/ "/review?store=tmall-flagship" "/stock-outs?store=tmall-flagship" "/orders?store=tmall-flagship"
       "/orders?store=tmall-flagship&status=ON_HOLD&buyer=%E7%8E%8B")
[ -n "$order" ] && pages+=("$order") || echo "(no order yet: the order page is not measured; run a walk-through first)" >&2

printf '%-60s %7s %7s %7s %s\n' page p50_ms p95_ms max_ms status
for page in "${pages[@]}"; do
  curl -s -o /dev/null -b "$jar" "$url$page"
  for _ in $(seq 1 "$rounds"); do
    curl -s -o /dev/null -b "$jar" -w '%{http_code} %{time_total}\n' "$url$page"
  done | sort -k2 -n | awk -v page="$page" '
    { code[$1]++; t[NR] = $2 * 1000 }
    END {
      codes = ""; for (c in code) codes = codes c "x" code[c] " "
      printf "%-60s %7.1f %7.1f %7.1f %s\n", page, t[int(NR * 0.5 + 0.5)], t[int(NR * 0.95 + 0.5)], t[NR], codes
    }'
done
