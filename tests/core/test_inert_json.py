"""``analyze --json`` encodes once: what it decodes to is the inert data, string by string."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from b2b_reader.core.inert import inert_data, inert_json

# Chinese text with every kind of character the terminal boundary cares about mixed in.
_text = st.text(alphabet=st.sampled_from(list("阿里巴巴发布财报，营收增长。\\\"\t\n\r\b\f\x00\x1b\x7f\x9b\u202e\u2066\ud800/ab1")),
                max_size=30)
_item = st.dictionaries(_text, st.one_of(_text, st.integers(), st.none(), st.lists(st.integers(), max_size=3)), max_size=4)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(_text, st.one_of(_text, st.lists(_item, max_size=4), _item), max_size=5))
def test_the_encoded_text_decodes_to_the_inert_data(data):
    text = inert_json(data)
    assert json.loads(text) == inert_data(data)
    assert text.isprintable() or all(c.isprintable() or c == "\n" for c in text)  # nothing raw


def test_one_record_per_line():
    data = {"schema": 1, "entities": [{"text": "阿里巴巴", "type": "org"}, {"text": "马云\x9b2J", "type": "person"}]}
    lines = inert_json(data).splitlines()
    assert lines[3] == '  {"text": "阿里巴巴", "type": "org"},'
    assert lines[4] == '  {"text": "马云\ufffd2J", "type": "person"}'
