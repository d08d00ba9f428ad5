// The phone page from the game's own room server (run by tests/phone.sh
// after test.js, which feeds every kind of state through a stand-in): the
// real `bulkhead workshop ... --room --port 0 --bind 127.0.0.1`, headless
// (SDL's dummy driver), on its briefing screen, so the state is the
// holding slide the server starts with. Checks that the page, its scripts,
// style and icon load under the server's real CSP with no console error,
// that the page shows the join form, and that its polls get 304s. (The
// joining, voting and proposals against the real server are host.js's.)
// Then the game is stopped (SIGTERM) and the page says it is reconnecting.
//
//   node real.js BULKHEAD TMP_DIR
'use strict';
const { spawn } = require('child_process');

const [bulkhead, tmp] = process.argv.slice(2);
const { ok, fail, check, finish, launch } = require('./check.js');

function startGame() {
  return new Promise((resolve, reject) => {
    const env = Object.assign({}, process.env, { SDL_VIDEODRIVER: 'dummy', SDL_AUDIODRIVER: 'dummy' });
    const p = spawn(bulkhead, ['workshop', 'scenarios/tutorial.lua', '--room', '--port', '0',
      '--bind', '127.0.0.1', '--data-dir', tmp + '/data', '--software'],
      { env, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    p.stdout.on('data', (d) => {
      out += String(d);
      const m = /Room: on, listening on 127\.0\.0\.1 port (\d+)/.exec(out);
      if (m) resolve({ proc: p, port: parseInt(m[1], 10) });
    });
    p.once('error', reject);
    p.once('exit', (c) => reject(new Error('the game exited ' + c + ': ' + out)));
  });
}

(async () => {
  const game = await startGame();
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 390, height: 844, deviceScaleFactor: 1, isMobile: true, hasTouch: true });
    const errors = [], statuses = {};
    let watching = true;
    page.on('console', (m) => { if (watching && m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push('page error: ' + e.message));
    page.on('response', (r) => {
      const p = new URL(r.url()).pathname;
      (statuses[p] = statuses[p] || []).push(r.status());
    });
    const res = await page.goto(`http://127.0.0.1:${game.port}/`, { waitUntil: 'load' });
    check(res.status() === 200, `GET / from the game: ${res.status()}`);
    check(/default-src 'self'/.test(res.headers()['content-security-policy'] || ''),
      'the real CSP is sent');
    for (const f of ['/phone/dom.js', '/phone/room.js', '/phone/you.js', '/phone/you_draw.js', '/phone/app.js', '/phone/phone.css'])
      check((statuses[f] || []).includes(200), `${f} loaded (${statuses[f] || 'never asked'})`);
    // headless Chromium does not fetch the icon itself: asked from the page
    const icon = await page.evaluate(async () => {
      const r = await fetch('/phone/icon.svg');
      return r.status + ' ' + r.headers.get('content-type');
    });
    check(icon === '200 image/svg+xml', `/phone/icon.svg: ${icon}`);
    // a phone that has not joined sees the join form; on the briefing
    // screen the game publishes the scenario's roles already (the room
    // joins while it is briefed): the tutorial's teams, then Observer
    try {
      await page.waitForSelector('.role[data-role="observer"]', { timeout: 10000 });
      const roles = await page.$$eval('.role', (b) => b.map((x) => x.dataset.role).join(' '));
      check(/^r0 r1 .*observer$/.test(roles), `the join form with the briefing's roles (${roles})`);
    } catch (e) { fail('the join form with the roles never shown'); }
    // a few polls: the state does not change, so the server answers 304
    // wait for the next polls (a generous limit, not a timed check)
    for (let i = 0; i < 100 && !(statuses['/api/state'] || []).includes(304); i++)
      await new Promise((r) => setTimeout(r, 100));
    const api = statuses['/api/state'] || [];
    check(api[0] === 200 && api.slice(1).includes(304),
      `/api/state: 200 first, then 304s (${api.join(' ')})`);
    check(!errors.length, `no console errors${errors.length ? ': ' + errors.slice(0, 3).join(' / ') : ''}`);
    watching = false;
    game.proc.kill('SIGTERM');
    try {
      await page.waitForFunction(() => /Reconnecting…/.test(document.getElementById('status').textContent),
        { timeout: 10000 });
      ok('the game quit: "Reconnecting…" shown');
    } catch (e) { fail('the game quit: no "Reconnecting…"'); }
  } finally {
    await browser.close();
    game.proc.kill('SIGKILL');
  }
  finish();
})().catch((e) => { console.log('FAIL ' + (e && e.stack || e)); process.exit(1); });
