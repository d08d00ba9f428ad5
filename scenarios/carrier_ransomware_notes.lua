-- Facilitator notes for carrier_ransomware.lua, keyed by the id of the
-- inject, decision or action they belong to. The facilitator's console
-- shows them; the players, the projector and the phones never do. Each
-- note says what good looks like (`good`), what rooms usually do
-- (`expected`) and a question for a stuck room (`hint`). Returns a table;
-- it declares nothing. Facts follow ../shared/reference/maritime-incidents.md
-- (the fact sheet); a reported fact is written as reported.

local N = {}

-- ---------------------------------------------------------------------------
-- The first night and Monday
-- ---------------------------------------------------------------------------

N.ransom_note = {
    good = "Isolate Asia at the switch (not power off), cut the edge and the links between regions, take the backups offline, go out-of-band. The GDPR clock runs from now: the note itself claims the data was stolen.",
    expected = "Rooms argue about pulling plugs and who to wake. Most forget the backups, and read the data claim as a bluff to check later.",
    hint = "What does the note say besides \"encrypted\"? And what would pulling the plugs in Shanghai destroy?",
}

N.peripheral_servers = {
    good = "Read it as the attack moving: finish all three containment steps (edge, links between regions, Asia) before anything else.",
    expected = "Rooms take \"peripheral\" as reassurance, the word CMA CGM itself used.",
    hint = "If only the edges are hit, where are the attackers heading next, and what still connects Asia to Europe?",
}

N.portals_dark = {
    good = "A first public line within hours that says cyberattack, what was cut off to protect customers, and how to book meanwhile (INTTRA, the Excel form, the local agency).",
    expected = "Many rooms want \"IT issue\" to buy time, as CMA CGM's first advisory said; others want silence until they know more.",
    hint = "The note is already on phones in Shanghai. How long before a customer sees it, and what will your line look like then?",
}

N.switchboard_dead = {
    good = "An outside overflow hotline with a script, and the crisis cell on personal phones and a verified group: nothing that depends on the company's domain.",
    expected = "Rooms notice late that their own phones and contact lists sit on the network they are trying to contain.",
    hint = "If a customer in Marseille calls now, who answers? How is the crisis cell reaching its own people?",
}

N.linkedin_leak = {
    good = "If the line already says cyberattack, repeat it. If not, correct it now, plainly, before the press asks.",
    expected = "Rooms that said \"IT issue\" argue about whether correcting it looks worse; rooms that said nothing rush a statement out.",
    hint = "Put the photo next to your website's line. Which will a forwarder believe?",
}

N.lloyds_query = {
    good = "Confirm what you know (a cyberattack, what is down, what you are doing) and that data theft is claimed and being checked. Do not name or deny a ransomware family you have not confirmed.",
    expected = "Rooms either say \"no comment\" or guess the gang's name on the record.",
    hint = "Which three things can you say today that will still be true next week?",
}

N.cbp_relief = {
    good = "Take the relief and name one person for US Customs, with a daily list of affected sailings (good practice: the real notice asked for none). Ask the FMC for filing relief the same day.",
    expected = "Rooms file it as good news and move on, and the US regulators come back to them later.",
    hint = "Which other US deadlines stopped when the systems did, and who is asking for relief on those?",
}

N.ad_warning = {
    good = "The order that holds: rebuild Active Directory from a clean copy, trace the way in and close it, then restore in phases on monitored segments. The message no longer says so: let the room find it.",
    expected = "Rooms want to restore something visible first, usually the booking portal, because customers are shouting.",
    hint = "If you restore a server tonight, whose accounts will it trust? And is the door they came in by shut?",
}

-- ---------------------------------------------------------------------------
-- The spread, if nobody contains it
-- ---------------------------------------------------------------------------

N.ad_encrypting = {
    good = "This is the price of slow containment. Finish the three steps (edge, links between regions, Asia) now, and plan on local accounts and out-of-band comms.",
    expected = "Rooms that get here left one step undone, most often the links between regions.",
    hint = "Which of the three is still open? Without Active Directory, how does IT log in to fix anything?",
}

N.backups_hit = {
    good = "Checking the backups and taking them offline in the first hours prevents this. Now look for any copy that was offline when the attack ran.",
    expected = "Most rooms assumed the backups were fine until this message.",
    hint = "Was anything switched off or disconnected on Sunday night? Ask the offices.",
}

N.offline_dc = {
    good = "Treat it as the crown jewels: copy it without connecting it, rebuild Active Directory from it on an isolated network, reset every privileged password, and reconnect nothing before that.",
    expected = "Rooms want to plug Nouméa straight back in to copy it, which would expose the only clean copy.",
    hint = "If you connect it to the network to copy it, who else can reach it?",
}

-- ---------------------------------------------------------------------------
-- The attackers and the data
-- ---------------------------------------------------------------------------

N.proof_files = {
    good = "Treat it as a personal-data breach now: a first notice to the CNIL (France's data protection authority) within 72 hours even if incomplete (Art. 33(4)), scoping of whose data, and a phishing warning to customers.",
    expected = "Rooms wait for forensics to confirm before notifying. The clock has been running since the note claimed theft, and encrypting personal data is a breach in itself.",
    hint = "When did you become aware? Are the note's claim and the encrypted file servers enough to send \"we suspect\"?",
}

N.exfil_signs = {
    good = "Send the CNIL its notice today, or update it with what the images show, and move the scoping and customer warnings forward. Details may follow in phases (Art. 33(4)).",
    expected = "Rooms that waited for proof notify now, late against a clock that started with the ransom note.",
    hint = "What did you know on Sunday night that you know better now? Could the first notice have said \"suspected\"?",
}

N.special_price_expires = {
    good = "Hold the position: their deadline is not yours. Prepare for a leak: customer warnings, the notice to the CNIL, a holding line for the press.",
    expected = "Rooms wobble, and someone proposes reopening the chat \"just to buy time\".",
    hint = "If the data appears online tomorrow, who must hear from you first?",
}

N.leak_sample = {
    good = "Confirm it: what kind of data, who is affected, what to watch for (fake invoices, changed bank details). Update the notice to the CNIL, and tell the staff whose HR files are in it.",
    expected = "Rooms that denied or waited scramble; rooms that told customers early only confirm. A denial gets exposed whether or not anyone paid.",
    hint = "Who on that sample list should hear from you before a journalist calls them?",
}

N.reextortion = {
    good = "Refuse the second demand, tell law enforcement, and treat the data as public: warn customers and update the CNIL. Payment bought a promise nobody can check.",
    expected = "Rooms that paid feel cheated, and some consider paying again to \"finish it\".",
    hint = "What did the first payment buy that you could verify?",
}

N.gdpr_reminder = {
    good = "Send the first notice now, short and incomplete: what happened, what data may be involved, what you are doing, when you will say more. Art. 33(4) allows the rest in phases.",
    expected = "Legal wants the full picture before sending anything.",
    hint = "What is the least the authority needs from you today?",
}

-- ---------------------------------------------------------------------------
-- The first week
-- ---------------------------------------------------------------------------

N.golden_week_rush = {
    good = "Keep the portal dark, announce the workarounds (INTTRA, the Excel form, the agencies) and run bookings by hand. Old servers on an uncleaned network come back encrypted.",
    expected = "Sales pressure often wins a reopening \"for China only, for the week\".",
    hint = "What has to be true before any system rejoins the network? Is any of it true yet?",
}

N.imo_down = {
    good = "Say only what you know: no known connection. Share your indicators with the national CERT so others can check.",
    expected = "Rooms either speculate about a campaign against shipping or ignore the question.",
    hint = "What would you have said if it later turned out you were wrong, either way?",
}

N.shippers_complain = {
    good = "Meet the associations, fix what you can this week (an outside overflow hotline, published workarounds, faster delivery orders) and offer a review of claims.",
    expected = "Rooms defend the fallback, or promise compensation they have not costed.",
    hint = "Which of their complaints could an outside call centre fix by Monday?",
}

N.ofac_advisory = {
    good = "Treat any payment as a sanctions risk that screening cannot remove. Report to and cooperate with law enforcement (it counts in mitigation), and close the chat.",
    expected = "Rooms that were negotiating realise they cannot know who they would be paying.",
    hint = "Who would sign the payment, and what could they show OFAC about who received it?",
}

N.arrival_notices = {
    good = "Send arrival notices by hand and waive the demurrage the outage caused. It costs money and keeps customers.",
    expected = "Finance wants to bill as usual: \"the tariff is the tariff\".",
    hint = "Whose failure stopped the boxes being collected?",
}

N.regions_push = {
    good = "Nothing reconnects until Active Directory is rebuilt from a clean copy, the way in is traced and closed, and each office is reimaged. Then reconnect in published phases, on monitored segments.",
    expected = "Rooms split between the regions' pain and IT's caution; many settle on \"just Asia\", or leave it to the regions.",
    hint = "Ask IT: if Asia reconnects tonight, what stops the attackers walking back in with it?",
}

-- ---------------------------------------------------------------------------
-- The second week, the pressure, the phases
-- ---------------------------------------------------------------------------

N.fmc_filings = {
    good = "Ask the FMC for relief and freeze rate increases, as CMA CGM did on 8 October. Better still on day 1, before any filing is overdue.",
    expected = "Rooms think of the FMC only when filings fall due, or after.",
    hint = "Which US filings stopped on the first day, and who should have asked then?",
}

N.gate_queues = {
    good = "Send the terminals release lists by spreadsheet or email every day, and put reefers, medicines and dangerous goods first. Manual operations keep the gates moving.",
    expected = "Rooms forget the terminals run on their messages until the trucks queue.",
    hint = "What could the terminal do this afternoon with a spreadsheet from you?",
}

N.burnout = {
    good = "A shift rota with a duty manager from the first night; Maersk ran its 2017 recovery in shift-based work streams.",
    expected = "Rooms keep everyone on every task and notice fatigue only when people go off sick.",
    hint = "In the story, who should be asleep right now?",
}

N.backoffice_back = {
    good = "Say what is back and what is not, promise no date you cannot keep for the next phase, and keep watching the reconnected segment.",
    expected = "Relief at the first good news leads rooms to over-promise the rest of the timeline.",
    hint = "What would make you disconnect it again, and who is watching for that?",
}

N.subsidiaries_back = {
    good = "Tell the subsidiaries' customers first and directly, and keep the next phase behind the same checks.",
    expected = "Rooms speed up the next phases because this one held.",
    hint = "What made this phase safe, and is it still true for the agencies?",
}

N.agencies_back = {
    good = "Each office reimaged before it joins, one region at a time, with a way to pull an office off again quickly.",
    expected = "Rooms are tempted to let the last few offices rejoin without reimaging.",
    hint = "What would make you disconnect an office again, and how fast could you?",
}

N.ecommerce_back = {
    good = "Reopen behind a monitored edge and tell customers plainly, with a reminder of how to spot fake Alcyon invoices.",
    expected = "Rooms declare victory and stop the daily updates.",
    hint = "What will you watch most closely this first week back?",
}

-- ---------------------------------------------------------------------------
-- Actions where the lesson lives
-- ---------------------------------------------------------------------------

N.isolate_asia = {
    good = "Isolate at the switch and leave the machines running: CISA's first step, and the memory stays for the investigators.",
    expected = "Rooms pick whichever sounds fastest.",
    hint = "What is in a running machine's memory that a power-off destroys?",
}

N.power_down_asia = {
    good = "Only as a last resort (CISA): it stops the spread there but destroys the memory evidence.",
    expected = "Rooms choose it because one person can do it by phone in an hour.",
    hint = "Could isolating at the switch do the same job and keep the evidence?",
}

N.check_backups = {
    good = "In the first hours: confirm the backups are intact and take them offline before the attackers find them.",
    expected = "Rooms assume the backups are fine and leave this for later.",
    hint = "If the attackers hold a domain administrator account, what can they reach in the backup system?",
}

N.capture_memory = {
    good = "Capture memory and image a sample before anything is wiped or reimaged. Under MSC-FAL.1/Circ.3 this forensic work is Respond, not Detect: the attack is already detected.",
    expected = "Rooms skip it for speed, then cannot trace the way in.",
    hint = "How will you know how they got in, if every infected machine is wiped?",
}

N.trace_entry = {
    good = "Trace the way in from good evidence (memory captured early), then close it before any restore. Forensic analysis is Respond under MSC-FAL.1/Circ.3.",
    expected = "Rooms start it without evidence and have to run it twice.",
    hint = "What do the investigators need in hand for the trace to work?",
}

N.close_entry = {
    good = "Close the way in (accounts, remote access, backdoors) before anything is restored; with Active Directory rebuilt, restores hold.",
    expected = "Rooms that found the way in forget to close it before restoring.",
    hint = "The trace found the door. Is it shut?",
}

N.rebuild_ad = {
    good = "Rebuild Active Directory from a clean copy and reset every privileged password once the network is contained, before restoring anything; then close the way in, then restore in phases.",
    expected = "Rooms restore first and rebuild later, or start the rebuild before containment holds.",
    hint = "Whose accounts would a restored server trust right now?",
}

N.report_police = {
    good = "Report early to law enforcement and the national agency, and ask whether they know the group or have a decryptor (CISA). They advise; the decisions on the chat stay yours.",
    expected = "Rooms expect the police to take over the ransom chat. They do not.",
    hint = "What could the police or the national agency tell you that nobody else can?",
}

N.notify_dpa = {
    good = "A first notice to the CNIL in the first hours: the note claims theft, and encrypted personal data is a breach in itself. Within 72 hours even if incomplete; details may follow (Art. 33(4)).",
    expected = "Legal waits for proof of theft, and the notice goes late.",
    hint = "What does Art. 33(4) let you leave out of the first notice?",
}

N.declare_safe = {
    good = "Only after verifying email, file transfer and EDI (CMA CGM declared them secure on 29 September). Reassurance without a check becomes the phishers' best tool.",
    expected = "Rooms declare them safe to calm customers, without a check.",
    hint = "What does \"safe\" rest on, and who checked it?",
}

N.fmc_relief = {
    good = "Ask from day 1, before a filing is overdue, and freeze rate increases with 30 days' notice as CMA CGM promised.",
    expected = "Rooms wait until the FMC's staff point out the missing filings.",
    hint = "Is it easier to ask for relief before a deadline passes, or after?",
}

N.run_decryptor = {
    good = "Only on a contained, rebuilt network, and only as a complement to clean backups; a decryptor is slow and puts encrypted servers back on the network.",
    expected = "Rooms that paid run it at once to get value for the money.",
    hint = "Is the network ready for anything to come back onto it?",
}

-- ---------------------------------------------------------------------------
-- Decisions
-- ---------------------------------------------------------------------------

N.first_statement = {
    good = "\"We are responding to a cyberattack\", with what was cut off to protect customers and how to book meanwhile. The ransom note is already on phones; \"IT issue\" will not last the day.",
    expected = "Rooms like \"IT issue\" as calmer, or want to wait; if nobody decides, the \"IT issue\" template goes up.",
    hint = "Who else already has a photo of the ransom note?",
}

N.ransom = {
    good = "Refuse to pay (CISA and the FBI advise against it), report to law enforcement and consult them, and keep the chat off networked machines. Refusing does not hand the chat to the police: they advise, you decide.",
    expected = "Executives want to \"at least hear the price\", IT and legal want to refuse. Rooms that leave it find the Asia director has opened the chat himself.",
    hint = "What would paying buy that you could check? Who must know before anyone types in that chat?",
}

N.final_demand = {
    good = "End the talks, with law enforcement informed and consulted, and prepare for the leak. Screening cannot prove who is behind a chat, and OFAC's liability is strict.",
    expected = "Rooms that kept talking look for a safe way to pay; stalling is common and buys nothing.",
    hint = "If you pay, whose name is on the payment, and what will OFAC ask them?",
}

N.surge = {
    good = "Keep the portal dark and push the workarounds, announced to customers first. The old servers would rejoin a network that is not yet clean.",
    expected = "Sales often wins a partial reopening \"for China only\".",
    hint = "Is the network contained, Active Directory rebuilt and the way in closed? If not, what would the portal come back to?",
}

N.breach_notice = {
    good = "Say it plainly: \"we suspect a data breach\", what kind of data, and how to spot the phishing that follows; the notice to the CNIL goes the same day. A denial is exposed whether or not anyone paid.",
    expected = "Legal prefers to wait for forensics, and someone floats \"no customer data was affected\" to calm the market.",
    hint = "What does a customer need to know today to avoid paying a fake invoice?",
}

N.demurrage = {
    good = "Waive the demurrage and detention the outage caused, and say so publicly: it costs now and keeps customers.",
    expected = "Finance argues for case by case; it sounds fair and costs goodwill and staff time.",
    hint = "Whose failure stopped the collection, and who will remember the invoice?",
}

N.reconnect = {
    good = "In published phases, and only after Active Directory is rebuilt, the way in is traced and closed, and offices are reimaged: rebuild AD, close the way in, then restore in phases. In that order.",
    expected = "The regions push hard; many rooms let one region go early, or leave it to them, and everything reconnects at once.",
    hint = "Ask IT what must be true before a restored system is safe. How many of those are true now?",
}

return N
