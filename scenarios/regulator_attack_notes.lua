-- Facilitator notes for regulator_attack.lua, keyed by the id of the
-- inject, decision or action they belong to. The facilitator's console
-- shows them; the players, the projector and the phones never do. Each
-- note says what good looks like (`good`), what rooms usually do
-- (`expected`) and a question for a stuck room (`hint`). Returns a table;
-- it declares nothing. Facts follow ../shared/reference/maritime-incidents.md
-- (the fact sheet): the IMO never said what hit it or how they got in.

local N = {}

-- ---------------------------------------------------------------------------
-- Wednesday
-- ---------------------------------------------------------------------------

N.alarm = {
    good = "An hour of triage that touches nothing, management woken by phone, and Geneva cut off from London early. If triage shows an attacker, isolate the cluster at the network; do not power it off.",
    expected = "Rooms either pull every plug at once or wait for the day shift. Few think of Geneva.",
    hint = "What is in the servers' memory that a power-off destroys? And what in London can reach Geneva?",
}

N.chair_call = {
    good = "Answer with what will be checked and by when: ICT checks the platform's hosts, lobby and shared passwords before 12:00, and conference services sends the papers by email and the platform's file share.",
    expected = "Rooms say \"it is hosted outside, so it is safe\" without a check, or postpone to be safe.",
    hint = "What would \"safe\" have to mean for a delegate typing a password at 12:05?",
}

N.maris_explainer = {
    good = "A named address to file meanwhile, and a dated note of the outage. A few days' outage is no breach; the duties come from IMO instruments, and the secretariat cannot change them, only record why a filing is late.",
    expected = "Rooms promise to \"extend the deadline\", which the secretariat has no power to do, or leave the email unanswered.",
    hint = "Who sets the reporting duty, and what can the secretariat truthfully put in writing?",
}

N.session_wed = {
    good = "The session runs on a platform that was checked (who can host, who can join, no shared passwords), delegates are told what was checked, and the papers reached them another way.",
    expected = "Rooms that called it safe without a check, or said nothing, meet the stranger in the chat.",
    hint = "What did you tell the chair at 08:00, and what was it based on?",
}

N.press_first = {
    good = "Say what you know when you know it: if triage has shown an attacker, confirm a cyberattack, what is down and what works. If not yet, say you are investigating and when you will say more.",
    expected = "Rooms on \"technical issues\" are tempted to repeat it; the journalist already has a source.",
    hint = "What does ICT's triage say, and what did your first line commit you to?",
}

N.reuters_story = {
    good = "Comment with the line you have been using, if it was true: a cyberattack, what is down, what still works, when the next update comes.",
    expected = "Rooms still on \"technical issues\" correct themselves under pressure, and it reads as being caught out.",
    hint = "Does the story match what you have said? If not, which will readers believe?",
}

N.reports_piling = {
    good = "Answer in writing: where to file meanwhile, and a dated record that MARIS was down, so a late filing is explained. Do not promise extensions of duties the secretariat does not set.",
    expected = "Rooms promise extensions, or leave it to whoever opens the email.",
    hint = "Who in the secretariat owns this answer, and what can they truthfully sign?",
}

N.session_fri = {
    good = "The session runs with papers in hand (DocNet or email) on a checked platform, and finishes the agenda.",
    expected = "Rooms forget the papers until the chair asks for them.",
    hint = "What would the committee lose if this session did not happen?",
}

N.iso_press = {
    good = "Explain what the certificate covers (a managed system: it is why the backups were in Geneva and tested), that it never promised nobody gets in, and commit to an independent review.",
    expected = "Rooms get defensive about a \"sophisticated attack\", or decline to comment.",
    hint = "In one sentence a reader would accept: what is the difference between certified and secure?",
}

-- ---------------------------------------------------------------------------
-- Help arrives, the investigation
-- ---------------------------------------------------------------------------

N.unicc_arrives = {
    good = "Brief them at once, hand over the logs and images, and name who they report to. The forensic work (find the way in, sweep) is Respond under MSC-FAL.1/Circ.3, and it can start now.",
    expected = "Rooms hand over the servers and step back, or keep their own four engineers doing everything.",
    hint = "Who directs them, and what may they decide without asking you?",
}

N.test_result = {
    good = "Restore MARIS from this copy once the way in is closed and the accounts are reset, and keep the test as evidence for the auditors.",
    expected = "Rooms read a good test as permission to restore at once, before closing the way in.",
    hint = "The test proves the copy. Does it prove the door the attackers used is shut?",
}

-- ---------------------------------------------------------------------------
-- The weekend and the week after
-- ---------------------------------------------------------------------------

N.weekend = {
    good = "A rota with a named duty manager for each shift, and half the team off this weekend.",
    expected = "Everyone wants to stay; nobody wants to be the one who went home.",
    hint = "Who could run this if you were off for a day?",
}

N.full_service = {
    good = "Announce it plainly, with what you still do not know and the monitoring that goes on. The real IMO took about a week: if the room got here much faster, ask what made the difference.",
    expected = "Rooms declare victory and stop the updates.",
    hint = "What would make you take something down again, and would you say so?",
}

N.msc428 = {
    good = "Keep the date and add what the IMC learned from its own week. MSC.428(98) encourages Administrations to see it done by that date: applying it is up to them, and it is not the secretariat's to move.",
    expected = "Rooms send it unchanged, or propose a delay out of embarrassment.",
    hint = "What would a shipowner think, reading it unchanged this week?",
}

-- ---------------------------------------------------------------------------
-- Actions where the lesson lives
-- ---------------------------------------------------------------------------

N.triage = {
    good = "First thing: one engineer, one hour, touching nothing. It tells you what you may say in public and what to shut down.",
    expected = "Rooms skip it and act on a hunch, one way or the other.",
    hint = "What do you know for certain, and who could find out in an hour?",
}

N.isolate_web = {
    good = "Isolate the cluster at the network and leave the servers running, as CISA advises; the IMO's technicians shut down key systems to prevent further damage.",
    expected = "Rooms hesitate because MARIS and DocNet go with it in committee week.",
    hint = "What does each hour on the network cost, and what still works without the cluster?",
}

N.power_down = {
    good = "Only as a last resort (CISA): it stops the damage but loses the servers' memory, and the investigation takes longer.",
    expected = "Rooms choose it because it is quicker and needs one engineer.",
    hint = "Could isolating at the network do the same and keep the evidence?",
}

N.protect_backups = {
    good = "In the first hour or two: cut Geneva off from London and check last night's copies.",
    expected = "Rooms assume a second city means safe, and forget the admin link between them.",
    hint = "Which account could reach Geneva from London this morning?",
}

N.find_entry = {
    good = "With outside help and the cluster shut down, trace the way in; this forensic work is Respond under MSC-FAL.1/Circ.3. Then close it and reset the accounts before any restore.",
    expected = "Rooms want a restore first and the investigation after.",
    hint = "If you restore before you know how they got in, how do you know they cannot do it again?",
}

N.close_entry = {
    good = "Close the way in and reset the privileged accounts before restoring anything; then restores hold.",
    expected = "Rooms rebuild the front ends but forget the stolen accounts, or the other way round.",
    hint = "The door is found. Is it shut, and do the old keys still work?",
}

N.reporting_workaround = {
    good = "A named address for mandatory reports and a dated record of the outage. The secretariat cannot extend a member state's duty; saying so honestly beats a promise it cannot keep.",
    expected = "Rooms announce \"deadlines are extended\".",
    hint = "Whose deadline is it to extend?",
}

N.notify_authorities = {
    good = "Early: the host country's cyber centre, UN security focal points and law enforcement. They may have seen the same attackers elsewhere.",
    expected = "Rooms leave it until the press asks whether anyone was told.",
    hint = "Who else might be under the same attack this week?",
}

N.say_attack = {
    good = "As soon as triage shows an attacker, and before the press asks: correct the line the same day.",
    expected = "Rooms wait for certainty they will not get before the journalist's deadline.",
    hint = "What does ICT know now that you did not know at 07:00?",
}

-- ---------------------------------------------------------------------------
-- Decisions
-- ---------------------------------------------------------------------------

N.first_words = {
    good = "At 07:00 say what you know: services are down, email and the meeting platform work, you are investigating, next update at a set time. Say cyberattack once triage shows one, the same day.",
    expected = "Rooms pick \"technical issues\" as safe, or jump to \"cyberattack\" on a hunch before anyone has looked.",
    hint = "What do you know for certain at 07:00, and what could you know by 09:00?",
}

N.platform = {
    good = "\"ICT is checking it and will confirm before 12:00\", and start the check now: who can host, who can join, any password shared with the compromised systems.",
    expected = "Rooms call it safe because it is hosted outside, or postpone and lose a day of committee week.",
    hint = "What would you need to have checked before saying \"safe\", and how long does that take?",
}

N.maris_again = {
    good = "Take it offline for a few hours and say why, with a time for its return: the IMO did this early on 2 October.",
    expected = "Rooms fear the embarrassment after announcing its return and keep it up, or take it down quietly.",
    hint = "If you take it down quietly, who hears about it first, and from whom?",
}

N.iso_question = {
    good = "Explain what the certificate covers and commit to an independent review that reports to member states.",
    expected = "Rooms reach for \"sophisticated attack\", close to the IMO's own words, or \"no comment\".",
    hint = "What question did the columnist actually ask?",
}

N.industry_message = {
    good = "Keep the deadline and add what the IMC learned: what worked (backups in a second city, outside help) and what it is changing. The date is for Administrations to apply; the secretariat cannot delay it.",
    expected = "Rooms split between sending it as drafted and suggesting a delay.",
    hint = "Whose deadline is it, and what should the industry learn from your week?",
}

return N
