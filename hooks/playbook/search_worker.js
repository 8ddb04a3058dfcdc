/*
 * The search worker: answers Material's search box (Material's messages:
 * 0 setup, 1 ready, 2 query, 3 result) from the index the build made.
 *
 * hooks/playbook/search_worker.py makes one script of it per language: the
 * parts of lunr.js it uses and lunr's scripts for the language, then this
 * file, minified. A page starts its language's script as its head is read
 * (overrides/partials/material-page.html), with the address of the index's
 * manifest: ?index=<file>, relative to the script. The manifest
 * (hooks/playbook/search_index.py) holds the language's search settings and
 * where each chunk of the lunr index's terms starts: the worker is ready once
 * it has read it, and fetches the list of pages (each one's address and
 * title), which every answer needs. A query then fetches the chunks holding
 * its terms, and the documents of the pages it shows in full, once each: the
 * index is searched as it comes, with nothing to build.
 *
 * Work per keystroke grows with the results shown, not with those found:
 * every result is found, scored, ordered and counted as lunr and Material
 * would, but only the first SHOWN pages come with their sections, text and
 * marked words; each page after those is its title alone (still listed, in
 * its place, and counted). Material shows 10 pages, then 4 more each time
 * the reader scrolls to the end: a query is answered once the first 10
 * pages' documents have come, and again, whole, once the others' have.
 *
 * Should the manifest be in another form (written by a build of another
 * version of this script, with its documents), Material's own worker
 * (MATERIAL_WORKER, beside this script, with its whole lunr) is loaded and
 * builds a lunr index from the documents, as it always has, and answers
 * instead: every reach into its workings is at the end of this file.
 */
const address = new URL(self.location.href)
const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3
const FORMAT = "playbook-search-3"  // hooks/playbook/search_index.py
const SHOWN = 30
const FIRST = 10  // the pages Material's list shows before the reader scrolls
// Material's worker takes one option, whether the site suggests terms: the
// build says so in this script's address (?suggest).
const OPTIONS = { suggest: address.searchParams.has("suggest") }
const INDEX = address.searchParams.get("index")
// A failed fetch (the network dropped, the server restarting) is tried again,
// after 1, 2, 4, 8 s, then every 15 s, and as soon as the browser is back online.
const RETRY_MS = [1000, 2000, 4000, 8000, 15000]

let engine = null          // our search, once the manifest is read
let material = false       // whether Material's worker was loaded instead
let settings = null        // the search settings Material's worker was set up with
let fetching = false
let asked = 0              // queries asked: only the latest is answered

/*
 * Heard first (Material's worker, when loaded, listens after this). The
 * page's own setup message carries its search settings only
 * (search/search_index.json): the worker fetches its documents itself. A
 * query, once the manifest is read, is ours to answer, once what it needs
 * has come, unless another has been asked meanwhile.
 */
addEventListener("message", event => {
  if (!event.isTrusted)
    return  // ours, for Material's worker
  const { type, data } = event.data ?? {}
  if (type === SETUP) {
    event.stopImmediatePropagation()
    // (A worker started with no file named is Material's, set up as it always was.)
    if (!INDEX && !material)
      useMaterial(data)
  } else if (type === QUERY && engine) {
    event.stopImmediatePropagation()
    const query = ++asked
    const send = result => {
      if (query === asked)
        postMessage({ type: RESULT, data: result })
    }
    engine.answer(String(data ?? ""), send).catch(error => {
      console.warn(`Search: the query ${JSON.stringify(data)} could not be answered.`, error)
      return { items: [] }
    }).then(send)
  }
})

/*
 * The manifest's address never changes from build to build: it is asked for
 * with the cache's copy checked against the server's ("no-cache"), never an
 * older build's copy unchecked. Should a host serve one anyway (a file with
 * neither chunks nor documents), the worker asks once more past every cache.
 * The chunks it names are in a folder named by their digest: each build's
 * are new addresses, and a browser's copy of one is that build's.
 */
async function fetchIndex(url, attempt = 0, cache = "no-cache") {
  if (engine || material || fetching)
    return
  fetching = true
  let data
  try {
    data = await get(url, cache)
    if (!data?.config || !Array.isArray(data.format === FORMAT ? data.terms : data.docs))
      throw new Error(`${url} holds no search documents`)
  } catch (error) {
    fetching = false
    const wait = retry(attempt, error)
    setTimeout(() => fetchIndex(url, attempt + 1, attempt === 0 ? "reload" : cache), wait)
    return
  }
  fetching = false
  try {
    if (data.format !== FORMAT)
      throw new Error(`the index is in the form ${JSON.stringify(data.format)}, not ${FORMAT}`)
    engine = new Engine(data, url)
    postMessage({ type: READY })
  } catch (error) {
    console.warn("Search: no prebuilt index; the worker builds one.", error)
    useMaterial({ config: data.config, docs: data.docs, options: OPTIONS })
  }
}

async function get(url, cache = "default") {
  const response = await fetch(url, { cache })
  if (!response.ok)
    throw new Error(`HTTP ${response.status} for ${url}`)
  return response.json()
}

// How long to wait before asking again after a failed fetch (``attempt``: failures before).
function retry(attempt, error) {
  const wait = RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)]
  console.warn(`Search: the worker could not read its index; it tries again in ${wait / 1000} s.`, error)
  return wait
}

/*
 * Our search: lunr's matching and scoring, then Material's, over the build's
 * index as it comes. A query is searched with the chunks at hand; whatever
 * it lacked (terms' chunks, then the shown pages' documents) is fetched, all
 * at once, and it is searched again: a term's postings carry lunr's weights
 * (idf included), so a chunk scores as the whole index would.
 *
 * A query goes as Material's worker takes it: its words become prefixes
 * ("quejas*"), and lunr parses the rest (+word, -word, field:word, word~1,
 * word^2). Two things are added. A prefix never meets a stem ("angry*" is
 * not "angri", the stem indexed): each word is also searched through the
 * language's pipeline, so stems meet stems while prefixes still match as
 * staff type. A stop word typed in full, with a word after it ("de" and "la"
 * in "momento de la verdad"), is in no page of the index: as a prefix ("de*")
 * it would find every word that starts with it and rank pages by those, so
 * it is left out; the word being typed, the last, is kept ("de" may be the
 * start of "devolución").
 *
 * Each document's score is lunr's: per field, the query's vector (the boosts
 * of the terms the query's words expand to) against the document's (each
 * term's weight in the field, as the build's postings give it), divided by
 * the query vector's length. Material then multiplies it by (1 + boost²),
 * boost being 1 for a page (0 for a section) plus the share of the typed
 * words the document matched, sorts, and groups sections under their page.
 */
const { PROHIBITED, REQUIRED } = lunr.Query.presence
const MARKED = ["title", "text", "tags"]  // the fields Material's page shows
const NOTHING = []                          // no terms found in any field

class Engine {
  constructor(data, url) {
    const { config, fields, terms } = data
    if (config.lang.length !== 1)
      throw new Error(`one language per index, not ${config.lang}`)
    const language = config.lang[0]
    const support = language === "en" ? lunr : lunr[language]
    if (!support)
      throw new Error(`no lunr support for ${language}`)
    this.url = url                          // the manifest's, which page files are beside
    this.folder = new URL(`${data.folder}/`, url)  // the chunks of terms'
    this.fields = fields
    this.bounds = terms                     // each chunk's first term
    this.chunks = terms.map(() => null)     // each chunk's terms, once fetched
    this.postings = new Map()               // term: its postings, once fetched
    this.docs = []                          // each document, once its page is fetched
    this.fetches = new Map()                // file: its fetch, under way or done
    // As Material's worker splits words, at its separator.
    this.separator = lunr.tokenizer.separator = new RegExp(config.separator)
    // The pipeline a query's words go through (lunr's search pipeline, as
    // the build saved it), and the one a document's words went through when
    // the build indexed them: used to find the words to mark.
    this.pipeline = lunr.Pipeline.load(data.pipeline)
    this.indexing = new lunr.Pipeline()
    for (const name of ["trimmer", "stopWordFilter", "stemmer"])
      if (config.pipeline.includes(name))
        this.indexing.add(support[name])
    this.stopWordFilter = stopWords(config)
    this.tables = new Map()  // "document/field": Material's position table
    this.stems = new Map()   // word: the term the build indexed it as (or null)
    this.fetch("list")       // the pages, which every answer lists
  }

  // The list of pages: [address, title, documents, tags?] each. Each
  // document's page (its article, as Material's worker tells pages and
  // sections apart: the first document at the page's address) and where
  // each page's documents start.
  list(pages) {
    this.pages = pages
    this.count = pages.reduce((sum, page) => sum + page[2], 0)
    this.article = new Int32Array(this.count)
    this.file = new Int32Array(this.count)
    this.starts = new Int32Array(pages.length)
    let n = 0
    pages.forEach(([, , documents], p) => {
      this.starts[p] = n
      this.article.fill(n, n, n + documents)
      this.file.fill(p, n, n += documents)
    })
  }

  // A query's answer, once every chunk and document it needs has come: its
  // terms' chunks (fetched with the list of pages, not after it), then the
  // documents of the pages it shows, the first FIRST pages' asked for first.
  // Once those are in, a first answer is sent (``send``, partial: the other
  // pages it shows in full are their titles until their documents come),
  // as Material's list shows FIRST pages until the reader scrolls; then the
  // whole answer, for the same query, which Material's list shows instead.
  async answer(value, send = () => {}) {
    const query = transformSearchQuery(value)
    this.missing = new Set()
    if (query)
      this.parse(query).searched.forEach(clause => this.expand(clause))
    await Promise.all([this.fetch("list"), ...[...this.missing].map(name => this.fetch(name))])
    for (let round = 0; round < 3; round++) {
      this.missing = new Set()
      const result = this.search(value)
      if (!this.missing.size)
        return result
      const all = Promise.all([...this.missing].map(name => this.fetch(name)))
      const first = this.first?.filter(name => this.missing.has(name))
      if (first?.length && first.length < this.missing.size) {
        await Promise.all(first.map(name => this.fetch(name)))
        this.missing = new Set()
        const partial = this.search(value, true)
        if (!this.missing.size)
          send({ ...partial, partial: true })
      }
      await all
    }
    throw new Error("the index's files do not hold what its manifest says")
  }

  // One of the index's files, fetched once (tried again while it fails): the
  // list of pages ("list"), a chunk of terms ("t<n>") or a page's documents
  // ("p<n>", checked against the server's copy: its address stays while the
  // page is unchanged).
  fetch(name, attempt = 0) {
    let done = this.fetches.get(name)
    if (!done) {
      const [kind, n] = [name[0], +name.slice(1)]
      const path = this.pages?.[n]?.[0].split("#")[0].split("/").map(encodeURIComponent).join("/")
      done = (kind === "l" ? get(new URL("pages.json", this.folder))
        : kind === "t" ? get(new URL(`t${n}.json`, this.folder))
          : get(new URL(`pages/${path}index.json`, this.url), "no-cache")).then(data => {
        if (kind === "l")
          this.list(data)
        else if (kind === "p")
          data.forEach((doc, i) => { this.docs[this.starts[n] + i] = doc })
        else {
          this.chunks[n] = data[0]
          data[0].forEach((term, i) => this.postings.set(term, data[1][i]))
        }
      }, error => {
        this.fetches.delete(name)
        return new Promise(resolve => setTimeout(resolve, retry(attempt, error)))
          .then(() => this.fetch(name, attempt + 1))
      })
      this.fetches.set(name, done)
    }
    return done
  }

  // Chunk ``c``'s terms, or, not fetched yet, none (and it is noted as missing).
  chunk(c) {
    if (!this.chunks[c])
      this.missing.add(`t${c}`)
    return this.chunks[c] ?? NOTHING
  }

  // The chunk a term is in, or would be.
  place(term) {
    let low = 0, high = this.bounds.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if (this.bounds[middle] <= term)
        low = middle + 1
      else
        high = middle
    }
    return Math.max(low - 1, 0)
  }

  // Document ``n``, or, its page not fetched yet, null (and it is noted as missing).
  doc(n) {
    if (!this.docs[n])
      this.missing.add(`p${this.file[n]}`)
    return this.docs[n] ?? null
  }

  // ``partial``: a shown page whose documents have not come is its title.
  search(value, partial = false) {
    this.first = null
    const query = transformSearchQuery(value)
    if (!query)
      return { items: [] }
    const { words, searched } = this.parse(query)
    const found = this.match(searched, words)
    const suggest = OPTIONS.suggest && this.suggest(words)
    if (this.missing.size)
      return null  // (searched again once the terms' chunks have come)

    // Material's boosts, sort and grouping: by Material's score, then, equal,
    // in lunr's order (lunr's score, then the order lunr met them), as
    // Material sorts lunr's results. Documents that matched the same words
    // share one record of them: an answer copies each record once.
    const records = new Map()
    const record = n => {
      let matched = records.get(found.words[n])
      if (!matched) {
        const terms = {}
        for (const clause of words) {
          if (clause.dropped || found.words[n] & clause.bit)
            terms[clause.word] = true
          else if (!Object.hasOwn(terms, clause.word) && lunr.stopWordFilter?.(clause.word))
            terms[clause.word] = false
        }
        const keys = Object.keys(terms)
        const share = keys.length ? keys.filter(key => terms[key]).length / keys.length : 0
        records.set(found.words[n], matched = { terms, share })
      }
      return matched
    }
    const { documents, scores, first } = found
    const boosted = new Float64Array(this.count)
    const kept = new Uint8Array(this.count)
    for (const n of documents) {
      const boost = +(this.article[n] === n) + record(n).share
      boosted[n] = scores[n] * (1 + boost ** 2)
      kept[n] = 1
    }
    // A page's place is its first document's; only the pages shown in full
    // need theirs in order.
    const before = (a, b) => boosted[b] - boosted[a] || scores[b] - scores[a] || first[a] - first[b]
    const best = new Int32Array(this.count).fill(-1)
    const pages = []
    for (const n of documents) {
      const page = this.article[n]
      if (best[page] < 0)
        pages.push(page)
      if (best[page] < 0 || before(n, best[page]) < 0)
        best[page] = n
    }
    pages.sort((p, q) => before(best[p], best[q]))
    this.first = pages.slice(0, FIRST).map(page => `p${this.file[page]}`)
    const groups = new Map(pages.slice(0, SHOWN).map(page => [page, []]))
    for (const n of documents)
      groups.get(this.article[n])?.push(n)
    const none = {}
    const scored = n => ({ n, score: boosted[n], terms: record(n).terms })
    const items = pages.map(page => {
      const group = groups.get(page)
      const article = kept[page] ? scored(page) : { n: page, score: 0, terms: none }
      // Past the pages shown at first, a page is its title, as found.
      if (!group || partial && !this.docs[page])
        return [this.item(article, null)]
      const results = group.sort(before).map(scored)
      if (article.terms === none)
        results.push(article)
      // (A page added to its sections, unmatched itself, has no words to mark.)
      return results.map(result => this.item(result, result.terms === none ? NOTHING : found.marked))
    })
    return OPTIONS.suggest ? { items, suggest } : { items }
  }

  // The query's words (Material's clauses, which it counts as found or
  // missing), and the clauses searched: lunr's, with our additions.
  parse(query) {
    const parsed = new lunr.Query(this.fields)
    new lunr.QueryParser(query, parsed).parse()
    // Past the 30th word, words are left out: each word is a bit of a number.
    const clauses = parsed.clauses.slice(0, 30)
    clauses.forEach((clause, i) => {
      clause.word = clause.term.replace(/^\*/, "").replace(/\*$/, "")
      clause.bit = 2 ** i
      // Material counts a word found when a term the result matched starts
      // with it; ours, also when one starts with its stem ("angry" is
      // indexed as "angri"; "reclamo~1" finds "reclam").
      clause.prefixes = [...new Set([clause.word, ...this.pipeline.runString(clause.word)])]
    })
    const last = clauses[clauses.length - 1]
    for (const clause of clauses)
      clause.dropped = clause !== last && isStopWord(clause, this.stopWordFilter)
    // (Unless nothing would be left to search for.)
    if (clauses.every(clause => clause.dropped || clause.presence === PROHIBITED))
      clauses.forEach(clause => { clause.dropped = false })
    const searched = clauses.filter(clause => !clause.dropped)
    for (const clause of [...searched]) {
      if (!isPrefix(clause))
        continue
      const stems = this.pipeline.runString(clause.word)
      // A word that is its own stem ("que" while typing "queja") is found
      // by the prefix already.
      if (stems.length === 1 && stems[0] === clause.word)
        continue
      // Searched as a word of its own: optional, and no part of the word's
      // own presence (a required "+queja*" is not met by its stem alone).
      searched.push({ fields: clause.fields, boost: clause.boost, term: clause.word, usePipeline: true,
                      presence: lunr.Query.presence.OPTIONAL, editDistance: 0, bit: 0 })
    }
    return { words: clauses.filter(clause => clause.presence !== PROHIBITED), searched }
  }

  // Every document the clauses find, lunr's score of each, the order lunr
  // first met them in (lunr's order is by score, then that), which clauses
  // each matched (bits, for lunr's required words), which of the typed
  // ``words`` it has (as Material counts them), and the terms found per
  // field, to mark.
  match(clauses, words = []) {
    const count = this.count
    const fields = this.fields.length
    const vectors = Array.from({ length: fields }, () => new Map())
    const bits = new Uint32Array(count)
    const has = new Uint32Array(count)
    const first = new Int32Array(count).fill(-1)
    const excluded = new Uint8Array(count)
    const marked = Array.from({ length: fields }, () => new Set())
    const masks = new Map()  // term: the words it counts for
    const mask = t => {
      let bits = masks.get(t)
      if (bits === undefined) {
        bits = 0
        for (const word of words)
          if (word.prefixes.some(prefix => t.startsWith(prefix)))
            bits |= word.bit
        masks.set(t, bits)
      }
      return bits
    }
    let required = 0, seen = 0
    for (const clause of clauses) {
      const where = clause.fields.map(name => this.fields.indexOf(name)).filter(f => f >= 0)
      if (clause.presence === REQUIRED)
        required |= clause.bit
      for (const t of this.expand(clause))
        for (const f of where) {
          const flat = this.postings.get(t)[f]
          if (clause.presence === PROHIBITED) {
            for (let i = 0, n = 0; i < flat.length; i += 2)
              excluded[n += flat[i]] = 1
            continue
          }
          const counts = mask(t)
          for (let i = 0, n = 0; i < flat.length; i += 2) {
            n += flat[i]
            bits[n] |= clause.bit
            has[n] |= counts
            if (first[n] < 0)
              first[n] = seen++
          }
          vectors[f].set(t, (vectors[f].get(t) ?? 0) + clause.boost)
          if (flat.length)
            marked[f].add(t)
        }
    }
    const scores = new Float64Array(count)
    vectors.forEach((vector, f) => {
      let length = 0
      for (const weight of vector.values())
        length += weight * weight
      length = Math.sqrt(length)
      if (!length)
        return  // lunr's score is 0 then (boosts of 0)
      for (const [t, weight] of vector) {
        const flat = this.postings.get(t)[f]
        for (let i = 0, n = 0; i < flat.length; i += 2) {
          n += flat[i]
          scores[n] += weight * flat[i + 1] / length
        }
      }
    })
    // A query of prohibited words only finds every other document (lunr's "negated" query).
    const negated = clauses.length > 0 && clauses.every(clause => clause.presence === PROHIBITED)
    const documents = []
    for (let n = 0; n < count; n++)
      if ((first[n] >= 0 || negated) && !excluded[n] && (bits[n] & required) === required)
        documents.push(n)
    if (negated)
      first.forEach((_, n) => { first[n] = n })
    return { documents, scores, first, words: has, marked }
  }

  // The index's terms a clause's word expands to, in the order lunr's token
  // set gives them (that order breaks ties between equal scores): a term
  // before the terms it begins, then letter by letter later letters first,
  // digits last (its token set lists a node's edges digits first, then as
  // added, and takes them last first).
  expand(clause) {
    const words = clause.usePipeline
      ? this.pipeline.runString(clause.term, { fields: clause.fields })
      : [clause.term]
    const found = new Set()
    for (const word of words) {
      if (!clause.editDistance && !word.includes("*")) {
        if (this.chunk(this.place(word)).length && this.postings.has(word))
          found.add(word)
      } else if (!clause.editDistance && word.indexOf("*") === word.length - 1) {
        // A prefix's terms: from the chunk it would be in to the last one
        // starting at or before its last possible term.
        const prefix = word.slice(0, -1)
        const range = []
        for (let c = this.place(prefix); c <= this.place(`${prefix}\uffff`); c++)
          for (const term of this.chunk(c))
            if (term.startsWith(prefix))
              range.push(term)
        range.sort(lunrOrder).forEach(term => found.add(term))
      } else {
        // Fuzzy words ("reclamo~1") and other wildcards ("*jado"), as lunr finds them, in every term.
        const terms = this.bounds.flatMap((_, c) => this.chunk(c))
        if (this.missing.size)
          continue
        this.tokenSet ??= lunr.TokenSet.fromArray(terms)
        const wanted = lunr.TokenSet.fromClause({ ...clause, term: word })
        for (const term of this.tokenSet.intersect(wanted).toArray())
          found.add(term)
      }
    }
    return [...found]
  }

  // A result as Material's page shows it: its words marked, or (``marked``
  // null, a page) its title alone, as the manifest gives it.
  item({ n, score, terms }, marked) {
    const [location, title, , tags] = this.pages[this.file[n]]
    const doc = marked ? this.doc(n) : { location, title, tags }
    if (!doc)
      return null
    const item = { location: doc.location, title: doc.title, text: "", score, terms }
    if (doc.tags)
      item.tags = [...doc.tags]
    if (!marked)
      return item
    item.text = doc.text ?? ""
    this.fields.forEach((field, f) => {
      if (!MARKED.includes(field) || doc[field] === undefined || !marked[f]?.size)
        return
      const { table, positions } = this.words(n, field)
      const found = []
      for (let i = 0; i < positions.length; i += 2)
        if (marked[f].has(positions[i + 1]))
          found.push(positions[i])
      if (found.length)
        item[field] = (Array.isArray(doc[field]) ? highlightAll : highlight)(doc[field], table, found, field !== "text")
    })
    return item
  }

  // A field's words: Material's position table of it, and each word's
  // position with the term the build indexed it as (flat: position, term,
  // position, term...). Found once per field, when first shown.
  words(n, field) {
    const key = `${n}/${field}`
    let words = this.tables.get(key)
    if (!words) {
      const table = [], found = []
      for (const token of tokenize(this.docs[n][field], table)) {
        const term = this.indexed(token.str)
        if (term !== null)
          found.push(token.metadata.position, term)
      }
      this.tables.set(key, words = { table, positions: found })
    }
    return words
  }

  // The term the build indexed a word as, or null (a stop word).
  indexed(word) {
    let term = this.stems.get(word)
    if (term === undefined) {
      const terms = this.indexing.runString(word)
      this.stems.set(word, term = terms.length ? terms[0] : null)
    }
    return term
  }

  // Material's suggestions: the title words of the best page whose title has every typed word.
  suggest(words) {
    const title = this.fields.indexOf("title")
    if (title < 0 || !words.length)
      return []
    const clauses = words.map((clause, i) => ({
      term: `${clause.word}*`, fields: ["title"], boost: 1, usePipeline: true,
      presence: REQUIRED, bit: 2 ** i, editDistance: 0
    }))
    const { documents, scores, first } = this.match(clauses)
    if (!documents.length)
      return []
    // The first in lunr's order.
    const best = documents.reduce((a, b) => scores[b] > scores[a] || scores[b] === scores[a] && first[b] < first[a] ? b : a)
    const suggested = []
    // In lunr's order: per clause, its terms as its token set gives them.
    for (const clause of clauses)
      for (const t of this.expand(clause)) {
        const flat = this.postings.get(t)[title]
        for (let i = 0, n = 0; i < flat.length; i += 2)
          if ((n += flat[i]) === best) {
            suggested.push(t)
            break
          }
      }
    return [...new Set(suggested)]
  }
}

// A word typed as a prefix ("queja*", as Material makes every word), found
// by its stem too.
function isPrefix(clause) {
  return !clause.usePipeline && clause.term.endsWith("*") && !clause.term.slice(0, -1).includes("*")
    && clause.presence !== lunr.Query.presence.PROHIBITED
}

// A stop word typed in full, as a prefix ("de*"): left out, unless it is the
// word being typed.
function isStopWord(clause, filter) {
  return Boolean(filter) && isPrefix(clause) && clause.presence === lunr.Query.presence.OPTIONAL
    && !filter(new lunr.Token(clause.term.slice(0, -1)))
}

function lunrOrder(a, b) {
  for (let i = 0; i < a.length && i < b.length; i++) {
    const x = a.charCodeAt(i), y = b.charCodeAt(i)
    if (x !== y) {
      const digitX = x >= 48 && x <= 57, digitY = y >= 48 && y <= 57
      return digitX !== digitY ? (digitX ? 1 : -1) : y - x
    }
  }
  return a.length - b.length
}

/*
 * Material's own functions, which its worker keeps to itself: the query's
 * rewriting, the words' positions in a document (its tokenizer, with the
 * position table it fills) and the marking of words at those positions.
 * The same code, so that results read as Material's would.
 */
function transformSearchQuery(query) {
  return transform(query, part => {
    const terms = []
    const lexer = new lunr.QueryLexer(part)
    lexer.run()
    for (const { type, str: term, start, end } of lexer.lexemes)
      switch (type) {
        case "FIELD":
          if (!["title", "text", "tags"].includes(term))
            part = [part.slice(0, end), " ", part.slice(end + 1)].join("")
          break
        case "TERM":
          split(term, lunr.tokenizer.separator, (...range) => {
            terms.push([part.slice(0, start), term.slice(...range), part.slice(end)].join(""))
          })
      }
    return terms
  })
}

function transform(query, fn = term => term) {
  return query
    .trim()
    .split(/"([^"]+)"/g)
    .map((parts, index) => index & 1
      ? parts.replace(/^\b|^(?![^\x00-\x7F]|$)|\s+/g, " +")
      : parts)
    .join("")
    .replace(/"|(?:^|\s+)[*+\-:^~]+(?=\s+|$)/g, "")
    .split(/\s+/g)
    .reduce((prev, term) => {
      const next = fn(term)
      return [...prev, ...Array.isArray(next) ? next : [next]]
    }, [])
    .map(term => /([~^]$)/.test(term) ? `${term}1` : term)
    .map(term => /(^[+-]|[~^]\d+$)/.test(term) ? term : `${term}*`)
    .join(" ")
}

function split(input, separator, fn) {
  separator = new RegExp(separator, "g")
  let match
  let index = 0
  do {
    match = separator.exec(input)
    const until = match?.index ?? input.length
    if (index < until)
      fn(index, until)
    if (match) {
      const [term] = match
      index = match.index + term.length
      if (term.length === 0)
        separator.lastIndex = match.index + 1
    }
  } while (match)
}

const TEXT = 0, TAG_OPEN = 1, TAG_CLOSE = 2

function extract(input, fn) {
  let block = 0, start = 0, end = 0
  for (let stack = 0; end < input.length; end++) {
    if (input.charAt(end) === "<" && end > start) {
      fn(block, TEXT, start, start = end)
    } else if (input.charAt(end) === ">") {
      if (input.charAt(start + 1) === "/") {
        if (--stack === 0)
          fn(block++, TAG_CLOSE, start, end + 1)
      } else if (input.charAt(end - 1) !== "/") {
        if (stack++ === 0)
          fn(block, TAG_OPEN, start, end + 1)
      }
      start = end + 1
    }
  }
  if (end > start)
    fn(block, TEXT, start, end)
}

function tokenize(input, table) {
  const tokens = []
  const inputs = Array.isArray(input) ? input : [input]
  for (let i = 0; i < inputs.length; i++) {
    const total = table.length
    extract(inputs[i], (block, type, start, end) => {
      table[block += total] ||= []
      if (type !== TEXT) {
        table[block].push(start << 12 | end - start << 2 | type)
        return
      }
      const section = inputs[i].slice(start, end)
      split(section, lunr.tokenizer.separator, (index, until) => {
        table[block].push(start + index << 12 | until - index << 2 | type)
        tokens.push(new lunr.Token(section.slice(index, until).toLowerCase(), {
          position: block << 20 | table[block].length - 1
        }))
      })
    })
  }
  return tokens
}

function highlight(input, table, positions, full = false) {
  return highlightAll([input], table, positions, full).pop()
}

function highlightAll(inputs, table, positions, full = false) {
  const mapping = [0]
  for (let t = 1; t < table.length; t++) {
    const prev = table[t - 1]
    const next = table[t]
    const p = prev[prev.length - 1] >>> 2 & 0x3FF
    const q = next[0] >>> 12
    mapping.push(+(p > q) + mapping[mapping.length - 1])
  }
  return inputs.map((input, i) => {
    let cursor = 0
    const blocks = new Map()
    for (const p of [...positions].sort((a, b) => a - b)) {
      const index = p & 0xFFFFF
      const block = p >>> 20
      if (mapping[block] !== i)
        continue
      let group = blocks.get(block)
      if (typeof group === "undefined")
        blocks.set(block, group = [])
      group.push(index)
    }
    if (blocks.size === 0)
      return input
    const slices = []
    for (const [block, indexes] of blocks) {
      const t = table[block]
      const start = t[0] >>> 12
      const end = t[t.length - 1] >>> 12
      const length = t[t.length - 1] >>> 2 & 0x3FF
      if (full && start > cursor)
        slices.push(input.slice(cursor, start))
      let slice = input.slice(start, end + length)
      for (const j of indexes.sort((a, b) => b - a)) {
        const p = (t[j] >>> 12) - start
        const q = (t[j] >>> 2 & 0x3FF) + p
        slice = [slice.slice(0, p), "<mark>", slice.slice(p, q), "</mark>", slice.slice(q)].join("")
      }
      cursor = end + length
      if (slices.push(slice) === 2)
        break
    }
    if (full && cursor < input.length)
      slices.push(input.slice(cursor))
    return slices.join("")
  })
}

/*
 * Material's worker, loaded in this one (it sets up the global lunr, its
 * own, whole, and its message listener, after ours) and set up with
 * ``data`` (search settings, documents and options: Material's setup
 * message) when the manifest is in another form, or, when none is named,
 * the page's.
 * Every reach into Material's worker and lunr's prototypes is here; each is
 * checked against the installed Material by tests/unit/test_search_upstream.py.
 *
 * Its queries get the same two additions as ours (prefixes meet stems; stop
 * words typed in full are left out), and its results lose the page each
 * section carries whole ("parent", text and all: at 1,000 pages per language
 * a few MB per keystroke), which the page's scripts never read.
 */
function useMaterial(data) {
  material = true
  settings = data?.config
  importScripts(MATERIAL_WORKER)
  const parents = new WeakMap()
  const post = self.postMessage
  self.postMessage = function (message, ...rest) {
    if (message?.type === RESULT)
      for (const group of message.data?.items ?? [])
        for (const item of group)
          if (item.parent) {
            let parent = parents.get(item.parent)
            if (!parent)
              parents.set(item.parent, parent = { location: item.parent.location, title: item.parent.title })
            item.parent = parent
          }
    return post.call(this, message, ...rest)
  }
  const query = lunr.Index.prototype.query
  lunr.Index.prototype.query = function (build) {
    const pipeline = this.pipeline
    const typed = [], dropped = []
    const results = query.call(this, function (q) {
      build.call(q, q)
      const last = q.clauses[q.clauses.length - 1]
      const kept = q.clauses.filter(clause => clause === last || !isStopWord(clause, stopWords(settings)))
      if (kept.some(clause => clause.presence !== lunr.Query.presence.PROHIBITED)) {
        dropped.push(...q.clauses.filter(clause => !kept.includes(clause)).map(clause => clause.term.slice(0, -1)))
        q.clauses = kept
      }
      for (const clause of [...q.clauses]) {
        const term = clause.term
        if (clause.presence === lunr.Query.presence.PROHIBITED)
          continue
        // Material counts a word found when a term the result matched starts
        // with it; ours, also when one starts with its stem.
        // (Material's suggestions ask with "word*" through the pipeline: they
        // name the terms found, and no typed word.)
        if (clause.usePipeline && term.includes("*"))
          continue
        const word = term.replace(/^\*/, "").replace(/\*$/, "")
        const stems = pipeline.runString(word)
        typed.push([word, stems])
        if (!isPrefix(clause))
          continue
        // A word that is its own stem ("que" while typing "queja") is found
        // by the prefix already.
        if (stems.length === 1 && stems[0] === word)
          continue
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
     * "angri". A word whose stem the result matched is named as matched too,
     * with no positions of its own: Material marks every position it is given,
     * and a position given twice is marked inside its own mark.
     */
    for (const { matchData } of results) {
      for (const word of dropped)
        matchData.metadata[word] ??= {}
      for (const [word, stems] of typed) {
        if (word in matchData.metadata)
          continue
        if (Object.keys(matchData.metadata).some(term => stems.some(stem => term.startsWith(stem))))
          matchData.metadata[word] = {}
      }
      // A term met by two clauses (its prefix and its stem) has its positions
      // twice: each is kept once.
      for (const fields of Object.values(matchData.metadata))
        for (const data of Object.values(fields))
          if (Array.isArray(data.position))
            data.position = [...new Set(data.position)]
    }
    return results
  }
  dispatchEvent(new MessageEvent("message", { data: { type: SETUP, data } }))
}

// The language's stop-word filter, when its search settings name one.
function stopWords(config) {
  const language = config?.lang?.[0]
  const support = language === "en" ? lunr : lunr[language]
  return config?.pipeline?.includes("stopWordFilter") ? support?.stopWordFilter ?? null : null
}

if (INDEX) {
  const url = new URL(INDEX, address)
  fetchIndex(url)
  addEventListener("online", () => fetchIndex(url, 1, "reload"))
}
