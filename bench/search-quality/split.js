// Writes the split column of queries.tsv: within each kind, queries are ordered by the SHA-1 of
// "query<TAB>expected" and the first 45% (rounded up) are held out ("heldout"), the rest are for
// tuning ("tuning"). Deterministic, stratified by kind. A query that already has a split keeps it
// (a query reworded later stays where it was). Usage: node split.js [queries.tsv]
'use strict'
const fs = require('fs')
const crypto = require('crypto')
const file = process.argv[2] || require('path').join(__dirname, 'queries.tsv')
const lines = fs.readFileSync(file, 'utf8').split('\n').filter(l => l.length)
const header = lines.shift()
const rows = lines.map(l => l.split('\t'))
const byKind = {}
rows.forEach(r => (byKind[r[2]] = byKind[r[2]] || []).push(r))
Object.values(byKind).forEach(list => {
  const sorted = list.slice().sort((a, b) => {
    const ha = crypto.createHash('sha1').update(a[0] + '\t' + a[1]).digest('hex')
    const hb = crypto.createHash('sha1').update(b[0] + '\t' + b[1]).digest('hex')
    return ha < hb ? -1 : ha > hb ? 1 : 0
  })
  const held = Math.ceil(list.length * 0.45)
  sorted.forEach((r, i) => { if (!r[3] || r[3] === '-') r[3] = i < held ? 'heldout' : 'tuning' })
})
fs.writeFileSync(file, [header].concat(rows.map(r => r.join('\t'))).join('\n') + '\n')
