"""The one generator of repeated SQL and of the typed query namespace; outputs are committed.

Run `python -m journeylens.storage.sqlgen` (`make sql`) after editing a template, a partial or a query
header; tests/unit/test_sqlgen.py fails while a committed output differs from a fresh run.

- queries/templates/<name>.sql -> queries/<name>.sql. A template is a query file whose repeated
  parts are placeholders, expanded as plain text (so the SQL DuckDB runs is the same as if typed
  out): `{{ score_sums }}` (the score columns metrics.SCORE_COUNTS names, in that order),
  `{{ score_sums(double_counts=True) }}`, `{{ include("name") }}` (queries/templates/partials/
  name.sql) and `{{ replace_rows("table", ..., column="$list::TYPE[]", ...) }}`. An expansion's
  second and later lines take the indentation of the placeholder's line.
- journeylens/storage/queries.py: one function per query file, keyword-only parameters named after its
  declared `-- params:`; a query taking every view filter takes one `filters: Filters` instead.
  The file's `-- runner:` header names the journeylens.storage.sql function that runs it (default run).
"""

from __future__ import annotations

import ast
import re
import sys
from collections.abc import Callable
from pathlib import Path

from journeylens.domain import metrics
from journeylens.domain.filters import Filters
from journeylens.storage import sql

ROOT = sql.QUERIES_DIR.parent
TEMPLATES = sql.QUERIES_DIR / "templates"
PARTIALS = TEMPLATES / "partials"
NAMESPACE = ROOT / "journeylens" / "storage" / "queries.py"
WIDTH = 100  # the project's line length (pyproject.toml)

# The score columns, in metrics.SCORE_COUNTS's order, and how each is totalled over a group:
# sums of scores (`*_sum`, `*_sumsq`) as DOUBLE (jl_total), counts as BIGINT (jl_count), both in
# queries/macros.sql.
SCORE_SUMS = tuple(
    (c, "total" if c.endswith(("_sum", "_sumsq")) else "count") for c in metrics.SCORE_COUNTS
)

_PLACEHOLDER = re.compile(r"\{\{\s*(.*?)\s*\}\}", re.DOTALL)
_RUNNER = re.compile(r"^--\s*runner:\s*(\w+)\s*$", re.MULTILINE)


class GenError(Exception):
    """A template or query header the generator cannot expand."""


# --- fragments --------------------------------------------------------------------------------


def score_sums(double_counts: bool = False) -> str:
    """The totals of the score columns, one per line. double_counts sums the counts as DOUBLE
    (exact to 2^53) for queries where DuckDB's compressed materialization narrows BIGINT sums."""
    count = "coalesce(sum({c}::DOUBLE), 0)::BIGINT" if double_counts else "jl_count({c})"
    forms = {"count": count, "total": "jl_total({c})"}
    return ",\n".join(f"{forms[how].format(c=c)} AS {c}" for c, how in SCORE_SUMS)


def include(name: str) -> str:
    """A partial, queries/templates/partials/<name>.sql, without its final newline."""
    path = PARTIALS / f"{name}.sql"
    if not path.exists():
        raise GenError(f"no partial queries/templates/partials/{name}.sql")
    return expand(path.read_text(encoding="utf-8").rstrip("\n"), f"partials/{name}")


def replace_rows(table: str, *constants: str, **lists: str) -> str:
    """Replace a workspace's rows of `table` by the given columns: each list parameter is one
    column (`column="$param::TYPE[]"`, in the table's order), after $workspace_id and the
    constants (the same value on every row)."""
    keep = ["$workspace_id", *constants, *(f"u.{c}" for c in lists)]
    unnest = [f"unnest({expr}) AS {c}" for c, expr in lists.items()]
    return "\n".join(
        [
            f"DELETE FROM {table} WHERE workspace_id = $workspace_id;",
            f"INSERT INTO {table}",
            _fill("SELECT ", keep, 0),
            "FROM (",
            _fill("SELECT ", unnest, 4),
            ") u;",
        ]
    )


def _fill(head: str, items: list[str], indent: int) -> str:
    """`head` and the comma-separated items, as many per line as fit WIDTH."""
    lines, line = [], " " * indent + head
    for i, item in enumerate(items):
        piece = item + ("," if i < len(items) - 1 else "")
        if line.strip() != head.strip() and len(line) + 1 + len(piece) > WIDTH:
            lines.append(line)
            line = " " * (indent + len(head)) + piece
        else:
            line += ("" if line.endswith(head) else " ") + piece
    return "\n".join([*lines, line])


FRAGMENTS: dict[str, Callable[..., str]] = {
    "score_sums": score_sums,
    "include": include,
    "replace_rows": replace_rows,
}


# --- templates --------------------------------------------------------------------------------


def _call(expr: str, where: str) -> str:
    """Evaluate one placeholder: a fragment name, or a call of one with literal arguments."""
    try:
        node = ast.parse(expr, mode="eval").body
        if isinstance(node, ast.Name):
            name, args, kwargs = node.id, [], {}
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            name = node.func.id
            args = [ast.literal_eval(a) for a in node.args]
            kwargs = {k.arg: ast.literal_eval(k.value) for k in node.keywords if k.arg}
            if len(kwargs) != len(node.keywords):
                raise ValueError("** is not allowed")
        else:
            raise ValueError("not a fragment call")
    except (SyntaxError, ValueError) as exc:
        raise GenError(f"{where}: cannot read placeholder {{{{ {expr} }}}}: {exc}") from exc
    if name not in FRAGMENTS:
        raise GenError(f"{where}: unknown fragment {name!r} (known: {', '.join(FRAGMENTS)})")
    return FRAGMENTS[name](*args, **kwargs)


def expand(text: str, where: str) -> str:
    """The template text with every placeholder replaced by its fragment."""
    out, pos = [], 0
    for m in _PLACEHOLDER.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        line = text[line_start : m.start()]
        indent = line[: len(line) - len(line.lstrip(" "))]
        body = _call(m.group(1), where)
        out.append(text[pos : m.start()])
        out.append(
            "\n".join((indent + s if s and i else s) for i, s in enumerate(body.split("\n")))
        )
        pos = m.end()
    out.append(text[pos:])
    return "".join(out)


def header(name: str) -> str:
    return (
        f"-- generated from queries/templates/{name}.sql by python -m journeylens.storage.sqlgen; "
        "do not edit\n"
    )


def generated_queries() -> dict[str, str]:
    """{query name: the text of queries/<name>.sql} for every template."""
    return {
        p.stem: header(p.stem) + expand(p.read_text(encoding="utf-8"), f"templates/{p.name}")
        for p in sorted(TEMPLATES.glob("*.sql"))
    }


# --- the query namespace ----------------------------------------------------------------------

# the SQL parameters Filters.params gives (persona_rules reach SQL inside $personas)
FILTER_FIELDS = tuple(k for k in Filters().params(0) if k != "workspace_id")
RUNNERS: dict[str, tuple[tuple[str, ...], str]] = {
    # the journeylens.storage.sql function: (its parameters before the query's, the return type)
    "run": ((), "pd.DataFrame"),
    "execute": ((), "None"),
    "script": ((), "None"),
    "run_arrow": ((), "pa.Table"),
    "run_batches": (
        ("columns: tuple[str, ...]", "batch_rows: int"),
        "Iterator[tuple[np.ndarray, ...]]",
    ),
}
# Type hints where the name says it; every other parameter is Any.
_TYPES = {
    "int": "workspace_id dataset_id window_seconds half_life_seconds conversion_window_seconds "
    "page_limit page_offset per_term parts part rows_loaded rows_rejected min_word_freq "
    "sample_per_mille offset",
    "bool": "mask_pii by_persona strict with_ids keep_repeats in_order events_changed "
    "responses_changed from_summary",
    "str": "name kind sha256 source_name source_format link_id session_id header_key grain "
    "pattern mapping",
    "str | None": "persona touchpoint conversion",
    "date | None": "date_from date_to cur_from cur_to prev_from prev_to period_from period_to",
    "datetime": "now expires_at",
    "list[str]": "personas segments channels stages stopwords stop_en stop_vi stop_ro negations "
    "group_names group_rules",
}
TYPES = {name: hint for hint, names in _TYPES.items() for name in names.split()}


def type_of(param: str) -> str:
    return "bool" if param.startswith("use_") else TYPES.get(param, "Any")


def _signature(name: str, params: list[str], returns: str) -> list[str]:
    """`def name(params) -> returns:` laid out as ruff format does."""
    one = f"def {name}({', '.join(params)}) -> {returns}:"
    if len(one) <= WIDTH:
        return [one]
    middle = "    " + ", ".join(params)
    if len(middle) <= WIDTH:
        return [f"def {name}(", middle, f") -> {returns}:"]
    return [f"def {name}(", *(f"    {p}," for p in params), f") -> {returns}:"]


def _return_call(prefix: str, args: list[str]) -> list[str]:
    """`prefix(args)` in a function body, laid out as ruff format does."""
    one = f"    {prefix}({', '.join(args)})"
    if len(one) <= WIDTH:
        return [one]
    middle = "        " + ", ".join(args)
    if len(middle) <= WIDTH:
        return [f"    {prefix}(", middle, "    )"]
    return [f"    {prefix}(", *(f"        {a}," for a in args), "    )"]


def runner_of(text: str) -> str:
    found = _RUNNER.findall(text)
    runner = found[0] if found else "run"
    if runner not in RUNNERS or len(found) > 1:
        raise GenError(f"runner must be one of {', '.join(RUNNERS)}; got {found}")
    return runner


def function(query: sql.Query, runner: str) -> str:
    """The namespace function of one query file."""
    extra, returns = RUNNERS[runner]
    declared = list(query.params)
    takes_filters = set(FILTER_FIELDS) <= set(declared)
    if takes_filters and "workspace_id" not in declared:
        raise GenError(f"{query.name}: a query with every filter needs workspace_id too")
    own = [p for p in declared if not (takes_filters and p in FILTER_FIELDS)]
    if takes_filters:
        own = ["workspace_id", *(p for p in own if p != "workspace_id")]
    params = ["con: duckdb.DuckDBPyConnection", *extra]
    keywords = (["filters: Filters"] if takes_filters else []) + [f"{p}: {type_of(p)}" for p in own]
    if keywords:
        params += ["*", *keywords]
    args = ["con", f'"{query.name}"', *(e.split(":")[0] for e in extra)]
    if takes_filters:
        args.append("**filters.params(workspace_id)")
    args += [f"{p}={p}" for p in own if not (takes_filters and p == "workspace_id")]
    prefix = f"sql.{runner}" if returns == "None" else f"return sql.{runner}"
    return "\n".join(
        [
            *_signature(query.name, params, returns),
            f'    """queries/{query.name}.sql"""',
            *_return_call(prefix, args),
        ]
    )


NAMESPACE_DOC = '''\
# generated from queries/*.sql by python -m journeylens.storage.sqlgen; do not edit
"""The typed query namespace: one function per query file, generated from its declared
parameters (the aiosql way), so a caller names a query as code, not as a string.

`queries.dash_kpis(cur, filters=filters, workspace_id=ws.workspace_id, ...)` runs
queries/dash_kpis.sql through journeylens.storage.sql, which checks the parameters and returns the
result; a query taking every view filter takes one `filters: Filters` value instead of six.
Long because it is generated, one function per query file: edit the SQL files and run `make sql`.
"""

from __future__ import annotations
'''
# The namespace's imports in ruff's order, by group: (module, its names); a module's import is
# written when the functions use one of its names ("" for a plain import of the module itself).
NAMESPACE_IMPORTS = (
    (("collections.abc", ("Iterator",)), ("datetime", ("date", "datetime")), ("typing", ("Any",))),
    (("duckdb", ()), ("numpy as np", ()), ("pandas as pd", ()), ("pyarrow as pa", ())),
    (("journeylens.domain.filters", ("Filters",)), ("journeylens.storage", ("sql",))),
)


def _imports(code: str) -> str:
    used = set(re.findall(r"\w+", code))
    groups = []
    for group in NAMESPACE_IMPORTS:
        lines = []
        for module, names in group:
            if not names and module.split()[-1] in used:
                lines.append(f"import {module}")
            elif wanted := [n for n in names if n in used]:
                lines.append(f"from {module} import {', '.join(wanted)}")
        if lines:
            groups.append("\n".join(lines) + "\n")
    return "\n".join(groups)


def namespace(texts: dict[str, str]) -> str:
    """journeylens/storage/queries.py for the query files {name: text}."""
    code = "".join(
        "\n\n" + function(sql.parse(name, texts[name]), runner_of(texts[name])) + "\n"
        for name in sorted(texts)
    )
    return NAMESPACE_DOC + "\n" + _imports(code) + code


def outputs() -> dict[Path, str]:
    """Every generated file and its fresh content."""
    generated = generated_queries()
    texts = {p.stem: p.read_text(encoding="utf-8") for p in sorted(sql.QUERIES_DIR.glob("*.sql"))}
    texts.update(generated)
    files = {sql.QUERIES_DIR / f"{name}.sql": text for name, text in generated.items()}
    files[NAMESPACE] = namespace(texts)
    return files


def stale_outputs() -> list[Path]:
    """Generated query files whose template is gone (the header says where they came from)."""
    templates = {p.stem for p in TEMPLATES.glob("*.sql")}
    return [
        p
        for p in sorted(sql.QUERIES_DIR.glob("*.sql"))
        if p.read_text(encoding="utf-8").startswith("-- generated from") and p.stem not in templates
    ]


def main() -> int:
    changed = 0
    for path, text in outputs().items():
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(ROOT)}")
            changed += 1
    for path in stale_outputs():
        path.unlink()
        print(f"removed {path.relative_to(ROOT)} (its template is gone)")
        changed += 1
    sql.load.cache_clear()
    print("up to date" if not changed else f"{changed} file(s) changed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
