"""``python -m cchc_score``: the same as the ``cchc-score`` command."""

from .cli import run

run()
