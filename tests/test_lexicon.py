"""The word-frequency table: read from wordfreq's data file, equal to its public API."""

from __future__ import annotations

from scrapelint import lexicon


def test_packed_table_equals_wordfreqs_public_table() -> None:
    packed = lexicon._packed_table()
    assert packed is not None, "wordfreq's English data file could not be read"
    assert packed == lexicon._public_table()


def test_zipf_of_common_and_unknown_words() -> None:
    assert lexicon.zipf("the") > 7.0
    assert 3.0 < lexicon.zipf("harbour") < 5.0
    assert lexicon.zipf("qzxwvjk") == lexicon.UNKNOWN_ZIPF


def test_a_missing_data_file_falls_back_to_the_public_api(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(lexicon.gzip, "open", _raise_oserror)
    assert lexicon._packed_table() is None


def _raise_oserror(*args: object, **kwargs: object) -> object:
    raise OSError("no such file")
