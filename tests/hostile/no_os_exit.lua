-- expect: attempt to index a nil value (global 'os')
-- mode: check
-- os.exit(0) would turn a hostile scenario into a passing one.
os.exit(0)
