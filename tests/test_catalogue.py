"""The catalogue files (SPEC §1): the required ids, and the scheduled online meeting
that a teacher looks for as "Teams" or "Zoom" (user finding 21)."""

import re

import pytest
from htmltree import html

from wave.catalogue import get_catalogue

SPEC_IDS = (
    "kennisclip hoorcollege webinar lezen podcast e-learning instructie gastcollege "
    "oefenopdracht oefentoets live-quiz simulatie practicum rollenspel werkcollege casus "
    "onderzoeksopdracht bronnen-zoeken interview excursie observatie discussie forum debat "
    "peerfeedback vragenuur coaching intervisie brainstorm groepsopdracht wiki peer-instructie "
    "schrijfopdracht presentatie pitch video-maken portfolio reflectie mindmap poster inleveren "
    "feedback-docent toets stage beroepsopdracht"
).split()


def test_the_required_activities_are_there():
    catalogue = get_catalogue()
    assert len(SPEC_IDS) == 45
    assert [i for i in SPEC_IDS if i not in catalogue] == []


def test_the_online_meeting():
    meeting = get_catalogue()["online-bijeenkomst"]
    assert meeting.name.nl == "Online bijeenkomst (Teams/Zoom)"
    assert meeting.name.en == "Online meeting (Teams/Zoom)"
    assert meeting.learning_type == "discussion"
    assert meeting.modes == ["online"] and meeting.timings == ["sync"]
    assert set(meeting.interactions) == {"student-teacher", "student-student"}
    assert meeting.grouping == "class"
    assert 15 <= meeting.minutes <= 120
    assert meeting.icon == "video"
    assert meeting.tips.online and meeting.tips.offline is None
    assert meeting.skills("online") and meeting.skills("offline") == []


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("query", ["teams", "zoom", "online bijeenkomst", "online meeting"])
def test_searching_teams_or_zoom_finds_the_online_meeting(client, lang, query):
    r = client.post("/api/designs", json={"format": "wave.design/v1", "title": "Zoeken"})
    assert r.status_code == 201, r.text
    page = client.get(f"/designs/{r.json()['id']}", headers={"Accept-Language": lang})
    search = {
        n.attrs["data-activity"]: n.attrs.get("data-search") or ""
        for n in html(page).find_all(data_activity=True, data_search=True)
    }
    assert "online-bijeenkomst" in search
    found = [i for i, text in search.items() if query in text]
    assert "online-bijeenkomst" in found


def test_every_catalogue_text_is_written_out():
    """No template placeholders or stray markup in the new file's texts."""
    meeting = get_catalogue()["online-bijeenkomst"]
    for text in (
        meeting.description.nl,
        meeting.description.en,
        meeting.tips.online.nl,
        meeting.tips.online.en,
    ):
        assert len(text) > 80 and not re.search(r"[{}<>]", text)
