"""The dashboard's search, filters and order (SPEC §6, housekeeping), read from the
page's HTML: GET parameters of `/`, the list they leave, the form that shows them, the
count, the empty result, bad values (422, naming the field) and the htmx fragment."""

from contextlib import ExitStack

import pytest
from fastapi.testclient import TestClient
from htmltree import html
from webfixtures import sign_up_and_in


def make(client, title: str, template: str = "linear") -> int:
    from wave.design_templates import get_templates

    design = get_templates()[template].new_design(title=title, language="nl").to_json()
    r = client.post("/api/designs", json=design)
    assert r.status_code == 201, r.text
    return r.json()["id"]


@pytest.fixture(scope="module")
def world(app):
    """A teacher with three designs of their own and two that colleagues shared."""
    with ExitStack() as stack:
        people = {
            name: sign_up_and_in(stack.enter_context(TestClient(app)), name=name)
            for name in ("Docent Dijk", "Anna Aarts", "Bram Bos", "Nog Niemand")
        }
        me, anna, bram = people["Docent Dijk"], people["Anna Aarts"], people["Bram Bos"]
        ids = {
            "kennisclip": make(me, "Kennisclip Marketing"),
            "rekenen": make(me, "Blended Rekenen", "non-linear"),
            "statistiek": make(me, "Geïntegreerde Statistiek", "hybrid"),
            "anna": make(anna, "Economie in stations", "hybrid"),
            "bram": make(bram, "Marketing voor de beroepspraktijk"),
        }
        r = me.post(f"/designs/{ids['statistiek']}/review/status", data={"status": "in_review"})
        assert r.status_code == 200, r.text
        current = me.get(f"/api/designs/{ids['kennisclip']}").json()
        r = me.put(f"/api/designs/{ids['kennisclip']}", json={**current, "title": "Kennisclip Marketing"})
        assert r.status_code == 200, r.text  # the last one changed
        for owner, key, role in ((anna, "anna", "comment"), (bram, "bram", "edit")):
            r = owner.post(f"/api/designs/{ids[key]}/shares", json={"email": me.email, "role": role})
            assert r.status_code == 201, r.text
        yield {"me": me, "people": people, "ids": ids}


def listed(page, list_id: str) -> list[str]:
    found = page.find(id=list_id)
    return [li.one("strong").text() for li in found.find_all("li")] if found else []


def get(world, query: str = "", **headers):
    r = world["me"].get("/" + (f"?{query}" if query else ""), headers=headers)
    return r, html(r)


def test_without_filters_everything_by_last_change(world):
    r, page = get(world)
    assert r.status_code == 200
    assert listed(page, "own-designs") == [
        "Kennisclip Marketing",
        "Geïntegreerde Statistiek",
        "Blended Rekenen",
    ]
    assert set(listed(page, "shared-designs")) == {
        "Economie in stations",
        "Marketing voor de beroepspraktijk",
    }
    assert page.one(id="filter-summary").text() == ""  # nothing narrowed, nothing to count
    assert not page.find(id="no-matches")
    form = page.one("form", id="dashboard-filters")
    assert form.attrs["method"] == "get" and form.attrs["action"] == "/" and form.attrs["role"] == "search"
    assert form.attrs["hx-get"] == "/" and form.attrs["hx-push-url"] == "true"
    assert form.attrs["hx-target"] == "#dashboard-results"


def test_search_ignores_case_and_accents(world):
    r, page = get(world, "q=geintegreerd")
    assert r.status_code == 200
    assert listed(page, "own-designs") == ["Geïntegreerde Statistiek"]
    assert listed(page, "shared-designs") == []
    assert page.one("input", id="design-search").attrs["value"] == "geintegreerd"
    summary = page.one(id="filter-summary")
    assert summary.text().startswith("1 van 5 ontwerpen")
    assert summary.one("a").attrs["href"] == "/" and summary.one("a").text() == "Filters wissen"
    _r, page = get(world, "q=MARKETING")
    assert listed(page, "own-designs") == ["Kennisclip Marketing"]
    assert listed(page, "shared-designs") == ["Marketing voor de beroepspraktijk"]


def test_filter_by_status(world):
    _r, page = get(world, "status=in_review")
    assert listed(page, "own-designs") == ["Geïntegreerde Statistiek"]
    assert listed(page, "shared-designs") == []
    selected = [o for o in page.one("select", id="filter-status").find_all("option") if "selected" in o.attrs]
    assert [o.attrs["value"] for o in selected] == ["in_review"]
    assert (
        selected[0].text()
        == page.one("li", data_design=str(world["ids"]["statistiek"])).one(cls="status-pill").text()
    )


def test_filter_by_template(world):
    _r, page = get(world, "template=hybrid")
    assert listed(page, "own-designs") == ["Geïntegreerde Statistiek"]
    assert listed(page, "shared-designs") == ["Economie in stations"]
    options = [o.attrs["value"] for o in page.one("select", id="filter-template").find_all("option")]
    assert options[0] == "" and set(options[1:]) == {"linear", "hybrid", "non-linear"}  # the ones in use


def test_filter_by_owner(world):
    ids = world["ids"]
    _r, page = get(world, "owner=mine")
    assert len(listed(page, "own-designs")) == 3 and not page.find(id="shared-designs")
    _r, page = get(world, "owner=shared")
    assert not page.find(id="own-designs") and not page.find(id="no-own-designs")
    assert len(listed(page, "shared-designs")) == 2
    people = page.one("select", id="filter-owner").one("optgroup")
    assert people.attrs["label"] == "Met mij gedeeld door"
    assert [o.text() for o in people.find_all("option")] == ["Anna Aarts", "Bram Bos"]
    anna = world["people"]["Anna Aarts"].user_id
    _r, page = get(world, f"owner={anna}")
    assert listed(page, "shared-designs") == ["Economie in stations"] and not page.find(id="own-designs")
    assert page.find("li", data_design=str(ids["anna"]))


def test_sort_by_title_and_by_creation(world):
    _r, page = get(world, "sort=title")
    assert listed(page, "own-designs") == [
        "Blended Rekenen",
        "Geïntegreerde Statistiek",
        "Kennisclip Marketing",
    ]
    assert page.one(id="filter-summary").text() == ""  # an order is not a filter
    # made first, changed last: first by last change, last by creation
    _r, page = get(world, "sort=created")
    assert listed(page, "own-designs") == [
        "Geïntegreerde Statistiek",
        "Blended Rekenen",
        "Kennisclip Marketing",
    ]
    _r, page = get(world, "sort=changed")
    assert listed(page, "own-designs") == [
        "Kennisclip Marketing",
        "Geïntegreerde Statistiek",
        "Blended Rekenen",
    ]


def test_filters_combine_and_an_empty_result_says_so(world):
    _r, page = get(world, "q=marketing&template=linear&owner=shared")
    assert listed(page, "shared-designs") == ["Marketing voor de beroepspraktijk"]
    r, page = get(world, "q=marketing&status=approved")
    assert r.status_code == 200
    empty = page.one(id="no-matches")
    assert "Geen ontwerp past bij “marketing” met deze filters." in empty.text()
    clear = empty.one("a")
    assert clear.attrs["href"] == "/" and clear.text() == "Filters wissen"
    assert not page.find(id="own-designs") and not page.find(id="no-own-designs")
    assert page.one(id="filter-summary").text().startswith("0 van 5 ontwerpen")
    en = html(world["me"].get("/?status=approved", headers={"Accept-Language": "en"}))
    assert "No design matches these filters." in en.one(id="no-matches").text()


@pytest.mark.parametrize(
    ("query", "field", "nl", "en"),
    [
        ("status=bogus", "status", "Status: kies een van de statussen uit de lijst.", "Status: choose one"),
        ("template=geen-sjabloon", "template", "Sjabloon: kies een van de sjablonen", "Template: choose one"),
        ("owner=999999", "owner", "Eigenaar: kies een van de personen", "Owner: choose one"),
        ("owner=iemand", "owner", "Eigenaar: kies een van de personen", "Owner: choose one"),
        ("sort=random", "sort", "Sorteren op: kies een van de volgordes", "Sort by: choose one"),
        ("q=" + "x" * 201, "q", "Zoeken: gebruik hooguit 200 tekens.", "Search: use at most 200 characters."),
    ],
)
def test_a_value_not_on_offer_is_refused_naming_the_field(world, query, field, nl, en):
    r, page = get(world, query)
    assert r.status_code == 422
    error = page.one(id=f"filter-{field}-error")
    assert error.text().startswith(nl)
    control = page.one(id="design-search" if field == "q" else f"filter-{field}")
    assert control.attrs["aria-invalid"] == "true"
    assert control.attrs["aria-describedby"] == f"filter-{field}-error"
    # the list is shown as if the value had not been given
    assert len(listed(page, "own-designs")) == 3 and len(listed(page, "shared-designs")) == 2
    r = world["me"].get(f"/?{query}", headers={"Accept-Language": "en"})
    assert r.status_code == 422 and html(r).one(id=f"filter-{field}-error").text().startswith(en)


def test_htmx_gets_the_list_and_the_count_only(world):
    r, page = get(world, "q=rekenen", **{"HX-Request": "true", "HX-Target": "dashboard-results"})
    assert r.status_code == 200
    assert "HX-Request" in r.headers["vary"]
    assert not page.find("html") and not page.find(id="dashboard-filters")
    assert listed(page, "own-designs") == ["Blended Rekenen"]
    summary = page.one(id="filter-summary")
    assert summary.attrs["hx-swap-oob"] == "innerHTML" and summary.text().startswith("1 van 5")
    # back and forward without htmx's cache ask for the whole page
    restore = {"HX-Request": "true", "HX-Target": "dashboard-results", "HX-History-Restore-Request": "true"}
    r, page = get(world, "q=rekenen", **restore)
    assert page.find("html") and page.one("input", id="design-search").attrs["value"] == "rekenen"
    r, page = get(world, "q=rekenen")  # and so does a plain request
    assert page.find("html") and "HX-Request" in r.headers["vary"]


def test_the_address_is_the_short_one(world):
    """A form sent without script names every field; the address to share leaves out the
    empty ones and the default order. htmx is told the same address to push."""
    me = world["me"]
    r = me.get("/?q=&status=&template=&owner=&sort=changed", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/"
    r = me.get("/?q=rekenen&status=&template=&owner=&sort=title", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/?q=rekenen&sort=title"
    hx = {"HX-Request": "true", "HX-Target": "dashboard-results"}
    r = me.get("/?q=rekenen&status=&template=&owner=&sort=changed", headers=hx)
    assert r.status_code == 200 and r.headers["HX-Push-Url"] == "/?q=rekenen"
    r = me.get("/?q=&status=&template=&owner=&sort=changed", headers=hx)
    assert r.headers["HX-Push-Url"] == "/"


def test_cards_say_when_they_changed_not_their_version(world):
    """Finding 43: every nudge is a version, so "versie 42" told a teacher nothing."""
    _r, page = get(world)
    card = page.one("li", data_design=str(world["ids"]["kennisclip"]))
    meta = card.one("span", cls="muted").text()
    assert "gewijzigd" in meta and "versie" not in meta


def test_only_your_own_designs_have_a_delete_button(world):
    _r, page = get(world)
    for key in ("kennisclip", "statistiek", "rekenen"):
        button = page.one("li", data_design=str(world["ids"][key])).one("button")
        assert button.text() == "Verwijderen" and button.attrs["aria-label"].endswith(" verwijderen")
        form = page.one("li", data_design=str(world["ids"][key])).one("form")
        assert "naar de prullenbak verplaatsen?" in form.attrs["hx-confirm"]
    for key in ("anna", "bram"):
        assert not page.one("li", data_design=str(world["ids"][key])).find("button")


def test_the_back_field_keeps_the_filters_for_a_post_without_script(world):
    _r, page = get(world, "q=rekenen&sort=title")
    form = page.one("li", data_design=str(world["ids"]["rekenen"])).one("form")
    assert form.one("input", name="back").attrs["value"] == "q=rekenen&sort=title"


def test_someone_without_designs_gets_no_filters(world):
    page = html(world["people"]["Nog Niemand"].get("/"))
    assert not page.find(id="dashboard-filters")
    assert page.one(id="no-own-designs")
