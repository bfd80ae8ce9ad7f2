"""The panels apps above cases show for each defendant on the case page, registered in their `AppConfig.ready()`
the way they register their audit actions (`leniency.audit.timeline.register_action`). The case page includes
them in order and names no app above it.

A panel is a template rendered with the page's context and `defendant`; it batches its own queries over the
page's defendants (`leniency.cases.case_page`). `style` is a template the page includes once, before
its defendants, however many it shows (the panel's stylesheet link). `prefetch` names relations of Defendant the
page should prefetch for it (one query for all defendants): a relation's name, or a `Prefetch` (with `to_attr`,
the panel's own name for the rows, which checks may read instead of querying: `PAGE_ASSIGNMENTS`).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch
from django.template.loader import get_template

# The counsel panel's prefetch of every counsel assignment of each page defendant (ended ones too), lawyers joined:
# `defendant.page_counsel_assignments`. Checks of an assigned lawyer read it when it is there, instead of one query
# per defendant (leniency/plea/access.py, leniency/recommendations/access.py).
PAGE_ASSIGNMENTS = "page_counsel_assignments"


@dataclass(frozen=True)
class Panel:
    template: str
    order: int
    prefetch: tuple[str | Prefetch, ...] = ()
    style: str = ""


_PANELS: dict[str, Panel] = {}


def register_panel(
    template: str, *, order: int, prefetch: tuple[str | Prefetch, ...] = (), style: str = ""
) -> None:
    """Show `template` for each defendant on the case page; lower `order` comes first. `style` is included once
    per page, not once per defendant."""
    _PANELS[template] = Panel(template, order, tuple(prefetch), style)


def defendant_panels() -> list[Panel]:
    return sorted(_PANELS.values(), key=lambda panel: (panel.order, panel.template))


def panel_templates() -> list:
    """The panels' templates, loaded (through the engine's cached loader) once per page: the case page includes
    each for every defendant, and an include by name looks its template up again for each (issue 21)."""
    return [get_template(panel.template) for panel in defendant_panels()]


def panel_styles() -> list[str]:
    """The panels' style templates, each once, in the panels' order."""
    return list(dict.fromkeys(panel.style for panel in defendant_panels() if panel.style))


def panel_prefetch() -> list[str | Prefetch]:
    return list(dict.fromkeys(lookup for panel in defendant_panels() for lookup in panel.prefetch))
