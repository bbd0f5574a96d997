"""Rendering: one Jinja environment per language; pages and their fragments (blocks)."""

from functools import lru_cache
from typing import Any

import jinja2
from babel.numbers import format_decimal
from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2_fragments import render_block, render_blocks

from wave import PROJECT_DIR
from wave.i18n import translations
from wave.vocabulary import TEACHER_SKILLS, label
from wave.web.critic_view import critic_view
from wave.web.icons import icon, sprite

WEB_DIR = PROJECT_DIR / "web"
STATIC_DIR = WEB_DIR / "static"


@lru_cache(maxsize=4)
def environment(lang: str) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(WEB_DIR / "templates"),
        autoescape=True,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.install_gettext_translations(translations(lang), newstyle=True)  # type: ignore[attr-defined]
    env.globals.update(
        lang=lang,
        critic_view=critic_view,
        icon=icon,
        icon_sprite=sprite,
        label=lambda code: label(code, lang),
        format_number=lambda number: format_decimal(number, locale=lang),
        skill_label=lambda code: TEACHER_SKILLS.get(code, {}).get(lang, code),
    )
    return env


def request_lang(request: Request) -> str:
    return request.state.lang


def render_page(request: Request, name: str, context: dict[str, Any],
                status_code: int = 200) -> HTMLResponse:
    env = environment(request_lang(request))
    html = env.get_template(name).render(request=request, **context)
    return HTMLResponse(html, status_code=status_code, headers={"Vary": "HX-Request"})


def render_fragments(request: Request, name: str, blocks: list[str], context: dict[str, Any],
                     status_code: int = 200, headers: dict[str, str] | None = None) -> HTMLResponse:
    """Render some blocks of a page template; the first is the swap target, the rest go
    out of band (their root elements carry hx-swap-oob when `oob` is true)."""
    env = environment(request_lang(request))
    html = render_blocks(env, name, blocks, request=request, oob=True, **context)
    return HTMLResponse(html, status_code=status_code,
                        headers={"Vary": "HX-Request", **(headers or {})})


def render_answer(request: Request, name: str, blocks: list[str], context: dict[str, Any], *,
                  repeat: tuple[str, str, list[Any]] | None = None, status_code: int = 200,
                  headers: dict[str, str] | None = None) -> HTMLResponse:
    """An htmx answer made only of out-of-band blocks: `blocks` once each, and
    `repeat = (block, variable, values)` once per value (e.g. each changed phase)."""
    env = environment(request_lang(request))
    parts = [render_blocks(env, name, blocks, request=request, oob=True, **context)] if blocks else []
    if repeat:
        block, variable, values = repeat
        parts += [render_block(env, name, block, request=request, **{**context, variable: v})
                  for v in values]
    return HTMLResponse("".join(parts), status_code=status_code,
                        headers={"Vary": "HX-Request", **(headers or {})})
