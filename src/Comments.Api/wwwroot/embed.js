/*! Comments widget: <script src="https://comments.example/embed.js" data-site="blog1" data-thread="post-42" async></script>
 * Renders inside a Shadow DOM root. Text from users is inserted with textContent; comment bodies
 * are the server's sanitized HTML. No cookies; localStorage holds the reader's details only when
 * they tick the box, plus their own held comments (id, token, text) so only they see them. */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.dataset.site) return;
  var api = new URL(script.src, location.href).origin;
  var site = script.dataset.site;
  var thread = script.dataset.thread || threadFromPath(location.pathname);
  var needIdentity = script.dataset.requireIdentity !== 'false';
  var avatars = script.dataset.avatars !== 'off';
  var base = api + '/api/sites/' + encodeURIComponent(site);
  var threadUrl = base + '/threads/' + encodeURIComponent(thread) + '/comments';
  var LIMITS = { text: 65525, authorName: 245, authorEmail: 100, authorUrl: 200 };
  var FIELD_INPUT = { text: 'comment', authorName: 'author', authorEmail: 'email', authorUrl: 'url' };
  var AUTHOR_KEY = 'comments:author';
  var PENDING_KEY = 'comments:pending:' + site + ':' + thread;
  var LIKED_KEY = 'comments:liked:' + site;
  var MINE_KEY = 'comments:mine:' + site;
  var EDIT_MS = (Number(script.dataset.editMinutes) || 10) * 60000;
  var REPORTED_KEY = 'comments:reported:' + site;
  var REASONS = ['offensive', 'abusive', 'spam', 'off-topic', 'other']; // RejectReasons on the server

  // ----- language: the script's data-lang, else the page's lang; strings from /lang/<code>.js, dates and numbers by Intl -----
  var LANGS = ['en', 'de', 'fr', 'es', 'ru', 'uk', 'ko', 'ar'], RTL = ['ar'];
  var lang = pickLang(script.dataset.lang || (script.closest('[lang]') || document.documentElement).getAttribute('lang') || 'en');
  var S = {}, plurals, numbers, relative, fullDate;
  function pickLang(tag) {
    var code = String(tag).toLowerCase().split(/[-_]/)[0];
    return LANGS.indexOf(code) >= 0 ? code : 'en';
  }
  function useLang(code, strings) {
    lang = code; S = strings;
    plurals = new Intl.PluralRules(code);
    numbers = new Intl.NumberFormat(code);
    relative = new Intl.RelativeTimeFormat(code, { numeric: 'auto' });
    fullDate = new Intl.DateTimeFormat(code, { dateStyle: 'full', timeStyle: 'short' });
  }
  function loadStrings(code, done, failed) {
    function got() { return (window.CommentsLang || {})[code]; }
    loadScript('/lang/' + code + '.js', got, function () { useLang(code, got()); done(); }, function () { if (code !== 'en') loadStrings('en', done, failed); else failed(); });
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
  /** A string by key; {n} becomes a localized number and picks the plural form, {name} and others are filled in. */
  function t(key, vars) {
    vars = vars || {};
    var s = S[key];
    if (s && typeof s === 'object') s = s[plurals.select(vars.n)] || s.other;
    return String(s == null ? key : s).replace(/\{([\w-]+)\}/g, function (m, k) {
      return !(k in vars) ? m : k === 'n' ? numbers.format(vars.n) : vars[k];
    });
  }
  // The server's ProblemDetails carry a stable code: known codes are said in the reader's language.
  function said(code, text) { return code && S['error.' + code] != null ? t('error.' + code) : text; }
  function h(text) { return text.replace(/[&<>"]/g, function (ch) { return '&#' + ch.charCodeAt(0) + ';'; }); }
  // "3 minutes ago" (Intl.RelativeTimeFormat); the full date in the title.
  var UNITS = [[60, 1, 'second'], [3600, 60, 'minute'], [86400, 3600, 'hour'], [604800, 86400, 'day'], [2629800, 604800, 'week'], [31557600, 2629800, 'month'], [Infinity, 31557600, 'year']];
  function stamp(time) {
    var d = new Date(time.dateTime), secs = Math.min(0, (d.getTime() - Date.now()) / 1000);
    for (var i = 0; i < UNITS.length; i++) {
      if (-secs < UNITS[i][0]) { time.textContent = relative.format(Math.round(secs / UNITS[i][1]), UNITS[i][2]); break; }
    }
    time.title = fullDate.format(d);
  }

  // A page path becomes a thread id: letters, digits and - _ . : ~ only (TextChecks.IsThreadId).
  function threadFromPath(path) {
    var id = path.replace(/^\/+|\/+$/g, '').replace(/\//g, ':').replace(/[^A-Za-z0-9._:~-]/g, function (ch) {
      return '~' + ch.charCodeAt(0).toString(16);
    }) || 'home';
    if (id.length > 128) id = id.slice(0, 119) + '~' + hash(id);
    return id;
  }
  // Initials on a colour picked from the name, made here: no request leaves the page (no Gravatar,
  // which would hand an email hash to a third party). data-avatars="off" hides them.
  function avatar(name) {
    var words = String(name || '').trim().split(/\s+/).filter(Boolean).slice(0, 2);
    var span = document.createElement('span');
    span.className = 'avatar';
    span.textContent = words.map(function (w) { return Array.from(w)[0]; }).join('').toUpperCase() || '?';
    span.setAttribute('aria-hidden', 'true');
    span.style.setProperty('--hue', String(parseInt(hash(String(name || '')), 36) % 360));
    return span;
  }
  function hash(s) {
    var h = 5381;
    for (var i = 0; i < s.length; i++) h = (h * 33 ^ s.charCodeAt(i)) >>> 0;
    return h.toString(36);
  }

  // Without theme.js: the system's colours (light or dark as the page or the system says), the same --comments-*
  // properties on top. Kept in step with the one in signup.js.
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
  // The widget's own rules after the shared theme (theme.js: the --comments-* properties, light and dark).
  function css() {
    var theme = window.CommentsTheme || PLAIN, v = theme.v;
    return theme.host +
      'h2,h3{font-size:1.35em;margin:1.2em 0 .5em;line-height:1.3}h3 small{font-size:.6em;font-weight:normal;margin-inline-start:.5em}' +
      '.bar{display:flex;gap:1em;align-items:center;flex-wrap:wrap}' +
      'ol{list-style:none;margin:0;padding:0}ol ol{margin-inline-start:1.5em;padding-inline-start:1em;border-inline-start:2px solid ' + v('line') + '}' +
      'li>article{padding:.75em 0;border-bottom:1px solid ' + v('line') + '}' +
      '.meta{font-size:.875em;color:' + v('muted') + ';display:flex;gap:.75em;flex-wrap:wrap;align-items:baseline}.meta b{color:' + v('text') + '}' +
      '.avatar{display:inline-grid;place-items:center;width:2.2em;height:2.2em;border-radius:50%;flex:none;align-self:center;font-weight:700;font-size:.85em;' +
      'color:#fff;background:hsl(var(--hue,210) 45% 30%)}' +
      'a{color:' + v('link') + '}' +
      '.body{overflow-wrap:anywhere}.body p{margin:.4em 0}.body pre{white-space:pre-wrap}.pending .body{white-space:pre-wrap}' +
      '.awaiting{font-style:italic;color:' + v('warn') + ';margin:.25em 0}' +
      '.new>article{animation:flash 3s ease-out}@keyframes flash{from{background:' + v('flash') + '}to{background:transparent}}' +
      'button,input,select,textarea{font:inherit;color:inherit}select{background:' + v('field') + ';border:1px solid ' + v('border') + ';border-radius:var(--comments-radius,4px)}' +
      'button.link{background:none;border:0;padding:0;color:' + v('link') + ';text-decoration:underline;cursor:pointer}button.link:disabled{color:' + v('muted') + ';text-decoration:none;cursor:default}' +
      '.actions{display:flex;gap:1.25em;flex-wrap:wrap}.like{text-decoration:none!important}.like[aria-pressed=true]{color:' + v('danger') + '}' +
      'label{display:block;font-weight:600;margin-bottom:.2em}.consent label{display:inline;font-weight:normal}' +
      'input[type=text],input[type=email],input[type=url],textarea{display:block;width:100%;padding:.45em .55em;border:1px solid ' + v('border') + ';border-radius:var(--comments-radius,4px);background:' + v('field') + '}' +
      'textarea{min-height:8em;resize:vertical}form p{margin:0 0 1em}.required{color:' + v('danger') + '}' +
      '[aria-invalid=true]{border-color:' + v('danger') + '!important;outline:1px solid ' + v('danger') + '}' +
      '.error{color:' + v('danger') + ';font-size:.875em;margin:.2em 0 0}.form-error{color:' + v('danger') + ';font-weight:600}' +
      '.submit,.more,.newbar{padding:.5em 1.1em;border:0;border-radius:var(--comments-radius,4px);background:' + v('accent') + ';color:' + v('on-accent') + ';cursor:pointer}' +
      '.newbar{position:sticky;top:.5em;z-index:1;display:block;margin:0 auto .5em}' +
      ':focus-visible{outline:2px solid ' + v('accent') + ';outline-offset:2px}' +
      'fieldset{border:1px solid ' + v('line') + ';border-radius:var(--comments-radius,4px);margin:.5em 0;padding:.5em .75em}legend{font-weight:600;padding:0 .25em}' +
      'label.choice{font-weight:normal;padding:.2em 0}input[type=radio]{accent-color:' + v('accent') + ';margin-inline-end:.4em}.reported-note{color:' + v('muted') + ';font-size:.875em;margin:.4em 0}' +
      '.hp{position:absolute!important;left:-10000px!important;width:1px;height:1px;overflow:hidden}' +
      '.sr{position:absolute!important;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}';
  }

  function formHtml() {
    return '<div id="respond"><h3 id="reply-title">' + h(t('leaveReply')) + ' <small><button type="button" class="link" id="cancel-reply" hidden>' + h(t('cancelReply')) + '</button></small></h3>' +
    '<form id="commentform" novalidate>' +
    '<p class="comment-notes"><span id="email-notes">' + h(t('emailNotes')) + '</span> <span class="required-field-message">' + h(t('requiredNote')) + ' <span class="required">*</span></span></p>' +
    '<p><label for="comment">' + h(t('comment')) + ' <span class="required">*</span></label><textarea id="comment" name="comment" rows="8" required aria-describedby="comment-error"></textarea><span class="error" id="comment-error"></span></p>' +
    '<p><label for="author">' + h(t('name')) + ' <span class="required req">*</span></label><input id="author" name="author" type="text" autocomplete="name" required aria-describedby="author-error"><span class="error" id="author-error"></span></p>' +
    '<p><label for="email">' + h(t('email')) + ' <span class="required req">*</span></label><input id="email" name="email" type="email" autocomplete="email" required aria-describedby="email-notes email-error"><span class="error" id="email-error"></span></p>' +
    '<p><label for="url">' + h(t('website')) + '</label><input id="url" name="url" type="url" autocomplete="url" aria-describedby="url-error"><span class="error" id="url-error"></span></p>' +
    '<p class="hp" aria-hidden="true"><label for="hp">' + h(t('honeypot')) + '</label><input id="hp" name="hp" type="text" tabindex="-1" autocomplete="off"></p>' +
    '<p class="consent"><input id="consent" name="consent" type="checkbox" value="yes"> <label for="consent">' + h(t('consent')) + '</label></p>' +
    '<p class="consent" id="notify-row" hidden><input id="notify" name="notify" type="checkbox" value="yes"> <label for="notify">' + h(t('notify')) + '</label></p>' +
    '<p class="consent" id="notify-posts-row" hidden><input id="notify-posts" name="notify_posts" type="checkbox" value="yes"> <label for="notify-posts">' + h(t('notifyPosts')) + '</label></p>' +
    '<p class="form-error" id="form-error" role="alert"></p>' +
    '<p><button type="submit" class="submit" id="submit">' + h(t('postComment')) + '</button></p></form></div>';
  }

  // The strings and the theme are fetched side by side; the widget is drawn once both are settled: without theme.js in
  // the plain theme, without any strings (not even en) as a line that says so, whose Retry button starts again.
  var host, root;
  function start(retried) {
    var waiting = 2, strings = false;
    function settled() { if (--waiting === 0) (strings ? main : unavailable)(retried); }
    loadStrings(lang, function () { strings = true; settled(); }, settled);
    loadScript('/theme.js', function () { return window.CommentsTheme; }, settled, settled);
  }
  start();
  // The host element after the script tag and its shadow root, made once.
  function mount() {
    if (host) return;
    host = document.createElement('div');
    host.id = 'comments-widget';
    host.setAttribute('style', 'display:block!important;visibility:visible!important');
    // The theme: the script's data-theme, else the page's <html data-theme> (followed when it changes), else the system's.
    function theme() {
      var t = script.dataset.theme || document.documentElement.getAttribute('data-theme');
      if (t === 'dark' || t === 'light') host.setAttribute('data-theme', t); else host.removeAttribute('data-theme');
    }
    theme();
    if (!script.dataset.theme) new MutationObserver(theme).observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    script.parentNode.insertBefore(host, script.nextSibling);
    root = host.attachShadow({ mode: 'open' });
  }
  function unavailable(retried) {
    mount();
    root.innerHTML = '<style>' + css() + '</style><p class="form-error" id="unavailable" role="alert" lang="en">Comments could not be loaded. ' +
      '<button type="button" class="submit">Retry</button></p>';
    var retry = root.querySelector('button');
    retry.addEventListener('click', function () { retry.disabled = true; start(true); });
    if (retried) retry.focus();
  }
  function main() {
    mount();
    root.innerHTML = '<style>' + css() + '</style><section class="comments" aria-labelledby="comments-title" lang="' + lang + '" dir="' + (RTL.indexOf(lang) >= 0 ? 'rtl' : 'ltr') + '">' +
      '<div class="bar"><h2 id="comments-title" aria-live="polite">' + h(t('comments')) + '</h2>' +
      '<label class="sort-label">' + h(t('sortBy')) + ' <select id="sort"><option value="oldest">' + h(t('sortOldest')) + '</option><option value="newest">' + h(t('sortNewest')) + '</option><option value="liked">' + h(t('sortLiked')) + '</option></select></label></div>' +
      '<button type="button" class="newbar" id="newbar" hidden></button><ol id="thread" class="comment-list"></ol>' +
      '<p><button type="button" class="more" id="more" hidden>' + h(t('loadMore')) + '</button></p>' +
      '<p class="form-error" id="load-error" role="alert"></p>' + formHtml() + '<div class="sr" aria-live="polite" id="announce"></div></section>';
    host.dataset.lang = lang;

    function $(id) { return root.getElementById(id); }
    var list = $('thread'), form = $('commentform'), respond = $('respond'), formHome = respond.parentNode;
    var fields = { text: $('comment'), authorName: $('author'), authorEmail: $('email'), authorUrl: $('url') };
    var state = { likes: {}, maxDepth: Infinity, sort: 'oldest', next: null, count: 0, maxCursor: 0, nodes: {}, orphans: {}, parentId: null, queued: [] };

    if (!needIdentity) Array.prototype.forEach.call(root.querySelectorAll('.req'), function (el) { el.hidden = true; });
    fields.text.maxLength = LIMITS.text; fields.authorName.maxLength = LIMITS.authorName;
    fields.authorEmail.maxLength = LIMITS.authorEmail; fields.authorUrl.maxLength = LIMITS.authorUrl;

    // ----- reading -----
    function el(tag, cls, text) {
      var e = document.createElement(tag);
      if (cls) e.className = cls;
      if (text != null) e.textContent = text;
      return e;
    }

    function setCount(n) {
      state.count = n;
      $('comments-title').textContent = n === 0 ? t('noComments') : t('commentCount', { n: n });
    }

    function commentNode(c, pending) {
      var li = el('li', pending ? 'comment pending' : 'comment');
      li.id = 'comment-' + c.id;
      li.dataset.id = c.id;
      li.dataset.cursor = c.cursor || '';
      var art = el('article');
      art.setAttribute('aria-label', t('commentBy', { name: c.authorName }));
      var meta = el('div', 'meta');
      if (avatars) meta.appendChild(avatar(c.authorName));
      var who = el('b', 'author');
      if (c.authorUrl && /^https?:\/\//i.test(c.authorUrl)) {
        var a = el('a', null, c.authorName);
        a.href = c.authorUrl; a.rel = 'nofollow ugc noopener'; a.target = '_blank';
        who.appendChild(a);
      } else who.textContent = c.authorName;
      meta.appendChild(who);
      var when = el('time');
      when.dateTime = c.createdAt;
      stamp(when);
      meta.appendChild(when);
      if (c.pinned) meta.appendChild(el('span', 'pinned', t('pinned')));
      art.appendChild(meta);
      if (pending) art.appendChild(el('p', 'awaiting', t('awaiting')));
      var body = el('div', 'body');
      if (pending) body.textContent = c.text; else body.innerHTML = c.html; // server-sanitized HTML only
      art.appendChild(body);
      if (!pending) {
        var actions = el('div', 'actions');
        var like = el('button', 'link like');
        like.type = 'button';
        like.setAttribute('aria-pressed', String(liked().indexOf(c.id) >= 0));
        like.appendChild(el('span', null, '\u2665 '));
        like.appendChild(el('span', 'likes'));
        like.dataset.name = c.authorName;
        showLikes(like, state.likes[c.id] || 0);
        like.addEventListener('click', function () { sendLike(c.id, like); });
        actions.appendChild(like);
        // The server refuses a reply deeper than the site's maximum, so none is offered there.
        if (!(c.depth >= state.maxDepth)) {
          var reply = el('button', 'link reply', t('reply'));
          reply.type = 'button';
          reply.setAttribute('aria-label', t('replyLabel', { name: c.authorName }));
          reply.addEventListener('click', function () { startReply(c); });
          actions.appendChild(reply);
        }
        actions.appendChild(reportButton(c, art));
        var own = mine()[c.id];
        if (own && Date.now() - own.at < EDIT_MS) ownActions(c, own, art, actions);
        art.appendChild(actions);
      }
      li.appendChild(art);
      li.appendChild(el('ol', 'children'));
      return li;
    }

    function cursorOf(li) { return Number(li.dataset.cursor || Infinity); }
    function likesOf(li) { return state.likes[li.dataset.id] || 0; }

    // Replies sit under their parent, oldest first; top level follows the chosen sort.
    function place(li, c) {
      var parentLi = c.parentId ? state.nodes[c.parentId] : null;
      if (c.parentId && !parentLi) {
        (state.orphans[c.parentId] = state.orphans[c.parentId] || []).push([li, c]);
        return;
      }
      var holder = parentLi ? parentLi.lastChild : list;
      var desc = !parentLi && state.sort === 'newest', byLikes = !parentLi && state.sort === 'liked';
      var mine = cursorOf(li), kids = holder.children, before = null;
      for (var i = 0; i < kids.length; i++) {
        var other = cursorOf(kids[i]), diff = byLikes ? likesOf(kids[i]) - likesOf(li) : 0;
        if (diff < 0 || (diff === 0 && (desc ? other < mine : other > mine))) { before = kids[i]; break; }
      }
      holder.insertBefore(li, before);
      var waiting = state.orphans[c.id];
      if (waiting) { delete state.orphans[c.id]; waiting.forEach(function (w) { place(w[0], w[1]); }); }
    }

    function addComment(c, fresh) {
      if (state.nodes[c.id]) return false;
      var cur = Number(c.cursor);
      if (cur > state.maxCursor) state.maxCursor = cur;
      var own = root.getElementById('comment-' + c.id);
      if (own) own.remove(); // our own held comment, now published
      forgetPending(c.id);
      var li = commentNode(c, false);
      state.nodes[c.id] = li;
      place(li, c);
      if (fresh) {
        li.classList.add('new');
        li.addEventListener('animationend', function () { li.classList.remove('new'); });
        $('announce').textContent = t('newFrom', { name: c.authorName });
      }
      return true;
    }

    function rerender(c) {
      var old = state.nodes[c.id];
      if (!old) return;
      var fresh = commentNode(c, false);
      fresh.replaceChild(old.lastChild, fresh.lastChild);
      old.parentNode.replaceChild(fresh, old);
      state.nodes[c.id] = fresh;
    }

    function load(reset) {
      var liked = state.sort === 'liked';
      var url = threadUrl + '?sort=' + (liked ? 'oldest' : state.sort) + '&limit=' + (liked ? 200 : 50) + (!reset && state.next ? '&cursor=' + state.next : '');
      $('load-error').textContent = '';
      return fetch(url).then(answer).then(function (page) {
        if (reset) { list.textContent = ''; state.nodes = {}; state.orphans = {}; }
        if (page.maxDepth != null) state.maxDepth = page.maxDepth;
        $('notify-row').hidden = !page.notify; // offered only where the server sends mail
        $('notify-posts-row').hidden = !page.notify;
        page.comments.forEach(function (c) { addComment(c, false); });
        state.next = page.nextCursor;
        if (liked && state.next) return load(false);
        $('more').hidden = !state.next;
        setCount(page.count);
        if (reset) { showPending(); checkPending(); }
      }).catch(function (e) { $('load-error').textContent = t('loadFailed') + ' ' + (said(e.code, e.title) || ''); });
    }

    function answer(r) {
      return r.json().catch(function () { return {}; }).then(function (body) {
        if (!r.ok) { body.status = r.status; throw body; }
        return body;
      });
    }

    $('more').addEventListener('click', function () { load(false); });
    $('sort').addEventListener('change', function (e) {
      state.sort = e.target.value; state.next = null;
      (state.sort === 'liked' ? loadLikes() : Promise.resolve()).then(function () { load(true); });
    });

    // ----- the reader's own held comments: kept locally with the token the 202 returned -----
    function pendingList() {
      try {
        var week = Date.now() - 7 * 864e5;
        return (JSON.parse(localStorage.getItem(PENDING_KEY)) || []).filter(function (p) { return p.at > week; });
      } catch (e) { return []; }
    }
    function savePending(items) {
      try { items.length ? localStorage.setItem(PENDING_KEY, JSON.stringify(items)) : localStorage.removeItem(PENDING_KEY); } catch (e) { /* private mode */ }
    }
    function forgetPending(id) {
      var items = pendingList(), kept = items.filter(function (p) { return p.id !== id; });
      if (kept.length !== items.length) savePending(kept);
    }
    function showPending() {
      pendingList().forEach(function (p) {
        if (state.nodes[p.id] || root.getElementById('comment-' + p.id)) return;
        var li = commentNode({ id: p.id, authorName: p.name, text: p.text, createdAt: new Date(p.at).toISOString() }, true);
        var parentLi = p.parentId && state.nodes[p.parentId];
        (parentLi ? parentLi.lastChild : list).appendChild(li);
      });
    }

    // A held comment a moderator rejected leaves the author's page; an approved one joins the thread.
    // Asked once per load, one small POST per held comment, with the token the 202 returned.
    function checkPending() {
      pendingList().forEach(function (p) {
        if (!p.token) return;
        ownPost(p.id, 'status', { token: p.token }).then(function (r) {
          if (r.status === 'pending') return;
          forgetPending(p.id);
          if (r.status === 'published' && r.comment) addComment(r.comment, false);
          else dropPending(p.id);
        }).catch(function (e) { if (e.status === 404 || e.status === 403) { forgetPending(p.id); dropPending(p.id); } });
      });
    }
    function dropPending(id) {
      var li = root.getElementById('comment-' + id);
      if (li && !state.nodes[id]) li.remove();
      var all = mine();
      if (all[id]) { delete all[id]; store(MINE_KEY, all); }
    }

    // ----- likes: one per comment per browser, by a random reader token -----
    function store(key, value) { try { localStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* unavailable */ } }
    function read(key) { try { return JSON.parse(localStorage.getItem(key)); } catch (e) { return null; } }
    function liked() { return read(LIKED_KEY) || []; }
    function readerToken() {
      var t = read('comments:reader');
      if (!t) { t = randomKey(); store('comments:reader', t); }
      return t;
    }
    function setLikes(id, n) {
      state.likes[id] = n;
      var li = state.nodes[id];
      if (li) showLikes(li.querySelector('.like'), n);
    }
    // The count is in the button's text and in its accessible name.
    function showLikes(button, n) {
      button.querySelector('.likes').textContent = numbers.format(n);
      button.setAttribute('aria-label', t('likeLabel', { name: button.dataset.name, n: n }));
    }
    function sendLike(id, button) {
      if (button.getAttribute('aria-pressed') === 'true') return;
      button.disabled = true;
      fetch(base + '/comments/' + id + '/likes', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ reader: readerToken() }) })
        .then(answer).then(function (r) {
          setLikes(id, r.likes);
          button.setAttribute('aria-pressed', 'true');
          store(LIKED_KEY, liked().concat([id]).slice(-500));
        }).catch(function (p) { $('load-error').textContent = said(p.code, p.title) || t('likeFailed'); })
        .then(function () { button.disabled = false; });
    }
    function loadLikes() {
      return fetch(base + '/threads/' + encodeURIComponent(thread) + '/likes').then(answer).then(function (r) {
        Object.keys(r.likes).forEach(function (id) { setLikes(id, r.likes[id]); });
      }).catch(function () { /* counts stay at zero */ });
    }

    // ----- the author's own edit and delete, within the site's window, with the token from the submission -----
    function mine() {
      var all = read(MINE_KEY) || {}, now = Date.now();
      Object.keys(all).forEach(function (id) { if (now - all[id].at > EDIT_MS) delete all[id]; });
      return all;
    }
    function remember(id, token, text) { var all = mine(); all[id] = { token: token, text: text, at: Date.now() }; store(MINE_KEY, all); }
    function ownActions(c, own, art, actions) {
      var edit = el('button', 'link edit', t('edit')), del = el('button', 'link delete', t('delete'));
      edit.type = del.type = 'button';
      edit.addEventListener('click', function () {
        var body = art.querySelector('.body');
        if (art.querySelector('.editor')) return;
        var box = el('div', 'editor'), label = el('label', null, t('editYour')), area = el('textarea');
        area.id = 'edit-' + c.id; label.htmlFor = area.id; area.value = own.text || ''; area.maxLength = LIMITS.text;
        var save = el('button', 'submit', t('save')), cancel = el('button', 'link', t('cancel')), err = el('p', 'error');
        save.type = cancel.type = 'button'; err.setAttribute('role', 'alert');
        box.appendChild(label); box.appendChild(area); box.appendChild(err); box.appendChild(save); box.appendChild(document.createTextNode(' ')); box.appendChild(cancel);
        body.hidden = true; art.insertBefore(box, body.nextSibling); area.focus();
        cancel.addEventListener('click', function () { box.remove(); body.hidden = false; edit.focus(); });
        save.addEventListener('click', function () {
          ownPost(c.id, 'edit', { token: own.token, text: area.value }).then(function (r) {
            if (r.comment) body.innerHTML = r.comment.html;
            else { body.textContent = area.value; $('announce').textContent = t('editHeld'); } // 202: the edit was held
            own.text = area.value; remember(c.id, own.token, area.value);
            box.remove(); body.hidden = false; edit.focus();
          }).catch(function (p) { err.textContent = (p.fields && p.fields[0] && said(p.fields[0].code, p.fields[0].message)) || said(p.code, p.title) || t('notSaved'); });
        });
      });
      del.addEventListener('click', function () {
        if (!del.dataset.confirm) { del.dataset.confirm = 'yes'; del.textContent = t('confirmDelete'); return; }
        ownPost(c.id, 'delete', { token: own.token }).then(function () {
          var li = state.nodes[c.id];
          if (li) { li.remove(); delete state.nodes[c.id]; }
          var all = mine(); delete all[c.id]; store(MINE_KEY, all);
          $('announce').textContent = t('deleted');
        }).catch(function (p) { delete del.dataset.confirm; del.textContent = t('delete'); $('load-error').textContent = said(p.code, p.title) || t('notDeleted'); });
      });
      actions.appendChild(edit); actions.appendChild(del);
    }
    // ----- report: a reason sent to the flags API, once per reader (the server knows the reader by address) -----
    function reported() { return read(REPORTED_KEY) || []; }
    function reportButton(c, art) {
      var done = reported().indexOf(c.id) >= 0;
      var button = el('button', 'link report', done ? t('reported') : t('report'));
      button.type = 'button';
      button.disabled = done;
      button.setAttribute('aria-label', done ? t('reported') : t('reportLabel', { name: c.authorName }));
      button.addEventListener('click', function () { openReport(c, art, button); });
      return button;
    }
    function openReport(c, art, button) {
      var open = art.querySelector('.report-form');
      if (open) { open.querySelector('input').focus(); return; }
      var box = el('form', 'report-form'), set = el('fieldset'), err = el('p', 'error');
      box.noValidate = true;
      set.appendChild(el('legend', null, t('reportTitle')));
      REASONS.forEach(function (r) {
        var label = el('label', 'choice'), input = el('input');
        input.type = 'radio'; input.name = 'reason'; input.value = r;
        label.appendChild(input); label.appendChild(document.createTextNode(t('reason.' + r)));
        set.appendChild(label);
      });
      var send = el('button', 'submit', t('sendReport')), cancel = el('button', 'link', t('cancel'));
      send.type = 'submit'; cancel.type = 'button'; err.setAttribute('role', 'alert');
      box.appendChild(set); box.appendChild(err); box.appendChild(send); box.appendChild(document.createTextNode(' ')); box.appendChild(cancel);
      art.appendChild(box);
      set.querySelector('input').focus();
      cancel.addEventListener('click', function () { box.remove(); button.focus(); });
      box.addEventListener('submit', function (e) {
        e.preventDefault();
        var chosen = box.querySelector('input:checked');
        if (!chosen) { err.textContent = t('reportTitle'); set.querySelector('input').focus(); return; }
        send.disabled = true; err.textContent = '';
        fetch(base + '/comments/' + c.id + '/flags', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ reason: chosen.value }) })
          .then(answer).then(function () { confirmed(t('reportThanks')); })
          .catch(function (p) {
            if (p.status === 409) confirmed(t('alreadyReported'));
            else { err.textContent = t('reportFailed'); send.disabled = false; }
          });
      });
      function confirmed(message) {
        store(REPORTED_KEY, reported().concat([c.id]).slice(-500));
        box.remove();
        button.textContent = t('reported'); button.setAttribute('aria-label', t('reported')); button.disabled = true;
        var note = el('p', 'reported-note', message);
        note.setAttribute('role', 'status'); note.tabIndex = -1;
        art.appendChild(note);
        note.focus();
      }
    }

    function ownPost(id, what, body) {
      return fetch(base + '/comments/' + id + '/' + what, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }).then(answer);
    }

    // ----- writing -----
    function bytes(s) { return new TextEncoder().encode(s).length; }
    function isEmail(v) { // mirrors TextChecks.IsEmail on the server
      var at = v.indexOf('@');
      if (at <= 0 || at !== v.lastIndexOf('@') || at === v.length - 1) return false;
      var local = v.slice(0, at), labels = v.slice(at + 1).split('.');
      if (local.length > 64 || local[0] === '.' || local[local.length - 1] === '.' || local.indexOf('..') >= 0) return false;
      if (/[\s()<>[\]\\,;:"\u007f-\uffff\u0000-\u001f]/.test(local) || labels.length < 2) return false;
      for (var i = 0; i < labels.length; i++) {
        if (!/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/.test(labels[i])) return false;
      }
      return /^[A-Za-z]+$/.test(labels[labels.length - 1]);
    }
    function isHttpUrl(v) {
      try { var u = new URL(v); return (u.protocol === 'http:' || u.protocol === 'https:') && !!u.hostname && !u.username && !u.password; } catch (e) { return false; }
    }
    var CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/, CONTROL_LINE = /[\u0000-\u001f\u007f-\u009f]/;

    function check(v) {
      var errors = {};
      function limit(name, max, multiline) {
        var s = v[name];
        if (!s) return;
        if ((multiline ? CONTROL : CONTROL_LINE).test(s)) errors[name] = t('controlChars');
        else if (bytes(s) > max) errors[name] = t('tooLong', { n: max });
      }
      if (!v.text.trim()) errors.text = t('writeComment');
      limit('text', LIMITS.text, true);
      if (needIdentity && !v.authorName.trim()) errors.authorName = t('nameRequired');
      limit('authorName', LIMITS.authorName);
      if (needIdentity && !v.authorEmail.trim()) errors.authorEmail = t('emailRequired');
      else if (v.authorEmail.trim() && !isEmail(v.authorEmail.trim())) errors.authorEmail = t('emailInvalid');
      limit('authorEmail', LIMITS.authorEmail);
      if (v.authorUrl.trim() && !isHttpUrl(v.authorUrl.trim())) errors.authorUrl = t('urlInvalid');
      limit('authorUrl', LIMITS.authorUrl);
      return errors;
    }

    function showErrors(errors, general) {
      Object.keys(fields).forEach(function (name) {
        var input = fields[name], msg = errors[name] || '';
        $(input.id + '-error').textContent = msg;
        if (msg) input.setAttribute('aria-invalid', 'true'); else input.removeAttribute('aria-invalid');
      });
      $('form-error').textContent = general || '';
      var first = Object.keys(fields).filter(function (n) { return errors[n]; })[0];
      if (first) fields[first].focus();
    }

    function startReply(c) {
      state.parentId = c.id;
      state.nodes[c.id].firstChild.appendChild(respond);
      $('reply-title').firstChild.textContent = t('replyTo', { name: c.authorName }) + ' ';
      $('cancel-reply').hidden = false;
      fields.text.focus();
    }
    function cancelReply() {
      state.parentId = null;
      formHome.insertBefore(respond, $('announce'));
      $('reply-title').firstChild.textContent = t('leaveReply') + ' ';
      $('cancel-reply').hidden = true;
    }
    $('cancel-reply').addEventListener('click', function () { cancelReply(); fields.text.focus(); });

    function restoreAuthor() {
      try {
        var saved = JSON.parse(localStorage.getItem(AUTHOR_KEY));
        if (!saved) return;
        fields.authorName.value = saved.name || ''; fields.authorEmail.value = saved.email || ''; fields.authorUrl.value = saved.url || '';
        $('consent').checked = true;
      } catch (e) { /* nothing saved */ }
    }

    function randomKey() {
      var a = new Uint8Array(16);
      crypto.getRandomValues(a);
      return Array.prototype.map.call(a, function (b) { return (b + 256).toString(16).slice(1); }).join('');
    }

    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var v = { text: fields.text.value, authorName: fields.authorName.value, authorEmail: fields.authorEmail.value, authorUrl: fields.authorUrl.value };
      var errors = check(v);
      if (Object.keys(errors).length) { showErrors(errors, t('fixFields')); return; }
      showErrors({});
      try {
        if ($('consent').checked) localStorage.setItem(AUTHOR_KEY, JSON.stringify({ name: v.authorName, email: v.authorEmail, url: v.authorUrl }));
        else localStorage.removeItem(AUTHOR_KEY);
      } catch (err) { /* storage unavailable */ }
      var button = $('submit');
      button.disabled = true;
      var parentId = state.parentId;
      fetch(threadUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomKey() },
        body: JSON.stringify({
          text: v.text, authorName: v.authorName, authorEmail: v.authorEmail, authorUrl: v.authorUrl || null,
          parentId: parentId, threadTitle: document.title.slice(0, 200) || null,
          threadUrl: /^https?:/.test(location.protocol) ? location.href.split('#')[0].slice(0, 1500) : null,
          honeypot: $('hp').value || null,
          notify: !$('notify-row').hidden && $('notify').checked ? true : null,
          notifyPosts: !$('notify-posts-row').hidden && $('notify-posts').checked ? true : null,
          lang: lang // the reader's mails come in it
        })
      }).then(function (r) {
        return answer(r).then(function (body) {
          fields.text.value = '';
          cancelReply();
          if (r.status === 201) {
            if (r.headers.get('Author-Token')) remember(body.id, r.headers.get('Author-Token'), v.text);
            // Live readers get the count inside commentPublished; without the hub, count it here.
            if (addComment(body, true)) { if (host.dataset.live !== 'on') setCount(state.count + 1); }
            else rerender(body); // the live event came first: redraw it with the author's own buttons
            var mine = state.nodes[body.id];
            if (mine) mine.scrollIntoView({ block: 'nearest' });
          } else {
            var items = pendingList();
            remember(body.id, body.token, v.text);
            items.push({ id: body.id, token: body.token, text: v.text, name: v.authorName.trim() || t('anonymous'), parentId: parentId, at: Date.now() });
            savePending(items);
            showPending();
            $('announce').textContent = t('awaiting');
          }
        });
      }).catch(function (p) {
        var errs = {}, general = said(p.code, p.title) || t('sendFailed');
        (p.fields || []).forEach(function (f) { var text = said(f.code, f.message); if (fields[f.field]) errs[f.field] = text; else general = text; });
        showErrors(errs, general);
      }).then(function () { button.disabled = false; });
    });

    // ----- live -----
    function midThread() {
      var box = list.getBoundingClientRect();
      return box.top < 0 && box.bottom > 0;
    }
    function arrive(c) {
      if (state.nodes[c.id]) return;
      // With oldest-first and pages still unread, the newest belongs after them: 'load more' brings it.
      if (state.sort === 'oldest' && state.next && !c.parentId) return;
      if (midThread()) {
        state.queued.push(c);
        var bar = $('newbar'), n = state.queued.length;
        bar.textContent = t('newBar', { n: n });
        bar.hidden = false;
        return;
      }
      addComment(c, true);
    }
    $('newbar').addEventListener('click', function () {
      var first = null;
      state.queued.splice(0).forEach(function (c) { if (addComment(c, true) && !first) first = state.nodes[c.id]; });
      $('newbar').hidden = true;
      if (first) { first.scrollIntoView({ block: 'start' }); first.querySelector('.reply').focus({ preventScroll: true }); }
    });

    function catchUp() {
      return fetch(threadUrl + '?after=' + state.maxCursor + '&limit=200').then(answer).then(function (page) {
        page.comments.forEach(arrive);
        setCount(page.count);
        if (page.nextCursor) return catchUp();
      });
    }

    function connect() {
      var signalR = window.signalR;
      var hub = new signalR.HubConnectionBuilder().withUrl(api + '/hubs/comments')
        .withAutomaticReconnect([0, 1000, 2000, 5000, 10000, 30000]).configureLogging(signalR.LogLevel.None).build();
      // One message per comment: the thread's count after it comes inside (commentRemoved too).
      hub.on('commentPublished', function (c) { if (c.threadId === thread) { arrive(c); setCount(c.count); } });
      hub.on('commentUpdated', function (c) {
        var old = state.nodes[c.id];
        if (old) old.querySelector('.body').innerHTML = c.html;
      });
      hub.on('commentRemoved', function (c) {
        var old = state.nodes[c.id];
        if (old) { old.remove(); delete state.nodes[c.id]; }
        if (c.threadId === thread) setCount(c.count);
      });
      hub.on('likesChanged', function (l) { if (l.threadId === thread) setLikes(l.id, l.likes); });
      function joined() { return hub.invoke('JoinThread', site, thread).then(function () { host.dataset.live = 'on'; return catchUp(); }); }
      // After the client's own retries give up (a laptop asleep, a long outage), keep trying every 30 s.
      function retryLater() { if (hub.state === signalR.HubConnectionState.Disconnected) setTimeout(start, 30000); }
      function start() {
        hub.start().then(joined).catch(function () { host.dataset.live = 'off'; retryLater(); });
      }
      hub.onreconnecting(function () { host.dataset.live = 'reconnecting'; });
      hub.onreconnected(function () { joined().catch(function () {}); });
      hub.onclose(function () { host.dataset.live = 'off'; retryLater(); });
      host.dataset.live = 'connecting';
      start();
    }

    function loadClient() {
      if (window.signalR) return connect();
      var s = document.createElement('script');
      s.src = api + '/vendor/signalr.min.js';
      s.async = true;
      s.onload = connect;
      document.head.appendChild(s);
    }

    restoreAuthor();
    host.dataset.thread = thread;
    setInterval(function () { Array.prototype.forEach.call(root.querySelectorAll('time'), stamp); }, 30000);
    load(true).then(loadLikes).then(function () { host.dataset.ready = 'true'; loadClient(); });
  }
})();
