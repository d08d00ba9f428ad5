/* The phone page's small tools, shared by room.js, you.js and app.js
 * (plain scripts loaded in that order, no modules: window.BH holds them).
 *
 * Why they exist:
 * - Every string from the server is untrusted (scenario text,
 *   participants' names): pages are built only with createElement and
 *   textContent, never innerHTML, so `<script>` in the data is just text.
 * - Fields may be missing or of the wrong type (an older or newer server):
 *   every read goes through str/num/arr/obj, which fall back to empty.
 * - One way to call the API (api()): a timeout, JSON both ways, and an
 *   answer that is always {status, body}, status 0 when the laptop did not
 *   answer at all, so callers turn each status into a sentence.
 */
'use strict';

window.BH = window.BH || {};
(function (BH) {
  var TIMEOUT_MS = 6000;      /* a request that hangs counts as no answer */

  /* ---- safe reads: the JSON is a contract, but a page must not crash on a
   * server that breaks it */
  BH.obj = function (v) { return v && typeof v === 'object' && !Array.isArray(v) ? v : null; };
  BH.arr = function (v) { return Array.isArray(v) ? v : []; };
  BH.str = function (v) { return typeof v === 'string' ? v : (typeof v === 'number' ? String(v) : ''); };
  BH.num = function (v, d) { return typeof v === 'number' && isFinite(v) ? v : d; };

  /* ---- DOM helpers: text only */
  BH.el = function (tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null && text !== '') e.textContent = text;
    return e;
  };
  BH.add = function (parent, child) { if (child) parent.appendChild(child); return child; };
  BH.section = function (title, cls) {
    var s = BH.el('section', 'card' + (cls ? ' ' + cls : ''));
    if (title) BH.add(s, BH.el('h2', null, title));
    return s;
  };
  BH.button = function (cls, text, onclick) {
    var b = BH.el('button', cls, text);
    b.type = 'button';
    if (onclick) b.addEventListener('click', onclick);
    return b;
  };
  /* A bar 0..1: a track and a fill whose width is set through the CSSOM
   * (allowed under the CSP, unlike a style attribute). */
  BH.bar = function (frac, cls) {
    var t = BH.el('div', 'bar' + (cls ? ' ' + cls : ''));
    var f = BH.add(t, BH.el('div', 'fill'));
    f.style.width = (Math.max(0, Math.min(1, frac)) * 100).toFixed(1) + '%';
    return t;
  };

  /* ---- numbers as people read them */
  BH.clockOf = function (s) {     /* simulated seconds as T+hh:mm */
    s = Math.max(0, Math.floor(s / 60));
    var h = Math.floor(s / 60), m = s % 60;
    return 'T+' + (h < 10 ? '0' : '') + h + ':' + (m < 10 ? '0' : '') + m;
  };
  BH.minutes = function (s) {
    var m = Math.max(0, Math.round(s / 60));
    return m === 1 ? '1 min' : m + ' min';
  };
  BH.fmtValue = function (v) {
    return Math.abs(v - Math.round(v)) < 1e-9 ? String(Math.round(v)) : v.toFixed(1);
  };
  BH.plural = function (n, one, many) { return n + ' ' + (n === 1 ? one : many); };

  /* ---- the API: POST with a JSON body, or GET; token in X-Room-Token */
  BH.api = function (method, path, body, token) {
    var ctl = typeof AbortController === 'function' ? new AbortController() : null;
    var timer = ctl ? setTimeout(function () { ctl.abort(); }, TIMEOUT_MS) : null;
    var headers = {};
    if (token) headers['X-Room-Token'] = token;
    if (body) headers['Content-Type'] = 'application/json';
    return fetch(path, {
      method: method, headers: headers, cache: 'no-store',
      body: body ? JSON.stringify(body) : undefined, signal: ctl ? ctl.signal : undefined,
    }).then(function (r) {
      return r.text().then(function (t) {
        var j = null;
        try { j = JSON.parse(t); } catch (e) { j = null; }
        return { status: r.status, body: BH.obj(j) || {} };
      });
    }, function () {
      return { status: 0, body: {} };
    }).then(function (a) {
      if (timer) clearTimeout(timer);
      return a;
    });
  };

  /* localStorage may be refused (private browsing): then things last the
   * visit only, and nothing breaks. */
  BH.load = function (key) {
    try { return JSON.parse(localStorage.getItem(key) || 'null'); } catch (e) { return null; }
  };
  BH.save = function (key, v) {
    try {
      if (v === null) localStorage.removeItem(key);
      else localStorage.setItem(key, JSON.stringify(v));
    } catch (e) { /* not kept */ }
  };
})(window.BH);
