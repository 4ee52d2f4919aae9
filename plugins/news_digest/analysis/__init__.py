"""Analysis: takes one Document, gives its Analysis (entities, summary, figures, quotes, cited
sources, claims and the English brief). Pure and per article, so it runs in worker processes and
is cached by content hash.
"""
