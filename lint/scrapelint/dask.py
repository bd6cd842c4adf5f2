"""Lint and clean dask bags and dataframes, partition by partition.

Each worker process builds its :class:`~scrapelint.linter.Linter` once (cached
by a token of the config) and reuses it for every record of every partition.
Corpus rules need statistics of the whole collection, so a first pass collects
a summary per partition and merges them with a tree reduction; the merged
state travels to the workers as one task result and the check pass reads it.
Install with ``pip install 'scrapelint[dask]'``.

``import dask.bag`` below is an absolute import of the third-party package:
this module is ``scrapelint.dask`` and does not shadow it.
"""

from __future__ import annotations

import json
import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, cast

import dask.bag as db
from dask.base import is_dask_collection, tokenize
from dask.delayed import Delayed, delayed

from scrapelint.baseline import load_baseline
from scrapelint.config import Config, config_from_mapping, load_config
from scrapelint.document import Document
from scrapelint.inputs import FieldNames
from scrapelint.linter import CorpusState, Linter, annotation
from scrapelint.registry import Registry

if TYPE_CHECKING:
    import dask.dataframe as dd
    import pandas as pd  # type: ignore[import-untyped, unused-ignore]

ConfigLike = Config | Mapping[str, Any] | str | os.PathLike[str] | None
#: ``"auto"`` follows the config's ``corpus`` setting; ``"off"``/None disables
#: corpus rules; a state (or a lazy one from :func:`corpus_state`) is used as is.
CorpusArg = Literal["auto", "off"] | CorpusState | Delayed | db.Item | None

#: The path diagnostics of a dask run report; records are located by ``id``.
PATH = "<dask>"
#: Partitions merged per step of the corpus tree reduction.
SPLIT_EVERY = 8

__all__ = [
    "PATH",
    "CorpusSummary",
    "annotation",
    "clean_bag",
    "clean_dataframe",
    "corpus_state",
    "lint_bag",
    "lint_dataframe",
]


# -- the linter, once per worker process ------------------------------------


@dataclass(frozen=True)
class _Spec:
    """What a worker needs to build its linter; ``key`` names it in the cache."""

    config: Config
    registry: Callable[[], Registry] | None
    key: str

    @classmethod
    def of(cls, config: ConfigLike, registry: Callable[[], Registry] | None) -> _Spec:
        resolved = _resolve_config(config)
        return cls(resolved, registry, tokenize(resolved, registry))


_LINTERS: OrderedDict[str, Linter] = OrderedDict()
_LINTERS_LOCK = threading.Lock()
_LINTERS_KEPT = 4


def _linter(spec: _Spec) -> Linter:
    """The worker's linter for ``spec``, built on first use (rules load once)."""
    with _LINTERS_LOCK:
        found = _LINTERS.get(spec.key)
        if found is not None:
            _LINTERS.move_to_end(spec.key)
            return found
        built = Linter(spec.config, spec.registry() if spec.registry else None)
        _LINTERS[spec.key] = built
        while len(_LINTERS) > _LINTERS_KEPT:
            _LINTERS.popitem(last=False)
        return built


def _resolve_config(config: ConfigLike) -> Config:
    if config is None:
        return Config()
    if isinstance(config, Config):
        return config
    if isinstance(config, Mapping):
        return config_from_mapping(dict(config))
    return load_config(os.fspath(config))


# -- records ------------------------------------------------------------------


def _document(record: Mapping[str, Any], fields: FieldNames) -> Document:
    text = record.get(fields.text)
    rid = record.get(fields.id)
    if not isinstance(text, str):
        what = "missing" if text is None else f"{type(text).__name__}, not a string"
        raise ValueError(f"record {rid!r}: field {fields.text!r} is {what}")
    title = record.get(fields.title)
    url = record.get(fields.url)
    return Document(
        text,
        title=title if isinstance(title, str) else None,
        url=url if isinstance(url, str) else None,
        path=PATH,
        id=None if rid is None else str(rid),
    )


def _ignored(record: Mapping[str, Any], fields: FieldNames) -> tuple[str, ...]:
    """Codes a record itself asks to skip (its ``scrapelint_ignore`` field)."""
    value = record.get(fields.ignore)
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list | tuple):
        return tuple(c for c in value if isinstance(c, str))
    return ()


# -- corpus pass --------------------------------------------------------------


@dataclass
class CorpusSummary:
    """Merged corpus statistics and how many documents they cover."""

    documents: int
    state: CorpusState


def _collect_partition(
    records: Iterable[Mapping[str, Any]], spec: _Spec, fields: FieldNames
) -> CorpusSummary:
    linter = _linter(spec)
    summary = CorpusSummary(0, linter.empty_corpus())
    for record in records:
        summary.state = linter.merge(summary.state, linter.collect(_document(record, fields)))
        summary.documents += 1
    return summary


def _merge_summaries(parts: Iterable[CorpusSummary], spec: _Spec) -> CorpusSummary:
    """Merge partition summaries into a fresh one (inputs are left untouched)."""
    linter = _linter(spec)
    out = CorpusSummary(0, linter.empty_corpus())
    for part in parts:
        out.state = linter.merge(out.state, part.state)
        out.documents += part.documents
    return out


def _with_baseline(summary: CorpusSummary, spec: _Spec) -> CorpusSummary:
    linter = _linter(spec)
    if spec.config.baseline and os.path.exists(spec.config.baseline):
        base = load_baseline(spec.config.baseline, linter)
        return CorpusSummary(summary.documents, linter.merge(base, summary.state))
    return summary


def _active_state(summary: CorpusSummary, spec: _Spec) -> CorpusState | None:
    """The state the check pass uses: corpus mode ``auto`` needs >= 2 documents or a baseline."""
    if spec.config.corpus == "auto" and summary.documents < 2 and not spec.config.baseline:
        return None
    return summary.state


def _state_of(summary: CorpusSummary) -> CorpusState:
    return summary.state


def _bag_summary(bag: db.Bag, spec: _Spec, fields: FieldNames) -> db.Item:
    summary: db.Item = bag.reduction(  # type: ignore[no-untyped-call]
        _Partial(_collect_partition, spec, fields),
        _Partial(_merge_summaries, spec),
        split_every=SPLIT_EVERY,
        name="scrapelint-corpus",
    )
    with_base: db.Item = summary.apply(_Partial(_with_baseline, spec))  # type: ignore[no-untyped-call]
    return with_base


class _Partial:
    """``functools.partial`` with a readable dask task name."""

    def __init__(self, func: Callable[..., Any], *args: Any) -> None:
        self.func = func
        self.args = args
        self.__name__ = func.__name__.strip("_")

    def __call__(self, first: Any) -> Any:
        return self.func(first, *self.args)


def _corpus_for_check(
    corpus: CorpusArg, summary: Callable[[], db.Item | Delayed], spec: _Spec
) -> tuple[Any, bool]:
    """The corpus argument of the check pass and whether it is a summary (auto mode)."""
    if is_dask_collection(corpus) or isinstance(corpus, dict):
        return corpus, False
    if corpus is None or corpus == "off":
        return None, False
    if isinstance(corpus, str):
        if corpus != "auto":
            raise ValueError(
                f"corpus must be 'auto', 'off', None or a corpus state, not {corpus!r}"
            )
        if spec.config.corpus == "off" or not _linter(spec).has_corpus_rules:
            return None, False
        return summary(), True
    raise TypeError(
        f"corpus must be 'auto', 'off', None or a corpus state, not {type(corpus).__name__}"
    )


def corpus_state(
    bag: db.Bag,
    config: ConfigLike = None,
    *,
    fields: FieldNames | None = None,
    registry: Callable[[], Registry] | None = None,
) -> db.Item:
    """The merged corpus state of a bag (plus the config's baseline), lazily.

    Compute it once and pass it as ``corpus=`` to several calls, or save it
    with :func:`scrapelint.baseline.save_baseline` for later single-file runs.
    """
    spec = _Spec.of(config, registry)
    summary = _bag_summary(bag, spec, fields or spec.config.fields)
    state: db.Item = summary.apply(_state_of)  # type: ignore[no-untyped-call]
    return state


# -- bags ---------------------------------------------------------------------


def _lint_partition(
    records: Iterable[Mapping[str, Any]], spec: _Spec, fields: FieldNames, corpus: Any, auto: bool
) -> list[dict[str, Any]]:
    linter = _linter(spec)
    state = _active_state(corpus, spec) if auto else corpus
    out: list[dict[str, Any]] = []
    for record in records:
        doc = _document(record, fields)
        out.extend(d.to_dict() for d in linter.check(doc, state, _ignored(record, fields)))
    return out


def _clean_partition(
    records: Iterable[Mapping[str, Any]],
    spec: _Spec,
    fields: FieldNames,
    corpus: Any,
    auto: bool,
    unsafe: bool,
    drop_below: float | None,
    field: str,
) -> list[dict[str, Any]]:
    linter = _linter(spec)
    state = _active_state(corpus, spec) if auto else corpus
    out: list[dict[str, Any]] = []
    for record in records:
        outcome = linter.fix(_document(record, fields), unsafe, state, _ignored(record, fields))
        note = annotation(outcome)
        if drop_below is not None and note["score"] < drop_below:
            continue
        cleaned = dict(record)
        cleaned[fields.text] = outcome.text
        cleaned[field] = note
        out.append(cleaned)
    return out


def lint_bag(
    bag: db.Bag,
    config: ConfigLike = None,
    *,
    fields: FieldNames | None = None,
    corpus: CorpusArg = "auto",
    registry: Callable[[], Registry] | None = None,
) -> db.Bag:
    """A bag of diagnostics (``Diagnostic.to_dict()`` form) of a bag of record dicts.

    ``id`` in each diagnostic is the record's id field (as a string); ``path``
    is ``"<dask>"``. A record without a string text field raises ValueError.
    """
    spec = _Spec.of(config, registry)
    names = fields or spec.config.fields
    state, auto = _corpus_for_check(corpus, lambda: _bag_summary(bag, spec, names), spec)
    result: db.Bag = bag.map_partitions(_lint_partition, spec, names, state, auto)  # type: ignore[no-untyped-call]
    return result


def clean_bag(
    bag: db.Bag,
    config: ConfigLike = None,
    *,
    fields: FieldNames | None = None,
    unsafe: bool = False,
    drop_below: float | None = None,
    corpus: CorpusArg = "auto",
    field: str = "scrapelint",
    registry: Callable[[], Registry] | None = None,
) -> db.Bag:
    """The records with fixes applied and a ``scrapelint`` annotation, in order.

    The annotation is ``{"score": 0-100, "fixed": N, "diagnostics": [...]}``
    as written by ``scrapelint clean``. With ``drop_below`` records scoring
    lower are left out; to keep them, clean without it and split the result
    with ``bag.filter``.
    """
    spec = _Spec.of(config, registry)
    names = fields or spec.config.fields
    state, auto = _corpus_for_check(corpus, lambda: _bag_summary(bag, spec, names), spec)
    result: db.Bag = bag.map_partitions(  # type: ignore[no-untyped-call]
        _clean_partition, spec, names, state, auto, unsafe, drop_below, field
    )
    return result


# -- dataframes ---------------------------------------------------------------

_DIAGNOSTIC_COLUMNS: dict[str, str] = {
    "id": "object",
    "rule": "object",
    "name": "object",
    "category": "object",
    "severity": "object",
    "message": "object",
    "field": "object",
    "start": "int64",
    "end": "int64",
    "line": "int64",
    "column": "int64",
    "end_line": "int64",
    "end_column": "int64",
    "fix": "object",
}


def _frame_records(frame: pd.DataFrame, fields: FieldNames) -> Iterator[dict[str, Any]]:
    """Rows as record dicts; without an id column the row's index label is the id."""
    has_id = fields.id in frame.columns
    for label, row in zip(frame.index, frame.to_dict(orient="records"), strict=True):
        record = {str(k): (None if _is_missing(v) else v) for k, v in row.items()}
        if not has_id:
            record[fields.id] = label
        yield record


def _is_missing(value: Any) -> bool:
    import pandas as pd  # type: ignore[import-untyped, unused-ignore]

    return value is None or (pd.api.types.is_scalar(value) and bool(pd.isna(value)))


def _collect_frame(frame: pd.DataFrame, spec: _Spec, fields: FieldNames) -> CorpusSummary:
    return _collect_partition(_frame_records(frame, fields), spec, fields)


def _lint_frame(
    frame: pd.DataFrame, spec: _Spec, fields: FieldNames, corpus: Any, auto: bool
) -> pd.DataFrame:
    import pandas as pd  # type: ignore[import-untyped, unused-ignore]

    rows = _lint_partition(_frame_records(frame, fields), spec, fields, corpus, auto)
    for row in rows:
        row.pop("path", None)
        row.pop("record", None)
        row["fix"] = None if row["fix"] is None else json.dumps(row["fix"], ensure_ascii=False)
    out = pd.DataFrame(rows, columns=list(_DIAGNOSTIC_COLUMNS))
    return out.astype(_DIAGNOSTIC_COLUMNS)


def _clean_frame(
    frame: pd.DataFrame,
    spec: _Spec,
    fields: FieldNames,
    corpus: Any,
    auto: bool,
    unsafe: bool,
    drop_below: float | None,
    prefix: str,
) -> pd.DataFrame:
    cleaned = _clean_partition(
        _frame_records(frame, fields), spec, fields, corpus, auto, unsafe, None, "scrapelint"
    )
    out = frame.copy()
    if fields.text in out.columns:
        out[fields.text] = [r[fields.text] for r in cleaned]
    notes = [r["scrapelint"] for r in cleaned]
    out[f"{prefix}_score"] = [float(n["score"]) for n in notes]
    out[f"{prefix}_fixed"] = [int(n["fixed"]) for n in notes]
    out[f"{prefix}_diagnostics"] = [json.dumps(n["diagnostics"], ensure_ascii=False) for n in notes]
    out = out.astype({f"{prefix}_score": "float64", f"{prefix}_fixed": "int64"})
    if drop_below is not None:
        out = out[out[f"{prefix}_score"] >= drop_below]
    return out


def _frame_summary(df: dd.DataFrame, spec: _Spec, fields: FieldNames) -> Delayed:
    """Tree-reduce the per-partition summaries of a dataframe (dataframes have no object fold)."""
    parts = df.to_delayed()  # type: ignore[no-untyped-call]
    level: list[Delayed] = [delayed(_collect_frame)(part, spec, fields) for part in parts]
    merge = delayed(_merge_summaries)
    while len(level) > 1:
        level = [merge(level[i : i + SPLIT_EVERY], spec) for i in range(0, len(level), SPLIT_EVERY)]
    if not level:
        return cast(Delayed, delayed(_merge_summaries)([], spec))
    final = delayed(_with_baseline)(merge(level, spec), spec)
    return cast(Delayed, final)


def lint_dataframe(
    df: dd.DataFrame,
    config: ConfigLike = None,
    *,
    fields: FieldNames | None = None,
    corpus: CorpusArg = "auto",
    registry: Callable[[], Registry] | None = None,
) -> dd.DataFrame:
    """One row per diagnostic: ``id`` (id column, else the row's index label), rule, ...

    Columns are those of ``Diagnostic.to_dict()`` without path and record;
    ``fix`` is a JSON string or None.
    """
    import pandas as pd  # type: ignore[import-untyped, unused-ignore]

    spec = _Spec.of(config, registry)
    names = fields or spec.config.fields
    state, auto = _corpus_for_check(corpus, lambda: _frame_summary(df, spec, names), spec)
    meta = pd.DataFrame({k: pd.Series(dtype=v) for k, v in _DIAGNOSTIC_COLUMNS.items()})
    result: dd.DataFrame = df.map_partitions(  # type: ignore[no-untyped-call]
        _lint_frame,
        spec,
        names,
        state,
        auto,
        meta=meta,
        enforce_metadata=False,
        align_dataframes=False,
    )
    return result


def clean_dataframe(
    df: dd.DataFrame,
    config: ConfigLike = None,
    *,
    fields: FieldNames | None = None,
    unsafe: bool = False,
    drop_below: float | None = None,
    corpus: CorpusArg = "auto",
    prefix: str = "scrapelint",
    registry: Callable[[], Registry] | None = None,
) -> dd.DataFrame:
    """The frame with its text column fixed and three columns added.

    ``{prefix}_score`` (float, 0-100), ``{prefix}_fixed`` (fixes applied) and
    ``{prefix}_diagnostics`` (a JSON list of the remaining diagnostics, as in
    ``scrapelint clean``). With ``drop_below`` lower-scoring rows are left out.
    """
    spec = _Spec.of(config, registry)
    names = fields or spec.config.fields
    state, auto = _corpus_for_check(corpus, lambda: _frame_summary(df, spec, names), spec)
    meta = _clean_frame(df._meta, spec, names, None, False, unsafe, None, prefix)
    result: dd.DataFrame = df.map_partitions(  # type: ignore[no-untyped-call]
        _clean_frame,
        spec,
        names,
        state,
        auto,
        unsafe,
        drop_below,
        prefix,
        meta=meta,
        enforce_metadata=False,
        align_dataframes=False,
    )
    return result
