from pathlib import Path

import pytest
from news_digest.analysis.article import analyze
from news_digest.analysis.english import compose_title, find_event, load_translator
from news_digest.analysis.entities import Entity
from news_digest.arabic import tokens
from news_digest.ingest.seeds import read_seed
from news_digest.pipeline import document_from_seed

TESTS = Path(__file__).parent


@pytest.fixture(scope="module")
def seed_analyses(seeds_dir):
    docs = [document_from_seed(read_seed(p)) for p in sorted(seeds_dir.glob("*.txt"))]
    return {doc.id[:3]: (doc, analyze(doc)) for doc in docs}


def test_seed_titles_are_composed_from_names_and_an_event(seed_analyses):
    assert seed_analyses["000"][1].english.title == "Taliban entry into Kandahar, Afghanistan"
    assert seed_analyses["003"][1].english.title == "Taliban attack on Kunduz, Afghanistan"


def test_every_word_of_the_english_title_is_traceable(seed_analyses):
    for doc, analysis in seed_analyses.values():
        brief = analysis.english
        names = {e.key: e for e in analysis.entities.entities}
        source = " ".join(tokens(f"{doc.title} {doc.sentences[0].text}"))
        assert brief.event_ar and brief.event_ar in source
        for key in brief.who + brief.where:
            assert names[key].en in brief.title


def test_outlets_are_never_the_actor(seed_analyses):
    for _, analysis in seed_analyses.values():
        assert not any(k.endswith(("/afp", "/associated-press")) for k in analysis.english.who)


def test_event_lexicon_handles_clitics_and_order():
    found = find_event(["وبالهجوم على المدينة انسحبت القوات"])
    assert found is not None and found[0].en == "attack"
    assert find_event(["لا حدث هنا"]) is None


def entity(key, en, kind="place"):
    return Entity(key=key, text="x", type=kind, en=en, count=1)


def test_title_composition_without_event_or_actor():
    kabul = entity("place/kabul", "Kabul")
    taliban = entity("organization/taliban", "Taliban", "organization")
    assert compose_title([], None, [kabul]) == "News from Kabul"
    assert compose_title([taliban], None, [kabul]) == "Taliban — Kabul"
    assert compose_title([], None, []) is None


def test_translator_is_loaded_by_dotted_path():
    assert load_translator(None) is None
    translate = load_translator("translator_stub.translate")
    assert translate("كلمة أخرى") == "[en] 2 words"
    with pytest.raises(ModuleNotFoundError):
        load_translator("no_such_module.translate")
