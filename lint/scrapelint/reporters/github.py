"""``github``: GitHub Actions workflow commands, one annotation per diagnostic.

Escaping follows the Actions toolkit: in the message ``%``, CR and LF are
percent-encoded; property values additionally encode ``:`` and ``,``, which
would otherwise end the value. A JSONL record is annotated on its line of the
file; the position within the field goes into the message, because columns
of the field do not match columns of the JSON line.
"""

from __future__ import annotations

from scrapelint.diagnostics import Diagnostic, Severity
from scrapelint.document import Document
from scrapelint.reporters.base import Reporter

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def annotation(d: Diagnostic) -> str:
    """The ``::error file=…,line=…::message`` command of one diagnostic."""
    props: list[tuple[str, str]] = [("file", d.path)]
    message = d.message
    if d.record is None and d.field == "text":
        props += [
            ("line", str(d.line)),
            ("col", str(d.column)),
            ("endLine", str(d.end_line)),
            ("endColumn", str(d.end_column)),
        ]
    else:
        if d.record is not None:
            props.append(("line", str(d.record)))
        where = [f"record {d.record}"] if d.record is not None else []
        if d.id is not None:
            where.append(f"id {d.id}")
        where.append(f"{d.field} {d.line}:{d.column}")
        message = f"[{', '.join(where)}] {message}"
    props.append(("title", f"{d.rule} {d.name}"))
    if d.fix is not None:
        unsafe = "" if d.fix.is_safe else " (unsafe fix)"
        message += f"\nhelp: {d.fix.message}{unsafe}"
    command = COMMANDS.get(d.severity, "warning")
    joined = ",".join(f"{key}={escape_property(value)}" for key, value in props)
    return f"::{command} {joined}::{escape_data(message)}"


class GithubReporter(Reporter):
    """Prints annotations only: the job log shows the summary of the exit code."""

    def document(self, doc: Document, diagnostics: list[Diagnostic]) -> None:
        for d in diagnostics:
            self.out.write(annotation(d) + "\n")
