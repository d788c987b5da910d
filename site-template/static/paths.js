/*
 * Reading paths: the reader's progress, kept in this browser only (localStorage) and never sent
 * anywhere. A page that is a step of a path ([data-path-read]) marks itself read when it opens;
 * a path's page ticks the steps read ([data-path-step]) and says how many there are. Without
 * script, or without storage (private windows, some file:// setups), pages read the same,
 * without ticks.
 *
 * When a step makes the reader start a path (the first of its steps read) or finish it (the last
 * unread one), the page says so with a "casebook:path" event; the readership beacon, when the
 * site has one, sends just that: which path, started or finished (docs/readership.md).
 */
(function () {
  "use strict";

  var KEY = "casebook-paths-read";

  function load() {
    try {
      var read = JSON.parse(localStorage.getItem(KEY) || "{}");
      return read && typeof read === "object" && !Array.isArray(read) ? read : {};
    } catch (e) {
      return {};
    }
  }

  function save(read) {
    try {
      localStorage.setItem(KEY, JSON.stringify(read));
      return true;
    } catch (e) {
      return false;
    }
  }

  function each(selector, f) {
    Array.prototype.forEach.call(document.querySelectorAll(selector), f);
  }

  function readOf(read, steps) {
    return steps.filter(function (url) { return read[url]; }).length;
  }

  function markThisPage() {
    var places = [];
    each("[data-path-read]", function (el) { places.push(el); });
    if (!places.length) return;
    var read = load();
    var before = places.map(function (el) { return readOf(read, steps(el)); });
    var changed = false;
    places.forEach(function (el) {
      var url = el.getAttribute("data-path-read");
      if (!read[url]) { read[url] = 1; changed = true; }
    });
    // Only progress that is kept counts: without storage every visit would look like a start.
    if (!changed || !save(read)) return;
    places.forEach(function (el, i) {
      var all = steps(el);
      var now = readOf(read, all);
      var slug = el.getAttribute("data-path-slug");
      if (!slug) return;
      if (before[i] === 0 && now > 0) tell("ps", slug);
      if (before[i] < all.length && now === all.length) tell("pf", slug);
    });
  }

  function steps(el) {
    return (el.getAttribute("data-path-steps") || "").split(" ").filter(Boolean);
  }

  function tell(kind, slug) {
    try {
      document.dispatchEvent(new CustomEvent("casebook:path", { detail: { t: kind, doc: "path." + slug } }));
    } catch (e) {
      // a browser without CustomEvent: progress is kept all the same
    }
  }

  function showTicks() {
    var read = load();
    each("[data-path]", function (path) {
      var steps = path.querySelectorAll("[data-path-step]");
      var done = 0;
      var firstUnread = null;
      Array.prototype.forEach.call(steps, function (step) {
        var isRead = !!read[step.getAttribute("data-path-step")];
        step.classList.toggle("path-step--read", isRead);
        var tick = step.querySelector("[data-path-tick]");
        if (tick) tick.hidden = !isRead;
        if (isRead) done++;
        else if (!firstUnread) firstUnread = step;
      });
      var progress = path.querySelector("[data-path-progress]");
      if (progress) {
        progress.textContent = done + " of " + steps.length + " read";
        progress.hidden = false;
      }
      var next = path.querySelector("[data-path-continue]");
      if (next && !next.hasAttribute("data-first")) {
        next.setAttribute("data-first", next.getAttribute("href"));
        next.setAttribute("data-first-text", next.textContent);
      }
      if (next) {
        next.setAttribute("href", next.getAttribute("data-first"));
        next.textContent = next.getAttribute("data-first-text");
      }
      if (next && done > 0 && firstUnread) {
        var link = firstUnread.querySelector("a");
        next.setAttribute("href", link.getAttribute("href"));
        next.textContent = "Continue with step " + (Array.prototype.indexOf.call(steps, firstUnread) + 1);
      } else if (next && done > 0) {
        next.textContent = "Read it again from step 1";
      }
      var forget = path.querySelector("[data-path-forget]");
      if (forget) {
        forget.hidden = done === 0;
        forget.onclick = function () {
          var now = load();
          Array.prototype.forEach.call(steps, function (step) { delete now[step.getAttribute("data-path-step")]; });
          save(now);
          showTicks();
        };
      }
    });
  }

  function start() {
    markThisPage();
    showTicks();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
  // Coming back to a path's page from a step (the back button) shows the new tick.
  window.addEventListener("pageshow", function (e) { if (e.persisted) showTicks(); });
})();
