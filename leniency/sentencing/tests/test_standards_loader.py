"""The standards loader: versions, jurisdictions, and clear errors for bad YAML."""

import shutil

import pytest
import yaml

from leniency.sentencing.standards import STANDARDS_DIR, StandardError, load_standard


def test_default_standard_has_every_crime_of_both_guidelines():
    standard = load_standard()
    assert standard.version == "2021+2024"
    from_guidelines = [c for c in standard.crimes.values() if c.guideline["document"] != "cl"]
    assert len(from_guidelines) == 30
    # files of crimes no guideline covers: the statute's brackets, engineering points inside them (confidence low)
    statute_only = {c.charge for c in standard.crimes.values() if c.guideline["document"] == "cl"}
    assert statute_only == {"故意杀人", "过失致人死亡", "绑架"}
    assert standard.crime("盗窃罪").thresholds["large"] == 2000


def test_2021_version_leaves_out_the_2024_crimes():
    standard = load_standard("2021")
    assert standard.crime("开设赌场") is None and standard.crime("盗窃") is not None


def test_jurisdiction_overrides_thresholds():
    assert load_standard(jurisdiction="liaoning").crime("盗窃").thresholds["huge"] == 70000


def test_unknown_version_and_jurisdiction_are_named():
    with pytest.raises(StandardError, match="versions.yaml: versions.1999"):
        load_standard("1999")
    with pytest.raises(StandardError, match="jurisdictions/atlantis.yaml"):
        load_standard(jurisdiction="atlantis")


@pytest.fixture
def broken(tmp_path):
    target = tmp_path / "standards"
    shutil.copytree(STANDARDS_DIR, target)

    def edit(relative, change):
        path = target / relative
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        change(data)
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        return target

    return edit


def test_missing_key_names_file_and_key(broken):
    directory = broken("crimes/theft.yaml", lambda d: d["tiers"][0].pop("start_at"))
    with pytest.raises(StandardError, match=r"crimes/theft.yaml: tiers\[0\]: missing key 'start_at'"):
        load_standard(directory=directory)


def test_ratio_outside_range_is_refused(broken):
    directory = broken("circumstances.yaml", lambda d: d["circumstances"]["surrender"].update(default=0.9))
    with pytest.raises(StandardError, match=r"circumstances.surrender.default"):
        load_standard(directory=directory)


def test_unknown_charge_is_refused(broken):
    directory = broken("crimes/fraud.yaml", lambda d: d.update(charge="不存在"))
    with pytest.raises(StandardError, match=r"crimes/fraud.yaml.charge"):
        load_standard(directory=directory)


def test_undefined_threshold_reference_is_refused(broken):
    directory = broken(
        "crimes/theft.yaml", lambda d: d["tiers"][1]["when"].update(amount_at_least="gigantic")
    )
    with pytest.raises(StandardError, match=r"when.amount_at_least: threshold 'gigantic'"):
        load_standard(directory=directory)


def test_bad_confidence_mark_is_refused(broken):
    directory = broken("crimes/theft.yaml", lambda d: d.update(confidence="certain"))
    with pytest.raises(StandardError, match="confidence must be one of"):
        load_standard(directory=directory)


def test_invalid_yaml_names_the_file(tmp_path):
    target = tmp_path / "standards"
    shutil.copytree(STANDARDS_DIR, target)
    (target / "method.yaml").write_text("plea_bucket: [unclosed", encoding="utf-8")
    with pytest.raises(StandardError, match="method.yaml: not valid YAML"):
        load_standard(directory=target)


def test_amount_thresholds_must_rise(broken):
    directory = broken(
        "amount_brackets.yaml", lambda d: d["charges"]["贪污"].update(thresholds=[200000, 30000])
    )
    with pytest.raises(
        StandardError, match=r"amount_brackets.yaml: charges.贪污.thresholds: must be a non-empty rising"
    ):
        load_standard(directory=directory)


def test_amount_thresholds_cannot_outnumber_the_brackets(broken):
    directory = broken(
        "amount_brackets.yaml", lambda d: d["charges"]["行贿"].update(thresholds=[1, 2, 3, 4, 5])
    )
    with pytest.raises(
        StandardError, match=r"charges.行贿.thresholds: 5 figures but the charge has 3 brackets"
    ):
        load_standard(directory=directory)


def test_conduct_words_must_be_a_list_of_words(broken):
    directory = broken("amount_brackets.yaml", lambda d: d["charges"]["受贿"].update(conduct_words="收受"))
    with pytest.raises(
        StandardError, match=r"amount_brackets.yaml: charges.受贿.conduct_words: must be a list of words"
    ):
        load_standard(directory=directory)


def test_a_tier_flag_must_be_a_circumstance_the_extraction_finds(broken):
    """A tier keyed on a flag nothing produces would never apply: the loader refuses it by name."""
    directory = broken("crimes/rape.yaml", lambda d: d["tiers"][1]["when"].update(flag="victim_under_14"))
    with pytest.raises(
        StandardError,
        match=r"crimes/rape.yaml: tiers\[1\].when.flag: 'victim_under_14' is not a circumstance",
    ):
        load_standard(directory=directory)


def test_earlier_law_of_a_crime_names_only_its_own_tiers(broken):
    unknown = broken(
        "crimes/embezzlement.yaml",
        lambda d: d["earlier_law"]["tiers"].update(enormous=d["earlier_law"]["tiers"]["huge"]),
    )
    with pytest.raises(
        StandardError, match=r"embezzlement.yaml: earlier_law.tiers.enormous: no tier of this crime"
    ):
        load_standard(directory=unknown)


def test_earlier_law_of_a_crime_keeps_every_tier_inside_its_brackets(broken):
    dropped = broken("crimes/embezzlement.yaml", lambda d: d["earlier_law"]["tiers"].pop("especially_huge"))
    with pytest.raises(
        StandardError,
        match=r"earlier_law.tiers.especially_huge: bracket 2 does not exist in the earlier text",
    ):
        load_standard(directory=dropped)


def test_a_tier_may_sit_in_a_bracket_only_the_earlier_text_has(broken):
    # 集资诈骗's 数额特别巨大 tier: the third bracket of art. 192 before Amendment 11; without that text it has no bracket
    directory = broken("crimes/fundraising_fraud.yaml", lambda d: d.pop("earlier_law"))
    with pytest.raises(
        StandardError, match=r"tiers\[2\].bracket: 2 is not a bracket index of 集资诈骗 \(0..1\)"
    ):
        load_standard(directory=directory)


def test_a_tier_description_must_be_a_regular_expression(broken):
    directory = broken(
        "crimes/robbery.yaml", lambda d: d["tiers"][1]["when"]["any"].append({"text_describes": "家中("})
    )
    with pytest.raises(
        StandardError, match=r"crimes/robbery.yaml: tiers\[1\].when.any\[\d+\].text_describes"
    ):
        load_standard(directory=directory)


def test_an_amount_share_names_a_threshold_and_a_share_below_one(broken):
    directory = broken(
        "crimes/snatching.yaml",
        lambda d: d["tiers"][1]["when"]["any"].append({"amount_share_of": ["huge", 50]}),
    )
    with pytest.raises(
        StandardError, match=r"crimes/snatching.yaml: tiers\[1\].when.any\[\d+\].amount_share_of"
    ):
        load_standard(directory=directory)


def test_an_increment_unless_is_a_tier_condition(broken):
    directory = broken(
        "crimes/theft.yaml", lambda d: d["tiers"][0]["increments"][1].update(unless={"amount_over": "large"})
    )
    with pytest.raises(
        StandardError, match=r"crimes/theft.yaml: tiers\[0\].increments\[1\].unless.amount_over"
    ):
        load_standard(directory=directory)


def test_a_law_note_needs_its_condition_and_its_source(broken):
    directory = broken("crimes/theft.yaml", lambda d: d["law_notes"][0].pop("source"))
    with pytest.raises(StandardError, match=r"crimes/theft.yaml: law_notes\[0\]: missing key 'source'"):
        load_standard(directory=directory)


def test_words_may_name_the_bracket_just_above_the_last_amount_figure():
    """刑法第383条第1款第(三)项 (无期徒刑或者死刑) has no figure of its own: it is 数额特别巨大 (the last figure)
    and 使国家和人民利益遭受特别重大损失, so amount_brackets.yaml names it by its words at index 3."""
    entry = load_standard().amount_brackets["charges"]["贪污"]
    assert len(entry["thresholds"]) == 3 and entry["requires_words"][3]


def test_words_cannot_name_a_bracket_the_charge_does_not_have(broken):
    directory = broken(
        "amount_brackets.yaml", lambda d: d["charges"]["贪污"].update(requires_words={4: ["特别重大损失"]})
    )
    with pytest.raises(
        StandardError, match=r"amount_brackets.yaml: charges.贪污.requires_words: 4 must be a bracket index"
    ):
        load_standard(directory=directory)


def test_words_cannot_skip_a_bracket_above_the_last_figure(broken):
    directory = broken(
        "amount_brackets.yaml",
        lambda d: d["charges"]["贪污"].update(
            thresholds=[30000, 200000], requires_words={3: ["特别重大损失"]}
        ),
    )
    with pytest.raises(StandardError, match=r"charges.贪污.requires_words: 3 must be a bracket index"):
        load_standard(directory=directory)
