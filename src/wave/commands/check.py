"""`wave check FILE [--json] [--lang nl|en]`: run the critic on a design file, or, for a
`wave.programme/v1` file, `wave check PROGRAMME.json --designs DIR`: the programme
rules over its courses, each course's `design` naming the file `DIR/<design>.json`.

Exit status: 0 no warnings (advice is fine), 1 at least one warning, 2 the
input cannot be checked (unreadable file, not JSON, not a valid
`wave.design/v1` design, bad `WAVE_RULES`). Problems are printed one per line,
naming the field; never a traceback. `FILE` may be `-` for standard input.
Rule overrides come from the `WAVE_RULES` setting.
"""

import json
import sys
import textwrap
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from wave.catalogue import Catalogue, CatalogueError, get_catalogue
from wave.engine import RULES, EngineConfig, Report
from wave.engine import check as run_check
from wave.engine.programme import ProgrammeReport, check_programme
from wave.format import MAX_BYTES, Design, DesignInvalid, load_document, parse_design
from wave.i18n import N_, ngettext, pgettext, translate
from wave.programme_format import Programme, is_programme, parse_programme
from wave.settings import get_settings
from wave.vocabulary import label

EXIT_OK, EXIT_WARNINGS, EXIT_INVALID = 0, 1, 2


class Lang(StrEnum):
    nl = "nl"
    en = "en"


TEXTS = {
    "warnings": N_("Warnings"),
    "advice": pgettext("heading", "Advice"),
    "tip": N_("tip"),
    "why": N_("Why"),
    "try": N_("Try"),
    "none": N_("No findings: nice design!"),
    "profile": N_("Profile"),
    "minutes": N_("minutes"),
    "online": N_("online"),
    "sync": N_("synchronous"),
    "invalid": N_("Invalid design"),
    "week": N_("week"),
    "category": {
        "traditional": N_("traditional"),
        "web-facilitated": N_("web-facilitated"),
        "blended": N_("blended"),
        "online": N_("online"),
    },
}


def _fail(lines: list[str]) -> typer.Exit:
    for line in lines:
        typer.echo(line, err=True)
    return typer.Exit(EXIT_INVALID)


def _read(file: str, lang: str) -> Any:
    """The file's JSON value; bytes the format refuses (not UTF-8, too large, too deep,
    NaN, a number of thousands of digits…) are a message and exit 2, never a traceback."""
    try:
        raw = sys.stdin.buffer.read(MAX_BYTES + 1) if file == "-" else _head(Path(file))
    except OSError as exc:
        reason = exc.strerror or str(exc)
        cannot = translate(lang, pgettext("file", "cannot be read"))
        raise _fail([f"{file}: {cannot}: {reason}"]) from None
    try:
        return load_document(raw)
    except DesignInvalid as exc:
        raise _fail([f"{file}: {p.text(lang)}" for p in exc.problems]) from None


def _head(path: Path) -> bytes:
    """At most one byte more than the format allows (enough to say it is too large)."""
    with path.open("rb") as f:
        return f.read(MAX_BYTES + 1)


def _summary(warnings: int, advice: int, lang: str) -> str:
    return translate(
        lang,
        N_("%(warnings)s, %(advice)s."),
        warnings=ngettext("%(num)d warning", "%(num)d warnings", warnings),
        advice=ngettext("%(num)d advice", "%(num)d advice", advice),
    )


def _wrap(text: str, first: str, rest: str = "") -> list[str]:
    return textwrap.wrap(text, 92, initial_indent=first, subsequent_indent=rest or " " * len(first))


def _human(report: Report, lang: str) -> str:
    """Findings grouped by severity, then by rule: what was found per finding,
    and the rule's why and try once (they are the same for every finding)."""
    t = {k: translate(lang, v) for k, v in TEXTS.items() if isinstance(v, str)}
    out: list[str] = []
    for severity, heading in (("warning", t["warnings"]), ("advice", t["advice"])):
        group = [f for f in report.findings if f.severity == severity]
        if not group:
            continue
        out.append(f"{heading} ({len(group)})")
        by_rule: dict[str, list] = {}
        for f in group:
            by_rule.setdefault(f.rule, []).append(f)
        for rule_id, findings in by_rule.items():
            rule = RULES[rule_id]
            tip = f" — {t['tip']} {rule.TIP}" if rule.TIP else ""
            out += ["", f"  {findings[0].title} [{rule_id}]{tip}"]
            for f in findings:
                found = f.message.replace(rule.WHY[lang], "").replace(rule.TRY[lang], "")
                out += _wrap(" ".join(found.split()), "    • ", "      ")
                if f.activities:
                    out += _wrap(", ".join(f.activities), "      → ", "        ")
            out += _wrap(rule.WHY[lang], f"    {t['why']}: ", "      ")
            out += _wrap(rule.TRY[lang], f"    {t['try']}: ", "      ")
        out.append("")
    if not report.findings:
        out += [t["none"], ""]
    p = report.profile
    category = translate(lang, TEXTS["category"][p.category])
    out.append(
        f"{t['profile']}: {p.total_minutes} {t['minutes']}, "
        f"{round(p.online_share * 100)}% {t['online']} ({category}), "
        f"{round(p.sync_share * 100)}% {t['sync']}"
    )
    types = ", ".join(f"{label(k, lang)} {v}" for k, v in p.by_learning_type.items() if v)
    if types:
        out.append(f"  {types}")
    out.append(_summary(report.warnings, report.advice, lang))
    return "\n".join(out)


def load_design_file(file: str, lang: str) -> tuple[Design, Catalogue, EngineConfig]:
    """Read and validate a design file with the configured rules; any problem is a
    message and exit 2 (shared by `wave check` and `wave export`)."""
    return _design_from(_read(file, lang), file, lang)


def _setup() -> tuple[Catalogue, EngineConfig]:
    try:
        return get_catalogue(), EngineConfig.from_string(get_settings().rules)
    except (ValueError, CatalogueError) as exc:
        raise _fail([f"{type(exc).__name__}: {exc}"]) from None


def _design_from(data: Any, file: str, lang: str) -> tuple[Design, Catalogue, EngineConfig]:
    catalogue, config = _setup()
    try:
        design = parse_design(data, catalogue)
    except DesignInvalid as exc:
        invalid = translate(lang, TEXTS["invalid"])
        raise _fail([f"{file}: {invalid}", *(f"  {m}" for m in exc.messages(lang))]) from None
    return design, catalogue, config


NEEDS_DESIGNS = N_("a programme names its courses' design files: give the folder with --designs DIR")
NO_FILE = N_("there is no file %(file)s")


def _programme_designs(programme: Programme, folder: Path, file: str, lang: str) -> dict[str, Design]:
    designs: dict[str, Design] = {}
    for index, course in enumerate(programme.courses):
        path = folder / f"{course.design}.json"
        loc = f"courses[{index}].design"
        if not path.is_file():
            raise _fail([f"{file}: {loc}: {translate(lang, NO_FILE, file=str(path))}"])
        designs[str(course.design)] = _design_from(_read(str(path), lang), str(path), lang)[0]
    return designs


def _human_programme(report: ProgrammeReport, lang: str) -> str:
    t = {k: translate(lang, v) for k, v in TEXTS.items() if isinstance(v, str)}
    out: list[str] = []
    for severity, heading in (("warning", t["warnings"]), ("advice", t["advice"])):
        group = [f for f in report.findings if f.severity == severity]
        if group:
            out += [f"{heading} ({len(group)})", ""]
            for f in group:
                out.append(f"  {f.title} [{f.rule}]")
                out += _wrap(f.message, "    • ", "      ")
            out.append("")
    if not report.findings:
        out += [t["none"], ""]
    width = max((len(c.title) for c in report.courses), default=0)
    for w in report.weeks:
        over = " !" if w.minutes > report.norm * 60 else ""
        out.append(f"{t['week']} {w.week:>2}: {w.hours:>6.1f} h{over}")
    for c in report.courses:
        if c.report is not None:
            p = c.report.profile
            category = translate(lang, TEXTS["category"][p.category])
            share = round(p.online_share * 100)
            out.append(
                f"  {c.title:<{width}}  {p.total_minutes} {t['minutes']}, {share}% {t['online']} ({category})"
            )
    out.append(_summary(report.warnings, len(report.findings) - report.warnings, lang))
    return "\n".join(out)


def _check_programme(data: Any, file: str, designs_dir: Path | None, json_output: bool, lang: str) -> None:
    catalogue, config = _setup()
    try:
        programme = parse_programme(data)
    except DesignInvalid as exc:
        invalid = translate(lang, TEXTS["invalid"])
        raise _fail([f"{file}: {invalid}", *(f"  {m}" for m in exc.messages(lang))]) from None
    if designs_dir is None and programme.courses:
        raise _fail([f"{file}: {translate(lang, NEEDS_DESIGNS)}"])
    designs = _programme_designs(programme, designs_dir or Path("."), file, lang)
    report = check_programme(programme, designs, catalogue, lang=lang, config=config)
    if json_output:
        typer.echo(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        typer.echo(_human_programme(report, lang))
    raise typer.Exit(EXIT_WARNINGS if report.warnings else EXIT_OK)


def check(
    file: Annotated[
        str, typer.Argument(help="A wave.design/v1 or wave.programme/v1 JSON file, or - for stdin.")
    ],
    json_output: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    lang: Annotated[Lang, typer.Option("--lang", help="Language of the messages.")] = Lang.nl,
    designs: Annotated[
        Path | None,
        typer.Option("--designs", help="For a programme: the folder with its courses' design files."),
    ] = None,
) -> None:
    """Check a design against the toolkit's rules (exit 0: no warnings, 1: warnings, 2: invalid);
    or a programme, with --designs DIR."""
    lang_code = lang.value
    data = _read(file, lang_code)
    if is_programme(data):
        _check_programme(data, file, designs, json_output, lang_code)
    design, catalogue, config = _design_from(data, file, lang_code)
    report = run_check(design, catalogue, lang=lang_code, config=config)
    if json_output:
        typer.echo(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        typer.echo(_human(report, lang_code))
    raise typer.Exit(EXIT_WARNINGS if report.warnings else EXIT_OK)
