"""A person's team, on the account page: invite a colleague by e-mail, accept an
invitation, end a link (decline, withdraw, remove, leave). Plain form posts that go
back to the account page (303); what went wrong is said there."""

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from wave.accounts import AccountProblem
from wave.i18n import N_, translate
from wave.team import accept, end_link, invite
from wave.web.account_view import account_page
from wave.web.auth import CallerDep, check_csrf
from wave.web.deps import FormDep, LangDep, SessionDep, UserId

router = APIRouter(
    prefix="/account/team", tags=["team"], include_in_schema=False, dependencies=[Depends(check_csrf)]
)

BACK = "/account#team"
GONE = N_("This invitation or team member is not there (any more); nothing changed.")


@router.post("/invite", response_class=HTMLResponse)
def invite_colleague(
    request: Request, form: FormDep, session: SessionDep, caller: CallerDep, lang: LangDep
) -> Response:
    email = str(form.get("email") or "")
    try:
        invite(session=session, owner=caller.user, email=email)
    except AccountProblem as problem:
        return account_page(
            request, session, caller.user, 422, invite_email=email, invite_error=problem(lang)
        )
    return RedirectResponse(BACK, status_code=303)


@router.post("/{user_id}/accept", response_class=HTMLResponse)
def accept_invitation(
    user_id: UserId, request: Request, session: SessionDep, caller: CallerDep, lang: LangDep
) -> Response:
    if not accept(session=session, member=caller.user, owner_id=user_id):
        return account_page(request, session, caller.user, 404, team_error=translate(lang, GONE))
    return RedirectResponse(BACK, status_code=303)


@router.post("/{user_id}/end", response_class=HTMLResponse)
def end(user_id: UserId, request: Request, session: SessionDep, caller: CallerDep, lang: LangDep) -> Response:
    """Decline an invitation, withdraw one, remove a member or leave: either side may."""
    if not end_link(session=session, user=caller.user, other_id=user_id):
        return account_page(request, session, caller.user, 404, team_error=translate(lang, GONE))
    return RedirectResponse(BACK, status_code=303)
