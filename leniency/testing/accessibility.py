"""Accessibility checks for the browser tests (issue 22): axe-core's WCAG 2 A/AA rules and the phone layout.

`Browser` opens one context per (user, viewport) of a Playwright browser, logged in by a session cookie, with
axe-core (vendor/axe.min.js, see vendor/README.md) loaded in every page; `axe(page)` lists the violations,
`overflow(page)` says how a page fails a phone (sideways scrolling, table headers squeezed to one character per line).
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.test import Client

AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 860}

RUN_AXE = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
  return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 3).map(n => n.target.join(" ") + " :: " + n.failureSummary.split("\\n").slice(1).join(" "))}));
}"""

# The widest element that sticks out of the viewport: named in a failure, so the fix is obvious.
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  let worst = null;
  for (const el of document.body.querySelectorAll("*")) {
    const r = el.getBoundingClientRect();
    if (r.right > width + 1 && !el.closest(".table-scroll") && (!worst || r.right > worst.right)) {
      worst = {right: Math.round(r.right), tag: el.tagName.toLowerCase(), id: el.id, cls: el.className.toString()};
    }
  }
  // a table squeezed until its headers break one character per line (CJK breaks anywhere, so it never overflows)
  const squeezed = [...document.querySelectorAll("th")].filter(th => th.innerText.trim().length >= 2
    && th.getBoundingClientRect().width < 2 * parseFloat(getComputedStyle(th).fontSize)
    && th.getBoundingClientRect().width > 0).map(th => th.innerText.trim()).slice(0, 5);
  return {scrollWidth: document.documentElement.scrollWidth, worst, squeezed};
}"""


class Browser:
    """Contexts of one browser, by (user, viewport): logged in by a session cookie, axe loaded in every page."""

    def __init__(self, chromium, url: str):
        self.chromium, self.url, self.pages = chromium, url, {}

    def page(self, user=None, viewport=DESKTOP):
        key = (getattr(user, "pk", None), viewport["width"])
        if key not in self.pages:
            context = self.chromium.new_context(locale="zh-CN", viewport=viewport)
            context.add_init_script(path=str(AXE))  # an init script is not subject to the page's CSP
            if user is not None and user.is_authenticated:
                client = Client()
                client.force_login(user)
                cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
                context.add_cookies(
                    [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": self.url}]
                )
            page = context.new_page()
            page.set_default_timeout(30_000)
            self.pages[key] = page
        return self.pages[key]

    def close(self):
        for page in self.pages.values():
            page.context.close()


def axe(page) -> list[str]:
    return [
        f"{v['id']} ({v['impact']}): {v['help']}\n      " + "\n      ".join(v["nodes"])
        for v in page.evaluate(RUN_AXE, WCAG_AA)
    ]


def overflow(page) -> str:
    got = page.evaluate(OVERFLOW)
    problems = []
    if got["scrollWidth"] > PHONE["width"]:
        problems.append(f"{got['scrollWidth']}px wide; widest: {got['worst']}")
    if got["squeezed"]:
        problems.append(f"table headers squeezed to one character per line: {got['squeezed']}")
    return "; ".join(problems)


# ids named by aria-describedby / aria-labelledby that no element has (Django's widgets name their help text and
# errors: a template that does not render them leaves a screen reader nothing to read)
BROKEN_REFERENCES = """() => {
  const broken = [];
  for (const el of document.querySelectorAll("[aria-describedby], [aria-labelledby]")) {
    for (const attr of ["aria-describedby", "aria-labelledby"]) {
      for (const id of (el.getAttribute(attr) || "").split(/\\s+/).filter(Boolean)) {
        if (!document.getElementById(id)) broken.push(`${el.tagName.toLowerCase()}#${el.id} ${attr}=${id}`);
      }
    }
  }
  return broken.slice(0, 5);
}"""


def broken_references(page) -> list[str]:
    return page.evaluate(BROKEN_REFERENCES)
