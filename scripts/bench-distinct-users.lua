-- wrk script of the benchmark's distinct-users row (scripts/bench.sh): every request carries another
-- user's session token, rotating through the file BENCH_TOKENS (one token a line), plus the rest of the
-- signed-in browser's cookies (BENCH_OTHER_COOKIES). So no per-cookie cache could flatter the result.
local tokens = {}
local others = os.getenv("BENCH_OTHER_COOKIES") or ""
local suffix = others == "" and "" or ("; " .. others)
for line in io.lines(os.getenv("BENCH_TOKENS")) do
  tokens[#tokens + 1] = "authjs.session-token=" .. line .. suffix
end
-- Each wrk thread has its own Lua state; setup() numbers them so they start at different places.
local threads = 0
local i = 0

function setup(thread)
  thread:set("id", threads)
  threads = threads + 1
end

function init(args)
  i = (id * 4999) % #tokens
end

request = function()
  i = i % #tokens + 1
  return wrk.format("GET", nil, { ["Cookie"] = tokens[i] })
end
