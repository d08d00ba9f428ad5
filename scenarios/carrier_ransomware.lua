-- Dead in the Water: the Bulkhead flagship scenario.
--
-- Fourteen simulated days, about 67 real minutes at 1x (rate 300). A
-- fictional carrier's crisis cell runs the full arc of a ransomware attack,
-- from a ransom note in Shanghai on a Sunday night to the reopening of
-- e-commerce two weeks later. Modeled on public reporting of the CMA CGM
-- attack of 27 September to 11 October 2020. Facts marked [R] on the fact
-- sheet (reported, unconfirmed) are presented as reported.
--
-- The tutorial (tutorial.lua) covers the first night of the same attack in
-- detail. This scenario covers the fortnight, so actions take hours and
-- restoration phases take days.
--
-- How the model works, in brief:
--   * Containment needs three things: the internet edge cut, the Asia
--     offices isolated (at the switch, or powered down), and the links
--     between regions cut. Until then "attacker reach" grows every hour,
--     and at thresholds it encrypts more of the network.
--   * Restoring anything is safe only when the network is contained,
--     Active Directory has been rebuilt, and the attackers' way in has been
--     closed. Otherwise the restored systems are reinfected; a second
--     reinfection ends the session.
--   * Cargo operations track a target set by which systems are down and
--     what workarounds exist. Cost grows with lost operations.
--   * Endings other than "reinfected" are judged at the board review on
--     day 14. If nothing has been restored by then (or the network is not
--     even contained), the session runs out into the fallback ending.

local T = include("carrier_ransomware_texts.lua")
local N = include("carrier_ransomware_notes.lua")

local H = 3600        -- one hour in seconds (w.time is in seconds)
local D = 24 * H

-- ---------------------------------------------------------------------------
-- Scenario, meters, systems, teams
-- ---------------------------------------------------------------------------

scenario {
    id = "carrier_ransomware",
    title = "Dead in the Water",
    summary = "Fourteen days of a ransomware attack on a global container carrier, from the ransom note to the last restored portal.",
    based_on = "public reporting of the September 2020 ransomware attack on CMA CGM",
    start = "2020-09-27 22:00",
    length = "14d",
    rate = 300,
    difficulty = "hard",
    briefing = T.briefing,
    organisation = T.organisation,
    stakes = T.stakes,
    check = "5m",
}

meter { id = "spread", label = "Attacker reach", start = 20, min = 0, max = 100, good = "low",
        description = "How much of the network the attackers can reach. It grows every hour until the network is contained; at 100 everything reachable is encrypted. Rebuilding clean systems brings it down." }
meter { id = "ops", label = "Cargo operations", start = 95, min = 0, max = 100,
        description = "How much of the normal flow of bookings, documents and releases is getting through, by any means. Workarounds and manual work hold it up; dark systems drag it down." }
meter { id = "trust", label = "Customer trust", start = 70, min = 0, max = 100,
        description = "What customers, shippers' associations and partners think of how you are handling it. Good handling limits the loss; it does not bring customers back above where they started, and goodwill above 66 fades." }
meter { id = "exposure", label = "Data exposure", start = 25, min = 0, max = 100, good = "low",
        description = "How exposed customers and staff are through stolen data: leaks, phishing and fraud. It starts above zero because the attackers took data before anyone noticed." }
meter { id = "regulatory", label = "Regulatory standing", start = 70, min = 0, max = 100,
        description = "How the CNIL (France's data protection authority), US Customs, the US Federal Maritime Commission and Treasury see you." }
meter { id = "cost", label = "Cost (USD millions)", start = 0, min = 0, max = 500, good = "low",
        description = "Lost business, demurrage waivers, overtime, fees, and anything paid to the attackers. Grows with every day of lost operations." }
meter { id = "fatigue", label = "Staff fatigue", start = 10, min = 0, max = 100, good = "low",
        description = "How worn out the crisis teams are. Without a shift rota it only goes up. Tired people make mistakes and then go off sick." }
meter { id = "evidence", label = "Forensic evidence", start = 60, min = 0, max = 100,
        description = "What the investigators have to work with. Logs roll over and memory is lost when machines are powered down." }

system { id = "asia", label = "Asia office PCs and servers", status = "compromised",
         description = "Shanghai and the other Asia offices, where the ransom note appeared. The Australian branch reportedly too." }
system { id = "booking", label = "Booking portal", status = "online",
         description = "The web portal where customers place bookings." }
system { id = "ecommerce", label = "E-commerce", status = "online",
         description = "Tracking, route finder, quotes, rate look-ups and invoices on the web." }
system { id = "edi", label = "EDI gateway", status = "online",
         description = "Electronic data interchange: machine-to-machine bookings, shipping instructions and status messages with big customers, forwarders and terminals." }
system { id = "email", label = "Email", status = "online" }
system { id = "telephony", label = "Telephony", status = "online",
         description = "Switchboards, hotlines and desk phones. The French switchboard runs on the same domain as the PCs." }
system { id = "ad", label = "Active Directory", status = "online",
         description = "The directory behind every login: accounts, passwords, group policies. Whoever controls it controls the network." }
system { id = "backoffice", label = "Shared-services back office", status = "online",
         description = "The shared-services centres: documentation, invoicing, arrival notices, customs filings." }
system { id = "subsidiaries", label = "Subsidiary lines", status = "online",
         description = "Tasman Line, Boreal Feeder and Costeira, on the group network. (Alcyon Logistics runs separately and is not affected.)" }
system { id = "agencies", label = "Agency network", status = "online",
         description = "Local agencies and offices in 160 countries, which customers call when the portals are down." }
system { id = "backups", label = "Backups", status = "online",
         description = "Server backups and clean images. Online means reachable from the network, and so from the attackers." }

team { id = "exec", label = "Crisis cell (executives)", staff = 2 }
team { id = "it", label = "IT & security", staff = 6 }
team { id = "comms", label = "Communications", staff = 2 }
team { id = "legal", label = "Legal & compliance", staff = 2 }
team { id = "ops", label = "Operations & customer service", staff = 4 }

-- ---------------------------------------------------------------------------
-- References: every `ref` below names one of these
-- ---------------------------------------------------------------------------

reference { id = "portandterminal", title = "CMA CGM Under Cyber Attack — Ransomware",
            cite = "portandterminal.com, September 2020" }
reference { id = "freightwaves", title = "CMA CGM victim of cyberattack",
            cite = "FreightWaves (freightwaves.com), September 2020" }
reference { id = "securityaffairs", title = "…CMA CGM hit with ransomware",
            cite = "securityaffairs.com, 2020, citing Lloyd's List" }
reference { id = "cybeta", title = "The Fall of Another Maritime Giant",
            cite = "cybeta.com, 2020; also CIO Dive (ciodive.com)" }
reference { id = "maritimeexec", title = "CMA CGM Group Suspects Data Breach…",
            cite = "The Maritime Executive (maritime-executive.com), 2020" }
reference { id = "kiowa", title = "Lloyd's List reporting on the CMA CGM attack",
            cite = "kiowa.tech reprint of Lloyd's List, 2020" }
reference { id = "lemagit", title = "LeMagIT reporting on the CMA CGM attack",
            cite = "LeMagIT (lemagit.fr), September 2020: no phones in France on the Monday morning" }
reference { id = "krebsdaily", title = "Reporting on the CMA CGM attack and on CWT's payment to Ragnar Locker",
            cite = "krebsdaily.com, 2020" }
reference { id = "smartmaritime", title = "CMA CGM says comms are secure…",
            cite = "Smart Maritime Network (smartmaritimenetwork.com), 2020" }
reference { id = "ciodive", title = "CIO Dive coverage of the CMA CGM outage and booking workarounds",
            cite = "CIO Dive (ciodive.com), 2020" }
reference { id = "freshfruit", title = "CMA CGM suspects data breach…",
            cite = "freshfruitportal.com, 30 September 2020" }
reference { id = "m2shipping", title = "CMA CGM concedes data breach is likely…",
            cite = "m2shipping.com, 2020" }
reference { id = "cbp", title = "CSMS #44245522: CMA CGM IT Issues",
            cite = "US Customs and Border Protection, Cargo Systems Messaging Service, 2020" }
reference { id = "containernews", title = "IMO website back to normal while CMA CGM still tries to recover",
            cite = "container-news.com mirror, October 2020; also safetyatsea.net" }
reference { id = "smmbd", title = "CMA CGM Group restores e-commerce two weeks after cyber attack",
            cite = "The Maritime Executive, via smmbd.org, October 2020" }
reference { id = "marinelink", title = "CMA CGM Resumes Online Services…",
            cite = "Reuters via marinelink.com, 11 October 2020" }
reference { id = "trasportoeuropa", title = "CMA CGM esce dalla crisi…",
            cite = "trasportoeuropa.it, October 2020" }
reference { id = "tradewinds", title = "CMA CGM systems back in business…",
            cite = "TradeWinds, October 2020" }
reference { id = "ftalliance", title = "FTA and APSA on CMA CGM's fallback arrangements",
            cite = "Freight & Trade Alliance, advocacy item 1515, via The Loadstar (ftalliance.com.au), 2020" }
reference { id = "loadstar2021", title = "CMA CGM data hack leaves confused customers…",
            cite = "The Loadstar (theloadstar.com), 2021; also portnews.it, \"CMA CGM under hacker attack again\"" }
reference { id = "cisa", title = "Ransomware Response Checklist",
            cite = "CISA and MS-ISAC, Ransomware Guide, September 2020 (cisa.gov)" }
reference { id = "nist", title = "Computer Security Incident Handling Guide",
            cite = "NIST SP 800-61 Rev. 2, 2012: containment, eradication and recovery" }
reference { id = "gdpr", title = "GDPR Articles 33 and 34",
            cite = "Regulation (EU) 2016/679, Art. 33 (72-hour notification) and Art. 34 (informing data subjects)" }
reference { id = "wp250", title = "Guidelines on Personal data breach notification under Regulation 2016/679 (WP250rev.01)",
            cite = "Article 29 Working Party, revised 6 February 2018, endorsed by the EDPB: data encrypted by ransomware is a breach of availability; awareness starts the 72 hours" }
reference { id = "ofac", title = "Advisory on Potential Sanctions Risks for Facilitating Ransomware Payments",
            cite = "US Treasury, OFAC, 1 October 2020, as summarised by dwt.com and dlapiper.com" }
reference { id = "maersk", title = "The task was to speak with the customers",
            cite = "A.P. Moller-Maersk (maersk.com), on the 2017 NotPetya recovery" }
reference { id = "maersk_screens", title = "When the screens went black",
            cite = "A.P. Moller-Maersk (maersk.com), on the 2017 NotPetya recovery" }
reference { id = "safety4sea", title = "Maersk: When the screens went black",
            cite = "safety4sea.com, on Maersk's shift-based recovery work streams" }
reference { id = "redmondmag", title = "Reporting on Wired's \"The Untold Story of NotPetya\"",
            cite = "redmondmag.com, on the Maersk domain-controller recovery (reported, not confirmed by Maersk)" }
reference { id = "landlinemag", title = "Reporting on truck queues at Maersk's Elizabeth, NJ terminal, 2017",
            cite = "Land Line (landlinemag.com) and JOC (joc.com), 2017" }
reference { id = "transnet", title = "Reporting on Transnet's 2021 cyberattack and force majeure",
            cite = "timeslive.co.za and citizen.co.za, July–August 2021" }
reference { id = "expeditors", title = "Expeditors 10-Q, note on the cyber-attack",
            cite = "Expeditors International, SEC filing (sec.gov), 2022" }
reference { id = "toll", title = "Reporting on Toll Group's two ransomware attacks in 2020",
            cite = "ia.acs.org.au and thedcn.com.au, 2020" }
reference { id = "gcaptain", title = "Reporting on MSC's April 2020 malware incident",
            cite = "gCaptain (gcaptain.com) and globalcargoinsight.com, April 2020" }
reference { id = "imo_buzz", title = "UN Agency Hit With Cyberattack",
            cite = "informationsecuritybuzz.com, October 2020" }
reference { id = "offshore_energy", title = "IMO's website restored after cyber-attack",
            cite = "offshore-energy.biz, October 2020" }
reference { id = "bimco", title = "The Guidelines on Cyber Security Onboard Ships, version 4",
            cite = "BIMCO and industry partners: loss of IT is a business-continuity problem, loss of OT a safety problem" }


-- ---------------------------------------------------------------------------
-- Helpers shared by hooks
-- ---------------------------------------------------------------------------

local function add(w, id, delta)
    w.meter[id] = w.meter[id] + delta
end

local function truthy(x) return x and true or false end

local function is_one_of(status, list)
    for _, s in ipairs(list) do
        if status == s then return true end
    end
    return false
end

-- Sets a system's status unless it is in one of the protected states.
local function set_unless(w, id, status, keep)
    if not is_one_of(w.system[id].status, keep) then
        w.system[id].status = status
    end
end

local function phases(w) return w.flag.phases or 0 end

-- Containment needs three things at once: the internet edge cut, the Asia
-- offices isolated, and the links between regions cut.
local function update_containment(w)
    local was = w.flag.contained
    local now = truthy(w.flag.edge_cut and w.flag.wan_cut and w.flag.asia_isolated)
    w.flag.contained = now
    if now and not was then
        w.note(string.format("Contained at T+%dh: the attack stopped spreading.", w.time // H))
    end
end

-- Why a restore now would or would not hold.
local function restore_risk(w)
    if not w.flag.contained then return "open" end
    if not w.flag.ad_clean then return "ad" end
    if not w.flag.eradicated then return "entry" end
    return "clean"
end

local RISK_NOTE = {
    open = "the network was not contained",
    ad = "Active Directory still held the attackers' accounts",
    entry = "the way the attackers got in was still open",
    unimaged = "offices rejoined the network without being reimaged",
    clean = "one office's unchecked laptop carried the malware back in",
}

-- Something was restored while the attackers still had a way in. It breaks
-- containment (the reconnected segment bridges the regions again) and the
-- attackers take Active Directory back. The second time ends the session.
local function reinfect(w, what, risk)
    w.flag.reinfections = (w.flag.reinfections or 0) + 1
    w.flag.wan_cut = false
    w.flag.ad_clean = false
    set_unless(w, "ad", "compromised", { "encrypted" })
    update_containment(w)
    add(w, "spread", 12)
    add(w, "trust", -6)
    add(w, "cost", 6)
    add(w, "ops", -6)
    w.note(what .. " came back encrypted: " .. (RISK_NOTE[risk] or "the attackers still had a way in") .. ".")
    w.fire("reinfection")
end

-- The GDPR's 72 hours run from awareness of a personal-data breach, and
-- ransomware that encrypts personal data is one (a breach of availability,
-- WP250rev.01), whatever is later shown about theft. Here awareness is the
-- ransom note at T+0, which also claims the data was stolen.
local function gdpr_aware(w)
    w.flag.aware_at = w.time
    w.after(48 * H, function(w2) w2.flag.gdpr_48h = true end) -- for the DPO's reminder
    w.after(72 * H, function(w2)
        if w2.done("notify_dpa") == 0 then w2.fire("dpa_letter") end
    end)
end

-- Whether the first notice reached the CNIL within 72 hours of awareness.
local function dpa_in_time(w)
    return w.flag.dpa_at ~= nil and w.flag.aware_at ~= nil and w.flag.dpa_at - w.flag.aware_at <= 72 * H
end

-- The organisation learns that personal data was probably taken: the
-- breach-notice decision opens, and any notice must now cover the theft.
local function breach_known(w, how)
    if w.flag.breach_known then return end
    w.flag.breach_known = true
    w.flag.breach_at = w.time
    if w.flag.dpa_at then
        w.note("Data theft suspected at T+" .. (w.time // H) .. "h (" .. how .. "). The CNIL already has the first notice; the theft goes in a follow-up.")
    else
        w.note("Data theft suspected at T+" .. (w.time // H) .. "h (" .. how .. "). The notice to the CNIL must now cover stolen data as well as encrypted data.")
    end
    w.open("breach_notice")
    if w.chosen("first_statement") == "it_issue" and not w.flag.corrected then
        add(w, "trust", -5)
        w.note("The \"IT issue\" has become a suspected data breach. Customers notice the change of story.")
    end
end

-- A public denial of the breach meets the stolen data: whichever way the
-- data comes out (a leak site, an extortionist's sample), paid or not.
local function expose_denial(w, how)
    if w.chosen("breach_notice") ~= "deny" or w.flag.denial_exposed then return end
    w.flag.denial_exposed = true
    add(w, "trust", -15)
    add(w, "regulatory", -10)
    w.note("Alcyon had said no customer data was affected. " .. how .. " showed otherwise.")
    w.fire("denial_exposed")
end

-- Paying, by either decision. The decryptor comes, and so does the rest.
local function pay(w, millions)
    w.flag.paid = true
    w.flag.talking = false
    add(w, "cost", millions)
    w.note(string.format("Paid the attackers USD %d million in bitcoin.", millions))
    w.after("1h", function(w2) w2.fire("payment_confirmed") end)
    w.after("12h", function(w2) w2.fire("decryptor_arrives") end)
    w.after("8d", function(w2) w2.fire("reextortion") end)
    if w.fired("ofac_advisory") > 0 then
        add(w, "regulatory", -15)
        w.note("Paid after Treasury's advisory on sanctions risk, with counsel's warning on file.")
        w.after("2d", function(w2) w2.fire("treasury_letter") end)
    end
end

-- The attackers publish samples of the stolen data.
local function leak(w)
    w.fire("leak_sample")
end

-- The four restoration phases, in order.
local PHASES = {
    { label = "The reconnected back office", inject = "backoffice_back",
      systems = { "backoffice", "email", "edi", "telephony" } },
    { label = "The reconnected subsidiary lines", inject = "subsidiaries_back",
      systems = { "subsidiaries" } },
    { label = "The reconnected agencies", inject = "agencies_back",
      systems = { "agencies", "asia" } },
    { label = "The reopened e-commerce platform", inject = "ecommerce_back",
      systems = { "booking", "ecommerce" } },
}

local function start_phase(w, n)
    for _, id in ipairs(PHASES[n].systems) do
        set_unless(w, id, "restoring", { "online" })
    end
end

local function finish_phase(w, n)
    local p = PHASES[n]
    if phases(w) >= n then
        -- Meanwhile the regions reconnected everything at once.
        for _, id in ipairs(p.systems) do w.system[id].status = "online" end
        return
    end
    local risk = restore_risk(w)
    local hit = risk == "open" or risk == "ad"
    if risk == "entry" and w.random(1, 100) <= 40 then hit = true end
    if hit then
        for _, id in ipairs(p.systems) do
            set_unless(w, id, "encrypted", { "online" })
        end
        reinfect(w, p.label, risk)
        return
    end
    for _, id in ipairs(p.systems) do
        w.system[id].status = "online"
    end
    w.flag.phases = n
    add(w, "spread", -8)
    add(w, "trust", 2)
    if w.system.backups.status == "encrypted" and not w.flag.decrypted then
        add(w, "cost", 6)
        w.note("With the backups encrypted, days of records were retyped from paper and email.")
    end
    if risk == "entry" then
        w.note(p.label .. " held, although the attackers' way in was never closed. Lucky.")
    end
    w.fire(p.inject)
end

-- Reconnecting everything at once (the regions' wish). Safe only when the
-- network is clean and the offices have been reimaged, and even then an
-- unchecked laptop can slip through: `odds` is that chance, in percent.
local function reconnect_all(w, odds, label)
    if phases(w) >= 3 then
        w.note("The offices were already reconnected; nothing changed.")
        return
    end
    local risk = restore_risk(w)
    local hit
    if risk == "open" or risk == "ad" then
        hit = true
    elseif risk == "entry" then
        hit = w.random(1, 100) <= 60
    else
        hit = w.random(1, 100) <= odds
    end
    if not hit and w.done("golden_image") == 0 then
        hit, risk = true, "unimaged"
    end
    if hit then
        for _, id in ipairs({ "backoffice", "subsidiaries", "agencies", "asia" }) do
            set_unless(w, id, "encrypted", { "online" })
        end
        reinfect(w, label, risk)
        return
    end
    for n = phases(w) + 1, 3 do
        for _, id in ipairs(PHASES[n].systems) do
            w.system[id].status = "online"
        end
    end
    w.flag.phases = 3
    w.note("Every office reconnected at once, and nothing came back with them. It was a gamble.")
end

-- Where cargo operations are heading, given what is down and what is
-- being done about it. The meter moves part of the way there every 4 hours.
local function ops_target(w)
    local s = w.system
    local wk = w.done("announce_workarounds") > 0
    local pen = 0
    if s.booking.status ~= "online" then pen = pen + (wk and 6 or 14) end
    if s.ecommerce.status ~= "online" then pen = pen + (wk and 4 or 8) end
    local st = s.edi.status
    if st == "degraded" then pen = pen + 4 elseif st ~= "online" then pen = pen + 12 end
    st = s.email.status
    if st == "degraded" then pen = pen + 2 elseif st ~= "online" then pen = pen + 8 end
    if s.telephony.status ~= "online" then pen = pen + (w.done("hotline") > 0 and 2 or 6) end
    st = s.backoffice.status
    if st == "encrypted" then pen = pen + 20 elseif st ~= "online" then pen = pen + 14 end
    if s.subsidiaries.status ~= "online" then pen = pen + 8 end
    if s.agencies.status ~= "online" then pen = pen + 14 end
    if s.asia.status ~= "online" then pen = pen + 4 end
    -- The rush to ship before Golden Week (Tue 08:00 to Wed 18:00 CEST).
    if w.time >= 34 * H and w.time < 68 * H then
        pen = pen + ((w.flag.surge_ok or w.running("manual_ops")) and 5 or 10)
    end
    -- The restart after Golden Week, for anyone still without e-commerce.
    if w.time >= 11 * D + 10 * H and s.ecommerce.status ~= "online" then pen = pen + 8 end
    if w.running("manual_ops") then pen = pen - 12 end
    if w.done("priority_cargo") > 0 then pen = pen - 4 end
    if w.done("cbp_liaison") > 0 then pen = pen - 3 end
    if w.done("manual_notices") > 0 then pen = pen - 4 end
    if w.meter.fatigue >= 70 then pen = pen + 8 end
    if pen < 0 then pen = 0 end
    local t = 100 - (pen * 3) // 4
    if t < 10 then t = 10 end
    return t
end

-- Busy share of all staff, for fatigue.
local TEAMS = { "exec", "it", "comms", "legal", "ops" }
local function busy_share(w)
    local busy, total = 0, 0
    for _, id in ipairs(TEAMS) do
        local t = w.team[id]
        total = total + t.staff
        busy = busy + (t.staff - t.free)
    end
    -- The standing daily update holds a person, but writing it is an hour
    -- or two a day: it tires like a tenth of a person, not a whole one.
    if w.running("announce_schedule") then busy = busy - 0.9 end
    if total == 0 then return 0 end
    return busy / total
end

local function first_line_said(w)
    local c = w.chosen("first_statement")
    return c ~= nil
end

-- ---------------------------------------------------------------------------
-- Injects: the first night and Monday
-- ---------------------------------------------------------------------------

inject { id = "ransom_note", at = "0m", channel = "phone", from = "Wei Lin, Shanghai night-shift lead",
         title = "Shanghai: a ransom note on every screen",
         body = [[04:00 in Shanghai. Wei Lin is calling the head office duty number from her mobile.

"Every PC in the office shows the same note. Our files are encrypted, our data is stolen, and we must open a live chat within two days for a 'special price'. They will decrypt two files free as proof. There is no amount. Some of the file servers show it too. People are asking whether to pull the plugs."

(Press reports say CMA CGM's ransom note read like this: a live chat within two days, a "special price", two files as proof, a claim of stolen data, no amount.)]],
         source = "fact", ref = "portandterminal",
         facilitator = N.ransom_note,
         discuss = { "Who do you call first, and on what phone?",
                     "Should Shanghai pull the plugs? What would be lost?" },
         effect = function(w)
             w.system.asia.status = "encrypted"
             w.flag.attack_known = true
             gdpr_aware(w)
             -- the "special price" lapses in two days (an event, so that
             -- no condition has to watch the clock)
             w.after(2 * D, function(w2) w2.flag.price_lapsed = true end)
             w.after(12 * H, function(w2) w2.flag.night_over = true end) -- for "it_saturated"
         end }

inject { id = "it_saturated",
         when = function(w)
             return w.fired("ransom_note") > 0 and not w.flag.night_over and w.team.it.free == 0
         end,
         channel = "internal", from = "Marc Aubert, head of IT operations",
         title = "IT: \"All six of us are on something\"",
         body = [[Every IT engineer is busy. Nothing else that needs IT can start until somebody finishes.

The incident-response firm on retainer can send four people, but they need about twelve hours to get here. Or choose carefully what IT does next.]],
         source = "fiction",
         discuss = { "Which of IT's jobs cannot wait for the responders to arrive?" } }

inject { id = "peripheral_servers", at = "3h", channel = "internal", from = "Marc Aubert, head of IT operations",
         title = "Encryption on peripheral servers in Asia-Pacific",
         body = [[01:00. The encryption has reached peripheral servers in Asia-Pacific: file and print servers, a reporting server and two web front ends. Sydney has phoned in the same ransom note.

(CMA CGM said the attack hit "peripheral servers". Its Australian branch was reportedly hit too.)]],
         source = "fact", ref = "freightwaves",
         facilitator = N.peripheral_servers,
         discuss = { "What does 'peripheral' tell you about where the attackers are heading?" },
         effect = function(w)
             if not w.flag.edge_cut then add(w, "spread", 3) end
         end }

inject { id = "portals_dark", when = function(w) return w.system.booking.status ~= "online" end,
         channel = "email", from = "Anke Vogt, customer service, Hamburg",
         title = "Customers: \"Your booking site is down\"",
         body = [[Customers in Asia and Australia, and now the early shift in Europe, cannot reach the booking portal or track their boxes. The agencies are getting the calls and have nothing to tell them. What do we say?

(CMA CGM's group sites went down on Monday morning, and customers were sent to their local agencies.)]],
         source = "fact", ref = "cybeta",
         facilitator = N.portals_dark,
         discuss = { "What will customers think when they learn the truth later?" },
         effect = function(w) w.open("first_statement") end }

inject { id = "switchboard_dead", at = "9h", channel = "phone", from = "Claire Morel, facilities, head office",
         facilitator = N.switchboard_dead,
         title = "France: no phones",
         body = [[07:00, Monday. Staff arriving at head office find the desk phones dead. The switchboard runs on servers in the same domain as the PCs, and it is down. Customers calling the French numbers hear nothing at all.

(The French IT news site LeMagIT reported that CMA CGM had no phones in France on the Monday morning. Lloyd's List reported that European staff were told not to use company IT.)]],
         source = "fact", ref = "lemagit",
         discuss = { "How do customers reach you now? How does the crisis cell reach its own people?" },
         effect = function(w)
             set_unless(w, "telephony", "offline", { "encrypted" })
         end }

inject { id = "linkedin_leak", at = "10h", channel = "social", from = "LinkedIn",
         title = "The ransom note is on LinkedIn",
         body = [[08:00. A photo of the Shanghai ransom note is going round LinkedIn, with the Alcyon logo visible in the taskbar. Freight forwarders in the comments ask whether their data is safe, and what Alcyon is not telling them.

(A screenshot of CMA CGM's ransom note reportedly circulated the same way.)]],
         source = "fact", ref = "freightwaves",
         facilitator = N.linkedin_leak,
         discuss = { "Does this match what you have told customers?" },
         effect = function(w)
             local said = w.chosen("first_statement")
             if said == "it_issue" then
                 add(w, "trust", -15)
                 w.note("The \"IT issue\" advisory now sits next to a ransom note. It reads as a cover-up.")
             elseif said == "cyberattack" then
                 add(w, "trust", -2)
             else
                 add(w, "trust", -10)
                 w.flag.linkedin_first = true -- for the endings' findings
                 w.note("Customers learned about the attack from LinkedIn, not from Alcyon.")
             end
             w.open("first_statement")
             w.after("1h", function(w2) w2.fire("lloyds_query") end)
         end }

inject { id = "lloyds_query", channel = "news", from = "Trade journalist, Lloyd's List",
         title = "Lloyd's List: \"Is it Ragnar Locker?\"",
         body = [[A Lloyd's List reporter has seen the photo. She asks whether this is the Ragnar Locker ransomware, whether customer data was taken, and why the website says what it says. Her deadline is noon.

(Lloyd's List reported that the CMA CGM attack was Ragnar Locker and that the company confirmed it. CMA CGM's own statements never named it.)]],
         source = "fact", ref = "securityaffairs",
         facilitator = N.lloyds_query,
         discuss = { "What can you confirm today without guessing?" },
         effect = function(w)
             if w.chosen("first_statement") == "cyberattack" then
                 w.note("Alcyon had already said \"cyberattack\", so the story was about the response, not a cover-up.")
             else
                 add(w, "trust", -5)
             end
         end }

inject { id = "cbp_relief", at = "14h", channel = "regulator", from = "US Customs and Border Protection",
         title = "US Customs suspends the 24-hour rule for Alcyon",
         body = [[CBP's Cargo Systems Messaging Service announces that, while Alcyon's systems are down, it will not enforce the 24-hour rule or the related ISF penalties for Alcyon sailings, "effective September 27, 2020 at 2200 hrs". Alcyon's US customs team suggests naming one liaison, so that officers at the ports have somebody to call about the boxes the relief covers.

The 24-hour rule: a carrier must file its cargo manifest with CBP 24 hours before US-bound containers are loaded at the foreign port. ISF, the Importer Security Filing, is the importer's matching declaration.

(CBP granted CMA CGM this relief in 2020, in CSMS message #44245522, "effective September 27, 2020 at 2200 hrs", with no time zone given. CBP asked for no liaison: that part is invented for the exercise.)]],
         source = "fact", ref = "cbp",
         facilitator = N.cbp_relief,
         discuss = { "Who in your organisation should CBP call, and what will they need from them?" },
         effect = function(w)
             w.after("1d", function(w2)
                 if w2.done("cbp_liaison") == 0 then w2.fire("cbp_warning") end
             end)
         end }

inject { id = "cbp_warning", channel = "regulator", from = "US Customs and Border Protection, port of Long Beach",
         title = "CBP: \"Who is your liaison?\"",
         body = [[CBP has had no contact from Alcyon since the relief notice. Officers at Long Beach and Newark are holding boxes whose paperwork nobody can explain, and they are asking whether the relief should continue.]],
         source = "fiction",
         discuss = { "What did the relief depend on?" },
         effect = function(w)
             add(w, "regulatory", -10)
             add(w, "ops", -4)
             w.note("Nobody was named as liaison to US Customs. US-bound boxes were held.")
         end }

inject { id = "ad_warning",
         when = function(w) return w.flag.contained and not w.flag.ad_clean and (w.flag.reinfections or 0) == 0 end,
         channel = "internal", from = "Marc Aubert, head of IT operations",
         title = "IT: \"Contained. Now, before anything comes back…\"",
         body = [[The containment is holding: nothing new is encrypting. But the attackers used a domain administrator account, and nobody knows yet how they got in. The regions are already asking when they can have their networks back.

Marc wants the crisis cell to say what has to be true before anything is reconnected.]],
         source = "fiction",
         facilitator = N.ad_warning,
         discuss = { "What would you restore first, and what has to be true before you do?" },
         effect = function(w)
             if w.system.ad.status == "online" then w.system.ad.status = "compromised" end
         end }

-- ---------------------------------------------------------------------------
-- Injects: the spread, if nobody contains it
-- ---------------------------------------------------------------------------

inject { id = "servers_encrypting", when = function(w) return w.meter.spread >= 40 end,
         channel = "internal", from = "Marc Aubert, head of IT operations",
         title = "The encryption has reached the data centre",
         body = [[Shared-services servers in the European data centre are filling with renamed files. The booking portal and e-commerce run on the same back end, and they are throwing errors. EDI messages are piling up unprocessed.]],
         source = "fiction",
         discuss = { "What is still reachable from the infected machines?" },
         effect = function(w)
             set_unless(w, "backoffice", "encrypted", { "isolated", "offline", "restoring" })
             set_unless(w, "edi", "compromised", { "isolated", "offline", "encrypted", "restoring" })
             set_unless(w, "booking", "degraded", { "offline", "encrypted", "restoring" })
             set_unless(w, "ecommerce", "degraded", { "offline", "encrypted", "restoring" })
             add(w, "cost", 4)
         end }

inject { id = "ad_encrypting", when = function(w) return w.meter.spread >= 60 end,
         facilitator = N.ad_encrypting,
         channel = "internal", from = "Marc Aubert, head of IT operations",
         title = "Domain controllers are going down",
         body = [[The domain controllers are encrypting, one region after another. Nobody can log in. Email has stopped, and the phone systems that depend on the domain are failing with it.

(In 2017 NotPetya reportedly wiped almost all of Maersk's domain controllers, about 150 of them. That is Wired's account, as reported by Redmond magazine; Maersk has not confirmed the details.)]],
         source = "analogy", ref = "redmondmag",
         discuss = { "Without Active Directory, how does anyone log in to fix anything?" },
         effect = function(w)
             w.system.ad.status = "encrypted"
             set_unless(w, "email", "encrypted", { "isolated", "offline", "restoring" })
             set_unless(w, "telephony", "offline", { "encrypted" })
             add(w, "cost", 4)
             add(w, "exposure", 5)
         end }

inject { id = "backups_hit",
         facilitator = N.backups_hit,
         when = function(w) return w.meter.spread >= 75 and w.system.backups.status == "online" end,
         channel = "internal", from = "Backup administrator, Paris data centre",
         title = "The backups are being deleted",
         body = [[The backup console shows its catalogue being deleted and the backup volumes encrypting. Shadow copies on the servers are gone as well.

(CMA CGM never said its backups were hit; this is invented. CISA's ransomware guide of September 2020 advises keeping backups offline, because many ransomware variants look for backups they can reach and delete them.)]],
         source = "fiction",
         discuss = { "What can you restore from now?" },
         effect = function(w)
             w.system.backups.status = "encrypted"
             w.note("The backups were encrypted. Nobody had checked them or taken them offline.")
         end }

inject { id = "total_encryption", when = function(w) return w.meter.spread >= 100 end,
         channel = "internal", from = "Marc Aubert, head of IT operations",
         title = "Everything reachable is encrypted",
         body = [[The attackers have reached everything they could reach. Every server, portal and office network that was still connected is encrypted. Staff are working from personal phones and Gmail.]],
         source = "fiction",
         discuss = { "What do you rebuild first, and from what?" },
         effect = function(w)
             for _, id in ipairs({ "booking", "ecommerce", "edi", "email", "backoffice",
                                   "subsidiaries", "agencies" }) do
                 set_unless(w, id, "encrypted", { "isolated", "offline", "restoring" })
             end
             set_unless(w, "telephony", "offline", { "encrypted" })
             w.system.ad.status = "encrypted"
             add(w, "cost", 10)
             add(w, "trust", -6)
             add(w, "exposure", 10)
             if w.system.backups.status == "encrypted" then
                 w.after("1d", function(w2) w2.fire("offline_dc") end)
             end
         end }

inject { id = "offline_dc", channel = "phone", from = "IT technician, Nouméa office",
         title = "Nouméa: \"Our domain controller was switched off\"",
         body = [[A technician in the Nouméa office calls. A power cut on Sunday took their small server room down before the attack reached it, and nobody has switched it back on. Their domain controller holds a full copy of Active Directory from before the attack.

It is the only clean copy you have. Rebuilding from it will be slow and must be done carefully.

(Wired reported that Maersk's 2017 recovery depended on a single domain controller in Ghana that had been offline during a power cut. Maersk has not confirmed the details.)]],
         source = "analogy", ref = "redmondmag",
         facilitator = N.offline_dc,
         discuss = { "How do you get a copy of it to head office safely?" } }

inject { id = "reinfection", channel = "internal", from = "Marc Aubert, head of IT operations",
         title = "The restored systems are encrypting again",
         body = [[Within hours of coming back, the restored systems show the ransom note again. The attackers still had a way in. The restore work is lost, and the network is no longer contained.

Stop every restore that is still running: anything reconnected now will be encrypted too.]],
         source = "fiction", repeatable = true,
         discuss = { "What had to be true before anything was restored?",
                     "Who pushed for the early restore, and why?" } }

-- ---------------------------------------------------------------------------
-- Injects: the attackers and the data
-- ---------------------------------------------------------------------------

inject { id = "proof_files", channel = "email", from = "Live chat, attackers' portal",
         title = "The attackers send a file listing",
         body = [[As proof, the attackers post a listing of the data they say they took: about 200 GB from shared drives in Asia and Europe, including customer contact lists, booking records and HR spreadsheets. Two files are decrypted free, as promised.

(The note reportedly promised two files decrypted free and claimed data had been stolen.)]],
         source = "fact", ref = "portandterminal",
         facilitator = N.proof_files,
         discuss = { "The GDPR clock started with the note. What does this listing add to the notice to the CNIL, and who tells the staff in those HR files?" },
         effect = function(w) breach_known(w, "the attackers' file listing") end }

inject { id = "exfil_signs", channel = "email", from = "Incident-response lead",
         title = "Forensics: data was taken before the encryption",
         body = [[The memory and disk images show archiving tools on a Shanghai file server and large uploads to an unknown server in the days before the encryption. Customer contact lists and staff records were on those shares.

The GDPR's 72 hours to notify the CNIL, France's data protection authority, started with the ransom note: personal data encrypted by ransomware is already a breach. The theft goes into the notice, or into a follow-up if a first notice has gone; the first notice can be incomplete.

(CMA CGM said on Wednesday 30 September 2020, two days after it confirmed the attack, that it suspected a data breach.)]],
         source = "fact", ref = "freshfruit",
         facilitator = N.exfil_signs,
         discuss = { "What can you tell the CNIL today, and what will you say you do not know yet?" },
         effect = function(w) breach_known(w, "the forensic images") end }

inject { id = "special_price_expires", when = function(w) return w.flag.price_lapsed and not w.flag.paid end,
         channel = "email", from = "Live chat, attackers' portal",
         title = "The \"special price\" has expired",
         body = [[Tuesday 22:00: the two days are up. A message on the attackers' portal: the special price has expired, and the data will start to appear online unless Alcyon "returns to the table".

(CMA CGM's ransom note reportedly gave two days for a "special price" and claimed that data had been stolen.)]],
         source = "fact", ref = "freightwaves",
         facilitator = N.special_price_expires,
         discuss = { "Does their deadline change anything you had decided?" },
         effect = function(w)
             if w.done("oob_comms") == 0 and not w.flag.ad_clean then
                 w.fire("mail_snooping")
             end
             if w.flag.talking then
                 w.note("The chat stayed open. The price doubled to USD 10 million.")
             else
                 w.after("12h", function(w2) leak(w2) end)
             end
         end }

inject { id = "payment_confirmed", channel = "email", from = "Live chat, attackers' portal",
         title = "The attackers confirm the payment",
         body = [[The attackers confirm that the bitcoin has arrived. They promise to delete the stolen data, to send the decryptor within a day, and to "give a security report" on how they got in. There is no way to check any of it.]],
         source = "fiction",
         discuss = { "What would you accept as proof that the data was deleted?" } }

inject { id = "mail_snooping", channel = "email", from = "Live chat, attackers' portal",
         title = "The attackers quote your crisis emails",
         body = [[The attackers' message quotes, word for word, an email the crisis cell sent on Monday about the backups. They have been reading corporate email all along, through the administrator accounts they hold.

Whatever the crisis cell says on corporate email or Teams, the attackers can read.]],
         source = "fiction",
         discuss = { "Which of your plans do they now know?" },
         effect = function(w)
             add(w, "exposure", 5)
             w.note("The crisis cell coordinated on corporate email that the attackers could read.")
         end }

inject { id = "leak_sample", channel = "news", from = "Trade journalist, Lloyd's List",
         title = "Alcyon files appear on a leak site",
         body = [[The attackers' leak site lists Alcyon. The sample is real: a customer contact list from the Shanghai sales office, scanned bills of lading and an HR spreadsheet. Journalists are asking for comment.

(CMA CGM's stolen data was never reported published. Toll Group refused to pay when it was hit for the second time in 2020, in May, and data stolen from it was published.)]],
         source = "analogy", ref = "toll",
         facilitator = N.leak_sample,
         discuss = { "Who needs to hear from you before they read this in the press?" },
         effect = function(w)
             local cut = 0
             if w.done("warn_customers") > 0 then cut = cut + 7 end
             if w.chosen("breach_notice") == "tell_now" then cut = cut + 3 end
             add(w, "exposure", 25 - cut)
             add(w, "trust", -4)
             local said = w.chosen("breach_notice")
             if said == "deny" then
                 expose_denial(w, "The leak site")
             elseif said ~= "tell_now" then
                 add(w, "trust", -6)
                 w.note("Customers learned from a leak site that their data had been taken.")
             end
             breach_known(w, "the leak site")
         end }

inject { id = "decryptor_arrives", channel = "email", from = "Live chat, attackers' portal",
         title = "The decryptor has arrived",
         body = [[After the payment cleared, the attackers sent a decryption tool and a key file. On a test server it works, at about 40 GB an hour, and it stops on large database files. Running it means bringing encrypted servers back onto the network.]],
         source = "fiction",
         discuss = { "Is the network ready for anything to come back onto it?" } }

inject { id = "reextortion", channel = "email", from = "Unknown sender",
         title = "\"We still have your customers\"",
         body = [[A message from a new address to the chief executive and three board members: the sender still has Alcyon's customer records, and publication will follow unless a second payment is made. The attached sample is from the stolen set.

(CMA CGM disclosed no payment in 2020. In 2021, after a separate leak through one of its web interfaces, hackers reportedly claimed to hold up to 500,000 CMA CGM customer records and demanded a ransom; CMA CGM reportedly refused to negotiate. Stolen data can come back long after the attack that took it.)]],
         source = "analogy", ref = "loadstar2021",
         facilitator = N.reextortion,
         discuss = { "What did the first payment buy?" },
         effect = function(w)
             add(w, "exposure", 25)
             add(w, "trust", -6)
             w.note("Payment bought a promise to delete the data. The data came back anyway.")
             -- the sender copies the sample to the trade press
             expose_denial(w, "The sample the extortionist sent to the board, and to a trade journalist,")
         end }

inject { id = "denial_exposed", channel = "news", from = "Trade journalist, Lloyd's List",
         title = "\"Your statement said no customer data was affected\"",
         body = [[A reporter has a file from Alcyon's customer records in front of her, sent to her by the attackers. Alcyon's statement said no customer data was affected. Does Alcyon stand by it?

Customers whose names are in the file are already calling their agencies.]],
         source = "fiction",
         discuss = { "What should the statement have said, with what you knew then?",
                     "Who has to hear the correction first: customers, staff or the CNIL?" },
         facilitator = { hint = "Ask what Alcyon knew when it said no data was affected: the ransom note claimed theft on the first night.",
                         good = "The room corrects the statement at once and plainly, tells the affected customers and the CNIL, and does not argue about wording.",
                         expected = "Withdraw the denial publicly, today; warn the customers named in the file about phishing; update the CNIL, whose notice (or its absence) now contradicts the press." } }

inject { id = "dpa_letter", channel = "regulator", from = "CNIL, the French data protection authority",
         title = "The CNIL writes",
         body = [[The CNIL, France's data protection authority and Alcyon's lead authority in the EU, has read about the attack in the press. Files holding personal data were encrypted, and the attackers claim to have stolen them. It asks why no breach notification has arrived within 72 hours of Alcyon becoming aware of the attack, and it wants a full account within a week.]],
         source = "fiction",
         discuss = { "What could you have sent on the first day, even without the full picture?" },
         effect = function(w)
             add(w, "regulatory", -20)
             w.note("The 72-hour GDPR deadline passed without a notification.")
             w.after("7d", function(w2)
                 if w2.done("notify_dpa") == 0 then
                     add(w2, "regulatory", -10)
                     w2.note("A week after its letter, the CNIL still had no notice from Alcyon, and opened an investigation.")
                 end
             end)
         end }

inject { id = "gdpr_reminder",
         when = function(w)
             return w.flag.gdpr_48h and w.done("notify_dpa") == 0 and not w.running("notify_dpa")
         end,
         channel = "internal", from = "Data protection officer",
         title = "DPO: \"24 hours left on the GDPR clock\"",
         body = [[48 of the 72 hours since the ransom note have gone. Files holding personal data were encrypted that night, and that alone is a breach the CNIL must hear about. A first notice can be short: what happened, what data may be involved, what you are doing, and when you will say more. GDPR Article 33 allows the details to follow in phases.]],
         source = "fact", ref = "gdpr",
         facilitator = N.gdpr_reminder,
         discuss = { "What is stopping the notice?" } }

-- ---------------------------------------------------------------------------
-- Injects: the first week
-- ---------------------------------------------------------------------------

inject { id = "golden_week_rush", at = "1d10h", channel = "phone", from = "Asia sales director, Shanghai",
         title = "Shanghai sales: \"Golden Week starts Thursday\"",
         body = [[Tuesday morning. Golden Week, China's national holiday, starts on Thursday, and factories close for a week. Every exporter wants boxes on ships before then. Bookings Alcyon cannot take today will go to other carriers.

(TradeWinds reported that the CMA CGM outage hit during the rush to ship before Golden Week.)]],
         source = "fact", ref = "tradewinds",
         facilitator = N.golden_week_rush,
         discuss = { "What is the real risk of reopening anything this week?" },
         effect = function(w) w.open("surge") end }

inject { id = "imo_down", at = "2d18h", channel = "news", from = "Shipping news wire",
         title = "The IMO reports \"technical issues\"",
         body = [[Wednesday afternoon: the International Maritime Organization says its website is down because of "technical issues". Reporters are asking whether the two incidents are connected.

(On 30 September 2020 the IMO first tweeted about "technical issues" and confirmed a cyberattack the next day.)]],
         source = "fact", ref = "imo_buzz",
         facilitator = N.imo_down,
         discuss = { "What do you say if asked about a connection you know nothing about?" } }

inject { id = "shippers_complain", at = "3d12h", channel = "news", from = "Australian shippers' associations",
         title = "Shippers: \"Nobody answers your phones\"",
         body = [[Two Australian shippers' associations have gone public. Their members say the fallback does not work: calls go unanswered, the 1800 number's voicemail is full, and delivery orders are days late. They want compensation.

(The Freight & Trade Alliance and APSA reportedly made these complaints about CMA CGM's fallback in 2020.)]],
         source = "fact", ref = "ftalliance",
         facilitator = N.shippers_complain,
         discuss = { "Which of their complaints can you fix this week?" },
         effect = function(w)
             local hit = 10
             if w.done("hotline") > 0 then hit = hit - 4 end
             if w.done("announce_workarounds") > 0 then hit = hit - 3 end
             add(w, "trust", -hit)
         end }

inject { id = "ofac_advisory", at = "3d17h", channel = "regulator", from = "General counsel",
         title = "Treasury: paying ransoms can break sanctions",
         body = [[Counsel forwards an advisory published today by the US Treasury's Office of Foreign Assets Control (OFAC). Paying a ransom to a sanctioned person or group is a violation under strict liability: not knowing who they were is no defence. Prompt reporting to and cooperation with law enforcement count in mitigation.

Nobody knows who is behind the chat.]],
         source = "fact", ref = "ofac",
         facilitator = N.ofac_advisory,
         discuss = { "Who in the room would sign a payment now?" },
         effect = function(w)
             if w.flag.paid then
                 add(w, "regulatory", -15)
                 w.note("The payment was made before Treasury's advisory, but the liability is strict.")
                 w.after("2d", function(w2) w2.fire("treasury_letter") end)
             elseif w.flag.talking then
                 w.open("final_demand")
             end
         end }

inject { id = "treasury_letter", channel = "regulator", from = "US Treasury, OFAC",
         title = "OFAC asks about a payment",
         body = [[A letter from OFAC. Blockchain analysts have linked a wallet that received Alcyon's payment to a group under sanctions review. OFAC requests all records of the payment, the chat, and any law-enforcement contact.]],
         source = "fiction",
         discuss = { "What records do you have of why you paid?" },
         effect = function(w)
             local hit = 15
             if w.done("report_police") > 0 then hit = 8 end
             add(w, "regulatory", -hit)
             add(w, "cost", 3)
             w.note("OFAC opened an inquiry into the payment.")
         end }

inject { id = "arrival_notices", at = "4d10h", channel = "email", from = "Head of US imports, New Jersey",
         title = "Arrival notices are late; demurrage is building",
         body = [[Friday. For four days the back office sent no arrival notices, the messages that tell consignees their cargo has arrived and what they owe. Consignees did not know to collect, and their free time at the terminals is running out. From now on each box left there incurs demurrage: a daily charge for a container kept at the terminal past its free time.

(Expeditors put the net cost of its 2022 cyberattack at USD 60 million, most of it demurrage.)]],
         source = "analogy", ref = "expeditors",
         facilitator = N.arrival_notices,
         discuss = { "Who should pay for boxes that could not be collected because of your outage?" },
         effect = function(w)
             if w.system.backoffice.status ~= "online" and w.done("manual_notices") == 0 then
                 add(w, "cost", 4)
             end
             w.open("demurrage")
         end }

inject { id = "regions_push", at = "5d10h", channel = "phone", from = "Regional managing directors",
         title = "The regions want their networks back",
         body = [[Saturday 3 October. The managing directors for Asia, Northern Europe and the Americas are on a call together. Their offices have been on paper for five days. They want their networks reconnected this weekend, and Asia says it is "clean enough".

IT reminds the call of Maersk in 2017: it rebuilt its network and sent a clean image for about 50,000 PCs to its offices on USB sticks before it let them back on.]],
         source = "analogy", ref = "maersk_screens",
         facilitator = N.regions_push,
         discuss = { "What would you need to know before reconnecting anything?" },
         effect = function(w) w.open("reconnect") end }

inject { id = "payment_rumour", at = "6d12h", channel = "news", from = "Trade journalist, Lloyd's List",
         title = "Lloyd's List: \"Did Alcyon pay?\"",
         body = [[A reporter says a blockchain analyst has traced a large bitcoin payment that may be linked to the group behind the attack. Did Alcyon pay?]],
         source = "fiction",
         discuss = { "What is your answer, and can you prove it?" },
         effect = function(w)
             if w.flag.paid then
                 add(w, "trust", -8)
                 w.note("The payment became public. Customers asked what else they had not been told.")
             elseif w.flag.refused and w.done("report_police") > 0 then
                 add(w, "trust", 2)
                 w.note("Alcyon could say truthfully that it had refused to pay and had gone to the police.")
             elseif w.flag.refused then
                 add(w, "trust", 1)
                 w.note("Alcyon could say truthfully that it had refused to pay.")
             end
         end }

inject { id = "week_one", at = "7d", channel = "internal", from = "Chief executive",
         title = "One week in",
         body = [[Sunday 4 October, 22:00. The chief executive wants one page for the board: what is contained, what is back, what it has cost so far, and the date e-commerce reopens.]],
         source = "fiction",
         discuss = { "What date would you give for e-commerce, and how sure are you?" },
         effect = function(w)
             w.note(string.format("Week one: %s, %d of 4 restoration phases done, reach %d, operations %d, trust %d, cost USD %dM.",
                 w.flag.contained and "contained" or "not contained", phases(w),
                 w.meter.spread // 1, w.meter.ops // 1, w.meter.trust // 1, w.meter.cost // 1))
         end }

-- ---------------------------------------------------------------------------
-- Injects: the second week
-- ---------------------------------------------------------------------------

inject { id = "fmc_filings", at = "9d14h", channel = "regulator", from = "Regulatory affairs, Alcyon USA",
         title = "US tariff filings are falling due",
         body = [[Wednesday 7 October. US law requires ocean carriers to publish their tariffs and file service contracts with the Federal Maritime Commission (FMC). The systems that do this have been down for ten days, and filings are falling due. Without relief from the FMC they are overdue, and relief has to be asked for.

(On 8 October 2020 CMA CGM asked the FMC to allow tariff and service-contract filings up to 60 days late, and promised no rate increases without 30 days' notice.)]],
         source = "fact", ref = "smmbd",
         facilitator = N.fmc_filings,
         discuss = { "What can you offer customers while filings are late?" },
         effect = function(w)
             if w.done("fmc_relief") > 0 then
                 w.note("The FMC's relief, asked for in advance, already covers these filings.")
                 return
             end
             w.after("1d12h", function(w2)
                 if w2.done("fmc_relief") == 0 then w2.fire("fmc_warning") end
             end)
         end }

inject { id = "fmc_warning", channel = "regulator", from = "Federal Maritime Commission",
         title = "FMC: filings missing",
         body = [[FMC staff note that Alcyon has filed no service contracts and no tariff changes for twelve days and has not asked for relief. Two shippers have complained that rates quoted by email were not published.]],
         source = "fiction",
         discuss = { "Why did nobody ask?" },
         effect = function(w)
             add(w, "regulatory", -12)
             add(w, "trust", -3)
             w.note("US tariff filings went overdue without a request for relief.")
         end }

inject { id = "post_holiday", at = "11d10h", channel = "email", from = "Asia sales director, Shanghai",
         title = "Golden Week is over: the factories are back",
         body = [[Friday 9 October. Chinese factories reopen after the holiday, and the first week's bookings are coming in. Customers compare carriers on whose portal works.]],
         source = "fiction",
         discuss = { "Is it worth cutting a corner to reopen e-commerce this week?" },
         effect = function(w)
             if w.system.ecommerce.status ~= "online" then
                 add(w, "trust", -3)
                 w.note("Bookings after Golden Week went to carriers with working portals.")
             end
         end }

inject { id = "review", at = "13d23h", channel = "internal", from = "Chair of the board",
         title = "The board reviews the response",
         body = [[Sunday 11 October, 21:00. The board meets to review the fortnight.]],
         source = "fiction",
         discuss = { "What would you do differently in the first six hours?",
                     "Which decision would you defend to the board, and which would you rather not?" },
         effect = function(w)
             -- The cyber insurer pays part of the bill if it was told in time.
             if w.flag.insurer_at and w.flag.insurer_at - (w.flag.aware_at or 0) <= 2 * D then
                 add(w, "cost", -math.min(8, w.meter.cost // 4))
                 w.note("The cyber insurer, told on the first days, covered part of the response costs.")
             elseif w.flag.insurer_at then
                 w.note("The cyber insurer was told late and reserved its position on the claim.")
             end
             w.note(string.format("At the review: %s, %d of 4 phases restored, %d reinfection(s); reach %d, operations %d, trust %d, exposure %d, regulatory %d, fatigue %d, cost USD %dM.",
                 w.flag.contained and "contained" or "not contained", phases(w), w.flag.reinfections or 0,
                 w.meter.spread // 1, w.meter.ops // 1, w.meter.trust // 1, w.meter.exposure // 1,
                 w.meter.regulatory // 1, w.meter.fatigue // 1, w.meter.cost // 1))
             if w.chosen("first_statement") == "it_issue" then
                 w.note("The first public line called it an \"internal IT infrastructure issue\". CMA CGM's first advisory used the same words.")
             end
             w.flag.review = true
         end }

-- ---------------------------------------------------------------------------
-- Injects: state-triggered pressure
-- ---------------------------------------------------------------------------

inject { id = "gate_queues", when = function(w) return w.meter.ops <= 45 end,
         channel = "phone", from = "Terminal manager, Elizabeth, New Jersey",
         title = "Trucks are queuing at the terminal gates",
         body = [[Without Alcyon's release messages, the terminal cannot match trucks to boxes. The gates run on paper, the queue is hundreds of trucks long, and drivers are waiting six hours.

(In 2017, without Maersk's systems, the Elizabeth, NJ terminal ran its gates on paper. Queues reached about 800 trucks and waits of up to six hours.)]],
         source = "analogy", ref = "landlinemag",
         facilitator = N.gate_queues,
         discuss = { "What could the terminal do with a spreadsheet from you?" },
         effect = function(w)
             add(w, "trust", -5)
             add(w, "cost", 4)
         end }

inject { id = "big_customer", when = function(w) return w.meter.trust <= 35 end,
         channel = "email", from = "Global logistics director, a top-ten customer",
         title = "A top-ten customer moves its volume",
         body = [[One of Alcyon's ten biggest customers writes that it is moving its Asia–Europe volume to two other carriers for the rest of the season. "We cannot plan around a carrier that cannot tell us what is happening."]],
         source = "fiction",
         discuss = { "What would have kept them?" },
         effect = function(w)
             add(w, "cost", 12)
             w.note("A top-ten customer moved its volume to competitors.")
         end }

inject { id = "fatigue_mistake", when = function(w) return w.meter.fatigue >= 75 end,
         channel = "internal", from = "Marc Aubert, head of IT operations",
         title = "A tired engineer's mistake",
         body = [[At 03:00 an engineer on her third night without proper sleep pushed a firewall rule to the wrong group. For forty minutes a quarantined segment could reach the internet. She caught it herself and has been sent home.]],
         source = "fiction",
         discuss = { "Who is rested enough to be making decisions tonight?" },
         effect = function(w)
             w.team.it.staff = w.team.it.staff - 1
             if not w.flag.contained then add(w, "spread", 6) end
             add(w, "evidence", -5)
             w.after("2d", function(w2) w2.team.it.staff = w2.team.it.staff + 1 end)
         end }

inject { id = "burnout", when = function(w) return w.meter.fatigue >= 90 end,
         channel = "internal", from = "Head of HR",
         title = "Three people signed off sick",
         body = [[Two IT engineers and a customer-service lead have been signed off sick with exhaustion. They will not be back this fortnight.

(Maersk ran its 2017 recovery in shift-based work streams with a duty manager.)]],
         source = "analogy", ref = "safety4sea",
         facilitator = N.burnout,
         discuss = { "How would you staff a fortnight like this from the first night?" },
         effect = function(w)
             w.team.it.staff = w.team.it.staff - 2
             w.team.ops.staff = w.team.ops.staff - 1
             w.note("Exhaustion took three people out of the response for the rest of the fortnight.")
         end }

inject { id = "phish_wave", channel = "email", from = "Customer service, Rotterdam",
         title = "Customers report fake Alcyon invoices",
         body = [[Customers are forwarding emails from genuine Alcyon addresses asking them to "update bank details for invoices during the outage". Twelve hours ago Alcyon told them email and EDI were safe. Nobody had checked, and now the reassurance is helping the fraud.]],
         source = "fiction",
         discuss = { "What did 'safe' rest on?" },
         effect = function(w)
             add(w, "trust", -10)
             add(w, "exposure", 15)
             add(w, "regulatory", -5)
             set_unless(w, "email", "compromised", { "encrypted", "isolated", "offline" })
             w.note("Email was declared safe without being checked, and the attackers used it against customers.")
         end }

inject { id = "police_reply", channel = "phone", from = "Police cybercrime unit, with ANSSI",
         title = "The police and ANSSI call back",
         body = [[The police's cybercrime investigators and ANSSI, France's national cybersecurity agency, call back together. They have seen this ransomware before. No free decryptor exists for it. They advise against paying, ask Alcyon to keep the ransom note, any chat with the attackers and the machine images, and to send ANSSI the indicators it finds.

They will not talk to the attackers for Alcyon. Whether anyone talks to them, and what is said, stays Alcyon's decision; the investigators only ask to see the chat if there is one.]],
         source = "fiction",
         discuss = { "What do you give the investigators, and who on your side is their contact?" },
         facilitator = {
             good = "The room treats law enforcement as advisers and a source of intelligence, keeps the decisions, and hands over evidence.",
             expected = "A named contact for the investigators; the note, the chat logs and the images kept and shared; the ransom position decided by Alcyon's own executives.",
             hint = "Ask who runs the chat with the attackers now that the police know. (Nobody but Alcyon: CISA advises consulting law enforcement, not handing it the decision.)",
         } }

inject { id = "breach_coach", channel = "phone", from = "The cyber insurer's breach coach",
         title = "The insurer's breach coach calls",
         body = [[The breach coach, a lawyer the insurer appoints to ransomware cases, has read the note. Her first points:

"Your 72 hours with the CNIL started when the note appeared: encrypted personal data is a breach already, and they say they stole it. Send a short first notice and follow up. Hire the forensic firm through counsel. And no payment, and no talks about one, without the insurer's written consent and a sanctions check."]],
         source = "fiction",
         facilitator = { good = "The room takes the coach's checklist into its plan, above all the notice to the CNIL within 72 hours of the note.",
                         expected = "Start the first notice to the CNIL now; route the forensic firm through counsel; no talks about payment without the insurer and a sanctions check.",
                         hint = "When did the 72 hours start? Look again at what the note says was done to the data." },
         discuss = { "Which of her points is the room not yet doing?" },
         effect = function(w)
             if w.done("notify_dpa") == 0 and not w.running("notify_dpa") then
                 w.note("The breach coach asked first whether the CNIL had been told. It had not.")
             end
         end }

inject { id = "ir_arrives", channel = "internal", from = "Reception, head office",
         title = "The incident-response team is here",
         body = [[Four responders from the retainer firm have arrived and signed in: two forensic analysts and two Active Directory specialists. IT now has four more people.]],
         source = "fiction",
         discuss = { "Who briefs them, and what do they work on first?" },
         effect = function(w)
             w.team.it.staff = w.team.it.staff + 4
         end }

-- Restoration milestones, fired by the phases.

inject { id = "backoffice_back", channel = "internal", from = "Head of shared services",
         title = "Phase 1: the back office is back",
         body = [[The shared-services centres are reconnected on a monitored segment, one at a time. Documentation, invoicing and arrival notices are running again, and email, EDI and the phones come back with them.

(CMA CGM reconnected its Shared Services Centre back offices step by step from 30 September.)]],
         source = "fact", ref = "freshfruit",
         facilitator = N.backoffice_back,
         discuss = { "What do you tell customers, and what do you not promise yet?" } }

inject { id = "subsidiaries_back", channel = "internal", from = "Head of shared services",
         title = "Phase 2: the subsidiary lines are back",
         body = [[Tasman Line, Boreal Feeder and Costeira are back on the group network, with their own booking desks working again.

(Around 5 October, CMA CGM's Mercosul and Containerships subsidiaries were back.)]],
         source = "fact", ref = "containernews",
         facilitator = N.subsidiaries_back,
         discuss = { "Which customers should hear this first?" } }

inject { id = "agencies_back", channel = "internal", from = "Head of shared services",
         title = "Phase 3: the agencies are reconnected",
         body = [[The agencies are reconnected region by region, each office reimaged before it joins. Customers can call their local agency and get answers from a working system.

(CMA CGM's agencies reconnected gradually from early October. A later notice said all agencies and back offices were fully running.)]],
         source = "fact", ref = "trasportoeuropa",
         facilitator = N.agencies_back,
         discuss = { "What would make you disconnect an office again?" } }

inject { id = "ecommerce_back", channel = "internal", from = "Head of digital",
         title = "Phase 4: e-commerce is back",
         body = [[Booking, tracking, the route finder, rate look-ups and invoices are back online, behind a rebuilt internet edge.

(CMA CGM restored its e-commerce on Sunday 11 October 2020, two weeks after the attack.)]],
         source = "fact", ref = "marinelink",
         facilitator = N.ecommerce_back,
         discuss = { "What will you watch most closely this first week?" },
         effect = function(w)
             add(w, "trust", 3)
         end }

-- ---------------------------------------------------------------------------
-- Actions: contain
-- ---------------------------------------------------------------------------

action { id = "cut_external", kind = "contain",
         label = "Cut external access at the internet edge",
         text = "Block traffic in and out at the firewalls. The attackers lose their remote control. Customers lose the portals, and email and EDI run only through their own gateways, unverified.",
         team = "it", staff = 1, takes = "1h",
         source = "fact", ref = "freightwaves", func = "respond", recommended = true,
         effect = function(w)
             w.flag.edge_cut = true
             set_unless(w, "booking", "offline", { "encrypted" })
             set_unless(w, "ecommerce", "offline", { "encrypted" })
             set_unless(w, "email", "degraded", { "encrypted", "compromised", "offline" })
             set_unless(w, "edi", "degraded", { "encrypted", "compromised", "offline" })
             update_containment(w)
         end }

action { id = "isolate_asia", kind = "contain",
         label = "Isolate the Asia offices at the switch",
         text = "Take the infected offices off the network at the switch and leave the machines running, so their memory survives for the investigators.",
         team = "it", staff = 2, takes = "3h",
         source = "fact", ref = "cisa", func = "respond", recommended = true,
         facilitator = N.isolate_asia,
         available = function(w)
             if w.running("power_down_asia") then return false, "The Asia machines are being powered down" end
             local st = w.system.asia.status
             if st == "isolated" then return false, "Already isolated" end
             if st == "offline" then return false, "The machines are already powered off" end
             if not is_one_of(st, { "compromised", "encrypted" }) then return false, "Nothing infected to isolate" end
             return true
         end,
         effect = function(w)
             w.system.asia.status = "isolated"
             w.flag.asia_isolated = true
             update_containment(w)
         end }

action { id = "power_down_asia", kind = "contain",
         label = "Tell the Asia offices to power everything off",
         text = "Fast, and one person can do it by phone. But powering down destroys the memory evidence. CISA advises it only as a last resort.",
         team = "it", staff = 1, takes = "1h",
         source = "fact", ref = "cisa", func = "respond",
         facilitator = N.power_down_asia,
         available = function(w)
             if w.running("isolate_asia") then return false, "Isolation at the switch is under way" end
             local st = w.system.asia.status
             if st == "isolated" then return false, "Already isolated. Powering down now would only destroy evidence" end
             if st == "offline" then return false, "Already powered off" end
             if not is_one_of(st, { "compromised", "encrypted" }) then return false, "Nothing infected to power down" end
             return true
         end,
         effect = function(w)
             w.system.asia.status = "offline"
             w.flag.asia_isolated = true
             w.flag.powered_down = true
             add(w, "evidence", -30)
             w.note("The Asia machines were powered down. That stopped the spread there, and lost the memory evidence.")
             update_containment(w)
         end }

action { id = "cut_wan", kind = "contain",
         label = "Cut the links between regions and sites",
         text = "Disconnect the regions and the data centres from one another, so the attack cannot cross oceans. The back office, the subsidiaries and the agencies are cut off until they are reconnected.",
         team = "it", staff = 2, takes = "2h",
         source = "fact", ref = "maritimeexec", func = "respond", recommended = true,
         repeatable = true,
         available = function(w)
             if w.flag.wan_cut then return false, "The links are already cut" end
             return true
         end,
         effect = function(w)
             w.flag.wan_cut = true
             -- Segments already restored stay connected, behind monitored links.
             local keep = { "encrypted", "restoring", "offline" }
             if phases(w) < 1 then set_unless(w, "backoffice", "isolated", keep) end
             if phases(w) < 2 then set_unless(w, "subsidiaries", "isolated", keep) end
             if phases(w) < 3 then set_unless(w, "agencies", "isolated", keep) end
             update_containment(w)
         end }

action { id = "stop_pcs", kind = "contain",
         label = "Tell staff to stop using company PCs",
         text = "Tell every office to log off and stop using company PCs and email until told otherwise. It slows the spread and the business with it.",
         team = "comms", staff = 1, takes = "1h",
         source = "fact", ref = "kiowa", func = "protect", recommended = true,
         effect = function(w)
             add(w, "ops", -3)
             w.note("Staff stopped using company PCs. Fewer machines for the attackers to use.")
         end }

action { id = "check_backups", kind = "contain",
         facilitator = N.check_backups,
         label = "Check the backups and take them offline",
         text = "Confirm the backups are intact, then disconnect them from the network before the attackers find them.",
         team = "it", staff = 1, takes = "2h",
         source = "fact", ref = "cisa", func = "protect", recommended = true,
         available = function(w)
             local st = w.system.backups.status
             if st == "encrypted" then return false, "Too late: the backups are encrypted" end
             if st == "isolated" then return false, "Already checked and offline" end
             return true
         end,
         effect = function(w)
             w.system.backups.status = "isolated"
             w.flag.backups_safe = true
         end }

action { id = "oob_comms", kind = "contain",
         label = "Move the crisis cell to verified out-of-band comms",
         text = "Personal phones, a fresh messaging group with verified members, and a paper contact list. Nothing the attackers can read through the company's accounts.",
         team = "exec", staff = 1, takes = "2h",
         source = "fact", ref = "cisa", func = "protect", recommended = true,
         effect = function(w)
             add(w, "fatigue", -3)
         end }

action { id = "close_entry", kind = "contain",
         label = "Close the way in and remove the attackers' footholds",
         text = "Disable the accounts and remote access the attackers used, patch what they exploited, and remove the backdoors the investigators found.",
         team = "it", staff = 2, takes = "6h",
         source = "fact", ref = "nist", func = "respond", recommended = true,
         facilitator = N.close_entry,
         available = function(w)
             if not w.flag.scoped then return false, "Nobody knows yet how they got in" end
             if w.flag.eradicated then return false, "Already closed" end
             return true
         end,
         effect = function(w)
             w.flag.eradicated = true
             add(w, "spread", -10)
             add(w, "exposure", -3)
         end }

-- ---------------------------------------------------------------------------
-- Actions: investigate
-- ---------------------------------------------------------------------------

action { id = "call_ir_firm", kind = "investigate",
         label = "Call in the incident-response firm",
         text = "Wake the retainer firm. Four responders can be on site in about twelve hours. It costs money.",
         team = "exec", staff = 1, takes = "1h",
         source = "fiction", func = "respond", recommended = true,
         effect = function(w)
             add(w, "cost", 2)
             w.after("12h", function(w2) w2.fire("ir_arrives") end)
         end }

action { id = "report_police", kind = "investigate",
         label = "Report to the police and to ANSSI",
         text = "Report the attack to the police's cybercrime investigators, to ANSSI (France's national cybersecurity agency, home of the national CERT) and, for the US business, to the FBI. They may know the group, and whether a decryptor exists. They advise; the decisions stay Alcyon's.",
         team = "exec", staff = 1, takes = "2h",
         source = "fact", ref = "cisa", func = "respond", recommended = true,
         facilitator = N.report_police,
         effect = function(w)
             add(w, "regulatory", 4)
             w.note("Law enforcement was told on day " .. (w.time // D + 1) .. ".")
             w.after("4h", function(w2) w2.fire("police_reply") end)
         end }

action { id = "call_insurer", kind = "investigate",
         label = "Notify the cyber insurer and take its breach coach",
         text = "Tell the insurer today, as the policy requires, and accept the breach coach it appoints: a lawyer who has run many ransomware cases and coordinates the forensics, the notices and the negotiators.",
         team = "legal", staff = 1, takes = "1h",
         source = "fiction", func = "respond", recommended = true,
         effect = function(w)
             w.flag.insurer_at = w.time
             w.after("2h", function(w2) w2.fire("breach_coach") end)
         end,
         facilitator = {
             good = "The insurer hears on the first night, before the firms it would pay for are hired and before any talk of paying.",
             expected = "Legal calls the insurer's hotline within hours; the room asks what the policy covers and what it requires (notice periods, approved firms, consent before any payment).",
             hint = "Who pays for the incident-response firm, and what did the policy say about telling the insurer?",
         } }

action { id = "capture_memory", kind = "investigate",
         facilitator = N.capture_memory,
         label = "Capture memory and image the infected machines",
         text = "Copy the memory and disks of a sample of infected machines in Asia before anything is wiped. This is how you learn what the attackers did.",
         team = "it", staff = 1, takes = "4h",
         source = "fact", ref = "cisa", func = "respond", recommended = true,
         available = function(w)
             local st = w.system.asia.status
             if st == "online" or st == "restoring" then return false, "The Asia machines have been reimaged; nothing is left to capture" end
             return true
         end,
         effect = function(w)
             if w.system.asia.status == "offline" then
                 add(w, "evidence", 10)
                 w.note("Disk images only: the memory was lost when the Asia machines were powered down.")
             else
                 add(w, "evidence", 30)
             end
         end }

action { id = "trace_entry", kind = "investigate",
         facilitator = N.trace_entry,
         label = "Trace how the attackers got in",
         text = "Work back through the images and logs to the first foothold, the accounts the attackers used, and what they took. It goes much faster with good evidence.",
         team = "it", staff = 2, takes = "12h",
         source = "fiction", func = "respond", recommended = true,
         repeatable = true,
         available = function(w)
             if w.flag.scoped then return false, "The entry point is known" end
             return true
         end,
         effect = function(w)
             if w.meter.evidence >= 65 then
                 w.flag.scoped = true
                 w.note("The trace found the way in: a remote-access account in an Asian office, then a domain administrator's password. (Invented for the exercise: press reports said only that CMA CGM's attackers came in through its offices in China or Asia.)")
                 w.fire("exfil_signs")
             else
                 add(w, "evidence", 15)
                 w.note("Not enough evidence to find the way in. The investigators pulled firewall logs and will have to try again.")
             end
         end }

action { id = "verify_channels", kind = "investigate",
         label = "Verify that email, file transfer and EDI are clean",
         text = "Check the mail servers, forwarding rules, file-transfer servers and EDI gateways for attacker access before anyone calls them safe.",
         team = "it", staff = 1, takes = "6h",
         source = "fact", ref = "smartmaritime", func = "detect", recommended = true,
         available = function(w)
             if is_one_of(w.system.email.status, { "encrypted", "compromised" }) or
                is_one_of(w.system.edi.status, { "encrypted", "compromised" }) then
                 return false, "Email or EDI is already compromised; it needs rebuilding, not checking"
             end
             return true
         end,
         effect = function(w)
             w.flag.verified = true
             set_unless(w, "email", "online", { "encrypted", "compromised", "restoring" })
             set_unless(w, "edi", "online", { "encrypted", "compromised", "restoring" })
         end }

action { id = "scope_data", kind = "investigate",
         label = "Work out whose data was taken",
         text = "Match the stolen file listing against customer and staff records, so notices can say who is affected and how.",
         team = "legal", staff = 1, takes = "12h",
         source = "fact", ref = "gdpr", func = "identify", recommended = true,
         available = function(w)
             if not w.flag.breach_known then return false, "Nothing yet shows that data was taken" end
             return true
         end,
         effect = function(w)
             if w.meter.evidence >= 50 then
                 add(w, "exposure", -4)
             else
                 add(w, "exposure", -1)
                 w.note("With thin evidence, the notices could only say data \"may have\" been taken.")
             end
         end }

action { id = "check_vessels", kind = "investigate",
         label = "Confirm that ships and terminals are unaffected",
         text = "Check with the fleet and the terminals that ships' systems and port operations are running normally. Losing IT hurts the business; losing a ship's operational systems is a safety problem.",
         team = "ops", staff = 1, takes = "4h",
         source = "fact", ref = "bimco", func = "identify", recommended = true,
         effect = function(w)
             add(w, "trust", 2)
             w.note("Alcyon could say truthfully that ships and port operations were unaffected.")
         end }

action { id = "share_iocs", kind = "investigate",
         label = "Share indicators with partners and the CERT",
         text = "Send the malware sample and the attackers' addresses to the national CERT, terminals and partner carriers, so they can block them.",
         team = "it", staff = 1, takes = "2h",
         source = "fact", ref = "gcaptain", func = "protect", recommended = true,
         available = function(w)
             if w.meter.evidence < 50 then return false, "You do not have a clean sample and indicators yet" end
             if w.done("capture_memory") == 0 then return false, "Capture the infected machines first" end
             return true
         end,
         effect = function(w)
             add(w, "regulatory", 2)
             add(w, "trust", 1)
         end }

-- ---------------------------------------------------------------------------
-- Actions: communicate
-- ---------------------------------------------------------------------------

local function needs_first_line(w)
    if not first_line_said(w) then return false, "Agree the first public line first" end
    return true
end

-- One published update: fresh news earns a little trust; news posted where
-- customers cannot see it costs some. Both the standing daily update and
-- the one-off update publish this way.
local function publish(w)
    -- A steady rhythm earns goodwill, bursts do not: at most one update in
    -- 20 hours gains trust, whether it came from the standing daily update
    -- or a one-off, so extra updates never cost the promised one its credit.
    local gained = w.flag.last_gain or -10 * D
    local gain = 0
    if w.time - gained >= 20 * H then
        gain = 1
        w.flag.last_gain = w.time
    end
    if w.system.ecommerce.status ~= "online" and w.done("social_channel") == 0 then
        gain = gain - 1
        if not w.flag.dark_site_noted then
            w.flag.dark_site_noted = true
            w.note("Updates went on a website most customers could not reach. Social media would have carried them.")
        end
    end
    if w.chosen("first_statement") == "it_issue" and not w.flag.corrected then
        w.flag.corrected = true
        w.note("The update corrected the \"IT issue\" line: it was a cyberattack.")
    end
    add(w, "trust", gain)
    w.flag.last_update = w.time
end

-- A standing commitment: one decision, then an update every day at 18:00
-- while one person in communications keeps it. Cancelling it breaks a
-- public promise, which the daily check below punishes.
action { id = "announce_schedule", kind = "communicate",
         label = "Commit to a daily update at 18:00 CEST",
         text = "Tell customers when to expect news: an update every day at 18:00 Paris time, even when there is little new to say. One person in communications writes and publishes it every day until you stop.",
         team = "comms", staff = 1, takes = "1h", every = { "18:00" },
         source = "fact", ref = "m2shipping", func = "respond", recommended = true,
         available = needs_first_line,
         start = function(w)
             if not w.flag.schedule_announced then
                 w.flag.schedule_announced = true
                 add(w, "trust", 2)
             end
         end,
         cancel = function(w)
             if w.flag.schedule then
                 w.note("The daily update was stopped, but customers had been promised one every day at 18:00.")
             end
         end,
         effect = function(w)
             w.flag.schedule = true
             publish(w)
         end }

action { id = "publish_update", kind = "communicate",
         label = "Publish a customer update",
         text = "A short, dated update: what is affected, what you are doing, how to book, and when the next update comes.",
         team = "comms", staff = 1, takes = "2h",
         source = "fact", ref = "m2shipping", func = "respond", recommended = true,
         repeatable = true,
         available = needs_first_line,
         effect = publish }

action { id = "social_channel", kind = "communicate",
         label = "Post updates on LinkedIn and Twitter",
         text = "While the website is dark, publish every update on the company's social-media accounts too, and say so.",
         team = "comms", staff = 1, takes = "1h",
         source = "fact", ref = "offshore_energy", func = "respond", recommended = true,
         effect = function(w) add(w, "trust", 1) end }

action { id = "announce_workarounds", kind = "communicate",
         label = "Announce how to book while the portals are down",
         text = "Tell customers to book through INTTRA (a multi-carrier booking portal), or to send the Excel booking form by email, or to call their local agency.",
         team = "ops", staff = 1, takes = "2h",
         source = "fact", ref = "ciodive", func = "recover", recommended = true,
         available = function(w)
             if w.system.booking.status == "online" then return false, "The portal still works; there is nothing to work around yet" end
             return true
         end,
         effect = function(w) add(w, "trust", 4) end }

action { id = "declare_safe", kind = "communicate",
         label = "Tell customers email, file transfer and EDI are safe",
         text = "Reassure customers that messages from Alcyon addresses and EDI links can be trusted.",
         team = "comms", staff = 1, takes = "1h",
         source = "fact", ref = "smartmaritime", func = "respond",
         facilitator = N.declare_safe,
         available = needs_first_line,
         effect = function(w)
             if w.flag.verified and not is_one_of(w.system.email.status, { "compromised", "encrypted" }) then
                 add(w, "trust", 3)
                 add(w, "ops", 3)
                 w.note("Email and EDI were declared safe after they were checked. Customers went back to using them.")
             else
                 add(w, "trust", 2)
                 w.after("12h", function(w2) w2.fire("phish_wave") end)
             end
         end }

action { id = "notify_dpa", kind = "communicate",
         label = "Send a first breach notice to the CNIL",
         text = "A first GDPR notice to the CNIL, France's data protection authority: what happened, what data may be involved, what you are doing, and when you will say more. Encrypted personal data is already a breach, and the note claims theft; the details can follow.",
         team = "legal", staff = 1, takes = "6h",
         facilitator = N.notify_dpa,
         source = "fact", ref = "gdpr", func = "respond", recommended = true,
         effect = function(w)
             w.flag.dpa_at = w.time
             if dpa_in_time(w) then
                 add(w, "regulatory", 5)
                 w.note(string.format("First GDPR notice sent to the CNIL at T+%dh, inside the 72 hours.", w.time // H))
             else
                 add(w, "regulatory", 4)
                 w.note(string.format("The GDPR notice reached the CNIL late, at T+%dh, with reasons for the delay.", w.time // H))
             end
         end }

action { id = "notify_staff", kind = "communicate",
         label = "Tell staff their HR records were taken",
         text = "Write to the employees whose HR files were on the stolen shares: what was taken, what fraud to expect, and who to ask. GDPR Article 34 requires telling people directly when the risk to them is high.",
         team = "legal", staff = 1, takes = "4h", func = "respond", source = "fact", ref = "gdpr", recommended = true,
         available = function(w)
             if w.flag.breach_known then return true end
             return false, "Nothing yet shows whose files were taken"
         end,
         effect = function(w)
             add(w, "exposure", -3)
             add(w, "fatigue", -2)
             w.note("Staff heard from Alcyon, not from the press, that their HR records had been taken.")
         end,
         facilitator = {
             good = "Staff are told soon after the theft is known, before any leak, with concrete advice.",
             expected = "The employees whose HR files were on the stolen shares hear what was taken, what fraud to expect and who to ask; the notice to the CNIL covers staff data too.",
             hint = "The attackers' listing mentions HR spreadsheets. Whose data is that, and who tells them?",
         } }

action { id = "warn_customers", kind = "communicate",
         label = "Warn customers about phishing and possible data theft",
         text = "Tell affected customers what may have been taken, what fraud to expect (fake invoices, changed bank details), and how to check a message really comes from Alcyon.",
         team = "comms", staff = 1, takes = "3h",
         source = "fact", ref = "gdpr", func = "protect", recommended = true,
         available = function(w)
             if not w.flag.breach_known then return false, "Nothing yet shows that data was taken" end
             return true
         end,
         effect = function(w)
             add(w, "exposure", -8)
             add(w, "trust", 2)
         end }

action { id = "cbp_liaison", kind = "communicate",
         label = "Name a liaison for US Customs",
         text = "Give CBP a named contact and a daily list of affected sailings, so US-bound cargo keeps moving under the relief.",
         team = "ops", staff = 1, takes = "2h",
         source = "fact", ref = "cbp", func = "recover", recommended = true,
         available = function(w)
             if w.fired("cbp_relief") == 0 then return false, "US Customs has not been in touch" end
             return true
         end,
         effect = function(w)
             add(w, "regulatory", 4)
         end }

action { id = "fmc_relief", kind = "communicate",
         facilitator = N.fmc_relief,
         label = "Ask the FMC for filing relief; freeze rate increases",
         text = "Ask the Federal Maritime Commission to accept tariff and service-contract filings up to 60 days late, and promise customers no rate increases without 30 days' notice.",
         team = "legal", staff = 1, takes = "6h",
         source = "fact", ref = "smmbd", func = "recover", recommended = true,
         effect = function(w)
             if w.fired("fmc_filings") == 0 then
                 add(w, "regulatory", 6)
                 add(w, "trust", 2)
                 w.note("Asked the FMC for relief before any filing was late: the relief covers the filings to come.")
             else
                 add(w, "regulatory", 2)
                 add(w, "trust", 1)
                 w.note("Asked the FMC for relief after filings went overdue: relief runs from the request, and the missed filings stay on the record.")
             end
         end }

action { id = "shipper_meeting", kind = "communicate",
         label = "Meet the shippers' associations",
         text = "Call the associations that went public. Listen, say what is being fixed and when, and offer a review of compensation claims.",
         team = "exec", staff = 1, takes = "3h",
         source = "fact", ref = "ftalliance", func = "respond", recommended = true,
         available = function(w)
             if w.fired("shippers_complain") == 0 then return false, "No association has complained yet" end
             return true
         end,
         effect = function(w)
             add(w, "trust", 3)
             add(w, "cost", 2)
         end }

action { id = "hotline", kind = "communicate",
         label = "Set up an overflow hotline at an outside call centre",
         text = "Route the dead switchboards and the overflowing hotlines to a call centre outside the network, with a script and a list of workarounds.",
         team = "ops", staff = 2, takes = "6h",
         source = "fact", ref = "ftalliance", func = "recover", recommended = true,
         available = function(w)
             if w.system.telephony.status == "online" then return false, "The phones still work" end
             return true
         end,
         effect = function(w)
             add(w, "trust", 2)
             add(w, "cost", 1)
         end }

-- ---------------------------------------------------------------------------
-- Actions: restore
-- ---------------------------------------------------------------------------

action { id = "manual_ops", kind = "restore",
         label = "Run bookings and releases by hand for two days",
         text = "Two people run a manual cell: bookings by Excel form and email, releases and delivery orders by phone and spreadsheet. Operations hold up while it runs.",
         team = "ops", staff = 2, takes = "2d",
         source = "fact", ref = "maersk", func = "recover", recommended = true,
         repeatable = true,
         available = function(w)
             if phases(w) >= 4 then return false, "The systems are back; nothing needs doing by hand" end
             return true
         end,
         effect = function(w)
             add(w, "fatigue", 2)
         end }

action { id = "priority_cargo", kind = "restore",
         label = "Put reefers, medicines and dangerous goods first",
         text = "On paper if necessary: make sure refrigerated boxes have power and paperwork, and that medical and dangerous cargo moves first.",
         team = "ops", staff = 1, takes = "6h",
         source = "fact", ref = "transnet", func = "recover", recommended = true,
         effect = function(w)
             add(w, "trust", 1)
         end }

action { id = "manual_notices", kind = "restore",
         label = "Send arrival notices by hand",
         text = "Build arrival notices from manifests and send them by email and phone, so consignees collect their boxes before demurrage runs.",
         team = "ops", staff = 2, takes = "8h",
         source = "fact", ref = "expeditors", func = "recover",
         available = function(w)
             if w.fired("arrival_notices") == 0 then return false, "Arrival notices are not yet overdue" end
             if w.system.backoffice.status == "online" then return false, "The back office is sending them again" end
             return true
         end,
         effect = function(w)
             add(w, "trust", 2)
         end }

action { id = "rebuild_ad", kind = "restore",
         label = "Rebuild Active Directory from a clean copy",
         text = "Build new domain controllers from a clean backup, reset every privileged password, and rejoin nothing until it is done.",
         team = "it", staff = 3, takes = "1d",
         source = "fact", ref = "redmondmag", func = "recover", recommended = true,
         facilitator = N.rebuild_ad,
         repeatable = true,
         available = function(w)
             if w.flag.ad_clean then return false, "Active Directory has been rebuilt" end
             if w.system.backups.status == "encrypted" and w.fired("offline_dc") == 0 then
                 return false, "No clean copy: the backups are encrypted"
             end
             return true
         end,
         start = function(w)
             w.system.ad.status = "restoring"
         end,
         effect = function(w)
             if not w.flag.contained then
                 w.system.ad.status = "encrypted"
                 reinfect(w, "The rebuilt Active Directory", "open")
                 return
             end
             w.flag.ad_clean = true
             w.system.ad.status = "online"
             add(w, "spread", -10)
         end }

action { id = "golden_image", kind = "restore",
         label = "Build a clean PC image and ship it on USB sticks",
         text = "Build one clean image for every office PC and post it on USB sticks, because most offices lack the bandwidth to download it. The agencies need it before they reconnect.",
         team = "it", staff = 2, takes = "12h",
         source = "fact", ref = "maersk_screens", func = "recover", recommended = true }

action { id = "restore_backoffice", kind = "restore",
         label = "Phase 1: reconnect the back office",
         text = "Bring the shared-services centres back one at a time on a monitored segment, with email, EDI and the phones.",
         team = "it", staff = 3, takes = "3d",
         source = "fact", ref = "freshfruit", func = "recover", recommended = true,
         repeatable = true,
         available = function(w)
             if phases(w) >= 1 then return false, "Already back" end
             if w.system.backoffice.status == "online" then return false, "The back office is still running" end
             return true
         end,
         start = function(w) start_phase(w, 1) end,
         effect = function(w) finish_phase(w, 1) end }

action { id = "restore_subsidiaries", kind = "restore",
         label = "Phase 2: bring back the subsidiary lines",
         text = "Reconnect Tasman Line, Boreal Feeder and Costeira to the group network.",
         team = "it", staff = 3, takes = "2d",
         source = "fact", ref = "containernews", func = "recover", recommended = true,
         repeatable = true,
         available = function(w)
             if phases(w) >= 2 then return false, "Already back" end
             if phases(w) < 1 then return false, "The back office comes back first" end
             return true
         end,
         start = function(w) start_phase(w, 2) end,
         effect = function(w) finish_phase(w, 2) end }

action { id = "restore_agencies", kind = "restore",
         label = "Phase 3: reconnect the agencies, region by region",
         text = "Reimage each office from the clean image, then reconnect it. The Asia offices come back in this phase.",
         team = "it", staff = 4, takes = "3d",
         source = "fact", ref = "trasportoeuropa", func = "recover", recommended = true,
         repeatable = true,
         available = function(w)
             if phases(w) >= 3 then return false, "Already back" end
             if phases(w) < 2 then return false, "The subsidiaries come back first" end
             if w.done("golden_image") == 0 then return false, "The offices need a clean image first" end
             return true
         end,
         start = function(w) start_phase(w, 3) end,
         effect = function(w) finish_phase(w, 3) end }

action { id = "restore_ecommerce", kind = "restore",
         label = "Phase 4: reopen e-commerce",
         text = "Reopen booking, tracking, the route finder, rate look-ups and invoices behind a rebuilt, monitored internet edge.",
         team = "it", staff = 3, takes = "2d",
         source = "fact", ref = "marinelink", func = "recover", recommended = true,
         repeatable = true,
         available = function(w)
             if phases(w) >= 4 then return false, "Already back" end
             if phases(w) < 3 then return false, "The agencies come back first" end
             return true
         end,
         start = function(w) start_phase(w, 4) end,
         effect = function(w) finish_phase(w, 4) end }

action { id = "run_decryptor", kind = "restore",
         label = "Run the attackers' decryptor on the encrypted servers",
         text = "Use the tool the attackers sent to decrypt the encrypted servers in place and put them back on the network.",
         team = "it", staff = 2, takes = "12h",
         source = "fiction", func = "recover",
         facilitator = N.run_decryptor,
         available = function(w)
             if w.fired("decryptor_arrives") == 0 then return false, "There is no decryptor" end
             return true
         end,
         effect = function(w)
             local risk = restore_risk(w)
             if risk ~= "clean" then
                 reinfect(w, "The decrypted servers", risk)
                 return
             end
             w.flag.decrypted = true
             w.note("The decryptor recovered the encrypted data, slowly. Clean backups would have done the same.")
         end }

action { id = "staff_rota", kind = "restore",
         label = "Put the response on 12-hour shifts",
         text = "Split every team into two shifts with a duty manager and a handover log, so people sleep.",
         team = "exec", staff = 1, takes = "2h",
         source = "fact", ref = "safety4sea", func = "respond", recommended = true,
         effect = function(w)
             w.flag.rota = true
         end }

-- ---------------------------------------------------------------------------
-- Decisions
-- ---------------------------------------------------------------------------

-- Opened by portals_dark or linkedin_leak, whichever comes first.
decision { id = "first_statement", from = "Head of communications",
           prompt = "Customers are asking what is going on, and the website needs a line within hours. What does it say?",
           deadline = "6h", default = "it_issue",
           discuss = { "What will customers think when they learn the truth?" },
           facilitator = N.first_statement,
           options = {
               { id = "cyberattack", label = "\"We are responding to a cyberattack\"", recommended = true,
                 text = "Say what happened, what you have cut off to protect customers, and how to book in the meantime.",
                 effect = function(w)
                     add(w, "trust", -3)
                     w.flag.last_update = w.time
                 end },
               { id = "it_issue", label = "\"An internal IT infrastructure issue\"",
                 text = "Calmer, and it is the web team's outage template, so it is what goes up if nobody decides. (CMA CGM's first advisory used these words.)",
                 effect = function(w)
                     add(w, "trust", 2)
                     w.flag.last_update = w.time
                     if w.fired("linkedin_leak") > 0 then
                         add(w, "trust", -12)
                         w.note("\"IT issue\" went up after the ransom note was already on LinkedIn.")
                     end
                 end },
               { id = "silence", label = "Say nothing until you know more",
                 effect = function(w)
                     add(w, "trust", -6)
                     w.note("The website said nothing while customers could not book.")
                 end },
           } }

decision { id = "ransom", at = "1h", from = "Chief executive",
           prompt = "The chief executive calls from home: \"The note says we have two days for a special price. What is our position? I need it for the 07:00 crisis call.\"",
           deadline = "8h", default = "no_line",
           discuss = { "What does paying buy you, and what does it not buy?",
                       "Who must be involved before anyone talks to the attackers?" },
           facilitator = N.ransom,
           options = {
               { id = "refuse", label = "Refuse to pay or to talk; consult law enforcement", recommended = true,
                 text = "CISA and the FBI advise against paying, and advise asking law enforcement, who may know the group and whether a decryptor exists. The decision stays yours. Expect the attackers to publish some data to put on pressure.",
                 effect = function(w)
                     w.flag.refused = true
                     if w.done("report_police") == 0 and not w.running("report_police") then
                         w.note("The position was to involve law enforcement. Someone still has to call them.")
                     end
                 end },
               { id = "negotiate", label = "Open the chat through a professional negotiator",
                 text = "Buy time and learn what they took, without promising anything. The chat stays open.",
                 effect = function(w)
                     w.flag.talking = true
                     add(w, "cost", 1)
                     w.after("6h", function(w2) w2.fire("proof_files") end)
                 end },
               { id = "pay", label = "Pay the special price and get the decryptor",
                 text = "Open the chat and pay whatever the special price is, before it lapses. (The travel firm CWT reportedly paid Ragnar Locker USD 4.5 million in 2020.)",
                 effect = function(w)
                     w.note("In the chat, the special price was USD 5 million in bitcoin.")
                     pay(w, 5)
                     w.after("2h", function(w2) w2.fire("proof_files") end)
                 end },
               { id = "no_line", label = "No position yet",
                 text = "Leave it until you know more.",
                 effect = function(w)
                     w.flag.talking = true
                     if not is_one_of(w.system.asia.status, { "isolated", "offline" }) then
                         add(w, "spread", 6)
                         w.note("With no position from head office, the Asia director opened the chat himself, from a laptop still on the network.")
                     else
                         w.note("With no position from head office, the Asia director opened the chat himself.")
                     end
                     w.after("6h", function(w2) w2.fire("proof_files") end)
                 end },
           } }

-- Opened by the Treasury advisory, if the chat is still open.
decision { id = "final_demand", from = "Chief executive",
           prompt = "The attackers now want USD 10 million and say the data goes online within two days. Counsel has read this afternoon's Treasury advisory. What do you do?",
           deadline = "12h", default = "keep_talking",
           discuss = { "If you pay, whose name is on the payment, and what will OFAC ask them?" },
           facilitator = N.final_demand,
           options = {
               { id = "stop", label = "End the talks, and give law enforcement the chat logs", recommended = true,
                 text = "The police and ANSSI do not run the chat for you; they can use what it shows.",
                 effect = function(w)
                     w.flag.talking = false
                     w.flag.refused = true
                     if w.done("report_police") > 0 then add(w, "regulatory", 3) end
                     w.after("1d", function(w2) leak(w2) end)
                 end },
               { id = "pay_screened", label = "Pay, after a sanctions screening and with law enforcement told",
                 text = "Screening cannot prove who is behind a chat. The liability is strict.",
                 effect = function(w)
                     pay(w, 10)
                 end },
               { id = "keep_talking", label = "Keep stalling",
                 effect = function(w)
                     w.flag.talking = false
                     add(w, "trust", -3)
                     w.note("Stalling bought nothing: the attackers published anyway.")
                     w.after("1d", function(w2) leak(w2) end)
                 end },
           } }

-- Opened by the Golden Week rush.
decision { id = "surge", from = "Asia sales director",
           prompt = "Exporters are queuing to ship before Golden Week. Sales wants to reopen the booking portal for China today, on the old servers. What do you tell them?",
           deadline = "6h", default = "turn_away",
           discuss = { "What has to be true before any system comes back?" },
           facilitator = N.surge,
           options = {
               { id = "workarounds", label = "Keep it dark; push INTTRA, the Excel form and the agencies", recommended = true,
                 effect = function(w)
                     if w.done("announce_workarounds") > 0 then
                         w.flag.surge_ok = true
                         w.note("INTTRA, the Excel form and the agencies carried most of the Golden Week rush. Some exporters booked the last sailings before the holiday with carriers whose portals worked.")
                     else
                         add(w, "trust", -2)
                         w.note("Sales was told to use workarounds that nobody had announced to customers.")
                     end
                 end },
               { id = "reopen", label = "Reopen the portal for China",
                 text = "The old servers, as they are. Bookings flow today.",
                 effect = function(w)
                     -- The old servers rejoin the network now, as it is now.
                     local risk = restore_risk(w)
                     w.system.booking.status = "online"
                     add(w, "ops", 4)
                     w.after("6h", function(w2)
                         if risk ~= "clean" then
                             w2.system.booking.status = "encrypted"
                             reinfect(w2, "The reopened China booking portal", risk)
                         else
                             w2.note("The China portal held: the network was already clean.")
                         end
                     end)
                 end },
               { id = "turn_away", label = "No answer: Shanghai turns exporters away",
                 effect = function(w)
                     add(w, "ops", -6)
                     add(w, "trust", -4)
                     add(w, "cost", 5)
                     w.note("Without an answer, Shanghai turned exporters away in the Golden Week rush.")
                 end },
           } }

-- Opened by the suspicion of data theft (see breach_known).
decision { id = "breach_notice", from = "Data protection officer",
           prompt = "Personal data was probably taken. What do you tell customers now?",
           deadline = "12h", default = "wait",
           discuss = { "What does a customer need to know to protect themselves?" },
           facilitator = N.breach_notice,
           options = {
               { id = "tell_now", label = "\"We suspect a data breach\": say so, with phishing advice", recommended = true,
                 text = "CMA CGM said publicly on Wednesday 30 September, two days after it confirmed the attack, that it suspected a data breach.",
                 effect = function(w)
                     add(w, "trust", -2)
                     add(w, "exposure", -3)
                 end },
               { id = "wait", label = "Wait until forensics confirm what was taken",
                 effect = function(w)
                     w.note("Customers were not told their data might have been taken.")
                 end },
               { id = "deny", label = "Say no customer data was affected",
                 effect = function(w)
                     add(w, "trust", 2)
                 end },
           } }

-- Opened by late arrival notices.
decision { id = "demurrage", from = "Head of US imports",
           prompt = "Consignees could not collect boxes because arrival notices never came. Terminals are billing demurrage. Who pays?",
           deadline = "12h", default = "bill",
           discuss = { "What will shippers remember about this fortnight?" },
           facilitator = N.demurrage,
           options = {
               { id = "waive", label = "Waive demurrage and detention caused by the outage", recommended = true,
                 effect = function(w)
                     add(w, "cost", 8)
                     add(w, "trust", 4)
                 end },
               { id = "case_by_case", label = "Review claims case by case",
                 effect = function(w)
                     add(w, "cost", 3)
                     add(w, "trust", -2)
                     add(w, "fatigue", 6)
                 end },
               { id = "bill", label = "Bill as usual: the tariff is the tariff",
                 effect = function(w)
                     add(w, "trust", -10)
                     add(w, "regulatory", -5)
                     w.note("Customers were billed demurrage for boxes they could not collect because of the outage.")
                 end },
           } }

-- Opened by the regions' call.
decision { id = "reconnect", from = "Regional managing directors",
           prompt = "The regions want their networks back this weekend. What do you tell them?",
           deadline = "8h", default = "regions_decide",
           discuss = { "What would you need to know before reconnecting anything?" },
           facilitator = N.reconnect,
           options = {
               { id = "phased", label = "In phases: back office, subsidiaries, agencies, then e-commerce", recommended = true,
                 text = "Each phase on a monitored segment, after Active Directory is rebuilt and the way in is closed. Publish the order so the regions can plan.",
                 effect = function(w)
                     if phases(w) >= 1 or restore_risk(w) == "clean" then
                         add(w, "trust", 3)
                         w.note("The regions accepted a published order of phases.")
                     else
                         add(w, "trust", -2)
                         w.note("Nothing was ready to reconnect. The regions were told to wait, with no date.")
                     end
                 end },
               { id = "all_now", label = "Reconnect every office now",
                 effect = function(w) reconnect_all(w, 25, "The offices reconnected all at once") end },
               { id = "regions_decide", label = "Leave it to the regions",
                 text = "Without an answer, each director does what he thinks best.",
                 effect = function(w)
                     add(w, "trust", -3)
                     w.note("With no answer from head office, the regions reconnected on their own.")
                     reconnect_all(w, 50, "The offices the regions reconnected")
                 end },
           } }

-- ---------------------------------------------------------------------------
-- Continuous dynamics
-- ---------------------------------------------------------------------------

-- Every hour, until the network is contained, the attackers reach further.
every("1h", function(w)
    if w.flag.contained or not w.flag.attack_known or w.meter.spread >= 100 then return end
    local n = (w.flag.edge_cut and 1 or 0) + (w.flag.wan_cut and 1 or 0) + (w.flag.asia_isolated and 1 or 0)
    local g
    if n == 0 then g = w.random(3, 5) elseif n == 1 then g = w.random(1, 3) else g = w.random(0, 2) end
    if g > 0 and w.done("stop_pcs") > 0 then g = g - 1 end
    add(w, "spread", g)
end)

-- Every 4 hours: operations move toward their target, the bill grows with
-- lost operations, people tire, and evidence decays until captured.
every("4h", function(w)
    local t = ops_target(w)
    local o = w.meter.ops
    local step = (t - o) * 2 // 5
    if step == 0 and t ~= o then step = (t > o) and 1 or -1 end
    add(w, "ops", step)

    local acc = (w.flag.cost_acc or 0) + math.max(0, 95 - w.meter.ops) * 0.05
    local whole = math.floor(acc)
    w.flag.cost_acc = acc - whole
    if whole > 0 then add(w, "cost", whole) end

    -- With a rota people sleep, and fatigue follows the workload; without
    -- one it only goes up.
    local b = busy_share(w)
    local f = (w.flag.fatigue_acc or 0) + (w.flag.rota and (3 * b - 0.4) or (0.6 + 4 * b))
    local fw = (f >= 0) and math.floor(f) or -math.floor(-f)
    w.flag.fatigue_acc = f - fw
    if fw ~= 0 then add(w, "fatigue", fw) end

    if w.done("capture_memory") == 0 and w.meter.evidence > 20 then
        add(w, "evidence", -2)
    end
end)

-- Every 6 hours, customers react to how they are being treated. Below 15
-- the customers who are left are held by contracts, not goodwill, and only
-- events move them. Above TRUST_CEILING goodwill fades: good handling
-- limits the damage of a fortnight without online booking, it does not
-- make customers think better of the carrier than before the attack (70).
local TRUST_CEILING = 66
every("6h", function(w)
    if w.meter.trust <= 15 then return end
    if w.meter.ops < 50 then add(w, "trust", -1) end
    if w.meter.trust > TRUST_CEILING then add(w, "trust", -1) end
end)

-- Every 12 hours without the portal costs goodwill, less if customers
-- have been told how to book meanwhile.
every("12h", function(w)
    if w.meter.trust <= 15 or w.system.booking.status == "online" then return end
    add(w, "trust", w.done("announce_workarounds") > 0 and -2 or -3)
end)

-- Every day at 22:00: was there an update today? Once the first promised
-- update has come (w.flag.schedule), a day without one breaks the promise,
-- even after the standing update was cancelled.
every("1d", function(w)
    if not first_line_said(w) then return end
    local last = w.flag.last_update or -10 * D
    local fresh = w.time - last <= 26 * H
    if not fresh and w.meter.trust <= 15 then return end
    if w.flag.schedule then
        if fresh then
            add(w, "trust", 1)
        else
            add(w, "trust", -3)
            w.flag.promises_broken = (w.flag.promises_broken or 0) + 1 -- for the endings' findings
            w.note(string.format("Day %d: the promised daily update did not come.", w.time // D))
        end
    elseif not fresh then
        add(w, "trust", -2)
    end
end)

-- ---------------------------------------------------------------------------
-- Endings (checked in this order)
-- ---------------------------------------------------------------------------

-- Each ending's `findings` name only what this session did: they are
-- judged once, at the end, and only those that hold are shown under the
-- text, so a room is never told of a failure it did not have.
ending { id = "reinfected", title = "Fast recovery, then reinfection", tone = "bad", text = T.end_reinfected,
         when = function(w) return (w.flag.reinfections or 0) >= 2 end,
         findings = {
             { text = "The network was not contained: the internet edge, the Asia offices and the links between regions were not all cut.",
               when = function(w) return not w.flag.contained end },
             { text = "Active Directory was never rebuilt, so the attackers' accounts were still in it.",
               when = function(w) return not w.flag.ad_clean end },
             { text = "The way the attackers came in was never closed.",
               when = function(w) return w.done("close_entry") == 0 end },
         } }

ending { id = "paid", title = "Paid, and it bought little", tone = "bad", text = T.end_paid,
         when = function(w) return truthy(w.flag.review and w.flag.paid) end,
         findings = {
             { text = "The attackers kept a copy of the data anyway and came back for more.",
               when = function(w) return w.fired("reextortion") > 0 end },
             { text = "US Treasury wants to know who received the money: its advisory of 1 October 2020 warned that paying a sanctioned group is a violation even if you did not know who they were.",
               when = function(w) return w.fired("treasury_letter") > 0 end },
             { text = "The breach was denied in public, and the stolen data showed otherwise.",
               when = function(w) return w.flag.denial_exposed == true end },
         } }

ending { id = "recovered", title = "Back in business, with the story told straight", tone = "good",
         text = T.end_recovered,
         when = function(w)
             return truthy(w.flag.review and w.flag.contained and phases(w) >= 4
                 and (w.flag.reinfections or 0) == 0
                 and w.meter.trust >= 60 and w.meter.regulatory >= 60 and w.meter.exposure < 50
                 and w.meter.fatigue < 80)
         end }

-- The two endings with a story of their own (the team spent, one relapse)
-- come before the two judged on meters alone: a fortnight without a rota,
-- or with a reinfection, also drags trust down, and the room should hear
-- what happened, not only where trust ended.
ending { id = "burned_out", title = "Back in business, and the team is spent", tone = "mixed",
         text = T.end_burned_out,
         when = function(w)
             return truthy(w.flag.review and w.flag.contained and phases(w) >= 4
                 and (w.flag.reinfections or 0) == 0 and w.meter.fatigue >= 80)
         end }

ending { id = "relapse", title = "Back, after a relapse", tone = "mixed", text = T.end_relapse,
         when = function(w)
             return truthy(w.flag.review and w.flag.contained and phases(w) >= 4
                 and (w.flag.reinfections or 0) >= 1)
         end }

ending { id = "breach_story", title = "Systems back; the breach is the story", tone = "mixed",
         text = T.end_breach,
         when = function(w)
             return truthy(w.flag.review and w.flag.contained and phases(w) >= 3
                 and (w.meter.regulatory < 60 or w.meter.exposure >= 50))
         end,
         findings = {
             { text = "The CNIL never had a notice from you; it wrote to you instead.",
               when = function(w) return w.done("notify_dpa") == 0 end },
             { text = "The first notice reached the CNIL after the 72 hours.",
               when = function(w) return w.flag.dpa_at ~= nil and not dpa_in_time(w) end },
             { text = "The breach was denied in public, and the stolen data showed otherwise.",
               when = function(w) return w.flag.denial_exposed == true end },
             { text = "Customers were never told what to watch for, so stolen records were used against them.",
               when = function(w) return w.done("warn_customers") == 0 end },
             { text = "Staff whose HR files were taken were never told.",
               when = function(w) return w.flag.breach_known == true and w.done("notify_staff") == 0 end },
             { text = "US filings fell due without a request for relief from the FMC.",
               when = function(w) return w.fired("fmc_warning") > 0 end },
         } }

ending { id = "trust_lost", title = "Contained, but trust lost", tone = "mixed", text = T.end_trust_lost,
         when = function(w)
             return truthy(w.flag.review and w.flag.contained and phases(w) >= 3 and w.meter.trust < 60)
         end,
         findings = {
             { text = "The first statement called it \"an internal IT infrastructure issue\"; the ransom note on LinkedIn said otherwise.",
               when = function(w) return w.chosen("first_statement") == "it_issue" end },
             { text = "The first public line was silence, while customers could not book.",
               when = function(w) return w.chosen("first_statement") == "silence" end },
             { text = "Customers learned about the attack from a photo of the ransom note on LinkedIn, before any statement from Alcyon.",
               when = function(w) return w.flag.linkedin_first == true end },
             { text = "A channel was declared safe before anyone checked it, and attackers used it against customers.",
               when = function(w) return w.fired("phish_wave") > 0 end },
             { text = "The breach was denied in public, and the stolen data showed otherwise.",
               when = function(w) return w.flag.denial_exposed == true end },
             { text = "Some days the promised daily update did not come.",
               when = function(w) return (w.flag.promises_broken or 0) > 0 end },
             { text = "Customers were never told when to expect the next update.",
               when = function(w) return w.done("announce_schedule") == 0 end },
             { text = "Customers were never told how to book while the portal was down.",
               when = function(w) return w.done("announce_workarounds") == 0 end },
             { text = "Calls went unanswered until the shippers' associations went public.",
               when = function(w) return w.done("hotline") == 0 end },
         } }

ending { id = "slow", title = "Safe, but slow", tone = "mixed", text = T.end_slow,
         when = function(w) return truthy(w.flag.review and w.flag.contained and phases(w) >= 1) end }

ending { id = "adrift", title = "Still adrift", tone = "bad", text = T.end_adrift, fallback = true,
         findings = {
             { text = "The attackers were never shut in, so every restore would have been a gamble and every statement could be overtaken by the next encrypted server.",
               when = function(w) return not w.flag.contained end },
             { text = "The attack was contained, and then the network was left dark: no restoration phase was finished.",
               when = function(w) return w.flag.contained == true end },
             { text = "Active Directory was never rebuilt.",
               when = function(w) return not w.flag.ad_clean end },
         } }

-- ---------------------------------------------------------------------------
-- Session cuts: shorter workshops with their own endings
-- ---------------------------------------------------------------------------
-- A cut plays the same story from T+0 and stops at its `length`. When that
-- runs out, an ending whose `when` holds comes first (here only
-- "reinfected" can, and it would have ended the session already), then the
-- cut's own ending. The cut endings below have no `when` and are not the
-- fallback, so the full fortnight never reaches them. `agenda` is the
-- planned workshop in real minutes, discussion included; `rate` paces the
-- clock so that about a third of the agenda is running clock at 1x.

-- 60 minutes: the first two days, up to the moment the note's "special
-- price" lapses (Tuesday 22:00). Inside: containment, the ransom position,
-- the first public line, the breach notice, CBP's relief and the Golden
-- Week rush.
ending { id = "handover_48h", title = "Handover after 48 hours", tone = "mixed",
         text = T.end_handover_48h }
-- A simulated day every ten real minutes: 20 minutes of clock at 1x.
cut { id = "first48h", label = "The first 48 hours", length = "2d", agenda = 60, rate = 144,
      ending = "handover_48h" }

-- 90 minutes: the first week, up to the chief executive's one-page note for
-- the board (Sunday 4 October, 22:00), which fires at the same second and
-- so comes before the ending. Adds the lapsed price and the leak, the
-- Treasury advisory, the shippers' complaint, demurrage, the regions' push
-- to reconnect and the first restoration phases.
ending { id = "board_week_one", title = "One week in: the page for the board", tone = "mixed",
         text = T.end_board_week_one }
-- A simulated day every five real minutes: 35 minutes of clock at 1x.
cut { id = "week1", label = "The first week", length = "7d", agenda = 90, rate = 288,
      ending = "board_week_one" }

-- ---------------------------------------------------------------------------
-- Exercise objectives: what the room sets out to do, judged once when the
-- session ends, from what the session did (read-only, like a condition).
-- ---------------------------------------------------------------------------

objective { id = "do_not_pay",
            text = "Do not pay the ransom",
            met = function(w) return not w.flag.paid end }

objective { id = "keep_the_evidence",
            text = "Capture memory before anything is wiped, and keep the evidence (50 or more at the end)",
            met = function(w)
                return w.done("capture_memory") > 0 and w.meter.evidence >= 50
            end }

objective { id = "notify_dpa",
            text = "Send the CNIL (the data protection authority) a first breach notice within 72 hours of becoming aware of the attack",
            met = function(w) return dpa_in_time(w) end }

objective { id = "tell_customers_of_the_breach",
            text = "Tell customers plainly that their data may have been taken: never deny it",
            met = function(w) return w.chosen("breach_notice") == "tell_now" end }

objective { id = "daily_updates",
            text = "Keep customers informed: on average at least one published update a day",
            met = function(w)
                local n = w.done("publish_update") + w.done("announce_schedule")
                return n >= math.max(1, w.time // D)
            end }
