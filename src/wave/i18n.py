"""Languages: Dutch (default) and English, through Babel message catalogues.

Message ids are English; `locale/nl/LC_MESSAGES/messages.po` holds the Dutch.
The .po file is compiled in memory at start-up, so there is no build step and
no compiled file to keep in sync.
"""

import gettext
from collections.abc import Callable, Mapping
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


def pgettext(context: str, message: str) -> str:
    """Marks `message` for the catalogue in a context (Babel's extractor knows `pgettext`),
    for a word that reads differently elsewhere ("Share": *Delen* on a button, *Aandeel*
    in a chart). The message id it gives is the context and the message as gettext keys
    them, so `translate` takes it like any other."""
    return f"{context}{CONTEXT}{message}"


CONTEXT = "\x04"  # how gettext joins a context and a message id


def translate(lang: str, message: str, **values: object) -> str:
    """`message` (an English message id) in `lang`, its `%(name)s` placeholders filled.

    A value is shown as it is, except a text of the domain in both languages (a
    catalogue name, a label: anything called with the language, or a mapping from
    language to text), which is shown in `lang` too."""
    text = translations(lang).gettext(message).rpartition(CONTEXT)[2]
    return text % {name: in_language(value, lang) for name, value in values.items()} if values else text


def in_language(value: object, lang: str) -> object:
    """A message's value in `lang`: see `translate`."""
    if isinstance(value, Mapping):
        return value.get(lang) or value.get("en") or ""
    if callable(value):
        return value(lang)
    return value


class Plural:
    """A text that depends on a number (`ngettext`), kept apart from any one language."""

    __slots__ = ("singular", "plural", "num")

    def __init__(self, singular: str, plural: str, num: int):
        self.singular, self.plural, self.num = singular, plural, num

    def __call__(self, lang: str) -> str:
        return translations(lang).ngettext(self.singular, self.plural, self.num) % {"num": self.num}


def ngettext(singular: str, plural: str, num: int) -> Plural:
    """Marks a plural for the catalogue (Babel's extractor knows `ngettext`); `%(num)d`
    is the number. Shown like a `Message`: called with the language, or as a value of one."""
    return Plural(singular, plural, num)


class Message:
    """A text for a person, kept apart from any one language until it is shown: an
    English message id (marked with `N_` where it is written) and the values of its
    `%(name)s` placeholders. `message(lang)` is the text in `lang`."""

    __slots__ = ("id", "values")

    def __init__(self, id: str, /, **values: object):
        self.id, self.values = id, values

    def __call__(self, lang: str) -> str:
        return translate(lang, self.id, **self.values)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Message) and (self.id, self.values) == (other.id, other.values)

    def __hash__(self) -> int:
        return hash(self.id)

    def __repr__(self) -> str:
        return f"Message({self.id!r}, **{self.values!r})"

    def plain(self) -> dict[str, object]:
        """As JSON: `{"msg": id, "values": {...}}`, a domain text among the values in
        every language (`{"nl": …, "en": …}`)."""
        return {"msg": self.id, "values": {k: _plain(v) for k, v in self.values.items()}}


def _plain(value: object) -> object:
    if isinstance(value, Mapping | Callable):  # type: ignore[arg-type]
        return {lang: str(in_language(value, lang)) for lang in LANGUAGES}
    return value
