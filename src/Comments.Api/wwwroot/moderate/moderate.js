// The moderator page: plain JS, no build step. Text from comments is only ever inserted with
// textContent; the comment body is the server's sanitized HTML.
"use strict";

const QUEUES = ["pending", "spam", "reported", "published", "rejected", "deleted"];
const REASONS = ["offensive", "abusive", "spam", "off-topic", "other"];
const $ = (id) => document.getElementById(id);

// ---- language --------------------------------------------------------------------------------
// ?lang= or the browser's languages; strings from /moderate/lang/<code>.js (English is always loaded).

const LANGS = ["en", "de", "fr", "es", "ru", "uk", "ko", "ar"];
const RTL = ["ar"];
const i18n = { lang: "en", strings: {}, plural: new Intl.PluralRules("en"), numbers: new Intl.NumberFormat("en") };

function pickLang() {
  const asked = new URLSearchParams(location.search).get("lang");
  for (const candidate of [asked, ...(navigator.languages ?? [navigator.language])]) {
    const code = (candidate ?? "").toLowerCase().split(/[-_]/)[0];
    if (LANGS.includes(code)) return code;
  }
  return "en";
}

function loadLang(code) {
  if (code === "en" || window.ModerateLang?.[code]) return Promise.resolve(code);
  return new Promise((resolve) => {
    const script = document.createElement("script");
    script.src = `/moderate/lang/${code}.js`;
    script.onload = () => resolve(window.ModerateLang?.[code] ? code : "en");
    script.onerror = () => resolve("en");
    document.head.appendChild(script);
  });
}

async function useLang() {
  const code = await loadLang(pickLang());
  i18n.lang = code;
  i18n.strings = window.ModerateLang?.[code] ?? {};
  i18n.plural = new Intl.PluralRules(code);
  i18n.numbers = new Intl.NumberFormat(code);
  document.documentElement.lang = code;
  document.documentElement.dir = RTL.includes(code) ? "rtl" : "ltr";
  translate(document);
  translate($("card").content);
}

/** A string by key; {n} is a localized number that picks the plural form, other {names} are filled in. */
function t(key, vars = {}) {
  let text = i18n.strings[key] ?? window.ModerateLang?.en?.[key] ?? key;
  if (typeof text === "object") text = text[i18n.plural.select(vars.n ?? 0)] ?? text.other;
  return text.replace(/\{(\w+)\}/g, (m, name) => !(name in vars) ? m : name === "n" ? i18n.numbers.format(vars.n) : String(vars[name]));
}

function translate(root) {
  for (const el of root.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  for (const [attribute, data] of [["title", "i18nTitle"], ["aria-label", "i18nAriaLabel"], ["placeholder", "i18nPlaceholder"]])
    for (const el of root.querySelectorAll(`[data-i18n-${attribute}]`)) el.setAttribute(attribute, t(el.dataset[data]));
}

/** A reader's or moderator's reason (offensive, spam…) in the page's language; an unknown one as it is. */
const reasonName = (reason) => (`reason.${reason}` in (window.ModerateLang?.en ?? {}) ? t(`reason.${reason}`) : reason);

const state = {
  key: sessionStorage.getItem("moderatorKey"),
  me: null,
  site: null,
  queue: "pending",
  items: new Map(),      // id → { item, el }
  focused: null,
  picked: new Set(),
  rejecting: null,       // id of the card waiting for a reject reason
  nextCursor: null,
  connection: null,
  arrivals: 0,
  loading: Promise.resolve(), // the queue load in flight: live changes wait for it
  loads: 0,              // how many queue loads were asked for: a retry stands down when a newer one was
  loadFailures: 0,       // failed loads in a row, for the retry's back-off
  loadRetry: null,
  filter: { q: "", reason: "", from: "", to: "", thread: "" },
};

class Problem extends Error {
  constructor(status, body) {
    super(body?.title || `HTTP ${status}`);
    this.status = status;
    this.code = body?.code;
  }
}

async function api(path, options = {}) {
  const response = await fetch(path, {
    ...options,
    headers: { Authorization: `Bearer ${state.key}`, ...(options.body ? { "Content-Type": "application/json" } : {}) },
  });
  const body = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) throw new Problem(response.status, body);
  return body;
}

const sitePath = (rest) => `/api/moderation/sites/${encodeURIComponent(state.site)}${rest}`;

// ---- sign in ---------------------------------------------------------------------------------

async function signIn(key) {
  state.key = key;
  try {
    state.me = await api("/api/moderation/me");
  } catch (e) {
    sessionStorage.removeItem("moderatorKey");
    state.key = null;
    $("sign-in-error").textContent = e.status === 401 ? t("keyInvalid") : t("signInFailed", { error: e.message });
    return;
  }
  sessionStorage.setItem("moderatorKey", key);
  $("sign-in").hidden = true;
  $("sign-out").hidden = false;
  $("bans-button").hidden = false;
  $("numbers-button").hidden = state.me.role !== "admin";
  const sites = $("site");
  sites.replaceChildren(...state.me.sites.map((s) => new Option(`${s.displayName} (${s.id})`, s.id)));
  sites.hidden = state.me.sites.length < 2;
  state.site = state.me.sites[0]?.id ?? null;
  renderTabs();
  $("tabs").hidden = false;
  $("filters").hidden = false;
  await connect();
  await loadQueue();
}

function signOut() {
  sessionStorage.removeItem("moderatorKey");
  location.reload();
}

// ---- live queue ------------------------------------------------------------------------------

// The client's own retries (0, 1, 2, 5 s) cover a blip. Once it gives up and the connection closes,
// the page keeps trying by itself (after 2, 5, 10, then every 30 s) and reloads the queue when back.
const RETRY_MS = [2000, 5000, 10000, 30000];

async function connect() {
  const connection = new signalR.HubConnectionBuilder()
    .withUrl("/hubs/moderation", { accessTokenFactory: () => state.key })
    .withAutomaticReconnect([0, 1000, 2000, 5000])
    .build();
  connection.on("queueItemAdded", onAdded);
  connection.on("queueItemUpdated", onUpdated);
  connection.on("queueItemRemoved", onRemoved);
  connection.on("queueCounts", (n) => { if (n.site === state.site) renderCounts(n.counts); });
  connection.onreconnecting(() => setLive(t("reconnecting")));
  connection.onreconnected(async () => { await connection.invoke("Listening"); setLive(t("live")); await loadQueue(); });
  connection.onclose(() => { setLive(t("offline")); retry(connection, 0); });
  await connection.start();
  // Answered once this connection hears its sites: the queue loaded after it misses nothing.
  await connection.invoke("Listening");
  state.connection = connection;
  setLive(t("live"));
}

async function onAdded(notice) {
  await state.loading;
  if (notice.site !== state.site || notice.queue !== state.queue || state.items.has(notice.id)) return;
  const item = await api(sitePath(`/comments/${notice.id}`)).catch(() => null);
  if (!item || item.queue !== state.queue || state.items.has(item.id) || !matchesFilter(item)) return;
  append(item);
  state.arrivals++;
  setLive(t("liveNew", { n: state.arrivals }));
  if (!state.focused) focus(item.id);
  updateEmpty();
}

async function onUpdated(notice) {
  await state.loading;
  if (notice.site !== state.site || !state.items.has(notice.id)) return;
  const item = await api(sitePath(`/comments/${notice.id}`)).catch(() => null);
  if (item) replace(item);
}

async function onRemoved(notice) {
  await state.loading;
  if (notice.site === state.site && notice.queue === state.queue) drop(notice.id);
}

function retry(connection, attempt) {
  clearTimeout(state.retry);
  state.retry = setTimeout(async () => {
    try {
      await connection.start();
      await connection.invoke("Listening");
      setLive(t("live"));
      await loadQueue();
    } catch {
      if (connection.state === signalR.HubConnectionState.Disconnected) retry(connection, attempt + 1);
    }
  }, RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)]);
}

function setLive(text) { $("live").textContent = text; }

// ---- queue -----------------------------------------------------------------------------------

function renderTabs() {
  $("tabs").replaceChildren(...QUEUES.map((q, i) => {
    const tab = document.createElement("button");
    tab.type = "button";
    tab.role = "tab";
    tab.dataset.queue = q;
    tab.title = `${t("queue." + q)} (${i + 1})`;
    tab.setAttribute("aria-selected", String(q === state.queue));
    const name = document.createElement("span");
    name.textContent = t("queue." + q) + " ";
    const count = document.createElement("span");
    count.className = "count";
    count.dataset.count = q;
    tab.append(name, count);
    tab.addEventListener("click", () => switchQueue(q));
    return tab;
  }));
}

function renderCounts(counts) {
  for (const q of QUEUES) {
    const el = document.querySelector(`[data-count="${q}"]`);
    if (el) el.textContent = String(counts[q] ?? 0);
  }
}

async function switchQueue(queue) {
  state.queue = queue;
  for (const tab of $("tabs").children) tab.setAttribute("aria-selected", String(tab.dataset.queue === queue));
  await loadQueue();
}

function loadQueue() {
  const asked = ++state.loads;
  state.loading = state.loading.catch(() => {}).then(() => renderQueue(asked));
  return state.loading;
}

// A load that fails (the store timed out, the network dropped) says so and tries again by itself:
// the cards on screen no longer answer the filters or the tab, so the page must not look as if they did.
const LOAD_RETRY_MS = [1000, 2000, 5000, 10000, 30000];

function queueLoadFailed(error, asked) {
  const wait = LOAD_RETRY_MS[Math.min(state.loadFailures++, LOAD_RETRY_MS.length - 1)];
  $("queue-error").hidden = false;
  $("queue-error").textContent = t("queueFailed", { error: error.message, seconds: wait / 1000 });
  clearTimeout(state.loadRetry);
  state.loadRetry = setTimeout(() => { if (state.loads === asked) loadQueue(); }, wait);
}

function queueLoaded() {
  clearTimeout(state.loadRetry);
  state.loadFailures = 0;
  $("queue-error").hidden = true;
  $("queue-error").textContent = "";
}

// Loads run one after another, and live changes wait for the one in flight: an arrival is either
// in the page loaded or appended after it, never lost to a load that replaced the list.
async function renderQueue(asked) {
  if (!state.site) return;
  let page;
  try {
    page = await api(sitePath(`/queue/${state.queue}?limit=100${filterQuery()}`));
  } catch (e) {
    if (e.status !== 400) return queueLoadFailed(e, asked);
    queueLoaded();
    $("filter-error").textContent = e.message;
    return;
  }
  queueLoaded();
  $("filter-error").textContent = "";
  state.items.clear();
  state.picked.clear();
  state.focused = null;
  state.arrivals = 0;
  $("queue").replaceChildren();
  $("queue").hidden = false;
  page.items.forEach(append);
  state.nextCursor = page.nextCursor;
  renderCounts(page.counts);
  renderMore();
  updateBulk();
  updateEmpty();
  if (page.items.length) focus(page.items[0].id);
  $("queue").dataset.site = state.site;
  $("queue").dataset.queue = state.queue;
}

function renderMore() {
  document.querySelector(".more")?.remove();
  if (!state.nextCursor) return;
  const more = document.createElement("button");
  more.type = "button";
  more.className = "more";
  more.textContent = filtering() ? t("searchFurther") : t("loadMore");
  more.addEventListener("click", async () => {
    const page = await api(sitePath(`/queue/${state.queue}?limit=100&cursor=${state.nextCursor}${filterQuery()}`));
    page.items.filter((i) => !state.items.has(i.id)).forEach(append);
    state.nextCursor = page.nextCursor;
    renderMore();
  });
  $("queue").after(more);
}

function updateEmpty() {
  $("empty").hidden = state.items.size > 0;
  $("empty").textContent = filtering()
    ? (state.nextCursor ? t("noMatchYet") : t("noMatch"))
    : t("emptyQueue");
}

// ---- filters ---------------------------------------------------------------------------------

const filtering = () => Object.values(state.filter).some((v) => v);

function filterQuery() {
  return Object.entries({ q: state.filter.q, reason: state.filter.reason, from: state.filter.from, to: state.filter.to, thread: state.filter.thread })
    .filter(([, v]) => v)
    .map(([k, v]) => `&${k}=${encodeURIComponent(v)}`)
    .join("");
}

/** The server's rule (QueueFilter) for items that arrive live while a filter is on. */
function matchesFilter(item) {
  const f = state.filter;
  if (f.thread && item.threadId !== f.thread) return false;
  const day = item.createdAt.slice(0, 10);
  if (f.from && day < f.from) return false;
  if (f.to && day > f.to) return false;
  if (f.reason && !item.reasons.some((r) => r.code === f.reason || r.code.startsWith(f.reason + ".") || r.code.startsWith(f.reason + "_"))) return false;
  const q = f.q.toLowerCase();
  return !q || [item.text, item.authorName, item.authorEmail].some((v) => v && v.toLowerCase().includes(q));
}

function applyFilters(e) {
  e?.preventDefault();
  state.filter.q = $("filter-q").value.trim();
  state.filter.reason = $("filter-reason").value;
  state.filter.from = $("filter-from").value;
  state.filter.to = $("filter-to").value;
  renderArticleFilter();
  loadQueue();
}

function filterArticle(item) {
  state.filter.thread = item?.threadId ?? "";
  state.filter.threadName = item ? (item.article?.title || item.threadId) : "";
  renderArticleFilter();
  loadQueue();
}

function renderArticleFilter() {
  const chip = $("filter-article");
  chip.hidden = !state.filter.thread;
  chip.querySelector(".chip-text").textContent = state.filter.thread ? t("articleFilter", { title: state.filter.threadName }) : "";
}

function clearFilters() {
  $("filters").reset();
  state.filter = { q: "", reason: "", from: "", to: "", thread: "" };
  renderArticleFilter();
  loadQueue();
}

// ---- cards -----------------------------------------------------------------------------------

function append(item) {
  const el = $("card").content.firstElementChild.cloneNode(true);
  el.dataset.id = item.id;
  el.addEventListener("click", (e) => {
    if (e.target.closest("button, input")) return;
    focus(item.id);
  });
  el.querySelector(".pick").addEventListener("change", (e) => pick(item.id, e.target.checked));
  for (const button of el.querySelectorAll("[data-act]")) {
    button.addEventListener("click", () => { focus(item.id); command(button.dataset.act); });
  }
  el.querySelector("[data-only-article]").addEventListener("click", () => filterArticle(state.items.get(item.id)?.item ?? item));
  for (const button of el.querySelectorAll("[data-reason]")) {
    button.addEventListener("click", () => act(item.id, "reject", button.dataset.reason));
  }
  fill(el, item);
  state.items.set(item.id, { item, el });
  $("queue").append(el);
}

function replace(item) {
  const entry = state.items.get(item.id);
  if (!entry) return;
  entry.item = item;
  fill(entry.el, item);
}

function fill(el, item) {
  el.dataset.status = item.status;
  el.querySelector("[data-act=pin] .pin-label").textContent = item.pinned ? t("unpin") : t("pin");
  const text = (selector, value) => { el.querySelector(selector).textContent = value ?? ""; };
  text(".author", item.authorName);
  text(".email", item.authorEmail ?? t("noEmail"));
  text(".ip", item.ip);
  el.querySelector(".ip").title = item.userAgent ?? "";
  const when = el.querySelector(".when");
  when.dateTime = item.createdAt;
  when.textContent = new Date(item.createdAt).toLocaleString(i18n.lang);
  const article = el.querySelector(".article");
  const url = item.article?.url;
  article.hidden = !/^https?:\/\//i.test(url ?? "");
  article.textContent = item.article?.title || url || "";
  if (!article.hidden) article.href = url; else article.removeAttribute("href");
  text(".article-id", article.hidden ? (item.article?.title || item.threadId) : "");
  el.querySelector(".only-article").hidden = state.filter.thread === item.threadId;
  const body = el.querySelector(".body");
  body.innerHTML = item.html; // sanitized by the server (allowlist), never raw user HTML
  highlight(body, wordsOf(item.reasons));
  score(el.querySelector(".score.spam"), item.spamScore);
  score(el.querySelector(".score.toxicity"), item.toxicityScore);
  const h = item.authorHistory;
  text(".history", h ? t("history", { published: h.published, rejected: h.rejected, spam: h.spam }) : t("noHistory"));
  const flags = Object.entries(item.flags ?? {});
  text(".flags", flags.length ? t("flags", { list: flags.map(([r, n]) => `${reasonName(r)} ×${n}`).join(", ") }) : "");
  el.querySelector(".reasons").replaceChildren(...item.reasons.map((r) => {
    const li = document.createElement("li");
    const what = document.createElement("span");
    what.className = "why";
    what.dir = "auto";
    what.textContent = readable(r);
    const code = document.createElement("code");
    code.textContent = r.code;
    li.append(what, " ", code);
    return li;
  }));
  el.classList.toggle("picked", state.picked.has(item.id));
  el.querySelector(".pick").checked = state.picked.has(item.id);
}

function score(el, value) {
  const known = typeof value === "number";
  el.querySelector(".value").textContent = known ? value.toFixed(2) : "–";
  el.querySelector(".meter i").style.width = known ? `${Math.round(value * 100)}%` : "0";
  el.classList.toggle("high", known && value >= 0.8);
  el.classList.toggle("mid", known && value >= 0.5 && value < 0.8);
}

/** A reason as a moderator reads it: "Spam score 0.91, mostly because of its link" rather than model.spam_link. */
function readable(reason) {
  const detail = (reason.detail ?? "").trim();
  const scored = /^(spam|toxicity) (\d\.\d\d)(?: \((.+?)\))?(?:; words that raised it most: (.+?))?\.?$/.exec(detail);
  if (scored) {
    const [, kind, value, note, words] = scored;
    const because = words ? t("why.because", { words: words.replaceAll('"[link]"', t("why.link")).replaceAll('"[phone number]"', t("why.phone")) }) : "";
    return `${t(kind === "spam" ? "why.spamScore" : "why.toxicityScore", { value })}${because}${note ? ` (${note})` : ""}`;
  }
  const kinds = { "signal.": t("why.spamLists"), "rule.links": t("why.links"), "ban.": t("why.banned"), "import.": t("why.imported") };
  const kind = Object.entries(kinds).find(([prefix]) => reason.code.startsWith(prefix))?.[1];
  if (!detail) return kind ?? reason.code;
  const sentence = detail[0].toUpperCase() + detail.slice(1);
  return kind && !sentence.toLowerCase().includes(kind.toLowerCase()) ? `${kind}: ${sentence}` : sentence;
}

/** Words named by the rules or the model in their reasons: quoted, or listed after "words:". */
function wordsOf(reasons) {
  const words = new Set();
  for (const r of reasons ?? []) {
    for (const m of (r.detail ?? "").matchAll(/["'‘“]([^"'’”]{2,40})["'’”]/g)) words.add(m[1].toLowerCase());
    const listed = /words?:\s*(.+)$/i.exec(r.detail ?? "");
    if (listed) listed[1].split(/[,;]\s*/).map((w) => w.trim().toLowerCase()).filter((w) => w.length > 1).forEach((w) => words.add(w));
  }
  return [...words];
}

function highlight(root, words) {
  if (!words.length) return;
  const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const pattern = new RegExp(`(${escaped.join("|")})`, "gi");
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes = [];
  while (walker.nextNode()) nodes.push(walker.currentNode);
  for (const node of nodes) {
    const parts = node.nodeValue.split(pattern);
    if (parts.length < 2) continue;
    node.replaceWith(...parts.map((part, i) => {
      if (i % 2 === 0) return document.createTextNode(part);
      const mark = document.createElement("mark");
      mark.textContent = part;
      return mark;
    }));
  }
}

function focus(id) {
  if (state.focused) state.items.get(state.focused)?.el.classList.remove("focused");
  state.focused = id;
  const entry = id ? state.items.get(id) : null;
  if (!entry) return;
  entry.el.classList.add("focused");
  entry.el.focus({ preventScroll: true });
  entry.el.scrollIntoView({ block: "nearest" });
}

function drop(id) {
  const entry = state.items.get(id);
  if (!entry) return;
  const ids = [...state.items.keys()];
  const at = ids.indexOf(id);
  entry.el.remove();
  state.items.delete(id);
  state.picked.delete(id);
  if (state.rejecting === id) state.rejecting = null;
  if (state.focused === id) {
    state.focused = null;
    focus(ids[at + 1] ?? ids[at - 1] ?? null);
  }
  updateBulk();
  updateEmpty();
}

function move(step) {
  const ids = [...state.items.keys()];
  if (!ids.length) return;
  const at = ids.indexOf(state.focused);
  focus(ids[Math.min(ids.length - 1, Math.max(0, at + step))]);
}

// ---- actions ---------------------------------------------------------------------------------

function command(name) {
  const id = state.focused;
  if (!id) return;
  if (name === "reject") return askReason(id);
  if (name === "ban") return ban(id);
  if (name === "pin") return act(id, state.items.get(id).item.pinned ? "unpin" : "pin");
  if (name === "edit") {
    const text = prompt(t("editPrompt"), state.items.get(id).item.text);
    return text === null ? undefined : act(id, "edit", undefined, text);
  }
  return act(id, name);
}

function askReason(id) {
  state.rejecting = id;
  state.items.get(id).el.querySelector(".reject-reasons").hidden = false;
  status(t("rejectHint"));
}

function cancelReason() {
  if (!state.rejecting) return;
  state.items.get(state.rejecting)?.el.querySelector(".reject-reasons").setAttribute("hidden", "");
  state.rejecting = null;
  status("");
}

async function act(id, action, reason, text) {
  const entry = state.items.get(id);
  if (!entry) return;
  cancelReason();
  entry.el.classList.add("busy");
  try {
    const item = await api(sitePath(`/comments/${id}/actions`), { method: "POST", body: JSON.stringify({ action, reason, text }) });
    status(t("done." + action, { name: item.authorName, reason: reason ? reasonName(reason) : "" }));
    if (item.queue !== state.queue) drop(id); else { entry.el.classList.remove("busy"); replace(item); }
  } catch (e) {
    entry.el.classList.remove("busy");
    status(t("actionFailed", { error: e.message }));
  }
}

async function ban(id) {
  const entry = state.items.get(id);
  const kind = entry.item.authorEmail ? "email" : "ip";
  try {
    const result = await api(sitePath("/bans"), { method: "POST", body: JSON.stringify({ kind, commentId: id, reason: "banned from the queue" }) });
    entry.el.querySelector(".note").textContent = `banned ${result.kind} ${result.shown}`;
    status(t("banned", { who: `${result.kind} ${result.shown}` }));
  } catch (e) {
    status(t("banFailed", { error: e.message }));
  }
}

// ---- bans ------------------------------------------------------------------------------------

async function showBans() {
  let bans;
  try {
    ({ bans } = await api(sitePath("/bans")));
  } catch (e) {
    status(t("bansFailed", { error: e.message }));
    return;
  }
  const rows = bans.map((b) => {
    const tr = document.createElement("tr");
    tr.dataset.id = b.id;
    const cells = [`${b.kind} ${b.shown}`, b.reason ?? "", b.by ?? "", b.expiresAt ? new Date(b.expiresAt).toLocaleString(i18n.lang) : t("forGood")];
    for (const text of cells) tr.appendChild(document.createElement("td")).textContent = text;
    const lift = document.createElement("button");
    lift.type = "button";
    lift.textContent = t("lift");
    lift.addEventListener("click", () => liftBan(b, tr));
    tr.appendChild(document.createElement("td")).appendChild(lift);
    return tr;
  });
  $("bans-table").querySelector("tbody").replaceChildren(...rows);
  $("bans-table").hidden = rows.length === 0;
  $("bans-empty").hidden = rows.length > 0;
  if (!$("bans").open) $("bans").showModal();
}

async function liftBan(ban, row) {
  try {
    await api(sitePath("/bans/lift"), { method: "POST", body: JSON.stringify({ id: ban.id }) });
    row.remove();
    status(t("lifted", { who: `${ban.kind} ${ban.shown}` }));
    if (!$("bans-table").querySelector("tbody tr")) { $("bans-table").hidden = true; $("bans-empty").hidden = false; }
  } catch (e) {
    status(t("liftFailed", { error: e.message }));
  }
}

// ---- numbers (admins) ------------------------------------------------------------------------

async function showNumbers() {
  let numbers;
  try {
    numbers = await api(sitePath("/stats?days=30"));
  } catch (e) {
    status(t("actionFailed", { error: e.message }));
    return;
  }
  drawDays($("numbers-chart"), numbers.perDay);
  const held = numbers.held;
  const hours = new Intl.NumberFormat(i18n.lang, { style: "unit", unit: "hour", unitDisplay: "long", maximumFractionDigits: 1 });
  $("numbers-held").textContent = held.pending
    ? t("numbersHeld", { n: held.pending, age: hours.format((held.oldestAgeSeconds ?? 0) / 3600) })
    : t("numbersNoneHeld");
  $("numbers-spam").textContent = `${t("numbersSpam", { n: numbers.spamCaught })} · ${t("numbersMissed", { n: numbers.overturnedPublished })}`;
  const rows = numbers.agreement.map((a) => {
    const tr = document.createElement("tr");
    const share = a.agreement ?? 0;
    tr.appendChild(document.createElement("th")).textContent = a.reason;
    const bar = tr.appendChild(document.createElement("td")).appendChild(document.createElement("span"));
    bar.className = "agree-bar";
    bar.style.setProperty("--share", `${Math.round(share * 100)}%`);
    bar.setAttribute("aria-hidden", "true");
    tr.appendChild(document.createElement("td")).textContent =
      `${new Intl.NumberFormat(i18n.lang, { style: "percent" }).format(share)} · ${t("numbersAgreementRow", { confirmed: a.confirmed, overturned: a.overturned })}`;
    return tr;
  });
  $("numbers-agreement").tBodies[0].replaceChildren(...rows);
  $("numbers-agreement").hidden = rows.length === 0;
  $("numbers-none").hidden = rows.length > 0;
  $("numbers").showModal();
}

/** Stacked bars per day (published, held, spam) in the SVG, with a text alternative that lists every day. */
function drawDays(svg, days) {
  const ns = "http://www.w3.org/2000/svg";
  const width = 600, height = 160, gap = 2;
  const max = Math.max(1, ...days.map((d) => d.published + d.pending + d.spam));
  const step = width / days.length;
  const shapes = [];
  days.forEach((d, i) => {
    let y = height;
    for (const kind of ["published", "pending", "spam"]) {
      const h = (d[kind] / max) * (height - 10);
      if (h <= 0) continue;
      y -= h;
      const rect = document.createElementNS(ns, "rect");
      rect.setAttribute("x", String(i * step + gap / 2));
      rect.setAttribute("y", String(y));
      rect.setAttribute("width", String(Math.max(1, step - gap)));
      rect.setAttribute("height", String(h));
      rect.setAttribute("class", kind);
      rect.dataset.day = d.day;
      shapes.push(rect);
    }
  });
  const axis = document.createElementNS(ns, "text");
  axis.setAttribute("x", "0");
  axis.setAttribute("y", "176");
  axis.textContent = `${days[0]?.day ?? ""} – ${days.at(-1)?.day ?? ""} · max ${i18n.numbers.format(max)}`;
  svg.replaceChildren(...shapes, axis);
  svg.setAttribute("aria-label", t("chartLabel") + ": " + days.map((d) =>
    `${d.day} ${i18n.numbers.format(d.published)}/${i18n.numbers.format(d.pending)}/${i18n.numbers.format(d.spam)}`).join(", "));
}

function pick(id, on) {
  if (on) state.picked.add(id); else state.picked.delete(id);
  const entry = state.items.get(id);
  if (entry) {
    entry.el.classList.toggle("picked", on);
    entry.el.querySelector(".pick").checked = on;
  }
  updateBulk();
}

function updateBulk() {
  $("bulk").hidden = state.picked.size === 0;
  $("bulk-count").textContent = t("selected", { n: state.picked.size });
}

async function bulk(action) {
  if (action === "clear") { [...state.picked].forEach((id) => pick(id, false)); return; }
  let reason;
  if (action === "reject") {
    reason = prompt(t("reasonPrompt", { list: REASONS.join(", ") }), "other");
    if (!REASONS.includes(reason)) return;
  }
  const ids = [...state.picked];
  const { results } = await api(sitePath("/actions"), { method: "POST", body: JSON.stringify({ ids, action, reason }) });
  for (const r of results) {
    if (r.item && r.item.queue !== state.queue) drop(r.id);
    else if (r.item) { pick(r.id, false); replace(r.item); }
  }
  const failed = results.filter((r) => r.status !== 200).length;
  status(t("bulkResult", { done: results.length - failed, failed }));
}

function status(text) { $("status").textContent = text; }

// ---- keyboard --------------------------------------------------------------------------------

function onKey(e) {
  if (e.ctrlKey || e.metaKey || e.altKey || !state.me) return;
  if (e.target.closest("input, select, textarea")) return;
  if ($("help").open || $("bans").open) return;
  if (state.rejecting) {
    if (e.key === "Escape") { cancelReason(); e.preventDefault(); return; }
    const n = Number(e.key);
    if (n >= 1 && n <= REASONS.length) { act(state.rejecting, "reject", REASONS[n - 1]); e.preventDefault(); }
    return;
  }
  const keys = {
    j: () => move(1), k: () => move(-1),
    a: () => command("approve"), r: () => command("reject"), s: () => command("spam"),
    d: () => command("delete"), b: () => command("ban"),
    e: () => command("edit"), p: () => command("pin"), u: () => command("restore"),
    x: () => state.focused && pick(state.focused, !state.picked.has(state.focused)),
    "?": () => $("help").showModal(),
  };
  const n = Number(e.key);
  if (n >= 1 && n <= QUEUES.length) { switchQueue(QUEUES[n - 1]); e.preventDefault(); return; }
  if (keys[e.key]) { keys[e.key](); e.preventDefault(); }
}

// ---- start -----------------------------------------------------------------------------------

document.addEventListener("DOMContentLoaded", async () => {
  await useLang();
  $("sign-in").addEventListener("submit", (e) => { e.preventDefault(); signIn($("key").value.trim()); });
  $("sign-out").addEventListener("click", signOut);
  $("help-button").addEventListener("click", () => $("help").showModal());
  $("bans-button").addEventListener("click", showBans);
  $("numbers-button").addEventListener("click", showNumbers);
  $("site").addEventListener("change", (e) => { state.site = e.target.value; loadQueue(); });
  $("filters").addEventListener("submit", applyFilters);
  $("filter-clear").addEventListener("click", clearFilters);
  $("filter-article-clear").addEventListener("click", () => filterArticle(null));
  for (const button of document.querySelectorAll("[data-bulk]")) button.addEventListener("click", () => bulk(button.dataset.bulk));
  document.addEventListener("keydown", onKey);
  if (state.key) signIn(state.key);
});
