"""Where text really lands on a screen, measured in the browser: for the
kiosk, card and home page tests (tests/browser/test_kiosk_screens.py,
tests/browser/test_card_phones.py), and for every page at every size
(tests/browser/test_every_page.py, PAGE_GEOMETRY below).

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


# Every page at every size (tests/browser/test_every_page.py): what a reader
# would see as broken, measured over the whole document in one call. Text that
# is not shown is not measured: not rendered, visibility hidden, transparent
# (opacity 0, as Material's closed overlays are), clipped to a pixel (text for
# screen readers only), or wholly beside the viewport (Material's drawer, off
# screen until opened). Text in a box that scrolls (code blocks, the wrappers
# Material puts around tables) may lie outside that box: it is reached by
# scrolling the box, so it neither overflows the page nor counts as clipped.
PAGE_GEOMETRY = """async ([chars, limit]) => {
  // Measure what is painted: after the next frame and what answered it
  // (Material's media-query listeners, then its resize observers).
  await new Promise((done) => requestAnimationFrame(() => setTimeout(done)));
  const width = innerWidth, slack = 1;
  const styles = new Map(), shownCache = new Map(), blockCache = new Map(), clipCache = new Map();
  const style = (e) => styles.get(e) || (styles.set(e, getComputedStyle(e)), styles.get(e));
  const scrolls = (s) => /auto|scroll/.test(s.overflowX + s.overflowY);
  const hides = (s) => /hidden|clip/.test(s.overflowX + s.overflowY);
  const round = (r) => [r.left, r.top, r.right, r.bottom].map(Math.round);
  // A short selector: the element and its parent, by id or first class.
  const name = (e) => e.localName + (e.id ? '#' + e.id
    : e.classList.length ? '.' + e.classList[0] : '');
  const selector = (e) => (e.parentElement && e.parentElement !== document.body
    ? name(e.parentElement) + ' > ' : '') + name(e);
  const shown = (e) => {
    if (!e || e === document.documentElement) return true;
    if (shownCache.has(e)) return shownCache.get(e);
    const s = style(e), box = e.getBoundingClientRect();
    const result = e.getClientRects().length > 0 && s.visibility !== 'hidden'
      && parseFloat(s.opacity) > 0
      && !(hides(s) && (box.width <= 1 || box.height <= 1))
      && !/inset\\(50%\\)/.test(s.clipPath) && s.clip !== 'rect(0px, 0px, 0px, 0px)'
      && shown(e.parentElement);
    shownCache.set(e, result);
    return result;
  };
  // The box a text's lines are laid out in: its nearest ancestor that is not inline.
  const block = (e) => {
    if (blockCache.has(e)) return blockCache.get(e);
    let b = e;
    while (b.parentElement && /^(inline|contents)$/.test(style(b).display)) b = b.parentElement;
    blockCache.set(e, b);
    return b;
  };
  // The boxes that would cut a text off: ancestors that hide their overflow,
  // up to the first one that scrolls. The root's overflow is the page's own
  // (Material hides it across): what passes the screen's edge is overflow.
  const clippers = (e) => {
    if (e === document.documentElement) return [];
    if (clipCache.has(e)) return clipCache.get(e);
    let result = [];
    const s = style(e);
    if (!scrolls(s) && e.parentElement) {
      result = clippers(e.parentElement);
      if (hides(s)) result = [e, ...result];
    } else if (scrolls(s)) {
      result = [e];
    }
    clipCache.set(e, result);
    return result;
  };
  const inside = (r, box) => r.left >= box.left - slack && r.right <= box.right + slack
    && r.top >= box.top - slack && r.bottom <= box.bottom + slack;
  // A character of a font: the mean width of a character of running text,
  // spaces included (of a pangram, which has every small letter).
  const pen = document.createElement('canvas').getContext('2d'), widths = new Map();
  const charWidth = (s) => {
    const font = `${s.fontStyle} ${s.fontWeight} ${s.fontSize} ${s.fontFamily}`;
    if (!widths.has(font)) {
      pen.font = font;
      const sample = 'the quick brown fox jumps over the lazy dog';
      widths.set(font, pen.measureText(sample).width / sample.length);
    }
    return widths.get(font);
  };
  const problems = [];
  const report = (kind, element, text, detail) => problems.length < limit * 4
    && problems.push({kind, selector: selector(element), text: text.trim().slice(0, 50), detail});
  const range = document.createRange();
  const lines = [];
  let texts = 0;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent, element = node.parentElement;
    if (!text.trim() || element.closest('script, style, svg, noscript, template')) continue;
    range.selectNodeContents(node);
    const rects = [...range.getClientRects()].filter((r) => r.width > 0.5 && r.height > 0.5);
    if (!rects.length || rects.every((r) => r.right <= 0 || r.left >= width) || !shown(element)) continue;
    texts += 1;
    const s = style(element);
    const tops = new Set(rects.map((r) => Math.round(r.top)));
    // Too narrow: text wrapped in a box narrower than about twelve characters
    // of its font. A short label on one line is fine.
    const box = block(element), boxStyle = style(box);
    const inner = box.clientWidth - parseFloat(boxStyle.paddingLeft) - parseFloat(boxStyle.paddingRight);
    const narrow = inner < chars * charWidth(s);
    if (tops.size > 1 && narrow) {
      report('narrow box', box, text, `${Math.round(inner)} px wide, ${tops.size} lines`);
    }
    // A word over two lines, unless it breaks at a soft hyphen or after a
    // hyphen, or is wider than a box of a fair width (a long address has to
    // break somewhere).
    if (tops.size > 1) {
      for (const match of text.matchAll(/[^\\s\\u00ad-]+-?/g)) {
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const parts = [...range.getClientRects()].filter((r) => r.width > 0.5);
        const wordTops = new Set(parts.map((r) => Math.round(r.top)));
        const length = parts.reduce((sum, r) => sum + r.width, 0);
        if (wordTops.size > 1 && (narrow || length <= inner + slack)) {
          report('word split', element, match[0], `in "${text.trim().slice(0, 40)}"`);
        }
      }
    }
    // Cut off: a line outside a box that hides its overflow (unless the box
    // says so with an ellipsis, as Material's header and footer titles do).
    // What is drawn of each line: the part inside those boxes.
    let drawn = rects;
    let cut = false;
    for (const clipper of clippers(element)) {
      const clip = clipper.getBoundingClientRect();
      const out = drawn.find((r) => !inside(r, clip));
      if (out && !cut && !scrolls(style(clipper)) && s.textOverflow !== 'ellipsis') {
        report('clipped', element, text, `line ${round(out)} outside ${selector(clipper)} ${round(clip)}`);
        cut = true;
      }
      drawn = drawn.map((r) => ({left: Math.max(r.left, clip.left), right: Math.min(r.right, clip.right),
        top: Math.max(r.top, clip.top), bottom: Math.min(r.bottom, clip.bottom)}))
        .map((r) => ({...r, height: r.bottom - r.top})).filter((r) => r.right > r.left && r.height > 0);
    }
    for (const r of drawn) lines.push({r, element, text});
  }
  // Overlaps: lines of two different elements drawn over each other (by more
  // than a quarter of the shorter one's height: ascenders may touch).
  lines.sort((a, b) => a.r.top - b.r.top);
  for (let i = 0; i < lines.length; i++) {
    const a = lines[i];
    for (let j = i + 1; j < lines.length && lines[j].r.top < a.r.bottom; j++) {
      const b = lines[j];
      if (a.element === b.element) continue;
      const across = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
      const down = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
      if (across > 2 && down > Math.min(a.r.height, b.r.height) / 4) {
        report('overlap', a.element, a.text, `with ${selector(b.element)} "${b.text.trim().slice(0, 30)}"`);
      }
    }
  }
  // Sideways scrolling: the page is wider than the screen. Name the deepest
  // elements that reach past its edge (outside any box that scrolls).
  const wide = document.documentElement.scrollWidth;
  if (wide > width + slack) {
    const reach = [...document.body.querySelectorAll('*')].filter((e) =>
      e.getBoundingClientRect().right > width + slack && shown(e)
      && !(e.parentElement && clippers(e.parentElement).some((c) => scrolls(style(c)))));
    const deepest = reach.filter((e) => !reach.some((o) => o !== e && e.contains(o)));
    for (const e of deepest.slice(0, 3)) {
      const reaches = Math.round(e.getBoundingClientRect().right);
      report('page overflow', e, e.textContent || '', `page ${wide} px wide, reaches ${reaches} px`);
    }
    if (!deepest.length) report('page overflow', document.body, '', `page ${wide} px wide`);
  }
  return {texts, problems};
}"""
