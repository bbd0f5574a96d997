"""Pages outside the canvas: the dashboard, starting a design, import, language."""

from dataclasses import dataclass
from functools import lru_cache

from fastapi import APIRouter, Depends, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from markupsafe import Markup
from sqlmodel import Session

from wave.access import shared_roles, visible_designs
from wave.catalogue import get_catalogue
from wave.design_templates import DesignTemplate, get_templates
from wave.drawing import wave_svg
from wave.examples import example_index
from wave.format import MAX_BYTES, DesignInvalid, load_document, parse_design
from wave.inbox import inbox
from wave.material import custom_templates
from wave.models import User
from wave.store import QuotaExceeded, StoredDesignInvalid, create_design, read
from wave.team import team_of
from wave.web.auth import Caller, CallerDep, ViewAccess, check_csrf
from wave.web.critique import report_for
from wave.web.deps import CatalogueDep, FormDep, LangDep, SessionDep
from wave.web.rendering import render_fragments, render_page
from wave.web.review_view import role_labels, status_labels

router = APIRouter(tags=["pages"], include_in_schema=False, dependencies=[Depends(check_csrf)])


THUMBNAIL_ACTIVITIES = 40  # a thumbnail shows the start of a long design, and "+N"


@dataclass(frozen=True)
class Thumbnail:
    svg: Markup
    category: str
    online_percent: int


@lru_cache(maxsize=128)
def thumbnail(document: str, lang: str) -> Thumbnail:
    """A design's wave in small, and its Allen & Seaman category. Reads the design and
    runs the critic, so it is cached on the stored document (a new version is a new
    document)."""
    try:
        design = read(document)
    except StoredDesignInvalid:  # shown with its problems when opened
        return Thumbnail(svg=Markup(""), category="", online_percent=0)
    profile = report_for(design, lang=lang).profile
    svg = wave_svg(design, get_catalogue(), lang, compact=True, limit=THUMBNAIL_ACTIVITIES)
    return Thumbnail(
        svg=Markup(svg), category=profile.category, online_percent=round(profile.online_share * 100)
    )


def all_templates(session: Session, user: User) -> dict[str, DesignTemplate]:
    return get_templates() | custom_templates(session=session, user=user)


def home_context(session: Session, caller: Caller, lang: str = "nl", **extra) -> dict:
    user = caller.user
    records = visible_designs(session=session, user=user)
    examples = {info.slug: info for info in example_index()}
    return {
        "own": [r for r in records if r.example_slug is None and r.owner_id == user.id],
        "shared": [r for r in records if r.example_slug is None and r.owner_id != user.id],
        "examples": sorted(
            ((r, examples[r.example_slug]) for r in records if r.example_slug in examples),
            key=lambda pair: (pair[1].kind != "worked", pair[1].title(lang)),
        ),
        "inbox": inbox(session=session, user=user, unseen_only=True),
        "shared_roles": shared_roles(session=session, user=user),  # owner and role on each shared design
        "status_names": status_labels(lang),
        "role_names": role_labels(lang),
        "team_invitations": team_of(session=session, user=user).invitations,
        "thumbnails": {r.id: thumbnail(r.document, lang) for r in records},
        "templates": all_templates(session, user),
        "user": user,
        **extra,
    }


@router.get("/", response_class=HTMLResponse)
def home(request: Request, session: SessionDep, lang: LangDep, caller: CallerDep) -> Response:
    return render_page(request, "home.html", home_context(session, caller, lang))


@router.post("/designs", response_class=HTMLResponse)
def new_design(
    request: Request, form: FormDep, session: SessionDep, lang: LangDep, caller: CallerDep
) -> Response:
    title = str(form.get("title") or "").strip()
    template = all_templates(session, caller.user).get(str(form.get("template") or ""))
    errors = {}
    if not title or len(title) > 200:
        errors["title"] = {
            "nl": "Geef je ontwerp een titel (hooguit 200 tekens).",
            "en": "Give your design a title (at most 200 characters).",
        }[lang]
    if template is None:
        errors["template"] = {"nl": "Kies een sjabloon.", "en": "Choose a template."}[lang]
    if errors:
        return render_page(
            request, "home.html", home_context(session, caller, lang, errors=errors, form=dict(form)), 422
        )
    design = template.new_design(title=title, language=lang)
    try:
        record = create_design(session=session, design=design, summary="new", owner_id=caller.user.id)
    except DesignInvalid as exc:  # e.g. a control character in the title
        errors["title"] = exc.problems[0].readable(lang)
    except QuotaExceeded as exc:
        errors["title"] = exc(lang)
    if errors:
        return render_page(
            request, "home.html", home_context(session, caller, lang, errors=errors, form=dict(form)), 422
        )
    return RedirectResponse(f"/designs/{record.id}", status_code=303)


@router.post("/designs/{design_id}/copy")
def copy_design(access: ViewAccess, session: SessionDep, lang: LangDep) -> Response:
    design = access.design
    suffix = {"nl": " (kopie)", "en": " (copy)"}[lang]
    design.title = (design.title + suffix)[:200]
    record = create_design(session=session, design=design, summary="copy", owner_id=access.caller.user.id)
    return RedirectResponse(f"/designs/{record.id}", status_code=303)


@router.post("/import", response_class=HTMLResponse)
def import_design(
    request: Request,
    file: UploadFile,
    session: SessionDep,
    catalogue: CatalogueDep,
    lang: LangDep,
    caller: CallerDep,
) -> Response:
    """A wave.design/v1 file from the dashboard. From htmx only the import form is
    answered (what was typed in the other forms stays); without script, the page."""
    raw = file.file.read(MAX_BYTES + 1)  # spooled by Starlette already: no waiting here
    try:
        design = parse_design(load_document(raw), catalogue)
        record = create_design(session=session, design=design, summary="import", owner_id=caller.user.id)
    except (DesignInvalid, QuotaExceeded) as exc:
        messages = (
            [p.readable(lang) for p in exc.problems[:20]] if isinstance(exc, DesignInvalid) else [exc(lang)]
        )
        errors = {"import_errors": messages, "import_name": file.filename}
        if request.headers.get("HX-Request"):
            return render_fragments(request, "home.html", ["importform"], errors, 422)
        return render_page(request, "home.html", home_context(session, caller, lang, **errors), 422)
    target = f"/designs/{record.id}"
    if request.headers.get("HX-Request"):
        return Response(status_code=200, headers={"HX-Redirect": target})
    return RedirectResponse(target, status_code=303)


@router.get("/lang/{code}")
def switch_language(code: str, request: Request) -> Response:
    target = request.query_params.get("next") or "/"
    if not target.startswith("/") or target.startswith("//"):
        target = "/"
    response = RedirectResponse(target, status_code=303)
    if code in ("nl", "en"):
        response.set_cookie("wave_lang", code, max_age=365 * 24 * 3600, samesite="lax", httponly=True)
    return response
