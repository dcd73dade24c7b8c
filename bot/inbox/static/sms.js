// Live SMS segment counter for a reply box marked data-sms-counter: GSM-7
// holds 160 characters in one text and 153 in each part of a longer one;
// one character outside GSM-7 (a curly quote, an emoji) turns the whole
// message into UCS-2, with 70 and 67.
(function () {
  'use strict';

  var BASIC = '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
    '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
  var EXTENDED = '^{}\\[~]|€\f';

  // units lists the size of each character in the message's encoding.
  function measure(text) {
    var chars = Array.from(text);
    var gsm = [], outside = null;
    for (var i = 0; i < chars.length; i++) {
      var c = chars[i];
      if (BASIC.indexOf(c) >= 0) { gsm.push(1); } else if (EXTENDED.indexOf(c) >= 0) { gsm.push(2); } else { outside = c; break; }
    }
    if (outside === null) { return { encoding: 'GSM-7', units: gsm, single: 160, part: 153, chars: chars.length }; }
    return {
      encoding: 'UCS-2', outside: outside, chars: chars.length,
      units: chars.map(function (c) { return c.length; }), single: 70, part: 67
    };
  }

  // segments packs the units into texts without splitting a character.
  function segments(m) {
    var total = m.units.reduce(function (a, b) { return a + b; }, 0);
    if (total === 0) { return { n: 0, left: m.single }; }
    if (total <= m.single) { return { n: 1, left: m.single - total }; }
    var n = 1, used = 0;
    m.units.forEach(function (u) {
      if (used + u > m.part) { n++; used = 0; }
      used += u;
    });
    return { n: n, left: m.part - used };
  }

  function describe(text) {
    var m = measure(text);
    var s = segments(m);
    var out = m.chars + (m.chars === 1 ? ' character' : ' characters') + ' · ' +
      s.n + (s.n === 1 ? ' text message' : ' text messages') + ' (' + m.encoding + ')';
    if (s.n > 0) { out += ' · ' + s.left + ' left in this one'; }
    if (m.encoding === 'UCS-2') {
      out += '. Contains “' + m.outside + '”, which is not in GSM-7, so each text holds fewer characters.';
    }
    return { text: out, segments: s.n, encoding: m.encoding };
  }

  Array.prototype.forEach.call(document.querySelectorAll('textarea[data-sms-counter]'), function (box) {
    var out = document.getElementById(box.getAttribute('data-sms-counter'));
    if (!out) { return; }
    // screen readers hear the count once typing pauses, not on every key
    var spoken = document.createElement('span');
    spoken.className = 'vh';
    spoken.setAttribute('aria-live', 'polite');
    out.parentNode.insertBefore(spoken, out.nextSibling);
    var timer = null;
    function update() {
      var d = describe(box.value);
      out.textContent = d.text;
      out.setAttribute('data-segments', String(d.segments));
      out.setAttribute('data-encoding', d.encoding);
      window.clearTimeout(timer);
      timer = window.setTimeout(function () { spoken.textContent = d.text; }, 1000);
    }
    box.addEventListener('input', update);
    update();
  });
}());
