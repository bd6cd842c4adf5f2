"""Errors that end a run with exit code 2 and a clear message."""

from __future__ import annotations


class ScrapelintError(Exception):
    """Base class: a problem the user can fix, reported without a traceback."""


class UsageError(ScrapelintError):
    pass


class ConfigError(ScrapelintError):
    """A configuration problem, located at ``path:line`` and a key where known."""

    def __init__(
        self, message: str, path: str | None = None, line: int | None = None, key: str | None = None
    ) -> None:
        self.path, self.line, self.key = path, line, key
        where = ""
        if path:
            where = path + (f":{line}" if line else "") + ": "
        what = f"{key}: " if key else ""
        super().__init__(f"{where}{what}{message}")


class PluginError(ScrapelintError):
    pass


class InputError(ScrapelintError):
    pass


class RuleCrash(ScrapelintError):
    """A rule raised an exception; names the rule and the document."""
