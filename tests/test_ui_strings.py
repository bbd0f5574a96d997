"""Every text a person reads in a template goes through Babel (issue 13: one mechanism).

The templates are read with their Jinja expressions, statements and comments taken out:
what is left as visible text — element text and the attributes a person reads or hears
(title, aria-label, placeholder, alt, data-label) — must be a proper name or a symbol
that is the same in both languages. Anything else was typed straight into the template
and would show English (or Dutch) in the other language.
"""

import re
from html.parser import HTMLParser
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parents[1] / "web" / "templates"
READ_ATTRIBUTES = ("title", "aria-label", "placeholder", "alt", "data-label")
# names and symbols that read the same in Dutch and English
SAME_IN_BOTH = {
    "Wave",
    "NL",
    "EN",
    "Nederlands",
    "English",
    "PDF",
    "JSON",
    "Allen & Seaman",
    "Ctrl+Z",
    "Ctrl+Shift+Z",
    "% online",
}
WORDS = re.compile(r"[A-Za-zÀ-ÿ]{2}")


class _Texts(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._code = 0  # inside <script> or <style>

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._code += 1
        self.found += [v for k, v in attrs if k in READ_ATTRIBUTES and v and WORDS.search(v)]

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._code -= 1

    def handle_data(self, data):
        if not self._code and WORDS.search(data):
            self.found.append(data)


def _untranslated(source: str) -> list[str]:
    source = re.sub(r"\{#.*?#\}", "", source, flags=re.S)
    source = re.sub(r"\{\{.*?\}\}", "", source, flags=re.S)
    source = re.sub(r"\{%.*?%\}", "", source, flags=re.S)
    parser = _Texts()
    parser.feed(source)
    texts = []
    for text in parser.found:
        for part in re.split(r"[·\n]", text):
            part = part.strip(" \t()–-:,")
            if not part or part in SAME_IN_BOTH or not WORDS.search(part):
                continue
            if '="' in part or re.fullmatch(r"#[\w-]+|\w+-[\w-]+", part):
                continue  # an attribute or a class name written by a block, not text
            texts.append(part)
    return texts


def test_templates_show_no_text_outside_babel():
    found = {
        path.name: texts
        for path in sorted(TEMPLATES.glob("*.html"))
        if (texts := _untranslated(path.read_text(encoding="utf-8")))
    }
    assert not found, f"text outside _() in templates: {found}"


def test_the_check_finds_plain_text():
    assert _untranslated('<p>{{ _("Saved") }}</p><p>Opgeslagen</p>') == ["Opgeslagen"]
    assert _untranslated('<button title="Close">{{ icon("x") }}</button>') == ["Close"]
    assert _untranslated("<span>{{ n }} min</span>") == ["min"]
    assert _untranslated('<a href="/x">PDF</a>{# a note #}<script>let a = "tekst";</script>') == []
