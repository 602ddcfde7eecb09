"""The terminal boundary's one function: what it leaves and what it replaces."""

from __future__ import annotations

from b2b_reader.core.inert import REPLACEMENT, inert, inert_data


def test_escape_sequences_lose_their_controls_and_stay_visible():
    name = "報告\x1b]52;c;cm0gLXJmIH4=\x1b\\\x1b]2;pwned\x07\x9b31m\x7f.txt"
    assert inert(name) == "報告\ufffd]52;c;cm0gLXJmIH4=\ufffd\\\ufffd]2;pwned\ufffd\ufffd31m\ufffd.txt"


def test_tab_and_newline_stay_in_text_but_not_on_one_line():
    text = "第一段\t淘宝。\n第二段\r天猫。\u2028"
    assert inert(text) == f"第一段\t淘宝。\n第二段{REPLACEMENT}天猫。\u2028"
    assert inert(text, line=True) == "第一段\ufffd淘宝。\ufffd第二段\ufffd天猫。\ufffd"


def test_bidi_controls_are_dropped_and_surrogates_replaced():
    assert inert("阿里\u202e巴巴\u2066") == "阿里巴巴"
    assert inert("b\udcff.txt") == "b\ufffd.txt"  # a file name that was not UTF-8
    assert inert("b\udcff.txt").encode("utf-8")


def test_clean_text_is_returned_as_it_is():
    text = "1688這個熟悉又陌生的名字以這種方式走向臺前，或許會令人稍感詫異。"
    assert inert(text) is text


def test_json_data_every_string_and_key():
    data = {"title\x1b": "標題\x9b2J", "items": [{"en": "supply \x1b[31mchain"}, 3, None, True]}
    assert inert_data(data) == {"title\ufffd": "標題\ufffd2J", "items": [{"en": "supply \ufffd[31mchain"}, 3, None, True]}
