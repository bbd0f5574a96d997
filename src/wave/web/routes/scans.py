"""The readiness scan's pages (SPEC §13): the list with a form to start one, the answer
page (a fieldset per dimension, a radio group per statement, the member's own answers
filled in), the results (radar, table with spread and change, next steps, sharing).

Forms work without script (a post, then a redirect); with htmx the answer form gets only
its confirmation back. The same checks as the JSON API (`wave.scans.store`).
"""

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlmodel import Session, col, select

from wave.accounts import AccountProblem
from wave.format import Problem
from wave.i18n import N_, translate
from wave.models import ScanRecord, User
from wave.scans.dimensions import dimensions, statement_ids
from wave.scans.results import scan_results
from wave.scans.store import (
    ScanClosed,
    ScanInvalid,
    close_scan,
    create_scan,
    own_answers,
    remove_share,
    report_for,
    respondent_counts,
    role_for,
    roles_on,
    save_answers,
    share_scan,
    shares_of,
    visible_scans,
)
from wave.web.auth import Caller, CallerDep, check_csrf
from wave.web.deps import FormDep, LangDep, SessionDep, UserId
from wave.web.rendering import render_fragments, render_page
from wave.web.scan_view import (
    CLOSED,
    ScanAccess,
    ScanEditAccess,
    ScanOwnerAccess,
    ScanViewAccess,
    level_names,
    level_words,
    scale_words,
    scan_role_names,
)

router = APIRouter(tags=["scans"], include_in_schema=False, dependencies=[Depends(check_csrf)])

DONT_KNOW = "dk"  # the form's value for "don't know"
CHOICES = ("1", "2", "3", "4", DONT_KNOW)
BAD_CHOICE = N_("Choose one of the four steps or “Don't know”.")
NO_TITLE = N_("Give the scan a title (at most 200 characters).")


# --- the list and starting one ------------------------------------------------------------


def list_context(
    session: Session, caller: Caller, lang: str, *, form: dict[str, str] | None = None, **errors: str
) -> dict[str, Any]:
    scans = visible_scans(session=session, user=caller.user)
    counts = respondent_counts(session=session, scan_ids=[s.id for s in scans])
    owners = {u.id: u.name for u in _people(session, {s.owner_id for s in scans})}
    return {
        "scans": scans,
        "roles": roles_on(session=session, user=caller.user, scans=scans),
        "counts": counts,
        "owners": owners,
        "levels": level_names(lang),
        "role_names": scan_role_names(lang),
        "form": form or {},
        "errors": errors,
    }


def _people(session: Session, ids: set[int]) -> list[User]:
    return list(session.exec(select(User).where(col(User.id).in_(ids)))) if ids else []


@router.get("/scans", response_class=HTMLResponse)
def scan_list(request: Request, session: SessionDep, lang: LangDep, caller: CallerDep) -> Response:
    """`?follows=<scan id>` fills in the form for a scan that follows that one."""
    form: dict[str, str] = {}
    follows = request.query_params.get("follows", "")
    earlier = session.get(ScanRecord, int(follows)) if follows.isdigit() and len(follows) < 10 else None
    if earlier is not None and role_for(session=session, scan=earlier, user=caller.user) is not None:
        form = {"follows": str(earlier.id), "level": earlier.level, "title": ""}
    return render_page(request, "scans.html", list_context(session, caller, lang, form=form))


@router.post("/scans", response_class=HTMLResponse)
def start_scan(
    request: Request, form: FormDep, session: SessionDep, lang: LangDep, caller: CallerDep
) -> Response:
    typed = {k: str(form.get(k) or "") for k in ("title", "level", "follows")}
    follows_text = typed["follows"].strip()
    follows = int(follows_text) if follows_text.isdigit() and len(follows_text) < 10 else None
    errors: dict[str, str] = {}
    if follows_text and follows is None:
        errors["follows"] = translate(lang, N_("Choose one of your earlier scans, or none."))
    if not errors:
        try:
            scan = create_scan(
                session=session,
                owner=caller.user,
                title=typed["title"],
                level=typed["level"],
                follows=follows,
            )
        except ScanInvalid as refused:
            for problem in refused.problems:
                errors[problem.loc] = (
                    translate(lang, NO_TITLE) if problem.loc == "title" else _sentence(problem, lang)
                )
        else:
            return RedirectResponse(f"/scans/{scan.id}", status_code=303)
    context = list_context(session, caller, lang, form=typed, **errors)
    return render_page(request, "scans.html", context, status_code=422)


def _sentence(problem: Problem, lang: str) -> str:
    text = problem.text(lang)
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


# --- answering ---------------------------------------------------------------------------


def scan_head(access: ScanAccess, session: Session, lang: str) -> dict[str, Any]:
    """What both scan pages show above their content."""
    scan = access.record
    earlier = session.get(ScanRecord, scan.follows_id) if scan.follows_id else None
    owner = session.get(User, scan.owner_id)
    return {
        "scan": scan,
        "role": access.role,
        "role_names": scan_role_names(lang),
        "level_name": level_names(lang)[scan.level],
        "level_word": level_words(lang)[scan.level],
        "owner_name": owner.name if owner else "",
        "may_answer": access.may_answer,
        "earlier": earlier,
        "earlier_visible": earlier is not None
        and role_for(session=session, scan=earlier, user=access.caller.user) is not None,
    }


def answer_context(
    access: ScanAccess,
    session: Session,
    lang: str,
    *,
    mine: dict[str, int | None] | None = None,
    saved: bool = False,
    error: str | None = None,
) -> dict[str, Any]:
    scan = access.record
    if mine is None:
        mine = own_answers(session=session, scan_id=scan.id, user_id=access.caller.user.id)
    chosen = {sid: (DONT_KNOW if v is None else str(v)) for sid, v in mine.items()}
    return {
        **scan_head(access, session, lang),
        "dimensions": dimensions(),
        "chosen": chosen,
        "scale": scale_words(lang),
        "choices": CHOICES,
        "total": len(statement_ids()),
        "answered": sum(1 for v in mine.values() if v is not None),
        "dont_know": sum(1 for v in mine.values() if v is None),
        "saved": saved,
        "error": error,
    }


@router.get("/scans/{scan_id}", response_class=HTMLResponse)
def answer_page(request: Request, access: ScanViewAccess, session: SessionDep, lang: LangDep) -> Response:
    saved = request.query_params.get("saved") == "1"
    return render_page(request, "scan_answer.html", answer_context(access, session, lang, saved=saved))


def _answers_from(form) -> tuple[dict[str, int | None], list[str]]:
    """The statements the form answers, and those with a value no radio has."""
    answers: dict[str, int | None] = {}
    bad = []
    for sid in statement_ids():
        value = str(form.get(sid) or "")
        if not value:
            continue
        if value not in CHOICES:
            bad.append(sid)
        else:
            answers[sid] = None if value == DONT_KNOW else int(value)
    return answers, bad


@router.post("/scans/{scan_id}/answers", response_class=HTMLResponse)
def answer_form(
    request: Request, form: FormDep, access: ScanEditAccess, session: SessionDep, lang: LangDep
) -> Response:
    htmx = request.headers.get("HX-Request") == "true"
    answers, bad = _answers_from(form)

    def refused(text: str, status: int) -> Response:
        context = answer_context(access, session, lang, error=text)
        if htmx:
            return render_fragments(request, "scan_answer.html", ["status"], context, status)
        return render_page(request, "scan_answer.html", context, status_code=status)

    if bad:
        return refused(translate(lang, BAD_CHOICE), 422)
    try:
        save_answers(session=session, scan=access.record, user=access.caller.user, answers=answers)
    except ScanInvalid as invalid:
        return refused(invalid.problems[0].readable(lang), 422)
    except ScanClosed:
        return refused(translate(lang, CLOSED), 409)
    if not htmx:
        return RedirectResponse(f"/scans/{access.record.id}?saved=1#save-bar", status_code=303)
    context = answer_context(access, session, lang, mine=answers, saved=True)
    return render_fragments(request, "scan_answer.html", ["status"], context)


# --- results, sharing, closing ------------------------------------------------------------


def results_context(access: ScanAccess, session: Session, lang: str, **extra: Any) -> dict[str, Any]:
    scan = access.record
    shares = shares_of(session=session, scan_id=scan.id) if access.owner else []
    return {
        **scan_head(access, session, lang),
        "results": scan_results(report_for(session=session, scan=scan), lang),
        "shares": shares,
        "other_lang": "en" if lang == "nl" else "nl",
        "share_email": "",
        "share_role": "edit",
        "share_error": None,
        **extra,
    }


@router.get("/scans/{scan_id}/results", response_class=HTMLResponse)
def results_page(request: Request, access: ScanViewAccess, session: SessionDep, lang: LangDep) -> Response:
    return render_page(request, "scan_results.html", results_context(access, session, lang))


@router.post("/scans/{scan_id}/shares", response_class=HTMLResponse)
def share_form(
    request: Request, form: FormDep, access: ScanOwnerAccess, session: SessionDep, lang: LangDep
) -> Response:
    email, role = str(form.get("email") or "").strip(), str(form.get("role") or "")
    try:
        share_scan(session=session, scan=access.record, email=email, role=role)
    except AccountProblem as problem:
        context = results_context(
            access, session, lang, share_email=email, share_role=role, share_error=problem(lang)
        )
        return render_page(request, "scan_results.html", context, status_code=422)
    return RedirectResponse(f"/scans/{access.record.id}/results#share", status_code=303)


@router.post("/scans/{scan_id}/shares/{user_id}/remove", response_class=HTMLResponse)
def unshare_form(user_id: UserId, access: ScanOwnerAccess, session: SessionDep) -> Response:
    remove_share(session=session, scan=access.record, user_id=user_id)
    return RedirectResponse(f"/scans/{access.record.id}/results#share", status_code=303)


@router.post("/scans/{scan_id}/close", response_class=HTMLResponse)
def close_form(access: ScanOwnerAccess, session: SessionDep) -> Response:
    close_scan(session=session, scan=access.record)
    return RedirectResponse(f"/scans/{access.record.id}/results", status_code=303)
