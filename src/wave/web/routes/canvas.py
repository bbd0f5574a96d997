"""The canvas: the design page and the edits made on it (htmx fragments).

Every edit is a POST carrying the version it was based on. The response holds
the re-rendered canvas, and out of band the critic panel and a status message
(with undo), so findings and profile update in the same round trip.
"""

import json
import re
from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy import update
from sqlmodel import Session, col
from starlette.datastructures import FormData

from wave import edits
from wave.catalogue import Catalogue
from wave.design_templates import get_templates
from wave.drawing import profile_charts
from wave.edits import Change, EditRefused
from wave.filenames import attachment
from wave.format import Design, DesignInvalid
from wave.i18n import N_, Message, translate
from wave.inbox import mark_seen
from wave.material import custom_activities
from wave.merge import Conflict, merge
from wave.models import DesignRecord, User
from wave.prefs import prefs_of
from wave.presence import CLIENT_ID
from wave.review import comments_of
from wave.scans import latest_for
from wave.store import StaleVersion, read, save_design, version_document
from wave.summaries import stored
from wave.trash import TRASH_DAYS
from wave.undo import record_step, redo, undo, undo_state
from wave.vocabulary import (
    ENVIRONMENTS,
    INTERACTIONS,
    LEARNING_TYPES,
    LINK_KINDS,
    SOURCES,
    link_phrase,
)
from wave.web.auth import Access, EditAccess, ViewAccess, check_csrf
from wave.web.canvas_view import MADE_COOKIE, against_time, board_layout, canvas_view
from wave.web.conflict_view import changed_by, conflict_message
from wave.web.critique import report_for
from wave.web.deps import MAX_INT, CatalogueDep, FormDep, LangDep, SessionDep, VersionNumber
from wave.web.rendering import render_answer, render_fragments, render_page
from wave.web.review_view import comment_summary, review_context, role_labels

router = APIRouter(
    prefix="/designs", tags=["canvas"], include_in_schema=False, dependencies=[Depends(check_csrf)]
)

PAGE = "canvas.html"
# What a structural edit (phases added, removed, reordered or renamed; goals, title,
# baseline) answers with: the whole canvas. Any other edit answers with the cards it
# changed or added (the card stock), the heads of the phases it touched, and where
# every card of those phases now sits (the board data's layout).
WHOLE_CANVAS = ["canvas", "critic", "status", "addtarget"]
SMALL_ANSWER = ["history", "cardstock", "boarddata", "critic", "status"]
FIELD_NAMES = {
    "minutes": N_("Minutes"),
    "version": N_("Version"),
    "based_on": N_("Version"),
    "index": N_("Position"),
    "at": N_("Position"),
    "step": N_("Step"),
    "custom": N_("Own activity"),
}


VOCAB = {
    "learning_types": LEARNING_TYPES,
    "interactions": INTERACTIONS,
    "environments": ENVIRONMENTS,
    "sources": SOURCES,
    "link_kinds": LINK_KINDS,
}


def _link_phrases(lang: str) -> dict[str, list[str]]:
    return {k: [link_phrase(k, lang), link_phrase(k, lang, reverse=True)] for k in LINK_KINDS}


def page_context(
    access: Access,
    session: Session,
    catalogue: Catalogue,
    lang: str,
    *,
    design: Design | None = None,
    version: int | None = None,
    full: bool = True,
    only: set[str] | None = None,
    **extra: Any,
) -> dict[str, Any]:
    """What the canvas page shows. An edit answer (`full=False`) renders only some
    blocks, so it skips the catalogue's own activities and the review panel, reads
    just the comment counts for the cards, and builds only the phases in `only`."""
    design = design or access.design
    report = report_for(design, lang=lang)
    user = access.caller.user
    review = (
        review_context(access, session, lang, design=design)
        if full
        else comment_summary(comments_of(session=session, design_id=access.record.id))
    )
    steps = (
        undo_state(session=session, design_id=access.record.id, user_id=user.id) if access.can_edit else None
    )
    goal_use: dict[str, int] = {}
    for a in design.placed():
        for g in a.goals:
            goal_use[g] = goal_use.get(g, 0) + 1
    return {
        "design_id": access.record.id,
        "version": version or access.record.version,
        "design": design,
        "role": access.role,
        "role_names": role_labels(lang),
        "trash_days": TRASH_DAYS,  # the owner can delete it from the Design panel
        # the Design panel links to the team's readiness scan (SPEC §13)
        "team_scan": latest_for(session, user) if access.can_edit else None,
        # whose design it is, for everyone it is shared with
        "owner_name": owner.name
        if access.role != "owner" and (owner := session.get(User, access.record.owner_id or 0))
        else None,
        "can_edit": access.can_edit,
        "can_undo": bool(steps and steps.can_undo),
        "can_redo": bool(steps and steps.can_redo),
        "prefs": prefs_of(user) if full else {},
        "example_slug": access.record.example_slug,
        "catalogue": catalogue,
        "custom_activities": custom_activities(session=session, user=user)
        if access.can_edit and full
        else [],
        "report": report,
        "profile": report.profile,
        "charts": profile_charts(report, design, lang),
        "templates": get_templates(),
        "vocab": VOCAB,
        "goal_use": goal_use,
        "phase_count": len(design.phases),
        "phase_titles": [(p.id, p.title) for p in design.phases],
        "link_phrases": _link_phrases(lang),
        **canvas_view(design, catalogue, report, only=only),
        **review,
        **extra,
    }


@router.get("/{design_id}", response_class=HTMLResponse)
def show(
    access: ViewAccess, request: Request, session: SessionDep, catalogue: CatalogueDep, lang: LangDep
) -> Response:
    mark_seen(session=session, design_id=access.record.id, user=access.caller.user)
    context = page_context(access, session, catalogue, lang)
    made = request.cookies.get(MADE_COOKIE)
    title = next((c.title for c in context["custom_activities"] if str(c.id) == made), None)
    if title is not None:
        context |= {"message": translate(lang, N_("Own activity “%(title)s” created."), title=title)}
        context |= {"message_kind": "ok"}
    response = render_page(request, PAGE, context)
    if made is not None:
        response.delete_cookie(
            MADE_COOKIE, path=f"/designs/{access.record.id}", httponly=True, samesite="lax"
        )
    return response


def editor_links(design: Design, placed_id: str, lang: str) -> list[dict[str, Any]]:
    """The activity's links, each read from this activity's side, with every kind so
    phrased for the kind picker, and whether the link runs against time order."""
    rows = []
    positions = design.positions()
    for k in design.links:
        if placed_id not in (k.from_, k.to):
            continue
        outgoing = k.from_ == placed_id
        other_id = k.to if outgoing else k.from_
        found = design.find(other_id)
        other = found[1].title if found else other_id
        flag = against_time(design, k.from_, k.to, k.kind, positions)
        rows.append(
            {
                "link": k,
                "other": other,
                "phrase": link_phrase(k.kind, lang, reverse=not outgoing),
                "choices": [(kind, link_phrase(kind, lang, reverse=not outgoing)) for kind in LINK_KINDS],
                "against_time": flag,
                "other_later": design.precedes(placed_id, other_id, positions),
            }
        )
    return rows


@router.get("/{design_id}/activities/{placed_id}", response_class=HTMLResponse)
def editor(
    placed_id: str, access: ViewAccess, request: Request, catalogue: CatalogueDep, lang: LangDep
) -> Response:
    """The activity editor alone: it needs the design, not the critic or the charts."""
    design = access.design
    found = design.find(placed_id)
    if found is None:
        return render_page(request, "not_found.html", {}, status_code=404)
    context = {
        "design_id": access.record.id,
        "version": access.record.version,
        "design": design,
        "can_edit": access.can_edit,
        "may_comment": access.can_comment,
        "editing": found[1],
        "editing_entry": catalogue.get(found[1].activity),
        "vocab": VOCAB,
        "placed": design.placed(),
        "editor_links": editor_links(design, placed_id, lang),
    }
    return render_fragments(request, PAGE, ["editor"], context)


@router.get("/{design_id}/since/{version}", response_class=HTMLResponse)
def since(
    version: VersionNumber,
    access: ViewAccess,
    request: Request,
    session: SessionDep,
    catalogue: CatalogueDep,
    lang: LangDep,
) -> Response:
    """The canvas brought from `version` to the design as it is now, as an edit answer
    brings it (SPEC §10: an edit made elsewhere reaches every open canvas): what the
    page shows stays where it is, only what changed is drawn again."""
    shown = version_document(session=session, design_id=access.record.id, version=version)
    return _answer(
        request,
        session,
        access,
        catalogue,
        lang,
        shown=shown,
        design=access.design,
        version=access.record.version,
    )


@router.get("/{design_id}/export.json")
def export_json(access: ViewAccess) -> Response:
    body = json.dumps(access.design.to_json(), ensure_ascii=False, indent=2)
    return Response(body, media_type="application/json", headers=attachment(access.design.title, "json"))


# --- edits -----------------------------------------------------------------


def _int(form: FormData, name: str, default: int | None = None) -> int:
    raw = form.get(name)
    if raw in (None, "") and default is not None:
        return default
    text = str(raw).strip()
    if len(text) <= 11 and text.lstrip("-").isdigit() and abs(int(text)) <= MAX_INT:
        return int(text)
    field = FIELD_NAMES.get(name)
    raise EditRefused(
        N_("%(field)s: enter a whole number (0 or more)."),
        name,
        field=Message(field) if field else name,
    )


def _at(form: FormData) -> int | None:
    return None if form.get("at") in (None, "") else _int(form, "at")


def _text(form: FormData, name: str) -> str:
    return str(form.get(name) or "")


def _activity_fields(form: FormData) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "title": _text(form, "title").strip() or None,
        "timing": _text(form, "timing") or None,
        "minutes": _int(form, "minutes"),
        "topics": [t.strip() for t in _text(form, "topics").split(",") if t.strip()],
        "goals": [str(g) for g in form.getlist("goals")],
        "source": _text(form, "source") or "existing",
        "environment": _text(form, "environment") or None,
        "multi_location": form.get("multi_location") in ("on", "true", "1"),
        "notes": _text(form, "notes"),
    }
    if form.get("learning_type"):
        fields["learning_type"] = _text(form, "learning_type")
        fields["interactions"] = [str(i) for i in form.getlist("interactions")]
    return fields


Op = Callable[[Design, Catalogue, FormData], Change | tuple[Change, str]]

OPS: dict[str, Op] = {
    "add": lambda d, c, f: edits.add_activity(
        d,
        c,
        activity=_text(f, "activity"),
        phase_id=_text(f, "phase"),
        mode=_text(f, "mode"),
        index=_int(f, "index", 10_000),
        at=_at(f),
    ),
    "move": lambda d, c, f: edits.move_activity(
        d,
        c,
        placed_id=_text(f, "placed"),
        phase_id=_text(f, "phase"),
        mode=_text(f, "mode"),
        index=_int(f, "index", 10_000),
        at=_at(f),
    ),
    "duplicate": lambda d, c, f: edits.duplicate_activity(d, placed_id=_text(f, "placed")),
    "minutes": lambda d, c, f: edits.update_activity(
        d, c, placed_id=_text(f, "placed"), fields={"minutes": _int(f, "minutes")}
    ),
    "goal-toggle": lambda d, c, f: edits.toggle_goal(
        d, placed_id=_text(f, "placed"), goal_id=_text(f, "goal")
    ),
    "link-update": lambda d, c, f: edits.update_link(
        d,
        from_id=_text(f, "from"),
        to_id=_text(f, "to"),
        kind=_text(f, "kind"),
        reverse=_text(f, "reverse") in ("1", "true"),
    ),
    "phase-duplicate": lambda d, c, f: edits.duplicate_phases(
        d, phase_id=_text(f, "phase"), through_id=_text(f, "through")
    ),
    "nudge": lambda d, c, f: edits.nudge_activity(
        d, c, placed_id=_text(f, "placed"), direction=_text(f, "direction")
    ),
    "remove": lambda d, c, f: edits.remove_activity(d, placed_id=_text(f, "placed")),
    "update": lambda d, c, f: edits.update_activity(
        d, c, placed_id=_text(f, "placed"), fields=_activity_fields(f)
    ),
    "link-add": lambda d, c, f: edits.add_link(
        d, from_id=_text(f, "from"), to_id=_text(f, "to"), kind=_text(f, "kind")
    ),
    "link-remove": lambda d, c, f: edits.remove_link(d, from_id=_text(f, "from"), to_id=_text(f, "to")),
    "goal-add": lambda d, c, f: edits.add_goal(d, text=_text(f, "text")),
    "goal-update": lambda d, c, f: edits.update_goal(d, goal_id=_text(f, "goal"), text=_text(f, "text")),
    "goal-remove": lambda d, c, f: edits.remove_goal(d, goal_id=_text(f, "goal")),
    "phase-add": lambda d, c, f: edits.add_phase(
        d, title=_text(f, "title"), kind=_text(f, "kind") or "sequence"
    ),
    "phase-update": lambda d, c, f: edits.update_phase(
        d,
        phase_id=_text(f, "phase"),
        title=_text(f, "title"),
        kind=_text(f, "kind"),
        week=None if f.get("week") is None else _text(f, "week"),
    ),
    "phase-move": lambda d, c, f: edits.move_phase(d, phase_id=_text(f, "phase"), step=_int(f, "step")),
    "phase-remove": lambda d, c, f: edits.remove_phase(d, phase_id=_text(f, "phase")),
    "meta": lambda d, c, f: edits.update_meta(
        d,
        title=_text(f, "title"),
        study_load_hours=_text(f, "study_load_hours"),
        language=_text(f, "language") or d.language,
    ),
    "baseline-set": lambda d, c, f: edits.set_baseline(d),
    "baseline-clear": lambda d, c, f: edits.clear_baseline(d),
}


def _add_custom(design: Design, form: FormData, session: Session, access: Access) -> tuple[Change, str]:
    custom_id = _int(form, "custom")
    own = {c.id: c for c in custom_activities(session=session, user=access.caller.user)}
    if custom_id not in own:
        raise EditRefused(N_("This custom activity does not exist (any more)."), "custom")
    c = own[custom_id]
    return edits.add_custom_activity(
        design,
        title=c.title,
        learning_type=c.learning_type,
        interactions=c.interactions.split(),
        modes=c.modes.split(),
        minutes=c.minutes,
        phase_id=_text(form, "phase"),
        mode=_text(form, "mode"),
        index=_int(form, "index", 10_000),
        at=_at(form),
    )


SAVE_ATTEMPTS = 5  # another save between reading the design and writing it: read, merge, try again


@router.post("/{design_id}/edit/{op}", response_class=HTMLResponse)
def edit(
    op: str,
    access: EditAccess,
    request: Request,
    form: FormDep,
    session: SessionDep,
    catalogue: CatalogueDep,
    lang: LangDep,
) -> Response:
    """One canvas edit. Made on the version the person sees; when others saved since, it
    is merged into the design as it is now (`wave.merge`) and refused only when it
    conflicts (SPEC §10). Undo and redo take back or redo the person's own step."""
    # The answer reads the record (id, owner, example) after the commit: left unexpired,
    # that is no second SELECT of the row and its whole document.
    session.expire_on_commit = False
    for _ in range(SAVE_ATTEMPTS - 1):
        try:
            return _edit(op, access, request, form, session, catalogue, lang)
        except StaleVersion:  # saved by someone else while this one was made: again, on that,
            session.rollback()  # holding the design's row this time (on SQLite: the write lock),
            session.execute(  # so no other save can come between reading and writing it
                update(DesignRecord)
                .where(col(DesignRecord.id) == access.record.id)
                .values(version=DesignRecord.version)
                .execution_options(synchronize_session=False)
            )
            session.refresh(access.record)
            access = Access(
                record=access.record,
                design=read(access.record.document),
                role=access.role,
                caller=access.caller,
            )
    try:
        return _edit(op, access, request, form, session, catalogue, lang)
    except StaleVersion as stale:
        context = page_context(
            access, session, catalogue, lang, version=stale.current, full=False, only=set(), conflict=True
        )
        return render_answer(request, PAGE, ["status"], context, status_code=409)


def _client(request: Request) -> str | None:
    """The open canvas an edit came from (live.js sends its id), for its own event."""
    sent = request.headers.get("x-wave-client", "")
    return sent if re.fullmatch(CLIENT_ID, sent) else None


def _refused(
    access: Access, request: Request, session: Session, catalogue: Catalogue, lang: str, message: str
) -> Response:
    context = page_context(
        access, session, catalogue, lang, full=False, only=set(), message=message, message_kind="error"
    )
    return render_answer(request, PAGE, ["status"], context, status_code=422)


def _edit(
    op: str,
    access: Access,
    request: Request,
    form: FormData,
    session: Session,
    catalogue: Catalogue,
    lang: str,
) -> Response:
    record, current = access.record, access.design
    user_id = access.caller.user.id
    shown: Design | None = None
    since = record.version
    focus = None
    try:
        if op not in OPS and op not in ("undo", "redo", "add-custom"):
            raise EditRefused(N_("Unknown edit %(op)r."), "op", op=op)
        # the editor says which version it was opened on; everything else, the page's
        based_on = _int(form, "based_on") if form.get("based_on") else _int(form, "version")
        if based_on == record.version:
            shown, work = current, read(record.document)  # a fresh copy to edit: parsing beats a deep copy
        else:
            shown = version_document(session=session, design_id=record.id, version=based_on)
            work = version_document(session=session, design_id=record.id, version=based_on)
            if shown is None or work is None or based_on > record.version:  # no such version (kept)
                raise Conflict("design", "", "gone")
        base, since = shown, based_on  # what the edit is made on
        focus = _text(form, "placed") or None
        if op in ("undo", "redo"):
            # Marks the person's step in this transaction: the save below commits the
            # mark with the new version, a StaleVersion rolls both back.
            work, base, since, change = (undo if op == "undo" else redo)(
                session=session, design_id=record.id, user_id=user_id
            )
        elif op == "add-custom":
            change, focus = _add_custom(work, form, session, access)
        else:
            result = OPS[op](work, catalogue, form)
            change, focus = result if isinstance(result, tuple) else (result, focus)
        if base is not current:
            work = merge(base, work, current, catalogue)
    except EditRefused as refused:
        return _refused(access, request, session, catalogue, lang, refused(lang))
    except Conflict as conflict:
        session.rollback()  # an undo's mark goes back too
        names = changed_by(session, record.id, since, user_id)
        return _answer(
            request,
            session,
            access,
            catalogue,
            lang,
            shown=shown,
            design=current,
            version=record.version,
            status_code=409,
            message=conflict_message(conflict, names, lang),
            message_kind="error",
            focus=focus,
        )
    start = record.version  # (the save's UPDATE moves the record's own number on)
    try:
        version = save_design(
            session=session,
            design_id=record.id,
            design=work,
            based_on=start,
            summary=stored(change),
            author_id=user_id,
            commit=False,  # committed with the undo step below
            client=_client(request),
        )
    except DesignInvalid as invalid:  # the format refuses what the edit made: nothing stored
        return _refused(access, request, session, catalogue, lang, invalid.problems[0].readable(lang))
    if op not in ("undo", "redo") and work != current:  # a no-op is no step
        record_step(
            session=session,
            design_id=record.id,
            user_id=user_id,
            before_version=start,
            after_version=version,
            change=change,
        )
    else:
        session.commit()
    goals_panel = op in ("goal-add", "goal-update", "goal-remove")  # stays open for the next goal
    return _answer(
        request,
        session,
        access,
        catalogue,
        lang,
        shown=shown,
        design=work,
        version=version,
        message=change(lang),
        message_kind="ok",
        focus=focus,
        keep_open="goals" if goals_panel else None,
    )


def _answer(
    request: Request,
    session: Session,
    access: Access,
    catalogue: Catalogue,
    lang: str,
    *,
    shown: Design | None,
    design: Design,
    version: int,
    status_code: int = 200,
    **extra: Any,
) -> Response:
    """The canvas brought from `shown` (what the person's page shows) to `design`: the
    whole canvas after a structural change, else the cards and phase heads that changed."""
    changed = None if shown is None else changed_phases(shown, design)
    context = page_context(
        access, session, catalogue, lang, design=design, version=version, full=False, only=changed, **extra
    )
    if changed is None:
        return render_answer(request, PAGE, WHOLE_CANVAS, context, status_code=status_code)
    blocks = (
        SMALL_ANSWER if access.can_edit else [b if b != "history" else "viewversion" for b in SMALL_ANSWER]
    )
    redrawn = changed_cards(shown, design, changed)
    context["stock_cards"] = [
        c for view in context["phases"] for lane in view.lanes for c in lane.cards if c.placed.id in redrawn
    ]
    context["board"]["layout"] = board_layout(context["phases"])
    return render_answer(
        request,
        PAGE,
        blocks,
        {**context, "oob_heads": True},
        repeat=("phasehead", "p", context["phases"]),
        status_code=status_code,
    )


def changed_phases(before: Design, after: Design) -> set[str] | None:
    """The ids of the phases an edit changed, or None when it changed the structure
    (phases added, removed, reordered, renamed or of another kind; goals, title,
    budget, language or baseline), which the whole canvas shows."""
    if [p.id for p in before.phases] != [p.id for p in after.phases]:
        return None
    if (
        before.goals,
        before.title,
        before.study_load_hours,
        before.language,
        before.baseline,
        before.template,
    ) != (after.goals, after.title, after.study_load_hours, after.language, after.baseline, after.template):
        return None
    old = {p.id: p for p in before.phases}
    if any((p.title, p.kind) != (old[p.id].title, old[p.id].kind) for p in after.phases):
        return None  # other phases' menus name it ("repeat up to and including")
    return {p.id for p in after.phases if p != old[p.id]}


def changed_cards(before: Design, after: Design, phases: set[str]) -> set[str]:
    """The placed activities of `phases` that are new or differ from before: the cards an
    answer draws again (a card shows nothing but its activity and its goals, and goals
    changing is a structural edit)."""
    old = {a.id: a for p in before.phases if p.id in phases for a in p.activities}
    return {a.id for p in after.phases if p.id in phases for a in p.activities if old.get(a.id) != a}
