"""A tiny Arabic->English CTranslate2 model built here, for tests and the benchmark.

SentencePiece models are trained on a few sentences we wrote ourselves; the Transformer has one
layer of width 16 with seeded random weights, made with CTranslate2's model-spec API. Its output
is gibberish, but every real step runs: tokenising, loading, batched beam search, detokenising.
It is written in both layouts that news_digest.analysis.translation reads.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import ctranslate2
import numpy as np
import sentencepiece

# Our own sentences (not from any corpus), enough for SentencePiece to learn a small vocabulary.
ARABIC = (
    "افتتح رئيس البلدية جسرا جديدا فوق النهر صباح اليوم.",
    "قالت وزارة الصحة إن المستشفى الجديد سيفتح أبوابه الشهر المقبل.",
    "فاز الفريق المحلي بالمباراة بهدفين مقابل هدف واحد.",
    "ارتفعت أسعار الخبز في الأسواق بعد موجة الحر.",
    "أعلنت الحكومة خطة لبناء مئة مدرسة في القرى.",
    "هطلت أمطار غزيرة على المدينة طوال الليل.",
    "التقى الوزير بوفد من المزارعين لمناقشة أسعار القمح.",
    "قال المتحدث إن المحادثات ستستمر حتى نهاية الأسبوع.",
    "افتتحت المكتبة العامة قاعة جديدة للأطفال.",
    "أكد المدرب أن اللاعبين مستعدون للمباراة النهائية.",
    "انخفضت درجات الحرارة في المناطق الجبلية.",
    "وصل القطار الأول إلى المحطة الجديدة في الموعد.",
)
ENGLISH = (
    "The mayor opened a new bridge over the river this morning.",
    "The health ministry said the new hospital will open next month.",
    "The local team won the match by two goals to one.",
    "Bread prices rose in the markets after the heat wave.",
    "The government announced a plan to build a hundred schools in villages.",
    "Heavy rain fell on the city all night.",
    "The minister met a delegation of farmers to discuss wheat prices.",
    "The spokesman said the talks will continue until the end of the week.",
    "The public library opened a new hall for children.",
    "The coach said the players are ready for the final.",
    "Temperatures fell in the mountain areas.",
    "The first train reached the new station on time.",
)
WIDTH = 16
FFN_WIDTH = 32
HEADS = 2
EOS_BIAS = 4.0


def train_spm(sentences: tuple[str, ...], vocab_size: int) -> bytes:
    """A unigram SentencePiece model trained on ``sentences``, as the bytes of a .model file."""
    model = io.BytesIO()
    sentencepiece.SentencePieceTrainer.train(
        sentence_iterator=iter(sentences),
        model_writer=model,
        vocab_size=vocab_size,
        character_coverage=1.0,
        hard_vocab_limit=False,
        num_threads=1,
        minloglevel=2,
    )
    return model.getvalue()


def pieces(spm_bytes: bytes) -> list[str]:
    processor = sentencepiece.SentencePieceProcessor(model_proto=spm_bytes)
    return [processor.id_to_piece(i) for i in range(processor.get_piece_size())]


def _shape(name: str, source_size: int, target_size: int) -> tuple[int, ...]:
    """The shape of a required spec variable, from its scope name."""
    d = WIDTH
    if name.endswith(("gamma", "beta")):
        return (d,)
    if "embeddings" in name:
        return (source_size if name.startswith("encoder") else target_size, d)
    if "projection" in name:
        return (target_size, d)
    if "ffn/linear_0" in name:
        return (FFN_WIDTH, d)
    if "ffn/linear_1" in name:
        return (d, FFN_WIDTH)
    if "self_attention/linear_0" in name:
        return (3 * d, d)  # fused query, key, value
    if "/attention/linear_1" in name:
        return (2 * d, d)  # encoder-decoder attention: fused key, value
    return (d, d)


def _fill(spec: ctranslate2.specs.TransformerSpec, rng: np.random.Generator, sizes) -> None:
    for name, value in spec.variables().items():
        if value is not None:
            continue
        shape = _shape(name, *sizes)
        if name.endswith("gamma"):
            array = np.ones(shape, dtype=np.float32)
        elif name.endswith("beta"):
            array = np.zeros(shape, dtype=np.float32)
        else:
            array = rng.normal(0.0, 0.5, shape).astype(np.float32)
        scope, _, attr = name.rpartition("/")
        setattr(ctranslate2.specs.model_spec.index_spec(spec, scope), attr, array)


def build_spec(source: list[str], target: list[str], seed: int):
    spec = ctranslate2.specs.TransformerSpec.from_config(num_layers=1, num_heads=HEADS)
    _fill(spec, np.random.default_rng(seed), (len(source), len(target)))
    # Random weights rarely choose </s>; a bias on it makes most outputs end within a few words.
    bias = np.zeros(len(target), dtype=np.float32)
    bias[target.index("</s>")] = EOS_BIAS
    spec.decoder.projection.bias = bias
    spec.register_source_vocabulary(source)
    spec.register_target_vocabulary(target)
    spec.validate()
    return spec


def build_opus_mt(folder: Path, seed: int = 7) -> Path:
    """The OPUS-MT layout: CTranslate2 files plus source.spm and target.spm side by side."""
    source_spm, target_spm = train_spm(ARABIC, 120), train_spm(ENGLISH, 120)
    folder.mkdir(parents=True)
    build_spec(pieces(source_spm), pieces(target_spm), seed).save(str(folder))
    (folder / "source.spm").write_bytes(source_spm)
    (folder / "target.spm").write_bytes(target_spm)
    return folder


def build_argos(folder: Path, seed: int = 11) -> Path:
    """An unzipped .argosmodel: model/, one shared sentencepiece.model, metadata.json."""
    spm = train_spm(ARABIC + ENGLISH, 200)
    vocabulary = pieces(spm)
    (folder / "model").mkdir(parents=True)
    build_spec(vocabulary, vocabulary, seed).save(str(folder / "model"))
    (folder / "sentencepiece.model").write_bytes(spm)
    metadata = {
        "package_version": "0.1",
        "argos_version": "1.9",
        "from_code": "ar",
        "from_name": "Arabic",
        "to_code": "en",
        "to_name": "English",
    }
    (folder / "metadata.json").write_text(json.dumps(metadata, indent=2), encoding="utf-8")
    return folder


if __name__ == "__main__":
    import sys

    out = Path(sys.argv[1] if len(sys.argv) > 1 else "tiny-mt")
    print(build_opus_mt(out / "opus-mt-tiny-ar-en"))
    print(build_argos(out / "argos" / "translate-ar_en-0_1"))
