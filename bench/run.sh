#!/usr/bin/env bash
# Storefront read-path benchmark: builds the packaged service, starts it on its own embedded PostgreSQL
# with the demo catalogue, warms up, and measures four storefront pages with wrk at 16 connections.
#   bench/run.sh                      # 30 s per scenario
#   DURATION=10s WARMUP=10s bench/run.sh
#   REFERENCE=false bench/run.sh      # the 50 demo products only, without ../shared/data/catalog-1000.json
#   PRODUCTS=100000 bench/run.sh      # N generated products (deterministic) instead of the reference catalogue
#   CACHE=false bench/run.sh          # without the storefront response cache (the uncached read path)
#   CACHE=both bench/run.sh           # each scenario twice in one JVM: uncached (Cache-Control: no-cache), then cached
#   SCENARIOS="listing detail" bench/run.sh   SKIP_BUILD=true bench/run.sh (reuse target/quarkus-app)
#   SCENARIOS=cart bench/run.sh       # the cart workloads only: add-and-read pairs on fresh carts, and whole flows
# Prints requests/s, p50, p99, error counts and the service's RSS. Traffic goes to 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-30s}
WARMUP=${WARMUP:-20s}
PORT=${PORT:-18080}
CONNECTIONS=${CONNECTIONS:-16}
PRODUCTS=${PRODUCTS:-0}
WANTED=${SCENARIOS:-listing detail collection search}
CACHE=${CACHE:-true}
if [ "$PRODUCTS" -gt 0 ]; then REFERENCE=${REFERENCE:-false}; else REFERENCE=${REFERENCE:-true}; fi
OUT=target/bench
mkdir -p "$OUT"

command -v wrk >/dev/null || { echo "installing wrk"; apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
command -v jq >/dev/null || apt-get install -y -qq jq >/dev/null

[ "${SKIP_BUILD:-false}" = true ] || ./mvnw -B -q package -DskipTests
rm -rf "$OUT/pgdata"
SHOPGRAPH_EMBEDDED_DB_ENABLED=true SHOPGRAPH_EMBEDDED_DB_DATA_DIR="$OUT/pgdata" SHOPGRAPH_DEMO_ENABLED=true \
  SHOPGRAPH_CATALOG_REFERENCE_ENABLED=$REFERENCE SHOPGRAPH_CATALOG_GENERATE_PRODUCTS=$PRODUCTS \
  SHOPGRAPH_STOREFRONT_CACHE_ENABLED=$([ "$CACHE" = false ] && echo false || echo true) \
  QUARKUS_HTTP_PORT=$PORT QUARKUS_LOG_CONSOLE_JSON_ENABLED=false \
  java ${BENCH_JAVA_OPTS:-} -jar target/quarkus-app/quarkus-run.jar > "$OUT/service.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null || true' EXIT
for _ in $(seq 1 900); do
  curl -sf "http://127.0.0.1:$PORT/q/health/ready" >/dev/null && break
  sleep 1
done
curl -sf "http://127.0.0.1:$PORT/q/health/ready" >/dev/null || { echo "service did not start; see $OUT/service.log"; exit 1; }

gql() { # query-file [variables-json] -> one JSON request body
  local vars=${2:-}
  [ -n "$vars" ] || vars='{}'
  jq -cn --rawfile q "bench/queries/$1.graphql" --argjson v "$vars" '{query: $q, variables: $v}'
}
call() { curl -s -H 'Content-Type: application/json' -H 'X-Storefront-Token: demo-storefront-token' -d "$1" "http://127.0.0.1:$PORT/graphql"; }

# Request bodies per scenario, one per line.
gql listing > "$OUT/listing.body"
if [[ " $WANTED " == *" detail "* ]]; then
  : > "$OUT/handles"
  after=null
  while :; do # every visible handle of the store, page by page (up to DETAIL_HANDLES, default all)
    page=$(call "$(jq -cn --argjson a "$after" '{query: "query($a: String) { products(first: 100, after: $a) { nodes { handle } pageInfo { hasNextPage endCursor } } }", variables: {a: $a}}')")
    echo "$page" | jq -r '.data.products.nodes[].handle' >> "$OUT/handles"
    [ "$(echo "$page" | jq -r '.data.products.pageInfo.hasNextPage')" = true ] || break
    [ "$(wc -l < "$OUT/handles")" -lt "${DETAIL_HANDLES:-1000000}" ] || break
    after=$(echo "$page" | jq '.data.products.pageInfo.endCursor')
  done
  : > "$OUT/detail.body"
  while read -r handle; do gql detail "$(jq -cn --arg h "$handle" '{handle: $h}')" >> "$OUT/detail.body"; done < "$OUT/handles"
else
  : > "$OUT/handles"
fi
COLLECTION=$(call "$(jq -cn '{query: "{ collections(first: 1) { nodes { handle } } }"}')" | jq -r '.data.collections.nodes[0].handle')
gql collection "$(jq -cn --arg h "$COLLECTION" '{handle: $h}')" > "$OUT/collection.body"
gql search "{\"query\":\"${SEARCH:-scarf}\"}" > "$OUT/search.body"

echo "detail handles: $(wc -l < "$OUT/handles"); collection: $COLLECTION; cache: $CACHE"
grep -E "Generated|Loaded" "$OUT/service.log" | sed 's/^.*INFO  *//' || true
SCENARIOS=()
for scenario in $WANTED; do
  [ "$scenario" = cart ] && continue
  first=$(head -n1 "$OUT/$scenario.body")
  if call "$first" | grep -q '"errors"'; then
    echo "$scenario: the query answers with errors, skipped: $(call "$first" | head -c 300)"
  else
    SCENARIOS+=("$scenario")
  fi
done
case "$CACHE" in
  both) MODES="uncached cached" ;;
  false) MODES="uncached" ;;
  *) MODES="cached" ;;
esac
for mode in $MODES; do
  if [ "$mode" = uncached ]; then export BENCH_NO_CACHE=1; else unset BENCH_NO_CACHE; fi
  # Warm every scenario before measuring any: on two cores the JIT needs a minute or two.
  for scenario in "${SCENARIOS[@]}"; do
    wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -s bench/post.lua "http://127.0.0.1:$PORT" -- "$OUT/$scenario.body" >/dev/null
  done
  for scenario in "${SCENARIOS[@]}"; do
    result=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" -s bench/post.lua "http://127.0.0.1:$PORT" -- "$OUT/$scenario.body" | grep RESULT)
    rss=$(awk '/VmRSS/ {print $2}' "/proc/$PID/status")
    echo "$scenario ($mode): ${result#RESULT } rss_mb=$((rss / 1024))"
  done
done

# Cart workloads (SCENARIOS containing "cart"): one connection per wrk thread, each driving its own chain of calls.
# On a shared machine the rates depend on what else runs, so each phase also reports the CPU seconds the service
# and its PostgreSQL used (utime + stime from /proc), and what that makes per CPU-second: a load-independent figure.
cpu_ticks() {
  local total=0 pg
  pg=""
  for candidate in $(pgrep -f -- "-D $OUT/pgdata -p" || true); do # this worktree's postmaster (others may run the bench too)
    [ "$(readlink "/proc/$candidate/cwd")" = "$PWD" ] && pg=$candidate
  done
  for p in $PID ${pg:-} $( [ -n "${pg:-}" ] && pgrep -P "$pg" ); do
    [ -r "/proc/$p/stat" ] || continue
    read -r -a f < <(sed 's/^.*) //' "/proc/$p/stat")
    total=$((total + f[11] + f[12]))
  done
  echo "$total"
}
if [[ " $WANTED " == *" cart "* ]]; then
  call "$(jq -cn '{query: "{ products(first: 50, filter: {available: true}) { nodes { variants(first: 1) { nodes { id } } } } }"}')" \
    | jq -r '.data.products.nodes[].variants.nodes[].id' > "$OUT/variants"
  TICKS=$(getconf CLK_TCK)
  cart_wrk() { # mode duration label
    local before after result completed cpu
    before=$(cpu_ticks)
    result=$(MODE=$1 wrk -t"$CONNECTIONS" -c"$CONNECTIONS" -d"$2" -s bench/cart.lua "http://127.0.0.1:$PORT" -- "$OUT" "$OUT/variants" | grep RESULT)
    after=$(cpu_ticks)
    completed=$(echo "$result" | sed -n 's/.*completed=\([0-9]*\).*/\1/p')
    cpu=$(awk -v t=$((after - before)) -v hz="$TICKS" 'BEGIN { printf "%.1f", t / hz }')
    echo "$3: ${result#RESULT } service_cpu_s=$cpu per_cpu_s=$(awk -v c="$completed" -v s="$cpu" 'BEGIN { printf "%.0f", (s > 0 ? c / s : 0) }') load=$(cut -d' ' -f1 /proc/loadavg)"
  }
  cart_wrk flow "$WARMUP" warm-up >/dev/null   # JIT warm-up on throw-away carts
  cart_wrk create "$WARMUP" "fresh carts"
  echo "cart pool: $(cat "$OUT"/carts.* | wc -l) fresh carts"
  cart_wrk pair "$DURATION" "cart add-and-read pairs"
  cart_wrk flow "$DURATION" "cart flows (sessionStart + cartCreate + 3 x cartLinesAdd + cart)"
  echo "rss_mb=$(( $(awk '/VmRSS/ {print $2}' "/proc/$PID/status") / 1024 ))"
fi
