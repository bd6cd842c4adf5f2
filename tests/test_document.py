from __future__ import annotations

from scrapelint.document import Document, Line, tuple_maker


def test_lines_keep_offsets_with_crlf_and_cr() -> None:
    text = "First line\r\nSecond line\rThird line\nFourth"
    doc = Document(text)
    assert [line.text for line in doc.lines] == [
        "First line",
        "Second line",
        "Third line",
        "Fourth",
    ]
    for line in doc.lines:
        assert text[line.start : line.end] == line.text
    assert doc.position(text.index("Third")) == (3, 1)
    assert doc.position(text.index("line\nFourth") + 2) == (3, 9)


def test_paragraphs_are_blank_line_separated() -> None:
    doc = Document("Heading here\nBody starts.\n\nSecond paragraph.\n\n\nThird.")
    paras = doc.paragraphs
    assert [p.text for p in paras] == ["Heading here\nBody starts.", "Second paragraph.", "Third."]
    assert (paras[0].first_line, paras[0].last_line) == (0, 1)
    assert doc.paragraph_of_line(3) is paras[1]
    assert doc.paragraph_of_line(2) is None


def test_without_blank_lines_each_line_is_a_paragraph() -> None:
    doc = Document("One line.\nTwo line.\nThree line.")
    assert [p.text for p in doc.paragraphs] == ["One line.", "Two line.", "Three line."]


def test_sentences_carry_spans_into_the_original() -> None:
    text = "Mr. Smith arrived at 9 a.m. on Monday. He left.\n\nA new paragraph here!"
    doc = Document(text)
    assert [s.text for s in doc.sentences] == [
        "Mr. Smith arrived at 9 a.m. on Monday.",
        "He left.",
        "A new paragraph here!",
    ]
    for s in doc.sentences:
        assert text[s.start : s.end] == s.text
    assert doc.sentences[2].paragraph == 1


def test_words_and_site() -> None:
    doc = Document("It's a well-known fact: 3.5 percent.", url="https://www.example.com/a/b")
    assert [w.text for w in doc.words] == ["It's", "a", "well-known", "fact", "3", "5", "percent"]
    assert doc.site == "example.com"
    assert Document("x", url="not a url").site is None


def test_views_are_built_once() -> None:
    doc = Document("text")
    calls: list[int] = []

    def build(d: Document) -> int:
        calls.append(1)
        return len(d.text)

    assert doc.view("k", build) == 4
    assert doc.view("k", build) == 4
    assert calls == [1]


def test_empty_text_has_one_blank_line_and_no_paragraphs() -> None:
    doc = Document("")
    assert len(doc.lines) == 1
    assert doc.paragraphs == ()
    assert doc.sentences == ()
    assert doc.position(0) == (1, 1)


def test_end_position_stays_on_the_spans_last_line() -> None:
    doc = Document("abc\ndef")
    assert doc.end_position(0, 3) == (1, 4)
    assert doc.end_position(4, 7) == (2, 4)


def test_a_view_builder_may_use_other_views() -> None:
    doc = Document("one two three")

    def words(d: Document) -> int:
        return len(d.tokens)

    def doubled(d: Document) -> int:
        return 2 * d.view("count", words)

    assert doc.view("doubled", doubled) == 6
    assert doc.view("count", words) == 3


def test_tuple_maker_builds_the_same_named_tuple() -> None:
    make = tuple_maker(Line)
    built = make((3, 10, 14, "text"))
    assert built == Line(3, 10, 14, "text")
    assert type(built) is Line and built.number == 4 and built.text == "text"
