"""The Dutch catalogue: complete, placeholders intact, in step with the templates.

Message ids are English and live in the templates (`_()`, `ngettext()`); the Dutch
is in `src/wave/locale/nl/LC_MESSAGES/messages.po`. After changing a template, run
from the project root:

    .venv/bin/pybabel -q extract -F src/wave/locale/babel.cfg --project=wave \
        -o src/wave/locale/messages.pot .
    .venv/bin/pybabel -q update -i src/wave/locale/messages.pot -d src/wave/locale -l nl \
        --ignore-obsolete --ignore-pot-creation-date

and fill in the new (empty or fuzzy) entries of messages.po.
"""

import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "src" / "wave" / "locale"
BABEL_CFG = LOCALE / "babel.cfg"
POT = LOCALE / "messages.pot"
PO = LOCALE / "nl" / "LC_MESSAGES" / "messages.po"

# A %-placeholder as Python formats it: %(name)s, %d, %%, ...
PLACEHOLDER = re.compile(r"%(?:\(\w+\))?[#0 +-]*(?:\d+|\*)?(?:\.\d+)?[diouxXeEfFgGcrsa%]")


def _read(path: Path, locale: str | None = None) -> Catalog:
    with path.open("rb") as f:
        return read_po(f, locale=locale)


def _messages(catalog: Catalog) -> list:
    return [m for m in catalog if m.id]


def _ids(catalog: Catalog) -> set:
    return {m.id for m in _messages(catalog)}


def _show(ids) -> str:
    return "\n".join(f"  {i!r}" for i in sorted(ids, key=str))


@pytest.fixture(scope="module")
def dutch() -> Catalog:
    return _read(PO, locale="nl")


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> Catalog:
    """The messages the templates and sources hold now, extracted as the docstring says."""
    out = tmp_path_factory.mktemp("i18n") / "messages.pot"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "babel.messages.frontend",
            "-q",
            "extract",
            "-F",
            str(BABEL_CFG),
            "--project=wave",
            "-o",
            str(out),
            ".",
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    return _read(out)


def test_catalogue_is_dutch_with_two_plural_forms(dutch):
    assert str(dutch.locale) == "nl"
    assert dutch.num_plurals == 2
    assert "nplurals=2" in PO.read_text(encoding="utf-8")


def test_every_message_has_a_dutch_translation(dutch):
    untranslated, fuzzy = [], []
    for m in _messages(dutch):
        forms = m.string if isinstance(m.string, tuple) else (m.string,)
        if m.pluralizable and len(forms) != dutch.num_plurals or not all(s.strip() for s in forms):
            untranslated.append(m.id)
        if m.fuzzy:
            fuzzy.append(m.id)
    assert not untranslated, f"messages.po has no (complete) Dutch for:\n{_show(untranslated)}"
    assert not fuzzy, f"messages.po has fuzzy entries; check and unflag them:\n{_show(fuzzy)}"


def test_placeholders_are_kept(dutch):
    wrong = []
    for m in _messages(dutch):
        ids = m.id if isinstance(m.id, tuple) else (m.id,)
        forms = m.string if isinstance(m.string, tuple) else (m.string,)
        # The plural form decides the placeholders; a singular may not name more.
        expected = sorted(PLACEHOLDER.findall(ids[-1]))
        for form in forms:
            if sorted(PLACEHOLDER.findall(form)) != expected:
                wrong.append(f"{m.id!r} -> {form!r}: expected {expected}")
                continue
            # Newstyle gettext always %-formats the result, with or without variables.
            names = {name: 1 for name in re.findall(r"%\((\w+)\)", form)}
            try:
                form % names
            except (ValueError, TypeError, KeyError) as exc:
                wrong.append(f"{m.id!r} -> {form!r}: {exc}")
    assert not wrong, "placeholders differ between msgid and msgstr:\n" + "\n".join(wrong)


def test_catalogue_is_up_to_date_with_the_templates(extracted, dutch):
    now = _ids(extracted)
    missing = now - _ids(dutch)
    stale = _ids(dutch) - now
    assert not missing, (
        f"messages.po lacks these new messages (re-extract and update, see {Path(__file__).name}):\n"
        + _show(missing)
    )
    assert not stale, f"messages.po holds messages no template uses any more:\n{_show(stale)}"


def test_messages_pot_is_up_to_date(extracted):
    committed = _ids(_read(POT))
    now = _ids(extracted)
    assert committed == now, (
        f"src/wave/locale/messages.pot is stale (re-extract, see {Path(__file__).name}):\n"
        f"missing:\n{_show(now - committed)}\nno longer used:\n{_show(committed - now)}"
    )


def _texts(html: str, tag: str) -> list[str]:
    found = re.findall(rf"<{tag}\b[^>]*>(.*?)</{tag}>", html, re.S)
    return [re.sub(r"<[^>]+>", "", t).strip() for t in found]


def test_home_page_in_dutch_and_english(client):
    nl = client.get("/")
    en = client.get("/", headers={"Accept-Language": "en"})
    assert nl.status_code == en.status_code == 200
    assert '<html lang="nl">' in nl.text and '<html lang="en">' in en.text
    assert _texts(nl.text, "h1") == ["Je ontwerpen"]
    assert _texts(en.text, "h1") == ["Your designs"]
    assert _texts(nl.text, "h2") == ["Voorbeelden", "Begin een nieuw ontwerp", "Importeren", "Prullenbak"]
    assert _texts(en.text, "h2") == ["Examples", "Start a new design", "Import", "Trash"]
    assert "<title>Ontwerpen · Wave</title>" in nl.text
    assert "<title>Designs · Wave</title>" in en.text


def test_canvas_in_dutch_and_english(client):
    """A seeded example: the catalogue, the critic and its plural summary in both languages."""
    from wave.examples import load_example

    own = client.post("/api/designs", json=load_example("valkuil-opgenomen-lessen").to_json())
    url = f"/designs/{own.json()['id']}"
    nl = client.get(url).text
    en = client.get(url, headers={"Accept-Language": "en"}).text
    assert "Activiteiten" in _texts(nl, "h2") and "Activities" in _texts(en, "h2")
    assert "Feedback op dit ontwerp" in _texts(nl, "h2") and "Feedback on this design" in _texts(en, "h2")
    summary_nl = re.search(r'class="critic-summary">(.*?)</p>', nl)
    summary_en = re.search(r'class="critic-summary">(.*?)</p>', en)
    if summary_nl and summary_en:
        assert re.fullmatch(r"\d+ waarschuwing(en)?(, \d+ advie(s|zen))?", summary_nl.group(1))
        assert re.fullmatch(r"\d+ warnings?(, \d+ pieces? of advice)?", summary_en.group(1))
