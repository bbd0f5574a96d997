"""Undo and redo per person and design, kept in the database (SPEC §5.2).

Every edit a person makes on a design is a step: the version before and after it (each
version's document is kept in `DesignVersion` already). Their steps form a stack:
`undo` takes the newest step that is still done and gives back its `before` document,
`redo` the step undone last and its `after` document; the canvas merges that into the
design as it is now, so an undo takes back the person's own step, not what others did.
A new edit clears what could be redone. Undo and redo are not steps themselves, so
an undo never redoes. At most `MAX_STEPS` steps are kept per person and design.

`undo` and `redo` mark the step in the session's transaction and leave the save to
the caller (`store.save_design`, based on the version the person saw): the save's
commit stores the mark with the new version, and a `StaleVersion` rolls both back,
so a conflict leaves the stack as it was.
"""

from dataclasses import dataclass

from sqlalchemy import delete, func, update
from sqlmodel import Session, col, select

from wave import LANGUAGES
from wave.edits import Change, EditRefused
from wave.format import Design
from wave.i18n import N_
from wave.models import UndoStep
from wave.store import version_document

MAX_STEPS = 100
DONE, UNDONE = "done", "undone"


@dataclass(frozen=True)
class UndoState:
    """How many steps the person can undo and redo on the design."""

    undo: int
    redo: int

    @property
    def can_undo(self) -> bool:
        return self.undo > 0

    @property
    def can_redo(self) -> bool:
        return self.redo > 0


def _steps(design_id: int, user_id: int):
    return (col(UndoStep.design_id) == design_id, col(UndoStep.user_id) == user_id)


def record_step(
    *,
    session: Session,
    design_id: int,
    user_id: int,
    before_version: int,
    after_version: int,
    change: Change,
) -> UndoStep:
    """Remember an edit that was saved as `after_version` on top of `before_version`;
    clears the person's redo steps on the design. Called in the save's transaction
    (`save_design(commit=False)`), which it commits: the design row the save updated is
    locked until then, so another save of the same person cannot take the same number."""
    session.execute(delete(UndoStep).where(*_steps(design_id, user_id), col(UndoStep.state) == UNDONE))
    last = session.exec(select(func.max(UndoStep.seq)).where(*_steps(design_id, user_id))).one()
    step = UndoStep(
        design_id=design_id,
        user_id=user_id,
        seq=(last or 0) + 1,
        before_version=before_version,
        after_version=after_version,
        # the change as it read in each language, for "Change undone: …" later
        **{f"summary_{lang}": change(lang)[:300] for lang in LANGUAGES},
        state=DONE,
    )
    session.add(step)
    session.execute(
        delete(UndoStep).where(*_steps(design_id, user_id), col(UndoStep.seq) <= step.seq - MAX_STEPS)
    )
    session.commit()
    return step


def _mark(session: Session, step: UndoStep, *, was: str, becomes: str) -> None:
    result = session.execute(
        update(UndoStep).where(col(UndoStep.id) == step.id, col(UndoStep.state) == was).values(state=becomes)
    )
    if result.rowcount != 1:  # an undo or redo of the same step in another request won
        session.rollback()
        raise _nothing(becomes)


def _nothing(becomes: str) -> EditRefused:
    if becomes == UNDONE:
        return EditRefused(N_("There is nothing to undo."), "undo")
    return EditRefused(N_("There is nothing to redo."), "redo")


def _document(session: Session, design_id: int, version: int) -> Design:
    design = version_document(session=session, design_id=design_id, version=version)
    if design is None:  # versions are kept as long as the design is
        raise EditRefused(N_("This version no longer exists."), "version")
    return design


def _take(session: Session, design_id: int, user_id: int, *, was: str, becomes: str) -> UndoStep:
    """The step to undo (the newest done one) or to redo (the undone one with the lowest
    number: undone last), marked `becomes` in the session's transaction."""
    order = col(UndoStep.seq).desc() if was == DONE else col(UndoStep.seq)
    step = session.exec(
        select(UndoStep)
        .where(*_steps(design_id, user_id), col(UndoStep.state) == was)
        .order_by(order)
        .limit(1)
    ).first()
    if step is None:
        raise _nothing(becomes)
    _mark(session, step, was=was, becomes=becomes)
    return step


def _said(step: UndoStep) -> dict[str, str]:
    """The step's change in each language, as it was recorded."""
    return {lang: getattr(step, f"summary_{lang}") for lang in LANGUAGES}


def undo(*, session: Session, design_id: int, user_id: int) -> tuple[Design, Design, int, Change]:
    """The person's newest done step: marks it undone (not committed) and returns the
    document before it and the document it left (and that one's version), for the
    caller to take the step back in the design as it is now (`wave.merge`: what others
    did since stays), to save with `store.save_design`, and the change to report ("Change undone: …"). Raises
    EditRefused when there is nothing to undo."""
    step = _take(session, design_id, user_id, was=DONE, becomes=UNDONE)
    return (
        _document(session, design_id, step.before_version),
        _document(session, design_id, step.after_version),
        step.after_version,
        Change(N_("Change undone: %(change)s"), change=_said(step)),
    )


def redo(*, session: Session, design_id: int, user_id: int) -> tuple[Design, Design, int, Change]:
    """The step the person undid last: marks it done again (not committed) and returns
    the document after it and the one before it (as `undo`), and the change to report
    ("Change redone: …"). Raises EditRefused when there is nothing to redo."""
    step = _take(session, design_id, user_id, was=UNDONE, becomes=DONE)
    return (
        _document(session, design_id, step.after_version),
        _document(session, design_id, step.before_version),
        step.before_version,
        Change(N_("Change redone: %(change)s"), change=_said(step)),
    )


def undo_state(*, session: Session, design_id: int, user_id: int) -> UndoState:
    rows = session.exec(
        select(UndoStep.state, func.count()).where(*_steps(design_id, user_id)).group_by(col(UndoStep.state))
    ).all()
    counts = dict(rows)
    return UndoState(undo=counts.get(DONE, 0), redo=counts.get(UNDONE, 0))
