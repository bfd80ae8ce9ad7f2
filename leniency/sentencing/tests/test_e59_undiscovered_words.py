"""A crime told as done before the judgment being served (其于判决宣告以前实施的盗窃犯罪) is art. 70's (漏罪: 在判决宣告
以前还有其他罪没有判决), E59's patch to extraction/undiscovered.py; one told as done after it is not. Texts written here."""

from __future__ import annotations

from leniency.sentencing.extraction.undiscovered import find_undiscovered

SERVING = "被告人贺某因犯抢劫罪被判处有期徒刑六年，在某监狱服刑期间，主动交代了公安机关尚未掌握的"


def test_a_crime_told_as_done_before_the_judgment_is_undiscovered():
    assert (
        find_undiscovered(SERVING + "其于判决宣告以前实施的盗窃犯罪：2017年4月，贺某窃取摩托车一辆。")
        is not None
    )


def test_a_crime_after_the_judgment_is_not():
    assert (
        find_undiscovered(SERVING + "其于判决宣告以后实施的盗窃犯罪：2019年4月，贺某窃取摩托车一辆。") is None
    )
