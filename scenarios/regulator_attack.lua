-- Dark in Committee Week: Bulkhead's flagship scenario.
--
-- About 74 real minutes at 1x (rate 120: six days and four simulated hours).
-- A fictional UN maritime regulator loses its public website, intranet and
-- member states' reporting database in the middle of a committee week.
-- Modeled on public reporting of the cyberattack on the International
-- Maritime Organization, 30 September to early October 2020. Facts the IMO
-- confirmed are tagged source = "fact" with a reference; practice taken from
-- another incident (Maersk's shifts, CMA CGM's updates) is "analogy". The
-- IMO never said what malware hit it, how the attackers got in or who they
-- were, so everything about the attackers is tagged source = "fiction", and
-- so are the stolen HR files and the police case.
--
-- The model, in short:
--   * Until the web services are shut down (isolated or powered off), the
--     attackers erode data integrity every hour and reach further: the London
--     file servers, then the Geneva backups.
--   * A restore is clean only when the way in is closed (find_entry, then
--     close_entry) and the accounts are reset. Anything restored earlier
--     comes back compromised a few hours later: a second outage. Nothing is
--     restored over servers the investigators are still reading.
--   * Credibility follows what you say, when you knew it, and how regularly
--     you say it: "cyberattack" before triage is a guess, "investigating a
--     disruption" is honest until triage and stale after it, and "technical
--     issues" after the evidence is wrong.
--   * Even a strong week costs: the investigators need the night, the
--     slower rebuilds take days, praise fades, and fatigue never falls
--     below where it was. The real IMO took about a week.
--   * Fatigue follows how many of your own people are busy, and a shift
--     rota is the only thing that brings it down while work goes on.
--   * Tuesday 09:00 (the member-state briefing) sets flag.review, and the
--     endings are judged then; two bad endings can come earlier.

local T = include("regulator_attack_texts.lua")
local N = include("regulator_attack_notes.lua")

local H = 3600
local DAY = 24 * H
local START_HOUR = 6      -- T+0 is 06:00 London time

-- ---------------------------------------------------------------------------
-- Scenario, meters, systems, teams
-- ---------------------------------------------------------------------------

scenario {
    id = "regulator_attack",
    title = "Dark in Committee Week",
    summary = "A UN maritime regulator's website, intranet and reporting database go dark in the middle of a committee week.",
    based_on = "public reporting of the September 2020 cyberattack on the International Maritime Organization",
    start = "2020-09-30 06:00",
    length = "6d4h",
    rate = 120,
    difficulty = "hard",
    briefing = T.briefing,
    organisation = T.organisation,
    stakes = T.stakes,
}

meter { id = "confidence", label = "Member-state confidence", start = 70, min = 0, max = 100,
        description = "Whether member states trust the secretariat to run their organisation: MARIS, the committees, straight answers." }
meter { id = "continuity", label = "Committee continuity", start = 80, min = 0, max = 100,
        description = "How much of the committee week's work gets done: sessions held, papers in delegates' hands." }
meter { id = "credibility", label = "Public credibility", start = 65, min = 0, max = 100,
        description = "What the press, the industry and the public make of how you handle it. You write the industry's cyber rules." }
meter { id = "integrity", label = "Data integrity", start = 85, min = 0, max = 100,
        description = "How far you can vouch for MARIS records, documents and files. It falls while the attackers have access, and when you restore from an old copy." }
meter { id = "fatigue", label = "Staff fatigue", start = 10, min = 0, max = 100, good = "low",
        description = "How worn out your own people are. Tired people make mistakes." }

system { id = "website", label = "Public website", status = "online",
         description = "imc.int: news, meeting calendars, press releases. The first place anyone looks." }
system { id = "intranet", label = "Intranet", status = "online",
         description = "The staff portal: procedures, contact lists, HR forms." }
system { id = "maris", label = "MARIS reporting database", status = "online",
         description = "The Maritime Reporting and Information System, where member states file the reports the conventions require. The real IMO's equivalent is GISIS." }
system { id = "docs", label = "DocNet (meeting documents)", status = "online",
         description = "Where delegates download committee papers and submissions." }
system { id = "epubs", label = "e-Publications", status = "online",
         description = "Online editions of the conventions and codes, sold to subscribers." }
system { id = "meeting", label = "Meeting platform with interpretation", status = "online",
         description = "A hosted video platform with channels for simultaneous interpretation in six languages. It runs outside your network." }
system { id = "email", label = "Email", status = "online" }
system { id = "files", label = "File servers (London)", status = "online" }
system { id = "backups", label = "Backups (Geneva)", status = "online",
         description = "Nightly copies in a second city. Online means London can reach them, and so can anyone inside London's network." }

team { id = "ict", label = "ICT & security", staff = 4 }
team { id = "comms", label = "Communications", staff = 2 }
team { id = "conf", label = "Conference services", staff = 3 }
team { id = "legal", label = "Legal & external relations", staff = 2 }
team { id = "mgmt", label = "Senior management", staff = 2 }

-- ---------------------------------------------------------------------------
-- References: every `ref` below names one of these
-- ---------------------------------------------------------------------------

reference { id = "shipandbunker", title = "IMO Hit By Cyberattack",
            cite = "Ship & Bunker (shipandbunker.com), 2020: systems affected; key systems shut down to prevent further damage; \"sophisticated\" attack" }
reference { id = "infosecbuzz", title = "UN Agency Hit With Cyberattack",
            cite = "Information Security Buzz (informationsecuritybuzz.com), 2020: first \"technical issues\", a cyberattack the next day" }
reference { id = "reuters", title = "Reuters report on the IMO cyberattack",
            cite = "Reuters, via devdiscourse.com, 2020: the services the attack took down" }
reference { id = "smartmaritime", title = "IMO website back online",
            cite = "Smart Maritime Network (smartmaritimenetwork.com), 2020: email, collaboration and the virtual meeting platform kept working" }
reference { id = "fathom", title = "Services resume at IMO after cyber attack",
            cite = "Fathom World (fathom.world), 2020: file servers in the UK, backups in Geneva, tested restores, ISO/IEC 27001 since 2015" }
reference { id = "offshore_energy", title = "IMO's website restored after cyber-attack",
            cite = "Offshore Energy (offshore-energy.biz), 2020: worked with the UN International Computing Centre" }
reference { id = "informare", title = "IMO hit by cyberattack",
            cite = "Informare (informare.it), 2020: GISIS, IMODOCS and Virtual Publications back on 1 October, offline again early on 2 October, website back on 2 October" }
reference { id = "maritimepro", title = "Reuters report on full restoration of IMO services",
            cite = "Maritime Professional (maritimeprofessional.com), via Reuters, 13 October 2020: full services back about a week later" }
reference { id = "gisis", title = "Resolution A.1029(26) on GISIS",
            cite = "IMO Assembly resolution A.1029(26), via imorules.com: GISIS and mandatory reporting" }
reference { id = "msc428", title = "Resolution MSC.428(98): Maritime cyber risk management in safety management systems",
            cite = "IMO Maritime Safety Committee, 16 June 2017 (resolution text via scribd.com)" }
reference { id = "cisa", title = "Ransomware Response Checklist",
            cite = "CISA and MS-ISAC, Ransomware Guide, September 2020 (cisa.gov): isolate, power down only as a last resort" }
reference { id = "m2shipping", title = "CMA CGM concedes data breach is likely",
            cite = "m2shipping.com, 2020: CMA CGM's successive updates during its own outage the same week" }
reference { id = "maersk_shifts", title = "Maersk: When the screens went black",
            cite = "SAFETY4SEA (safety4sea.com), on Maersk's 2017 recovery: shift-based work streams with a duty manager" }

-- ---------------------------------------------------------------------------
-- Helpers shared by hooks
-- ---------------------------------------------------------------------------

local WEB = { "website", "intranet", "maris", "docs", "epubs" }
local TEAMS = { "ict", "comms", "conf", "legal", "mgmt" }
local NAME = { website = "The public website", intranet = "The intranet", maris = "MARIS",
               docs = "DocNet", epubs = "e-Publications", files = "The London file servers" }

local function truthy(x) return x and true or false end

-- Seconds since local midnight, and the hour of the day.
local function clock(w) return (w.time + START_HOUR * H) % DAY end
local function hour(w) return clock(w) // H end
local function is_night(w) local h = hour(w) return h >= 22 or h < 6 end

local function up(w, id) return w.system[id].status == "online" end

local function is_one_of(status, list)
    for _, s in ipairs(list) do
        if status == s then return true end
    end
    return false
end

-- Safe to restore: the way in is closed and the stolen accounts are dead.
local function clean(w) return truthy(w.flag.understood and w.flag.accounts_reset) end

local function core_restored(w) return up(w, "maris") and up(w, "website") and up(w, "docs") end

local function docs_in_hand(w) return up(w, "docs") or w.done("docs_by_email") > 0 end

-- A restored system turns out to be compromised again: the second outage.
-- `why` explains it in the debrief; the default is a premature restore.
local function relapse(w, id, why)
    w.system[id].status = "compromised"
    w.flag.relapses = (w.flag.relapses or 0) + 1
    local announced = (id == "maris" or id == "docs") and w.flag.announced
    if announced then
        w.flag.announced_relapse = true
        w.meter.credibility = w.meter.credibility - 14
        w.meter.confidence = w.meter.confidence - 10
        w.note(NAME[id] .. " went dark again after you had announced its return.")
        w.flag.announced = false
    else
        w.meter.credibility = w.meter.credibility - 7
        w.meter.confidence = w.meter.confidence - 5
    end
    w.note(why or (NAME[id] .. " was restored before the way in was closed, and the attackers used it again."))
    w.meter.integrity = w.meter.integrity - 5
    w.meter.continuity = w.meter.continuity - 3
    if id == "maris" then w.flag.maris_back_at = false end
    w.fire("relapse")
    w.after("30m", function(w2)
        if w2.system[id].status == "compromised" then w2.system[id].status = "isolated" end
    end)
    -- Second time: end the session once the relapse message is delivered
    -- (w.fire and w.after queue in order at the same instant).
    if w.flag.relapses >= 2 then
        w.after(0, function(w2) w2.finish("second_outage") end)
    end
end

-- Bring a restored system online. Each restore gets a generation number so
-- that a relapse scheduled for an earlier restore cannot hit a later one.
local function bring_back(w, id)
    local gen = (w.flag["gen_" .. id] or 0) + 1
    w.flag["gen_" .. id] = gen
    w.system[id].status = "online"
    local delay
    if not w.flag.contained then
        delay = "1h"
        w.note(NAME[id] .. " came back while the attackers still had the run of the web cluster.")
    elseif not clean(w) then
        delay = "8h"
    end
    if delay then
        w.after(delay, function(w2)
            if w2.flag["gen_" .. id] == gen and w2.system[id].status == "online" then
                relapse(w2, id)
            end
        end)
    elseif id == "maris" then
        w.flag.maris_back_at = w.time
    end
end

-- Restores read from Geneva; if the attackers reached Geneva, from the
-- monthly offline copy, which costs weeks of data the first time.
local function restore_source(w)
    if w.system.backups.status == "compromised" and not w.flag.tape_used then
        w.flag.tape_used = true
        w.meter.integrity = w.meter.integrity - 12
        w.note("Restored from the monthly offline copy: four weeks of member-state filings have to be re-entered.")
    end
end

local RESTORABLE = { "compromised", "degraded", "isolated", "offline" }

local function restore_available(w, id)
    if w.running("power_down") or w.running("isolate_web") then
        return false, "The web cluster is being shut down"
    end
    -- Evidence first: nobody writes over servers the investigators are
    -- still reading, or front ends that are being rebuilt.
    if w.running("find_entry") then
        return false, "The investigators are still working on these servers: a restore now would overwrite the evidence"
    end
    if w.running("close_entry") then return false, "The front ends are being rebuilt" end
    if not is_one_of(w.system[id].status, RESTORABLE) then
        return false, "It does not need restoring"
    end
    return true
end

-- Updates: a regular rhythm counts, bursts do not, and while the website is
-- dark they only reach people if social media is the announced channel.
local function on_slot(w)
    local c = clock(w)
    return math.abs(c - 9 * H) <= H or math.abs(c - 17 * H) <= H
end

-- Evidence of an attack, as opposed to a guess: what ICT or the
-- investigators have found.
local function attack_known(w)
    return truthy(w.flag.triaged or w.flag.entry_found or w.fired("files_hit") > 0
        or w.fired("backups_hit") > 0 or w.fired("relapse") > 0)
end

local function statement_made(w)
    return w.chosen("first_words") ~= nil
end

-- ---------------------------------------------------------------------------
-- Injects: Wednesday
-- ---------------------------------------------------------------------------

inject { id = "alarm", at = "0m", channel = "internal", from = "Ravi Menon, ICT night desk",
         title = "06:00: the website and the intranet are dark",
         body = [[imc.int returns errors, and staff in the building cannot load the intranet. The monitoring console shows the servers behind MARIS, DocNet and e-Publications working hard at an hour when nobody uses them. Email works. The meeting platform, which is hosted outside, answers normally.

Ravi has not touched anything. He is asking whether to start pulling plugs.

(On 30 September 2020 the IMO's public website, intranet and other web services, including GISIS, IMODOCS and Virtual Publications, went down.)]],
         source = "fact", ref = "shipandbunker",
         facilitator = N.alarm,
         discuss = { "What do you need to know before you shut anything down?",
                     "Who do you wake, and how do you reach them if the contact lists are on the intranet?" },
         effect = function(w)
             w.system.website.status = "compromised"
             w.system.intranet.status = "compromised"
             w.system.maris.status = "compromised"
             w.system.docs.status = "degraded"
             w.system.epubs.status = "degraded"
         end }

inject { id = "chair_call", at = "20m", channel = "phone", from = "Ana Ruiz, conference services duty officer",
         title = "The Facilitation Committee meets at 12:00",
         body = [[The committee's session opens at 12:00 London time on the meeting platform. Interpreters in six languages are booked. Delegations will log in from home and from capitals in a dozen time zones.

The chair's office has seen that the website is down. It asks two things: will delegates get their papers, and is the platform safe to use?

(The IMO's Facilitation Committee met on its virtual platform with simultaneous interpretation on 30 September and 2 October 2020, while the website was down.)]],
         source = "fact", ref = "smartmaritime",
         facilitator = N.chair_call,
         discuss = { "What would you check before you answer the chair?",
                     "How do delegates get their papers if DocNet stays down?" } }

inject { id = "triage_finding", channel = "internal", from = "ICT & security",
         title = "Triage: someone is inside",
         body = [[This is not a fault. Since 03:50 a web service account has been logging in to every server in the web cluster from addresses abroad. Scripts nobody here wrote sit in the public site's upload folder. The intranet, MARIS and DocNet front ends all trust that account. Email and the meeting platform do not.

Every hour the cluster stays on the network, they can read, change or delete more.]],
         source = "fiction",
         discuss = { "Is this enough to call it an attack in public?",
                     "Shut everything down now, or keep MARIS and DocNet up for the committee?" },
         effect = function(w) w.flag.triaged = true end }

inject { id = "maris_explainer", at = "3h", channel = "email", from = "Reporting desk, a flag state's maritime administration",
         title = "A member state cannot file its mandatory report",
         body = [["Our marine casualty investigation report is due in MARIS this week and MARIS is not responding. Our minister asks whether we will be recorded as late. What do we do?"

MARIS (the Maritime Reporting and Information System) is how member states meet the reporting duties the conventions give them: casualty investigations, port reception facilities, recognised organisations, security contact points. Those duties come from the conventions, not from the secretariat, which can neither set nor move their dates. A few days without MARIS puts nobody in breach, but administrations need to know how else to submit, and that the outage is on record.

(GISIS, the IMO's equivalent, has run since 2005 and is how member states meet their mandatory reporting duties. It was among the services the 2020 attack took down.)]],
         source = "fiction",
         facilitator = N.maris_explainer,
         discuss = { "What can member states do instead, and who tells them?" } }

inject { id = "session_wed", at = "6h", channel = "internal", from = "Conference services",
         title = "12:00: the committee session",
         body = [[The session's scheduled start. The chair has the secretariat's line about the platform in front of her, and the interpreters are in their booths at home.

(The IMO held its Facilitation Committee session on the platform on 30 September 2020. The attack did not affect the platform or email.)]],
         source = "fact", ref = "smartmaritime",
         facilitator = N.session_wed,
         discuss = { "What did you tell delegates about the platform, and what was it based on?" },
         effect = function(w)
             local c = w.chosen("platform")
             local checked = truthy(w.flag.platform_verified)
             if c == "postpone" or (c == "check_first" and not checked) then
                 w.meter.continuity = w.meter.continuity - 12
                 w.meter.confidence = w.meter.confidence - 2
                 if c == "postpone" then
                     w.note("The session was postponed. Friday's agenda now carries two days of work.")
                 else
                     w.note("ICT had not finished checking the platform by 12:00, so the chair postponed the session to Friday.")
                 end
                 return
             end
             w.flag.wed_held = true
             if not checked then
                 w.fire("stranger")
                 w.flag.platform_incident = true
                 w.meter.integrity = w.meter.integrity - 2
                 if c == "declare_safe" then
                     w.meter.credibility = w.meter.credibility - 8
                     w.meter.confidence = w.meter.confidence - 10
                     w.note("The secretariat had told delegates the platform was safe. Nobody had checked who could get into the room.")
                 else
                     w.meter.credibility = w.meter.credibility - 3
                     w.meter.confidence = w.meter.confidence - 5
                     w.meter.continuity = w.meter.continuity - 4
                     w.note("Delegates were told nothing about the platform, and nobody had checked it. Some delegations stayed away.")
                 end
             elseif c == "say_nothing" then
                 w.meter.confidence = w.meter.confidence - 2
                 w.note("The platform had been checked, but nobody told the delegates, and they spent the first hour asking.")
             else
                 w.meter.confidence = w.meter.confidence + 2
                 w.note("Delegates were told what had been checked on the platform, and the session ran.")
             end
             if docs_in_hand(w) then
                 w.meter.continuity = w.meter.continuity + 2
             else
                 w.meter.continuity = w.meter.continuity - 5
                 w.note("Delegates had no papers: DocNet was down and nobody had sent them another way.")
             end
         end }

inject { id = "stranger", channel = "internal", from = "Conference services",
         title = "A stranger in the session",
         body = [[Twenty minutes in, a participant called "IMC ICT Helpdesk" joins from an unregistered address and posts in the chat: "DocNet is down. Updated papers here", with a link to a look-alike login page. The host removes him, but three delegates have already typed in their passwords.

The platform itself was never breached. Nobody had checked who could get into the room.]],
         source = "fiction",
         discuss = { "What should \"safe\" have meant when delegates asked?",
                     "How do you tell three delegations that their passwords are gone?" } }

inject { id = "silence_noticed", channel = "social", from = "Twitter",
         after = "4h", when = function(w) return w.flag.last_update == nil end,
         title = "\"Is anyone at IMC awake?\"",
         body = [[A maritime lawyer with 40,000 followers: "The UN's shipping regulator has been offline since dawn, in committee week, and not one word from them. Is anyone at @IMC awake?" Journalists are sharing it.]],
         source = "fiction",
         discuss = { "What is the least you could have said at 07:00?" },
         effect = function(w) w.meter.credibility = w.meter.credibility - 3 end }

inject { id = "press_first", at = "9h", channel = "news", from = "Trade journalist, London",
         title = "Trade press: \"Is it a cyberattack?\"",
         body = [[A journalist who covers your committees: "Your site has been down since this morning. I'm hearing it's a cyberattack. Can you confirm? I'm filing at 16:00."

(The IMO's first tweet on 30 September spoke of "technical issues". The next day it said this had been a cyberattack.)]],
         source = "fact", ref = "infosecbuzz",
         facilitator = N.press_first,
         discuss = { "What did your first line commit you to?" },
         effect = function(w)
             local said = w.flag.said
             if said == "attack" then
                 w.meter.credibility = w.meter.credibility + 1
                 w.note("You had already said \"cyberattack\", so the story was about the response.")
             elseif said == "technical" then
                 w.meter.credibility = w.meter.credibility - 4
                 w.note("The story: the body that writes shipping's cyber guidance blames \"technical issues\", and will not say more.")
             elseif said == "incident" then
                 w.meter.credibility = w.meter.credibility - 1
                 if w.flag.triaged then
                     w.meter.credibility = w.meter.credibility - 1
                     w.note("ICT had found someone inside, and the public line still spoke of \"a disruption\". The journalist filed \"IMC would not say whether it was attacked\".")
                 end
             else
                 w.meter.credibility = w.meter.credibility - 6
                 w.note("The story ran with \"IMC did not respond to requests for comment\".")
             end
         end }

-- ---------------------------------------------------------------------------
-- Injects: the attack spreads, and the people tire
-- ---------------------------------------------------------------------------

inject { id = "files_hit", channel = "internal", from = "ICT & security",
         when = function(w) return not w.flag.contained and w.meter.integrity < 72 end,
         title = "They are on the London file servers",
         body = [[The same service account is now browsing the London file servers: committee drafts, finance, HR. Whatever the attackers take from here has nothing to do with web services.]],
         source = "fiction",
         discuss = { "What is on those servers that member states would care about?" },
         effect = function(w)
             w.system.files.status = "compromised"
             w.meter.confidence = w.meter.confidence - 3
             -- Copying out a share takes a while: two hours more inside, and
             -- the HR files go.
             w.after("2h", function(w2)
                 if not w2.flag.contained then w2.fire("hr_taken") end
             end)
         end }

-- The data-protection side: staff files, not member states' data.
inject { id = "hr_taken", channel = "internal", from = "ICT & security",
         title = "The HR share was copied out",
         body = [[The file servers' logs show the HR share copied to an address abroad: personnel files for about 300 staff, with home addresses, bank details, passport copies and the medical certificates behind sick leave. Nothing has been published that anyone can find.

The IMC is a UN agency. Its privileges and immunities mean that national data protection law, such as the GDPR, does not bind it as it binds a company; its own data protection policy and the UN system's principles on personal data do. Whatever the law, the people at risk are your staff.

(The UN system's Principles on Personal Data Protection and Privacy were adopted on 11 October 2018. The GDPR does not say whether it applies to international organisations, which rely on their immunities; the question is disputed.)]],
         source = "fiction",
         discuss = { "Who are the victims here, and what do they need to know first?",
                     "Would your answer change if the IMC were a company under the GDPR?" },
         effect = function(w)
             w.flag.hr_taken_at = w.time
             w.open("hr_notice")
             w.after("1d", function(w2) w2.fire("hr_fraud") end)
         end }

inject { id = "hr_fraud", channel = "email", from = "Staff association",
         title = "Staff are being targeted",
         body = [[Staff are getting calls from "the IMC's bank" that quote their staff numbers and home addresses, and two have had loan applications made in their names. The staff association asks what the administration knew, and when it knew it.]],
         source = "fiction",
         discuss = { "What would staff have needed to hear yesterday to hang up on these calls?" },
         effect = function(w)
             local told = w.flag.staff_told_at
             if told then
                 w.note("Staff had been told what was taken and what to watch for. Most hung up, and the banks stopped the two loans.")
             else
                 w.meter.credibility = w.meter.credibility - 5
                 w.meter.confidence = w.meter.confidence - 2
                 w.meter.fatigue = w.meter.fatigue + 4
                 w.note("Staff learned from the fraudsters what the administration had known for a day. The staff association's letter reached the press.")
                 if w.chosen("hr_notice") == "no_duty" then
                     w.meter.credibility = w.meter.credibility - 3
                     w.note("\"National data protection law does not bind us\" was quoted back at the secretariat, word for word.")
                 end
             end
             if w.flag.police then
                 w.note("The police took the loan applications into the case they had already opened.")
             end
         end }

inject { id = "police_case", channel = "phone", from = "Police cyber crime unit (host country)",
         title = "The police have opened a case",
         body = [[A detective from the police cyber crime unit has the logs and server images the secretariat handed over. The addresses match a case they are working on with other countries' police, and they will share what they learn about the attackers. They cannot say when, or whether, anyone will be charged.

Because the IMC's premises and records are inviolable, the police see only what the secretariat chooses to give them.]],
         source = "fiction",
         discuss = { "What did you give the police, who decided, and what did you keep back?" },
         effect = function(w)
             w.meter.confidence = w.meter.confidence + 1
             if w.flag.memory_lost then
                 w.note("With the servers' memory gone, the police had disks and logs to work from and little else.")
             end
         end }

inject { id = "backups_hit", channel = "phone", from = "Backup team, Geneva",
         when = function(w)
             return not w.flag.contained and w.meter.integrity < 50
                 and not w.flag.backups_protected
         end,
         title = "Someone is deleting the Geneva backups",
         body = [[The backup console shows last night's MARIS and DocNet copies being deleted by an administrator account logged in from London. Geneva has pulled the network cable, but the last three nights' copies are gone. What is left is the monthly offline copy, four weeks old.

Attackers who want leverage go for the backups first. Checking the backups and cutting them off early is standard advice.]],
         source = "fiction",
         discuss = { "Who could have cut Geneva off this morning, and what stopped them?" },
         effect = function(w)
             w.system.backups.status = "compromised"
             w.meter.integrity = w.meter.integrity - 10
             w.note("The Geneva backups were reached because nobody had cut them off from London.")
         end }

inject { id = "fatigue_mistake", channel = "internal", from = "ICT & security",
         when = function(w) return w.meter.fatigue >= 60 end,
         title = "A tired hand",
         body = [[An engineer who has not been home since the alarm restored the DocNet test database over the live one. Undoing it took two hours, and he has been sent home to sleep. He is back in twelve hours.]],
         source = "fiction",
         discuss = { "Who decides when people go home?" },
         effect = function(w)
             w.meter.integrity = w.meter.integrity - 4
             w.meter.continuity = w.meter.continuity - 2
             w.team.ict.staff = w.team.ict.staff - 1
             w.after("12h", function(w2) w2.team.ict.staff = w2.team.ict.staff + 1 end)
         end }

inject { id = "burnout", channel = "internal", from = "Medical service",
         when = function(w) return w.meter.fatigue >= 85 end,
         title = "The ICT lead is sent home",
         body = [[The medical service has sent the head of ICT & security home after she collapsed in the corridor. She is fine, and she is not coming back this week.]],
         source = "fiction",
         discuss = { "Who holds her knowledge now?" },
         effect = function(w)
             w.team.ict.staff = w.team.ict.staff - 1
             w.note("The head of ICT & security was sent home exhausted.")
         end }

-- ---------------------------------------------------------------------------
-- Injects: help arrives, the investigation
-- ---------------------------------------------------------------------------

inject { id = "unicc_arrives", channel = "internal", from = "UN International Computing Centre",
         title = "UNICC is on the bridge",
         body = [[Three incident responders from the UN International Computing Centre (UNICC, the UN system's shared IT and cybersecurity provider) now have remote access and are on the crisis call. They bring forensic tools, a round-the-clock monitoring desk, and experience of attacks on other UN bodies.

ICT & security has three more people.

(The IMO worked with UNICC to restore its services in 2020.)]],
         source = "fact", ref = "offshore_energy",
         facilitator = N.unicc_arrives,
         discuss = { "What do you hand them first: logs, servers, or the authority to decide?" },
         effect = function(w)
             w.team.ict.staff = w.team.ict.staff + 3
             w.flag.external = (w.flag.external or 0) + 3
             w.flag.helpers = true
         end }

inject { id = "experts_arrive", channel = "internal", from = "Legal & external relations",
         title = "The forensic firm is in",
         body = [[Two investigators from the forensic firm on the UN framework contract have signed in and taken images of the web servers. ICT & security has two more people.]],
         source = "fiction",
         discuss = { "Who directs outside experts: ICT, legal, or you?" },
         effect = function(w)
             w.team.ict.staff = w.team.ict.staff + 2
             w.flag.external = (w.flag.external or 0) + 2
             w.flag.helpers = true
         end }

inject { id = "entry_found", channel = "internal", from = "Forensic lead",
         title = "How they got in",
         body = [[The attackers came in through an unpatched plug-in on the public website's content system and planted a web shell, a small script that lets them run commands through the web server. From there they used a web service account that had rights across the cluster: intranet, MARIS and DocNet front ends. There is no sign that they reached email or the meeting platform.

To close it: rebuild the front ends on patched servers, and reset that account and every privileged one. Until both are done, anything you restore can be entered the same way.

(Fiction: the IMO never said how its attackers got in.)]],
         source = "fiction",
         discuss = { "What would you restore first once this is closed, and why?" },
         effect = function(w) w.flag.entry_found = true end }

inject { id = "ncsc_indicators", channel = "regulator", from = "National Cyber Security Centre (host country)",
         title = "NCSC shares indicators",
         body = [[The host country's National Cyber Security Centre sends addresses and file signatures that match a campaign against the web servers of international organisations. ICT adds them to the blocklists and to the investigators' searches.]],
         source = "fiction",
         discuss = { "Who else should hear what you have learned?" },
         effect = function(w) w.meter.integrity = w.meter.integrity + 1 end }

inject { id = "test_result", channel = "internal", from = "Backup team, Geneva",
         title = "Geneva: the test restore worked",
         body = [[Last night's MARIS copy has been restored into an isolated test environment in Geneva. It took 2 hours 40 minutes, holds data up to 02:00 Wednesday, before the first sign of the attackers, and its checksums match.

(The IMO keeps its file servers in the UK and its backups in Geneva, and said it tests backup and restore regularly.)]],
         source = "fiction",
         facilitator = N.test_result,
         discuss = { "What does this test tell you, and what does it not?" },
         effect = function(w) w.meter.integrity = w.meter.integrity + 2 end }

inject { id = "relapse", channel = "internal", from = "ICT & security",
         title = "Restored, and compromised again",
         body = [[The restored system shows the same service-account logins and the same unknown scripts as when the alarm went. ICT is pulling it off the network again.

Something the attackers could use was still open when it came back, and they used it.]],
         source = "fiction", repeatable = true,
         discuss = { "What did you announce when it came back, and what do you say now?",
                     "What must be true before the next restore?" } }

-- ---------------------------------------------------------------------------
-- Injects: Thursday and Friday
-- ---------------------------------------------------------------------------

inject { id = "sg_pressure", at = "1d1h", channel = "internal", from = "Office of the Secretary-General",
         title = "The Secretary-General wants a time for MARIS",
         body = [["Three ambassadors have called me since last night. Their administrations cannot file. I see the Council chair at 11:00. When is MARIS back? I need a time I can say out loud."]],
         source = "fiction",
         discuss = { "What must be true before you give a time?",
                     "How do you tell the Secretary-General \"not yet\"?" } }

inject { id = "reuters_story", at = "1d4h", channel = "news", from = "Reuters, London bureau",
         title = "Reuters: \"UN shipping agency hit by cyberattack\"",
         body = [[Reuters is running a story on the attack and wants your comment within the hour. It lists what is down: the website, the intranet, MARIS, DocNet and e-Publications.

(Reuters reported the attack on the IMO and the services it took down: the website, the intranet and web services including GISIS, IMODOCS and Virtual Publications.)]],
         source = "fact", ref = "reuters",
         facilitator = N.reuters_story,
         discuss = { "Does the story match what you have said so far?" },
         effect = function(w)
             local said = w.flag.said
             if said == "attack" then
                 if (w.flag.said_attack_at or 0) <= 9 * H then
                     w.meter.credibility = w.meter.credibility + 1
                     w.note("Reuters quoted your own Wednesday statement. It was your story, told your way.")
                 elseif w.chosen("first_words") == "technical" then
                     w.note("Reuters quoted your correction, and the \"technical issues\" line before it.")
                 else
                     w.note("Reuters quoted your statement that it was a cyberattack, and noted that it had come late in the day.")
                 end
             elseif said == "technical" then
                 w.meter.credibility = w.meter.credibility - 12
                 w.meter.confidence = w.meter.confidence - 6
                 w.note("Reuters confirmed the attack from sources, next to your \"technical issues\" tweet. It reads as a cover-up.")
             elseif said == "incident" then
                 w.meter.credibility = w.meter.credibility - 4
                 w.note("Reuters called it a cyberattack while you still spoke of \"a disruption\".")
             else
                 w.meter.credibility = w.meter.credibility - 10
                 w.meter.confidence = w.meter.confidence - 5
                 w.note("Reuters broke the story. You had said nothing at all.")
             end
         end }

inject { id = "phishing", at = "1d6h", channel = "email", from = "National CERT of a member state",
         title = "Fake MARIS password resets",
         body = [[A member state's national CERT (its computer emergency response team) forwards an email that its MARIS administrator received from "maris-support@imc-int.org". Your domain is imc.int. The email says: "Following the incident, all MARIS accounts must be revalidated. Log in here." Several other administrations got the same.

Scammers read the news too.]],
         source = "fiction",
         discuss = { "Who should have warned MARIS users, and how, with the website down?" },
         effect = function(w)
             if w.flag.phish_warned then
                 w.meter.confidence = w.meter.confidence + 1
                 w.note("Your warning went out first. Most administrators deleted the fake email unread.")
             else
                 w.meter.confidence = w.meter.confidence - 5
                 w.meter.integrity = w.meter.integrity - 2
                 w.note("Two national administrators typed their MARIS passwords into the fake page.")
             end
         end }

inject { id = "reports_piling", channel = "email", from = "Permanent representative of a member state",
         after = "30h",
         when = function(w) return not up(w, "maris") and not w.flag.workaround end,
         title = "\"Will this count against us?\"",
         body = [[Four administrations have written: reports they meant to file this week are waiting, MARIS is down, and nobody has told them how else to submit or whether a late entry will be held against them. One minister's office wants it in writing that the delay is the secretariat's outage, not theirs.

(Member states meet their mandatory reporting duties through GISIS, the IMO's equivalent of MARIS.)]],
         source = "fiction",
         facilitator = N.reports_piling,
         discuss = { "Who in the secretariat owns the answer to this?" },
         effect = function(w) w.meter.confidence = w.meter.confidence - 5 end }

inject { id = "session_fri", at = "2d6h", channel = "internal", from = "Conference services",
         title = "Friday 12:00: the committee's second session",
         body = [[The committee meets again on the platform, with interpretation, to finish its agenda.

(The IMO's Facilitation Committee met on the platform again on 2 October 2020.)]],
         source = "fact", ref = "smartmaritime",
         facilitator = N.session_fri,
         discuss = { "What would the committee have lost if this session had not happened?" },
         effect = function(w)
             if w.flag.platform_incident and not w.flag.platform_verified then
                 w.meter.continuity = w.meter.continuity - 5
                 w.note("After Wednesday's stranger, several delegations would not join an unchecked platform.")
             end
             if docs_in_hand(w) then
                 w.meter.continuity = w.meter.continuity + 5
                 w.note("The committee finished its agenda.")
             else
                 w.meter.continuity = w.meter.continuity - 6
                 w.note("Delegates again had no papers, and the chair deferred three agenda items.")
             end
             if not w.flag.wed_held then
                 w.meter.continuity = w.meter.continuity - 4
                 w.note("Wednesday's lost session left more than one day's agenda for Friday.")
             end
         end }

inject { id = "iso_press", at = "2d10h", channel = "news", from = "Columnist, a maritime trade weekly",
         title = "\"Certified, and hacked anyway\"",
         body = [[A columnist asks: the IMC was the first UN body certified to ISO/IEC 27001 (the international standard for managing information security), in 2015. What was the certificate worth? And does the agency that tells shipping how to manage cyber risk follow its own advice?

Certification means an auditor checked that you run a management system for security risks. It does not mean that nobody can get in.

(The IMO has held ISO/IEC 27001:2013 certification since 2015, the first UN body to do so.)]],
         source = "fact", ref = "fathom",
         facilitator = N.iso_press,
         discuss = { "What does your certificate promise, and to whom?" },
         effect = function(w) w.open("iso_question") end }

-- ---------------------------------------------------------------------------
-- Injects: the weekend and the week after
-- ---------------------------------------------------------------------------

inject { id = "weekend", at = "3d3h", channel = "internal", from = "Human resources",
         title = "Saturday: who is on this weekend?",
         body = [["Eleven people have badged in every day since Wednesday, some of them until past midnight. Who is on duty this weekend, and who is off?"

(In its 2017 recovery, Maersk ran shift-based work streams with a duty manager.)]],
         source = "analogy", ref = "maersk_shifts",
         facilitator = N.weekend,
         discuss = { "Who could run this if you were off for a day?" },
         effect = function(w)
             if w.flag.rota then
                 w.meter.fatigue = w.meter.fatigue - 5
                 w.note("The rota holds: half the team is off this weekend.")
             else
                 w.meter.fatigue = w.meter.fatigue + 8
                 w.note("With no rota, everyone came in on Saturday.")
             end
         end }

inject { id = "member_letter", at = "3d8h", channel = "email", from = "Chair of a regional group of member states",
         title = "Member states want it in writing",
         body = [[On behalf of twenty member states: by Monday, a written account of what happened, whether any member-state data in MARIS was altered or taken, and when services will be fully back.]],
         source = "fiction",
         discuss = { "What can you say about the data, and how sure are you?" },
         effect = function(w)
             if w.done("scope_data") > 0 then
                 w.meter.confidence = w.meter.confidence + 1
                 w.note("You could answer the data question: MARIS had been compared record by record with the pre-attack copy.")
             else
                 w.meter.confidence = w.meter.confidence - 4
                 w.note("Nobody had checked whether MARIS data was altered, so the letter could not say.")
             end
             if w.done("brief_states") >= 2 then
                 w.meter.confidence = w.meter.confidence + 1
             elseif w.done("brief_states") == 0 then
                 w.meter.confidence = w.meter.confidence - 3
                 w.note("It was the first time the member states had asked, because nobody had briefed them.")
             end
         end }

inject { id = "epubs_subscribers", channel = "email", from = "Publishing service",
         after = "3d", when = function(w) return not up(w, "epubs") end,
         title = "e-Publications subscribers want refunds",
         body = [[Subscribers to e-Publications (flag administrations, classification societies, maritime academies) have had no online conventions since Wednesday. Twelve ask for refunds. A classification society asks whether its surveyors should go back to printed copies.]],
         source = "fiction",
         discuss = { "Which services can wait, and who decides the order?" },
         effect = function(w)
             w.meter.credibility = w.meter.credibility - 2
             w.meter.confidence = w.meter.confidence - 2
         end }

inject { id = "night_alert", at = "3d20h", channel = "phone", from = "UNICC monitoring desk",
         title = "Sunday 02:00: an unknown admin login",
         body = [[At 01:47 an administrator logged in to the rebuilt DocNet from an address nobody recognises. The session lasted four minutes. It may be nothing. It may be them.]],
         source = "fiction",
         discuss = { "Who gets woken at 02:00 on a Sunday, and who decides whether it matters?" },
         effect = function(w)
             w.after("6h", function(w2)
                 if w2.done("chase_alert") == 0 and not w2.running("chase_alert") then
                     w2.flag.alert_ignored = true
                     w2.meter.confidence = w2.meter.confidence - 2
                     w2.note("Nobody chased Sunday's alert. It was harmless, but for hours nobody knew that.")
                 end
             end)
         end }

inject { id = "audit_call", at = "4d4h", channel = "email", from = "Lead auditor, the IMC's certification body",
         title = "The ISO auditors want the record",
         body = [[After a major incident the certification body checks that the security management system worked as designed. It will hold a special audit in November. Before then it wants the incident log (what was known, what was decided, by whom and when), evidence that the backups were protected and tested, and the lessons the secretariat has drawn.

"Under the standard, an incident is not a failure. Failing to learn from one is."]],
         source = "fiction",
         discuss = { "Could you reconstruct this week's decisions from your records?",
                     "What will the auditors find that the press has not?" },
         effect = function(w)
             local logged = w.done("incident_log") > 0
             local tested = truthy(w.flag.restore_tested and w.flag.backups_protected)
             if w.flag.alert_ignored then
                 w.meter.credibility = w.meter.credibility - 1
                 w.note("The auditors asked why an admin alert went unanswered for six hours on Sunday.")
             end
             if logged and tested then
                 w.meter.confidence = w.meter.confidence + 1
                 w.meter.credibility = w.meter.credibility + 1
                 w.note("The auditors had what they needed: a decision log, and backups that had been protected and tested.")
             elseif logged or tested then
                 w.meter.confidence = w.meter.confidence - 1
                 w.note(logged and "The log was there, but not the evidence that the backups had been protected and tested."
                     or "The backups had been protected and tested, but nobody had logged the decisions. The week was reconstructed from memory and email.")
             else
                 w.meter.confidence = w.meter.confidence - 3
                 w.meter.credibility = w.meter.credibility - 2
                 w.note("There was no decision log and no backup test to show. Member states heard that the certification body was \"concerned\".")
             end
         end }

inject { id = "full_service", channel = "internal", from = "ICT & security",
         after = "1d",
         when = function(w)
             for _, id in ipairs(WEB) do
                 if not up(w, id) then return false end
             end
             return (w.flag.relapses or 0) == 0
         end,
         title = "All web services are back",
         body = [[The website, the intranet, MARIS, DocNet and e-Publications are all running on rebuilt servers, with UNICC's monitoring watching them.

(The IMO's full services came back about a week after the attack, the first attack ever to disable its services.)]],
         source = "fact", ref = "maritimepro",
         facilitator = N.full_service,
         discuss = { "What do you still not know?" },
         effect = function(w)
             w.meter.confidence = w.meter.confidence + 1
             w.meter.credibility = w.meter.credibility + 1
         end }

inject { id = "msc428", at = "5d3h", channel = "internal", from = "Director, Maritime Safety Division",
         title = "Three months to the cyber date",
         body = [[The Secretary-General's message to the industry goes out today. It recalls the Maritime Safety Committee's 2017 resolution on cyber risk, which encourages Administrations to ensure that shipping companies' safety management systems address cyber risk no later than the first annual verification of the company's Document of Compliance after 1 January 2021. The draft was written before Wednesday.

(The real resolution is MSC.428(98), adopted on 16 June 2017. The IMO was attacked three months before its 1 January 2021 date.)]],
         facilitator = N.msc428,
         source = "fact", ref = "msc428",
         discuss = { "Can a regulator that has just been hacked still hold the industry to this date?",
                     "What would you want the industry to learn from your week?" },
         effect = function(w) w.open("industry_message") end }

inject { id = "review", at = "6d3h", channel = "internal", from = "Council secretariat",
         title = "Tuesday 09:00: briefing the member states",
         body = [[The permanent representatives meet to hear what happened a week ago, what you did about it, and what happens next.]],
         source = "fiction",
         discuss = { "What three lessons would you give the member states?",
                     "Which of your decisions would you make differently, knowing what you know now?" },
         effect = function(w)
             local down = {}
             for _, id in ipairs(WEB) do
                 if not up(w, id) then down[#down + 1] = NAME[id]:gsub("^The ", "the ") end
             end
             if #down > 0 then
                 w.note("At the briefing these were still down: " .. table.concat(down, ", ") .. ".")
             else
                 w.note("At the briefing every web service was back.")
             end
             w.note(string.format("Second outages: %d. Updates posted: %d. Member-state briefings: %d.",
                 w.flag.relapses or 0, w.flag.updates or 0, w.done("brief_states")))
             w.flag.review = true
         end }

-- ---------------------------------------------------------------------------
-- Actions
-- ---------------------------------------------------------------------------

-- contain --------------------------------------------------------------------

local function shut_web(w, status)
    for _, id in ipairs(WEB) do
        if w.system[id].status ~= "restoring" then w.system[id].status = status end
    end
    w.flag.contained = true
    w.meter.continuity = w.meter.continuity - 4
    w.meter.confidence = w.meter.confidence - 2
    w.note("Shutting the web services down stopped the damage, and took MARIS and DocNet away from member states in committee week.")
end

action { id = "isolate_web", kind = "contain",
         label = "Take the web services off the network",
         text = "Cut the web cluster off at the network: website, intranet, MARIS, DocNet and e-Publications. Leave the servers running so the investigators can read their memory. The IMO's technicians shut down key systems to prevent further damage.",
         team = "ict", staff = 2, takes = "1h",
         source = "fact", ref = "shipandbunker", func = "respond", recommended = true,
         facilitator = N.isolate_web,
         available = function(w)
             if w.flag.contained then return false, "The web services are already shut down" end
             if w.running("power_down") then return false, "The servers are being powered off" end
             return true
         end,
         effect = function(w) shut_web(w, "isolated") end }

action { id = "power_down", kind = "contain",
         label = "Power the web servers off",
         text = "Quicker, and one engineer can do it. But the memory of the servers, where the attackers' tools run, is lost. CISA advises powering down only as a last resort.",
         team = "ict", staff = 1, takes = "20m",
         source = "fact", ref = "cisa", func = "respond",
         facilitator = N.power_down,
         available = function(w)
             if w.flag.contained then return false, "The web services are already shut down" end
             if w.running("isolate_web") then return false, "The cluster is being isolated at the network" end
             return true
         end,
         effect = function(w)
             shut_web(w, "offline")
             w.flag.memory_lost = true
             w.note("The servers' memory was lost with the power. The investigators will have to work from disks and logs.")
         end }

action { id = "isolate_public", kind = "contain",
         label = "Take only the public website offline",
         text = "A compromise: the public site goes dark, while MARIS and DocNet stay up for member states and the committee. The attackers keep their access to everything else.",
         team = "ict", staff = 1, takes = "20m",
         source = "fiction", func = "respond",
         available = function(w)
             if w.flag.contained then return false, "The web services are already shut down" end
             if w.system.website.status == "isolated" then return false, "The website is already offline" end
             return true
         end,
         effect = function(w)
             w.system.website.status = "isolated"
             w.flag.public_cut = true
             w.note("The public site went dark. MARIS and DocNet stayed up, with the attackers still inside.")
         end }

action { id = "reset_accounts", kind = "contain",
         label = "Reset privileged and service accounts",
         text = "New passwords and keys for every administrator and service account, starting with the web cluster's. Staff change theirs too, and the helpdesk queue is long.",
         team = "ict", staff = 1, takes = "2h",
         source = "fiction", func = "protect", recommended = true,
         available = function(w)
             if not w.flag.contained then
                 return false, "Not while the attackers are on the cluster: they would watch the new passwords being set"
             end
             return true
         end,
         effect = function(w)
             w.flag.accounts_reset = true
             w.meter.continuity = w.meter.continuity - 1
         end }

action { id = "protect_backups", kind = "contain",
         label = "Cut the Geneva backups off from London",
         text = "Break the replication link and the admin access from London, and check that last night's copies are intact. Restores will run from Geneva on request.",
         team = "ict", staff = 1, takes = "45m",
         source = "fact", ref = "fathom", func = "protect", recommended = true,
         facilitator = N.protect_backups,
         available = function(w)
             if w.system.backups.status == "compromised" then return false, "Too late: the attackers reached Geneva" end
             return true
         end,
         effect = function(w)
             w.system.backups.status = "isolated"
             w.flag.backups_protected = true
         end }

action { id = "close_entry", kind = "contain",
         label = "Close the way in: rebuild the front ends",
         text = "Rebuild the website's content system and the MARIS and DocNet front ends on new, patched servers, without the plug-in the attackers used.",
         team = "ict", staff = 2, takes = "8h",
         source = "fiction", func = "protect", recommended = true,
         facilitator = N.close_entry,
         available = function(w)
             if not w.flag.entry_found then return false, "Nobody knows yet how they got in" end
             return true
         end,
         effect = function(w)
             w.flag.understood = true
             if w.flag.accounts_reset then
                 w.note("The way in is closed and the accounts are reset. Restores from here are clean.")
             else
                 w.note("The way in is closed, but the stolen accounts still work. Reset them before restoring anything.")
             end
         end }

-- investigate ----------------------------------------------------------------

action { id = "triage", kind = "investigate",
         facilitator = N.triage,
         label = "Triage: is this a fault or an attack?",
         text = "One engineer reads the web servers' logs and the monitoring history for an hour, and touches nothing.",
         team = "ict", staff = 1, takes = "1h",
         source = "fiction", func = "detect", recommended = true,
         effect = function(w) w.fire("triage_finding") end }

action { id = "verify_platform", kind = "investigate",
         label = "Check the meeting platform",
         text = "Check who can host and who can join, whether any platform account shares a password with the compromised systems, and whether the lobby admits only registered delegates.",
         team = "ict", staff = 1, takes = "1h30m",
         source = "fact", ref = "smartmaritime", func = "identify", recommended = true,
         effect = function(w)
             w.flag.platform_verified = true
             w.note("Platform check: two host accounts shared a password with the compromised directory and have been reset. The lobby now admits registered delegates only. The platform itself is clean.")
         end }

action { id = "call_unicc", kind = "investigate",
         label = "Call the UN International Computing Centre",
         text = "UNICC is the UN system's shared IT and cybersecurity provider. A response team can be working with you in about four hours.",
         team = "mgmt", staff = 1, takes = "30m",
         source = "fact", ref = "offshore_energy", func = "respond", recommended = true,
         effect = function(w)
             w.after("4h", function(w2) w2.fire("unicc_arrives") end)
         end }

action { id = "call_experts", kind = "investigate",
         label = "Engage an outside forensic firm",
         text = "Legal signs a task order under the framework contract. Two investigators in about eight hours.",
         team = "legal", staff = 1, takes = "1h",
         source = "fiction", func = "respond", recommended = true,
         effect = function(w)
             w.after("8h", function(w2) w2.fire("experts_arrive") end)
         end }

action { id = "find_entry", kind = "investigate",
         facilitator = N.find_entry,
         label = "Find out how they got in",
         text = "Forensic work on the web servers' memory, disks and logs: the entry point, the tools, the accounts used. Even with the memory saved and outside help, it takes the rest of the day and the night.",
         team = "ict", staff = 3, takes = "16h",
         source = "fiction", func = "respond", recommended = true,
         available = function(w)
             if not w.flag.helpers then
                 return false, "Your own team cannot do this and run the incident: call UNICC or a forensic firm"
             end
             if not w.flag.contained then
                 return false, "Shut the web services down first: the attackers are still active"
             end
             return true
         end,
         effect = function(w)
             if w.flag.memory_lost then
                 w.note("Without the servers' memory, the investigators need another eight hours to rebuild the timeline from disks and logs.")
                 w.after("8h", function(w2) w2.fire("entry_found") end)
             else
                 w.fire("entry_found")
             end
         end }

action { id = "sweep", kind = "investigate",
         label = "Sweep every server for other footholds",
         text = "Search the whole estate for the attackers' tools and accounts, not only where they came in.",
         team = "ict", staff = 2, takes = "6h",
         source = "fiction", func = "respond", recommended = true,
         available = function(w)
             if not w.flag.entry_found then return false, "You do not yet know what to look for" end
             if w.flag.swept then return false, "The second web shell has already been found and removed" end
             return true
         end,
         effect = function(w)
             w.flag.swept = true
             w.meter.integrity = w.meter.integrity + 2
             w.note("The sweep found a second web shell, in the load balancer's admin page, and removed it.")
         end }

action { id = "chase_alert", kind = "investigate",
         label = "Chase the Sunday-night alert",
         text = "Wake an engineer to find out whose login it was before deciding anything.",
         team = "ict", staff = 1, takes = "2h",
         source = "fiction", func = "detect", recommended = true,
         available = function(w)
             if w.fired("night_alert") == 0 then return false, "No alert to chase" end
             return true
         end,
         effect = function(w)
             w.meter.integrity = w.meter.integrity + 1
             w.note("It was a UNICC engineer connecting through a new VPN exit. Logged, closed, and the address added to the allow list.")
         end }

action { id = "test_restore", kind = "investigate",
         label = "Test a restore of MARIS in Geneva",
         text = "Restore last night's MARIS copy into an isolated test environment and check it, before restoring anything for real.",
         team = "ict", staff = 1, takes = "3h",
         source = "fact", ref = "fathom", func = "recover", recommended = true,
         available = function(w)
             if w.system.backups.status == "compromised" then return false, "The Geneva copies are gone" end
             return true
         end,
         effect = function(w)
             w.flag.restore_tested = true
             w.fire("test_result")
         end }

action { id = "scope_data", kind = "investigate",
         label = "Check MARIS data against the Geneva copy",
         text = "Compare the live MARIS records with the pre-attack copy, so you can tell member states whether anything was altered.",
         team = "ict", staff = 1, takes = "4h",
         source = "fiction", func = "respond", recommended = true,
         available = function(w)
             if not w.flag.contained then return false, "Not while the attackers can still change the records" end
             return true
         end,
         effect = function(w)
             if w.system.backups.status == "compromised" then
                 w.meter.integrity = w.meter.integrity + 1
                 w.note("Compared against the four-week-old copy only. Recent records cannot be vouched for.")
             elseif w.meter.integrity < 60 then
                 w.meter.integrity = w.meter.integrity + 4
                 w.note("Some MARIS records were changed while the attackers had access. They have been put right from the pre-attack copy.")
             else
                 w.meter.integrity = w.meter.integrity + 4
                 -- good news about the records, bad news about the states' data
                 w.meter.confidence = w.meter.confidence - 3
                 w.flag.records_read = true
                 w.note("No MARIS record was altered. Some were read, and the member states whose records they were must be told.")
             end
         end }

action { id = "incident_log", kind = "investigate",
         label = "Start a decision log",
         text = "One person records what is known, what was decided, by whom and when. On paper if need be: the intranet is down.",
         team = "mgmt", staff = 1, takes = "1h",
         source = "fiction", func = "respond", recommended = true,
         effect = function(w)
             if w.time > DAY then
                 w.note("The decision log was started on day two, and its first day was reconstructed from memory.")
             end
         end }

-- restore --------------------------------------------------------------------

-- A restore: the system is "restoring" while it runs. The first restore
-- without a test restore hits a snag and takes three hours longer.
local function restore_effect(id)
    return function(w)
        restore_source(w)
        if not w.flag.restore_tested and not w.flag.first_restore_done then
            w.flag.first_restore_done = true
            w.note(NAME[id] .. ": the restore stalled on an index rebuild nobody had rehearsed. Three more hours.")
            w.after("3h", function(w2)
                if w2.system[id].status == "restoring" then bring_back(w2, id) end
            end)
            return
        end
        w.flag.first_restore_done = true
        bring_back(w, id)
    end
end

local function restore_start(id)
    return function(w) w.system[id].status = "restoring" end
end

action { id = "restore_maris", kind = "restore",
         label = "Restore MARIS from the Geneva backups",
         text = "Rebuild MARIS from the last good copy and bring it online for member states.",
         team = "ict", staff = 2, takes = "6h",
         -- Not `recommended`: whether it is wise depends on when (the way
         -- in closed, the accounts reset), which a static hint cannot say.
         source = "fact", ref = "fathom", func = "recover", repeatable = true,
         available = function(w) return restore_available(w, "maris") end,
         start = restore_start("maris"), effect = restore_effect("maris") }

action { id = "restore_docs", kind = "restore",
         label = "Restore DocNet",
         text = "Bring the meeting documents system back for delegates and the secretariat.",
         team = "ict", staff = 2, takes = "5h",
         source = "fact", ref = "informare", func = "recover", repeatable = true,
         available = function(w) return restore_available(w, "docs") end,
         start = restore_start("docs"), effect = restore_effect("docs") }

action { id = "restore_website", kind = "restore",
         label = "Bring the public website back",
         text = "Republish imc.int on the rebuilt web servers.",
         team = "ict", staff = 1, takes = "4h",
         source = "fact", ref = "informare", func = "recover", repeatable = true,
         available = function(w) return restore_available(w, "website") end,
         start = restore_start("website"), effect = restore_effect("website") }

action { id = "restore_epubs", kind = "restore",
         label = "Restore e-Publications",
         text = "Rebuild the subscribers' online conventions and codes. It runs on the oldest servers in the cluster, so this is a rebuild, not a copy.",
         team = "ict", staff = 2, takes = "24h",
         source = "fact", ref = "informare", func = "recover", repeatable = true,
         available = function(w)
             if not w.flag.swept then return false, "The older servers have not been swept for other footholds" end
             return restore_available(w, "epubs")
         end,
         start = restore_start("epubs"), effect = restore_effect("epubs") }

action { id = "restore_intranet", kind = "restore",
         label = "Restore the intranet",
         text = "Rebuild the staff portal: procedures, forms, contact lists, HR and finance links, with every integration checked before it is reconnected. Three days of work, whatever else is going on.",
         team = "ict", staff = 2, takes = "3d",
         source = "fact", ref = "maritimepro", func = "recover", repeatable = true,
         available = function(w)
             if not w.flag.swept then return false, "The older servers have not been swept for other footholds" end
             return restore_available(w, "intranet")
         end,
         start = restore_start("intranet"), effect = restore_effect("intranet") }

action { id = "restore_files", kind = "restore",
         label = "Restore the London file servers",
         text = "Rebuild the shared drives from the last good copy.",
         team = "ict", staff = 2, takes = "6h",
         source = "fiction", func = "recover", repeatable = true,
         available = function(w)
             if w.system.files.status ~= "compromised" then return false, "The file servers were not touched" end
             return true
         end,
         start = restore_start("files"), effect = restore_effect("files") }

action { id = "docs_by_email", kind = "restore",
         label = "Send committee papers by email",
         text = "Conference services sends the session's papers to every registered delegate by email and through the platform's file share. Both still work.",
         team = "conf", staff = 2, takes = "3h",
         source = "fact", ref = "smartmaritime", func = "recover", recommended = true,
         available = function(w)
             if up(w, "docs") then return false, "DocNet is working" end
             return true
         end,
         effect = function(w) w.meter.continuity = w.meter.continuity + 4 end }

action { id = "shift_rota", kind = "restore",
         label = "Set up a shift rota and a duty manager",
         text = "Split the crisis team into two shifts with a named duty manager for each. It costs you one ICT engineer at any moment, who is asleep.",
         team = "mgmt", staff = 1, takes = "1h",
         source = "analogy", ref = "maersk_shifts", func = "respond", recommended = true,
         effect = function(w)
             w.flag.rota = true
             w.team.ict.staff = w.team.ict.staff - 1
             w.meter.fatigue = w.meter.fatigue - 5
         end }

-- communicate ----------------------------------------------------------------

-- A note the first time something happens: the first time is the lesson.
local function note_once(w, flag, text)
    if not w.flag[flag] then
        w.flag[flag] = true
        w.note(text)
    end
end

-- One posted update: it informs; only a kept schedule builds trust beyond
-- that. The standing rhythm and the one-off update both post this way.
local function post(w)
    -- Updates inform; only a kept schedule builds trust beyond that.
    local gap = w.time - (w.flag.last_update or -DAY)
    local gain = 1
    if gap < 2 * H then
        gain = 0
        w.note("Two updates within two hours added noise, not trust.")
    elseif w.flag.rhythm then
        if not on_slot(w) then
            gain = 0
            w.note("An update off the promised schedule: people were waiting for the next slot.")
        end
    elseif w.meter.credibility >= 70 then
        gain = 0
        note_once(w, "noted_rhythm", "Updates with no schedule keep people informed, but they stop building trust: nobody knows when the next one comes.")
    end
    if not up(w, "website") and not w.flag.social_hub then
        gain = 0
        note_once(w, "noted_hub", "The update went out, but delegates still check the dead website for news. Nobody told them where to look.")
    end
    w.meter.credibility = w.meter.credibility + gain
    if w.flag.said == "silence" then w.flag.said = "incident" end
    w.flag.last_update = w.time
    w.flag.updates = (w.flag.updates or 0) + 1
end

action { id = "post_update", kind = "communicate",
         label = "Post an update",
         text = "A short, dated update: what is down, what works, what you are doing, when the next update comes. While the website is dark, it goes on social media.",
         team = "comms", staff = 1, takes = "30m",
         source = "fact", ref = "offshore_energy", func = "respond", recommended = true,
         repeatable = true,
         available = function(w)
             if not statement_made(w) then return false, "Agree the first public line first" end
             return true
         end,
         effect = post }

action { id = "social_hub", kind = "communicate",
         label = "Make social media the official channel",
         text = "Pin a statement on Twitter and LinkedIn, tell member states and delegates by email that updates will appear there, and ask partner UN bodies to share them.",
         team = "comms", staff = 1, takes = "1h",
         source = "fact", ref = "infosecbuzz", func = "respond", recommended = true,
         available = function(w)
             if up(w, "website") then return false, "The website still works" end
             return true
         end,
         effect = function(w)
             w.flag.social_hub = true
             w.meter.credibility = w.meter.credibility + 2
         end }

-- A standing commitment: the promise is one decision, and one person in
-- communications then posts at every slot until it is cancelled. A
-- cancelled promise still stands in people's eyes: the slots it misses
-- cost credibility (the rhythm check in the every("1h") below).
action { id = "promise_rhythm", kind = "communicate",
         label = "Promise updates at 09:00 and 17:00",
         text = "Announce a fixed schedule: an update every day at 09:00 and 17:00 London time, even if there is nothing new. One person in communications posts them until you stop.",
         team = "comms", staff = 1, takes = "15m", every = { "09:00", "17:00" },
         source = "analogy", ref = "m2shipping", func = "respond", recommended = true,
         available = function(w)
             if not statement_made(w) then return false, "Agree the first public line first" end
             return true
         end,
         start = function(w)
             if not w.flag.rhythm then
                 w.flag.rhythm = true
                 w.flag.rhythm_at = w.time
                 w.meter.credibility = w.meter.credibility + 1
             end
         end,
         cancel = function(w)
             w.note("The twice-daily updates were stopped, but people had been promised them at 09:00 and 17:00.")
         end,
         effect = post }

action { id = "say_attack", kind = "communicate",
         label = "Call it a cyberattack",
         text = "Say what you now know: this is a cyberattack, these systems were shut down to protect member states' data, and this is what still works. After \"a disruption\" it is an update; after \"technical issues\" it is a correction. The longer you wait, the more it costs.",
         team = "comms", staff = 1, takes = "30m",
         -- Not `recommended`: the debrief would list it as advice missed by a
         -- room whose first line already said "cyberattack".
         source = "fact", ref = "infosecbuzz", func = "respond",
         facilitator = N.say_attack,
         available = function(w)
             if not statement_made(w) then return false, "Agree the first public line first" end
             if w.flag.said == "attack" then return false, "You already call it a cyberattack" end
             if not attack_known(w) then return false, "Nobody has looked yet: triage first, then say what it is" end
             return true
         end,
         effect = function(w)
             if w.fired("press_first") > 0 then
                 w.meter.credibility = w.meter.credibility - 4
                 w.note("Correcting the first line after the press had asked looked like being caught out.")
             elseif w.flag.said == "incident" then
                 -- "investigating a disruption", then "it was an attack": an
                 -- update, not a correction, if it comes before anyone asks
                 w.note("The update built on the first line, which had claimed nothing it could not keep.")
             else
                 w.meter.credibility = w.meter.credibility - 2
             end
             w.meter.confidence = w.meter.confidence + 2
             w.flag.said = "attack"
             w.flag.said_attack_at = w.time
             w.flag.last_update = w.time
         end }

action { id = "brief_states", kind = "communicate",
         label = "Brief the member states",
         text = "A circular letter to all member states and a call with the permanent representatives: what happened, what is down, what to do meanwhile, when they will hear next.",
         team = "legal", staff = 2, takes = "2h",
         source = "fiction", func = "respond", recommended = true, repeatable = true,
         -- Permanent representatives are briefed at most twice a day: a
         -- circular letter every two hours is noise, and the legal team it
         -- would keep busy is the one that tires (greedy play used to brief
         -- 67 times in a week and end "exhausted").
         available = function(w)
             local last = w.flag.last_brief
             if last ~= nil and w.time - last < 12 * H then
                 return false, "The member states were briefed less than 12 hours ago"
             end
             return true
         end,
         effect = function(w)
             local last = w.flag.last_brief
             if last == nil then
                 w.meter.confidence = w.meter.confidence + 3
             elseif w.time - last >= 20 * H then
                 w.meter.confidence = w.meter.confidence + 1
             end
             w.flag.last_brief = w.time
         end }

action { id = "reporting_workaround", kind = "communicate",
         label = "Tell member states how to file meanwhile",
         text = "A circular letter and a MARIS downtime notice: a named email address for reports while MARIS is down, the outage's dates on record so that nobody's late entry is held against them, and how reports sent by email will be entered once it is back. The dates themselves are the conventions', not the secretariat's to move.",
         team = "legal", staff = 1, takes = "2h",
         source = "fact", ref = "gisis", func = "recover", recommended = true,
         facilitator = N.reporting_workaround,
         available = function(w)
             if up(w, "maris") then return false, "MARIS is working" end
             return true
         end,
         effect = function(w)
             w.flag.workaround = true
             w.meter.confidence = w.meter.confidence + 2
         end }

action { id = "warn_phishing", kind = "communicate",
         label = "Warn MARIS users about phishing",
         text = "Tell every national MARIS administrator and delegate: we will never ask for your password by email, and these are our only addresses.",
         team = "legal", staff = 1, takes = "1h",
         source = "fiction", func = "protect", recommended = true,
         effect = function(w)
             w.flag.phish_warned = true
             w.meter.confidence = w.meter.confidence + 1
         end }

action { id = "notify_authorities", kind = "communicate",
         label = "Report to the national cyber centre and UN security",
         text = "Report the attack to the host country's National Cyber Security Centre and to the UN system's security focal points. They may have seen the same attackers elsewhere.",
         team = "legal", staff = 1, takes = "1h",
         source = "fiction", func = "respond", recommended = true,
         facilitator = N.notify_authorities,
         effect = function(w)
             w.meter.confidence = w.meter.confidence + 1
             w.after("6h", function(w2) w2.fire("ncsc_indicators") end)
         end }

action { id = "report_police", kind = "communicate",
         label = "Report the crime to the police",
         text = "Report the attack to the host country's police cyber crime unit, and hand over the logs and server images the IMC chooses to share. Its premises and records are inviolable, so the police can act only on what you give them, and only if you give it before the logs roll over.",
         team = "legal", staff = 1, takes = "1h",
         source = "fiction", func = "respond", recommended = true,
         facilitator = { good = "Reporting the crime in the first day, and deciding early what evidence to share.",
                         expected = "Rooms at an international organisation often assume immunity means the police have no part, or that the national cyber centre is the police.",
                         hint = "A crime was committed against the IMC, and perhaps against its staff: who investigates crimes?" },
         available = function(w)
             if w.flag.police then return false, "The police already have the case" end
             return true
         end,
         effect = function(w)
             w.flag.police = true
             w.after("12h", function(w2) w2.fire("police_case") end)
         end }

action { id = "tell_staff", kind = "communicate",
         label = "Tell staff what was taken from the HR files",
         text = "What was copied, what to watch for (calls and emails in their names, bank fraud), a named contact, and help for those whose passports or bank details were in the files.",
         team = "mgmt", staff = 1, takes = "1h",
         -- Not `recommended`: most sessions never see HR files taken, and the
         -- debrief would list it as advice missed. hr_notice's tell_now is.
         source = "fiction", func = "respond",
         facilitator = { good = "Telling staff the same day, before anyone can use their data against them.",
                         expected = "Rooms wait for the forensic report to say exactly what was copied.",
                         hint = "What does a member of staff need to know tonight to protect their bank account?" },
         available = function(w)
             if w.fired("hr_taken") == 0 then return false, "Nothing shows that staff files were taken" end
             if w.flag.staff_told_at then return false, "Staff have been told" end
             return true
         end,
         effect = function(w)
             w.flag.staff_told_at = w.time
             if w.fired("hr_fraud") > 0 then
                 w.note("Staff were told after the fraudsters had already called them.")
             end
         end }

action { id = "announce_return", kind = "communicate",
         label = "Announce that MARIS is back",
         text = "Tell member states and the public that MARIS, and DocNet if it is back too, can be used again.",
         team = "comms", staff = 1, takes = "20m",
         source = "fact", ref = "informare", func = "recover", repeatable = true,
         available = function(w)
             if not up(w, "maris") then return false, "MARIS is not back" end
             if w.flag.announced then return false, "Already announced" end
             return true
         end,
         effect = function(w)
             w.flag.announced = true
             w.meter.credibility = w.meter.credibility + 2
             w.meter.confidence = w.meter.confidence + 2
         end }

-- ---------------------------------------------------------------------------
-- Decisions
-- ---------------------------------------------------------------------------

-- Opened at a fixed time: an hour after the site went dark.
decision { id = "first_words", at = "1h", from = "Head of communications",
           facilitator = N.first_words,
           prompt = "07:00. The website has been dark for an hour and people are asking on Twitter. The first public line goes out now. What does it say?",
           deadline = "1h30m", default = "technical",
           discuss = { "What will people think of this line when they learn the truth?",
                       "What do you know for certain at 07:00, and who told you?" },
           -- The lesson: say what you know when you know it. "Cyberattack"
           -- is right once triage has shown someone inside, and a guess
           -- before; "investigating a disruption" is honest before triage,
           -- and needs to become "cyberattack" soon after it; "technical
           -- issues" after the evidence is the one line that is untrue.
           options = {
               { id = "attack", label = "\"IMC is responding to a cyberattack\"", recommended = true,
                 text = "Say what is down, what still works and when the next update comes. Right if ICT has found someone inside; a guess if nobody has looked yet.",
                 effect = function(w)
                     w.meter.confidence = w.meter.confidence + 2
                     w.flag.said = "attack"
                     w.flag.said_attack_at = w.time
                     w.flag.last_update = w.time
                     if w.flag.triaged then
                         w.meter.credibility = w.meter.credibility - 1
                     else
                         w.meter.credibility = w.meter.credibility - 4
                         w.flag.guessed = true
                         w.note("You said \"cyberattack\" before anyone had read a log. It turned out to be true, but at 07:00 nobody knew that: a regulator that guesses in public is quoted the day it guesses wrong.")
                     end
                 end },
               { id = "incident", label = "\"We are investigating a disruption to our web services\"",
                 text = "What is down, what works, the next update at 09:00, and no cause yet. Honest before triage; once ICT finds someone inside, say so.",
                 effect = function(w)
                     w.meter.credibility = w.meter.credibility - 1
                     w.flag.said = "incident"
                     w.flag.last_update = w.time
                     if w.flag.triaged then
                         w.meter.credibility = w.meter.credibility - 1
                         w.note("ICT had already found someone inside when the line said only \"a disruption\".")
                     end
                 end },
               { id = "technical", label = "\"We are experiencing technical issues\"",
                 text = "The holding line in the template, and what goes out if nobody decides. (The IMO's first tweet used these words.)",
                 effect = function(w)
                     w.meter.credibility = w.meter.credibility + 1
                     w.flag.said = "technical"
                     w.flag.last_update = w.time
                     if w.flag.triaged then
                         w.meter.credibility = w.meter.credibility - 4
                         w.flag.misled = true
                         w.note("ICT had told you someone was inside before the line went out. \"Technical issues\" was not a holding line any more; it was wrong.")
                     end
                 end },
               { id = "silence", label = "Say nothing until we know more",
                 effect = function(w)
                     w.meter.credibility = w.meter.credibility - 4
                     w.flag.said = "silence"
                     w.note("The IMC said nothing while its website was dark.")
                 end },
           } }

-- Opened at a fixed time, two hours before the session.
decision { id = "platform", at = "2h", from = "Chair of the Facilitation Committee",
           prompt = "08:00. The session opens at 12:00 with interpretation in six languages. Delegations ask whether the meeting platform is safe, given that the website is down. What does the secretariat tell them?",
           deadline = "2h", default = "say_nothing",
           discuss = { "What would you need to have checked before saying \"safe\"?",
                       "What does postponing cost the member states?" },
           facilitator = N.platform,
           options = {
               { id = "check_first", label = "\"ICT is checking it and will confirm before 12:00\"", recommended = true,
                 text = "Open on time if the check is done by then; if not, postpone.",
                 effect = function(w)
                     if not w.flag.platform_verified and not w.running("verify_platform") then
                         w.note("The chair was promised a check of the platform that nobody has started.")
                     end
                 end },
               { id = "declare_safe", label = "\"The platform is unaffected. We open on time\"",
                 text = "Reassuring, and probably true: it is hosted outside your network.",
                 effect = function(w)
                     if not w.flag.platform_verified then
                         w.note("The platform was declared safe before anyone had checked it.")
                     end
                 end },
               { id = "postpone", label = "Postpone the session",
                 text = "No risk to delegates, and a lost day in committee week.",
                 effect = function(w) w.meter.confidence = w.meter.confidence - 1 end },
               { id = "say_nothing", label = "Open on time and say nothing about it",
                 text = "What happens if nobody answers the chair.",
                 effect = function(w) w.meter.confidence = w.meter.confidence - 1 end },
           } }

-- Opened by a condition: MARIS has been back, cleanly, for about a day.
decision { id = "maris_again", from = "UNICC monitoring desk",
           when = function(w)
               local back = w.flag.maris_back_at
               return truthy(back and up(w, "maris") and w.time - back >= 18 * H)
           end,
           prompt = "MARIS has been back for about a day. UNICC's monitoring desk sees scans against the restored front end, probing for the same web-shell paths the attackers used on Wednesday. Nothing has got in that they can see. Do you take MARIS offline again?",
           deadline = "2h", default = "keep_up",
           discuss = { "What does taking it down again say about your announcement of its return?",
                       "What do you gain by keeping it up, and who carries the risk?" },
           facilitator = N.maris_again,
           options = {
               { id = "offline_explain", label = "Take it offline for a few hours, and say why", recommended = true,
                 text = "Check and patch with MARIS offline, and post that it is offline as a precaution and when it will return. (The IMO did this early on 2 October, a day after announcing that its systems were back.)",
                 effect = function(w)
                     w.system.maris.status = "isolated"
                     w.meter.credibility = w.meter.credibility - 2
                     w.meter.continuity = w.meter.continuity - 1
                     w.flag.last_update = w.time
                     if w.flag.swept then
                         w.note("The check found nothing new. MARIS was offline for four hours as a precaution, and everyone was told why.")
                     else
                         w.note("The check found a second web shell the rebuild had missed, in the load balancer's admin page. Removed with MARIS offline.")
                         w.flag.swept = true
                     end
                     w.after("4h", function(w2)
                         if w2.system.maris.status == "isolated" then
                             w2.system.maris.status = "online"
                             w2.meter.integrity = w2.meter.integrity + 1
                         end
                     end)
                 end },
               { id = "offline_quiet", label = "Take it offline quietly; it will be back before Europe wakes up",
                 text = "No announcement: most users will never notice.",
                 effect = function(w)
                     w.system.maris.status = "isolated"
                     w.flag.swept = true
                     w.meter.credibility = w.meter.credibility - 6
                     w.meter.confidence = w.meter.confidence - 4
                     w.note("Administrations in Asia and the Pacific, mid-morning, found MARIS gone again a day after its return was announced. They heard about it from each other.")
                     w.after("4h", function(w2)
                         if w2.system.maris.status == "isolated" then w2.system.maris.status = "online" end
                     end)
                 end },
               { id = "keep_up", label = "Keep it up and watch",
                 text = "What the night shift does if nobody decides.",
                 effect = function(w)
                     if w.flag.swept then
                         w.meter.integrity = w.meter.integrity - 2
                         w.note("The scans found nothing to use, because the sweep had already removed the second web shell. A gamble that paid off.")
                     else
                         w.note("The scans found a second web shell the rebuild had missed.")
                         w.after("1h", function(w2)
                             if w2.system.maris.status == "online" then
                                 relapse(w2, "maris", "MARIS was kept up through the scans, and the attackers came back through the web shell the rebuild had missed.")
                             end
                         end)
                     end
                 end },
           } }

-- Opened by the hr_taken inject (w.open).
decision { id = "hr_notice", from = "Head of human resources",
           prompt = "About 300 staff files were copied, with bank details and passport copies. The staff association has heard rumours. What do you tell staff, and when?",
           deadline = "4h", default = "wait",
           discuss = { "What is the harm to a member of staff, and how soon can it happen?" },
           facilitator = { good = "Telling staff today what was taken and what to watch for, and recording the breach under the organisation's own data protection policy.",
                           expected = "Most rooms want the forensic report first, and some argue that immunity from national law means there is no duty to tell anyone.",
                           hint = "The GDPR's test for telling people is a high risk to them. Whether or not it binds you, does this pass it?" },
           options = {
               { id = "tell_now", label = "Tell staff today what was taken and what to do", recommended = true,
                 text = "What was copied, what to watch for, a named contact and practical help. Record the breach under the IMC's data protection policy, and tell the police that staff are victims too.",
                 effect = function(w)
                     w.flag.staff_told_at = w.time
                     w.meter.fatigue = w.meter.fatigue + 1
                 end },
               { id = "wait", label = "Wait until the investigators know exactly which files were copied",
                 text = "More precise, and days later. What happens if nobody decides.",
                 effect = function(w)
                     w.note("Staff were not told that their files had been copied.")
                 end },
               { id = "no_duty", label = "Say nothing: national data protection law does not bind the IMC",
                 text = "Legally arguable. The staff are still the people at risk.",
                 effect = function(w)
                     w.note("The secretariat decided that immunity from national law meant it need tell its staff nothing.")
                 end },
           } }

-- Opened by the iso_press inject (w.open).
decision { id = "iso_question", from = "Head of communications",
           prompt = "The columnist wants an answer for tomorrow's edition: what was your ISO 27001 certificate worth? What do you say?",
           deadline = "2h", default = "no_comment",
           discuss = { "What is the difference between being certified and being secure?" },
           facilitator = N.iso_question,
           options = {
               { id = "explain", label = "Explain what it covers, and commit to an independent review", recommended = true,
                 text = "The certificate shows you manage security risks. It is why the backups were in Geneva and tested. It does not promise that nobody gets in. An independent review will report to member states.",
                 effect = function(w)
                     w.meter.credibility = w.meter.credibility + 2
                     w.flag.review_promised = true
                 end },
               { id = "defend", label = "\"A sophisticated attack that overcame robust security measures\"",
                 text = "True as far as it goes; the IMO used these words. On its own it reads as defensive.",
                 effect = function(w)
                     w.meter.credibility = w.meter.credibility - 4
                     w.note("\"Sophisticated\" answered a question nobody had asked, and not the one the columnist had.")
                 end },
               { id = "no_comment", label = "No comment",
                 effect = function(w)
                     w.meter.credibility = w.meter.credibility - 6
                     w.note("The column ran under \"IMC declined to comment\".")
                 end },
           } }

-- Opened by the msc428 inject (w.open).
decision { id = "industry_message", from = "Office of the Secretary-General",
           prompt = "The Secretary-General's message to the industry goes out today. It recalls the 1 January 2021 cyber date, and it was drafted before the attack. What happens to it?",
           deadline = "2h", default = "as_drafted",
           discuss = { "What would a shipowner think reading each version?" },
           facilitator = N.industry_message,
           options = {
               { id = "lead", label = "Keep the date, and add what we learned", recommended = true,
                 text = "Same date, plus a paragraph on the IMC's own week: what worked (backups in a second city, outside help) and what it is changing.",
                 effect = function(w)
                     w.meter.credibility = w.meter.credibility + 2
                     if w.flag.review_promised then
                         w.meter.credibility = w.meter.credibility + 1
                         w.note("The message pointed to the independent review promised on Friday. The industry press called it leading by example.")
                     end
                 end },
               { id = "as_drafted", label = "Send it as drafted",
                 text = "What goes out if nobody changes it.",
                 effect = function(w)
                     w.meter.credibility = w.meter.credibility - 5
                     w.note("Trade press: the regulator reminds shipping of its cyber date, five days after its own systems went dark, without a word about them.")
                 end },
               { id = "delay", label = "Suggest member states consider a delay",
                 text = "If it can happen to the regulator, perhaps the industry needs more time.",
                 effect = function(w)
                     w.meter.confidence = w.meter.confidence - 6
                     w.meter.credibility = w.meter.credibility - 4
                     w.note("Administrations that had already told their companies to be ready by the date were not pleased, and neither were the companies that were ready.")
                 end },
           } }

-- ---------------------------------------------------------------------------
-- Continuous dynamics
-- ---------------------------------------------------------------------------

every("1h", function(w)
    -- The attackers, until the web services are shut down.
    if not w.flag.contained then
        local loss = w.random(2, 4)
        if w.flag.public_cut then loss = loss - 1 end
        w.meter.integrity = w.meter.integrity - loss
    end

    -- Committee week: papers during working hours, Wednesday to Friday.
    local h = hour(w)
    if w.time < 3 * DAY and h >= 9 and h < 18 and not docs_in_hand(w) then
        w.meter.continuity = w.meter.continuity - 1
    end

    -- Silence and long gaps between updates, noticed twice a day.
    if h == 9 or h == 17 then
        local last = w.flag.last_update
        if last == nil then
            if w.time >= 2 * H then w.meter.credibility = w.meter.credibility - 1 end
        elseif w.time - last > 16 * H then
            w.meter.credibility = w.meter.credibility - 1
        end
    end

    -- A promised rhythm: checked two hours after each slot.
    if w.flag.rhythm and (h == 11 or h == 19) and w.flag.rhythm_at <= w.time - 3 * H then
        local last = w.flag.last_update or -DAY
        if last < w.time - 3 * H then
            w.meter.credibility = w.meter.credibility - 3
            w.flag.rhythm_missed = (w.flag.rhythm_missed or 0) + 1 -- for the endings' findings
            w.note(string.format("The promised %s update did not come.", h == 11 and "09:00" or "17:00"))
        end
    end

    -- Fatigue: the load on your own people, and
    -- the strain of the core services being down. A rota halves it and gives
    -- the nights back; without one, everyone stays late and nights cost most.
    local busy = 0
    for _, id in ipairs(TEAMS) do
        local n = w.team[id].staff - w.team[id].free
        -- outside helpers carry about half of ICT's work themselves
        if id == "ict" then n = math.max(0, n - (w.flag.external or 0) // 2) end
        -- the standing updates hold a person for half an hour a slot, not all day
        if id == "comms" and w.running("promise_rhythm") then n = n - 1 end
        busy = busy + n
    end
    local acute = not core_restored(w)
    local night = is_night(w)
    local delta
    if busy == 0 then
        if w.flag.rota then delta = night and -2 or -1
        elseif acute then delta = 0
        else delta = night and -1 or 0 end
    else
        local raw = (acute and 2 or 0) + ((busy >= 4) and 2 or 1)
        if w.flag.rota then
            delta = raw // 2 - (night and 1 or 0)
        else
            delta = raw + (night and 2 or 0)
        end
    end
    -- Rest wears the week off only so far: a rota keeps people going, but
    -- nobody comes out of an incident week fresher than they went in.
    local floor = 20
    if delta < 0 and w.meter.fatigue + delta < floor then
        delta = math.min(0, floor - w.meter.fatigue)
    end
    w.meter.fatigue = w.meter.fatigue + delta
end)

every("3h", function(w)
    w.flag.ticks = (w.flag.ticks or 0) + 1
    local odd = w.flag.ticks % 2 == 1
    local every12 = w.flag.ticks % 4 == 1
    -- Member states cannot file while MARIS is down.
    local early = w.time < 2 * DAY
    if w.time >= 6 * H and not up(w, "maris")
        and (every12 or (odd and early and not w.flag.workaround)) then
        w.meter.confidence = w.meter.confidence - 1
    end
    -- A UN agency's website stays dark.
    if not up(w, "website") and (every12 or (odd and early)) then
        w.meter.credibility = w.meter.credibility - 1
    end
    -- Good news fades. A well-run response keeps trust where it was; praise
    -- for it does not outlast the memory that the regulator was hacked, so
    -- neither meter of trust stays far above where the week began.
    if w.meter.credibility > 70 then w.meter.credibility = w.meter.credibility - 1 end
    if w.meter.confidence > 72 then w.meter.confidence = w.meter.confidence - 1 end
    -- A line the world knows to be untrue: once Reuters has called it a
    -- cyberattack, every update under "technical issues" reads as spin.
    if w.flag.said == "technical" and w.fired("reuters_story") > 0 and w.meter.credibility > 55 then
        w.meter.credibility = w.meter.credibility - 2
        if not w.flag.noted_spin then
            w.flag.noted_spin = true
            w.note("The public line still said \"technical issues\" after Reuters had reported a cyberattack. Each update under it read as spin.")
        end
    end
end)

-- ---------------------------------------------------------------------------
-- Endings (checked in this order)
-- ---------------------------------------------------------------------------

-- Each ending's `findings` name only what this session did: they are
-- judged once, at the end, and only those that hold are shown under the
-- text, so a room is never told of a failure it did not have.
ending { id = "overrun", title = "The attackers had the run of it", tone = "bad", text = T.end_overrun,
         when = function(w) return not w.flag.contained and w.meter.integrity <= 20 end }

-- Also reached at once through w.finish, on the second relapse. One quiet
-- relapse of something nobody had announced costs meters, not the week.
ending { id = "second_outage", title = "Back, then dark again", tone = "bad", text = T.end_second_outage,
         when = function(w) return truthy(w.flag.review and w.flag.announced_relapse) end }

ending { id = "exemplary", title = "Back, secure and believed", tone = "good", text = T.end_exemplary,
         when = function(w)
             return truthy(w.flag.review and w.flag.understood and core_restored(w)
                 and w.meter.credibility >= 60 and w.meter.confidence >= 60
                 and w.meter.integrity >= 60 and w.meter.continuity >= 50
                 and w.fired("burnout") == 0)
         end }

ending { id = "discredited", title = "Restored, but credibility lost", tone = "mixed", text = T.end_discredited,
         when = function(w)
             return truthy(w.flag.review and core_restored(w)
                 and (w.meter.credibility < 60 or w.meter.confidence < 60))
         end,
         findings = {
             { text = "The first public line spoke of \"technical issues\", and the attack came out anyway.",
               when = function(w) return w.chosen("first_words") == "technical" end },
             { text = "The first public line said \"cyberattack\" before anyone had read a log: right by luck, and it looked it.",
               when = function(w) return w.flag.guessed == true end },
             { text = "The first public line was silence while the website was dark.",
               when = function(w) return w.chosen("first_words") == "silence" end },
             { text = "Some of the promised 09:00 and 17:00 updates did not come.",
               when = function(w) return (w.flag.rhythm_missed or 0) > 0 end },
             { text = "Nobody was told when the next update would come.",
               when = function(w) return not w.flag.rhythm end },
             { text = "Asked what the ISO 27001 certificate was worth, the answer sounded defensive.",
               when = function(w) return w.chosen("iso_question") == "defend" end },
             { text = "The column about the certificate ran under \"IMC declined to comment\".",
               when = function(w) return w.chosen("iso_question") == "no_comment" end },
             { text = "Staff whose HR files were taken were told the IMC owed them nothing.",
               when = function(w) return w.chosen("hr_notice") == "no_duty" end },
         } }

ending { id = "data_doubts", title = "Back online, on an old copy", tone = "mixed", text = T.end_data_doubts,
         when = function(w)
             return truthy(w.flag.review and core_restored(w) and w.meter.integrity < 60)
         end,
         findings = {
             { text = "The attackers reached the Geneva backups before anyone cut them off.",
               when = function(w) return w.system.backups.status == "compromised" end },
             { text = "Restores came from the monthly offline copy: four weeks of member-state filings must be re-entered.",
               when = function(w) return w.flag.tape_used == true end },
             { text = "The attackers were on the London file servers before the network was contained.",
               when = function(w) return w.fired("files_hit") > 0 end },
             { text = "No restore was tested before the services came back.",
               when = function(w) return w.done("test_restore") == 0 end },
         } }

ending { id = "exhausted", title = "Recovered on empty", tone = "mixed", text = T.end_exhausted,
         when = function(w)
             return truthy(w.flag.review and core_restored(w) and w.fired("burnout") > 0)
         end }

ending { id = "safe_slow", title = "Safe, but the week was lost", tone = "mixed", text = T.end_safe_slow,
         when = function(w) return truthy(w.flag.review and w.flag.understood) end,
         findings = {
             { text = "By Tuesday MARIS, DocNet and the website were not all back.",
               when = function(w) return not core_restored(w) end },
             { text = "The committee week was lost to postponements and missing papers.",
               when = function(w) return w.meter.continuity < 50 end },
         } }

ending { id = "still_dark", title = "Shut, and still shut", tone = "bad", text = T.end_still_dark,
         fallback = true,
         findings = {
             { text = "Nobody brought in UNICC or outside experts.",
               when = function(w) return w.done("call_unicc") == 0 and w.done("call_experts") == 0 end },
             { text = "Nobody started looking for the way in.",
               when = function(w) return w.done("find_entry") == 0 end },
         } }

-- ---------------------------------------------------------------------------
-- Session cuts: shorter workshops with their own endings
-- ---------------------------------------------------------------------------
-- A cut plays the same story from T+0 and stops at its `length`. When that
-- runs out, an ending whose `when` holds comes first ("overrun" can; the
-- others wait for Tuesday's review), then the cut's own ending. The cut
-- endings below have no `when` and are not the fallback, so the full week
-- never reaches them. `agenda` is the planned workshop in real minutes,
-- discussion included; `rate` paces the clock.

-- 60 minutes: the first day, up to Thursday 11:00, when the
-- Secretary-General sees the Council chair and needs a time for MARIS.
-- Inside: shutting down or not, the first public line, the platform
-- question, Wednesday's session, the trade press, the Secretary-General's
-- question and the Reuters story.
ending { id = "council_chair", title = "Thursday 11:00: what the Secretary-General can say",
         tone = "mixed", text = T.end_council_chair }
-- About 19 minutes of clock at 1x: rate 90, slower than the full week's,
-- because the first hours hold two decisions and the shut-down question.
cut { id = "day1", label = "The first day", length = "1d5h", agenda = 60,
      rate = 90, ending = "council_chair" }

-- 90 minutes: committee week, up to Friday 18:00, when the columnist's
-- question falls due. Adds the restores, the phishing wave, the probes on
-- the restored MARIS (taken offline again or not), Friday's session and
-- the question about the ISO certificate.
ending { id = "committee_rises", title = "Friday 18:00: the committee week ends",
         tone = "mixed", text = T.end_committee_rises }
-- 30 minutes of clock at 1x, at the full week's own rate.
cut { id = "committee", label = "Committee week", length = "2d12h", agenda = 90,
      rate = 120, ending = "committee_rises" }

-- ---------------------------------------------------------------------------
-- Exercise objectives: what the room sets out to do, judged once when the
-- session ends, from what the session did (read-only, like a condition).
-- ---------------------------------------------------------------------------

objective { id = "check_before_vouching", text = "Check the meeting platform before telling the committee it is safe",
            met = function(w) return w.chosen("platform") == "check_first" end }

objective { id = "protect_backups", text = "Cut the backups off before the attackers reach them",
            met = function(w)
                return w.flag.backups_protected == true and w.system.backups.status ~= "compromised"
                    and w.system.backups.status ~= "encrypted"
            end }

objective { id = "close_before_restore", text = "Find and close the way in, so that nothing restored is taken back (no relapse)",
            met = function(w)
                return w.done("close_entry") > 0 and (w.flag.relapses or 0) == 0
            end }

objective { id = "brief_member_states", text = "Brief the member states on what is down and how to keep reporting",
            met = function(w)
                return w.done("brief_states") > 0 and w.done("reporting_workaround") > 0
            end }
