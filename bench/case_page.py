"""Cost of a cold case page: server time and SQL queries per page, with the page cache out of the way.

    .venv/bin/python bench/case_page.py [--pages 40] [--rounds 3] [--personas prosecutor,judge,duty_lawyer]
                                        [--debug] [--profile N] [--queries] [--split]

Renders `--pages` different case pages for each persona (demo usernames) through Django's test client, with its
middleware, as a signed-in browser with a session and a CSRF cookie, and the page cache emptied before each
request: every page is rendered as on a working day's first look (leniency/cases/pagecache.py; the cache's own
version read, miss and write are part of the cost, as in production). The first round counts the queries
(CaptureQueriesContext) and is not timed; the next `--rounds` are timed. Prints per persona the median and p95
milliseconds (wall clock, and the CPU time of this process: the Python side, which a loaded machine disturbs
less), the queries per page (median and most) and the defendants per page; and, like bench/load.py, a fixed
CPU-bound loop before and after: this machine's speed drifts by tens of percent over minutes, so compare runs
at like speeds (and interleave them). On a busy machine each query also waits for the database process to be
scheduled, so the number of queries weighs more than on a quiet one.

Settings are production's (LENIENCY_DEBUG=0: no query log, no template debug information) unless --debug: the
script runs itself again with the development keys in the environment, so the demo's encrypted personal data
reads as before. `--profile N` prints cProfile's N most costly functions over a timed round; `--queries` prints
the SQL of the persona's largest page, grouped by statement; `--split` where each persona's CPU goes (the ORM, of it
compiling and the database; the templates with the panels' Python; the rest), by wrapping those functions, which
adds about 2 ms a page of its own.

Uses the database of DATABASE_URL (default: SQLite under LENIENCY_VAR_DIR or var/) with the demo loaded, e.g.

    LENIENCY_VAR_DIR=/tmp/demo LENIENCY_DEBUG=1 .venv/bin/python manage.py migrate
    LENIENCY_VAR_DIR=/tmp/demo LENIENCY_DEBUG=1 .venv/bin/python manage.py createcachetable
    LENIENCY_VAR_DIR=/tmp/demo LENIENCY_DEBUG=1 .venv/bin/python manage.py demo [--defendants 300]
    LENIENCY_VAR_DIR=/tmp/demo .venv/bin/python bench/case_page.py

Target (issue 21): a cold case page in ≤ 15 ms of server time, so ≥ 100 pages/s hold without the cache.

Measured 2026-12-05 on the 300-defendant demo (SQLite, production settings, 2 shared cores under load 12-18,
reference loop 220-400 ms), before (96907f9) and after the timeline tag and the counsel panel's visibility read
from the page's rows (839937e), runs interleaved base/new/base/new; this process's CPU per page, median / p95 ms:

    persona       before run 1   before run 2   after run 1   after run 2   queries (median) before → after
    prosecutor    38.4 / 52.5    37.6 / 50.5    33.5 / 42.8   33.3 / 43.3   34 → 33
    judge         40.6 / 52.1    37.2 / 47.4    33.1 / 41.4   31.4 / 38.1   29 → 28
    duty_lawyer   36.7 / 41.1    34.1 / 37.9    32.3 / 35.2   29.5 / 32.5   29 → 28

Then with the user's organisation region loaded with the user (3c46233: no region query for a final case's
retrial check), one more pair on a quieter machine (reference loop 120-200 ms), before / after:

    prosecutor    34.4 / 46.5 → 30.4 / 42.2   queries 34 → 32 (max 36 → 34)
    judge         36.2 / 49.3 → 28.1 / 37.0   queries 29 → 28
    duty_lawyer   32.7 / 38.2 → 26.1 / 29.1   queries 29 → 28

About 12-20 % less CPU; still about twice the target. Where the rest goes (the same runs, split by timing the ORM's
execute_sql and the template renders): SQL compilation and execution about 13 ms (SQLite itself 2-3 ms) for ~30
queries, the defendant panels' templates and Python about 7 ms, the view before rendering (session, user, page
cache version, case, defendants, read log, judgments' actions; measured before) about 12 ms.

2026-12-05, later: the plea and study panels' stylesheets linked once per page (f7f631d), the study panel's one
query for the risk model's version without looking for the district to refit on (4a71909), 上诉/抗诉 read from the
page's defendants (6c06d0d), no sentence query before a court holds the case (3742cf1). Interleaved
base/new/base/new on a quiet machine (reference loop 95-102 ms), before (7ea98d3) → after (3742cf1), CPU median / p95:

    prosecutor    28.0 / 35.9, 27.5 / 35.6 → 27.1 / 35.3, 27.4 / 34.9   queries 32 → 30 (max 34 → 32)
    judge         26.9 / 37.5, 28.0 / 36.6 → 27.4 / 42.3, 27.3 / 34.0   queries 28 → 28
    duty_lawyer   25.9 / 28.1, 27.4 / 30.5 → 26.3 / 27.9, 26.6 / 29.5   queries 28 → 28

Within the noise (0-2 %): these cuts are small. The read log's BEGIN/COMMIT was left: one row is already one INSERT
(dbd0c0c), and only pages of several defendants pay bulk_create's transaction, which Django has no public way to
skip. The profile (--profile) still puts about 40 % of the view in the panels' batched reads, a fifth in the plea
records alone (plea/story.py load_records: seven queries), and much of the rest in the ORM's compiling ~30 queries.

2026-12-05, afternoon: ORDER BY compiled less (e340ce8: rows a panel groups by defendant sorted in Python where the
order's fields are never-null numbers, dates or moments, case_page.grouped_rows; the grouping relation dropped from
the rest, grouped_order; a three-term ORDER BY was 0.3-0.4 ms of a 0.45-0.6 ms compile), a review's open failures
counted in the reviews' query (54d7eb5: plea records 7 -> 6 queries), lawyers' opinions read by the page's rounds
(4d2bee5), the timeline's five columns sorted in Python and the counsel rows unordered (df7443c), no victims'
opinions or settlements asked for where no defendant has a victim (52982f5: 292 of the 300 demo defendants), the
case's defendants read without asking again which cases the user sees (6f46b7b). Interleaved base/new/base/new on
a quiet machine (reference loop 87-97 ms), before (7e89118) -> after (e453b61), CPU median / p95 ms:

    prosecutor    28.5 / 38.8, 28.2 / 37.4 -> 24.2 / 31.2, 24.2 / 32.5   queries 30 -> 27 (max 32 -> 30)
    judge         28.8 / 35.2, 28.6 / 35.1 -> 23.1 / 30.0, 23.1 / 30.1   queries 28 -> 25 (max 30 -> 29)
    duty_lawyer   28.4 / 29.7, 27.3 / 29.1 -> 24.4 / 26.7, 23.7 / 24.9   queries 28 -> 25

About 15-19 % less CPU; still 1.6 times the 15 ms target. Where the rest goes, per page, measured by wrapping the
ORM's queryset evaluation and execute_sql, its as_sql, the database cursor and the template render (as --split does;
CPU means of the three personas, before -> after, from a scratch script of the same wrappers with less overhead): the ORM 15.1-15.2 -> 10.7-11.2 ms (compiling SQL 8.8 -> 5.5-5.6, SQLite
executing 1.8 -> 1.4-1.5, the rest, objects, converters and prefetching, 4.5-4.6 -> 3.8-4.1; about half of it
called from the panels' tags during the render); rendering the templates with the panels' Python outside the ORM
8.6-9.6 -> 8.4-9.6 ms (the timeline alone about 1.5 ms: 39 events a page, its query 0.7 ms besides); everything else
(middleware, session, the view's own code, pickling and writing the page cache) 4.3-5.5 -> 4.0-4.5 ms. To reach
15 ms the ORM would have to fall to about a third of today's (some 23 queries at 0.45 ms each, compiled anew on every
request) with the template work unchanged: fewer, not cheaper, queries, or a rendering that does not go through
Django's per-variable escaping (about 500 escapes a page).

2026-12-05, evening: the ORM's share cut where a query compiled more than it needed, measured query by query (a
scratch wrapper timing each queryset's evaluation and its as_sql, 40 pages x 2, the prosecutor): an agreement's
signatures prefetched without ORDER BY signed_at, id, the story sorting them (dcbc766: 1.0-1.2 -> 0.4 ms, of which
compiling 0.8-0.9 -> 0.2); the lawyers' opinions unordered and the open retrial picked in Python instead of ORDER BY
... LIMIT 1 (13a9887: 0.28 -> 0.17 and 0.27 -> 0.15 ms); the case read with only the columns the page reads of its
organisations, judge, prosecutor and six regions (8728e4b, views.CASE_PAGE_COLUMNS: 1.2-1.3 -> 1.0 ms). Tried and
left: the users' columns deferred instead (.defer() costs more to compile than it saves), the case's version read
without an aggregate (0.19 -> 0.17 ms, noise), a review's open failures counted by a subquery instead of the join
and GROUP BY (no cheaper). Interleaved base/new x 3 on a machine under load 2.5-4.7 (reference loop 87-118 ms, one
210), before (a720d90) -> after (a720d90 with those three commits' lines alone), CPU median / p95 ms, --rounds 5:

    prosecutor    21.4 / 28.4, 22.6 / 30.3, 22.4 / 30.3 -> 21.1 / 29.1, 20.9 / 28.0, 21.1 / 28.9   queries 27 (max 30)
    judge         20.7 / 27.2, 22.1 / 29.1, 21.1 / 27.4 -> 20.7 / 26.7, 20.3 / 27.6, 21.2 / 29.1   queries 25 (max 29)
    duty_lawyer   20.1 / 21.6, 22.1 / 23.7, 21.5 / 24.3 -> 21.7 / 23.8, 19.6 / 21.7, 20.7 / 22.5   queries 25 (max 26)
    all pages     20.8, 22.3, 21.9 -> 21.1, 20.4, 21.0

and --split, base/new/base/new, the ORM's CPU per page (prosecutor, judge, duty lawyer): 12.4, 12.3, 12.1 and 13.4,
11.9, 12.1 -> 11.4, 12.0, 11.4 and 11.8, 10.8, 10.5 ms, of it compiling 6.6-7.7 -> 5.5-6.3. About 1 ms of ORM (8 %),
3-4 % of the page: within one run's noise per persona. The same number of queries, each compiled anew: what is left
of the ORM is some 25 statements at 0.15-0.3 ms of compiling each, plus building their rows (the defendants' query
with its two prefetches, charges and counsel assignments, about 1.5 ms). The 15 ms target needs fewer statements
(the panels' rows read together, or kept per defendant by the do_* services that change them), not cheaper ones.

2026-12-05, the session's end. B (rendering: a6b44d7 timeline, d383898 choice labels, 5ffc8f1 dates, 73cc6e5
base.html role, 26558bb plea story tag), a720d90 vs a720d90 plus B's commits only, five interleaved pairs, CPU
median / p95 ms: prosecutor 22.7 / 30.3 -> 20.9 / 26.5; judge 21.9 / 28.1 -> 20.3 / 25.6; duty_lawyer 22.2 / 23.9
-> 20.4 / 21.5; --split: templates and panels outside the ORM 9.4/9.6 -> 7.8/7.4 (prosecutor), 8.4/8.6 -> 7.1/6.7
(judge), 8.1/8.2 -> 6.6/6.1 (duty lawyer); the template render alone (panel data loaded) 5.0 -> 3.5 ms a page.

Then (A2): the recordings panel's labels and days by the display and |day filters (9cd9089), the panels included
as loaded templates (2b6a756: 0.16-0.18 -> 0.13 ms of include a page, 0.01 ms to load them: about 0.03 ms), the
{% url %} of the case page, its panels, base.html and the menu reversed once per process (b418d26, cached_url: an
LRU keyed on URLconf, script prefix, language, current app and arguments; Django's reverse is about 10 us a URL, some
thirty a page), the page cache's version read by one fixed statement (c6f0430: 0.18-0.21 -> 0.013 ms). The template
render alone (render of 40 prosecutor pages, panels' rows loaded), 26558bb -> these, interleaved twice: 3.61, 3.52 ->
2.90, 2.96 ms. Whole pages, 26558bb -> c6f0430, four interleaved pairs, all pages' CPU median: 19.4, 19.5, 18.7, 19.8
-> 18.1, 19.6, 18.9, 18.9 ms: about 0.5 ms (2-3 %), inside one run's noise. Same HTML: 474 Chinese and 266 English
cold pages of 11 personas identical before and after (CSRF tokens masked). Measured and left: the charges' prefetch
(0.55 ms) read from the link table joined to the charge is 0.25 ms cheaper only unordered, and sorting the charges
in Python would follow PostgreSQL's collation of their names no longer; with the ORDER BY it saves nothing. The user's
query (0.5 ms: the user, organisation and region, 24 short columns, the password for the session hash) and the
session's (0.5 ms) are Django's; the panels' include is mostly the included template's own render.

a720d90 -> c6f0430 (this session: A's ORM cuts, B's rendering, the above), interleaved base/new/base/new, load 2-4
(reference loop 94-113 ms), --rounds 5, CPU median / p95 ms (wall clock about 0.1-0.3 ms more):

    prosecutor    23.5 / 32.1, 23.9 / 33.2 -> 20.0 / 26.1, 20.0 / 25.8   queries 27 (max 30)
    judge         23.3 / 30.7, 23.2 / 30.8 -> 19.2 / 23.8, 19.3 / 24.7   queries 25 (max 29)
    duty_lawyer   23.7 / 26.3, 23.4 / 24.8 -> 19.2 / 21.2, 19.2 / 21.5   queries 25 (max 26)
    all pages     23.5, 23.6 -> 19.7, 19.7

and --split, one pair (the wrappers add about 2 ms a page), base -> new, CPU mean ms:

    persona       ORM (compiling, database, objects)          templates and panels outside the ORM   the rest
    prosecutor    12.8 (7.0, 1.5, 4.3) -> 11.6 (6.2, 1.4, 4.0)   10.4 -> 7.2                            4.1 -> 3.9
    judge         13.6 (6.9, 1.4, 5.3) -> 12.4 (6.1, 1.3, 5.0)    9.1 -> 6.6                            4.5 -> 5.7
    duty_lawyer   12.5 (6.8, 1.5, 4.2) -> 12.9 (7.4, 1.4, 4.2)    8.4 -> 6.4                            4.5 -> 4.5

About 16 % less CPU over the session (23.5 -> 19.7 ms a cold page); still 1.3 times the 15 ms target. The templates'
share is down by a quarter to a third; the ORM is now the larger half (some 25 statements, each compiled anew) and the
rest (session, user, page cache, middleware) about 4 ms. What is left to reach 15 ms is fewer statements, as above.

2026-12-05, session 13: the statements compiled once instead (leniency/compiled_queries.py: a build compiled per
shape with stand-in pks, run again with the page's pks; 190203b, 08959cc, 67d5b27): the plea records, the
recommendation rounds and court decisions, counsel requests, participation entries and opinions, victims, letters,
sentences, the timeline, the newest risk model, the signed-in user and (for all but a lawyer) the defendants with the
panels' prefetches. The same statements (27 / 25 / 25 a page) and rows. A panel query went from about 0.37 ms
(building 0.08, compiling 0.18-0.3, running and the rows the rest) to about 0.14. --split, prosecutor: compiling
7.9 -> 2.7 ms a page. Four interleaved base/new pairs on SQLite and four on PostgreSQL (the same 300-defendant demo
loaded into each), 5097d56 -> 67d5b27, --rounds 3-4, all pages' CPU median ms, on a machine loaded by three to four
other processes (reference loop 115-223 ms, against 87-113 for the figures above):

    SQLite        23.0 -> 17.9,  20.0 -> 14.0,  34.0 -> 16.3,  21.2 -> 14.9
    PostgreSQL    28.2 -> 22.4,  23.4 -> 17.4,  27.8 -> 18.7,  25.2 -> 18.2   (wall 32-36 -> 24-28: the server's
                                                                              own work is not in this process's CPU)

About 25-30 % less CPU a page. On SQLite 14-16 ms where the pair ran at the reference loop of the figures above
(base 20.0-21.2, as 19.7 there): at the 15 ms target. On PostgreSQL 17-19 ms: psycopg's round trips cost this
process about 0.1 ms a statement more than SQLite's in-process calls, so there the target needs fewer statements
still.

2026-12-06, session 14: the case read compiled once per access rule (0878964; access.CASE_RULES, the rules written
once as functions of pks), the last large compile of the page (0.78 ms a page under load). Interleaved base/new,
e9f6072 -> f88a2bd, --rounds 3, all pages' CPU median (wall median) ms, machine at reference loop 115-206 ms:

    SQLite        12.3 (12.3) -> 12.4 (12.4),   17.1 (17.7) -> 12.4 (12.4)
    PostgreSQL    18.1 (27.8) -> 16.3 (25.2),   20.9 (31.3) -> 14.2 (22.5)

and an hour earlier, the machine near its quiet speed (reference loop 103-126 ms), new alone: PostgreSQL 11.7 (18.7).
The app's own time is at the target on both databases at a quiet machine's speed (SQLite 10-12 ms, PostgreSQL 12-14)
and near it on a slow one; PostgreSQL's wall time per page (18-25 ms) adds the database's own work and 25-27 round
trips. Pages per second without the cache: bench/load.py --cold.

2026-12-06, session 15, on another machine: the session's starting code (0c70a8a) measured 28.0 ms CPU a page on
PostgreSQL at a quiet reference loop (96-102 ms), where the line above has 11.7; a `SELECT 1` there costs the client
120-130 us of CPU (about 37 of it in the kernel). Compare figures only within one session's runs.

2026-12-06, session 19 (P21): the page's last per-page compiles, its prefetches (563cf91: the defendants' charges and
counsel assignments, the agreements' signatures, read by leniency/cases/compiled_prefetch.py, and the open retrial of a
final case by a compiled query). The same statements (26 / 24 / 24 a page) and rows; 2998 cold pages of 97 demo users,
Chinese and English, identical before and after. A shared machine under heavy load (reference loop 152-337 ms, twice
a quiet one's), d2c3f97 -> 563cf91 interleaved base/new, --pages 30 --rounds 3, all pages' CPU median (wall) ms:

    PostgreSQL    24.4 (29.3) -> 24.6 (29.1),   25.3 (29.9) -> 15.9 (18.8),   25.2 (29.3) -> 19.9 (23.6)
    SQLite        19.9 -> 16.0,   20.0 -> 28.8 (the machine slowed during that run: reference loop 264 -> 337)

and --split on PostgreSQL, base/new/base/new, --rounds 2, CPU mean of prosecutor / judge / duty lawyer (the wrappers
add about 2 ms a page): ORM 14.1/12.1/15.4 -> 6.8/8.1/6.9 and 11.9/12.7/13.6 -> 7.8/10.5/10.6 ms, of it compiling
2.3/2.3/3.0 -> 0.3/0.4/0.7 and 2.0/2.4/2.7 -> 0.3/0.5/0.9, objects and the rest 7.2-8.9 -> 4.3-6.7; the templates and
panels outside the ORM unchanged (6-11 ms, following the machine); the rest (middleware, session, view, page cache)
4-7 ms. On the pairs whose machine speed held, PostgreSQL went from 25 to 16-20 ms CPU a cold page: at or under 15 ms
only where the machine is quieter than it was (by proportion to the reference loop, not measured), not under this
load. What is left, per page at this load: some 24-26 statements at about 0.1 ms of this process's CPU each (psycopg
and Django's cursor wrappers; a raw psycopg SELECT 1 costs 15 us) plus building their rows (4-6 ms: model instances,
the encrypted fields' decryption, prefetch attaching), the templates 6-9 ms, the rest 4-6 ms. Fewer statements would
need panels' rows kept per defendant by the do_* services that change them (a schema change in plea, counsel,
recommendations and study), or several panels' rows read by one statement; neither fits one session.

2026-12-06, session 20 (P22): the panels' rows read by one statement (3e2caef: compiled_queries.reading_ahead, a
UNION ALL of the compiled reads the panels register with case_page.read_with_page; signatures, participation entries
and opinions read by the defendants' pks; the defendants read with the case). Statements a cold page 26/24/24 ->
12/11/12 (max 14/13/12); with /tmp/helpers/s20/P22_1.diff and P22_2.diff (rounds, court decisions, the timeline;
not applied) 9/8/9. 2998 cold pages of 97 users, Chinese and English, identical on SQLite and PostgreSQL. Interleaved
on PostgreSQL, b0cbf1e (base) / 3e2caef (new) / new with both patches, --pages 20 --rounds 2, other helpers still
running (load 6-10), all pages' CPU median (wall) ms, reference loop before-after:

    run 1   base 17.4 (71.2) at 494-472   new 15.6 (20.5) at 144-140   patched 15.8 (21.3) at 150-193
    run 2   base 13.6 (16.2) at 169-135   new 14.1 (17.4) at 153-143   patched 15.2 (19.3) at 142-133

Only run 2's base and new ran at like speeds: there the page costs the same CPU and wall with half the statements
(prosecutor / judge / duty lawyer CPU 13.9 / 12.7 / 13.8 -> 14.1 / 14.0 / 14.2), the patches no better (15.2).
Fewer statements did not buy the expected 1-1.5 ms: the union's rows are wide (each padded with every other read's
NULL columns, about 150), the signatures, entries and opinions now join their owners, and reads a page did not make
before (a case with no court, a persona without the study panel, defendants without victims) are in every union.
The lead reverted 3e2caef and 5afd2c0: a hand-written statement multiplexer that saves nothing measured is cost
without payoff. Next, if statements are cut again: read ahead only what the page will read (its stage, court and
persona), narrow rows (values()), or each panel's rows kept per defendant by the services that change them.

2026-12-07, session 21, the page's code unchanged since b0cbf1e, on a slower machine than earlier sessions': its
reference loop took 149-276 ms with nothing else running (earlier quiet machines 87-102), so no figure here is at a
quiet machine's speed. PostgreSQL, the 300-defendant demo, --pages 40 --rounds 3, four runs, all pages' CPU median
(wall median) ms at the run's mean reference loop: 33.6 (41.1) at 221, 33.3 (40.5) at 246, 29.5 (35.2) at 203, 21.8
(26.7) at 184; SQLite 28.3 at 168. Scaled in proportion to a 90 ms reference loop (an assumption: Django's code need
not slow down as the loop does), PostgreSQL 10.7-13.7 ms CPU (wall 13.1-16.7) and SQLite 15.2. bench/load.py --cold,
SQLite, 2 workers, 20 s: 88.3 cold pages/s, p95 121 ms, 21.3 ms of app CPU a page (reference loop 167 -> 149; session
14's 150-157 pages/s was at 109-139). Statements 26/24/24. The 15 ms target is neither shown nor refuted on this
machine: a quiet machine's run is still owed.

2026-12-07 (the next day), the page's code still that of b0cbf1e, a quiet machine (reference loop 84-103 ms, nothing
else running), the 300-defendant demo, --pages 40 --rounds 3, all pages: SQLite wall median 8.8 ms, p95 13.0 (CPU the
same); PostgreSQL wall median 14.8 ms, p95 21.0, CPU median 12.2 (prosecutor 15.1 / judge 13.4 / duty lawyer 14.8 wall).
bench/load.py --cold, 20 s, 86 distinct pages, none from the cache: SQLite 2 workers 177.1 pages/s, p95 54 ms, app CPU
10.4 ms a page; PostgreSQL 2 workers 124.3 pages/s, p95 75 ms (app 12.7 + database 2.6 ms of CPU a page), 3 workers
111.3, p95 93. The target holds at a quiet machine's speed: a cold page's median server time is at most 15 ms on both
databases and at least 100 cold pages/s are served without the cache on two cores; PostgreSQL's p95 (21 ms) is above 15.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import re
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from bench.load import reference_loop_ms, signed_in_session  # noqa: E402  (after the path is set)

KEYS = ("LENIENCY_SECRET_KEY", "LENIENCY_DATA_KEYS", "LENIENCY_AUDIT_KEYS")


def _production_env() -> dict[str, str]:
    """This environment with LENIENCY_DEBUG=0 and the development keys the demo was built with, its static
    files collected as production serves them (hashed names)."""
    code = (
        "from django.conf import settings as s; print(s.SECRET_KEY); print(s.DATA_KEYS); print(s.AUDIT_KEYS)"
    )
    dev = {**os.environ, "LENIENCY_DEBUG": "1", "DJANGO_SETTINGS_MODULE": "leniency.settings"}
    out = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        env=dev,
        cwd=REPO_ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.splitlines()
    env = {**os.environ, "LENIENCY_DEBUG": "0", **dict(zip(KEYS, out[-3:], strict=True))}
    subprocess.run(
        [sys.executable, "-m", "leniency.cli", "collectstatic", "--no-input", "-v", "0"],
        env=env,
        cwd=REPO_ROOT,
        check=True,
    )
    return env


def _cases(user, n: int) -> list[int]:
    """`n` of the cases `user` may open, spread over them all (ids in order, every k-th)."""
    from leniency.cases.access import visible_cases

    ids = list(visible_cases(user).order_by("pk").values_list("pk", flat=True))
    if not ids:
        raise SystemExit(f"{user.username} sees no cases: load the demo first (manage.py demo)")
    step = max(1, len(ids) // n)
    return ids[::step][:n]


def _client(user):
    """A test client with the cookies of a signed-in browser (a session and a CSRF secret), as bench/load.py
    makes them: `force_login` would run the log-in signals (axes records an address the test client lacks)."""
    from django.conf import settings
    from django.test import Client
    from django.utils.crypto import get_random_string

    client = Client()
    client.cookies[settings.SESSION_COOKIE_NAME] = signed_in_session(user)
    client.cookies[settings.CSRF_COOKIE_NAME] = get_random_string(32)
    return client


def _clear() -> None:
    from django.core.cache import caches

    caches["pages"].clear()  # cold: rendered, not served from the page cache


def _get(client, case_id: int):
    from django.urls import reverse

    url = reverse("case_detail", args=[case_id])
    started, cpu = time.perf_counter(), time.process_time()
    response = client.get(url)
    elapsed, cpu = (time.perf_counter() - started) * 1000, (time.process_time() - cpu) * 1000
    if response.status_code != 200:
        raise SystemExit(f"{url}: {response.status_code}")
    return elapsed, cpu, response


class _Split:
    """Where a page's CPU goes, by wrapping (no profiler): the ORM (the outermost queryset evaluation or compiler
    execute_sql: compiling, running, making the objects), of it the compiling (as_sql) and the database's execute;
    the template render outside the ORM (with the panels' Python, called from their tags); the rest."""

    KINDS = ("orm", "compile", "render")

    def __init__(self):
        from django.db.models import query
        from django.db.models.sql import compiler
        from django.template.backends import django as backend

        self.spent = dict.fromkeys((*self.KINDS, "orm_in_render", "database"), 0.0)
        self.depth = dict.fromkeys(self.KINDS, 0)
        query.QuerySet._fetch_all = self._wrap("orm", query.QuerySet._fetch_all)
        for cls in (compiler.SQLCompiler, compiler.SQLInsertCompiler, compiler.SQLUpdateCompiler):
            if "execute_sql" in cls.__dict__:
                cls.execute_sql = self._wrap("orm", cls.__dict__["execute_sql"])
            if "as_sql" in cls.__dict__:
                cls.as_sql = self._wrap("compile", cls.__dict__["as_sql"])
        backend.Template.render = self._wrap("render", backend.Template.render)

    def _wrap(self, kind, function):
        def wrapped(*args, **kwargs):
            if self.depth[kind]:
                return function(*args, **kwargs)
            self.depth[kind] += 1
            started = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                self.depth[kind] -= 1
                spent = time.process_time() - started
                self.spent[kind] += spent
                if kind == "orm" and self.depth["render"]:
                    self.spent["orm_in_render"] += spent

        return wrapped

    def database(self, execute, sql, params, many, context):
        started = time.process_time()
        try:
            return execute(sql, params, many, context)
        finally:
            self.spent["database"] += time.process_time() - started

    @staticmethod
    def line(spent: dict, cpus: list[float]) -> str:
        """`spent`: seconds of each kind over the pages whose CPU milliseconds are `cpus`."""
        ms = {k: v * 1000 / len(cpus) for k, v in spent.items()}
        cpu_ms = statistics.mean(cpus)
        render = ms["render"] - ms["orm_in_render"]
        return (
            f"  CPU mean {cpu_ms:.1f} ms: ORM {ms['orm']:.1f} (compiling {ms['compile']:.1f}, database "
            f"{ms['database']:.1f}, objects and the rest {ms['orm'] - ms['compile'] - ms['database']:.1f}; "
            f"{ms['orm_in_render']:.1f} of it from the panels' tags), templates and panels outside the ORM "
            f"{render:.1f}, the rest (middleware, session, view, page cache) {cpu_ms - ms['orm'] - render:.1f}"
        )


def _shape(sql: str) -> str:
    return re.sub(r"\b\d+\b", "N", re.sub(r"'[^']*'", "'…'", sql))[:220]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=40, help="case pages per persona")
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds over the same pages")
    parser.add_argument("--personas", default="prosecutor,judge,duty_lawyer")
    parser.add_argument("--debug", action="store_true", help="development settings (DEBUG on)")
    parser.add_argument("--profile", type=int, default=0, metavar="N", help="print cProfile's N costliest")
    parser.add_argument("--queries", action="store_true", help="print the SQL of each persona's largest page")
    parser.add_argument(
        "--split",
        action="store_true",
        help="print where the CPU goes (ORM, templates, the rest; adds overhead)",
    )
    args = parser.parse_args()

    if not args.debug and os.environ.get("LENIENCY_DEBUG") != "0":
        os.execve(sys.executable, [sys.executable, *sys.argv], _production_env())
    if args.debug:
        os.environ["LENIENCY_DEBUG"] = "1"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "leniency.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from leniency.accounts.models import User
    from leniency.cases.models import Defendant

    print(
        f"database: {connection.vendor}, DEBUG={settings.DEBUG}; reference loop {reference_loop_ms():.0f} ms"
    )
    profiler = cProfile.Profile() if args.profile else None
    split = _Split() if args.split else None
    all_times: list[float] = []
    all_cpus: list[float] = []
    for username in args.personas.split(","):
        user = User.objects.get(username=username)
        cases = _cases(user, args.pages)
        client = _client(user)
        counts = {}
        largest = None
        for case_id in cases:  # untimed: counts the queries, and loads templates and code
            _clear()
            with CaptureQueriesContext(connection) as queries:
                _get(client, case_id)
            counts[case_id] = len(queries)
            if largest is None or len(queries) > len(largest):
                largest = list(queries.captured_queries)
        times, cpus = [], []
        page_spent = dict.fromkeys(split.spent, 0.0) if split else {}
        for round_ in range(args.rounds):
            profiling = profiler is not None and round_ == args.rounds - 1
            for case_id in cases:
                _clear()
                if profiling:
                    profiler.enable()
                if split:  # the page alone: not the cache's clearing above
                    spent = dict(split.spent)
                    with connection.execute_wrapper(split.database):
                        elapsed, cpu, _ = _get(client, case_id)
                    for kind, now in split.spent.items():
                        page_spent[kind] += now - spent[kind]
                else:
                    elapsed, cpu, _ = _get(client, case_id)
                times.append(elapsed)
                cpus.append(cpu)
                if profiling:
                    profiler.disable()
        all_times += times
        all_cpus += cpus
        defendants = Defendant.objects.filter(case_id__in=cases).count() / len(cases)
        q = sorted(counts.values())
        print(
            f"{username:<14} {len(cases):>3} pages × {args.rounds}: median {statistics.median(times):6.1f} ms, "
            f"p95 {statistics.quantiles(times, n=20)[-1]:6.1f} ms (this process's CPU: median "
            f"{statistics.median(cpus):5.1f} ms, p95 {statistics.quantiles(cpus, n=20)[-1]:5.1f} ms); "
            f"queries median {statistics.median(q):.0f}, "
            f"max {q[-1]}; {defendants:.2f} defendants/page (of the case)"
        )
        if split:
            print(split.line(page_spent, cpus))
        if args.queries and largest:
            print(f"  the largest page's {len(largest)} queries, by statement:")
            for shape, n in Counter(_shape(query["sql"]) for query in largest).most_common():
                print(f"  {n:>3} × {shape}")
    print(
        f"all: median {statistics.median(all_times):.1f} ms, p95 {statistics.quantiles(all_times, n=20)[-1]:.1f} ms, "
        f"CPU median {statistics.median(all_cpus):.1f} ms over {len(all_times)} pages; reference loop {reference_loop_ms():.0f} ms"
    )
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats("/leniency/", args.profile)
        pstats.Stats(profiler).sort_stats("tottime").print_stats(args.profile)


if __name__ == "__main__":
    main()
