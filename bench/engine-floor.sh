#!/usr/bin/env bash
# The engine's floor for the listing document: graphql-java alone (the jar the service ships) over data in memory, with
# the service's JVM options, in both modes (bench/engine-floor/EngineFloor.java says what each leaves out). What the
# service spends per listing above these figures is its own; the issue 10 target of 2 ms of service CPU per uncached
# listing is to be read against them. DURATION (seconds per mode, default 60), SKIP_BUILD=true reuses target/quarkus-app.
set -euo pipefail
cd "$(dirname "$0")/.."
APP=${APP:-target/quarkus-app}
if [ "${SKIP_BUILD:-false}" != true ]; then
  ./mvnw -B -q package -DskipTests
fi
classes=target/engine-floor
mkdir -p "$classes"
classpath=$(ls "$APP"/lib/main/*.jar | tr '\n' ':')
javac -cp "$classpath" -d "$classes" bench/engine-floor/EngineFloor.java
for mode in plain batched; do
  ${JAVA:-java} ${JVM_OPTS:--XX:+UseSerialGC -Xms24m -Xmn12m -Xmx300m} -cp "$classpath$classes" EngineFloor "${DURATION:-60}" "$mode" | tail -n 4
done
