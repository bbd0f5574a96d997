"""The exports for other tools (SPEC §7), each opened with its own library and checked
against the design: PowerPoint (python-pptx), Excel (openpyxl), CSV (csv, and the
import back), the IMS Common Cartridge (zipfile + lxml); and `wave export` for them."""

import csv
import io
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from openpyxl import load_workbook
from pptx import Presentation
from webfixtures import PROCESS_S

from wave.catalogue import get_catalogue
from wave.engine import check
from wave.examples import EXAMPLES_DIR, example_index, load_example
from wave.export.cartridge import ASSIGNMENT, CP, DISCUSSION, LOM_RESOURCE, render_imscc
from wave.export.csvfile import render_csv
from wave.export.slides import render_pptx
from wave.export.table import COLUMNS, headers
from wave.export.xlsx import render_xlsx
from wave.filenames import export_filename, imported_title
from wave.importers import import_file
from wave.vocabulary import label

SLUGS = [info.slug for info in example_index()]
WAVE = str(Path(sys.executable).parent / "wave")


@pytest.fixture(scope="module")
def catalogue():
    return get_catalogue()


def design_and_report(slug, catalogue, lang="nl"):
    design = load_example(slug)
    return design, check(design, catalogue, lang=lang)


# --- PowerPoint ------------------------------------------------------------------------


def slide_texts(slide) -> str:
    return "\n".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)


@pytest.mark.parametrize("slug", ["marketing-communicatie", "leerstations-nonlineair"])
def test_pptx_has_every_activity_as_a_card_and_every_link_as_a_connector(slug, catalogue):
    design, report = design_and_report(slug, catalogue)
    deck = Presentation(io.BytesIO(render_pptx(design, catalogue, lang="nl", report=report, owner="Ann")))
    slides = list(deck.slides)
    assert design.title in slide_texts(slides[0]) and "Ann" in slide_texts(slides[0])
    cards, connectors, lanes = {}, [], set()
    for slide in slides:
        for shape in slide.shapes:
            if shape.name.startswith("card "):
                cards[shape.name.removeprefix("card ")] = shape
            elif shape.name.startswith("link "):
                connectors.append(shape)
            elif shape.name.startswith("lane "):
                lanes.add(shape.name)
    assert lanes == {"lane online", "lane offline"}
    placed = design.placed()
    assert list(cards) == [a.id for a in placed]  # every activity once, in time order
    for number, a in enumerate(placed, start=1):
        text = cards[a.id].text_frame.text
        assert text.startswith(f"{number}. ")
        assert label(a.mode, "nl") in text and f"{a.minutes} min" in text
        assert (a.title or "")[:40] in text
        assert cards[a.id].top < cards[placed[0].id].top + 10**7  # a native shape with a position
    online_top = (
        min(c.top for i, c in cards.items() if design.find(i)[1].mode == "online")
        if any(a.mode == "online" for a in placed)
        else None
    )
    offline = [c.top for i, c in cards.items() if design.find(i)[1].mode == "offline"]
    if online_top is not None and offline:
        assert online_top < min(offline)  # the online lane above the face-to-face lane
    names = {c.name for c in connectors}
    on_one_slide = [
        link
        for link in design.links
        if any(
            {f"card {link.from_}", f"card {link.to}"} <= {s.name for s in slide.shapes} for slide in slides
        )
    ]
    assert on_one_slide, "the example has links on one slide"
    for link in on_one_slide:
        assert f"link {link.from_} {link.to} {link.kind}" in names
    for connector in connectors:  # glued to the cards, so they follow when a card is moved
        xml = etree.tostring(connector._element).decode()
        assert "stCxn" in xml and "endCxn" in xml and "tailEnd" in xml


def test_pptx_phase_slides_findings_and_language(catalogue):
    design, report = design_and_report("marketing-communicatie", catalogue, lang="en")
    deck = Presentation(io.BytesIO(render_pptx(design, catalogue, lang="en", report=report)))
    texts = [slide_texts(s) for s in deck.slides]
    tables = [s for slide in deck.slides for s in slide.shapes if s.name.startswith("activities ")]
    assert [t.name.removeprefix("activities ") for t in tables] == [p.id for p in design.phases]
    for phase, table in zip(design.phases, tables, strict=True):
        rows = list(table.table.rows)
        assert len(rows) == len(phase.activities) + 1
        assert [r.cells[1].text for r in rows[1:]] == [a.title for a in phase.activities]
    assert any("What the critic says" in t for t in texts)
    for finding in report.findings:
        assert any(finding.title in t for t in texts)
    assert any("Face-to-face" in t for t in texts) and not any("Fysiek" in t for t in texts)


# --- Excel -----------------------------------------------------------------------------------


@pytest.mark.parametrize("slug", SLUGS)
def test_xlsx_rows_header_freeze_and_profile(slug, catalogue):
    design, report = design_and_report(slug, catalogue)
    book = load_workbook(io.BytesIO(render_xlsx(design, catalogue, lang="nl", report=report)))
    sheet, profile = book.worksheets
    assert sheet.title == "Activiteiten" and profile.title == "Profiel"
    assert [c.value for c in sheet[1]] == headers("nl")
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["D"].width == COLUMNS[3].width
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    placed = design.placed()
    assert len(rows) == len(placed)
    keys = [c.key for c in COLUMNS]
    for number, (row, a) in enumerate(zip(rows, placed, strict=True), start=1):
        values = dict(zip(keys, row, strict=True))
        assert values["order"] == number and values["id"] == a.id and values["title"] == a.title
        assert values["mode"] == a.mode and values["timing"] == a.timing and values["minutes"] == a.minutes
        assert values["activity"] == a.activity
        assert values["phase"] == design.find(a.id)[0].title
    cells = {row[0].value: row[1].value for row in profile.iter_rows() if row[0].value}
    assert cells["Minuten in totaal"] == report.profile.total_minutes
    assert cells["Aandeel online"] == pytest.approx(report.profile.online_share, abs=1e-4)


def test_xlsx_keeps_a_formula_like_title_as_text(catalogue):
    design = load_example("marketing-communicatie")
    design.phases[0].activities[0].title = '=HYPERLINK("http://x.example","klik")'
    book = load_workbook(
        io.BytesIO(render_xlsx(design, catalogue, lang="en", report=check(design, catalogue)))
    )
    cell = book.worksheets[0]["D2"]
    assert cell.data_type == "s" and cell.value.startswith("=HYPERLINK")


# --- CSV -------------------------------------------------------------------------------------


def test_csv_dialect(catalogue):
    design = load_example("marketing-communicatie")
    data = render_csv(design, catalogue, lang="nl")
    assert data.startswith("\ufeff".encode())  # the BOM Excel needs to read UTF-8
    text = data.decode("utf-8-sig")
    assert "\r\n" in text
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    assert rows[0] == headers("nl") and len(rows) == len(design.placed()) + 1


@pytest.mark.parametrize("slug", SLUGS)
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_csv_round_trip_gives_the_same_activities(slug, lang, catalogue):
    design = load_example(slug)
    back = import_file("tabel.csv", render_csv(design, catalogue, lang=lang), catalogue, lang="nl")
    assert back.unmapped == []

    def activities(d):
        texts = {g.id: g.text for g in d.goals}
        return [{**a.model_dump(exclude={"goals"}), "goals": [texts[g] for g in a.goals]} for a in d.placed()]

    assert activities(back.design) == activities(design)
    assert [(p.title, p.kind, [a.id for a in p.activities]) for p in back.design.phases] == [
        (p.title, p.kind, [a.id for a in p.activities]) for p in design.phases
    ]

    def links(d):  # the table lists a link with its source: the order of the list may change
        return sorted((link.from_, link.to, link.kind) for link in d.links)

    assert links(back.design) == links(design)


# --- IMS Common Cartridge ------------------------------------------------------------------------


@pytest.mark.parametrize("slug", SLUGS)
def test_imscc_manifest_modules_items_resources_and_metadata(slug, catalogue):
    design = load_example(slug)
    package = zipfile.ZipFile(io.BytesIO(render_imscc(design, catalogue, lang="nl")))
    assert package.testzip() is None
    names = set(package.namelist())
    root = etree.fromstring(package.read("imsmanifest.xml"))
    ns = {"cp": CP, "lomr": LOM_RESOURCE}
    assert root.tag == f"{{{CP}}}manifest"
    assert root.findtext("cp:metadata/cp:schema", namespaces=ns) == "IMS Common Cartridge"
    assert root.findtext("cp:metadata/cp:schemaversion", namespaces=ns) == "1.3.0"
    resources = {r.get("identifier"): r for r in root.iterfind("cp:resources/cp:resource", ns)}
    for resource in resources.values():  # every file a resource names is in the package
        files = [f.get("href") for f in resource.iterfind("cp:file", ns)]
        assert files and all(f in names for f in files)
        if resource.get("href"):
            assert resource.get("href") in files
    modules = root.findall("cp:organizations/cp:organization/cp:item/cp:item", ns)
    assert [m.findtext("cp:title", namespaces=ns) for m in modules] == [p.title for p in design.phases]
    for module, phase in zip(modules, design.phases, strict=True):
        items = module.findall("cp:item", ns)
        assert [i.findtext("cp:title", namespaces=ns) for i in items] == [a.title for a in phase.activities]
        for item, placed in zip(items, phase.activities, strict=True):
            resource = resources[item.get("identifierref")]
            entry = catalogue.get(placed.activity)
            learning_type = placed.learning_type or entry.learning_type
            expected = {"discussion": "imsdt_xmlv1p3", "production": "assignment_xmlv1p0"}
            assert resource.get("type") == expected.get(learning_type, "webcontent")
            keywords = {
                k.text
                for k in resource.iterfind("cp:metadata/lomr:lom/lomr:general/lomr:keyword/lomr:string", ns)
            }
            assert {
                f"wave:learning-type={learning_type}",
                f"wave:mode={placed.mode}",
                f"wave:timing={placed.timing}",
                f"wave:minutes={placed.minutes}",
            } <= keywords
            content = package.read(resource.find("cp:file", ns).get("href"))
            if resource.get("type") == "webcontent":
                page = content.decode()
                assert f'<meta name="wave:mode" content="{placed.mode}">' in page
                assert f"{placed.minutes}" in page
            else:
                doc = etree.fromstring(content)
                assert doc.tag in (f"{{{DISCUSSION}}}topic", f"{{{ASSIGNMENT}}}assignment")
                assert doc.findtext(f"{{{doc.nsmap[None]}}}title") == placed.title


# --- file names and the CLI ---------------------------------------------------------------------


def test_one_file_name_scheme():
    title = "Marketingcommunicatie – module 1: één"
    assert export_filename(title, "pptx") == "marketingcommunicatie-module-1-een.pptx"
    assert export_filename(title, "svg", part="wave") == "marketingcommunicatie-module-1-een-wave.svg"
    assert export_filename("???", "csv") == "design.csv"
    assert imported_title("Ontwerp", "nl") == "Ontwerp (geïmporteerd)"
    assert imported_title("Ontwerp (geïmporteerd)", "nl") == "Ontwerp (geïmporteerd)"
    assert len(imported_title("x" * 200, "en")) == 200


def test_cli_export_writes_each_format_and_import_reads_them_back(tmp_path):
    source = EXAMPLES_DIR / "marketing-communicatie.json"
    outs = {ext: tmp_path / f"out.{ext}" for ext in ("pptx", "xlsx", "csv", "imscc")}
    args = [a for ext, out in outs.items() for a in (f"--{ext}", str(out))]
    result = subprocess.run(
        [WAVE, "export", str(source), *args, "--lang", "en"],
        capture_output=True,
        text=True,
        timeout=PROCESS_S,
    )
    assert result.returncode == 0, result.stderr
    assert len(Presentation(str(outs["pptx"])).slides) >= 4
    assert load_workbook(outs["xlsx"]).worksheets[0].max_row == 9
    assert zipfile.ZipFile(outs["imscc"]).read("imsmanifest.xml").startswith(b"<?xml")
    back = tmp_path / "back.json"
    result = subprocess.run(
        [WAVE, "import", str(outs["csv"]), "--out", str(back)],
        capture_output=True,
        text=True,
        timeout=PROCESS_S,
    )
    assert result.returncode == 0, result.stderr
    assert '"format": "wave.design/v1"' in back.read_text(encoding="utf-8")
