-- wrk script: POSTs one evaluation request on every request and counts answers other than 200.
--
--   wrk -t2 -c32 -d60s -s bench/wrk/evaluate.lua http://127.0.0.1:8080 [-- request.json]
--
-- The body defaults to examples/valley-ipa-request.json (the 25-practice Valley IPA under
-- mssp-basic). With RATE set (requests per second over all threads; THREADS must match -t),
-- each thread sends on a fixed schedule instead of as fast as answers come back, so latency is
-- measured at that offered load rather than at saturation (wrk2's idea, without its correction
-- for requests the schedule could not send on time; the achieved rate is printed).

local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } accord_timespec;
  int clock_gettime(int clock_id, accord_timespec *tp);
]]
local clock = ffi.new("accord_timespec")

local function now_ms()
  ffi.C.clock_gettime(1, clock) -- CLOCK_MONOTONIC
  return tonumber(clock.tv_sec) * 1000 + tonumber(clock.tv_nsec) / 1e6
end

local body_file = "examples/valley-ipa-request.json"
local interval_ms = nil
local next_at = nil
local shown = 0

function init(args)
  if args[1] ~= nil then
    body_file = args[1]
  end
  local f = assert(io.open(body_file, "rb"))
  wrk.body = f:read("*all")
  f:close()
  wrk.method = "POST"
  wrk.path = "/api/v1/evaluations"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Accept"] = "application/json"
  -- the service answers only callers with a key (run.sh makes one for the run)
  local key = os.getenv("API_KEY")
  if key ~= nil and key ~= "" then
    wrk.headers["X-API-Key"] = key
  end
  local rate = tonumber(os.getenv("RATE") or "")
  if rate ~= nil and rate > 0 then
    interval_ms = 1000 * tonumber(os.getenv("THREADS") or "2") / rate
  end
end

function delay()
  if interval_ms == nil then
    return 0
  end
  local now = now_ms()
  if next_at == nil or next_at < now then
    next_at = now -- behind schedule: send now, without a burst to catch up
  end
  local wait = next_at - now
  next_at = next_at + interval_ms
  return wait
end

function response(status, headers, body)
  if status ~= 200 and shown < 3 then
    shown = shown + 1
    io.stderr:write("unexpected status " .. status .. ": " .. string.sub(body, 1, 300) .. "\n")
  end
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format("requests      %d in %.1f s\n", summary.requests, seconds))
  io.write(string.format("throughput    %.1f req/s\n", summary.requests / seconds))
  io.write(string.format("latency p50   %.2f ms\n", latency:percentile(50) / 1000))
  io.write(string.format("latency p90   %.2f ms\n", latency:percentile(90) / 1000))
  io.write(string.format("latency p99   %.2f ms\n", latency:percentile(99) / 1000))
  io.write(string.format("latency max   %.2f ms\n", latency.max / 1000))
  io.write(string.format("errors        %d (connect %d, read %d, write %d, timeout %d, non-2xx %d)\n",
    e.connect + e.read + e.write + e.timeout + e.status, e.connect, e.read, e.write, e.timeout, e.status))
end
