-- expect: attempt to index a nil value (global 'os')
-- mode: check
-- Would create a file in the working directory if os were reachable.
os.execute("touch pwned")
