/*
 * The playbook's service worker: the site, stored in the browser, for when
 * the network is gone. hooks/offline.py writes it to the site root as sw.js,
 * with each language's list of files to store (precache.py) where the MARK
 * line is. It stores the languages its address names (sw.js?languages=en,es:
 * those a reader read, offline.js), each its own files and the shared assets;
 * at a large size, some pages are listed "later": stored once read.
 *
 * - Install: store every listed file in a cache of this version (a "later"
 *   page only if an older version stored it unchanged). A file whose
 *   digest is the one an older version stored is copied from it; only changed
 *   files are fetched. Install ends only when every file is stored (a failed
 *   fetch fails it, and the browser tries again later): a reader is told
 *   "ready offline" only then.
 * - Activate: at once, and delete every older version's cache.
 * - Pages and every other file: the network first, for fresh pages, and
 *   what is stored if the server does not answer within a few seconds. A
 *   "later" page the network gives is stored, if it is this version's.
 *   Scripts and stylesheets named by a hash of their content cannot change:
 *   they come from storage.
 * - Pages tell an open page whether it shows what is now stored, so that
 *   only a page older than the stored one offers a reload.
 * - With no list (`mkdocs serve`), it deletes what the build stored,
 *   unregisters and has open pages load again from the server, as it
 *   installs: an editor never keeps a stale page from it.
 *
 * Every address is relative to this script: the site works at its address,
 * on another host or port, and under a sub-path.
 */
"use strict";

/* MARK: the files to store, written by the build */

const ROOT = new URL("./", self.location).href;
// Caches are shared by the whole host: the name says which site they are of.
const PREFIX = "playbook " + ROOT + " ";
const CACHE = OFFLINE ? PREFIX + OFFLINE.version : "";
// The digest of each stored file travels with it, in a header of its own.
const DIGEST = "X-Playbook-Digest";
const NETWORK_TIMEOUT_MS = 3000;
const PARALLEL_FETCHES = 4;
// Material names its scripts and stylesheets by their content, as
// hooks/playbook/search_worker.py names the search workers: bundle.a5f9d56c.min.js.
const IMMUTABLE = /\.[0-9a-f]{8,}\.min\.(?:js|css)$/;
const NOT_FOUND = "404.html";

// The lists of the languages it stores; those of every language if its address names none it knows.
const ALL = OFFLINE ? Object.values(OFFLINE.languages) : [];
const NAMED = String(new URL(self.location).searchParams.get("languages")).split(",")
  .filter((language) => OFFLINE && language in OFFLINE.languages).map((language) => OFFLINE.languages[language]);
const LISTS = NAMED.length ? NAMED : ALL;
// Every listed file by its absolute address: its digest; the pages stored once read; every 404 page.
const FILES = new Map(LISTS.flatMap((list) => list.files.concat(list.later)).map(([address, digest]) => [ROOT + address, digest]));
const LATER = new Set(LISTS.flatMap((list) => list.later).map(([address]) => ROOT + address));
const NOT_FOUNDS = new Set(ALL.flatMap((list) => list.files).map(([address]) => ROOT + address).filter((address) => address.endsWith("/" + NOT_FOUND)));

// What each page was given, for its question "am I out of date?": client id -> digest.
const served = new Map();
const SERVED_KEPT = 64;

function older(keys) {
  return keys.filter((key) => key.startsWith(PREFIX) && key !== CACHE);
}

function withDigest(response, digest) {
  const headers = new Headers(response.headers);
  headers.set(DIGEST, digest);
  return response.blob().then((body) => new Response(body, { status: response.status, statusText: response.statusText, headers }));
}

async function precache() {
  const cache = await caches.open(CACHE);
  const sources = await Promise.all(older(await caches.keys()).map((key) => caches.open(key)));
  const todo = Array.from(FILES);

  async function store([address, digest]) {
    const stored = await cache.match(address);
    if (stored && stored.headers.get(DIGEST) === digest) return; // an interrupted install got it
    for (const source of sources) {
      const previous = await source.match(address);
      if (previous && previous.headers.get(DIGEST) === digest) return cache.put(address, previous);
    }
    if (LATER.has(address)) return;
    // Past the browser's HTTP cache, which may hold the previous build's file.
    const response = await fetch(address, { cache: "reload", credentials: "same-origin" });
    if (!response.ok) throw new Error(`${address} answered ${response.status}: not stored, install again later`);
    await cache.put(address, await withDigest(response, digest));
  }

  // A few at a time, so that the page being read keeps its share of the network.
  await Promise.all(Array.from({ length: PARALLEL_FETCHES }, async () => {
    while (todo.length) await store(todo.shift());
  }));
}

// `mkdocs serve`: what the build stored and its registration go, and each open page of the site
// is told to load again from the server (a page the build's worker gave while the server was slow
// is an old copy). At install, not activation: Chromium activates a new worker only once the
// build's has no work left, which busy pages can put off for minutes.
async function removeAll() {
  const keys = await caches.keys();
  await Promise.all(keys.filter((key) => key.startsWith(PREFIX)).map((key) => caches.delete(key)));
  // Not awaited: the browser unregisters once this install, which it queues behind, is over.
  self.registration.unregister();
  const pages = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  pages.filter((page) => page.url.startsWith(ROOT)).forEach((page) => page.postMessage({ type: "playbook-offline", removed: true }));
}

self.addEventListener("install", (event) => {
  event.waitUntil((OFFLINE ? precache() : removeAll()).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    if (OFFLINE) {
      await Promise.all(older(await caches.keys()).map((key) => caches.delete(key)));
    } else {
      // The pages it now controls: those of a build made before pages took the message above.
      const pages = await self.clients.matchAll({ type: "window" });
      await Promise.all(pages.map((page) => page.navigate(page.url).catch(() => null)));
    }
  })());
});

// The listed address of a request: no query, no fragment, folders for index pages.
function addressOf(url) {
  const address = url.origin + url.pathname;
  return address.endsWith("/index.html") ? address.slice(0, -"index.html".length) : address;
}

// A page not stored gets the nearest 404 page, its language's, if that language is stored.
async function fromStorage(address, navigation) {
  const cache = await caches.open(CACHE);
  const stored = await cache.match(address);
  if (stored || !navigation) return stored;
  for (let folder = new URL("./", address); folder.href.startsWith(ROOT); folder = new URL("../", folder)) {
    if (NOT_FOUNDS.has(folder.href + NOT_FOUND)) return cache.match(folder.href + NOT_FOUND);
    if (folder.href === ROOT) break;
  }
  return undefined;
}

async function networkFirst(request, address) {
  const network = fetch(request);
  network.catch(() => {}); // answered from storage: the failure is no error
  let timer;
  const late = new Promise((resolve) => {
    timer = setTimeout(resolve, NETWORK_TIMEOUT_MS);
  });
  try {
    const response = await Promise.race([network, late]);
    // The server's own answers count, 404 included; not a server in trouble.
    if (response && response.status < 500) return response;
  } catch (error) {
    // No network: what is stored.
  } finally {
    clearTimeout(timer);
  }
  return (await fromStorage(address, request.mode === "navigate")) || network;
}

async function cacheFirst(request, address) {
  return (await fromStorage(address, false)) || fetch(request);
}

function hex(buffer) {
  return Array.from(new Uint8Array(buffer), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

// The digest of a page as served: stored pages carry it; the network's are hashed.
async function digestOf(response) {
  if (!response || !response.ok) return null;
  const known = response.headers.get(DIGEST);
  if (known) return known;
  return hex(await crypto.subtle.digest("SHA-256", await response.arrayBuffer())).slice(0, OFFLINE.digest_length);
}

// A copy of the page's answer is hashed beside the one the browser reads; a "later" page the
// network gave is stored if it is this version's.
function remember(clientId, address, response) {
  const digest = digestOf(response.clone()).catch(() => null);
  if (clientId) {
    served.set(clientId, digest);
    while (served.size > SERVED_KEPT) served.delete(served.keys().next().value);
  }
  if (!LATER.has(address) || response.headers.has(DIGEST)) return null;
  const copy = response.clone();
  return digest.then(async (found) => {
    if (found === FILES.get(address)) await (await caches.open(CACHE)).put(address, await withDigest(copy, found));
  });
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (!OFFLINE || request.method !== "GET") return;
  const url = new URL(request.url);
  // Other hosts, and other folders of this host, are none of its business.
  if (!url.href.startsWith(ROOT)) return;
  const address = addressOf(url);
  const navigation = request.mode === "navigate";
  if (!navigation && !FILES.has(address)) return;
  const answer = IMMUTABLE.test(address) ? cacheFirst(request, address) : networkFirst(request, address);
  if (!navigation) return event.respondWith(answer);
  let stored = null;
  event.respondWith(answer.then((response) => {
    stored = response && remember(event.resultingClientId, address, response);
    return response;
  }));
  event.waitUntil(answer.then(() => stored));
});

// A page asks what it was given, and what is stored now at its address.
self.addEventListener("message", (event) => {
  if (!event.data || event.data.type !== "playbook-offline" || !event.source) return;
  const client = event.source;
  const given = served.get(client.id) || Promise.resolve(null);
  const address = addressOf(new URL(String(event.data.url), ROOT));
  event.waitUntil(given.then((digest) => {
    if (digest) served.set(client.id, Promise.resolve(digest));
    client.postMessage({
      type: "playbook-offline",
      version: OFFLINE ? OFFLINE.version : null,
      given: digest,
      stored: FILES.get(address) || null,
    });
  }));
});
