/*
 * The search worker: Material's, with the index built as soon as the worker
 * starts and typed words stemmed as the index is.
 *
 * hooks/playbook/search_worker.py makes one script of it per language: this file,
 * with Material's worker and lunr's scripts for the language where MARK
 * stands, minified. Each page starts its language's script with the address
 * of its language's index: ?index=<file>, relative to the script.
 */
const address = new URL(self.location.href)

/*
 * The index is built as soon as the worker starts. Material's page script
 * sends it the index only when the page's own start-up work is done, a good
 * 100 ms later on a slow machine, and the worker sits idle until then. So
 * the worker fetches the same index itself and hands it to Material's
 * worker as the page's setup message; the page's own setup (the page still
 * fetches the index, which the browser's cache then serves) goes no further,
 * unless it asks for other options. If the worker's fetch fails, or the
 * page's setup comes first, Material's worker sets up from the page's
 * message, as it always has.
 */
const SETUP = 0, READY = 1
// Material's worker takes one option, whether the site suggests terms: the
// build says so in this script's address (?suggest).
const OPTIONS = JSON.stringify({ suggest: address.searchParams.has("suggest") })
let ownSetup = "fetching"  // then "building" and "built", or "superseded" or "failed"
const fetching = new AbortController()
addEventListener("message", event => {
  if (!event.isTrusted || event.data?.type !== SETUP)
    return
  if (ownSetup === "built" && JSON.stringify(event.data.data?.options) === OPTIONS) {
    event.stopImmediatePropagation()
  } else {
    ownSetup = "superseded"
    fetching.abort()
  }
})
const post = self.postMessage
self.postMessage = function (message, ...rest) {
  if (ownSetup === "building" && message?.type === READY)
    ownSetup = "built"
  return post.call(this, message, ...rest)
}
fetch(new URL(address.searchParams.get("index"), address), { signal: fetching.signal })
  .then(response => response.ok ? response.json() : Promise.reject(new Error(`HTTP ${response.status}`)))
  .then(({ config, docs }) => {
    if (ownSetup !== "fetching")
      return
    ownSetup = "building"
    const data = { config, docs, options: JSON.parse(OPTIONS) }
    dispatchEvent(new MessageEvent("message", { data: { type: SETUP, data } }))
  })
  .catch(error => {
    if (ownSetup !== "fetching")
      return
    ownSetup = "failed"
    console.warn("Search: the worker could not fetch the index; it waits for the page's.", error)
  })

/*
 * Material's worker asks for lunr's scripts for the language by address once
 * it has the index; this script holds them already (BUNDLED names them).
 */
const load = self.importScripts
self.importScripts = (...urls) => {
  const needed = urls.filter(url => !BUNDLED.includes(url.split("/").pop()))
  if (needed.length)
    load.apply(self, needed)
}

/* MARK: Material's worker and lunr's scripts for the language */

/*
 * Material appends "*" to every term it sends to lunr, and lunr skips its
 * pipeline for terms with a wildcard: with a stemmer in the index, "quejas*"
 * or "angry*" then never meets the stems "quej" or "angri". Each such term is
 * also searched once through the pipeline, as typed, so stems meet stems and
 * prefixes still match while staff type.
 */
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
