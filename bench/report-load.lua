-- Closed-loop load for the partner report API (POST /api/early-warning/reports) with wrk, a C client, used by
-- bench/report-api.sh so that the API is driven by a client as light as pgbench's. Every request carries a new
-- report (as bench/report-load.py sends): an AMBULANCE report with one substance from a list of eight street names,
-- a pin in Birmingham, one outcome, 1-3 people, a time in the last ten hours, and a description numbered per thread
-- so that no two bodies are the same.
--
--   REPORT_TOKEN=hw_... wrk -t 2 -c 16 -d 20s --timeout 30s -s bench/report-load.lua http://localhost:8080/api/early-warning/reports
--
-- Prints, as its last line, one line of JSON in report-load.py's shape: sent, ok (2xx), errors (by kind),
-- reports_per_s, p50/p90/p99/max latency in ms (wrk measures each request from when it was sent).

local token = os.getenv("REPORT_TOKEN") or error("REPORT_TOKEN is not set")
local substances = { "china white", "nitazene", "spice", "xylazine", "ketamine", "heroin", "crack cocaine", "pregabalin" }
local outcomes = { "OVERDOSE", "UNUSUAL_EFFECTS", "UNUSUAL_APPEARANCE_OR_STRENGTH" }
local threads = {}
local counter = 0
-- thread_id: set in each thread's state by setup(), so not declared local here

function setup(thread)
  thread:set("thread_id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(os.time() * 1000 + thread_id)
  wrk.method = "POST"
  wrk.headers["Authorization"] = "Bearer " .. token
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Accept"] = "application/json"
end

function request()
  counter = counter + 1
  local body = string.format(
    '{"sourceType":"AMBULANCE","occurredAt":"%s","lat":%.5f,"lon":%.5f,' ..
    '"substances":[{"text":"%s","howKnown":"CLINICAL_PICTURE"}],"outcomes":["%s"],"people":%d,' ..
    '"description":"Benchmark report %d-%d (bench/report-api.sh, wrk)"}',
    os.date("!%Y-%m-%dT%H:%M:%SZ", os.time() - math.random(600, 36000)),
    52.45 + math.random() * 0.07, -1.95 + math.random() * 0.10,
    substances[math.random(#substances)], outcomes[math.random(#outcomes)], math.random(1, 3),
    thread_id, counter)
  return wrk.format(nil, nil, nil, body)
end

function done(summary, latency, requests)
  local e = summary.errors
  local seconds = summary.duration / 1e6
  local ok = summary.requests - e.status
  local errors = {}
  for _, kind in ipairs({ "connect", "read", "write", "status", "timeout" }) do
    if e[kind] > 0 then
      table.insert(errors, string.format('"%s": %d', kind == "status" and "non-2xx" or kind, e[kind]))
    end
  end
  local ms = function(us) return string.format("%.1f", us / 1000) end
  io.write(string.format(
    '{"mode": "closed", "generator": "wrk", "clients": %d, "seconds": %.1f, "sent": %d, "ok": %d, "errors": {%s}, ' ..
    '"reports_per_s": %.1f, "p50_ms": %s, "p90_ms": %s, "p99_ms": %s, "max_ms": %s}\n',
    tonumber(os.getenv("REPORT_CLIENTS") or "0"), seconds, summary.requests, ok, table.concat(errors, ", "),
    ok / seconds, ms(latency:percentile(50)), ms(latency:percentile(90)), ms(latency:percentile(99)), ms(latency.max)))
end
