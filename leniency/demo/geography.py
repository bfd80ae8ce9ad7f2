"""The demo province: its cities, districts and the organisations that work a plea case.

Codes start with 99, which no real province uses, so the demo never collides with real regions.
"""

from __future__ import annotations

from dataclasses import dataclass

from leniency.accounts.models import Organisation, Region

PROVINCE_CODE = "990000"  # the marker of an existing demo
PROVINCE_NAME = "示范省"
PROVINCE_SHORT = "示"


@dataclass(frozen=True)
class DistrictSpec:
    key: str  # used in usernames of synthetic staff
    name: str
    code: str
    city_name: str
    city_code: str
    zone: str
    short: str  # one character used in case numbers, e.g. 示海检刑诉〔2025〕23号
    share: float  # share of the demo's cases


DISTRICTS = (
    DistrictSpec("haigang", "海港区", "990102", "滨海市", "990100", Region.Zone.EASTERN, "海", 0.34),
    DistrictSpec("xincheng", "新城区", "990105", "滨海市", "990100", Region.Zone.EASTERN, "新", 0.18),
    DistrictSpec("pingchuan", "平川县", "990221", "中原市", "990200", Region.Zone.CENTRAL, "平", 0.27),
    DistrictSpec("gaoyuan", "高原县", "990322", "西岭市", "990300", Region.Zone.WESTERN, "高", 0.21),
)
HOME_DISTRICT = DISTRICTS[0]  # where the personas work
SECOND_DISTRICT = DISTRICTS[2]  # prosecutor2 and judge2, for cross-district refusal

# Per district: the organisations of a case, by kind, with their name suffix.
DISTRICT_ORGANISATIONS = (
    (Organisation.Kind.POLICE, "公安局"),
    (Organisation.Kind.PROCURATORATE, "人民检察院"),
    (Organisation.Kind.COURT, "人民法院"),
    (Organisation.Kind.LEGAL_AID_CENTRE, "法律援助中心"),
    (Organisation.Kind.DETENTION_CENTRE, "看守所"),
)
PROVINCE_ORGANISATIONS = (
    (Organisation.Kind.PROCURATORATE, "示范省人民检察院"),
    (Organisation.Kind.LAWYERS_ASSOCIATION, "示范省律师协会"),
    (Organisation.Kind.REVIEW_COMMITTEE, "示范省认罪认罚从宽制度监督评议委员会"),
    (Organisation.Kind.LAW_FIRM, "示范省明理律师事务所"),
    (Organisation.Kind.LAW_FIRM, "示范省正衡律师事务所"),
    (Organisation.Kind.LAW_FIRM, "示范省安和律师事务所"),
)


@dataclass
class District:
    spec: DistrictSpec
    region: Region
    orgs: dict[str, Organisation]  # by Organisation.Kind

    @property
    def full_name(self) -> str:
        return f"{self.spec.city_name}{self.spec.name}"


@dataclass
class Geography:
    province: Region
    districts: list[District]
    province_orgs: dict[str, Organisation]  # by name
    law_firms: list[Organisation]
    city_courts: dict[
        str, Organisation
    ]  # the intermediate court of each city, by city code: it hears appeals

    def district(self, key: str) -> District:
        return next(d for d in self.districts if d.spec.key == key)


def build_geography() -> Geography:
    province = Region.objects.create(name=PROVINCE_NAME, level=Region.Level.PROVINCE, code=PROVINCE_CODE)
    cities: dict[str, Region] = {}
    for spec in DISTRICTS:
        if spec.city_code not in cities:
            cities[spec.city_code] = Region.objects.create(
                name=spec.city_name, level=Region.Level.CITY, parent=province, code=spec.city_code
            )
    district_regions = Region.objects.bulk_create(
        Region(
            name=spec.name,
            level=Region.Level.DISTRICT,
            parent=cities[spec.city_code],
            zone=spec.zone,
            code=spec.code,
        )
        for spec in DISTRICTS
    )
    org_rows = [
        Organisation(name=f"{spec.city_name}{spec.name}{suffix}", kind=kind, region=region)
        for spec, region in zip(DISTRICTS, district_regions, strict=True)
        for kind, suffix in DISTRICT_ORGANISATIONS
    ]
    org_rows += [Organisation(name=name, kind=kind, region=province) for kind, name in PROVINCE_ORGANISATIONS]
    orgs = Organisation.objects.bulk_create(org_rows)
    per_district = len(DISTRICT_ORGANISATIONS)
    districts = [
        District(spec, region, {o.kind: o for o in orgs[i * per_district : (i + 1) * per_district]})
        for i, (spec, region) in enumerate(zip(DISTRICTS, district_regions, strict=True))
    ]
    province_orgs = {o.name: o for o in orgs[len(DISTRICTS) * per_district :]}
    law_firms = [o for o in province_orgs.values() if o.kind == Organisation.Kind.LAW_FIRM]
    city_courts = {
        code: Organisation.objects.create(
            name=f"{city.name}中级人民法院", kind=Organisation.Kind.COURT, region=city
        )
        for code, city in cities.items()
    }
    return Geography(province, districts, province_orgs, law_firms, city_courts)


def province_org(geo: Geography, kind: str) -> Organisation:
    return next(o for o in geo.province_orgs.values() if o.kind == kind)
