"""`/review`: the coach's queue (SPEC §6) — the designs shared with the caller to comment
on, with owner, status, last change, open comments and warnings; filtered by status."""

from dataclasses import dataclass
from datetime import datetime

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from sqlmodel import Session, col, func, select

from wave.models import Comment, DesignRecord, Share, User
from wave.review import STATUSES
from wave.store import StoredDesignInvalid, read
from wave.web.auth import CallerDep
from wave.web.critique import report_for
from wave.web.deps import LangDep, SessionDep
from wave.web.rendering import render_page
from wave.web.review_view import status_labels

router = APIRouter(tags=["review"], include_in_schema=False)


@dataclass(frozen=True)
class QueueItem:
    design_id: int
    title: str
    owner: str
    status: str
    updated_at: datetime
    open_comments: int
    warnings: int | None  # None: the stored design cannot be read


def review_queue(*, session: Session, user: User, lang: str, status: str | None = None) -> list[QueueItem]:
    query = (
        select(DesignRecord, User)
        .join(Share, col(Share.design_id) == DesignRecord.id)
        .join(User, col(User.id) == DesignRecord.owner_id)
        .where(Share.user_id == user.id, Share.role == "comment", col(DesignRecord.deleted_at).is_(None))
        .order_by(col(DesignRecord.updated_at).desc())
    )
    if status:
        query = query.where(DesignRecord.review_status == status)
    rows = session.exec(query).all()
    open_counts = dict(
        session.exec(
            select(Comment.design_id, func.count())
            .where(
                col(Comment.design_id).in_([r.id for r, _ in rows]),
                col(Comment.parent_id).is_(None),
                col(Comment.resolved).is_(False),
            )
            .group_by(Comment.design_id)
        ).all()
    )
    items = []
    for record, owner in rows:
        try:
            report = report_for(read(record.document), lang=lang)
            warnings = sum(1 for f in report.findings if f.severity == "warning")
        except StoredDesignInvalid:
            warnings = None
        items.append(
            QueueItem(
                record.id,
                record.title,
                owner.name,
                record.review_status,
                record.updated_at,
                open_counts.get(record.id, 0),
                warnings,
            )
        )
    return items


@router.get("/review", response_class=HTMLResponse)
def queue(
    request: Request, caller: CallerDep, session: SessionDep, lang: LangDep, status: str = ""
) -> Response:
    wanted = status if status in STATUSES else None
    items = review_queue(session=session, user=caller.user, lang=lang, status=wanted)
    return render_page(
        request,
        "review_queue.html",
        {"items": items, "status": wanted, "statuses": STATUSES, "status_labels": status_labels(lang)},
    )
