-- Long texts for regulator_attack.lua: the briefing, the organisation and
-- stakes blurbs, and the endings. Kept apart so the scenario file stays
-- readable. Returns a table of strings; it declares nothing.

local T = {}

T.briefing = [[
06:00, Wednesday 30 September 2020, London. You chair the crisis team of the Intergovernmental Maritime Council (IMC), the UN agency that writes the rules of international shipping for its member states. It is committee week: the Facilitation Committee meets online today at 12:00 and again on Friday, with interpreters in six languages.

The ICT night desk has just called. The public website and the intranet are dark, and the servers behind the member states' reporting database are busy at an hour when nobody uses them.

How to play: messages arrive in the inbox and you answer by starting actions. Each action ties up people from one team for a while; a team with nobody free cannot start anything else. Decisions have deadlines, and when one runs out its default happens. Defaults cost something.

Watch five meters. Keep member-state confidence, committee continuity, public credibility and data integrity up, and staff fatigue down.

Your jobs are the usual four: contain, communicate, restore, investigate. On Tuesday morning at 09:00 you brief the member states on the week.

This scenario follows public reporting of the cyberattack on the International Maritime Organization in autumn 2020. The IMO never said what malware hit it, how the attackers got in or who they were. Everything here about the attackers is invented, and marked as fiction.]]

T.organisation = [[
The Intergovernmental Maritime Council (fictional) is a UN specialised agency with a secretariat of about 300 in London. Its web services are the public website, the staff intranet, MARIS (the database where member states file the reports the conventions require), DocNet (committee documents) and e-Publications (online editions of the conventions, sold to subscribers). File servers are in London and backups in Geneva, and the restore is tested regularly. The IMC has been certified to ISO/IEC 27001 since 2015.

Your people: ICT & security (4), communications (2), conference services (3), legal & external relations (2), and senior management (2, you among them).]]

T.stakes = [[
The conventions ask member states to file their reports through MARIS. A few days' outage puts nobody in breach, but administrations need to know how to submit meanwhile, and only the secretariat can tell them. Delegates need their papers for today's session. In three months comes the date your own committee set: Administrations are encouraged to make sure that every shipping company's safety management system covers cyber risk by the first annual verification of its Document of Compliance after 1 January 2021. The industry will watch how you handle yours.]]

T.end_overrun = [[
The attackers spent most of a day inside with nothing in their way. They moved from the web cluster to the London file servers, and on to the Geneva backups unless someone cut them off. Nobody can say which MARIS records are genuine. The rebuild will take weeks, and member states will check every record they ever filed.

The lesson: shut the web services down early, even in committee week. The IMO's technicians took key systems offline to prevent further damage. Isolate them at the network rather than power them off, so the evidence survives, and cut the backups off before the attackers find them.]]

T.end_second_outage = [[
What you restored came back, and went dark again, because the attackers used the same way in: a return you had announced, or a second one. Each return you announced made the next outage look worse. Member states now plan around your outages, not your timelines.

The lesson: restoring before you know how they got in does not save time. Find the entry point, close it, reset the accounts, then restore from clean backups. The IMO also took its systems offline again, for a few hours, a day after announcing their return. It did so as a security precaution, and it said so.]]

T.end_exemplary = [[
By Tuesday's briefing the website, MARIS and DocNet are back on rebuilt servers. The way in is closed, and nothing you restored came back compromised. The committee got its work done. Member states and the press believe what you tell them, and the people who did the work are still on their feet.

It was not quick, and it was not free. Member states went without MARIS while the investigators worked through the night, the slower rebuilds took days, your people are tired, and praise for the response faded faster than the memory that the regulator was hacked. It is not over either: the IMO's full services took about a week to come back. But you can stand in front of the member states and ask the industry to do what you did.]]

T.end_discredited = [[
The technical recovery worked. The systems are back and the way in is closed. But the story ran ahead of you. Member states and the press remember how it was told more than how it was fixed.

The lesson: call it an attack as soon as you know, post updates on a fixed schedule (social media while the site is down), and do not declare anything safe until you have checked it.]]

T.end_data_doubts = [[
The services are back, but not on data anyone can vouch for, and member states must check what they filed.

The lesson: offsite backups help only if the attackers cannot reach them. Cut them off in the first hour, test a restore, and compare the restored data against them.]]

T.end_exhausted = [[
You got everything back, running on adrenaline. Two engineers are off sick, the ICT lead was sent home, and the people who must now write up the lessons can barely remember the week.

The lesson: a recovery that lasts a week needs a rota and a duty manager from the first day. Maersk ran its 2017 recovery in shift-based work streams. Tired people make mistakes, and in an incident mistakes cost data.]]

T.end_safe_slow = [[
The attack is contained and the way in is understood. But caution cost the member states part of their week.

The lesson: once you know how they got in and the backups are tested, restore in order: MARIS, then DocNet, then the website. Keep the committee going with papers by email and a meeting platform you have checked.]]

T.end_still_dark = [[
You shut everything down, and that stopped the damage. But a week later nobody knows how the attackers got in, and nothing can come back safely until someone does. The website, MARIS and DocNet are still dark when the member states meet.

The lesson: shutting down buys time and nothing more. Bring in the UN International Computing Centre or outside experts on the first day, find the way in, and close it. Then restore.]]

-- Endings of the session cuts (see the cut { } declarations). They have no
-- `when` and are not the fallback, so a full-length session never reaches
-- them; each is reached only when its cut's time runs out.

T.end_council_chair = [[
Thursday 1 October, 11:00. The Secretary-General goes in to see the Council chair with what you have given her: the line the IMC has said in public, what happened at yesterday's committee session, and a time for MARIS, or an honest reason why there is none yet. Reuters has run its story. Whatever she says out loud now, member states will hold you to.

A good first day reads on the board: data integrity stopped falling early, because the web services were shut down at the network with the servers left running for the investigators; the Geneva backups were cut off and a restore tested; UNICC or outside experts are on the bridge and the way in is being traced; the public line said "cyberattack" as soon as triage had shown someone inside, and not before, so Reuters quoted you instead of correcting you; the committee met on a platform someone had checked, with papers sent another way; member states know how to file while MARIS is dark; and there is a rota. A poor one has integrity still falling, a "technical issues" line behind it, and a time for MARIS that nobody can keep.

In 2020 the IMO spoke of "technical issues" on the Wednesday and said on the Thursday that it had been a cyberattack; its technicians shut key systems down to prevent further damage. GISIS, IMODOCS and Virtual Publications came back that Thursday, 1 October.]]

T.end_committee_rises = [[
Friday 2 October, 18:00. The committee's week is over. It met twice on the meeting platform, or tried to, and the papers reached the delegates or did not. The emergency part of the week ends here; the recovery does not, and on Tuesday you brief the member states.

A good committee week reads on the board: committee continuity held, because both sessions ran on a checked platform with papers in hand; MARIS and DocNet came back only after the way in was closed and the accounts were reset, and nothing you announced went dark again without an explanation; data integrity held, because Geneva was cut off in time; credibility survived Reuters and the columnist's question about the certificate; and your people go into the weekend on a rota. A poor one has a lost session, a service that came back and went dark again, and a team that has not slept since Wednesday.

In 2020 the IMO's Facilitation Committee met on its virtual platform, with interpretation, on 30 September and 2 October. GISIS, IMODOCS and Virtual Publications came back on 1 October, were taken offline again for a few hours early on 2 October for security reasons, and returned; the website came back on 2 October. Full services took about a week.]]

return T
