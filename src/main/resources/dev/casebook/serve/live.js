/*
 * Added by `casebook serve` to every page it serves (not to built sites): reloads the page when
 * a rebuild changed it, and shows the problems over the page when a rebuild failed (the page
 * itself is the last good build). On the page the preview serves while it has no site yet (the
 * first build failed), the problems are the page: newer ones replace them, and a good build
 * reloads it. The writing coach's hints about the files being edited are shown in a small panel
 * in a corner, folded until opened; they never block anything.
 */
(function () {
  "use strict";
  if (!window.EventSource) return;
  var noSite = document.documentElement.hasAttribute("data-casebook-no-site");
  var box = document.getElementById("casebook-problems");

  function hide() {
    if (box) { box.remove(); box = null; }
  }

  function show(problems) {
    hide();
    box = document.createElement("div");
    box.id = "casebook-problems";
    box.setAttribute("role", "alert");
    box.style.cssText = (noSite ? "min-height:100vh;box-sizing:border-box;" :
      "position:fixed;z-index:2147483647;left:0;right:0;bottom:0;max-height:60vh;overflow:auto;" +
      "box-shadow:0 -8px 24px rgba(0,0,0,.35);") +
      "margin:0;padding:1rem 1.25rem;background:#2b1111;color:#ffe9e9;border-top:4px solid #e5484d;" +
      "font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace";
    var errors = problems.filter(function (p) { return p.severity === "error"; }).length;
    var title = document.createElement("p");
    title.style.cssText = "margin:0 0 .5rem;font-weight:700;color:#fff";
    var count = errors + " error" + (errors === 1 ? "" : "s");
    title.textContent = noSite ?
      "The site could not be built (" + count + "). Fix the file and save; this page shows the site once the build works." :
      "The last change broke the build (" + count + "). This page is the last good build; fix the file and save to reload.";
    box.appendChild(title);
    var list = document.createElement("ul");
    list.style.cssText = "margin:0;padding:0;list-style:none";
    problems.forEach(function (p) {
      var li = document.createElement("li");
      li.className = "casebook-problem casebook-problem--" + p.severity;
      li.style.cssText = "margin:.25rem 0;white-space:pre-wrap";
      var where = p.file + (p.line > 0 ? ":" + p.line + (p.column > 0 ? ":" + p.column : "") : "");
      li.textContent = where + ": " + p.severity + ": " + p.message + (p.hint ? " (" + p.hint + ")" : "");
      list.appendChild(li);
    });
    box.appendChild(list);
    document.body.appendChild(box);
  }

  var advice = null;

  function showHints(hints) {
    var open = advice ? advice.open : false;
    if (advice) { advice.remove(); advice = null; }
    if (!hints.length) return;
    advice = document.createElement("details");
    advice.id = "casebook-hints";
    advice.open = open;
    advice.style.cssText = "position:fixed;z-index:2147483646;right:1rem;bottom:1rem;max-width:40rem;max-height:50vh;" +
      "overflow:auto;padding:.5rem .75rem;background:#10233a;color:#e6f0ff;border-left:4px solid #4d9de0;" +
      "font:13px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;box-shadow:0 4px 16px rgba(0,0,0,.3)";
    var summary = document.createElement("summary");
    summary.style.cssText = "cursor:pointer;font-weight:700";
    summary.textContent = hints.length + " writing hint" + (hints.length === 1 ? "" : "s");
    advice.appendChild(summary);
    var list = document.createElement("ul");
    list.style.cssText = "margin:.5rem 0 0;padding:0;list-style:none";
    hints.forEach(function (p) {
      var li = document.createElement("li");
      li.className = "casebook-hint";
      li.style.cssText = "margin:.25rem 0;white-space:pre-wrap";
      var where = p.file + (p.line > 0 ? ":" + p.line + (p.column > 0 ? ":" + p.column : "") : "");
      li.textContent = where + ": " + p.message + (p.hint ? " (" + p.hint + ")" : "");
      list.appendChild(li);
    });
    advice.appendChild(list);
    document.body.appendChild(advice);
  }

  // The problems known when the page was served show at once, before the event stream connects.
  var given = document.currentScript && document.currentScript.getAttribute("data-casebook-problems");
  if (given && !noSite) {
    try { show(JSON.parse(given)); } catch (x) { /* the stream sends them too */ }
  }

  var events = new EventSource("/_casebook/events");
  // The pages that changed, as URL paths ("/incidents/INC-2024-001/"); none listed: every page.
  function changed(data) {
    try { return JSON.parse(data).pages || null; } catch (x) { return null; }
  }

  function here() {
    var path = window.location.pathname;
    try { path = decodeURI(path); } catch (x) { /* keep it as it is */ }
    return path.replace(/index\.html$/, "");
  }

  events.addEventListener("reload", function (e) {
    var pages = changed(e.data);
    if (noSite || !pages || pages.indexOf(here()) >= 0) window.location.reload();
    else hide();
  });
  events.addEventListener("hints", function (e) {
    try { showHints(JSON.parse(e.data)); } catch (x) { /* not for us */ }
  });
  events.addEventListener("problems", function (e) {
    try { show(JSON.parse(e.data)); } catch (x) { /* not for us */ }
  });
})();
