"""Pages outside the canvas: the dashboard (its search and filters, deleting and
restoring), starting a design, import, language."""

from collections.abc import Mapping
from urllib.parse import parse_qsl, urlencode, urlsplit

from fastapi import APIRouter, Depends, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlmodel import Session

from wave.access import shared_roles, visible_designs
from wave.design_templates import DesignTemplate, get_templates
from wave.examples import example_index
from wave.format import MAX_BYTES, DesignInvalid
from wave.i18n import N_, translate
from wave.importers import import_and_store
from wave.inbox import inbox
from wave.material import custom_templates
from wave.models import User, now
from wave.store import QuotaExceeded, create_design
from wave.team import team_of
from wave.trash import delete_design, purge_trash, restore_design
from wave.web.auth import Caller, CallerDep, ViewAccess, authorize, check_csrf
from wave.web.dashboard_view import FIELDS, Notice, dashboard, only_the_owner
from wave.web.deps import CatalogueDep, DesignId, FormDep, LangDep, SessionDep
from wave.web.rendering import render_fragments, render_page
from wave.web.review_view import role_labels, status_labels
from wave.web.thumbnails import thumbnail

router = APIRouter(tags=["pages"], include_in_schema=False, dependencies=[Depends(check_csrf)])


def all_templates(session: Session, user: User) -> dict[str, DesignTemplate]:
    return get_templates() | custom_templates(session=session, user=user)


def home_context(
    session: Session,
    caller: Caller,
    lang: str = "nl",
    params: Mapping[str, str] | None = None,
    notice: Notice | None = None,
    **extra,
) -> dict:
    """The dashboard; `params` are its search, filters and order (`dashboard_view`)."""
    user = caller.user
    purge_trash(session=session, now=now())  # the trash is listed here: what is due goes first
    records = visible_designs(session=session, user=user)
    examples = {info.slug: info for info in example_index()}
    templates = all_templates(session, user)
    board = dashboard(
        session=session,
        user=user,
        records=records,
        params=params or {},
        templates=templates,
        lang=lang,
        now=now(),
        notice=notice,
    )
    return {
        "board": board,
        "own": board.own,
        "shared": board.shared,
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
        "templates": templates,
        "user": user,
        **extra,
    }


RESULTS = "dashboard-results"  # the element a search or filter replaces


def for_results(request: Request) -> bool:
    """An htmx request that replaces the list of designs (not a restore of history, which
    wants the whole page)."""
    headers = request.headers
    return (
        headers.get("HX-Request") == "true"
        and headers.get("HX-Target") == RESULTS
        and not headers.get("HX-History-Restore-Request")
    )


@router.get("/", response_class=HTMLResponse)
def home(request: Request, session: SessionDep, lang: LangDep, caller: CallerDep) -> Response:
    """The dashboard. Its search, filters and order are GET parameters (`?q=…&status=…&
    template=…&owner=mine|shared|<person>&sort=changed|title|created`); from htmx only
    the list and its count are answered. A value the filters do not offer is a 422 that
    names the field, with the list as if it were not given. The address left is always
    the short one (no empty fields, no default order): the one to share, and to go back to."""
    given = request.query_params.multi_items()
    if not for_results(request) and any(_unneeded(k, v) for k, v in given):
        # the form sent without script names every field, the empty ones too
        kept = urlencode([(k, v) for k, v in given if not _unneeded(k, v)])
        return RedirectResponse(f"/?{kept}" if kept else "/", status_code=303)
    context = home_context(session, caller, lang, params=request.query_params)
    status = 422 if context["board"].problems else 200
    if for_results(request):
        query = context["board"].filters.query()
        return render_fragments(
            request,
            "home.html",
            ["results", "filter_summary"],
            context,
            status,
            headers={"HX-Push-Url": f"/?{query}" if query else "/"},
        )
    return render_page(request, "home.html", context, status)


def _unneeded(name: str, value: str) -> bool:
    return name in FIELDS and (not value or (name == "sort" and value == "changed"))


@router.post("/designs", response_class=HTMLResponse)
def new_design(
    request: Request, form: FormDep, session: SessionDep, lang: LangDep, caller: CallerDep
) -> Response:
    title = str(form.get("title") or "").strip()
    template = all_templates(session, caller.user).get(str(form.get("template") or ""))
    errors = {}
    if not title or len(title) > 200:
        errors["title"] = translate(lang, N_("Give your design a title (at most 200 characters)."))
    if template is None:
        errors["template"] = translate(lang, N_("Choose a template."))
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
    suffix = translate(lang, N_(" (copy)"))
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
    """A file from the dashboard: wave.design/v1 (.json), Learning Designer (.ldj) or the
    CSV activity table (`wave.importers`). From htmx only the import form is answered
    (what was typed in the other forms stays); without script, the page. When the file
    held something the design does not, the answer lists it with a link to the new
    design, instead of going there."""
    raw = file.file.read(MAX_BYTES + 1)  # spooled by Starlette already: no waiting here
    try:
        record, imported = import_and_store(
            name=file.filename,
            raw=raw,
            session=session,
            catalogue=catalogue,
            owner_id=caller.user.id,
            lang=lang,
        )
    except (DesignInvalid, QuotaExceeded) as exc:
        messages = (
            [p.readable(lang) for p in exc.problems[:20]] if isinstance(exc, DesignInvalid) else [exc(lang)]
        )
        errors = {"import_errors": messages, "import_name": file.filename}
        if request.headers.get("HX-Request"):
            return render_fragments(request, "home.html", ["importform"], errors, 422)
        return render_page(request, "home.html", home_context(session, caller, lang, **errors), 422)
    target = f"/designs/{record.id}"
    if imported.unmapped:
        result = {
            "import_result": {
                "id": record.id,
                "title": record.title,
                "name": file.filename,
                "unmapped": [u.readable(lang) for u in imported.unmapped],
            }
        }
        if request.headers.get("HX-Request"):
            return render_fragments(request, "home.html", ["importform"], result)
        return render_page(request, "home.html", home_context(session, caller, lang, **result))
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


# --- deleting and restoring (the JSON API is in api_designs) --------------------------------


def _back(form, **happened: int) -> str:
    """Where a post without script returns: the dashboard with the filters it had (the
    form's `back`) and what happened (`?deleted=ID`, shown with an undo)."""
    kept = [(k, v) for k, v in parse_qsl(str(form.get("back") or "")) if k in FIELDS]
    return "/?" + urlencode(kept + list(happened.items()))


def _answer(
    request: Request, session: Session, caller: Caller, lang: str, notice: Notice, target: str, status=200
) -> Response:
    """From the dashboard (htmx): its list as its address filters it, the trash and the
    notice; from the canvas (htmx): off to the dashboard; without script: a redirect."""
    if for_results(request):
        current = urlsplit(request.headers.get("HX-Current-URL", "")).query
        context = home_context(session, caller, lang, params=dict(parse_qsl(current)), notice=notice)
        blocks = ["results", "filter_summary", "trash", "notice"]
        return render_fragments(request, "home.html", blocks, context, status)
    if status >= 400:
        return render_page(request, "forbidden.html", {"message": notice.text}, status)
    if request.headers.get("HX-Request"):
        return Response(status_code=200, headers={"HX-Redirect": target})
    return RedirectResponse(target, status_code=303)


@router.post("/designs/{design_id}/delete", response_class=HTMLResponse)
def delete_from_page(
    design_id: DesignId,
    request: Request,
    form: FormDep,
    session: SessionDep,
    lang: LangDep,
    caller: CallerDep,
) -> Response:
    """Into the owner's trash (`DELETE /api/designs/{id}` does the same for the API)."""
    record, role = authorize(session=session, caller=caller, design_id=design_id, needed="view")
    if role != "owner":
        refused = Notice("refused", record.id, record.title, only_the_owner(lang, "delete"))
        return _answer(request, session, caller, lang, refused, "/", 403)
    delete_design(session=session, record=record, now=now())
    notice = Notice("deleted", record.id, record.title)
    return _answer(request, session, caller, lang, notice, _back(form, deleted=record.id))


@router.post("/designs/{design_id}/restore", response_class=HTMLResponse)
def restore_from_page(
    design_id: DesignId,
    request: Request,
    form: FormDep,
    session: SessionDep,
    lang: LangDep,
    caller: CallerDep,
) -> Response:
    """Out of the trash, from the trash's list or the undo after a delete."""
    record, role = authorize(
        session=session, caller=caller, design_id=design_id, needed="view", include_trash=True
    )
    if role != "owner":
        refused = Notice("refused", record.id, record.title, only_the_owner(lang, "restore"))
        return _answer(request, session, caller, lang, refused, "/", 403)
    restore_design(session=session, record=record)
    notice = Notice("restored", record.id, record.title)
    return _answer(request, session, caller, lang, notice, _back(form, restored=record.id))
