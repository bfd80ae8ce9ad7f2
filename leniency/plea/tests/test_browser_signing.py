"""The signing of a 具结书 in Chromium, role by role (issue 17 item 2): the prosecutor generates the agreement and
uploads the signing's recording, the defendant signs on the tablet (the canvas, drawn with the mouse), the lawyer
logs in and attests on their own account, the prosecutor signs; the agreement is in force, each signature naming
the recording segment, and the handwriting downloaded is the bytes the signature's hash names."""

import hashlib

import pytest
from playwright.sync_api import expect

from leniency.audit.models import AuditEvent
from leniency.plea.models import PleaAgreement, Signature
from leniency.recordings.media import wav_bytes
from leniency.recordings.models import Recording

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_defendant_signs_on_the_tablet_and_the_lawyer_attests_on_their_own_account(
    as_user, live_server, world, final_round
):
    """`final_round` is the final recommendation the agreement is generated from, made through the
    recommendations services (what precedes the signing, not what this journey is about)."""
    d, base = world.defendant, live_server.url
    prosecutor = as_user(world.prosecutor)

    # 1. The prosecutor generates the agreement.
    prosecutor.goto(f"{base}/plea/defendants/{d.pk}/")
    prosecutor.get_by_role("link", name="生成具结书").click()
    prosecutor.get_by_role("button", name="生成具结书").click()
    expect(prosecutor.locator("h1")).to_contain_text("待签署")
    agreement = PleaAgreement.objects.get(defendant=d)
    expect(prosecutor.locator("#next-step")).to_contain_text("犯罪嫌疑人在律师在场时当面签名")
    expect(prosecutor.locator("#sign-defendant")).to_contain_text("尚无本次签署的录音录像")

    # 2. The signing is recorded; the prosecutor uploads the recording.
    prosecutor.get_by_role("link", name="上传签署录音录像").first.click()
    prosecutor.get_by_label("所录环节").select_option("signing")
    prosecutor.get_by_label("对应的具结书").select_option(str(agreement.pk))
    prosecutor.locator("input[type=file]").set_input_files(
        {"name": "signing.wav", "mimeType": "audio/wav", "buffer": wav_bytes()}
    )
    prosecutor.get_by_role("button", name="上传").click()
    recording = Recording.objects.get(defendant=d, session="signing")

    # 3. In the room, the defendant signs on the tablet; the prosecutor records it with the segment.
    prosecutor.goto(f"{base}/plea/agreements/{agreement.pk}/")
    form = prosecutor.locator("#sign-defendant")
    form.get_by_role("button", name="记录犯罪嫌疑人签名").click()  # nothing drawn, no recording named
    expect(prosecutor.locator("#sign-defendant .field-error").first).to_contain_text("签署过程的录音录像")
    form = prosecutor.locator("#sign-defendant")
    canvas = form.locator("canvas.signature-pad")
    canvas.scroll_into_view_if_needed()
    box = canvas.bounding_box()
    prosecutor.mouse.move(box["x"] + 40, box["y"] + box["height"] * 0.6)
    prosecutor.mouse.down()
    for i in range(1, 25):
        prosecutor.mouse.move(
            box["x"] + 40 + i * 15, box["y"] + box["height"] * (0.6 - 0.3 * ((i % 6) / 6)), steps=2
        )
    prosecutor.mouse.up()
    expect(canvas).to_have_class("signature-pad signed")
    assert form.locator("input[name=drawn_png]").input_value().startswith("data:image/png;base64,")
    form.get_by_label("签署录音录像").select_option(str(recording.pk))
    form.get_by_label("签署片段起（秒）").fill("30")
    form.get_by_label("签署片段止（秒）").fill("150")
    form.get_by_role("button", name="记录犯罪嫌疑人签名").click()
    expect(prosecutor.locator("#signatures tr[data-role=defendant]")).to_contain_text("手写板手写签名")
    expect(prosecutor.locator("#next-step")).to_contain_text("等待律师在场确认")
    # The prosecutor has no attestation to give: the lawyer's form is not theirs.
    expect(prosecutor.locator("#sign-lawyer")).to_have_count(0)

    # 4. The lawyer logs in and attests on their own account; the segment is offered as the defendant's.
    lawyer = as_user(world.lawyer)
    lawyer.goto(f"{base}/plea/agreements/{agreement.pk}/")
    attest = lawyer.locator("#sign-lawyer")
    expect(attest.get_by_label("签署录音录像")).to_have_value(str(recording.pk))
    expect(attest.get_by_label("签署片段起（秒）")).to_have_value("30")
    attest.get_by_role("button", name="确认在场并以律师身份签名").click()  # nothing ticked
    expect(lawyer.locator("#sign-lawyer .field-error")).to_contain_text("请确认本人在犯罪嫌疑人签署时在场")
    attest = lawyer.locator("#sign-lawyer")
    for label in ("本人在犯罪嫌疑人签署具结书时在场", "签署前本人已向其提供法律帮助", "自愿签署"):
        attest.get_by_label(label, exact=False).check()
    attest.get_by_role("button", name="确认在场并以律师身份签名").click()
    expect(lawyer.locator("ul.messages")).to_contain_text("律师已确认在场并签名。下一步：检察官签名")
    expect(lawyer.locator("#signatures tr[data-role=defendant]")).to_contain_text("在场律师（本人确认）")

    # 5. The prosecutor signs: the agreement is in force, each signature naming the segment.
    prosecutor.goto(f"{base}/plea/agreements/{agreement.pk}/")
    prosecutor.locator("#sign-prosecutor").get_by_role("button", name="以检察官身份签名").click()
    expect(prosecutor.locator("h1")).to_contain_text("已签署")
    expect(prosecutor.locator("#next-step")).to_contain_text("已生效，下一步")
    expect(prosecutor.locator("#signatures .ok")).to_have_count(3)
    expect(prosecutor.locator("#signatures .segment")).to_have_text(
        [f"录音录像 #{recording.pk}，00:00:30–00:02:30"] * 3
    )

    # The handwriting downloaded is what the signature's hash names, and the read is logged.
    signature = Signature.objects.get(agreement=agreement, role=Signature.Role.DEFENDANT)
    expect(prosecutor.locator("#signatures tr[data-role=defendant] .image-hash")).to_have_text(
        signature.image_sha256
    )
    href = prosecutor.locator("#signatures tr[data-role=defendant] .capture a").get_attribute("href")
    response = prosecutor.context.request.get(f"{base}{href}")  # the browser's session, as a click would
    assert response.status == 200 and response.headers["content-type"] == "image/png"
    image = response.body()
    assert image.startswith(b"\x89PNG") and hashlib.sha256(image).hexdigest() == signature.image_sha256
    assert (
        AuditEvent.objects.filter(action="plea.signature.image.accessed", actor=world.prosecutor).count() == 1
    )
    signed = AuditEvent.objects.filter(action="plea.agreement.signed").order_by("seq")
    assert [(e.data["role"], e.actor_id) for e in signed] == [
        ("defendant", world.prosecutor.pk),
        ("lawyer", world.lawyer.pk),
        ("prosecutor", world.prosecutor.pk),
    ]
