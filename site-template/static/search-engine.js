/*
 * Casebook default theme: the search engine behind search.js, without the page. It runs the
 * reader's query with lunr.js over the partitions of the site's index that the query's words need,
 * put together into one lunr index, and cuts snippets from a document's text.
 *
 * The engine never loads anything itself: prepare() says which files a query still needs
 * ("terms-3", "ids-0"), the page loads them, decodes them (decode()) and gives them to add(), and
 * prepare() is asked again.
 * In a page it sets window.casebookSearchEngine. Under Node it exports a function that takes a
 * function returning lunr: require("./search-engine.js")(function () { return lunr; }).
 */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory;
  else root.casebookSearchEngine = factory(function () { return root.lunr; });
})(this, function (lunrOf) {
  "use strict";

  var ARRAY_FIELDS = ["service", "team", "tag"];
  /** How much the body index's score counts in a result's score, against 1 for the short fields' index. */
  var BODY_WEIGHT = 2;

  /** How much of the share of the query's words a result has is weighed by the words' idf (the rest counts each word as one). */
  var IDF_SHARE = 0.5;

  /**
   * How much a related word of a query word (the manifest's related) counts in lunr's score, against
   * 1 for the word itself: its clauses carry this boost.
   */
  var RELATED_WEIGHT = 0.6;

  /** The global each kind of file sets, by number: window.casebookSearchBody[3] for body-3.js. */
  var GLOBALS = { fields: "casebookSearchFields", body: "casebookSearchBody", ids: "casebookSearchIds",
    docs: "casebookSearchDocs", text: "casebookSearchText" };

  var own = Object.prototype.hasOwnProperty;

  /** The characters a fuzzy term (a typo) keeps: its near terms are looked for among the terms that begin with them. */
  var FUZZY_PREFIX = 3;
  /**
   * The most partitions a wildcard term may need (a leading "*", or one letter before it, begins
   * nearly every term): past this, the term is left out of the search and the reader is told,
   * rather than loading most of the index.
   */
  var BROAD_PARTITIONS = 32;

  /** An engine over the manifest (window.casebookSearch); no file of the indexes loaded yet. */
  function create(manifest) {
    var lunr = lunrOf();
    return {
      manifest: manifest,
      allFields: manifest.fields,
      count: manifest.documents,
      pipeline: lunr.Pipeline.load(manifest.pipeline),
      related: relatedWords(manifest.related || []),
      // Loaded files, by name: partitions as {idx, terms}, id maps, store and text arrays.
      files: {},
      failed: 0,
      // The last index put together for each of the manifest's indexes.
      merged: {}
    };
  }

  /**
   * Each member of one word of the manifest's groups of related words, with the other members of its
   * group in the group's order.
   */
  function relatedWords(groups) {
    var out = Object.create(null);
    groups.forEach(function (group) {
      group.forEach(function (member) {
        if (member.indexOf(" ") < 0) out[member] = group.filter(function (other) { return other !== member; });
      });
    });
    return out;
  }

  /** The global and number of a file's name ("body-3"). */
  function fileGlobal(name) {
    var dash = name.lastIndexOf("-");
    return { global: GLOBALS[name.slice(0, dash)], n: Number(name.slice(dash + 1)) };
  }

  /** Gives the engine a loaded file: the value its script set (null when it could not be loaded). */
  function add(e, name, data) {
    if (own.call(e.files, name)) return;
    if (data === null || data === undefined) { e.failed++; e.files[name] = null; return; }
    var kind = name.slice(0, name.lastIndexOf("-"));
    if (kind === "fields" || kind === "body") {
      e.files[name] = partitionFile(data);
    } else {
      e.files[name] = data;
    }
  }

  /**
   * A partition as the engine reads it, from its lunr JSON: its terms in order, its inverted index
   * entries by term, each field vector's elements by field ref (lunr's "body/12"), and its token set,
   * made the first time a wildcard or a typo needs it, as lunr.Index.load makes it.
   */
  function partitionFile(data) {
    var terms = new Array(data.invertedIndex.length);
    var invertedIndex = Object.create(null);
    for (var i = 0; i < data.invertedIndex.length; i++) {
      terms[i] = data.invertedIndex[i][0];
      invertedIndex[terms[i]] = data.invertedIndex[i][1];
    }
    var vectors = Object.create(null);
    for (var j = 0; j < data.fieldVectors.length; j++) vectors[data.fieldVectors[j][0]] = data.fieldVectors[j][1];
    var tokenSet = null;
    return {
      terms: terms,
      invertedIndex: invertedIndex,
      vectors: vectors,
      tokenSet: function () { return tokenSet || (tokenSet = lunrOf().TokenSet.fromArray(terms)); }
    };
  }

  /**
   * The value a search file's script set, as add() takes it, in a Promise. When the manifest's
   * encoding is "gzip-base64" that value is a string: the base64 of the gzip of the file's JSON, which
   * is decoded (atob, then a DecompressionStream) and parsed. Any other value is the file's value
   * already (encoding "json", or null when the file could not be loaded).
   */
  function decode(value) {
    if (typeof value !== "string") return Promise.resolve(value);
    // Through then(), so that a browser without DecompressionStream, or a damaged file, rejects.
    return Promise.resolve(value).then(decodeText).then(JSON.parse);
  }

  /** The JSON text of a value in "gzip-base64", in a Promise: exactly the bytes that were compressed, as UTF-8. */
  function decodeText(base64) {
    var binary = atob(base64);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Response(stream).text();
  }

  /** True when the file was given to add(). */
  function has(e, name) {
    return own.call(e.files, name);
  }

  /* Partitions ---------------------------------------------------------------------------- */

  /*
   * A partition is named by its index's number in manifest.indexes and its own number: {g, k}.
   * Partition k of an index holds the terms from terms[k] (inclusive) to terms[k + 1] (exclusive).
   */

  /** The number of the partition of index g that holds term (terms[k] <= term < terms[k + 1]). */
  function partitionOf(e, g, term) {
    var firsts = e.manifest.indexes[g].terms;
    var lo = 0;
    var hi = firsts.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (firsts[mid] <= term) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  /** The partitions of every index that hold the terms from lo to hi (inclusive). */
  function partitionsOf(e, lo, hi) {
    var out = [];
    e.manifest.indexes.forEach(function (index, g) {
      if (!index.terms.length) return;
      for (var k = partitionOf(e, g, lo), end = partitionOf(e, g, hi); k <= end; k++) out.push({ g: g, k: k });
    });
    return out;
  }

  /** The partitions of every term that begins with prefix. */
  function prefixPartitions(e, prefix) {
    return partitionsOf(e, prefix, prefix + "\uffff");
  }

  /**
   * The partitions a lunr clause needs, as lunr.Index.query would look its terms up: each term the
   * search pipeline makes of it; a term with a wildcard, every term that begins with what comes
   * before its first "*" (every partition for a leading "*"); a fuzzy term, every term that begins
   * with its first FUZZY_PREFIX characters (a typo in them is not found). Only in the indexes that
   * hold one of the clause's fields: `service:checkout` needs nothing of the body's index.
   */
  function clausePartitions(e, clause) {
    var terms = clause.usePipeline === false ? [clause.term] : e.pipeline.runString(clause.term);
    var out = [];
    terms.forEach(function (t) {
      var star = t.indexOf("*");
      if (star >= 0) out = out.concat(prefixPartitions(e, t.slice(0, star)));
      else if (clause.editDistance) out = out.concat(prefixPartitions(e, t.slice(0, FUZZY_PREFIX)));
      else out = out.concat(partitionsOf(e, t, t));
    });
    if (!clause.fields) return out;
    return out.filter(function (part) {
      return e.manifest.indexes[part.g].fields.some(function (f) { return clause.fields.indexOf(f) >= 0; });
    });
  }

  function fileName(e, part) {
    return e.manifest.indexes[part.g].name + "-" + part.k;
  }

  /** The names of the files of these partitions that are not loaded yet, added to missing. */
  function need(e, partitions, missing) {
    partitions.forEach(function (part) {
      var name = fileName(e, part);
      if (!has(e, name) && missing.indexOf(name) === -1) missing.push(name);
    });
    return missing;
  }

  /** The loaded partitions among these (a partition that failed to load holds nothing). */
  function loaded(e, partitions) {
    return partitions.map(function (part) { return e.files[fileName(e, part)]; }).filter(function (p) { return !!p; });
  }

  /** Merges two field vectors' elements ([index, weight, ...], ascending index): their terms differ. */
  function mergeElements(a, b) {
    var out = [];
    var i = 0;
    var j = 0;
    while (i < a.length || j < b.length) {
      if (j >= b.length || (i < a.length && a[i] < b[j])) { out.push(a[i], a[i + 1]); i += 2; }
      else { out.push(b[j], b[j + 1]); j += 2; }
    }
    return out;
  }

  /**
   * What a query searches for index g over these partitions: its fields, and a source for query()
   * (below). The partitions are searched where they lie: a term's entry is its partition's, a plain
   * term is looked up where it would be, and a document's field is scored from the pieces of its
   * field vector in each partition, which is what lunr would score on one index of them put together
   * (their inverted index entries, each field vector's entries in ascending term index, the token set
   * of all their terms; for any query whose terms all lie in them, lunr gives it exactly the scores of
   * the whole index). That index is made only when a wildcard or a typo needs the token set of
   * several partitions.
   */
  function indexOf(e, g, partitions) {
    var ks = partitions.filter(function (p) { return p.g === g; }).map(function (p) { return p.k; })
      .sort(function (a, b) { return a - b; }).filter(function (k, i, all) { return i === 0 || all[i - 1] !== k; });
    var key = ks.join(",");
    if (e.merged[g] && e.merged[g].key === key) return e.merged[g].index;
    var parts = loaded(e, ks.map(function (k) { return { g: g, k: k }; }));
    var fields = e.manifest.indexes[g].fields;
    var byK = {};
    ks.forEach(function (k) { var file = e.files[fileName(e, { g: g, k: k })]; if (file) byK[k] = file; });
    var source = partsSource(e, g, parts, byK, fields);
    var index = { source: source, fields: fieldSet(fields) };
    e.merged[g] = { key: key, index: index };
    return index;
  }

  /** A lunr index as query() reads it. */
  function indexSource(idx) {
    return {
      fields: idx.fields,
      pipeline: idx.pipeline,
      posting: function (t) { return idx.invertedIndex[t]; },
      expand: function (clause) { return idx.tokenSet.intersect(lunrOf().TokenSet.fromClause(clause)).toArray(); },
      similarity: function (queryVector, field, ref) { return queryVector.similarity(idx.fieldVectors[field + "/" + ref]); }
    };
  }

  /** Partitions of index g as query() reads them, without putting them together (see indexOf). */
  function partsSource(e, g, parts, byK, fields) {
    var lunr = lunrOf();
    // The partition of each term index that posting() gave out: its pieces of the field vectors.
    var partOfIndex = Object.create(null);
    var merged = null;
    function whole() {
      if (merged) return merged;
      var inverted = Object.create(null);
      var vectors = Object.create(null);
      var terms = [];
      parts.forEach(function (p) {
        p.terms.forEach(function (t) { inverted[t] = p.invertedIndex[t]; terms.push(t); });
        Object.keys(p.vectors).forEach(function (ref) {
          var v = p.vectors[ref];
          vectors[ref] = new lunr.Vector(vectors[ref] ? mergeElements(vectors[ref].elements, v) : v);
        });
      });
      return (merged = new lunr.Index({ invertedIndex: inverted, fieldVectors: vectors, tokenSet: lunr.TokenSet.fromArray(terms),
        fields: fields, pipeline: e.pipeline }));
    }
    function partOf(t) {
      var p = byK[partitionOf(e, g, t)];
      return p && own.call(p.invertedIndex, t) ? p : null;
    }
    return {
      fields: fields,
      pipeline: e.pipeline,
      posting: function (t) {
        var p = partOf(t);
        if (!p) return undefined;
        var entry = p.invertedIndex[t];
        partOfIndex[entry._index] = p;
        return entry;
      },
      expand: function (clause) {
        // A plain term (no wildcard, no edit distance) expands to itself when the index has it, as
        // lunr's token set gives it; lunr's intersection never gives the empty term.
        if (!("editDistance" in clause) && clause.term.indexOf("*") < 0) return clause.term && partOf(clause.term) ? [clause.term] : [];
        var tokenSet = parts.length === 1 ? parts[0].tokenSet() : whole().tokenSet;
        return tokenSet.intersect(lunr.TokenSet.fromClause(clause)).toArray();
      },
      similarity: function (queryVector, field, ref) {
        // lunr's Vector.similarity on the field vector put together: the products of the query's
        // entries that the field has, added in ascending term index, over the query vector's length.
        var a = queryVector.elements;
        var key = field + "/" + ref;
        var dot = 0;
        var last = null;
        var v;
        for (var i = 0; i < a.length; i += 2) {
          var p = partOfIndex[a[i]];
          if (p !== last) { last = p; v = p.vectors[key]; }
          if (v === undefined) continue;
          var w = weightAt(v, a[i]);
          if (w !== null) dot += a[i + 1] * w;
        }
        return dot / queryVector.magnitude() || 0;
      }
    };
  }

  /** The weight of term index i in a vector's elements ([index, weight, ...], ascending index), or null. */
  function weightAt(elements, i) {
    var lo = 0;
    var hi = elements.length / 2 - 1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      var x = elements[2 * mid];
      if (x === i) return elements[2 * mid + 1];
      if (x < i) lo = mid + 1; else hi = mid - 1;
    }
    return null;
  }

  function fieldSet(fields) {
    var set = {};
    fields.forEach(function (f) { set[f] = true; });
    return set;
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

  /**
   * The other members of the word's group of synonyms, from the manifest (casebook.yml's search
   * synonyms and the built-in ones); none when it is in no group.
   */
  function synonymsOf(e, word) {
    var all = e.manifest.synonyms || {};
    var w = word.toLowerCase();
    return own.call(all, w) ? all[w] : [];
  }

  /**
   * The words related to the word (the manifest's related: casebook.yml's search related and the
   * built-in ones), except its synonyms; none when it is in no group.
   */
  function relatedOf(e, word, synonyms) {
    var w = word.toLowerCase();
    return own.call(e.related, w) ? e.related[w].filter(function (r) { return synonyms.indexOf(r) === -1; }) : [];
  }

  /**
   * What a clause's matched terms count for: its word ("3"), the word through a related word of one
   * word ("=3": it covers the word, but its documents do not count in the word's idf), or one word of
   * a synonym or related word of several words ("3/0/1", "3/r0/1").
   */
  function creditOf(c) {
    if (c.member !== undefined) return c.member + "/" + c.part;
    return (c.related ? "=" : "") + c.word;
  }

  /**
   * The query's words that these credits cover: a word's own clause or a one-word synonym covers it;
   * a synonym of several words covers it when all its words are credited.
   */
  function wordsCovered(credits, clauses) {
    var parts = {};
    clauses.forEach(function (c) { if (c.member !== undefined) parts[c.member] = c.parts; });
    var words = {};
    var found = {};
    credits.forEach(function (k) {
      if (k.charAt(0) === "=") { words[k.slice(1)] = true; return; }
      var slash = k.lastIndexOf("/");
      if (slash < 0) { words[k] = true; return; }
      var member = k.slice(0, slash);
      found[member] = (found[member] || 0) + 1;
      if (found[member] === parts[member]) words[member.slice(0, member.indexOf("/"))] = true;
    });
    return Object.keys(words);
  }

  /** True when the index has term as one of its terms (its partition loaded). */
  function known(e, term) {
    return loaded(e, partitionsOf(e, term, term)).some(function (p) { return own.call(p.invertedIndex, term); });
  }

  /** The terms of the index that a lunr clause expands to (a wildcard or a fuzzy term), its partitions loaded. */
  function expansions(e, clause) {
    var lunr = lunrOf();
    var found = {};
    var set = lunr.TokenSet.fromClause(clause);
    // A fuzzy term's: only those that begin as it does (fuzzyTerms).
    var start = clause.editDistance ? clause.term.slice(0, FUZZY_PREFIX) : "";
    loaded(e, clausePartitions(e, clause)).forEach(function (p) {
      p.tokenSet().intersect(set).toArray().forEach(function (t) { if (t.indexOf(start) === 0) found[t] = true; });
    });
    return Object.keys(found);
  }

  /**
   * What a fuzzy clause (a typo, or lunr's ~) expands to, for each of its terms after the pipeline:
   * the index terms within its edit distance that begin with the term's first FUZZY_PREFIX characters,
   * in order. Those are all in the partitions the clause loads, so the answer does not depend on
   * where the index is cut, nor on the partitions the query's other words load; query() searches
   * them as lunr searches the clause's expansions.
   */
  function fuzzyTerms(e, clause) {
    var kept = {};
    (clause.usePipeline === false ? [clause.term] : e.pipeline.runString(clause.term)).forEach(function (t) {
      kept[t] = expansions(e, { term: t, usePipeline: false, editDistance: clause.editDistance }).sort();
    });
    return kept;
  }

  /** The id file that would hold this lower-cased id. */
  function idsFile(e, id) {
    var firsts = e.manifest.ids;
    var k = 0;
    while (k + 1 < firsts.length && firsts[k + 1] <= id) k++;
    return "ids-" + k;
  }

  /**
   * The exact id a query is, as a ref, or null; undefined when the id file that would hold it is
   * not loaded yet (its name is added to missing).
   */
  function idRef(e, q, missing) {
    var id = q.trim().toLowerCase();
    // A word that sorts before the first id is no id: no file to load for it.
    if (!id || /\s/.test(id) || !e.manifest.ids.length || id < e.manifest.ids[0]) return null;
    var name = idsFile(e, id);
    if (!has(e, name)) { missing.push(name); return undefined; }
    var ids = e.files[name];
    return ids && own.call(ids, id) ? String(ids[id]) : null;
  }

  /**
   * The word of the titles and summaries of results whose index term is one of the terms near a typo
   * and that is the fewest edits away from the typed word, to show what a fallback searched
   * ("showing results for certificate"); the first of the terms when no word has one.
   */
  function wordFor(e, near, results) {
    var best = null;
    var fewest = Infinity;
    for (var i = 0; i < results.length; i++) {
      var d = doc(e, results[i].ref);
      if (!d) continue;
      var ws = (d.title + " " + d.summary).split(/[\s\-]+/);
      for (var j = 0; j < ws.length; j++) {
        var core = ws[j].replace(/^[^\w]+/, "").replace(/[^\w]+$/, "").toLowerCase();
        if (!core || near.terms.indexOf(termOf(core)) < 0) continue;
        var edits = editDistance(near.typed, core);
        if (edits < fewest) { best = core; fewest = edits; }
      }
    }
    return best === null ? near.terms[0] : best;
  }

  /** A word of a query as lunr's trimmer leaves it, lower-cased: what the reader typed, before stemming. */
  function typedOf(word) {
    var lunr = lunrOf();
    var token = lunr.trimmer(new lunr.Token(word.toLowerCase(), {}));
    return token ? token.toString() : "";
  }

  /**
   * What the prefix fallback of a word looks for: terms that begin with its term, or, when the
   * stemmer shortened the word (stripped -> strip, postgres -> postgr), with the whole typed word.
   * The stemmer has read the end of such a word, so a term that only lengthens its stem is another
   * word (stripe), not the rest of this one.
   */
  function prefixOf(word, term) {
    var typed = typedOf(word);
    return typed.length > term.length ? typed : term;
  }

  /**
   * The number of edits between two terms as lunr's fuzzy search counts them: a character inserted,
   * deleted or changed, or two neighbours swapped.
   */
  function editDistance(a, b) {
    var d = [];
    for (var i = 0; i <= a.length; i++) {
      d[i] = [i];
      for (var j = 1; j <= b.length; j++) {
        if (i === 0) { d[i][j] = j; continue; }
        var cost = a.charAt(i - 1) === b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) === b.charAt(j - 2) && a.charAt(i - 2) === b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length][b.length];
  }

  /** The number of documents that have term in some field of some index, from the loaded partitions of a clause. */
  function documentsWith(e, clause, term) {
    var refs = {};
    loaded(e, clausePartitions(e, clause)).forEach(function (p) {
      var entry = own.call(p.invertedIndex, term) ? p.invertedIndex[term] : null;
      if (!entry) return;
      Object.keys(entry).forEach(function (f) { if (f !== "_index") Object.keys(entry[f]).forEach(function (ref) { refs[ref] = true; }); });
    });
    return Object.keys(refs).length;
  }

  /**
   * The clauses for a word that the index does not have: the words that start with it (as the
   * reader may still be typing it; prefixOf), else those one or two edits away from its term (a
   * typo), except, for a word the stemmer shortened, terms that lengthen its stem without beginning
   * with the typed word (stripe for stripped: another word, not a typo of this one). Returns
   * {clauses, shown, near} with the word to show for it (or the index terms near it and the typed
   * word, for shown() to turn into a word), null when nothing is near, or undefined when a partition
   * it needs is not loaded yet (added to missing).
   */
  function fallback(e, word, term, n, missing) {
    var lunr = lunrOf();
    var start = prefixOf(word, term);
    var prefix = { term: start + "*", fields: e.allFields, usePipeline: false, boost: 1,
      wildcard: lunr.Query.wildcard.TRAILING, presence: lunr.Query.presence.OPTIONAL, word: n };
    if (term.length >= 3 && expansions(e, prefix).length) return { clauses: [prefix], shown: word.toLowerCase() + "\u2026" };
    if (term.length < 4) return null;
    var fuzzy = { term: term, fields: e.allFields, usePipeline: false, boost: 1, editDistance: term.length >= 7 ? 2 : 1,
      wildcard: lunr.Query.wildcard.NONE, presence: lunr.Query.presence.OPTIONAL, word: n };
    var before = missing.length;
    need(e, clausePartitions(e, fuzzy), missing);
    if (missing.length > before) return undefined;
    var all = expansions(e, fuzzy);
    var near = all.filter(function (t) { return start === term || t.indexOf(term) !== 0 || t.indexOf(start) === 0; });
    if (!near.length) return null;
    // The terms in the order to show them when no result has a word of theirs: the fewest edits
    // away, then the one most documents have, then the first.
    var rank = {};
    near.forEach(function (t) { rank[t] = [editDistance(term, t), -documentsWith(e, fuzzy, t)]; });
    near.sort(function (a, b) { return rank[a][0] - rank[b][0] || rank[a][1] - rank[b][1] || (a < b ? -1 : a > b ? 1 : 0); });
    // Each near term as lunr's fuzzy clause would search it (boost 1, once), when some were left out.
    var clauses = near.length === all.length ? [fuzzy] : near.map(function (t) {
      return { term: t, fields: e.allFields, usePipeline: false, boost: 1,
        wildcard: lunr.Query.wildcard.NONE, presence: lunr.Query.presence.OPTIONAL, word: n };
    });
    return { clauses: clauses, shown: null, near: { terms: near, typed: typedOf(word) } };
  }

  /**
   * The search page's service and team filters as clauses that results must match and that add
   * nothing to their scores: the value's term as the index holds the whole name (one token).
   */
  function filterClauses(e, filters) {
    var lunr = lunrOf();
    var out = [];
    ["service", "team"].forEach(function (f) {
      var v = filters && filters[f];
      if (!v) return;
      out.push({ term: queryTerm(String(v)) || "\u0000", fields: [f], usePipeline: false, boost: 1,
        wildcard: lunr.Query.wildcard.NONE, presence: lunr.Query.presence.REQUIRED, filter: true });
    });
    return out;
  }

  /**
   * What to search for. Returns null for an empty query without filters, else {key, clauses, shown,
   * id, missing}: the text searched, its clauses, what to tell the reader was searched when a word
   * was not in the index and was replaced by the words it begins or is a typo of (else null; see
   * shown()), the ref of the write-up whose id the query is (else null), and the files that must be
   * loaded (then given to add()) before it can be searched: when missing is not empty, ask again
   * once they are in. Each clause of a plain query carries the number of its word ("word"), for
   * merge() to count the query's words a result has. filters: {service, team, year} of the search
   * page, or nothing.
   */
  function prepare(e, q, filters) {
    var missing = [];
    var p = prepareQuery(e, (q || "").trim(), missing);
    var fc = filterClauses(e, filters);
    var year = filters && filters.year ? Number(filters.year) : null;
    if (p === null && !fc.length && year === null) return null;
    var browse = p === null;
    if (browse) p = { key: "", clauses: [], shown: null, id: null };
    p.missing = missing;
    // A wildcard term that begins too many terms is left out (broad() tells the reader which).
    p.broad = [];
    p.clauses = p.clauses.filter(function (c) {
      if (c.term.indexOf("*") < 0) return true;
      var files = {};
      clausePartitions(e, c).forEach(function (part) { files[fileName(e, part)] = true; });
      if (Object.keys(files).length <= BROAD_PARTITIONS) return true;
      var typed = c.fields && c.fields.length === 1 ? c.fields[0] + ":" + c.term : c.term;
      if (p.broad.indexOf(typed) < 0) p.broad.push(typed);
      return false;
    });
    fc.forEach(function (c) { need(e, clausePartitions(e, c), missing); });
    p.clauses.forEach(function (c) { need(e, clausePartitions(e, c), missing); });
    if (!missing.length) p.clauses.forEach(function (c) { if (c.editDistance) c.kept = fuzzyTerms(e, c); });
    p.clauses = p.clauses.concat(fc);
    p.clauses.id = p.id;
    p.clauses.year = year;
    p.clauses.browse = browse;
    p.key += "\u0000" + JSON.stringify([filters && filters.service || "", filters && filters.team || "", year]);
    return p;
  }

  function prepareQuery(e, q, missing) {
    if (!q) return null;
    var id = idRef(e, q, missing);
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
        var synonyms = synonymsOf(e, w);
        synonyms.forEach(function (syn, m) {
          // A member of several words counts for the word only where all its words match.
          var parts = (parse(e, syn.replace(/[:~^*\\+\-]/g, " ")) || []).filter(function (c) { return queryTerm(c.term) !== null; });
          parts.forEach(function (c, j) {
            c.word = n;
            if (parts.length > 1) { c.member = n + "/" + m; c.parts = parts.length; c.part = j; }
            exact.push(c);
          });
        });
        // Related words at a lower weight, but none that is only a form of a term already searched
        // (restarted for restart): that term would weigh more.
        var searched = {};
        exact.forEach(function (c) { searched[queryTerm(c.term)] = true; });
        relatedOf(e, w, synonyms).forEach(function (rel, m) {
          var parts = (parse(e, rel.replace(/[:~^*\\+\-]/g, " ")) || []).filter(function (c) { return queryTerm(c.term) !== null; });
          if (parts.every(function (c) { return searched[queryTerm(c.term)]; })) return;
          parts.forEach(function (c) { searched[queryTerm(c.term)] = true; });
          parts.forEach(function (c, j) {
            c.word = n;
            c.related = true;
            c.boost = RELATED_WEIGHT;
            if (parts.length > 1) { c.member = n + "/r" + m; c.parts = parts.length; c.part = j; }
            exact.push(c);
          });
        });
        // The word's own term and, from 3 characters (the prefix fallback), every term it begins and
        // every term the whole typed word begins: one partition of each index, usually.
        var before = missing.length;
        var around = term.length >= 3 ? prefixPartitions(e, term).concat(prefixPartitions(e, prefixOf(w, term)))
          : partitionsOf(e, term, term);
        need(e, around, missing);
        exact.forEach(function (c) { need(e, clausePartitions(e, c), missing); });
        if (missing.length > before || id === undefined) { keys.push(w); shown.push(w); return; }
        if (!known(e, term) && !id && !synonyms.length) {
          var f = fallback(e, w, term, n, missing);
          if (f === undefined) { keys.push(w); shown.push(w); return; }
          if (f) {
            f.clauses.forEach(function (c) { clauses.push(c); });
            keys.push(f.clauses.map(function (c) { return c.term + (c.editDistance ? "~" + c.editDistance : ""); }).join(" "));
            shown.push(f.shown === null ? { near: f.near } : f.shown);
            changed = true;
            return;
          }
        }
        exact.forEach(function (c) { c.word = n; clauses.push(c); });
        keys.push(w);
        shown.push(w);
      });
      return { key: keys.join(" "), clauses: clauses, shown: changed ? shown : null, id: id || null };
    }
    var escaped = escapeArrayFields(q);
    var parsed = parse(e, escaped);
    if (parsed) return { key: escaped, clauses: parsed, shown: null, id: id || null };
    // Not valid lunr syntax (e.g. "a:" or an unknown field): search the words instead.
    var plain = words(q.replace(/[:~^*\\+]/g, " ").replace(/(^|\s)-+/g, " "));
    if (!plain.length) return { key: "", clauses: [], shown: null, id: id || null };
    return { key: plain.join(" "), clauses: parse(e, plain.join(" ")) || [], shown: null, id: id || null };
  }

  /**
   * What to tell the reader was searched ("certificate" for "certficate"), or null: a word near the
   * typed one is shown as a word of the title or summary of one of the first results that has its
   * term (the first 8: what the header box shows), else as the index term.
   */
  /** The wildcard terms left out of a prepared query because they begin too many words, joined by spaces; else null. */
  function broad(p) {
    return p && p.broad && p.broad.length ? p.broad.join(" ") : null;
  }

  function shown(e, p, results) {
    if (!p || !p.shown) return null;
    var top = (results || []).slice(0, 8);
    return p.shown.map(function (s) { return typeof s === "string" ? s : wordFor(e, s.near, top); }).join(" ");
  }

  /**
   * The terms of the source that the clause's term (after the pipeline) expands to: a fuzzy
   * clause's kept terms (fuzzyTerms) that the source has, else as lunr expands it.
   */
  function termsIn(source, clause, term) {
    if (clause.kept) return (clause.kept[term] || []).filter(function (t) { return source.posting(t) !== undefined; });
    return source.expand(Object.assign({}, clause, { term: term }));
  }

  function restrictClause(c, fields) {
    var own = c.fields.filter(function (f) { return fields[f]; });
    if (!own.length) return null;
    var copy = { term: c.term, fields: own, presence: lunrOf().Query.presence.OPTIONAL };
    // Only what the clause has: lunr tests `"editDistance" in clause`, and undefined is not 0.
    ["boost", "usePipeline", "wildcard", "editDistance", "kept"].forEach(function (k) { if (k in c) copy[k] = c[k]; });
    return copy;
  }

  /**
   * One index's part of a search: the score and matched terms of each ref over the clauses that are
   * not prohibited and not filters (as lunr scores them), and for each required, prohibited or
   * filter clause the refs that match it in this index's fields. Presence is applied when the parts
   * are merged, because a write-up may match a required word in its title (the fields index) or in
   * its body (the body index). weight: what this index's scores are multiplied by when they are added
   * up; wordRefs: for each word, lists of the refs that have one of its terms here (for its idf).
   */
  function partial(index, clauses, weight) {
    var P = lunrOf().Query.presence;
    var scoring = [];
    var checks = [];
    clauses.forEach(function (c, n) {
      var own = restrictClause(c, index.fields);
      if (!own) return;
      if (c.presence !== P.PROHIBITED && !c.filter) scoring.push({ clause: c, own: own });
      if (c.presence !== P.OPTIONAL) checks.push(n);
    });
    // The query's words each term of this index stands for, for the clauses that carry a word.
    var wordsOf = {};
    scoring.forEach(function (s) {
      var c = s.clause;
      if (c.word === undefined) return;
      var terms = c.usePipeline === false ? termsIn(index.source, c, c.term) : index.source.pipeline.runString(c.term);
      terms.forEach(function (t) { (wordsOf[t] = wordsOf[t] || {})[creditOf(c)] = true; });
    });
    // For each word, the lists of refs that have one of its own terms (or a one-word synonym's) in
    // this index: the postings' own lists, one per term and field, counted once merged.
    var wordRefs = {};
    Object.keys(wordsOf).forEach(function (t) {
      var entry = index.source.posting(t);
      if (!entry) return;
      Object.keys(wordsOf[t]).forEach(function (w) {
        if (w.indexOf("/") >= 0 || w.charAt(0) === "=") return;
        var lists = wordRefs[w] || (wordRefs[w] = []);
        Object.keys(entry).forEach(function (f) { if (f !== "_index") lists.push(Object.keys(entry[f])); });
      });
    });
    var found = { refs: [], scores: [], terms: [] };
    var credits = [];
    if (scoring.length) {
      // Documents that matched the same terms (query() gives them one list) matched the same words.
      var creditsOf = new Map();
      found = query(index.source, scoring.map(function (s) { return s.own; }), true);
      for (var i = 0; i < found.refs.length; i++) {
        var terms = found.terms[i];
        var mine = creditsOf.get(terms);
        if (!mine) {
          var set = {};
          terms.forEach(function (t) { Object.keys(wordsOf[t] || {}).forEach(function (w) { set[w] = true; }); });
          creditsOf.set(terms, mine = Object.keys(set));
        }
        credits.push(mine);
      }
    }
    var matches = {};
    checks.forEach(function (n) {
      var set = {};
      query(index.source, [restrictClause(clauses[n], index.fields)], false).refs.forEach(function (ref) { set[ref] = true; });
      matches[n] = set;
    });
    return { refs: found.refs, scores: found.scores, terms: found.terms, credits: credits, matches: matches, wordRefs: wordRefs, weight: weight };
  }

  /**
   * What lunr.js 2.3.9's Index.prototype.query gives for these clauses, which are all optional:
   * the documents that match (refs, in the order lunr first meets them), and, with scored, each one's
   * score and the terms it matched (scores[i] and terms[i], as lunr's result.score and
   * Object.keys(result.matchData.metadata)). It follows lunr's query step by step (the same clause
   * defaults, pipeline, term expansion, query vectors and similarity, and each document's fields
   * added up in the order lunr adds them, so the scores are the same numbers), without the objects
   * lunr makes for every match (a FieldRef, a MatchData, a copy of its metadata, a Set of every
   * posting), which cost most of the time of a query for a word most documents have.
   *
   * Each (term, field) lunr walks the postings of is an event, numbered in lunr's order; a document
   * keeps the events that matched it as a string of their numbers. Documents with the same events
   * have the same fields in the same order and the same terms: those are worked out once per string.
   * source: a lunr.Index, or what indexOf() makes of several partitions.
   */
  function query(source, clauses, scored) {
    var lunr = lunrOf();
    if (source instanceof lunr.Index) source = indexSource(source);
    var q = new lunr.Query(source.fields);
    for (var c = 0; c < clauses.length; c++) q.clause(clauses[c]);
    var queryVectors = Object.create(null);
    for (var f = 0; f < source.fields.length; f++) queryVectors[source.fields[f]] = new lunr.Vector();
    var termFieldCache = Object.create(null);
    var events = [];
    var positions = new Map();
    var refs = [];
    var matched = [];
    function plus(a, b) { return a + b; }
    for (c = 0; c < q.clauses.length; c++) {
      var clause = q.clauses[c];
      var terms = clause.usePipeline ? source.pipeline.runString(clause.term, { fields: clause.fields }) : [clause.term];
      for (var m = 0; m < terms.length; m++) {
        clause.term = terms[m];
        var expanded = termsIn(source, clause, clause.term);
        for (var x = 0; x < expanded.length; x++) {
          var t = expanded[x];
          var posting = source.posting(t);
          for (f = 0; f < clause.fields.length; f++) {
            var field = clause.fields[f];
            queryVectors[field].upsert(posting._index, clause.boost, plus);
            var termField = t + "/" + field;
            if (termFieldCache[termField]) continue;
            termFieldCache[termField] = true;
            // Event numbers are characters; past the surrogates' range, every document keeps a list instead.
            if (events.length === 0xD800) matched = matched.map(function (list) { return Array.from(list, function (ch) { return ch.charCodeAt(0); }); });
            var event = events.length < 0xD800 ? String.fromCharCode(events.length) : [events.length];
            events.push({ term: t, field: field });
            var matching = Object.keys(posting[field]);
            for (var i = 0; i < matching.length; i++) {
              var ref = matching[i];
              var at = positions.get(ref);
              if (at === undefined) {
                positions.set(ref, refs.length);
                refs.push(ref);
                matched.push(event);
              } else {
                matched[at] = matched[at].concat(event);
              }
            }
          }
        }
      }
    }
    if (!scored) return { refs: refs };
    // For each string of events: the fields in the order lunr first matched them, and the terms.
    var kinds = new Map();
    function kindOf(list) {
      var key = typeof list === "string" ? list : list.join(",");
      var kind = kinds.get(key);
      if (kind) return kind;
      var fields = [];
      var termsOfField = [];
      for (var k = 0; k < list.length; k++) {
        var ev = events[typeof list === "string" ? list.charCodeAt(k) : list[k]];
        var n = fields.indexOf(ev.field);
        if (n < 0) { fields.push(ev.field); termsOfField.push([ev.term]); } else termsOfField[n].push(ev.term);
      }
      // lunr's metadata is an object keyed by term, each field's terms added in turn: the same keys in the same order.
      var metadata = Object.create(null);
      termsOfField.forEach(function (ts) { ts.forEach(function (term) { metadata[term] = true; }); });
      kinds.set(key, kind = { fields: fields, terms: Object.keys(metadata) });
      return kind;
    }
    var scores = new Array(refs.length);
    var termsOf = new Array(refs.length);
    for (i = 0; i < refs.length; i++) {
      var kind = kindOf(matched[i]);
      var score = 0;
      for (f = 0; f < kind.fields.length; f++) {
        var s = source.similarity(queryVectors[kind.fields[f]], kind.fields[f], refs[i]);
        score = f === 0 ? s : score + s;
      }
      scores[i] = score;
      termsOf[i] = kind.terms;
    }
    return { refs: refs, scores: scores, terms: termsOf };
  }

  /** The keys of an object given a's keys and then b's, in the order Object.keys gives them. */
  function union(a, b) {
    var set = Object.create(null);
    a.forEach(function (k) { set[k] = true; });
    b.forEach(function (k) { set[k] = true; });
    return Object.keys(set);
  }

  /** The year of a ref, from the manifest's runs of refs. */
  function yearOf(e, ref) {
    var runs = e.manifest.years;
    for (var i = 0; i < runs.length; i++) if (ref >= runs[i][1] && ref < runs[i][2]) return runs[i][0];
    return 0;
  }

  /**
   * The results of a search from its parts: a document's score is the sum of its lunr scores in the
   * two indexes (lunr scores each field separately and adds them up), the body's counted BODY_WEIGHT
   * times, times the share of the query's words it matched. Required words must match in some field,
   * prohibited ones in none, filters must hold. Best first.
   */
  function merge(e, clauses, partials) {
    var P = lunrOf().Query.presence;
    var required = [];
    var prohibited = [];
    var filters = [];
    clauses.forEach(function (c, n) {
      if (c.filter) filters.push(n);
      else if (c.presence === P.REQUIRED) required.push(n);
      else if (c.presence === P.PROHIBITED) prohibited.push(n);
    });
    // Each result's score, and its terms and credits: those of the one part that has it, or both
    // parts' put together (keyed objects, as one part's lists are made), in the order Object.keys
    // gives. Refs are positions, below the manifest's count of documents.
    var total = { seen: new Uint8Array(e.count), score: new Float64Array(e.count), terms: [], credits: [], ref: [] };
    var refs = [];
    var hits = {};
    partials.forEach(function (p) {
      for (var i = 0; i < p.refs.length; i++) {
        var r = +p.refs[i];
        if (!total.seen[r]) {
          total.seen[r] = 1;
          total.score[r] = 0 + p.scores[i] * p.weight;
          total.terms[r] = p.terms[i];
          total.credits[r] = p.credits[i];
          total.ref[r] = p.refs[i];
          refs.push(r);
          continue;
        }
        total.score[r] += p.scores[i] * p.weight;
        total.terms[r] = union(total.terms[r], p.terms[i]);
        total.credits[r] = union(total.credits[r], p.credits[i]);
      }
      Object.keys(p.matches).forEach(function (n) {
        var set = hits[n] || (hits[n] = {});
        Object.keys(p.matches[n]).forEach(function (ref) { set[ref] = true; });
      });
    });
    var queryClauses = clauses.length - filters.length;
    if (clauses.browse || (queryClauses > 0 && prohibited.length === queryClauses)) {
      // Only prohibited words, or only filters: every other document matches, as in lunr.
      for (var d = 0; d < e.count; d++) {
        if (!total.seen[d]) { total.seen[d] = 1; total.score[d] = 0; total.terms[d] = []; total.credits[d] = []; total.ref[d] = String(d); refs.push(d); }
      }
    }
    function hit(n, ref) { return !!(hits[n] && hits[n][ref]); }
    function passes(ref) {
      for (var f = 0; f < filters.length; f++) if (!hit(filters[f], ref)) return false;
      return clauses.year === null || clauses.year === undefined || yearOf(e, Number(ref)) === clauses.year;
    }
    // The query's words: a result's score is multiplied by the share of them it has, half counted
    // as words, half weighed by each word's idf over the whole library (a rare word counts more).
    var queryWords = {};
    clauses.forEach(function (c) { if (c.word !== undefined && c.presence !== P.PROHIBITED) queryWords[c.word] = true; });
    var wordCount = Object.keys(queryWords).length;
    var idf = {};
    var idfTotal = 0;
    Object.keys(queryWords).forEach(function (w) {
      // The documents with one of the word's terms in either index, each counted once.
      var marked = new Uint8Array(e.count);
      var n = 0;
      partials.forEach(function (p) {
        ((p.wordRefs || {})[w] || []).forEach(function (list) {
          for (var i = 0; i < list.length; i++) { var r = +list[i]; if (!marked[r]) { marked[r] = 1; n++; } }
        });
      });
      idf[w] = Math.log(1 + Math.abs((e.count - n + 0.5) / (n + 0.5)));
      idfTotal += idf[w];
    });
    // The share of the query's words, worked out once for each set of credits (0: not a match).
    var shares = {};
    function shareOf(credits) {
      var key = credits.join("\u0000");
      if (own.call(shares, key)) return shares[key];
      var words = wordsCovered(credits, clauses);
      var got = 0;
      words.forEach(function (w) { got += idf[w] || 0; });
      // Only some words of a synonym of several words: not a match.
      return (shares[key] = !words.length ? 0
        : (1 - IDF_SHARE) * words.length / wordCount + (idfTotal > 0 ? IDF_SHARE * got / idfTotal : IDF_SHARE * words.length / wordCount));
    }
    var out = [];
    refs.forEach(function (r) {
      var ref = total.ref[r];
      for (var i = 0; i < required.length; i++) if (!hit(required[i], ref)) return;
      for (var j = 0; j < prohibited.length; j++) if (hit(prohibited[j], ref)) return;
      if (!passes(ref)) return;
      var share = 1;
      if (wordCount) {
        share = shareOf(total.credits[r]);
        if (share === 0) return;
      }
      out.push({ ref: ref, score: total.score[r] * share, terms: total.terms[r] });
    });
    if (clauses.id !== undefined && clauses.id !== null && passes(clauses.id)) {
      // The write-up whose id the query is comes first.
      out = out.filter(function (r) { return r.ref !== clauses.id; });
      out.unshift({ ref: clauses.id, score: Infinity, terms: [] });
    }
    out.sort(function (a, b) { return b.score - a.score || Number(a.ref) - Number(b.ref); });
    return out;
  }

  /** The partitions a prepared query's clauses need. */
  function queryPartitions(e, p) {
    var ks = [];
    p.clauses.forEach(function (c) { ks = ks.concat(clausePartitions(e, c)); });
    return ks;
  }

  /**
   * The results of a prepared query whose files are all loaded (prepare() missing nothing), best
   * first: each index searched over the partitions the query needs, then merged.
   */
  function results(e, p) {
    var parts = queryPartitions(e, p);
    return merge(e, p.clauses, e.manifest.indexes.map(function (x, g) {
      return partial(indexOf(e, g, parts), p.clauses, x.name === "body" ? BODY_WEIGHT : 1);
    }));
  }

  /**
   * A whole search, for callers that load files at once (tests, benchmarks): load(name) returns the
   * value a file's script sets. The results best first, or null for an empty query.
   */
  function search(e, q, filters, load) {
    for (var tries = 0; tries < 100; tries++) {
      var p = prepare(e, q, filters);
      if (p === null) return null;
      if (!p.missing.length) return results(e, p);
      p.missing.forEach(function (name) { add(e, name, load(name)); });
    }
    throw new Error("search: files keep missing");
  }

  /* The document store and texts ---------------------------------------------------------- */

  function docsFile(e, ref) {
    return "docs-" + Math.floor(Number(ref) / e.manifest.docs.chunk);
  }

  /** What a result shows of the document with this ref, or null when its store file is not loaded. */
  function doc(e, ref) {
    var file = e.files[docsFile(e, ref)];
    return file ? file[Number(ref) % e.manifest.docs.chunk] || null : null;
  }

  /** The store files these results need that are not loaded yet. */
  function docsMissing(e, refs) {
    var out = [];
    refs.forEach(function (ref) {
      var name = docsFile(e, ref);
      if (!has(e, name) && out.indexOf(name) === -1) out.push(name);
    });
    return out;
  }

  /** The text file of a ref. */
  function textFile(e, ref) {
    return "text-" + Math.floor(Number(ref) / e.manifest.text.chunk);
  }

  /** The plain text of the document with this ref, or null when its text file is not loaded. */
  function text(e, ref) {
    var name = textFile(e, ref);
    if (!has(e, name)) return null;
    var file = e.files[name];
    return file ? file[Number(ref) % e.manifest.text.chunk] || "" : "";
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
    GLOBALS: GLOBALS,
    create: create,
    add: add,
    decode: decode,
    decodeText: decodeText,
    has: has,
    fileGlobal: fileGlobal,
    prepare: prepare,
    results: results,
    shown: shown,
    broad: broad,
    search: search,
    doc: doc,
    docsMissing: docsMissing,
    text: text,
    textFile: textFile,
    marks: marks,
    matches: matches,
    snippet: snippet,
    query: query,
    /** What query() searches for index g over its partitions ks (loaded with add()): for tests. */
    sourceOf: function (e, g, ks) { return indexOf(e, g, ks.map(function (k) { return { g: g, k: k }; })).source; }
  };
});
