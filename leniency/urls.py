from django.contrib import admin
from django.templatetags.static import static
from django.urls import include, path
from django.views.generic import RedirectView

from leniency.api import api
from leniency.jobs.views import healthz

handler400 = "leniency.oversize.bad_request"  # a body too large is a 413 with words (leniency/oversize.py)


class FaviconView(RedirectView):
    """Browsers ask for /favicon.ico whatever the page links; the icon lives with the static files."""

    def get_redirect_url(self, *args, **kwargs):
        return static("leniency/favicon.svg")


urlpatterns = [
    path("favicon.ico", FaviconView.as_view(), name="favicon"),
    path("healthz", healthz, name="healthz"),  # for the load balancer (leniency/jobs/health.py)
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/", api.urls),
    path("", include("leniency.accounts.urls")),
    path("", include("leniency.cases.urls")),
    path("", include("leniency.cases.urls_import")),  # bulk import, documents transferred with a case
    path("audit/", include("leniency.audit.urls")),
    path("counsel/", include("leniency.counsel.urls")),
    path("corpus/", include("leniency.corpus.urls")),
    path("recommendations/", include("leniency.recommendations.urls")),
    path("plea/", include("leniency.plea.urls")),
    path("recordings/", include("leniency.recordings.urls")),
    path("public/", include("leniency.portal.urls")),
    path("oversight/", include("leniency.oversight.urls")),
    path("study/", include("leniency.study.urls")),
    path("jobs/", include("leniency.jobs.urls")),
]
