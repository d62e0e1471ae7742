-- wrk: POST the body in BODY_FILE (the k6 headline request, which the gate checks) with MCP's
-- headers. wrk reports answers other than 2xx/3xx as "Non-2xx or 3xx responses".
local path = os.getenv("BODY_FILE") or "loadtests/bodies/agent-task.json"
local file = assert(io.open(path, "rb"))
wrk.method = "POST"
wrk.body = file:read("*a")
file:close()
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json, text/event-stream"
if os.getenv("PROTOCOL") == "2026-07-28" then
  -- The 2026-07-28 era: headers that repeat what the body (BODY_FILE, with its _meta claims) says.
  wrk.headers["MCP-Protocol-Version"] = "2026-07-28"
  wrk.headers["Mcp-Method"] = "tools/call"
  wrk.headers["Mcp-Name"] = "agent_task"
else
  wrk.headers["MCP-Protocol-Version"] = "2025-06-18"
end

-- One machine-readable line for the runner: exact percentiles (µs), counts and errors.
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRK_JSON {"requests":%d,"duration_us":%d,"bytes":%d,"min":%d,"mean":%.1f,"p50":%d,"p90":%d,"p95":%d,"p99":%d,"max":%d,' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d}}\n',
    summary.requests, summary.duration, summary.bytes, latency.min, latency.mean,
    latency:percentile(50), latency:percentile(90), latency:percentile(95), latency:percentile(99), latency.max,
    e.connect, e.read, e.write, e.status, e.timeout))
end
