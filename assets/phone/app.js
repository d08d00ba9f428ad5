/* The room's phone page: polls GET /api/state (the room view model as
 * JSON, see game/room/rv_json.c) and draws it, with the participant's own
 * parts (you.js, you_draw.js): joining, the vote and proposals.
 *
 * Why it is built this way:
 * - Polling with an ETag about every 500 ms: a phone costs the server one
 *   short request at a time and a 304 when nothing changed (issue 14).
 * - The page is a list of parts (room.js, you_draw.js), each with a
 *   signature of what it shows. A new state rebuilds only the parts whose
 *   signature changed and keeps the others' elements: the clock ticks
 *   every poll, and the vote button under a finger must stay put.
 * - On an error the last state stays on screen with "Reconnecting…" and
 *   the poll backs off; the page is never blank.
 */
'use strict';

(function (BH) {
  var POLL_MS = 500;          /* the room sees a change within a second */
  var MAX_BACKOFF_MS = 5000;  /* after errors: 1 s, 2 s, 4 s, then 5 s */
  var TIMEOUT_MS = 4000;      /* a request that hangs counts as an error */
  var CONTRAST_KEY = 'bulkhead.contrast';
  var obj = BH.obj, arr = BH.arr, str = BH.str, num = BH.num, el = BH.el;
  var Y = BH.you;

  var etag = null;
  var deadline = null;        /* performance.now() ms when the open decision's real time runs out */
  var failures = 0;
  BH.room = null;             /* the last state received */

  function note(key, text) {
    return { key: key, sig: text, build: function () { return el('p', 'note', text); } };
  }

  /* The parts of the page for the state and the participant, in order. */
  function parts(st) {
    var out = [];
    if (!Y.me) return [BH.partJoin(st)];
    if (!st) return [note('wait', 'Waiting for the session…'), BH.partYou(st)];
    if (st.blank === true) return [BH.partHolding(), BH.partYou(st)];
    var slide = obj(st.slide), hot = obj(st.hotwash), ending = obj(st.ending);
    var dec = obj(st.decision), latest = obj(st.latest), tally = obj(st.tally);
    if (slide) out.push(BH.partSlide(slide));
    if (hot) out.push(BH.partHotwash(hot));
    if (str(st.phase) === 'before') {
      out = out.concat(BH.partsBefore(st));
      out.push(note('joined', 'You have joined. The vote and your team\'s actions appear here when the exercise starts.'));
    } else {
      out.push(BH.partClock(st));
      if (ending) out.push(BH.partEnding(ending));
      if (dec) out.push(BH.partDecision(st, dec));
      if (tally && (!dec || str(tally.decision) === str(dec.key))) out.push(BH.partTally(tally, dec));
      if (latest) out.push(BH.partLatest(latest));
      if (str(st.phase) !== 'ended') out.push(BH.partProposals(st, Y.me.role));
      out.push(BH.partMeters(arr(st.meters)));
      out.push(BH.partSystems(arr(st.systems)));
      out.push(BH.partRunning(arr(st.running)));
    }
    out.push(BH.partYou(st));
    return out.filter(Boolean);
  }

  /* Puts the parts in #main: a part's element is kept while its signature
   * is the same, rebuilt when it changed; update() runs on every render. */
  function render() {
    var st = BH.room;
    var title = str(st && st.title) || 'Bulkhead';
    document.getElementById('title').textContent = title;
    document.title = title + ' · Bulkhead';
    var who = document.getElementById('who');
    who.textContent = Y.me ? 'You: ' + BH.roleLabel(st, Y.me.role) + (Y.me.name ? ' · ' + Y.me.name : '') : '';
    who.hidden = !Y.me;

    var main = document.getElementById('main');
    var old = {};
    [].slice.call(main.children).forEach(function (c) {
      if (c._part) old[c._part] = c;
      else main.removeChild(c);
    });
    var prev = null;
    parts(st).forEach(function (p) {
      var node = old[p.key];
      if (!node || node._sig !== p.sig) {
        if (node) main.removeChild(node);
        node = p.build();
        node._part = p.key;
        node._sig = p.sig;
      }
      delete old[p.key];
      if (p.update) p.update(node);
      var want = prev ? prev.nextSibling : main.firstChild;
      if (node !== want) main.insertBefore(node, want);
      prev = node;
    });
    Object.keys(old).forEach(function (k) { main.removeChild(old[k]); });
    tick();
  }
  BH.render = render;

  /* The open decision's countdown, between polls: the server's left_real
   * is the real time left at the current speed. */
  function tick() {
    var cd = document.getElementById('countdown');
    if (!cd) return;
    if (deadline === null) {
      cd.textContent = 'Paused';
      cd.className = 'countdown paused';
      return;
    }
    var s = Math.max(0, Math.ceil((deadline - performance.now()) / 1000));
    var m = Math.floor(s / 60), r = s % 60;
    cd.textContent = m + ':' + (r < 10 ? '0' : '') + r + ' to decide';
    cd.className = 'countdown' + (s <= 30 ? ' urgent' : '');
  }

  function newState(st) {
    BH.room = st;
    var d = obj(st.decision);
    var left = d ? num(d.left_real, -1) : -1;
    deadline = d && left >= 0 && d.frozen !== true ? performance.now() + left * 1000 : null;
    render();
  }

  function setStatus(text, bad) {
    var p = document.getElementById('status');
    p.textContent = text;
    p.className = 'status' + (bad ? ' bad' : '');
    p.hidden = !text;
  }

  function poll() {
    var ctl = typeof AbortController === 'function' ? new AbortController() : null;
    var timer = ctl ? setTimeout(function () { ctl.abort(); }, TIMEOUT_MS) : null;
    var headers = {};
    if (etag) headers['If-None-Match'] = etag;
    /* no-store: the browser's cache must not answer for the server; the
     * page does its own revalidation with the ETag */
    fetch('/api/state', { headers: headers, cache: 'no-store', signal: ctl ? ctl.signal : undefined })
      .then(function (r) {
        if (r.status === 304) return null;
        if (!r.ok) throw new Error('HTTP ' + r.status);
        var tag = r.headers.get('ETag');
        return r.json().then(function (j) {
          if (!obj(j)) throw new Error('not a state');
          etag = tag;
          return j;
        });
      })
      .then(function (j) {
        if (timer) clearTimeout(timer);
        failures = 0;
        if (j) newState(j);
        setStatus('', false);
        Y.poll();
        setTimeout(poll, POLL_MS);
      })
      .catch(function () {
        if (timer) clearTimeout(timer);
        failures++;
        setStatus(BH.room ? 'Reconnecting… (showing the last update)' : 'Reconnecting…', true);
        setTimeout(poll, Math.min(MAX_BACKOFF_MS, POLL_MS * Math.pow(2, failures)));
      });
  }

  /* High contrast: remembered on this phone (localStorage may be refused,
   * as in private browsing: then it lasts the visit). */
  function setContrast(on) {
    document.documentElement.classList.toggle('contrast', on);
    document.getElementById('contrast').setAttribute('aria-pressed', on ? 'true' : 'false');
    try { localStorage.setItem(CONTRAST_KEY, on ? '1' : '0'); } catch (e) { /* not kept */ }
  }

  function start() {
    var on = false;
    try { on = localStorage.getItem(CONTRAST_KEY) === '1'; } catch (e) { on = false; }
    setContrast(on);
    document.getElementById('contrast').addEventListener('click', function () {
      setContrast(!document.documentElement.classList.contains('contrast'));
    });
    render();
    setInterval(tick, 250);
    Y.fetchMe();
    poll();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})(window.BH);
