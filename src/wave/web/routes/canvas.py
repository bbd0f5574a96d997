"""The canvas: the design page and the edits made on it (htmx fragments).

Every edit is a POST carrying the version it was based on. The response holds
the re-rendered canvas, and out of band the critic panel and a status message
(with undo), so findings and profile update in the same round trip.
"""

import json
from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response
from sqlmodel import Session
from starlette.datastructures import FormData

from wave import edits
from wave.catalogue import Catalogue
from wave.design_templates import get_templates
from wave.drawing import profile_charts
from wave.edits import Change, EditRefused
from wave.format import Design
from wave.material import custom_activities
from wave.review import comments_of, mark_seen
from wave.store import StaleVersion, save_design, version_document
from wave.vocabulary import ENVIRONMENTS, INTERACTIONS, LEARNING_TYPES, LINK_KINDS, SOURCES
from wave.web.auth import Access, EditAccess, ViewAccess, check_csrf
from wave.web.canvas_view import canvas_view
from wave.web.critique import report_for
from wave.web.deps import CatalogueDep, LangDep, SessionDep
from wave.web.rendering import render_fragments, render_page
from wave.web.routes.review import comment_counts, review_context

router = APIRouter(prefix="/designs", tags=["canvas"], include_in_schema=False,
                   dependencies=[Depends(check_csrf)])

PAGE = "canvas.html"
EDIT_BLOCKS = ["canvas", "critic", "status", "addtarget"]


def page_context(access: Access, session: Session, catalogue: Catalogue, lang: str, *,
                 design: Design | None = None, version: int | None = None, full: bool = True,
                 **extra: Any) -> dict[str, Any]:
    """What the canvas page shows. An edit answer (`full=False`) renders only the
    canvas, critic and status blocks, so it skips the catalogue's own activities
    and the review panel, and reads just the comment counts for the cards."""
    design = design or access.design
    report = report_for(design, lang=lang)
    user = access.caller.user
    review = (review_context(access, session, lang, design=design) if full else {
        "comment_counts": comment_counts(comments_of(session=session,
                                                     design_id=access.record.id))})
    return {
        "design_id": access.record.id,
        "version": version or access.record.version,
        "design": design,
        "role": access.role,
        "can_edit": access.can_edit,
        "example_slug": access.record.example_slug,
        "catalogue": catalogue,
        "custom_activities": custom_activities(session=session, user=user)
        if access.can_edit and full else [],
        "report": report,
        "profile": report.profile,
        "charts": profile_charts(report, design, lang),
        "templates": get_templates(),
        "vocab": {"learning_types": LEARNING_TYPES, "interactions": INTERACTIONS,
                  "environments": ENVIRONMENTS, "sources": SOURCES, "link_kinds": LINK_KINDS},
        **canvas_view(design, catalogue, report),
        **review,
        **extra,
    }


@router.get("/{design_id}", response_class=HTMLResponse)
def show(access: ViewAccess, request: Request, session: SessionDep, catalogue: CatalogueDep,
         lang: LangDep) -> Response:
    mark_seen(session=session, design_id=access.record.id, user=access.caller.user)
    return render_page(request, PAGE, page_context(access, session, catalogue, lang))


@router.get("/{design_id}/activities/{placed_id}", response_class=HTMLResponse)
def editor(placed_id: str, access: ViewAccess, request: Request, session: SessionDep,
           catalogue: CatalogueDep, lang: LangDep) -> Response:
    found = access.design.find(placed_id)
    if found is None:
        return render_page(request, "not_found.html", {}, status_code=404)
    context = page_context(access, session, catalogue, lang, editing=found[1],
                           editing_entry=catalogue.get(found[1].activity))
    return render_fragments(request, PAGE, ["editor"], context)


@router.get("/{design_id}/export.json")
def export_json(access: ViewAccess) -> Response:
    body = json.dumps(access.design.to_json(), ensure_ascii=False, indent=2)
    filename = f"wave-design-{access.record.id}.json"
    return Response(body, media_type="application/json",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


# --- edits -----------------------------------------------------------------

def _int(form: FormData, name: str, default: int | None = None) -> int:
    raw = form.get(name)
    if raw in (None, "") and default is not None:
        return default
    try:
        return int(str(raw))
    except ValueError:
        raise EditRefused(f"{name}: vul een geheel getal in.", f"{name}: enter a whole number.",
                          name) from None


def _text(form: FormData, name: str) -> str:
    return str(form.get(name) or "")


def _activity_fields(form: FormData) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "title": _text(form, "title").strip() or None,
        "timing": _text(form, "timing") or None,
        "minutes": _int(form, "minutes", 0),
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
        d, c, activity=_text(f, "activity"), phase_id=_text(f, "phase"),
        mode=_text(f, "mode"), index=_int(f, "index", 10_000)),
    "move": lambda d, c, f: edits.move_activity(
        d, c, placed_id=_text(f, "placed"), phase_id=_text(f, "phase"), mode=_text(f, "mode"),
        index=_int(f, "index", 10_000)),
    "nudge": lambda d, c, f: edits.nudge_activity(
        d, c, placed_id=_text(f, "placed"), direction=_text(f, "direction")),
    "remove": lambda d, c, f: edits.remove_activity(d, placed_id=_text(f, "placed")),
    "update": lambda d, c, f: edits.update_activity(
        d, c, placed_id=_text(f, "placed"), fields=_activity_fields(f)),
    "link-add": lambda d, c, f: edits.add_link(
        d, from_id=_text(f, "from"), to_id=_text(f, "to"), kind=_text(f, "kind")),
    "link-remove": lambda d, c, f: edits.remove_link(
        d, from_id=_text(f, "from"), to_id=_text(f, "to")),
    "goal-add": lambda d, c, f: edits.add_goal(d, text=_text(f, "text")),
    "goal-update": lambda d, c, f: edits.update_goal(
        d, goal_id=_text(f, "goal"), text=_text(f, "text")),
    "goal-remove": lambda d, c, f: edits.remove_goal(d, goal_id=_text(f, "goal")),
    "phase-add": lambda d, c, f: edits.add_phase(
        d, title=_text(f, "title"), kind=_text(f, "kind") or "sequence"),
    "phase-update": lambda d, c, f: edits.update_phase(
        d, phase_id=_text(f, "phase"), title=_text(f, "title"), kind=_text(f, "kind")),
    "phase-move": lambda d, c, f: edits.move_phase(
        d, phase_id=_text(f, "phase"), step=_int(f, "step")),
    "phase-remove": lambda d, c, f: edits.remove_phase(d, phase_id=_text(f, "phase")),
    "meta": lambda d, c, f: edits.update_meta(
        d, title=_text(f, "title"), study_load_hours=_text(f, "study_load_hours"),
        language=_text(f, "language") or d.language),
    "baseline-set": lambda d, c, f: edits.set_baseline(d),
    "baseline-clear": lambda d, c, f: edits.clear_baseline(d),
}


def _add_custom(design: Design, form: FormData, session: Session, access: Access
                ) -> tuple[Change, str]:
    custom_id = _int(form, "custom")
    own = {c.id: c for c in custom_activities(session=session, user=access.caller.user)}
    if custom_id not in own:
        raise EditRefused("Deze eigen activiteit bestaat niet (meer).",
                          "This custom activity does not exist (any more).", "custom")
    c = own[custom_id]
    return edits.add_custom_activity(
        design, title=c.title, learning_type=c.learning_type, interactions=c.interactions.split(),
        modes=c.modes.split(), minutes=c.minutes, phase_id=_text(form, "phase"),
        mode=_text(form, "mode"), index=_int(form, "index", 10_000))


@router.post("/{design_id}/edit/{op}", response_class=HTMLResponse)
async def edit(op: str, access: EditAccess, request: Request, session: SessionDep,
               catalogue: CatalogueDep, lang: LangDep) -> Response:
    record, design = access.record, access.design
    form = await request.form()
    try:
        if op not in OPS and op not in ("undo", "add-custom"):
            raise EditRefused(f"Onbekende bewerking {op!r}.", f"Unknown edit {op!r}.", "op")
        based_on = _int(form, "version")
        work = design.model_copy(deep=True)
        focus = _text(form, "placed") or None
        if op == "undo":
            restored = version_document(session=session, design_id=record.id,
                                        version=_int(form, "to_version"))
            if restored is None:
                raise EditRefused("Deze versie bestaat niet.", "This version does not exist.",
                                  "to_version")
            work = restored
            change = Change("Wijziging ongedaan gemaakt.", "Change undone.")
        elif op == "add-custom":
            change, focus = _add_custom(work, form, session, access)
        else:
            result = OPS[op](work, catalogue, form)
            change, focus = result if isinstance(result, tuple) else (result, focus)
    except EditRefused as refused:
        context = page_context(access, session, catalogue, lang, full=False,
                               message=refused(lang), message_kind="error")
        return render_fragments(request, PAGE, EDIT_BLOCKS, context, status_code=422)
    try:
        version = save_design(session=session, design_id=record.id, design=work,
                              based_on=based_on, summary=change("en"),
                              author_id=access.caller.user.id)
    except StaleVersion as stale:
        context = page_context(access, session, catalogue, lang, version=stale.current,
                               full=False, conflict=True)
        return render_fragments(request, PAGE, ["status"], context, status_code=409,
                                headers={"HX-Reswap": "none"})
    context = page_context(access, session, catalogue, lang, design=work, version=version,
                           full=False, message=change(lang), message_kind="ok", undo_to=based_on,
                           focus=focus)
    return render_fragments(request, PAGE, EDIT_BLOCKS, context)
