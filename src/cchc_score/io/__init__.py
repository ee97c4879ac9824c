"""The input layer: every file a user gives is read here, and nowhere else.

- :mod:`.files`: bytes from a path, UTF-8 text in NFC (whole, or a line at a time), TOML
  and JSON with exact decimals; every failure is a located problem, never a traceback.
- :mod:`.convert`: the one strict cattrs converter every reader structures through, and the
  flattening of its error tree into "file: path: message (got value)" problems;
  :mod:`.converter` builds cattrs on first need and structures valid documents without it.
- Readers, one per input: :mod:`.rules` (rules files; the criteria tree is checked in
  :mod:`.rules_tree`, and :mod:`.rules_dump` writes a rule set back), :mod:`.evidence`
  (evidence files), :mod:`.table` (the CSV/TSV evidence table), :mod:`.results` (a
  published results table, ``check-results``; both tables split into rows by :mod:`.rows`,
  CSV, TSV or xlsx), :mod:`.plan` (plan files),
  :mod:`.annex` (annex text, with its table layout in :mod:`.annex_layout`),
  :mod:`.appraisal` (``appraisal.toml``).

This package re-exports nothing: import a reader from its module. The most used readers
are also public as ``cchc_score.load_evidence``, ``load_plan``, ``read_annex``, …

The data types they build (``Evidence``, ``Plan``, ``Appraisal``) live in the pure core;
this package only turns files into them and back.
"""
