"""What the programme page shows (SPEC §12), built from the programme report: the
weeks drawing, the courses with their small waves, the blend per course and over
the programme, the findings, and what the reader may change."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from markupsafe import Markup
from sqlmodel import Session

from wave.access import role_for, visible_designs
from wave.drawing import bars_chart
from wave.drawing.charts import category_label, percent
from wave.drawing.programme import course_colour, hours_text, programme_svg
from wave.drawing.texts import t
from wave.engine.programme import Course, ProgrammeReport
from wave.models import DesignRecord, User
from wave.programmes import shares_of_programme
from wave.web.auth import ProgrammeAccess
from wave.web.critique import programme_report_for
from wave.web.review_view import role_labels
from wave.web.thumbnails import thumbnail


@dataclass(frozen=True)
class CourseRow:
    index: int
    course: Course
    colour: str
    colour_class: str
    can_open: bool  # the reader may open the design itself
    thumbnail: Markup
    hours: str
    weeks: str
    category: str
    online_percent: int
    sync_percent: int


def _rows(session: Session, user: User, report: ProgrammeReport, lang: str) -> list[CourseRow]:
    rows = []
    for index, course in enumerate(report.courses):
        record = session.get(DesignRecord, int(course.key)) if course.key.isdigit() else None
        can_open = (
            record is not None
            and record.deleted_at is None
            and role_for(session=session, record=record, user=user) is not None
        )
        profile = course.report.profile if course.report else None
        span = course.weeks
        rows.append(
            CourseRow(
                index=index,
                course=course,
                colour=course_colour(index),
                colour_class=f"course-colour-{index % 8}",
                can_open=can_open,
                thumbnail=thumbnail(record.document, lang).svg
                if record is not None and not course.missing
                else Markup(""),
                hours=hours_text(profile.total_minutes, lang) if profile else "",
                weeks=f"{span[0]}–{span[1]}"
                if span and span[0] != span[1]
                else (str(span[0]) if span else ""),
                category=category_label(profile.category, lang) if profile else "",
                online_percent=percent(profile.online_share) if profile else 0,
                sync_percent=percent(profile.sync_share) if profile else 0,
            )
        )
    return rows


def programme_context(session: Session, access: ProgrammeAccess, lang: str, **extra: Any) -> dict[str, Any]:
    report = programme_report_for(session, access.programme, lang=lang)
    user = access.caller.user
    placed = {c.key for c in report.courses}
    candidates = (
        [
            r
            for r in visible_designs(session=session, user=user)
            if str(r.id) not in placed and r.example_slug is None
        ]
        if access.can_edit
        else []
    )
    owner = session.get(User, access.record.owner_id) if access.record.owner_id else None
    blend = report.blend
    return {
        "access": access,
        "programme": access.programme,
        "record": access.record,
        "report": report,
        "svg": Markup(programme_svg(report, lang)),
        "rows": _rows(session, user, report, lang),
        "candidates": candidates,
        "owner_name": owner.name if owner else None,
        "role_labels": role_labels(lang),
        "shares": shares_of_programme(session=session, programme_id=access.record.id)
        if access.role == "owner"
        else [],
        "norm_text": hours_text(round(report.norm * 60), lang),
        "over_weeks": [w for w in report.weeks if w.minutes > report.norm * 60],
        "hours_text": lambda minutes: hours_text(minutes, lang),
        "blend": {
            "category": category_label(blend.category, lang),
            "online_percent": percent(blend.online_share),
            "sync_percent": percent(blend.sync_share),
            "hours": hours_text(blend.total_minutes, lang),
        },
        "types_svg": Markup(
            bars_chart(blend.by_learning_type, lang, chart_id="programme-types", title=t("types.title", lang))
        ),
        "environments_svg": Markup(
            bars_chart(
                blend.by_environment,
                lang,
                chart_id="programme-environments",
                title=t("environments.title", lang),
            )
        ),
        **extra,
    }
