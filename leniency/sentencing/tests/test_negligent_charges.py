"""Crimes defined by negligence (刑法第15条) as catalogue data: standards/negligent_charges.yaml."""

import pytest
import yaml

from leniency.sentencing import catalogue
from leniency.sentencing.catalogue import find_charge, negligent_charges
from leniency.sentencing.extraction.recidivism import negligent


def test_the_negligent_crimes_are_read_from_the_catalogue_data():
    assert find_charge("交通肇事").negligent  # 第133条: an accident the driver caused
    assert find_charge("过失致人死亡").negligent  # 第233条
    assert find_charge("玩忽职守").negligent  # 第397条: neglect of duty
    assert not find_charge("故意杀人").negligent  # 第232条: intentional, just outside
    assert not find_charge("滥用职权").negligent  # 第397条's intentional twin stays out
    assert not find_charge("污染环境").negligent  # contested, read as intentional


def test_recidivism_asks_the_catalogue_under_any_name_of_the_charge():
    assert negligent("交通肇事罪") and negligent("过失致人重伤")
    assert not negligent("盗窃罪")
    assert negligent("过失致人死亡") == find_charge("过失致人死亡").negligent


def test_every_row_is_a_catalogue_charge_of_its_own_article():
    assert len(negligent_charges()) == 42
    for name in negligent_charges():
        info = find_charge(name)
        assert info is not None and info.name == name


def _load(tmp_path, monkeypatch, rows):
    path = tmp_path / "negligent_charges.yaml"
    path.write_text(yaml.safe_dump({"negligent": rows}, allow_unicode=True), encoding="utf-8")
    monkeypatch.setattr(catalogue, "NEGLIGENT_FILE", path)
    negligent_charges.cache_clear()
    try:
        return negligent_charges()
    finally:
        monkeypatch.undo()
        negligent_charges.cache_clear()


def test_a_file_row_is_validated_on_load(tmp_path, monkeypatch):
    good = {"name": "失火", "article": "第一百一十五条"}
    assert _load(tmp_path, monkeypatch, [good]) == {"失火"}
    with pytest.raises(ValueError, match="not a catalogue charge name"):
        _load(tmp_path, monkeypatch, [{"name": "飞天遁地", "article": "第一百一十五条"}])
    with pytest.raises(ValueError, match="is in 第一百一十五条, not 第一百一十六条"):
        _load(tmp_path, monkeypatch, [{"name": "失火", "article": "第一百一十六条"}])
