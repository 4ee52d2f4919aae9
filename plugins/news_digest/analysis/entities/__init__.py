"""Entities: takes a Document's sentences, gives the people, places and organisations named in
them (one Entity per referent, with its English name) and every mention's sentence and offsets.

candidates (tokens, gazetteer) -> cues (rules per sentence) with boundaries -> resolution
(aliases, one entity per referent) -> naming (English).
"""

from .candidates import readings, tokenize, word_kind
from .cues import role_english
from .records import Entity, EntityResult, Mention
from .resolution import extract_entities

__all__ = [
    "Entity",
    "EntityResult",
    "Mention",
    "extract_entities",
    "readings",
    "role_english",
    "tokenize",
    "word_kind",
]
