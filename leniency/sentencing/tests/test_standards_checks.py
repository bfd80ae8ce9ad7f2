"""The standards loader checks what the calculator and the extraction read and used to trust (issue 16, E21):
amount_brackets.yaml `fine_limits` and `threshold_variants`, a crime file's `threshold_variants`, an increment's
`measure` against the crime's, and circumstances.yaml `not_when_element`. Each test writes a small YAML of its own
in tmp_path, shows it loads, breaks one field and expects the error to name the file, the entry and the field."""

import re

import pytest
import yaml

from leniency.sentencing.standards import (
    VULNERABLE_KINDS,
    StandardError,
    amount_brackets_file,
    parse_circumstances,
    parse_crime,
)

AMOUNTS = """
charges:
  贪污:
    thresholds: [30000, 200000, 3000000]
    source: 法释〔2016〕9号第一条至第三条
    threshold_variants:
    - id: special_funds
      zh: 贪污救灾款物
      when: {text_any: [救灾], before: 2030-01-01}
      thresholds: [10000, 100000, 1500000]
      source: 法释〔2016〕9号第一条第二款
fine_limits:
- id: corruption.fine_by_term
  charges: [贪污]
  by_bracket:
  - {min_yuan: 100000, max_yuan: 500000, zh: 三年以下，十万元以上五十万元以下, en: "up to three years"}
  - {min_yuan: 200000, max_times_amount: 2, zh: 三年以上，二十万元以上数额二倍以下, en: "three years or more"}
  source: 法释〔2016〕9号第十九条第一款
  confidence: high
- id: chapter.fine
  articles: [382, 396]
  by_bracket:
  - {min_yuan: 100000, max_times_amount: 2, zh: 十万元以上数额二倍以下, en: "100,000 to twice the amount"}
  source: 法释〔2016〕9号第十九条第二款
"""

CRIME = """
id: theft_small
charge: 盗窃
article: 264
guideline: {document: spc2021, item: "四(7)"}
confidence: medium
measure: amount
thresholds: {large: 2000, huge: 30000}
threshold_variants:
- id: local
  zh: 本地标准
  source: 测试用省级标准
  when: {text_none: [扒窃], from: 2020-01-01}
  thresholds: {large: 3000}
tiers:
- id: basic
  zh: 数额较大
  start: [1, 12]
  start_at: 3
  increments:
  - {measure: amount, per: 2000, months: 1, above: large, max_months: 24}
"""

CIRCUMSTANCES = """
circumstances:
  vulnerable_victim:
    zh: 犯罪对象为弱势人员
    direction: up
    tier: additive
    scope: act
    range: [0.0, 0.2]
    default: 0.1
    mandatory: false
    source: {document: spc2021, item: "三(17)"}
    confidence: high
    not_when_element:
      强奸: [under_14]
      遗弃: [under_14, minor, elderly, disabled]
"""


def _amounts(tmp_path, change=None):
    data = yaml.safe_load(AMOUNTS)
    if change:
        change(data)
    path = tmp_path / "amount_brackets.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return amount_brackets_file(path)


def _crime(change=None):
    data = yaml.safe_load(CRIME)
    if change:
        change(data)
    return parse_crime(data, "crimes/theft_small.yaml")


def _circumstances(change=None):
    data = yaml.safe_load(CIRCUMSTANCES)
    if change:
        change(data["circumstances"]["vulnerable_victim"])
    return parse_circumstances(data)


def _set(path, value):
    """A change setting the field at `path` (keys and indices) to `value`."""

    def change(data):
        for key in path[:-1]:
            data = data[key]
        data[path[-1]] = value

    return change


def test_the_small_files_load_as_written(tmp_path):
    assert _amounts(tmp_path)["fine_limits"][0]["by_bracket"][1]["max_times_amount"] == 2
    assert _crime().extra["threshold_variants"][0]["thresholds"] == {"large": 3000}
    assert "vulnerable_victim" in _circumstances()


# --- fine_limits (amount_brackets.yaml) ------------------------------------------------------------------------


def test_fine_limits_name_a_charge_by_its_catalogue_name(tmp_path):
    # 贪污罪 resolves to 贪污, but calculator_fine_limits compares names exactly: it would never bind
    with pytest.raises(
        StandardError, match=re.escape("fine_limits[0] (corruption.fine_by_term).charges: '贪污罪'")
    ):
        _amounts(tmp_path, _set(["fine_limits", 0, "charges"], ["贪污罪"]))


def test_a_fine_ceiling_below_its_floor_is_refused(tmp_path):
    _amounts(tmp_path, _set(["fine_limits", 0, "by_bracket", 0, "max_yuan"], 100000))  # equal: lawful
    with pytest.raises(
        StandardError,
        match=re.escape(
            "amount_brackets.yaml: fine_limits[0] (corruption.fine_by_term).by_bracket[0].max_yuan"
        ),
    ):
        _amounts(tmp_path, _set(["fine_limits", 0, "by_bracket", 0, "max_yuan"], 99999))


def test_a_fine_bracket_needs_its_floor(tmp_path):
    with pytest.raises(
        StandardError, match=re.escape("fine_limits[1] (chapter.fine).by_bracket[0]: missing key 'min_yuan'")
    ):
        _amounts(tmp_path, lambda d: d["fine_limits"][1]["by_bracket"][0].pop("min_yuan"))


def test_a_fine_limit_binds_someone(tmp_path):
    def articles_only(data):
        data["fine_limits"][0].pop("charges")
        data["fine_limits"][0]["articles"] = [382, 383]

    assert _amounts(tmp_path, articles_only)["fine_limits"][0]["articles"] == [382, 383]
    with pytest.raises(
        StandardError, match=re.escape("fine_limits[1] (chapter.fine): needs charges or articles")
    ):
        _amounts(tmp_path, lambda d: d["fine_limits"][1].pop("articles"))
    with pytest.raises(
        StandardError, match=re.escape("fine_limits[1] (chapter.fine).articles: expected [first")
    ):
        _amounts(tmp_path, _set(["fine_limits", 1, "articles"], [396, 382]))


# --- threshold_variants -----------------------------------------------------------------------------------------


def test_an_amount_variant_rises_and_fits_the_brackets(tmp_path):
    where = "amount_brackets.yaml: charges.贪污.threshold_variants[0].thresholds"
    with pytest.raises(StandardError, match=re.escape(f"{where}: must be a non-empty rising list")):
        _amounts(tmp_path, _set(["charges", "贪污", "threshold_variants", 0, "thresholds"], [10000, 10000]))
    with pytest.raises(StandardError, match=re.escape(f"{where}: 5 figures but the charge has")):
        _amounts(tmp_path, _set(["charges", "贪污", "threshold_variants", 0, "thresholds"], [1, 2, 3, 4, 5]))


def test_an_amount_variant_condition_must_be_one_the_calculator_reads(tmp_path):
    # text_anyy would be ignored by variant_applies, and the lower figures would hold for every case
    with pytest.raises(
        StandardError,
        match=re.escape("charges.贪污.threshold_variants[0].when.text_anyy: unknown condition"),
    ):
        _amounts(
            tmp_path, _set(["charges", "贪污", "threshold_variants", 0, "when"], {"text_anyy": ["救灾"]})
        )
    with pytest.raises(StandardError, match=re.escape("threshold_variants[0].when.before: not an ISO date")):
        _amounts(tmp_path, _set(["charges", "贪污", "threshold_variants", 0, "when", "before"], "2030年"))


def test_a_crime_variant_gives_amounts_under_conditions_the_calculator_reads():
    with pytest.raises(
        StandardError,
        match=re.escape("crimes/theft_small.yaml: threshold_variants[0].when.text_all: unknown"),
    ):
        _crime(_set(["threshold_variants", 0, "when"], {"text_all": ["扒窃"]}))
    with pytest.raises(
        StandardError,
        match=re.escape("crimes/theft_small.yaml: threshold_variants[0].thresholds.large: expected"),
    ):
        _crime(_set(["threshold_variants", 0, "thresholds"], {"large": "三千"}))


# --- an increment's measure -------------------------------------------------------------------------------------


def test_an_increment_measure_must_be_read_for_the_crime():
    # grams are read through a drug crime's conversion only: in a theft they would add nothing, silently
    with pytest.raises(
        StandardError,
        match=re.escape(
            "crimes/theft_small.yaml: tiers[0].increments[0].measure: 'grams' is read only for a crime"
        ),
    ):
        _crime(_set(["tiers", 0, "increments", 0, "measure"], "grams"))
    assert (
        _crime(_set(["tiers", 0, "increments", 0, "measure"], "counts")).tiers[0].increments[0].measure
        == "counts"
    )


def test_an_increment_cap_and_base_are_numbers():
    with pytest.raises(
        StandardError, match=re.escape("tiers[0].increments[0].max_months: expected a positive")
    ):
        _crime(_set(["tiers", 0, "increments", 0, "max_months"], 0))
    with pytest.raises(
        StandardError, match=re.escape("tiers[0].increments[0].above: expected a threshold name or")
    ):
        _crime(_set(["tiers", 0, "increments", 0, "above"], -1))
    assert _crime(_set(["tiers", 0, "increments", 0, "above"], 5000)).tiers[0].increments[0].above == 5000


# --- not_when_element (circumstances.yaml) ----------------------------------------------------------------------


def test_not_when_element_lists_kinds_the_extraction_names():
    where = "circumstances.yaml: circumstances.vulnerable_victim.not_when_element.强奸"
    with pytest.raises(StandardError, match=re.escape(f"{where}: ['child'] not a victim kind")):
        _circumstances(_set(["not_when_element", "强奸"], ["under_14", "child"]))
    with pytest.raises(StandardError, match=re.escape(f"{where}: must be a non-empty list")):
        _circumstances(_set(["not_when_element", "强奸"], []))


def test_not_when_element_names_the_charge_as_the_extraction_looks_it_up():
    # extraction/vulnerable_victims._excluded_kinds looks the key up by the catalogue name: 强奸罪 would never match
    with pytest.raises(
        StandardError, match=re.escape("not_when_element.强奸罪: write the catalogue's name '强奸'")
    ):
        _circumstances(lambda r: r["not_when_element"].update({"强奸罪": r["not_when_element"].pop("强奸")}))
    with pytest.raises(
        StandardError, match=re.escape("not_when_element.飞天遁地: not a charge in the catalogue")
    ):
        _circumstances(_set(["not_when_element", "飞天遁地"], ["minor"]))


def test_the_kinds_are_those_the_extraction_gives():
    from leniency.sentencing.extraction.vulnerable_victims import VULNERABLE_WORDS

    by_age = {"under_14", "minor", "elderly"}  # vulnerable_victims: the victim's age
    assert {kind for kind, _ in VULNERABLE_WORDS} | by_age == VULNERABLE_KINDS
