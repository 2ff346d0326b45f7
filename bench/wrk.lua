-- Rotate through the request targets listed in a file (one per line, given after --),
-- each thread from its own place, and print wrk's figures as one JSON line.
local targets = {}
local index = 0
local threads = 0

function setup(thread)
  thread:set("id", threads)
  threads = threads + 1
end

function init(args)
  for line in io.lines(args[1]) do
    targets[#targets + 1] = line
  end
  index = (id * 7919) % #targets
end

function request()
  index = index % #targets + 1
  return wrk.format(nil, targets[index])
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH {"requests": %d, "duration_us": %d, "p50_us": %d, "p99_us": %d, '
      .. '"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.connect, e.read, e.write, e.status, e.timeout
  ))
end
