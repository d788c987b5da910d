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

  /* Optimal string alignment distance, or limit + 1 as soon as it must exceed limit. */
  function distance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    var prev2 = null;
    var prev = [];
    for (var j = 0; j <= b.length; j++) prev.push(j);
    for (var i = 1; i <= a.length; i++) {
      var row = [i];
      var best = i;
      for (var k = 1; k <= b.length; k++) {
        var cost = a.charAt(i - 1) === b.charAt(k - 1) ? 0 : 1;
        var d = Math.min(prev[k] + 1, row[k - 1] + 1, prev[k - 1] + cost);
        if (prev2 && i > 1 && k > 1 && a.charAt(i - 1) === b.charAt(k - 2) && a.charAt(i - 2) === b.charAt(k - 1)) {
          d = Math.min(d, prev2[k - 2] + 1);
        }
        row.push(d);
        if (d < best) best = d;
      }
      if (best > limit) return limit + 1;
      prev2 = prev;
      prev = row;
    }
    return prev[b.length];
  }

  function sharedPrefix(a, b) {
    var n = 0;
    while (n < a.length && n < b.length && a.charAt(n) === b.charAt(n)) n++;
    return n;
  }

  function suggest(ids) {
    var lower = typed.toLowerCase();
    var limit = Math.max(2, Math.floor(lower.length / 3));
    var found = [];
    for (var n = 0; n < ids.length; n++) {
      var id = ids[n];
      if (!id) continue;
      var l = id.toLowerCase();
      if (l === lower && id !== typed) {
        location.replace(prefix + encodeURIComponent(id) + after + location.search + location.hash);
        return;
      }
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
