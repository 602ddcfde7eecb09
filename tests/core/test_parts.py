"""Every part of a document is analysed: the title and headings have their own spans."""

import json

from b2b_reader.core import pipeline

ARTICLE = (
    "阿里巴巴将1688升为一级业务\n\n"
    "2023年11月，阿里巴巴宣布重新梳理国内电商业务板块，将闲鱼、1688提升为一级业务。\n"
    "淘天集团总裁戴珊亲自到一线指挥作战。\n\n"
    "戴珊与下沉市场\n\n"
    "1688这个熟悉又陌生的名字以这种方式走向台前，或许会令人稍感诧异。\n"
)


def _analysed(text: str, name: str = "a.txt"):
    loaded = pipeline.load_text(text, name)
    views = pipeline.make_views(loaded.document)
    return loaded, views, pipeline.analyze(loaded.document, views)


def _json(text: str, name: str = "a.txt", **view) -> dict:
    return pipeline.analysis_json(*_analysed(text, name), **view)


def test_title_and_heading_entities_are_in_analyze_json_with_their_part():
    data = _json(ARTICLE)
    assert data["document"]["title"] == "阿里巴巴将1688升为一级业务"
    title = {(e["text"], e["type"]) for e in data["document"]["title_entities"]}
    assert ("阿里巴巴", "org") in title
    heading = data["sections"][1]
    assert heading["title"] == "戴珊与下沉市场"
    assert ("戴珊", "person") in {(e["text"], e["type"]) for e in heading["title_entities"]}
    for entity in heading["title_entities"]:
        assert heading["title"][entity["start"]:entity["end"]] == entity["text"]
    # Body numbering is the body's: the title and heading are not paragraphs.
    assert [p["text"][:4] for p in data["paragraphs"]] == ["2023", "淘天集团", "1688"]
    assert all(data["paragraphs"][e["paragraph"]]["text"][e["start"]:e["end"]] == e["text"]
               for e in data["entities"])
    assert {e["text"] for e in data["entities"]} >= {"阿里巴巴", "戴珊", "淘天集团"}


def test_a_glossary_term_in_a_heading_is_reported_there():
    data = _json(ARTICLE)
    sinking = next(g for g in data["glossary"] if g["term"] == "下沉市场")
    assert sinking["occurrences"] == []  # the body never says it
    assert sinking["title_occurrences"] == [{"part": "heading", "section": 1, "start": 3, "end": 7}]
    level_one = next(g for g in data["glossary"] if g["term"] == "一级业务")
    assert [o["part"] for o in level_one["title_occurrences"]] == ["title"]
    assert len(level_one["occurrences"]) == 1


def test_title_spans_follow_a_view_that_changes_lengths():
    text = "淘宝用户增长 阿里巴巴首席执行官吴泳铭表示\n\n阿里巴巴首席执行官吴泳铭表示，淘宝的用户规模还在增长。\n"
    data = _json(text, script="traditional", variant="twp")
    title = data["document"]["title"]
    assert "使用者" in title  # s2twp rewrote 用户, a length change before the names
    for entity in data["document"]["title_entities"]:
        assert title[entity["start"]:entity["end"]] == entity["text"]
    assert {"阿里巴巴", "吳泳銘"} <= {e["text"] for e in data["document"]["title_entities"]}


def test_a_file_name_shown_as_title_is_not_analysed():
    text = "2023年11月，阿里巴巴宣布将闲鱼、1688提升为一级业务。\n"
    loaded, views, analysis = _analysed(text, "阿里巴巴2031年计划.txt")
    assert loaded.document.title == "阿里巴巴2031年计划.txt"
    assert analysis.heads == []
    assert analysis.date[:4] == "2023"  # not the year in the file's name


def test_title_spans_survive_the_cache():
    _analysed(ARTICLE)
    loaded, views, cached = _analysed(ARTICLE)
    assert cached.heads and cached.heads == _analysed(ARTICLE)[2].heads
    assert {(s.part, s.paragraph) for s in cached.heads} >= {("title", 0), ("heading", 1)}
    assert json.dumps(pipeline.analysis_json(loaded, views, cached), ensure_ascii=False)


def test_the_html_export_marks_the_names_in_the_title_and_headings():
    from b2b_reader.core.export import export

    html = export(*_analysed(ARTICLE), "html", script="simplified")
    h1 = html[html.index("<h1>"):html.index("</h1>")]
    assert 'class="e-org"' in h1 and ">阿里巴巴</span>" in h1
    h2 = html[html.index("<h2>"):html.index("</h2>")]
    assert 'class="e-person"' in h2 and ">戴珊</span>" in h2


def test_the_default_article_title_and_headings_carry_their_names(default_analysed):
    loaded, views, analysis = default_analysed
    data = pipeline.analysis_json(loaded, views, analysis, "traditional", "tw")
    title = data["document"]["title"]
    assert title == "阿里最古老的業務走向臺前：1688升為一級業務"
    assert {(e["text"], e["type"]) for e in data["document"]["title_entities"]} >= {("阿里", "org"), ("1688", "org")}
    first = data["sections"][1]
    assert ("淘寶", "org") in {(e["text"], e["type"]) for e in first["title_entities"]}
    # The body is as before: 43 paragraphs, the first one the lead.
    assert len(data["paragraphs"]) == 43 and data["paragraphs"][0]["text"].startswith("雙11")


def test_analyze_json_from_the_command_line_reports_the_headline(tmp_path):
    import subprocess
    import sys

    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "b2b_reader", "analyze", str(path), "--json"],
                          capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["document"]["title"] == "阿里巴巴将1688升为一级业务"
    assert "阿里巴巴" in {e["text"] for e in data["document"]["title_entities"]}
    assert [s["title"] for s in data["sections"]] == [None, "戴珊与下沉市场"]


def test_a_query_in_either_script_is_found_in_a_heading(default_analysed):
    from b2b_reader.core.search import find_in_text, heading_counts

    _, views, _ = default_analysed
    heading = views.heading("traditional", "tw", 1)
    assert heading.startswith("不甘當淘寶配角")
    assert find_in_text(heading, "淘宝", "traditional") == [(3, 5)]  # simplified query, traditional text
    assert heading_counts(views, "traditional", "tw", "淘宝") == {1: 1}
    assert heading_counts(views, "simplified", "std", "下沉市场") == {2: 1}
