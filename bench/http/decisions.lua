-- wrk script: POST /api/v1/decisions, rotating the request bodies in bench/http/bodies/*.json (case-file inputs).
-- The body directory comes from the environment (BODIES_DIR), set by bench/http-bench.sh.
local requests = {}
local next_index = 1

function init(args)
  local dir = os.getenv("BODIES_DIR") or "bench/http/bodies"
  local list = io.popen('ls "' .. dir .. '"/*.json')
  for file in list:lines() do
    local f = assert(io.open(file, "r"))
    local body = f:read("*a")
    f:close()
    requests[#requests + 1] = wrk.format("POST", "/api/v1/decisions",
      { ["Content-Type"] = "application/json", ["Accept"] = "application/json" }, body)
  end
  list:close()
  assert(#requests > 0, "no request bodies in " .. dir)
  -- Threads start at different bodies so the mix is even from the first request.
  next_index = (math.random(1, #requests))
end

function request()
  local r = requests[next_index]
  next_index = next_index % #requests + 1
  return r
end
