// Runs lunr.js's tokenizer pieces and pipeline functions over inputs, for comparison with Java.
// Usage: node pipeline-functions.js <lunr.js> <input.json> <output.json>
// input.json: {"stem": [words], "trim": [tokens], "stopWord": [tokens], "numbers": [doubles], "tokenize": [strings]}
'use strict'
const fs = require('fs')
const path = require('path')
const lunr = require(path.resolve(process.argv[2]))
const input = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'))

function run (fn, s) {
  const result = fn(new lunr.Token(s, {}))
  return result === undefined || result === null ? null : result.toString()
}

const separators = []
for (let c = 0; c < 0x10000; c++) {
  if (String.fromCharCode(c).match(lunr.tokenizer.separator)) separators.push(c)
}
const lowerCase = []
for (let c = 0; c <= 0x10ffff; c++) {
  if (c >= 0xd800 && c <= 0xdfff) continue
  const s = String.fromCodePoint(c)
  const lower = s.toLowerCase()
  if (lower !== s) lowerCase.push([c, lower])
}

const output = {
  stem: input.stem.map(function (w) { return run(lunr.stemmer, w) }),
  trim: input.trim.map(function (w) { return run(lunr.trimmer, w) }),
  stopWord: input.stopWord.map(function (w) { return run(lunr.stopWordFilter, w) === null }),
  numbers: input.numbers.map(function (x) { return String(x) }),
  tokenize: input.tokenize.map(function (s) {
    return lunr.tokenizer(s).map(function (t) {
      return [t.toString(), t.metadata.position[0], t.metadata.position[1], t.metadata.index]
    })
  }),
  separators: separators,
  lowerCase: lowerCase
}
fs.writeFileSync(process.argv[4], JSON.stringify(output), 'utf8')
