from news_digest.ingest.sentences import quote_spans, split_sentences


def test_splits_at_full_stops_and_question_marks_not_commas():
    text = "قال الوزير، في مؤتمر صحفي، إن الوضع مستقر. هل انتهت الأزمة؟ لا أحد يعرف"
    assert split_sentences(text) == [
        "قال الوزير، في مؤتمر صحفي، إن الوضع مستقر.",
        "هل انتهت الأزمة؟",
        "لا أحد يعرف",
    ]


def test_no_split_inside_quotes_of_any_kind():
    for opening, closing in (('"', '"'), ("«", "»"), ("“", "”")):
        text = f"وقال: {opening}القتال متواصل. وصلت القوات{closing}. ثم غادر."
        assert split_sentences(text) == [
            f"وقال: {opening}القتال متواصل. وصلت القوات{closing}.",
            "ثم غادر.",
        ]


def test_quote_ending_a_sentence_keeps_its_closing_mark():
    text = 'وأضاف: "نحن الآن في المدينة." وتابع القتال.'
    assert split_sentences(text) == ['وأضاف: "نحن الآن في المدينة."', "وتابع القتال."]


def test_decimal_numbers_and_single_letter_abbreviations_do_not_split():
    assert split_sentences("بلغت النسبة 3.5 بالمئة وفق د. أحمد. انتهى.") == [
        "بلغت النسبة 3.5 بالمئة وفق د. أحمد.",
        "انتهى.",
    ]


def test_stray_quote_mark_does_not_swallow_the_paragraph():
    text = 'قال المسؤول "إن الهجوم فشل. ' + "وأضاف أن القوات تقدمت. " * 60
    assert len(split_sentences(text)) > 50


def test_missing_space_after_full_stop_still_splits():
    assert split_sentences("سقطت المدينة.وقال الجيش إنه سيرد.") == [
        "سقطت المدينة.",
        "وقال الجيش إنه سيرد.",
    ]


def test_quote_spans_pairs_marks():
    assert quote_spans('a "b" «c»') == [(2, 5), (6, 9)]
    assert split_sentences("") == []
    assert split_sentences("   ") == []
