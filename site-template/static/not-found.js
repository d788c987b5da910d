/*
 * Casebook 404 page, for a missing address under incidents/: works on any static host.
 *
 * An id typed with the wrong case (/incidents/inc-2024-003/ for INC-2024-003) goes straight to
 * the write-up. Otherwise the page lists the closest ids: those a few edits away (a missing,
 * extra, wrong or swapped character) and those that start with what was typed or that it starts
 * with (a truncated id, or a file name such as INC-2024-003-dns-outage). The ids come from
 * incident-ids.js, which only this page loads, and only for such an address.
 */
(function () {
  "use strict";
  var box = document.querySelector("[data-not-found]");
  if (!box) return;
  var root = box.getAttribute("data-root") || "/";
  var prefix = root + "incidents/";
  var path = location.pathname;
  if (path.indexOf(prefix) !== 0) return;
  var rest = path.slice(prefix.length);
  var slash = rest.indexOf("/");
  var segment = slash < 0 ? rest : rest.slice(0, slash);
  var after = slash < 0 ? "/" : rest.slice(slash);
  var typed;
  try {
    typed = decodeURIComponent(segment);
  } catch (e) {
    return;
  }
  if (!typed) return;

  var MAX_SHOWN = 5;

  /*
   * Optimal string alignment distance (inserts, deletions, replacements, swaps of neighbours), or
   * limit + 1 as soon as it must exceed limit. Only cells within limit of the diagonal are worked
   * out, so 10,000 ids of 128 characters take a few milliseconds.
   */
  function distance(a, b, limit) {
    var n = a.length;
    var m = b.length;
    var big = limit + 1;
    if (Math.abs(n - m) > limit) return big;
    var prev2 = new Int32Array(m + 1);
    var prev = new Int32Array(m + 1);
    var row = new Int32Array(m + 1);
    for (var k = 0; k <= m; k++) prev[k] = k <= limit ? k : big;
    for (var i = 1; i <= n; i++) {
      var lo = Math.max(1, i - limit);
      var hi = Math.min(m, i + limit);
      row[0] = i <= limit ? i : big;
      if (lo > 1) row[lo - 1] = big;
      var best = row[0];
      var ca = a.charCodeAt(i - 1);
      for (k = lo; k <= hi; k++) {
        var d = prev[k - 1] + (ca === b.charCodeAt(k - 1) ? 0 : 1);
        if (prev[k] + 1 < d) d = prev[k] + 1;
        if (row[k - 1] + 1 < d) d = row[k - 1] + 1;
        if (i > 1 && k > 1 && ca === b.charCodeAt(k - 2) && a.charCodeAt(i - 2) === b.charCodeAt(k - 1) && prev2[k - 2] + 1 < d) {
          d = prev2[k - 2] + 1;
        }
        if (d > big) d = big;
        row[k] = d;
        if (d < best) best = d;
      }
      if (hi < m) row[hi + 1] = big;
      if (best > limit) return big;
      var spare = prev2;
      prev2 = prev;
      prev = row;
      row = spare;
    }
    return prev[m];
  }

  function sharedPrefix(a, b) {
    var n = 0;
    while (n < a.length && n < b.length && a.charAt(n) === b.charAt(n)) n++;
    return n;
  }

  function suggest(ids) {
    var lower = typed.toLowerCase();
    var n;
    for (n = 0; n < ids.length; n++) {
      if (ids[n] !== typed && ids[n].toLowerCase() === lower) {
        location.replace(prefix + encodeURIComponent(ids[n]) + after + location.search + location.hash);
        return;
      }
    }
    // As many edits as still look like a typo: one in a short id, up to three in a long one.
    var limit = Math.max(1, Math.min(3, Math.floor(lower.length / 3)));
    var found = [];
    for (n = 0; n < ids.length; n++) {
      var id = ids[n];
      if (!id) continue;
      var l = id.toLowerCase();
      var score = distance(lower, l, limit);
      var starts = lower.length >= 3 && (l.indexOf(lower) === 0 || lower.indexOf(l) === 0);
      if (starts) score = Math.min(score, 1);
      if (score <= limit) found.push({ id: id, score: score, shared: sharedPrefix(lower, l) });
    }
    if (!found.length) return;
    found.sort(function (x, y) {
      return x.score - y.score || y.shared - x.shared || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
    });
    var list = box.querySelector("ul");
    found.slice(0, MAX_SHOWN).forEach(function (f) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = prefix + encodeURIComponent(f.id) + "/";
      a.textContent = f.id;
      li.appendChild(a);
      list.appendChild(li);
    });
    box.hidden = false;
  }

  var script = document.createElement("script");
  script.src = root + "assets/incident-ids.js";
  script.onload = function () {
    suggest(String(window.casebookIncidentIds || "").split("\n"));
  };
  document.head.appendChild(script);
})();
