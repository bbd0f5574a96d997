"""Every text Python code shows a person goes through Babel (issue 13: one mechanism).

A message is written as an English message id marked with `wave.i18n.N_` (or `_`) and
turned into the reader's language with `wave.i18n.translate` where it is shown. What
this test looks for, with `ast`, in every module under `src/wave` outside the domain's
bilingual texts (the README's exceptions):

- a call or constructor given two string literals of which one is Dutch
  (`EditRefused("Niet gevonden.", "Not found.")`), or a tuple of such a pair;
- a call given both `nl=` and `en=` (`Problem(nl=…, en=…)`);
- a dict literal with the keys `"nl"` and `"en"` and a text written in it;
- a Dutch sentence anywhere else outside `N_`/`_`/`translate` (docstrings aside).
"""

import ast
import re
from pathlib import Path

import wave

SRC = wave.PACKAGE_DIR  # src/wave

# The domain's bilingual texts, each with its reason (README: "Texts of the domain live
# beside the domain").
ALLOWED = {
    "engine/rules": "each rule's TITLE, texts and EXAMPLES, in both languages in its module",
    "engine/programme_rules": "the programme rules' texts and EXAMPLES, as the course rules'",
    "engine/context.py": "the words the rules' messages share (a lane in a sentence)",
    "bench.py": "the bench's generated designs: their content, never the interface",
    "catalogue.py": "reads the catalogue files (bilingual fields)",
    "teamtable": "reads the team table's bilingual TOML",
    "vocabulary.py": "the labels of the format's codes (lane, timing, learning type, link "
    "kind), beside the codes as the catalogue's names are beside its activities",
}
# Calls whose string arguments are message ids or code, not text shown as it is.
MARKERS = {"N_", "_", "translate", "gettext", "ngettext", "pgettext"}

# Words that mark a text as Dutch (none of them is an English word).
DUTCH = set(
    """de het een niet geen niets kan mag moet naar voor deze dit bestaat alleen wordt
    worden zijn jouw je jij bij ontwerp fase fasen leerdoel activiteit verbinding toegevoegd
    verwijderd bijgewerkt gedupliceerd verplaatst veld tekst ongeldig onbekend onbekende
    heeft hebben bevat wachtwoord gebruiker reactie antwoord eigen kies welke zoals
    ongedaan opnieuw versie hersteld gedeeld uitnodiging verlopen gebruikt tekens minstens
    nodig waarde getal geheel leeg regel eindig hooguit""".split()
)
WORD = re.compile(r"[a-zà-ÿ]+")


def is_dutch(text: str) -> bool:
    return any(w in DUTCH for w in WORD.findall(text.lower()))


def _string(node: ast.AST) -> str | None:
    """The text of a string literal or f-string (placeholders left out)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value for v in node.values if isinstance(v, ast.Constant))
    return None


def _name(func: ast.AST) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and _string(body[0].value) is not None:
                found.add(id(body[0].value))
    return found


def pairs_and_dutch(source: str) -> list[str]:
    """What `source` shows a person outside Babel, one line per finding."""
    tree = ast.parse(source)
    marked: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _name(node.func) in MARKERS:
            for arg in node.args:
                marked |= {id(n) for n in ast.walk(arg)}
    parts = {id(v) for n in ast.walk(tree) if isinstance(n, ast.JoinedStr) for v in n.values}
    skip = marked | parts | _docstrings(tree)
    found = []

    def report(node: ast.AST, what: str) -> None:
        if not any(f.startswith(f"line {node.lineno}:") for f in found):
            found.append(f"line {node.lineno}: {what}")

    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Call):
            texts = [t for a in node.args if (t := _string(a)) is not None]
            if len(texts) >= 2 and any(is_dutch(t) for t in texts):
                report(node, f"a Dutch/English pair {texts[:2]!r}")
            keywords = {k.arg for k in node.keywords}
            if {"nl", "en"} <= keywords:
                report(node, "nl=/en= keywords")
        elif isinstance(node, ast.Tuple):
            texts = [t for e in node.elts if (t := _string(e)) is not None]
            if len(texts) == 2 and any(is_dutch(t) for t in texts):
                report(node, f"a Dutch/English pair {texts!r}")
        elif isinstance(node, ast.Dict):
            keys = {k.value for k in node.keys if isinstance(k, ast.Constant)}
            if {"nl", "en"} <= keys and any(_string(v) is not None for v in node.values):
                report(node, "a dict with the keys 'nl' and 'en'")
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        text = _string(node)
        if text is not None and isinstance(node, ast.Constant | ast.JoinedStr) and is_dutch(text):
            if len(WORD.findall(text.lower())) >= 2:
                report(node, f"Dutch text outside N_(): {text[:60]!r}")
    return found


def _allowed(path: Path) -> bool:
    relative = path.relative_to(SRC).as_posix()
    return any(relative == a or relative.startswith(a + "/") for a in ALLOWED)


def test_python_shows_no_text_outside_babel():
    found = {
        path.relative_to(SRC).as_posix(): texts
        for path in sorted(SRC.rglob("*.py"))
        if not _allowed(path) and (texts := pairs_and_dutch(path.read_text(encoding="utf-8")))
    }
    shown = "\n".join(f"{p}\n  " + "\n  ".join(t) for p, t in found.items())
    assert not found, f"texts outside Babel (use N_ and translate):\n{shown}"


def test_every_exception_exists():
    for allowed in ALLOWED:
        assert (SRC / allowed).exists(), allowed


def test_the_check_finds_pairs():
    assert pairs_and_dutch('raise Refused("Bestaat niet.", "Does not exist.", "x")')
    assert pairs_and_dutch('Problem(loc="x", nl="leeg", en="empty")')
    assert pairs_and_dutch('WORDS = {"nl": "titel", "en": "title"}')
    assert pairs_and_dutch('PAIR = ("mag niet leeg zijn", "must not be empty")')
    assert pairs_and_dutch('message = f"{title} toegevoegd aan {phase}."')
    assert not pairs_and_dutch('raise Refused(N_("%(title)s does not exist."), title=t)')
    assert not pairs_and_dutch('text = translate(lang, N_("Link removed."))')
    assert not pairs_and_dutch('def f():\n    """Een docstring mag Nederlands zijn."""')
    assert not pairs_and_dutch('x = label(mode, "nl")')
