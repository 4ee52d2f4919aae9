"""Site: takes the Digest, gives everything Pelican writes: the Arabic and English article pages,
index, entity, source and story pages, feeds, sitemap, search index and digest.json.
"""
