/*
 * Casebook default theme: search, in the browser, with lunr.js and the index the build wrote:
 * assets/search/index.js (window.casebookSearch: a small manifest), the partitions of the index
 * (assets/search/terms-N.js, each a lunr index of a range of terms), the document store
 * (docs-N.js), the write-up ids (ids-N.js) and the texts for snippets (text-N.js). For each query
 * only the partitions its words need are loaded, and the store and text of the results on screen.
 * search-engine.js runs the queries. No request leaves the site, and it works from disk (file://),
 * where scripts load but fetch() does not.
 *
 *  1. the box in the header: "/" focuses it, results drop down as you type, arrows/Enter/Escape;
 *     lunr.js and the manifest load on first use only
 *  2. the search page (search/): the query and the filters are kept in the address
 */
(function () {
  "use strict";

  var isFile = window.location.protocol === "file:";
  var header = document.querySelector("[data-site-search]");
  var root = header ? header.getAttribute("data-root") : "";
  var assets = header ? header.getAttribute("data-assets") : "assets/";
  var DROPDOWN_LIMIT = 8;
  var PAGE_STEP = 20;
  var SNIPPET_WORDS = 24;
  var SNIPPETS_AT_ONCE = 10;

  /* Loading ------------------------------------------------------------------------------- */

  var engine = null;
  var waiting = null;

  function ready() {
    return !!(window.lunr && window.casebookSearch && window.casebookSearchEngine);
  }

  function getEngine() {
    if (!engine && ready()) engine = window.casebookSearchEngine.create(window.casebookSearch);
    return engine;
  }

  function addScript(src, done) {
    var s = document.createElement("script");
    s.src = src;
    s.async = true;
    s.onload = function () { done(null); };
    s.onerror = function () { done(new Error("could not load " + src)); };
    document.head.appendChild(s);
  }

  /** Loads lunr.js, the engine and the manifest once; calls back with the engine, or null when they failed. */
  function load(callback) {
    if (ready()) { callback(getEngine()); return; }
    if (waiting) { waiting.push(callback); return; }
    waiting = [callback];
    var pending = 0;
    var failed = false;
    function done(err) {
      if (err) failed = true;
      if (--pending > 0) return;
      var e = failed || !ready() ? null : getEngine();
      var list = waiting;
      waiting = null;
      list.forEach(function (cb) { cb(e); });
    }
    if (!window.lunr) { pending++; addScript(assets + "vendor/lunr.min.js", done); }
    if (!window.casebookSearchEngine) { pending++; addScript(assets + "search-engine.js", done); }
    if (!window.casebookSearch) { pending++; addScript(assets + "search/index.js", done); }
  }

  /** The folder of the index files: beside index.js, wherever the page loaded it from. */
  function indexBase() {
    var s = document.querySelector("script[src$='search/index.js']");
    return s ? s.getAttribute("src").replace(/index\.js$/, "") : assets + "search/";
  }

  /** Files being loaded, by name, with who waits for them. */
  var loading = {};

  /**
   * Loads the index files named (terms-3, docs-0, ...) that the engine does not have yet, all at
   * once, decodes each (a compressed file's value is the base64 of its gzip) and gives it to the
   * engine, and calls done when every one is in (or failed).
   */
  function loadFiles(e, names, done) {
    var E = window.casebookSearchEngine;
    var pending = 1;
    function one() { if (--pending === 0) done(); }
    names.forEach(function (name) {
      if (E.has(e, name)) return;
      pending++;
      if (loading[name]) { loading[name].push(one); return; }
      loading[name] = [one];
      addScript(indexBase() + name + ".js", function () {
        var g = E.fileGlobal(name);
        var store = window[g.global] || {};
        var data = own.call(store, g.n) ? store[g.n] : null;
        delete store[g.n];
        // A file that cannot be decoded counts as one that could not be loaded.
        E.decode(data).then(null, function () { return null; }).then(function (value) {
          E.add(e, name, value);
          var list = loading[name];
          delete loading[name];
          list.forEach(function (fn) { fn(); });
        });
      });
    });
    one();
  }

  var own = Object.prototype.hasOwnProperty;

  /** A note when some index file could not be loaded, else null. */
  function failedStatus(e) {
    return e.failed ? "Some parts of the search index could not be loaded (" + e.failed + ")." : null;
  }

  function now() {
    return window.performance && performance.now ? Math.round(performance.now() * 10) / 10 : 0;
  }

  /**
   * The plain text of the document with this ref, when its text file has loaded; else null, and
   * the file is loaded (once) and then arrived() is called.
   */
  function textOf(e, ref, arrived) {
    var E = window.casebookSearchEngine;
    var t = E.text(e, ref);
    if (t !== null) return t;
    loadFiles(e, [E.textFile(e, ref)], function () { if (arrived) arrived(); });
    return null;
  }

  /**
   * A search for one part of the page. run() works out what the query needs, loads the partitions
   * of the index its words need, searches, loads the store of the first results (how many: the
   * part's limit()) and shows them: show(e, results, prepared), results null for an empty query,
   * each with its doc when the first ones' store is in. A newer query replaces an older one still loading.
   */
  function makeSearch(show, limit) {
    var generation = 0;
    var last = null;

    function attempt(e, q, filters, mine) {
      if (mine !== generation) return;
      var E = window.casebookSearchEngine;
      var p = E.prepare(e, q, filters);
      if (p === null) { last = null; show(e, null, null); return; }
      if (p.missing.length) { loadFiles(e, p.missing, function () { attempt(e, q, filters, mine); }); return; }
      var results = E.results(e, p);
      last = { e: e, results: results, prepared: p, mine: mine, drawn: 0, complete: false, waiting: {} };
      drawWhenStored(last);
    }

    /**
     * Shows the results in rank order as their store files come in: the first ones as soon as
     * their own store is in, without waiting for the rest of the first limit() of them. Each draw
     * shows the leading results whose doc is in; `partial` is true until all limit() are.
     */
    function drawWhenStored(state) {
      if (state.mine !== generation) return;
      var E = window.casebookSearchEngine;
      var wanted = state.results.slice(0, limit());
      var ready = 0;
      while (ready < wanted.length && (wanted[ready].doc || (wanted[ready].doc = E.doc(state.e, wanted[ready].ref)))) ready++;
      if (ready === wanted.length) {
        if (state.drawn === ready && state.complete) return;
        state.drawn = ready;
        state.complete = true;
        state.results.forEach(function (r) { if (!r.doc) r.doc = E.doc(state.e, r.ref); });
        show(state.e, state.results, state.prepared, false);
        return;
      }
      state.complete = false;
      if (ready > state.drawn) {
        state.drawn = ready;
        show(state.e, state.results, state.prepared, true);
      }
      // Each store file is waited for on its own, so that the first results draw when theirs is in.
      E.docsMissing(state.e, wanted.slice(ready).map(function (r) { return r.ref; })).forEach(function (name) {
        if (state.waiting[name]) return;
        state.waiting[name] = true;
        loadFiles(state.e, [name], function () {
          delete state.waiting[name];
          drawWhenStored(state);
        });
      });
    }

    return {
      run: function (e, q, filters) {
        generation++;
        attempt(e, q, filters, generation);
      },
      /** Shows more of the last results (the page grew): loads their store first. */
      more: function () {
        if (last) drawWhenStored(last);
      }
    };
  }

  /** The first results, at most limit, up to the first whose store is not in yet. */
  function leading(results, limit) {
    var out = [];
    for (var i = 0; i < results.length && i < limit && results[i].doc; i++) out.push(results[i]);
    return out;
  }

  /** "Showing results for certificate": what was searched when a word was not in the index. */
  function shownLine(e, prepared, results) {
    var text = window.casebookSearchEngine.shown(e, prepared, results);
    return text ? "Showing results for \u201c" + text + "\u201d." : null;
  }

  /** What was left out because it begins too many words, and what to type instead; else null. */
  function broadLine(prepared) {
    var text = window.casebookSearchEngine.broad(prepared);
    return text ? "\u201c" + text + "\u201d begins too many words to search; type more of the word before the *." : null;
  }

  /* Rendering ----------------------------------------------------------------------------- */

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return node;
  }

  /** A page of the site as a link from here; folders get index.html when opened from disk. */
  function siteUrl(path, query) {
    var hash = path.indexOf("#");
    var fragment = hash < 0 ? "" : path.slice(hash);
    if (hash >= 0) path = path.slice(0, hash);
    if (isFile && (path === "" || path.charAt(path.length - 1) === "/")) path += "index.html";
    return root + path + (query || "") + fragment;
  }

  function searchUrl(q) {
    return siteUrl("search/", q ? "?q=" + encodeURIComponent(q) : "");
  }

  /** Appends pieces [{text, mark}] to parent, the marked ones in <mark>. */
  function appendPieces(parent, pieces) {
    pieces.forEach(function (p) {
      parent.appendChild(p.mark ? el("mark", null, p.text) : document.createTextNode(p.text));
    });
    return parent;
  }

  /** text with the words that matched (their lunr terms are in terms) wrapped in <mark>. */
  function highlight(parent, text, terms) {
    if (!terms || !terms.length || !window.casebookSearchEngine) { parent.appendChild(document.createTextNode(text)); return parent; }
    return appendPieces(parent, window.casebookSearchEngine.marks(text, terms));
  }

  /**
   * Fills node with the passage of the result's full text that matched, once its text file has
   * loaded (at once when it already has); leaves node empty and hidden when no word of the text
   * matched. Returns node.
   */
  function snippetInto(e, node, r) {
    node.hidden = true;
    function fill() {
      var text = textOf(e, r.ref, null);
      var pieces = text ? window.casebookSearchEngine.snippet(text, r.terms, SNIPPET_WORDS) : null;
      node.textContent = "";
      if (pieces) { appendPieces(node, pieces); node.hidden = false; }
    }
    if (!r.terms.length) return node;
    if (textOf(e, r.ref, fill) !== null) fill();
    return node;
  }

  function isDesign(doc) {
    return doc.kind === "design";
  }

  function isPath(doc) {
    return doc.kind === "path";
  }

  function isTerm(doc) {
    return doc.kind === "term";
  }

  /** What a result's first line calls it: a write-up's id, or its kind. */
  function kindLabel(doc) {
    if (isDesign(doc)) return "Design document";
    if (isPath(doc)) return "Reading path · " + doc.steps + (doc.steps === 1 ? " step" : " steps");
    if (isTerm(doc)) return "Glossary term";
    return doc.id;
  }

  function metaLine(doc) {
    var meta = el("span", "search-result__meta");
    meta.appendChild(el("span", "search-result__id", kindLabel(doc)));
    if (doc.date) {
      meta.appendChild(document.createTextNode(" · "));
      var time = el("time", null, doc.dateLabel);
      time.setAttribute("datetime", doc.date);
      meta.appendChild(time);
    }
    var who = isDesign(doc) ? doc.authors.join(", ") : doc.owner;
    if (who) meta.appendChild(document.createTextNode(" · " + who));
    return meta;
  }

  function badges(doc) {
    var span = el("span", "search-result__badges");
    if (doc.severity) {
      var slug = doc.severity.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
      span.appendChild(el("span", "badge badge--severity sev-" + slug, doc.severity));
    }
    if (doc.nearMiss) span.appendChild(el("span", "badge badge--near-miss", "Near miss"));
    if (isDesign(doc) && doc.status) span.appendChild(el("span", "badge badge--status", doc.status));
    return span;
  }

  /**
   * The line under a result's title: its summary with the matched words marked; when no word of the
   * summary matched, the passage of the full text that did, once its text has loaded.
   */
  function summaryInto(e, node, r) {
    highlight(node, r.doc.summary, r.terms);
    if (!r.terms.length || window.casebookSearchEngine.matches(r.doc.summary, r.terms)) return node;
    function fill() {
      var text = textOf(e, r.ref, null);
      var pieces = text ? window.casebookSearchEngine.snippet(text, r.terms, SNIPPET_WORDS) : null;
      if (!pieces) return;
      node.textContent = "";
      node.classList.add("search-result__snippet");
      appendPieces(node, pieces);
    }
    if (textOf(e, r.ref, fill) !== null) fill();
    return node;
  }

  /** "1 result", "2 results". */
  function resultCount(n) {
    return n + " result" + (n === 1 ? "" : "s");
  }

  /** Services and tags as chips; on the search page they search for that service or tag. */
  function chips(doc, linked) {
    var box = el("div", "search-result__chips");
    [["service", doc.services, "chips--services"], ["tag", doc.tags, "chips--tags"]].forEach(function (group) {
      if (!group[1].length) return;
      var ul = el("ul", "chips " + group[2]);
      ul.setAttribute("aria-label", group[0] === "service" ? "Services" : "Tags");
      group[1].forEach(function (name) {
        var li = el("li");
        var chip = el(linked ? "a" : "span", "chip", name);
        if (linked) {
          chip.href = searchUrl(group[0] + ":" + name);
          chip.title = "Search " + group[0] + ":" + name;
        }
        li.appendChild(chip);
        ul.appendChild(li);
      });
      box.appendChild(ul);
    });
    return box;
  }

  /** The syntax examples, with names from the library. */
  function examples(e) {
    var x = e.manifest.examples || {};
    var list = [];
    if (x.service) list.push("service:" + x.service);
    if (x.team) list.push("team:" + x.team);
    if (x.tag) list.push("tag:" + x.tag);
    list.push("title:failover", "failov*", "+dns -cache");
    return list;
  }

  /** Calls go with the address of the document with this ref, once its store file is in. */
  function openRef(e, ref, go) {
    var E = window.casebookSearchEngine;
    loadFiles(e, E.docsMissing(e, [ref]), function () {
      var d = E.doc(e, ref);
      if (d) go(siteUrl(d.url));
    });
  }

  /* 1. The header box --------------------------------------------------------------------- */

  function setupHeaderBox() {
    if (!header) return;
    var input = header.querySelector("input[name=q]");
    var panel = header.querySelector(".site-search__panel");
    if (!input || !panel) return;
    var options = [];
    var active = -1;
    var lastQuery = null;
    var loadingShown = false;

    function open() {
      panel.hidden = false;
      input.setAttribute("aria-expanded", "true");
      header.classList.add("is-open");
    }

    function close() {
      panel.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      header.classList.remove("is-open");
      setActive(-1);
    }

    function setActive(n) {
      if (active >= 0 && options[active]) options[active].classList.remove("is-active");
      active = n;
      if (n >= 0 && options[n]) {
        options[n].classList.add("is-active");
        options[n].setAttribute("aria-selected", "true");
        input.setAttribute("aria-activedescendant", options[n].id);
        if (options[n].scrollIntoView) options[n].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
      options.forEach(function (o, i) { if (i !== n) o.setAttribute("aria-selected", "false"); });
    }

    var search = makeSearch(draw, function () { return DROPDOWN_LIMIT; });

    function render() {
      var q = input.value;
      if (!q.trim()) { lastQuery = null; panel.textContent = ""; options = []; close(); return; }
      var e = getEngine();
      if (!e) {
        if (!loadingShown) {
          panel.textContent = "";
          panel.appendChild(el("p", "site-search__status", "Loading the search index…"));
          loadingShown = true;
          open();
        }
        load(function (loaded) {
          if (!loaded) {
            panel.textContent = "";
            panel.appendChild(el("p", "site-search__status", "The search index could not be loaded."));
            return;
          }
          render();
        });
        return;
      }
      if (q === lastQuery && !panel.hidden) return;
      lastQuery = q;
      search.run(e, q, null);
    }

    /**
     * Shows results in the panel, keeping the chosen result when the same query is drawn again;
     * partial while the store of some of the first results is still loading (those are left out).
     */
    function draw(e, results, p, partial) {
      var q = input.value;
      if (results === null || !q.trim()) { close(); return; }
      var chosen = active >= 0 && options[active] ? options[active].getAttribute("data-ref") : null;
      panel.textContent = "";
      panel.setAttribute("data-query", q);
      options = [];
      active = -1;
      var line = shownLine(e, p, results);
      if (line && results.length) panel.appendChild(el("p", "site-search__status site-search__shown", line));
      var tooBroad = broadLine(p);
      if (tooBroad) panel.appendChild(el("p", "site-search__status site-search__broad", tooBroad));
      if (!results.length) {
        var empty = el("div", "site-search__empty");
        empty.appendChild(el("p", "site-search__empty-title", "Nothing matches \u201c" + q.trim() + "\u201d."));
        empty.appendChild(el("p", null, "Try other words, the beginning of a word with * or one field:"));
        var ul = el("ul", "site-search__examples");
        examples(e).forEach(function (x) {
          var li = el("li");
          var b = el("button", "site-search__example");
          b.type = "button";
          b.appendChild(el("code", null, x));
          b.addEventListener("click", function () {
            input.value = x;
            input.focus();
            render();
          });
          li.appendChild(b);
          ul.appendChild(li);
        });
        empty.appendChild(ul);
        panel.appendChild(empty);
      } else {
        var list = el("ul", "site-search__results");
        list.setAttribute("role", "listbox");
        list.setAttribute("aria-label", "Search results");
        list.setAttribute("aria-busy", partial ? "true" : "false");
        leading(results, DROPDOWN_LIMIT).forEach(function (r, n) {
          var li = el("li");
          li.setAttribute("role", "presentation");
          var a = el("a", "search-result search-result--compact");
          a.href = siteUrl(r.doc.url);
          a.id = "site-search-option-" + n;
          a.setAttribute("role", "option");
          a.setAttribute("aria-selected", "false");
          a.setAttribute("tabindex", "-1");
          a.setAttribute("data-ref", r.ref);
          var top = el("span", "search-result__top");
          top.appendChild(metaLine(r.doc));
          top.appendChild(badges(r.doc));
          a.appendChild(top);
          a.appendChild(highlight(el("span", "search-result__title"), r.doc.title, r.terms));
          a.appendChild(summaryInto(e, el("span", "search-result__summary"), r));
          a.appendChild(chips(r.doc, false));
          a.addEventListener("mousemove", function () { if (active !== n) setActive(n); });
          li.appendChild(a);
          list.appendChild(li);
          options.push(a);
        });
        panel.appendChild(list);
      }
      var status = failedStatus(e);
      if (status) panel.appendChild(el("p", "site-search__status", status));
      var more = el("a", "site-search__more", results.length > 1
        ? "All " + results.length + " results on the search page"
        : "Open the search page");
      more.href = searchUrl(q.trim());
      panel.appendChild(more);
      open();
      if (chosen !== null) {
        for (var i = 0; i < options.length; i++) {
          if (options[i].getAttribute("data-ref") === chosen) { setActive(i); break; }
        }
      }
    }

    function go() {
      var q = input.value.trim();
      if (active >= 0 && options[active]) { window.location.href = options[active].href; return; }
      // An exact id opens its write-up.
      var e = getEngine();
      var p = e && q ? window.casebookSearchEngine.prepare(e, q, null) : null;
      if (p && p.id !== null && !p.missing.length) { openRef(e, p.id, function (url) { window.location.href = url; }); return; }
      window.location.href = searchUrl(q);
    }

    input.addEventListener("focus", function () {
      load(function () {});
      if (input.value.trim()) { lastQuery = null; render(); }
    });
    input.addEventListener("input", render);
    input.addEventListener("keydown", function (ev) {
      if (ev.key === "ArrowDown" || ev.key === "Down") {
        ev.preventDefault();
        if (panel.hidden) { lastQuery = null; render(); return; }
        if (options.length) setActive(active + 1 >= options.length ? 0 : active + 1);
      } else if (ev.key === "ArrowUp" || ev.key === "Up") {
        ev.preventDefault();
        if (options.length) setActive(active <= 0 ? options.length - 1 : active - 1);
      } else if (ev.key === "Enter") {
        ev.preventDefault();
        go();
      } else if (ev.key === "Escape" || ev.key === "Esc") {
        if (!panel.hidden) { ev.preventDefault(); close(); }
        else if (input.value) { ev.preventDefault(); input.value = ""; }
        else input.blur();
      } else {
        load(function () {});
      }
    });
    header.addEventListener("submit", function (ev) {
      ev.preventDefault();
      go();
    });
    document.addEventListener("mousedown", function (ev) {
      if (!header.contains(ev.target)) close();
    });
    header.addEventListener("focusout", function (ev) {
      if (ev.relatedTarget && !header.contains(ev.relatedTarget)) close();
    });

    // "/" focuses the box, unless the reader is typing somewhere.
    document.addEventListener("keydown", function (ev) {
      if (ev.key !== "/" || ev.ctrlKey || ev.metaKey || ev.altKey || ev.defaultPrevented) return;
      var t = ev.target;
      var tag = t && t.tagName ? t.tagName.toLowerCase() : "";
      if (tag === "input" || tag === "textarea" || tag === "select" || (t && t.isContentEditable)) return;
      ev.preventDefault();
      var page = document.querySelector("[data-search-page] input[name=q]");
      (page || input).focus();
      (page || input).select();
    });
  }

  /* 2. The search page -------------------------------------------------------------------- */

  function setupSearchPage() {
    var form = document.querySelector("[data-search-page]");
    if (!form) return;
    var controls = {};
    Array.prototype.forEach.call(form.querySelectorAll("[data-search-filter]"), function (c) {
      controls[c.getAttribute("data-search-filter")] = c;
    });
    var list = document.querySelector("[data-search-results]");
    var count = document.querySelector("[data-search-count]");
    var empty = document.querySelector("[data-search-empty]");
    var emptyTitle = document.querySelector("[data-search-empty-title]");
    var emptyFilters = document.querySelector("[data-search-empty-filters]");
    var help = document.querySelector("[data-search-help]");
    var FILTERS = ["service", "team", "year"];

    function state() {
      var s = {};
      Object.keys(controls).forEach(function (k) { s[k] = controls[k].value.trim(); });
      return s;
    }

    function fromUrl() {
      var params = new URLSearchParams(window.location.search);
      Object.keys(controls).forEach(function (k) {
        var c = controls[k];
        var v = params.get(k) || "";
        if (c.tagName === "SELECT") {
          var found = "";
          Array.prototype.forEach.call(c.options, function (o) { if (o.value.toLowerCase() === v.toLowerCase()) found = o.value; });
          c.value = found;
        } else {
          c.value = v;
        }
      });
    }

    function toUrl(s) {
      var params = new URLSearchParams();
      ["q"].concat(FILTERS).forEach(function (k) { if (s[k]) params.set(k, s[k]); });
      var query = params.toString();
      try {
        window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : ""));
      } catch (e) { /* some browsers refuse this for file:// pages */ }
    }

    function card(r, n) {
      var doc = r.doc;
      var li = el("li");
      var art = el("article", "incident-card search-result" + (doc.nearMiss ? " incident-card--near-miss" : "")
        + (isDesign(doc) ? " search-result--design" : "") + (isPath(doc) ? " search-result--path" : "")
        + (isTerm(doc) ? " search-result--term" : ""));
      var meta = el("div", "incident-card__meta");
      meta.appendChild(el("span", "incident-card__id", kindLabel(doc)));
      if (doc.date) {
        meta.appendChild(el("span", null, "·")).setAttribute("aria-hidden", "true");
        var time = el("time", null, doc.dateLabel);
        time.setAttribute("datetime", doc.date);
        meta.appendChild(time);
      }
      if (isDesign(doc) && doc.authors.length) {
        meta.appendChild(el("span", null, "·")).setAttribute("aria-hidden", "true");
        meta.appendChild(el("span", "incident-card__owner", doc.authors.join(", ")));
      }
      if (doc.owner) {
        meta.appendChild(el("span", null, "·")).setAttribute("aria-hidden", "true");
        var owner = el("span", "incident-card__owner");
        owner.appendChild(el("span", "visually-hidden", "Owner: "));
        var ownerLink = el("a", null, doc.owner);
        ownerLink.href = searchUrl("team:" + doc.owner);
        ownerLink.title = "Search team:" + doc.owner;
        owner.appendChild(ownerLink);
        meta.appendChild(owner);
      }
      var b = badges(doc);
      b.className = "incident-card__badges";
      meta.appendChild(b);
      art.appendChild(meta);
      var h = el("h2", "incident-card__title");
      var a = el("a");
      a.href = siteUrl(doc.url);
      highlight(a, doc.title, r.terms);
      h.appendChild(a);
      art.appendChild(h);
      if (doc.summary) art.appendChild(highlight(el("p", "incident-card__summary"), doc.summary, r.terms));
      if (r.terms.length) {
        // The passage that matched, from the document's text file, once the card comes near the screen.
        var snippet = el("p", "incident-card__snippet search-result__snippet");
        snippet.hidden = true;
        var e = currentEngine;
        art.appendChild(snippet);
        // The first cards are on screen: their passages load at once; the others as they come near it.
        if (observer && n >= SNIPPETS_AT_ONCE) { snippetFor.set(snippet, function () { snippetInto(e, snippet, r); }); observer.observe(snippet.parentNode); }
        else snippetInto(e, snippet, r);
      }
      if (doc.services.length || doc.tags.length) {
        var c = chips(doc, true);
        c.className = "incident-card__chips";
        art.appendChild(c);
      }
      li.appendChild(art);
      return li;
    }

    var progress = el("p", "search-progress", "");
    progress.setAttribute("data-search-progress", "");
    progress.setAttribute("aria-live", "polite");
    progress.hidden = true;
    if (count && count.parentNode) count.parentNode.insertBefore(progress, count.nextSibling);
    // Cards on the page: the first PAGE_STEP results, PAGE_STEP more each time the last comes near the screen.
    var shownCount = PAGE_STEP;
    var search = makeSearch(render, function () { return shownCount; });

    var searchStart = 0;
    var currentEngine = null;
    // Snippets are filled in as their cards come near the screen, so only their text files load.
    var snippetFor = typeof WeakMap === "function" ? new WeakMap() : null;
    var observer = snippetFor && "IntersectionObserver" in window ? new IntersectionObserver(function (entries) {
      entries.forEach(function (en) {
        if (!en.isIntersecting) return;
        observer.unobserve(en.target);
        var p = en.target.querySelector(".incident-card__snippet");
        var fill = p && snippetFor.get(p);
        if (fill) fill();
      });
    }, { rootMargin: "600px 0px" }) : null;

    var moreObserver = "IntersectionObserver" in window ? new IntersectionObserver(function (entries) {
      entries.forEach(function (en) {
        if (!en.isIntersecting) return;
        moreObserver.unobserve(en.target);
        shownCount += PAGE_STEP;
        search.more();
      });
    }, { rootMargin: "600px 0px" }) : null;

    /** "15 write-ups", "15 write-ups and 2 design documents", "15 write-ups, 2 design documents, 2 reading paths and 4 glossary terms". */
    function library(e) {
      var n = e.manifest.incidents;
      var parts = [n + " write-up" + (n === 1 ? "" : "s")];
      var designs = e.manifest.designs;
      if (designs) parts.push(designs + " design document" + (designs === 1 ? "" : "s"));
      var paths = e.manifest.paths;
      if (paths) parts.push(paths + " reading path" + (paths === 1 ? "" : "s"));
      var terms = e.manifest.glossary;
      if (terms) parts.push(terms + " glossary term" + (terms === 1 ? "" : "s"));
      return parts.length === 1 ? parts[0] : parts.slice(0, -1).join(", ") + " and " + parts[parts.length - 1];
    }

    function filtersOf(s) {
      return { service: s.service || "", team: s.team || "", year: s.year || "" };
    }

    function show(e, submitted) {
      searchStart = now();
      shownCount = PAGE_STEP;
      var s = state();
      var q = s.q;
      if (submitted && q) {
        // An exact id opens its write-up.
        var p = window.casebookSearchEngine.prepare(e, q, null);
        if (p && p.missing.length) {
          loadFiles(e, p.missing, function () { show(e, submitted); });
          return;
        }
        if (p && p.id !== null) { openRef(e, p.id, function (url) { window.location.replace(url); }); return; }
      }
      search.run(e, q, filtersOf(s));
    }

    /** Draws the results, the first shownCount of them as cards (those whose store is in). */
    function render(e, results, prepared, partial) {
      var s = state();
      var filtered = FILTERS.some(function (k) { return !!s[k]; });
      if (results === null) results = [];
      list.textContent = "";
      currentEngine = e;
      if (observer) observer.disconnect();
      if (moreObserver) moreObserver.disconnect();
      list.setAttribute("aria-busy", partial ? "true" : "false");
      var cards = leading(results, shownCount);
      cards.forEach(function (r, n) { list.appendChild(card(r, n)); });
      if (moreObserver && !partial && results.length > cards.length && list.lastChild) moreObserver.observe(list.lastChild);
      var n = results.length;
      var what = resultCount(n);
      var line = n ? shownLine(e, prepared, results) : null;
      var tooBroad = broadLine(prepared);
      if (tooBroad) line = line ? line + " " + tooBroad : tooBroad;
      if (n === 0 && (s.q || filtered)) count.textContent = tooBroad || "";
      else if (!s.q && !filtered) count.textContent = "Type words to search " + library(e) + ".";
      else if (!s.q) count.textContent = what + " with these filters, newest first.";
      else count.textContent = what + (n === 1 ? " matches" : " match") + " \u201c" + s.q + "\u201d" + (filtered ? " with these filters" : "")
        + ", best first." + (line ? " " + line : "");
      var none = n === 0 && (!!s.q || filtered);
      empty.hidden = !none;
      if (none) {
        emptyTitle.textContent = s.q
          ? "Nothing matches \u201c" + s.q + "\u201d" + (filtered ? " with these filters." : ".")
          : "Nothing has all these filters.";
        emptyFilters.hidden = !filtered;
      }
      if (help) help.open = none || (!s.q && !filtered);
      var status = failedStatus(e);
      progress.textContent = status || "";
      progress.hidden = !status;
      // For the benchmark (bench/search-bench.sh): when results were first shown, in ms since the
      // page started loading; and how long the query took, from the manifest loaded to results on screen.
      if (s.q && !list.hasAttribute("data-first-results-ms")) {
        list.setAttribute("data-first-results-ms", now());
        list.setAttribute("data-first-search-ms", Math.round((now() - searchStart) * 10) / 10);
      }
    }

    function update(submitted, updateUrl) {
      var e = getEngine();
      if (updateUrl) toUrl(state());
      if (e) { show(e, submitted); return; }
      load(function (loaded) {
        if (!loaded) { count.textContent = "The search index could not be loaded."; return; }
        show(loaded, submitted);
      });
    }

    Object.keys(controls).forEach(function (k) {
      var c = controls[k];
      c.addEventListener(c.tagName === "SELECT" ? "change" : "input", function () {
        update(false, true);
      });
    });
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      update(true, true);
    });
    var clear = document.querySelector("[data-search-clear-filters]");
    if (clear) {
      clear.addEventListener("click", function () {
        FILTERS.forEach(function (k) { if (controls[k]) controls[k].value = ""; });
        update(false, true);
        if (controls.q) controls.q.focus();
      });
    }
    window.addEventListener("popstate", function () { fromUrl(); update(false, false); });

    fromUrl();
    update(true, false);
    if (controls.q && !controls.q.value) controls.q.focus();
  }

  function init() {
    setupHeaderBox();
    setupSearchPage();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
