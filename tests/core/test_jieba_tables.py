"""jieba's dictionary tables: built once, cached in compact form, read back unchanged."""

from __future__ import annotations

import pytest

from b2b_reader.core import cache, jieba_tables

pytestmark = pytest.mark.skipif(jieba_tables.dictionary_path() is None, reason="jieba not installed")


def _fresh():
    jieba_tables._raw.cache_clear()
    jieba_tables.tables.cache_clear()
    return jieba_tables.tables()


def _entry():
    path = jieba_tables.dictionary_path()
    return cache.cache_dir() / "jieba" / f"{jieba_tables._key(path)}.json"


def test_cached_tables_are_the_dictionary_pass():
    built = _fresh()  # this test's home is empty: built from dict.txt and stored
    assert _entry().is_file()
    read = _fresh()  # now from the cache
    assert read == built
    common, false_names, _bad_given, names, frequent, heads = read
    assert "古老" in common  # tagged nr, an ordinary word
    assert names["北京"] == 8 and frequent["消费"] >= 100
    assert "网上银行" in heads


def test_the_profile_survives_the_cache():
    from b2b_reader.core.ner_features import profile_from_edges

    path = jieba_tables.dictionary_path()
    data = jieba_tables.build(path)
    jieba_tables._raw.cache_clear()
    cache.store("jieba", jieba_tables._key(path), data)
    at, code = jieba_tables.profile_cells()
    edges, kinds = [], bytearray()
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            word, _freq, tag = line.split()
            if len(word) > 1:
                edges.append(word[0] + word[-1])
                kinds.append(jieba_tables.NAME_BITS.get(tag, 0))
    table = profile_from_edges("".join(edges), bytes(kinds))
    assert table.nonzero()[0].tolist() == at and table[at].tolist() == code
    assert table[ord("县")] != 0  # ends many place names


@pytest.mark.parametrize("payload", ["not json", '{"version": "1", "common": 3}', "[]"])
def test_a_broken_entry_is_rebuilt(payload):
    built = _fresh()
    _entry().write_text(payload, encoding="utf-8")
    assert _fresh() == built
    assert cache.load("jieba", _entry().stem)["version"] == jieba_tables.VERSION
