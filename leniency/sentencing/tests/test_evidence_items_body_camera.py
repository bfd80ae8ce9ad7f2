"""A count telling an act that names a body camera (执法记录仪) is an act, not an evidence item; a camera's recording
listed as proof stays evidence (E75_2: 记录 in 执法记录仪 read as the head of an item of proof)."""

from leniency.sentencing.extraction.document import parse


def test_a_count_knocking_down_a_body_camera_is_an_act():
    text = (
        "经审理查明：一、2022年5月1日，被告人甲醉酒驾驶小型轿车被查获。"
        "二、同日，甲在接受检查时推搡民警乙并将其执法记录仪打落在地，阻碍民警依法执行职务。"
    )
    assert [c.evidence for c in parse(text).counts] == [False, False]


def test_a_body_cameras_recording_listed_as_proof_stays_evidence():
    text = (
        "经审理查明：被告人甲醉酒驾驶小型轿车被查获。\n1、执法记录仪视频，证实甲被查获的经过；"
        "\n2、血液酒精含量检验报告，证实甲血液中乙醇含量为120mg/100ml。"
    )
    assert [c.evidence for c in parse(text).counts] == [True, True]
