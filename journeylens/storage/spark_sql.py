"""The query files compiled for Apache Spark SQL (issue 18), without a JVM.

The queries in queries/*.sql are written for DuckDB and call the DuckDB MACROs of
queries/macros.sql (and ingest_macros.sql, attribution_macros.sql), which Spark does not have. The
compile step reads a query file with SQLGlot, inlines every macro call (a scalar macro becomes its
body with the arguments pasted in, in parentheses; a table macro in FROM becomes a subquery, aliased
as the call was), repeats until no macro call is left, applies the rewrites below that keep the
query valid DuckDB with the same rows (tests/unit/test_spark_sql.py runs both forms on the demo
workspace), and generates Spark SQL with unsupported constructs raising. A named parameter $x
becomes the Spark marker :x, bound with spark.sql(text, args={...}).

Rewrites (portable: their DuckDB output gives the same rows as the original):
- `UNION [ALL] BY NAME` whose sides' columns are known (explicit select lists, or `*` of a table in
  queries/schema.sql or of a subquery with known columns): the right side selects the left side's
  columns in the left side's order, and the set operation becomes positional.
- `x.* EXCLUDE (a, b)` over a source with known columns: the remaining columns, listed.

Which files the Spark engine runs is SUPPORTED; every other file is in DUCKDB_ONLY with the reason.
Spark-only rewrites (spark_rewrite: constructs SQLGlot would write for Spark with other rows):
- `list(v ORDER BY k...)` / `string_agg(v, sep ORDER BY k...)`: collect_list drops the order, so
  structs of the keys and the value are collected, sorted by a comparator with DuckDB's null
  order, and the values kept (joined for string_agg).
- `hash(x) % n` -> pmod(xxhash64(x), n); unsigned casts -> the next signed type; list_position ->
  array_position; epoch_us(ts) -> unix_micros(CAST(ts AS TIMESTAMP)) (session time zone UTC);
  `AS [NOT] MATERIALIZED` (a planner hint) dropped.
The target is Spark >= 3.4 (named parameter markers, GROUP BY ALL).

Long because the registry below lists every query file with its reason, and the inliner, the
portable rewrites and the Spark rewrites belong together: each rewrite exists for one generator.
This module is domain-free and imports no pyspark.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import sqlglot
from sqlglot import exp
from sqlglot.dialects.duckdb import DuckDB
from sqlglot.tokens import TokenType

from journeylens.storage import sql

MACRO_FILES = ("macros", "ingest_macros", "attribution_macros")
MAX_DEPTH = 32  # macro expansion passes; ours nest at most 6 deep

# The viewer's read queries: the dashboards, the journey map, the funnel and the CLI metrics.
SUPPORTED = (
    "dash_kpis",
    "dash_trend",
    "dash_touchpoints",
    "dash_heatmap",
    "dash_journey_lanes",
    "dash_emotion",
    "metrics_by",
    "funnel_rows",
    "dash_filter_options",
)


class ReadDuckDB(DuckDB):
    """DuckDB as SQLGlot reads it, except that COMMENT is no keyword: SQLGlot's DuckDB reads
    `comment IS NOT NULL` (our column `comment`) as `NOT NULL`, dropping the column."""

    class Tokenizer(DuckDB.Tokenizer):
        KEYWORDS = {k: v for k, v in DuckDB.Tokenizer.KEYWORDS.items() if k != "COMMENT"}


class CompileError(Exception):
    """A query or macro that cannot be compiled for Spark (the message names the file)."""


@dataclass(frozen=True)
class Macro:
    name: str
    params: tuple[str, ...]
    body: exp.Expression
    table: bool


# --- macros -------------------------------------------------------------------------------------


def parse_macros(text: str) -> dict[str, Macro]:
    """The `CREATE [OR REPLACE] MACRO` statements of a file, by lower-case name."""
    found: dict[str, Macro] = {}
    for chunk in _statements(text):
        stmt = sqlglot.parse_one(chunk, read=ReadDuckDB)
        if not (isinstance(stmt, exp.Create) and str(stmt.args.get("kind")).upper() == "MACRO"):
            raise CompileError(f"not a macro definition: {stmt.sql('duckdb')[:80]}")
        udf = stmt.this
        params = []
        for p in udf.expressions:
            if not isinstance(p, exp.Identifier):
                raise CompileError(
                    f"macro {udf.name}: only plain parameters are supported, got {p}"
                )
            params.append(p.name.lower())
        props = stmt.args.get("properties")
        table = bool(
            props
            and any(
                isinstance(p, exp.ReturnsProperty) and p.args.get("is_table")
                for p in props.expressions
            )
        )
        name = udf.this.name.lower()
        found[name] = Macro(name, tuple(params), _body(chunk, table), table)
    return found


def _statements(text: str) -> list[str]:
    """The statements of a file, split on the semicolons the tokenizer finds (not in strings)."""
    out, start = [], 0
    for token in ReadDuckDB().tokenize(text):
        if token.token_type == TokenType.SEMICOLON:
            out.append(text[start : token.start])
            start = token.end + 1
    out.append(text[start:])
    return [c for c in out if ReadDuckDB().tokenize(c)]


def _body(statement: str, table: bool) -> exp.Expression:
    """A macro's body, read on its own: inside CREATE, SQLGlot takes a body that starts with
    `comment` for a COMMENT property and reads `comment IS NOT NULL` as `NOT NULL`."""
    tokens = ReadDuckDB().tokenize(statement)
    depth, i = 0, 0
    while i < len(tokens):  # the parameter list's closing parenthesis, then AS [TABLE]
        kind = tokens[i].token_type
        depth += kind == TokenType.L_PAREN
        if kind == TokenType.R_PAREN:
            depth -= 1
            if depth == 0:
                break
        i += 1
    i += 2 + table  # ) AS [TABLE]
    text = statement[tokens[i].start :]
    if table:
        return sqlglot.parse_one(text, read=ReadDuckDB)
    select = sqlglot.parse_one(f"SELECT {text}", read=ReadDuckDB)
    if len(select.expressions) != 1 or select.args.get("from_"):
        raise CompileError(f"a scalar macro body that is not one expression: {text[:80]}")
    return select.expressions[0]


@cache
def macros() -> dict[str, Macro]:
    out: dict[str, Macro] = {}
    for name in MACRO_FILES:
        out.update(parse_macros((sql.QUERIES_DIR / f"{name}.sql").read_text(encoding="utf-8")))
    return out


_ATOMIC = (exp.Column, exp.Literal, exp.Placeholder, exp.Paren, exp.Subquery, exp.Null)
_ATOMIC += (exp.Boolean, exp.Case, exp.Array)
# SQLGlot's operators that are also Func subclasses (And, Or, Pow...): these need parentheses
_OPERATORS = (exp.Binary, exp.Connector, exp.Unary, exp.Predicate)


def _wrapped(node: exp.Expression) -> exp.Expression:
    """The node, parenthesized unless it is a term (a column, a literal, a call...)."""
    if isinstance(node, _ATOMIC):
        return node
    if isinstance(node, (exp.Func, exp.Cast)) and not isinstance(node, _OPERATORS):
        return node
    return exp.Paren(this=node)


def _bound_by_lambda(column: exp.Column, name: str) -> bool:
    node = column.parent
    while node is not None:
        if isinstance(node, exp.Lambda) and any(v.name.lower() == name for v in node.expressions):
            return True
        node = node.parent
    return False


def _substitute(body: exp.Expression, bindings: dict[str, exp.Expression]) -> exp.Expression:
    """The body with each unqualified column named after a parameter replaced by its argument
    (all at once: an argument is never searched for parameters), lambda variables left alone."""
    body = body.copy()
    if isinstance(body, exp.Column) and not body.table and body.name.lower() in bindings:
        return _wrapped(bindings[body.name.lower()].copy())
    for column in list(body.find_all(exp.Column)):
        name = column.name.lower()
        if column.table or name not in bindings or _bound_by_lambda(column, name):
            continue
        column.replace(_wrapped(bindings[name].copy()))
    return body


def _calls(tree: exp.Expression, known: dict[str, Macro]) -> list[exp.Anonymous]:
    return [f for f in tree.find_all(exp.Anonymous) if str(f.this).lower() in known]


def _check_recursion(known: dict[str, Macro]) -> None:
    """Fail on a macro that calls itself, directly or through others, naming the circle."""
    uses = {n: {str(c.this).lower() for c in _calls(m.body, known)} for n, m in known.items()}

    def visit(name: str, chain: tuple[str, ...]) -> None:
        for nxt in sorted(uses[name]):
            if nxt in chain:
                circle = " -> ".join((*chain[chain.index(nxt) :], nxt))
                raise CompileError(f"recursive macro: {circle}")
            visit(nxt, (*chain, nxt))

    for name in sorted(uses):
        visit(name, (name,))


def inline(
    tree: exp.Expression, known: dict[str, Macro] | None = None, max_depth: int = MAX_DEPTH
) -> exp.Expression:
    """The tree with every call of a known macro replaced by the macro's body (a copy)."""
    known = macros() if known is None else known
    _check_recursion(known)
    tree = tree.copy()
    for _ in range(max_depth):
        calls = _calls(tree, known)
        if not calls:
            return tree
        for call in calls:
            if call.find_ancestor(exp.Anonymous) in calls:
                continue  # an argument: expanded with its copies on the next pass
            tree = _expand(tree, call, known[str(call.this).lower()])
    if _calls(tree, known):
        raise CompileError(f"macro calls still nested after {max_depth} expansions")
    return tree


def _expand(tree: exp.Expression, call: exp.Anonymous, macro: Macro) -> exp.Expression:
    args = call.expressions
    if len(args) != len(macro.params) or any(
        isinstance(a, (exp.Kwarg, exp.PropertyEQ)) for a in args
    ):
        raise CompileError(
            f"macro {macro.name} takes {len(macro.params)} positional arguments, "
            f"called as {call.sql('duckdb')[:80]}"
        )
    body = _substitute(macro.body, dict(zip(macro.params, args, strict=True)))
    parent = call.parent
    in_from = isinstance(parent, exp.Table) and call.arg_key == "this"
    if macro.table != in_from:
        where = "in FROM" if in_from else "as an expression"
        raise CompileError(
            f"macro {macro.name} is {'a table' if macro.table else 'a scalar'} "
            f"macro, called {where}"
        )
    if not in_from:
        new = _wrapped(body)
        if call is tree:
            return new
        call.replace(new)
        return tree
    alias = parent.args.get("alias")
    alias = alias.copy() if alias else exp.TableAlias(this=exp.to_identifier(macro.name))
    sub = exp.Subquery(this=body, alias=alias)
    if parent is tree:
        return sub
    parent.replace(sub)
    return tree


# --- compiling ----------------------------------------------------------------------------------


def parse_query(name: str) -> exp.Expression:
    """A query file as one SQLGlot tree, DuckDB dialect."""
    text = sql.load(name).text
    trees = [t for t in sqlglot.parse(text, read=ReadDuckDB) if t is not None]
    if len(trees) != 1:
        raise CompileError(f"{len(trees)} statements, the Spark engine runs one")
    return trees[0]


def portable(name: str) -> exp.Expression:
    """A query file with its macros inlined and the portable rewrites applied: still DuckDB."""
    try:
        return rewrite(inline(parse_query(name)))
    except (CompileError, sqlglot.errors.SqlglotError) as error:
        raise CompileError(f"{name}.sql: {error}") from error


# --- portable rewrites -----------------------------------------------------------------------


@cache
def table_columns() -> dict[str, tuple[str, ...]]:
    """The columns of each table of queries/schema.sql, in order, by lower-case name."""
    text = (sql.QUERIES_DIR / "schema.sql").read_text(encoding="utf-8")
    out = {}
    for stmt in sqlglot.parse(text, read=ReadDuckDB):
        if isinstance(stmt, exp.Create) and str(stmt.kind).upper() == "TABLE":
            cols = [c.name.lower() for c in stmt.this.expressions if isinstance(c, exp.ColumnDef)]
            out[stmt.this.this.name.lower()] = tuple(cols)
    return out


def _inside(node: exp.Expression, ancestor: exp.Expression) -> bool:
    while node is not None:
        if node is ancestor:
            return True
        node = node.parent
    return False


def _cte(table: exp.Table) -> exp.Expression | None:
    """The query of the CTE a table reference names, from the nearest enclosing WITH."""
    node: exp.Expression | None = table
    while node is not None:
        with_ = node.args.get("with_") if isinstance(node, exp.Query) else None
        if with_ is not None:
            for cte in with_.expressions:
                if cte.alias_or_name.lower() == table.name.lower() and not _inside(table, cte):
                    return cte.this
        node = node.parent
    return None


def _source_columns(source: exp.Expression) -> tuple[str, ...] | None:
    """The columns a FROM / JOIN source gives, when they can be read from the text or schema."""
    if isinstance(source, exp.Table) and isinstance(source.this, exp.Identifier):
        if source.args.get("db"):
            return None
        query = _cte(source)
        if query is not None:
            return _query_columns(query)
        return table_columns().get(source.name.lower())
    if isinstance(source, exp.Subquery):
        alias = source.args.get("alias")
        if alias is not None and alias.columns:
            return tuple(c.name.lower() for c in alias.columns)
        return _query_columns(source.this)
    return None


def _sources(select: exp.Select) -> list[tuple[str, exp.Expression]]:
    out = []
    from_ = select.args.get("from_")
    for src in ([from_.this] if from_ else []) + [j.this for j in select.args.get("joins") or []]:
        out.append((src.alias_or_name.lower(), src))
    return out


def _star_columns(select: exp.Select, table: str | None) -> tuple[str, ...] | None:
    """What `*` (table None) or `table.*` selects in `select`; None when unknown (or USING)."""
    sources = _sources(select)
    if table is None:
        if select.args.get("joins"):
            return None  # USING / NATURAL joins merge columns: not expanded here
        chosen = sources
    else:
        chosen = [(n, s) for n, s in sources if n == table.lower()]
    cols: list[str] = []
    for _, src in chosen:
        found = _source_columns(src)
        if found is None:
            return None
        cols.extend(found)
    return tuple(cols) if chosen else None


def _projection_names(select: exp.Select) -> tuple[str, ...] | None:
    names: list[str] = []
    for proj in select.expressions:
        if isinstance(proj, exp.Star) or (
            isinstance(proj, exp.Column) and isinstance(proj.this, exp.Star)
        ):
            star = proj if isinstance(proj, exp.Star) else proj.this
            cols = _star_columns(select, None if isinstance(proj, exp.Star) else proj.table)
            if cols is None:
                return None
            dropped = {c.name.lower() for c in star.args.get("except_") or []}
            names.extend(c for c in cols if c not in dropped)
        else:
            name = proj.alias_or_name
            if not name:
                return None
            names.append(name.lower())
    return tuple(names)


def _query_columns(query: exp.Expression) -> tuple[str, ...] | None:
    if isinstance(query, exp.Select):
        return _projection_names(query)
    if isinstance(query, exp.SetOperation):
        if query.args.get("by_name"):
            left, right = _query_columns(query.this), _query_columns(query.expression)
            if left is None or right is None:
                return None
            return left + tuple(c for c in right if c not in left)
        return _query_columns(query.this)
    if isinstance(query, exp.Subquery):
        return _query_columns(query.this)
    return None


def _expand_excludes(tree: exp.Expression) -> None:
    """`x.* EXCLUDE (a, b)` and `* EXCLUDE (...)`: the remaining columns, listed."""
    for select in list(tree.find_all(exp.Select)):
        projections, changed = [], False
        for proj in select.expressions:
            star = proj if isinstance(proj, exp.Star) else None
            if isinstance(proj, exp.Column) and isinstance(proj.this, exp.Star):
                star = proj.this
            if star is None or not star.args.get("except_"):
                projections.append(proj)
                continue
            table = proj.table if isinstance(proj, exp.Column) else None
            cols = _star_columns(select, table)
            if cols is None:
                raise CompileError(f"cannot list the columns of {proj.sql('duckdb')}")
            dropped = {c.name.lower() for c in star.args["except_"]}
            if star.args.get("replace") or star.args.get("rename"):
                raise CompileError(f"unsupported star modifier: {proj.sql('duckdb')}")
            projections.extend(exp.column(c, table=table) for c in cols if c not in dropped)
            changed = True
        if changed:
            select.set("expressions", projections)


def _positional_unions(tree: exp.Expression) -> None:
    """`UNION [ALL] BY NAME`: both sides select the union of their columns in the left side's
    order (the right side's own columns after), a missing one as NULL, so the set operation is
    positional. The innermost first, so that an outer one sees explicit sides."""
    for op in reversed(list(tree.find_all(exp.SetOperation))):
        if not op.args.get("by_name"):
            continue
        left, right = _query_columns(op.this), _query_columns(op.expression)
        if left is None or right is None:
            raise CompileError(f"cannot list the columns of both sides of {op.key} BY NAME")
        order = left + tuple(c for c in right if c not in left)
        for side, have in ((op.this, left), (op.expression, right)):
            if have == order:
                continue
            if not isinstance(side, exp.Select):
                raise CompileError(f"cannot reorder a side of {op.key} BY NAME: not a SELECT")
            side.set(
                "expressions",
                [exp.column(c) if c in have else exp.alias_(exp.null(), c) for c in order],
            )
        op.set("by_name", None)


def _trunc_by_parameter(tree: exp.Expression) -> None:
    """date_trunc($unit, x): SQLGlot reads the unit as a keyword and writes the parameter's
    name as a literal ('GRAIN'); a plain call keeps the unit an expression, as both engines
    allow."""
    for node in list(tree.find_all(exp.TimestampTrunc, exp.DateTrunc)):
        unit = node.args.get("unit")
        if isinstance(unit, exp.Placeholder):
            node.replace(
                exp.Anonymous(this="date_trunc", expressions=[unit.copy(), node.this.copy()])
            )


def _is_list(node: exp.Expression) -> bool:
    if isinstance(node, exp.Paren):
        return _is_list(node.this)
    if isinstance(node, exp.Array):
        return True
    return isinstance(node, exp.Cast) and node.to.is_type(exp.DataType.Type.ARRAY)


def _list_lengths(tree: exp.Expression) -> None:
    """len(list): SQLGlot writes Spark's length(), which takes strings only; the list form
    (array_length in DuckDB, size in Spark) where the argument is visibly a list."""
    for node in list(tree.find_all(exp.Length)):
        if _is_list(node.this):
            node.replace(exp.ArraySize(this=node.this.copy()))


def rewrite(tree: exp.Expression) -> exp.Expression:
    """The portable rewrites (module docstring), in place on an inlined tree."""
    _trunc_by_parameter(tree)
    _list_lengths(tree)
    _positional_unions(tree)
    _expand_excludes(tree)
    return tree


@cache
def duckdb_text(name: str) -> str:
    """The inlined, rewritten query in DuckDB's dialect (the differential tests run it)."""
    return portable(name).sql(dialect="duckdb")


# --- Spark-only rewrites (the DuckDB form keeps its own constructs) ------------------------------

_UNSIGNED = {
    exp.DataType.Type.UTINYINT: exp.DataType.Type.SMALLINT,
    exp.DataType.Type.USMALLINT: exp.DataType.Type.INT,
    exp.DataType.Type.UINT: exp.DataType.Type.BIGINT,
    exp.DataType.Type.UBIGINT: exp.DataType.Type.BIGINT,
}


def _fn(name: str, *args: exp.Expression) -> exp.Anonymous:
    return exp.Anonymous(this=name, expressions=list(args))


def _is_call(node: exp.Expression, name: str) -> bool:
    return isinstance(node, exp.Anonymous) and str(node.this).lower() == name


def _comparator(keys: list[exp.Ordered]) -> exp.Lambda:
    """(jl_l, jl_r) -> -1 / 0 / 1 comparing the structs' fields k0, k1... as the ORDER BY would, with
    its NULLS FIRST / LAST (DuckDB: last unless said)."""
    whens = []
    for i, key in enumerate(keys):
        lk, rk = (exp.column(f"k{i}", table=side) for side in ("jl_l", "jl_r"))
        before, after = exp.Literal.number(-1), exp.Literal.number(1)
        null_first = bool(key.args.get("nulls_first"))
        whens.append(
            (
                exp.and_(lk.is_(exp.null()), exp.not_(rk.is_(exp.null()))),
                before if null_first else after,
            )
        )
        whens.append(
            (
                exp.and_(exp.not_(lk.is_(exp.null())), rk.is_(exp.null())),
                after if null_first else before,
            )
        )
        less, more = (after, before) if key.args.get("desc") else (before, after)
        whens.append((exp.LT(this=lk.copy(), expression=rk.copy()), less))
        whens.append((exp.GT(this=lk.copy(), expression=rk.copy()), more))
    case = exp.Case(ifs=[exp.If(this=c, true=v) for c, v in whens], default=exp.Literal.number(0))
    return exp.Lambda(this=case, expressions=[exp.to_identifier("jl_l"), exp.to_identifier("jl_r")])


def _sorted_list(value: exp.Expression, keys: list[exp.Ordered]) -> exp.Expression:
    """collect_list ignores ORDER BY: collect structs of the keys and the value, sort them with
    a comparator, keep the values (NULL values kept, as DuckDB's list() keeps them)."""
    fields: list[exp.Expression] = []
    for i, key in enumerate(keys):
        fields += [exp.Literal.string(f"k{i}"), key.this.copy()]
    fields += [exp.Literal.string("v"), value.copy()]
    collected = _fn("collect_list", _fn("named_struct", *fields))
    ordered = _fn("array_sort", collected, _comparator(keys))
    pick = exp.Lambda(this=exp.column("v", table="jl_x"), expressions=[exp.to_identifier("jl_x")])
    return _fn("transform", ordered, pick)


def spark_rewrite(tree: exp.Expression) -> exp.Expression:
    """Constructs SQLGlot would write for Spark with other rows or not at all, in place."""
    for cte in tree.find_all(exp.CTE):
        cte.set("materialized", None)  # WITH x AS [NOT] MATERIALIZED: a DuckDB planner hint
    for node in list(tree.find_all(exp.DataType)):
        if node.this in _UNSIGNED:
            node.set("this", _UNSIGNED[node.this])
    for node in list(tree.find_all(exp.ArrayAgg, exp.GroupConcat)):
        if not isinstance(node.this, exp.Order):
            continue
        order = node.this
        listed = _sorted_list(order.this, order.expressions)
        if isinstance(node, exp.GroupConcat):
            sep = node.args.get("separator") or exp.Literal.string(",")
            listed = _fn("array_join", listed, sep.copy())
        node.replace(listed)
    for node in list(tree.find_all(exp.Mod)):
        # hash(x) % n: DuckDB's hash is an unsigned 64-bit number; xxhash64 is signed, pmod
        # keeps the remainder in 0..n-1 (the parts are other sets of customers than DuckDB's)
        if _is_call(node.this, "hash"):
            node.replace(_fn("pmod", node.this.copy(), node.expression.copy()))
    for node in list(tree.find_all(exp.Anonymous)):
        name = str(node.this).lower()
        if name == "hash":
            node.set("this", "xxhash64")
        elif name == "list_extract":  # a list's i-th element, 1-based in both
            node.set("this", "element_at")
        elif name == "list_position":
            # 1-based, 0 when absent (DuckDB: NULL); our one use is coalesce(..., 0)
            node.set("this", "array_position")
        elif name == "epoch_us":
            ts = exp.cast(node.expressions[0].copy(), exp.DataType.Type.TIMESTAMP)
            node.replace(_fn("unix_micros", ts))
    return tree


def to_spark(tree: exp.Expression) -> str:
    tree = spark_rewrite(tree.copy())
    return tree.sql(dialect="spark", unsupported_level=sqlglot.ErrorLevel.RAISE, comments=False)


@cache
def compile_query(name: str) -> str:
    """The Spark SQL text of a query file; :name markers for its declared parameters."""
    tree = portable(name)
    try:
        return to_spark(tree)
    except sqlglot.errors.UnsupportedError as error:
        raise CompileError(f"{name}.sql: {error}") from error


# Every other query file, and why the Spark engine does not run it (yet).
_NOT_YET = "analytics read not ported yet: compiles, but no differential check of its rows"
_APP_STATE = "app state (workspaces, datasets, views, shares, sessions, journeys): stays in DuckDB"
_WRITES = "writes the DuckDB store (app state or derived tables)"
_BOOKKEEPING = "summary bookkeeping: whether DuckDB's summary tables are current"
_INGEST = "ingest: writes uploaded rows into the DuckDB store"
_REFRESH = "summary refresh: rewrites DuckDB's summary tables"
_MACROS = "MACRO definitions: the compile step inlines them into each query"
DUCKDB_ONLY: dict[str, str] = {
    "attribution_credits": _NOT_YET,
    "attribution_drop": _WRITES,
    "attribution_journeys": _WRITES,
    "attribution_macros": _MACROS,
    "attribution_sources": _NOT_YET,
    "attribution_transitions": _NOT_YET,
    "dash_answer_touchpoints": _NOT_YET,
    "dash_comments": _NOT_YET,
    "dash_comments_count": _NOT_YET,
    "dash_cube_fresh": _BOOKKEEPING,
    "dash_response_dates": _NOT_YET,
    "dash_summary_fresh": _BOOKKEEPING,
    "dash_summary_refresh": _REFRESH,
    "dataset_by_sha": _APP_STATE,
    "dataset_delete": _WRITES,
    "dataset_insert": _APP_STATE,
    "dataset_list": _APP_STATE,
    "demo_insert_events": _INGEST,
    "demo_insert_responses": _INGEST,
    "demo_insert_touchpoints": _INGEST,
    "funnel_default_get": _APP_STATE,
    "funnel_default_key": _APP_STATE,
    "funnel_default_put": _WRITES,
    "funnel_default_steps": _APP_STATE,
    "funnel_dropped": _NOT_YET,
    "funnel_rows_count": _NOT_YET,
    "funnel_rows_estimate": _NOT_YET,
    "funnel_workspace_window": _NOT_YET,
    "ingest_insert_events": _INGEST,
    "ingest_insert_paths": _INGEST,
    "ingest_insert_responses": _INGEST,
    "ingest_macros": _MACROS,
    "ingest_upsert_touchpoints": _INGEST,
    "insights_alert_conversion": _NOT_YET,
    "insights_alert_dates": _NOT_YET,
    "insights_alert_scores": _NOT_YET,
    "insights_cohorts_fresh": _BOOKKEEPING,
    "insights_conversion_impact": _NOT_YET,
    "insights_customer_count": _NOT_YET,
    "insights_driver_columns_clear": _WRITES,
    "insights_driver_columns_get": _NOT_YET,
    "insights_driver_columns_put": _WRITES,
    "insights_driver_sums": _NOT_YET,
    "insights_extra_columns": _NOT_YET,
    "insights_funnel_steps": _NOT_YET,
    "insights_summary_fresh": _BOOKKEEPING,
    "insights_summary_refresh": _REFRESH,
    "insights_touchpoint_scores": _NOT_YET,
    "insights_workspace_facts": _NOT_YET,
    "journey_clear": _WRITES,
    "journey_definition": _APP_STATE,
    "journey_insert": _WRITES,
    "macros": _MACROS,
    "mapping_get": _APP_STATE,
    "mapping_save": _WRITES,
    "paths_codes": _NOT_YET,
    "paths_dfg": _NOT_YET,
    "paths_dfg_stored": _NOT_YET,
    "paths_dfg_unfiltered": _NOT_YET,
    "paths_flow": _NOT_YET,
    "paths_flow_stored": _NOT_YET,
    "paths_flow_unfiltered": _NOT_YET,
    "paths_rows": (
        "SQLGlot 30.30 cannot tokenize `($tp_channels::VARCHAR[])[list_position($tp_names::...)]`"
        " (a parenthesized $ parameter subscripted by a call with a $ parameter)"
    ),
    "paths_summary_fresh": _BOOKKEEPING,
    "paths_summary_kept": _BOOKKEEPING,
    "paths_summary_put": _REFRESH,
    "persona_clear": _WRITES,
    "persona_insert": _WRITES,
    "persona_list": _APP_STATE,
    "schema": "DuckDB DDL for the store's tables",
    "session_end": _WRITES,
    "session_get": _APP_STATE,
    "session_insert": _WRITES,
    "share_count": _APP_STATE,
    "share_get": _APP_STATE,
    "share_insert": _WRITES,
    "share_list": _APP_STATE,
    "share_revoke": _WRITES,
    "share_revoke_all": _APP_STATE,
    "share_touch": _WRITES,
    "table_counts": _APP_STATE,
    "themes_counts": _NOT_YET,
    "themes_examples": _NOT_YET,
    "views_by_name": _APP_STATE,
    "views_delete": _WRITES,
    "views_get": _APP_STATE,
    "views_insert": _WRITES,
    "views_list": _APP_STATE,
    "views_update": _WRITES,
    "workspace_bump": _WRITES,
    "workspace_create": _APP_STATE,
    "workspace_delete": _WRITES,
    "workspace_list": _APP_STATE,
    "workspace_settings_update": _WRITES,
}
