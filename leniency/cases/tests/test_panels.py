"""The case page shows the panels the apps above cases register; its template names none of them."""

from pathlib import Path

from leniency.cases.panels import PAGE_ASSIGNMENTS, defendant_panels, panel_prefetch, panel_templates

APPS_ABOVE = (
    "corpus",
    "recommendations",
    "plea",
    "recordings",
    "counsel",
    "oversight",
    "portal",
    "study",
    "demo",
)


def test_the_case_page_template_names_no_app_above_cases():
    template = Path(__file__).parents[1] / "templates" / "cases" / "case_detail.html"
    text = template.read_text(encoding="utf-8")
    assert not [app for app in APPS_ABOVE if f'"{app}/' in text or f"'{app}/" in text]


def test_each_app_registers_its_defendant_panel_in_the_page_order():
    assert [panel.template for panel in defendant_panels()] == [
        "counsel/_defendant_panel.html",
        "cases/_victims_panel.html",  # who is still to be heard, before the recommendation (CPL art. 173)
        "recommendations/_defendant_panel.html",
        "plea/_defendant_panel.html",
        "recordings/_defendant_panel.html",
        "study/_defendant_panel.html",
        "oversight/_defendant_panel.html",
    ]
    # The counsel panel's assignments, which the lawyer checks of the other panels read too; the recordings panel
    # reads the plea records the page loads once (the plea story shows the same recordings).
    [prefetch] = panel_prefetch()
    assert (prefetch.prefetch_through, prefetch.to_attr) == ("counsel_assignments", PAGE_ASSIGNMENTS)


def test_the_case_page_gets_the_panels_templates_loaded_in_the_panels_order():
    # Included as loaded templates, not looked up by name once per defendant and panel.
    templates = panel_templates()
    assert [t.origin.template_name for t in templates] == [panel.template for panel in defendant_panels()]
