-- Long texts for carrier_ransomware.lua: the briefing, the organisation and
-- stakes blurbs, and the endings. Kept apart so the scenario file stays
-- readable. Returns a table of strings; it declares nothing.

local T = {}

T.briefing = [[
22:00, Sunday 27 September 2020, Alcyon Lines' head office in France. You are the crisis cell: the executives on call, IT and security, communications, legal and compliance, and operations. In Shanghai it is 04:00 on Monday, and the night shift is about to call.

The next fourteen days are yours. Messages arrive in the inbox, and you answer by starting actions. Each action ties up people from one team until it finishes. A team with nobody free cannot start anything else. Decisions have deadlines, and when one runs out its default happens. A default is what an organisation does when nobody decides. It is rarely what you would have chosen.

At 1× a simulated day passes in under five real minutes. Pause whenever the room needs to talk.

The work, roughly in this order: contain the attack; keep cargo moving and customers informed; find out how the attackers got in and what they took; then bring the network back in phases without letting them back in. The board reviews the response on Sunday 11 October at 21:00.]]

T.organisation = [[
Alcyon Lines (fictional) is a container carrier with about 500 ships, some 750 offices in 160 countries and about 110,000 staff. It moves about 21 million TEU a year, roughly 57,000 a day. A TEU is one twenty-foot container; a standard forty-foot box counts as two.

Customers book on Alcyon's portals or over EDI (electronic data interchange): the machine-to-machine links that carry bookings, shipping instructions and status messages between Alcyon and forwarders, shippers and terminals.

Subsidiary lines: Tasman Line (Australia and New Zealand), Boreal Feeder (intra-Asia) and Costeira (Brazilian coast). Alcyon Logistics, the contract-logistics arm, runs on a separate network.

Your people: 2 executives in the crisis cell, 6 in IT and security, 2 in communications, 2 in legal and compliance, and 4 in operations and customer service. An incident-response firm is on retainer.]]

T.stakes = [[
A day of Alcyon's shipping brings in about USD 65 million. In 2017 Maersk put the cost of about ten days without IT at USD 200 to 300 million. Chinese exporters are rushing to ship before the Golden Week holiday closes factories on 1 October. Three regulators have clocks running: the EU's 72 hours to report a data breach, US Customs' manifest rules, and the US Federal Maritime Commission's filing deadlines. Whatever you say will be set beside what the attackers and the press say.]]

T.end_reinfected = [[
The restored systems came back, and so did the ransom note. Twice something was restored or reconnected while the attackers still had a way in. Each time the work of days was lost, and the regions stopped believing IT's dates.

What responders recommend: contain first. Then eradicate: rebuild Active Directory and close the way in. Only then restore, in phases, on monitored segments. If you paid, paying changed none of this. A decryptor unlocks files; it does not remove the attackers.]]

T.end_paid = [[
You paid. The decryptor worked, slowly, on the servers it was run on. The network still had to be rebuilt, at the same pace as if you had not paid.

In the real case, CMA CGM recovered over about two weeks and disclosed no payment. Toll Group refused to pay both times it was hit in 2020; the Port of San Diego refused in 2018 and recovered from its backups. CISA and the FBI advise against paying: it funds the next attack and guarantees nothing.]]

T.end_recovered = [[
Sunday 11 October. Booking, tracking, quotes and invoices are back online. The back office, the subsidiaries and the agencies are reconnected, and nothing came back with them. You contained the attack within hours. The evidence showed how the attackers got in and what they took. The regulators heard from you before they had to ask, and customers got a dated update every day.

It was not painless. Manual work, waivers and overtime cost real money, and the stolen data is still out there. Customers trust you a little less than before the attack: good handling limited the damage of a fortnight without online booking, it did not undo it, and some Golden Week cargo went to other carriers. But this was a planned recovery, not a rescue. CMA CGM took about two weeks over the same sequence in 2020, and its fourth quarter was a record.]]

T.end_breach = [[
The network is back. The story now is the breach, and the regulators' letters will keep legal busy long after IT has gone home.

What responders recommend: treat suspected data theft as a breach as soon as you suspect it. Ransomware that encrypts personal data is already a breach, so the 72 hours start with the note. Send a first notice to the authority within them, even an incomplete one: GDPR Article 33 allows the details to follow. Never deny what the attackers can prove. Tell customers what to watch for. Ask for regulatory relief before a deadline passes, not after.]]

T.end_trust_lost = [[
Technically, a good fortnight: the attack was contained, the network rebuilt and reconnected. Customers remember the first days differently. Shippers' associations want compensation, and some volume has gone to competitors for the season.

What responders recommend: say "cyberattack" as soon as you know it is one. Publish updates on a fixed schedule and keep to it. Tell customers how to book in the meantime. Check a channel before you call it safe.]]

T.end_burned_out = [[
Everything is back for the review, and nothing came back with it. But the people who did it have not slept properly for two weeks. Engineers have been signed off sick, mistakes were made at three in the morning, and the crisis cell is running on adrenaline. The incident is over; the hangover will last months, and some of your best people are updating their CVs.

What responders recommend: from the first night, plan for a fortnight, not a weekend. Split every team into shifts with a duty manager and a handover log. Maersk ran its 2017 recovery this way, in shift-based work streams. Toll Group ran manual processes for more than a week.]]

T.end_relapse = [[
Everything is back for the review, but not at the first attempt. Once, a restore or a reconnection let the attackers back in. It took days to contain the network again and rebuild what they touched, and customers watched the dates slip.

What responders recommend: before you reconnect anything, the network must be contained, Active Directory rebuilt and the attackers' way in closed. A reinfection costs more time than waiting does.]]

T.end_slow = [[
The attack is contained, and the attackers have not come back. But only part of the network has: at the review some of it is still dark, and customers still book by Excel form and INTTRA. Every dark day shows in the bill and in customers' patience.

What responders recommend: once the attack is contained, work in parallel. Capture the evidence, trace the entry point, rebuild Active Directory and prepare a clean image at the same time. The restoration phases are the slowest part of the recovery, so every day before they start is a day added at the end. CMA CGM's e-commerce came back on day 14.]]

T.end_adrift = [[
The fortnight ends with nothing restored. The business is running on paper, goodwill and overtime, and the bill is still rising.

What responders recommend: contain first. Cut external access at the internet edge, isolate the infected offices at the switch, and cut the links between regions. Each takes a few hours. Together they stop the spread; each alone only slows it. Then rebuild Active Directory and start the restoration phases. Each phase takes days, and nothing comes back by itself.]]

-- Endings of the session cuts (see the cut { } declarations). They have no
-- `when` and are not the fallback, so a full-length session never reaches
-- them; each is reached only when its cut's time runs out.

T.end_handover_48h = [[
Tuesday 29 September, 22:00. Forty-eight hours after the ransom note, the two days it gave for a "special price" are up, and the first crisis cell hands over to the people who will run the next twelve days. Nobody recovers a carrier in 48 hours. What matters now is what the next shift inherits, and the meters and systems on the board say it.

A good handover reads: attacker reach has stopped climbing, because the internet edge, the Asia offices and the links between regions were all cut; the backups are offline and intact; memory was captured before anything was wiped, so the way in can be traced; the GDPR 72-hour clock, which started with the ransom note, has a notice to the CNIL behind it; customers heard "cyberattack" and how to book from Alcyon, not from LinkedIn; US Customs has a named liaison; and the crisis cell works in shifts. A poor one hands over a spreading attack, an "IT issue" and a team that has not slept. Either way, nothing is restored yet, and nothing should be until Active Directory is rebuilt and the way in is closed.

In 2020 CMA CGM had by then cut external access to its applications, sent customers to its local agencies and, on the Tuesday, declared email, file transfers and EDI secure, with ship and port operations normal. Its first advisory had spoken of an "internal IT infrastructure issue"; a tweet that Monday afternoon said "cyberattack". It said it suspected a data breach on the Wednesday afternoon. Its e-commerce came back on 11 October.]]

T.end_board_week_one = [[
Sunday 4 October, 22:00. A week after the ransom note, the chief executive takes one page to the board: contained or not, how many restoration phases are done, what it has cost so far, and a date for e-commerce. The chief executive's week-one note in the log is that page.

A good first week ends contained, with nothing reinfected: Active Directory rebuilt, the way in closed, the back office reconnected on a monitored segment and the subsidiary lines following it. The CNIL had its first notice within 72 hours of the ransom note, staff heard that their HR files were taken, customers were warned about phishing before the leak site did it for you, nobody paid, the demurrage question was answered, and the regions got a published order of phases instead of a free hand. A poor one ends with the network still open, a reinfection behind it, or a payment that bought nothing, and a team too tired for week two.

Week two is restoration: the agencies, office by office from a clean image, then e-commerce. In 2020 CMA CGM's Mercosul and Containerships subsidiaries were back around 5 October while its agencies were reconnecting gradually, and its e-commerce returned on Sunday 11 October.]]

return T
