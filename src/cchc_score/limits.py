"""Every limit on what the library reads, in one place (docs/limits.md, "Reading files").

Each limit is far above any honest input and low enough that nothing past it can take
seconds, gigabytes or the interpreter's recursion limit before it is refused. The readers
check them before they compute anything with what they read; docs/limits.md cites these
names and says why each value was chosen.
"""

from __future__ import annotations

__all__ = [
    "MAX_ANNEX_BYTES",
    "MAX_ANNEX_ROWS",
    "MAX_DEPTH",
    "MAX_DIGITS",
    "MAX_DOCUMENT_BYTES",
    "MAX_DOCX_BYTES",
    "MAX_DOCX_ENTRIES",
    "MAX_DOCX_UNCOMPRESSED",
    "MAX_DOMAIN",
    "MAX_ENTRIES",
    "MAX_MAGNITUDE",
    "MAX_PLAN_EFFORT",
    "MAX_TABLE_BYTES",
    "MAX_TABLE_COLUMNS",
    "MAX_TASK_EFFORT",
    "MAX_XLSX_UNCOMPRESSED",
    "MAX_YEAR",
    "MIN_YEAR",
]

#: A rules, evidence, plan or appraisal file (TOML or JSON). The bundled 2022 rules are
#: some 40 KB; a province's full rules with every criterion's text some 200 KB.
MAX_DOCUMENT_BYTES = 4 * 1024 * 1024
#: An annex (TSV/CSV exported from Word): a few hundred rows of text, some 100 KB.
MAX_ANNEX_BYTES = 4 * 1024 * 1024
#: An annex as a Word document (.docx), compressed: the table is some 50 KB; a logo, a
#: scanned signature or a few images make it a few MB.
MAX_DOCX_BYTES = 16 * 1024 * 1024
#: The same document's parts added up uncompressed, as its zip directory states them
#: (checked before anything is unpacked: a zip bomb is refused unread). python-docx holds
#: every part in memory and parses the XML, which takes some ten times its size.
MAX_DOCX_UNCOMPRESSED = 24 * 1024 * 1024
#: Parts (zip entries) of a .docx: Word writes some 15-30; images add one each.
MAX_DOCX_ENTRIES = 500
#: An evidence table (CSV/TSV, one unit a row): a province's 10,000 communes with a
#: hundred facts each is some 10 MB.
MAX_TABLE_BYTES = 20 * 1024 * 1024
#: Columns of a results table's header (check-results): a published table has a dozen.
MAX_TABLE_COLUMNS = 1_000
#: A results workbook (.xlsx) unpacked, as its zip directory states: a sheet of 10,000
#: units is some 5 MB of XML; read as a stream, but parsing a zip bomb would take minutes.
MAX_XLSX_UNCOMPRESSED = 100 * 1024 * 1024

#: Rows of an annex, headers and continuation rows included: a real one has a few hundred.
MAX_ANNEX_ROWS = 2_000

#: Arrays and tables nested inside each other in a TOML or JSON document: the rules
#: format needs five (``criteria[0].rule.steps[0]``).
MAX_DEPTH = 20
#: Rules files in one chain of ``extends`` (2024 extends 2023 extends 2022 is three): a
#: province keeps a few years; a longer chain is a mistake or an attack.
MAX_EXTENDS = 16
#: Entries in any one array or table of a document (criteria, facts, levels, checklist
#: items, tasks, appraisal nodes, a fact's values): the 2022 index has some 100 criteria.
MAX_ENTRIES = 2_000

#: The largest magnitude of any number read: points are at most 100, counts of a commune's
#: documents or staff some thousands, effort some hundreds of person-days.
MAX_MAGNITUDE = 10**9
#: The most digits a number may have when written out in full without an exponent
#: (leading and trailing zeros not counted): 1,000,000,000.000001 has 16.
MAX_DIGITS = 30

#: Years of an index, an evidence file, a plan or an appraisal: the PAR Index began in
#: 2012 (communes later); any year outside this range is a typing mistake.
MIN_YEAR = 2000
MAX_YEAR = 2100

#: The highest domain number a criterion code may start with ("89.1"; domain LXXXIX): the
#: index has nine domains, and roman domain codes are written with I, V, X and L.
MAX_DOMAIN = 89

#: One task's effort, in person-days: some four person-years, beyond any commune's task.
MAX_TASK_EFFORT = 1_000
#: A plan's total effort, in person-days (some eight person-years): the best-plan search
#: works in hundredths of a person-day up to this total, about a second per 1,000.
MAX_PLAN_EFFORT = 2_000
