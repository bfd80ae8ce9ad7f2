"""The panels apps above cases show for each defendant on the case page, registered in their `AppConfig.ready()`
the way they register their audit actions (`leniency.audit.timeline.register_action`). The case page includes
them in order and names no app above it.

A panel is a template rendered with the page's context and `defendant`; it batches its own queries over the
page's defendants (`leniency.cases.templatetags.case_page`). `prefetch` names relations of Defendant the page
should prefetch for it (one query for all defendants).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Panel:
    template: str
    order: int
    prefetch: tuple[str, ...] = ()


_PANELS: dict[str, Panel] = {}


def register_panel(template: str, *, order: int, prefetch: tuple[str, ...] = ()) -> None:
    """Show `template` for each defendant on the case page; lower `order` comes first."""
    _PANELS[template] = Panel(template, order, tuple(prefetch))


def defendant_panels() -> list[Panel]:
    return sorted(_PANELS.values(), key=lambda panel: (panel.order, panel.template))


def panel_prefetch() -> list[str]:
    return list(dict.fromkeys(lookup for panel in defendant_panels() for lookup in panel.prefetch))
