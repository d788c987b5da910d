/*
 * Casebook default theme: the search engine behind search.js, without the page. It runs the
 * reader's query with lunr.js over the indexes the build wrote (the first index and the body
 * shards), merges their results, and cuts snippets from a document's text.
 *
 * In a page it sets window.casebookSearchEngine. Under Node it exports a function that takes a
 * function returning lunr: require("./search-engine.js")(function () { return lunr; }).
 */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory;
  else root.casebookSearchEngine = factory(function () { return root.lunr; });
})(this, function (lunrOf) {
  "use strict";

  var ARRAY_FIELDS = ["service", "team", "tag"];

  function fieldSet(fields) {
    var set = {};
    fields.forEach(function (f) { set[f] = true; });
    return set;
  }

  /**
   * An engine over window.casebookSearch's data ({index, docs, shards, text}): the first index
   * loaded, the body shards still to come.
   */
  function create(data) {
    var lunr = lunrOf();
    var idx = lunr.Index.load(data.index);
    var shards = data.shards || { fields: [], files: [] };
    return {
      // The indexes loaded so far: the first index, then each body shard as it arrives.
      indexes: [{ idx: idx, fields: fieldSet(idx.fields) }],
      docs: data.docs,
      allFields: idx.fields.concat(shards.fields),
      shardFiles: shards.files,
      text: data.text || { chunk: 1, files: 0 },
      loadedShards: 0,
      failedShards: 0,
      loadingShards: false,
      shardsDone: shards.files.length === 0
    };
  }

  /** Adds a body shard's serialized index to the engine. */
  function addShard(e, serialized) {
    var idx = lunrOf().Index.load(serialized);
    e.indexes.push({ idx: idx, fields: fieldSet(idx.fields) });
    e.loadedShards++;
  }

  /* Queries ------------------------------------------------------------------------------- */

  /** True when the query uses lunr's syntax: fields, wildcards, fuzziness, boosts, +/- presence. */
  function hasSyntax(q) {
    return /[:~^*\\]/.test(q) || /(^|\s)[+-]/.test(q);
  }

  /** The query's words, trimmed of punctuation as lunr trims indexed words. */
  function words(q) {
    return q.split(/\s+/).map(function (w) {
      return w.replace(/^[^\w]+/, "").replace(/[^\w]+$/, "");
    }).filter(function (w) { return w.length > 0; });
  }

  /**
   * service:payments-api as the index holds it: one token. lunr's query parser splits terms at
   * "-", so the hyphens of a service, team or tag value are escaped.
   */
  function escapeArrayFields(q) {
    return q.replace(/(^|\s)([+-]?)([A-Za-z]+):(\S+)/g, function (all, space, presence, field, value) {
      var f = field.toLowerCase();
      if (ARRAY_FIELDS.indexOf(f) === -1) return all;
      return space + presence + f + ":" + value.replace(/\\?-/g, "\\-");
    });
  }

  /** lunr's clauses for a query string over every field (first index and shards), or null when it is not valid syntax. */
  function parse(e, text) {
    var lunr = lunrOf();
    try {
      var query = new lunr.Query(e.allFields);
      new lunr.QueryParser(text, query).parse();
      return query.clauses;
    } catch (x) {
      if (x instanceof lunr.QueryParseError) return null;
      throw x;
    }
  }

  /**
   * What to search for; prefix adds a trailing wildcard to the last word of a plain query (as you
   * type). Returns null for an empty query, else {key, clauses}: the text searched and its clauses.
   */
  function prepare(e, q, prefix) {
    q = (q || "").trim();
    if (!q) return null;
    if (!hasSyntax(q)) {
      var ws = words(q);
      if (!ws.length) return { key: "", clauses: [] };
      var text = ws.join(" ");
      var last = ws[ws.length - 1];
      if (prefix && last.length >= 2) text += " " + last + "*";
      return { key: text, clauses: parse(e, text) || [] };
    }
    var escaped = escapeArrayFields(q);
    var clauses = parse(e, escaped);
    if (clauses) return { key: escaped, clauses: clauses };
    // Not valid lunr syntax (e.g. "a:" or an unknown field): search the words instead.
    var plain = words(q.replace(/[:~^*\\+]/g, " ").replace(/(^|\s)-+/g, " "));
    if (!plain.length) return { key: "", clauses: [] };
    return { key: plain.join(" "), clauses: parse(e, plain.join(" ")) || [] };
  }

  function restrictClause(c, fields) {
    var own = c.fields.filter(function (f) { return fields[f]; });
    if (!own.length) return null;
    var copy = { term: c.term, fields: own, presence: lunrOf().Query.presence.OPTIONAL };
    // Only what the clause has: lunr tests `"editDistance" in clause`, and undefined is not 0.
    ["boost", "usePipeline", "wildcard", "editDistance"].forEach(function (k) { if (k in c) copy[k] = c[k]; });
    return copy;
  }

  /**
   * One index's part of a search: the score and matched terms of each ref over the clauses that
   * are not prohibited (as lunr scores them), and for each required or prohibited clause the refs
   * that match it in this index's fields. Presence is applied when the parts are merged, because
   * a write-up may match a required word in its title (first index) or in its body (a shard).
   */
  function partial(index, clauses) {
    var P = lunrOf().Query.presence;
    var scoring = [];
    var checks = [];
    clauses.forEach(function (c, n) {
      if (!restrictClause(c, index.fields)) return;
      if (c.presence !== P.PROHIBITED) scoring.push(c);
      if (c.presence !== P.OPTIONAL) checks.push(n);
    });
    var scores = {};
    if (scoring.length) {
      index.idx.query(function (q) {
        scoring.forEach(function (c) { q.clause(restrictClause(c, index.fields)); });
      }).forEach(function (r) {
        scores[r.ref] = { score: r.score, terms: Object.keys(r.matchData.metadata) };
      });
    }
    var matches = {};
    checks.forEach(function (n) {
      var set = {};
      index.idx.query(function (q) { q.clause(restrictClause(clauses[n], index.fields)); })
        .forEach(function (r) { set[r.ref] = true; });
      matches[n] = set;
    });
    return { scores: scores, matches: matches };
  }

  /**
   * The results of a search from its parts: a document's score is the sum of its scores in the
   * first index and in its body shard (lunr scores each field separately and adds them up, so
   * this is what one index of all fields would give, up to the idf and average length being per
   * shard). Required words must match in some field, prohibited ones in none. Best first.
   */
  function merge(e, clauses, partials) {
    var P = lunrOf().Query.presence;
    var required = [];
    var prohibited = [];
    clauses.forEach(function (c, n) {
      if (c.presence === P.REQUIRED) required.push(n);
      else if (c.presence === P.PROHIBITED) prohibited.push(n);
    });
    var total = {};
    var refs = [];
    var hits = {};
    partials.forEach(function (p) {
      Object.keys(p.scores).forEach(function (ref) {
        var t = total[ref];
        if (!t) { t = total[ref] = { score: 0, terms: {} }; refs.push(ref); }
        t.score += p.scores[ref].score;
        p.scores[ref].terms.forEach(function (term) { t.terms[term] = true; });
      });
      Object.keys(p.matches).forEach(function (n) {
        var set = hits[n] || (hits[n] = {});
        Object.keys(p.matches[n]).forEach(function (ref) { set[ref] = true; });
      });
    });
    if (clauses.length && prohibited.length === clauses.length) {
      // Only prohibited words: every other document matches, as in lunr.
      e.docs.forEach(function (d, ref) { if (!total[ref]) { total[ref] = { score: 0, terms: {} }; refs.push(String(ref)); } });
    }
    function hit(n, ref) { return !!(hits[n] && hits[n][ref]); }
    var out = [];
    refs.forEach(function (ref) {
      for (var i = 0; i < required.length; i++) if (!hit(required[i], ref)) return;
      for (var j = 0; j < prohibited.length; j++) if (hit(prohibited[j], ref)) return;
      var doc = e.docs[Number(ref)];
      if (doc) out.push({ ref: ref, doc: doc, score: total[ref].score, terms: Object.keys(total[ref].terms) });
    });
    out.sort(function (a, b) { return b.score - a.score || Number(a.ref) - Number(b.ref); });
    return out;
  }

  /** A whole search over every index loaded, at once: the results best first, or null for an empty query. */
  function search(e, q, prefix) {
    var p = prepare(e, q, prefix);
    if (p === null) return null;
    return merge(e, p.clauses, e.indexes.map(function (index) { return partial(index, p.clauses); }));
  }

  /* Highlights and snippets --------------------------------------------------------------- */

  var stems = {};

  /** The index term of a word as written: lower-cased, trimmed and stemmed as lunr does. */
  function termOf(word) {
    var lower = word.toLowerCase();
    var t = stems[lower];
    if (t === undefined) {
      var lunr = lunrOf();
      t = lunr.stemmer(new lunr.Token(lower.replace(/^\W+/, "").replace(/\W+$/, ""))).toString();
      stems[lower] = t;
    }
    return t;
  }

  /**
   * text cut into pieces [{text, mark}], where mark is true for the words whose index term is one
   * of terms (the matched terms of a result).
   */
  function marks(text, terms) {
    var set = {};
    (terms || []).forEach(function (t) { set[t] = true; });
    var pieces = [];
    var plain = "";
    text.split(/([\s\-]+)/).forEach(function (part, i) {
      if (i % 2 === 1 || !part) { plain += part; return; }
      var lead = part.match(/^[^\w]*/)[0];
      var core = part.slice(lead.length).replace(/[^\w]+$/, "");
      var tail = part.slice(lead.length + core.length);
      if (core && set[termOf(core)]) {
        plain += lead;
        if (plain) pieces.push({ text: plain, mark: false });
        pieces.push({ text: core, mark: true });
        plain = tail;
      } else {
        plain += part;
      }
    });
    if (plain) pieces.push({ text: plain, mark: false });
    return pieces;
  }

  /** True when some word of text is one of terms. */
  function matches(text, terms) {
    return marks(text, terms).some(function (p) { return p.mark; });
  }

  /**
   * The passage of text, about size words long, that holds the most different matched terms (then
   * the most matches, then the earliest), as pieces like marks() gives, with "…" where it was cut;
   * null when no word of text matches.
   */
  function snippet(text, terms, size) {
    size = size || 24;
    if (!text || !terms || !terms.length) return null;
    var set = {};
    terms.forEach(function (t) { set[t] = true; });
    var ws = [];
    var re = /\S+/g;
    var m;
    while ((m = re.exec(text)) !== null) {
      var term = null;
      var parts = m[0].split("-");
      for (var k = 0; k < parts.length && term === null; k++) {
        var core = parts[k].replace(/^[^\w]+/, "").replace(/[^\w]+$/, "");
        if (core && set[termOf(core)]) term = termOf(core);
      }
      ws.push({ start: m.index, end: m.index + m[0].length, term: term });
    }
    var best = -1;
    var bestKey = null;
    for (var i = 0; i < ws.length; i++) {
      if (ws[i].term === null) continue;
      // A window that starts a few words before this match.
      var from = Math.max(0, i - 4);
      var to = Math.min(ws.length, from + size);
      var distinct = {};
      var count = 0;
      var n = 0;
      for (var j = from; j < to; j++) {
        if (ws[j].term !== null) { count++; if (!distinct[ws[j].term]) { distinct[ws[j].term] = true; n++; } }
      }
      if (best < 0 || n > bestKey[0] || (n === bestKey[0] && count > bestKey[1])) { best = from; bestKey = [n, count]; }
    }
    if (best < 0) return null;
    var end = Math.min(ws.length, best + size);
    var passage = text.slice(ws[best].start, ws[end - 1].end);
    var pieces = marks(passage, terms);
    if (best > 0) pieces.unshift({ text: "\u2026 ", mark: false });
    if (end < ws.length) pieces.push({ text: " \u2026", mark: false });
    return pieces;
  }

  return {
    create: create,
    addShard: addShard,
    prepare: prepare,
    partial: partial,
    merge: merge,
    search: search,
    marks: marks,
    matches: matches,
    snippet: snippet
  };
});
