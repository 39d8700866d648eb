/**
 * @module scorm/bridge-script
 * `scorm-bridge.js`, the script inside the package that talks to the LMS's SCORM runtime. It finds
 * the API object (`API` for 1.2, `API_1484_11` for 2004) in a parent or opener window, starts the
 * attempt, exchanges the package token and the LMS's learner id for a Sounding Board token, and
 * when `<sb-practice>` fires `sb-session-ended` reports score, completion and pass/fail (the
 * server computes the grade, the same number LTI grade passback sends), and the time spent
 * (`cmi.core.session_time` / `cmi.session_time`, so the LMS's reports do not say 00:00:00) with
 * each result and when the learner leaves. Plain ES2017, no imports:
 * it runs in whatever browser the LMS serves it to.
 */

export const SCORM_BRIDGE_JS = `/* Sounding Board SCORM bridge: reports a drill session to the LMS (SCORM 1.2 and 2004). */
(function () {
  'use strict';
  var cfg = JSON.parse(document.getElementById('sb-scorm-config').textContent);
  var v2004 = cfg.version === '2004';
  var status = document.getElementById('sb-status');
  var practice = document.querySelector('sb-practice');
  var finished = false;

  function say(text) { status.textContent = text; }

  function findApiFrom(name, start) {
    var w = start;
    for (var i = 0; i < 12 && w; i++) {
      try { if (w[name]) return w[name]; } catch (e) { /* a foreign frame: keep looking */ }
      if (w.parent === w) break;
      w = w.parent;
    }
    return null;
  }
  function findApi(name) {
    var found = findApiFrom(name, window);
    // a SCO opened in a new window finds the API through its opener
    try { if (!found && window.opener) found = findApiFrom(name, window.opener); } catch (e) { /* no opener access */ }
    return found;
  }

  var api = findApi(v2004 ? 'API_1484_11' : 'API');
  var lms = {
    init: function () { return String(v2004 ? api.Initialize('') : api.LMSInitialize('')) === 'true'; },
    get: function (k) { return String(v2004 ? api.GetValue(k) : api.LMSGetValue(k)); },
    set: function (k, v) { return String(v2004 ? api.SetValue(k, String(v)) : api.LMSSetValue(k, String(v))) === 'true'; },
    commit: function () { return v2004 ? api.Commit('') : api.LMSCommit(''); },
    finish: function () { return v2004 ? api.Terminate('') : api.LMSFinish(''); },
  };

  // the attempt's clock starts when the LMS initialises it
  var startedAt = Date.now();
  function pad(n, w) { var t = String(n); while (t.length < w) t = '0' + t; return t; }
  /** Time since the start: SCORM 1.2 CMITimespan (HHHH:MM:SS.SS) or a 2004 ISO 8601 duration (PT#H#M#S). */
  function sessionTime() {
    var cs = Math.max(0, Math.round((Date.now() - startedAt) / 10));
    var h = Math.floor(cs / 360000), m = Math.floor((cs % 360000) / 6000), sec = (cs % 6000) / 100;
    if (v2004) return 'PT' + h + 'H' + m + 'M' + sec.toFixed(2) + 'S';
    return pad(Math.min(h, 9999), 4) + ':' + pad(m, 2) + ':' + pad(Math.floor(sec), 2) + '.' + pad(cs % 100, 2);
  }
  function recordTime() { lms.set(v2004 ? 'cmi.session_time' : 'cmi.core.session_time', sessionTime()); }

  function finish() {
    if (finished || !api) return;
    finished = true;
    recordTime();
    lms.commit();
    lms.finish();
  }

  function exchange(learnerId, learnerName) {
    return fetch(cfg.apiBase + '/api/scorm/launch', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ packageToken: cfg.packageToken, learnerId: learnerId, learnerName: learnerName }),
    }).then(function (res) {
      if (!res.ok) throw new Error('Sounding Board refused the launch (' + res.status + ')');
      return res.json();
    }).then(function (body) { practice.setAttribute('token', body.token); return body.token; });
  }

  function report(token, sessionId) {
    return fetch(cfg.apiBase + '/api/scorm/sessions/' + encodeURIComponent(sessionId) + '/grade', { headers: { authorization: 'Bearer ' + token } })
      .then(function (res) { if (!res.ok) throw new Error('grade unavailable (' + res.status + ')'); return res.json(); })
      .then(function (g) {
        if (v2004) {
          lms.set('cmi.score.min', 0);
          lms.set('cmi.score.max', g.scoreMaximum);
          lms.set('cmi.score.raw', g.scoreGiven);
          lms.set('cmi.score.scaled', g.scaled);
          lms.set('cmi.completion_status', 'completed');
          if (g.passed !== null) lms.set('cmi.success_status', g.passed ? 'passed' : 'failed');
        } else {
          lms.set('cmi.core.score.min', 0);
          lms.set('cmi.core.score.max', g.scoreMaximum);
          lms.set('cmi.core.score.raw', g.scoreGiven);
          lms.set('cmi.core.lesson_status', g.passed === null ? 'completed' : g.passed ? 'passed' : 'failed');
        }
        recordTime();
        lms.commit();
        say(g.passed === null ? 'Your result was sent to the course.' : g.passed ? 'Drill passed. Your result was sent to the course.' : 'Not passed yet. Your result was sent to the course; you can try again.');
        return g;
      });
  }

  if (!api) {
    say('This activity could not find the course’s SCORM connection, so your result cannot be recorded. Open it from your course.');
    return;
  }
  if (!lms.init()) { say('The course did not start this activity (SCORM initialise failed).'); return; }
  startedAt = Date.now();
  var learnerId = lms.get(v2004 ? 'cmi.learner_id' : 'cmi.core.student_id');
  var learnerName = lms.get(v2004 ? 'cmi.learner_name' : 'cmi.core.student_name');
  if (v2004) { if (lms.get('cmi.completion_status') !== 'completed') lms.set('cmi.completion_status', 'incomplete'); }
  else if (lms.get('cmi.core.lesson_status') === 'not attempted') lms.set('cmi.core.lesson_status', 'incomplete');
  lms.commit();

  var token = null;
  var ready = exchange(learnerId, learnerName).then(function (t) { token = t; }).catch(function (e) { say(e.message); });
  practice.addEventListener('sb-auth-expired', function () { exchange(learnerId, learnerName).then(function (t) { token = t; }); });
  practice.addEventListener('sb-session-ended', function (e) {
    ready.then(function () { return report(token, e.detail.sessionId); }).catch(function (err) { say('Your result could not be sent to the course: ' + err.message); });
  });
  window.addEventListener('pagehide', finish);
  window.addEventListener('beforeunload', finish);
  window.sbScorm = { finish: finish };
})();
`;
