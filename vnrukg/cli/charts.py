"""The chart command: one series of the graph, or a query result, as SVG, PNG or HTML."""

from __future__ import annotations

import click

from .common import CONTEXT_SETTINGS, State, pass_state, write_output
from .query import _params
from .viz import lang_option

CHART_FORMATS = ("svg", "png", "html", "json")


@click.command(context_settings=CONTEXT_SETTINGS)
@click.argument("series", required=False)
@click.option(
    "-o", "--output", default="-", show_default=True, help="File to write (atomically), or -."
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(CHART_FORMATS),
    default=None,
    help="Default: from the file's extension (svg for standard output). json is the "
    "Vega-Lite specification.",
)
@click.option(
    "-p",
    "--param",
    "params",
    multiple=True,
    metavar="NAME=VALUE",
    help="Bind a parameter of a named query (repeatable).",
)
@click.option(
    "--unit", default=None, help="What a query result's values count, when it has no unit column."
)
@click.option("--title", default=None, help="Title of a query result's chart.")
@lang_option
@pass_state
def chart(
    state: State,
    series: str | None,
    output: str,
    fmt: str | None,
    params: tuple[str, ...],
    unit: str | None,
    title: str | None,
    lang: str,
) -> None:
    """Draw one series as a chart (SVG, PNG or an offline HTML page); with no series, list them.

    SERIES is an indicator's slug (trade-turnover, exports, investment-capital …) or a named
    query whose result has a year/date column and a numeric column. Each figure is drawn over
    the period it covers (a year as a year, a month as a month; part of a year is marked), with
    its qualifier (about, more than) and unit; figures that disagree are ringed in red, never
    averaged, and figures in different units get separate axes. The HTML page shows each
    figure's source on hover and its quote, with the curators' translation, on click.

    \b
    Examples:
      vnrukg chart
      vnrukg chart trade-turnover -o trade.svg
      vnrukg chart scholarships -o scholarships.html --lang vi
      vnrukg chart trade-series -p indicator=vnrv:exports --unit "US dollars" -o exports.png
    """
    # Altair, vl-convert, rdflib and networkx cost seconds to import: only this command needs them
    from .. import charts

    kg = state.knowledge_graph()
    found = charts.indicators(kg)
    if series is None:
        click.echo(charts.listing(found, state.project), nl=False)
        return
    fmt = fmt or ("svg" if output == "-" else charts.chart_format(output))
    indicator = charts.find_indicator(found, series)
    if indicator is not None:
        if params or unit:
            raise click.UsageError("--param and --unit apply to named queries only")
        data = charts.chart_bytes(indicator, fmt, lang)
    elif not charts.is_named_query(state.project, series):
        raise charts.unknown_series(found, state.project, series)
    else:
        spec, named_title = charts.named_query_spec(
            kg, series, _params(params), unit=unit, title=title or None,
            options=charts.ChartOptions(lang=lang),
        )  # fmt: skip
        data = charts.spec_bytes(spec, fmt, lang=lang, title=title or named_title)
    write_output(data, output)
    if output != "-":
        size = len(data.encode("utf-8") if isinstance(data, str) else data)
        click.echo(f"wrote {output} ({fmt}, {size:,} bytes)", err=True)


COMMANDS = [chart]
