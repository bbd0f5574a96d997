"""Exports and imports in a real Chromium: the canvas's export menu downloads the
PowerPoint deck, and the dashboard imports a Learning Designer file and lists what
did not map, with the way to the new design. Driven through the accessible names."""

import io
import os
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from pptx import Presentation
from webfixtures import new_design

pytestmark = pytest.mark.browser

SAMPLE = Path(__file__).parent / "files" / "learning-designer.ldj"
SHOTS = Path(os.environ.get("WAVE_SCREENSHOTS", "/nonexistent"))  # set it to look at the pages


def test_export_pptx_from_the_canvas_menu(page: Page, teacher):
    design_id = new_design(teacher, title="Golf op dia's")
    page.goto(f"/designs/{design_id}")
    page.get_by_text("Exporteren").click()
    item = page.get_by_role("link", name="PowerPoint")
    expect(item).to_be_visible()
    if SHOTS.is_dir():
        page.screenshot(path=str(SHOTS / "export-menu-1280.png"))
    with page.expect_download() as download_info:
        item.click()
    download = download_info.value
    assert download.suggested_filename == "golf-op-dia-s.pptx"
    deck = Presentation(io.BytesIO(Path(download.path()).read_bytes()))
    assert "Golf op dia's" in deck.slides[0].shapes[0].text_frame.text
    # the menu may have closed: find the link by its address, hidden or not
    link = page.locator(f'[href="/api/designs/{design_id}/export.pptx?lang=nl"]')
    expect(link).not_to_have_attribute("aria-busy", "true")
    expect(link).not_to_have_class("button small is-busy")


@pytest.mark.parametrize("size", [(1280, 720), (390, 844)])
def test_import_ldj_on_the_dashboard_lists_what_did_not_map(page: Page, size):
    page.set_viewport_size({"width": size[0], "height": size[1]})
    page.goto("/")
    page.get_by_label("Titel van de module").fill("Wat ik al typte")
    page.get_by_label(
        "Een bestand uit Wave (.json), Learning Designer (.ldj) of een spreadsheet (.csv)"
    ).set_input_files(str(SAMPLE))
    page.get_by_role("button", name="Importeren").click()
    result = page.locator("#import-result")
    expect(result).to_contain_text("Statistiek voor de zorg – blok 2 (geïmporteerd)")
    expect(result.locator(".unmapped li").first).to_be_visible()
    expect(result).to_contain_text("learningTime")
    expect(result).to_contain_text("'assess'")
    expect(page.get_by_label("Titel van de module")).to_have_value("Wat ik al typte")  # finding 27
    if SHOTS.is_dir():
        result.scroll_into_view_if_needed()
        page.screenshot(path=str(SHOTS / f"import-result-{size[0]}.png"))
    page.get_by_role("link", name="Open het geïmporteerde ontwerp").click()
    expect(page.locator("#design-title")).to_have_text("Statistiek voor de zorg – blok 2 (geïmporteerd)")
    expect(page.locator("[data-placed]")).to_have_count(6)
    expect(page.locator("[data-phase-column]")).to_have_count(2)
