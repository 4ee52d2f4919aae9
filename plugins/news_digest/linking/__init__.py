"""Linking: takes every article's text, date, outlet and entities, gives the corpus-level links:
near-duplicate copies, related articles with their reasons, stories, and the entity and source
index behind the entity and outlet pages.
"""
