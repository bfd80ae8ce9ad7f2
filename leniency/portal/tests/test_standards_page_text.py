"""The public standards page in Chinese shows the law and the guideline, not the YAML's developer remarks.

Read: the text inside <main>, tags removed, without the rule file's path (the <code> element naming
`crimes/theft.yaml`, an identifier the page shows on purpose so a reader can find the data).
"""

import re
from html import unescape

from django.urls import reverse

from leniency.sentencing.tests.test_standards_user_text import problems


def _main_text(page: str) -> str:
    main = page.split("<main", 1)[1].split("</main>", 1)[0]
    main = re.sub(r"<code>.*?</code>", " ", main.split(">", 1)[1], flags=re.S)
    return unescape(re.sub(r"<[^>]+>", " ", main))


def test_the_theft_page_in_chinese_shows_no_english_and_no_marks(client, db, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "zh-hans"
    page = client.get(reverse("portal:standard", args=["theft"])).content.decode()
    text = _main_text(page)
    assert "盗窃罪" in text and "第二百六十四条" in text  # the page's own content was read
    assert "《最高人民法院、最高人民检察院关于办理盗窃刑事案件适用法律若干问题的解释》第一条" in text
    assert problems(text) == []
    assert "spc2021" not in text and "engineering" not in text
