// Rebuilds every index file described by `casebook build --search-documents FILE` with lunr.js and
// prints {"<path>": "<JSON.stringify(partition)>"}; Casebook's files must hold exactly these bytes.
// Usage: node rebuild-from-search-documents.js <lunr.js> <search-documents.json>
//
// Each index is built once from the documents, with its own fields; each of its files is that index
// restricted to the terms
// from `terms.from` (inclusive) to `terms.to` (exclusive, null for no end), in JavaScript's string
// order: the inverted index entries of those terms, unchanged, and every field vector with only the
// entries ([termIndex, weight]) of those terms, in the same order, left out when none is left.
'use strict'
const fs = require('fs')
const path = require('path')
const lunr = require(path.resolve(process.argv[2]))
const spec = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'))
function build (fields) {
  return JSON.parse(JSON.stringify(lunr(function () {
    this.ref(spec.ref)
    for (const name of fields) this.field(name, { boost: spec.fields.find(f => f.name === name).boost })
    this.metadataWhitelist = spec.metadataWhitelist
    for (const doc of spec.documents) {
      const boost = spec.documentBoosts[doc[spec.ref]]
      this.add(doc, boost === undefined ? undefined : { boost: boost })
    }
  })))
}

function restrict (index, from, to) {
  const inRange = t => t >= from && (to === null || t < to)
  const invertedIndex = index.invertedIndex.filter(([term]) => inRange(term))
  const kept = new Set(invertedIndex.map(([, posting]) => posting._index))
  const fieldVectors = []
  for (const [fieldRef, elements] of index.fieldVectors) {
    const own = []
    for (let i = 0; i < elements.length; i += 2) if (kept.has(elements[i])) own.push(elements[i], elements[i + 1])
    if (own.length) fieldVectors.push([fieldRef, own])
  }
  return { version: index.version, fields: index.fields, fieldVectors, invertedIndex, pipeline: index.pipeline }
}

const out = {}
for (const index of spec.indexes) {
  const whole = build(index.fields)
  for (const file of index.files) {
    const restricted = restrict(whole, file.terms.from, file.terms.to)
    // lunr.Index.load takes it, and JSON.stringify of the loaded index gives the same text again.
    const text = JSON.stringify(restricted)
    if (JSON.stringify(lunr.Index.load(restricted)) !== text) throw new Error(file.path + ': not what lunr.Index.load keeps')
    out[file.path] = text
  }
}
process.stdout.write(JSON.stringify(out))
