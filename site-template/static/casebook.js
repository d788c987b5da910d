/*
 * Casebook default theme. Small, dependency-free, and optional: every page works without it.
 *
 *  1. the light/dark toggle, remembered in localStorage
 *  2. (the table of write-ups sorts and filters with incident-table.js, which only its pages load)
 *  3. links that work when the site is opened from disk (file://)
 *  4. Mermaid diagrams (when the page loads Mermaid) that follow the theme
 *  5. the table of contents highlights the section being read
 *  6. copy buttons on code blocks and on "Cite as"
 *  7. diagrams and images opened full size, in a dialog
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

  /* 6. Copy buttons ------------------------------------------------------------------------ */

  function copyText(text) {
    if (navigator.clipboard && navigator.clipboard.writeText) {
      return navigator.clipboard.writeText(text).then(function () { return true; }, function () { return copyBySelection(text); });
    }
    return Promise.resolve(copyBySelection(text));
  }

  /** The older way, for pages opened from disk and browsers without the clipboard API. */
  function copyBySelection(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    document.body.removeChild(area);
    return ok;
  }

  function copyButton(label, textOf) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "copy-button";
    button.textContent = "Copy";
    button.setAttribute("aria-label", label);
    button.addEventListener("click", function () {
      copyText(textOf()).then(function (ok) {
        button.textContent = ok ? "Copied" : "Press Ctrl+C";
        button.setAttribute("data-copied", ok ? "true" : "false");
        window.setTimeout(function () { button.textContent = "Copy"; button.removeAttribute("data-copied"); }, 2000);
      });
    });
    return button;
  }

  function setupCopyButtons() {
    Array.prototype.forEach.call(document.querySelectorAll(".prose pre"), function (pre) {
      if (pre.classList.contains("mermaid")) return;
      var code = pre.querySelector("code") || pre;
      pre.classList.add("has-copy");
      pre.appendChild(copyButton("Copy the code", function () { return code.textContent; }));
    });
    var cite = document.querySelector("[data-cite]");
    if (cite) cite.appendChild(copyButton("Copy the citation", function () { return cite.getAttribute("data-cite"); }));
  }

  /* 7. Full size ------------------------------------------------------------------------------ */

  function setupFullSize() {
    var dialog = null;
    function open(content) {
      if (!dialog) {
        dialog = document.createElement("dialog");
        dialog.className = "full-size";
        dialog.setAttribute("aria-label", "Full size");
        dialog.addEventListener("click", function () { dialog.close(); });
        document.body.appendChild(dialog);
      }
      dialog.textContent = "";
      var close = document.createElement("button");
      close.type = "button";
      close.className = "full-size__close";
      close.textContent = "Close";
      dialog.appendChild(close);
      dialog.appendChild(content);
      if (dialog.showModal) dialog.showModal(); else dialog.setAttribute("open", "");
    }
    Array.prototype.forEach.call(document.querySelectorAll(".prose pre.mermaid, .prose div.mermaid, .prose img"), function (node) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "full-size-button";
      button.textContent = "Open full size";
      button.addEventListener("click", function () {
        var svg = node.tagName === "IMG" ? null : node.querySelector("svg");
        var content;
        if (svg) {
          content = svg.cloneNode(true);
          content.removeAttribute("style");
          content.setAttribute("width", "100%");
          // The width it is drawn at: on a phone the dialog scrolls rather than shrinking the text
          // out of reading (casebook.css); on a wider screen the diagram fits the dialog.
          var box = svg.viewBox && svg.viewBox.baseVal;
          if (box && box.width) content.style.setProperty("--drawn-width", Math.round(box.width) + "px");
        } else if (node.tagName === "IMG") {
          content = document.createElement("img");
          content.src = node.currentSrc || node.src;
          content.alt = node.alt;
        } else {
          return; // a diagram not drawn yet
        }
        open(content);
      });
      node.parentNode.insertBefore(button, node.nextSibling);
    });
  }

  // A write-up's facts and its table of contents: open beside the story on a wide screen, a line
  // that opens them on a narrow one (as the page comes without script), and open for printing.
  function setupWideOpen() {
    var folds = document.querySelectorAll("details[data-wide-open]");
    if (!folds.length || !window.matchMedia) return;
    var wide = window.matchMedia("(min-width: 1100px)");
    var each = function (f) { Array.prototype.forEach.call(folds, f); };
    var follow = function () { each(function (d) { d.open = wide.matches; }); };
    follow();
    if (wide.addEventListener) wide.addEventListener("change", follow);
    window.addEventListener("beforeprint", function () { each(function (d) { d.open = true; }); });
  }

  function init() {
    setupThemeToggle();
    setupWideOpen();
    fixFileLinks();
    setupMermaid();
    setupTocSpy();
    setupCopyButtons();
    setupFullSize();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
