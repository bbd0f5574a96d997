"""The rule pages speak to teachers (SPEC §9, findings 35 and 41): title, why, what to
try and a bad and a good example drawn as mini waves, in the reader's language, with
no code and no rule ids in the text; the list grouped by tip and by misconception.

Every registered rule carries `EXAMPLES`: a bad and a good complete `wave.design/v1`
document; the rule fires on the bad one and not on the good one, through the engine,
in the language it is written in and as a reader of the other language sees it. A
rule without examples fails here."""

import copy
import re

import pytest
from htmltree import parse

from wave.catalogue import get_catalogue
from wave.engine import RULES, check
from wave.format import parse_design
from wave.web.rule_view import localized

EN = {"Accept-Language": "en"}
# English words that a Dutch sentence never holds
ENGLISH = re.compile(r"\b(the|and|with|which|what|students|should|this|that|your|when|there)\b", re.I)


def _fires(document: dict, rule_id: str) -> bool:
    catalogue = get_catalogue()
    design = parse_design(copy.deepcopy(document), catalogue)
    return any(f.rule == rule_id for f in check(design, catalogue).findings)


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_every_rule_has_a_bad_and_a_good_example(rule_id):
    rule = RULES[rule_id]
    examples = getattr(rule, "EXAMPLES", None)
    assert isinstance(examples, dict), f"{rule_id} has no EXAMPLES"
    assert set(examples) == {"bad", "good"}, rule_id
    for kind, document in examples.items():
        assert document["format"] == "wave.design/v1", (rule_id, kind)
        design = parse_design(copy.deepcopy(document), get_catalogue())  # valid, or DesignInvalid
        count = len(design.placed())
        # small: three to six activities (a design that is too short is too short)
        assert 3 <= count <= 6 or (rule_id, kind) == ("blend.too-short", "bad"), (rule_id, kind, count)
    assert _fires(examples["bad"], rule_id), f"{rule_id} does not fire on its bad example"
    assert not _fires(examples["good"], rule_id), f"{rule_id} fires on its good example"


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_the_examples_say_the_same_in_the_other_language(rule_id):
    examples = getattr(RULES[rule_id], "EXAMPLES", {})
    for kind, document in examples.items():
        english = localized(document, "en")
        assert english["language"] == "en"
        assert all("title" not in a for p in english["phases"] for a in p["activities"])
        assert _fires(english, rule_id) == (kind == "bad"), (rule_id, kind)


def _article(client, rule_id, headers=None):
    r = client.get(f"/rules/{rule_id}", headers=headers or {})
    assert r.status_code == 200
    return r.text, parse(r.text).one("article", data_rule_page=rule_id)


def _sentences(node) -> list[str]:
    """The texts of the page's own words: paragraphs, headings and list items, without
    the drawings (their words are the catalogue's, tested apart)."""
    out = []
    for n in node.iter():
        if n.tag in ("p", "h1", "h2", "h3", "li") and not any(c.tag == "svg" for c in n.iter()):
            text = re.sub(r"<[^>]+>", "", n.inline_text())
            if len(text.split()) >= 3:
                out.append(text)
    return out


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_a_rule_page_is_for_teachers(client, rule_id):
    rule = RULES[rule_id]
    html, nl = _article(client, rule_id)
    _, en = _article(client, rule_id, EN)
    for tag in ("code", "pre"):
        assert f"<{tag}" not in html, (rule_id, tag)
    assert nl.one("h1").text() == rule.TITLE["nl"] and en.one("h1").text() == rule.TITLE["en"]
    text = nl.inline_text()
    assert rule.WHY["nl"] in text and rule.TRY["nl"] in text
    # the id only as a small reference at the foot of the page
    assert text.count(rule_id) == 1 and rule_id in nl.one("p", cls="rule-ref").text()
    assert not nl.find_all(cls="rule-docstring")
    # a bad and a good example, each drawn as a wave, the bad one with what the feedback says
    bad, good = nl.one("figure", data_example="bad"), nl.one("figure", data_example="good")
    for figure in (bad, good):
        assert figure.find_all("svg", data_drawing="wave")
    assert bad.one(cls="example-verdict").text().startswith("De feedback zegt:")
    assert len(bad.one(cls="example-verdict").select("p")) >= 2  # the heading and a finding
    # no English on the Dutch page, and no Dutch sentence of it on the English one
    english = _sentences(en)
    for sentence in _sentences(nl):
        assert not ENGLISH.search(sentence), (rule_id, sentence)
        assert sentence not in english or sentence.startswith(("Marketing", "Bedrijfseconomie")), sentence
    # the drawing on the English page names the activities in English
    catalogue = get_catalogue()
    titles = {t.text() for t in en.iter() if t.tag == "title"}
    for document in RULES[rule_id].EXAMPLES.values():
        for phase in document["phases"]:
            for a in phase["activities"]:
                name = catalogue.get(a["activity"]).name("en")
                assert any(t.startswith(name) for t in titles), (rule_id, name)
                assert not any(t.startswith(a["title"] + " —") for t in titles), (rule_id, a["title"])


def test_a_rule_page_links_to_its_tip_and_card(client):
    for rule in RULES.values():
        _, article = _article(client, rule.ID)
        hrefs = {a.attrs.get("href") for a in article.find_all("a")}
        assert (f"/tips#tip-{rule.TIP}" in hrefs) == bool(rule.TIP), rule.ID
        assert (f"/misconceptions/{rule.MISCONCEPTION}" in hrefs) == bool(rule.MISCONCEPTION), rule.ID


@pytest.mark.parametrize("headers", [{}, EN])
def test_the_rules_are_grouped_by_tip_and_by_misconception(client, headers):
    r = client.get("/rules", headers=headers)
    assert r.status_code == 200 and "<code" not in r.text
    tree = parse(r.text)
    groups = tree.select("section", cls="rule-group")
    tip_of, card_of, other = {}, {}, set()
    for g in groups:
        ids = {li.attrs["data-rule-row"] for li in g.find_all("li", data_rule_row=True)}
        heading = g.one("h2")
        link = heading.find("a")
        href = link.attrs["href"] if link else ""
        for rule_id in ids:
            assert rule_id not in g.text()  # titles, not ids
            if href.startswith("/tips#tip-"):
                tip_of[rule_id] = int(href.rsplit("-", 1)[1])
            elif href.startswith("/misconceptions/"):
                card_of[rule_id] = href.rsplit("/", 1)[1]
            else:
                other.add(rule_id)
    for rule in RULES.values():
        assert tip_of.get(rule.ID) == rule.TIP, rule.ID
        assert card_of.get(rule.ID) == rule.MISCONCEPTION, rule.ID
        assert (rule.ID in other) == (not rule.TIP and not rule.MISCONCEPTION), rule.ID
    tips = [tip_of[r] for r in sorted(tip_of, key=lambda r: list(RULES).index(r))]
    assert sorted(set(tips)) == sorted({r.TIP for r in RULES.values() if r.TIP})


def test_an_unknown_rule_is_a_not_found_page(client):
    for rule_id in ("no.such-rule", "x" * 300):
        r = client.get(f"/rules/{rule_id}")
        assert r.status_code == 404 and parse(r.text).one("h1").text() == "Niet gevonden"


def test_the_dashboard_names_the_rules_an_example_shows_by_their_titles(client):
    tree = parse(client.get("/").text)
    hits = tree.select("p", cls="rule-hits")
    assert hits, "the pitfall examples say what the critic flags"
    for p in hits:
        assert not p.find_all("code")
        for a in p.find_all("a"):
            rule_id = a.attrs["href"].removeprefix("/rules/")
            assert a.text() == RULES[rule_id].TITLE["nl"]
