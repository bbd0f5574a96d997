"""The rules of the feedback for teachers: the list by tip and by misconception, and a
page per rule with its why, what to try and a bad and a good example (SPEC §9)."""

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response

from wave.engine import ALL_RULES
from wave.web.auth import require_caller
from wave.web.deps import LangDep
from wave.web.rendering import render_page
from wave.web.rule_view import rule_groups, rule_page

router = APIRouter(
    prefix="/rules", tags=["rules"], include_in_schema=False, dependencies=[Depends(require_caller)]
)


@router.get("", response_class=HTMLResponse)
def index(request: Request) -> Response:
    return render_page(request, "rules.html", {"groups": rule_groups(), "page": None})


@router.get("/{rule_id}", response_class=HTMLResponse)
def show(rule_id: str, request: Request, lang: LangDep) -> Response:
    rule = ALL_RULES.get(rule_id)
    if rule is None:
        return render_page(request, "not_found.html", {}, status_code=404)
    return render_page(request, "rules.html", {"groups": rule_groups(), "page": rule_page(rule, lang=lang)})
