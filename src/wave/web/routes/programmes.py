"""The programme pages (SPEC §12): the list with a form to start one, and a programme's
page with its weeks, courses, blend and findings.

Every change on the page (add a course, its start week, remove it, the settings, a
share) builds the new `wave.programme/v1` document and goes through the same checks
as the API (`wave.programmes.checked`) and the same versioned save. A form sent by
htmx gets the page's `programme` block back; without JavaScript, a redirect to the
page. A refused change answers 422 (409 when someone saved in between) with the
message by the form it came from and what was typed kept."""

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import FormData

from wave.accounts import AccountProblem
from wave.export.budget import Job, start_programme_pdf
from wave.filenames import pdf_filename
from wave.format import DesignInvalid
from wave.i18n import N_, translate
from wave.models import User
from wave.programme_format import DEFAULT_NORM
from wave.programmes import (
    checked,
    course_designs,
    create_programme,
    read_programme,
    role_for_programme,
    save_programme,
    share_programme,
    visible_programmes,
)
from wave.settings import get_settings
from wave.store import StaleVersion
from wave.web.auth import CallerDep, ProgrammeAccess, ProgrammeEdit, ProgrammeOwner, ProgrammeView, check_csrf
from wave.web.deps import FormDep, LangDep, ReaderLang, SessionDep
from wave.web.export_wait import pdf_answer
from wave.web.programme_view import programme_context
from wave.web.rendering import render_fragments, render_page
from wave.web.review_view import role_labels

router = APIRouter(tags=["programmes"], include_in_schema=False, dependencies=[Depends(check_csrf)])

STALE = N_("Someone else changed this programme in the meantime; the page now shows their change. Try again.")
SAVED = {
    "add": N_("Course added."),
    "start": N_("Start week saved."),
    "remove": N_("Course removed from the programme (the design itself stays)."),
    "settings": N_("Programme saved."),
    "share": N_("Shared."),
}
FIELD_LABELS = {
    "title": N_("Title"),
    "weeks": N_("Number of weeks"),
    "week_hours_norm": N_("Hours per week (norm)"),
    "design": N_("Design"),
    "start_week": N_("Start week"),
    "version": N_("Version"),
}
WHOLE_NUMBER = N_("must be a whole number")
A_NUMBER = N_("must be a number")


class FormProblem(Exception):
    def __init__(self, field: str, message: str, **values: object):
        self.field, self.message, self.values = field, message, values


def _int(form: FormData, name: str) -> int:
    value = str(form.get(name, "")).strip()
    try:
        return int(value)
    except ValueError:
        raise FormProblem(name, WHOLE_NUMBER) from None


def _number(form: FormData, name: str) -> float:
    value = str(form.get(name, "")).strip().replace(",", ".")
    try:
        number = float(value)
    except ValueError:
        raise FormProblem(name, A_NUMBER) from None
    return int(number) if number.is_integer() else number


def _refusal(lang: str, field: str, text: str) -> str:
    label = translate(lang, FIELD_LABELS[field]) if field in FIELD_LABELS else field
    return f"{label}: {text}"


def _invalid_text(lang: str, invalid: DesignInvalid) -> tuple[str, str]:
    problem = invalid.problems[0]
    field = problem.loc.rsplit(".", 1)[-1]
    return field, _refusal(lang, field, problem.text(lang))


# --- the list ---------------------------------------------------------------------------


def _list_context(session, caller, lang: str, **extra: Any) -> dict[str, Any]:
    records = visible_programmes(session=session, user=caller.user)
    items = [
        {
            "record": r,
            "programme": read_programme(r),
            "role": role_for_programme(session=session, record=r, user=caller.user),
        }
        for r in records
    ]
    return {"items": items, "role_labels": role_labels(lang), "typed": {}, **extra}


@router.get("/programmes", response_class=HTMLResponse)
def index(request: Request, session: SessionDep, lang: LangDep, caller: CallerDep) -> Response:
    return render_page(request, "programmes.html", _list_context(session, caller, lang))


@router.post("/programmes", response_class=HTMLResponse)
def create(
    request: Request, form: FormDep, session: SessionDep, lang: LangDep, caller: CallerDep
) -> Response:
    typed = {k: str(form.get(k, "")) for k in ("title", "weeks", "week_hours_norm")}
    try:
        data = {
            "format": "wave.programme/v1",
            "title": typed["title"].strip(),
            "weeks": _int(form, "weeks"),
            "week_hours_norm": _number(form, "week_hours_norm")
            if typed["week_hours_norm"].strip()
            else DEFAULT_NORM,
            "courses": [],
        }
        programme = checked(session=session, user=caller.user, data=data)
    except FormProblem as problem:
        error = {
            "field": problem.field,
            "text": _refusal(lang, problem.field, translate(lang, problem.message)),
        }
        return render_page(
            request, "programmes.html", _list_context(session, caller, lang, typed=typed, error=error), 422
        )
    except DesignInvalid as invalid:
        field, text = _invalid_text(lang, invalid)
        error = {"field": field, "text": text}
        return render_page(
            request, "programmes.html", _list_context(session, caller, lang, typed=typed, error=error), 422
        )
    record = create_programme(
        session=session, programme=programme, owner_id=caller.user.id, summary="created"
    )
    return RedirectResponse(f"/programmes/{record.id}", status_code=303)


# --- a programme ------------------------------------------------------------------------


def _page(
    request: Request, session, access: ProgrammeAccess, lang: str, status: int = 200, **extra: Any
) -> Response:
    context = programme_context(session, access, lang, **extra)
    if "HX-Request" in request.headers:
        return render_fragments(request, "programme.html", ["programme"], context, status_code=status)
    return render_page(request, "programme.html", context, status_code=status)


@router.get("/programmes/{programme_id}", response_class=HTMLResponse)
def show(request: Request, session: SessionDep, lang: LangDep, access: ProgrammeView) -> Response:
    return _page(request, session, access, lang)


def _change(
    request: Request, form: FormData, session, lang: str, access: ProgrammeAccess, kind: str, build
) -> Response:
    """Build the new document from the stored one, check it, save it on the version the
    page showed; answer the page (htmx) or redirect."""
    where = str(form.get("form", kind))
    if not _has_form(where, access):
        where = "general"  # e.g. a course's form from a page older than a removal: say it on top
    typed = {k: str(v) for k, v in form.items() if k != "csrf_token"}
    try:
        based_on = _int(form, "version")
        data = access.programme.to_json()
        build(data, form)
        programme = checked(session=session, user=access.caller.user, data=data, stored=access.programme)
        save_programme(
            session=session,
            programme_id=access.record.id,
            programme=programme,
            based_on=based_on,
            author_id=access.caller.user.id,
            summary=kind,
        )
    except FormProblem as problem:
        error = {
            "form": where,
            "text": _refusal(lang, problem.field, translate(lang, problem.message, **problem.values)),
        }
        return _page(request, session, access, lang, 422, error=error, typed=typed)
    except DesignInvalid as invalid:
        _, text = _invalid_text(lang, invalid)
        return _page(request, session, access, lang, 422, error={"form": where, "text": text}, typed=typed)
    except StaleVersion:
        session.refresh(access.record)
        fresh = ProgrammeAccess(access.record, read_programme(access.record), access.role, access.caller)
        error = {"form": where, "text": translate(lang, STALE)}
        return _page(request, session, fresh, lang, 409, error=error, typed=typed)
    if "HX-Request" not in request.headers:
        return RedirectResponse(f"/programmes/{access.record.id}", status_code=303)
    session.refresh(access.record)
    fresh = ProgrammeAccess(access.record, read_programme(access.record), access.role, access.caller)
    return _page(request, session, fresh, lang, notice=translate(lang, SAVED[kind]))


def _has_form(where: str, access: ProgrammeAccess) -> bool:
    kind, _, index = where.partition("-")
    if kind in ("start", "remove"):
        return index.isdigit() and int(index) < len(access.programme.courses)
    return where in ("add", "settings", "share")


def _course_index(form: FormData, data: dict[str, Any]) -> int:
    index = _int(form, "course")
    if not 0 <= index < len(data["courses"]):
        raise FormProblem("design", N_("this course is not in the programme (any more)"))
    return index


@router.post("/programmes/{programme_id}/courses", response_class=HTMLResponse)
def add_course(
    request: Request, form: FormDep, session: SessionDep, lang: LangDep, access: ProgrammeEdit
) -> Response:
    def build(data: dict[str, Any], form: FormData) -> None:
        if not str(form.get("design", "")).strip():
            raise FormProblem("design", N_("choose a design"))
        data["courses"].append({"design": _int(form, "design"), "start_week": _int(form, "start_week")})

    return _change(request, form, session, lang, access, "add", build)


@router.post("/programmes/{programme_id}/start", response_class=HTMLResponse)
def start_week(
    request: Request, form: FormDep, session: SessionDep, lang: LangDep, access: ProgrammeEdit
) -> Response:
    def build(data: dict[str, Any], form: FormData) -> None:
        data["courses"][_course_index(form, data)]["start_week"] = _int(form, "start_week")

    return _change(request, form, session, lang, access, "start", build)


@router.post("/programmes/{programme_id}/remove", response_class=HTMLResponse)
def remove_course(
    request: Request, form: FormDep, session: SessionDep, lang: LangDep, access: ProgrammeEdit
) -> Response:
    def build(data: dict[str, Any], form: FormData) -> None:
        del data["courses"][_course_index(form, data)]

    return _change(request, form, session, lang, access, "remove", build)


@router.post("/programmes/{programme_id}/settings", response_class=HTMLResponse)
def settings(
    request: Request, form: FormDep, session: SessionDep, lang: LangDep, access: ProgrammeEdit
) -> Response:
    def build(data: dict[str, Any], form: FormData) -> None:
        data["title"] = str(form.get("title", "")).strip()
        data["weeks"] = _int(form, "weeks")
        data["week_hours_norm"] = _number(form, "week_hours_norm")

    return _change(request, form, session, lang, access, "settings", build)


@router.post("/programmes/{programme_id}/shares", response_class=HTMLResponse)
def share(
    request: Request, form: FormDep, session: SessionDep, lang: LangDep, access: ProgrammeOwner
) -> Response:
    typed = {k: str(v) for k, v in form.items() if k != "csrf_token"}
    role = typed.get("role", "")
    if role not in ("edit", "comment", "view"):
        error = {"form": "share", "text": _refusal(lang, "role", translate(lang, N_("choose a role")))}
        return _page(request, session, access, lang, 422, error=error, typed=typed)
    try:
        share_programme(session=session, record=access.record, email=typed.get("email", ""), role=role)
    except AccountProblem as problem:
        return _page(
            request, session, access, lang, 422, error={"form": "share", "text": problem(lang)}, typed=typed
        )
    if "HX-Request" not in request.headers:
        return RedirectResponse(f"/programmes/{access.record.id}", status_code=303)
    return _page(request, session, access, lang, notice=translate(lang, SAVED["share"]))


def _pdf_inputs(session, access: ProgrammeAccess) -> dict[str, Any]:
    designs = course_designs(session=session, programme=access.programme)
    owner = session.get(User, access.record.owner_id) if access.record.owner_id else None
    return {
        "programme": access.programme.to_json(),
        "designs": {key: design.to_json() for key, design in designs.items()},
        "owner": owner.name if owner else None,
    }


@router.get("/programmes/{programme_id}/export.pdf")
async def export_pdf(
    request: Request, session: SessionDep, lang: LangDep, reader: ReaderLang, access: ProgrammeView
) -> Response:
    """One page of overview, then each course's design export; within the export budget."""
    settings = get_settings()
    inputs = await run_in_threadpool(_pdf_inputs, session, access)

    def start() -> Job:
        return start_programme_pdf(
            person=access.caller.user.id,
            rules=settings.rules,
            at_once=settings.export_at_once,
            lang=reader,
            **inputs,
        )

    return await pdf_answer(request, start, lang, pdf_filename(access.record.title))
