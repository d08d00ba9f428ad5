// The phone page against the REAL room server (run by tests/phone.sh):
// srv_host (tests/load/srv_host.c) is game/room's server on 127.0.0.1, on
// a free port, publishing tests/fixtures/room/open_decision.json (decision
// d1: A, B, C; roles r0, r1, observer; action a0 for r0). Three phones,
// each its own browser profile, join with different roles and vote
// through the page's own buttons; one changes its vote, one proposes.
// Then srv_host's roster must hold exactly those roles, names and votes,
// its proposals queue that one proposal, and after `close 1` a vote
// attempt shows "The vote has closed".
//
//   node host.js SRV_HOST ASSETS_DIR STATE.json
'use strict';
const { spawn } = require('child_process');
const { ok, fail, check, finish, launch } = require('./check.js');

const [hostBin, assets, stateFile] = process.argv.slice(2);

// srv_host: one command a line on stdin, one answer a line on stdout
function startHost() {
  return new Promise((resolve, reject) => {
    const p = spawn(hostBin, [stateFile, '--assets', assets], { stdio: ['pipe', 'pipe', 'inherit'] });
    const lines = [], waiting = [];
    let buf = '';
    p.stdout.on('data', (d) => {
      buf += String(d);
      let i;
      while ((i = buf.indexOf('\n')) >= 0) {
        const l = buf.slice(0, i);
        buf = buf.slice(i + 1);
        if (waiting.length) waiting.shift()(l); else lines.push(l);
      }
    });
    const next = () => new Promise((r) => (lines.length ? r(lines.shift()) : waiting.push(r)));
    const host = {
      proc: p,
      cmd: async (c) => { p.stdin.write(c + '\n'); return next(); },
    };
    p.once('error', reject);
    p.once('exit', (c) => reject(new Error('srv_host exited ' + c)));
    next().then((l) => {
      const m = /^port (\d+) code ([A-Z]+)$/.exec(l);
      if (!m) return reject(new Error('srv_host said: ' + l));
      host.port = parseInt(m[1], 10);
      host.code = m[2];
      resolve(host);
    });
  });
}

async function waitText(page, t, what) {
  try {
    await page.waitForFunction((s) => document.body.innerText.includes(s), { timeout: 10000 }, t);
    ok(what);
  } catch (e) { fail(`${what}: "${t}" never shown`); }
}
async function tap(page, sel) {
  await page.waitForSelector(sel, { timeout: 10000 });
  await page.$eval(sel, (e) => e.scrollIntoView({ block: 'center' }));
  await page.tap(sel);
}

(async () => {
  const host = await startHost();
  const browser = await launch();
  const errors = [];
  try {
    const phone = async (role, name) => {
      const ctx = await browser.createBrowserContext();
      const page = await ctx.newPage();
      await page.setViewport({ width: 390, height: 844, deviceScaleFactor: 1, isMobile: true, hasTouch: true });
      page.on('pageerror', (e) => errors.push(name + ': ' + e.message));
      page.on('console', (m) => {
        if (m.type() === 'error' && !/status of 409/.test(m.text())) errors.push(name + ': ' + m.text());
      });
      // the projector's QR code opens /?c=CODE; lower case: the server compares without case
      await page.goto(`http://127.0.0.1:${host.port}/?c=${host.code.toLowerCase()}`, { waitUntil: 'load' });
      await tap(page, `.role[data-role="${role}"]`);
      await page.type('#name', name);
      await tap(page, '#joinbtn');
      await waitText(page, 'You: ', `${name} joined as ${role} on the real server`);
      return { page, ctx };
    };
    const vote = async (p, letter, conf, shown) => {
      await tap(p.page, `.option[data-letter="${letter}"]`);
      await tap(p.page, `.conf[data-conf="${conf}"]`);
      await tap(p.page, '#votebtn');
      await waitText(p.page, shown, `vote ${letter}, ${conf}: "${shown}"`);
    };
    const ann = await phone('r0', 'Ann'), bo = await phone('r1', 'Bo'), cy = await phone('observer', 'Cy');
    await vote(ann, 'A', 'high', 'Your vote: A, high. You can change it until the vote closes.');
    await vote(bo, 'B', 'low', 'Your vote: B, low.');
    await vote(cy, 'C', 'medium', 'Your vote: C, medium.');
    await vote(ann, 'B', 'medium', 'Your vote: B, medium.');   // Ann changes her mind

    await tap(ann.page, '.prow[data-action="a0"] .propose-btn');
    await ann.page.waitForFunction(() => document.querySelector('.prow[data-action="a0"] .propose-btn').textContent === 'Proposed ✓',
      { timeout: 10000 }).then(() => ok('Ann proposed a0: "Proposed ✓"'), () => fail('Ann\'s proposal never "Proposed ✓"'));
    check(await bo.page.$$eval('.prow', (r) => r.map((x) => x.dataset.action).join(' ')) === 'a2 a3',
      'Bo (r1) is offered r1\'s action and the any-role one');
    check(await cy.page.$$eval('.propose-btn', (b) => b.length) === 0, 'Cy (observer) is offered none');

    // a reload: the real /api/me gives back the identity and the vote
    await cy.page.reload({ waitUntil: 'load' });
    await waitText(cy.page, 'Your vote: C, medium.', 'Cy reloads: the vote comes back from the real /api/me');

    const roster = JSON.parse(await host.cmd('roster'));
    const got = roster.phones.map((p) => [p.role, p.name, p.vote_decision, p.vote_option, p.vote_conf].join(' ')).sort();
    // roles by index (r0, r1, observer = 2); options A=0; confidence low=0
    const want = ['0 Ann 1 1 1', '1 Bo 1 1 0', '2 Cy 1 2 1'];
    check(roster.nphones === 3 && JSON.stringify(got) === JSON.stringify(want),
      `roster: exactly the three phones, roles and votes (${got.join(' | ')})`);
    const props = await host.cmd('proposals');
    check(props === '[{"action":0,"role":0}]', `proposals: Ann's a0 for r0, once (${props})`);

    check(await host.cmd('close 1') === 'ok', 'srv_host closed decision 1');
    await tap(bo.page, '.option[data-letter="A"]');
    await tap(bo.page, '#votebtn');
    await waitText(bo.page, 'The vote has closed. Your vote stays B, low.', 'after close, a vote shows "The vote has closed"');
    check(await bo.page.$$eval('.option, #votebtn', (b) => b.every((x) => x.disabled)), 'after close, Bo\'s vote buttons are disabled');
    const after = JSON.parse(await host.cmd('roster'));
    check(after.phones.some((p) => p.name === 'Bo' && p.vote_option === 1), 'after close, the server still holds Bo\'s B');

    // leaving frees the place
    await tap(cy.page, '#leave');
    await tap(cy.page, '#leave');
    await waitText(cy.page, 'You left the room.', 'Cy leaves');
    for (let i = 0; i < 50 && JSON.parse(await host.cmd('roster')).nphones !== 2; i++)
      await new Promise((r) => setTimeout(r, 100));
    check(JSON.parse(await host.cmd('roster')).nphones === 2, 'after Cy left, the roster holds two phones');

    // the next session on the same server: d1 closed for good, the holding
    // slide, then the next session opens its own d1 (the same key). Ann's
    // page must not send her vote of the last session there by itself.
    const none = require('path').join(require('os').tmpdir(), `bh-phone-none-${process.pid}.json`);
    const st = JSON.parse(require('fs').readFileSync(stateFile, 'utf8'));
    st.decision = null;
    require('fs').writeFileSync(none, JSON.stringify(st));
    check(await host.cmd('publish ' + none) === 'ok', 'the session plays on with d1 decided');
    await ann.page.waitForFunction(() => localStorage.getItem('bulkhead.vote') === null, { timeout: 10000 })
      .then(() => ok('d1 no longer open: Ann\'s page forgets the vote it kept to send again'),
        () => fail('d1 no longer open: Ann\'s page still keeps her vote to send again'));
    check(await host.cmd('holding') === 'ok' && await host.cmd('publish ' + stateFile) === 'ok',
      'srv_host: the session closed, the next one opens its d1');
    require('fs').unlinkSync(none);
    await ann.page.waitForFunction(() => {
      const b = document.querySelector('#votebtn');
      // not "Voted ..." (before /api/me, or sent by itself): a pick left to send, or none
      return b && (b.textContent === 'Pick an option above' || /^Vote [A-C], /.test(b.textContent));
    }, { timeout: 10000 }).then(() => ok('the next session\'s d1: Ann has not voted'),
      async () => fail('the next session\'s d1: Ann\'s page voted by itself: ' +
        await ann.page.$eval('#votebtn', (b) => b.textContent) + ' / ' + await ann.page.$eval('body', (b) => b.innerText.slice(0, 300))));
    const next = JSON.parse(await host.cmd('roster')).phones.find((p) => p.name === 'Ann');
    check(next && next.vote_decision === -1, `the next session's d1: the server holds no vote of Ann's (${next && next.vote_decision})`);

    // a phone asleep across sessions: Di votes in session s1, the laptop
    // closes it and opens s2 (d1 again) while Di's phone sees nothing in
    // between; it wakes (a reload) and must neither send nor show the old vote
    const sess = (id) => {
      const f = require('path').join(require('os').tmpdir(), `bh-phone-${id}-${process.pid}.json`);
      const v = JSON.parse(require('fs').readFileSync(stateFile, 'utf8'));
      v.session = id;
      require('fs').writeFileSync(f, JSON.stringify(v));
      return f;
    };
    const s1 = sess('s1'), s2 = sess('s2');
    check(await host.cmd('publish ' + s1) === 'ok', 'session s1 with d1 open');
    const di = await phone('r0', 'Di');
    await vote(di, 'A', 'high', 'Your vote: A, high.');
    check(await di.page.evaluate(() => JSON.parse(localStorage.getItem('bulkhead.vote')).session) === 's1',
      'Di\'s kept vote names its session');
    check(await host.cmd('holding') === 'ok' && await host.cmd('publish ' + s2) === 'ok',
      'srv_host: s1 closed, s2 opens its d1');
    await di.page.reload({ waitUntil: 'load' });
    await di.page.waitForFunction(() => {
      const b = document.querySelector('#votebtn');
      return b && b.textContent === 'Pick an option above';
    }, { timeout: 10000 }).then(() => ok('s2\'s d1 after a sleep: nothing picked, nothing sent'),
      async () => fail('s2\'s d1 after a sleep: ' + await di.page.$eval('#votebtn', (b) => b.textContent)));
    const diNow = JSON.parse(await host.cmd('roster')).phones.find((p) => p.name === 'Di');
    check(diNow && diNow.vote_decision === -1, `s2's d1: the server holds no vote of Di's (${diNow && diNow.vote_decision})`);
    require('fs').unlinkSync(s1);
    require('fs').unlinkSync(s2);
    check(!errors.length, `no console errors${errors.length ? ': ' + errors.slice(0, 3).join(' / ') : ''}`);
  } finally {
    await browser.close();
    host.proc.removeAllListeners('exit');
    const code = await new Promise((r) => {
      host.proc.once('exit', (c, sig) => r(sig || c));
      host.proc.stdin.end('quit\n');
    });
    // under ASan a leak or an error makes this non-zero
    check(code === 0, `srv_host quit cleanly (${code})`);
  }
  finish();
})().catch((e) => { console.log('FAIL ' + (e && e.stack || e)); process.exit(1); });
