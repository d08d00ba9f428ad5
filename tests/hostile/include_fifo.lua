-- expect: not a regular file
-- expect: include_fifo.lua:6: error:
-- fifo: pipe.lua
-- mode: check
-- A named pipe in the scenario folder: opening it must not block forever.
include("pipe.lua")
