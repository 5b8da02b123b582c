/*! Comment counts for listing pages:
 * <script src="https://comments.example/count.js" data-site="blog1" async></script>
 * Every element with data-comments-thread="post-42" gets its published count as text
 * ("No comments", "1 comment", "5 comments") and in data-comments-count, in one batch request
 * per 100 threads. */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.dataset.site) return;
  var base = new URL(script.src, location.href).origin + '/api/sites/' + encodeURIComponent(script.dataset.site) + '/counts?';
  var elements = Array.prototype.slice.call(document.querySelectorAll('[data-comments-thread]'));
  var threads = [];
  elements.forEach(function (e) {
    var id = e.getAttribute('data-comments-thread');
    if (/^[A-Za-z0-9._:~-]{1,128}$/.test(id) && threads.indexOf(id) < 0) threads.push(id);
  });
  function label(n) { return n === 0 ? 'No comments' : n === 1 ? '1 comment' : n + ' comments'; }
  for (var i = 0; i < threads.length; i += 100) {
    var query = threads.slice(i, i + 100).map(function (t) { return 'thread=' + encodeURIComponent(t); }).join('&');
    fetch(base + query).then(function (r) { return r.ok ? r.json() : null; }).then(function (body) {
      if (!body) return;
      elements.forEach(function (e) {
        var n = body.counts[e.getAttribute('data-comments-thread')];
        if (typeof n !== 'number') return;
        e.textContent = label(n);
        e.setAttribute('data-comments-count', String(n));
      });
    });
  }
})();
