/*
 * Casebook default theme. Small, dependency-free, and optional: every page works without it.
 *
 *  1. the light/dark toggle, remembered in localStorage
 *  2. sorting and filtering the table of write-ups, with the filters kept in the address
 *  3. links that work when the site is opened from disk (file://)
 *  4. Mermaid diagrams (when the page loads Mermaid) that follow the theme
 *  5. the table of contents highlights the section being read
 */
(function () {
  "use strict";

  var THEME_KEY = "casebook-theme";
  var root = document.documentElement;
  var systemDark = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;

  function effectiveTheme() {
    var chosen = root.getAttribute("data-theme");
    if (chosen === "dark" || chosen === "light") return chosen;
    return systemDark && systemDark.matches ? "dark" : "light";
  }

  function announceTheme() {
    var event;
    try {
      event = new CustomEvent("casebook:themechange", { detail: { theme: effectiveTheme() } });
    } catch (e) {
      event = document.createEvent("CustomEvent");
      event.initCustomEvent("casebook:themechange", false, false, { theme: effectiveTheme() });
    }
    document.dispatchEvent(event);
  }

  /* 1. Theme toggle ------------------------------------------------------------------------ */

  function setupThemeToggle() {
    var buttons = document.querySelectorAll("[data-theme-toggle]");
    if (!buttons.length) return;

    function label() {
      var next = effectiveTheme() === "dark" ? "light" : "dark";
      var text = "Switch to " + next + " theme";
      Array.prototype.forEach.call(buttons, function (b) {
        b.setAttribute("aria-label", text);
        b.setAttribute("title", text);
      });
    }

    Array.prototype.forEach.call(buttons, function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        var next = effectiveTheme() === "dark" ? "light" : "dark";
        var system = systemDark && systemDark.matches ? "dark" : "light";
        try {
          // Choosing what the system already prefers means "follow the system" again.
          if (next === system) localStorage.removeItem(THEME_KEY);
          else localStorage.setItem(THEME_KEY, next);
        } catch (e) { /* private mode: the choice lasts for this page only */ }
        root.setAttribute("data-theme", next);
        label();
        announceTheme();
      });
    });

    if (systemDark) {
      var onSystemChange = function () {
        var stored = null;
        try { stored = localStorage.getItem(THEME_KEY); } catch (e) { /* ignore */ }
        if (!stored) root.removeAttribute("data-theme");
        label();
        announceTheme();
      };
      if (systemDark.addEventListener) systemDark.addEventListener("change", onSystemChange);
      else if (systemDark.addListener) systemDark.addListener(onSystemChange);
    }
    label();
  }

  /* 2. The table of write-ups -------------------------------------------------------------- */

  function setupIncidentTable() {
    var table = document.querySelector("[data-incident-table]");
    if (!table || !table.tBodies.length) return;
    var form = document.querySelector("[data-incident-filters]");
    var countEl = document.querySelector("[data-filter-count]");
    var emptyEl = document.querySelector("[data-filter-empty]");
    var tbody = table.tBodies[0];
    var rows = Array.prototype.slice.call(tbody.rows);
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    // A table of more than one page holds one page of rows; to sort or filter, it loads the rows of
    // every page (data-rows) once and shows those instead.
    var rowsScript = table.getAttribute("data-rows");
    var allLoaded = !rowsScript;
    var loading = false;
    var total = allLoaded ? rows.length : parseInt(table.getAttribute("data-total"), 10) || rows.length;

    function prepare() {
      rows.forEach(function (row, index) {
        row._order = index;
        row._text = [
          row.textContent,
          (row.getAttribute("data-tags") || "").replace(/\|/g, " "),
          (row.getAttribute("data-teams") || "").replace(/\|/g, " ")
        ].join(" ").toLowerCase().replace(/\s+/g, " ");
      });
    }
    prepare();

    function el(tag, className, text) {
      var e = document.createElement(tag);
      if (className) e.className = className;
      if (text) e.textContent = text;
      return e;
    }

    function link(href, text, className) {
      var a = el("a", className, text);
      a.setAttribute("href", table.getAttribute("data-root") + href);
      return a;
    }

    function spanCell(span, label) {
      var td = el("td", "col-num");
      td.setAttribute("data-label", label);
      td.setAttribute("data-sort", span ? String(span[0]) : "");
      if (span) {
        var t = el("time", "", span[1]);
        t.setAttribute("datetime", span[2]);
        td.appendChild(t);
      } else {
        var dash = el("span", "muted", "\u2013");
        dash.setAttribute("aria-hidden", "true");
        td.appendChild(dash);
        td.appendChild(el("span", "visually-hidden", "not recorded"));
      }
      return td;
    }

    // One row as the page's template writes it, from [id, title, summary, date, owner, services,
    // teams, tags, severity, nearMiss, status, detect, mitigate] (see IncidentRows.java).
    function buildRow(r, terms) {
      var tr = document.createElement("tr");
      var owner = r[4] >= 0 ? terms[r[4]] : null;
      var teams = owner ? [owner[0]] : [];
      r[6].forEach(function (t) { if (teams.indexOf(terms[t][0]) === -1) teams.push(terms[t][0]); });
      var url = "incidents/" + r[0] + "/";
      tr.setAttribute("data-id", r[0]);
      tr.setAttribute("data-services", r[5].map(function (s) { return terms[s][0]; }).join("|"));
      tr.setAttribute("data-teams", teams.join("|"));
      tr.setAttribute("data-tags", r[7].join("|"));
      tr.setAttribute("data-year", r[3].slice(0, 4));
      tr.setAttribute("data-severity", r[8]);
      tr.setAttribute("data-near-miss", r[9] ? "true" : "false");
      tr.setAttribute("data-status", r[10]);
      var id = el("td", "col-id");
      id.setAttribute("data-sort", r[0]);
      id.appendChild(link(url, r[0]));
      var title = el("td", "col-title");
      title.setAttribute("data-sort", r[1]);
      title.appendChild(link(url, r[1], "incident-table__title"));
      if (r[9] || r[10] !== "published") {
        var badges = el("span", "incident-table__badges");
        if (r[9]) badges.appendChild(el("span", "badge badge--near-miss", "Near miss"));
        if (r[10] === "in-review") badges.appendChild(el("span", "badge badge--status badge--in-review", "In review"));
        if (r[10] === "draft") badges.appendChild(el("span", "badge badge--status badge--draft", "Draft"));
        title.appendChild(document.createTextNode(" "));
        title.appendChild(badges);
      }
      if (r[2]) title.appendChild(el("p", "incident-table__summary", r[2]));
      var date = el("td", "col-date");
      date.setAttribute("data-sort", r[3]);
      var time = el("time", "", r[3]);
      time.setAttribute("datetime", r[3]);
      date.appendChild(time);
      var ownerCell = el("td", "col-owner");
      ownerCell.setAttribute("data-sort", owner ? owner[0] : "");
      ownerCell.setAttribute("data-label", "Owner");
      if (owner) ownerCell.appendChild(link(owner[1], owner[0]));
      var services = el("td", "col-services");
      services.setAttribute("data-label", "Services");
      r[5].forEach(function (s, k) {
        if (k) services.appendChild(document.createTextNode(", "));
        services.appendChild(link(terms[s][1], terms[s][0]));
      });
      var severity = el("td", "col-severity");
      severity.setAttribute("data-sort", r[8]);
      if (r[8]) {
        var badge = el("span", "badge badge--severity sev-" + r[8].toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, ""), r[8]);
        badge.setAttribute("title", "Severity");
        severity.appendChild(badge);
      }
      [id, title, date, ownerCell, services, severity, spanCell(r[11], "Detect"), spanCell(r[12], "Mitigate")]
        .forEach(function (td) { tr.appendChild(td); });
      return tr;
    }

    // Loads every row, then calls done; the pages' own links stay for readers without script.
    function loadAll(done) {
      if (allLoaded || loading) return;
      loading = true;
      var script = document.createElement("script");
      script.src = rowsScript;
      script.onload = function () {
        var data = window.casebookIncidentRows;
        if (!data) return;
        var fragment = document.createDocumentFragment();
        rows = data.rows.map(function (r) { var tr = buildRow(r, data.terms); fragment.appendChild(tr); return tr; });
        while (tbody.firstChild) tbody.removeChild(tbody.firstChild);
        tbody.appendChild(fragment);
        total = rows.length;
        allLoaded = true;
        prepare();
        Array.prototype.forEach.call(document.querySelectorAll("[data-pagination]"), function (nav) { nav.hidden = true; });
        done();
      };
      document.head.appendChild(script);
    }

    var controls = {};
    if (form) {
      form.hidden = false;
      Array.prototype.forEach.call(form.querySelectorAll("[data-filter]"), function (el) {
        controls[el.getAttribute("data-filter")] = el;
      });
    }

    // Filters that match a row attribute holding "a|b|c" or a single value.
    var listFilters = { service: "data-services", team: "data-teams", year: "data-year", severity: "data-severity" };
    var DEFAULT_SORT = { key: "date", dir: "desc" };
    var sort = { key: DEFAULT_SORT.key, dir: DEFAULT_SORT.dir };

    function setControl(name, value) {
      var el = controls[name];
      if (!el) return;
      if (el.type === "checkbox") {
        el.checked = value === "1" || value === "true" || value === "yes";
      } else if (el.tagName === "SELECT") {
        var wanted = (value || "").toLowerCase();
        var found = "";
        Array.prototype.forEach.call(el.options, function (o) {
          if (o.value.toLowerCase() === wanted) found = o.value;
        });
        el.value = found;
      } else {
        el.value = value || "";
      }
    }

    function readState() {
      var state = {};
      Object.keys(controls).forEach(function (name) {
        var el = controls[name];
        state[name] = el.type === "checkbox" ? (el.checked ? "1" : "") : el.value.trim();
      });
      return state;
    }

    function fromUrl() {
      var params = new URLSearchParams(window.location.search);
      Object.keys(controls).forEach(function (name) {
        setControl(name, params.get(name));
      });
      var key = params.get("sort");
      if (key && headerFor(key)) {
        sort.key = key;
        sort.dir = params.get("dir") === "asc" ? "asc" : "desc";
      }
    }

    function toUrl(state) {
      var params = new URLSearchParams(window.location.search);
      Object.keys(controls).forEach(function (name) {
        if (state[name]) params.set(name, state[name]);
        else params.delete(name);
      });
      if (sort.key !== DEFAULT_SORT.key || sort.dir !== DEFAULT_SORT.dir) {
        params.set("sort", sort.key);
        params.set("dir", sort.dir);
      } else {
        params.delete("sort");
        params.delete("dir");
      }
      var query = params.toString();
      var url = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
      try {
        window.history.replaceState(null, "", url);
      } catch (e) { /* some browsers refuse this for file:// pages */ }
    }

    function matches(row, state) {
      if (state.q) {
        var words = state.q.toLowerCase().split(/\s+/);
        for (var w = 0; w < words.length; w++) {
          if (words[w] && row._text.indexOf(words[w]) === -1) return false;
        }
      }
      for (var name in listFilters) {
        if (!state[name]) continue;
        var values = (row.getAttribute(listFilters[name]) || "").toLowerCase().split("|");
        if (values.indexOf(state[name].toLowerCase()) === -1) return false;
      }
      if (state["near-miss"] && row.getAttribute("data-near-miss") !== "true") return false;
      return true;
    }

    function headerFor(key) {
      for (var i = 0; i < headers.length; i++) {
        if (headers[i].getAttribute("data-sort-key") === key) return headers[i];
      }
      return null;
    }

    function sortValue(row, index, type) {
      var cell = row.cells[index];
      if (!cell) return null;
      var raw = cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent.trim();
      if (raw === "") return null;
      if (type === "number") {
        var n = parseFloat(raw);
        return isNaN(n) ? null : n;
      }
      return raw.toLowerCase();
    }

    function sortRows() {
      var th = headerFor(sort.key);
      if (!th) return;
      var index = headers.indexOf(th);
      var type = th.getAttribute("data-sort-type") || "text";
      var sign = sort.dir === "asc" ? 1 : -1;
      var sorted = rows.slice().sort(function (a, b) {
        var va = sortValue(a, index, type);
        var vb = sortValue(b, index, type);
        // Rows without a value go last, whichever the direction.
        if (va === null && vb !== null) return 1;
        if (vb === null && va !== null) return -1;
        var c = 0;
        if (va !== null && vb !== null) {
          if (type === "number") c = va - vb;
          else c = va.localeCompare(vb, undefined, { numeric: true, sensitivity: "base" });
        }
        return c !== 0 ? c * sign : a._order - b._order;
      });
      var fragment = document.createDocumentFragment();
      sorted.forEach(function (row) { fragment.appendChild(row); });
      tbody.appendChild(fragment);
      headers.forEach(function (h) {
        if (!h.hasAttribute("data-sort-key")) return;
        if (h === th) h.setAttribute("aria-sort", sort.dir === "asc" ? "ascending" : "descending");
        else h.removeAttribute("aria-sort");
      });
    }

    function apply(updateUrl) {
      var state = readState();
      var filtered = Object.keys(state).some(function (k) { return state[k]; });
      var sorted = sort.key !== DEFAULT_SORT.key || sort.dir !== DEFAULT_SORT.dir;
      if (!allLoaded && (filtered || sorted)) {
        if (updateUrl) toUrl(state);
        loadAll(function () { apply(false); });
        return;
      }
      var shown = 0;
      rows.forEach(function (row) {
        var ok = matches(row, state);
        row.hidden = !ok;
        if (ok) shown++;
      });
      sortRows();
      if (countEl && !allLoaded) {
        var first = parseInt(table.getAttribute("data-first"), 10) || 0;
        countEl.textContent = "Showing " + (first + 1) + "\u2013" + (first + rows.length) + " of " + total + " write-ups";
      } else if (countEl) {
        countEl.textContent = shown === total
          ? "Showing all " + total + " write-up" + (total === 1 ? "" : "s")
          : "Showing " + shown + " of " + total + " write-up" + (total === 1 ? "" : "s");
      }
      if (emptyEl) emptyEl.hidden = shown !== 0;
      table.classList.toggle("is-empty", shown === 0);
      if (updateUrl) toUrl(state);
    }

    // Sortable headers become buttons.
    headers.forEach(function (th) {
      var key = th.getAttribute("data-sort-key");
      if (!key) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort-button";
      while (th.firstChild) button.appendChild(th.firstChild);
      var icon = document.createElement("span");
      icon.className = "sort-icon";
      icon.setAttribute("aria-hidden", "true");
      button.appendChild(icon);
      th.appendChild(button);
      th.classList.add("is-sortable");
      button.addEventListener("click", function () {
        if (sort.key === key) {
          sort.dir = sort.dir === "asc" ? "desc" : "asc";
        } else {
          sort.key = key;
          // Dates and durations read best largest first; names A to Z.
          sort.dir = key === "date" || th.getAttribute("data-sort-type") === "number" ? "desc" : "asc";
        }
        apply(true);
      });
    });

    Object.keys(controls).forEach(function (name) {
      var el = controls[name];
      el.addEventListener(el.tagName === "INPUT" && el.type !== "checkbox" ? "input" : "change", function () {
        apply(true);
      });
    });
    if (form) {
      form.addEventListener("submit", function (e) { e.preventDefault(); });
    }
    Array.prototype.forEach.call(document.querySelectorAll("[data-filter-reset]"), function (b) {
      b.addEventListener("click", function (e) {
        e.preventDefault();
        Object.keys(controls).forEach(function (name) { setControl(name, ""); });
        apply(true);
        if (controls.q) controls.q.focus();
      });
    });

    fromUrl();
    apply(false);
    window.addEventListener("popstate", function () { fromUrl(); apply(false); });
  }

  /* 3. Opened from disk -------------------------------------------------------------------- */

  function fixFileLinks() {
    if (window.location.protocol !== "file:") return;
    Array.prototype.forEach.call(document.querySelectorAll("a[href]"), function (a) {
      var href = a.getAttribute("href");
      // Leave absolute URLs, root-relative paths, fragments and bare queries alone.
      if (!href || /^[a-z][a-z0-9+.-]*:/i.test(href) || /^[\/#?]/.test(href)) return;
      var cut = href.search(/[?#]/);
      var path = cut === -1 ? href : href.slice(0, cut);
      var rest = cut === -1 ? "" : href.slice(cut);
      if (path === "." || path === "..") path += "/";
      if (path.charAt(path.length - 1) === "/") a.setAttribute("href", path + "index.html" + rest);
    });
  }

  /* 4. Mermaid diagrams -------------------------------------------------------------------- */

  function setupMermaid() {
    var nodes = Array.prototype.slice.call(document.querySelectorAll("pre.mermaid, div.mermaid"));
    if (!nodes.length || !window.mermaid) return;
    nodes.forEach(function (n) {
      if (!n.hasAttribute("data-source")) n.setAttribute("data-source", n.textContent);
    });
    var font = window.getComputedStyle(document.body).fontFamily;

    function render() {
      var dark = effectiveTheme() === "dark";
      window.mermaid.initialize({
        startOnLoad: false,
        securityLevel: "strict",
        theme: dark ? "dark" : "neutral",
        fontFamily: font
      });
      nodes.forEach(function (n) {
        n.removeAttribute("data-processed");
        n.textContent = n.getAttribute("data-source");
        n.classList.remove("is-rendered");
      });
      var done = function () { nodes.forEach(function (n) { n.classList.add("is-rendered"); }); };
      try {
        var result = window.mermaid.run({ nodes: nodes });
        if (result && result.then) {
          result.then(done, function (err) {
            if (window.console) console.warn("Casebook: a diagram could not be drawn", err);
          });
        } else {
          done();
        }
      } catch (err) {
        if (window.console) console.warn("Casebook: a diagram could not be drawn", err);
      }
    }

    render();
    document.addEventListener("casebook:themechange", render);
  }

  /* 5. Table of contents: the section being read ------------------------------------------- */

  function setupTocSpy() {
    var toc = document.querySelector(".toc");
    if (!toc || !("IntersectionObserver" in window)) return;
    var links = {};
    var headings = [];
    Array.prototype.forEach.call(toc.querySelectorAll("a[href^='#']"), function (a) {
      var id = decodeURIComponent(a.getAttribute("href").slice(1));
      var h = document.getElementById(id);
      if (h) {
        links[id] = a;
        headings.push(h);
      }
    });
    if (!headings.length) return;
    var visible = {};
    var current = null;

    function update() {
      var active = null;
      for (var i = 0; i < headings.length; i++) {
        if (visible[headings[i].id]) { active = headings[i].id; break; }
      }
      if (!active) {
        // Between headings: the last one above the top of the viewport.
        for (var j = headings.length - 1; j >= 0; j--) {
          if (headings[j].getBoundingClientRect().top < 120) { active = headings[j].id; break; }
        }
      }
      if (active === current) return;
      if (current && links[current]) links[current].removeAttribute("aria-current");
      if (active && links[active]) links[active].setAttribute("aria-current", "location");
      current = active;
    }

    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (e) { visible[e.target.id] = e.isIntersecting; });
      update();
    }, { rootMargin: "0px 0px -65% 0px" });
    headings.forEach(function (h) { observer.observe(h); });
  }

  function init() {
    setupThemeToggle();
    setupIncidentTable();
    fixFileLinks();
    setupMermaid();
    setupTocSpy();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
