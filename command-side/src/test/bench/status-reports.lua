-- wrk script: status reports spread over N objectives named B0001..B<N> (OBJECTIVES env var, default 1000).
-- Each connection walks the objectives from its own offset, so concurrent writes rarely hit one aggregate.
local objectives = tonumber(os.getenv("OBJECTIVES") or "1000")
local statuses = { "ON_TRACK", "AT_RISK", "LATE", "ON_TRACK" }
local counter = 0

function setup(thread)
  thread:set("offset", counter * 997)
  counter = counter + 1
end

function init(args)
  n = offset
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["X-Actor"] = "bench"
end

function request()
  n = n + 1
  local id = string.format("B%04d", (n % objectives) + 1)
  local body = string.format('{"status":"%s","progressPercent":%d}', statuses[(n % 4) + 1], n % 101)
  return wrk.format(nil, "/api/objectives/" .. id .. "/status-reports", nil, body)
end

function done(summary, latency, requests)
  local codes = summary.errors.status
  io.write(string.format("requests=%d non2xx=%d duration_s=%.2f rps=%.1f p50_ms=%.2f p99_ms=%.2f\n",
    summary.requests, codes, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
