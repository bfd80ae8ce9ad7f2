"""The access-control matrix (issue 9): every named URL and every API operation, asked by every role and by an
anonymous visitor, must answer what `access_matrix.py` says. See that module for the policy itself."""

from __future__ import annotations

import functools
import io
import logging
from dataclasses import dataclass, field
from datetime import date, timedelta

import pytest
from django.apps import apps as django_apps
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from leniency.accounts.models import Organisation, Role, User
from leniency.testing.personas import PASSWORD, World

from . import access_matrix as matrix
from .access_matrix import FORBIDDEN, LOGIN, NOT_FOUND, OK


@dataclass
class MatrixWorld:
    """The personas' world plus one real object of every kind a URL takes, and one user per role."""

    world: World
    users: dict[str, object] = field(default_factory=dict)  # role value (or "anonymous") -> user
    objects: dict[str, object] = field(default_factory=dict)


def _user(username, role, org, **extra):
    return User.objects.create_user(
        username,
        password=PASSWORD,
        role=role,
        organisation=org,
        display_name=extra.pop("display_name", username),
        **extra,
    )


def build_matrix_world(world: World, tmp_path) -> MatrixWorld:
    from leniency.cases import services as case_services
    from leniency.cases import victims as case_victims
    from leniency.cases.attachments import do_attach_document
    from leniency.cases.stages import Procedure, Stage
    from leniency.counsel.defaults import install_defaults
    from leniency.counsel.models import Claim, CounselAssignment, FeeSchedule, QualityWarning, RotaMember
    from leniency.counsel.registry import do_register_lawyer
    from leniency.counsel.rota import (
        do_create_rota_period,
        do_create_station,
        do_publish_rota,
        do_request_counsel,
        do_request_rota_correction,
    )
    from leniency.counsel.services import do_assign_counsel
    from leniency.oversight import committee as oversight
    from leniency.oversight.models import Decision, Petition, PublicReport
    from leniency.oversight.reports import do_submit_report
    from leniency.plea.agreements import do_generate_agreement
    from leniency.plea.checklist import CHECKLIST
    from leniency.plea.models import Withdrawal
    from leniency.plea.notices import do_record_notice
    from leniency.plea.signing import (
        do_attest_as_lawyer,
        do_record_defendant_signature,
        do_sign_as_prosecutor,
    )
    from leniency.plea.tests.helpers import png_bytes
    from leniency.plea.voluntariness import do_record_review
    from leniency.portal.models import TransparencyReport, TypicalCase
    from leniency.recommendations import services as recs
    from leniency.recordings.media import wav_bytes
    from leniency.recordings.services import do_add_recording

    now = timezone.now()
    today = timezone.localdate()
    east = world.region
    province = east.parent.parent
    org = Organisation.objects.create
    mw = MatrixWorld(world)
    o = mw.objects

    # People the personas lack: a committee member, a retained defence lawyer of the client.
    install_defaults(django_apps)
    centre, officer = world.centre, world.aid_officer
    committee = org(name="测试省监督评议委员会", kind=Organisation.Kind.REVIEW_COMMITTEE, region=province)
    member = _user("cora", Role.COMMITTEE_MEMBER, committee)
    member2 = _user("carl", Role.COMMITTEE_MEMBER, committee)
    defence = _user("dana", Role.DEFENCE_LAWYER, world.lawyer.organisation)
    rota_lawyer = _user("duty1", Role.DUTY_LAWYER, world.lawyer.organisation)
    do_assign_counsel(
        world.defendant, lawyer=defence, kind=CounselAssignment.Kind.RETAINED, acting_user=world.prosecutor
    )
    mw.users = {
        Role.PROSECUTOR: world.prosecutor,
        Role.SUPERVISING_PROSECUTOR: world.supervisor,
        Role.CASE_MANAGER: world.case_manager,
        Role.JUDGE: world.judge,
        Role.COURT_CLERK: world.clerk,
        Role.DUTY_LAWYER: world.lawyer,
        Role.DEFENCE_LAWYER: defence,
        Role.LEGAL_AID_OFFICER: officer,
        Role.COMMITTEE_MEMBER: member,
        Role.AUDITOR: world.auditor,
        Role.ADMINISTRATOR: world.admin,
        "anonymous": AnonymousUser(),
    }
    o.update(
        case=world.case,
        defendant=world.defendant,
        co_defendant=world.co_defendant,
        prosecutor=world.prosecutor,
        judge=world.judge,
        rota_lawyer=rota_lawyer,
    )

    # Counsel: the registry (bob is on it already), a rota at the procuratorate (duty1) and one at the court (bob),
    # a request for the co-defendant (allocated to duty1, so bob never sees it), bob's assignment (the world's
    # request) with a claim and a warning.
    for n, lawyer in enumerate([defence, rota_lawyer, world.unassigned_lawyer], start=1):
        do_register_lawyer(
            lawyer,
            licence_no=f"1110120{n:02d}10000{n:03d}",
            region=east,
            criminal_practice_since=date(2012, 3, 1),
            duty_accredited=True,
            accredited_on=date(2020, 1, 1),
            acting_user=officer,
            expert=(n == 3),
        )
    station = world.station
    court_station = do_create_station(host=world.court, centre=centre, acting_user=officer)
    period = do_create_rota_period(
        station,
        starts_on=today - timedelta(days=1),
        ends_on=today + timedelta(days=90),
        lawyers=[rota_lawyer],
        acting_user=officer,
    )
    do_publish_rota(period, acting_user=officer, as_of=now - timedelta(hours=1))
    court_period = do_create_rota_period(
        court_station,
        starts_on=today - timedelta(days=1),
        ends_on=today + timedelta(days=90),
        lawyers=[world.lawyer],
        acting_user=officer,
    )
    do_publish_rota(court_period, acting_user=officer, as_of=now - timedelta(hours=1))
    bob_member = RotaMember.objects.get(period=court_period, lawyer=world.lawyer)
    o["rota_period"] = court_period
    o["rota_member"] = bob_member
    o["rota_correction"] = do_request_rota_correction(bob_member, reason="本月出差", acting_user=world.lawyer)
    o["counsel_request"] = do_request_counsel(
        world.co_defendant, source="procuratorate", acting_user=world.prosecutor
    )
    assignment = CounselAssignment.objects.get(
        defendant=world.defendant, lawyer=world.lawyer, ended_at__isnull=True
    )
    o["assignment"] = assignment
    o["lawyer_profile"] = world.lawyer.lawyer_profile
    o["claim"] = Claim.objects.create(
        assignment=assignment,
        lawyer=world.lawyer,
        schedule=FeeSchedule.objects.first(),
        hours=1,
        multiplier=1,
        amount=300,
        submitted_at=now,
    )
    o["warning"] = QualityWarning.objects.create(
        lawyer=world.lawyer,
        kind="no_opinion",
        detected_at=now,
        window_from=today,
        window_to=today,
        evidence={"n": 5, "hits": 4, "rate": 0.8, "threshold": 0.6},
    )

    # Recommendations: a final round (drafted, approved, agreed by the lawyer, finalised).
    rec = recs.do_create_draft(world.defendant, acting_user=world.prosecutor)
    rec = recs.do_submit(rec, acting_user=world.prosecutor)
    recs.do_review(rec, acting_user=world.supervisor, decision="approve", comments="同意")
    rec.refresh_from_db()
    o["opinion"] = recs.do_give_opinion(rec, acting_user=world.lawyer, position="agree")
    o["recommendation"] = recs.do_finalise(rec, acting_user=world.prosecutor)

    # Plea: notice, signed agreement, then trial (first instance) with a voluntariness review and a withdrawal.
    o["notice"] = do_record_notice(
        world.defendant,
        acting_user=world.prosecutor,
        authority="procuratorate",
        notified_by_name="艾检察官",
        notified_at=now - timedelta(hours=2),
        acknowledged=True,
    )
    agreement = do_generate_agreement(
        world.defendant, acting_user=world.prosecutor, procedure=Procedure.EXPEDITED
    )
    signing = do_add_recording(
        world.defendant,
        acting_user=world.prosecutor,
        fileobj=io.BytesIO(wav_bytes()),
        original_name="signing.wav",
        session="signing",
        recorded_on=today,
        agreement=agreement,
    )
    segment = {"recording": signing, "start_s": 0, "end_s": 60}
    o["signature"] = do_record_defendant_signature(
        agreement, acting_user=world.prosecutor, capture="drawn", content=png_bytes(), **segment
    )
    do_attest_as_lawyer(
        agreement, acting_user=world.lawyer, present=True, advised=True, voluntary=True, **segment
    )
    do_sign_as_prosecutor(agreement, acting_user=world.prosecutor, **segment)
    o["agreement"] = agreement
    o["recording"] = do_add_recording(
        world.defendant,
        acting_user=world.prosecutor,
        fileobj=io.BytesIO(wav_bytes()),
        original_name="notice.wav",
        session="notice",
        recorded_on=today,
    )
    o["case_attachment"] = do_attach_document(
        world.case,
        acting_user=world.case_manager,
        fileobj=io.BytesIO(b"%PDF-1.4\n%%EOF\n"),
        original_name="起诉意见书.pdf",
    )
    world.to_trial()  # 提起公诉, then the court's filing for its judge
    answers = {item.key: ("yes", "已核对卷宗材料") for item in CHECKLIST}
    first = CHECKLIST[0].key
    answers[first] = ("no", "律师未在场")
    review = do_record_review(world.defendant, acting_user=world.judge, answers=answers)
    o["review"] = review
    o["review_item"] = review.items.get(key=first)
    o["withdrawal"] = Withdrawal.objects.create(
        defendant=world.defendant,
        stage="before_prosecution",
        defendant_stage=Stage.PROSECUTION_REVIEW,
        initiated_by="defendant",
        reasons=["def_lighter_sentence"],
        occurred_at=now,
        recorded_at=now,
    )

    # Oversight: a report on the case (routed to its procuratorate) with an attachment; an open petition with
    # cora assigned; a decided petition with a correction for the procuratorate.
    pdf = SimpleUploadedFile("材料.pdf", b"%PDF-1.4\n%test\n", content_type="application/pdf")
    report, code = do_submit_report(
        kind=PublicReport.Kind.COERCION,
        description="检察官威胁不认罪就羁押到底。",
        case_number=world.case.number,
        files=[pdf],
    )
    o["public_report"] = report
    o["tracking_code"] = code
    o["attachment"] = report.attachments.get()
    petition = oversight.do_file_petition(
        source=Petition.Source.LAWYER,
        defendant=world.defendant,
        subject="值班律师未在场即签署具结书",
        grounds="签署具结书时律师不在场。",
        acting_user=world.lawyer,
    )
    oversight.do_assign_member(petition, member, acting_user=member, lead=True)
    o["petition"] = petition
    decided = oversight.do_file_petition(
        source=Petition.Source.LAWYER,
        defendant=world.defendant,
        subject="量刑建议说明不足",
        grounds="未向被告人解释量刑建议。",
        acting_user=world.lawyer,
    )
    oversight.do_assign_member(decided, member2, acting_user=member, lead=True)
    decision = oversight.do_decide(
        decided,
        kind=Decision.Kind.REINVESTIGATION,
        reasons="应当释法说理。",
        acting_user=member2,
        corrections=[
            {
                "description": "向被告人解释量刑建议",
                "responsible": world.procuratorate,
                "due_on": today + timedelta(days=30),
            }
        ],
    )
    o["correction"] = decision.corrections.get()

    # Portal: a published typical case, a proposed one, a published report with its HTML file.
    o["typical_case"] = TypicalCase.objects.create(
        case=world.case,
        status=TypicalCase.Status.PUBLISHED,
        title="盗窃案",
        source_text="原文",
        number="TC2026001",
        public_title="某盗窃案",
        public_text="被告人甲盗窃手机两部。",
        proposed_by=world.prosecutor,
        proposed_at=now,
        published_at=now,
    )
    o["proposed_case"] = TypicalCase.objects.create(
        case=world.case, title="待审盗窃案", source_text="原文", proposed_by=world.prosecutor, proposed_at=now
    )
    from leniency.portal.reports import reports_dir

    reports_dir().mkdir(parents=True, exist_ok=True)
    (reports_dir() / "r-2026-Q3.html").write_text("<p>report</p>", encoding="utf-8")
    o["transparency_report"] = TransparencyReport.objects.create(
        period="2026-Q3",
        generated_at=now,
        html_file="r-2026-Q3.html",
        pdf_file="r-2026-Q3.pdf",
        pdf_sha256="0" * 64,
        pdf_size=1,
    )

    # Victims: one of the client's, with the scan of their 谅解书.
    victim = case_victims.do_add_victim(
        world.case,
        name="王某",
        defendants=[world.defendant],
        phone="13800138000",
        acting_user=world.prosecutor,
    )
    o["victim"] = victim
    # A retrial row on the case (its pages' access only: the workflow reaches it from a final judgment, which
    # leniency/cases/tests/test_judgments.py walks), heard by the case's judge.
    from leniency.cases.models import Retrial

    # A second suspect of the case still under review, not prosecuted (不起诉), through the services.
    from leniency.cases.nonprosecution import do_decide_non_prosecution

    spared = case_services.do_add_defendant(
        world.case,
        name="赵某",
        gender="M",
        charges=[world.theft],
        stage=Stage.PROSECUTION_REVIEW,
        stage_since=today,
        acting_user=world.prosecutor,
    )
    o["non_prosecution"] = do_decide_non_prosecution(
        spared, kind="discretionary", reasons="情节轻微", decided_on=today, acting_user=world.prosecutor
    )
    o["retrial"] = Retrial.objects.create(
        case=world.case,
        initiator="petition",
        court=world.court,
        started_by=world.clerk,
        started_on=today,
        reasons="申诉",
        judge=world.judge,
    )
    o["settlement"] = case_victims.do_record_settlement(
        victim,
        defendant=world.defendant,
        kind="forgiveness",
        signed_on=today,
        fileobj=io.BytesIO(b"%PDF-1.4\n%%EOF\n"),
        original_name="谅解书.pdf",
        acting_user=world.prosecutor,
    )
    from leniency.jobs.models import Job

    o["job"] = Job.objects.create(kind=Job.Kind.CORPUS_INDEX)
    from django.core.files.base import ContentFile

    from leniency.jobs.runners import output_storage

    output_storage(o["job"]).save("report.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"))  # a job's output file
    return mw


# --- enumeration -----------------------------------------------------------------------------------------------


def _walk(resolver, namespace=None):
    from django.urls import URLResolver

    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            ns = namespace
            if pattern.namespace:
                ns = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from _walk(pattern, ns)
        elif pattern.name:
            yield f"{namespace}:{pattern.name}" if namespace else pattern.name


def url_names() -> set[str]:
    from django.urls import get_resolver

    return set(_walk(get_resolver()))


def openapi() -> dict:
    from leniency.api import api

    return api.get_openapi_schema(path_prefix="/api/")


def api_operations() -> set[str]:
    return {f"{method.upper()} {path}" for path, item in openapi()["paths"].items() for method in item}


def operation_url_names() -> dict[str, str]:
    """The API namespace's URL names that serve operations -> their operation ("GET /api/me"). django-ninja names
    each route after its view function, which the operationId ends with."""
    by_function = {}
    for path, item in openapi()["paths"].items():
        for method, op in item.items():
            by_function.setdefault(op["operationId"].split("_api_", 1)[1], f"{method.upper()} {path}")
    return {
        name: by_function[name.split(":", 1)[1]]
        for name in url_names()
        if name.startswith("api:") and name.split(":", 1)[1] in by_function
    }


def test_every_url_name_and_api_operation_has_an_entry():
    """A new view or operation without an entry fails here, naming it; so does an entry for one that is gone."""
    names = {n for n in url_names() if not n.startswith("admin:")} - set(operation_url_names())
    missing = sorted(names - set(matrix.PAGES))
    stale = sorted(set(matrix.PAGES) - names)
    assert not missing, f"URL names without an entry in leniency/tests/access_matrix.py PAGES: {missing}"
    assert not stale, f"PAGES entries for URL names that no longer exist: {stale}"
    operations = api_operations()
    missing = sorted(operations - set(matrix.API))
    stale = sorted(set(matrix.API) - operations)
    assert not missing, f"API operations without an entry in leniency/tests/access_matrix.py API: {missing}"
    assert not stale, f"API entries for operations that no longer exist: {stale}"
    admin = {n for n in url_names() if n.startswith("admin:")}
    assert admin and set(matrix.ADMIN_SAMPLE) <= admin, sorted(set(matrix.ADMIN_SAMPLE) - admin)
    for key, entry in {**matrix.PAGES, **matrix.API}.items():
        assert set(entry.expect) == set(matrix.EVERY_ROLE_AND_ANONYMOUS), key


# --- asking ------------------------------------------------------------------------------------------------------


def _resolve(mw: MatrixWorld, spec):
    if not isinstance(spec, str):
        return spec
    if spec.startswith("="):
        return spec[1:]
    name, _, attr = spec.partition(".")
    obj = mw.objects[name]
    return getattr(obj, attr) if attr else obj.pk


def _body(mw: MatrixWorld, data: dict | None) -> dict:
    pks = {name: getattr(obj, "pk", None) for name, obj in mw.objects.items()}
    out = {}
    for key, value in (data or {}).items():
        if isinstance(value, str) and value.startswith("@"):
            value = mw.objects[value[1:]]
            value = getattr(value, "pk", value)
        out[key.format(**pks)] = value
    return out


def page_url(mw: MatrixWorld, name: str, args: dict) -> str:
    from django.urls import reverse

    return reverse(name, kwargs={k: _resolve(mw, v) for k, v in args.items()})


def api_url(mw: MatrixWorld, key: str, args: dict) -> tuple[str, str]:
    method, path = key.split(" ", 1)
    for param, spec in args.items():
        path = path.replace("{" + param + "}", str(_resolve(mw, spec)))
    assert "{" not in path, f"{key}: a path parameter has no object in the entry's args"
    return method, path


def outcome(response, *, api: bool, method: str, login_redirect_is_outcome=False) -> str:
    status = response.status_code
    if status in (301, 302, 303, 307, 308):
        if "login/" in response["Location"] and not login_redirect_is_outcome:
            return LOGIN
        return OK
    if status == 401 and api:
        return LOGIN
    if status == 403:
        return FORBIDDEN
    if status == 404:
        return NOT_FOUND
    if status < 300:
        return OK
    if method != "GET" and status in (400, 409, 422):
        return OK  # passed the access check; only the (minimal) body was refused
    return f"HTTP {status}"


class _Rollback(Exception):
    pass


def _fingerprint() -> tuple:
    """Row counts of every table of the project's apps (the audit trail included), in one query."""
    from django.db import connection

    tables = sorted(
        {
            m._meta.db_table
            for m in django_apps.get_models()
            if m.__module__.startswith("leniency.") and m._meta.managed and not m._meta.proxy
        }
    )
    quote = connection.ops.quote_name
    sql = "SELECT " + ", ".join(f"(SELECT COUNT(*) FROM {quote(t)})" for t in tables)
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return tuple(cursor.fetchone())


class Asker:
    """One client per user, signed in once (a session for pages, a bearer token for the API). Every request runs
    in a savepoint that is rolled back, so an allowed unsafe request changes nothing for the next one."""

    def __init__(self, mw: MatrixWorld):
        from django.test import Client

        self.mw = mw
        self.clients, self.tokens = {}, {}
        self.api_client = Client()

    def _client(self, who):
        from django.test import Client

        from leniency.accounts.models import ApiToken

        if who not in self.clients:
            user = self.mw.users[who] if who in self.mw.users else who
            client = Client()
            if user.is_authenticated:
                client.force_login(user)
                self.tokens[who] = ApiToken.issue(user, "access matrix")[1]
            self.clients[who] = client
        return self.clients[who]

    def ask(self, who, method, url, *, api=False, data=None, files=(), login_redirect_is_outcome=False):
        """`who` is a role (the matrix's user of that role), "anonymous" or a User. Returns (outcome, status,
        whether the database changed)."""
        import json

        from django.db import transaction
        from django.test import Client

        from leniency.recordings.media import wav_bytes

        client = self._client(who)
        headers = {}
        if api:
            client = self.api_client
            headers = {"HTTP_AUTHORIZATION": f"Bearer {self.tokens[who]}"} if who in self.tokens else {}
        if method != "GET":
            cache.clear()  # rate limits of the public channels
        before = _fingerprint() if method != "GET" else None
        changed = False
        try:
            with transaction.atomic():
                if method == "GET":
                    response = client.get(url, **headers)
                elif api and files:
                    body = dict(data or {})
                    for name in files:
                        body[name] = SimpleUploadedFile("m.wav", wav_bytes(0.05), content_type="audio/wav")
                    response = client.post(url, body, **headers)
                elif api:
                    response = client.generic(
                        method, url, json.dumps(data or {}), content_type="application/json", **headers
                    )
                elif login_redirect_is_outcome:  # logout: a client of its own, so the others stay signed in
                    own = Client()
                    user = self.mw.users.get(who, who)
                    if user.is_authenticated:
                        own.force_login(user)
                    response = own.post(url, data or {})
                else:
                    response = client.post(url, data or {})
                if before is not None:
                    changed = _fingerprint() != before
                raise _Rollback
        except _Rollback:
            pass
        got = outcome(response, api=api, method=method, login_redirect_is_outcome=login_redirect_is_outcome)
        return got, response.status_code, changed


@pytest.fixture
def isolated(settings, tmp_path, monkeypatch):
    from leniency.study.analysis import run_study

    """Files under a temporary folder; PDFs not laid out (access is decided before rendering, and WeasyPrint
    would take most of the run); Chinese active."""
    from django.utils import translation

    class _NoLayout:
        def __init__(self, string="", **kwargs):
            self.string = string

        def write_pdf(self, *args, **kwargs):
            return b"%PDF-1.4\n% access matrix: layout skipped\n%%EOF\n"

    # Both ways into WeasyPrint (documents/pdf.py, documents/render.py) import its HTML when they print
    monkeypatch.setattr("weasyprint.HTML", _NoLayout)
    # The OpenAPI document and the withdrawal study are the same for everyone allowed: compute each once.
    from leniency.api import api

    documents, build = {}, api.get_openapi_schema

    def schema_once(**kwargs):
        key = repr(sorted(kwargs.items()))
        if key not in documents:
            documents[key] = build(**kwargs)
        return documents[key]

    monkeypatch.setattr(api, "get_openapi_schema", schema_once)
    monkeypatch.setattr("leniency.study.views.run_study", functools.lru_cache(run_study))
    # Hundreds of refusals: Django would log (and format a traceback for) each one.
    monkeypatch.setattr(logging.getLogger("django.request"), "level", logging.ERROR)
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.VAR_DIR = tmp_path
    cache.clear()
    with translation.override("zh-hans"):
        yield
    cache.clear()


def _who(role) -> str:
    return str(role.value if hasattr(role, "value") else role)


@pytest.fixture
def mw(world, isolated, tmp_path) -> MatrixWorld:
    return build_matrix_world(world, tmp_path)


def test_matrix(mw):
    """Every URL and API operation x every role and anonymous answers as the matrix says; a refused unsafe request
    changes nothing."""
    asker = Asker(mw)
    wrong, changed = [], []

    def check(key, entry, method, url, *, api):
        for who in matrix.EVERY_ROLE_AND_ANONYMOUS:
            got, status, did_change = asker.ask(
                who,
                method,
                url,
                api=api,
                data=_body(mw, entry.data),
                files=entry.files,
                login_redirect_is_outcome=entry.login_redirect_is_outcome,
            )
            expected = entry.expect[who]
            if got != expected:
                wrong.append(
                    f"{key} as {_who(who)}: expected {expected}, got {got} ({method} {url} -> {status})"
                )
            if got != OK and did_change:
                changed.append(f"{key} as {_who(who)}: refused ({status}) but the database changed")

    for name, entry in matrix.PAGES.items():
        check(name, entry, entry.method, page_url(mw, name, entry.args), api=False)
    for name, args in matrix.ADMIN_SAMPLE.items():
        check(name, matrix.Entry(matrix.ADMIN_RULE), "GET", page_url(mw, name, args), api=False)
    for key, entry in matrix.API.items():
        method, url = api_url(mw, key, entry.args)
        check(key, entry, method, url, api=True)
    assert not wrong, "answers that differ from leniency/tests/access_matrix.py:\n" + "\n".join(wrong)
    assert not changed, "\n".join(changed)


# --- object level: guessing ids ------------------------------------------------------------------------------

# Objects that belong to the case (or to one of its defendants): a route taking one is case-scoped.
CASE_OBJECTS = {
    "case",
    "defendant",
    "co_defendant",
    "counsel_request",
    "assignment",
    "claim",
    "recommendation",
    "notice",
    "agreement",
    "review",
    "review_item",
    "withdrawal",
    "recording",
    "case_attachment",
}


def _scoped(entries: dict, mw: MatrixWorld):
    for key, entry in entries.items():
        specs = [v for v in entry.args.values() if isinstance(v, str)]
        specs += [v[1:] for v in (entry.data or {}).values() if isinstance(v, str) and v.startswith("@")]
        if any(spec.split(".")[0] in CASE_OBJECTS for spec in specs):
            yield key, entry


def _swap(args: dict, old: str, new: str) -> dict:
    return {k: (new if v == old else v) for k, v in args.items()}


def test_outsiders_reach_nothing_of_the_case_by_guessing_ids(mw):
    """Every case- or defendant-scoped page and operation, asked by someone outside the case with the real ids:
    a lawyer not assigned to the defendant (and the assigned lawyer about the co-defendant), a prosecutor of
    another district, a judge of another court. Each is refused (404, or 403 where the route refuses the role
    outright), changes nothing, and gets 404 wherever the matrix lets the insider of the same role in, so the
    object's existence does not leak."""
    world = mw.world
    west = world.outsider_prosecutor.organisation.region
    assert west != world.case.region and not world.case.region.contains(west)
    asker = Asker(mw)
    outsiders = [
        (world.unassigned_lawyer, Role.DEFENCE_LAWYER),
        (world.outsider_prosecutor, Role.PROSECUTOR),
        (world.outsider_judge, Role.JUDGE),
    ]
    problems, asked = [], 0

    def check(user, insider_role, key, entry, *, api, swap=None):
        nonlocal asked
        args = _swap(entry.args, *swap) if swap else entry.args
        data = {
            k: ("@" + swap[1] if swap and v == "@" + swap[0] else v) for k, v in (entry.data or {}).items()
        }
        if api:
            method, url = api_url(mw, key, args)
        else:
            method, url = entry.method, page_url(mw, key, args)
        got, status, changed = asker.ask(user, method, url, api=api, data=_body(mw, data), files=entry.files)
        asked += 1
        who = f"{user.username} ({insider_role.value})"
        if got not in (NOT_FOUND, FORBIDDEN):
            problems.append(f"{key} as {who}: {got} ({method} {url} -> {status})")
        elif entry.expect[insider_role] == OK and got != NOT_FOUND:
            problems.append(
                f"{key} as {who}: {got}, but the case's {insider_role.value} is let in, so this must "
                f"be 404 ({method} {url})"
            )
        if changed:
            problems.append(f"{key} as {who}: refused ({status}) but the database changed")

    for user, role in outsiders:
        for key, entry in _scoped(matrix.PAGES, mw):
            check(user, role, key, entry, api=False)
        for key, entry in _scoped(matrix.API, mw):
            check(user, role, key, entry, api=True)
    # The duty lawyer sees the case (for his client) but never the co-defendant.
    for entries, api in ((matrix.PAGES, False), (matrix.API, True)):
        for key, entry in entries.items():
            if "defendant" in entry.args.values():
                check(world.lawyer, Role.DUTY_LAWYER, key, entry, api=api, swap=("defendant", "co_defendant"))
    assert asked > 150, asked
    assert not problems, "outsiders reaching the case:\n" + "\n".join(problems)
