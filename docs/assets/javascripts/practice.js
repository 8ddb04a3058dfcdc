/*
 * The practice page (practica/, en/practice/): rounds of questions made from
 * the customer types' data (the JSON in #pr-data, written by hooks/practice.py).
 *
 * - A round is ten scenarios, shuffled with a seed: ?seed=N in the address
 *   repeats a round (a trainer gives a group the same one). Half the questions
 *   ask "Who is this customer?" (the six types to choose from), half "What do
 *   you do?" (the right line of the type's data and three lines of other
 *   types' data of the same kind: every wrong answer is advice given elsewhere).
 * - After each answer the verdict, the reason and a link to the section of the
 *   type page that teaches it are announced (a live region); focus goes to the
 *   next step, so the keyboard alone goes from start to finish.
 * - Progress per type stays in this browser (localStorage) and is never sent:
 *   right answers of all answered, and the types to review (below 80% right,
 *   or the last answer wrong), each linking to its quick card.
 */
(function () {
  "use strict";

  var KEY = "playbook-practice";
  var ROUND = 10;
  var WRONG = 3;
  var REVIEW_BELOW = 0.8;

  // A small seeded generator (mulberry32): the same seed gives the same round.
  function generator(seed) {
    var state = seed >>> 0;
    return function () {
      state = (state + 0x6d2b79f5) >>> 0;
      var t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  function shuffled(list, random) {
    var copy = list.slice();
    for (var index = copy.length - 1; index > 0; index--) {
      var other = Math.floor(random() * (index + 1));
      var kept = copy[index];
      copy[index] = copy[other];
      copy[other] = kept;
    }
    return copy;
  }

  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (whole, name) {
      return name in values ? values[name] : whole;
    });
  }

  // Progress: {types: {id: {right: n, total: n, last: true|false}}}; no storage, no progress.
  function load() {
    try {
      var saved = JSON.parse(window.localStorage.getItem(KEY));
      return saved && saved.types ? saved : { types: {} };
    } catch (error) {
      return { types: {} };
    }
  }

  function save(progress) {
    try {
      window.localStorage.setItem(KEY, JSON.stringify(progress));
    } catch (error) {
      // Private browsing or storage full: the round works on without keeping progress.
    }
  }

  function seedOf(search) {
    var raw = new URLSearchParams(search).get("seed");
    return raw !== null && /^\d{1,9}$/.test(raw) ? Number(raw) : null;
  }

  function newSeed() {
    return 1000 + Math.floor(Math.random() * 9000);
  }

  function start() {
    var data = JSON.parse(document.getElementById("pr-data").textContent);
    var words = data.labels;
    var types = {};
    data.types.forEach(function (type) {
      types[type.id] = type;
    });
    var quiz = document.querySelector(".pr-quiz");
    var title = quiz.querySelector(".pr-round");
    var question = quiz.querySelector(".pr-question");
    var position = quiz.querySelector(".pr-position");
    var prompt = quiz.querySelector(".pr-prompt");
    var situation = quiz.querySelector(".pr-situation");
    var choices = quiz.querySelector(".pr-choices");
    var feedback = quiz.querySelector(".pr-feedback");
    var after = quiz.querySelector(".pr-after");
    var next = quiz.querySelector("[data-pr=next]");
    var end = quiz.querySelector(".pr-end");
    var progressPart = document.querySelector(".pr-progress");
    var progress = load();
    var round = [];
    var current = 0;
    var right = 0;
    var seed = seedOf(window.location.search) || newSeed();

    // A round: ten scenarios and, for each, its kind of question and its choices.
    function makeRound(seed) {
      var random = generator(seed);
      return shuffled(data.scenarios, random).slice(0, ROUND).map(function (item) {
        if (random() < 0.5) {
          return { item: item, kind: "who", choices: data.types.map(function (type) {
            return { text: type.name, right: type.id === item.type };
          }) };
        }
        var others = shuffled(data.types.filter(function (type) {
          return type.id !== item.type;
        }), random);
        var wrong = [];
        others.forEach(function (type) {
          var lines = type.lists[item.field].filter(function (line) {
            return line !== item.answer;
          });
          if (wrong.length < WRONG && lines.length) {
            wrong.push({ text: lines[Math.floor(random() * lines.length)], right: false });
          }
        });
        return { item: item, kind: "what",
                 choices: shuffled([{ text: item.answer, right: true }].concat(wrong), random) };
      });
    }

    function showProgress() {
      var answered = false;
      var reviewing = false;
      data.types.forEach(function (type) {
        var entry = progress.types[type.id] || { right: 0, total: 0 };
        var row = progressPart.querySelector(".pr-types [data-type='" + type.id + "']");
        var review = progressPart.querySelector(".pr-review [data-type='" + type.id + "']");
        row.querySelector(".pr-type-score").textContent = fill(words.progress_type, entry);
        row.querySelector(".pr-meter").value = entry.total ? entry.right / entry.total : 0;
        review.hidden = !(entry.total && (entry.right / entry.total < REVIEW_BELOW || entry.last === false));
        answered = answered || entry.total > 0;
        reviewing = reviewing || !review.hidden;
      });
      progressPart.querySelector(".pr-progress-empty").hidden = answered;
      progressPart.querySelector(".pr-types").hidden = !answered;
      progressPart.querySelector(".pr-review-none").hidden = reviewing;
    }

    function ask() {
      var step = round[current];
      feedback.textContent = "";
      after.hidden = true;
      question.hidden = false;
      position.textContent = fill(words.position, { n: current + 1, total: round.length });
      prompt.textContent = step.kind === "who" ? words.who : fill(words.what, { type: types[step.item.type].name });
      situation.textContent = step.item.situation;
      choices.textContent = "";
      step.choices.forEach(function (choice) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "pr-choice";
        button.textContent = choice.text;
        button.addEventListener("click", function () {
          answer(step, choice, button);
        });
        choices.appendChild(button);
      });
      prompt.focus();
    }

    function answer(step, choice, chosen) {
      var item = step.item;
      var type = types[item.type];
      var correct = step.choices.filter(function (option) {
        return option.right;
      })[0];
      Array.prototype.forEach.call(choices.children, function (button, index) {
        button.disabled = true;
        if (step.choices[index].right) button.classList.add("pr-choice--right");
      });
      if (!choice.right) chosen.classList.add("pr-choice--wrong");
      chosen.setAttribute("aria-current", "true");
      right += choice.right ? 1 : 0;
      var entry = progress.types[item.type] || { right: 0, total: 0 };
      entry.total += 1;
      entry.right += choice.right ? 1 : 0;
      entry.last = choice.right;
      progress.types[item.type] = entry;
      save(progress);
      showProgress();

      var section = step.kind === "who" ? data.sections.recognise : item.section;
      var verdict = document.createElement("p");
      verdict.className = choice.right ? "pr-verdict pr-verdict--right" : "pr-verdict pr-verdict--wrong";
      verdict.textContent = choice.right ? words.right : fill(words.wrong, { answer: correct.text });
      var why = document.createElement("p");
      why.textContent = item.why + " ";
      var link = document.createElement("a");
      link.href = step.kind === "who" ? item.recognise_link : item.link;
      link.textContent = fill(words.see, { section: section, type: type.name });
      why.appendChild(link);
      feedback.textContent = "";
      feedback.appendChild(verdict);
      feedback.appendChild(why);
      next.textContent = current + 1 < round.length ? words.next : words.finish;
      after.hidden = false;
      next.focus();
    }

    function finish() {
      question.hidden = true;
      after.hidden = true;
      feedback.textContent = "";
      var result = document.createElement("p");
      result.className = "pr-score";
      result.textContent = words.result + ": " + fill(words.score, { right: right, total: round.length });
      feedback.appendChild(result);
      end.hidden = false;
      end.querySelector("[data-pr=again]").focus();
    }

    // A round from its seed, named in the address so that it can be repeated.
    function begin(value) {
      seed = value;
      round = makeRound(seed);
      current = 0;
      right = 0;
      var address = new URL(window.location.href);
      address.searchParams.set("seed", String(seed));
      window.history.replaceState(null, "", address.pathname + address.search + address.hash);
      title.textContent = fill(words.round, { seed: seed });
      quiz.querySelector(".pr-start").hidden = true;
      end.hidden = true;
      ask();
    }

    quiz.querySelector("[data-pr=start]").addEventListener("click", function () {
      begin(seed);
    });
    next.addEventListener("click", function () {
      current += 1;
      if (current < round.length) {
        ask();
      } else {
        finish();
      }
    });
    quiz.querySelector("[data-pr=again]").addEventListener("click", function () {
      begin(newSeed());
    });
    quiz.querySelector("[data-pr=repeat]").addEventListener("click", function () {
      begin(seed);
    });
    progressPart.querySelector("[data-pr=reset]").addEventListener("click", function () {
      progress = { types: {} };
      try {
        window.localStorage.removeItem(KEY);
      } catch (error) {
        // Nothing was kept.
      }
      showProgress();
      progressPart.querySelector(".pr-reset-status").textContent = words.reset_done;
    });
    var print = document.querySelector(".pr-print");
    print.hidden = false;
    print.querySelector("button").addEventListener("click", function () {
      window.print();
    });

    title.textContent = fill(words.round, { seed: seed });
    quiz.hidden = false;
    progressPart.hidden = false;
    showProgress();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
