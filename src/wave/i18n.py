"""Languages: Dutch (default) and English, through Babel message catalogues.

Message ids are English; `locale/nl/LC_MESSAGES/messages.po` holds the Dutch.
The .po file is compiled in memory at start-up, so there is no build step and
no compiled file to keep in sync.
"""

import gettext
from functools import lru_cache
from io import BytesIO

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from wave import DEFAULT_LANGUAGE, LANGUAGES, PACKAGE_DIR

LOCALE_DIR = PACKAGE_DIR / "locale"


@lru_cache(maxsize=4)
def translations(lang: str) -> gettext.NullTranslations:
    if lang == "en":
        return gettext.NullTranslations()
    po = LOCALE_DIR / lang / "LC_MESSAGES" / "messages.po"
    with po.open("rb") as f:
        catalog = read_po(f, locale=lang)
    buffer = BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def negotiate(*, cookie: str | None, accept_language: str | None) -> str:
    """The cookie wins; then the browser's first supported language; then Dutch."""
    if cookie in LANGUAGES:
        return cookie
    for part in (accept_language or "").split(","):
        code = part.split(";")[0].strip().lower()[:2]
        if code in LANGUAGES:
            return code
    return DEFAULT_LANGUAGE


def N_(message: str) -> str:
    """Marks `message` for the catalogue (Babel's extractor knows `N_`) where it is
    written; `translate` gives it in a language where it is used."""
    return message


def translate(lang: str, message: str, **values: object) -> str:
    """`message` (an English message id) in `lang`, its `%(name)s` placeholders filled."""
    text = translations(lang).gettext(message)
    return text % values if values else text
