/*
 * The kiosk's break-room mode (kiosk/?practice): a practice scenario, then
 * after a pause who the customer is, what to do and why, then the next one.
 * kiosk.js leaves the page to this script when the address says ?practice.
 *
 * - ?interval=SECONDS: how long the question stays, and then its answer
 *   (default 15; 3 to 3600). ?lang=both alternates the languages.
 * - The kiosk's controls step back and forth and pause (WCAG 2.2.2); arrow
 *   keys and a tap step too. Once loaded it needs no network.
 * - Each scenario is set at the largest type at which it fits, with its
 *   answer, between 1/60 and 1/12 of the screen's shorter side.
 */
(function () {
  "use strict";

  var DEFAULT_INTERVAL = 15;

  function intervalSeconds(params) {
    var raw = params.get("interval");
    var seconds = raw !== null && /^\s*\d+(\.\d+)?\s*$/.test(raw) ? Number(raw) : DEFAULT_INTERVAL;
    return seconds >= 3 && seconds <= 3600 ? seconds : DEFAULT_INTERVAL;
  }

  function element(tag, className, parent) {
    var made = document.createElement(tag);
    made.className = className;
    parent.appendChild(made);
    return made;
  }

  function start() {
    var params = new URLSearchParams(window.location.search);
    var source = document.getElementById("pr-kiosk-data");
    if (!params.has("practice") || !source) return;
    var language = document.body.getAttribute("data-language");
    var all = JSON.parse(source.textContent);
    var own = all.filter(function (item) {
      return item.language === language;
    });
    var slides = own;
    if (params.get("lang") === "both") {
      // Each scenario in the page's language, then in the other.
      slides = [];
      own.forEach(function (item, index) {
        slides.push(item);
        all.filter(function (other) {
          return other.language !== language;
        }).slice(index, index + 1).forEach(function (other) {
          slides.push(other);
        });
      });
    }
    if (!slides.length) return;
    var labels = JSON.parse(document.getElementById("qc-kiosk-labels").textContent);
    var seconds = intervalSeconds(params);
    var stage = document.querySelector(".qc-kiosk__stage");
    Array.prototype.forEach.call(stage.querySelectorAll(".qc-slide"), function (slide) {
      slide.hidden = true;
    });
    var box = element("div", "pr-kiosk", stage);
    var ask = element("p", "pr-kiosk__ask", box);
    var situation = element("blockquote", "pr-kiosk__situation", box);
    var answer = element("div", "pr-kiosk__answer", box);
    var who = element("p", "pr-kiosk__who", answer);
    var what = element("p", "pr-kiosk__what", answer);
    var why = element("p", "pr-kiosk__why", answer);
    var controls = document.querySelector(".qc-kiosk__controls");
    var pauseButton = controls.querySelector("[data-kiosk=pause]");
    var status = controls.querySelector(".qc-kiosk__status");
    var current = 0;
    var revealed = false;
    var paused = false;
    var timer = null;

    // The largest type at which the scenario and its answer fit the screen.
    function fit() {
      var shorter = Math.min(window.innerWidth, window.innerHeight);
      var low = shorter / 60;
      var high = shorter / 12;
      for (var step = 0; step < 9; step++) {
        var size = (low + high) / 2;
        box.style.fontSize = size + "px";
        if (box.scrollHeight <= box.clientHeight + 1 && box.scrollWidth <= box.clientWidth + 1) {
          low = size;
        } else {
          high = size;
        }
      }
      box.style.fontSize = low + "px";
    }

    function show() {
      var item = slides[current];
      var words = labels[item.language] || labels[language];
      box.setAttribute("lang", item.language);
      ask.textContent = item.labels.who;
      situation.textContent = item.situation;
      who.textContent = item.labels.kiosk_reveal + ": " + item.type;
      what.textContent = item.labels.answer_do + " " + item.answer;
      why.textContent = item.why;
      answer.classList.toggle("pr-kiosk__answer--shown", revealed);
      box.setAttribute("data-revealed", String(revealed));
      fit();
      controls.setAttribute("lang", item.language);
      controls.querySelector(".qc-kiosk__pause-label").textContent = paused ? words.play : words.pause;
      status.textContent = words.position.replace("{n}", current + 1).replace("{total}", slides.length)
        + (paused ? " · " + words.paused : "");
    }

    // Question, then its answer, then the next question.
    function schedule() {
      window.clearTimeout(timer);
      if (paused) return;
      timer = window.setTimeout(function () {
        if (revealed) {
          current = (current + 1) % slides.length;
          revealed = false;
        } else {
          revealed = true;
        }
        show();
        schedule();
      }, seconds * 1000);
    }

    function step(delta) {
      current = (current + delta + slides.length) % slides.length;
      revealed = false;
      show();
      schedule();
    }

    controls.querySelector("[data-kiosk=next]").addEventListener("click", function () {
      step(1);
    });
    controls.querySelector("[data-kiosk=previous]").addEventListener("click", function () {
      step(-1);
    });
    pauseButton.addEventListener("click", function () {
      paused = !paused;
      pauseButton.setAttribute("aria-pressed", String(paused));
      show();
      schedule();
    });
    stage.addEventListener("click", function () {
      step(1);
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "ArrowRight" || event.key === "ArrowDown") step(1);
      if (event.key === "ArrowLeft" || event.key === "ArrowUp") step(-1);
    });
    window.addEventListener("resize", fit);
    show();
    schedule();
    // The screen kept on and new content loaded: kiosk.js does both in either mode.
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
