"""``full`` (the default): ruff-style annotated snippets, rendered with rich.

Scraped text is hostile to terminals: paragraphs of 500+ characters, tabs,
control characters, wide CJK text and strings such as ``[red]`` that rich
would read as markup. Every piece of article text therefore goes to rich as
a :class:`~rich.text.Text` (never markup), each code point is mapped to a
visible form of a known cell width, and long lines are windowed around the
flagged span so the underline always sits under what it flags.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Any

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from scrapelint.diagnostics import Diagnostic, Severity
from scrapelint.document import Document, Line
from scrapelint.reporters.base import Reporter
from scrapelint.reporters.summary import summary_lines

if TYPE_CHECKING:
    from scrapelint.runner import Summary

#: Cells of article text shown per source row; longer lines are windowed.
MAX_CELLS = 100
#: Cells kept before a flagged span when its line has to be windowed.
LEAD_CELLS = 12
#: Lines of context searched on each side of the span (stops at the first non-blank one).
CONTEXT_LINES = 2
#: A span over more lines than this shows its first three and last two lines only.
MAX_SPAN_LINES = 6
TAB = "    "
ELLIPSIS = "…"

SEVERITY_STYLE = {
    Severity.ERROR: "bold red",
    Severity.WARNING: "bold yellow",
    Severity.INFO: "bold cyan",
}
GUTTER_STYLE = "bold blue"

# Characters a terminal would act on or reorder instead of showing.
_BIDI = frozenset(
    [0x061C, 0x200E, 0x200F, 0x2028, 0x2029, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
)


def visible(ch: str) -> str:
    """How one code point is shown: tabs expanded, controls as visible symbols."""
    if ch == "\t":
        return TAB
    code = ord(ch)
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block: ␀ … ␟
    if code == 0x7F:
        return "␡"
    if 0x80 <= code < 0xA0 or code in _BIDI:
        return f"<U+{code:04X}>"
    return ch


def sanitize(text: str) -> str:
    """Text safe to print on one terminal line (messages, ids, paths quote scraped text)."""
    return "".join(visible(ch) for ch in text) if not text.isprintable() else text


def _display(text: str) -> tuple[list[str], list[int]]:
    shown = [visible(ch) for ch in text]
    return shown, [cell_len(s) for s in shown]


@dataclass(frozen=True)
class Row:
    """One source row of a snippet: a line number, shown text and its underline."""

    number: int | None  # None for the "..." row that elides lines of a long span
    text: str
    caret_at: int = 0  # cells before the underline
    caret_len: int = 0  # 0: no underline on this row


def window(
    text: str, span: tuple[int, int] | None, max_cells: int = MAX_CELLS
) -> tuple[str, int, int]:
    """Show ``text`` within ``max_cells``; returns (shown, caret_at, caret_len).

    ``span`` is a code-point range within the line to underline (``None`` for a
    context line). A long line is cut around the span with an ellipsis on each
    cut side; an empty span still gets one caret. Only a slice of a few windows
    around the span is measured, so a megabyte-long line costs no more than a
    short one.
    """
    reach = 3 * max_cells
    anchor = 0 if span is None else min(span[0], len(text))
    lo, hi = max(0, anchor - reach), min(len(text), anchor + reach)
    shown, widths = _display(text[lo:hi])
    n = len(shown)
    local = None if span is None else (anchor - lo, max(anchor, min(span[1], hi)) - lo)
    if lo == 0 and hi == len(text) and sum(widths) <= max_cells:
        ws, we = 0, n
    elif local is None:
        ws, we = 0, _extend_right(widths, 0, max_cells - 1)
    else:
        ws, we = _around(widths, local, max_cells - 2)
    cut_left, cut_right = ws > 0 or lo > 0, we < n or hi < len(text)
    out = (ELLIPSIS if cut_left else "") + "".join(shown[ws:we]) + (ELLIPSIS if cut_right else "")
    if local is None:
        return out, 0, 0
    a = min(max(local[0], ws), we)
    b = min(max(local[1], a), we)
    caret_at = (1 if cut_left else 0) + sum(widths[ws:a])
    caret_len = max(1, sum(widths[a:b]))
    return out, caret_at, caret_len


def _extend_right(widths: Sequence[int], start: int, budget: int) -> int:
    end, used = start, 0
    while end < len(widths) and used + widths[end] <= budget:
        used += widths[end]
        end += 1
    return end


def _around(widths: Sequence[int], span: tuple[int, int], budget: int) -> tuple[int, int]:
    """A window of at most ``budget`` cells that starts a little before the span."""
    a = min(span[0], len(widths))
    span_cells = sum(widths[a : span[1]])
    lead = max(LEAD_CELLS, (budget - span_cells) // 2)
    ws, used = a, 0
    while ws > 0 and used + widths[ws - 1] <= lead:
        ws -= 1
        used += widths[ws]
    we = _extend_right(widths, ws, budget)
    used = sum(widths[ws:we])
    while ws > 0 and used + widths[ws - 1] <= budget:  # near the end: show more on the left
        ws -= 1
        used += widths[ws]
    return ws, we


def snippet_rows(lines: Sequence[Line], start: int, end: int) -> list[Row]:
    """The rows showing ``[start, end)`` of a text split into ``lines``, with context."""
    first = _line_index(lines, start)
    last = _line_index(lines, max(start, end - 1))
    rows: list[Row] = [_context_row(lines[i]) for i in _context_before(lines, first)]
    covered = list(range(first, last + 1))
    if len(covered) > MAX_SPAN_LINES:
        head = MAX_SPAN_LINES // 2
        tail = MAX_SPAN_LINES - head - 1
        elided: list[int | None] = [*covered[:head], None, *covered[-tail:]]
    else:
        elided = list(covered)
    for index in elided:
        if index is None:
            rows.append(Row(None, "..."))
            continue
        line = lines[index]
        a = max(start, line.start) - line.start
        b = min(end, line.end) - line.start
        if b <= a and start != end and index not in (first, last):
            rows.append(_context_row(line))  # a blank line inside a multi-line span
            continue
        text, caret_at, caret_len = window(line.text, (a, max(a, b)))
        rows.append(Row(line.number, text, caret_at, caret_len))
    rows.extend(_context_row(lines[i]) for i in _context_after(lines, last))
    return rows


def _line_index(lines: Sequence[Line], offset: int) -> int:
    lo, hi = 0, len(lines) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if lines[mid].start <= offset:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _context_before(lines: Sequence[Line], first: int) -> list[int]:
    out: list[int] = []
    for i in range(first - 1, max(-1, first - 1 - CONTEXT_LINES), -1):
        out.append(i)
        if not lines[i].is_blank:
            break
    return out[::-1]


def _context_after(lines: Sequence[Line], last: int) -> list[int]:
    out: list[int] = []
    for i in range(last + 1, min(len(lines), last + 1 + CONTEXT_LINES)):
        out.append(i)
        if not lines[i].is_blank:
            break
    return out


def _context_row(line: Line) -> Row:
    text, _, _ = window(line.text, None)
    return Row(line.number, text)


def field_location(d: Diagnostic) -> str:
    """Where a diagnostic is: ``path:line:col``, or ``path:record [id X] field:line:col``."""
    if d.record is None:
        return f"{d.path}:{d.line}:{d.column}"
    ident = f" [id {d.id}]" if d.id is not None else ""
    return f"{d.path}:{d.record}{ident} {d.field}:{d.line}:{d.column}"


def field_lines(doc: Document, field: str) -> Sequence[Line]:
    if field == "text":
        return doc.lines
    value = getattr(doc, field, None)
    return Document(value if isinstance(value, str) else "").lines


def applicable(d: Diagnostic, unsafe_fixes: bool = False) -> bool:
    """Whether ``--fix`` (with the run's ``--unsafe-fixes`` choice) would apply the fix."""
    return d.fix is not None and (d.fix.is_safe or unsafe_fixes)


def render(d: Diagnostic, lines: Sequence[Line] | None, unsafe_fixes: bool = False) -> list[Text]:
    """The annotated snippet of one diagnostic, one Text per output line.

    ``[*]`` marks a fix that ``--fix`` applies (unsafe ones only with ``--unsafe-fixes``).
    """
    style = SEVERITY_STYLE.get(d.severity, "bold")
    rows = snippet_rows(lines, d.start, d.end) if lines is not None else []
    numbers = [r.number for r in rows if r.number is not None]
    width = len(str(max(numbers))) if numbers else 1
    pad = " " * width

    header = Text.assemble((d.rule, style))
    if applicable(d, unsafe_fixes):
        header.append(" [*]", style="cyan")
    header.append(" ")
    header.append(sanitize(d.message), style="bold")
    location = sanitize(field_location(d))
    out = [header, Text.assemble((f"{pad}-->", GUTTER_STYLE), " ", location)]
    if rows:
        bar = Text.assemble((f"{pad} |", GUTTER_STYLE))
        out.append(bar.copy())
        for row in rows:
            label = "..." if row.number is None else str(row.number)
            if row.number is None:
                out.append(Text.assemble((label.rjust(width), GUTTER_STYLE)))
                continue
            line = Text.assemble((f"{label.rjust(width)} |", GUTTER_STYLE))
            if row.text:
                line.append(" ")
                line.append(row.text)
            out.append(line)
            if row.caret_len:
                under = bar.copy()
                under.append(" " + " " * row.caret_at)
                under.append("^" * row.caret_len, style=style)
                out.append(under)
        out.append(bar.copy())
    if d.fix is not None:
        unsafe = "" if d.fix.is_safe else " (unsafe fix)"
        out.append(Text.assemble(("help", "bold cyan"), ": ", sanitize(d.fix.message), unsafe))
    return out


class FullReporter(Reporter):
    """Annotated snippets per diagnostic, then the closing summary."""

    def __init__(
        self,
        out: IO[str],
        *,
        show_source: bool = True,
        unsafe_fixes: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(out, **kwargs)
        self.show_source = show_source
        self.unsafe_fixes = unsafe_fixes
        self._console: Console | None = None
        if self.color:
            self._console = Console(
                file=out,
                force_terminal=True,
                color_system="standard",  # named colours only; TERM=dumb must not undo --color
                no_color=False,  # the CLI already honoured NO_COLOR when it chose colour
                soft_wrap=True,
                width=100_000,
                markup=False,
                emoji=False,
                highlight=False,
            )

    def _write(self, lines: Iterator[Text] | list[Text]) -> None:
        if self._console is not None:
            for line in lines:
                self._console.print(line, soft_wrap=True)
        else:
            self.out.write("".join(line.plain + "\n" for line in lines))

    def document(self, doc: Document, diagnostics: list[Diagnostic]) -> None:
        by_field: dict[str, Sequence[Line]] = {}
        for d in diagnostics:
            lines = None
            if self.show_source:
                if d.field not in by_field:
                    by_field[d.field] = field_lines(doc, d.field)
                lines = by_field[d.field]
            self._write([*render(d, lines, self.unsafe_fixes), Text("")])

    def finish(self, summary: Summary) -> None:
        if not self.quiet:
            self._write(
                [
                    Text(line)
                    for line in summary_lines(
                        summary, self.statistics, self.registry, self.unsafe_fixes
                    )
                ]
            )
