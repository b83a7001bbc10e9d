-- wrk script: replays a corpus written by make-corpus.mjs, each thread its own file, one request
-- after another; at the end prints one JSON line with the figures (latencies in microseconds).
--   wrk -t2 -c64 -d10s -s bench/replay.lua http://127.0.0.1:PORT/ -- CORPUS_PREFIX

local threads = {}
local next_id = 0

function setup(thread)
    thread:set("id", next_id)
    next_id = next_id + 1
    table.insert(threads, thread)
end

function init(args)
    corpus = assert(io.open(args[1] .. "-" .. id .. ".corpus", "rb"))
    wrapped = 0
end

function request()
    local size = corpus:read("*l")
    if not size then
        -- The corpus ran out: start again (the emulator then sees repeated snapshots).
        wrapped = wrapped + 1
        corpus:seek("set", 0)
        size = corpus:read("*l")
    end
    return corpus:read(tonumber(size))
end

function done(summary, latency, requests)
    local wraps = 0
    for _, thread in ipairs(threads) do wraps = wraps + (thread:get("wrapped") or 0) end
    local errors = summary.errors
    io.write(string.format(
        '{"requests":%d,"duration_us":%d,"bytes":%d,"p50_us":%d,"p99_us":%d,"max_us":%d,' ..
        '"errors_connect":%d,"errors_read":%d,"errors_write":%d,"errors_status":%d,"errors_timeout":%d,"wrapped":%d}\n',
        summary.requests, summary.duration, summary.bytes, latency:percentile(50), latency:percentile(99),
        latency.max, errors.connect, errors.read, errors.write, errors.status, errors.timeout, wraps))
end
