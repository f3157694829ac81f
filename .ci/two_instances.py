#!/usr/bin/env python3
"""Two application instances on one PostgreSQL (issue 14): called by .ci/two-instances.sh after packaging.

Instance A starts the project's embedded PostgreSQL (the launcher of src/embedded, zonky binaries) in its own data
directory and seeds the demo store; instance B connects to that same server. Then, across both instances:
  * 50 parallel checkouts (cartCreate + checkoutComplete, alternating instances) of an item with 10 units:
    exactly 10 orders and 40 INSUFFICIENT_STOCK userErrors, and 10 units reserved;
  * one Stripe payment_intent.succeeded webhook, signed with the store's secret, delivered 10 times concurrently,
    5 to each instance: every delivery answered 200, the order PAID once (one PAYMENT timeline entry, one unit
    committed). Stripe's API (creating the PaymentIntent) is a stub served by this script.
Exits non-zero with the reason on any wrong count. Only the Python standard library and openssl are used.
"""
import base64
import hashlib
import hmac
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

OUT = os.environ.get("OUT", "target/two-instances")
BASE_PORT = int(os.environ.get("TWO_INSTANCES_PORT", "18730"))
PORT_A, PORT_B, STUB_PORT = BASE_PORT, BASE_PORT + 1, BASE_PORT + 2
JAVA = os.environ.get("JAVA", "java")
JVM_OPTS = os.environ.get("JVM_OPTS", "-XX:+UseSerialGC -Xms64m -Xmx300m -XX:TieredStopAtLevel=1").split()
STOREFRONT = "demo-storefront-token"
WEBHOOK_SECRET = "whsec_" + uuid.uuid4().hex
SECRET_KEY = "sk_test_" + uuid.uuid4().hex

processes = []
intents = {}  # PaymentIntent id -> our payment id (from its metadata), as the stub created them
totals = {}  # order id -> its total in minor units


def fail(message):
    print("two-instances: FAILED: " + message, flush=True)
    raise SystemExit(1)


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


class Stub(BaseHTTPRequestHandler):
    """Stripe's API (PaymentIntent create) and the OIDC issuer's discovery document and JWKS."""

    jwks = None
    issuer = None

    def log_message(self, *args):
        pass

    def answer(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        if self.path == "/.well-known/openid-configuration":
            self.answer(200, {"issuer": Stub.issuer, "jwks_uri": Stub.issuer + "/jwks.json", "token_endpoint": Stub.issuer + "/token",
                              "id_token_signing_alg_values_supported": ["RS256"]})
        elif self.path == "/jwks.json":
            self.answer(200, Stub.jwks)
        else:
            self.answer(404, {"error": {"type": "invalid_request_error", "message": "not stubbed"}})

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        form = urllib.parse.parse_qs(self.rfile.read(length).decode())
        if self.path == "/v1/payment_intents" and self.headers.get("Authorization") == "Bearer " + SECRET_KEY:
            intent = "pi_" + uuid.uuid4().hex[:24]
            intents[intent] = form.get("metadata[shopgraph_payment_id]", [None])[0]
            self.answer(200, {"id": intent, "object": "payment_intent", "amount": int(form["amount"][0]), "amount_received": 0,
                              "currency": form["currency"][0], "status": "requires_payment_method",
                              "client_secret": intent + "_secret_" + uuid.uuid4().hex[:16], "metadata": {}, "livemode": False})
        else:
            self.answer(400, {"error": {"type": "invalid_request_error", "message": "not stubbed: " + self.path}})


def bearer_token():
    """An RS256 token of user alice from this run's issuer (the demo seeder makes her an owner of the demo store)."""
    key = os.path.join(OUT, "issuer-key.pem")
    subprocess.run(["openssl", "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", key],
                   check=True, capture_output=True)
    modulus = subprocess.run(["openssl", "rsa", "-in", key, "-noout", "-modulus"], check=True, capture_output=True, text=True)
    n = bytes.fromhex(modulus.stdout.strip().split("=", 1)[1])
    Stub.jwks = {"keys": [{"kty": "RSA", "kid": "ci", "use": "sig", "alg": "RS256", "n": b64url(n), "e": "AQAB"}]}
    now = int(time.time())
    header = b64url(json.dumps({"alg": "RS256", "typ": "JWT", "kid": "ci"}).encode())
    claims = b64url(json.dumps({"iss": Stub.issuer, "sub": "alice", "aud": "shopgraph", "iat": now, "exp": now + 3600}).encode())
    signature = subprocess.run(["openssl", "dgst", "-sha256", "-sign", key], input=(header + "." + claims).encode(),
                               check=True, capture_output=True).stdout
    return header + "." + claims + "." + b64url(signature)


def start(name, port, extra):
    env = dict(os.environ)
    env.update({"QUARKUS_HTTP_PORT": str(port), "QUARKUS_LOG_CONSOLE_JSON_ENABLED": "false", "SHOPGRAPH_LIMITS_RATE_ENABLED": "false",
                # What is tested is the counts, not the latency: 50 checkouts at once on a shared machine must not hit the
                # storefront's 5 s request deadline.
                "SHOPGRAPH_LIMITS_DEADLINE": "60s",
                "SHOPGRAPH_OIDC_ISSUER_URL": Stub.issuer, "SHOPGRAPH_CATALOG_REFERENCE_ENABLED": "false",
                "SHOPGRAPH_PAYMENTS_STRIPE_API_BASE": "http://127.0.0.1:%d" % STUB_PORT,
                "SHOPGRAPH_PAYMENTS_STRIPE_MAX_NETWORK_RETRIES": "0",
                # The same encryption key on both instances: a secret sealed by one is read by the other.
                "SHOPGRAPH_PAYMENTS_ENCRYPTION_KEYS__1_": base64.b64encode(hashlib.sha256(b"two-instances").digest()).decode(),
                "SHOPGRAPH_PAYMENTS_ENCRYPTION_CURRENT_KEY": "1"})
    env.update(extra)
    log = open(os.path.join(OUT, name + ".log"), "w")
    process = subprocess.Popen([JAVA] + JVM_OPTS + ["-jar", "target/quarkus-app/quarkus-run.jar"], env=env, stdout=log,
                               stderr=subprocess.STDOUT, start_new_session=True)
    processes.append(process)
    return process


def wait_ready(name, port, process, seconds=150):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if process.poll() is not None:
            fail("%s exited while starting; see %s/%s.log" % (name, OUT, name))
        try:
            with urllib.request.urlopen("http://127.0.0.1:%d/q/health/ready" % port, timeout=5) as r:
                if r.status == 200:
                    return
        except Exception:
            pass
        time.sleep(1)
    fail("%s was not ready in %d s; see %s/%s.log" % (name, seconds, OUT, name))


def post(port, query, variables=None, token=None, headers=None):
    data = json.dumps({"query": query, "variables": variables or {}}).encode()
    request = urllib.request.Request("http://127.0.0.1:%d/graphql" % port, data=data, method="POST")
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    else:
        request.add_header("X-Storefront-Token", STOREFRONT)
    for k, v in (headers or {}).items():
        request.add_header(k, v)
    with urllib.request.urlopen(request, timeout=120) as r:
        body = json.loads(r.read())
    if body.get("errors"):
        fail("GraphQL errors on port %d: %s" % (port, json.dumps(body["errors"])[:500]))
    return body["data"]


def product(token, title, stock):
    data = post(PORT_A, "mutation($i: ProductCreateInput!) { productCreate(input: $i) { product { variants { nodes { id } } } "
                "userErrors { code message } } }", {"i": {"title": title, "status": "ACTIVE", "publishedAt": "2020-01-01T00:00:00Z",
                                                         "variants": [{"price": "12.00", "requiresShipping": False,
                                                                       "inventoryQuantity": stock}]}}, token=token)
    if data["productCreate"]["userErrors"]:
        fail("productCreate: %s" % data["productCreate"]["userErrors"])
    return data["productCreate"]["product"]["variants"]["nodes"][0]["id"]


def checkout(port, variant):
    cart = post(port, "mutation($v: ID!) { cartCreate(input: {lines: [{merchandiseId: $v, quantity: 1}], buyerIdentity: "
                "{email: \"two@example.com\"}}) { cart { id } userErrors { code } } }", {"v": variant})["cartCreate"]
    if cart["userErrors"]:
        return "cart:" + ",".join(e["code"] for e in cart["userErrors"]), None
    done = post(port, "mutation($c: ID!, $k: String!) { checkoutComplete(cartId: $c, idempotencyKey: $k) { order { id cost { totalAmount "
                "{ amount } } } payment { provider } userErrors { code } } }", {"c": cart["cart"]["id"], "k": str(uuid.uuid4())})["checkoutComplete"]
    if done["userErrors"]:
        return ",".join(e["code"] for e in done["userErrors"]), None
    totals[done["order"]["id"]] = round(float(done["order"]["cost"]["totalAmount"]["amount"]) * 100)
    return "ORDER", done["order"]["id"]


def stock(token, variant):
    level = post(PORT_B, "query($id: ID!) { node(id: $id) { ... on ProductVariant { inventoryLevel { onHand reserved } } } }",
                 {"id": variant}, token=token)["node"]["inventoryLevel"]
    return level["onHand"], level["reserved"]


def parallel_checkouts(token):
    variant = product(token, "Two instances: ten units", 10)
    with ThreadPoolExecutor(max_workers=50) as pool:
        results = list(pool.map(lambda i: checkout(PORT_A if i % 2 == 0 else PORT_B, variant), range(50)))
    outcomes = {}
    for outcome, _ in results:
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
    print("two-instances: 50 parallel checkouts of 10 units over both instances: %s" % outcomes, flush=True)
    if outcomes != {"ORDER": 10, "INSUFFICIENT_STOCK": 40}:
        fail("expected 10 orders and 40 INSUFFICIENT_STOCK, got %s" % outcomes)
    orders = {order for _, order in results if order}
    if len(orders) != 10:
        fail("expected 10 distinct orders, got %d" % len(orders))
    if stock(token, variant) != (10, 10):
        fail("expected 10 on hand and 10 reserved, got %s" % (stock(token, variant),))


def sign(payload):
    at = str(int(time.time()))
    mac = hmac.new(WEBHOOK_SECRET.encode(), (at + "." + payload).encode(), hashlib.sha256).hexdigest()
    return "t=" + at + ",v1=" + mac


def deliver(port, store, payload, signature):
    request = urllib.request.Request("http://127.0.0.1:%d/webhooks/stripe/%s" % (port, store), data=payload.encode(), method="POST")
    request.add_header("Content-Type", "application/json")
    request.add_header("Stripe-Signature", signature)
    try:
        with urllib.request.urlopen(request, timeout=120) as r:
            return r.status
    except urllib.error.HTTPError as e:
        return e.code


def duplicated_webhook(token):
    connected = post(PORT_A, "mutation($i: StripeAccountConnectInput!) { stripeAccountConnect(input: $i) { stripeAccount { webhookPath } "
                     "userErrors { code message } } }", {"i": {"publishableKey": "pk_test_" + uuid.uuid4().hex, "secretKey": SECRET_KEY,
                                                              "webhookSecret": WEBHOOK_SECRET}}, token=token)["stripeAccountConnect"]
    if connected["userErrors"]:
        fail("stripeAccountConnect: %s" % connected["userErrors"])
    store = connected["stripeAccount"]["webhookPath"].rsplit("/", 1)[1]
    variant = product(token, "Two instances: webhook", 5)
    outcome, order = checkout(PORT_B, variant)
    if outcome != "ORDER" or len(intents) != 1:
        fail("the Stripe checkout gave %s with %d PaymentIntents created" % (outcome, len(intents)))
    (intent, payment), = intents.items()
    total = totals[order]
    payload = json.dumps({"id": "evt_" + uuid.uuid4().hex, "object": "event", "api_version": "2025-06-30.basil", "created": int(time.time()),
                          "livemode": False, "type": "payment_intent.succeeded",
                          "data": {"object": {"id": intent, "object": "payment_intent", "amount": total, "amount_received": total,
                                              "currency": "eur", "status": "succeeded", "metadata": {"shopgraph_payment_id": payment}}}})
    signature = sign(payload)
    with ThreadPoolExecutor(max_workers=10) as pool:
        statuses = list(pool.map(lambda i: deliver(PORT_A if i % 2 == 0 else PORT_B, store, payload, signature), range(10)))
    if statuses != [200] * 10:
        fail("webhook deliveries answered %s" % statuses)
    query = "query($id: ID!) { order(id: $id) { status timeline { kind } payments { status } } }"
    deadline = time.time() + 60
    while True:
        seen = post(PORT_A, query, {"id": order}, token=token)["order"]
        if seen["status"] == "PAID" or time.time() > deadline:
            break
        time.sleep(0.5)
    time.sleep(2)  # any second (wrong) application would have come by now
    seen = post(PORT_B, query, {"id": order}, token=token)["order"]
    paid = sum(1 for e in seen["timeline"] if e["kind"] == "PAYMENT")
    print("two-instances: one webhook delivered 10 times concurrently to both instances: statuses all 200, order %s, "
          "payment entries in its timeline %d, payments %s, stock %s" % (seen["status"], paid, [p["status"] for p in seen["payments"]],
                                                                         stock(token, variant)), flush=True)
    if seen["status"] != "PAID" or paid != 1 or [p["status"] for p in seen["payments"]] != ["SUCCEEDED"]:
        fail("the webhook was not applied exactly once")
    if stock(token, variant) != (4, 0):
        fail("expected the unit committed once (4 on hand, 0 reserved), got %s" % (stock(token, variant),))


def main():
    os.makedirs(OUT, exist_ok=True)
    Stub.issuer = "http://127.0.0.1:%d" % STUB_PORT
    server = ThreadingHTTPServer(("127.0.0.1", STUB_PORT), Stub)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    token = bearer_token()
    pgdata = os.path.abspath(os.path.join(OUT, "pgdata"))
    subprocess.run(["rm", "-rf", pgdata], check=True)
    started = time.time()
    a = start("instance-a", PORT_A, {"SHOPGRAPH_EMBEDDED_DB_ENABLED": "true", "SHOPGRAPH_EMBEDDED_DB_DATA_DIR": pgdata,
                                     "SHOPGRAPH_DEMO_ENABLED": "true"})
    wait_ready("instance-a", PORT_A, a)
    with open(os.path.join(pgdata, "postmaster.pid")) as f:
        pg_port = int(f.read().splitlines()[3])
    b = start("instance-b", PORT_B, {"QUARKUS_DATASOURCE_JDBC_URL": "jdbc:postgresql://127.0.0.1:%d/shopgraph" % pg_port,
                                     "QUARKUS_DATASOURCE_USERNAME": "shopgraph_app", "QUARKUS_DATASOURCE_PASSWORD": "shopgraph-app-local",
                                     "QUARKUS_FLYWAY_USERNAME": "shopgraph_owner", "QUARKUS_FLYWAY_PASSWORD": "shopgraph-owner-local",
                                     "SHOPGRAPH_DB_APP_ROLE": "shopgraph_app", "SHOPGRAPH_DEMO_ENABLED": "false"})
    wait_ready("instance-b", PORT_B, b)
    print("two-instances: instances on ports %d and %d share PostgreSQL on port %d (started in %.0f s)"
          % (PORT_A, PORT_B, pg_port, time.time() - started), flush=True)
    parallel_checkouts(token)
    duplicated_webhook(token)
    print("two-instances: OK in %.0f s" % (time.time() - started), flush=True)


def stop():
    for process in reversed(processes):  # B first; A's shutdown hook stops its PostgreSQL
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
    pid_file = os.path.join(OUT, "pgdata", "postmaster.pid")
    if os.path.exists(pid_file):  # the server outlived its instance: stop it by its own pid
        with open(pid_file) as f:
            try:
                os.kill(int(f.readline()), signal.SIGTERM)
            except (ValueError, ProcessLookupError):
                pass


if __name__ == "__main__":
    # timeout(1) and Ctrl-C end the run through the finally below, which stops the instances and PostgreSQL.
    signal.signal(signal.SIGTERM, lambda *_: fail("terminated (time limit?)"))
    try:
        main()
    finally:
        stop()
