// The participant's flows on the phone page against the stand-in (run by
// test.js): joining and each refusal, voting and changing the vote, a
// closed vote, the vote sent again when the laptop lost it, the revealed
// tally, proposals (available, not now, refused), a lost token (401),
// leaving, and an observer. Each step is done through the page's own
// buttons and checked twice: on screen, and in what the stand-in received.
'use strict';
const { ok, fail, check } = require('./check.js');
const fx = require('./fixtures.js');

const txt = (page) => page.evaluate(() => document.body.innerText);
// waits (a generous limit, not a timed check) until the body shows t
async function waitText(page, t, what) {
  try {
    await page.waitForFunction((s) => document.body.innerText.includes(s), { timeout: 10000 }, t);
    ok(what || `shows "${t}"`);
    return true;
  } catch (e) {
    fail((what || 'shows') + `: "${t}" never shown`);
    return false;
  }
}
async function fill(page, sel, text) {
  await page.$eval(sel, (e) => { e.value = ''; e.dispatchEvent(new Event('input')); });
  await page.type(sel, text);
}
const attr = (page, sel, a) => page.$eval(sel, (e, n) => e.getAttribute(n), a).catch(() => null);
const value = (page, sel) => page.$eval(sel, (e) => e.value);
const me = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('bulkhead.me') || 'null'));
const phonesOf = async (sv) => Object.values((await sv.dump()).phones);

// The element under the centre of sel is sel (or inside it): not hidden
// under the sticky vote bar or off screen.
async function reachable(page, sel) {
  return page.$eval(sel, (e) => {
    const r = e.getBoundingClientRect();
    const x = r.left + r.width / 2, y = r.top + r.height / 2;
    const hit = document.elementFromPoint(x, y);
    return y >= 0 && y <= innerHeight && !!hit && (hit === e || e.contains(hit));
  });
}

// Taps sel as a thumb would: scrolled to the middle of the screen first
// (an option low on the screen may sit under the sticky vote bar), and
// only if nothing covers it there.
async function tap(page, sel) {
  await page.$eval(sel, (e) => e.scrollIntoView({ block: 'center' }));
  if (!(await reachable(page, sel))) fail(`${sel} is covered, even in the middle of the screen`);
  await page.tap(sel);
}

// Scrolls so the element's top is just under the sticky header.
async function scrollTo(page, sel) {
  await page.$eval(sel, (e) => {
    const head = document.querySelector('.top').getBoundingClientRect().height;
    window.scrollTo(0, e.getBoundingClientRect().top + window.scrollY - head - 8);
  });
}

async function join(ctx) {
  const { page, sv, shot } = ctx;
  sv.set(fx.before.state);
  await page.goto(ctx.url + '?c=KXQZ', { waitUntil: 'load' });
  await page.waitForSelector('.role', { timeout: 10000 }).catch(() => null);
  check(await value(page, '#code') === 'KXQZ', 'join: the room code is filled in from ?c=');
  const roles = await page.$$eval('.role', (bs) => bs.map((b) => {
    const r = b.getBoundingClientRect();
    return { label: b.textContent, h: r.height, l: r.left, r: r.right };
  }));
  check(roles.map((r) => r.label).join('|') === 'IT & security|Communications|Legal|Operations|Observer',
    `join: a button per role, the teams then Observer (${roles.map((r) => r.label).join('|')})`);
  check(roles.every((r) => r.h >= 48 && r.l >= 0 && r.r <= 390), 'join: role buttons 48 px tall at least, within 390 px');
  const go = await page.$eval('#joinbtn', (b) => b.getBoundingClientRect().height);
  check(go >= 48, `join: the Join button is a 48 px target (${go})`);

  await tap(page, '#joinbtn');
  await waitText(page, 'Pick your role first', 'join: no role picked -> "Pick your role first"');
  check(await sv.calls('/api/join') === 0, 'join: nothing sent without a role');

  const name = 'Ann';
  await tap(page, '.role[data-role="r0"]');
  check(await attr(page, '.role[data-role="r0"]', 'aria-pressed') === 'true', 'join: the picked role shows pressed');
  await fill(page, '#name', name);
  if (shot) { await page.$eval('#name', (e) => e.blur()); await shot('phone-join'); }
  await fill(page, '#code', 'ZZZZ');
  const kept = async (what, code) => {
    const v = [await value(page, '#code'), await value(page, '#name'),
      await attr(page, '.role[data-role="r0"]', 'aria-pressed')];
    check(v[0] === code && v[1] === name && v[2] === 'true', `${what}: code, name and role kept (${v.join(' / ')})`);
  };
  await tap(page, '#joinbtn');
  await waitText(page, 'That room code is not this room\'s', 'join: wrong code (403) -> a sentence');
  await kept('join 403', 'ZZZZ');

  await fill(page, '#code', 'kxqz');  // the real server compares without case too
  await sv.control({ max_phones: 0 });
  await tap(page, '#joinbtn');
  await waitText(page, 'The room is full', 'join: full room (503) -> "The room is full"');
  await kept('join 503', 'kxqz');
  await sv.control({ max_phones: 250, throttle: 1 });
  await tap(page, '#joinbtn');
  await waitText(page, 'Too many taps in a row', 'join: too fast (429) -> "Too many taps in a row"');
  await kept('join 429', 'kxqz');

  await tap(page, '#joinbtn');
  await waitText(page, 'You: IT & security · Ann', 'join: joined, the header says the role and name');
  const m = await me(page);
  check(m && /^[0-9a-f]{32}$/.test(m.token) && m.role === 'r0', 'join: the token and role kept in localStorage');
  const ph = await phonesOf(sv);
  check(ph.length === 1 && ph[0].role === 'r0' && ph[0].name === name,
    `join: the server has one phone, r0, named as typed (${JSON.stringify(ph)})`);
  await waitText(page, 'You have joined.', 'join: before play, the page says the vote comes later');
}

async function vote(ctx) {
  const { page, sv, shot } = ctx;
  sv.set(fx.playing.state);
  await page.waitForSelector('.option[data-letter="B"]', { timeout: 10000 });
  await page.evaluate(() => window.scrollTo(0, 0));
  check(await page.$eval('#votebtn', (b) => b.disabled && b.textContent === 'Pick an option above'),
    'vote: nothing picked -> "Pick an option above", disabled');
  // the decision, an option and the Vote button on the first screen
  const first = await page.evaluate(() => {
    const r = (s) => document.querySelector(s).getBoundingClientRect();
    return { prompt: r('.prompt').bottom, a: r('.option[data-letter="A"]').bottom, vote: r('#votebtn').bottom,
      h: [...document.querySelectorAll('.option, .conf, #votebtn')].map((e) => e.getBoundingClientRect().height) };
  });
  check(first.prompt <= 844 && first.a <= 844 && first.vote <= 844,
    `vote: prompt, option A and Vote all on the first screen (bottoms ${Math.round(first.prompt)}, ${Math.round(first.a)}, ${Math.round(first.vote)})`);
  check(first.h.every((h) => h >= 44), `vote: every vote button at least 44 px tall (${first.h.map(Math.round).join(' ')})`);
  check(await attr(page, '.conf[data-conf="medium"]', 'aria-pressed') === 'true', 'vote: confidence medium by default');

  await tap(page, '.option[data-letter="B"]');
  await tap(page, '.conf[data-conf="high"]');
  check(await page.$eval('#votebtn', (b) => !b.disabled && b.textContent === 'Vote B, high'),
    'vote: B and high picked -> "Vote B, high"');
  check(await reachable(page, '#votebtn'), 'vote: the Vote button is on screen, not covered');
  await tap(page, '#votebtn');
  await waitText(page, 'Your vote: B, high. You can change it until the vote closes.', 'vote: sent -> "Your vote: B, high…"');
  let ph = await phonesOf(sv);
  check(ph[0] && JSON.stringify(ph[0].vote) === '{"decision":"d3","option":"B","confidence":"high"}',
    `vote: the server holds B, high on d3 (${JSON.stringify(ph[0] && ph[0].vote)})`);
  check(await page.$eval('#votebtn', (b) => b.disabled && b.textContent === 'Voted B, high'), 'vote: the button says Voted B, high');
  check(await page.$eval('.option[data-letter="B"] .yours', (b) => !b.hidden), 'vote: option B marked "Your vote"');
  if (shot) { await page.evaluate(() => window.scrollTo(0, 0)); await shot('phone'); }

  // change it
  await tap(page, '.option[data-letter="C"]');
  check(await page.$eval('#votebtn', (b) => b.textContent) === 'Change my vote to C, high', 'vote: picking C offers "Change my vote to C, high"');
  await tap(page, '#votebtn');
  await waitText(page, 'Your vote: C, high.', 'vote: changed -> "Your vote: C, high"');
  ph = await phonesOf(sv);
  check(ph.length === 1 && ph[0].vote.option === 'C' && await sv.calls('/api/vote', 200) === 2,
    'vote: the server holds C (one phone, one vote, two POSTs)');

  // a reload keeps the identity and shows the vote the laptop holds
  await page.reload({ waitUntil: 'load' });
  await waitText(page, 'Your vote: C, high.', 'vote: after a reload, the vote comes back from /api/me');
  check(await attr(page, '.option[data-letter="C"]', 'aria-pressed') === 'true', 'vote: after a reload, C shows picked');
  check(await attr(page, '.conf[data-conf="high"]', 'aria-pressed') === 'true', 'vote: after a reload, high shows picked');

  // the laptop lost the vote (restarted): the page sends it again
  await sv.control({ forget_votes: true });
  await page.reload({ waitUntil: 'load' });
  await waitText(page, 'Your vote: C, high.', 'vote: lost by the laptop -> shown again');
  ph = await phonesOf(sv);
  check(ph[0].vote && ph[0].vote.option === 'C' && ph[0].vote.confidence === 'high' && await sv.calls('/api/vote', 200) === 3,
    `vote: the page sent the remembered vote again (${JSON.stringify(ph[0].vote)})`);

  // too fast: a sentence, the pick kept
  await tap(page, '.option[data-letter="D"]');
  await sv.control({ throttle: 1 });
  await tap(page, '#votebtn');
  await waitText(page, 'Too many taps in a row', 'vote: too fast (429) -> a sentence');
  check(await attr(page, '.option[data-letter="D"]', 'aria-pressed') === 'true', 'vote 429: D still picked');
}

async function tally(ctx) {
  const { page, sv, shot, showState } = ctx;
  await showState('tally', fx.tally);
  const bars = await page.$$eval('.tally .bar .fill', (fs) => fs.map((f) => f.style.width));
  check(bars.join(' ') === '18.2% 63.6% 9.1% 9.1%', `tally: bars as shares of the voters (${bars.join(' ')})`);
  if (shot) { await scrollTo(page, '.tally'); await shot('phone-tally'); }
  await showState('split', fx.split);
  sv.set(fx.playing.state);
  await page.waitForFunction(() => !document.querySelector('.tally'), { timeout: 10000 })
    .then(() => ok('tally: hidden again when the facilitator hides it'), () => fail('tally: still shown'));
}

async function closed(ctx) {
  const { page, sv } = ctx;
  await sv.control({ close: 'd3' });
  await tap(page, '.option[data-letter="A"]');
  await tap(page, '#votebtn');
  await waitText(page, 'The vote has closed. Your vote stays C, high.', 'closed (409) -> "The vote has closed"');
  const dis = await page.$$eval('.option, .conf, #votebtn', (bs) => bs.every((b) => b.disabled));
  check(dis, 'closed: every vote button disabled');
  const ph = await phonesOf(sv);
  check(ph[0].vote.option === 'C', 'closed: the server still holds C');
}

async function proposals(ctx) {
  const { page, sv, shot } = ctx;
  const rows = await page.$$eval('.propose .prow', (rs) => rs.map((r) => r.dataset.action));
  check(rows.join(' ') === 'a1 a3', `proposals: r0's available actions and the any-role one have Propose (${rows.join(' ')})`);
  const later = await page.$$eval('.propose .pnot', (rs) => rs.map((r) => r.dataset.action + ': ' + r.innerText.replace(/\n+/g, ' / ')));
  check(later.join(' | ') === 'a0: Isolate the file server / Under way | ' +
    'a2: Reset every password / Not now: needs the file server isolated first | a5: Check the backups / Done',
    `proposals: the others greyed with why (${later.join(' | ')})`);
  check(!(await txt(page)).includes('Draft a staff notice'), 'proposals: another role\'s action is not shown');
  const h = await page.$$eval('.propose-btn', (bs) => bs.map((b) => b.getBoundingClientRect().height));
  check(h.every((x) => x >= 48), `proposals: Propose buttons 48 px tall at least (${h.join(' ')})`);
  await tap(page, '.prow[data-action="a1"] .propose-btn');
  await page.waitForFunction(() => document.querySelector('.prow[data-action="a1"] .propose-btn').textContent === 'Proposed ✓',
    { timeout: 10000 }).then(() => ok('proposals: a1 -> "Proposed ✓"'), () => fail('proposals: a1 never "Proposed ✓"'));
  let ph = await phonesOf(sv);
  check(JSON.stringify(ph[0].proposed) === '["a1"]', `proposals: the server has a1 proposed (${JSON.stringify(ph[0].proposed)})`);
  if (shot) { await scrollTo(page, '.propose'); await shot('phone-propose'); }
  await sv.control({ unavailable: ['a3'] });
  await tap(page, '.prow[data-action="a3"] .propose-btn');
  await waitText(page, 'Not available any more: the situation changed.', 'proposals: 409 -> "Not available any more"');
  await sv.control({ unavailable: [] });
  await page.reload({ waitUntil: 'load' });
  await page.waitForFunction(() => {
    const b = document.querySelector('.prow[data-action="a1"] .propose-btn');
    return b && b.textContent === 'Proposed ✓';
  }, { timeout: 10000 }).then(() => ok('proposals: still "Proposed ✓" after a reload (from /api/me)'),
    () => fail('proposals: "Proposed" lost on reload'));
}

// The laptop forgot every phone (restarted): 401 on /api/me, then on a
// POST; both go back to joining with the role and name filled in.
async function lost(ctx) {
  const { page, sv } = ctx;
  const back = 'This phone is no longer in the room';
  await sv.control({ forget_tokens: true });
  await page.reload({ waitUntil: 'load' });
  await waitText(page, back, '401 on /api/me -> back to joining, with a sentence');
  check(await attr(page, '.role[data-role="r0"]', 'aria-pressed') === 'true' &&
    await value(page, '#name') === 'Ann', '401: role and name filled in');
  check(await me(page) === null, '401: the dead token is forgotten');
  await tap(page, '#joinbtn');
  await waitText(page, 'You: IT & security', '401: joined again with one tap');
  await page.waitForSelector('.prow[data-action="a1"] .propose-btn', { timeout: 10000 });
  await sv.control({ forget_tokens: true });
  await tap(page, '.prow[data-action="a1"] .propose-btn');
  await waitText(page, back, '401 on a proposal -> back to joining');
  await tap(page, '#joinbtn');
  await waitText(page, 'You: IT & security', '401: joined again');
}

async function leaveObserver(ctx) {
  const { page, sv } = ctx;
  await tap(page, '#leave');
  await waitText(page, 'Leave the room?', 'leave: asks first');
  check((await phonesOf(sv)).length === 1, 'leave: nothing sent before the second tap');
  await tap(page, '#leave');
  await waitText(page, 'You left the room.', 'leave: back to joining');
  check((await phonesOf(sv)).length === 0 && await sv.calls('/api/leave', 200) === 1, 'leave: the server freed the place');
  check(await me(page) === null, 'leave: the token is forgotten');
  await tap(page, '.role[data-role="observer"]');
  // a hostile name, with a bidi override the server strips
  const evil = '<img src=x onerror=alert(1)>\u202eBo';
  await fill(page, '#name', evil);
  await tap(page, '#joinbtn');
  await waitText(page, 'You are an observer: you watch and vote.', 'observer: told they watch and vote');
  const shown = '<img src=x onerror=alert(1)>Bo';
  check(await page.$eval('#who', (e) => e.textContent) === 'You: Observer · ' + shown,
    'observer: a hostile name shown as text, as the server cleaned it');
  check(await page.evaluate(() => window.__pwned === 0 && document.images.length === 0),
    'observer: the hostile name did not run or make an element');
  check(await page.$$eval('.propose-btn', (b) => b.length) === 0, 'observer: no Propose button');
  await sv.control({ reopen: true });
  await tap(page, '.option[data-letter="A"]');
  await tap(page, '#votebtn');
  await waitText(page, 'Your vote: A, medium.', 'observer: votes');
  const ph = await phonesOf(sv);
  check(ph.length === 1 && ph[0].role === 'observer' && ph[0].name === shown && ph[0].vote.option === 'A',
    'observer: the server holds the observer (named as cleaned) and its vote');
}

module.exports = { join, vote, tally, closed, proposals, lost, leaveObserver };
