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

  /**
   * Abbreviations and other spellings a reader may type for a word of the write-ups: each word of a
   * plain query is also searched as these words, and a write-up with any of them has that word.
   */
  var SYNONYMS = {
    k8s: ["kubernetes"], db: ["database"], dbs: ["databases"], cert: ["certificate"], certs: ["certificates"],
    config: ["configuration"], configuration: ["config"], auth: ["authentication"], dc: ["datacenter"],
    datacentre: ["datacenter"], lb: ["balancer"], oom: ["memory"], ddos: ["denial"], ssl: ["tls"], tls: ["ssl"],
    postgres: ["postgresql"], pg: ["postgresql"], outage: ["downtime"], downtime: ["outage"], login: ["signin"],
    signin: ["login"], vm: ["instance"], vms: ["instances"]
  };

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

  /** The index term of a word of a query, or null for a stop word: lowercased, trimmed and stemmed as lunr does. */
  function queryTerm(word) {
    var lunr = lunrOf();
    var token = new lunr.Token(word.toLowerCase(), {});
    token = lunr.trimmer(token);
    if (!token || !lunr.stopWordFilter(token)) return null;
    var t = lunr.stemmer(token).toString();
    return t || null;
  }

  /** True when some loaded index has term as one of its terms. */
  function known(e, term) {
    for (var i = 0; i < e.indexes.length; i++) {
      if (Object.prototype.hasOwnProperty.call(e.indexes[i].idx.invertedIndex, term)) return true;
    }
    return false;
  }

  /** The terms of the loaded indexes that a lunr clause expands to (a wildcard or a fuzzy term). */
  function expansions(e, clause) {
    var lunr = lunrOf();
    var found = {};
    var set = lunr.TokenSet.fromClause(clause);
    e.indexes.forEach(function (index) {
      index.idx.tokenSet.intersect(set).toArray().forEach(function (t) { found[t] = true; });
    });
    return Object.keys(found);
  }

  /** The exact id a query is, as a ref, or null. */
  function idRef(e, q) {
    var id = q.trim().toLowerCase();
    if (!id || /\s/.test(id)) return null;
    if (!e.ids) {
      e.ids = {};
      e.docs.forEach(function (d, ref) { if (d.id) e.ids[d.id.toLowerCase()] = String(ref); });
    }
    return Object.prototype.hasOwnProperty.call(e.ids, id) ? e.ids[id] : null;
  }

  /**
   * A word of the documents' titles and summaries whose index term is term, to show what a fallback
   * searched ("showing results for certificate"); the term itself when none is.
   */
  function wordFor(e, term) {
    if (!e.words) {
      e.words = {};
      e.docs.forEach(function (d) {
        (d.title + " " + d.summary).split(/[\s\-]+/).forEach(function (w) {
          var core = w.replace(/^[^\w]+/, "").replace(/[^\w]+$/, "");
          if (!core) return;
          var t = termOf(core);
          if (!Object.prototype.hasOwnProperty.call(e.words, t)) e.words[t] = core.toLowerCase();
        });
      });
    }
    return Object.prototype.hasOwnProperty.call(e.words, term) ? e.words[term] : term;
  }

  /**
   * The clause for a word that no loaded index has: the words that start with it (its stem, as the
   * reader may still be typing it), else those one or two edits away from it (a typo). Returns
   * {clause, shown} with the word to show for it, or null when nothing is near.
   */
  function fallback(e, word, term, n) {
    var lunr = lunrOf();
    var prefix = { term: term + "*", fields: e.allFields, usePipeline: false, boost: 1,
      wildcard: lunr.Query.wildcard.TRAILING, presence: lunr.Query.presence.OPTIONAL, word: n };
    if (term.length >= 3 && expansions(e, prefix).length) return { clause: prefix, shown: word.toLowerCase() + "\u2026" };
    if (term.length < 4) return null;
    var fuzzy = { term: term, fields: e.allFields, usePipeline: false, boost: 1, editDistance: term.length >= 7 ? 2 : 1,
      wildcard: lunr.Query.wildcard.NONE, presence: lunr.Query.presence.OPTIONAL, word: n };
    var near = expansions(e, fuzzy);
    if (!near.length) return null;
    return { clause: fuzzy, shown: wordFor(e, near.sort()[0]) };
  }

  /**
   * What to search for. Returns null for an empty query, else {key, clauses, shown, id}: the text
   * searched, its clauses, what to tell the reader was searched when a word was not in the index and
   * was replaced by the words it begins or is a typo of (else null), and the ref of the write-up
   * whose id the query is (else null). Each clause of a plain query carries the number of its word
   * ("word"), for merge() to count the query's words a result has. prefix is ignored: the header box
   * and the search page search alike.
   */
  function prepare(e, q, prefix) {
    var p = prepareQuery(e, q);
    // merge() gets the clauses only: they carry the id's ref.
    if (p) p.clauses.id = p.id;
    return p;
  }

  function prepareQuery(e, q) {
    q = (q || "").trim();
    if (!q) return null;
    var id = idRef(e, q);
    if (!hasSyntax(q)) {
      var ws = [];
      words(q).forEach(function (w) {
        // Split at hyphens as lunr splits the text it indexes.
        w.split(/-+/).forEach(function (part) {
          var core = part.replace(/^[^\w]+/, "").replace(/[^\w]+$/, "");
          if (core) ws.push(core);
        });
      });
      if (!ws.length) return { key: "", clauses: [], shown: null, id: id };
      var clauses = [];
      var keys = [];
      var shown = [];
      var changed = false;
      ws.forEach(function (w, n) {
        var term = queryTerm(w);
        if (term === null) { shown.push(w); return; }
        var exact = parse(e, w.replace(/[:~^*\\+\-]/g, " ")) || [];
        var synonyms = Object.prototype.hasOwnProperty.call(SYNONYMS, w.toLowerCase()) ? SYNONYMS[w.toLowerCase()] : [];
        synonyms.forEach(function (syn) { (parse(e, syn) || []).forEach(function (c) { c.word = n; exact.push(c); }); });
        if (!known(e, term) && !id && !synonyms.length) {
          var f = fallback(e, w, term, n);
          if (f) { clauses.push(f.clause); keys.push(f.clause.term + (f.clause.editDistance ? "~" + f.clause.editDistance : "")); shown.push(f.shown); changed = true; return; }
        }
        exact.forEach(function (c) { c.word = n; clauses.push(c); });
        keys.push(w);
        shown.push(w);
      });
      return { key: keys.join(" "), clauses: clauses, shown: changed ? shown.join(" ") : null, id: id };
    }
    var escaped = escapeArrayFields(q);
    var parsed = parse(e, escaped);
    if (parsed) return { key: escaped, clauses: parsed, shown: null, id: id };
    // Not valid lunr syntax (e.g. "a:" or an unknown field): search the words instead.
    var plain = words(q.replace(/[:~^*\\+]/g, " ").replace(/(^|\s)-+/g, " "));
    if (!plain.length) return { key: "", clauses: [], shown: null, id: id };
    return { key: plain.join(" "), clauses: parse(e, plain.join(" ")) || [], shown: null, id: id };
  }

  /** The terms of one index that a wildcard or fuzzy clause expands to. */
  function expansionsIn(index, clause) {
    return index.idx.tokenSet.intersect(lunrOf().TokenSet.fromClause(clause)).toArray();
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
    // The query's words each term of this index stands for, for the clauses that carry a word.
    var wordsOf = {};
    scoring.forEach(function (c) {
      if (c.word === undefined) return;
      var terms = c.usePipeline === false ? expansionsIn(index, c) : index.idx.pipeline.runString(c.term);
      terms.forEach(function (t) { (wordsOf[t] = wordsOf[t] || {})[c.word] = true; });
    });
    if (scoring.length) {
      index.idx.query(function (q) {
        scoring.forEach(function (c) { q.clause(restrictClause(c, index.fields)); });
      }).forEach(function (r) {
        var terms = Object.keys(r.matchData.metadata);
        var covered = {};
        terms.forEach(function (t) { Object.keys(wordsOf[t] || {}).forEach(function (w) { covered[w] = true; }); });
        scores[r.ref] = { score: r.score, terms: terms, words: Object.keys(covered) };
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
        if (!t) { t = total[ref] = { score: 0, terms: {}, words: {} }; refs.push(ref); }
        t.score += p.scores[ref].score;
        p.scores[ref].terms.forEach(function (term) { t.terms[term] = true; });
        (p.scores[ref].words || []).forEach(function (w) { t.words[w] = true; });
      });
      Object.keys(p.matches).forEach(function (n) {
        var set = hits[n] || (hits[n] = {});
        Object.keys(p.matches[n]).forEach(function (ref) { set[ref] = true; });
      });
    });
    if (clauses.length && prohibited.length === clauses.length) {
      // Only prohibited words: every other document matches, as in lunr.
      e.docs.forEach(function (d, ref) { if (!total[ref]) { total[ref] = { score: 0, terms: {}, words: {} }; refs.push(String(ref)); } });
    }
    function hit(n, ref) { return !!(hits[n] && hits[n][ref]); }
    // The query's words: a result's score is multiplied by the share of them it has.
    var queryWords = {};
    clauses.forEach(function (c) { if (c.word !== undefined && c.presence !== P.PROHIBITED) queryWords[c.word] = true; });
    var wordCount = Object.keys(queryWords).length;
    var out = [];
    refs.forEach(function (ref) {
      for (var i = 0; i < required.length; i++) if (!hit(required[i], ref)) return;
      for (var j = 0; j < prohibited.length; j++) if (hit(prohibited[j], ref)) return;
      var doc = e.docs[Number(ref)];
      var t = total[ref];
      var share = wordCount ? Object.keys(t.words || {}).length / wordCount : 1;
      if (doc) out.push({ ref: ref, doc: doc, score: t.score * share, terms: Object.keys(t.terms) });
    });
    if (clauses.id !== undefined && clauses.id !== null && e.docs[Number(clauses.id)]) {
      // The write-up whose id the query is comes first.
      out = out.filter(function (r) { return r.ref !== clauses.id; });
      out.unshift({ ref: clauses.id, doc: e.docs[Number(clauses.id)], score: Infinity, terms: [] });
    }
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
