// hubbot web chat: plain script, no dependencies, nothing loaded from elsewhere.
// Messages go out as JSON to /chat/send; replies arrive as server-sent events
// from /chat/events, which replays what this browser missed when it reconnects.
(function () {
  'use strict';

  var log = document.getElementById('log');
  var form = document.getElementById('composer');
  var input = document.getElementById('message');
  var statusEl = document.getElementById('status');
  if (!log || !form || !input || !statusEl || !window.fetch || !window.EventSource) {
    if (statusEl) {
      statusEl.textContent = 'Sorry, this browser cannot run the chat. Please try another browser.';
    }
    return;
  }

  function setStatus(text) {
    statusEl.textContent = text;
  }

  // newId names one message for the server to recognise a retry of it.
  function newId() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    var out = '';
    for (var i = 0; i < bytes.length; i++) {
      out += (bytes[i] + 256).toString(16).slice(1);
    }
    return out;
  }

  function scrollToEnd() {
    log.scrollTop = log.scrollHeight;
  }

  // addMessage puts one message in the log; who is 'me' or 'hub'. The
  // visually hidden prefix tells screen reader users who said it.
  function addMessage(who, text) {
    var item = document.createElement('div');
    item.className = 'msg msg-' + who;
    var said = document.createElement('span');
    said.className = 'visually-hidden';
    said.textContent = who === 'me' ? 'You said: ' : 'Family Hub said: ';
    var body = document.createElement('p');
    body.appendChild(said);
    body.appendChild(document.createTextNode(text));
    item.appendChild(body);
    log.appendChild(item);
    scrollToEnd();
    return item;
  }

  // addOptions offers a reply's choices as buttons; a choice disables its group.
  function addOptions(options) {
    var group = document.createElement('fieldset');
    group.className = 'options';
    var legend = document.createElement('legend');
    legend.className = 'visually-hidden';
    legend.textContent = 'Choose an answer';
    group.appendChild(legend);
    options.forEach(function (opt) {
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'option';
      button.textContent = opt.label;
      button.addEventListener('click', function () {
        group.disabled = true;
        send(opt.value, 'button', opt.label);
        input.focus();
      });
      group.appendChild(button);
    });
    log.appendChild(group);
    scrollToEnd();
  }

  // post sends one message, retrying with the same id while the service is
  // briefly unavailable, so it is taken once however often it is sent.
  function post(payload, item, attempt) {
    fetch('/chat/send', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(payload)
    }).then(function (res) {
      if (res.status === 202) {
        setStatus('');
        return;
      }
      if (res.status === 503 && attempt < 5) {
        retry(payload, item, attempt);
        return;
      }
      failed(item);
    }).catch(function () {
      if (attempt < 5) {
        retry(payload, item, attempt);
        return;
      }
      failed(item);
    });
  }

  function retry(payload, item, attempt) {
    setStatus('Still sending your message…');
    window.setTimeout(function () { post(payload, item, attempt + 1); }, 1000 * Math.pow(2, attempt));
  }

  function failed(item) {
    item.classList.add('failed');
    setStatus('Sorry, your last message was not sent. Please try again.');
  }

  function send(text, kind, shown) {
    var item = addMessage('me', shown);
    post({ text: text, id: newId(), kind: kind }, item, 0);
  }

  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    var text = input.value.trim();
    if (!text) {
      setStatus('Type a message first.');
      input.focus();
      return;
    }
    input.value = '';
    send(text, 'text', text);
  });

  input.addEventListener('keydown', function (ev) {
    if (ev.key === 'Enter' && !ev.shiftKey && !ev.isComposing) {
      ev.preventDefault();
      form.requestSubmit ? form.requestSubmit() : form.dispatchEvent(new Event('submit', { cancelable: true }));
    }
  });

  var events = new EventSource('/chat/events');
  events.addEventListener('reply', function (ev) {
    var reply;
    try {
      reply = JSON.parse(ev.data);
    } catch (e) {
      return;
    }
    addMessage('hub', reply.text || '');
    if (reply.options && reply.options.length) {
      addOptions(reply.options);
    }
  });
  events.addEventListener('open', function () {
    setStatus('');
  });
  events.addEventListener('error', function () {
    setStatus('Reconnecting… your messages are kept.');
  });
}());
