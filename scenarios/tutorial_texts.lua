-- Long texts for tutorial.lua: the briefing, the organisation and stakes
-- blurbs, and the endings. Kept apart so the scenario file stays readable.
-- Returns a table of strings; it declares nothing.

local T = {}

T.briefing = [[
22:00, Sunday 27 September 2020. You are the night-shift duty manager at Alcyon Lines' head office in Europe. The building is quiet. In Asia, Monday has already begun.

How to play: messages arrive in the inbox. You respond by starting actions. Each action ties up people from one team for a while, and a team with nobody free cannot start anything else. Decisions have deadlines. If a deadline passes, the default happens, and defaults are rarely kind.

Watch the meters: keep malware spread and the booking backlog low, and keep customer trust and forensic evidence high.

You have four jobs: contain, communicate, restore, investigate. Do them roughly in that order, but not strictly. The day shift arrives at 07:40.]]

T.organisation = [[
Alcyon Lines (fictional) is a container carrier with about 500 ships, offices in 160 countries, an online booking portal and EDI links to thousands of customers. Tonight you have three on-call IT engineers, one press officer and two people on the operations desk, and you are one person yourself.]]

T.stakes = [[
Every hour the portal is dark, bookings pile up in the rush before China's Golden Week holiday. Every hour the malware runs free, it reaches more of the network, and the backups with it. Whatever you say tonight will be quoted tomorrow.]]

T.end_encrypted = [[
Long before the day shift arrives, the malware has reached the file servers, the booking portal and the backups. There is nothing clean left to restore from, and the day shift starts with a rebuild measured in weeks.

The lesson: containment comes first. Cutting the internet edge and isolating the infected offices takes under an hour. Every half hour without them, the attack spreads further.]]

T.end_clean = [[
The day shift finds the attack contained, the Asia offices reimaged from clean images, memory evidence preserved for the investigators, and customers who know what happened and how to book in the meantime.

It is not over. Real recoveries like this one took about two weeks. But you handed over an incident, not a disaster.]]

T.end_trust_lost = [[
Technically, the night went well enough: the malware is boxed in. But customers' trust is well below where it started, and the day shift inherits a contained attack and a credibility problem.

The lesson: say "cyberattack" early, tell customers how to book meanwhile, check a channel before you call it safe, and keep updates coming on a schedule.]]

T.end_slow = [[
The malware is contained, and that was the most important thing. But little else got done, and the day shift starts almost from scratch.

The lesson: once you have contained it, use your people for the next steps. Capture evidence before you wipe anything, check the backups, then restore.]]

T.end_reinfected = [[
The restored machines came back, and so did the ransom note. The attackers still had a way in, because machines were restored or reconnected before the network was known to be clean. Hours of work are gone, and the regions no longer trust IT's timelines.

The lesson: contain, then investigate, then restore, and reconnect in phases. Restoring early does not save time.]]

T.end_unfinished = [[
The day shift walks into an incident that is still moving. The attack is not contained at handover, so every restore is a gamble and every statement may be overtaken by events.

The lesson: cut the internet edge and isolate the infected offices early. Together they stop the spread; either one alone only slows it. Then keep it contained: reconnect only in phases, and only what is known to be clean.]]

return T
