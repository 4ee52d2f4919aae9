"""Development settings: `pelican content` from the repository root builds output/ from seeds/."""

AUTHOR = "News Digest"
SITENAME = "موجز الأخبار"
SITENAME_EN = "News Digest"
SITEURL = ""

PATH = "content"
PAGE_PATHS = ["pages"]
ARTICLE_PATHS = ["articles"]  # optional hand-written Markdown articles
STATIC_PATHS: list[str] = []
THEME = "theme"
CACHE_PATH = "cache"
TIMEZONE = "UTC"
DEFAULT_LANG = "ar"

PLUGIN_PATHS = ["plugins"]
PLUGINS = ["news_digest"]

# URL scheme (docs/urls.md): Arabic at the root, English under /en/, one folder per page.
ARTICLE_URL = "articles/{slug}/"
ARTICLE_SAVE_AS = "articles/{slug}/index.html"
ARTICLE_LANG_URL = "{lang}/articles/{slug}/"
ARTICLE_LANG_SAVE_AS = "{lang}/articles/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
PAGE_LANG_URL = "{lang}/{slug}/"
PAGE_LANG_SAVE_AS = "{lang}/{slug}/index.html"

# Entity, story and source pages replace Pelican's tags, categories and authors.
DIRECT_TEMPLATES = ["index"]
CATEGORY_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
TAG_SAVE_AS = ""
TAGS_SAVE_AS = ""
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""
DEFAULT_PAGINATION = 30

# One Atom feed per language: Arabic originals, English translations.
FEED_DOMAIN = "http://localhost:8000"  # `make serve` address; publishconf sets the real one
FEED_ALL_ATOM = None
FEED_ATOM = None
TRANSLATION_FEED_ATOM = "feeds/{lang}.atom.xml"
FEED_MAX_ITEMS = 100  # the latest articles; the archive is the site (and digest.json)
CATEGORY_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

# Seed text is data, never markup: every template variable is escaped unless marked safe.
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True}

# news_digest settings (README, "Settings"); these are the defaults.
DIGEST_SEEDS_PATH = "seeds"
DIGEST_STRICT = False
DIGEST_SUMMARY_SENTENCES = 3
DIGEST_RELATED_MAX = 5
DIGEST_ARABIC_DIGITS = False
