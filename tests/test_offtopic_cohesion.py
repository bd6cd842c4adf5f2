"""OT cohesion: the fast coverage paths agree with the definition written out plainly."""

from __future__ import annotations

import math

import pytest

from scrapelint.document import Document
from scrapelint_rules.offtopic.cohesion import Article, Coverage
from scrapelint_rules.offtopic.vocabulary import frequency, paragraph_vocabularies, vocabulary

SPREAD = 2.5

PARAGRAPHS = [
    "Harbour Lantern Repairs",  # a heading that shares stems with its paragraph
    "Volunteers repaired the harbour lantern and its brass vents over the winter.",
    "Keeper Logbooks",  # a heading that shares no stem with its paragraph
    "The tower stairs were painted red while the lantern glass was cut by hand.",
    "Sourdough starters need rye flour and water every morning before baking.",
    "The harbour trust thanked every volunteer who climbed the tower stairs.",
]
TITLE = "Volunteers restore the harbour lantern"


def article() -> tuple[Article, tuple[dict[str, float], ...]]:
    doc = Document("\n\n".join(PARAGRAPHS) + "\n")
    vocabularies = paragraph_vocabularies(doc)
    built = Article(
        vocabularies.terms,
        vocabulary(TITLE),
        tokens=vocabularies.tokens,
        title_places=1,
        spread=SPREAD,
    )
    return built, vocabularies.terms


def expected(terms: tuple[dict[str, float], ...], text: int, excluded: range) -> Coverage:
    """Coverage by definition: credit by places outside ``excluded``, net of chance."""
    tokens = paragraph_vocabularies(Document("\n\n".join(PARAGRAPHS) + "\n")).tokens
    title = vocabulary(TITLE)
    shared = total = chance = 0.0
    for stem, weight in terms[text].items():
        places = sum(stem in terms[i] for i in range(len(terms)) if i not in excluded)
        places += stem in title
        credit = min(1.0, max(0.0, places / SPREAD))
        expect = -weight * math.expm1(-frequency(weight) * tokens)
        shared += weight * credit
        total += weight
        chance += expect
    return Coverage(shared - chance, total - chance, len(terms[text]))


@pytest.mark.parametrize(
    ("text", "excluded"),
    [
        (1, range(0, 2)),  # body under a heading that shares its stems
        (3, range(2, 4)),  # body under a heading that shares nothing
        (4, range(4, 5)),  # a paragraph on its own
        (3, range(2, 5)),  # a pair of blocks left out together
        (0, range(0, 2)),  # a heading scored against the rest
    ],
)
def test_coverage_follows_the_definition(text: int, excluded: range) -> None:
    built, terms = article()
    got = built.coverage(range(text, text + 1), excluded)
    want = expected(terms, text, excluded)
    assert got.terms == want.terms
    assert got.shared == pytest.approx(want.shared)
    assert got.total == pytest.approx(want.total)


def test_block_coverages_at_once_equal_one_by_one() -> None:
    built, _ = article()
    bodies, firsts = [1, 3, 4, 5], [0, 2, 4, 5]
    at_once = built.under_headings(bodies, firsts)
    one_by_one = [
        built.coverage(range(b, b + 1), range(f, b + 1))
        for b, f in zip(bodies, firsts, strict=True)
    ]
    assert at_once == one_by_one
    # The heading that repeats its paragraph's words lowers that paragraph's support.
    alone = built.coverage(range(1, 2), range(1, 2))
    assert at_once[0].shared < alone.shared
