"""The Jinja environment the templates in `web/templates/` are rendered with, one per
language: `_()`, `icon()`, `label()` and the number formats. The web pages and the
PDF export both render through it, so this module knows no request and no app;
the web layer adds its page-only globals (`wave.web.rendering`)."""

from functools import lru_cache

import jinja2
from babel.numbers import format_decimal

from wave import PROJECT_DIR
from wave.i18n import translations
from wave.icons import icon, sprite
from wave.vocabulary import TEACHER_SKILLS, label

WEB_DIR = PROJECT_DIR / "web"
TEMPLATES_DIR = WEB_DIR / "templates"
STATIC_DIR = WEB_DIR / "static"


def make_environment(lang: str) -> jinja2.Environment:
    """A new environment for `lang`; callers cache it (`environment`, the web's own)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
        autoescape=True,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.install_gettext_translations(translations(lang), newstyle=True)  # type: ignore[attr-defined]
    env.globals.update(
        lang=lang,
        icon=icon,
        icon_sprite=sprite,
        label=lambda code: label(code, lang),
        format_number=lambda number: format_decimal(number, locale=lang),
        skill_label=lambda code: TEACHER_SKILLS.get(code, {}).get(lang, code),
    )
    return env


@lru_cache(maxsize=4)
def environment(lang: str) -> jinja2.Environment:
    """The environment for templates outside the web app (the PDF export)."""
    return make_environment(lang)
