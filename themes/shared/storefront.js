// The storefront's only script, shared by every theme: copy buttons for keys, the hand-off to a
// payment page, and an order code arriving in the link's fragment (which browsers never send to
// a server, so the code lands in no log). Served from the shop's own origin: the pages' CSP allows
// no other script and no inline script.
(function () {
  'use strict';

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    // Plain http on a custom domain: the old way, through a hidden selection.
    return new Promise(function (resolve, reject) {
      var area = document.createElement('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.className = 'copy-buffer';
      document.body.appendChild(area);
      area.select();
      var ok = document.execCommand('copy');
      document.body.removeChild(area);
      if (ok) { resolve(); } else { reject(new Error('copy refused')); }
    });
  }

  document.querySelectorAll('[data-copy]').forEach(function (button) {
    var label = button.textContent;
    button.addEventListener('click', function () {
      copyText(button.getAttribute('data-copy')).then(function () {
        button.textContent = button.getAttribute('data-copied') || label;
        button.classList.add('is-copied');
        setTimeout(function () {
          button.textContent = label;
          button.classList.remove('is-copied');
        }, 2000);
      });
    });
  });

  var redirect = document.querySelector('a[data-auto-redirect]');
  if (redirect) {
    setTimeout(function () { window.location.assign(redirect.href); }, 800);
  }
  var form = document.querySelector('form[data-auto-submit]');
  if (form) {
    setTimeout(function () { form.submit(); }, 800);
  }

  // /lookup#token=...: fill the order code in and look it up, without the code ever being sent
  // as part of a URL.
  var match = /^#token=([A-Za-z0-9_-]{20,100})$/.exec(window.location.hash);
  var lookup = document.getElementById('lookup-token');
  if (match && lookup) {
    history.replaceState(null, '', window.location.pathname);
    lookup.querySelector('input[name=token]').value = match[1];
    lookup.submit();
  }
})();
