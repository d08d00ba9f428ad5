// One phone against the running GAME (tests/phone/game_room.c runs the
// workshop in-process and this script beside it): the page from the
// game's own server, joined as the first team through the role buttons,
// a vote through the option, confidence and vote buttons. The C side
// then checks that the console's tally shows that vote.
//
//   node game.js PORT CODE
'use strict';
const { ok, fail, check, finish, launch } = require('./check.js');

const [port, code] = process.argv.slice(2);

async function tap(page, sel) {
  await page.waitForSelector(sel, { timeout: 15000 });
  await page.$eval(sel, (e) => e.scrollIntoView({ block: 'center' }));
  await page.tap(sel);
}

(async () => {
  const browser = await launch();
  const errors = [];
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 390, height: 844, deviceScaleFactor: 1, isMobile: true, hasTouch: true });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(`http://127.0.0.1:${port}/?c=${code}`, { waitUntil: 'load' });
    await tap(page, '.role[data-role="r0"]');
    await page.type('#name', 'Dana');
    await tap(page, '#joinbtn');
    await page.waitForFunction(() => document.body.innerText.includes('You: '), { timeout: 15000 })
      .then(() => ok('joined the game\'s room as r0'), () => fail('never joined'));
    await tap(page, '.option[data-letter="A"]');
    await tap(page, '.conf[data-conf="high"]');
    await tap(page, '#votebtn');
    await page.waitForFunction(() => document.body.innerText.includes('Your vote: A, high.'), { timeout: 15000 })
      .then(() => ok('voted A, high through the page\'s buttons'), () => fail('the vote was never confirmed'));
    check(!errors.length, `no console errors${errors.length ? ': ' + errors.slice(0, 3).join(' / ') : ''}`);
  } finally {
    await browser.close();
  }
  finish();
})().catch((e) => { console.log('FAIL ' + (e && e.stack || e)); process.exit(1); });
