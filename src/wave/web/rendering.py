"""Rendering for the web app: pages and their fragments (blocks), through one Jinja
environment per language, made as the PDF export's is (`wave.templating`) plus
the globals only pages use (the critic panel's view, a rule's title by its id, the
glossary's words linked in a text)."""

from functools import lru_cache
from typing import Any

import jinja2
from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2_fragments import render_block, render_blocks

from wave.engine import RULES
from wave.teamtable import link_terms
from wave.templating import make_environment
from wave.web.critic_view import critic_view


@lru_cache(maxsize=4)
def environment(lang: str) -> jinja2.Environment:
    env = make_environment(lang)
    env.globals.update(
        critic_view=critic_view,
        rule_title=lambda rule_id: RULES[rule_id].TITLE[lang],
        link_terms=lambda: link_terms(lang),
    )
    return env


def request_lang(request: Request) -> str:
    return request.state.lang


def render_page(request: Request, name: str, context: dict[str, Any], status_code: int = 200) -> HTMLResponse:
    env = environment(request_lang(request))
    html = env.get_template(name).render(request=request, **context)
    return HTMLResponse(html, status_code=status_code, headers={"Vary": "HX-Request"})


def render_fragments(
    request: Request,
    name: str,
    blocks: list[str],
    context: dict[str, Any],
    status_code: int = 200,
    headers: dict[str, str] | None = None,
) -> HTMLResponse:
    """Render some blocks of a page template; the first is the swap target, the rest go
    out of band (their root elements carry hx-swap-oob when `oob` is true)."""
    env = environment(request_lang(request))
    html = render_blocks(env, name, blocks, request=request, oob=True, **context)
    return HTMLResponse(html, status_code=status_code, headers={"Vary": "HX-Request", **(headers or {})})


def render_answer(
    request: Request,
    name: str,
    blocks: list[str],
    context: dict[str, Any],
    *,
    repeat: tuple[str, str, list[Any]] | None = None,
    status_code: int = 200,
    headers: dict[str, str] | None = None,
) -> HTMLResponse:
    """An htmx answer made only of out-of-band blocks: `blocks` once each, and
    `repeat = (block, variable, values)` once per value (e.g. each changed phase)."""
    env = environment(request_lang(request))
    parts = [render_blocks(env, name, blocks, request=request, oob=True, **context)] if blocks else []
    if repeat:
        block, variable, values = repeat
        parts += [render_block(env, name, block, request=request, **{**context, variable: v}) for v in values]
    return HTMLResponse(
        "".join(parts), status_code=status_code, headers={"Vary": "HX-Request", **(headers or {})}
    )
