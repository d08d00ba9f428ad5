/* The room's phone page: polls GET /api/state (the room view model as
 * JSON, see game/room/rv_json.c) and draws it.
 *
 * Why it is built this way:
 * - Polling with an ETag about every 500 ms: a phone costs the server one
 *   short request at a time and a 304 when nothing changed (issue 14).
 * - Every string from the server is untrusted (scenario text, later
 *   participants' names): the page is built only with createElement and
 *   textContent, never innerHTML, so `<script>` in the data is just text.
 * - Fields may be missing or of the wrong type (an older or newer server):
 *   every read goes through str/num/arr/obj, which fall back to empty.
 * - On an error the last state stays on screen with "Reconnecting…" and
 *   the poll backs off; the page is never blank.
 */
'use strict';

(function () {
  var POLL_MS = 500;          /* the room sees a change within a second */
  var MAX_BACKOFF_MS = 5000;  /* after errors: 1 s, 2 s, 4 s, then 5 s */
  var TIMEOUT_MS = 4000;      /* a request that hangs counts as an error */
  var CONTRAST_KEY = 'bulkhead.contrast';

  var etag = null;
  var state = null;           /* the last state drawn */
  var deadline = null;        /* performance.now() ms when the open decision's real time runs out */
  var failures = 0;

  /* ---- safe reads: the JSON is a contract, but a page must not crash on a
   * server that breaks it */
  function obj(v) { return v && typeof v === 'object' && !Array.isArray(v) ? v : null; }
  function arr(v) { return Array.isArray(v) ? v : []; }
  function str(v) { return typeof v === 'string' ? v : (typeof v === 'number' ? String(v) : ''); }
  function num(v, d) { return typeof v === 'number' && isFinite(v) ? v : d; }

  /* ---- DOM helpers: text only */
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null && text !== '') e.textContent = text;
    return e;
  }
  function add(parent, child) { if (child) parent.appendChild(child); return child; }
  function section(title, cls) {
    var s = el('section', 'card' + (cls ? ' ' + cls : ''));
    if (title) add(s, el('h2', null, title));
    return s;
  }
  /* A bar 0..1: a track and a fill whose width is set through the CSSOM
   * (allowed under the CSP, unlike a style attribute). */
  function bar(frac, cls) {
    var t = el('div', 'bar' + (cls ? ' ' + cls : ''));
    var f = add(t, el('div', 'fill'));
    f.style.width = (Math.max(0, Math.min(1, frac)) * 100).toFixed(1) + '%';
    return t;
  }

  function clockOf(s) {           /* simulated seconds as T+hh:mm */
    s = Math.max(0, Math.floor(s / 60));
    var h = Math.floor(s / 60), m = s % 60;
    return 'T+' + (h < 10 ? '0' : '') + h + ':' + (m < 10 ? '0' : '') + m;
  }
  function minutes(s) {
    var m = Math.max(0, Math.round(s / 60));
    return m === 1 ? '1 min' : m + ' min';
  }
  function fmtValue(v) {
    return Math.abs(v - Math.round(v)) < 1e-9 ? String(Math.round(v)) : v.toFixed(1);
  }

  /* ---- the parts of the page */
  function drawClock(main, st) {
    var c = add(main, el('div', 'clock'));
    add(c, el('span', 'time', str(st.clock) || clockOf(num(st.now_s, 0))));
    add(c, el('span', 'cal', str(st.calendar)));
    var speed = num(st.speed, 0);
    add(c, el('span', speed > 0 ? 'run' : 'run paused',
              speed > 0 ? (speed > 1 ? 'Running ×' + speed : 'Running') : 'Paused'));
  }

  function drawDecision(main, d) {
    var s = add(main, section('Decision', 'decision'));
    var head = add(s, el('div', 'dhead'));
    add(head, el('p', 'prompt', str(d.prompt)));
    if (str(d.from)) add(head, el('p', 'meta', 'From ' + str(d.from)));
    var cd = add(s, el('p', 'countdown'));
    cd.id = 'countdown';
    var inGame = num(d.left_s, -1);
    if (inGame >= 0) add(s, el('p', 'meta', minutes(inGame) + ' left in the scenario'));
    /* The options as a list. Issue 14 later: each becomes a button that
     * votes (the <li> gains a <button> with data-letter; the confidence
     * picker goes after the list). */
    var list = add(s, el('ol', 'options'));
    arr(d.options).forEach(function (o) {
      o = obj(o) || {};
      var li = add(list, el('li', 'option' + (o['default'] === true ? ' default' : '')));
      li.dataset.letter = str(o.letter);
      add(li, el('span', 'letter', str(o.letter)));
      var body = add(li, el('div', 'obody'));
      add(body, el('span', 'olabel', str(o.label)));
      if (o['default'] === true) add(body, el('span', 'badge', 'Default'));
      if (str(o.text)) add(body, el('p', 'otext', str(o.text)));
    });
    var left = num(d.left_real, -1);
    deadline = left >= 0 && d.frozen !== true ? performance.now() + left * 1000 : null;
  }

  function drawLatest(main, m) {
    var s = add(main, section('Latest', 'latest'));
    var meta = [str(m.channel), str(m.from), typeof m.at_s === 'number' ? clockOf(m.at_s) : '']
      .filter(Boolean).join(' · ');
    if (meta) add(s, el('p', 'meta', meta));
    add(s, el('p', 'mtitle', str(m.title)));
    if (str(m.body)) add(s, el('p', 'mbody', str(m.body)));
  }

  function drawMeters(main, meters) {
    if (!meters.length) return;
    var s = add(main, section('Meters', 'meters'));
    meters.forEach(function (m) {
      m = obj(m) || {};
      var v = num(m.value, 0), lo = num(m.min, 0), hi = num(m.max, 100);
      var row = add(s, el('div', 'meter'));
      var top = add(row, el('div', 'mtop'));
      add(top, el('span', 'mlabel', str(m.label)));
      var trend = num(m.trend, 0);
      add(top, el('span', 'mvalue', fmtValue(v) + (trend > 0 ? ' ▲' : trend < 0 ? ' ▼' : '')));
      add(row, bar(hi > lo ? (v - lo) / (hi - lo) : 0, m.good_low === true ? 'low' : 'high'));
      add(row, el('p', 'meta', m.good_low === true ? 'Lower is better' : 'Higher is better'));
    });
  }

  function drawSystems(main, systems) {
    if (!systems.length) return;
    var down = systems.map(obj).filter(function (y) { return y && str(y.status) !== 'online'; });
    var s = add(main, section('Systems', 'systems'));
    if (!down.length) { add(s, el('p', 'meta', 'Every system is online.')); return; }
    var ul = add(s, el('ul', 'syslist'));
    down.forEach(function (y) {
      var st = str(y.status);
      var li = add(ul, el('li', 'sys ' + (/^[a-z]+$/.test(st) ? 's-' + st : '')));
      add(li, el('span', 'slabel', str(y.label)));
      add(li, el('span', 'sstatus', st || 'unknown'));
    });
    var up = systems.length - down.length;
    if (up) add(s, el('p', 'meta', up === 1 ? '1 other system online' : up + ' others online'));
  }

  function drawRunning(main, running) {
    if (!running.length) return;
    var s = add(main, section('Under way', 'running'));
    running.forEach(function (r) {
      r = obj(r) || {};
      var row = add(s, el('div', 'act'));
      add(row, el('span', 'alabel', str(r.label)));
      var meta = [str(r.team), typeof r.left_s === 'number' ? 'about ' + minutes(r.left_s) + ' left' : '']
        .filter(Boolean).join(' · ');
      if (meta) add(row, el('p', 'meta', meta));
      add(row, bar(num(r.done, 0)));
    });
  }

  function drawRows(s, rows) {
    var ul = add(s, el('ul', 'rows'));
    rows.forEach(function (r) {
      r = obj(r) || {};
      var li = add(ul, el('li', 'row' + (r.recommended === true ? ' rec' : '')));
      if (str(r.meta)) add(li, el('p', 'meta', str(r.meta)));
      add(li, el('p', null, str(r.text)));
      if (r.recommended === true) add(li, el('span', 'badge', 'Recommended'));
    });
  }

  function drawBefore(main, st) {
    var s = add(main, section(null, 'before'));
    add(s, el('p', 'org', str(st.organisation)));
    add(s, el('p', 'summary', str(st.summary)));
    var cut = obj(st.cut);
    if (cut && str(cut.label))
      add(s, el('p', 'meta', str(cut.label) + (num(cut.agenda_min, 0) > 0 ? ' · about ' + num(cut.agenda_min, 0) + ' min' : '')));
    var agenda = arr(st.agenda);
    if (agenda.length) {
      var a = add(main, section('Today'));
      drawRows(a, agenda);
    }
    add(main, el('p', 'note', 'The exercise has not started yet. This page follows it by itself.'));
  }

  function drawSlide(main, sl) {
    var s = add(main, section(null, 'slide'));
    add(s, el('h2', 'big', str(sl.title) || 'Discussion'));
    var ol = add(s, el('ol', 'questions'));
    arr(sl.questions).forEach(function (q) { add(ol, el('li', null, str(q))); });
  }

  function drawEnding(main, en) {
    var tone = str(en.tone);
    var s = add(main, section(null, 'ending' + (/^[a-z]+$/.test(tone) ? ' t-' + tone : '')));
    add(s, el('p', 'meta', { good: 'A good outcome', mixed: 'A mixed outcome', bad: 'A bad outcome' }[tone] || 'The end'));
    add(s, el('h2', 'big', str(en.title)));
    add(s, el('p', 'mbody', str(en.text)));
  }

  function drawHotwash(main, hw) {
    var s = add(main, section(null, 'hotwash'));
    add(s, el('p', 'meta', 'Hot wash' + (str(hw.tab) ? ' · ' + str(hw.tab) : '')));
    add(s, el('h2', 'big', str(hw.title)));
    var rows = arr(hw.rows);
    if (rows.length) drawRows(s, rows);
    else add(s, el('p', 'note', 'Nothing here for this session.'));
  }

  /* The whole page from one state. Rebuilt only when the ETag changed. */
  function render(st) {
    var main = document.getElementById('main');
    var fresh = el('main');
    fresh.id = 'main';
    deadline = null;
    var title = str(st.title) || 'Bulkhead';
    document.getElementById('title').textContent = title;
    document.title = title + ' · Bulkhead';
    var phase = str(st.phase);
    if (st.blank === true) {
      var h = add(fresh, section(null, 'holding'));
      add(h, el('p', 'big', 'We will be back in a moment.'));
      add(h, el('p', 'meta', 'The facilitator has paused the screen.'));
    } else {
      var slide = obj(st.slide), hot = obj(st.hotwash), ending = obj(st.ending);
      var dec = obj(st.decision), latest = obj(st.latest);
      if (slide) drawSlide(fresh, slide);
      if (hot) drawHotwash(fresh, hot);
      if (phase === 'before') {
        drawBefore(fresh, st);
      } else {
        drawClock(fresh, st);
        if (ending) drawEnding(fresh, ending);
        if (dec) drawDecision(fresh, dec);
        if (latest) drawLatest(fresh, latest);
        drawMeters(fresh, arr(st.meters));
        drawSystems(fresh, arr(st.systems));
        drawRunning(fresh, arr(st.running));
      }
    }
    main.parentNode.replaceChild(fresh, main);
    tick();
  }

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
        if (j) { state = j; render(j); }
        setStatus('', false);
        setTimeout(poll, POLL_MS);
      })
      .catch(function () {
        if (timer) clearTimeout(timer);
        failures++;
        setStatus(state ? 'Reconnecting… (showing the last update)' : 'Reconnecting…', true);
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
    var main = document.getElementById('main');
    main.textContent = '';
    add(main, el('p', 'note', 'Waiting for the session…'));
    setInterval(tick, 250);
    poll();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
