#!/usr/bin/env bash
# Two application instances on one PostgreSQL (issue 14, docs/orders.md): packages the service once, then
# .ci/two_instances.py starts the embedded PostgreSQL through instance A, instance B on the same database, and runs
# 50 parallel checkouts of 10 units and a Stripe webhook duplicated to both instances across them. Fails loudly on
# a wrong count; stops everything it started. SKIP_BUILD=true reuses target/quarkus-app.
#   .ci/two-instances.sh             TWO_INSTANCES_PORT=18730 (A), +1 (B), +2 (Stripe API and OIDC issuer stub)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v python3 >/dev/null || { apt-get update -q && apt-get install -y -q python3; }
command -v openssl >/dev/null || { apt-get update -q && apt-get install -y -q openssl; }
[ "${SKIP_BUILD:-false}" = true ] || ./mvnw -B -q package -DskipTests
# The whole run takes about two minutes here; a hang must not hold CI longer than this.
timeout --signal=TERM 420 python3 .ci/two_instances.py
