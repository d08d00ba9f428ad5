/* What the room sees, drawn from GET /api/state (the room view model as
 * JSON, see game/room/rv_json.c): the clock, the latest message, the
 * meters, the systems, the actions under way, the agenda before play, a
 * discussion slide, the ending and the hot wash. The participant's own
 * parts (joining, the vote, proposals) are you.js's.
 *
 * Each function returns a "part" for app.js: {key, sig, build}. app.js
 * rebuilds a part only when its sig (the data it shows) changed, so a
 * poll that changed the clock does not replace the button under a finger.
 */
'use strict';

(function (BH) {
  var obj = BH.obj, arr = BH.arr, str = BH.str, num = BH.num;
  var el = BH.el, add = BH.add, section = BH.section;

  function part(key, data, build) {
    return { key: key, sig: JSON.stringify(data), build: build };
  }

  BH.partClock = function (st) {
    var d = [str(st.clock) || BH.clockOf(num(st.now_s, 0)), str(st.calendar), num(st.speed, 0)];
    return part('clock', d, function () {
      var c = el('div', 'clock');
      add(c, el('span', 'time', d[0]));
      add(c, el('span', 'cal', d[1]));
      var speed = d[2];
      add(c, el('span', speed > 0 ? 'run' : 'run paused',
                speed > 0 ? (speed > 1 ? 'Running ×' + speed : 'Running') : 'Paused'));
      return c;
    });
  };

  BH.partLatest = function (m) {
    return part('latest', m, function () {
      var s = section('Latest', 'latest');
      var meta = [str(m.channel), str(m.from), typeof m.at_s === 'number' ? BH.clockOf(m.at_s) : '']
        .filter(Boolean).join(' · ');
      if (meta) add(s, el('p', 'meta', meta));
      add(s, el('p', 'mtitle', str(m.title)));
      if (str(m.body)) add(s, el('p', 'mbody', str(m.body)));
      return s;
    });
  };

  /* A card of one row per item (none when the list is empty). */
  function listPart(key, title, list, row) {
    if (!list.length) return null;
    return part(key, list, function () {
      var s = section(title, key);
      list.forEach(function (x) { row(s, obj(x) || {}); });
      return s;
    });
  }

  BH.partMeters = function (meters) {
    return listPart('meters', 'Meters', meters, function (s, m) {
      var v = num(m.value, 0), lo = num(m.min, 0), hi = num(m.max, 100);
      var row = add(s, el('div', 'meter'));
      var top = add(row, el('div', 'mtop'));
      add(top, el('span', 'mlabel', str(m.label)));
      var trend = num(m.trend, 0);
      add(top, el('span', 'mvalue', BH.fmtValue(v) + (trend > 0 ? ' ▲' : trend < 0 ? ' ▼' : '')));
      add(row, BH.bar(hi > lo ? (v - lo) / (hi - lo) : 0, m.good_low === true ? 'low' : 'high'));
      add(row, el('p', 'meta', m.good_low === true ? 'Lower is better' : 'Higher is better'));
    });
  };

  BH.partSystems = function (systems) {
    if (!systems.length) return null;
    return part('systems', systems, function () {
      var down = systems.map(obj).filter(function (y) { return y && str(y.status) !== 'online'; });
      var s = section('Systems', 'systems');
      if (!down.length) { add(s, el('p', 'meta', 'Every system is online.')); return s; }
      var ul = add(s, el('ul', 'syslist'));
      down.forEach(function (y) {
        var st = str(y.status);
        var li = add(ul, el('li', 'sys ' + (/^[a-z]+$/.test(st) ? 's-' + st : '')));
        add(li, el('span', 'slabel', str(y.label)));
        add(li, el('span', 'sstatus', st || 'unknown'));
      });
      var up = systems.length - down.length;
      if (up) add(s, el('p', 'meta', up === 1 ? '1 other system online' : up + ' others online'));
      return s;
    });
  };

  BH.partRunning = function (running) {
    return listPart('running', 'Under way', running, function (s, r) {
      var row = add(s, el('div', 'act'));
      add(row, el('span', 'alabel', str(r.label)));
      var standing = str(r.standing);
      var when = typeof r.left_s === 'number'
        ? (standing ? 'next in about ' : 'about ') + BH.minutes(r.left_s) + (standing ? '' : ' left') : '';
      var meta = [str(r.team), standing ? 'standing, ' + standing + ', until cancelled' : '', when]
        .filter(Boolean).join(' · ');
      if (meta) add(row, el('p', 'meta', meta));
      if (!standing) add(row, BH.bar(num(r.done, 0)));
    });
  };

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

  /* Before play: the organisation, the summary, the cut and the agenda. */
  BH.partsBefore = function (st) {
    var out = [part('before', [st.organisation, st.summary, st.cut], function () {
      var s = section(null, 'before');
      add(s, el('p', 'org', str(st.organisation)));
      add(s, el('p', 'summary', str(st.summary)));
      var cut = obj(st.cut);
      if (cut && str(cut.label))
        add(s, el('p', 'meta', str(cut.label) + (num(cut.agenda_min, 0) > 0 ? ' · about ' + num(cut.agenda_min, 0) + ' min' : '')));
      return s;
    })];
    var agenda = arr(st.agenda);
    if (agenda.length) out.push(part('agenda', agenda, function () {
      var a = section('Today');
      drawRows(a, agenda);
      return a;
    }));
    out.push(part('notyet', 0, function () {
      return el('p', 'note', 'The exercise has not started yet. This page follows it by itself.');
    }));
    return out;
  };

  BH.partHolding = function () {
    return part('holding', 0, function () {
      var h = section(null, 'holding');
      add(h, el('p', 'big', 'We will be back in a moment.'));
      add(h, el('p', 'meta', 'The facilitator has paused the screen.'));
      return h;
    });
  };

  BH.partSlide = function (sl) {
    return part('slide', sl, function () {
      var s = section(null, 'slide');
      add(s, el('h2', 'big', str(sl.title) || 'Discussion'));
      var ol = add(s, el('ol', 'questions'));
      arr(sl.questions).forEach(function (q) { add(ol, el('li', null, str(q))); });
      return s;
    });
  };

  BH.partEnding = function (en) {
    return part('ending', en, function () {
      var tone = str(en.tone);
      var s = section(null, 'ending' + (/^[a-z]+$/.test(tone) ? ' t-' + tone : ''));
      add(s, el('p', 'meta', { good: 'A good outcome', mixed: 'A mixed outcome', bad: 'A bad outcome' }[tone] || 'The end'));
      add(s, el('h2', 'big', str(en.title)));
      add(s, el('p', 'mbody', str(en.text)));
      return s;
    });
  };

  BH.partHotwash = function (hw) {
    return part('hotwash', hw, function () {
      var s = section(null, 'hotwash');
      add(s, el('p', 'meta', 'Hot wash' + (str(hw.tab) ? ' · ' + str(hw.tab) : '')));
      add(s, el('h2', 'big', str(hw.title)));
      var rows = arr(hw.rows);
      if (rows.length) drawRows(s, rows);
      else add(s, el('p', 'note', 'Nothing here for this session.'));
      return s;
    });
  };
})(window.BH);
