"""The dashboard's designs (SPEC §6, housekeeping): search, filters and order as GET
parameters of `/`, so that a URL can be shared and back works; and the trash.

`read_filters` checks the parameters against what the person's designs offer: a value
that is not offered is a problem that names the field (the page answers 422) and is
ignored. `dashboard` applies the filters to the designs the person may see.
"""

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from urllib.parse import urlencode

from babel.dates import format_date, format_datetime
from sqlmodel import Session, col, select

from wave.design_templates import DesignTemplate
from wave.i18n import translations
from wave.models import DesignRecord, User
from wave.review import STATUSES
from wave.trash import TRASH_DAYS, aware, in_trash, trash_of

SORTS = ("changed", "title", "created")
MAX_SEARCH = 200
FIELDS = ("q", "status", "template", "owner", "sort")
DAY = timedelta(days=1)


@dataclass(frozen=True)
class Filters:
    q: str = ""
    status: str = ""
    template: str = ""
    owner: str = ""  # "mine", "shared" or the id of a person who shares designs with you
    sort: str = "changed"

    @property
    def active(self) -> bool:
        """Something narrows the list (an order does not)."""
        return bool(self.q or self.status or self.template or self.owner)

    def query(self) -> str:
        """The filters as a query string, without the defaults."""
        values = {"q": self.q, "status": self.status, "template": self.template, "owner": self.owner}
        pairs = [(name, value) for name, value in values.items() if value]
        if self.sort != "changed":
            pairs.append(("sort", self.sort))
        return urlencode(pairs)


@dataclass(frozen=True)
class Option:
    value: str
    label: str


@dataclass(frozen=True)
class TrashEntry:
    id: int
    title: str
    deleted_on: str
    purged_on: str
    days_left: int


@dataclass(frozen=True)
class Notice:
    """What the dashboard says after a delete or a restore (or why it was refused)."""

    kind: str  # deleted, restored, refused
    id: int
    title: str
    text: str = ""  # refused: why


def only_the_owner(lang: str, action: str) -> str:
    """Why someone a design is shared with cannot delete (or restore) it."""
    gettext = translations(lang).gettext
    if action == "restore":
        return gettext("Only the owner can restore a design from the trash.")
    return gettext(
        "Only the owner can delete this design. You can leave it instead: it then disappears "
        "from your designs, for you only."
    )


@dataclass
class Dashboard:
    filters: Filters
    problems: dict[str, str]  # field -> what is wrong with it
    own: list[DesignRecord]
    shared: list[DesignRecord]
    total: int  # the person's own and shared designs, before filtering
    templates: list[Option]
    people: list[Option]
    trash: list[TrashEntry]
    changed: dict[int, str]  # design id -> when it last changed, in the page's language
    notice: Notice | None = None
    trash_days: int = TRASH_DAYS
    statuses: tuple[str, ...] = field(default=STATUSES)

    @property
    def shown(self) -> int:
        return len(self.own) + len(self.shared)


def folded(text: str) -> str:
    """For comparing: no case, no accents (ë is e), so "geintegreerd" finds "geïntegreerd"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def read_filters(
    params: Mapping[str, str], *, templates: set[str], people: set[str], lang: str
) -> tuple[Filters, dict[str, str]]:
    """The filters asked for, and a problem per field whose value is not on offer."""
    gettext = translations(lang).gettext
    problems: dict[str, str] = {}
    q = (params.get("q") or "").strip()
    if len(q) > MAX_SEARCH:
        problems["q"] = gettext("Search: use at most %(num)d characters.") % {"num": MAX_SEARCH}
        q = ""
    status = params.get("status") or ""
    if status and status not in STATUSES:
        problems["status"] = gettext("Status: choose one of the statuses in the list.")
        status = ""
    template = params.get("template") or ""
    if template and template not in templates:
        problems["template"] = gettext("Template: choose one of the templates in the list.")
        template = ""
    owner = params.get("owner") or ""
    if owner and owner not in {"mine", "shared", *people}:
        problems["owner"] = gettext("Owner: choose one of the people in the list.")
        owner = ""
    sort = params.get("sort") or "changed"
    if sort not in SORTS:
        problems["sort"] = gettext("Sort by: choose one of the orders in the list.")
        sort = "changed"
    return Filters(q=q, status=status, template=template, owner=owner, sort=sort), problems


def _matches(record: DesignRecord, filters: Filters, me: int) -> bool:
    if filters.q and folded(filters.q) not in folded(record.title):
        return False
    if filters.status and record.review_status != filters.status:
        return False
    if filters.template and record.template != filters.template:
        return False
    if filters.owner == "mine":
        return record.owner_id == me
    if filters.owner == "shared":
        return record.owner_id != me
    if filters.owner:
        return str(record.owner_id) == filters.owner
    return True


def _ordered(records: list[DesignRecord], sort: str) -> list[DesignRecord]:
    if sort == "title":
        return sorted(records, key=lambda r: (folded(r.title), r.id))
    if sort == "created":
        return sorted(records, key=lambda r: (aware(r.created_at), r.id), reverse=True)
    return sorted(records, key=lambda r: (aware(r.updated_at), r.id), reverse=True)


def _notice(
    *, session: Session, user: User, params: Mapping[str, str], own: list[DesignRecord]
) -> Notice | None:
    """`?deleted=ID` (the design is in the person's trash) or `?restored=ID` (it is theirs
    again): what a page after a delete or restore without script says."""
    for kind in ("deleted", "restored"):
        value = params.get(kind) or ""
        if not value.isdigit() or len(value) > 10:
            continue
        if kind == "deleted":
            record = in_trash(session=session, user=user, design_id=int(value))
        else:
            record = next((r for r in own if r.id == int(value)), None)
        if record is not None:
            return Notice(kind=kind, id=record.id, title=record.title)
    return None


def dashboard(
    *,
    session: Session,
    user: User,
    records: list[DesignRecord],
    params: Mapping[str, str],
    templates: dict[str, DesignTemplate],
    lang: str,
    now: datetime,
    notice: Notice | None = None,
) -> Dashboard:
    """The person's own and shared designs (not the examples) as the filters ask, what
    the filters can choose from, and the trash."""
    mine = [r for r in records if r.example_slug is None]
    owners = {r.owner_id for r in mine if r.owner_id not in (None, user.id)}
    people = (
        session.exec(select(User.id, User.name).where(col(User.id).in_(owners)).order_by(User.name)).all()
        if owners
        else []
    )
    used = {r.template for r in mine}
    template_options = sorted(
        (Option(slug, templates[slug].name(lang) if slug in templates else slug) for slug in used),
        key=lambda o: folded(o.label),
    )
    filters, problems = read_filters(
        params, templates=used | set(templates), people={str(i) for i, _ in people}, lang=lang
    )
    chosen = _ordered([r for r in mine if _matches(r, filters, user.id)], filters.sort)
    trash = [
        TrashEntry(
            id=t.id,
            title=t.title,
            deleted_on=format_date(t.deleted_at, "long", locale=lang),
            purged_on=format_date(t.purge_at, "long", locale=lang),
            days_left=max(0, -((now - t.purge_at) // DAY)),  # whole days, rounded up
        )
        for t in trash_of(session=session, user=user)
    ]
    own = [r for r in chosen if r.owner_id == user.id]
    owned = [r for r in mine if r.owner_id == user.id]
    return Dashboard(
        filters=filters,
        problems=problems,
        own=own,
        shared=[r for r in chosen if r.owner_id != user.id],
        total=len(mine),
        templates=template_options,
        people=[Option(str(i), name) for i, name in people],
        trash=trash,
        changed={r.id: format_datetime(aware(r.updated_at), "d MMM y, HH:mm", locale=lang) for r in mine},
        notice=notice or _notice(session=session, user=user, params=params, own=owned),
    )
