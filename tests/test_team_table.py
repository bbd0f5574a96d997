"""The team table (SPEC §9): the ten tips, the conversation cards and their deck, and
the words — as data in both languages, and as pages (in-process, parsed with the
stdlib). Hooks: `[data-tip="<1–10>"]`, `[data-misconception="<id>"]`."""

import io
import math
import re
import shutil

import pytest
from htmltree import parse
from pypdf import PdfReader

from wave.engine import RULES
from wave.teamtable import (
    CARD_IDS,
    QUESTION_TIPS,
    TeamTableError,
    cards,
    glossary,
    load_cards,
    load_glossary,
    load_tips,
    tips,
)

EN = {"Accept-Language": "en"}
LANGS = ("nl", "en")
# SPEC §9, copied by hand: the public ids of the cards and the words the glossary must hold
SPEC_CARDS = (
    "budget-cut",
    "emergency-remote",
    "online-tool",
    "something-new-on-top",
    "hybrid-learning",
    "video",
    "already-good",
    "schooling",
    "less-interaction",
)
SPEC_WORDS = (
    "blended-learning",
    "blended-teaching",
    "blended-education",
    "synchronous",
    "asynchronous",
    "digital-environment",
    "physical-environment",
    "workplace",
    "hybrid-environment",
    "society",
    "multi-location",
    "student-teacher",
    "student-student",
    "student-content",
    "allen-seaman",
    "course-level",
    "programme-level",
    "institution-level",
)


def page(client, url, lang="nl"):
    r = client.get(url, headers=EN if lang == "en" else {})
    assert r.status_code == 200, (url, lang, r.status_code)
    return parse(r.text)


def words(text: str) -> int:
    return len(text.split())


# --- the data ------------------------------------------------------------------------------


def test_ten_tips_in_both_languages_with_a_question_where_no_rule_can_judge():
    assert [t.number for t in tips()] == list(range(1, 11))
    for t in tips():
        for lang in LANGS:
            assert t.title(lang) and words(t.text(lang)) >= 20, (t.number, lang)  # a few sentences
        assert t.text("nl") != t.text("en")
        if t.number in (2, 6, 9, 10):  # begin small, new skills, be creative, just start
            assert t.question and all("?" in t.question(lang) for lang in LANGS), t.number
        else:
            assert t.question is None
    assert QUESTION_TIPS == (2, 6, 9, 10)


def test_nine_cards_in_both_languages_with_every_part():
    assert CARD_IDS == SPEC_CARDS
    assert [c.id for c in cards()] == list(SPEC_CARDS)
    for c in cards():
        assert 3 <= len(c.discuss) <= 4, c.id
        for lang in LANGS:
            assert c.title(lang) and c.statement(lang), (c.id, lang)
            assert words(c.why(lang)) >= 30, (c.id, lang)  # why it does not hold, in sentences
            assert all(words(s(lang)) >= 5 for s in c.discuss), (c.id, lang)
        assert c.statement("nl") != c.statement("en") and c.why("nl") != c.why("en")


def test_the_words_of_spec_9_each_with_an_anchor_and_text_in_both_languages():
    found = {t.id: t for t in glossary().terms}
    assert set(SPEC_WORDS) <= set(found), set(SPEC_WORDS) - set(found)
    for t in found.values():
        for lang in LANGS:
            assert t.term(lang) and words(t.text(lang)) >= 8, (t.id, lang)
    categories = found["allen-seaman"].parts
    assert [p.id for p in categories] == [
        "category-traditional",
        "category-web-facilitated",
        "category-blended",
        "category-online",
    ]


@pytest.mark.parametrize(
    ("name", "change", "message"),
    [
        ("tips.toml", lambda s: s.replace("number = 7", "number = 12"), "tips.toml, tip 12: number"),
        ("tips.toml", lambda s: s.replace('question.nl = """Welk ene', 'x.nl = """Welk ene'), "tips.toml"),
        ("cards.toml", lambda s: s.replace('id = "video"', 'id = "videos"'), "expected the cards"),
        ("glossary.toml", lambda s: s.replace('group = "time"', 'group = "tijd"', 1), "unknown group 'tijd'"),
    ],
)
def test_a_bad_data_file_is_an_error_naming_file_and_entry(tmp_path, name, change, message):
    from wave.teamtable import DATA_DIR

    for file in ("tips.toml", "cards.toml", "glossary.toml"):
        shutil.copy(DATA_DIR / file, tmp_path / file)
    path = tmp_path / name
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
    loader = {"tips.toml": load_tips, "cards.toml": load_cards, "glossary.toml": load_glossary}[name]
    with pytest.raises(TeamTableError, match=re.escape(message)):
        loader(tmp_path)


def test_a_card_with_two_statements_is_refused(tmp_path):
    from wave.teamtable import DATA_DIR

    text = (DATA_DIR / "cards.toml").read_text(encoding="utf-8")
    # the hybrid-learning card has three statements: drop one
    start = text.index('id = "hybrid-learning"')
    first = text.index("  { nl = ", start)
    end = text.index("\n", first)
    (tmp_path / "cards.toml").write_text(text[:first] + text[end + 1 :], encoding="utf-8")
    with pytest.raises(TeamTableError, match=r"cards.toml, card hybrid-learning: discuss"):
        load_cards(tmp_path)


# --- the pages ------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_tips_page_has_every_tip_with_its_rules_and_questions(client, lang):
    tree = page(client, "/tips", lang)
    for t in tips():
        (item,) = tree.find_all(data_tip=str(t.number))
        assert item.attrs["id"] == f"tip-{t.number}"
        assert t.title(lang)[1:] in item.one("h2").text()
        linked = {a.attrs["href"] for a in item.find_all("a") if a.attrs["href"].startswith("/rules/")}
        assert linked == {f"/rules/{r.ID}" for r in RULES.values() if r.TIP == t.number}, t.number
        questions = item.select(cls="team-question")
        assert len(questions) == (1 if t.number in QUESTION_TIPS else 0)
        if questions:
            assert t.question(lang) in questions[0].text()


@pytest.mark.parametrize("lang", LANGS)
def test_card_index_and_every_card_page(client, lang):
    index = page(client, "/misconceptions", lang)
    assert [li.attrs["data-misconception"] for li in index.find_all(data_misconception=True)] == list(
        SPEC_CARDS
    )
    assert index.find("a", href="/misconceptions.pdf") is not None
    for c in cards():
        tree = page(client, f"/misconceptions/{c.id}", lang)
        card = tree.one("article", data_misconception=c.id)
        assert card.one("h1").text() == c.title(lang)
        assert c.statement(lang) in card.one("blockquote").text()
        assert len(card.one("ol", cls="discuss").select("li")) == len(c.discuss)
        linked = {a.attrs["href"] for a in card.find_all("a") if a.attrs["href"].startswith("/rules/")}
        assert linked == {f"/rules/{r.ID}" for r in RULES.values() if r.MISCONCEPTION == c.id}, c.id
        if not linked:
            assert card.select("p", cls="muted")  # says no rule can see it


def test_every_rule_with_a_tip_or_misconception_is_on_its_tip_or_card(client):
    tips_page = page(client, "/tips")
    for rule in RULES.values():
        if rule.TIP:
            item = tips_page.one(data_tip=str(rule.TIP))
            assert item.find("a", href=f"/rules/{rule.ID}") is not None, rule.ID
        if rule.MISCONCEPTION:
            assert rule.MISCONCEPTION in SPEC_CARDS, rule.ID
            card = page(client, f"/misconceptions/{rule.MISCONCEPTION}")
            assert card.find("a", href=f"/rules/{rule.ID}") is not None, rule.ID


@pytest.mark.parametrize("lang", LANGS)
def test_glossary_page_has_an_anchor_for_every_word(client, lang):
    tree = page(client, "/glossary", lang)
    for t in glossary().terms:
        (entry,) = tree.find_all("dt", id=t.id)
        assert entry.text() == t.term(lang)
        for p in t.parts:
            assert tree.find("li", id=p.id) is not None
    ids = [n.attrs["id"] for n in tree.iter() if "id" in n.attrs]
    assert len(ids) == len(set(ids)), "an anchor is used twice"


def test_words_on_the_toolkit_pages_link_to_existing_anchors(client):
    anchors = glossary().ids()
    urls = ["/tips", "/misconceptions/hybrid-learning", "/misconceptions/less-interaction"]
    urls += [f"/rules/{r}" for r in RULES]
    seen = set()
    for url in urls:
        for lang in LANGS:
            for a in page(client, url, lang).select("a", cls="term"):
                href = a.attrs["href"]
                assert href.startswith("/glossary#") and href.split("#", 1)[1] in anchors, (url, href)
                seen.add(href.split("#", 1)[1])
    assert {"multi-location", "synchronous", "blended-learning"} <= seen


@pytest.mark.parametrize("lang", LANGS)
def test_an_unknown_card_is_a_not_found_page(client, lang):
    for card_id in ("no-such-card", "VIDEO", "x" * 500, "video%20"):
        r = client.get(f"/misconceptions/{card_id}", headers=EN if lang == "en" else {})
        assert r.status_code == 404, card_id
        assert parse(r.text).one("h1").text() == ("Niet gevonden" if lang == "nl" else "Not found")


def test_the_toolkit_pages_need_a_sign_in(anon_client):
    for url in ("/tips", "/misconceptions", "/misconceptions/video", "/misconceptions.pdf", "/glossary"):
        r = anon_client.get(url, follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"].startswith("/signin"), url


def test_the_main_navigation_has_one_toolkit_entry(client):
    for url in ("/", "/tips", "/rules", "/glossary"):
        nav = page(client, url).one("nav", cls="topnav")
        toolkit = nav.one("a", href="/tips")
        assert toolkit.text() == "Toolkit"
        assert ("aria-current" in toolkit.attrs) == (url != "/")
    toolkit_nav = page(client, "/glossary", "en").one("nav", cls="toolkit-nav")
    assert [a.attrs["href"] for a in toolkit_nav.select("a")] == [
        "/tips",
        "/misconceptions",
        "/glossary",
        "/rules",
    ]
    assert [a.text() for a in toolkit_nav.select("a")] == ["Ten tips", "Conversation cards", "Words", "Rules"]


# --- the deck --------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_the_deck_is_four_cards_to_an_a4_page(client, lang):
    r = client.get("/misconceptions.pdf", headers=EN if lang == "en" else {})
    assert r.status_code == 200 and r.headers["content-type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(r.content))
    assert len(reader.pages) == math.ceil(len(SPEC_CARDS) / 4) == 3
    for p in reader.pages:
        width, height = float(p.mediabox.width), float(p.mediabox.height)
        assert (round(width), round(height)) == (595, 842)  # A4 portrait, in points
    # a word broken at its hyphen at the end of a line is one word again
    texts = [" ".join(re.sub(r"-\s+", "-", p.extract_text()).split()) for p in reader.pages]
    for n, c in enumerate(cards()):
        assert c.title(lang) in texts[n // 4], (c.id, n // 4)
        assert c.statement(lang)[:40] in texts[n // 4]
    other = "en" if lang == "nl" else "nl"
    assert cards()[0].title(other) not in " ".join(texts)
