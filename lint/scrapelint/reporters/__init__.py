"""Output formats. Each reporter has a start / document / finish life."""

from __future__ import annotations

from typing import IO, Any

from scrapelint.reporters.base import Reporter
from scrapelint.reporters.json_reporters import JsonLinesReporter, JsonReporter

FORMATS = ("full", "concise", "json", "json-lines", "sarif", "github")


def make_reporter(fmt: str, out: IO[str], **kwargs: Any) -> Reporter:
    if fmt == "json":
        return JsonReporter(out, **kwargs)
    if fmt == "json-lines":
        return JsonLinesReporter(out, **kwargs)
    if fmt == "concise":
        from scrapelint.reporters.concise import ConciseReporter

        return ConciseReporter(out, **kwargs)
    if fmt == "sarif":
        from scrapelint.reporters.sarif import SarifReporter

        return SarifReporter(out, **kwargs)
    if fmt == "github":
        from scrapelint.reporters.github import GithubReporter

        return GithubReporter(out, **kwargs)
    from scrapelint.reporters.full import FullReporter

    return FullReporter(out, **kwargs)


__all__ = ["FORMATS", "Reporter", "make_reporter"]
