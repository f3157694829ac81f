#!/usr/bin/env bash
# Storefront and merchant read-path benchmark: builds the packaged service, starts it on its own embedded
# PostgreSQL with the demo store plus the reference catalogue (bench/data, 1,000 products) or N generated
# products, warms every scenario up, then measures each with wrk at 16 connections.
#   bench/run.sh                      # 30 s per scenario
#   DURATION=10s WARMUP=10s bench/run.sh
#   REFERENCE=false bench/run.sh      # the 50 demo products only
#   PRODUCTS=10000 bench/run.sh       # N generated products (deterministic) instead of the reference catalogue
#   CACHE=false bench/run.sh          # without the storefront response cache (the uncached read path)
#   CACHE=both bench/run.sh           # each scenario twice in one JVM: uncached (cache bypassed), then cached
#   SCENARIOS="listing detail merchant" bench/run.sh   SKIP_BUILD=true bench/run.sh (reuse target/quarkus-app)
#   JAVA=/path/to/java bench/run.sh   # another JVM (the default is java on the PATH)
#   JVM_OPTS="..." bench/run.sh       # replaces the default heap/GC sizing; BENCH_JAVA_OPTS adds options
# Prints per scenario requests/s, p50, p99, errors, the service's RSS and the CPU time per request of the
# service and of its PostgreSQL (server and backends), read from /proc. Traffic goes to 127.0.0.1 only.
#   SCENARIOS=cart bench/run.sh       # the cart workloads only: add-and-read pairs on fresh carts, and whole flows
#   SCENARIOS="cartread pricedcart" bench/run.sh  # a cart read, plain and with a code, a shipping rate and tax
#   PG_STATEMENTS=true bench/run.sh   # also prints the top statements of every measured cart or checkout phase by
#                                     # PostgreSQL time (pg_stat_statements: calls, ms per call, share of the phase)
#   SCENARIOS=analytics bench/run.sh  # storeAnalytics over a year of a busy store (ANALYTICS_SESSIONS, default 1,000,000
#                                     # sessions loaded by SQL generate_series: bench/analytics-load.sql)
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-30s}
WARMUP=${WARMUP:-20s}
PORT=${PORT:-18080}
CONNECTIONS=${CONNECTIONS:-16}
PRODUCTS=${PRODUCTS:-0}
WANTED=${SCENARIOS:-listing detail collection search merchant}
CACHE=${CACHE:-true}
if [ "$PRODUCTS" -gt 0 ]; then REFERENCE=${REFERENCE:-false}; else REFERENCE=${REFERENCE:-true}; fi
OUT=target/bench
# The small-container sizing of deploy/ (docs/performance.md, "Memory"): serial GC (1-2 cores), heap capped at 300 MB,
# starting at 24 MB with a 12 MB young generation, and grown with 15% headroom instead of 40% (the live set after startup
# is about 23 MB; at -Xms64m the heap alone was 64-86 MB idle). TrimNativeHeapInterval: glibc keeps what startup freed
# (class loading, the seed) resident; trimming every 2 s returns it (about 30 MB idle).
JVM_OPTS=${JVM_OPTS:--XX:+UseSerialGC -Xms24m -Xmn12m -XX:MinHeapFreeRatio=15 -XX:MaxHeapFreeRatio=40 -Xmx300m -XX:ReservedCodeCacheSize=64m -XX:MaxMetaspaceSize=192m -XX:TrimNativeHeapInterval=2000}
mkdir -p "$OUT"

command -v wrk >/dev/null || { echo "installing wrk"; apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
command -v jq >/dev/null || apt-get install -y -qq jq >/dev/null
command -v python3 >/dev/null || apt-get install -y -qq python3 >/dev/null
command -v xxd >/dev/null || apt-get install -y -qq xxd >/dev/null

[ "${SKIP_BUILD:-false}" = true ] || ./mvnw -B -q package -DskipTests
rm -rf "$OUT/pgdata"
# The merchant scenario signs its own bearer token: a static OIDC issuer (discovery document and JWKS served
# by python3 -m http.server from $OUT/issuer) that the service trusts, and the demo seeder makes "alice" of
# this issuer an owner of the demo store.
ISSUER_PORT=$((PORT + 1))
ISSUER=http://127.0.0.1:$ISSUER_PORT
b64url() { openssl base64 -e -A | tr '+/' '-_' | tr -d '='; }
rm -rf "$OUT/issuer" && mkdir -p "$OUT/issuer/.well-known"
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$OUT/bench-key.pem" 2>/dev/null
modulus=$(openssl rsa -in "$OUT/bench-key.pem" -noout -modulus | cut -d= -f2 | xxd -r -p | b64url)
jq -cn --arg n "$modulus" '{keys: [{kty: "RSA", kid: "bench", use: "sig", alg: "RS256", n: $n, e: "AQAB"}]}' > "$OUT/issuer/jwks.json"
jq -cn --arg iss "$ISSUER" '{issuer: $iss, jwks_uri: ($iss + "/jwks.json"), token_endpoint: ($iss + "/token"),
  id_token_signing_alg_values_supported: ["RS256"]}' > "$OUT/issuer/.well-known/openid-configuration"
python3 -m http.server "$ISSUER_PORT" --bind 127.0.0.1 --directory "$OUT/issuer" > "$OUT/issuer.log" 2>&1 &
ISSUER_PID=$!
# Order confirmations go to a local mail server that accepts and drops them (bench/smtp-sink.py): without one, every
# checkout's mail failed and was retried with backoff, costing more than sending it.
SMTP_PORT=$((PORT + 2))
rm -f "$OUT/mails-received"
python3 bench/smtp-sink.py "$SMTP_PORT" "$OUT/mails-received" > "$OUT/smtp.log" 2>&1 &
SMTP_PID=$!
jwt_header=$(printf '{"alg":"RS256","typ":"JWT","kid":"bench"}' | b64url)
jwt_claims=$(jq -cn --arg iss "$ISSUER" '{iss: $iss, sub: "alice", aud: "shopgraph", iat: (now | floor), exp: (now | floor + 86400)}' | b64url)
jwt_signature=$(printf '%s.%s' "$jwt_header" "$jwt_claims" | openssl dgst -sha256 -sign "$OUT/bench-key.pem" | b64url)
export BENCH_BEARER_TOKEN="$jwt_header.$jwt_claims.$jwt_signature"
# Issue 8 makes Cache-Control: no-cache honoured only with this secret (or a merchant token); bench measures
# the uncached path with both.
export BENCH_BYPASS_SECRET=${BENCH_BYPASS_SECRET:-bench-$RANDOM$RANDOM}
SHOPGRAPH_OIDC_ISSUER_URL=$ISSUER SHOPGRAPH_STOREFRONT_CACHE_BYPASS_SECRET=$BENCH_BYPASS_SECRET \
  SHOPGRAPH_EMBEDDED_DB_ENABLED=true SHOPGRAPH_EMBEDDED_DB_DATA_DIR="$OUT/pgdata" SHOPGRAPH_DEMO_ENABLED=true \
  SHOPGRAPH_CATALOG_REFERENCE_ENABLED=$REFERENCE SHOPGRAPH_CATALOG_GENERATE_PRODUCTS=$PRODUCTS \
  SHOPGRAPH_STOREFRONT_CACHE_ENABLED=$([ "$CACHE" = false ] && echo false || echo true) \
  SHOPGRAPH_LIMITS_RATE_ENABLED=false \
  SHOPGRAPH_EMBEDDED_DB_PRELOAD_LIBRARIES=$([ "${PG_STATEMENTS:-false}" = true ] && echo pg_stat_statements) \
  QUARKUS_HTTP_PORT=$PORT QUARKUS_LOG_CONSOLE_JSON_ENABLED=false \
  QUARKUS_MAILER_HOST=127.0.0.1 QUARKUS_MAILER_PORT=$SMTP_PORT \
  ${JAVA:-java} $JVM_OPTS ${BENCH_JAVA_OPTS:-} -jar "${APP:-target/quarkus-app}/quarkus-run.jar" > "$OUT/service.log" 2>&1 &
PID=$!
trap 'kill $PID $ISSUER_PID $SMTP_PID 2>/dev/null; wait $PID 2>/dev/null || true' EXIT
for _ in $(seq 1 900); do
  curl -sf "http://127.0.0.1:$PORT/q/health/ready" >/dev/null && break
  sleep 1
done
curl -sf "http://127.0.0.1:$PORT/q/health/ready" >/dev/null || { echo "service did not start; see $OUT/service.log"; exit 1; }
sleep 5
echo "idle after startup: rss_mb=$(($(awk '/VmRSS/ {print $2}' "/proc/$PID/status") / 1024)) (${JAVA:-java} $JVM_OPTS)"

HZ=$(getconf CLK_TCK)
# PG_STATEMENTS=true: statement statistics of the embedded PostgreSQL (superuser "postgres", loopback only).
pg_superuser() { psql -X -q -h 127.0.0.1 -p "$(sed -n 4p "$OUT/pgdata/postmaster.pid")" -U postgres -d shopgraph "$@"; }
if [ "${PG_STATEMENTS:-false}" = true ]; then
  command -v psql >/dev/null || apt-get install -y -qq postgresql-client >/dev/null
  pg_superuser -c "create extension if not exists pg_stat_statements"
fi
pg_statements_reset() { [ "${PG_STATEMENTS:-false}" = true ] && pg_superuser -c "select pg_stat_statements_reset()" >/dev/null || true; }
pg_statements_top() { # label
  [ "${PG_STATEMENTS:-false}" = true ] || return 0
  echo "  PostgreSQL's statements in \"$1\" by total time:"
  pg_superuser -A -F ' | ' -t -c "select calls, round((total_exec_time / calls)::numeric, 3) || ' ms', \
      round((100 * total_exec_time / sum(total_exec_time) over ())::numeric, 1) || '%', \
      left(regexp_replace(query, '\s+', ' ', 'g'), 160) from pg_stat_statements order by total_exec_time desc limit 20" \
    | sed 's/^/    /'
}
# CPU ticks (user + system) of the service and of its embedded PostgreSQL (the server started on
# $OUT/pgdata, which detaches from the JVM, and every backend; exited backends count through cutime).
cpu_ticks() {
  local svc pg=0 pid postmaster
  svc=$(awk '{print $14 + $15}' "/proc/$PID/stat")
  postmaster=""
  # This worktree's postmaster only: other worktrees' benches run "postgres -D target/bench/pgdata" too (its cwd is
  # its data directory).
  for pid in $(pgrep -f -- "postgres -D $OUT/pgdata" || true); do
    [ "$(readlink "/proc/$pid/cwd")" = "$PWD/$OUT/pgdata" ] && postmaster=$pid
  done
  [ -n "$postmaster" ] || { echo "$svc 0"; return; }
  for pid in $postmaster $(descendants "$postmaster"); do
    pg=$((pg + $(awk '{print $14 + $15 + $16 + $17}' "/proc/$pid/stat" 2>/dev/null || echo 0)))
  done
  echo "$svc $pg"
}
# CPU ticks of the service's JIT compiler threads (C1 and C2). On two cores the compilers compete with the request
# threads, and their queue takes minutes of load to drain: a phase measured while they still compile is charged with
# them (jit_pct below), so the cart phases are measured only once the compilers have settled (cart_warm_up).
jit_ticks() {
  local t=0 task f
  for task in /proc/"$PID"/task/*; do
    case "$(cat "$task/comm" 2>/dev/null)" in
      C1\ CompilerThre*|C2\ CompilerThre*)
        read -r -a f < <(sed 's/^.*) //' "$task/stat" 2>/dev/null) || continue
        t=$((t + f[11] + f[12])) ;;
    esac
  done
  echo "$t"
}
# Percent of the service's CPU that its JIT compilers took between two readings: jit_pct <jit0> <jit1> <svc0> <svc1>.
# Compiler threads come and go (their count follows the queue), so a negative difference counts as none.
jit_pct() {
  awk -v j=$(($2 - $1)) -v s=$(($4 - $3)) 'BEGIN { if (j < 0) j = 0; printf "%.0f", (s > 0 ? 100 * j / s : 0) }'
}
descendants() {
  local child
  for child in $(cat /proc/"$1"/task/*/children 2>/dev/null); do
    echo "$child"
    descendants "$child"
  done
}

gql() { # query-file [variables-json] -> one JSON request body
  local vars=${2:-}
  [ -n "$vars" ] || vars='{}'
  jq -cn --rawfile q "bench/queries/$1.graphql" --argjson v "$vars" '{query: $q, variables: $v}'
}
call() { curl -s -H 'Content-Type: application/json' -H 'X-Storefront-Token: demo-storefront-token' -d "$1" "http://127.0.0.1:$PORT/graphql"; }
merchant_call() { curl -s -H 'Content-Type: application/json' -H "Authorization: Bearer $BENCH_BEARER_TOKEN" -d "$1" "http://127.0.0.1:$PORT/graphql"; }

# Request bodies per scenario, one per line.
gql listing > "$OUT/listing.body"
cp "$OUT/listing.body" "$OUT/merchant.body" # the same listing with a merchant token: never cached
if [[ " $WANTED " == *" detail "* ]]; then
  : > "$OUT/handles"
  after=null
  while :; do # every visible handle of the store, page by page (up to DETAIL_HANDLES, default all)
    for _ in 1 2 3 4 5; do # a cold JVM on a loaded machine can run out of its deadline: ask again
      page=$(call "$(jq -cn --argjson a "$after" '{query: "query($a: String) { products(first: 100, after: $a) { nodes { handle } pageInfo { hasNextPage endCursor } } }", variables: {a: $a}}')")
      echo "$page" | jq -e '.data.products.nodes' >/dev/null && break
      sleep 2
    done
    echo "$page" | jq -r '.data.products.nodes[].handle' >> "$OUT/handles"
    [ "$(echo "$page" | jq -r '.data.products.pageInfo.hasNextPage')" = true ] || break
    [ "$(wc -l < "$OUT/handles")" -lt "${DETAIL_HANDLES:-1000000}" ] || break
    after=$(echo "$page" | jq '.data.products.pageInfo.endCursor')
  done
  jq -Rc --rawfile q bench/queries/detail.graphql '{query: $q, variables: {handle: .}}' < "$OUT/handles" > "$OUT/detail.body"
else
  : > "$OUT/handles"
fi
COLLECTION=$(call "$(jq -cn '{query: "{ collections(first: 1) { nodes { handle } } }"}')" | jq -r '.data.collections.nodes[0].handle')
gql collection "$(jq -cn --arg h "$COLLECTION" '{handle: $h}')" > "$OUT/collection.body"
gql search "{\"query\":\"${SEARCH:-scarf}\"}" > "$OUT/search.body"

# Cart reads (SCENARIOS containing cartread / pricedcart): the same document (queries/cart.graphql: cost, codes,
# delivery options, lines) over 50 carts of two lines each. cartread: plain carts (no code, address or country);
# pricedcart: each with a 10 % code, a German address, the chosen flat rate and 19 % tax (the rate, zone and code are
# created here with the merchant token). The figure to compare is the CPU per request (docs/pricing.md).
if [[ " $WANTED " == *" cartread "* || " $WANTED " == *" pricedcart "* ]]; then
  call "$(jq -cn '{query: "{ products(first: 50, filter: {available: true}) { nodes { variants(first: 1) { nodes { id } } } } }"}')" \
    | jq -r '.data.products.nodes[].variants.nodes[].id' > "$OUT/cart-variants"
  merchant_call "$(jq -cn '{query: "mutation { taxRateCreate(input: {countryCode: \"DE\", title: \"MwSt\", rate: \"0.19\"}) { userErrors { code } } shippingZoneCreate(input: {name: \"Germany\", countries: [\"DE\"], rates: [{title: \"Standard\", kind: FLAT, price: \"4.90\"}]}) { userErrors { code } } discountCreate(input: {code: \"BENCH10\", title: \"Bench ten\", kind: PERCENTAGE, percentage: \"10\"}) { userErrors { code } } }"}')" > /dev/null
  : > "$OUT/cartread.body"; : > "$OUT/pricedcart.body"
  mapfile -t cart_variants < "$OUT/cart-variants"
  for i in $(seq 0 49); do
    a=${cart_variants[$((i % ${#cart_variants[@]}))]}; b=${cart_variants[$(((i + 1) % ${#cart_variants[@]}))]}
    for kind in cartread pricedcart; do
      cart=$(call "$(jq -cn --arg a "$a" --arg b "$b" '{query: "mutation($a: ID!, $b: ID!) { cartCreate(input: {lines: [{merchandiseId: $a, quantity: 1}, {merchandiseId: $b, quantity: 2}]}) { cart { id } } }", variables: {a: $a, b: $b}}')" \
        | jq -r '.data.cartCreate.cart.id')
      if [ "$kind" = pricedcart ]; then
        call "$(jq -cn --arg c "$cart" '{query: "mutation($c: ID!) { cartDiscountCodesUpdate(cartId: $c, discountCodes: [\"bench10\"]) { userErrors { code } } }", variables: {c: $c}}')" > /dev/null
        handle=$(call "$(jq -cn --arg c "$cart" '{query: "mutation($c: ID!) { cartShippingAddressUpdate(cartId: $c, address: {name: \"Bench\", address1: \"Hauptstr. 1\", city: \"Berlin\", zip: \"10115\", countryCode: \"DE\"}) { cart { deliveryOptions { handle title } } } }", variables: {c: $c}}')" \
          | jq -r '.data.cartShippingAddressUpdate.cart.deliveryOptions[] | select(.title == "Standard") | .handle')
        call "$(jq -cn --arg c "$cart" --arg h "$handle" '{query: "mutation($c: ID!, $h: String!) { cartSelectedDeliveryOptionUpdate(cartId: $c, deliveryOptionHandle: $h) { userErrors { code } } }", variables: {c: $c, h: $h}}')" > /dev/null
      fi
      gql cart "$(jq -cn --arg c "$cart" '{id: $c}')" >> "$OUT/$kind.body"
    done
  done
  echo "priced cart: $(call "$(head -n1 "$OUT/pricedcart.body")" | jq -c '.data.cart.cost | {subtotal: .subtotalAmount.amount, discount: .discountAmount.amount, shipping: .shippingAmount.amount, tax: .taxAmount.amount, total: .totalAmount.amount}')"
fi

echo "detail handles: $(wc -l < "$OUT/handles"); collection: $COLLECTION; cache: $CACHE"
grep -E "Generated|Loaded" "$OUT/service.log" | sed 's/^.*INFO  *//' || true
SCENARIOS=()
for scenario in $WANTED; do
  [ "$scenario" = cart ] && continue
  [ "$scenario" = analytics ] && continue
  [ "$scenario" = checkout ] && continue
  first=$(head -n1 "$OUT/$scenario.body")
  if [ "$scenario" = merchant ]; then caller=merchant_call; else caller=call; fi
  if $caller "$first" | grep -q '"errors"'; then
    echo "$scenario: the query answers with errors, skipped: $($caller "$first" | head -c 300)"
  else
    SCENARIOS+=("$scenario")
  fi
done
case "$CACHE" in
  both) MODES="uncached cached" ;;
  false) MODES="uncached" ;;
  *) MODES="cached" ;;
esac
# One wrk run of a scenario; prints its RESULT line followed by the CPU milliseconds per request.
measure() { # scenario duration
  local svc0 pg0 svc1 pg1 result requests jit0 jit1
  read -r svc0 pg0 < <(cpu_ticks)
  jit0=$(jit_ticks)
  if [ "$1" = merchant ]; then
    result=$(BENCH_TOKEN= BENCH_BEARER=$BENCH_BEARER_TOKEN wrk -t2 -c"$CONNECTIONS" -d"$2" --timeout 10s -s bench/post.lua "http://127.0.0.1:$PORT" -- "$OUT/$1.body" | grep RESULT)
  else
    result=$(wrk -t2 -c"$CONNECTIONS" -d"$2" --timeout 10s -s bench/post.lua "http://127.0.0.1:$PORT" -- "$OUT/$1.body" | grep RESULT)
  fi
  read -r svc1 pg1 < <(cpu_ticks)
  jit1=$(jit_ticks)
  requests=$(echo "$result" | sed -E 's/.*requests=([0-9]+).*/\1/')
  echo "${result#RESULT } $(awk -v s=$((svc1 - svc0)) -v p=$((pg1 - pg0)) -v n="$requests" -v hz="$HZ" \
    'BEGIN { if (n == 0) n = 1; printf "service_cpu_ms=%.3f pg_cpu_ms=%.3f", s * 1000 / hz / n, p * 1000 / hz / n }') jit_pct=$(jit_pct "$jit0" "$jit1" "$svc0" "$svc1")"
}
for mode in $MODES; do
  if [ "$mode" = uncached ]; then export BENCH_NO_CACHE=1; else unset BENCH_NO_CACHE; fi
  # Warm every scenario before measuring any: a fresh JVM on two cores runs at a third of its speed for
  # the first minute or two. The warm-up figures are printed too, to show when the JIT has caught up. Then rounds of
  # $JIT_ROUND over every scenario until none of them saw the JIT compilers take $JIT_SETTLED_PCT% or more of the
  # service's CPU (at most $JIT_ROUNDS rounds; cart_warm_up below says why).
  worst=0
  for scenario in "${SCENARIOS[@]}"; do
    line=$(measure "$scenario" "$WARMUP")
    echo "  warm-up $scenario ($mode, $WARMUP): $line"
    pct=${line##*jit_pct=}
    [ "$pct" -gt "$worst" ] && worst=$pct
  done
  round=0
  while [ "$worst" -ge "${JIT_SETTLED_PCT:-5}" ] && [ "$round" -lt "${JIT_ROUNDS:-15}" ]; do
    round=$((round + 1)) worst=0
    for scenario in "${SCENARIOS[@]}"; do
      line=$(measure "$scenario" "${JIT_ROUND:-20s}")
      echo "  warm-up round $round $scenario ($mode): rps=$(echo "$line" | sed -E 's/.* rps=([0-9.]+).*/\1/') jit_pct=${line##*jit_pct=}"
      pct=${line##*jit_pct=}
      [ "$pct" -gt "$worst" ] && worst=$pct
    done
  done
  for scenario in "${SCENARIOS[@]}"; do
    result=$(measure "$scenario" "$DURATION")
    rss=$(awk '/VmRSS/ {print $2}' "/proc/$PID/status")
    echo "$scenario ($mode): $result rss_mb=$((rss / 1024))"
  done
done

# Cart workloads (SCENARIOS containing "cart"): one connection per wrk thread, each driving its own chain of calls.
# On a shared machine the rates depend on what else runs, so each phase also reports the CPU seconds the service
# and its PostgreSQL used (utime + stime from /proc), and what that makes per CPU-second: a load-independent figure.
cart_cpu_ticks() { # "<service and PostgreSQL> <service alone>" in clock ticks
  local total=0 service=0 pg
  pg=""
  for candidate in $(pgrep -f -- "-D $OUT/pgdata -p" || true); do # this worktree's postmaster (others may run the bench too)
    [ "$(readlink "/proc/$candidate/cwd")" = "$PWD/$OUT/pgdata" ] && pg=$candidate
  done
  for p in $PID ${pg:-} $( [ -n "${pg:-}" ] && pgrep -P "$pg" ); do
    [ -r "/proc/$p/stat" ] || continue
    read -r -a f < <(sed 's/^.*) //' "/proc/$p/stat")
    total=$((total + f[11] + f[12]))
    [ "$p" = "$PID" ] && service=$((f[11] + f[12]))
  done
  echo "$total $service"
}
if [[ " $WANTED " == *" cart "* || " $WANTED " == *" checkout "* ]]; then
  call "$(jq -cn '{query: "{ products(first: 50, filter: {available: true}) { nodes { variants(first: 1) { nodes { id } } } } }"}')" \
    | jq -r '.data.products.nodes[].variants.nodes[].id' > "$OUT/variants"
  TICKS=$(getconf CLK_TCK)
  cart_wrk() { # mode duration label [variants file]
    local before after result completed cpu jvm jit0 jit1
    pg_statements_reset
    read -r -a before < <(cart_cpu_ticks)
    jit0=$(jit_ticks)
    local steal_before steal_after
    steal_before=$(awk '/^cpu / {print $9}' /proc/stat)
    result=$(MODE=$1 wrk -t"$CONNECTIONS" -c"$CONNECTIONS" -d"$2" -s bench/cart.lua "http://127.0.0.1:$PORT" -- "$OUT" "${4:-$OUT/variants}" | grep RESULT)
    read -r -a after < <(cart_cpu_ticks)
    jit1=$(jit_ticks)
    steal_after=$(awk '/^cpu / {print $9}' /proc/stat)
    completed=$(echo "$result" | sed -n 's/.*completed=\([0-9]*\).*/\1/p')
    cpu=$(awk -v t=$((after[0] - before[0])) -v hz="$TICKS" 'BEGIN { printf "%.1f", t / hz }')
    jvm=$(awk -v t=$((after[1] - before[1])) -v hz="$TICKS" 'BEGIN { printf "%.1f", t / hz }')
    # service_cpu_s: the service and its PostgreSQL together (per_cpu_s: completed per CPU-second of both); jvm_cpu_s: the service alone; jit_pct: the share of jvm_cpu_s its JIT compilers took; steal_s: CPU time the host took from this machine meanwhile (a noisy neighbour)
    echo "$3: ${result#RESULT } service_cpu_s=$cpu jvm_cpu_s=$jvm jit_pct=$(jit_pct "$jit0" "$jit1" "${before[1]}" "${after[1]}") per_cpu_s=$(awk -v c="$completed" -v s="$cpu" 'BEGIN { printf "%.0f", (s > 0 ? c / s : 0) }') load=$(cut -d' ' -f1 /proc/loadavg) steal_s=$(awk -v t=$((steal_after - steal_before)) -v hz="$TICKS" 'BEGIN { printf "%.1f", t / hz }')"
    [[ "$3" == warm-up* ]] || pg_statements_top "$3"
  }
fi
# JIT warm-up on throw-away carts (whole flows: every call the pairs and flows make): the given duration if any, then
# rounds of $JIT_ROUND until the JIT compilers took less than $JIT_SETTLED_PCT% of the service's CPU in a round, or
# $JIT_ROUNDS rounds have run. With a fixed minute the pairs were measured while C2 still compiled about ten methods a
# second (a sixth of the service's CPU), and a run's figure depended on how far the compile queue had got.
cart_warm_up() { # [first duration]
  local round=0 pct=100
  if [ -n "${1:-}" ]; then cart_warm_up_run "$1" "warm-up"; fi
  while [ "${pct:-100}" -ge "${JIT_SETTLED_PCT:-5}" ] && [ "$round" -lt "${JIT_ROUNDS:-15}" ]; do
    round=$((round + 1))
    cart_warm_up_run "${JIT_ROUND:-20s}" "warm-up round $round"
  done
}
# One warm-up run (duration, label) of whole flows, or of pairs with WARM_MODE=pair: prints it and sets cart_warm_up's
# pct to its jit_pct.
cart_warm_up_run() {
  local line
  line=$(cart_wrk "${WARM_MODE:-flow}" "$1" "$2")
  echo "  ${line%% per_cpu_s=*}" | sed -E 's/ (p50_ms|requests|failed_calls|socket_errors|service_cpu_s)=[^ ]*//g'
  pct=$(echo "$line" | sed -n 's/.* jit_pct=\([0-9]*\).*/\1/p')
}
# The outbox's deliveries still pending (events recorded for analytics, webhooks and notifications): a backlog that grows
# with a run's length means a rate the service cannot sustain.
outbox_pending() { pg_superuser -A -t -c "select count(*) from platform.event_delivery where status = 'PENDING'"; }
outbox_state() {
  command -v psql >/dev/null || return 0
  echo "outbox $1: $(pg_superuser -A -t -c "select count(*) filter (where status = 'PENDING') || ' deliveries pending, ' \
    || count(*) filter (where status = 'DONE') || ' done' from platform.event_delivery")"
}
# Waits (at most 300 s) until the outbox has caught up, so that a measured phase is not charged with the consumers' work
# for the events of the set-up phase before it.
outbox_drain() {
  command -v psql >/dev/null || return 0
  local start=$SECONDS pending
  pending=$(outbox_pending)
  while [ "$pending" -gt 0 ] && [ $((SECONDS - start)) -lt 300 ]; do sleep 1; pending=$(outbox_pending); done
  echo "outbox drained before the next phase: $pending deliveries pending after $((SECONDS - start)) s"
}
if [[ " $WANTED " == *" checkout "* ]]; then
  # cart -> checkoutComplete with the manual provider. per_cpu_s is checkouts per CPU-second of the service and its PostgreSQL.
  # The demo store's goods ship, and a cart to ship needs an address and a delivery option first: the workload buys
  # an untracked item that needs no shipping (a download), so it stays cartCreate + checkoutComplete.
  merchant_call "$(jq -cn '{query: "mutation { productCreate(input: {title: \"Bench download\", status: ACTIVE, publishedAt: \"2020-01-01T00:00:00Z\", variants: [{price: \"9.00\", requiresShipping: false}]}) { product { variants { nodes { id } } } userErrors { code } } }"}')" \
    | jq -r '.data.productCreate.product.variants.nodes[0].id' > "$OUT/checkout-variants"
  cart_wrk checkout "$WARMUP" "warm-up checkouts" "$OUT/checkout-variants"
  cart_wrk checkout "$DURATION" "checkouts (cartCreate with a line + checkoutComplete, manual provider; p50/p99 over both calls)" "$OUT/checkout-variants"
  # Whether the outbox kept up: deliveries still pending right after the run (events the checkouts recorded for analytics,
  # webhooks and notifications). A backlog that grows with the run's length means a rate the service cannot sustain.
  outbox_state "right after the run"
  echo "order confirmations received by the bench's mail server: $(cat "$OUT/mails-received" 2>/dev/null || echo 0)"
fi
if [[ " $WANTED " == *" cart "* ]]; then
  cart_warm_up "$WARMUP"
  cart_wrk create "$WARMUP" "fresh carts"
  echo "cart pool: $(cat "$OUT"/carts.* | wc -l) fresh carts"
  # The cartCreate-only phase moves the compiled code's type profiles, and the pairs' own mix (adds without a session,
  # reads of one-line carts) compiled more when measured right after flows (jit_pct 8-15 in the first 30 s): pairs, on
  # carts from the pool's other end (FROM_END, so the measured pairs still find fresh ones), until the compilers are quiet.
  FROM_END=true WARM_MODE=pair cart_warm_up
  outbox_drain # the pool's CartCreated events and the warm-up's line events are set-up, not part of the pairs' cost
  cart_wrk pair "$DURATION" "cart add-and-read pairs"
  outbox_state "right after the pairs"
  cart_wrk flow "$DURATION" "cart flows (sessionStart + cartCreate + 3 x cartLinesAdd + cart)"
  echo "rss_mb=$(( $(awk '/VmRSS/ {print $2}' "/proc/$PID/status") / 1024 ))"
fi

# storeAnalytics over a year of a busy store: the facts and rollups are loaded by SQL (bench/analytics-load.sql,
# generate_series, as the database superuser of the embedded PostgreSQL), then the merchant query for the whole
# year by day (and by month in another time zone) is timed one request at a time, then under wrk.
if [[ " $WANTED " == *" analytics "* ]]; then
  pg_port=""
  for candidate in $(pgrep -f -- "-D $OUT/pgdata -p" || true); do
    # PostgreSQL runs in its data directory: that is its cwd (this worktree's, while others may run the bench too).
    [ "$(readlink "/proc/$candidate/cwd")" = "$PWD/$OUT/pgdata" ] && pg_port=$(tr '\0' ' ' < "/proc/$candidate/cmdline" | sed -E 's/.* -p ([0-9]+).*/\1/')
  done
  [ -n "$pg_port" ] || { echo "analytics: embedded PostgreSQL not found"; exit 1; }
  psql_su() { psql -X -q -h 127.0.0.1 -p "$pg_port" -U postgres -d shopgraph "$@"; }
  store=$(psql_su -At -c "select id from store.store where handle = 'demo'")
  echo "analytics: loading ${ANALYTICS_SESSIONS:-1000000} sessions into store $store"
  psql_su -v store="$store" -v sessions="${ANALYTICS_SESSIONS:-1000000}" -f bench/analytics-load.sql | grep -E "^Time|sessions|[0-9] \|" | tail -4
  from=$(date -u -d '365 days ago' +%F); to=$(date -u +%F)
  q='query($f: Date!, $t: Date!, $g: AnalyticsGranularity, $tz: String) { storeAnalytics(from: $f, to: $t, granularity: $g, timezone: $tz) { totals { sessions cartsWithLines orders revenue { amount } conversionRate cartAbandonmentRate } buckets { start figures { sessions orders } } checkoutFunnel { step reached dropOff } topProducts { productId views adds purchases } topReferrers { value sessions } topLandingPages { value sessions } topCampaigns { value sessions } } }'
  jq -cn --arg q "$q" --arg f "$from" --arg t "$to" '{query: $q, variables: {f: $f, t: $t, g: "DAY"}}' > "$OUT/analytics.body"
  # The store's own zone (Europe/Paris for the demo store) by day and by month, and by week; then other zones: a
  # whole-hour one by day (UTC-hour rows) and Kathmandu (+05:45) by month (quarter-hour rows).
  jq -cn --arg q "$q" --arg f "$from" --arg t "$to" '{query: $q, variables: {f: $f, t: $t, g: "MONTH"}}' > "$OUT/analytics-month.body"
  jq -cn --arg q "$q" --arg f "$from" --arg t "$to" '{query: $q, variables: {f: $f, t: $t, g: "WEEK", tz: "America/New_York"}}' > "$OUT/analytics-week.body"
  jq -cn --arg q "$q" --arg f "$from" --arg t "$to" '{query: $q, variables: {f: $f, t: $t, g: "MONTH", tz: "Asia/Kathmandu"}}' > "$OUT/analytics-zone.body"
  merchant_call "$(cat "$OUT/analytics.body")" | jq -c '.errors // .data.storeAnalytics.totals'
  # CPU time (user + system) of the service and of this worktree's PostgreSQL (postmaster and backends, exited ones
  # through cutime): on a shared machine the wall-clock figures depend on the others' load; CPU ms per request is what
  # one request costs, i.e. its latency on an idle machine (the service and its backend work one after the other).
  analytics_ticks() {
    local total=0 postmaster="" candidate p
    for candidate in $(pgrep -f -- "-D $OUT/pgdata -p" || true); do
      [ "$(readlink "/proc/$candidate/cwd")" = "$PWD/$OUT/pgdata" ] && postmaster=$candidate
    done
    for p in $PID $postmaster $( [ -n "$postmaster" ] && pgrep -P "$postmaster" ); do
      [ -r "/proc/$p/stat" ] || continue
      read -r -a f < <(sed 's/^.*) //' "/proc/$p/stat")
      total=$((total + f[11] + f[12] + f[13] + f[14]))
    done
    echo "$total"
  }
  # Every zone's day rows are computed once (the first call); then warm up and measure.
  for body in analytics analytics-month analytics-week analytics-zone; do
    for _ in $(seq 1 20); do merchant_call "$(cat "$OUT/$body.body")" > /dev/null; done # warm-up
    before=$(analytics_ticks)
    times=$(for _ in $(seq 1 50); do
      curl -s -o /dev/null -w '%{time_total}\n' -H 'Content-Type: application/json' -H "Authorization: Bearer $BENCH_BEARER_TOKEN" \
        -d @"$OUT/$body.body" "http://127.0.0.1:$PORT/graphql"
    done | sort -n)
    after=$(analytics_ticks)
    echo "storeAnalytics ($body, one at a time, 50 requests): p50_ms=$(echo "$times" | sed -n 25p | awk '{printf "%.1f", $1 * 1000}') max_ms=$(echo "$times" | tail -1 | awk '{printf "%.1f", $1 * 1000}') cpu_ms_per_request=$(awk -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.1f", t * 1000 / hz / 50 }') load=$(cut -d' ' -f1 /proc/loadavg)"
  done
  before=$(analytics_ticks)
  result=$(BENCH_TOKEN= BENCH_BEARER=$BENCH_BEARER_TOKEN wrk -t2 -c4 -d"$DURATION" --timeout 10s -s bench/post.lua "http://127.0.0.1:$PORT" -- "$OUT/analytics.body" | grep RESULT)
  after=$(analytics_ticks)
  requests=$(echo "$result" | sed -E 's/.*requests=([0-9]+).*/\1/')
  echo "storeAnalytics (year by day, 4 connections): ${result#RESULT } cpu_ms_per_request=$(awk -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" -v n="$requests" 'BEGIN { if (n == 0) n = 1; printf "%.1f", t * 1000 / hz / n }')"
fi
