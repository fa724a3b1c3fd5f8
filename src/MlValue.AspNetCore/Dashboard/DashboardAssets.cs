namespace MlValue.AspNetCore.Dashboard;

/// <summary>The page's own stylesheet and icon, served beside it: the page loads nothing from anywhere else.</summary>
internal static class DashboardAssets
{
    public const string Css = """
        :root { color-scheme: light; --ink: #1f2933; --muted: #616e7c; --line: #d9e2ec; --bg: #f5f7fa; --accent: #2f6fdb; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--bg); }
        header { display: flex; gap: 24px; align-items: center; padding: 10px 24px; background: #102a43; }
        header a { color: #f0f4f8; text-decoration: none; }
        header nav { display: flex; gap: 16px; }
        header .brand { font-weight: 700; font-size: 16px; }
        main { max-width: 1100px; margin: 0 auto; padding: 16px 24px 48px; }
        h1 { font-size: 22px; margin: 8px 0 16px; }
        h2 { font-size: 17px; margin: 28px 0 8px; }
        h3 { font-size: 15px; margin: 18px 0 6px; }
        a { color: var(--accent); }
        table { border-collapse: collapse; width: 100%; background: #fff; border: 1px solid var(--line); margin: 6px 0 12px; }
        th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
        th { background: #eef2f7; font-weight: 600; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        code { font: 12px ui-monospace, SFMono-Regular, Menlo, monospace; word-break: break-all; }
        .muted { color: var(--muted); }
        .badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 600; background: #e4e7eb; }
        .badge.ok { background: #d5f5e3; color: #0e5a32; }
        .badge.bad { background: #fde2e1; color: #8a1c1c; }
        .badge.warn { background: #fff3c4; color: #6b4b00; }
        .badge.info { background: #dceefb; color: #0b4f8a; }
        .notice { background: #dceefb; border: 1px solid #9fc7f0; padding: 8px 12px; border-radius: 4px; }
        .error { background: #fde2e1; border: 1px solid #f3a6a3; padding: 8px 12px; border-radius: 4px; }
        .decision { background: #fff; border-left: 4px solid var(--line); padding: 8px 12px; margin: 8px 0; }
        .decision.promote { border-left-color: #2f9e62; }
        .decision.reject { border-left-color: #d64545; }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; background: #fff; border: 1px solid var(--line); padding: 10px 14px; }
        dl.facts dt { color: var(--muted); }
        dl.facts dd { margin: 0; }
        form.inline { display: inline-flex; gap: 6px; align-items: center; margin: 4px 0; flex-wrap: wrap; }
        form.inline input[type=text] { width: 260px; }
        button { background: var(--accent); color: #fff; border: 0; border-radius: 4px; padding: 4px 12px; cursor: pointer; }
        button.danger { background: #c23b3b; }
        svg.chart { width: 100%; max-width: 720px; height: auto; background: #fff; border: 1px solid var(--line); display: block; margin: 6px 0 14px; }
        svg .label { font-size: 10px; fill: var(--muted); }
        svg .grid { stroke: #e4e7eb; stroke-width: 1; }
        svg .cell.v-stable { fill: #9fdcb8; }
        svg .cell.v-drift { fill: #e66a6a; }
        svg .cell.v-noref { fill: #c7d2fe; }
        svg .cell.v-none { fill: #e4e7eb; }
        svg .band { fill: #bcd4f6; }
        svg .median { fill: #1d4ed8; }
        svg .line { fill: none; stroke-width: 2; }
        svg .c0 { fill: #2f6fdb; stroke: #2f6fdb; }
        svg .c1 { fill: #e8833a; stroke: #e8833a; }
        svg .c2 { fill: #2f9e62; stroke: #2f9e62; }
        svg .c3 { fill: #9b5de5; stroke: #9b5de5; }
        svg .c4 { fill: #d64545; stroke: #d64545; }
        svg .c5 { fill: #7b8794; stroke: #7b8794; }
        svg polyline.line { fill: none; }
        """;

    public const string Icon = """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#102a43"/><path d="M3 12 L6 6 L9 9 L13 3" stroke="#9fdcb8" stroke-width="2" fill="none"/></svg>
        """;
}
