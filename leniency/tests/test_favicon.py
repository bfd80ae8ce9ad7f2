"""Every page names its icon, and /favicon.ico (asked for by browsers whatever the page links) finds it."""

from django.contrib.staticfiles import finders


def test_favicon_ico_redirects_to_the_icon_every_page_links(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 302 and response["Location"].endswith("leniency/favicon.svg")
    assert finders.find("leniency/favicon.svg")
    page = client.get("/login/").content.decode()
    assert 'rel="icon"' in page and "leniency/favicon.svg" in page
