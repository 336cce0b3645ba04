-- wrk script for scripts/bench-yardstick.sh: every thread posts claims with its own slice of the
-- residents' tokens (WRK_TOKENS, one per line), and counts the answers by status so the script
-- can tell grants from refusals; the closing lines report them with the latency percentiles.
local threads = {}
local next_id = 1

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  local slices = tonumber(os.getenv("WRK_THREADS"))
  tokens = {}
  local n = 0
  for line in io.lines(os.getenv("WRK_TOKENS")) do
    if n % slices == id - 1 then
      tokens[#tokens + 1] = "Bearer " .. line
    end
    n = n + 1
  end
  turn = 1
  body = string.format('{"couponTypeId":"%s","regionCode":"%s"}', os.getenv("WRK_COUPON_TYPE"), os.getenv("WRK_REGION"))
  ok, created, conflict, other = 0, 0, 0, 0
end

function request()
  local token = tokens[turn]
  turn = turn % #tokens + 1
  return wrk.format("POST", nil, { ["Content-Type"] = "application/json", ["Authorization"] = token }, body)
end

function response(status, headers, body)
  if status == 200 then ok = ok + 1
  elseif status == 201 then created = created + 1
  elseif status == 409 then conflict = conflict + 1
  else other = other + 1 end
end

function done(summary, latency, requests)
  local totals = { ok = 0, created = 0, conflict = 0, other = 0 }
  for _, thread in ipairs(threads) do
    for name in pairs(totals) do
      totals[name] = totals[name] + thread:get(name)
    end
  end
  io.write(string.format("answers: ok=%d created=%d conflict=%d other=%d seconds=%.3f\n",
    totals.ok, totals.created, totals.conflict, totals.other, summary.duration / 1e6))
  io.write(string.format("latency-ms: p50=%.2f p99=%.2f\n", latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
