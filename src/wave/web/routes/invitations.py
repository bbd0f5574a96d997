"""An invitation's link (SPEC §6): `/invitations/{token}` in a browser, and
`POST /api/invitations/{token}/accept` with a session. Signed in, the link is accepted
and the person taken to the design; not signed in, they go to the sign-in page (with a
sign-up option), which carries the invitation through and opens the link again after."""

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from wave.access import share_of
from wave.i18n import N_, translate
from wave.invitations import InvitationRefused, accept, invitation_for
from wave.models import DesignRecord
from wave.web.api_models import InvitationAccepted, errors
from wave.web.auth import CallerDep, optional_caller
from wave.web.deps import LangDep, SessionDep
from wave.web.rendering import render_page

router = APIRouter(tags=["invitations"])

REFUSED = {
    "unknown": N_("This invitation does not exist (any more): the owner may have withdrawn it."),
    "used": N_("This invitation has been used already: an invitation works once."),
}


@router.post(
    "/api/invitations/{token}/accept",
    summary="Accept an invitation: the design is shared with you in its role",
    response_model=InvitationAccepted,
    responses=errors(401, 404, 410, 422),
)
def api_accept(token: str, session: SessionDep, caller: CallerDep, lang: LangDep) -> Response:
    try:
        invitation = accept(session=session, token=token, user=caller.user)
    except InvitationRefused as refused:
        status = 404 if refused.reason == "unknown" else 410
        return JSONResponse(status_code=status, content={"detail": translate(lang, REFUSED[refused.reason])})
    record = session.get(DesignRecord, invitation.design_id)
    share = share_of(session=session, record=record, user_id=caller.user.id)
    role = share.role if share is not None else "owner"
    return JSONResponse({"design_id": invitation.design_id, "role": role})


@router.get("/invitations/{token}", response_class=HTMLResponse, include_in_schema=False)
def open_invitation(token: str, request: Request, session: SessionDep) -> Response:
    caller = optional_caller(request, session)
    try:
        if caller is None:
            invitation, _ = invitation_for(session=session, token=token)
            if invitation.accepted_by is not None:
                raise InvitationRefused("used")
            return RedirectResponse(f"/signin?invitation={token}", status_code=303)
        invitation = accept(session=session, token=token, user=caller.user)
    except InvitationRefused as refused:
        status = 404 if refused.reason == "unknown" else 410
        return render_page(
            request, "invitation.html", {"reason": refused.reason, "signed_in": caller is not None}, status
        )
    return RedirectResponse(f"/designs/{invitation.design_id}", status_code=303)
