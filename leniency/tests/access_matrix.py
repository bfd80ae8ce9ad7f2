"""The access-control matrix (issue 9): who gets what from every named URL and every API operation.

One entry per URL name (`PAGES`, keyed by the name `reverse()` takes, namespaces included) and one per API
operation (`API`, keyed by "METHOD /api/path" as the OpenAPI document spells it). Each entry gives, for every
`leniency.accounts.models.Role` and for an anonymous visitor, one of four answers:

    OK         allowed: 2xx, or a redirect that is the view's normal outcome (not to the log-in page); for an
               unsafe method also a 400/409/422, i.e. the request passed the access check and only its (empty or
               minimal) body was refused
    LOGIN      log-in required: a redirect to the log-in page (pages), 401 (API)
    FORBIDDEN  403
    NOT_FOUND  404: the object is outside the user's scope (its existence does not leak), or a page that
               answers 404 to everyone it is not meant for

The users are the people *of the case* (see `test_access_matrix.build_matrix_world`): the case's prosecutor and
supervising prosecutor, the judge of its court, the duty lawyer and the retained defence lawyer of the first
defendant (`defendant`), the legal-aid officer of the district, a member of the province's review committee,
an auditor and an administrator. The defendant is at first instance (the court's stage) and has a final
recommendation, a signed plea agreement, a voluntariness review, a withdrawal and a recording. Outsiders
(another district, another court, a lawyer who is not assigned) are checked separately, object by object.

URL arguments name objects of that world: {"pk": "case"} is the case's pk, {"number": "typical_case.number"}
an attribute, {"kind": "=html"} a literal. In a body, "@co_defendant" is that object's pk, and a "{defendant}"
in a field name is replaced by the defendant's pk (form prefixes).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from leniency.accounts.models import Role

OK, LOGIN, FORBIDDEN, NOT_FOUND = "allowed", "login required", "forbidden", "not found"
ANONYMOUS = "anonymous"

# Named groups of roles, so each entry reads as policy.
PROSECUTION = {Role.PROSECUTOR, Role.SUPERVISING_PROSECUTOR}  # the case's procuratorate
SUPERVISOR = {Role.SUPERVISING_PROSECUTOR}
CASE_MANAGEMENT = {Role.CASE_MANAGER}  # the procuratorate's case management (案件管理): intake, assignment
CLERK = {Role.COURT_CLERK}  # the court's case-filing office (立案)
HAND_OFF = CASE_MANAGEMENT | CLERK  # they pass the case on and have no business with its counsel (404)
COURT = {Role.JUDGE}  # the judge the court's filing assigned to the case
STAFF_OF_THE_CASE = PROSECUTION | COURT
DUTY_LAWYER = {Role.DUTY_LAWYER}  # bob: his assignment, rota membership, claim and warning
LAWYERS = {Role.DUTY_LAWYER, Role.DEFENCE_LAWYER}  # both assigned to the defendant (not to the co-defendant)
CENTRE = {Role.LEGAL_AID_OFFICER}  # the district's legal-aid centre
COMMITTEE = {Role.COMMITTEE_MEMBER}  # the province's review committee
READ_ALL = {Role.AUDITOR, Role.ADMINISTRATOR}
# The 起诉意见书's scan carries everyone's particulars: those who see the case and its people unmasked.
SCAN_READERS = PROSECUTION | CASE_MANAGEMENT | COURT | LAWYERS
ADMIN = {Role.ADMINISTRATOR}
ROLES = [*Role]
EVERYONE_SIGNED_IN = set(ROLES)
EVERY_ROLE_AND_ANONYMOUS = [*ROLES, ANONYMOUS]


def rule(*, ok=(), forbidden=(), not_found=(), others=FORBIDDEN, anonymous=LOGIN) -> dict[str, str]:
    """Expected answers for every role: those in `ok`, `forbidden`, `not_found`, the rest `others`."""
    groups = [set(ok), set(forbidden), set(not_found)]
    for i, a in enumerate(groups):
        for b in groups[i + 1 :]:
            assert not a & b, f"a role in two groups: {a & b}"
    answer = {role: others for role in ROLES}
    answer.update({role: OK for role in groups[0]})
    answer.update({role: FORBIDDEN for role in groups[1]})
    answer.update({role: NOT_FOUND for role in groups[2]})
    answer[ANONYMOUS] = anonymous
    return answer


SIGNED_IN = rule(ok=EVERYONE_SIGNED_IN)  # any account, no object scope beyond what the page lists
PUBLIC = rule(ok=EVERYONE_SIGNED_IN, anonymous=OK)  # the portal, the reporting channel
CASE_FILE = rule(ok=EVERYONE_SIGNED_IN)  # a page about the defendant: everyone of the case sees it


@dataclass(frozen=True)
class Entry:
    expect: dict[str, str]
    args: dict[str, str] = field(default_factory=dict)
    method: str = "GET"
    data: dict | None = None  # the (minimal) body of an unsafe request
    files: tuple[str, ...] = ()  # API multipart: field names that get a small WAV file
    note: str = ""
    login_redirect_is_outcome: bool = False  # logout: going back to the log-in page is what it does


def post(expect, data=None, **kw) -> Entry:
    return Entry(expect, method="POST", data=data or {}, **kw)


D = {"defendant_id": "defendant"}


def _pk(name):
    return {"pk": name}


PAGES: dict[str, Entry] = {
    # --- accounts, i18n ------------------------------------------------------------------------------------
    "login": Entry(PUBLIC),
    "favicon": Entry(PUBLIC),
    "logout": post(rule(ok=EVERYONE_SIGNED_IN, anonymous=OK), login_redirect_is_outcome=True),
    "set_language": post(PUBLIC, {"language": "zh-hans"}),
    "home": Entry(SIGNED_IN),
    # --- cases ---------------------------------------------------------------------------------------------
    "case_list": Entry(SIGNED_IN),
    "case_detail": Entry(CASE_FILE, _pk("case")),
    "change_stage": post(
        rule(ok=COURT),
        {"d{defendant}-to": "judgment"},
        args={"pk": "case", "defendant_id": "defendant"},
        note="at first instance only the court moves the defendant",
    ),
    "case_intake": Entry(rule(ok=CASE_MANAGEMENT)),
    "case_assignments": Entry(rule(ok=CASE_MANAGEMENT)),
    "case_assign": post(rule(ok=CASE_MANAGEMENT | ADMIN), args=_pk("case"), note="an empty form: 400"),
    "case_prosecute": Entry(rule(ok=PROSECUTION | ADMIN), _pk("case")),
    "case_appeal": Entry(
        rule(ok=PROSECUTION | CLERK | ADMIN), _pk("case"), note="抗诉 and 上诉 respectively"
    ),
    "court_incoming": Entry(rule(ok=CLERK)),
    # judgment, second instance, retrial (cases/judgments.py): the judges the filing assigned
    "defendant_deadline": Entry(
        CASE_FILE, {"pk": "case", "defendant_id": "defendant"}, note="the form: the clerk"
    ),
    "non_prosecution": Entry(
        rule(ok=PROSECUTION | ADMIN),
        {"pk": "case", "defendant_id": "defendant"},
        note="no decision yet: the form, the case's procuratorate (CPL art. 177)",
    ),
    "non_prosecution_document": Entry(
        rule(ok=EVERYONE_SIGNED_IN - LAWYERS, not_found=LAWYERS),
        {"pk": "case", "decision_id": "non_prosecution", "fmt": "=pdf"},
        note="the 不起诉决定书 of a co-suspect: not the lawyers' client",
    ),
    "case_judgment": Entry(rule(ok=COURT), _pk("case"), note="the assigned judge, at first instance"),
    "case_second_instance": Entry(
        rule(), _pk("case"), note="the case is at first instance: no one decides an appeal (CPL art. 236)"
    ),
    "case_retrial": Entry(
        rule(ok=CLERK | ADMIN),
        _pk("case"),
        note="the court that judged (CPL art. 254 ¶1); start refused: not final",
    ),
    "retrial_assign": Entry(rule(ok=CLERK | ADMIN), {"retrial_id": "retrial"}),
    "retrial_decide": Entry(rule(ok=COURT), {"retrial_id": "retrial"}, note="the retrial's judge"),
    # bulk import (case management) and the documents transferred with the case (those who see its people)
    "case_import": Entry(rule(ok=CASE_MANAGEMENT)),
    "case_import_template": Entry(SIGNED_IN, note="the columns explained"),
    "case_import_sample": Entry(SIGNED_IN, {"fmt": "=xlsx"}),
    "case_attachments": Entry(rule(ok=SCAN_READERS), _pk("case"), note="others of the case: 403"),
    "case_attachment_file": Entry(rule(ok=SCAN_READERS), _pk("case_attachment")),
    "court_file": Entry(rule(ok=CLERK | ADMIN), _pk("case"), note="the form; filing again is refused"),
    "court_panel": Entry(
        rule(ok=CLERK | ADMIN),
        _pk("case"),
        note="变更合议庭: the filing office of the court holding the case",
    ),
    "defendant_identity": Entry(
        rule(ok=STAFF_OF_THE_CASE | LAWYERS), {"pk": "case", "defendant_id": "defendant"}
    ),
    "case_victims": Entry(CASE_FILE, _pk("case"), note="a lawyer sees only their client's victims, masked"),
    "victim_add": Entry(rule(ok=PROSECUTION | CASE_MANAGEMENT | ADMIN), _pk("case")),
    "victim_opinion": Entry(
        rule(ok=PROSECUTION | ADMIN),
        {"pk": "case", "victim_id": "victim"},
        note="CPL art. 173: the procuratorate",
    ),
    "victim_settlement": Entry(
        rule(ok=PROSECUTION | COURT | ADMIN),
        {"pk": "case", "victim_id": "victim"},
        note="the procuratorate, or the trial judge during trial",
    ),
    "victim_contact": Entry(
        rule(ok=STAFF_OF_THE_CASE),
        {"pk": "case", "victim_id": "victim"},
        note="a victim's full contact: the case's prosecutors and judge; never the defence (CPL art. 43)",
    ),
    "settlement_document": Entry(
        rule(ok=STAFF_OF_THE_CASE | LAWYERS | ADMIN),
        {"pk": "case", "settlement_id": "settlement"},
        note="the scanned 谅解书: the case's staff and the client's lawyers",
    ),
    "personal_data_reads": Entry(rule(ok=READ_ALL)),
    "api_tokens": Entry(SIGNED_IN),  # each user's own tokens
    # --- counsel: lawyers' side ----------------------------------------------------------------------------
    "counsel:home": Entry(SIGNED_IN, note="others are redirected to their own counsel page"),
    "counsel:availability": post(rule(ok=LAWYERS)),
    "counsel:requests": Entry(SIGNED_IN),
    "counsel:request_new": Entry(
        rule(ok=STAFF_OF_THE_CASE | CENTRE | ADMIN, not_found=LAWYERS), {"defendant_id": "co_defendant"}
    ),
    "counsel:request_detail": Entry(
        rule(ok=EVERYONE_SIGNED_IN - LAWYERS - HAND_OFF, not_found=LAWYERS | HAND_OFF),
        _pk("counsel_request"),
        note="allocated to another rota lawyer",
    ),
    "counsel:request_letter": Entry(
        rule(ok=EVERYONE_SIGNED_IN - LAWYERS - HAND_OFF, not_found=LAWYERS | HAND_OFF),
        {"pk": "counsel_request", "fmt": "=pdf"},
        note="the 通知函 of the request: whoever sees the request",
    ),
    "counsel:request_override": post(
        rule(ok=CENTRE | ADMIN, not_found=LAWYERS | HAND_OFF),
        {"lawyer": "", "reason": "x"},
        args=_pk("counsel_request"),
    ),
    "counsel:assignment_detail": Entry(
        rule(
            ok=EVERYONE_SIGNED_IN - {Role.DEFENCE_LAWYER} - HAND_OFF,
            not_found={Role.DEFENCE_LAWYER} | HAND_OFF,
        ),
        _pk("assignment"),
    ),
    "counsel:assignment_notice": Entry(
        rule(
            ok=EVERYONE_SIGNED_IN - {Role.DEFENCE_LAWYER} - HAND_OFF,
            not_found={Role.DEFENCE_LAWYER} | HAND_OFF,
        ),
        {"pk": "assignment", "fmt": "=docx"},
        note="the 指派通知书: whoever sees the assignment",
    ),
    "counsel:assignment_log": post(
        rule(ok=DUTY_LAWYER, not_found={Role.DEFENCE_LAWYER} | HAND_OFF),
        args=_pk("assignment"),
        note="only the assigned lawyer logs their own work",
    ),
    "counsel:assignment_rate": post(
        rule(ok=STAFF_OF_THE_CASE | CENTRE, not_found={Role.DEFENCE_LAWYER} | HAND_OFF),
        args=_pk("assignment"),
        note="raters: procuratorate, court, centre",
    ),
    "counsel:assignment_claim": post(
        rule(ok=DUTY_LAWYER, not_found={Role.DEFENCE_LAWYER} | HAND_OFF), args=_pk("assignment")
    ),
    "counsel:conflicts": Entry(
        rule(ok=STAFF_OF_THE_CASE | LAWYERS | CENTRE | READ_ALL), _pk("case"), note="a lawyer sees their own"
    ),
    # --- counsel: the legal-aid centre ---------------------------------------------------------------------
    "counsel:dashboard": Entry(rule(ok=CENTRE | COMMITTEE | READ_ALL)),
    "counsel:registry": Entry(rule(ok=CENTRE | READ_ALL)),
    "counsel:experts": Entry(rule(ok=EVERYONE_SIGNED_IN - COMMITTEE - HAND_OFF)),
    "counsel:lawyer_detail": Entry(
        rule(ok=DUTY_LAWYER | CENTRE | READ_ALL, others=NOT_FOUND), _pk("lawyer_profile")
    ),
    "counsel:rota": Entry(rule(ok=LAWYERS | CENTRE | READ_ALL)),
    "counsel:rota_new": Entry(rule(ok=CENTRE | ADMIN)),
    "counsel:rota_detail": Entry(
        rule(ok=DUTY_LAWYER | CENTRE | READ_ALL, others=NOT_FOUND), _pk("rota_period")
    ),
    "counsel:rota_publish": post(
        rule(ok=CENTRE | ADMIN, forbidden=DUTY_LAWYER | {Role.AUDITOR}, others=NOT_FOUND),
        args=_pk("rota_period"),
    ),
    "counsel:rota_correction": post(
        rule(ok=DUTY_LAWYER | CENTRE | ADMIN, forbidden={Role.AUDITOR}, others=NOT_FOUND),
        {"reason": "x"},
        args={"member_id": "rota_member"},
    ),
    "counsel:rota_correction_decide": post(rule(ok=CENTRE | ADMIN), args=_pk("rota_correction")),
    "counsel:warnings": Entry(rule(ok=LAWYERS | CENTRE | READ_ALL)),
    "counsel:warning_detail": Entry(
        rule(ok=DUTY_LAWYER | CENTRE | READ_ALL, others=NOT_FOUND), _pk("warning")
    ),
    "counsel:warning_action": post(
        rule(ok=CENTRE | ADMIN, forbidden=DUTY_LAWYER | {Role.AUDITOR}, others=NOT_FOUND),
        args={"pk": "warning", "action": "=review"},
    ),
    "counsel:claims": Entry(rule(ok=LAWYERS | CENTRE | READ_ALL)),
    "counsel:claim_decide": post(rule(ok=CENTRE | ADMIN), args=_pk("claim")),
    "counsel:claim_export": Entry(rule(ok=CENTRE | READ_ALL), {"fmt": "=csv"}),
    "counsel:rubric": Entry(PUBLIC),
    # --- sentencing tools and recommendations --------------------------------------------------------------
    "corpus_recommend": Entry(rule(ok=STAFF_OF_THE_CASE | LAWYERS)),
    "recommendations:queue": Entry(rule(ok=SUPERVISOR)),
    "recommendations:defendant": Entry(CASE_FILE, D),
    "recommendations:new": Entry(rule(ok=PROSECUTION), D),
    "recommendations:preview": post(rule(ok=PROSECUTION), args=D),
    "recommendations:edit": Entry(rule(ok=PROSECUTION), _pk("recommendation")),
    "recommendations:submit": post(rule(ok=PROSECUTION), args=_pk("recommendation")),
    "recommendations:review": Entry(rule(ok=SUPERVISOR), _pk("recommendation")),
    "recommendations:opinion": Entry(rule(ok=LAWYERS), _pk("recommendation")),
    "recommendations:finalise": Entry(rule(ok=PROSECUTION), _pk("recommendation")),
    "recommendations:court": Entry(rule(ok=COURT), _pk("recommendation")),
    "recommendations:letter": Entry(CASE_FILE, _pk("recommendation")),
    "recommendations:letter_pdf": Entry(CASE_FILE, _pk("recommendation")),
    "recommendations:letter_docx": Entry(CASE_FILE, _pk("recommendation")),
    "recommendations:document_pdf": Entry(CASE_FILE, _pk("recommendation")),
    "recommendations:document_docx": Entry(CASE_FILE, _pk("recommendation")),
    "recommendations:opinion_pdf": Entry(CASE_FILE, _pk("opinion")),
    "recommendations:opinion_docx": Entry(CASE_FILE, _pk("opinion")),
    # --- plea ----------------------------------------------------------------------------------------------
    "plea_dossier": Entry(CASE_FILE, D),
    "plea_notice_new": Entry(rule(ok=STAFF_OF_THE_CASE), D),
    "plea_notice": Entry(CASE_FILE, _pk("notice")),
    "plea_notice_pdf": Entry(CASE_FILE, _pk("notice")),
    "plea_notice_docx": Entry(CASE_FILE, _pk("notice")),
    "plea_agreement_new": Entry(rule(ok=PROSECUTION), D),
    "plea_agreement": Entry(CASE_FILE, _pk("agreement")),
    "plea_agreement_pdf": Entry(CASE_FILE, _pk("agreement")),
    "plea_agreement_docx": Entry(CASE_FILE, _pk("agreement")),
    "plea_agreement_sign": post(
        rule(ok=LAWYERS),
        {"role": "lawyer", "present": "on"},
        args=_pk("agreement"),
        note="the lawyer's attestation: the assigned lawyers only, on their own account (never the prosecutor)",
    ),
    "plea_signature_image": Entry(
        CASE_FILE,
        {"pk": "agreement", "signature_id": "signature"},
        note="the defendant's handwritten signature: whoever sees the agreement (a logged read)",
    ),
    "plea_review_new": Entry(rule(ok=COURT), D),
    "plea_review": Entry(CASE_FILE, _pk("review")),
    "plea_review_resolve": post(rule(ok=COURT), args={"pk": "review", "item_id": "review_item"}),
    "plea_withdrawal_new": Entry(rule(ok=STAFF_OF_THE_CASE), D),
    "plea_withdrawal": Entry(CASE_FILE, _pk("withdrawal")),
    # --- recordings ----------------------------------------------------------------------------------------
    "recordings_list": Entry(CASE_FILE, D),
    "recording_upload": Entry(rule(ok=STAFF_OF_THE_CASE), D),
    "recording_detail": Entry(CASE_FILE, _pk("recording")),
    "recording_file": Entry(CASE_FILE, _pk("recording")),
    # --- public portal -------------------------------------------------------------------------------------
    "portal:index": Entry(PUBLIC),
    "portal:cases": Entry(PUBLIC),
    "portal:case": Entry(PUBLIC, {"number": "typical_case.number"}),
    "portal:reports": Entry(PUBLIC),
    "portal:data": Entry(PUBLIC, {"key": "=all", "fmt": "=xlsx"}),
    "portal:standards": Entry(PUBLIC),
    "portal:calculator": Entry(PUBLIC),
    "portal:standard": Entry(PUBLIC, {"crime": "=theft"}),
    "portal:report_file": Entry(PUBLIC, {"pk": "transparency_report", "kind": "=html"}),
    "portal:manage": Entry(rule(ok=STAFF_OF_THE_CASE | COMMITTEE | ADMIN)),
    "portal:propose": post(rule(ok=STAFF_OF_THE_CASE | COMMITTEE | ADMIN)),
    "portal:review": Entry(
        rule(ok=PROSECUTION | COMMITTEE | ADMIN, others=NOT_FOUND),
        _pk("proposed_case"),
        note="reviewers, and the prosecutor who proposed it",
    ),
    "portal:generate": post(rule(ok=ADMIN), {"period": "2026-Q9"}),
    # --- oversight: public reporting channel ---------------------------------------------------------------
    "oversight_report_new": Entry(PUBLIC),
    "oversight_report_submitted": Entry(PUBLIC, note="without a fresh report it redirects to the form"),
    "oversight_report_status": Entry(PUBLIC),
    # --- oversight: handlers and the committee (404 to everyone else) --------------------------------------
    "oversight_report_inbox": Entry(rule(ok=SUPERVISOR | COMMITTEE | READ_ALL, others=NOT_FOUND)),
    "oversight_report_detail": Entry(
        rule(ok=SUPERVISOR | READ_ALL, others=NOT_FOUND),
        _pk("public_report"),
        note="routed to the case's procuratorate",
    ),
    "oversight_report_reply": post(rule(ok=SUPERVISOR, others=NOT_FOUND), args=_pk("public_report")),
    "oversight_report_escalate": post(rule(ok=SUPERVISOR, others=NOT_FOUND), args=_pk("public_report")),
    "oversight_report_attachment": Entry(
        rule(ok=SUPERVISOR, others=NOT_FOUND),
        {"pk": "public_report", "attachment_id": "attachment"},
        note="the reporter's files: handlers only, not auditors",
    ),
    "oversight_petition_queue": Entry(
        rule(ok=DUTY_LAWYER | COMMITTEE | READ_ALL, others=NOT_FOUND), note="bob filed the petitions"
    ),
    "oversight_petition_new": Entry(rule(ok=LAWYERS | COMMITTEE, others=NOT_FOUND)),
    "oversight_petition_detail": Entry(
        rule(ok=DUTY_LAWYER | COMMITTEE | READ_ALL, others=NOT_FOUND), _pk("petition")
    ),
    "oversight_petition_assign": post(rule(ok=COMMITTEE | ADMIN, others=NOT_FOUND), args=_pk("petition")),
    "oversight_petition_note": post(rule(ok=COMMITTEE, others=NOT_FOUND), args=_pk("petition")),
    "oversight_petition_decide": post(rule(ok=COMMITTEE, others=NOT_FOUND), args=_pk("petition")),
    "oversight_corrections": Entry(rule(ok=SUPERVISOR | COMMITTEE | READ_ALL, others=NOT_FOUND)),
    "oversight_correction_complete": post(rule(ok=SUPERVISOR, others=NOT_FOUND), args=_pk("correction")),
    "oversight_conflicts": Entry(rule(ok=COMMITTEE, others=NOT_FOUND)),
    # --- study ---------------------------------------------------------------------------------------------
    "study_withdrawals": Entry(rule(ok=SUPERVISOR | READ_ALL)),
    "study_withdrawals_pdf": Entry(rule(ok=SUPERVISOR | READ_ALL)),
    "study_risk": Entry(rule(ok=SUPERVISOR | READ_ALL)),
    "study_import": Entry(rule(ok=SUPERVISOR | READ_ALL), note="historical records for the study"),
    "study_import_template": Entry(rule(ok=SUPERVISOR | READ_ALL), note="the columns explained"),
    "study_import_sample": Entry(rule(ok=SUPERVISOR | READ_ALL), {"fmt": "=csv"}),
    "study_record_letter": post(rule(ok=PROSECUTION), {"method": "in_person"}, args=_pk("defendant")),
    # --- background jobs (administrators) and the load balancer's health check -----------------------------
    "healthz": Entry(PUBLIC, note="database, migrations, the worker's heartbeat; no personal data"),
    "jobs:history": Entry(rule(ok=ADMIN)),
    "jobs:import": Entry(rule(ok=ADMIN)),
    "jobs:start": post(rule(ok=ADMIN), args={"kind": "=corpus_index"}),
    "jobs:operations": Entry(rule(ok=ADMIN)),
    "jobs:detail": Entry(rule(ok=ADMIN), _pk("job")),
    "jobs:progress": Entry(rule(ok=ADMIN), _pk("job")),
    "jobs:cancel": post(rule(ok=ADMIN), args=_pk("job")),
    "jobs:output_file": Entry(rule(ok=ADMIN), {"pk": "job", "name": "=report.pdf"}),
    # --- the API's own pages (its operations are in API below) ---------------------------------------------
    "api:openapi-json": Entry(PUBLIC),
    "api:openapi-view": Entry(PUBLIC),
    "api:api-root": Entry(
        rule(others=NOT_FOUND, anonymous=NOT_FOUND), note="django-ninja's root: 404 by design"
    ),
}

# The Django admin: one rule for its whole namespace, checked on a sample of its URLs. Only the administrator
# (is_staff) gets in; every other role, signed in or not, is sent to the admin's log-in page.
ADMIN_RULE = rule(ok=ADMIN, others=LOGIN)
ADMIN_SAMPLE: dict[str, dict[str, str]] = {
    "admin:index": {},
    "admin:accounts_user_changelist": {},
    "admin:accounts_user_change": {"object_id": "prosecutor"},
    "admin:counsel_lawyerprofile_change": {"object_id": "lawyer_profile"},
    "admin:recommendations_sentencingrecommendation_change": {"object_id": "recommendation"},
    "admin:audit_auditevent_changelist": {},
}

# API: the same policy as the pages; 401 for anonymous, 404 outside the user's scope.
NOW = "2026-11-01T10:00:00+08:00"
API: dict[str, Entry] = {
    "GET /api/me": Entry(SIGNED_IN),
    "GET /api/cases": Entry(SIGNED_IN),
    "GET /api/cases/{case_id}": Entry(CASE_FILE, {"case_id": "case"}),
    "POST /api/cases": post(
        rule(ok=CASE_MANAGEMENT),
        {
            "received_on": "2026-10-01",
            "transferring_agency": "东区公安分局",
            "transfer_document_number": "东公刑诉字〔2026〕9号",
            "title": "王某盗窃案",
            "facts": "2026年9月，王某在东区某超市窃取商品。",
            "defendants": [
                {
                    "name": "王某",
                    "gender": "M",
                    "id_number": "110101199005010020",
                    "birth_date": "1990-05-01",
                    "charges": ["盗窃"],
                }
            ],
        },
        note="a whole transfer, so that the refusal is the access check's",
    ),
    "POST /api/cases/{case_id}/prosecutor": post(
        rule(ok=CASE_MANAGEMENT | ADMIN),
        {"prosecutor": "@prosecutor"},
        args={"case_id": "case"},
        note="already the case's prosecutor: 400",
    ),
    "POST /api/cases/{case_id}/prosecution": post(
        rule(ok=PROSECUTION | ADMIN),
        {"as_of": "2000-01-01"},
        args={"case_id": "case"},
        note="a date before the review began: 400",
    ),
    "POST /api/cases/{case_id}/appeal": post(
        rule(ok=PROSECUTION | ADMIN),
        {"kind": "protest"},
        args={"case_id": "case"},
        note="抗诉; no judgment yet: 400",
    ),
    "GET /api/defendants/{defendant_id}/deadline": Entry(CASE_FILE, D),
    "POST /api/defendants/{defendant_id}/deadline-extensions": post(
        rule(ok=CLERK | ADMIN),
        {"kind": "trial_third_month"},
        args=D,
        note="approved by the president, recorded",
    ),
    "POST /api/defendants/{defendant_id}/non-prosecution": post(
        rule(ok=PROSECUTION | ADMIN),
        {"kind": "discretionary", "reasons": "x"},
        args=D,
        note="at first instance: 400",
    ),
    "POST /api/cases/{case_id}/judgment": post(
        rule(ok=COURT), {"sentences": []}, args={"case_id": "case"}, note="no sentence: 400"
    ),
    "POST /api/cases/{case_id}/second-instance": post(
        rule(), {"decision": "uphold"}, args={"case_id": "case"}, note="at first instance: CPL art. 236"
    ),
    "GET /api/cases/{case_id}/sentences": Entry(CASE_FILE, {"case_id": "case"}),
    "POST /api/cases/{case_id}/retrials": post(
        rule(ok=CLERK | ADMIN),
        {"initiator": "court", "reasons": "x"},
        args={"case_id": "case"},
        note="not final: 400",
    ),
    "POST /api/retrials/{retrial_id}/judge": post(
        rule(ok=CLERK | ADMIN), {"judge": "@judge"}, args={"retrial_id": "retrial"}, note="sat before: 400"
    ),
    "POST /api/retrials/{retrial_id}/decision": post(
        rule(ok=COURT), {"outcome": "uphold"}, args={"retrial_id": "retrial"}
    ),
    "GET /api/court/incoming": Entry(SIGNED_IN, note="the clerk's court's queue; empty for everyone else"),
    "POST /api/intake/import": post(rule(ok=CASE_MANAGEMENT), files=("file",), note="a WAV: 400"),
    "GET /api/cases/{case_id}/attachments": Entry(rule(ok=SCAN_READERS), {"case_id": "case"}),
    "POST /api/cases/{case_id}/attachments": post(
        rule(ok=PROSECUTION | CASE_MANAGEMENT | ADMIN),
        files=("file",),
        args={"case_id": "case"},
        note="a WAV: 400",
    ),
    "GET /api/cases/attachments/{attachment_id}/file": Entry(
        rule(ok=SCAN_READERS), {"attachment_id": "case_attachment"}
    ),
    "POST /api/cases/{case_id}/court-filing": post(
        rule(ok=CLERK | ADMIN), {"judge": "@judge"}, args={"case_id": "case"}, note="already filed: 400"
    ),
    "POST /api/cases/{case_id}/court-panel": post(
        rule(ok=CLERK | ADMIN),
        {"presiding": "@judge", "reason": "回避"},
        args={"case_id": "case"},
        note="the same panel again: 400",
    ),
    "POST /api/defendants/{defendant_id}/stage": post(rule(ok=COURT), {"to": "judgment"}, args=D),
    # victims
    "GET /api/cases/{case_id}/victims": Entry(CASE_FILE, {"case_id": "case"}),
    "POST /api/cases/{case_id}/victims": post(
        rule(ok=PROSECUTION | CASE_MANAGEMENT | ADMIN),
        {"name": "王某", "defendants": []},
        args={"case_id": "case"},
        note="no defendant named: 400",
    ),
    "POST /api/victims/{victim_id}/opinions": post(
        rule(ok=PROSECUTION | ADMIN),
        {"defendant": "@defendant", "position": "agree", "heard_on": "2026-09-10"},
        args={"victim_id": "victim"},
        note="no way of hearing given: 400",
    ),
    "POST /api/victims/{victim_id}/settlements": post(
        rule(ok=PROSECUTION | COURT | ADMIN),
        {"defendant": "@defendant", "kind": "forgiveness", "signed_on": "2026-09-12"},
        args={"victim_id": "victim"},
        files=("document",),
        note="a WAV file is no scan: 400",
    ),
    # counsel
    "GET /api/counsel/requests": Entry(SIGNED_IN),
    "POST /api/counsel/requests": post(
        rule(ok=STAFF_OF_THE_CASE | CENTRE | ADMIN, not_found=LAWYERS),
        {"defendant": "@co_defendant", "source": "procuratorate"},
    ),
    "GET /api/counsel/requests/{request_id}": Entry(
        rule(ok=EVERYONE_SIGNED_IN - LAWYERS - HAND_OFF, not_found=LAWYERS | HAND_OFF),
        {"request_id": "counsel_request"},
    ),
    "POST /api/counsel/requests/{request_id}/override": post(
        rule(ok=CENTRE | ADMIN, not_found=LAWYERS | HAND_OFF),
        {"lawyer": "@rota_lawyer", "reason": "回避"},
        args={"request_id": "counsel_request"},
    ),
    "GET /api/counsel/cases/{case_id}/conflicts": Entry(
        rule(ok=STAFF_OF_THE_CASE | LAWYERS | CENTRE | READ_ALL), {"case_id": "case"}
    ),
    "POST /api/counsel/cases/{case_id}/conflicts": post(
        rule(ok=STAFF_OF_THE_CASE | LAWYERS | CENTRE | ADMIN),
        {"kind": "other"},
        args={"case_id": "case"},
        note="a tie of kind 'other' with no note: 400; a lawyer declares their own",
    ),
    "POST /api/counsel/cases/{case_id}/conflicts/withdrawal": post(
        rule(ok=STAFF_OF_THE_CASE | CENTRE | ADMIN),
        {"conflict": 0, "reason": "代理已结束"},
        args={"case_id": "case"},
        note="no such tie of the case: 400; the lawyer cannot lift their own conflict",
    ),
    "GET /api/counsel/assignments/{assignment_id}": Entry(
        rule(
            ok=EVERYONE_SIGNED_IN - {Role.DEFENCE_LAWYER} - HAND_OFF,
            not_found={Role.DEFENCE_LAWYER} | HAND_OFF,
        ),
        {"assignment_id": "assignment"},
    ),
    "POST /api/counsel/assignments/{assignment_id}/participation": post(
        rule(ok=DUTY_LAWYER, not_found={Role.DEFENCE_LAWYER} | HAND_OFF),
        {"service": "meeting", "occurred_at": NOW, "minutes": 30},
        args={"assignment_id": "assignment"},
    ),
    "POST /api/counsel/assignments/{assignment_id}/ratings": post(
        rule(ok=STAFF_OF_THE_CASE | CENTRE, not_found={Role.DEFENCE_LAWYER} | HAND_OFF),
        {"scores": {}},
        args={"assignment_id": "assignment"},
    ),
    "POST /api/counsel/assignments/{assignment_id}/claim": post(
        rule(ok=DUTY_LAWYER, not_found={Role.DEFENCE_LAWYER} | HAND_OFF), args={"assignment_id": "assignment"}
    ),
    "GET /api/counsel/claims": Entry(SIGNED_IN),
    "POST /api/counsel/claims/{claim_id}/decision": post(
        rule(ok=CENTRE | ADMIN, forbidden=DUTY_LAWYER | {Role.AUDITOR}, others=NOT_FOUND),
        {"approve": False, "note": "x"},
        args={"claim_id": "claim"},
        note="the lawyer and the auditor see the claim",
    ),
    "GET /api/counsel/experts": Entry(rule(ok=EVERYONE_SIGNED_IN - COMMITTEE - HAND_OFF)),
    "GET /api/counsel/warnings": Entry(SIGNED_IN),
    "GET /api/counsel/dashboard": Entry(rule(ok=CENTRE | COMMITTEE | READ_ALL)),
    "GET /api/audit/head": Entry(rule(ok=COMMITTEE | READ_ALL)),
    # sentencing and recommendations
    "POST /api/sentencing/recommend": post(
        rule(ok=STAFF_OF_THE_CASE | LAWYERS), {"fact": "被告人盗窃手机一部，价值3000元。"}
    ),
    "GET /api/recommendations/defendants/{defendant_id}": Entry(CASE_FILE, D),
    "GET /api/recommendations/{rec_id}": Entry(CASE_FILE, {"rec_id": "recommendation"}),
    "PATCH /api/recommendations/{rec_id}": post(
        rule(ok=PROSECUTION), {"version": 1}, args={"rec_id": "recommendation"}
    ),
    "POST /api/recommendations/defendants/{defendant_id}/drafts": post(rule(ok=PROSECUTION), args=D),
    "POST /api/recommendations/{rec_id}/submit": post(
        rule(ok=PROSECUTION), args={"rec_id": "recommendation"}
    ),
    "POST /api/recommendations/{rec_id}/review": post(
        rule(ok=SUPERVISOR), {"decision": "approve"}, args={"rec_id": "recommendation"}
    ),
    "POST /api/recommendations/{rec_id}/opinion": post(
        rule(ok=LAWYERS), {"position": "agree"}, args={"rec_id": "recommendation"}
    ),
    "POST /api/recommendations/{rec_id}/finalise": post(
        rule(ok=PROSECUTION), args={"rec_id": "recommendation"}
    ),
    "POST /api/recommendations/{rec_id}/court-decision": post(
        rule(ok=COURT), {"decision": "adopt"}, args={"rec_id": "recommendation"}
    ),
    # plea
    "GET /api/plea/withdrawal-reasons": Entry(SIGNED_IN),
    "GET /api/plea/defendants/{defendant_id}": Entry(CASE_FILE, D),
    "POST /api/plea/defendants/{defendant_id}/notices": post(
        rule(ok=STAFF_OF_THE_CASE),
        {"authority": "court", "notified_by_name": "法官", "notified_at": NOW, "acknowledged": True},
        args=D,
    ),
    "POST /api/plea/defendants/{defendant_id}/agreements": post(
        rule(ok=PROSECUTION), {"procedure": "expedited"}, args=D
    ),
    "GET /api/plea/agreements/{agreement_id}": Entry(CASE_FILE, {"agreement_id": "agreement"}),
    "GET /api/plea/agreements/{agreement_id}/pdf": Entry(
        rule(ok=STAFF_OF_THE_CASE | LAWYERS),
        {"agreement_id": "agreement"},
        note="the archived original prints the full ID number: those who may see it (as defendant_identity)",
    ),
    "POST /api/plea/agreements/{agreement_id}/signatures": post(
        rule(ok=LAWYERS), {"role": "lawyer"}, args={"agreement_id": "agreement"}
    ),
    "POST /api/plea/defendants/{defendant_id}/reviews": post(rule(ok=COURT), {"answers": {}}, args=D),
    "POST /api/plea/reviews/{review_id}/items/{key}/resolve": post(
        rule(ok=COURT), {"resolution": ""}, args={"review_id": "review", "key": "review_item.key"}
    ),
    "POST /api/plea/defendants/{defendant_id}/withdrawals": post(
        rule(ok=STAFF_OF_THE_CASE), {"initiated_by": "defendant", "reasons": [], "occurred_at": NOW}, args=D
    ),
    "GET /api/plea/defendants/{defendant_id}/adoption-blockers": Entry(CASE_FILE, D),
    # recordings
    "GET /api/recordings/defendants/{defendant_id}": Entry(CASE_FILE, D),
    "POST /api/recordings/defendants/{defendant_id}": post(
        rule(ok=STAFF_OF_THE_CASE),
        {"session": "notice", "recorded_on": "2099-01-01"},
        files=("file",),
        args=D,
    ),
    "GET /api/recordings/{recording_id}": Entry(CASE_FILE, {"recording_id": "recording"}),
    "GET /api/recordings/{recording_id}/file": Entry(CASE_FILE, {"recording_id": "recording"}),
    # public
    "GET /api/public/figures": Entry(PUBLIC),
    "GET /api/public/cases": Entry(PUBLIC),
    "GET /api/public/reports": Entry(PUBLIC),
    # oversight
    "POST /api/oversight/reports": post(PUBLIC, {"kind": "coercion", "description": "短"}),
    "GET /api/oversight/reports": Entry(
        SIGNED_IN, note="the list is scoped; everyone else gets an empty one"
    ),
    "POST /api/oversight/reports/status": post(PUBLIC, {"code": "@tracking_code"}),
    "GET /api/oversight/petitions": Entry(SIGNED_IN, note="scoped list"),
    "GET /api/oversight/petitions/{petition_id}": Entry(
        rule(ok=DUTY_LAWYER | COMMITTEE | READ_ALL, others=NOT_FOUND), {"petition_id": "petition"}
    ),
    # study
    "GET /api/study/defendants/{defendant_id}/risk": Entry(
        rule(ok=PROSECUTION | READ_ALL, others=NOT_FOUND), D
    ),
}
