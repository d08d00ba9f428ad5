-- First Night Shift: the Bulkhead tutorial.
--
-- About ten real minutes at 1x (rate 60, ten simulated hours). A night-shift
-- duty manager at a fictional carrier gets a ransom-note phone call from
-- Shanghai late on a Sunday and must contain, communicate, restore and
-- investigate with too few hands. Modeled on public reporting of the CMA CGM
-- attack of 27-28 September 2020; [R] facts are presented as reported.
--
-- This file deliberately uses almost every part of the scenario API at least
-- once, so it doubles as a worked example for scenario authors. Standing
-- commitments (`every` on an action) are shown in carrier_ransomware.lua's
-- daily update: a ten-hour night has no promise that repeats.

local T = include("tutorial_texts.lua")

local H = 3600        -- one hour in seconds (w.time is in seconds)

-- ---------------------------------------------------------------------------
-- Scenario, meters, systems, teams
-- ---------------------------------------------------------------------------

scenario {
    id = "tutorial",
    title = "First Night Shift",
    summary = "Tutorial: a ransom note on a Sunday night, and ten hours till the day shift.",
    based_on = "public reporting of the September 2020 ransomware attack on CMA CGM",
    start = "2020-09-27 22:00",
    length = "10h",
    rate = 60,
    difficulty = "easy",
    briefing = T.briefing,
    organisation = T.organisation,
    stakes = T.stakes,
    check = "1m",                 -- the default; shown here for completeness
}

meter { id = "spread", label = "Malware spread", start = 15, min = 0, max = 100,
        good = "low",
        description = "How much of the network the attackers have reached. At 100 everything is encrypted." }
meter { id = "trust", label = "Customer trust", start = 70, min = 0, max = 100,
        description = "What customers and partners think of how you are handling it." }
meter { id = "evidence", label = "Forensic evidence", start = 55, min = 0, max = 100,
        description = "What the investigators will have to work with. Logs roll over and memory is lost on power-down." }
meter { id = "backlog", label = "Bookings waiting", start = 5, min = 0, max = 100,
        good = "low",
        description = "Bookings customers cannot place while the portal is down." }

system { id = "asia_pcs", label = "Asia office PCs", status = "compromised",
         description = "Shanghai and the other Asia offices: where the ransom note appeared." }
system { id = "file_servers", label = "Shared file servers", status = "online" }
system { id = "portal", label = "Booking portal", status = "online",
         description = "The e-commerce site customers book and track on." }
system { id = "email", label = "Email & EDI", status = "online" }
system { id = "backups", label = "Backup server", status = "online",
         description = "Nightly backups and the clean PC images. Online means reachable from the network." }

team { id = "duty", label = "You (duty manager)", staff = 1 }
team { id = "it", label = "IT & security on call", staff = 3 }
team { id = "comms", label = "Press officer", staff = 1 }
team { id = "ops", label = "Operations desk", staff = 2 }

-- ---------------------------------------------------------------------------
-- References: every `ref` below names one of these
-- ---------------------------------------------------------------------------

reference { id = "portandterminal", title = "CMA CGM Under Cyber Attack — Ransomware",
            cite = "portandterminal.com, September 2020" }
reference { id = "freightwaves", title = "CMA CGM victim of cyberattack",
            cite = "FreightWaves (freightwaves.com), September 2020" }
reference { id = "securityaffairs", title = "…CMA CGM hit with ransomware",
            cite = "securityaffairs.com, 2020, citing Lloyd's List" }
reference { id = "smartmaritime", title = "CMA CGM says comms are secure",
            cite = "Smart Maritime Network (smartmaritimenetwork.com), 2020" }
reference { id = "ciodive", title = "CIO Dive coverage of the CMA CGM outage and booking workarounds",
            cite = "CIO Dive (ciodive.com), 2020" }
reference { id = "m2shipping", title = "CMA CGM concedes data breach is likely",
            cite = "m2shipping.com, 2020" }
reference { id = "freshfruit", title = "CMA CGM suspects data breach",
            cite = "freshfruitportal.com, 2020" }
reference { id = "cbp", title = "CSMS #44245522: CMA CGM IT Issues",
            cite = "US Customs and Border Protection, Cargo Systems Messaging Service, 2020" }
reference { id = "cisa", title = "Ransomware Response Checklist",
            cite = "CISA and MS-ISAC, Ransomware Guide, September 2020 (cisa.gov)" }
reference { id = "gdpr", title = "GDPR Articles 33 and 34",
            cite = "Regulation (EU) 2016/679, Art. 33 (72-hour notification) and Art. 34" }
reference { id = "ftalliance", title = "FTA and APSA on CMA CGM's fallback arrangements",
            cite = "Freight & Trade Alliance, advocacy item 1515, via The Loadstar (ftalliance.com.au), 2020" }
reference { id = "maersk", title = "The task was to speak with the customers",
            cite = "A.P. Moller-Maersk (maersk.com), on the 2017 NotPetya recovery" }
reference { id = "latimes", title = "Reporting on the 2018 Port of San Diego ransomware attack",
            cite = "Los Angeles Times (latimes.com), 2018: the port did not pay and recovered from backups" }

-- ---------------------------------------------------------------------------
-- Helpers shared by hooks
-- ---------------------------------------------------------------------------

-- Containment needs both halves: the internet edge cut (the attackers lose
-- their remote hands) and the infected offices isolated (it stops spreading
-- sideways). Either alone only slows the spread.
local function update_containment(w)
    w.flag.contained = (w.flag.edge_cut and w.flag.asia_isolated) and true or false
end

-- Something was restored or reconnected while the attackers still had a way
-- in. The first time is a costly setback; the second ends the night.
local function reinfect(w, what)
    w.flag.reinfections = (w.flag.reinfections or 0) + 1
    w.meter.spread = w.meter.spread + 10
    w.meter.trust = w.meter.trust - 5
    w.note(what .. " came back encrypted: the attackers still had a way in.")
    w.fire("reinfection")
    if w.flag.reinfections >= 2 then
        w.finish("reinfected")
    end
end

-- Reconnecting every office at once: safe only if the network is contained
-- and the investigators know how the attackers got in, and even then a
-- straggler can slip through.
local function reconnect_all(w)
    if not (w.flag.contained and w.flag.scoped) then
        w.note("Every office was reconnected before anyone knew how the attackers got in.")
        w.after("30m", function(w2)
            w2.flag.reinfections = (w2.flag.reinfections or 0) + 1
            w2.system.asia_pcs.status = "encrypted"
            w2.meter.spread = w2.meter.spread + 15
            w2.fire("reinfection")
            w2.finish("reinfected")
        end)
        return
    end
    if w.random(1, 100) <= 25 then
        w.note("One laptop nobody had checked came back with the rest. It was enough.")
        w.after("30m", function(w2)
            w2.system.asia_pcs.status = "encrypted"
            w2.flag.asia_isolated = false
            update_containment(w2)
            reinfect(w2, "A reconnected office")
        end)
    else
        w.meter.trust = w.meter.trust + 3
        w.note("Every office reconnected at once, and nothing came back with them. Lucky.")
    end
end

local function truthy(x) return x and true or false end

local function is_one_of(status, list)
    for _, s in ipairs(list) do
        if status == s then return true end
    end
    return false
end

-- ---------------------------------------------------------------------------
-- Injects
-- ---------------------------------------------------------------------------

inject { id = "welcome", at = "0m", channel = "internal", from = "Bulkhead tutorial",
         title = "How tonight works",
         body = [[Read each message, then act. Every action ties up people: IT has three, and you are one person. Decisions have deadlines, and when one runs out the default happens. Defaults cost something.

Start with containment. The Shanghai office is about to call.]],
         source = "fiction" }

inject { id = "ransom_note", at = "0m", channel = "phone", from = "Shanghai office, night shift",
         title = "Shanghai: a ransom note on every screen",
         body = [[The Shanghai night-shift lead is on the line. Screens across the office show the same note: your files are encrypted, your data has been stolen, open a live chat within two days for a "special price". Two files will be decrypted free as proof. No amount is named.

Some PCs are still on. People are asking whether to pull the plugs.

(Press reports say CMA CGM staff saw a note like this in September 2020.)]],
         source = "fact", ref = "portandterminal",
         discuss = { "Who do you call first, and on what phone?",
                     "Should Shanghai pull the plugs? What would be lost?" },
         effect = function(w)
             w.system.asia_pcs.status = "encrypted"
             w.flag.attack_known = true
             w.after("20m", function(w2) w2.open("ransom") end)
             -- In two hours word gets out whatever happens. A flag set by an
             -- event, rather than `w.time >= 2 * H` in the condition below,
             -- spares the engine checking that condition every minute.
             w.after("2h", function(w2) w2.flag.word_out = true end)
         end }

inject { id = "staff_hint",
         when = function(w) return w.fired("ransom_note") > 0 and w.team.it.free == 0 end,
         channel = "internal", from = "IT on-call lead",
         title = "IT: \"All three of us are busy\"",
         body = [[All three IT engineers are tied up. Nothing else that needs IT can start until one of them finishes.

You can call the incident-response firm on retainer. Their people need about two hours to arrive. Or you can choose carefully what IT does next.]],
         source = "fiction" }

inject { id = "spread_alert", when = function(w) return w.meter.spread >= 40 end,
         channel = "internal", from = "IT on-call lead",
         title = "The encryption has reached the file servers",
         body = [[Shared drives in Asia and Europe are filling with renamed files. The booking portal is throwing errors because its back end uses the same servers. Anything the infected PCs can reach is next.]],
         source = "fiction",
         effect = function(w)
             if w.system.file_servers.status ~= "restoring" then
                 w.system.file_servers.status = "encrypted"
             end
             if w.system.portal.status == "online" then
                 w.system.portal.status = "compromised"
             end
         end }

inject { id = "backups_hit",
         when = function(w)
             return w.meter.spread >= 70 and w.system.backups.status == "online"
         end,
         channel = "internal", from = "IT on-call lead",
         title = "The backup server is being encrypted",
         body = [[The backup console shows its catalogue being deleted and the backup volumes encrypting. The clean PC images were on it too.

(CMA CGM never said its backups were hit; this is invented. CISA's ransomware guide of September 2020 advises keeping backups offline, because many ransomware variants look for backups they can reach and delete them.)]],
         source = "fiction",
         effect = function(w)
             w.system.backups.status = "encrypted"
             w.note("The backups were encrypted. Nobody had checked or isolated them.")
         end }

inject { id = "linkedin", at = "4h", channel = "social", from = "LinkedIn",
         title = "Ransom note photo goes round LinkedIn",
         body = [[A photo of one of your ransom notes is being shared on LinkedIn, with the Alcyon logo visible in the taskbar. Freight forwarders are asking in the comments what is going on.

(Press reports say a screenshot of CMA CGM's ransom note circulated the same way.)]],
         source = "fact", ref = "freightwaves",
         discuss = { "Does this match what you have told customers so far?" },
         effect = function(w)
             local said = w.chosen("first_statement")
             if said == "it_issue" then
                 w.meter.trust = w.meter.trust - 25
                 w.note("The \"IT issue\" advisory now sits next to a ransom note. It reads as a cover-up.")
             elseif said == "silence" or said == nil then
                 w.meter.trust = w.meter.trust - 10
                 w.note("Customers learned about the attack from LinkedIn, not from you.")
             else
                 w.meter.trust = w.meter.trust - 2
             end
             w.after("1h", function(w2) w2.fire("press_query") end)
         end }

inject { id = "press_query", channel = "news", from = "Trade journalist, Singapore",
         title = "Trade press: \"Is it Ragnar Locker?\"",
         body = [[A trade journalist has seen the photo. She asks whether this is the Ragnar Locker ransomware, whether customer data was taken, and why your website said what it said. Her deadline is one hour.

(Press reports later named Ragnar Locker in the CMA CGM attack. The company itself never named it publicly.)]],
         source = "fact", ref = "securityaffairs",
         effect = function(w)
             if w.chosen("first_statement") == "cyberattack" then
                 w.note("You had already said \"cyberattack\", so the story was about the response, not a cover-up.")
             else
                 w.meter.trust = w.meter.trust - 5
             end
         end }

inject { id = "cbp_relief", at = "6h", channel = "regulator", from = "US Customs and Border Protection",
         title = "US Customs offers manifest-rule relief",
         body = [[CBP says it will not enforce the 24-hour advance-manifest rule or the related ISF penalties for your sailings while your systems are down, "effective September 27, 2020 at 2200 hrs". Your US customs team suggests naming one liaison, so that officers at the ports have somebody to call.

(CBP granted CMA CGM this relief in 2020, in CSMS message #44245522, with no time zone given. CBP asked for no liaison: that part is invented for the exercise.)]],
         source = "fact", ref = "cbp" }

inject { id = "exfil_signs", channel = "email", from = "Forensics team",
         title = "Forensics: data was probably taken",
         body = [[The forensic images show archiving tools and large uploads to an unknown server in the hours before encryption. Customer and staff records were on those shares.

Personal data was taken, not only locked: the 72 hours the GDPR gives you to notify the data protection authority run from when you became aware of a breach, and a first notice can be partial.

(CMA CGM said on Wednesday 30 September 2020, two days after it confirmed the attack, that it suspected a data breach.)]],
         source = "fact", ref = "freshfruit",
         effect = function(w)
             w.flag.data_theft = true
             w.note("The forensic images showed data theft. Without them, you would have learned it from the attackers.")
         end }

inject { id = "leak_threat", channel = "email", from = "Unknown sender (chat portal)",
         title = "The attackers write again",
         body = [[A new message from the attackers. They repeat that they hold your data, and they warn that every day without an answer will "make the price go up", and that the files will go online.

(CMA CGM's ransom note reportedly claimed that data had been stolen. This second message is invented for the exercise.)]],
         source = "fiction",
         effect = function(w)
             if w.flag.chat then
                 w.meter.trust = w.meter.trust - 5
                 w.note("The open chat gave the attackers a channel to pressure you. Negotiating is a specialist's job.")
             end
             if w.done("report_police") > 0 then
                 w.note("The police were already involved. They advised you not to engage.")
             end
         end }

inject { id = "reinfection", channel = "internal", from = "IT on-call lead",
         title = "Restored machines are encrypting again",
         body = [[Minutes after coming back, the restored machines show the ransom note again. The attackers still had a way in. The restore time is lost and the malware is moving again.

Restoring or reconnecting before the network is known to be clean only feeds the attack.]],
         source = "fiction", repeatable = true }

inject { id = "phish_wave", channel = "email", from = "Customer service, Hamburg",
         title = "Customers report fake Alcyon emails",
         body = [[Customers are forwarding messages from your real booking address that ask them to "update bank details for invoices". An hour ago you said email was safe. It was not, and now your reassurance is part of the attack.]],
         source = "fiction",
         effect = function(w)
             w.meter.trust = w.meter.trust - 15
             w.system.email.status = "compromised"
             w.note("Email was declared safe without being checked, and attackers used it against customers.")
         end }

inject { id = "ir_arrives", channel = "internal", from = "Reception",
         title = "The incident-response team is here",
         body = [[Two responders from your retainer firm have arrived and signed in. IT now has two more people.]],
         source = "fiction",
         effect = function(w)
             w.team.it.staff = w.team.it.staff + 2
         end }

inject { id = "customer_calls", when = function(w) return w.meter.backlog >= 60 end,
         channel = "phone", from = "Shippers' association, Australia",
         title = "Shippers: \"Nobody answers your phones\"",
         body = [[An Australian shippers' association is on the line. Their members cannot book, calls go unanswered and your hotline's voicemail is full. They are talking about compensation.

(Australian shipper groups reportedly made these complaints about CMA CGM's fallback in 2020.)]],
         source = "fact", ref = "ftalliance",
         effect = function(w) w.meter.trust = w.meter.trust - 10 end }

inject { id = "handover", at = "9h40m", channel = "internal", from = "Day-shift crisis lead",
         title = "07:40: the day shift arrives",
         body = [[The day-shift crisis team is coming in with coffee and questions. Time to hand over what you have.]],
         source = "fiction",
         effect = function(w)
             w.note(string.format("At handover IT had %d people (%d free); spread %d, trust %d, evidence %d.",
                 w.team.it.staff, w.team.it.free,
                 math.floor(w.meter.spread), math.floor(w.meter.trust), math.floor(w.meter.evidence)))
             w.flag.handover = true
         end }

-- ---------------------------------------------------------------------------
-- Actions
-- ---------------------------------------------------------------------------

-- contain --------------------------------------------------------------------

action { id = "isolate_switch", kind = "contain",
         label = "Isolate the Asia offices at the switch",
         text = "Take the infected segment off the network at the switch and leave the PCs powered on, so their memory survives for the investigators.",
         team = "it", staff = 2, takes = "40m",
         source = "fact", ref = "cisa", func = "respond", recommended = true,
         repeatable = true,
         available = function(w)
             if w.running("power_down") then return false, "The PCs are being powered down" end
             local st = w.system.asia_pcs.status
             if st == "offline" then return false, "The PCs are already powered off" end
             if st == "isolated" then return false, "Already isolated" end
             if not is_one_of(st, { "compromised", "encrypted" }) then
                 return false, "Nothing infected to isolate"
             end
             return true
         end,
         effect = function(w)
             w.system.asia_pcs.status = "isolated"
             w.flag.asia_isolated = true
             update_containment(w)
         end }

action { id = "power_down", kind = "contain",
         label = "Tell Shanghai to power everything off",
         text = "Quick, and one person can do it by phone. But powering down wipes the memory evidence, and CISA advises it only as a last resort.",
         team = "it", staff = 1, takes = "15m",
         source = "fact", ref = "cisa", func = "respond",
         available = function(w)
             if w.running("isolate_switch") then return false, "Isolation at the switch is under way" end
             local st = w.system.asia_pcs.status
             if st == "isolated" then return false, "Already isolated. Powering down now would only destroy evidence" end
             if not is_one_of(st, { "compromised", "encrypted" }) then
                 return false, "Nothing infected to power down"
             end
             return true
         end,
         effect = function(w)
             w.system.asia_pcs.status = "offline"
             w.flag.asia_isolated = true
             w.meter.evidence = w.meter.evidence - 35
             w.note("The Asia PCs were powered down: the spread stopped, and the memory evidence went with it.")
             update_containment(w)
         end }

action { id = "cut_external", kind = "contain",
         label = "Cut external access at the internet edge",
         text = "Block all traffic in and out at the firewall. The attackers lose their remote control, and customers lose the portal. CMA CGM did this in 2020.",
         team = "it", staff = 1, takes = "20m",
         source = "fact", ref = "freightwaves", func = "respond", recommended = true,
         effect = function(w)
             w.flag.edge_cut = true
             w.system.portal.status = "offline"
             if w.system.email.status == "online" then
                 w.system.email.status = "degraded"
             end
             update_containment(w)
         end }

-- investigate ----------------------------------------------------------------

action { id = "capture_memory", kind = "investigate",
         label = "Capture memory and image the infected PCs",
         text = "Copy the memory and disks of a sample of infected PCs before anything is wiped. This is how you learn what the attackers did.",
         team = "it", staff = 1, takes = "45m",
         source = "fact", ref = "cisa", func = "detect", recommended = true,
         available = function(w)
             if w.running("reimage_asia") then return false, "The PCs are being reimaged" end
             local st = w.system.asia_pcs.status
             if st == "online" or st == "restoring" then
                 return false, "The PCs were reimaged; there is nothing left to capture"
             end
             return true
         end,
         effect = function(w)
             if w.system.asia_pcs.status == "offline" then
                 w.meter.evidence = w.meter.evidence + 10
                 w.note("Disk images only: the memory was lost when the PCs were powered down.")
             else
                 w.meter.evidence = w.meter.evidence + 35
             end
             w.flag.scoped = true
             w.after("45m", function(w2) w2.fire("exfil_signs") end)
         end }

action { id = "check_backups", kind = "investigate",
         label = "Check the backups and take them offline",
         text = "Confirm the backups and clean images are intact, then disconnect them from the network before the attackers find them.",
         team = "it", staff = 1, takes = "30m",
         source = "fact", ref = "cisa", func = "protect", recommended = true,
         available = function(w)
             if w.system.backups.status == "encrypted" then
                 return false, "Too late: the backups are encrypted"
             end
             return true
         end,
         effect = function(w)
             w.system.backups.status = "isolated"
             w.flag.backups_safe = true
         end }

action { id = "verify_email", kind = "investigate",
         label = "Verify email and EDI are clean",
         text = "Check mail servers, rules and EDI gateways for attacker access before anyone tells customers these channels are safe.",
         team = "it", staff = 1, takes = "45m",
         source = "fact", ref = "smartmaritime", func = "detect",
         available = function(w)
             if w.system.email.status == "compromised" then
                 return false, "Email is already compromised; it needs rebuilding, not checking"
             end
             return true
         end,
         effect = function(w)
             w.flag.email_verified = true
             w.system.email.status = "online"
         end }

action { id = "call_ir_firm", kind = "investigate",
         label = "Call the incident-response firm on retainer",
         text = "Wake the external responders. Two of them can be on site in about two hours.",
         team = "duty", staff = 1, takes = "15m",
         source = "fiction", func = "respond", recommended = true,
         effect = function(w)
             w.after("2h", function(w2) w2.fire("ir_arrives") end)
         end }

-- restore --------------------------------------------------------------------

action { id = "reimage_asia", kind = "restore",
         label = "Reimage the Asia PCs from clean images",
         text = "Wipe and reinstall the infected PCs from the golden image on the backup server.",
         team = "it", staff = 2, takes = "1h30m",
         source = "fiction", func = "recover", repeatable = true,
         available = function(w)
             if w.system.backups.status == "encrypted" then
                 return false, "The clean images were on the backup server, which is encrypted"
             end
             if not is_one_of(w.system.asia_pcs.status, { "encrypted", "isolated", "offline" }) then
                 return false, "The PCs do not need reimaging"
             end
             return true
         end,
         start = function(w)
             if not w.flag.scoped and w.system.asia_pcs.status ~= "offline" then
                 w.meter.evidence = w.meter.evidence - 25
                 w.note("Reimaging started before anyone captured the PCs. The evidence on them is gone.")
             end
             w.flag.asia_status_before = w.system.asia_pcs.status
             w.system.asia_pcs.status = "restoring"
         end,
         -- cancelled half way: the PCs are as they were (but wiped ones stay wiped)
         cancel = function(w)
             w.system.asia_pcs.status = w.flag.asia_status_before or "isolated"
         end,
         effect = function(w)
             if w.flag.contained then
                 w.system.asia_pcs.status = "online"
                 w.flag.restored = true
             else
                 w.system.asia_pcs.status = "encrypted"
                 w.flag.asia_isolated = false
                 update_containment(w)
                 reinfect(w, "The reimaged Asia PCs")
             end
         end }

action { id = "restore_files", kind = "restore",
         label = "Restore the file servers from backup",
         text = "Rebuild the shared drives from last night's backup.",
         team = "it", staff = 2, takes = "1h",
         source = "fact", ref = "latimes", func = "recover", repeatable = true,
         available = function(w)
             if not is_one_of(w.system.file_servers.status, { "encrypted", "compromised" }) then
                 return false, "The file servers are not damaged"
             end
             if w.system.backups.status == "encrypted" then
                 return false, "The backups are encrypted too"
             end
             return true
         end,
         start = function(w) w.system.file_servers.status = "restoring" end,
         effect = function(w)
             if w.flag.contained then
                 w.system.file_servers.status = "online"
                 w.flag.files_restored = true
             else
                 w.system.file_servers.status = "encrypted"
                 reinfect(w, "The restored file servers")
             end
         end }

action { id = "manual_bookings", kind = "restore",
         label = "Take bookings by hand (phone, email, spreadsheet)",
         text = "The operations desk works through waiting bookings manually, the way Maersk ran its business on WhatsApp, Gmail and Excel in 2017.",
         team = "ops", staff = 1, takes = "1h",
         source = "fact", ref = "maersk", func = "recover", repeatable = true,
         available = function(w)
             if w.system.portal.status == "online" then
                 return false, "The portal is still taking bookings"
             end
             if w.meter.backlog < 5 then return false, "Nothing is waiting" end
             return true
         end,
         effect = function(w) w.meter.backlog = w.meter.backlog - 20 end }

-- communicate ----------------------------------------------------------------

action { id = "announce_workarounds", kind = "communicate",
         label = "Announce how to book while the portal is down",
         text = "Tell customers to book through INTTRA, or send the Excel booking form by email, or call their local agency.",
         team = "ops", staff = 1, takes = "30m",
         source = "fact", ref = "ciodive", func = "recover", recommended = true,
         available = function(w)
             if w.system.portal.status == "online" then
                 return false, "The portal still works; there is nothing to work around yet"
             end
             return true
         end,
         effect = function(w) w.meter.trust = w.meter.trust + 6 end }

action { id = "customer_update", kind = "communicate",
         label = "Publish a customer update",
         text = "A short, dated update: what is affected, what you are doing, how to book, when the next update comes.",
         team = "comms", staff = 1, takes = "20m",
         source = "fact", ref = "m2shipping", func = "respond", recommended = true,
         repeatable = true,
         available = function(w)
             if w.chosen("first_statement") == nil then
                 return false, "Agree the first public line first"
             end
             return true
         end,
         effect = function(w)
             local last = w.flag.last_update or -10 * H
             if w.time - last < H then
                 w.meter.trust = w.meter.trust + 1
                 w.note("Two updates within the hour added little. A steady rhythm works better.")
             else
                 w.meter.trust = w.meter.trust + 3
             end
             w.flag.last_update = w.time
         end }

action { id = "declare_safe", kind = "communicate",
         label = "Tell customers email and EDI are safe",
         text = "Reassure customers that messages from your addresses and EDI links can be trusted.",
         team = "comms", staff = 1, takes = "10m",
         source = "fact", ref = "smartmaritime", func = "respond",
         available = function(w)
             if w.chosen("first_statement") == nil then
                 return false, "Agree the first public line first"
             end
             return true
         end,
         effect = function(w)
             w.meter.trust = w.meter.trust + 2
             if not w.flag.email_verified then
                 w.after("1h", function(w2) w2.fire("phish_wave") end)
             end
         end }

action { id = "report_police", kind = "communicate",
         label = "Report to the police and the national CERT",
         text = "Report the attack to law enforcement and the national CERT. They may know the group, and whether a decryptor exists.",
         team = "duty", staff = 1, takes = "20m",
         source = "fact", ref = "cisa", func = "respond", recommended = true,
         effect = function(w)
             w.flag.police = true
         end }

action { id = "gdpr_notify", kind = "communicate",
         label = "Send a first notice to the data protection authority",
         text = "A first GDPR breach notice: what you know, what you don't, and when you will tell them more.",
         team = "duty", staff = 1, takes = "30m",
         source = "fact", ref = "gdpr", func = "respond", recommended = true,
         -- Possible from the first minutes: the ransom note claims the data
         -- was taken, and personal data encrypted is itself a breach (of
         -- availability, in the EDPB's guidelines 01/2021). Proof of theft
         -- is not the trigger; awareness is.
         effect = function(w)
             w.meter.trust = w.meter.trust + 3
             if w.flag.data_theft then
                 w.note("First GDPR notice sent within hours, well inside the 72-hour limit.")
             else
                 w.note("First GDPR notice sent on what was known: encrypted personal data and a claim of theft. The details can follow.")
             end
         end }

action { id = "cbp_liaison", kind = "communicate",
         label = "Name a liaison for US Customs",
         text = "Give CBP's officers at the ports one named contact, so US-bound cargo keeps moving under the relief. (CBP did not ask CMA CGM for one: this is the exercise's.)",
         team = "ops", staff = 1, takes = "30m",
         source = "fiction", func = "recover",
         available = function(w)
             if w.fired("cbp_relief") == 0 then return false, "US Customs has not been in touch" end
             return true
         end,
         effect = function(w)
             w.meter.backlog = w.meter.backlog - 10
             w.meter.trust = w.meter.trust + 2
         end }

-- ---------------------------------------------------------------------------
-- Decisions
-- ---------------------------------------------------------------------------

-- Opened by w.open from the ransom note's effect.
decision { id = "ransom", from = "Chief executive (on the phone)",
           prompt = "The CEO wants your advice for the crisis call in two hours. The note asks you to open a live chat for a \"special price\". What do you recommend?",
           deadline = "2h", default = "no_advice",
           discuss = { "What does paying buy you, and what does it not buy?",
                       "Who else must be involved before anyone talks to the attackers?" },
           options = {
               { id = "refuse", label = "Refuse, and bring in law enforcement", recommended = true,
                 text = "CISA and the FBI advise against paying. Paying funds the next attack and does not guarantee the data stays private.",
                 effect = function(w)
                     if not w.flag.police then
                         w.note("You advised bringing in law enforcement. Someone still has to call them.")
                     end
                     w.after("2h", function(w2) w2.fire("leak_threat") end)
                 end },
               { id = "chat", label = "Open the chat to buy time",
                 text = "See what they want without promising anything.",
                 effect = function(w)
                     w.flag.chat = true
                     w.meter.trust = w.meter.trust - 3
                     w.after("1h", function(w2) w2.fire("leak_threat") end)
                 end },
               { id = "no_advice", label = "No recommendation yet",
                 text = "Leave it until you know more.",
                 effect = function(w)
                     w.flag.chat = true
                     w.meter.trust = w.meter.trust - 5
                     if w.system.asia_pcs.status ~= "isolated" and w.system.asia_pcs.status ~= "offline" then
                         w.meter.spread = w.meter.spread + 8
                         w.note("With no advice from you, the Asia director opened the chat himself, from a laptop still on the network.")
                     else
                         w.note("With no advice from you, the Asia director opened the chat himself.")
                     end
                     w.after("1h", function(w2) w2.fire("leak_threat") end)
                 end },
           } }

-- Opened by a condition: as soon as customers can tell something is wrong.
decision { id = "first_statement", from = "Press officer",
           when = function(w) return w.system.portal.status ~= "online" or w.flag.word_out end,
           prompt = "Word is getting out: early customers in Asia and Australia are asking what is wrong, and some cannot reach the booking portal. The website needs a line within the hour. What does it say?",
           deadline = "1h", default = "silence",
           discuss = { "What will customers think when they learn the truth later?" },
           options = {
               { id = "cyberattack", label = "\"We are dealing with a cyberattack\"", recommended = true,
                 text = "Say what happened, what you have cut off to protect customers, and how to book meanwhile.",
                 effect = function(w)
                     w.meter.trust = w.meter.trust - 5
                     w.flag.last_update = w.time
                 end },
               { id = "it_issue", label = "\"An internal IT infrastructure issue\"",
                 text = "Calmer for tonight. (CMA CGM's first advisory used these words.)",
                 effect = function(w)
                     w.meter.trust = w.meter.trust + 3
                     w.flag.last_update = w.time
                 end },
               { id = "silence", label = "Say nothing yet",
                 effect = function(w)
                     w.meter.trust = w.meter.trust - 10
                     w.note("The website said nothing while customers could not book.")
                 end },
           } }

-- Opened at a fixed time: late Monday morning in Asia.
decision { id = "reconnect", at = "7h", from = "Asia regional directors",
           prompt = "It is late Monday morning in Asia. Ships are loading and the paperwork is on paper. The directors want their offices back on the network now. What do you tell them?",
           deadline = "40m", default = "regions_decide",
           discuss = { "What would you need to know before reconnecting anything?" },
           options = {
               { id = "phased", label = "Reconnect in phases, clean machines first", recommended = true,
                 text = "Reimaged offices come back one at a time on a monitored segment. The others wait.",
                 effect = function(w)
                     if w.flag.restored and w.flag.contained then
                         w.meter.trust = w.meter.trust + 3
                         w.note("The first reimaged office came back on a monitored segment, with nothing following it.")
                     else
                         w.meter.trust = w.meter.trust - 3
                         w.note("Nothing was clean enough to reconnect yet, and the directors had to wait.")
                     end
                 end },
               { id = "all_now", label = "Reconnect every office now",
                 effect = function(w) reconnect_all(w) end },
               { id = "regions_decide", label = "Leave it to the regions",
                 text = "Without an answer, each director does what he thinks best.",
                 effect = function(w)
                     w.meter.trust = w.meter.trust - 2
                     w.note("With no answer from head office, the regions reconnected on their own.")
                     reconnect_all(w)
                 end },
           } }

-- ---------------------------------------------------------------------------
-- Continuous dynamics
-- ---------------------------------------------------------------------------

-- Every half hour the malware spreads (unless contained) and bookings pile up
-- while the portal is down.
every("30m", function(w)
    if not w.flag.contained and w.flag.attack_known then
        local g = w.random(6, 10)
        if w.flag.edge_cut or w.flag.asia_isolated then g = g // 2 end
        w.meter.spread = w.meter.spread + g
    end
    if w.system.portal.status ~= "online" then
        local base = (w.done("announce_workarounds") > 0) and 2 or 6
        w.meter.backlog = w.meter.backlog + base + math.random(0, 2)
    end
end)

-- Every hour trust drifts with how customers are treated, and evidence decays
-- until somebody captures it.
every("1h", function(w)
    if w.system.portal.status ~= "online" and w.done("announce_workarounds") == 0 then
        w.meter.trust = w.meter.trust - 2
    end
    local last = w.flag.last_update
    if last ~= nil and w.time - last > 3 * H then
        w.meter.trust = w.meter.trust - 1
    end
    if w.meter.backlog >= 50 then
        w.meter.trust = w.meter.trust - 1
    end
    if not w.flag.scoped then
        w.meter.evidence = w.meter.evidence - 3
    end
end)

-- ---------------------------------------------------------------------------
-- Endings (checked in this order)
-- ---------------------------------------------------------------------------

ending { id = "encrypted", title = "Everything encrypted", tone = "bad", text = T.end_encrypted,
         when = function(w) return w.meter.spread >= 100 end }

ending { id = "clean_handover", title = "A clean handover", tone = "good", text = T.end_clean,
         when = function(w)
             return truthy(w.flag.handover and w.flag.contained and w.flag.restored and w.flag.scoped
                 and (w.flag.reinfections or 0) == 0
                 and w.meter.evidence >= 50 and w.meter.trust >= 60)
         end }

-- An ending's findings name only what this session did: each `when` is
-- judged once at the end, and only those that hold are shown under the text.
ending { id = "trust_lost", title = "Contained, but the story got away", tone = "mixed",
         text = T.end_trust_lost,
         when = function(w)
             return truthy(w.flag.handover and w.flag.contained and w.meter.trust < 60)
         end,
         findings = {
             { text = "The first statement called it \"an internal IT infrastructure issue\"; then the ransom note went round LinkedIn.",
               when = function(w) return w.chosen("first_statement") == "it_issue" end },
             { text = "The website said nothing while customers could not book.",
               when = function(w) return w.chosen("first_statement") == "silence" end },
             { text = "Email was declared safe without being checked, and attackers used it against customers.",
               when = function(w) return w.fired("phish_wave") > 0 end },
             { text = "Customers were never told how to book while the portal was down.",
               when = function(w)
                   return w.system.portal.status ~= "online" and w.done("announce_workarounds") == 0
               end },
             { text = "No customer update followed the first statement.",
               when = function(w) return w.chosen("first_statement") ~= nil and w.done("customer_update") == 0 end },
             { text = "Calls went unanswered until the shippers' association went public.",
               when = function(w) return w.fired("customer_calls") > 0 end },
         } }

ending { id = "slow_recovery", title = "Contained, and little else", tone = "mixed",
         text = T.end_slow,
         when = function(w) return truthy(w.flag.handover and w.flag.contained) end,
         findings = {
             { text = "Nothing was restored: the Asia offices were not reimaged before the handover.",
               when = function(w) return not w.flag.restored end },
             { text = "Memory was never captured, so nobody knows how the attackers got in or what they took.",
               when = function(w) return not w.flag.scoped end },
             { text = "The forensic evidence is thin (below 50 at handover).",
               when = function(w) return w.meter.evidence < 50 end },
             { text = "The backups were encrypted before anyone took them offline.",
               when = function(w) return w.system.backups.status == "encrypted" end },
         } }

-- Reached only through w.finish (see reinfect and reconnect_all).
ending { id = "reinfected", title = "Reinfected", tone = "bad", text = T.end_reinfected }

ending { id = "unfinished", title = "Still spreading at dawn", tone = "bad",
         text = T.end_unfinished, fallback = true }

-- ---------------------------------------------------------------------------
-- Exercise objectives: what the room sets out to do, judged once when the
-- session ends, from what the session did (read-only, like a condition).
-- ---------------------------------------------------------------------------

objective { id = "contain_without_power_off",
            text = "Contain the spread without powering machines off, so the evidence in memory survives",
            met = function(w)
                return w.flag.contained == true and w.done("power_down") == 0
            end }

objective { id = "keep_the_evidence",
            text = "Capture the forensic evidence before it is lost (evidence at 50 or more at the end)",
            met = function(w)
                return w.flag.scoped == true and w.meter.evidence >= 50
            end }

objective { id = "no_ransom_talks",
            text = "Advise against dealing with the attackers, and bring in law enforcement",
            met = function(w)
                return w.chosen("ransom") == "refuse" and w.flag.police == true
            end }

objective { id = "say_cyberattack",
            text = "Tell customers it is a cyberattack in the first public statement",
            met = function(w) return w.chosen("first_statement") == "cyberattack" end }

objective { id = "notify_dpa",
            text = "Send the data protection authority a first breach notice",
            met = function(w) return w.done("gdpr_notify") > 0 end }
