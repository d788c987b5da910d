// Runs searches on a built site exactly as its search page does: the site's own
// assets/search-engine.js over the partitions of assets/search/ each query needs, with lunr.js.
// Usage: node site-search.js <lunr.js> <site dir> <queries.json>
// queries.json: ["failover", "service:checkout", ...]
// Prints, per query: {"count": n, "results": [{"ref", "score"}, ...]} (the first 50), or {"error"}.
'use strict'
const fs = require('fs')
const path = require('path')
const vm = require('vm')
const lunr = require(path.resolve(process.argv[2]))
const site = process.argv[3]
const queries = JSON.parse(fs.readFileSync(process.argv[4], 'utf8'))

global.window = global
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
  const value = window[g.global][g.n]
  delete window[g.global][g.n]
  return value
}

const out = queries.map(function (q) {
  try {
    const results = E.search(e, q, null, load) || []
    return {
      count: results.length,
      results: results.slice(0, 50).map(function (r) { return { ref: r.ref, score: r.score } })
    }
  } catch (x) {
    return { error: x.name + ': ' + x.message }
  }
})
process.stdout.write(JSON.stringify({ files: loadedFiles, results: out }))
