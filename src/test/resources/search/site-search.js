// Runs searches on a built site exactly as its search page does: the site's own
// assets/search-engine.js over assets/search/index.js and every body shard, with lunr.js.
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
for (const f of e.shardFiles) {
  run('assets/search/' + f.file)
}
Object.keys(window.casebookSearchShards).sort(function (a, b) { return a - b }).forEach(function (k) {
  E.addShard(e, window.casebookSearchShards[k])
})

const out = queries.map(function (q) {
  try {
    const results = E.search(e, q, false) || []
    return {
      count: results.length,
      results: results.slice(0, 50).map(function (r) { return { ref: r.ref, score: r.score } })
    }
  } catch (x) {
    return { error: x.name + ': ' + x.message }
  }
})
process.stdout.write(JSON.stringify({ shards: e.loadedShards, results: out }))
