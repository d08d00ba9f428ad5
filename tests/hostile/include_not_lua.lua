-- expect: give a .lua file name relative to the scenario's folder
-- mode: check
include("secret.txt")
