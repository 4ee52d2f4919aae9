"""A country named in the title is not taken for part of a body the article names: Russia is
no part of the Russian Defence Ministry, while Paris is part of Paris Saint-Germain (issue #13's
body names on the English side; sentences of ours)."""

from __future__ import annotations

from news_digest.analysis.english.title_names import listed_names
from news_digest.analysis.entities import Entity


def body(en: str) -> Entity:
    return Entity(f"organization/{en.lower().replace(' ', '-')}", "x", "organization", en, 1)


def test_a_country_beside_its_own_ministry_stays() -> None:
    found = listed_names("روسيا تتهم جارتها بخرق الهدنة", [body("Russian Defence Ministry")])
    assert [entity.en for entity, _ in found] == ["Russia"]


def test_a_city_inside_a_clubs_name_is_the_club() -> None:
    found = listed_names("باريس تفوز في المباراة الأخيرة", [body("Paris Saint-Germain")])
    assert found == []


def test_a_city_in_a_clubs_arabic_name_is_the_club() -> None:
    roma = Entity("organization/as-roma", "نادي روما", "organization", "AS Roma", 1)
    assert listed_names("ضوء أخضر لنجمي روما قبل المباراة", [roma]) == []
