-- base.lua: the known-good scenario that tests/guide.sh appends the guide's
-- fragments to (scenarios/README.md). It declares the ids the fragments use
-- but do not declare themselves; a fragment that declares its own fallback
-- ending replaces the one marked "guide: fallback". It must check clean,
-- pass luacheck, and play to an ending with nobody acting.
scenario { id = "guide_base", title = "Guide base", start = "2020-09-27 22:00",
           length = "14d", rate = 300 }

meter { id = "trust", label = "Customer trust", start = 70 }
meter { id = "spread", label = "Malware spread", start = 20, good = "low" }
meter { id = "cost", label = "Cost", start = 0, max = 1000, good = "low" }

system { id = "asia_pcs", label = "Asia office PCs", status = "compromised" }
system { id = "email", label = "Email", status = "online" }
system { id = "file_servers", label = "File servers", status = "online" }

team { id = "it", label = "IT & security", staff = 4 }

reference { id = "cisa", title = "Ransomware Response Checklist",
            cite = "CISA and MS-ISAC, September 2020 (cisa.gov)" }
reference { id = "portandterminal", title = "CMA CGM Under Cyber Attack",
            cite = "portandterminal.com, September 2020" }

inject { id = "ransom_call", at = "0m", channel = "phone", title = "A ransom note",
         source = "fiction" }
inject { id = "leak_threat", channel = "email", title = "The attackers write again",
         source = "fiction", repeatable = true }

action { id = "isolate", kind = "contain", label = "Isolate", team = "it", takes = "40m",
         source = "fiction" }
action { id = "restore", kind = "restore", label = "Restore", team = "it", takes = "1h",
         source = "fiction" }
action { id = "power_down", kind = "contain", label = "Power down", team = "it", takes = "15m",
         source = "fiction" }

decision { id = "ransom", prompt = "Pay?", deadline = "2h", default = "ignore",
           options = { { id = "refuse", label = "Refuse" },
                       { id = "ignore", label = "Say nothing" } } }

ending { id = "reinfected", title = "Reinfected", tone = "bad" }
ending { id = "time_up", title = "Time is up", fallback = true }   -- guide: fallback
