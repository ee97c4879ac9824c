"""``python -m cchc_score``: the same as the ``cchc-score`` command."""

from .cli import main

raise SystemExit(main())
