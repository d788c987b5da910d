// Builds lunr.js indexes for Casebook's compatibility tests and benchmark.
// Usage: node build-index.js <lunr.js> <specs.json> <out-dir>
// specs.json: [{"name", "ref", "fields": [{"name", "boost"}], "metadataWhitelist", "docs": [{..., "boost"}]}]
// Writes <out-dir>/<name>.json with JSON.stringify(idx) and prints {"<name>": {"ms": build time}}.
'use strict'
const fs = require('fs')
const path = require('path')
const lunr = require(path.resolve(process.argv[2]))
const specs = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'))
const outDir = process.argv[4]
const timings = {}

for (const spec of specs) {
  const started = process.hrtime.bigint()
  const idx = lunr(function () {
    this.ref(spec.ref)
    for (const field of spec.fields) {
      this.field(field.name, field.boost === undefined ? undefined : { boost: field.boost })
    }
    this.metadataWhitelist = spec.metadataWhitelist || []
    for (const doc of spec.docs) {
      this.add(doc, doc.boost === undefined ? undefined : { boost: doc.boost })
    }
  })
  const json = JSON.stringify(idx)
  timings[spec.name] = { ms: Number(process.hrtime.bigint() - started) / 1e6 }
  fs.writeFileSync(path.join(outDir, spec.name + '.json'), json, 'utf8')
}
process.stdout.write(JSON.stringify(timings))
