"""The English side of an article, composed only from facts read in the Arabic text.

brief.py composes it (``compose``): the title and lead cut into clauses (clauses.py, names
joined to their roles by apposition.py, stand_ins.py and title_names.py), the one clause that
states an actor, an action and a place (headline.py, with the action lexicon lexicon.py,
role and body actors actors.py, objects complements.py, casualty and story kinds kinds.py),
put into English (wording.py); then the standfirst's sentences (standfirst.py). Only names
whose English is known, not guessed, are printed (trusted.py).
"""

from .brief import EnglishBrief, Extracted, Translator, compose, load_translator, translate

__all__ = ["EnglishBrief", "Extracted", "Translator", "compose", "load_translator", "translate"]
