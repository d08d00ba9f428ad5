// The phone tests' tiny harness (test.js, real.js): ok/FAIL lines, a
// count of failures, the exit code from it, and the system's Chromium
// launched headless the one way both use.
'use strict';
const puppeteer = require('puppeteer-core');

let fails = 0;
const ok = (m) => console.log('ok   ' + m);
const fail = (m) => { console.log('FAIL ' + m); fails++; };
const check = (c, m) => (c ? ok(m) : fail(m));
const finish = () => {
  console.log(fails ? `${fails} failed` : 'all passed');
  process.exit(fails ? 1 : 0);
};
const launch = () => puppeteer.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-extensions'],
});

module.exports = { ok, fail, check, finish, launch };
