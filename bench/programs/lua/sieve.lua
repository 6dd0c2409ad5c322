-- sieve.lua: the same Sieve of Eratosthenes as ../sieve.c (numbers below 2,000,000,
-- repeated), for the comparison with Lua 5.4 (bench/lua.ts, bench/RESULTS.md).
-- arg[1] = repetitions (default 10); prints the prime count (148933).
local LIMIT = 2000000
local composite = {}
local function count_primes()
  for i = 0, LIMIT - 1 do composite[i] = false end
  local i = 2
  while i * i < LIMIT do
    if not composite[i] then
      for j = i * i, LIMIT - 1, i do composite[j] = true end
    end
    i = i + 1
  end
  local count = 0
  for k = 2, LIMIT - 1 do if not composite[k] then count = count + 1 end end
  return count
end
local reps = tonumber(arg[1]) or 10
local c
for r = 1, reps do c = count_primes() end
print(c)
