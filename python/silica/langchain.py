"""A LangChain ``Embeddings`` on silica: documents embedded with the model's passage
prompt, queries with its query prompt (what e5 and most retrieval models expect)."""

from __future__ import annotations

from typing import Any, List, Union

from langchain_core.embeddings import Embeddings

from . import Model, _model

__all__ = ["SilicaEmbeddings"]


class SilicaEmbeddings(Embeddings):
    """``SilicaEmbeddings(model)``: a :class:`silica.Model`, or the name of one (loaded with
    ``model_options``)."""

    def __init__(self, model: Union[Model, str, None] = None, **model_options: Any) -> None:
        self.model = _model(model, **model_options)

    def embed_documents(self, texts: List[str]) -> List[List[float]]:
        return self.model.encode(list(texts), prompt="passage").tolist()

    def embed_query(self, text: str) -> List[float]:
        return self.model.encode(text, prompt="query").tolist()
