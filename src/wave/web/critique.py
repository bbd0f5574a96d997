"""The rule engine as the web app uses it: with the configured rule overrides."""

from functools import lru_cache

from sqlmodel import Session

from wave.catalogue import get_catalogue
from wave.engine import EngineConfig, Report, check
from wave.engine.programme import ProgrammeReport, check_programme
from wave.format import Design
from wave.programme_format import Programme
from wave.programmes import course_designs
from wave.settings import get_settings


@lru_cache(maxsize=1)
def engine_config() -> EngineConfig:
    return EngineConfig.from_string(get_settings().rules)


def report_for(design: Design, *, lang: str) -> Report:
    return check(design, get_catalogue(), lang=lang, config=engine_config())


def programme_report_for(session: Session, programme: Programme, *, lang: str) -> ProgrammeReport:
    """The programme critic over its courses' designs as stored now."""
    designs = course_designs(session=session, programme=programme)
    return check_programme(programme, designs, get_catalogue(), lang=lang, config=engine_config())
