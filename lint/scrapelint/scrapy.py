"""A Scrapy item pipeline that scores, cleans or drops scraped articles.

Enable it in the project settings::

    ITEM_PIPELINES = {"scrapelint.scrapy.ScrapelintPipeline": 800}
    SCRAPELINT_MODE = "clean"        # or "annotate" (default)
    SCRAPELINT_DROP_BELOW = 60       # drop items scoring lower (0-100)

Items may be dicts or anything ``itemadapter`` supports (scrapy.Item,
dataclasses, attrs). Items without a string text field pass through
untouched. Linting runs in single-document mode: corpus rules need the whole
crawl and are for ``scrapelint check`` or :mod:`scrapelint.dask` afterwards.
Install with ``pip install 'scrapelint[scrapy]'``.

``import scrapy`` below is an absolute import of the third-party package:
this module is ``scrapelint.scrapy`` and does not shadow it.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from itemadapter import ItemAdapter
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from scrapy.settings import BaseSettings

from scrapelint.config import Config, config_from_mapping, load_config
from scrapelint.diagnostics import Diagnostic, Severity
from scrapelint.document import Document
from scrapelint.fixer import FixOutcome
from scrapelint.linter import Linter, annotation, quality_score

logger = logging.getLogger(__name__)

MODES = ("annotate", "clean")
#: How many distinct reasons a DropItem message names.
TOP_REASONS = 3
_SEVERITY_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}

__all__ = ["MODES", "ScrapelintPipeline"]


class ScrapelintPipeline:
    """Annotate each item with a quality score and diagnostics; optionally clean or drop it.

    Settings (all optional; a bad value fails the crawl at start rather than
    silently disabling the pipeline):

    - ``SCRAPELINT_CONFIG``: a config file path or a dict in the config file's schema.
    - ``SCRAPELINT_TEXT_FIELD`` / ``_TITLE_FIELD`` / ``_URL_FIELD`` / ``_ID_FIELD``: item
      field names (default: the config's, i.e. text, title, url, id).
    - ``SCRAPELINT_MODE``: ``annotate`` (report only) or ``clean`` (apply safe fixes to the text).
    - ``SCRAPELINT_UNSAFE_FIXES``: in clean mode, also apply unsafe fixes.
    - ``SCRAPELINT_DROP_BELOW``: drop items whose score (0-100) is lower.
    - ``SCRAPELINT_FIELD``: the annotation's field (default ``scrapelint``); a ``scrapy.Item``
      must declare it. An empty string disables the annotation.
    """

    def __init__(
        self,
        linter: Linter,
        *,
        text_field: str = "text",
        title_field: str = "title",
        url_field: str = "url",
        id_field: str = "id",
        mode: str = "annotate",
        unsafe: bool = False,
        drop_below: float | None = None,
        field: str = "scrapelint",
        stats: Any = None,
    ) -> None:
        if mode not in MODES:
            raise ValueError(f"SCRAPELINT_MODE must be one of {', '.join(MODES)}, not {mode!r}")
        if drop_below is not None and not 0 <= drop_below <= 100:
            raise ValueError(f"SCRAPELINT_DROP_BELOW takes a score from 0 to 100, not {drop_below}")
        self.linter = linter
        self.text_field = text_field
        self.title_field = title_field
        self.url_field = url_field
        self.id_field = id_field
        self.mode = mode
        self.unsafe = unsafe
        self.drop_below = drop_below
        self.field = field
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ScrapelintPipeline:
        settings = crawler.settings
        config = _config(settings.get("SCRAPELINT_CONFIG"))
        names = config.fields
        drop = settings.get("SCRAPELINT_DROP_BELOW")
        return cls(
            Linter(config),
            text_field=settings.get("SCRAPELINT_TEXT_FIELD") or names.text,
            title_field=settings.get("SCRAPELINT_TITLE_FIELD") or names.title,
            url_field=settings.get("SCRAPELINT_URL_FIELD") or names.url,
            id_field=settings.get("SCRAPELINT_ID_FIELD") or names.id,
            mode=str(settings.get("SCRAPELINT_MODE") or "annotate").lower(),
            unsafe=settings.getbool("SCRAPELINT_UNSAFE_FIXES"),
            drop_below=None if drop in (None, "") else _score(settings, "SCRAPELINT_DROP_BELOW"),
            field=str(settings.get("SCRAPELINT_FIELD", "scrapelint") or ""),
            stats=crawler.stats,
        )

    # -- the pipeline ---------------------------------------------------------

    def process_item(self, item: Any, spider: Any = None) -> Any:
        """Lint the item's text; annotate, clean or drop it (``spider`` is unused)."""
        adapter = ItemAdapter(item)
        text = adapter.get(self.text_field)
        if not isinstance(text, str):
            self._inc("skipped")
            return item
        item_id = adapter.get(self.id_field)
        doc = Document(
            text,
            title=_string(adapter.get(self.title_field)),
            url=_string(adapter.get(self.url_field)),
            path="<item>",
            id=None if item_id is None else str(item_id),
        )
        if self.mode == "clean":
            outcome = self.linter.fix(doc, unsafe=self.unsafe)
        else:
            outcome = FixOutcome(text, remaining=self.linter.check(doc))
        score = quality_score(outcome.text, outcome.remaining)
        self._inc("items")
        self._inc("fixes", len(outcome.applied))
        if self.drop_below is not None and score < self.drop_below:
            self._inc("dropped")
            raise DropItem(
                f"scrapelint score {score} is below {self.drop_below}: "
                f"{top_reasons(outcome.remaining)}"
            )
        if outcome.applied:
            adapter[self.text_field] = outcome.text
        if self.field:
            self._annotate(adapter, score, outcome)
        return item

    def _annotate(self, adapter: ItemAdapter, score: float, outcome: FixOutcome) -> None:
        note = annotation(outcome)
        try:
            adapter[self.field] = note
        except KeyError:
            raise KeyError(
                f"{type(adapter.item).__name__} has no field {self.field!r} for the scrapelint "
                f"annotation: declare it, or set SCRAPELINT_FIELD to an existing field "
                f"(or to '' for none)"
            ) from None

    def _inc(self, key: str, count: int = 1) -> None:
        if self.stats is not None and count:
            self.stats.inc_value(f"scrapelint/{key}", count)


def top_reasons(diagnostics: list[Diagnostic], limit: int = TOP_REASONS) -> str:
    """The most serious distinct rules among ``diagnostics``, with their first message."""
    by_rule: dict[str, list[Diagnostic]] = {}
    for d in diagnostics:
        by_rule.setdefault(d.rule, []).append(d)
    ranked = sorted(
        by_rule.values(),
        key=lambda ds: (_SEVERITY_RANK[ds[0].severity], -sum(d.end - d.start for d in ds)),
    )
    parts = []
    for ds in ranked[:limit]:
        first = ds[0]
        times = f" (x{len(ds)})" if len(ds) > 1 else ""
        parts.append(f"{first.rule} {first.name}{times}: {first.message}")
    return "; ".join(parts) or "no diagnostics"


def _config(value: Any) -> Config:
    if value is None or value == "":
        return Config()
    if isinstance(value, BaseSettings):
        value = value.copy_to_dict()
    if isinstance(value, Mapping):
        return config_from_mapping(dict(value), path="<SCRAPELINT_CONFIG>")
    if isinstance(value, str):
        return load_config(value)
    raise ValueError(f"SCRAPELINT_CONFIG must be a file path or a dict, not {type(value).__name__}")


def _score(settings: BaseSettings, name: str) -> float:
    try:
        return settings.getfloat(name)
    except ValueError:
        raise ValueError(f"{name} must be a number, not {settings.get(name)!r}") from None


def _string(value: Any) -> str | None:
    return value if isinstance(value, str) else None
