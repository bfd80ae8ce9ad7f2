"""JSON API of the corpus app.

    POST /api/sentencing/recommend   {fact, charges?, proposed_months?, region?, years?} -> the Recommendation

401 without a login, 403 for a role that may not use the tool, 400 (with `field`) when a value is refused,
422 when the input does not parse (each error names its field).
"""

from ninja import Field, Router, Schema
from ninja.errors import HttpError

from leniency.errors import DomainError

from . import access
from .service import Request, clean_charges, clean_months, clean_region, compute

router = Router(tags=["corpus"])


class RecommendIn(Schema):
    fact: str = Field(..., min_length=1, max_length=20_000, description="案件事实（中文）")
    charges: list[str] = Field(default_factory=list, description="罪名，如 盗窃（不填则从事实中识别）")
    proposed_months: int | None = Field(None, ge=0, le=300, description="拟建议刑期（月），用于偏离度预警")
    region: str | None = Field(None, max_length=12, description="地区代码，类案只取该地区（前缀匹配）")
    years: tuple[int, int] | None = Field(None, description="类案的裁判年份范围 [起, 止]")


@router.post("/sentencing/recommend", response=dict, summary="量刑建议：计算 + 模型 + 类案 + 偏离度预警")
def recommend_api(request, payload: RecommendIn):
    if not access.can_recommend(request.user):
        raise HttpError(403, "无权使用量刑建议工具")
    years = None
    if payload.years is not None:
        start, end = payload.years
        if start > end:
            raise DomainError("年份范围的起始年不能晚于终止年", field="years")
        years = (start, end)
    req = Request(
        fact=payload.fact,
        charges=clean_charges(payload.charges),
        proposed_months=clean_months(payload.proposed_months),
        region=clean_region(payload.region),
        years=years,
    )
    return compute(req).to_dict()
