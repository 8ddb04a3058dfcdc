"""Where text really lands on a screen, measured in the browser: for the
kiosk, card and home page tests (tests/browser/test_kiosk_screens.py,
tests/browser/test_card_phones.py).

TEXT_GEOMETRY walks every visible text node under the roots it is given and
reports, per node, its font size, its length and what is wrong with it: a
line box outside the viewport, outside the box it belongs to (the nearest
ancestor matching ``boxes``), or a word laid out over two lines (a word
whose characters sit on more than one line box). With ``scrolls``, text
below the viewport is fine: the page scrolls down, never across.
"""

from __future__ import annotations

TEXT_GEOMETRY = """([roots, boxes, scrolls = false]) => {
  // A page that scrolls (a card on a phone) only has to fit across.
  const width = innerWidth, height = scrolls ? Infinity : innerHeight, slack = 1;
  const out = {texts: [], problems: []};
  const visible = (element) => element.getClientRects().length > 0
    && getComputedStyle(element).visibility !== 'hidden';
  const inside = (rect, box) => rect.left >= box.left - slack && rect.right <= box.right + slack
    && rect.top >= box.top - slack && rect.bottom <= box.bottom + slack;
  const screen = {left: 0, top: scrolls ? -Infinity : 0, right: width, bottom: height};
  const range = document.createRange();
  for (const root of roots.flatMap((s) => [...document.querySelectorAll(s)])) {
    if (!visible(root)) continue;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent;
      const element = node.parentElement;
      if (!text.trim() || !visible(element) || element.closest('.qc-hidden, svg, script')) continue;
      const style = getComputedStyle(element);
      const size = parseFloat(style.fontSize);
      out.texts.push({text: text.trim().slice(0, 60), size, chars: text.trim().length});
      range.selectNodeContents(node);
      const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
      const box = element.closest(boxes);
      const boxRect = box ? box.getBoundingClientRect() : null;
      for (const rect of rects) {
        if (!inside(rect, screen)) {
          out.problems.push({kind: 'off screen', text: text.trim().slice(0, 60),
            rect: [rect.left, rect.top, rect.right, rect.bottom].map(Math.round)});
          break;
        }
        if (boxRect && !inside(rect, boxRect)) {
          out.problems.push({kind: 'out of its box', text: text.trim().slice(0, 60),
            box: box.className, rect: [rect.left, rect.top, rect.right, rect.bottom].map(Math.round),
            boxRect: [boxRect.left, boxRect.top, boxRect.right, boxRect.bottom].map(Math.round)});
          break;
        }
      }
      // A word over two lines: its characters' boxes have more than one top.
      for (const match of text.matchAll(/\\S+/g)) {
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const tops = new Set([...range.getClientRects()]
          .filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (tops.size > 1) {
          out.problems.push({kind: 'word split', text: match[0]});
        }
      }
    }
  }
  return out;
}"""


def summary(result: dict, shorter_side: float) -> dict:
    """The share of characters at 1/36 of the shorter side or more, and the smallest size."""
    total = sum(t["chars"] for t in result["texts"])
    large = sum(t["chars"] for t in result["texts"] if t["size"] >= shorter_side / 36 - 0.01)
    return {
        "share_large": large / total if total else 0.0,
        "smallest": min((t["size"] for t in result["texts"]), default=0.0),
        "chars": total,
    }
