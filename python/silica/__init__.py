"""silica from Python: multilingual sentence embeddings, passages, theme reports and a
persistent index, computed by silica's Rust engine (candle) in this process.

    import silica
    model = silica.Model("intfloat/multilingual-e5-small")
    vectors = model.encode(["Les chaînes d'approvisionnement", "Export controls"], prompt="query")
    report = silica.themes(["articles/"], model=model)      # the JSON theme report, as a dict
    index = silica.Index("articles.index"); index.add(["articles/"], model=model)

Adapters: ``silica.bertopic.Backend`` (a BERTopic embedding backend) and
``silica.langchain.SilicaEmbeddings`` (a LangChain ``Embeddings``). ``Model.encode`` takes
sentence-transformers' arguments.
"""

from __future__ import annotations

import datetime as _datetime
import json as _json
import os as _os
import tempfile as _tempfile
from typing import Any, Dict, Iterable, List, Optional, Sequence, Union

import numpy as _np

from . import _silica
from ._silica import DEFAULT_MODEL, SilicaError, __version__

__all__ = [
    "DEFAULT_MODEL",
    "Index",
    "Model",
    "SilicaError",
    "passages",
    "similarity",
    "themes",
    "threads",
]

PathLike = Union[str, "_os.PathLike[str]"]

# How a corpus is read and cut, as the CLI's flags of the same names (None: their default).
_CORPUS_OPTIONS = (
    "text_field",
    "id_field",
    "text_column",
    "id_column",
    "globs",
    "encoding",
    "max_tokens",
    "overlap",
    "min_chars",
    "keep_all",
    "keep_duplicates",
    "since",
    "until",
)

# What a themes run asks, as `silica themes`' flags (None: their default).
_THEME_OPTIONS = (
    "algorithm",
    "k",
    "seed",
    "restarts",
    "neighbors",
    "min_cluster_size",
    "threshold",
    "themes",
    "themes_file",
    "previous",
    "stability_runs",
    "keywords",
    "center",
    "unit",
    "prompt",
    "format",
)


def threads() -> int:
    """The number of CPU threads silica works on in this process (set by the first Model)."""
    return _silica.threads()


def _paths(paths: Union[PathLike, Iterable[PathLike]]) -> List[str]:
    if isinstance(paths, (str, bytes)) or hasattr(paths, "__fspath__"):
        return [_os.fspath(paths)]
    return [_os.fspath(p) for p in paths]


def _day(value: Any) -> Optional[str]:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, (_datetime.date, _datetime.datetime)):
        return value.isoformat()[:10]
    raise TypeError(f"a day is a datetime.date or 'YYYY-MM-DD', not {value!r}")


def _split_options(options: Dict[str, Any], *groups: Sequence[str]) -> List[Dict[str, Any]]:
    """The keyword arguments in each group, every name present (None: silica's default);
    an unknown name is a TypeError, as Python gives for any function."""
    known = set().union(*groups)
    unknown = sorted(set(options) - known)
    if unknown:
        raise TypeError(f"unexpected keyword argument(s): {', '.join(unknown)}")
    out = []
    for group in groups:
        chosen = {name: options.get(name) for name in group}
        for name in ("since", "until"):
            if name in chosen:
                chosen[name] = _day(chosen[name])
        if chosen.get("globs") is not None:
            chosen["globs"] = list(chosen["globs"])
        out.append(chosen)
    return out


def _write_atomically(path: PathLike, text: str) -> None:
    """Writes `text` to `path` through a temporary file in its folder, renamed over it."""
    path = _os.fspath(path)
    folder = _os.path.dirname(_os.path.abspath(path))
    fd, tmp = _tempfile.mkstemp(dir=folder, prefix=".silica-", suffix=".tmp")
    try:
        with _os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        _os.replace(tmp, path)
    except BaseException:
        if _os.path.exists(tmp):
            _os.unlink(tmp)
        raise


class Model:
    """A sentence-embedding model, loaded once, that embeds on silica's engine.

    ``name_or_path``: a Hugging Face repo id (optionally ``@revision``) or a model folder,
    found as the CLI's ``--model`` is (the folder; ``models/NAME``; ``$SILICA_MODELS_DIR``;
    the Hugging Face cache; the hub). ``quantize``: "f32", "int8" (faster on CPUs with
    integer dot products), "q8_0" or "q4_0". ``threads``: CPU threads for the whole process
    (set by the first Model). ``cache``: True for silica's embedding cache, a path for
    another, None for none.
    """

    def __init__(
        self,
        name_or_path: Optional[str] = None,
        *,
        quantize: str = "f32",
        threads: Optional[int] = None,
        device: str = "cpu",
        dimensions: Optional[int] = None,
        batch_size: Optional[int] = None,
        batch_tokens: Optional[int] = None,
        cache: Union[bool, PathLike, None] = None,
    ) -> None:
        if cache is True:
            cache = _silica.default_cache_path()
        elif cache is False:
            cache = None
        self._native = _silica.Model(
            None if name_or_path is None else _os.fspath(name_or_path),
            quantize=quantize,
            threads=threads,
            device=device,
            dimensions=dimensions,
            batch_size=batch_size,
            batch_tokens=batch_tokens,
            cache=None if cache is None else _os.fspath(cache),
        )

    name = property(lambda self: self._native.name, doc="The model's name.")
    dimension = property(lambda self: self._native.dimension, doc="The vectors' width.")
    max_tokens = property(lambda self: self._native.max_tokens, doc="The window, in tokens.")
    prompts = property(lambda self: self._native.prompts, doc="The model's prompts.")
    fingerprint = property(lambda self: self._native.fingerprint, doc="What an index checks.")
    quantize = property(lambda self: self._native.quantize, doc="The weights' format.")
    device = property(lambda self: self._native.device, doc="Where the model runs.")

    def get_sentence_embedding_dimension(self) -> int:
        """The vectors' width (sentence-transformers' name for it)."""
        return self.dimension

    def _prompt(self, prompt: Optional[str], prompt_name: Optional[str]) -> Optional[str]:
        if prompt is not None and prompt_name is not None:
            raise ValueError("give prompt or prompt_name, not both")
        if prompt_name is not None:
            prompts = self.prompts
            if prompt_name not in ("query", "passage") and prompt_name not in prompts["named"]:
                names = ["query", "passage", *prompts["named"]]
                raise ValueError(f"{self.name} names no prompt {prompt_name!r} (it names: {', '.join(names)})")
            return prompt_name
        if prompt is not None:
            return prompt
        # As sentence-transformers: the model's default prompt, when it names one.
        return self.prompts["default"]

    def encode(
        self,
        sentences: Union[str, Sequence[str]],
        prompt: Optional[str] = None,
        *,
        prompt_name: Optional[str] = None,
        dimensions: Optional[int] = None,
        truncate_dim: Optional[int] = None,
        batch_size: Optional[int] = None,
        show_progress_bar: Optional[bool] = None,
        convert_to_numpy: bool = True,
        convert_to_tensor: bool = False,
        normalize_embeddings: bool = False,
        precision: str = "float32",
        device: Optional[str] = None,
    ) -> _np.ndarray:
        """Embeds ``sentences`` into a (len(sentences), dimension) float32 array (one string:
        one vector), with the GIL released while the model runs.

        ``prompt``: "query" (questions, and symmetric tasks: similarity, clustering),
        "passage" (a corpus that is searched), a prompt the model names, literal text, or
        None for the model's default prompt (none for most models), as
        sentence-transformers does; ``prompt_name`` names one. ``dimensions`` (or
        ``truncate_dim``): each vector cut to its first N values and normalised again
        (Matryoshka models only). ``batch_size`` is accepted for sentence-transformers'
        callers: silica batches by tokens. Vectors are as the model's files say (normalised
        when they end with Normalize); ``normalize_embeddings=True`` makes them unit length.
        """
        if convert_to_tensor:
            raise ValueError("silica returns numpy arrays; convert_to_tensor=True needs torch (torch.from_numpy)")
        if precision != "float32":
            raise ValueError(f"silica's vectors are float32; precision={precision!r} is not offered")
        if device is not None and device != self.device:
            raise ValueError(f"this model runs on {self.device}; load another Model(device=...)")
        if dimensions is not None and truncate_dim is not None and dimensions != truncate_dim:
            raise ValueError("dimensions and truncate_dim differ")
        del batch_size  # silica's batches are sized by tokens (Model(batch_tokens=...))
        single = isinstance(sentences, str)
        texts = [sentences] if single else list(sentences)
        for i, text in enumerate(texts):
            if not isinstance(text, str):
                raise TypeError(f"text {i} is a {type(text).__name__}, not a str")
        vectors = self._native.encode(
            texts,
            self._prompt(prompt, prompt_name),
            dimensions if dimensions is not None else truncate_dim,
            bool(show_progress_bar),
        )
        if normalize_embeddings:
            norms = _np.linalg.norm(vectors, axis=1, keepdims=True)
            vectors = vectors / _np.where(norms == 0, 1, norms)
        if single:
            return vectors[0]
        return vectors if convert_to_numpy else list(vectors)

    def encode_query(self, sentences: Union[str, Sequence[str]], **options: Any) -> _np.ndarray:
        """``encode`` with the query prompt (sentence-transformers 5's name)."""
        return self.encode(sentences, prompt="query", **options)

    def encode_document(self, sentences: Union[str, Sequence[str]], **options: Any) -> _np.ndarray:
        """``encode`` with the passage prompt (sentence-transformers 5's name)."""
        return self.encode(sentences, prompt="passage", **options)

    def similarity(self, a: Any, b: Any) -> _np.ndarray:
        """Cosine similarities of every row of ``a`` with every row of ``b`` (vectors, or
        texts embedded with the query prompt): a (len(a), len(b)) array."""
        return similarity(self._vectors(a), self._vectors(b))

    def _vectors(self, x: Any) -> _np.ndarray:
        if isinstance(x, str) or (isinstance(x, (list, tuple)) and x and isinstance(x[0], str)):
            return self.encode(x, prompt="query")
        return _np.asarray(x, dtype=_np.float32)

    def count_tokens(self, sentences: Sequence[str], prompt: Optional[str] = None) -> List[int]:
        """Each text's length in model tokens, prompt and special tokens included."""
        return self._native.count_tokens(list(sentences), prompt)

    def passages(self, paths: Union[PathLike, Iterable[PathLike]], **options: Any) -> List[dict]:
        """See :func:`silica.passages` (tokens counted with this model)."""
        return passages(paths, model=self, **options)

    def themes(self, paths: Union[PathLike, Iterable[PathLike]], **options: Any) -> Union[dict, str]:
        """See :func:`silica.themes` (embedded with this model)."""
        return themes(paths, model=self, **options)

    def __repr__(self) -> str:
        return repr(self._native)


def _model(model: Union[Model, str, None], **options: Any) -> Model:
    """``model`` itself, or the model it names loaded with ``options`` (Model's keywords)."""
    if isinstance(model, Model):
        if options:
            raise ValueError("model options apply to a model named here, not to a loaded Model")
        return model
    return Model(model, **options)


def similarity(a: Any, b: Any) -> _np.ndarray:
    """Cosine similarities of every row of ``a`` with every row of ``b``."""
    a = _np.atleast_2d(_np.asarray(a, dtype=_np.float32))
    b = _np.atleast_2d(_np.asarray(b, dtype=_np.float32))
    a = a / _np.maximum(_np.linalg.norm(a, axis=1, keepdims=True), 1e-12)
    b = b / _np.maximum(_np.linalg.norm(b, axis=1, keepdims=True), 1e-12)
    return a @ b.T


def passages(
    paths: Union[PathLike, Iterable[PathLike]],
    model: Union[Model, str, None] = None,
    *,
    dropped: bool = False,
    **options: Any,
) -> List[dict]:
    """The passages silica cuts ``paths`` (files: .txt, .md, .html, .jsonl, .csv; folders)
    into, one dict each as ``silica passages --format jsonl`` prints them (``dropped=True``:
    the lines cleaning removed, and why). Tokens are counted with ``model``'s tokenizer
    (a name loads no weights). Options as the CLI's flags: text_field, id_field,
    text_column, id_column, globs, encoding, max_tokens, overlap, min_chars, keep_all,
    keep_duplicates, since, until."""
    (corpus,) = _split_options(options, _CORPUS_OPTIONS)
    native = model._native if isinstance(model, Model) else (model or DEFAULT_MODEL)
    text = _silica.passages_jsonl(_paths(paths), native, corpus, dropped)
    return [_json.loads(line) for line in text.splitlines() if line.strip()]


def themes(
    paths: Union[PathLike, Iterable[PathLike]],
    model: Union[Model, str, None] = None,
    *,
    output: Optional[PathLike] = None,
    **options: Any,
) -> Union[dict, str]:
    """The theme report of ``paths``: what ``silica themes`` writes. ``format="json"``
    (the default) gives it as a dict; "md", "html" or "table" as text. ``output`` also
    writes it to that file (atomically). Options as the CLI's flags: algorithm ("kmeans",
    "spectral", "hdbscan", "agglomerative"), k (None: chosen by silhouette), seed,
    restarts, neighbors, min_cluster_size, threshold, themes (a list of names to look
    for), themes_file, previous (a previous JSON report: stable ids and what changed),
    stability_runs, keywords, center, unit ("passage", "document", "text"), prompt; and
    the corpus options of :func:`passages`."""
    corpus, settings = _split_options(options, _CORPUS_OPTIONS, _THEME_OPTIONS)
    _theme_settings(settings)
    text = _silica.themes_report(_paths(paths), _model(model)._native, corpus, settings)
    return _report(text, settings, output)


def _theme_settings(settings: Dict[str, Any]) -> None:
    """Names as a list, paths as strings."""
    if settings["themes"] is not None:
        names = settings["themes"]
        settings["themes"] = [names] if isinstance(names, str) else list(names)
    for name in ("themes_file", "previous"):
        if settings[name] is not None:
            settings[name] = _os.fspath(settings[name])


def _report(text: str, settings: Dict[str, Any], output: Optional[PathLike]) -> Union[dict, str]:
    """The rendered report, written to ``output`` when given; JSON as a dict."""
    if output is not None:
        _write_atomically(output, text)
    return _json.loads(text) if settings["format"] in (None, "json") else text


class Index:
    """A persistent index of passages and vectors: a directory (made by the first add), or a
    PostgreSQL store by ``postgresql://`` URL, as ``silica index`` keeps them.

    ``model``: the Model (or its name) that embeds added passages and text queries; by
    default the model the index was built with (silica's default for a new index).
    """

    def __init__(self, location: PathLike, model: Union[Model, str, None] = None) -> None:
        self._native = _silica.Index(_os.fspath(location))
        self._model = model

    def model(self) -> Model:
        """The model this index embeds with (loaded on first use)."""
        if not isinstance(self._model, Model):
            name = self._model
            if name is None:
                try:
                    name = self._native.settings()[0]
                except SilicaError:
                    name = DEFAULT_MODEL
            self._model = Model(name)
        return self._model

    def add(
        self,
        paths: Union[PathLike, Iterable[PathLike]],
        *,
        sync: bool = False,
        commit_every: Optional[int] = None,
        **options: Any,
    ) -> dict:
        """Adds what ``paths`` hold that the index lacks (``sync=True``: also removes
        documents no longer there and replaces changed ones); returns what was done.
        Options as :func:`passages`' (a new index records how it cuts)."""
        (corpus,) = _split_options(options, _CORPUS_OPTIONS)
        text = self._native.add(_paths(paths), self.model()._native, corpus, sync, commit_every)
        return _json.loads(text)

    def search(
        self,
        query: Union[str, Sequence[str], None] = None,
        k: int = 10,
        *,
        ids: Optional[Sequence[str]] = None,
        retrieval: str = "dense",
        exact: bool = False,
        min_score: Optional[float] = None,
        langs: Optional[Sequence[str]] = None,
        sources: Optional[Sequence[str]] = None,
    ) -> Union[List[dict], List[List[dict]]]:
        """The ``k`` stored passages nearest each query, best first, each a dict (score, id,
        source, text, ...). One query string: its hits; a list of queries (and stored
        passages named by ``ids``): one list of hits each. ``retrieval``: "dense",
        "lexical" (BM25) or "hybrid"."""
        single = isinstance(query, str)
        texts = [] if query is None else [query] if single else list(query)
        model = self.model()._native if texts else None
        text = self._native.search(
            texts,
            model,
            list(ids or []),
            k,
            retrieval,
            exact,
            min_score,
            list(langs or []),
            list(sources or []),
        )
        lists = [entry["hits"] for entry in _json.loads(text)]
        return lists[0] if single and not ids else lists

    def themes(
        self,
        *,
        since: Any = None,
        until: Any = None,
        output: Optional[PathLike] = None,
        **options: Any,
    ) -> Union[dict, str]:
        """The theme report of the index's passages (of documents dated ``since``/``until``),
        as :func:`silica.themes` gives it: nothing is embedded again; the index's model is
        loaded only to embed the themes named with ``themes=[...]``."""
        (settings,) = _split_options(options, _THEME_OPTIONS)
        _theme_settings(settings)
        model = self.model()._native if settings["themes"] is not None or settings["themes_file"] is not None else None
        text = _silica.index_themes_report(self._native, model, _day(since), _day(until), settings)
        return _report(text, settings, output)

    def counts(self) -> dict:
        """{"documents": N, "passages": M} held."""
        documents, passages_held = self._native.counts()
        return {"documents": documents, "passages": passages_held}

    def __len__(self) -> int:
        return self._native.counts()[1]

    def __repr__(self) -> str:
        return repr(self._native)
