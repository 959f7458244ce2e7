"""A BERTopic embedding backend on silica: ``BERTopic(embedding_model=Backend(...))``.

BERTopic asks its backend for document vectors (and word vectors, for KeyBERT-like
representations); silica embeds them with the query prompt, as ``silica themes`` does:
clustering is a symmetric task.
"""

from __future__ import annotations

from typing import Any, Optional, Sequence, Union

import numpy as np
from bertopic.backend import BaseEmbedder

from . import Model, _model

__all__ = ["Backend"]


class Backend(BaseEmbedder):
    """BERTopic's ``embedding_model``: a :class:`silica.Model` (or the name of one, loaded
    with ``model_options``) that embeds with ``prompt``."""

    def __init__(self, model: Union[Model, str, None] = None, *, prompt: Optional[str] = "query", **model_options: Any) -> None:
        super().__init__()
        self.embedding_model = _model(model, **model_options)
        self.prompt = prompt

    def embed(self, documents: Sequence[str], verbose: bool = False) -> np.ndarray:
        """A (len(documents), dimension) float32 array."""
        return self.embedding_model.encode(list(documents), prompt=self.prompt, show_progress_bar=verbose)
