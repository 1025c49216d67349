-- wrk script: page views, each timed from its first request to its last.
-- Run with as many threads as connections (-t N -c N): each thread then drives one connection,
-- so its requests and responses alternate and a page view can be followed from the shell to the
-- data its `Link` header names ("pairs"), or be one request ("single", a server-rendered page).
-- Args: <pairs|single> <file of paths, one a line> <Accept-Encoding>.
-- Prints one JSON line: page views, their latency percentiles, and non-2xx/3xx answers.
local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
int clock_gettime(int clk_id, bench_timespec *tp);
]]
local clock = ffi.new("bench_timespec")
local function now_us()
  ffi.C.clock_gettime(1, clock) -- CLOCK_MONOTONIC
  return tonumber(clock.tv_sec) * 1000000 + tonumber(clock.tv_nsec) / 1000
end

local threads = {}

function setup(thread)
  thread:set("thread_number", #threads)
  table.insert(threads, thread)
end

function init(args)
  mode = args[1]
  paths = {}
  for line in io.lines(args[2]) do
    if #line > 0 then table.insert(paths, line) end
  end
  local encoding = args[3]
  page_headers = { ["Accept"] = "text/html", ["Accept-Encoding"] = encoding }
  data_headers = { ["Accept"] = "*/*", ["Accept-Encoding"] = encoding }
  index = thread_number % #paths
  pending = nil
  phase = nil
  started = 0
  views = 0
  bad = 0
  -- Latencies in 100 µs buckets (sparse): bucket -> count.
  buckets = {}
end

function request()
  if pending then
    local path = pending
    pending = nil
    phase = "data"
    return wrk.format("GET", path, data_headers)
  end
  index = index % #paths + 1
  started = now_us()
  phase = mode == "pairs" and "shell" or "single"
  return wrk.format("GET", paths[index], page_headers)
end

function response(status, headers, body)
  if status >= 400 then bad = bad + 1 end
  if phase == "shell" then
    local link = headers["Link"] or headers["link"]
    if link then pending = string.match(link, "^<([^>]+)>") end
    if pending then return end
  end
  views = views + 1
  local bucket = math.floor((now_us() - started) / 100)
  buckets[bucket] = (buckets[bucket] or 0) + 1
end

function done(summary, latency, requests)
  local total, bad_total = 0, 0
  local merged = {}
  for _, thread in ipairs(threads) do
    total = total + thread:get("views")
    bad_total = bad_total + thread:get("bad")
    for bucket, count in pairs(thread:get("buckets")) do
      merged[bucket] = (merged[bucket] or 0) + count
    end
  end
  local keys = {}
  for bucket in pairs(merged) do table.insert(keys, bucket) end
  table.sort(keys)
  local function percentile(p)
    local target, seen = total * p, 0
    for _, bucket in ipairs(keys) do
      seen = seen + merged[bucket]
      if seen >= target then return (bucket + 1) / 10 end
    end
    return 0
  end
  local errors = summary.errors
  io.write(string.format(
    '{"views":%d,"seconds":%.3f,"requests":%d,"p50":%.1f,"p99":%.1f,"max":%.1f,"bad":%d,"socketErrors":%d,"timeouts":%d}\n',
    total, summary.duration / 1e6, summary.requests, percentile(0.5), percentile(0.99), latency.max / 1000,
    bad_total, errors.connect + errors.read + errors.write, errors.timeout))
end
