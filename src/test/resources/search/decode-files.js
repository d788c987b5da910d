// Decodes every file of a site's assets/search/ but the manifest as the search page does: runs the
// file's script, then the site's own search-engine.js's decodeText (atob, then a
// DecompressionStream("gzip")) on the string it set. Prints {"<file name>": "<JSON text>"}.
// Usage: node decode-files.js <lunr.js> <site dir> <search-engine.js>
'use strict'
const fs = require('fs')
const path = require('path')
const vm = require('vm')
const site = process.argv[3]
const E = require(path.resolve(process.argv[4]))(function () { return null })

global.window = global
const dir = path.join(site, 'assets/search')
const names = fs.readdirSync(dir).filter(f => f !== 'index.js').sort()
const out = {}
Promise.all(names.map(function (file) {
  vm.runInThisContext(fs.readFileSync(path.join(dir, file), 'utf8'), { filename: file })
  const g = E.fileGlobal(file.replace(/\.js$/, ''))
  const value = window[g.global][g.n]
  delete window[g.global][g.n]
  if (typeof value !== 'string') throw new Error(file + ': not a string')
  return E.decodeText(value).then(function (text) { out[file] = text })
})).then(function () {
  process.stdout.write(JSON.stringify(out))
}, function (e) {
  console.error(e)
  process.exit(1)
})
