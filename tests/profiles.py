"""Hypothesis profiles and the `slow` marker: a fast everyday run, everything in CI.

`ci` (chosen when the environment variable CI is set, as `.ci/run` does) runs each property test
with the number of examples it names; `dev` (the default) runs a tenth of them. HYPOTHESIS_PROFILE
chooses one explicitly. Tests marked `slow` run only in CI, with `-m slow`, or when they are all
that was asked for (`pytest tests/test_properties.py`), so that a run never ends in "no tests ran".
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

CI_EXAMPLES = 150  # a property test without a number of its own
DEV_SHARE = 10  # dev runs one example in this many

settings.register_profile(
    "ci",
    max_examples=CI_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
settings.register_profile(
    "dev",
    max_examples=CI_EXAMPLES // DEV_SHARE,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() not in ("", "0", "false", "no")


def profile() -> str:
    return os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if in_ci() else "dev")


def examples(in_ci_run: int) -> int:
    """How many examples a test that names its number runs under the loaded profile."""
    share = settings().max_examples / CI_EXAMPLES
    return max(1, round(in_ci_run * share))
