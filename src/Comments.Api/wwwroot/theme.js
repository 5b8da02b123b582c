/*! Comments theme, shared by the widget (embed.js) and the sign-up box (signup.js), which load it next to their
 * language file. Every colour, font and radius is a custom property the host page can set anywhere above the box
 * (`:root{--comments-accent:#7a3e9d}`); the --c-* defaults are the light theme, or the dark one when the page says
 * data-theme="dark" (on <html> or the script) or prefers-color-scheme is dark. */
window.CommentsTheme = window.CommentsTheme || (function () {
  'use strict';
  var LIGHT = '--c-text:#1e1e1e;--c-muted:#50575e;--c-bg:transparent;--c-pad:0;--c-field:#fff;--c-border:#8c8f94;--c-line:#e2e2e2;' +
    '--c-link:#0a58ca;--c-accent:#2271b1;--c-on-accent:#fff;--c-danger:#b32d2e;--c-warn:#8a5a00;--c-flash:#fff3b0;--c-ok:#00702a';
  var DARK = '--c-text:#ececec;--c-muted:#b4b9c0;--c-bg:#1b1c1f;--c-pad:.25rem 1rem;--c-field:#26282c;--c-border:#8c8f94;--c-line:#3a3d42;' +
    '--c-link:#8ab4f8;--c-accent:#8ab4f8;--c-on-accent:#0d1b2e;--c-danger:#ff9a9a;--c-warn:#f0c674;--c-flash:#4a4320;--c-ok:#8fd19e;color-scheme:dark!important';
  /** A colour by name: the page's --comments-<name>, else the theme's --c-<name>. */
  function v(name) { return 'var(--comments-' + name + ',var(--c-' + name + '))'; }
  // The shadow host: nothing of the page's CSS applies to it, the theme's properties, the page's font.
  var host = ':host{all:initial!important;display:block!important;visibility:visible!important;position:static!important;' + LIGHT + ';' +
    'font-family:var(--comments-font,inherit)!important;font-size:var(--comments-font-size,16px)!important;line-height:1.5!important;' +
    'color:' + v('text') + '!important;background:' + v('bg') + '!important;padding:' + v('pad') + '!important;' +
    'border-radius:var(--comments-radius,4px)!important;max-width:46rem!important;margin:2rem 0!important}' +
    ':host([data-theme=dark]){' + DARK + '}@media (prefers-color-scheme:dark){:host(:not([data-theme=light])){' + DARK + '}}' +
    '*{box-sizing:border-box;display:revert;visibility:visible;font-size:inherit;line-height:inherit}[hidden]{display:none!important}';
  return { v: v, host: host };
})();
