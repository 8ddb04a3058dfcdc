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
  return query.call(this, function (q) {
    build.call(q, q)
    for (const clause of [...q.clauses]) {
      const term = clause.term
      if (!clause.usePipeline && term.endsWith("*") && !term.slice(0, -1).includes("*")
          && clause.presence !== lunr.Query.presence.PROHIBITED)
        q.clause({
          fields: clause.fields,
          boost: clause.boost,
          presence: lunr.Query.presence.OPTIONAL,
          term: term.slice(0, -1),
          usePipeline: true
        })
    }
  })
}
