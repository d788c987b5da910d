/*
 * The table of write-ups (incidents.ftlh): sorting by a column, filtering by words, service, team,
 * year, severity and near misses, with the filters kept in the address. Only the table's pages load
 * it; every row reads without it. A table of more than one page loads the rows of every page
 * (assets/incident-rows.js) the first time a reader sorts or filters, and shows those.
 */
(function () {
  "use strict";

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

    // Opened from disk, a link to a folder needs its index.html (casebook.js does this for the
    // page's own links, before these rows exist).
    var fromDisk = window.location.protocol === "file:";

    function link(href, text, className) {
      var a = el("a", className, text);
      var url = table.getAttribute("data-root") + href;
      a.setAttribute("href", fromDisk && url.charAt(url.length - 1) === "/" ? url + "index.html" : url);
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

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setupIncidentTable);
  else setupIncidentTable();
})();
