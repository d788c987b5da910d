// Runs searches on a built site exactly as its search page does: the site's own
// assets/search-engine.js over the partitions of assets/search/ each query needs, with lunr.js.
// Usage: node site-search.js <lunr.js> <site dir> <queries.json> [--raw]
// queries.json: ["failover", "service:checkout", ...]
// Prints, per query: {"count": n, "shown", "broad", "loaded", "results": [{"ref", "score"}, ...]} (the
// first 50), or {"error"}; shown: what the page says was searched when a word was replaced
// ("certificate"), or null; broad: the wildcard terms left out as beginning too many words, or null;
// loaded: how many index files the query loaded that earlier queries had not.
// --raw, for a site whose indexes are one partition each: also "raw": {"fields": {ref: score},
// "body": {ref: score}}, what lunr's own idx.search gives on each whole index.
'use strict'
const fs = require('fs')
const path = require('path')
const vm = require('vm')
const zlib = require('zlib')
const lunr = require(path.resolve(process.argv[2]))
const site = process.argv[3]
const queries = JSON.parse(fs.readFileSync(process.argv[4], 'utf8'))
const raw = process.argv[5] === '--raw'

global.window = global
// A file's value as the engine takes it: a string (the manifest's encoding "gzip-base64") is the
// base64 of the gzip of its JSON; the page decodes it with the engine's decode(), this does the same at once.
function decoded (value) {
  return typeof value === 'string' ? JSON.parse(zlib.gunzipSync(Buffer.from(value, 'base64')).toString('utf8')) : value
}
function run (file) {
  vm.runInThisContext(fs.readFileSync(path.join(site, file), 'utf8'), { filename: file })
}
const engineOf = require(path.resolve(site, 'assets/search-engine.js'))
const E = engineOf(function () { return lunr })
run('assets/search/index.js')
const e = E.create(window.casebookSearch)
const loadedFiles = []
function load (name) {
  const g = E.fileGlobal(name)
  run('assets/search/' + name + '.js')
  loadedFiles.push(name)
  const value = decoded(window[g.global][g.n])
  delete window[g.global][g.n]
  return value
}

const wholes = {}
if (raw) {
  ['fields', 'body'].forEach(function (name) {
    run('assets/search/' + name + '-0.js')
    const g = E.GLOBALS[name]
    wholes[name] = lunr.Index.load(decoded(window[g][0]))
    delete window[g][0]
  })
}

// What the page says was searched, once the store of the first 8 results is in, as the header box waits for it.
function shown (q, results) {
  const top = results.slice(0, 8).map(function (r) { return r.ref })
  E.docsMissing(e, top).forEach(function (name) {
    // Not in loadedFiles, which lists the index files searches needed.
    const g = E.fileGlobal(name)
    run('assets/search/' + name + '.js')
    E.add(e, name, decoded(window[g.global][g.n]))
    delete window[g.global][g.n]
  })
  return E.shown(e, E.prepare(e, q, null), results)
}

const out = queries.map(function (q) {
  try {
    const before = loadedFiles.length
    const results = E.search(e, q, null, load) || []
    const answer = {
      count: results.length,
      shown: shown(q, results),
      broad: E.broad(E.prepare(e, q, null)),
      loaded: loadedFiles.length - before,
      results: results.slice(0, 50).map(function (r) { return { ref: r.ref, score: r.score } })
    }
    if (raw) {
      answer.raw = {}
      Object.keys(wholes).forEach(function (name) {
        const scores = {}
        wholes[name].search(q).forEach(function (r) { scores[r.ref] = r.score })
        answer.raw[name] = scores
      })
    }
    return answer
  } catch (x) {
    return { error: x.name + ': ' + x.message }
  }
})
process.stdout.write(JSON.stringify({ files: loadedFiles, results: out }))
