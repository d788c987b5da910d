// Runs queries with lunr.js on serialized indexes.
// Usage: node query.js <lunr.js> <jobs.json>
// jobs.json: [{"index": "<path to serialized index>", "queries": ["title:disk", ...]}]
// Prints, per job, per query: [{"ref", "score", "terms"}] or {"error"}.
'use strict'
const fs = require('fs')
const path = require('path')
const lunr = require(path.resolve(process.argv[2]))
const jobs = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'))

const out = jobs.map(function (job) {
  const idx = lunr.Index.load(JSON.parse(fs.readFileSync(job.index, 'utf8')))
  return job.queries.map(function (q) {
    try {
      return idx.search(q).map(function (r) {
        return { ref: r.ref, score: r.score, terms: Object.keys(r.matchData.metadata).sort() }
      })
    } catch (e) {
      return { error: e.name + ': ' + e.message }
    }
  })
})
process.stdout.write(JSON.stringify(out))
