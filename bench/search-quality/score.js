// Scores known-item queries on a built Casebook site, with the site's own search engine as its
// search page runs it (assets/search-engine.js over the partitions of assets/search/ a query needs,
// with lunr.js), and with a plain lunr.js index of the same documents for comparison.
//
// Usage: node score.js LUNR_JS SITE_DIR QUERIES_TSV [ID_MAP_TSV] [--detail tuning] [--split tuning]
//   ID_MAP_TSV: optional "old-id<TAB>new-id" lines, for a library whose ids were changed.
//   --detail tuning: also print the rank of every tuning query (never the held-out ones).
//   --split tuning: score the tuning part only, for trying changes without seeing held-out figures.
// Prints s@1, s@3, s@10 and MRR per engine, split and kind.
'use strict'
const fs = require('fs')
const path = require('path')
const vm = require('vm')
const zlib = require('zlib')

const args = process.argv.slice(2)
const detailAt = args.indexOf('--detail')
const detail = detailAt >= 0 ? args.splice(detailAt, 2)[1] : null
if (detail !== null && detail !== 'tuning') throw new Error('--detail shows the tuning part only')
const splitAt = args.indexOf('--split')
const only = splitAt >= 0 ? args.splice(splitAt, 2)[1] : null
if (only !== null && only !== 'tuning') throw new Error('--split scores the tuning part only')
const [lunrFile, site, queriesFile, idMapFile] = args
const lunr = require(path.resolve(lunrFile))

global.window = global
// A file's value as the engine takes it: a string (the manifest's encoding "gzip-base64") is the
// base64 of the gzip of its JSON; the page decodes it with the engine's decode(), this does the same at once.
function decoded (value) {
  return typeof value === 'string' ? JSON.parse(zlib.gunzipSync(Buffer.from(value, 'base64')).toString('utf8')) : value
}
function run (file) {
  vm.runInThisContext(fs.readFileSync(path.join(site, file), 'utf8'), { filename: file })
}

// The site's engine, loading the partitions each query needs as the search page does.
const E = require(path.resolve(site, 'assets/search-engine.js'))(function () { return lunr })
run('assets/search/index.js')
const engine = E.create(window.casebookSearch)
function load (name) {
  const g = E.fileGlobal(name)
  run('assets/search/' + name + '.js')
  const value = decoded(window[g.global][g.n])
  delete window[g.global][g.n]
  return value
}
const manifest = window.casebookSearch
const docs = []
for (let n = 0; n < manifest.docs.files; n++) load('docs-' + n).forEach(d => docs.push(d))
const texts = []
for (let n = 0; n < manifest.text.files; n++) load('text-' + n).forEach(t => texts.push(t))

// Plain lunr.js: one index of every document, title^10, summary^5, tags/services/teams^3, body.
const plain = lunr(function () {
  this.ref('ref')
  this.field('title', { boost: 10 })
  this.field('summary', { boost: 5 })
  this.field('tags', { boost: 3 })
  this.field('services', { boost: 3 })
  this.field('teams', { boost: 3 })
  this.field('body')
  docs.forEach((d, ref) => this.add({
    ref: String(ref), title: d.title, summary: d.summary, tags: d.tags.join(' '),
    services: d.services.join(' '), teams: d.teams.join(' '), body: texts[ref] || ''
  }))
})
function plainSearch (q) {
  // Words only, as a reader types them into a plain lunr search box; lunr syntax characters are dropped.
  const clean = q.replace(/[:~^*+\-\\]/g, ' ')
  try { return plain.search(clean).map(r => r.ref) } catch (x) { return [] }
}

const idMap = {}
if (idMapFile) {
  fs.readFileSync(idMapFile, 'utf8').split('\n').filter(Boolean).forEach(l => { const [a, b] = l.split('\t'); idMap[a] = b })
}
const refOf = {}
docs.forEach((d, ref) => { if (d.id) refOf[d.id] = String(ref) })

const rows = fs.readFileSync(queriesFile, 'utf8').split('\n').filter(Boolean).slice(1).map(l => {
  const [query, expected, kind, split, same] = l.split('\t')
  const refs = [expected].concat(same ? same.split(',') : []).map(x => {
    const id = idMap[x] || x
    if (!(id in refOf)) throw new Error('no write-up with id ' + id + ' (query: ' + query + ')')
    return refOf[id]
  })
  return { query, refs, kind, split }
}).filter(r => only === null || r.split === only)

const engines = {
  casebook: q => (E.search(engine, q, null, load) || []).map(r => r.ref),
  'plain-lunr': plainSearch
}

// The rank of the first result that is the expected write-up or another write-up of the same incident.
function rank (results, refs) { const i = results.findIndex(r => refs.indexOf(r) >= 0); return i < 0 ? 0 : i + 1 }
function score (ranks) {
  const n = ranks.length
  const at = k => ranks.filter(r => r > 0 && r <= k).length / n
  const mrr = ranks.reduce((s, r) => s + (r > 0 ? 1 / r : 0), 0) / n
  return { n, s1: at(1), s3: at(3), s10: at(10), mrr }
}
const f = x => x.toFixed(2)
console.log('| engine | split | kind | n | s@1 | s@3 | s@10 | MRR |')
console.log('|---|---|---|---|---|---|---|---|')
const kinds = ['all'].concat([...new Set(rows.map(r => r.kind))].sort())
for (const name of Object.keys(engines)) {
  const ranks = rows.map(r => rank(engines[name](r.query), r.refs))
  for (const split of only === null ? ['tuning', 'heldout'] : [only]) {
    for (const kind of kinds) {
      const sel = rows.map((r, i) => i).filter(i => rows[i].split === split && (kind === 'all' || rows[i].kind === kind))
      const s = score(sel.map(i => ranks[i]))
      console.log(`| ${name} | ${split} | ${kind} | ${s.n} | ${f(s.s1)} | ${f(s.s3)} | ${f(s.s10)} | ${f(s.mrr)} |`)
    }
  }
  if (detail === 'tuning') {
    rows.forEach((r, i) => { if (r.split === 'tuning') console.error(`${name}\t${ranks[i] || '-'}\t${r.kind}\t${r.query}`) })
  }
}
