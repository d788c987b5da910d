// Runs site-template/static/readership.js in a minimal stand-in for a browser page and prints, as
// JSON, every beacon it sent. Usage: node beacon-harness.js BEACON SCENARIO
"use strict";
const fs = require("fs");
const vm = require("vm");
const [beacon, scenario] = process.argv.slice(2);

function page(opts) {
  const listeners = {};
  const sent = [];
  let now = 1000;
  const on = (target) => (type, fn) => { (listeners[target + type] = listeners[target + type] || []).push(fn); };
  const fire = (target, type) => (listeners[target + type] || []).forEach((fn) => fn({}));
  const article = { bottom: opts.articleBottom };
  const document = {
    visibilityState: opts.visibility || "visible",
    referrer: opts.referrer || "",
    currentScript: { dataset: { endpoint: "/_r/e", doc: "INC-2024-003" } },
    documentElement: { scrollHeight: opts.height || 4000 },
    body: { getBoundingClientRect: () => ({ bottom: 600 }) },
    querySelector: (s) => (s === ".prose" ? { getBoundingClientRect: () => ({ bottom: article.bottom }) } : null),
    hasFocus: () => opts.focus !== false,
    addEventListener: on("d"),
  };
  const window = { scrollY: 0, innerHeight: 800, addEventListener: on("w") };
  const navigator = {
    doNotTrack: opts.dnt ? "1" : null,
    globalPrivacyControl: !!opts.gpc,
    sendBeacon: (url, body) => { sent.push({ url, size: Buffer.byteLength(body), body: JSON.parse(body) }); return true; },
  };
  const context = {
    document, window, navigator, URLSearchParams,
    location: { pathname: opts.path || "/incidents/INC-2024-003/", search: opts.search || "" },
    Date: { now: () => now }, Math, JSON,
  };
  vm.runInNewContext(fs.readFileSync(beacon, "utf8"), context);
  return {
    sent,
    wait(ms) { now += ms; },
    scrollTo(y, articleBottom) { window.scrollY = y; article.bottom = articleBottom; fire("w", "scroll"); },
    hide() { document.visibilityState = "hidden"; fire("d", "visibilitychange"); },
    show() { document.visibilityState = "visible"; fire("d", "visibilitychange"); },
    blur() { opts.focus = false; fire("w", "blur"); },
    focus() { opts.focus = true; fire("w", "focus"); },
    pagehide() { fire("w", "pagehide"); },
    // what static/paths.js dispatches when a step starts or finishes a reading path
    path(detail) { (listeners["dcasebook:path"] || []).forEach((fn) => fn({ detail })); },
  };
}

const opts = {};
const scenarios = {
  // read the whole write-up for 40 s, then switch tabs; come back, then leave
  read() {
    const p = page({ referrer: "https://app.slack.com/", search: "?src=chat", articleBottom: 3500 });
    p.wait(10000); p.scrollTo(1500, 2000);
    p.wait(30000); p.scrollTo(3200, 300);
    p.hide(); p.wait(60000); p.show(); p.wait(2000); p.pagehide();
    return p.sent;
  },
  // time while the window has no focus does not count
  unfocused() {
    const p = page({ articleBottom: 3500 });
    p.wait(5000); p.blur(); p.wait(100000); p.focus(); p.wait(1000); p.hide();
    return p.sent;
  },
  // opened in a background tab: no page view until it is shown
  background() {
    const p = page({ visibility: "hidden", articleBottom: 3500 });
    p.wait(5000);
    const before = p.sent.length;
    p.show(); p.wait(4000); p.hide();
    return [{ before }].concat(p.sent);
  },
  dnt() { const p = page({ dnt: true, articleBottom: 3500 }); return p.sent; },
  // a step that starts one path and finishes another, with Do Not Track when asked
  path() {
    const p = page({ articleBottom: 3500, dnt: opts.dnt });
    p.path({ t: "ps", doc: "path.payments-on-call" });
    p.path({ t: "pf", doc: "path.db-on-call" });
    return p.sent;
  },
  pathDnt() { opts.dnt = true; return scenarios.path(); },
  gpc() { const p = page({ gpc: true, articleBottom: 3500 }); return p.sent; },
  huge() {
    const long = "/incidents/" + "x".repeat(10000) + "/";
    const p = page({ path: long, referrer: "https://example.com/?" + "q".repeat(10000), search: "?src=" + "s".repeat(10000), articleBottom: 3500 });
    return p.sent;
  },
};
process.stdout.write(JSON.stringify(scenarios[scenario]()));
