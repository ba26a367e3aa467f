"""Accessibility of the public reader pages, measured in headless Chromium.

Each public page is loaded once per viewport (phone and desktop) and audited in the page:

- landmarks: one main, one banner, one contentinfo, every navigation named, one h1 and no
  skipped heading level;
- every form control a reader can reach has an accessible name;
- WCAG 2.1 AA contrast of every visible piece of text against its effective background
  (4.5:1, or 3:1 for large text), including the skip link once it is focused;
- no sideways scrolling;
- images and SVGs either have a text alternative or are hidden from assistive technology.

Every problem found is listed in the one assertion message, grouped by check.
"""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from claims.models import Claim, Mention
from tests.factories import (
    ArticleFactory,
    ClaimFactory,
    CorrectionFactory,
    EvidenceFactory,
    MentionFactory,
    OutletFactory,
    SourceFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
STATEMENT = "Valmer port sold six quay cranes to a foreign shipowner"

# (id, address, a line the page's <main> must show: proof that the audited page is the one
# meant: the claim page, a first page of results with pagination, a search with one result)
PAGES = [
    ("claim", "/claims/valmer-port-cranes/", STATEMENT),
    ("list", "/claims/", "Page 1 of 2"),
    ("search", "/claims/?q=cranes", "1 fact check"),
    ("methodology", "/claims/about/methodology/", "Sourcing, kept apart from the verdict"),
    ("rating-scale", "/claims/about/rating-scale/", "Unverifiable"),
]
VIEWPORTS = [("phone", PHONE), ("desktop", DESKTOP)]


@pytest.fixture
def published_claims(publish, ratings):
    """A claim page with everything a reader can see on one (claimant, chains, timeline,
    evidence with a note, a correction), and enough other claims for the list to paginate,
    with every verdict so that every badge colour is measured."""
    claim = publish(
        statement=STATEMENT,
        slug="valmer-port-cranes",
        verdict="mostly-false",
        sourcing="relayed",
        claimant=SourceFactory(name="Deux cadres de la capitainerie"),
        conclusion="The port's lease register shows the cranes were leased for the summer.",
    )
    for outlet, title, language in [
        ("Le Courrier du Littoral", "Le port de Valmer aurait vendu ses grues", "fr"),
        ("Coastal Times", "Valmer port denies selling its cranes, a rather long headline", "en"),
    ]:
        article = ArticleFactory(
            title=title,
            language=language,
            outlet=OutletFactory(name=outlet),
            url=f"https://{len(title)}.example/a",
        )
        MentionFactory(
            article=article, claim=claim, speaker="Deux cadres de la capitainerie",
            via=["La Gazette de l'Ouest"], review_state=Mention.ReviewState.ACCEPTED,
        )  # fmt: skip
    EvidenceFactory(
        claim=claim,
        title="Lease register, summer season",
        url="https://port.example/",
        note="Signed by the harbour master on 2 June.",
    )
    CorrectionFactory(claim=claim, text="We corrected the number of cranes from seven to six.")
    verdicts = list(ratings)
    now = timezone.now()
    for n in range(20):  # 21 published claims: the list has a second page and a Pages nav
        ClaimFactory(
            status=Claim.Status.PUBLISHED,
            verdict=ratings[verdicts[n % len(verdicts)]],
            conclusion="The council minutes show otherwise.",
            published_at=now - timedelta(days=n + 1),
        )
    return claim


# Runs in the page; returns {check: [problem, ...]} with only the checks that found problems.
# mode "page": the whole audit; mode "skip-link": after one Tab, the skip link must be the
# focused element, on screen, pointing at something, and readable.
AUDIT = r"""
(mode) => {
  const problems = {};
  const report = (check, message) => (problems[check] ||= []).push(message);

  const describe = (el) => {
    let out = el.tagName.toLowerCase();
    if (el.id) out += "#" + el.id;
    const cls = (el.getAttribute("class") || "").trim().split(/\s+/).filter(Boolean);
    if (cls.length) out += "." + cls.join(".");
    const text = (el.textContent || "").replace(/\s+/g, " ").trim();
    if (text) out += ' "' + (text.length > 50 ? text.slice(0, 47) + "..." : text) + '"';
    return out;
  };

  // Not rendered, or aria-hidden: out of the accessibility tree.
  const hiddenFromAT = (el) =>
    !el.checkVisibility({ visibilityProperty: true }) || !!el.closest('[aria-hidden="true"]');

  // Rendered but not seen: off-screen (the skip link until focused), zero or one-pixel
  // boxes, clipped away (.visually-hidden), invisible or transparent.
  const hiddenVisually = (el) => {
    if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) return true;
    const rect = el.getBoundingClientRect();
    if (rect.width <= 1 || rect.height <= 1) return true;
    if (rect.right + scrollX <= 0 || rect.bottom + scrollY <= 0) return true;
    for (let e = el; e && e !== document.documentElement; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (/inset\(50%/.test(s.clipPath) || s.clip === "rect(0px, 0px, 0px, 0px)") return true;
      const r = e.getBoundingClientRect();
      if (s.overflow !== "visible" && (r.width <= 1 || r.height <= 1)) return true;
    }
    return false;
  };

  const textOf = (nodes) => nodes.map((n) => n.textContent).join(" ").replace(/\s+/g, " ").trim();

  // Contrast (WCAG 2.1, 1.4.3) ------------------------------------------------------------
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = 1;
  const ctx = canvas.getContext("2d", { willReadFrequently: true });
  const parseColor = (value) => {
    const n = "\\s*([\\d.]+%?)\\s*";
    const rgb = new RegExp(`^rgba?\\(${n}[,\\s]${n}[,\\s]${n}(?:[,/]${n})?\\)$`);
    const m = value.match(rgb);
    if (m) {
      let a = m[4] === undefined ? 1 : parseFloat(m[4]);
      if (m[4] && m[4].endsWith("%")) a /= 100;
      return [Number(m[1]), Number(m[2]), Number(m[3]), a];
    }
    ctx.clearRect(0, 0, 1, 1);  // other syntaxes (color(), oklch()...): let the canvas convert
    ctx.fillStyle = "#000";
    ctx.fillStyle = value;
    ctx.fillRect(0, 0, 1, 1);
    const [r, g, b, a] = ctx.getImageData(0, 0, 1, 1).data;
    return [r, g, b, a / 255];
  };
  const over = (top, bottom) => {
    const a = top[3];
    return [0, 1, 2].map((i) => top[i] * a + bottom[i] * (1 - a)).concat(1);
  };
  const luminance = ([r, g, b]) => {
    const lin = (c) => (c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  const css = ([r, g, b]) => `rgb(${Math.round(r)}, ${Math.round(g)}, ${Math.round(b)})`;

  // Background behind el: its own and its ancestors' background colours, composited from
  // the first opaque one (white if none), and the opacity of the elements in front of it.
  // {image} when a background image makes it unknowable.
  const backgroundOf = (el) => {
    const layers = [];
    let opacity = 1;
    let image = null;
    for (let e = el; e; e = e.parentElement) {
      const s = getComputedStyle(e);
      const bg = parseColor(s.backgroundColor);
      if (s.backgroundImage !== "none") image = e;
      if (bg[3] > 0) layers.push(bg);
      if (bg[3] >= 1 || image) break;
      opacity *= parseFloat(s.opacity);
    }
    if (image) return { image };
    let colour = [255, 255, 255, 1];
    for (const layer of layers.reverse()) colour = over(layer, colour);
    return { colour, opacity };
  };

  const contrastOf = (el, label) => {
    const s = getComputedStyle(el);
    const size = parseFloat(s.fontSize);
    const bold = parseInt(s.fontWeight, 10) >= 700;
    const large = size >= 24 || (size >= 18.66 && bold);
    const needed = large ? 3 : 4.5;
    const bg = backgroundOf(el);
    const where = `${describe(el)}${label ? " " + label : ""}`;
    if (bg.image) {
      report("contrast", `${where}: text over a background image on ${describe(bg.image)}, ` +
        "contrast cannot be measured");
      return;
    }
    const fg = parseColor(s.color);
    fg[3] *= bg.opacity;  // opacity of el and its ancestors in front of the background
    const text = over(fg, bg.colour);
    const [l1, l2] = [luminance(text), luminance(bg.colour)].sort((a, b) => b - a);
    const ratio = (l1 + 0.05) / (l2 + 0.05);
    if (ratio < needed) {
      report("contrast", `${where}: ${ratio.toFixed(2)}:1, needs ${needed}:1 ` +
        `(${css(text)} on ${css(bg.colour)}, ${size}px${bold ? " bold" : ""})`);
    }
  };

  if (mode === "skip-link") {
    const el = document.activeElement;
    if (!el || !el.matches(".skip-link")) {
      const focused = el ? describe(el) : "nothing";
      report("skip link", `the first Tab focuses ${focused}, not the skip link`);
      return problems;
    }
    const rect = el.getBoundingClientRect();
    const offScreen = rect.left < 0 || rect.top < 0 || rect.right > innerWidth ||
      rect.bottom > innerHeight;
    if (offScreen || hiddenVisually(el)) {
      const [x, y, w, h] = [rect.left, rect.top, rect.width, rect.height].map(Math.round);
      report("skip link", `focused, it is not on screen (at ${x},${y}, ${w}x${h})`);
    }
    if (!document.getElementById((el.getAttribute("href") || "").replace(/^#/, ""))) {
      report("skip link", `it points to ${el.getAttribute("href")}, which is not on the page`);
    }
    contrastOf(el, "(focused)");
    return problems;
  }

  // ---- 1. Landmarks and headings ------------------------------------------------------
  const SECTIONING = "article, aside, main, nav, section, [role=article], [role=complementary], " +
    "[role=main], [role=navigation], [role=region]";
  const exposed = (selector) =>
    [...document.querySelectorAll(selector)].filter((el) => !hiddenFromAT(el));
  const mains = exposed("main, [role=main]");
  if (mains.length !== 1) {
    report("landmarks", `${mains.length} main landmarks, expected exactly 1`);
  }
  const banners = exposed("header, [role=banner]").filter(
    (el) => el.getAttribute("role") === "banner" || !el.parentElement.closest(SECTIONING));
  if (banners.length !== 1) {
    report("landmarks", `${banners.length} banner landmarks (page-level <header>), expected 1`);
  }
  const footers = exposed("footer, [role=contentinfo]").filter(
    (el) => el.getAttribute("role") === "contentinfo" || !el.parentElement.closest(SECTIONING));
  if (footers.length !== 1) {
    report("landmarks",
      `${footers.length} contentinfo landmarks (page-level <footer>), expected 1`);
  }
  for (const el of [...banners, ...footers]) {
    if (el.closest("main")) report("landmarks", `${describe(el)} is inside <main>`);
  }

  const labelledbyText = (el) => {
    const ids = (el.getAttribute("aria-labelledby") || "").trim().split(/\s+/).filter(Boolean);
    return textOf(ids.map((id) => document.getElementById(id)).filter(Boolean));
  };
  const ariaName = (el) => labelledbyText(el) || (el.getAttribute("aria-label") || "").trim();

  for (const nav of exposed("nav, [role=navigation]")) {
    if (!ariaName(nav)) {
      report("landmarks", `${describe(nav)} has no accessible name (aria-label, aria-labelledby)`);
    }
  }

  const headings = exposed("h1, h2, h3, h4, h5, h6, [role=heading]").map((el) => ({
    el, level: Number(el.getAttribute("aria-level") || el.tagName.slice(1)) || 2,
  }));
  const h1s = headings.filter((h) => h.level === 1);
  if (h1s.length !== 1) {
    const found = h1s.map((h) => describe(h.el)).join(", ");
    report("headings", `${h1s.length} level-1 headings, expected exactly 1: ${found}`);
  }
  let previous = 0;
  for (const { el, level } of headings) {
    if (level > previous + 1) {
      const after = previous ? "h" + previous : "the start of the page";
      report("headings", `h${level} ${describe(el)} follows ${after}: a level is skipped`);
    }
    previous = level;
  }

  // ---- 2. Form controls have accessible names -----------------------------------------
  const labelText = (label) => {
    const copy = label.cloneNode(true);
    copy.querySelectorAll("input, select, textarea, button").forEach((c) => c.remove());
    return copy.textContent.replace(/\s+/g, " ").trim();
  };
  const controlName = (el) => {
    const aria = ariaName(el);
    if (aria) return aria;
    const labelled = [...(el.labels || [])].map(labelText).filter(Boolean).join(" ");
    if (labelled) return labelled;
    const type = (el.getAttribute("type") || "").toLowerCase();
    if (el.tagName === "BUTTON") {
      const text = (el.innerText || "").replace(/\s+/g, " ").trim();
      if (text) return text;
      return [...el.querySelectorAll("img[alt]")].map((i) => i.alt.trim()).join(" ");
    }
    if (el.tagName === "INPUT" && ["submit", "reset", "button"].includes(type)) {
      return (el.value || "").trim() || (type === "button" ? "" : type);
    }
    if (el.tagName === "INPUT" && type === "image") return (el.alt || "").trim();
    return "";
  };
  for (const el of exposed('input:not([type="hidden"]), select, textarea, button')) {
    if (!controlName(el)) {
      report("names", `${describe(el)} (name=${JSON.stringify(el.name || "")}) has no ` +
        "accessible name: give it a <label for>, aria-label, aria-labelledby or (button) text");
    }
  }

  // ---- 3. Contrast of every visible text ------------------------------------------------
  const NOT_TEXT = new Set(
    ["SCRIPT", "STYLE", "TITLE", "NOSCRIPT", "TEMPLATE", "OPTION", "OPTGROUP"]);
  let measured = 0;
  for (const el of document.body.querySelectorAll("*")) {
    if (NOT_TEXT.has(el.tagName) || el.closest("svg")) continue;
    const ownText = [...el.childNodes].some(
      (n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
    if (!ownText || hiddenVisually(el)) continue;
    contrastOf(el);
    measured += 1;
  }
  if (!measured) report("contrast", "no visible text was measured: the audit itself is broken");
  // Text shown inside form controls: the chosen option of a select, a field's value.
  for (const el of document.body.querySelectorAll("select, input:not([type=hidden]), textarea")) {
    if (hiddenVisually(el)) continue;
    const shown = el.tagName === "SELECT" ? (el.selectedOptions[0] || {}).text : el.value;
    const noText = ["submit", "reset", "button", "checkbox", "radio", "color", "range", "file"];
    if (shown && shown.trim() && !noText.includes(el.type)) {
      contrastOf(el, `(shown value ${JSON.stringify(shown.trim().slice(0, 30))})`);
    }
  }

  // ---- 4. No sideways scrolling ----------------------------------------------------------
  const root = document.documentElement;
  if (root.scrollWidth > root.clientWidth + 1) {
    const wide = [...document.body.querySelectorAll("*")]
      .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 1)
      .filter((el) => !hiddenVisually(el))
      .filter((el, _, all) => !all.some((other) => other !== el && el.contains(other)))
      .slice(0, 10)
      .map((el) => `${describe(el)} ends at ${Math.round(el.getBoundingClientRect().right)}px`);
    report("overflow", `page is ${root.scrollWidth}px wide in a ${root.clientWidth}px viewport; ` +
      "widest elements: " + (wide.join("; ") || "none found"));
  }

  // ---- 5. Text alternatives ---------------------------------------------------------------
  for (const img of exposed("img")) {
    if (!img.hasAttribute("alt") && !ariaName(img)) {
      const src = img.getAttribute("src");
      report("images", `${describe(img)} src=${src} has no alt (alt="" if decorative)`);
    }
  }
  for (const el of exposed('[role="img"], svg')) {
    if (el.tagName.toLowerCase() === "svg" && el.parentElement.closest("svg")) continue;
    const role = el.getAttribute("role");
    if (role === "img") {
      const title = el.querySelector(":scope > title");
      if (!ariaName(el) && !(title && title.textContent.trim())) {
        report("images",
          `${describe(el)} has role="img" but no aria-label, aria-labelledby or <title>`);
      }
    } else {
      report("images", `${describe(el)} is neither role="img" with a text alternative ` +
        'nor aria-hidden="true" (decorative)');
    }
  }
  for (const input of exposed('input[type="image"]')) {
    if (!(input.alt || "").trim() && !ariaName(input)) {
      report("images", `${describe(input)} has no alt`);
    }
  }

  return problems;
}
"""

# Lines of Playwright's accessibility snapshot for a landmark or control that has no name.
UNNAMED = re.compile(
    r"^\s*- (navigation|textbox|searchbox|combobox|listbox|button|checkbox|radio|spinbutton|"
    r"slider|switch)(?: \[[^\]]*\])?:?$",
    re.MULTILINE,
)


def _audit(page) -> dict[str, list[str]]:
    problems = page.evaluate(AUDIT, "page")

    # Playwright's own role engine agrees on the landmarks and on what has no name.
    for role in ("main", "banner", "contentinfo"):
        count = page.get_by_role(role).count()
        if count != 1:
            problems.setdefault("landmarks", []).append(
                f"Playwright finds {count} {role} landmarks, expected exactly 1"
            )
    for line in UNNAMED.findall(page.locator("body").aria_snapshot()):
        problems.setdefault("names", []).append(f"Playwright finds a {line} with no name")

    # The skip link is hidden until focused; once focused it must show and be readable.
    page.keyboard.press("Tab")
    for check, found in page.evaluate(AUDIT, "skip-link").items():
        problems.setdefault(check, []).extend(found)
    return problems


@pytest.mark.parametrize("viewport", [v for _, v in VIEWPORTS], ids=[n for n, _ in VIEWPORTS])
@pytest.mark.parametrize(("url", "shows"), [p[1:] for p in PAGES], ids=[p[0] for p in PAGES])
def test_public_page_is_accessible(new_page, published_claims, url, shows, viewport):
    page = new_page(viewport=viewport)
    response = page.goto(url)
    assert response is not None and response.ok, f"{url} answered {response and response.status}"
    lines = [line.strip() for line in page.locator("main").inner_text().splitlines()]
    assert shows in lines, f"{url} does not show the line {shows!r}"

    problems = _audit(page)

    report = "\n".join(
        f"{check} ({len(found)}):\n" + "\n".join(f"  - {item}" for item in found)
        for check, found in problems.items()
    )
    if problems:  # every problem of every check, not only the first one found
        pytest.fail(f"{url} at {viewport['width']}x{viewport['height']}:\n{report}", pytrace=False)
