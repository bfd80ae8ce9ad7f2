"""Which court receives a prosecution (CPL arts. 20, 21) and which hears an appeal (CPL art. 227).

A district's basic court (基层人民法院) tries ordinary first-instance cases (art. 20); the intermediate court
(中级人民法院) of the city above tries those that may bring a life sentence or death (art. 21).
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from leniency.accounts.models import Organisation, Region
from leniency.errors import DomainError


def court_of(region: Region | None) -> Organisation | None:
    if region is None:
        return None
    return Organisation.objects.filter(kind=Organisation.Kind.COURT, region=region).order_by("pk").first()


def basic_court(case) -> Organisation | None:
    """The basic court of the case's district."""
    return court_of(case.region)


def intermediate_court(case) -> Organisation | None:
    """The intermediate court of the city above the case's district."""
    return court_of(case.region.parent)


def receiving_court(case, *, grave: bool) -> Organisation:
    """The court a prosecution goes to: the intermediate court when a life or death sentence is possible."""
    court = intermediate_court(case) if grave else basic_court(case)
    if court is None:
        level = _("中级人民法院") if grave else _("基层人民法院")
        raise DomainError(
            _("%(region)s没有登记%(level)s，无法确定受理法院")
            % {"region": case.region.full_name(), "level": level},
            field="court",
        )
    return court


def check_court_choice(case, court: Organisation, *, grave: bool) -> None:
    """A court other than the one the law names is refused with the article that names it."""
    lawful = receiving_court(case, grave=grave)
    if court.pk == lawful.pk:
        return
    if grave:
        raise DomainError(
            _("可能判处无期徒刑、死刑的案件由中级人民法院管辖（刑事诉讼法第21条）：应向%(court)s提起公诉")
            % {"court": lawful.name},
            field="court",
        )
    raise DomainError(
        _("普通刑事案件的第一审由基层人民法院管辖（刑事诉讼法第20条）：应向%(court)s提起公诉")
        % {"court": lawful.name},
        field="court",
    )


# 上诉: the defendant's appeal (CPL art. 227); 抗诉: the procuratorate's protest (art. 228).
APPEAL_KINDS = {"appeal": gettext_lazy("上诉"), "protest": gettext_lazy("抗诉")}


def court_above(court: Organisation | None) -> Organisation:
    """The court one level up the region hierarchy (district → city → province), which hears the appeal."""
    above = court_of(court.region.parent) if court is not None else None
    if above is None:
        raise DomainError(_("没有登记上一级人民法院，无法移送二审"), field="kind")
    return above
