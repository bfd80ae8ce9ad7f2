import json
from collections import Counter

from leniency.demo.corpus_synth import REGIONS, generate, one_case


def test_same_seed_same_corpus_whatever_the_workers():
    assert list(generate(30, seed=5)) == list(generate(30, seed=5, workers=2, chunk=7))
    assert list(generate(5, seed=5)) != list(generate(5, seed=6))


def test_lines_are_cail_format_marked_synthetic_with_region_and_court():
    for line in generate(40, seed=2):
        data = json.loads(line)
        meta = data["meta"]
        assert meta["synthetic"] is True
        assert meta["region"] in {r.code for r in REGIONS} and meta["court"].endswith("法院")
        assert meta["accusation"] and data["fact"].startswith("经审理查明：")
        term = meta["term_of_imprisonment"]
        assert term["imprisonment"] >= 0 and set(term) == {
            "imprisonment",
            "death_penalty",
            "life_imprisonment",
        }


def test_charge_mix_is_led_by_drunk_driving_and_theft():
    counts = Counter(json.loads(line)["meta"]["accusation"][0] for line in generate(300, seed=3))
    assert [c for c, _ in counts.most_common(2)] == ["危险驾驶", "盗窃"]


def test_region_effect_makes_the_heavy_region_heavier():
    heavy, light = REGIONS[3], REGIONS[7]
    assert heavy.effect > light.effect
    one = one_case(9, 1)
    assert one == one_case(9, 1)
