/*
 * The search worker: Material's, with the index the build made (loaded, not
 * built, as soon as the worker starts) and typed words stemmed as the index is.
 *
 * hooks/playbook/search_worker.py makes one script of it per language: this file,
 * with Material's worker and lunr's scripts for the language where MARK
 * stands, minified. Each page starts its language's script with the address
 * of its language's index: ?index=<file>, relative to the script. The lunr
 * index the build made from it (hooks/playbook/search_index.py) lies beside
 * it, as lunr_index.json.
 */
const address = new URL(self.location.href)

/*
 * The index is set up as soon as the worker starts. Material's page script
 * sends it the index only when the page's own start-up work is done, a good
 * 100 ms later on a slow machine, and the worker sits idle until then. So
 * the worker fetches the same index itself, with the lunr index the build
 * made from it, and hands them to Material's worker as the page's setup
 * message; the page's own setup (the page still fetches the index, which the
 * browser's cache then serves) goes no further, unless it asks for other
 * options. If the worker's fetch fails, Material's worker sets up from the
 * page's message, as it always has, and builds the lunr index itself.
 *
 * The page's setup may come while the worker is still fetching: at 1,000
 * pages per language the page has its index well before the worker has both
 * files, and building the lunr index from it would take seconds where
 * loading the build's takes a few hundred ms. The page's message waits, then:
 * for the worker's own setup, or its failure, or WAIT ms of fetching (a
 * stalled request), after which the worker drops its fetch and Material's
 * worker sets up from the page's message.
 */
const SETUP = 0, READY = 1
const FORMAT = "playbook-lunr-1"  // the build's compact form (hooks/playbook/search_index.py)
const WAIT = 2000
// Material's worker takes one option, whether the site suggests terms: the
// build says so in this script's address (?suggest).
const OPTIONS = JSON.stringify({ suggest: address.searchParams.has("suggest") })
const INDEX = address.searchParams.get("index")
// Then "building" and "built", or "superseded" or "failed"; with no index
// named, the worker waits for the page's.
let ownSetup = INDEX ? "fetching" : "failed"
let prebuilt = null  // the lunr index the build made, until Material's worker takes it
let waiting = null   // the page's setup message, while the worker's own is under way
const fetching = new AbortController()
addEventListener("message", event => {
  if (!event.isTrusted || event.data?.type !== SETUP)
    return
  if (ownSetup === "fetching" || ownSetup === "building") {
    event.stopImmediatePropagation()
    if (!waiting && ownSetup === "fetching")
      setTimeout(() => {
        if (ownSetup !== "fetching")
          return
        ownSetup = "superseded"
        fetching.abort()
        setUpFromPage()
      }, WAIT)
    waiting = event.data
  } else if (ownSetup === "built" && JSON.stringify(event.data.data?.options) === OPTIONS) {
    event.stopImmediatePropagation()
  } else {
    ownSetup = "superseded"
  }
})
// The page's setup message, handed to Material's worker (whose listener,
// unlike the one above, takes messages the worker sends itself).
function setUpFromPage() {
  const data = waiting
  waiting = null
  prebuilt = null
  if (data)
    dispatchEvent(new MessageEvent("message", { data }))
}
/*
 * Each section Material finds carries its page's whole document (its
 * "parent", text and all), copied to the page with every answer: at 1,000
 * pages per language a few MB per keystroke. The page's scripts never read
 * it: a section keeps its page's address and title only.
 */
const RESULT = 3
const parents = new WeakMap()
function withoutParents(result) {
  for (const group of result?.items ?? [])
    for (const item of group)
      if (item.parent) {
        let parent = parents.get(item.parent)
        if (!parent)
          parents.set(item.parent, parent = { location: item.parent.location, title: item.parent.title })
        item.parent = parent
      }
}
const post = self.postMessage
self.postMessage = function (message, ...rest) {
  if (message?.type === RESULT)
    withoutParents(message.data)
  if (ownSetup === "building" && message?.type === READY) {
    ownSetup = "built"
    // The page's setup, if it came meanwhile, is done: unless it asks for other options.
    if (waiting && JSON.stringify(waiting.data?.options) === OPTIONS)
      waiting = null
    if (waiting)
      queueMicrotask(() => { ownSetup = "superseded"; setUpFromPage() })
  }
  return post.call(this, message, ...rest)
}
const fetchJSON = url => fetch(url, { signal: fetching.signal })
  .then(response => response.ok ? response.json() : Promise.reject(new Error(`HTTP ${response.status} for ${url}`)))
if (INDEX) {
  const index = new URL(INDEX, address)
  // Without the build's lunr index, Material's worker builds one.
  const built = fetchJSON(new URL("lunr_index.json", index)).catch(error => {
    if (!fetching.signal.aborted)
      console.warn("Search: no prebuilt index; the worker builds one.", error)
    return null
  })
  Promise.all([fetchJSON(index), built])
    .then(([{ config, docs }, lunrIndex]) => {
      if (ownSetup !== "fetching")
        return
      ownSetup = "building"
      // An index of other fields or documents than the search index's is not this one's.
      if (lunrIndex?.format === FORMAT && lunrIndex.documents === docs.length
          && JSON.stringify(lunrIndex.fields) === JSON.stringify(Object.keys(config.fields)))
        prebuilt = { data: lunrIndex, locations: docs.map(doc => doc.location) }
      const data = { config, docs, options: JSON.parse(OPTIONS) }
      dispatchEvent(new MessageEvent("message", { data: { type: SETUP, data } }))
    })
    .catch(error => {
      if (ownSetup !== "fetching")
        return
      ownSetup = "failed"
      console.warn("Search: the worker could not fetch the index; it sets up from the page's.", error)
      setUpFromPage()
    })
}

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
 * Material's worker sets up a lunr builder and adds every document to it.
 * With the build's index at hand, the builder only notes each document's
 * fields and hands back the loaded index. Material highlights a result from
 * a table of its fields' words that its tokenizer fills while indexing: a
 * field's table is filled when a result first needs it, and the rest once
 * the worker is idle.
 */
const add = lunr.Builder.prototype.add
const build = lunr.Builder.prototype.build
const unread = new Map()  // location: [[table, field value], ...], not tokenized yet
let added = []            // [document, attributes], should the index fail to load
let tokenizer = null
let stopWordFilter = null  // the language's, from the builder's pipeline
lunr.Builder.prototype.add = function (doc, attributes) {
  if (!prebuilt) {
    unread.clear()
    return add.call(this, doc, attributes)
  }
  tokenizer = this.tokenizer
  const fields = []
  for (const [name, { extractor }] of Object.entries(this._fields)) {
    // Material's extractor makes the field's table lunr.tokenizer.table.
    const value = extractor ? extractor(doc) : doc[name]
    if (value !== undefined && extractor)
      fields.push([lunr.tokenizer.table, value])
  }
  unread.set(String(doc[this._ref]), fields)
  added.push([doc, attributes])
}
lunr.Builder.prototype.build = function () {
  stopWordFilter = this.pipeline._stack.find(fn => /^stopWordFilter/.test(fn.label)) ?? null
  const index = prebuilt
  prebuilt = null
  if (!index)
    return build.call(this)
  try {
    const loaded = loadIndex(index.data, index.locations)
    setTimeout(readWhenIdle)
    return loaded
  } catch (error) {
    console.warn("Search: the prebuilt index did not load; the worker builds one.", error)
    unread.clear()
    for (const [doc, attributes] of added)
      add.call(this, doc, attributes)
    return build.call(this)
  } finally {
    added = []
  }
}

/*
 * The build's index, in its compact form (hooks/playbook/search_index.py):
 * documents by number, each term's postings one flat list of numbers. It
 * becomes what lunr.Index.load would make of lunr's own form, but a term's
 * postings become lunr's objects only when a query first meets the term.
 */
function loadIndex(data, locations) {
  const fields = data.fields
  const fieldVectors = Object.create(null)
  data.vectors.forEach((vectors, n) => vectors.forEach((elements, f) => {
    if (elements)
      fieldVectors[`${fields[f]}/${locations[n]}`] = new lunr.Vector(elements)
  }))
  const invertedIndex = Object.create(null)
  const tokens = new lunr.TokenSet.Builder()
  for (const entry of data.invertedIndex) {
    const term = entry[0]
    tokens.insert(term)
    Object.defineProperty(invertedIndex, term, {
      configurable: true, enumerable: true,
      get() {
        const value = posting(entry, fields, locations)
        Object.defineProperty(invertedIndex, term, { value, enumerable: true, writable: true })
        return value
      }
    })
  }
  tokens.finish()
  return new lunr.Index({
    invertedIndex, fieldVectors, tokenSet: tokens.root, fields,
    pipeline: lunr.Pipeline.load(data.pipeline)
  })
}

// [term, _index, per field: (document step, count, position steps...)...]
function posting([, index, ...flats], fields, locations) {
  const posting = { _index: index }
  flats.forEach((flat, f) => {
    const found = {}
    for (let i = 0, n = 0; i < flat.length;) {
      n += flat[i]
      const count = flat[i + 1], position = new Array(count)
      i += 2
      for (let j = 0, at = 0; j < count; j++)
        position[j] = at += flat[i++]
      found[locations[n]] = { position }
    }
    posting[fields[f]] = found
  })
  return posting
}

function read(ref) {
  const fields = unread.get(ref)
  if (fields === undefined)
    return
  unread.delete(ref)
  for (const [table, value] of fields) {
    lunr.tokenizer.table = table
    tokenizer(value)
  }
}

// A few milliseconds at a time: a query waits no longer than that.
function readWhenIdle() {
  const until = performance.now() + 4
  for (const ref of unread.keys()) {
    read(ref)
    if (performance.now() > until)
      return setTimeout(readWhenIdle)
  }
}

/*
 * Material appends "*" to every term it sends to lunr, and lunr skips its
 * pipeline for terms with a wildcard: with a stemmer in the index, "quejas*"
 * or "angry*" then never meets the stems "quej" or "angri". Each such term is
 * also searched once through the pipeline, as typed, so stems meet stems and
 * prefixes still match while staff type.
 *
 * A stop word staff have typed in full, one a later word follows ("de" and
 * "la" in "momento de la verdad"), is in no page of the index: as a prefix
 * ("de*") it would find every word that starts with it ("desconocedor"),
 * and rank pages by those. It is left out of the query; the word being
 * typed, the last, is kept ("de" may be the start of "devolución").
 */
const query = lunr.Index.prototype.query
lunr.Index.prototype.query = function (build) {
  const pipeline = this.pipeline
  const typed = [], dropped = []
  const results = query.call(this, function (q) {
    build.call(q, q)
    const last = q.clauses[q.clauses.length - 1]
    q.clauses = q.clauses.filter(clause => {
      const word = clause.term.slice(0, -1)
      if (clause === last || clause.usePipeline || !clause.term.endsWith("*")
          || clause.presence !== lunr.Query.presence.OPTIONAL || !stopWordFilter
          || stopWordFilter(new lunr.Token(word)))
        return true
      dropped.push(word)
      return false
    })
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
  for (const { ref } of results)
    read(ref)
  /*
   * Material lists a typed word under "Missing" unless a term the result
   * matched starts with it, and stems often do not: "angry" is indexed as
   * "angri". A word whose stem the result matched is named as matched too,
   * with no positions of its own: Material marks every position it is given,
   * and a position given twice is marked inside its own mark.
   */
  for (const { matchData } of results) {
    // A stop word left out is no word missing.
    for (const word of dropped)
      matchData.metadata[word] ??= {}
    for (const [word, stems] of typed) {
      if (word in matchData.metadata)
        continue
      if (Object.keys(matchData.metadata).some(term => stems.some(stem => term.startsWith(stem))))
        matchData.metadata[word] = {}
    }
    // A term met by two clauses (its prefix and its stem) has its positions
    // twice: each is kept once. A term's positions in a field come in
    // order: only a list that goes back somewhere can hold one twice.
    for (const fields of Object.values(matchData.metadata))
      for (const data of Object.values(fields))
        if (Array.isArray(data.position) && !ascending(data.position))
          data.position = [...new Set(data.position)]
  }
  return results
}

function ascending(list) {
  for (let i = 1; i < list.length; i++)
    if (list[i] <= list[i - 1])
      return false
  return true
}
