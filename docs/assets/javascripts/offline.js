/*
 * Offline: registers the playbook's service worker (sw.js at the site root,
 * hooks/offline.py) to store the page's language, besides those it stores
 * (sw.js?languages=en,es), and tells the reader, in the page's language
 * (partials/offline.html):
 *
 * - "ready offline", once per language, when the worker has stored it (its
 *   install ends only then): never before, so nobody goes offline too soon;
 * - "new version", with a reload button, when a newer worker has taken over
 *   and the page on screen is older than what it stored. A page that is
 *   already the newest (fetched from the server after the change) says
 *   nothing. An unattended kiosk reloads by itself instead.
 *
 * A new worker is looked for as each page loads, when it comes back into
 * view and every hour. Without a worker address (`mkdocs serve`), it removes any worker
 * an earlier build registered here, and what that worker stored.
 */
(function () {
  "use strict";

  var UPDATE_CHECK_MS = 60 * 60 * 1000;
  var ANSWER_WAIT_MS = 3000;

  var script = document.currentScript;
  if (!script || !("serviceWorker" in navigator)) return;
  var container = navigator.serviceWorker;
  var root = new URL(script.getAttribute("data-root"), document.baseURI).href;
  var worker = script.getAttribute("data-worker");
  var kiosk = script.hasAttribute("data-kiosk");
  var language = script.getAttribute("data-language");
  var ANNOUNCED = "playbook-offline-ready " + root + " "; // and the language

  function remember(key, value) {
    try {
      if (value === null) window.localStorage.removeItem(key);
      else window.localStorage.setItem(key, value);
    } catch (error) {
      // Storage refused (private mode): the notice may show again.
    }
  }

  // The languages a worker stores, from its address.
  function languagesOf(worker) {
    var named = worker && new URL(worker.scriptURL).searchParams.get("languages");
    return named ? named.split(",") : [];
  }

  function recalled(key) {
    try {
      return window.localStorage.getItem(key);
    } catch (error) {
      return null;
    }
  }

  if (!worker) {
    container.getRegistrations().then(function (registrations) {
      registrations.forEach(function (registration) {
        if (registration.scope === root) registration.unregister();
      });
    });
    if (window.caches) {
      window.caches.keys().then(function (keys) {
        keys.forEach(function (key) {
          if (key.indexOf("playbook " + root + " ") === 0) window.caches.delete(key);
        });
      });
    }
    script.getAttribute("data-languages").split(" ").forEach(function (each) { remember(ANNOUNCED + each, null); });
    return;
  }

  // `mkdocs serve`'s worker removed the build's (hooks/playbook/service_worker.js): this page may be
  // a copy the build's worker stored, so it loads again from the server.
  container.addEventListener("message", function (event) {
    if (event.data && event.data.type === "playbook-offline" && event.data.removed) window.location.reload();
  });

  var notices = document.querySelector("[data-offline-notices]");

  function show(name) {
    if (!notices) return;
    Array.prototype.forEach.call(notices.querySelectorAll("[data-offline-notice]"), function (notice) {
      notice.hidden = notice.getAttribute("data-offline-notice") !== name;
    });
  }

  if (notices) {
    notices.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button) return;
      if (button.hasAttribute("data-offline-reload")) window.location.reload();
      if (button.hasAttribute("data-offline-dismiss")) button.closest("[data-offline-notice]").hidden = true;
    });
  }

  // Never over the control that has the keyboard's focus (WCAG 2.4.11): where
  // the notice would cover it, it moves to the other edge of the screen. Once
  // the browser has scrolled the control into view.
  if (notices) {
    document.addEventListener("focusin", function (event) {
      if (notices.contains(event.target)) return;
      window.requestAnimationFrame(function () {
        var shown = notices.querySelector("[data-offline-notice]:not([hidden])");
        if (!shown) return;
        var control = event.target.getBoundingClientRect();
        var notice = shown.getBoundingClientRect();
        if (control.bottom > notice.top && control.top < notice.bottom &&
            control.right > notice.left && control.left < notice.right) {
          notices.classList.toggle("pb-offline--top");
        }
      });
    });
  }

  // The worker's answer about this page: the digest of what it gave the page,
  // and that of what it stores at the page's address now.
  function ask(target) {
    return new Promise(function (resolve) {
      if (!target) return resolve(null);
      var timer = null;
      function answer(event) {
        if (!event.data || event.data.type !== "playbook-offline") return;
        container.removeEventListener("message", answer);
        window.clearTimeout(timer);
        resolve(event.data);
      }
      container.addEventListener("message", answer);
      timer = window.setTimeout(function () {
        container.removeEventListener("message", answer);
        resolve(null);
      }, ANSWER_WAIT_MS);
      target.postMessage({ type: "playbook-offline", url: window.location.href });
    });
  }
  container.startMessages();

  // By a worker that stores this page's language (a reader's first English page, say, is not).
  var controlled = languagesOf(container.controller).indexOf(language) >= 0;
  var given = controlled ? ask(container.controller) : Promise.resolve(null);

  // A newer worker took over (it does at once, with every file stored).
  container.addEventListener("controllerchange", function () {
    if (!controlled) return;
    Promise.all([given, ask(container.controller)]).then(function (answers) {
      var before = answers[0];
      var now = answers[1];
      if (before && now && before.given && before.given === now.stored) return;
      if (kiosk) window.location.reload();
      else show("update");
    });
  });

  // The first visit stores the whole site, which takes the network and the
  // processor for a while (minutes, for a large site): it waits until the
  // page has loaded (LOAD_WAIT_MS at most), its search is ready (the page's
  // early search script says so: overrides/partials/material-page.html;
  // SEARCH_WAIT_MS at most) and the reader has left keys, pointer and
  // scrolling alone for IDLE_MS (IDLE_WAIT_MS at most), so that it never
  // slows a search being typed. The kiosk, unattended, waits for nobody.
  // Repeat visits only look for a newer worker, which is cheap.
  var LOAD_WAIT_MS = 15000;
  var SEARCH_WAIT_MS = 10000;
  var IDLE_MS = 3000;
  var IDLE_WAIT_MS = 30000;
  function atMost(ms, promise) {
    return Promise.race([promise, new Promise(function (resolve) { window.setTimeout(resolve, ms); })]);
  }
  var loaded = atMost(LOAD_WAIT_MS, new Promise(function (resolve) {
    if (document.readyState === "complete") resolve();
    else window.addEventListener("load", resolve, { once: true });
  }));
  var searching = document.querySelector("script[data-search-worker]");
  var searchReady = !searching || searching.hasAttribute("data-ready")
    ? Promise.resolve()
    : atMost(SEARCH_WAIT_MS, new Promise(function (resolve) {
      window.addEventListener("playbook:search-ready", resolve, { once: true });
    }));
  function idle() {
    if (kiosk) return Promise.resolve();
    var events = ["keydown", "pointerdown", "wheel", "touchstart", "input"];
    var timer = null;
    var quiet = new Promise(function (resolve) {
      function wait() {
        window.clearTimeout(timer);
        timer = window.setTimeout(resolve, IDLE_MS);
      }
      events.forEach(function (name) { window.addEventListener(name, wait, true); });
      wait();
      idle.stop = function () {
        events.forEach(function (name) { window.removeEventListener(name, wait, true); });
      };
    });
    return atMost(IDLE_WAIT_MS, quiet).then(function () { idle.stop(); });
  }

  // (A page the worker already serves only looks for a newer worker: at once.)
  var waited = controlled ? Promise.resolve() : Promise.all([loaded, searchReady]).then(idle);
  waited.then(function () {
    return container.getRegistration(root);
  }).then(function (registered) {
    // The languages stored already, and this page's (the same address again installs nothing).
    var newest = registered && (registered.installing || registered.waiting || registered.active);
    var languages = languagesOf(newest).filter(function (other) { return other !== language; });
    var address = new URL(worker, document.baseURI);
    address.searchParams.set("languages", languages.concat(language).sort().join(","));
    return container.register(address.href);
  }).then(function (registration) {
    if (!registration) return; // a browser that blocks workers and says nothing (as automation tools do)
    // A language's first visit: "ready" once its files are stored, and only once.
    var installing = registration.installing || registration.waiting;
    if (!controlled && !recalled(ANNOUNCED + language)) {
      new Promise(function (resolve) {
        if (!installing) return resolve();
        installing.addEventListener("statechange", function () {
          if (installing.state === "activated") resolve();
        });
      }).then(function () {
        if (recalled(ANNOUNCED + language)) return;
        remember(ANNOUNCED + language, "1");
        show("ready");
      });
    }
    function update() {
      registration.update().catch(function () {
        // Offline, or the server is busy: next time.
      });
    }
    // Browsers look for a new worker after some page loads only: each load
    // looks (the server answers "not modified" while nothing changed).
    if (controlled) update();
    if (kiosk) return; // a kiosk looks for news itself (kiosk/version.json), then reloads
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "visible") update();
    });
    window.setInterval(update, UPDATE_CHECK_MS);
  }, function () {
    // No worker (a browser that refuses it, a host without HTTPS): the
    // playbook works online as before.
  });
})();
