// Rebuilds every index described by `casebook build --search-documents FILE` with lunr.js and
// prints {"<path>": "<JSON.stringify(idx)>"}; Casebook's index must be byte-identical.
// Usage: node rebuild-from-search-documents.js <lunr.js> <search-documents.json>
'use strict'
const fs = require('fs')
const path = require('path')
const lunr = require(path.resolve(process.argv[2]))
const spec = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'))
const out = {}
for (const index of spec.indexes) {
  const idx = lunr(function () {
    this.ref(index.ref)
    for (const field of index.fields) this.field(field.name, { boost: field.boost })
    this.metadataWhitelist = index.metadataWhitelist
    for (const doc of index.documents) {
      const boost = index.documentBoosts[doc[index.ref]]
      this.add(doc, boost === undefined ? undefined : { boost: boost })
    }
  })
  out[index.path] = JSON.stringify(idx)
}
process.stdout.write(JSON.stringify(out))
