-- wrk script: POSTs one GraphQL body per request. BODIES (one JSON document per line) rotates, so the
-- detail scenario walks over every product handle. Responses carrying "errors" count as errors.
local bodies = {}
local index = 0
local graphql_errors = 0

function init(args)
  for line in io.lines(args[1]) do
    bodies[#bodies + 1] = line
  end
end

local headers = {
  ["Content-Type"] = "application/json",
}
-- BENCH_TOKEN: the storefront token (empty: none); BENCH_BEARER: a merchant's bearer token.
local token = os.getenv("BENCH_TOKEN") or "demo-storefront-token"
if token ~= "" then
  headers["X-Storefront-Token"] = token
end
if (os.getenv("BENCH_BEARER") or "") ~= "" then
  headers["Authorization"] = "Bearer " .. os.getenv("BENCH_BEARER")
end
-- BENCH_NO_CACHE=1 measures the uncached path: Cache-Control: no-cache plus the bypass secret the service was
-- started with (without it, no-cache from a storefront caller is ignored once issue 8 lands).
if os.getenv("BENCH_NO_CACHE") == "1" then
  headers["Cache-Control"] = "no-cache"
  if (os.getenv("BENCH_BYPASS_SECRET") or "") ~= "" then
    headers["X-ShopGraph-Cache-Bypass"] = os.getenv("BENCH_BYPASS_SECRET")
  end
end

function request()
  index = index % #bodies + 1
  return wrk.format("POST", "/graphql", headers, bodies[index])
end

function response(status, headers, body)
  if status ~= 200 or string.find(body, '"errors"', 1, true) then
    graphql_errors = graphql_errors + 1
  end
end

function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d duration_s=%.1f rps=%.0f p50_ms=%.2f p99_ms=%.2f socket_errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout + summary.errors.status))
end
