namespace Corpus.Shards.Reports;

/// <summary>The page's inline style sheet: system fonts only, nothing loaded.</summary>
internal static class HtmlStyle
{
    public const string Css = """
        :root { --ink: #1f2937; --muted: #6b7280; --line: #e5e7eb; --panel: #ffffff; --page: #f6f7f9; --accent: #4e79a7; }
        * { box-sizing: border-box; }
        body { margin: 0; background: var(--page); color: var(--ink); font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
        header { background: #1f2d3d; color: #f9fafb; padding: 20px 32px 12px; }
        header h1 { margin: 0 0 8px; font-size: 24px; font-weight: 600; }
        .meta { display: flex; flex-wrap: wrap; gap: 4px 16px; margin: 0 0 12px; font-size: 12px; color: #cbd5e1; }
        .meta dt { font-weight: 600; }
        .meta dd { margin: 0 8px 0 0; }
        .meta code { color: #e5e7eb; }
        nav { display: flex; flex-wrap: wrap; gap: 4px 16px; font-size: 13px; }
        nav a { color: #bfdbfe; text-decoration: none; }
        main { max-width: 1200px; margin: 0 auto; padding: 16px 32px 32px; }
        section { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 16px 20px; margin: 16px 0; }
        h2 { margin: 0 0 12px; font-size: 18px; font-weight: 600; border-bottom: 2px solid var(--accent); display: inline-block; padding-bottom: 2px; }
        h3 { margin: 16px 0 8px; font-size: 15px; font-weight: 600; }
        .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(170px, 1fr)); gap: 12px; }
        .card { border: 1px solid var(--line); border-left: 4px solid var(--accent); border-radius: 6px; padding: 10px 14px; background: #fbfcfe; }
        .card .label { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
        .card .value { font-size: 22px; font-weight: 600; font-variant-numeric: tabular-nums; }
        .card .detail { color: var(--muted); font-size: 12px; }
        .scroll { overflow-x: auto; }
        table { border-collapse: collapse; width: 100%; margin: 8px 0; font-size: 13px; }
        table.narrow { width: auto; min-width: 360px; }
        th, td { padding: 5px 10px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
        thead th { background: #f3f4f6; font-weight: 600; white-space: nowrap; }
        tbody tr:nth-child(even) { background: #fafafa; }
        th.num { text-align: right; }
        th.status { text-align: center; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .muted { color: var(--muted); font-weight: normal; }
        .ok { color: #2e7d32; font-weight: 700; text-align: center; }
        .bad { color: #c62828; font-weight: 700; text-align: center; }
        tr.unmet { background: #fdecec !important; }
        .none { color: var(--muted); font-style: italic; }
        svg.chart { width: 100%; height: auto; display: block; margin: 8px 0; font-family: inherit; }
        .legend { list-style: none; display: flex; flex-wrap: wrap; gap: 6px 16px; padding: 0; margin: 4px 0 12px; font-size: 12px; }
        .legend li { display: flex; align-items: center; gap: 6px; }
        .swatch { display: inline-block; width: 12px; height: 12px; border-radius: 2px; border: 1px solid rgba(0,0,0,.15); }
        .eligibility { display: grid; grid-template-columns: max-content 1fr; gap: 4px 12px; font-size: 13px; margin: 12px 0 0; }
        .eligibility dt { font-weight: 600; }
        .eligibility dd { margin: 0; }
        details summary { cursor: pointer; color: var(--accent); margin: 4px 0; }
        footer { max-width: 1200px; margin: 0 auto; padding: 0 32px 32px; color: var(--muted); font-size: 12px; }

        """;
}
