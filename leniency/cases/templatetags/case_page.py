"""Batching for the case page's per-defendant panels: each panel queries once for all the defendants shown.

The case page puts `page_defendants` (the defendants it shows, with `case` already set) and an empty
`panel_memo` dict in the context. A panel tag asks `page_batch(context, "counsel", defendant, build)`, where
`build(defendants)` returns `{defendant pk: panel data}`; the first defendant's call builds for all of them.
Elsewhere (no memo, or a defendant the page does not list) the panel is built for that defendant alone.
"""

from collections.abc import Callable


def page_batch(context, key: str, defendant, build: Callable[[list], dict]):
    memo = context.get("panel_memo")
    page = context.get("page_defendants") or ()
    if memo is None or not any(d.pk == defendant.pk for d in page):
        return build([defendant])[defendant.pk]
    if key not in memo:
        memo[key] = build(list(page))
    return memo[key][defendant.pk]
