-- wrk script for the cart workloads; each wrk thread drives one connection through a fixed chain of calls,
-- so every call sees the effect of the previous one. Run with as many threads as connections.
--   MODE=create  cartCreate (no lines), writing each new cart id to <out>/carts.<thread>: the pool of fresh carts
--   MODE=pair    cartLinesAdd to the next fresh cart, then cart(id:) with lines and cost: one pair
--                (FROM_END=true: the carts from the end of the pool, for the pairs' warm-up)
--   MODE=flow    sessionStart, cartCreate (with X-Session-Token), 3 x cartLinesAdd, cart(id:): one flow
--   MODE=checkout cartCreate with one line and an email, then checkoutComplete (manual provider): one checkout
-- Arguments: <out dir> <file of variant ids, one per line>. done() prints the completed pairs or flows per second.
local mode = os.getenv("MODE") or "pair"
local from_end = os.getenv("FROM_END") == "true"
local threads = {}
local counter = 1

function setup(thread)
  thread:set("tid", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

local out, variants, carts, cart_file = nil, {}, {}, nil
local step, cart_index, variant_index = 0, 0, 0
local cart, session = nil, nil
local run = tostring(os.time())
completed, failures = 0, 0

local function json(s)
  return '"' .. s:gsub('\\', '\\\\'):gsub('"', '\\"'):gsub('\n', ' ') .. '"'
end

function init(args)
  out = args[1]
  for line in io.lines(args[2]) do variants[#variants + 1] = line end
  if mode == "create" then
    cart_file = io.open(out .. "/carts." .. tid, "w")
  elseif mode == "pair" then
    for line in io.lines(out .. "/carts." .. tid) do carts[#carts + 1] = line end
  end
end

local base = { ["Content-Type"] = "application/json", ["X-Storefront-Token"] = os.getenv("BENCH_TOKEN") or "demo-storefront-token" }

local function post(query, variables, extra)
  local headers = {}
  for k, v in pairs(base) do headers[k] = v end
  if extra then for k, v in pairs(extra) do headers[k] = v end end
  return wrk.format("POST", "/graphql", headers, '{"query":' .. json(query) .. ',"variables":' .. variables .. '}')
end

local ADD = "mutation($c: ID!, $v: ID!) { cartLinesAdd(cartId: $c, lines: [{merchandiseId: $v, quantity: 1}]) { cart { id totalQuantity } userErrors { code } } }"
local READ = "query($c: ID!) { cart(id: $c) { id totalQuantity cost { subtotalAmount { amount currencyCode } totalAmount { amount } } lines(first: 100) { nodes { id quantity cost { totalAmount { amount } } merchandise { id title price { amount } } } } } }"
local CREATE = "mutation { cartCreate { cart { id } userErrors { code } } }"
local CART_WITH_LINE = "mutation($v: ID!) { cartCreate(input: {lines: [{merchandiseId: $v, quantity: 1}], buyerIdentity: {email: \"bench@example.com\"}}) { cart { id } userErrors { code } } }"
local COMPLETE = "mutation($c: ID!, $k: String!) { checkoutComplete(cartId: $c, idempotencyKey: $k) { order { id name status } orderToken payment { provider status } userErrors { code lineIds } } }"
local START = 'mutation { sessionStart(input: {landingUrl: "https://shop.example/?utm_source=bench", device: {type: DESKTOP}}) { sessionToken } }'

local function next_variant()
  variant_index = variant_index % #variants + 1
  return variants[variant_index]
end

function request()
  if mode == "create" then
    return post(CREATE, "{}")
  elseif mode == "checkout" then
    if step == 0 then return post(CART_WITH_LINE, '{"v":"' .. next_variant() .. '"}') end
    -- The run's start time in the key: every wrk run's Lua states start with the same random sequence, so keys of
    -- "tid-completed-failures-random" repeated the warm-up run's first keys (one IDEMPOTENCY_KEY_MISMATCH per thread).
    return post(COMPLETE, '{"c":"' .. cart .. '","k":"bench-' .. run .. '-' .. tid .. '-' .. completed .. '-' .. failures .. '-' .. math.random(1, 2000000000) .. '"}')
  elseif mode == "pair" then
    if step == 0 then
      cart_index = cart_index % #carts + 1
      -- FROM_END=true (the pairs' warm-up) takes the pool from its end, so the measured pairs still find fresh carts.
      cart = from_end and carts[#carts + 1 - cart_index] or carts[cart_index]
      return post(ADD, '{"c":"' .. cart .. '","v":"' .. next_variant() .. '"}')
    end
    return post(READ, '{"c":"' .. cart .. '"}')
  else
    if step == 0 then return post(START, "{}") end
    local extra = { ["X-Session-Token"] = session }
    if step == 1 then return post(CREATE, "{}", extra) end
    if step <= 4 then return post(ADD, '{"c":"' .. cart .. '","v":"' .. next_variant() .. '"}', extra) end
    return post(READ, '{"c":"' .. cart .. '"}', extra)
  end
end

function response(status, headers, body)
  local failed = status ~= 200 or string.find(body, '"errors"', 1, true) or string.find(body, '"code"', 1, true) ~= nil
  if failed then failures = failures + 1 end
  if mode == "create" then
    local id = string.match(body, '"id":"(gid://shopgraph/Cart/[^"]+)"')
    if id then cart_file:write(id, "\n"); cart_file:flush() end
  elseif mode == "checkout" then
    if step == 0 then cart = string.match(body, '"id":"(gid://shopgraph/Cart/[^"]+)"') or "none" end
    if step == 1 and not failed then completed = completed + 1 end
    step = (step + 1) % 2
  elseif mode == "pair" then
    if step == 1 then completed = completed + 1 end
    step = (step + 1) % 2
  else
    if step == 0 then session = string.match(body, '"sessionToken":"([^"]+)"') or "none" end
    if step == 1 then cart = string.match(body, '"id":"(gid://shopgraph/Cart/[^"]+)"') or "none" end
    if step == 5 then completed = completed + 1 end
    step = (step + 1) % 6
  end
end

function done(summary, latency, requests)
  local total, failed = 0, 0
  for _, thread in ipairs(threads) do
    total = total + (thread:get("completed") or 0)
    failed = failed + (thread:get("failures") or 0)
  end
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT mode=%s completed=%d per_s=%.0f requests=%d rps=%.0f p50_ms=%.2f p99_ms=%.2f failed_calls=%d socket_errors=%d\n",
    mode, total, total / seconds, summary.requests, summary.requests / seconds, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, failed, summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.timeout + summary.errors.status))
end
