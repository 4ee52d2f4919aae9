"""Arabic->English machine translation with a CTranslate2 model and its SentencePiece model(s).

``DIGEST_TRANSLATION_MODEL`` names a folder in one of two layouts (see docs/translation.md):

* ``opus-mt``: an OPUS-MT model converted by ``ct2-transformers-converter`` (``model.bin``,
  ``config.json``, ``shared_vocabulary.{json,txt}`` or ``source_vocabulary.*`` and
  ``target_vocabulary.*``) plus the model's ``source.spm`` and ``target.spm`` copied beside them.
* ``argos``: an unzipped Argos Translate ``.argosmodel`` (``model/`` holding the CTranslate2
  model, ``sentencepiece.model``, ``metadata.json``); the folder the archive unpacks to, or the
  folder holding only that one.

The model's identity (cache key) is its name plus a hash of what decides its output, read from
the files' contents so it is the same on every machine: config, vocabularies, SentencePiece
models, metadata, model.bin's size and its first and last MiB (the weights differ there when a
model is retrained with the same shape; hashing all of a 300 MB file on each build would not pay).

Only the standard library, ctranslate2 and sentencepiece are imported here; the latter two
when a model is loaded, so a build without one never pays for them.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

logger = logging.getLogger(__name__)

OPUS_MT = "opus-mt"
ARGOS = "argos"
VOCABULARY_NAMES = ("shared_vocabulary", "source_vocabulary", "target_vocabulary")
SAMPLE_BYTES = 1 << 20  # model.bin bytes hashed at each end for the identity
BEAM_SIZE = 2  # small: a wider beam costs time for little gain on short news sentences
MAX_BATCH_SIZE = 32
MAX_INPUT_LENGTH = 256  # SentencePiece pieces; a longer text gets no translation, not a cut one
MAX_DECODING_LENGTH = 256
CACHE_BATCH = 64  # segments translated between cache writes, so an interrupted build keeps them


class TranslationModelError(Exception):
    """A model folder that cannot be used; the message names the path and the reason."""

    def __init__(self, path: Path | str, reason: str):
        super().__init__(f"translation model {path}: {reason}")
        self.path = Path(path)
        self.reason = reason


@dataclass(frozen=True)
class ModelFolder:
    """Where a model's parts are, as found in a folder of either layout."""

    root: Path
    layout: str  # OPUS_MT or ARGOS
    model_dir: Path  # holds model.bin and config.json
    source_spm: Path
    target_spm: Path
    name: str
    append_eos: bool  # Marian (OPUS-MT) was trained with </s> closing each source sentence


@dataclass(frozen=True)
class TranslationStats:
    segments: int  # texts asked for, duplicates included
    unique: int  # distinct non-empty texts
    hits: int  # distinct texts found in the cache
    translated: int  # distinct texts sent to the model
    dropped: int  # given no line: input too long, or decoding hit the length limit (runaway)
    seconds: float  # the whole step: cache look-ups, translating the misses, cache writes


def find_model_folder(path: Path | str) -> ModelFolder:
    """The parts of the model in ``path``; TranslationModelError when they are not all there."""
    root = Path(path)
    if not root.is_dir():
        raise TranslationModelError(root, "not a folder")
    if (root / "source.spm").is_file() or (root / "target.spm").is_file():
        return _opus_mt_folder(root)
    argos = _argos_root(root)
    if argos is not None:
        return _argos_folder(argos)
    raise TranslationModelError(
        root, "neither an OPUS-MT folder (source.spm) nor an Argos package (metadata.json)"
    )


def _argos_root(root: Path) -> Path | None:
    if (root / "metadata.json").is_file():
        return root
    # An .argosmodel unzips to one top folder: accept the folder that holds it, too.
    children = [child for child in root.iterdir() if child.is_dir()]
    if len(children) == 1 and (children[0] / "metadata.json").is_file():
        return children[0]
    return None


def _opus_mt_folder(root: Path) -> ModelFolder:
    _require_ct2_model(root, root)
    for spm in ("source.spm", "target.spm"):
        _require_file(root, root / spm)
    return ModelFolder(
        root=root,
        layout=OPUS_MT,
        model_dir=root,
        source_spm=root / "source.spm",
        target_spm=root / "target.spm",
        name=root.name,
        append_eos=True,
    )


def _argos_folder(root: Path) -> ModelFolder:
    metadata = _read_json(root, root / "metadata.json")
    model_dir = root / "model"
    _require_ct2_model(root, model_dir)
    spm = root / "sentencepiece.model"
    _require_file(root, spm)
    return ModelFolder(
        root=root,
        layout=ARGOS,
        model_dir=model_dir,
        source_spm=spm,
        target_spm=spm,
        name=_argos_name(metadata, root),
        append_eos=False,
    )


def _argos_name(metadata: dict, root: Path) -> str:
    source, target = metadata.get("from_code"), metadata.get("to_code")
    if not (isinstance(source, str) and isinstance(target, str)):
        return root.name
    version = metadata.get("package_version")
    suffix = f"-{version}" if isinstance(version, str) and version else ""
    return f"argos-{source}-{target}{suffix}"


def _require_ct2_model(root: Path, model_dir: Path) -> None:
    _require_file(root, model_dir / "model.bin")
    _require_file(root, model_dir / "config.json")
    if not vocabulary_files(model_dir):
        raise TranslationModelError(root, f"no vocabulary file in {model_dir}")


def _require_file(root: Path, path: Path) -> None:
    if not path.is_file():
        raise TranslationModelError(root, f"missing {path.relative_to(root)}")


def _read_json(root: Path, path: Path) -> dict:
    _require_file(root, path)
    try:
        value = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise TranslationModelError(root, f"{path.name} is not JSON ({err})") from err
    if not isinstance(value, dict):
        raise TranslationModelError(root, f"{path.name} is not a JSON object")
    return value


def vocabulary_files(model_dir: Path) -> list[Path]:
    """The CTranslate2 vocabulary files (``.json`` from recent converters, ``.txt`` before)."""
    return sorted(
        model_dir / f"{name}.{ext}"
        for name in VOCABULARY_NAMES
        for ext in ("json", "txt")
        if (model_dir / f"{name}.{ext}").is_file()
    )


def model_identity(folder: ModelFolder) -> str:
    """``name@hash``: the same files give the same identity on any machine (no mtimes)."""
    digest = hashlib.sha256(folder.layout.encode())
    parts = [folder.model_dir / "config.json", *vocabulary_files(folder.model_dir)]
    parts += sorted({folder.source_spm, folder.target_spm})
    if folder.layout == ARGOS:
        parts.append(folder.root / "metadata.json")
    for part in parts:
        digest.update(part.name.encode() + b"\0" + part.read_bytes() + b"\0")
    digest.update(_model_bin_sample(folder.model_dir / "model.bin"))
    return f"{folder.name}@{digest.hexdigest()[:16]}"


def _model_bin_sample(path: Path) -> bytes:
    size = path.stat().st_size
    with path.open("rb") as model:
        head = model.read(SAMPLE_BYTES)
        model.seek(max(size - SAMPLE_BYTES, 0))
        tail = model.read(SAMPLE_BYTES)
    return str(size).encode() + b"\0" + head + tail


def thread_counts(workers: int) -> tuple[int, int]:
    """(inter_threads, intra_threads): two batches at once from 4 cores on, the rest within."""
    workers = max(1, workers)
    inter = 2 if workers >= 4 else 1
    return inter, max(1, workers // inter)


class Translator:
    """One loaded model: SentencePiece in, CTranslate2, SentencePiece out."""

    def __init__(
        self,
        folder: ModelFolder,
        workers: int = 1,
        beam_size: int = BEAM_SIZE,
        max_decoding_length: int = MAX_DECODING_LENGTH,
    ):
        self.folder = folder
        self.name = folder.name
        self.identity = model_identity(folder)
        self.beam_size = beam_size
        self.max_decoding_length = max_decoding_length
        self._source = _load_spm(folder.root, folder.source_spm)
        self._target = _load_spm(folder.root, folder.target_spm)
        inter, intra = thread_counts(workers)
        try:
            import ctranslate2  # only in a build with a model: a heavy import

            self._model = ctranslate2.Translator(
                str(folder.model_dir), device="cpu", inter_threads=inter, intra_threads=intra
            )
        except Exception as err:  # a damaged model.bin surfaces as any of several C++ errors
            raise TranslationModelError(folder.root, f"CTranslate2 cannot load it ({err})") from err
        self._eos = _eos_token(folder)
        self.dropped = 0  # texts given "" so far: too long, or a runaway decoding

    def translate_batch(self, texts: Sequence[str]) -> list[str]:
        """One English string per text; "" for an empty one, one too long to translate whole,
        or one whose decoding ran to the length limit."""
        out = [""] * len(texts)
        pieces = {i: self._encode(text) for i, text in enumerate(texts) if text.strip()}
        todo = [i for i, tokens in pieces.items() if len(tokens) <= MAX_INPUT_LENGTH]
        self.dropped += len(pieces) - len(todo)
        if not todo:
            return out
        results = self._model.translate_batch(
            [pieces[i] for i in todo],
            beam_size=self.beam_size,
            max_batch_size=MAX_BATCH_SIZE,
            max_input_length=MAX_INPUT_LENGTH,
            max_decoding_length=self.max_decoding_length,
        )
        for i, result in zip(todo, results, strict=True):
            out[i] = self._decode(result.hypotheses[0])
        return out

    def _encode(self, text: str) -> list[str]:
        pieces = self._source.encode(" ".join(text.split()), out_type=str)
        return [*pieces, self._eos] if self._eos else pieces

    def _decode(self, pieces: list[str]) -> str:
        # A hypothesis as long as the limit did not end: likely a loop; no line beats a wrong one.
        if len(pieces) >= self.max_decoding_length:
            self.dropped += 1
            return ""
        return self._target.decode(pieces).strip()


def _load_spm(root: Path, path: Path):
    import sentencepiece  # only in a build with a model

    processor = sentencepiece.SentencePieceProcessor()
    try:
        processor.Load(str(path))
    except (OSError, RuntimeError) as err:
        raise TranslationModelError(root, f"{path.name} is not a SentencePiece model") from err
    return processor


def _eos_token(folder: ModelFolder) -> str | None:
    if not folder.append_eos:
        return None
    config = _read_json(folder.root, folder.model_dir / "config.json")
    if config.get("add_source_eos"):
        return None  # CTranslate2 adds it itself
    eos = config.get("eos_token", "</s>")
    return eos if isinstance(eos, str) else "</s>"


def load_translator_from_folder(path: Path | str, workers: int = 1) -> Translator:
    """The translator for the model in ``path``; TranslationModelError naming path and reason."""
    folder = find_model_folder(path)
    translator = Translator(folder, workers)
    logger.info(
        "Translation model %s (%s layout) from %s", translator.identity, folder.layout, folder.root
    )
    return translator


def load_translator_or_none(
    path: Path | str | None, workers: int = 1, strict: bool = False
) -> Translator | None:
    """The build's translator: None without a path; a broken folder is one warning (the build
    goes on without translations), or TranslationModelError when ``strict``."""
    if not path:
        return None
    try:
        return load_translator_from_folder(path, workers)
    except TranslationModelError as err:
        if strict:
            raise
        logger.warning("%s; building without machine translation", err)
        return None


def text_key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class TranslationCache:
    """Translations on disk, one small JSON file per segment, keyed by text hash and model.

    ``cache_dir=None`` keeps nothing. Writes go to a temporary file renamed into place, so two
    builds writing the same segment at once leave one whole file, never a torn one.
    """

    def __init__(self, cache_dir: Path | str | None, model_identity: str):
        self.model_identity = model_identity
        model_key = text_key(model_identity)[:16]
        self.root = Path(cache_dir) / "translations" / model_key if cache_dir else None
        self.hits = 0
        self.misses = 0

    def _path(self, key: str) -> Path:
        assert self.root is not None
        return self.root / key[:2] / f"{key}.json"

    def get(self, text: str) -> str | None:
        found = self._read(text_key(text)) if self.root else None
        if found is None:
            self.misses += 1
        else:
            self.hits += 1
        return found

    def _read(self, key: str) -> str | None:
        try:
            record = json.loads(self._path(key).read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
            logger.warning("Translation cache: unreadable %s (%s); translating again", key, err)
            return None
        ok = isinstance(record, dict) and record.get("model") == self.model_identity
        text = record.get("translation") if ok else None
        return text if isinstance(text, str) else None

    def put(self, text: str, translation: str) -> None:
        if self.root is None:
            return
        key = text_key(text)
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        record = {"model": self.model_identity, "source_sha256": key, "translation": translation}
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(record, out, ensure_ascii=False)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


def translate_segments(
    translator: Translator, cache: TranslationCache, texts: Sequence[str]
) -> tuple[list[str], TranslationStats]:
    """Each text's translation: identical texts once, cached ones from the cache, the rest in
    batches of CACHE_BATCH (written to the cache after each batch)."""
    started = time.perf_counter()
    unique = list(dict.fromkeys(text for text in texts if text.strip()))
    found: dict[str, str] = {}
    hits_before = cache.hits
    for text in unique:
        cached = cache.get(text)
        if cached is not None:
            found[text] = cached
    missing = [text for text in unique if text not in found]
    dropped_before = translator.dropped
    for start in range(0, len(missing), CACHE_BATCH):
        batch = missing[start : start + CACHE_BATCH]
        for text, translation in zip(batch, translator.translate_batch(batch), strict=True):
            found[text] = translation
            cache.put(text, translation)
    stats = TranslationStats(
        segments=len(texts),
        unique=len(unique),
        hits=cache.hits - hits_before,
        translated=len(missing),
        dropped=translator.dropped - dropped_before,
        seconds=time.perf_counter() - started,
    )
    logger.info(
        "Translation (%s): %d segments, %d distinct, %d cached, %d translated in %.2f s",
        translator.name,
        stats.segments,
        stats.unique,
        stats.hits,
        stats.translated,
        stats.seconds,
    )
    return [found.get(text, "") for text in texts], stats
