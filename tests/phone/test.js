// The phone page in a real browser (run by tests/phone.sh): the system's
// Chromium, driven by puppeteer-core, loads assets/phone from server.py (a
// stand-in for the game's room server with the same CSP) and is fed each
// fixture state. Checks what a participant would see, read from the DOM.
//
//   node test.js ASSETS_DIR TMP_DIR [SHOTS_DIR]
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');
const fixtures = require('./fixtures.js');

const [assets, tmp, shots] = process.argv.slice(2);
const stateFile = path.join(tmp, 'state.json');
const logFile = path.join(tmp, 'inm.log');
const { ok, fail, check, finish, launch } = require('./check.js');

function startServer() {
  return new Promise((resolve, reject) => {
    const p = spawn('python3', [path.join(__dirname, 'server.py'), assets, stateFile, logFile],
      { stdio: ['ignore', 'pipe', 'inherit'] });
    p.stdout.once('data', (d) => resolve({ proc: p, port: parseInt(String(d), 10) }));
    p.once('error', reject);
    p.once('exit', (c) => reject(new Error('server.py exited ' + c)));
  });
}

const setState = (s) => fs.writeFileSync(stateFile, JSON.stringify(s));
const mainText = (page) => page.evaluate(() => document.body.innerText);

async function showState(page, name, fx) {
  setState(fx.state);
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

(async () => {
  setState(fixtures.before.state);
  fs.writeFileSync(logFile, '');
  let srv = await startServer();
  const url = `http://127.0.0.1:${srv.port}/`;
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 390, height: 844, deviceScaleFactor: 1, isMobile: true, hasTouch: true });
    const errors = [];
    let watching = true;
    page.on('console', (m) => { if (watching && m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push('page error: ' + e.message));
    // data must never run: alert and the flag would both show it
    await page.evaluateOnNewDocument(() => {
      window.__pwned = 0;
      window.alert = () => { window.__pwned = 1; };
    });
    page.on('dialog', (d) => { errors.push('dialog: ' + d.message()); d.dismiss(); });
    await page.goto(url, { waitUntil: 'load' });

    for (const name of ['before', 'playing', 'paused', 'blank', 'slide', 'ended', 'hotwash']) {
      await showState(page, name, fixtures[name]);
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
        const btn = await page.$eval('#contrast', (b) => b.getBoundingClientRect().height);
        check(btn >= 48, `the contrast toggle is a 48 px target (${btn})`);
        if (shots) await page.screenshot({ path: path.join(shots, 'phone.png') });
        await page.click('#contrast');
        const hc = await page.evaluate(() => [document.documentElement.classList.contains('contrast'),
          localStorage.getItem('bulkhead.contrast')]);
        check(hc[0] && hc[1] === '1', 'high contrast on, and remembered');
        if (shots) await page.screenshot({ path: path.join(shots, 'phone-contrast.png') });
        await page.reload({ waitUntil: 'load' });
        await page.waitForSelector('.option', { timeout: 10000 });
        check(await page.evaluate(() => document.documentElement.classList.contains('contrast')),
          'high contrast still on after a reload');
        await page.click('#contrast');
        check(!(await page.evaluate(() => document.documentElement.classList.contains('contrast'))),
          'high contrast off again');
      }
      if (name === 'paused') {
        const cd = await page.$eval('#countdown', (e) => e.textContent);
        check(cd === 'Paused', `paused: the countdown says Paused ("${cd}")`);
      }
    }

    await showState(page, 'hostile', fixtures.hostile);
    const h = await page.evaluate(() => ({
      pwned: window.__pwned, imgs: document.images.length,
      scripts: [...document.scripts].map((s) => s.getAttribute('src')),
    }));
    check(h.pwned === 0, 'hostile: no script from the data ran');
    check(h.imgs === 0, `hostile: no element made from the data (${h.imgs} img)`);
    check(h.scripts.length === 1 && h.scripts[0] === '/phone/app.js', 'hostile: app.js is the only script');
    const opts = await page.evaluate(() => [...document.querySelectorAll('.option')].every((o) => {
      const r = o.getBoundingClientRect(); return r.left >= 0 && r.right <= 390;
    }));
    check(opts, 'hostile: every option within 390 px');

    await showState(page, 'odd', fixtures.odd);

    // the page revalidates: after a 200 it sends the ETag it got
    const log = fs.readFileSync(logFile, 'utf8').split('\n').filter(Boolean);
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
    check(kept.includes('Paused'), 'server stopped: the last state stays on screen');
  } finally {
    await browser.close();
    srv.proc.kill();
  }
  finish();
})().catch((e) => { console.log('FAIL ' + (e && e.stack || e)); process.exit(1); });
