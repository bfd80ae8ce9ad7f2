"""Steps that several browser journeys take the same way, each through the pages its role uses.

Each step takes the page of the person who takes it (logged in), and the live server's address where the step
starts from a known page rather than from a link on the current one."""

from playwright.sync_api import Page, expect

from leniency.plea.models import PleaAgreement
from leniency.recommendations.models import SentencingRecommendation
from leniency.recordings.media import wav_bytes
from leniency.recordings.models import Recording

# What the judge writes beside a voluntariness question whose evidence the platform does not hold.
RELIED_ON = "当庭询问被告人及值班律师，核对纸质卷宗中的会见笔录"


def file_case(clerk: Page, *, case, judge) -> None:
    """The court's clerk files a prosecuted case from the incoming queue (立案) and assigns its judge."""
    clerk.get_by_role("link", name="待立案").click()
    clerk.locator(f"#incoming-{case.pk}").get_by_role("link", name="立案").click()
    clerk.get_by_label("承办法官").select_option(label=str(judge))
    clerk.get_by_role("button", name="立案").click()
    expect(clerk.locator(f"#incoming-{case.pk}")).to_have_count(0)


def draft_recommendation(prosecutor: Page, base: str, defendant) -> SentencingRecommendation:
    """The prosecutor drafts the first round from the case page, on the engine's calculation, and submits it for
    review."""
    prosecutor.goto(f"{base}/cases/{defendant.case_id}/")
    prosecutor.locator(f"#defendant-{defendant.pk} [data-panel=recommendations]").get_by_role(
        "link", name="起草"
    ).click()
    expect(prosecutor.locator("#engine-panel")).to_contain_text("量刑起点")
    prosecutor.get_by_role("button", name="保存草稿").click()
    prosecutor.locator("#round-1").get_by_role("button", name="提交审核").click()
    expect(prosecutor.locator("#round-1")).to_contain_text("待审核")
    return SentencingRecommendation.objects.get(defendant=defendant, round=1)


def revise_recommendation(
    prosecutor: Page, base: str, defendant, *, months: int, note: str, reason: str
) -> SentencingRecommendation:
    """The prosecutor starts the next round with another term (`reason`: why it departs from the engine, where the
    form asks) and submits it for review."""
    number = SentencingRecommendation.objects.filter(defendant=defendant).count() + 1
    prosecutor.goto(f"{base}/recommendations/defendants/{defendant.pk}/")
    prosecutor.get_by_role("link", name="开始新一轮量刑建议").click()
    prosecutor.locator("#id_months").fill(str(months))
    prosecutor.locator("#id_note").fill(note)
    if prosecutor.locator("#id_deviation_reason").is_visible():
        prosecutor.locator("#id_deviation_reason").fill(reason)
    prosecutor.get_by_role("button", name="保存草稿").click()
    expect(prosecutor.locator(f"#round-{number}")).to_contain_text("草稿")
    prosecutor.locator(f"#round-{number}").get_by_role("button", name="提交审核").click()
    expect(prosecutor.locator(f"#round-{number}")).to_contain_text("待审核")
    return SentencingRecommendation.objects.get(defendant=defendant, round=number)


def approve(supervisor: Page, base: str, recommendation) -> None:
    """The supervising prosecutor approves a submitted round."""
    supervisor.goto(f"{base}/recommendations/{recommendation.pk}/review/")
    supervisor.get_by_label("同意").check()
    supervisor.get_by_role("button", name="提交").click()
    expect(supervisor.locator(f"#round-{recommendation.round}")).to_contain_text("审核通过")


def agree(lawyer: Page, base: str, recommendation) -> None:
    """The defendant's lawyer records agreement with an approved round."""
    lawyer.goto(f"{base}/recommendations/{recommendation.pk}/opinion/")
    lawyer.get_by_label("同意").check()
    lawyer.get_by_role("button", name="提交").click()
    expect(lawyer.locator(f"#round-{recommendation.round}")).to_contain_text("律师意见：同意")


def finalise(prosecutor: Page, base: str, recommendation) -> None:
    prosecutor.goto(f"{base}/recommendations/{recommendation.pk}/finalise/")
    prosecutor.get_by_role("button", name="提交").click()
    expect(prosecutor.locator("#final-term")).to_be_visible()


def generate_agreement(prosecutor: Page, base: str, defendant, recommendation) -> PleaAgreement:
    """The prosecutor generates the 具结书 from the final recommendation, on the defendant's plea page."""
    prosecutor.goto(f"{base}/plea/defendants/{defendant.pk}/")
    prosecutor.get_by_role("link", name="生成具结书").click()
    expect(prosecutor.locator("dl.facts")).to_contain_text(recommendation.term_text())
    prosecutor.get_by_role("button", name="生成具结书").click()
    expect(prosecutor.locator("h1")).to_contain_text("待签署")
    agreement = PleaAgreement.objects.get(defendant=defendant)
    expect(prosecutor.locator("#registered-hash")).to_have_text(agreement.sha256)
    return agreement


def upload_signing_recording(prosecutor: Page, base: str, defendant, agreement) -> Recording:
    """The prosecutor uploads the recording of the signing (streamed and hashed by the server)."""
    prosecutor.goto(f"{base}/recordings/defendants/{defendant.pk}/upload/")
    prosecutor.get_by_label("所录环节").select_option("signing")
    prosecutor.get_by_label("对应的具结书").select_option(str(agreement.pk))
    prosecutor.locator("input[type=file]").set_input_files(
        {"name": "signing.wav", "mimeType": "audio/wav", "buffer": wav_bytes()}
    )
    prosecutor.get_by_role("button", name="上传").click()
    recording = Recording.objects.get(defendant=defendant, agreement=agreement)
    expect(prosecutor.locator("dd.hash")).to_have_text(recording.sha256)
    return recording


def sign_agreement(
    prosecutor: Page, lawyer: Page, base: str, agreement, recording, *, lawyer_name: str
) -> None:
    """Each party signs on their own account, naming the recording's segment: the defendant on paper (the
    prosecutor uploads the signed copy's scan), the lawyer's attestation, then the prosecutor."""
    prosecutor.goto(f"{base}/plea/agreements/{agreement.pk}/")
    form = prosecutor.locator("#sign-defendant")
    form.get_by_label("签署录音录像").select_option(str(recording.pk))
    form.get_by_label("签署片段起（秒）").fill("12")
    form.get_by_label("签署片段止（秒）").fill("75")
    scan = b"%PDF-1.4\n% signed paper copy, scanned\n%%EOF\n"
    form.get_by_label("上传犯罪嫌疑人签字的纸质具结书扫描件", exact=False).set_input_files(
        {"name": "signed.pdf", "mimeType": "application/pdf", "buffer": scan}
    )
    form.get_by_role("button", name="记录犯罪嫌疑人签名").click()
    expect(prosecutor.locator("#signatures tr[data-role=defendant]")).to_contain_text("纸质签名扫描件")
    expect(prosecutor.locator("#next-step")).to_contain_text("等待律师在场确认")
    expect(prosecutor.get_by_role("button", name="确认在场并以律师身份签名")).to_have_count(0)
    lawyer.goto(f"{base}/plea/agreements/{agreement.pk}/")
    expect(lawyer.get_by_role("button", name="以检察官身份签名")).to_have_count(0)
    for label in ("本人在犯罪嫌疑人签署具结书时在场", "签署前本人已向其提供法律帮助", "自愿签署"):
        lawyer.get_by_label(label, exact=False).check()
    lawyer.get_by_role("button", name="确认在场并以律师身份签名").click()
    expect(lawyer.locator("#signatures tr[data-role=defendant]")).to_contain_text(lawyer_name)
    prosecutor.goto(f"{base}/plea/agreements/{agreement.pk}/")
    prosecutor.get_by_role("button", name="以检察官身份签名").click()
    expect(prosecutor.locator("h1")).to_contain_text("已签署")
    expect(prosecutor.locator("#signatures .ok")).to_have_count(3)
    expect(prosecutor.locator("#verdict")).to_contain_text("存档文件与登记的哈希一致")


def review_voluntariness(judge: Page, base: str, defendant) -> None:
    """The judge's voluntariness review (自愿性审查), every question satisfied; beside a question whose evidence
    the platform does not hold, what the judge relied on. No victim, so no settlement to check."""
    judge.goto(f"{base}/plea/defendants/{defendant.pk}/")
    judge.get_by_role("link", name="自愿性审查").click()
    items = judge.locator("tr[data-item]")
    expect(items.first).to_be_visible()  # count() does not wait for the review page to load
    for i in range(items.count()):
        row = items.nth(i)
        if row.get_attribute("data-item") == "settlement_on_file":
            row.locator("input[value=na]").check()
            continue
        row.locator("input[value=yes]").check()
        if row.locator("[data-missing]").count():
            row.locator("input[type=text]").fill(RELIED_ON)
    judge.get_by_role("button", name="保存审查结果").click()
    expect(judge.locator("#review-result")).to_contain_text("通过")


def adopt(judge: Page, base: str, recommendation) -> None:
    """The court adopts the final recommendation (CPL art. 201)."""
    judge.goto(f"{base}/recommendations/{recommendation.pk}/court/")
    judge.get_by_label("采纳", exact=True).check()
    judge.get_by_role("button", name="提交").click()
    expect(judge.locator(f"#round-{recommendation.round}")).to_contain_text("法院：采纳")
