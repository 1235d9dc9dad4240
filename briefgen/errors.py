"""Named failures. Each message says what happened and what to do; the CLI maps them to exit codes."""


class BriefgenError(Exception):
    """Base class: a failure the user can act on. `exit_code` is what the CLI returns."""

    exit_code = 1


class ConfigError(BriefgenError):
    exit_code = 2


class NoUsableSourcesError(BriefgenError):
    exit_code = 3


class EngineUnavailableError(BriefgenError):
    exit_code = 4


class TemplateError(BriefgenError):
    exit_code = 5


class OutputError(BriefgenError):
    exit_code = 6


class BuildLockedError(BriefgenError):
    """Another run holds the output folder's lock (EX_TEMPFAIL, so schedulers retry)."""

    exit_code = 75
