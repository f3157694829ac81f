#!/usr/bin/env bash
# Interleaved A/B of two packaged builds on the cart add-and-read pair (the workload of bench/run.sh SCENARIOS=cart).
#   APP_A=/path/to/quarkus-app APP_B=/path/to/other/quarkus-app bench/ab.sh
#   ROUNDS=8 ROUND=15s WARMUP=60s JIT_ROUNDS=8 CONNECTIONS=16 (the defaults)
#   ENV_B="SHOPGRAPH_DB_POOL_SIZE=6" APP_A=... APP_B=... bench/ab.sh   # one build, two settings (ENV_A likewise)
# Why: on this machine the same build's pairs/s moved by a quarter between runs ten minutes apart (no steal reported),
# more than most changes are worth, so two builds measured one after the other cannot be told apart. Here both
# services run at once, each on its own embedded PostgreSQL, each with its own pool of fresh carts, warmed (flows, then
# pairs) until their JIT compilers settled; then the pairs run against A and B in turn (A B, B A, ...), ROUND each,
# while the other one idles. Drift slower than a round hits both alike. Prints each round and the medians: pairs/s,
# and the service's and its PostgreSQL's CPU milliseconds per pair (from /proc).
set -euo pipefail
cd "$(dirname "$0")/.."
: "${APP_A:?APP_A=/path/to/quarkus-app}" "${APP_B:?APP_B=/path/to/quarkus-app}"
ROUNDS=${ROUNDS:-8}
ROUND=${ROUND:-15s}
WARMUP=${WARMUP:-60s}
CONNECTIONS=${CONNECTIONS:-16}
OUT=target/bench-ab
JVM_OPTS=${JVM_OPTS:--XX:+UseSerialGC -Xms24m -Xmn12m -XX:MinHeapFreeRatio=15 -XX:MaxHeapFreeRatio=40 -Xmx300m -XX:ReservedCodeCacheSize=64m -XX:MaxMetaspaceSize=192m -XX:TrimNativeHeapInterval=2000}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
command -v jq >/dev/null || apt-get install -y -qq jq >/dev/null
HZ=$(getconf CLK_TCK)
rm -rf "$OUT" && mkdir -p "$OUT/A" "$OUT/B"

declare -A PIDS PORTS
start() { # side app port env
  local dir=$OUT/$1
  PORTS[$1]=$3
  env $4 SHOPGRAPH_EMBEDDED_DB_ENABLED=true SHOPGRAPH_EMBEDDED_DB_DATA_DIR="$dir/pgdata" SHOPGRAPH_DEMO_ENABLED=true \
    SHOPGRAPH_CATALOG_REFERENCE_ENABLED=true SHOPGRAPH_LIMITS_RATE_ENABLED=false QUARKUS_HTTP_PORT=$3 \
    QUARKUS_LOG_CONSOLE_JSON_ENABLED=false QUARKUS_MAILER_MOCK=true \
    ${JAVA:-java} $JVM_OPTS -jar "$2/quarkus-run.jar" > "$dir/service.log" 2>&1 &
  PIDS[$1]=$!
}
start A "$APP_A" 18180 "${ENV_A:-}"
start B "$APP_B" 18280 "${ENV_B:-}"
trap 'kill ${PIDS[A]} ${PIDS[B]} 2>/dev/null; wait 2>/dev/null || true' EXIT
for side in A B; do
  for _ in $(seq 1 900); do curl -sf "http://127.0.0.1:${PORTS[$side]}/q/health/ready" >/dev/null && break; sleep 1; done
  curl -sf "http://127.0.0.1:${PORTS[$side]}/q/health/ready" >/dev/null || { echo "$side did not start: $OUT/$side/service.log"; exit 1; }
  curl -s -H 'Content-Type: application/json' -H 'X-Storefront-Token: demo-storefront-token' \
    -d '{"query":"{ products(first: 50, filter: {available: true}) { nodes { variants(first: 1) { nodes { id } } } } }"}' \
    "http://127.0.0.1:${PORTS[$side]}/graphql" | jq -r '.data.products.nodes[].variants.nodes[].id' > "$OUT/$side/variants"
done

ticks() { # side -> "<service> <its PostgreSQL>" CPU ticks (the postmaster on the side's data directory and its children)
  local svc pg=0 pm="" p f
  read -r -a f < <(sed 's/^.*) //' "/proc/${PIDS[$1]}/stat"); svc=$((f[11] + f[12]))
  for p in $(pgrep -f -- "-D $OUT/$1/pgdata" || true); do [ "$(readlink "/proc/$p/cwd")" = "$PWD/$OUT/$1/pgdata" ] && pm=$p; done
  for p in $pm $( [ -n "$pm" ] && pgrep -P "$pm" ); do
    [ -r "/proc/$p/stat" ] || continue
    read -r -a f < <(sed 's/^.*) //' "/proc/$p/stat"); pg=$((pg + f[11] + f[12] + f[13] + f[14]))
  done
  echo "$svc $pg"
}
jit() { # side -> CPU ticks of its JIT compiler threads
  local t=0 task f
  for task in /proc/"${PIDS[$1]}"/task/*; do
    case "$(cat "$task/comm" 2>/dev/null)" in
      C1\ CompilerThre*|C2\ CompilerThre*) read -r -a f < <(sed 's/^.*) //' "$task/stat" 2>/dev/null) || continue; t=$((t + f[11] + f[12])) ;;
    esac
  done
  echo "$t"
}
run() { # side mode duration -> "completed per_s svc_ms pg_ms jit_pct"
  local b a j0 j1 result done
  read -r -a b < <(ticks "$1"); j0=$(jit "$1")
  result=$(MODE=$2 wrk -t"$CONNECTIONS" -c"$CONNECTIONS" -d"$3" -s bench/cart.lua "http://127.0.0.1:${PORTS[$1]}" -- "$OUT/$1" "$OUT/$1/variants" | grep RESULT)
  read -r -a a < <(ticks "$1"); j1=$(jit "$1")
  done=$(echo "$result" | sed -n 's/.*completed=\([0-9]*\).*/\1/p')
  awk -v n="$done" -v r="$(echo "$result" | sed -n 's/.* per_s=\([0-9.]*\).*/\1/p')" -v s=$((a[0] - b[0])) -v p=$((a[1] - b[1])) \
      -v j=$((j1 - j0)) -v hz="$HZ" 'BEGIN { if (j < 0) j = 0; printf "%d %s %.2f %.2f %.0f\n", n, r, (n ? 1000 * s / hz / n : 0), (n ? 1000 * p / hz / n : 0), (s ? 100 * j / s : 0) }'
}
# Warm-up, per side: flows for WARMUP, then 20 s rounds until the JIT's share is under 5% (at most JIT_ROUNDS); the pool
# of fresh carts; flows again (the create-only phase moves the type profiles).
warm() { # side mode
  local side=$1 round=0 pct=100 line
  run "$side" "$2" "$WARMUP" >/dev/null
  while [ "$pct" -ge 5 ] && [ "$round" -lt "${JIT_ROUNDS:-8}" ]; do
    round=$((round + 1)); line=$(run "$side" "$2" 20s); pct=${line##* }
  done
  echo "$side warmed ($2): $round rounds, jit_pct=$pct"
}
for side in A B; do warm "$side" flow; run "$side" create 30s > /dev/null; echo "$side pool: $(cat "$OUT/$side"/carts.* | wc -l) fresh carts"; done
# Then pairs on carts from the pool's other end (FROM_END, as run.sh does), so that the measured pairs still find fresh
# carts and the pairs' own mix is compiled before the rounds.
for side in A B; do FROM_END=true warm "$side" pair; done
sleep 5 # the outbox's consumers catch up with the set-up's events
echo "round side pairs per_s service_ms_per_pair pg_ms_per_pair jit_pct"
order=(A B)
for i in $(seq 1 "$ROUNDS"); do
  for side in "${order[@]}"; do
    line=$(run "$side" pair "$ROUND"); echo "$i $side $line" | tee -a "$OUT/rounds"
    sleep 3 # the consumers drain this round's events before the other side runs
  done
  order=("${order[1]}" "${order[0]}")
done
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; } # mawk has no asort
for side in A B; do
  echo "$side median of $ROUNDS rounds: pairs/s $(awk -v s="$side" '$2 == s { print $4 }' "$OUT/rounds" | median)," \
    "service $(awk -v s="$side" '$2 == s { print $5 }' "$OUT/rounds" | median) ms +" \
    "PostgreSQL $(awk -v s="$side" '$2 == s { print $6 }' "$OUT/rounds" | median) ms per pair"
done
