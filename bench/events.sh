#!/usr/bin/env bash
# Outbox + webhooks throughput and lag: the packaged service on its own embedded PostgreSQL publishes
# RATE events/s (one per transaction) for DURATION over STORES stores, each subscribed by webhook to its own
# receiver inside the service on loopback (ports RECEIVER_PORT...); prints what was published, dispatched and received, and the lags.
# See bench/README.md. The machine is shared: note the load (uptime) next to the figures.
set -euo pipefail
cd "$(dirname "$0")/.."
RATE=${RATE:-1000}
DURATION=${DURATION:-60s}
STORES=${STORES:-10}
PORT=${PORT:-18081}
RECEIVER_PORT=${RECEIVER_PORT:-18991}
OUT=target/bench
mkdir -p "$OUT"
[ "${SKIP_BUILD:-false}" = true ] || ./mvnw -B -q package -DskipTests
rm -rf "$OUT/pgdata-events"
echo "load before: $(uptime)"
TARGETS=$(for i in $(seq 0 $((STORES - 1))); do printf '127.0.0.1:%s,' $((RECEIVER_PORT + i)); done)
SHOPGRAPH_EMBEDDED_DB_ENABLED=true SHOPGRAPH_EMBEDDED_DB_DATA_DIR="$OUT/pgdata-events" SHOPGRAPH_DEMO_ENABLED=false \
  SHOPGRAPH_BENCH_EVENTS_RATE=$RATE SHOPGRAPH_BENCH_EVENTS_DURATION=$DURATION SHOPGRAPH_BENCH_EVENTS_STORES=$STORES \
  SHOPGRAPH_BENCH_EVENTS_RECEIVER_PORT=$RECEIVER_PORT SHOPGRAPH_WEBHOOKS_ALLOWED_TARGETS=${TARGETS%,} \
  SHOPGRAPH_WEBHOOKS_REQUIRE_HTTPS=false QUARKUS_HTTP_PORT=$PORT QUARKUS_LOG_CONSOLE_JSON_ENABLED=false \
  java ${BENCH_JAVA_OPTS:-} -jar target/quarkus-app/quarkus-run.jar > "$OUT/events-service.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null || true' EXIT
for _ in $(seq 1 1200); do
  grep -q "EVENTS BENCH: outbox lag\|EVENTS BENCH failed" "$OUT/events-service.log" 2>/dev/null && break
  kill -0 $PID 2>/dev/null || { echo "service exited; see $OUT/events-service.log"; exit 1; }
  sleep 1
done
grep "EVENTS BENCH" "$OUT/events-service.log" | sed 's/^.*EVENTS BENCH/EVENTS BENCH/'
echo "load after: $(uptime)"
