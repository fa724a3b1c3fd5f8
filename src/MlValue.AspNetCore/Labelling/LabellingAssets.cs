namespace MlValue.AspNetCore.Labelling;

/// <summary>The labelling page's one script: keyboard shortcuts, served beside the page (CSP <c>script-src 'self'</c>).</summary>
internal static class LabellingAssets
{
    /// <summary>A key press clicks the element whose <c>data-key</c> is that key (1–9 a class, a abstain, s skip), unless typing in a field.</summary>
    public const string Script = """
        document.addEventListener("keydown", function (event) {
          if (event.altKey || event.ctrlKey || event.metaKey || event.repeat) { return; }
          var target = event.target;
          if (target && target.closest && target.closest("input, textarea, select, [contenteditable]")) { return; }
          var element = document.querySelector('[data-key="' + event.key.toLowerCase() + '"]');
          if (element && !element.disabled) {
            event.preventDefault();
            element.click();
          }
        });
        """;

    public const string Css = """
        .item { background: #fff; border: 1px solid var(--line); padding: 12px 16px; margin: 10px 0; }
        .item dt { color: var(--muted); font-size: 12px; margin-top: 8px; }
        .item dd { margin: 2px 0 0; }
        .text { white-space: pre-wrap; word-break: break-word; }
        .choices { display: flex; gap: 8px; flex-wrap: wrap; margin: 12px 0; }
        .choices button { font-size: 15px; padding: 8px 16px; }
        .choices button.abstain { background: #7b8794; }
        kbd { font: 12px ui-monospace, monospace; background: #eef2f7; border: 1px solid var(--line); border-radius: 3px; padding: 0 4px; color: var(--ink); }
        .choices button kbd { background: rgba(255,255,255,.25); border-color: transparent; color: #fff; }
        .hint { background: #fff; border-left: 4px solid #9fc7f0; padding: 6px 12px; margin: 8px 0; }
        """;
}
