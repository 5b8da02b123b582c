/*! Comments sign-up box ("Get new posts by email"):
 * <script src="https://comments.example/signup.js" data-site="blog1" async></script>
 * Renders inside a Shadow DOM root: a heading and a consent text (the site's SignupHeading / SignupText,
 * else the widget's strings in the reader's language), an email field and a button. The address gets a
 * confirmation mail (double opt-in) for the site's new posts. A hidden honeypot field catches bots.
 * Same languages (data-lang, else the page's lang) and theme (theme.js: the --comments-* properties) as embed.js. */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.dataset.site) return;
  var api = new URL(script.src, location.href).origin;
  var base = api + '/api/sites/' + encodeURIComponent(script.dataset.site) + '/subscriptions';
  var LANGS = ['en', 'de', 'fr', 'es', 'ru', 'uk', 'ko', 'ar'], RTL = ['ar'];
  var lang = pickLang(script.dataset.lang || (script.closest('[lang]') || document.documentElement).getAttribute('lang') || 'en');
  var S = {};
  function pickLang(tag) {
    var code = String(tag).toLowerCase().split(/[-_]/)[0];
    return LANGS.indexOf(code) >= 0 ? code : 'en';
  }
  function loadStrings(code, done, failed) {
    function got() { return (window.CommentsLang || {})[code]; }
    loadScript('/lang/' + code + '.js', got, function () { lang = code; S = got(); done(); }, function () { if (code !== 'en') loadStrings('en', done, failed); else failed(); });
  }
  // One of the service's scripts (a language file, theme.js) unless the page has what it defines already. A try that
  // fails (an error, no answer in 10 s, a file without it) is made again after 0.5, 2 and 5 s, past any cache that
  // kept the failure; done or failed is called once, and a late answer to an abandoned try is ignored.
  var RETRY = [500, 2000, 5000];
  function loadScript(path, has, done, failed, tries) {
    tries = tries || 0;
    if (has()) return done();
    var s = document.createElement('script'), over = false, timer = setTimeout(end, 10000);
    s.src = api + path + (tries ? '?retry=' + tries : ''); s.async = true;
    function end() {
      if (over) return;
      over = true; clearTimeout(timer);
      if (has()) done();
      else if (tries < RETRY.length) setTimeout(function () { loadScript(path, has, done, failed, tries + 1); }, RETRY[tries]);
      else failed();
    }
    s.onload = s.onerror = end;
    document.head.appendChild(s);
  }
  function t(key) { return S[key] == null ? key : String(S[key]); }
  function said(code, text) { return code && S['error.' + code] != null ? t('error.' + code) : text; }
  function h(text) { return String(text).replace(/[&<>"]/g, function (ch) { return '&#' + ch.charCodeAt(0) + ';'; }); }

  // Without theme.js: the system's colours (light or dark as the page or the system says), the same --comments-*
  // properties on top. Kept in step with the one in embed.js.
  var PLAIN = {
    v: function (name) { return 'var(--comments-' + name + ',var(--c-' + name + '))'; },
    host: ':host{all:initial!important;display:block!important;visibility:visible!important;position:static!important;color-scheme:light dark!important;' +
      '--c-text:CanvasText;--c-muted:CanvasText;--c-bg:Canvas;--c-field:Field;--c-border:GrayText;--c-line:GrayText;--c-link:LinkText;' +
      '--c-accent:LinkText;--c-on-accent:Canvas;--c-danger:light-dark(#b32d2e,#ff9a9a);--c-warn:CanvasText;--c-flash:Mark;--c-ok:CanvasText;' +
      'font-family:var(--comments-font,inherit)!important;font-size:var(--comments-font-size,16px)!important;line-height:1.5!important;' +
      'color:var(--comments-text,CanvasText)!important;background:var(--comments-bg,Canvas)!important;padding:.25rem 1rem!important;' +
      'border-radius:var(--comments-radius,4px)!important;max-width:46rem!important;margin:2rem 0!important}' +
      ':host([data-theme=dark]){color-scheme:dark!important}:host([data-theme=light]){color-scheme:light!important}' +
      '*{box-sizing:border-box;display:revert;visibility:visible;font-size:inherit;line-height:inherit}[hidden]{display:none!important}'
  };
  // The widget's theme (theme.js: --comments-* on the page win, else the light or dark defaults), then the box's rules.
  function css() {
    var theme = window.CommentsTheme || PLAIN, v = theme.v;
    return theme.host +
      'h2{font-size:1.35em;margin:0 0 .5em;line-height:1.3}p{margin:0 0 1em}a{color:' + v('link') + '}' +
      'label{display:block;font-weight:600;margin-bottom:.2em}.row{display:flex;gap:.5em;flex-wrap:wrap}' +
      'input[type=email]{flex:1 1 16em;font:inherit;color:inherit;padding:.45em .55em;border:1px solid ' + v('border') + ';border-radius:var(--comments-radius,4px);background:' + v('field') + '}' +
      'button{font:inherit;padding:.5em 1.1em;border:0;border-radius:var(--comments-radius,4px);background:' + v('accent') + ';color:' + v('on-accent') + ';cursor:pointer}' +
      'button:disabled{opacity:.7;cursor:default}[aria-invalid=true]{border-color:' + v('danger') + '!important;outline:1px solid ' + v('danger') + '}' +
      '.error{color:' + v('danger') + ';font-weight:600}.done{color:' + v('ok') + ';font-weight:600}.consent{color:' + v('muted') + ';font-size:.9em}' +
      ':focus-visible{outline:2px solid ' + v('accent') + ';outline-offset:2px}' +
      '.hp{position:absolute!important;left:-10000px!important;width:1px;height:1px;overflow:hidden}';
  }

  // The strings and the theme are fetched side by side, then the site's texts; then the box is drawn: without theme.js
  // in the plain theme, without any strings (not even en) as a line that says so, whose Retry button starts again.
  var host, root;
  function start(retried) {
    var waiting = 2, strings = false;
    function settled() {
      if (--waiting > 0) return;
      if (!strings) return unavailable(retried);
      fetch(base + '/signup').then(function (r) { return r.json().catch(function () { return {}; }).then(function (b) { b.ok = r.ok; return b; }); })
        .catch(function () { return { ok: false }; })
        .then(render);
    }
    loadStrings(lang, function () { strings = true; settled(); }, settled);
    loadScript('/theme.js', function () { return window.CommentsTheme; }, settled, settled);
  }
  start();
  // The host element after the script tag and its shadow root, made once.
  function mount() {
    if (host) return;
    host = document.createElement('div');
    host.className = 'comments-signup';
    host.setAttribute('style', 'display:block!important;visibility:visible!important');
    var theme = script.dataset.theme || document.documentElement.getAttribute('data-theme');
    if (theme === 'dark' || theme === 'light') host.setAttribute('data-theme', theme);
    script.parentNode.insertBefore(host, script.nextSibling);
    root = host.attachShadow({ mode: 'open' });
  }
  function unavailable(retried) {
    mount();
    root.innerHTML = '<style>' + css() + '</style><p class="error" id="unavailable" role="alert" lang="en">The sign-up box could not be loaded. ' +
      '<button type="button">Retry</button></p>';
    var retry = root.querySelector('button');
    retry.addEventListener('click', function () { retry.disabled = true; start(true); });
    if (retried) retry.focus();
  }

  function render(config) {
    mount();
    var id = 'signup-' + Math.random().toString(36).slice(2, 8);
    root.innerHTML = '<style>' + css() + '</style>' +
      '<section aria-labelledby="' + id + '-title" lang="' + lang + '" dir="' + (RTL.indexOf(lang) >= 0 ? 'rtl' : 'ltr') + '">' +
      '<h2 id="' + id + '-title">' + h(config.heading || t('signupHeading')) + '</h2>' +
      '<form novalidate><p class="consent" id="consent">' + h(config.text || t('signupText')) + '</p>' +
      '<label for="email">' + h(t('signupEmail')) + '</label>' +
      '<div class="row"><input id="email" name="email" type="email" autocomplete="email" maxlength="100" required aria-describedby="consent error">' +
      '<button type="submit" id="submit">' + h(t('signupSubmit')) + '</button></div>' +
      '<p class="hp" aria-hidden="true"><label for="hp">' + h(t('honeypot')) + '</label><input id="hp" name="hp" type="text" tabindex="-1" autocomplete="off"></p>' +
      '<p class="error" id="error" role="alert"></p></form>' +
      '<p class="done" id="done" role="status" hidden></p></section>';
    host.dataset.lang = lang;
    function $(x) { return root.getElementById(x); }
    var form = root.querySelector('form'), email = $('email'), error = $('error');
    if (!config.ok) { error.textContent = said(config.code, t('signupFailed')); }
    host.dataset.ready = 'true';

    form.addEventListener('submit', function (e) {
      e.preventDefault();
      error.textContent = '';
      email.removeAttribute('aria-invalid');
      var address = email.value.trim();
      if (!address || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address)) {
        email.setAttribute('aria-invalid', 'true');
        error.textContent = t('emailInvalid');
        email.focus();
        return;
      }
      $('submit').disabled = true;
      fetch(base, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: address, kind: 'posts', honeypot: $('hp').value || null })
      }).then(function (r) {
        return r.json().catch(function () { return {}; }).then(function (body) {
          if (!r.ok) throw body;
          form.hidden = true;
          $('done').textContent = t('signupSent');
          $('done').hidden = false;
        });
      }).catch(function (body) {
        var field = body && body.fields && body.fields[0];
        if (field && field.field === 'email') {
          email.setAttribute('aria-invalid', 'true');
          error.textContent = field.code === 'field.invalid_email' ? t('emailInvalid') : field.message;
        } else {
          error.textContent = said(body && body.code, (body && body.title) || t('signupFailed'));
        }
      }).then(function () { $('submit').disabled = false; });
    });
  }
})();
