"""The shortcuts that make entity extraction cheaper find exactly what the full work finds
(sentences of our own wording)."""

from __future__ import annotations

import functools

import pytest
from news_digest.analysis.entities import joint, tokenize
from news_digest.analysis.entities.candidates import gazetteer_match, may_start_listed
from news_digest.analysis.entities.cues import WITH_TAGGER, may_start_rule, sentence_hits
from news_digest.analysis.entities.gazetteer import load_gazetteer
from news_digest.analysis.entities.romanize import load_model

SENTENCES = (
    "أكد سامح شكري وزير الخارجية المصري أن القاهرة ترحب بالمبادرة الجديدة.",
    "وصل مراسل الجزيرة إلى مدينة قندهار صباح اليوم بعد رحلة طويلة.",
    "أعلنت شركة إنرون عن خسائر كبيرة في تقريرها السنوي للعام الماضي.",
    "وتوجه الوفد نحو بلدة صغيرة قرب الحدود مع ممثلين عن حزب الأحرار.",
    'ذكرت وكالة Reuters أن الرئيس الفرنسي زار جامعة القاهرة وقناة "النهار" أمس.',
    "والتقى المتحدث باسم الحكومة الألمانية بنظيره في بغداد ثم عاد إلى برلين.",
    "وقالت أنغيلا ميركل للصحفيين إن فريق فيراري سيشارك في السباق المقبل.",
    "ودعا مجلس الأمن الدولي إلى وقف إطلاق النار وعلى الحكومة السورية الالتزام به.",
)


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def _ungated(rules):
    # The same rules under the same names, but not the gated set: every rule at every token.
    return tuple(functools.wraps(rule)(lambda *args, rule=rule: rule(*args)) for rule in rules)


@pytest.mark.parametrize("text", SENTENCES)
def test_gated_rules_find_what_every_rule_at_every_token_finds(gaz, text):
    toks = tokenize(text)
    assert sentence_hits(toks, gaz, WITH_TAGGER) == sentence_hits(toks, gaz, _ungated(WITH_TAGGER))


@pytest.mark.parametrize("text", SENTENCES)
def test_a_rule_fires_only_where_the_precheck_allows_it(gaz, text):
    toks = tokenize(text)
    for i, tok in enumerate(toks):
        fired = any(rule(toks, i, {}, gaz) != i for rule in WITH_TAGGER)
        assert not fired or tok.latin or may_start_rule(tok.fold, gaz.role_firsts), tok.text


def test_rule_precheck_on_heads_roles_and_prepositions(gaz):
    words = {t.text: t.fold for t in tokenize("وزير بمدينة نحو مراسل للشركة الطقس جميل")}
    assert may_start_rule(words["وزير"], gaz.role_firsts)
    assert may_start_rule(words["بمدينة"], gaz.role_firsts)
    assert may_start_rule(words["نحو"], gaz.role_firsts)
    assert may_start_rule(words["مراسل"], gaz.role_firsts)
    assert not may_start_rule(words["الطقس"], gaz.role_firsts)
    assert not may_start_rule(words["جميل"], gaz.role_firsts)


@pytest.mark.parametrize("text", SENTENCES)
def test_a_listed_name_starts_only_where_the_precheck_allows_it(gaz, text):
    toks = tokenize(text)
    for i, tok in enumerate(toks):
        if gazetteer_match(toks, i, gaz) is not None:
            assert may_start_listed(tok.readings, gaz.firsts, gaz.loose_firsts), tok.text


def test_listed_precheck_on_exact_and_other_spellings(gaz):
    toks = {t.text: t for t in tokenize("وبالقاهرة أنغيلا الطقس")}
    for word, listed in (("وبالقاهرة", True), ("أنغيلا", True), ("الطقس", False)):
        found = may_start_listed(toks[word].readings, gaz.firsts, gaz.loose_firsts)
        assert found is listed, word


def _ended_in_full(model, pending, keep, nbest):
    # The END scores one by one and a full sort: what joint._ended shortcuts.
    scored = {}
    for (score, history, spelled), steps in pending:
        for logp, token, english in zip(steps.logps, steps.tokens, steps.english, strict=True):
            total = (score + logp) + model.logprob((*history, token)[keep:], joint.END)
            name = spelled + english
            if name:
                old = scored.get(name)
                scored[name] = total if old is None else joint._logaddexp(old, total)
    return sorted(scored.items(), key=lambda item: (-item[1], item[0]))[:nbest]


@pytest.mark.parametrize("word", ["سامر", "جينسون", "كريستيانو", "ب"])
def test_name_model_end_scores_match_the_full_computation(word):
    model = load_model()
    if model is None:
        pytest.skip("no name model")
    keep = -(model.order - 1)
    start = (joint.START,)[keep:]
    longer = (*start, *(model.joint_tokens[c][0] for c in "سام"))[keep:]
    hyps = [(0.0, start, ""), (-1.5, start, "x"), (-2.0, longer, "sam")]
    pending = [(h, joint.option_steps(model, h[1][keep:], word[-1])) for h in hyps]
    for nbest in (1, 4, 50):
        assert joint._ended(model, pending, keep, nbest) == _ended_in_full(
            model, pending, keep, nbest
        )
    assert joint.decode(model, word)


def test_option_probabilities_do_not_depend_on_what_the_memos_hold():
    model = load_model()
    if model is None:
        pytest.skip("no name model")
    history = next(h for h in model.history if len(h) == model.order - 1)  # a seen one
    warm = joint.option_probs(model, history, "م")
    for memo in (model._option_memo, model._short_memo, model._step_memo, model._end_memo):
        memo.clear()
    assert joint.option_probs(model, history, "م") == warm
    assert all(len(key[0]) <= 1 for key in model._short_memo)
    assert model._option_memo and all(len(key[0]) > 1 for key in model._option_memo)
    assert joint.decode(model, "سامر") == joint.decode(model, "سامر")


def _patterns_in_full(toks, i, gaz):
    # Every pattern of every reading's first token that goes on in the text: the full scan the
    # split index shortcuts.
    found = []
    for _plen, form, _article in toks[i].readings:
        for pattern in gaz.index.get(form, ()):
            size = len(pattern.tokens)
            if i + size > len(toks):
                continue
            if all(toks[i + k].readings[0][1] == pattern.tokens[k] for k in range(1, size)):
                found.append(pattern)
    return found


@pytest.mark.parametrize("text", SENTENCES)
def test_the_split_index_keeps_every_pattern_that_goes_on(gaz, text):
    toks = tokenize(text)
    for i, tok in enumerate(toks):
        after = toks[i + 1].readings[0][1] if i + 1 < len(toks) else ""
        split = [
            pattern
            for _plen, form, _article in tok.readings
            for pattern in gaz.by_second.get((form, after), ()) + gaz.singles.get(form, ())
        ]
        assert [p for p in split if p in _patterns_in_full(toks, i, gaz)] == _patterns_in_full(
            toks, i, gaz
        ), tok.text


def test_the_split_index_holds_the_index_in_its_order(gaz):
    for first in ("علي", "مجلس", "حزب"):
        patterns = gaz.index[first]
        longer = [p for p in patterns if len(p.tokens) > 1]
        assert patterns == tuple(longer) + gaz.singles.get(first, ())
        for pattern in longer:
            assert pattern in gaz.by_second[(first, pattern.tokens[1])]
