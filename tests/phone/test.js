// The phone page in a real browser (run by tests/phone.sh): the system's
// Chromium, driven by puppeteer-core, loads assets/phone from server.py (a
// stand-in for the game's room server with the same CSP and API) and is
// fed each fixture state; the participant's flows (joining, voting,
// proposals, each refusal) are flows.js's. Checks what a participant
// would see, read from the DOM, and what the stand-in received.
//
//   node test.js ASSETS_DIR TMP_DIR [SHOTS_DIR]
'use strict';
const fs = require('fs');
const path = require('path');
const fixtures = require('./fixtures.js');
const flows = require('./flows.js');
const standin = require('./standin.js');

const [assets, tmp, shots] = process.argv.slice(2);
const { ok, fail, check, finish, launch } = require('./check.js');

const mainText = (page) => page.evaluate(() => document.body.innerText);

async function showState(page, sv, name, fx) {
  sv.set(fx.state);
  // wait (not a timed check: a generous limit only) until the page shows it
  const first = fx.expect[0];
  try {
    await page.waitForFunction((t) => document.getElementById('main').innerText.includes(t),
      { timeout: 10000 }, first);
  } catch (e) {
    fail(`${name}: "${first}" never shown`);
    return false;
  }
  const text = await mainText(page);
  const missing = fx.expect.filter((t) => !text.includes(t));
  check(!missing.length, `${name}: shows ${fx.expect.length} expected texts` +
    (missing.length ? ` (missing: ${missing.join(' | ')})` : ''));
  const present = (fx.absent || []).filter((t) => text.includes(t));
  if (fx.absent) check(!present.length, `${name}: does not show ${fx.absent.join(', ')}` +
    (present.length ? ` (shown: ${present.join(' | ')})` : ''));
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  // on a failure, name what sticks out
  const out = wide <= 390 ? [] : await page.evaluate(() => [...document.querySelectorAll('body *')]
    .filter((e) => e.getBoundingClientRect().right > 390)
    .map((e) => e.tagName.toLowerCase() + '.' + e.className).slice(0, 5));
  check(wide <= 390, `${name}: no horizontal scroll at 390 px (scrollWidth ${wide})` +
    (out.length ? ` (wider: ${out.join(' ')})` : ''));
  return true;
}

// name.png, then name-contrast.png in the high-contrast palette
async function shot(page, name) {
  await page.screenshot({ path: path.join(shots, name + '.png') });
  await page.click('#contrast');
  await page.screenshot({ path: path.join(shots, name + '-contrast.png') });
  await page.click('#contrast');
}

const VIEW = { width: 390, height: 844, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

(async () => {
  const srv = await standin.start(assets, tmp);
  const url = `http://127.0.0.1:${srv.port}/`;
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await page.setViewport(VIEW);
    const errors = [];
    let watching = true;
    page.on('console', (m) => {
      // the refusals the flows provoke on purpose are logged by Chromium
      if (watching && m.type() === 'error' && !/status of (40[0139]|409|429|503)/.test(m.text())) errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push('page error: ' + e.message));
    // data must never run: alert and the flag would both show it
    await page.evaluateOnNewDocument(() => {
      window.__pwned = 0;
      window.alert = () => { window.__pwned = 1; };
    });
    page.on('dialog', (d) => { errors.push('dialog: ' + d.message()); d.dismiss(); });
    const show = (name, fx) => showState(page, srv, name, fx);
    const ctx = { page, sv: srv, url, showState: show, shot: shots ? (n) => shot(page, n) : null };

    await flows.join(ctx);

    for (const name of ['before', 'playing', 'paused', 'blank', 'slide', 'ended', 'hotwash']) {
      await show(name, fixtures[name]);
      if (name === 'playing') {
        // every option whole on screen width: nothing cut off at the right
        const opts = await page.evaluate(() => [...document.querySelectorAll('.option')].map((o) => {
          const r = o.getBoundingClientRect();
          return { l: r.left, r: r.right, h: r.height, letter: o.dataset.letter };
        }));
        check(opts.length === 4 && opts.every((o) => o.l >= 0 && o.r <= 390),
          `playing: 4 options within 390 px (${opts.map((o) => o.letter + ':' + Math.round(o.l) + '-' + Math.round(o.r)).join(' ')})`);
        check(opts.every((o) => o.h >= 48), 'playing: each option at least 48 px tall');
        const cd = await page.$eval('#countdown', (e) => e.textContent);
        check(/^2:0[0-5] to decide$/.test(cd), `playing: countdown from left_real 125 s ("${cd}")`);
        await page.waitForFunction(() => !/^2:05/.test(document.getElementById('countdown').textContent), { timeout: 5000 })
          .then(() => ok('playing: the countdown ticks between polls'), () => fail('playing: the countdown does not tick'));
        // the option buttons are kept while the state changes under them
        await page.$eval('.option[data-letter="A"]', (b) => { b.__mark = 1; });
        const later = JSON.parse(JSON.stringify(fixtures.playing.state));
        later.now_s += 60; later.clock = 'T+00:23'; later.decision.left_real = 65; later.decision.left_s -= 60;
        srv.set(later);
        await page.waitForFunction(() => document.querySelector('.clock .time').textContent === 'T+00:23', { timeout: 10000 });
        check(await page.$eval('.option[data-letter="A"]', (b) => b.__mark === 1),
          'playing: a new state (clock, countdown) keeps the option buttons under the finger');
        check(/^1:0[0-5] to decide$/.test(await page.$eval('#countdown', (e) => e.textContent)), 'playing: the countdown follows the new state');
        srv.set(fixtures.playing.state);
        const btn = await page.$eval('#contrast', (b) => b.getBoundingClientRect().height);
        check(btn >= 48, `the contrast toggle is a 48 px target (${btn})`);
        await page.click('#contrast');
        const hc = await page.evaluate(() => [document.documentElement.classList.contains('contrast'),
          localStorage.getItem('bulkhead.contrast')]);
        check(hc[0] && hc[1] === '1', 'high contrast on, and remembered');
        await page.reload({ waitUntil: 'load' });
        await page.waitForSelector('.option', { timeout: 10000 });
        check(await page.evaluate(() => document.documentElement.classList.contains('contrast')),
          'high contrast still on after a reload');
        check(/^You: IT & security/.test(await page.$eval('#who', (e) => e.textContent)),
          'still joined after a reload (the token kept)');
        await page.click('#contrast');
        check(!(await page.evaluate(() => document.documentElement.classList.contains('contrast'))),
          'high contrast off again');
      }
      if (name === 'paused') {
        const cd = await page.$eval('#countdown', (e) => e.textContent);
        check(cd === 'Paused', `paused: the countdown says Paused ("${cd}")`);
      }
    }

    await flows.vote(ctx);
    await flows.tally(ctx);
    await flows.closed(ctx);
    await flows.proposals(ctx);

    await show('hostile', fixtures.hostile);
    const hostileChecks = async (p, what) => {
      const h = await p.evaluate(() => ({
        pwned: window.__pwned, imgs: document.images.length,
        scripts: [...document.scripts].map((s) => s.getAttribute('src')).join(' '),
        wide: document.documentElement.scrollWidth,
      }));
      check(h.pwned === 0, `${what}: no script from the data ran`);
      check(h.imgs === 0, `${what}: no element made from the data (${h.imgs} img)`);
      check(h.scripts === '/phone/dom.js /phone/room.js /phone/you.js /phone/you_draw.js /phone/app.js',
        `${what}: the page's own scripts are the only ones (${h.scripts})`);
      check(h.wide <= 390, `${what}: no horizontal scroll (${h.wide})`);
    };
    await hostileChecks(page, 'hostile');
    const opts = await page.evaluate(() => [...document.querySelectorAll('.option')].every((o) => {
      const r = o.getBoundingClientRect(); return r.left >= 0 && r.right <= 390;
    }));
    check(opts, 'hostile: every option within 390 px');
    // and the join form of a phone that has not joined, in its own profile
    const other = await browser.createBrowserContext();
    try {
      const p2 = await other.newPage();
      await p2.setViewport(VIEW);
      await p2.evaluateOnNewDocument(() => { window.__pwned = 0; window.alert = () => { window.__pwned = 1; }; });
      await p2.goto(url, { waitUntil: 'load' });
      await p2.waitForFunction(() => document.querySelectorAll('.role').length === 5, { timeout: 10000 })
        .then(() => ok('hostile join: five role buttons'), () => fail('hostile join: no role buttons'));
      const labels = await p2.$$eval('.role', (bs) => bs.map((b) => b.textContent));
      check(labels.every((l) => l.startsWith('<script>window.__pwned=1')), 'hostile join: role labels shown as text');
      await hostileChecks(p2, 'hostile join');
    } finally { await other.close(); }

    await show('odd', fixtures.odd);
    srv.set(fixtures.playing.state);

    await flows.lost(ctx);
    await flows.leaveObserver(ctx);

    // the page revalidates: after a 200 it sends the ETag it got
    const log = fs.readFileSync(srv.logFile, 'utf8').split('\n').filter(Boolean);
    const tagged = log.filter((l) => l !== '-');
    check(log[0] === '-' && tagged.length > 0 && tagged.every((t) => /^"[0-9a-f]{16}"$/.test(t)),
      `If-None-Match sent on polls after the first (${tagged.length} of ${log.length} requests)`);

    check(!errors.length, `no console errors${errors.length ? ': ' + errors.slice(0, 3).join(' / ') : ''}`);

    // the server goes away: the page says so and keeps the last state
    watching = false;
    srv.proc.kill();
    try {
      await page.waitForFunction(() => /Reconnecting…/.test(document.getElementById('status').textContent),
        { timeout: 10000 });
      ok('server stopped: "Reconnecting…" shown');
    } catch (e) { fail('server stopped: no "Reconnecting…"'); }
    const kept = await mainText(page);
    check(kept.includes('Your vote: A, medium.'), 'server stopped: the last state stays on screen');
  } finally {
    await browser.close();
    srv.proc.kill();
  }
  finish();
})().catch((e) => { console.log('FAIL ' + (e && e.stack || e)); process.exit(1); });
