"""Small changed copies of the playbook for the quick-card tests: copy the
project, change a customer type's front matter, build, serve."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml

from playbook import schema
from playbook.checks.practice import answer_line

from . import LANGUAGES, ROOT

FRONT_MATTER = re.compile(r"\A---\n(.*?\n)---\n", re.S)
TYPES = ("desconocedor", "conocedor", "enojado", "confianzudo", "sarcastico", "conversador")
# The changed field of with_changed_field(), by language: text no page holds.
MARKERS = {"es": "Ofrecer un vaso de agua ZX17", "en": "Offer a glass of water ZX17"}


def copy_project(destination: Path) -> Path:
    """A copy of everything a build reads: mkdocs.yml, docs/, hooks/, overrides/."""
    destination.mkdir(parents=True, exist_ok=True)
    ignore = shutil.ignore_patterns("__pycache__")
    for name in ("docs", "hooks", "overrides"):
        shutil.copytree(ROOT / name, destination / name, ignore=ignore)
    shutil.copy2(ROOT / "mkdocs.yml", destination / "mkdocs.yml")
    return destination


def with_changed_field(destination: Path) -> tuple[Path, dict[str, str]]:
    """A copy of the playbook without a site_url, whose angry customer's first
    line to attend reads MARKERS in each language; also the lines it replaced."""
    project = copy_project(destination)
    config = project / "mkdocs.yml"
    config.write_text(
        re.sub(r"(?m)^site_url:.*\n", "", config.read_text(encoding="utf-8")), encoding="utf-8"
    )
    originals = {}
    for language in LANGUAGES:

        def change(data, language=language):
            originals[language] = data["attend"][0]
            data["attend"][0] = MARKERS[language]

        change_type(project, "enojado", language, change)
    return project, originals


def read_page(path: Path) -> tuple[dict, str]:
    text = path.read_text(encoding="utf-8")
    match = FRONT_MATTER.match(text)
    return yaml.safe_load(match.group(1)), text[match.end() :]


def write_page(path: Path, meta: dict, body: str) -> None:
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    path.write_text(f"---\n{front}---\n{body}", encoding="utf-8")


def change_type(project: Path, type_id: str, language: str, change) -> None:
    """Apply ``change(customer_type)`` to one type page's data, in place; a practice scenario that
    answers with a line the changed data no longer has answers with the last line of that list."""
    path = project / "docs" / "tipos" / f"{type_id}.{language}.md"
    meta, body = read_page(path)
    change(meta["customer_type"])
    # A list cut shorter would leave a scenario answering a line that is gone, which the build
    # rightly refuses; a type needs five scenarios, so each is kept and pointed at a line still
    # there. The same lists are cut in both languages, so both keep the same answers.
    for scenario in meta.get("practice", []):
        found = answer_line(meta["customer_type"], scenario.get("answer"))
        if found is not None and found[1] >= len(found[2]):
            scenario["answer"] = f"{scenario['answer'].partition('.')[0]}.{len(found[2])}"
    write_page(path, meta, body)


# Long words, as in Spanish; the English build checks that English pages are
# not Spanish text, so English cards get English words.
WORDS = {
    "es": "Confirmar constantemente lo que el cliente necesita realmente antes "
          "de responder, explicando cada alternativa disponible con tranquilidad ",
    "en": "Confirm thoroughly what the customer really needs before you answer, "
          "and explain every available alternative with the patience it takes ",
}


def text_of(length: int, seed: str, language: str = "es") -> str:
    """Plausible text of exactly ``length`` characters, in a language."""
    words = WORDS[language].split()
    text = seed
    index = 0
    while len(text) < length:
        text += " " + words[index % len(words)]
        index += 1
    text = text[:length]
    return text[:-1] + "s" if text.endswith(" ") else text


def fill_to_limits(data: dict, language: str = "es") -> None:
    """The most a card may hold: every list at its longest, every line at its longest (the page schema's limits)."""

    def most(*path, limit="maxItems"):
        return schema.at(("customer_type", *path))[limit]

    def text(length, seed):
        return text_of(length, seed, language)

    item = most("recognise", 0, limit="maxLength")  # a line of any list
    # Each type keeps a name and summary of its own: types alike are copies, which the build refuses.
    own = data["id"].capitalize()
    data["name"] = text(most("name", limit="maxLength"), ("Nombre " if language == "es" else "Name ") + own)
    data["summary"] = text(most("summary", limit="maxLength"), ("Resumen " if language == "es" else "Summary ") + own)
    data["recognise"] = [text(item, f"R{i}") for i in range(most("recognise"))]
    data["attend"] = [text(item, f"A{i}") for i in range(most("attend"))]
    questions = data["questions"]
    questions["guidance"] = [text(item, f"G{i}") for i in range(most("questions", "guidance"))]
    questions["examples"] = [
        text(item - 1, f"¿E{i}" if language == "es" else f"E{i}") + "?"
        for i in range(most("questions", "examples"))
    ]


# The WCAG contrast of every piece of text in the card, against the colour
# actually behind it (the nearest ancestor with a background).
CONTRASTS = """(root) => {
  const parse = (value) => (value.match(/[\\d.]+/g) || []).map(Number);
  const channel = (c) => {
    c /= 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = ([r, g, b]) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  const background = (element) => {
    for (let node = element; node; node = node.parentElement) {
      const [r, g, b, a = 1] = parse(getComputedStyle(node).backgroundColor);
      if (a > 0) return [r, g, b];
    }
    return [255, 255, 255];
  };
  const results = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    const element = text.parentElement;
    if (!text.textContent.trim() || !element.getClientRects().length) continue;
    const behind = background(element);
    const [r, g, b, a = 1] = parse(getComputedStyle(element).color);
    const color = [r, g, b].map((c, i) => c * a + behind[i] * (1 - a));
    const [light, dark] = [luminance(color), luminance(behind)].sort((x, y) => y - x);
    const ratio = (light + 0.05) / (dark + 0.05);
    results.push({text: text.textContent.trim().slice(0, 40), ratio});
  }
  return results;
}"""


# The font size of every piece of text inside an element.
TEXT_SIZES = """(root) => {
  const sizes = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    if (text.textContent.trim() && text.parentElement.getClientRects().length) {
      sizes.push(parseFloat(getComputedStyle(text.parentElement).fontSize));
    }
  }
  return sizes;
}"""


