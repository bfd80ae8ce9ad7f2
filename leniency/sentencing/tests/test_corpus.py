import io
import json

from leniency.sentencing.corpus import (
    Judgment,
    JudgmentReader,
    Term,
    parse_judgment,
    read_judgments,
    write_judgments,
)

GOOD = {
    "fact": "被告人张某盗窃现金2000元。",
    "meta": {
        "accusation": ["盗窃"],
        "relevant_articles": [264],
        "term_of_imprisonment": {"death_penalty": False, "life_imprisonment": False, "imprisonment": 6},
        "punish_of_money": 2000,
        "criminals": ["张某"],
    },
}


def _line(obj) -> str:
    return json.dumps(obj, ensure_ascii=False) + "\n"


def test_reads_every_cail_field():
    judgment = parse_judgment(_line(GOOD), 3)
    assert judgment.fact.startswith("被告人张某")
    assert judgment.accusation == ["盗窃"]
    assert judgment.relevant_articles == [264]
    assert judgment.term == Term(6)
    assert judgment.punish_of_money == 2000
    assert judgment.criminals == ["张某"]
    assert judgment.line == 3


def test_optional_fields_and_term_may_be_absent():
    judgment = parse_judgment(
        _line({"fact": "事实", "meta": {"accusation": ["诈骗罪"], "relevant_articles": ["266"]}})
    )
    assert judgment.term is None
    assert judgment.accusation == ["诈骗"]  # the 罪 suffix is dropped as in CAIL
    assert judgment.relevant_articles == [266]
    assert judgment.punish_of_money is None and judgment.criminals == []


def test_life_sentence_round_trips():
    obj = {
        "fact": "f",
        "meta": {
            "accusation": ["故意杀人"],
            "relevant_articles": [232],
            "term_of_imprisonment": {"death_penalty": False, "life_imprisonment": True, "imprisonment": 0},
        },
    }
    judgment = parse_judgment(_line(obj))
    assert judgment.term == Term(0, life_imprisonment=True) and not judgment.term.fixed
    assert judgment.to_dict() == obj


def test_bad_lines_are_reported_with_number_and_reason_and_reading_goes_on():
    text = (
        _line(GOOD)
        + "{not json\n"
        + "\n"
        + _line({"meta": {}})
        + _line({**GOOD, "meta": {**GOOD["meta"], "term_of_imprisonment": {"imprisonment": "six"}}})
        + _line({"fact": "x", "meta": {"accusation": ["盗窃"]}})
        + _line(GOOD)
    )
    reader = JudgmentReader(io.StringIO(text), require_term=True)
    judgments = list(reader)
    assert [j.line for j in judgments] == [1, 7]
    assert [e.line for e in reader.errors] == [2, 4, 5, 6]
    messages = [str(e) for e in reader.errors]
    assert messages[0].startswith("line 2: not valid JSON")
    assert "fact" in messages[1]
    assert "imprisonment" in messages[2] and "six" in messages[2]
    assert "term_of_imprisonment" in messages[3]


def test_records_keep_errors_in_order():
    text = _line(GOOD) + "[1, 2]\n" + _line(GOOD)
    kinds = [type(r).__name__ for r in JudgmentReader(io.StringIO(text)).records()]
    assert kinds == ["Judgment", "CorpusError", "Judgment"]


def test_negative_months_are_refused_unless_they_encode_life_or_death():
    bad = {**GOOD, "meta": {**GOOD["meta"], "term_of_imprisonment": {"imprisonment": -3}}}
    judgments, errors = read_judgments(io.StringIO(_line(bad)))
    assert judgments == [] and "negative" in errors[0].reason
    life = {
        **GOOD,
        "meta": {**GOOD["meta"], "term_of_imprisonment": {"imprisonment": -1, "life_imprisonment": True}},
    }
    judgments, errors = read_judgments(io.StringIO(_line(life)))
    assert errors == [] and judgments[0].term.life_imprisonment


def test_write_then_read_is_lossless(tmp_path):
    path = tmp_path / "out.jsonl"
    originals = [parse_judgment(_line(GOOD), 1), Judgment(fact="无刑期", accusation=["诈骗"], line=2)]
    assert write_judgments(originals, path) == 2
    assert "张某" in path.read_text(encoding="utf-8")  # not \\u-escaped
    again, errors = read_judgments(path)
    assert errors == []
    assert again == originals


def test_reads_the_shared_dev_file(shared_data):
    judgments, errors = read_judgments(shared_data / "cail-term-dev.jsonl", require_term=True)
    assert errors == []
    assert len(judgments) == 209
    assert sum(not j.term.fixed for j in judgments) >= 1
    assert all(j.accusation for j in judgments)
