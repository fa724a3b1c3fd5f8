-- wrk script of the HTTP predict benchmark (eng/bench-http.sh): one POST with a JSON flight, the same for every
-- server; done() prints one line the script parses: requests, duration (us), latency p50 and p99 (us), socket errors, answers with a status of 400 or more.
-- No response() callback: defining one makes wrk parse every answer, which costs it more than the servers.
wrk.method = "POST"
wrk.path = "/models/flights/predict"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"distance":1234.5,"departureHour":17,"dayOfWeek":4,"origin":"ORD","carrier":"UA","label":false}'

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %d %d %d %d %d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.connect + e.read + e.write + e.timeout, e.status))
end
