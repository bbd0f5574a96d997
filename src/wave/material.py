"""A teacher's own material: custom activities beside the catalogue (theirs and
their team's, see `wave.team`) and custom templates made from a design's phase
structure."""

import json
import re

from sqlmodel import Session, col, select

from wave import LANGUAGES
from wave.accounts import AccountProblem
from wave.design_templates import DesignTemplate, TemplatePhase
from wave.format import Design
from wave.i18n import N_, translate
from wave.models import CustomActivity, CustomTemplate, User
from wave.team import team_ids
from wave.vocabulary import INTERACTIONS, LEARNING_TYPES, MODES


def custom_activities(*, session: Session, user: User) -> list[CustomActivity]:
    return list(
        session.exec(
            select(CustomActivity)
            .where(col(CustomActivity.owner_id).in_(team_ids(session=session, user=user)))
            .order_by(CustomActivity.title)
        )
    )


def create_custom_activity(
    *,
    session: Session,
    owner: User,
    title: str,
    learning_type: str,
    interactions: list[str],
    modes: list[str],
    minutes: str,
) -> CustomActivity:
    title = title.strip()
    if not title or len(title) > 200:
        raise AccountProblem("title", N_("Give the activity a name (at most 200 characters)."))
    if learning_type not in LEARNING_TYPES:
        raise AccountProblem("learning_type", N_("Choose a learning type."))
    if not interactions or any(i not in INTERACTIONS for i in interactions):
        raise AccountProblem("interactions", N_("Choose at least one kind of interaction."))
    if not modes or any(m not in MODES for m in modes):
        raise AccountProblem("modes", N_("Choose online, face-to-face or both."))
    try:
        number = int(minutes)
    except ValueError:
        number = -1
    if not 0 <= number <= 100_000:
        raise AccountProblem("minutes", N_("Enter a number of minutes (0 or more)."))
    activity = CustomActivity(
        owner_id=owner.id,
        title=title,
        learning_type=learning_type,
        interactions=" ".join(interactions),
        modes=" ".join(modes),
        minutes=number,
    )
    session.add(activity)
    session.commit()
    session.refresh(activity)
    return activity


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40] or "sjabloon"


def save_template(*, session: Session, owner: User, name: str, design: Design) -> CustomTemplate:
    name = name.strip()
    if not name or len(name) > 200:
        raise AccountProblem("name", N_("Give the template a name (at most 200 characters)."))
    if not design.phases:
        raise AccountProblem("name", N_("This design has no phases to save yet."))
    phases = [{"id": p.id, "title": p.title, "kind": p.kind} for p in design.phases]
    template = CustomTemplate(slug="tmp", owner_id=owner.id, name=name, phases=json.dumps(phases))
    session.add(template)
    session.flush()
    template.slug = f"custom-{template.id}-{_slug(name)}"
    session.commit()
    session.refresh(template)
    return template


def custom_templates(*, session: Session, user: User) -> dict[str, DesignTemplate]:
    rows = session.exec(
        select(CustomTemplate)
        .where(col(CustomTemplate.owner_id).in_(team_ids(session=session, user=user)))
        .order_by(CustomTemplate.name)
    ).all()
    out = {}
    for row in rows:
        phases = [
            TemplatePhase(id=p["id"], title={"nl": p["title"], "en": p["title"]}, kind=p["kind"])
            for p in json.loads(row.phases)
        ]
        out[row.slug] = DesignTemplate(
            slug=row.slug,
            name={lang: row.name for lang in LANGUAGES},
            description={lang: translate(lang, N_("Own template")) for lang in LANGUAGES},
            phases=phases,
        )
    return out
