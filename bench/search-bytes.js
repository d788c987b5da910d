// The bytes a query costs on a built Casebook site, without a browser: the files the site's own
// search engine loads for it (as the header box does: the manifest, lunr.js, the engine, search.js,
// the partitions and id file the query needs, the store of its first 8 results), each gzipped.
// For sizes where the browser benchmark is not run; at smaller sizes it agrees with what the
// server of bench/search-bench.sh counts, less the snippets' texts the box may fetch at once.
//
// Usage: node bench/search-bytes.js LUNR_JS SITE_DIR QUERY...
// Prints one JSON line per query: {query, bytes, files, results}.
'use strict'
const fs = require('fs')
const path = require('path')
const vm = require('vm')
const zlib = require('zlib')
const [lunrFile, site, ...queries] = process.argv.slice(2)
const lunr = require(path.resolve(lunrFile))
global.window = global
// A file's value as the engine takes it: a string (the manifest's encoding "gzip-base64") is the
// base64 of the gzip of its JSON; the page decodes it with the engine's decode(), this does the same at once.
function decoded (value) {
  return typeof value === 'string' ? JSON.parse(zlib.gunzipSync(Buffer.from(value, 'base64')).toString('utf8')) : value
}
const gz = file => zlib.gzipSync(fs.readFileSync(path.join(site, file)), { level: 6 }).length
const run = file => vm.runInThisContext(fs.readFileSync(path.join(site, file), 'utf8'), { filename: file })
const E = require(path.resolve(site, 'assets/search-engine.js'))(function () { return lunr })
run('assets/search/index.js')
const always = ['assets/vendor/lunr.min.js', 'assets/search-engine.js', 'assets/search.js', 'assets/search/index.js']
for (const query of queries) {
  const e = E.create(window.casebookSearch)
  const files = always.slice()
  const load = name => {
    const g = E.fileGlobal(name)
    files.push('assets/search/' + name + '.js')
    run('assets/search/' + name + '.js')
    const value = decoded(window[g.global][g.n])
    delete window[g.global][g.n]
    return value
  }
  const results = E.search(e, query, null, load) || []
  E.docsMissing(e, results.slice(0, 8).map(r => r.ref)).forEach(name => E.add(e, name, load(name)))
  const bytes = files.reduce((sum, f) => sum + gz(f), 0)
  console.log(JSON.stringify({ query, bytes, files: files.length, results: results.length }))
}
