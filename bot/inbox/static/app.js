// Staff inbox: live queue, urgent cue (banner and a short tone), live
// transcript. Plain JavaScript, no dependencies; the pages work without it
// (reload to see changes).
(function () {
  'use strict';

  var body = document.body;
  var summary = document.getElementById('error-summary');
  if (summary) { summary.focus(); }
  var transcript = document.getElementById('transcript');
  function toBottom() { if (transcript) { transcript.scrollTop = transcript.scrollHeight; } }
  toBottom();
  if (!body || body.getAttribute('data-live') !== '1' || !window.EventSource) { return; }

  var baseTitle = document.title;
  var alerts = document.getElementById('alerts');
  var queueEl = document.getElementById('queue');
  var liveEl = document.getElementById('conv-live');

  // --- sound ------------------------------------------------------------
  var soundOn = true;
  try { soundOn = window.localStorage.getItem('hubbot-sound') !== 'off'; } catch (e) { /* private mode */ }
  var toggle = document.getElementById('sound-toggle');
  function showToggle() {
    if (!toggle) { return; }
    toggle.hidden = false;
    toggle.setAttribute('aria-pressed', soundOn ? 'true' : 'false');
    toggle.textContent = 'Sound for urgent: ' + (soundOn ? 'on' : 'off');
  }
  if (toggle) {
    toggle.addEventListener('click', function () {
      soundOn = !soundOn;
      try { window.localStorage.setItem('hubbot-sound', soundOn ? 'on' : 'off'); } catch (e) { /* ignore */ }
      showToggle();
    });
  }
  showToggle();

  var audio = null;
  function audioContext() {
    var C = window.AudioContext || window.webkitAudioContext;
    if (!C) { return null; }
    if (!audio) { audio = new C(); }
    if (audio.state === 'suspended') { audio.resume(); }
    return audio;
  }
  // browsers only let a page make sound after the user has interacted
  function unlock() { audioContext(); }
  document.addEventListener('click', unlock, { once: true });
  document.addEventListener('keydown', unlock, { once: true });

  function tone() {
    var ctx = audioContext();
    if (!ctx) { return; }
    var t = ctx.currentTime;
    [0, 0.25].forEach(function (at) {
      var osc = ctx.createOscillator();
      var gain = ctx.createGain();
      osc.type = 'sine';
      osc.frequency.value = 880;
      gain.gain.setValueAtTime(0.0001, t + at);
      gain.gain.exponentialRampToValueAtTime(0.3, t + at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, t + at + 0.18);
      osc.connect(gain);
      gain.connect(ctx.destination);
      osc.start(t + at);
      osc.stop(t + at + 0.2);
    });
  }

  // --- messages in the alert region ---------------------------------------
  function say(cls, text, linkText, href) {
    alerts.textContent = '';
    var p = document.createElement('p');
    p.className = 'banner ' + cls;
    p.appendChild(document.createTextNode(text + ' '));
    if (linkText) {
      var a = document.createElement('a');
      a.href = href;
      a.textContent = linkText;
      p.appendChild(a);
      p.appendChild(document.createTextNode(' '));
    }
    var b = document.createElement('button');
    b.type = 'button';
    b.className = 'secondary';
    b.textContent = 'Dismiss';
    b.addEventListener('click', function () { alerts.textContent = ''; document.title = baseTitle; });
    p.appendChild(b);
    alerts.appendChild(p);
  }

  var cues = 0;
  function cue(n) {
    cues += n;
    body.setAttribute('data-cues', String(cues));
    say('urgent', n === 1 ? 'Urgent: a new conversation needs someone now.' : 'Urgent: ' + n + ' new conversations need someone now.',
      'Open the queue', '/staff/');
    document.title = '(' + cues + ' urgent) ' + baseTitle;
    if (soundOn) { tone(); }
  }

  // --- fragments -----------------------------------------------------------
  function fetchFragment(url) {
    return window.fetch(url, { credentials: 'same-origin', headers: { 'X-Hubbot-Fragment': '1' } })
      .then(function (r) {
        if (r.status === 401) { signedOut(); throw new Error('signed out'); }
        if (!r.ok) { throw new Error('status ' + r.status); }
        return r.text();
      });
  }

  var queueBusy = false, queueAgain = false;
  function refreshQueue() {
    if (!queueEl) { return; }
    if (queueBusy) { queueAgain = true; return; }
    queueBusy = true;
    fetchFragment(queueEl.getAttribute('data-queue-url')).then(function (html) {
      // keep the keyboard where it was: on the same conversation's link
      var active = document.activeElement, conv = null;
      if (active && queueEl.contains(active)) {
        var tr = active.closest('tr[data-conv]');
        conv = tr ? tr.getAttribute('data-conv') : null;
      }
      queueEl.innerHTML = html; // the server's own escaped template output
      if (conv) {
        var link = queueEl.querySelector('tr[data-conv="' + conv + '"] a');
        if (link) { link.focus(); }
      }
      body.setAttribute('data-queue-refreshed', String(Date.now()));
    }).catch(function () { /* the next event tries again */ }).then(function () {
      queueBusy = false;
      if (queueAgain) { queueAgain = false; refreshQueue(); }
    });
  }

  function refreshConversation() {
    if (!liveEl) { return; }
    var atBottom = !transcript || transcript.scrollTop + transcript.clientHeight >= transcript.scrollHeight - 8;
    fetchFragment(liveEl.getAttribute('data-live-url')).then(function (html) {
      liveEl.innerHTML = html;
      transcript = document.getElementById('transcript');
      if (atBottom) { toBottom(); }
    }).catch(function () { /* the next event tries again */ });
  }

  // --- the event stream ----------------------------------------------------
  // Urgent conversations already on the page, or in the first event on a
  // page without the queue, never cue: only those that arrive later do.
  var knownUrgent = {};
  var baseline = !queueEl;
  if (queueEl) {
    Array.prototype.forEach.call(document.querySelectorAll('tr[data-conv][data-urgent="true"]'), function (tr) {
      knownUrgent[tr.getAttribute('data-conv')] = true;
    });
  }

  var url = '/staff/events' + (liveEl ? '?conv=' + encodeURIComponent(liveEl.getAttribute('data-conv')) : '');
  var es = new window.EventSource(url);
  function signedOut() {
    es.close();
    say('info', 'You have been signed out, so new conversations no longer show here.', 'Sign in again', '/staff/login');
  }
  es.addEventListener('queue', function (ev) {
    var data = JSON.parse(ev.data);
    var fresh = 0;
    (data.items || []).forEach(function (it) {
      if (it.urgent && !knownUrgent[it.id] && !baseline) { fresh++; }
      if (it.urgent) { knownUrgent[it.id] = true; }
    });
    baseline = false;
    if (fresh > 0) { cue(fresh); }
    refreshQueue();
  });
  es.addEventListener('conv', function (ev) {
    var data = JSON.parse(ev.data);
    if (data.gone) {
      say('info', 'This conversation was closed, handed back or given to someone else.', 'Back to the queue', '/staff/');
      return;
    }
    refreshConversation();
  });
  es.addEventListener('logout', signedOut);
  es.addEventListener('open', function () { body.setAttribute('data-stream', 'open'); });

  // waiting times grow: refresh the queue now and then even when nothing changes
  if (queueEl) { window.setInterval(refreshQueue, 60000); }
}());
