"""Package data is where the installed package looks for it."""

from importlib import resources

from b2b_reader import app, core


def test_styles_are_package_data():
    css = resources.files("b2b_reader.styles").joinpath("app.tcss")
    assert css.is_file()
    assert "ArticleView" in css.read_text(encoding="utf-8")
    assert app.ReaderApp.CSS_PATH.endswith("app.tcss")
    annotations = resources.files("b2b_reader.styles").joinpath("annotations.tcss")
    assert ".article--search" in annotations.read_text(encoding="utf-8")
    # the entity types' styles are derived from their registry (core/entity_types.py)
    from b2b_reader.widgets.annotation_styles import AnnotationStyles

    assert ".article--person { color: $hl-person; text-style: underline; }" in AnnotationStyles.DEFAULT_CSS


def test_default_article_and_marks_ship():
    data = resources.files("b2b_reader.data")
    for name in ("article-1688.md", "article-1688.marks.toml", "article-1688.pinyin.tsv", "ner_model.npz"):
        assert data.joinpath(name).is_file(), name
    assert core.__name__ == "b2b_reader.core"
