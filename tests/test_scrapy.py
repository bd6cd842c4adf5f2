"""ScrapelintPipeline: unit behaviour, then a real crawl of pages served on loopback."""

from __future__ import annotations

import dataclasses
import html
import json
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import SimpleNamespace
from typing import Any, cast

import pytest

pytest.importorskip("scrapy")

from scrapy import Field, Item
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from scrapy.settings import Settings

from scrapelint.config import config_from_mapping
from scrapelint.linter import Linter
from scrapelint.scrapy import ScrapelintPipeline

SELECT = {"select": ["DUP001"]}

# -- invented articles: (title, paragraphs); planted headline copies in two of them --

ARTICLES: dict[str, tuple[str, list[str]]] = {
    "orchard": (
        "Cider orchard opens its gates for the spring blossom",
        [
            "Visitors can walk the rows of apple trees every weekend until the end of May.",
            "The owners planted four new varieties last autumn and expect a first harvest soon.",
            "Parking is available beside the old barn, and dogs are welcome on a lead.",
        ],
    ),
    "library": (
        "Village library extends its evening opening hours",
        [
            "Village library extends its evening opening hours",
            "From next month the reading room stays open until nine on Tuesdays and Thursdays.",
            "Volunteers will staff the late shifts, and the council has funded new lamps.",
            "A children's reading club will meet on the first Thursday of every month.",
            "The library also plans a small exhibition of local photographs in the summer.",
        ],
    ),
    "bridge": (
        "Footbridge over the canal closes for repairs",
        [
            "Footbridge over the canal closes for repairs",
            "Footbridge over the canal closes for repairs",
            "Footbridge over the canal closes for repairs",
            "Walkers should use the lock gates instead.",
        ],
    ),
}


def _text(paragraphs: list[str]) -> str:
    return "\n\n".join(paragraphs)


def _page(title: str, paragraphs: list[str]) -> bytes:
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return (
        f"<html><head><title>{html.escape(title)}</title></head>"
        f"<body><h1>{html.escape(title)}</h1><article>{body}</article></body></html>"
    ).encode()


def _pages() -> dict[str, bytes]:
    links = "".join(f'<a href="/{slug}.html">{slug}</a>' for slug in ARTICLES)
    pages = {"/": f"<html><body><nav>{links}</nav></body></html>".encode()}
    for slug, (title, paragraphs) in ARTICLES.items():
        pages[f"/{slug}.html"] = _page(title, paragraphs)
    return pages


# -- unit behaviour -------------------------------------------------------------


def _pipeline(**settings: Any) -> ScrapelintPipeline:
    crawler = SimpleNamespace(
        settings=Settings({"SCRAPELINT_CONFIG": SELECT, **settings}), stats=None
    )
    return ScrapelintPipeline.from_crawler(cast(Crawler, crawler))


def _serial(slug: str) -> tuple[float, int]:
    from scrapelint.linter import quality_score

    title, paragraphs = ARTICLES[slug]
    text = _text(paragraphs)
    diagnostics = Linter(config_from_mapping(SELECT)).lint(text, title=title)
    return quality_score(text, diagnostics), len(diagnostics)


def test_annotate_mode_matches_the_linter_and_keeps_the_text() -> None:
    title, paragraphs = ARTICLES["library"]
    item = {"title": title, "text": _text(paragraphs), "url": "http://127.0.0.1/library.html"}
    out = _pipeline().process_item(dict(item))
    assert out["text"] == item["text"]
    expected = Linter(config_from_mapping(SELECT)).lint(item["text"], title=title)
    assert out["scrapelint"]["score"] == _serial("library")[0]
    assert [d["rule"] for d in out["scrapelint"]["diagnostics"]] == ["DUP001"]
    assert out["scrapelint"]["diagnostics"][0]["message"] == expected[0].message
    assert out["scrapelint"]["fixed"] == 0


def test_clean_mode_applies_safe_fixes() -> None:
    title, paragraphs = ARTICLES["bridge"]
    out = _pipeline(SCRAPELINT_MODE="clean").process_item(
        {"title": title, "text": _text(paragraphs)}
    )
    assert out["text"] == "Walkers should use the lock gates instead."
    assert out["scrapelint"] == {"score": 100.0, "fixed": 3, "diagnostics": []}


def test_drop_below_raises_dropitem_with_score_and_reasons() -> None:
    title, paragraphs = ARTICLES["bridge"]
    score, _ = _serial("bridge")
    with pytest.raises(DropItem) as caught:
        _pipeline(SCRAPELINT_DROP_BELOW=score + 1).process_item(
            {"title": title, "text": _text(paragraphs)}
        )
    message = str(caught.value)
    assert f"score {score} is below {score + 1}" in message
    assert "DUP001 repeated-headline (x3)" in message


def test_field_names_and_annotation_field_come_from_settings() -> None:
    title, paragraphs = ARTICLES["library"]
    pipeline = _pipeline(
        SCRAPELINT_TEXT_FIELD="body", SCRAPELINT_TITLE_FIELD="headline", SCRAPELINT_FIELD="quality"
    )
    out = pipeline.process_item({"headline": title, "body": _text(paragraphs)})
    assert [d["rule"] for d in out["quality"]["diagnostics"]] == ["DUP001"]
    assert "scrapelint" not in out


@dataclasses.dataclass
class ArticleRecord:
    title: str
    text: str
    scrapelint: dict[str, Any] | None = None


class StrictArticle(Item):
    title = Field()
    text = Field()


def test_itemadapter_items_are_supported_and_a_missing_field_is_named() -> None:
    title, paragraphs = ARTICLES["library"]
    record = ArticleRecord(title, _text(paragraphs))
    out = _pipeline(SCRAPELINT_MODE="clean").process_item(record)
    assert out is record
    assert title not in record.text.split("\n\n")
    assert record.scrapelint is not None and record.scrapelint["fixed"] == 1
    with pytest.raises(KeyError, match="StrictArticle has no field 'scrapelint'"):
        _pipeline().process_item(StrictArticle(title=title, text=_text(paragraphs)))


def test_items_without_text_pass_through_untouched() -> None:
    item = {"title": "Price list", "price": 3}
    assert _pipeline(SCRAPELINT_DROP_BELOW=99).process_item(dict(item)) == item


def test_bad_settings_fail_loudly() -> None:
    with pytest.raises(ValueError, match="SCRAPELINT_MODE"):
        _pipeline(SCRAPELINT_MODE="rewrite")
    with pytest.raises(ValueError, match="SCRAPELINT_DROP_BELOW"):
        _pipeline(SCRAPELINT_DROP_BELOW="high")


# -- a real crawl -------------------------------------------------------------------

SPIDERS = """
import json, sys
import scrapy
from scrapy.crawler import CrawlerProcess

BASE, ANNOTATED, CLEANED, CONFIG, DROP_BELOW = sys.argv[1:6]


class Article(scrapy.Item):
    id = scrapy.Field()
    url = scrapy.Field()
    title = scrapy.Field()
    text = scrapy.Field()
    scrapelint = scrapy.Field()


class ArticleSpider(scrapy.Spider):
    start_urls = [BASE + "/"]

    def parse(self, response):
        yield {"id": "index", "url": response.url, "links": len(response.css("nav a"))}
        yield from response.follow_all(css="nav a", callback=self.parse_article)

    def parse_article(self, response):
        return self.make(
            id=response.url.rsplit("/", 1)[-1].removesuffix(".html"),
            url=response.url,
            title=response.css("h1::text").get(),
            text="\\n\\n".join(response.css("article p::text").getall()),
        )


class AnnotateSpider(ArticleSpider):
    name = "annotate"
    custom_settings = {
        "SCRAPELINT_MODE": "annotate",
        "SCRAPELINT_DROP_BELOW": float(DROP_BELOW),
        "FEEDS": {ANNOTATED: {"format": "jsonlines"}},
    }

    def make(self, **fields):
        return dict(fields)


class CleanSpider(ArticleSpider):
    name = "clean"
    custom_settings = {"SCRAPELINT_MODE": "clean", "FEEDS": {CLEANED: {"format": "jsonlines"}}}

    def make(self, **fields):
        return Article(**fields)


process = CrawlerProcess({
    "ITEM_PIPELINES": {"scrapelint.scrapy.ScrapelintPipeline": 300},
    "SCRAPELINT_CONFIG": json.loads(CONFIG),
    "ROBOTSTXT_OBEY": False,
    "HTTPPROXY_ENABLED": False,
    "COOKIES_ENABLED": False,
    "TELNETCONSOLE_ENABLED": False,
    "DOWNLOAD_TIMEOUT": 10,
    "CLOSESPIDER_TIMEOUT": 60,
    "LOG_LEVEL": "INFO",
})
process.crawl(AnnotateSpider)
process.crawl(CleanSpider)
process.start()
"""


@pytest.fixture
def site() -> Iterator[str]:
    """The invented articles on an HTTP server bound to loopback, on a free port."""
    pages = _pages()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = pages.get(self.path)
            self.send_response(200 if body is not None else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(body or b"not found")

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def _read(path: Path) -> dict[str, dict[str, Any]]:
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return {item["id"]: item for item in items}


def test_a_real_crawl_annotates_cleans_and_drops(site: str, tmp_path: Path) -> None:
    scores = {slug: _serial(slug)[0] for slug in ARTICLES}
    assert scores["orchard"] == 100 and scores["bridge"] < scores["library"] < 100
    drop_below = (scores["bridge"] + scores["library"]) / 2
    script = tmp_path / "spiders.py"
    script.write_text(SPIDERS, encoding="utf-8")
    annotated, cleaned = tmp_path / "annotated.jsonl", tmp_path / "cleaned.jsonl"
    args = [site, str(annotated), str(cleaned), json.dumps(SELECT), str(drop_below)]
    proc = subprocess.run(
        [sys.executable, str(script), *args],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]

    kept = _read(annotated)
    assert set(kept) == {"index", "orchard", "library"}  # bridge scored below and was dropped
    assert "scrapelint" not in kept["index"]  # no text: passed through as scraped
    assert kept["orchard"]["scrapelint"] == {"score": 100.0, "fixed": 0, "diagnostics": []}
    library = kept["library"]["scrapelint"]
    assert library["score"] == scores["library"]
    assert [d["rule"] for d in library["diagnostics"]] == ["DUP001"]
    assert kept["library"]["text"] == _text(ARTICLES["library"][1])
    assert "Dropped: scrapelint score" in proc.stderr
    assert "'scrapelint/dropped': 1" in proc.stderr

    clean = _read(cleaned)
    assert set(clean) == {"index", "orchard", "library", "bridge"}
    for slug, (title, paragraphs) in ARTICLES.items():
        expected = _text([p for p in paragraphs if p != title])
        assert clean[slug]["text"] == expected
        assert clean[slug]["scrapelint"]["score"] == 100.0
        assert clean[slug]["scrapelint"]["fixed"] == sum(p == title for p in paragraphs)
