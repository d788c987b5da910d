// Checks the site engine's own query (search-engine.js, query()) against lunr.js's
// Index.prototype.query on every index file of a built site, both on the lunr index lunr.Index.load
// makes of the file and on the engine's own reading of it (as the page searches it): for many sets
// of optional clauses
// (one term, a word through the pipeline, several boosted terms, a term twice, trailing wildcards,
// typos, a subset of the fields), the same documents must match, with the same score to the last
// bit and the same matched terms in the same order.
// Usage: node query-equivalence.js <lunr.js> <site dir>
// Prints {"indexes": n, "compared": n, "mismatches": [...first 10]}.
'use strict'
const fs = require('fs')
const path = require('path')
const vm = require('vm')
const zlib = require('zlib')
const lunr = require(path.resolve(process.argv[2]))
const site = process.argv[3]

global.window = global
function decoded (value) {
  return typeof value === 'string' ? JSON.parse(zlib.gunzipSync(Buffer.from(value, 'base64')).toString('utf8')) : value
}
const E = require(path.resolve(site, 'assets/search-engine.js'))(function () { return lunr })
vm.runInThisContext(fs.readFileSync(path.join(site, 'assets/search/index.js'), 'utf8'))
const manifest = window.casebookSearch

// Every partition of every index, loaded as lunr loads it, and as the engine reads it: an engine
// whose manifest has that index in that one partition.
const indexes = []
const sources = []
manifest.indexes.forEach(function (index) {
  const g = E.GLOBALS[index.name]
  index.terms.forEach(function (first, n) {
    vm.runInThisContext(fs.readFileSync(path.join(site, 'assets/search', index.name + '-' + n + '.js'), 'utf8'))
    const data = decoded(window[g][n])
    delete window[g][n]
    indexes.push(lunr.Index.load(data))
    const e = E.create(Object.assign({}, manifest, { indexes: [Object.assign({}, index, { terms: [''] })] }))
    E.add(e, index.name + '-0', data)
    sources.push(E.sourceOf(e, 0, [0]))
  })
})

function clauseSets (idx) {
  const terms = Object.keys(idx.invertedIndex).sort()
  const byDocs = terms.slice().sort(function (a, b) { return count(idx, b) - count(idx, a) || (a < b ? -1 : 1) })
  const picked = terms.filter(function (t, i) { return i % Math.max(1, Math.floor(terms.length / 12)) === 0 }).concat(byDocs.slice(0, 4))
  const sets = []
  picked.forEach(function (t, i) {
    const other = picked[(i + 1) % picked.length]
    sets.push([{ term: t, usePipeline: false }])
    sets.push([{ term: t }])
    sets.push([{ term: t, usePipeline: false, boost: 2 }, { term: other, usePipeline: false, boost: 0.6 }])
    sets.push([{ term: t, usePipeline: false }, { term: t, usePipeline: false, boost: 0.6 }])
    if (t.length >= 3) sets.push([{ term: t.slice(0, 3), usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING }])
    if (t.length >= 4) sets.push([{ term: t.slice(0, -1) + 'q', usePipeline: false, editDistance: 1 }, { term: other, usePipeline: false }])
    sets.push([{ term: t, usePipeline: false, fields: [idx.fields[0]] }, { term: other, usePipeline: false, fields: idx.fields.slice(-1) }])
  })
  return sets
}

function count (idx, term) {
  const entry = idx.invertedIndex[term]
  return Object.keys(entry).reduce(function (n, f) { return f === '_index' ? n : n + Object.keys(entry[f]).length }, 0)
}

function copy (clauses) {
  return clauses.map(function (c) { return Object.assign({}, c) })
}

let compared = 0
const mismatches = []
indexes.forEach(function (idx, n) {
  clauseSets(idx).forEach(function (clauses) {
    const theirs = {}
    idx.query(function (q) { copy(clauses).forEach(function (c) { q.clause(c) }) }).forEach(function (r) {
      theirs[r.ref] = { score: r.score, terms: Object.keys(r.matchData.metadata) }
    })
    ;[idx, sources[n]].forEach(function (source, way) {
      const ours = E.query(source, copy(clauses), true)
      const mine = {}
      ours.refs.forEach(function (ref, i) { mine[ref] = { score: ours.scores[i], terms: ours.terms[i] } })
      const refs = E.query(source, copy(clauses), false).refs
      compared++
      const a = JSON.stringify(Object.keys(theirs).sort())
      if (a !== JSON.stringify(Object.keys(mine).sort()) || a !== JSON.stringify(refs.slice().sort())) {
        mismatches.push({ index: n, way: way, clauses: clauses, problem: 'documents', lunr: Object.keys(theirs).length, engine: ours.refs.length })
        return
      }
      Object.keys(theirs).forEach(function (ref) {
        if (theirs[ref].score !== mine[ref].score || JSON.stringify(theirs[ref].terms) !== JSON.stringify(mine[ref].terms)) {
          mismatches.push({ index: n, way: way, clauses: clauses, ref: ref, lunr: theirs[ref], engine: mine[ref] })
        }
      })
    })
  })
})
process.stdout.write(JSON.stringify({ indexes: indexes.length, compared: compared, mismatches: mismatches.slice(0, 10) }))
