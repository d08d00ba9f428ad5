/* The participant: joining the room with a role, the vote on the open
 * decision, and proposals of the role's actions (issue 14; the API is
 * game/room's POST /api/join, /api/vote, /api/propose, /api/leave and
 * GET /api/me). The parts it draws are in you_draw.js.
 *
 * Why it is built this way:
 * - The token is kept in localStorage: a reload, a locked screen or a lost
 *   connection keep the phone's place and vote. A 401 (the laptop no
 *   longer knows the token) goes back to joining with the role and name
 *   filled in: nothing typed is lost, on any refusal.
 * - The last vote sent is remembered too. If /api/me shows no vote on the
 *   decision still open (the laptop lost it), the page sends it again: the
 *   server counts one vote per phone, so sending twice is harmless.
 * - Every refusal becomes a sentence that says what to do next.
 */
'use strict';

(function (BH) {
  var ME_KEY = 'bulkhead.me', VOTE_KEY = 'bulkhead.vote';
  var str = BH.str, obj = BH.obj, arr = BH.arr;
  var ME_EVERY_MS = 15000;    /* /api/me now and then: notices a lost token */

  function urlCode() {
    try { return (new URLSearchParams(location.search).get('c') || '').slice(0, 12); } catch (e) { return ''; }
  }
  function validMe(m) {
    m = obj(m);
    return m && typeof m.token === 'string' && /^[0-9a-f]{16,64}$/.test(m.token) ? {
      token: m.token, role: str(m.role), name: str(m.name), code: str(m.code),
    } : null;
  }
  function validVote(v) {
    v = obj(v);
    return v && str(v.decision) && str(v.option) ? {
      decision: str(v.decision), option: str(v.option),
      confidence: /^(low|medium|high)$/.test(str(v.confidence)) ? v.confidence : 'medium',
      session: str(v.session),
    } : null;
  }
  function copy(v) {
    return { decision: v.decision, option: v.option, confidence: v.confidence, session: v.session };
  }
  /* The session the room shows ("" before one, or from an older laptop). */
  function session() { return BH.room ? str(BH.room.session) : ''; }

  var me = validMe(BH.load(ME_KEY));
  if (!me) BH.save(ME_KEY, null);
  var Y = BH.you = {
    me: me,                 /* {token, role, name, code} once joined */
    draft: { code: urlCode() || (me ? me.code : ''), role: '', name: '' },
    joinMsg: '', joinBusy: false,
    vote: null,             /* the vote the laptop holds: {decision, option, confidence} */
    pick: null,             /* what the buttons show picked, sent or not */
    voteMsg: null,          /* {text, bad} under the Vote button */
    voteBusy: false,
    closed: {},             /* decision key -> true after a 409 */
    proposed: {},           /* action key -> true */
    propMsg: {},            /* action key -> {text, bad} */
    propBusy: {},
    leaveAsk: false,
    meBusy: false, meAt: 0, meDecision: null,
  };

  function render() { if (BH.render) BH.render(); }
  function openKey() {
    var d = obj(BH.room && BH.room.decision);
    return d ? str(d.key) : '';
  }
  function forgetPlay() {
    Y.vote = null; Y.pick = null; Y.voteMsg = null; Y.closed = {};
    Y.proposed = {}; Y.propMsg = {}; Y.leaveAsk = false;
  }

  /* The laptop no longer knows this phone: back to joining, role and name
   * filled in (the remembered vote stays, sent again after joining). */
  function lost() {
    if (Y.me) {
      Y.draft.role = Y.me.role;
      Y.draft.name = Y.me.name;
      Y.draft.code = Y.draft.code || Y.me.code;
    }
    Y.me = null;
    BH.save(ME_KEY, null);
    forgetPlay();
    Y.joinMsg = 'This phone is no longer in the room: the facilitator\'s laptop was restarted, ' +
      'or removed it. Join again: your role and name are filled in.';
    render();
  }

  function said(a, fallback) {
    var e = str(a.body.error);
    return e ? e : fallback;
  }
  var NO_ANSWER = 'The facilitator\'s laptop did not answer. Check that this phone is on the ' +
    'venue\'s Wi-Fi (not mobile data), then try again.';
  var TOO_FAST = 'Too many taps in a row. Wait a few seconds, then try again.';

  function joinError(a) {
    switch (a.status) {
    case 0: return NO_ANSWER;
    case 403: return 'That room code is not this room\'s. Check the code on the projector and type it again.';
    case 503: return 'The room is full: no more phones can join. Ask the facilitator.';
    case 429: return TOO_FAST;
    case 400: return said(a, 'The laptop refused this role. Pick your role again.');
    default: return said(a, 'The laptop refused to let this phone join (error ' + a.status + '). Try again.');
    }
  }

  Y.join = function () {
    if (Y.joinBusy) return;
    var d = Y.draft, code = d.code.replace(/\s+/g, '').toUpperCase();
    if (!code) Y.joinMsg = 'Type the room code first: it is on the projector, beside the QR code.';
    else if (!d.role) Y.joinMsg = 'Pick your role first: tap one of the buttons above.';
    if (!code || !d.role) { render(); return; }
    Y.joinBusy = true;
    Y.joinMsg = '';
    render();
    var body = { code: code, role: d.role };
    if (d.name.trim()) body.name = d.name.trim();
    BH.api('POST', '/api/join', body).then(function (a) {
      Y.joinBusy = false;
      var tok = str(a.body.token);
      if (a.status === 200 && /^[0-9a-f]{16,64}$/.test(tok)) {
        Y.me = { token: tok, role: str(a.body.role) || d.role, name: str(a.body.name), code: code };
        BH.save(ME_KEY, Y.me);
        forgetPlay();
        Y.joinMsg = '';
        Y.fetchMe();
      } else {
        Y.joinMsg = a.status === 200 ? 'The laptop gave no token: press Join again.' : joinError(a);
      }
      render();
    });
  };

  Y.leave = function () {
    var m = Y.me;
    if (!m) return;
    /* the laptop frees the place; if it does not answer, the place is
     * freed when the session ends: leaving here does not wait for it */
    BH.api('POST', '/api/leave', { token: m.token }, m.token);
    Y.me = null;
    BH.save(ME_KEY, null);
    BH.save(VOTE_KEY, null);
    forgetPlay();
    Y.draft.role = '';
    Y.draft.name = m.name;
    Y.draft.code = Y.draft.code || m.code;
    Y.joinMsg = 'You left the room. Join again any time with the room code.';
    render();
  };

  /* What the laptop holds for this phone: its vote and proposals. */
  Y.fetchMe = function () {
    if (!Y.me || Y.meBusy) return;
    var tok = Y.me.token;
    Y.meBusy = true;
    Y.meAt = Date.now();
    Y.meDecision = openKey();
    BH.api('GET', '/api/me', null, tok).then(function (a) {
      Y.meBusy = false;
      if (!Y.me || Y.me.token !== tok) return;
      if (a.status === 401) { lost(); return; }
      if (a.status !== 200) return;       /* no answer, or too fast: next time */
      Y.me.role = str(a.body.role) || Y.me.role;
      Y.me.name = typeof a.body.name === 'string' ? a.body.name : Y.me.name;
      BH.save(ME_KEY, Y.me);
      Y.proposed = {};
      arr(a.body.proposed).forEach(function (k) { Y.proposed[str(k)] = true; });
      Y.vote = validVote(a.body.vote);
      reconcile();
      render();
    });
  };

  /* Called after each new room state: /api/me when the open decision
   * changed, and now and then. */
  Y.poll = function () {
    /* The vote kept to send again is for its decision while it is open:
     * once the session shows it no longer open, it is forgotten, or the
     * next session's decision of the same key ("d1" again) would get it
     * uncast. A blank state (the laptop restarting) says nothing. */
    var kept = validVote(BH.load(VOTE_KEY));
    if (kept && BH.room && BH.room.blank !== true && kept.decision !== openKey()) BH.save(VOTE_KEY, null);
    /* another session (a phone asleep through the debrief, the next
     * scenario): nothing kept from the last one is sent or shown picked */
    if (kept && kept.session && session() && kept.session !== session()) BH.save(VOTE_KEY, null);
    if (Y.pick && Y.pick.session && session() && Y.pick.session !== session()) Y.pick = null;
    if (session() && Y.seenSession && Y.seenSession !== session()) {
      /* a new session: its decisions are not the last one's, whatever their keys */
      Y.closed = {}; Y.vote = null; Y.voteMsg = null; Y.pick = null;
    }
    if (session()) Y.seenSession = session();
    if (Y.me && (openKey() !== Y.meDecision || Date.now() - Y.meAt > ME_EVERY_MS)) Y.fetchMe();
  };

  /* The laptop's vote and the remembered one, on the decision open. */
  function reconcile() {
    var d = openKey();
    if (!d) return;
    if (Y.vote && Y.vote.decision === d) {
      if (!Y.pick || Y.pick.decision !== d) Y.pick = copy(Y.vote);
      return;
    }
    var r = validVote(BH.load(VOTE_KEY));
    if (r && r.decision === d && (!r.session || r.session === session()) && !Y.voteBusy &&
        !Y.closed[d]) {
      Y.pick = copy(r);
      send(r, true);
    }
  }

  function voteError(a, v) {
    switch (a.status) {
    case 0: return 'Not sent: the facilitator\'s laptop did not answer. Press Vote again in a moment.';
    case 409: return 'The vote has closed.' + (Y.vote && Y.vote.decision === v.decision
      ? ' Your vote stays ' + Y.vote.option + ', ' + Y.vote.confidence + '.' : '');
    case 429: return TOO_FAST;
    default: return said(a, 'The laptop refused this vote (error ' + a.status + '). Pick an option and try again.');
    }
  }

  function send(v, again) {
    var tok = Y.me.token;
    Y.voteBusy = true;
    Y.voteMsg = { text: again ? 'Sending your vote again…' : 'Sending your vote…', bad: false };
    v.session = session();
    BH.save(VOTE_KEY, v);         /* remembered: sent again if the laptop loses it */
    render();
    BH.api('POST', '/api/vote', { token: tok, decision: v.decision, option: v.option, confidence: v.confidence }, tok)
      .then(function (a) {
        Y.voteBusy = false;
        if (!Y.me || Y.me.token !== tok) return;
        if (a.status === 401) { lost(); return; }
        if (a.status === 200) {
          Y.vote = validVote(a.body.vote) || copy(v);
          Y.voteMsg = null;
        } else {
          if (a.status === 409) Y.closed[v.decision] = true;
          if (a.status !== 0 && a.status !== 429) BH.save(VOTE_KEY, null);
          Y.voteMsg = { text: voteError(a, v), bad: true };
        }
        render();
      });
  }

  Y.pickOption = function (d, letter) {
    if (Y.closed[d] || Y.voteBusy) return;
    var conf = Y.pick && Y.pick.decision === d ? Y.pick.confidence : 'medium';
    Y.pick = { decision: d, option: letter, confidence: conf, session: session() };
    render();
  };
  Y.pickConfidence = function (d, c) {
    if (Y.closed[d] || Y.voteBusy) return;
    var opt = Y.pick && Y.pick.decision === d ? Y.pick.option : '';
    Y.pick = { decision: d, option: opt, confidence: c, session: session() };
    render();
  };
  Y.sendPick = function () {
    var p = Y.pick;
    if (!Y.me || Y.voteBusy || !p || !p.option || Y.closed[p.decision] || p.decision !== openKey()) return;
    send(copy(p), false);
  };

  function proposeError(a) {
    switch (a.status) {
    case 0: return 'Not sent: the facilitator\'s laptop did not answer. Try again in a moment.';
    case 409: return 'Not available any more: the situation changed.';
    case 403: return said(a, 'Your role cannot propose this action.');
    case 429: return TOO_FAST;
    default: return said(a, 'The laptop refused this proposal (error ' + a.status + ').');
    }
  }

  Y.propose = function (key) {
    if (!Y.me || Y.propBusy[key]) return;
    var tok = Y.me.token;
    Y.propBusy[key] = true;
    delete Y.propMsg[key];
    render();
    BH.api('POST', '/api/propose', { token: tok, action: key }, tok).then(function (a) {
      delete Y.propBusy[key];
      if (!Y.me || Y.me.token !== tok) return;
      if (a.status === 401) { lost(); return; }
      if (a.status === 200) {
        Y.proposed[key] = true;
        arr(a.body.proposed).forEach(function (k) { Y.proposed[str(k)] = true; });
      } else {
        Y.propMsg[key] = { text: proposeError(a), bad: true };
      }
      render();
    });
  };
})(window.BH);
