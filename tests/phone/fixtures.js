// The room states tests/phone.sh serves to the page, one per thing a
// phone can show, in the shape of the common contract (GET /api/state).
// `expect` is text the page must show for it.
'use strict';

const base = {
  v: 1, phase: 'playing', blank: false,
  title: 'Tutorial: a quiet Friday', organisation: 'Harbour Logistics',
  summary: 'Ransomware on a Friday afternoon.',
  cut: null, agenda: [],
  clock: 'T+00:22', calendar: 'Fri 14 Mar 16:22', now_s: 1320, length_s: 7200, speed: 1,
  meters: [
    { label: 'Customer trust', value: 72, min: 0, max: 100, start: 80, good_low: false, trend: -1 },
    { label: 'Records exposed', value: 1250.5, min: 0, max: 10000, start: 0, good_low: true, trend: 1 },
  ],
  systems: [
    { label: 'Email', status: 'online' },
    { label: 'File server', status: 'encrypted' },
    { label: 'Payroll', status: 'degraded' },
  ],
  teams: [{ label: 'IT & security', staff: 3, free: 1 }],
  running: [{ label: 'Isolate the file server', team: 'IT & security', done: 0.4, left_s: 900 }],
  latest: { from: 'Service desk', title: 'Files will not open', body: 'Three teams report .locked files on the shared drive.', channel: 'phone', at_s: 1200 },
  decision: null, slide: null, ending: null, hotwash: null,
  roles: [
    { key: 'r0', label: 'IT & security' }, { key: 'r1', label: 'Communications' },
    { key: 'r2', label: 'Legal' }, { key: 'r3', label: 'Operations' },
    { key: 'observer', label: 'Observer' }],
  // r0's actions in each state, one for any role, one of another role's
  actions: [
    { key: 'a0', label: 'Isolate the file server', text: 'Pull it off the network.', role: 'r0', state: 'running', reason: '' },
    { key: 'a1', label: 'Restore from backups', text: 'Bring the shares back from last night.', role: 'r0', state: 'available', reason: '' },
    { key: 'a2', label: 'Reset every password', text: 'All staff, today.', role: 'r0', state: 'blocked', reason: 'needs the file server isolated first' },
    { key: 'a3', label: 'Call the insurer', text: 'The cyber policy has a hotline.', role: '', state: 'available', reason: '' },
    { key: 'a4', label: 'Draft a staff notice', text: 'What to tell the staff.', role: 'r1', state: 'available', reason: '' },
    { key: 'a5', label: 'Check the backups', text: 'Are they clean?', role: 'r0', state: 'done', reason: '' }],
  tally: null,
};

const decision = {
  key: 'd3', prompt: 'The attackers demand 40 BTC. What do we tell the board?',
  from: 'CEO', left_s: 1500, left_real: 125, frozen: false,
  options: [
    { letter: 'A', label: 'Pay now', text: 'Negotiate and pay to get the files back quickly.', default: false },
    { letter: 'B', label: 'Refuse and restore', text: 'Restore from last night\'s backups; it takes a day.', default: true },
    { letter: 'C', label: 'Stall', text: 'Open a channel to the attackers while IT checks the backups.', default: false },
    { letter: 'D', label: 'Call the police first', text: 'Report to the authorities before anything else.', default: false },
  ],
};

const blankState = Object.assign({}, base, {
  blank: true, organisation: '', summary: '', clock: '', calendar: '', meters: [], systems: [],
  teams: [], running: [], latest: null, decision: null, actions: [],
});

// The facilitator revealed the tally of d3: 11 of 14 phones voted, B leads
// with 7 (64%: unified).
const tally = {
  decision: 'd3', voters: 11, joined: 14, share: 7 / 11, unified: true, top: 'B',
  options: [{ letter: 'A', votes: 2 }, { letter: 'B', votes: 7 }, { letter: 'C', votes: 1 }, { letter: 'D', votes: 1 }],
  confidence: { low: 2, medium: 5, high: 4 },
  roles: [
    { key: 'r0', label: 'IT & security', joined: 4, voters: 4, votes: [0, 3, 1, 0] },
    { key: 'r1', label: 'Communications', joined: 3, voters: 2, votes: [1, 1, 0, 0] },
    { key: 'r2', label: 'Legal', joined: 2, voters: 2, votes: [0, 2, 0, 0] },
    { key: 'r3', label: 'Operations', joined: 3, voters: 2, votes: [1, 1, 0, 0] },
    { key: 'observer', label: 'Observer', joined: 2, voters: 1, votes: [0, 0, 0, 1] }],
};

module.exports = {
  before: {
    state: Object.assign({}, base, {
      phase: 'before', speed: 0, clock: 'T+00:00', now_s: 0, latest: null, running: [],
      cut: { label: 'The short cut', agenda_min: 45 },
      agenda: [{ meta: '10 min', text: 'Briefing' }, { meta: '30 min', text: 'The incident' }],
    }),
    expect: ['Harbour Logistics', 'Ransomware on a Friday afternoon.', 'Briefing', 'The short cut', 'has not started'],
  },
  playing: {
    state: Object.assign({}, base, { decision }),
    expect: ['T+00:22', 'Fri 14 Mar 16:22', 'Running', 'The attackers demand 40 BTC', 'Pay now',
      'Refuse and restore', 'Stall', 'Call the police first', 'Default', 'Customer trust', '72 ▼',
      'Records exposed', '1250.5 ▲', 'Lower is better', 'Higher is better', 'File server', 'encrypted',
      'Payroll', 'degraded', 'Files will not open', 'Three teams report', 'Isolate the file server',
      'about 15 min left', 'to decide'],
    absent: ['Email'],   // online systems are not listed
  },
  tally: {
    state: Object.assign({}, base, { decision, tally }),
    expect: ['Unified: 64% for B', '11 of 14 phones voted', 'B · Refuse and restore',
      'How sure: low 2 · medium 5 · high 4', 'By role', 'IT & security', '4 of 4 voted', 'A 0 · B 3 · C 1 · D 0',
      'Observer', '1 of 2 voted', 'A 0 · B 0 · C 0 · D 1'],
  },
  split: {
    state: Object.assign({}, base, { decision, tally: Object.assign({}, tally, { unified: false, share: 0.5, top: null }) }),
    expect: ['Split: a tie'],
  },
  paused: {
    state: Object.assign({}, base, { speed: 0, decision: Object.assign({}, decision, { left_real: -1 }) }),
    expect: ['Paused', 'Pay now'],
  },
  blank: { state: blankState, expect: ['We will be back in a moment.'], absent: ['Customer trust', 'Files will not open'] },
  slide: {
    state: Object.assign({}, base, { slide: { title: 'Talk it over', questions: ['Who decides on paying?', 'Who tells the staff?'] } }),
    expect: ['Talk it over', 'Who decides on paying?', 'Who tells the staff?'],
  },
  ended: {
    state: Object.assign({}, base, { phase: 'ended', speed: 0, ending: { title: 'Back in business', text: 'Restored by Monday.', tone: 'good' } }),
    expect: ['Back in business', 'Restored by Monday.', 'A good outcome'],
  },
  hotwash: {
    state: Object.assign({}, base, { phase: 'ended', speed: 0,
      ending: { title: 'Back in business', text: 'Restored by Monday.', tone: 'good' },
      hotwash: { tab: 'Decisions', title: 'What we decided', rows: [
        { meta: 'T+00:25', text: 'Refused to pay', recommended: true },
        { meta: 'T+00:40', text: 'Told the staff', recommended: false }] } }),
    expect: ['Hot wash · Decisions', 'What we decided', 'Refused to pay', 'Recommended', 'Told the staff'],
  },
};

// Every string of a state replaced with markup that would run if the page
// ever parsed data as HTML, and one 64 kB body (a single word: it must
// wrap, not scroll sideways).
function hostile() {
  const evil = '<script>window.__pwned=1;alert(1)</script><img src=x onerror="window.__pwned=1">';
  const walk = (v) => typeof v === 'string' ? evil + v
    : Array.isArray(v) ? v.map(walk)
    : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]))
    : v;
  const s = walk(Object.assign({}, base, { decision, tally, slide: { title: 't', questions: ['q'] },
    ending: { title: 'e', text: 'x', tone: 'bad' },
    hotwash: { tab: 'Facts', title: 'h', rows: [{ meta: 'm', text: 'r', recommended: false }] } }));
  s.phase = 'playing';
  // the keys stay as the server makes them (the page matches on them)
  s.roles.forEach((r, i) => { r.key = base.roles[i].key; });
  s.actions.forEach((a, i) => { a.key = base.actions[i].key; a.role = base.actions[i].role; a.state = base.actions[i].state; });
  s.decision.key = 'd3';
  s.decision.options.forEach((o, i) => { o.letter = decision.options[i].letter; });
  s.tally.decision = 'd3';
  s.tally.top = 'B';
  s.tally.options.forEach((o, i) => { o.letter = decision.options[i].letter; });
  s.latest.body = evil + 'W'.repeat(64 * 1024);
  return s;
}
module.exports.hostile = { state: hostile(), expect: ['<script>window.__pwned=1;alert(1)</script>', 'Pay now',
  '<script>window.__pwned=1;alert(1)</script><img src=x onerror="window.__pwned=1">Restore from backups',
  'Unified: 64% for B'] };

// Fields missing, of the wrong type, or unknown: the page must not throw.
module.exports.odd = {
  state: { v: 2, phase: 'playing', future_field: { x: [1, 2] }, meters: 'many', systems: [null, 3, { status: 7 }],
    decision: { options: [null, 5, { letter: 7, label: null }], left_real: 'soon' }, latest: [], running: [{}],
    roles: 'all', actions: [null, 7, { key: 3, state: [] }, { key: 'a9', role: '' }], tally: { options: 'x', roles: [null, { votes: 'y' }] } },
  expect: ['Paused'],
};
