"""The JSON API: one NinjaAPI, one router per app, the same permissions as the pages."""

from django.core.exceptions import RequestDataTooBig
from django.http import Http404
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.parser import Parser
from ninja.security import django_auth

from leniency import oversize
from leniency.accounts.api import router as accounts_router
from leniency.accounts.api_auth import TokenAuth
from leniency.audit.api import router as audit_router
from leniency.cases.api import router as cases_router
from leniency.cases.api_import import router as case_import_router
from leniency.cases.deadlines_views import router as deadlines_router
from leniency.cases.judgments_api import router as judgments_router
from leniency.cases.nonprosecution_views import router as nonprosecution_router
from leniency.cases.victims_api import router as victims_router
from leniency.corpus.api import router as corpus_router
from leniency.counsel.api import router as counsel_router
from leniency.errors import DomainError, Forbidden
from leniency.oversight.api import router as oversight_router
from leniency.plea.api import router as plea_router
from leniency.portal.api import router as portal_router
from leniency.recommendations.api import router as recommendations_router
from leniency.recordings.api import router as recordings_router
from leniency.study.api import router as study_router


def _refuse_nul(value, loc: list) -> None:
    """PostgreSQL cannot store a NUL character in text, and no real text has one: refuse it, naming the field."""
    if isinstance(value, str):
        if "\x00" in value:
            raise ValidationError([{"type": "value_error", "loc": loc, "msg": "不得包含空字符（NUL）"}])
    elif isinstance(value, dict):
        for key, item in value.items():
            _refuse_nul(item, [*loc, key])
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _refuse_nul(item, [*loc, index])


class NulRefusingParser(Parser):
    """The JSON body, query string and form fields of every API request, refused with 422 if text holds NUL."""

    def parse_body(self, request):
        data = super().parse_body(request)
        _refuse_nul(data, ["body"])
        return data

    def parse_querydict(self, data, list_fields, request):
        result = super().parse_querydict(data, list_fields, request)
        _refuse_nul(result, [])
        return result


api = NinjaAPI(
    title="Leniency API",
    version="1",
    description="认罪认罚从宽平台 JSON API. Authenticate with a session (browser) or `Authorization: Bearer <token>`.",
    auth=[TokenAuth(), django_auth],
    urls_namespace="api",
    parser=NulRefusingParser(),
)
api.add_router("/", accounts_router)
api.add_router("/", cases_router)
api.add_router("/", case_import_router)  # /intake/import, /cases/{id}/attachments
api.add_router("/", victims_router)
api.add_router("/", judgments_router)  # judgment, second instance, retrial
api.add_router("/", deadlines_router)  # statutory time limits
api.add_router("/", nonprosecution_router)  # 不起诉
api.add_router("/counsel/", counsel_router)
api.add_router("/", corpus_router)  # /corpus/... and /sentencing/recommend
api.add_router("/recommendations/", recommendations_router)
api.add_router("/plea/", plea_router)
api.add_router("/recordings/", recordings_router)
api.add_router("/public/", portal_router)
api.add_router("/oversight/", oversight_router)
api.add_router("/study/", study_router)
api.add_router("/audit/", audit_router)


@api.exception_handler(DomainError)
def domain_error(request, exc: DomainError):
    return api.create_response(request, {"detail": str(exc.message), "field": exc.field}, status=400)


@api.exception_handler(Forbidden)
def forbidden(request, exc: Forbidden):
    """A `check_*` refused the acting user: 403 with the reason (the same message the 403 page shows)."""
    return api.create_response(request, {"detail": str(exc.message)}, status=403)


@api.exception_handler(ValidationError)
def validation_error(request, exc: ValidationError):
    """422 with each error naming its field (the last element of ninja's location)."""
    errors = [
        {
            "field": ".".join(str(p) for p in e.get("loc", [])[2:] or e.get("loc", [])[-1:]),
            "message": e.get("msg", ""),
        }
        for e in exc.errors
    ]
    return api.create_response(request, {"detail": "invalid input", "errors": errors}, status=422)


@api.exception_handler(HttpError)
def http_error(request, exc: HttpError):
    if isinstance(exc.__cause__, ValidationError):  # ninja wraps what the body parser raises in a 400
        return validation_error(request, exc.__cause__)
    return api.create_response(request, {"detail": exc.message}, status=exc.status_code)


@api.exception_handler(RequestDataTooBig)
def too_large(request, exc):
    """A body found too large while it was read (the middleware answers a declared length before): 413."""
    return oversize.too_large(request)


@api.exception_handler(Http404)
def not_found(request, exc):
    return api.create_response(request, {"detail": "not found"}, status=404)


@api.exception_handler(AuthenticationError)
def unauthenticated(request, exc):
    return api.create_response(request, {"detail": "authentication required"}, status=401)
