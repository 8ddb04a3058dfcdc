/*
 * Material's search worker, with query terms stemmed as the index is.
 *
 * Material appends "*" to every term it sends to lunr, and lunr skips its
 * pipeline for terms with a wildcard: with a stemmer in the index, "quejas*"
 * or "angry*" then never meets the stems "quej" or "angri". Each such term is
 * also searched once through the pipeline, as typed, so stems meet stems and
 * prefixes still match while staff type. The build names Material's worker
 * in this script's address: ?worker=<file>.
 */
importScripts(new URL(new URL(self.location.href).searchParams.get("worker"), self.location.href).href)

const query = lunr.Index.prototype.query
lunr.Index.prototype.query = function (build) {
  const pipeline = this.pipeline
  const typed = []
  const results = query.call(this, function (q) {
    build.call(q, q)
    for (const clause of [...q.clauses]) {
      const term = clause.term
      if (clause.usePipeline || !term.endsWith("*") || term.slice(0, -1).includes("*")
          || clause.presence === lunr.Query.presence.PROHIBITED)
        continue
      const word = term.slice(0, -1)
      const stems = pipeline.runString(word)
      // A word that is its own stem ("que" while typing "queja") is found
      // by the wildcard already: only a word that stems to something else
      // needs its own clause.
      if (stems.length === 1 && stems[0] === word)
        continue
      typed.push([word, stems])
      q.clause({
        fields: clause.fields,
        boost: clause.boost,
        presence: lunr.Query.presence.OPTIONAL,
        term: word,
        usePipeline: true
      })
    }
  })
  /*
   * Material lists a typed word under "Missing" unless a term the result
   * matched starts with it, and stems often do not: "angry" is indexed as
   * "angri". A word whose stem the result matched is named as matched too.
   */
  for (const [word, stems] of typed) {
    for (const { matchData } of results) {
      if (word in matchData.metadata)
        continue
      const match = Object.keys(matchData.metadata).find(term => stems.some(stem => term.startsWith(stem)))
      if (match !== undefined)
        matchData.metadata[word] = matchData.metadata[match]
    }
  }
  return results
}
