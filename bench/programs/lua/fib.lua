-- fib.lua: the same recursive Fibonacci as ../fib.c, for the comparison with Lua 5.4
-- (bench/lua.ts, bench/RESULTS.md). arg[1] = n; prints fib(n).
local function fib(n) if n < 2 then return n end return fib(n-1) + fib(n-2) end
print(fib(tonumber(arg[1])))
