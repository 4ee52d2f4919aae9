"""Production settings for a GitHub Pages project site: `pelican content -s publishconf.py`.

SITEURL comes from the environment (the Pages workflow sets it) so forks need no edit, and so
does DIGEST_TRANSLATION_MODEL when the workflow has fetched a translation model (opt-in).
"""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: F403

SITEURL = os.environ.get("SITEURL", "https://example.github.io/news-digest").rstrip("/")
RELATIVE_URLS = False
FEED_DOMAIN = SITEURL
DELETE_OUTPUT_DIRECTORY = True
# Only when set: without a model folder the settings, and so the site, stay as they were.
if os.environ.get("DIGEST_TRANSLATION_MODEL"):
    DIGEST_TRANSLATION_MODEL = os.environ["DIGEST_TRANSLATION_MODEL"]
