-- wrk script for the steady-orders benchmark (bench/order-steady.ts).
-- Args: <orders|get> <file> <threads> <key prefix>
--   orders: POST /api/orders, one line of the file per request ("cookie<TAB>json body"); thread t
--           of T takes lines t, t+T, t+2T, … so together they take every line in turn. Each request
--           has its own Idempotency-Key (<key prefix>-<thread>-<counter>), as an app makes one per order.
--   get:    GET of the path on the file's first line (the plain JSON baseline).
-- Prints one JSON line: requests sent, answers with the expected status (201 for orders, 200 for
-- get) and others, latency percentiles of every answer (wrk's own histogram, in ms), socket errors.
local threads = {}

function setup(thread)
  thread:set("thread_number", #threads)
  table.insert(threads, thread)
end

function init(args)
  mode = args[1]
  local thread_count = tonumber(args[3])
  prefix = args[4]
  sent, ok, other = 0, 0, 0
  local lines = {}
  for line in io.lines(args[2]) do
    if #line > 0 then table.insert(lines, line) end
  end
  if mode == "get" then
    expected = 200
    get_request = wrk.format("GET", lines[1])
    return
  end
  expected = 201
  orders = {}
  for i = thread_number + 1, #lines, thread_count do
    local cookie, body = string.match(lines[i], "^([^\t]+)\t(.+)$")
    table.insert(orders, { cookie = cookie, body = body })
  end
  index = 0
  headers = { ["Content-Type"] = "application/json", ["Sec-Fetch-Site"] = "same-origin" }
end

function request()
  sent = sent + 1
  if mode == "get" then return get_request end
  index = index % #orders + 1
  local order = orders[index]
  headers["Cookie"] = order.cookie
  headers["Idempotency-Key"] = prefix .. "-" .. thread_number .. "-" .. sent
  return wrk.format("POST", "/api/orders", headers, order.body)
end

function response(status, headers, body)
  if status == expected then ok = ok + 1 else other = other + 1 end
end

function done(summary, latency, requests)
  local sent_total, ok_total, other_total = 0, 0, 0
  for _, thread in ipairs(threads) do
    sent_total = sent_total + thread:get("sent")
    ok_total = ok_total + thread:get("ok")
    other_total = other_total + thread:get("other")
  end
  local errors = summary.errors
  io.write(string.format(
    '{"sent":%d,"ok":%d,"other":%d,"seconds":%.3f,"p50":%.2f,"p99":%.2f,"max":%.2f,"socketErrors":%d,"timeouts":%d}\n',
    sent_total, ok_total, other_total, summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, errors.connect + errors.read + errors.write, errors.timeout))
end
