/* The participant's parts of the phone page (state in you.js): the join
 * form, the open decision with its vote buttons, the revealed tally, the
 * role's actions to propose, and "You" with Leave.
 *
 * Each is a part for app.js ({key, sig, build, update}): build makes the
 * elements once for the data in sig; update only sets what a tap changes
 * (pressed, disabled, a sentence), so the button under a finger is never
 * replaced while the participant uses it.
 */
'use strict';

(function (BH) {
  var obj = BH.obj, arr = BH.arr, str = BH.str, num = BH.num;
  var el = BH.el, add = BH.add, section = BH.section, button = BH.button;
  var Y = BH.you;
  var CONF = [['low', 'Low'], ['medium', 'Medium'], ['high', 'High']];

  BH.roleLabel = function (st, key) {
    var r = arr(st && st.roles).map(obj).filter(function (x) { return x && str(x.key) === key; })[0];
    return r ? str(r.label) : key;
  };
  function setMsg(p, m) {
    p.textContent = m ? m.text || m : '';
    p.className = 'msg' + (m && m.bad ? ' bad' : '');
    p.hidden = !m;
  }
  /* The button that sends, and under it the sentence about how it went. */
  function sendButton(s, parent, cls, text, id, onclick) {
    s._send = add(parent, button(cls, text, onclick));
    s._send.id = id;
    s._msg = add(parent, el('p', 'msg'));
    s._msg.id = id.replace('btn', 'msg');
    s._msg.setAttribute('aria-live', 'polite');
  }
  function pressed(b, on) { b.setAttribute('aria-pressed', on ? 'true' : 'false'); }

  /* ---- joining: the room code, a role, a name, Join */
  BH.partJoin = function (st) {
    var roles = arr(st && st.roles).map(obj).filter(function (r) { return r && str(r.key); });
    return {
      key: 'join', sig: '',
      build: function () {
        var s = section('Join the room', 'join');
        add(s, el('p', 'intro', 'Pick your role to vote on the decisions and to propose your team\'s actions.'));
        var code = el('input', 'code');
        code.id = 'code';
        code.value = Y.draft.code;
        code.maxLength = 12;
        code.autocomplete = 'off';
        code.setAttribute('autocapitalize', 'characters');
        code.setAttribute('spellcheck', 'false');
        code.addEventListener('input', function () { Y.draft.code = code.value; });
        var lc = add(s, el('label', 'field', 'Room code'));
        lc.htmlFor = 'code';
        add(s, code);
        add(s, el('p', 'label', 'Your role'));
        s._roles = add(s, el('div', 'roles'));
        s._roles.setAttribute('role', 'group');
        s._roles.setAttribute('aria-label', 'Your role');
        var name = el('input', 'name');
        name.id = 'name';
        name.value = Y.draft.name;
        name.maxLength = 40;
        name.autocomplete = 'nickname';
        name.addEventListener('input', function () { Y.draft.name = name.value; });
        var ln = add(s, el('label', 'field', 'Your name (if you like)'));
        ln.htmlFor = 'name';
        add(s, name);
        add(s, el('p', 'meta', 'The facilitator sees who joined. Votes are counted by role, never by name.'));
        sendButton(s, s, 'primary', 'Join', 'joinbtn', function () { Y.join(); });
        return s;
      },
      update: function (s) {
        var sig = JSON.stringify([!!st, roles]);
        if (s._rolesSig !== sig) {       /* the roles arrive with the first state */
          s._rolesSig = sig;
          s._roles.textContent = '';
          if (!roles.length) add(s._roles, el('p', 'meta', st ? 'The roles appear here when the facilitator opens the session.'
            : 'Connecting to the facilitator\'s laptop…'));
          roles.forEach(function (r) {
            var k = str(r.key);
            var b = add(s._roles, button('role', str(r.label) || k, function () {
              Y.draft.role = k;
              Y.joinMsg = '';
              BH.render();
            }));
            b.dataset.role = k;
          });
        }
        [].forEach.call(s._roles.querySelectorAll('button'), function (b) {
          pressed(b, b.dataset.role === Y.draft.role);
        });
        s._send.disabled = Y.joinBusy;
        s._send.textContent = Y.joinBusy ? 'Joining…' : 'Join';
        setMsg(s._msg, Y.joinMsg ? { text: Y.joinMsg, bad: !/^You left/.test(Y.joinMsg) } : null);
      },
    };
  };

  /* ---- the open decision: its options as vote buttons, how sure, Vote */
  BH.partDecision = function (st, d) {
    var key = str(d.key), opts = arr(d.options).map(function (o) { return obj(o) || {}; });
    return {
      key: 'decision', sig: JSON.stringify([key, d.prompt, d.from, d.options]),
      build: function () {
        var s = section(null, 'decision');
        var head = add(s, el('div', 'dhead'));
        add(head, el('h2', null, 'Decision'));
        var cd = add(head, el('p', 'countdown'));
        cd.id = 'countdown';
        add(s, el('p', 'prompt', str(d.prompt)));
        s._left = add(s, el('p', 'meta'));
        var list = add(s, el('div', 'options'));
        s._opts = opts.map(function (o) {
          var letter = str(o.letter);
          var b = add(list, button('option' + (o['default'] === true ? ' default' : ''), null,
            function () { Y.pickOption(key, letter); }));
          b.dataset.letter = letter;
          add(b, el('span', 'letter', letter));
          var body = add(b, el('span', 'obody'));
          add(body, el('span', 'olabel', str(o.label)));
          if (o['default'] === true) add(body, el('span', 'badge', 'Default'));
          b._yours = add(body, el('span', 'badge yours', 'Your vote'));
          if (str(o.text)) add(body, el('span', 'otext', str(o.text)));
          return b;
        });
        var bar = add(s, el('div', 'votebar'));
        add(bar, el('p', 'label', 'How sure are you?'));
        var seg = add(bar, el('div', 'seg'));
        seg.setAttribute('role', 'group');
        seg.setAttribute('aria-label', 'How sure are you?');
        s._conf = CONF.map(function (c) {
          var b = add(seg, button('conf', c[1], function () { Y.pickConfidence(key, c[0]); }));
          b.dataset.conf = c[0];
          return b;
        });
        sendButton(s, bar, 'primary vote', 'Vote', 'votebtn', function () { Y.sendPick(); });
        return s;
      },
      update: function (s) {
        var inGame = num(d.left_s, -1);
        s._left.textContent = inGame >= 0 ? (str(d.from) ? 'From ' + str(d.from) + ' · ' : '') +
          BH.minutes(inGame) + ' left in the scenario' : (str(d.from) ? 'From ' + str(d.from) : '');
        var closed = Y.closed[key] === true, busy = Y.voteBusy;
        var pick = Y.pick && Y.pick.decision === key ? Y.pick : { option: '', confidence: 'medium' };
        var vote = Y.vote && Y.vote.decision === key ? Y.vote : null;
        s._opts.forEach(function (b) {
          pressed(b, b.dataset.letter === pick.option);
          b.disabled = closed;
          b._yours.hidden = !vote || vote.option !== b.dataset.letter;
        });
        s._conf.forEach(function (b) {
          pressed(b, b.dataset.conf === pick.confidence);
          b.disabled = closed;
        });
        var same = vote && vote.option === pick.option && vote.confidence === pick.confidence;
        var confWord = pick.confidence;
        s._send.disabled = closed || busy || !pick.option || !!same;
        s._send.textContent = closed ? 'The vote has closed'
          : !pick.option ? 'Pick an option above'
          : same ? 'Voted ' + vote.option + ', ' + vote.confidence
          : (vote ? 'Change my vote to ' : 'Vote ') + pick.option + ', ' + confWord;
        var m = Y.voteMsg;
        if (!m && vote) m = { text: 'Your vote: ' + vote.option + ', ' + vote.confidence +
          '. You can change it until the vote closes.', bad: false };
        setMsg(s._msg, m);
        s.classList.toggle('closed', closed);
      },
    };
  };

  /* ---- the tally, once the facilitator reveals it */
  BH.partTally = function (t, d) {
    var labels = {};
    arr(d && d.options).forEach(function (o) { o = obj(o) || {}; labels[str(o.letter)] = str(o.label); });
    return {
      key: 'tally', sig: JSON.stringify([t, labels]),
      build: function () {
        var s = section('How the room voted', 'tally');
        var voters = num(t.voters, 0), joined = num(t.joined, 0), share = num(t.share, 0);
        var top = str(t.top), pct = Math.round(share * 100) + '%';
        var verdict = !voters ? 'No votes yet'
          : t.unified === true ? 'Unified: ' + pct + ' for ' + top
          : top ? 'Split: ' + pct + ' for ' + top : 'Split: a tie';
        add(s, el('p', 'verdict ' + (t.unified === true ? 'unified' : 'split'), verdict));
        add(s, el('p', 'meta', voters + ' of ' + BH.plural(joined, 'phone', 'phones') + ' voted' +
          ' · unified means 60% or more agree'));
        var opts = arr(t.options).map(function (o) { return obj(o) || {}; });
        var most = Math.max.apply(null, [1].concat(opts.map(function (o) { return num(o.votes, 0); })));
        opts.forEach(function (o) {
          var letter = str(o.letter), n = num(o.votes, 0);
          var row = add(s, el('div', 'trow' + (letter === top ? ' lead' : '')));
          var line = add(row, el('div', 'mtop'));
          add(line, el('span', 'tlabel', letter + (labels[letter] ? ' · ' + labels[letter] : '')));
          add(line, el('span', 'mvalue', String(n)));
          add(row, BH.bar(voters ? n / Math.max(voters, most) : 0));
        });
        var c = obj(t.confidence) || {};
        add(s, el('p', 'meta tconf', 'How sure: low ' + num(c.low, 0) + ' · medium ' + num(c.medium, 0) +
          ' · high ' + num(c.high, 0)));
        var roles = arr(t.roles).map(function (r) { return obj(r) || {}; });
        if (roles.length) {
          add(s, el('p', 'label', 'By role'));
          var ul = add(s, el('ul', 'byrole'));
          roles.forEach(function (r) {
            var li = add(ul, el('li'));
            add(li, el('span', 'rlabel', str(r.label) || str(r.key)));
            add(li, el('span', 'meta', num(r.voters, 0) + ' of ' + num(r.joined, 0) + ' voted'));
            var votes = arr(r.votes);
            var split = opts.map(function (o, i) { return str(o.letter) + ' ' + num(votes[i], 0); }).join(' · ');
            if (split) add(li, el('span', 'rsplit', split));
          });
        }
        return s;
      },
    };
  };

  /* ---- proposals: the role's actions (role "" = any team) */
  BH.partProposals = function (st, role) {
    var observer = role === 'observer';
    var acts = observer ? [] : arr(st.actions).map(obj).filter(function (a) {
      return a && str(a.key) && (str(a.role) === '' || str(a.role) === role);
    });
    var avail = acts.filter(function (a) { return str(a.state) === 'available'; });
    var later = acts.filter(function (a) { return str(a.state) !== 'available'; });
    return {
      key: 'propose', sig: JSON.stringify([role, acts]),
      build: function () {
        var s = section('Propose an action', 'propose');
        s._rows = [];
        if (observer) {
          add(s, el('p', 'intro', 'You are an observer: you watch and vote. The teams propose the actions.'));
          return s;
        }
        if (!acts.length) {
          add(s, el('p', 'meta', 'Your team has no actions in this scenario.'));
          return s;
        }
        add(s, el('p', 'meta', 'The facilitator sees how many people ask for each action, and starts it.'));
        if (!avail.length) add(s, el('p', 'intro', 'Nothing your team can start right now.'));
        avail.forEach(function (a) {
          var k = str(a.key);
          var row = add(s, el('div', 'prow'));
          row.dataset.action = k;
          var top = add(row, el('div', 'ptop'));
          var txt = add(top, el('div', 'pbody'));
          add(txt, el('p', 'alabel', str(a.label)));
          if (str(a.text)) add(txt, el('p', 'otext', str(a.text)));
          row._b = add(top, button('propose-btn', 'Propose', function () { Y.propose(k); }));
          row._msg = add(row, el('p', 'msg'));
          row._key = k;
          s._rows.push(row);
        });
        if (later.length) {
          add(s, el('p', 'label', 'Not now'));
          var ul = add(s, el('ul', 'notnow'));
          later.forEach(function (a) {
            var state = str(a.state), why = str(a.reason);
            var li = add(ul, el('li', 'pnot s-' + (/^[a-z]+$/.test(state) ? state : 'blocked')));
            li.dataset.action = str(a.key);
            add(li, el('p', 'alabel', str(a.label)));
            add(li, el('p', 'meta', state === 'running' ? 'Under way' + (why ? ': ' + why : '')
              : state === 'done' ? 'Done' + (why ? ': ' + why : '')
              : 'Not now: ' + (why || 'not available')));
          });
        }
        return s;
      },
      update: function (s) {
        s._rows.forEach(function (row) {
          var k = row._key, done = Y.proposed[k] === true, busy = Y.propBusy[k] === true;
          row._b.textContent = done ? 'Proposed ✓' : busy ? 'Sending…' : 'Propose';
          row._b.disabled = done || busy;
          pressed(row._b, done);
          setMsg(row._msg, Y.propMsg[k] || null);
        });
      },
    };
  };

  /* ---- You: the role, the name, and Leave (asked twice) */
  BH.partYou = function (st) {
    var m = Y.me;
    var label = BH.roleLabel(st, m.role);
    return {
      key: 'you', sig: JSON.stringify([label, m.name]),
      build: function () {
        var s = section('You', 'you');
        add(s, el('p', 'who', label + (m.name ? ' · ' + m.name : '')));
        s._ask = add(s, el('p', 'msg', 'Leave the room? You can join again with the room code.'));
        var row = add(s, el('div', 'btnrow'));
        s._leave = add(row, button('leave', 'Leave', function () {
          if (Y.leaveAsk) Y.leave();
          else { Y.leaveAsk = true; BH.render(); }
        }));
        s._leave.id = 'leave';
        s._stay = add(row, button('stay', 'Stay', function () { Y.leaveAsk = false; BH.render(); }));
        return s;
      },
      update: function (s) {
        s._ask.hidden = !Y.leaveAsk;
        s._stay.hidden = !Y.leaveAsk;
        s._leave.textContent = Y.leaveAsk ? 'Yes, leave' : 'Leave';
      },
    };
  };
})(window.BH);
