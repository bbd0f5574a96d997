"""Review of a design: sharing, coach comments, the review status, versions; and a
teacher's own material (custom activities, custom templates)."""

from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from markupsafe import escape
from sqlmodel import Session

from wave.access import remove_share
from wave.accounts import AccountProblem
from wave.drawing import compare_view
from wave.format import DesignInvalid
from wave.history import runs
from wave.i18n import N_, translate
from wave.invitations import withdraw
from wave.material import create_custom_activity, save_template
from wave.review import add_comment, change_status, check_subject, resolve_comment
from wave.store import (
    StaleVersion,
    StoredDesignInvalid,
    save_design,
    version_document,
    versions_of,
)
from wave.summaries import shown
from wave.web.auth import (
    Access,
    CallerDep,
    CommentAccess,
    EditAccess,
    OwnerAccess,
    ViewAccess,
    check_csrf,
)
from wave.web.canvas_view import MADE_COOKIE
from wave.web.critique import report_for
from wave.web.deps import (
    MAX_INT,
    CatalogueDep,
    CommentId,
    FormDep,
    InvitationId,
    LangDep,
    SessionDep,
    UserId,
    VersionNumber,
)
from wave.web.rendering import render_fragments, render_page
from wave.web.review_view import review_context
from wave.web.sharing import share_from_request

router = APIRouter(tags=["review"], include_in_schema=False, dependencies=[Depends(check_csrf)])


def _review(
    request: Request, access: Access, session: Session, lang: str, status: int = 200, **errors: str
) -> HTMLResponse:
    context = {
        "design_id": access.record.id,
        "role": access.role,
        "placed": access.design.placed(),
        "report": report_for(access.design, lang=lang),  # its findings can be commented on
        **review_context(access, session, lang, **errors),
    }
    return render_fragments(request, "canvas.html", ["review"], context, status_code=status)


@router.post("/designs/{design_id}/review/status", response_class=HTMLResponse)
def set_status(
    request: Request, form: FormDep, access: CommentAccess, session: SessionDep, lang: LangDep
) -> Response:
    try:
        change_status(
            session=session,
            record=access.record,
            to=str(form.get("status") or ""),
            user=access.caller.user,
            role=access.role,
        )
    except AccountProblem as problem:
        return _review(request, access, session, lang, 422, review_error=problem(lang))
    return _review(request, access, session, lang)


@router.post("/designs/{design_id}/review/shares", response_class=HTMLResponse)
def share(
    request: Request,
    form: FormDep,
    background: BackgroundTasks,
    access: OwnerAccess,
    session: SessionDep,
    lang: LangDep,
) -> Response:
    """With an account, or an invitation whose link the panel shows once, to copy."""
    email, role = str(form.get("email") or ""), str(form.get("role") or "")
    try:
        shared = share_from_request(
            request=request,
            session=session,
            access=access,
            email=email,
            role=role,
            background=background,
            lang=lang,
        )
    except AccountProblem as problem:  # the form keeps what was typed, the role too
        typed = {"share_email": email, "share_role": role}
        return _review(request, access, session, lang, 422, share_error=problem(lang), **typed)
    if shared.invited is not None:
        invited = {"invitation_link": shared.link, "invitation_email": shared.invited.invitation.email}
        return _review(request, access, session, lang, invitation_mailed=shared.mailed, **invited)
    return _review(request, access, session, lang)


@router.post("/designs/{design_id}/review/invitations/{invitation_id}/withdraw", response_class=HTMLResponse)
def withdraw_invitation(
    invitation_id: InvitationId, request: Request, access: OwnerAccess, session: SessionDep, lang: LangDep
) -> Response:
    """The owner withdraws an invitation nobody has used yet: its link stops working."""
    if not withdraw(session=session, record=access.record, invitation_id=invitation_id):
        return _review(request, access, session, lang, 422, share_error=translate(lang, NO_INVITATION))
    return _review(request, access, session, lang)


NO_SHARE = N_("This person has no access to this design (any more).")
NO_INVITATION = N_("This invitation is not there (any more): it has been used or withdrawn.")
NOTHING_TO_LEAVE = {
    "owner": N_("This design is yours; you cannot leave it."),
    "other": N_("This design is not shared with you, so there is nothing to leave."),
}


@router.post("/designs/{design_id}/review/shares/{user_id}/remove", response_class=HTMLResponse)
def unshare(
    user_id: UserId, request: Request, access: OwnerAccess, session: SessionDep, lang: LangDep
) -> Response:
    """The owner ends someone's share: from then on the design does not exist for them."""
    if not remove_share(session=session, record=access.record, user_id=user_id):
        return _review(request, access, session, lang, 422, share_error=translate(lang, NO_SHARE))
    return _review(request, access, session, lang)


@router.post("/designs/{design_id}/review/leave")
def leave(request: Request, access: ViewAccess, session: SessionDep, lang: LangDep) -> Response:
    """The person a design is shared with gives up their share; back to the dashboard."""
    if not remove_share(session=session, record=access.record, user_id=access.caller.user.id):
        text = translate(lang, NOTHING_TO_LEAVE["owner" if access.role == "owner" else "other"])
        return render_page(request, "forbidden.html", {"message": text}, status_code=422)
    return RedirectResponse("/", status_code=303)


@router.post("/designs/{design_id}/review/comments", response_class=HTMLResponse)
def comment(
    request: Request, form: FormDep, access: CommentAccess, session: SessionDep, lang: LangDep
) -> Response:
    # "Comment on": the design (""), one activity (its id) or one finding ("rule:<id>")
    subject = str(form.get("activity") or "")
    rule = subject.removeprefix("rule:") if subject.startswith("rule:") else None
    activity = None if rule is not None else subject or None
    parent = str(form.get("parent") or "")
    try:
        check_subject(access.design, activity=activity, rule=rule)
        if parent and not (parent.isdigit() and len(parent) <= 10 and int(parent) <= MAX_INT):
            raise AccountProblem("parent", N_("That comment does not exist."))
        add_comment(
            session=session,
            record=access.record,
            author=access.caller.user,
            body=str(form.get("body") or ""),
            activity_id=activity,
            rule_id=rule,
            parent_id=int(parent) if parent else None,
        )
    except AccountProblem as problem:
        return _review(request, access, session, lang, 422, comment_error=problem(lang))
    return _review(request, access, session, lang)


@router.post("/designs/{design_id}/review/comments/{comment_id}/resolve", response_class=HTMLResponse)
def resolve(
    comment_id: CommentId, request: Request, access: CommentAccess, session: SessionDep, lang: LangDep
) -> Response:
    try:
        resolve_comment(
            session=session,
            record=access.record,
            comment_id=comment_id,
            user=access.caller.user,
            role=access.role,
        )
    except AccountProblem as problem:
        return _review(request, access, session, lang, 422, comment_error=problem(lang))
    return _review(request, access, session, lang)


# --- versions ----------------------------------------------------------------


@router.get("/designs/{design_id}/versions", response_class=HTMLResponse)
def versions(request: Request, access: ViewAccess, session: SessionDep) -> Response:
    return _versions_page(request, access, session)


def _versions_page(
    request: Request, access: Access, session: Session, message: str = "", status_code: int = 200
) -> Response:
    grouped = runs(versions_of(session=session, design_id=access.record.id))
    # compare, by default, the newest version with the one before the newest run
    before = grouped[1].newest if len(grouped) > 1 else grouped[0].oldest if grouped else None
    return render_page(
        request,
        "versions.html",
        {
            "design_id": access.record.id,
            "title": access.record.title,
            "current": access.record.version,
            "can_edit": access.can_edit,
            "runs": grouped,
            "before": before.version if before is not None else None,
            "lang": request.state.lang,
            "summary_of": shown,  # in the reader's language
            "csrf_token": access.caller.signin.csrf_token,
            "message": message,
        },
        status_code=status_code,
    )


RESTORE_STALE = N_(
    "Someone saved the design again in the meantime; nothing was restored. Look at the newest "
    "version and choose again."
)
RESTORE_INVALID = N_("Version %(version)s does not pass today's check and was not restored: %(problem)s")


@router.post("/designs/{design_id}/versions/{version}/restore")
def restore(
    version: VersionNumber,
    request: Request,
    form: FormDep,
    access: EditAccess,
    session: SessionDep,
    lang: LangDep,
) -> Response:
    """Restore an old version as a new one, based on the version the person saw (the
    form's `based_on`): a newer save meanwhile is said, not silently dropped."""
    based_on = str(form.get("based_on") or access.record.version)
    if not based_on.isdigit() or int(based_on) > MAX_INT:
        based_on = "0"
    try:
        old = version_document(session=session, design_id=access.record.id, version=version)
    except StoredDesignInvalid as invalid:
        problem = invalid.problems[0].readable(lang)
        return _versions_page(
            request, access, session, translate(lang, RESTORE_INVALID, version=version, problem=problem), 422
        )
    if old is None:
        return render_page(request, "not_found.html", {}, status_code=404)
    try:
        save_design(
            session=session,
            design_id=access.record.id,
            design=old,
            based_on=int(based_on),
            summary=f"restored version {version}",
            author_id=access.caller.user.id,
        )
    except StaleVersion:
        session.refresh(access.record)
        return _versions_page(request, access, session, translate(lang, RESTORE_STALE), 409)
    except DesignInvalid as invalid:
        return _versions_page(
            request,
            access,
            session,
            translate(lang, RESTORE_INVALID, version=version, problem=invalid.problems[0].readable(lang)),
            422,
        )
    return RedirectResponse(f"/designs/{access.record.id}", status_code=303)


@router.get("/designs/{design_id}/versions/compare", response_class=HTMLResponse)
def compare_versions(
    request: Request,
    access: ViewAccess,
    session: SessionDep,
    catalogue: CatalogueDep,
    lang: LangDep,
    a: Annotated[int, Query(ge=1, le=MAX_INT)] = 1,
    b: Annotated[int, Query(ge=0, le=MAX_INT)] = 0,
) -> Response:
    b = b or access.record.version
    before = version_document(session=session, design_id=access.record.id, version=a)
    after = version_document(session=session, design_id=access.record.id, version=b)
    if before is None or after is None:
        return render_page(request, "not_found.html", {}, status_code=404)
    body = before.model_dump(exclude={"baseline"}, by_alias=True)
    after.baseline = type(after).model_validate(body)  # compare: a is the baseline of b
    report = report_for(after, lang=lang)
    return render_page(
        request,
        "compare.html",
        {
            "design_id": access.record.id,
            "design": after,
            "view": compare_view(after, catalogue, report, lang),
            "versions_compared": (a, b),
        },
    )


# --- own material ----------------------------------------------------------------


@router.post("/designs/{design_id}/custom-activities", response_class=HTMLResponse)
def new_custom_activity(
    request: Request, form: FormDep, access: EditAccess, session: SessionDep, lang: LangDep
) -> Response:
    try:
        made = create_custom_activity(
            session=session,
            owner=access.caller.user,
            title=str(form.get("title") or ""),
            learning_type=str(form.get("learning_type") or ""),
            interactions=[str(i) for i in form.getlist("interactions")],
            modes=[str(m) for m in form.getlist("modes")],
            minutes=str(form.get("minutes") or ""),
        )
    except AccountProblem as problem:
        return _inline_error("custom-error", problem(lang), 422)
    response = Response(status_code=204, headers={"HX-Refresh": "true"})
    response.set_cookie(
        MADE_COOKIE,
        str(made.id),
        max_age=60,
        path=f"/designs/{access.record.id}",
        httponly=True,
        samesite="lax",
    )
    return response


@router.post("/designs/{design_id}/save-template")
def new_template(
    request: Request, form: FormDep, access: ViewAccess, session: SessionDep, caller: CallerDep, lang: LangDep
) -> Response:
    try:
        template = save_template(
            session=session, owner=caller.user, name=str(form.get("name") or ""), design=access.design
        )
    except AccountProblem as problem:
        return _inline_error("template-error", problem(lang), 422)
    done = translate(
        lang, N_("Saved as template “%(name)s”. You find it under ‘New design’."), name=template.name
    )
    return _inline_error("template-error", done, 200)


def _inline_error(element_id: str, text: str, status: int) -> Response:
    """A message put in place of the element `element_id` (an error, or a note on 200)."""
    kind = "field-error" if status >= 400 else "small ok-note"
    role = "alert" if status >= 400 else "status"
    return Response(
        f'<p class="{kind}" role="{role}" id="{element_id}">{escape(text)}</p>',
        status_code=status,
        media_type="text/html",
        headers={"HX-Retarget": f"#{element_id}", "HX-Reswap": "outerHTML"},
    )
