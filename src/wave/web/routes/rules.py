"""A documentation page per rule, and the list of all rules."""

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response

from wave.engine import RULES
from wave.web.auth import require_caller
from wave.web.rendering import render_page

router = APIRouter(
    prefix="/rules", tags=["rules"], include_in_schema=False, dependencies=[Depends(require_caller)]
)


@router.get("", response_class=HTMLResponse)
def index(request: Request) -> Response:
    return render_page(request, "rules.html", {"rules": list(RULES.values())})


@router.get("/{rule_id}", response_class=HTMLResponse)
def show(rule_id: str, request: Request) -> Response:
    rule = RULES.get(rule_id)
    if rule is None:
        return render_page(request, "not_found.html", {}, status_code=404)
    return render_page(request, "rules.html", {"rules": list(RULES.values()), "rule": rule})
