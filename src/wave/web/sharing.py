"""Sharing a design from a request, as the review panel and the API both do it: with the
account of the address, or by invitation (`wave.invitations`), whose link is made on the
public address and mailed after the answer when Wave sends mail."""

from dataclasses import dataclass

from fastapi import BackgroundTasks, Request
from sqlmodel import Session

from wave.invitations import Invited, invitation_mail, invitation_path, share_with
from wave.links import link
from wave.mail import mail_enabled, send_mail
from wave.models import Share
from wave.web.auth import Access
from wave.web.signin_forms import request_base


@dataclass(frozen=True)
class Shared:
    share: Share | None = None  # shared with an account
    invited: Invited | None = None  # or an invitation, with
    link: str = ""  # its link, shown once
    mailed: bool = False  # and whether it is mailed too


def share_from_request(
    *,
    request: Request,
    session: Session,
    access: Access,
    email: str,
    role: str,
    background: BackgroundTasks,
    lang: str,
) -> Shared:
    """Raises AccountProblem for input that cannot be shared with (nothing changes)."""
    user = access.caller.user
    result = share_with(session=session, record=access.record, email=email, role=role, by=user)
    if not isinstance(result, Invited):
        return Shared(share=result)
    url = link(invitation_path(result.token), base=request_base(request))
    mailed = mail_enabled()
    if mailed:
        subject, body = invitation_mail(
            lang, inviter=user.name, title=access.record.title, role=role, url=url
        )
        background.add_task(send_mail, to=result.invitation.email, subject=subject, body=body)
    return Shared(invited=result, link=url, mailed=mailed)
