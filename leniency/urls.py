from django.contrib import admin
from django.urls import include, path

from leniency.api import api

handler400 = "leniency.oversize.bad_request"  # a body too large is a 413 with words (leniency/oversize.py)

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/", api.urls),
    path("", include("leniency.accounts.urls")),
    path("", include("leniency.cases.urls")),
    path("audit/", include("leniency.audit.urls")),
    path("counsel/", include("leniency.counsel.urls")),
    path("corpus/", include("leniency.corpus.urls")),
    path("recommendations/", include("leniency.recommendations.urls")),
    path("plea/", include("leniency.plea.urls")),
    path("recordings/", include("leniency.recordings.urls")),
    path("public/", include("leniency.portal.urls")),
    path("oversight/", include("leniency.oversight.urls")),
    path("study/", include("leniency.study.urls")),
]
