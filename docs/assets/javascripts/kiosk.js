/*
 * The store kiosk (kiosk/): shows the quick cards one after another.
 *
 * - ?interval=SECONDS sets how long each card stays (default 15; a value that
 *   is not a number from 3 to 3600 falls back to the default).
 * - ?lang=both alternates the languages: each card in the page's language,
 *   then in the other. Every card is already in the page: once loaded, the
 *   kiosk needs no network, and keeps rotating without one.
 * - A tap, a click or an arrow key pauses and steps; the pause button pauses
 *   and resumes (WCAG 2.2.2). After 60 s without input it resumes by itself.
 * - Each card is fitted to the screen, whatever its size and shape: the
 *   largest type at which all of it fits, between 1/60 and 1/20 of the
 *   screen's shorter side. A portrait screen stacks the blocks; a landscape
 *   one sets them in three columns, or two if that allows larger type.
 * - The controls speak the language of the card on show (?lang=both).
 * - It keeps the screen awake (Screen Wake Lock), asking again whenever the
 *   lock is released, e.g. when the page was hidden for a while.
 * - Every few minutes it asks for version.json, without the cache, and
 *   reloads only when the server answers with another version.
 */
(function () {
  "use strict";

  var DEFAULT_INTERVAL = 15;
  var MIN_INTERVAL = 3;
  var MAX_INTERVAL = 3600;
  var IDLE_RESUME_MS = 60 * 1000;
  var VERSION_CHECK_MS = 5 * 60 * 1000;
  // A card's layouts (cards.css, .qc-slide[data-layout]) by the screen's
  // shape: side by side on a wide screen, stacked on a tall one.
  var LAYOUTS = { wide: ["columns", "split"], tall: ["stack"] };
  // Type between 1/60 and 1/20 of the screen's shorter side.
  var SMALLEST = 60;
  var LARGEST = 20;
  // The boxes text must stay inside of.
  var BOXES = ".qc-block, .qc-card__name, .qc-card__summary, .qc-card__qr figcaption";

  // The seconds each card stays: the ?interval= parameter when it is sensible.
  function intervalSeconds(search) {
    var raw = new URLSearchParams(search).get("interval");
    if (raw === null || !/^\s*\d+(\.\d+)?\s*$/.test(raw)) return DEFAULT_INTERVAL;
    var seconds = Number(raw);
    return seconds >= MIN_INTERVAL && seconds <= MAX_INTERVAL ? seconds : DEFAULT_INTERVAL;
  }

  // In both modes (cards, and the break room's practice: kiosk-practice.js), for days unattended:
  // the screen kept on, and new content loaded once the server has it.
  function stayAwakeAndCurrent() {
    var version = document.body.getAttribute("data-version");
    var versionUrl = document.body.getAttribute("data-version-url");

    // Keep the screen on; the browser releases the lock when the page hides.
    var lock = null;
    function keepAwake() {
      if (lock || !navigator.wakeLock || document.visibilityState !== "visible") return;
      navigator.wakeLock.request("screen").then(function (sentinel) {
        lock = sentinel;
        sentinel.addEventListener("release", function () {
          lock = null;
          keepAwake();
        });
      }, function () {
        // Refused (no permission, battery saver): the kiosk works on without it.
      });
    }
    document.addEventListener("visibilitychange", keepAwake);
    keepAwake();

    // New content: reload, but only when the server answers with another version.
    function checkVersion() {
      if (!versionUrl || navigator.onLine === false) return;
      window.fetch(versionUrl, { cache: "no-store" }).then(function (response) {
        return response.ok ? response.json() : null;
      }).then(function (answer) {
        if (answer && answer.version && answer.version !== version) window.location.reload();
      }, function () {
        // Unreachable: keep showing what is loaded.
      });
    }
    window.setInterval(checkVersion, VERSION_CHECK_MS);
  }

  function start() {
    var body = document.body;
    var params = new URLSearchParams(window.location.search);
    stayAwakeAndCurrent();
    // The break-room mode shows practice scenarios instead (kiosk-practice.js).
    if (params.has("practice") && document.getElementById("pr-kiosk-data")) return;
    var both = params.get("lang") === "both";
    var language = body.getAttribute("data-language");
    // The controls' words in every language: {es: {pause: ...}, en: {...}}.
    var labels = JSON.parse(document.getElementById("qc-kiosk-labels").textContent);
    var seconds = intervalSeconds(window.location.search);

    var all = Array.prototype.slice.call(document.querySelectorAll(".qc-slide"));
    var slides = all.filter(function (slide) {
      return both || slide.getAttribute("data-lang") === language;
    });
    if (!slides.length) return;
    var cardsPerLanguage = all.filter(function (slide) {
      return slide.getAttribute("data-lang") === language;
    }).length;

    var stage = document.querySelector(".qc-kiosk__stage");
    var controls = document.querySelector(".qc-kiosk__controls");
    var pauseButton = document.querySelector("[data-kiosk=pause]");
    var previousButton = document.querySelector("[data-kiosk=previous]");
    var nextButton = document.querySelector("[data-kiosk=next]");
    var pauseLabel = pauseButton.querySelector(".qc-kiosk__pause-label");
    var status = document.querySelector(".qc-kiosk__status");

    var current = 0;
    var paused = false;
    var rotation = null;
    var idle = null;

    // Everything inside its box: no card taller or wider than its slide, no
    // line longer than its block (a long word sticks out of it).
    function fits(card) {
      if (card.scrollHeight > card.clientHeight + 1 || card.scrollWidth > card.clientWidth + 1) {
        return false;
      }
      var boxes = card.querySelectorAll(BOXES);
      for (var index = 0; index < boxes.length; index++) {
        if (boxes[index].scrollWidth > boxes[index].clientWidth + 1) return false;
      }
      return true;
    }

    // The largest type size (px) at which the card fits in a layout, found
    // by halving the interval; 0 if it does not fit even at the smallest.
    function largest(slide, card, layout, low, high) {
      slide.setAttribute("data-layout", layout);
      slide.style.setProperty("--qc-fit", low + "px");
      if (!fits(card)) return 0;
      for (var step = 0; step < 9; step++) {
        var size = (low + high) / 2;
        slide.style.setProperty("--qc-fit", size + "px");
        if (fits(card)) {
          low = size;
        } else {
          high = size;
        }
      }
      return low;
    }

    // The card at the largest type any layout allows: smaller when it has
    // much to say or the screen is small, larger when there is room to spare.
    function fit(slide) {
      var card = slide.querySelector(".qc-card");
      var shorter = Math.min(window.innerWidth, window.innerHeight);
      var low = shorter / SMALLEST;
      var high = shorter / LARGEST;
      var layouts = window.innerHeight > window.innerWidth ? LAYOUTS.tall : LAYOUTS.wide;
      var best = { layout: layouts[0], size: low };
      var found = 0;
      layouts.forEach(function (layout) {
        var size = largest(slide, card, layout, low, high);
        if (size > found * 1.02) {
          found = size;
          best = { layout: layout, size: size };
        }
      });
      slide.setAttribute("data-layout", best.layout);
      slide.style.setProperty("--qc-fit", best.size + "px");
    }

    // The controls in the language of the card on show.
    function label() {
      var lang = slides[current].getAttribute("data-lang");
      var words = labels[lang] || labels[language];
      var position = Math.floor(current / (slides.length / cardsPerLanguage)) + 1;
      controls.setAttribute("lang", lang);
      controls.setAttribute("aria-label", words.controls);
      previousButton.setAttribute("aria-label", words.previous);
      nextButton.setAttribute("aria-label", words.next);
      pauseLabel.textContent = paused ? words.play : words.pause;
      status.textContent = words.position
        .replace("{n}", position)
        .replace("{total}", cardsPerLanguage) + (paused ? " · " + words.paused : "");
    }

    function show(index) {
      slides[current].hidden = true;
      current = (index + slides.length) % slides.length;
      slides[current].hidden = false;
      fit(slides[current]);
      label();
    }

    function schedule() {
      window.clearTimeout(rotation);
      if (!paused) {
        rotation = window.setTimeout(function () {
          show(current + 1);
          schedule();
        }, seconds * 1000);
      }
    }

    function setPaused(value) {
      paused = value;
      pauseButton.setAttribute("aria-pressed", String(paused));
      body.classList.toggle("qc-kiosk--paused", paused);
      show(current);
      schedule();
    }

    // Any input restarts the 60 s after which the kiosk resumes by itself.
    function touched() {
      window.clearTimeout(idle);
      idle = window.setTimeout(function () {
        if (paused) setPaused(false);
      }, IDLE_RESUME_MS);
    }

    function step(delta) {
      if (!paused) setPaused(true);
      show(current + delta);
      touched();
    }

    all.forEach(function (slide) {
      slide.hidden = true;
    });
    slides[0].hidden = false;
    setPaused(false);

    stage.addEventListener("click", function () {
      step(1);
    });
    nextButton.addEventListener("click", function () {
      step(1);
    });
    previousButton.addEventListener("click", function () {
      step(-1);
    });
    pauseButton.addEventListener("click", function () {
      setPaused(!paused);
      touched();
    });
    document.addEventListener("keydown", function (event) {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.key === "ArrowRight" || event.key === "ArrowDown" || event.key === "PageDown") {
        event.preventDefault();
        step(1);
      } else if (event.key === "ArrowLeft" || event.key === "ArrowUp" || event.key === "PageUp") {
        event.preventDefault();
        step(-1);
      } else {
        touched();
      }
    });

    window.addEventListener("resize", function () {
      fit(slides[current]);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
