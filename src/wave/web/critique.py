"""The rule engine as the web app uses it: with the configured rule overrides."""

from functools import lru_cache

from wave.catalogue import get_catalogue
from wave.engine import EngineConfig, Report, check
from wave.format import Design
from wave.settings import get_settings


@lru_cache(maxsize=1)
def engine_config() -> EngineConfig:
    return EngineConfig.from_string(get_settings().rules)


def report_for(design: Design, *, lang: str) -> Report:
    return check(design, get_catalogue(), lang=lang, config=engine_config())
