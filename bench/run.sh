#!/usr/bin/env bash
# Storefront read-path benchmark: builds the packaged service, starts it on its own embedded PostgreSQL
# with the demo catalogue, warms up, and measures four storefront pages with wrk at 16 connections.
#   bench/run.sh                      # 30 s per scenario
#   DURATION=10s WARMUP=10s bench/run.sh
#   REFERENCE=false bench/run.sh      # the 50 demo products only, without ../shared/data/catalog-1000.json
# Prints requests/s, p50, p99, error counts and the service's RSS. Traffic goes to 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-30s}
WARMUP=${WARMUP:-20s}
PORT=${PORT:-18080}
CONNECTIONS=${CONNECTIONS:-16}
OUT=target/bench
mkdir -p "$OUT"

command -v wrk >/dev/null || { echo "installing wrk"; apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
command -v jq >/dev/null || apt-get install -y -qq jq >/dev/null

./mvnw -B -q package -DskipTests
rm -rf "$OUT/pgdata"
SHOPGRAPH_EMBEDDED_DB_ENABLED=true SHOPGRAPH_EMBEDDED_DB_DATA_DIR="$OUT/pgdata" SHOPGRAPH_DEMO_ENABLED=true \
  SHOPGRAPH_CATALOG_REFERENCE_ENABLED=${REFERENCE:-true} \
  QUARKUS_HTTP_PORT=$PORT QUARKUS_LOG_CONSOLE_JSON_ENABLED=false \
  java ${BENCH_JAVA_OPTS:-} -jar target/quarkus-app/quarkus-run.jar > "$OUT/service.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
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
: > "$OUT/handles"
after=null
while :; do # every handle of the store, page by page
  page=$(call "$(jq -cn --argjson a "$after" '{query: "query($a: String) { products(first: 100, after: $a) { nodes { handle } pageInfo { hasNextPage endCursor } } }", variables: {a: $a}}')")
  echo "$page" | jq -r '.data.products.nodes[].handle' >> "$OUT/handles"
  [ "$(echo "$page" | jq -r '.data.products.pageInfo.hasNextPage')" = true ] || break
  after=$(echo "$page" | jq '.data.products.pageInfo.endCursor')
done
: > "$OUT/detail.body"
while read -r handle; do gql detail "$(jq -cn --arg h "$handle" '{handle: $h}')" >> "$OUT/detail.body"; done < "$OUT/handles"
COLLECTION=$(call "$(jq -cn '{query: "{ collections(first: 1) { nodes { handle } } }"}')" | jq -r '.data.collections.nodes[0].handle')
gql collection "$(jq -cn --arg h "$COLLECTION" '{handle: $h}')" > "$OUT/collection.body"
gql search '{"query":"shirt"}' > "$OUT/search.body"

echo "products: $(wc -l < "$OUT/handles") handles; collection: $COLLECTION"
SCENARIOS=()
for scenario in listing detail collection search; do
  first=$(head -n1 "$OUT/$scenario.body")
  if call "$first" | grep -q '"errors"'; then
    echo "$scenario: the query answers with errors, skipped: $(call "$first" | head -c 300)"
  else
    SCENARIOS+=("$scenario")
  fi
done
# Warm every scenario before measuring any: on two cores the JIT needs a minute or two.
for scenario in "${SCENARIOS[@]}"; do
  wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -s bench/post.lua "http://127.0.0.1:$PORT" -- "$OUT/$scenario.body" >/dev/null
done
for scenario in "${SCENARIOS[@]}"; do
  result=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" -s bench/post.lua "http://127.0.0.1:$PORT" -- "$OUT/$scenario.body" | grep RESULT)
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$PID/status")
  echo "$scenario: ${result#RESULT } rss_mb=$((rss / 1024))"
done
