package io.github.footprint.report.html;

/**
 * The page's style sheet, inline: every rule under {@code .fp}, so that inside a {@code mvn site} skin it styles
 * the report and nothing else. System fonts only; a print style sheet that keeps the charts' fills, drops the
 * navigation and keeps tables and charts whole on a page.
 */
final class Style {
    static final String CSS = String.join("\n",
            ".fp{font:15px/1.45 system-ui,-apple-system,\"Segoe UI\",Roboto,\"Noto Sans\",\"Liberation Sans\",Arial,"
                    + "sans-serif;color:#1f2328;background:#fff;max-width:1200px;margin:0 auto;padding:0 16px 32px}",
            ".fp h1{font-size:1.7em;margin:.6em 0 .3em}",
            ".fp h2{font-size:1.35em;margin:1.6em 0 .5em;padding-bottom:.2em;border-bottom:1px solid #d0d7de}",
            ".fp h3{font-size:1.1em;margin:1.2em 0 .4em}",
            ".fp h4,.fp h5,.fp h6{font-size:1em;margin:1em 0 .3em}",
            ".fp code,.fp pre{font-family:ui-monospace,\"DejaVu Sans Mono\",\"Liberation Mono\",Menlo,Consolas,"
                    + "monospace;font-size:.9em}",
            ".fp pre{background:#f6f8fa;border:1px solid #d0d7de;padding:8px 10px;overflow-x:auto}",
            ".fp a{color:#0550ae}",
            ".fp nav ul{list-style:none;padding:0;margin:.5em 0;display:flex;flex-wrap:wrap;gap:.4em 1.2em}",
            ".fp-verdict{font-size:1.1em;padding:8px 12px;border-left:6px solid #1f2328;background:#f6f8fa}",
            ".fp-verdict.fp-fails{border-left-style:double;border-left-width:9px}",
            ".fp-chart{margin:1.2em 0 1.6em}",
            ".fp-chart figcaption{font-weight:600;margin-bottom:.3em}",
            ".fp-svg{display:block;width:960px;max-width:100%;height:auto;font-size:13px}",
            ".fp-svg text{fill:#1f2328}",
            ".fp-svg .fp-env{font-weight:600}",
            ".fp-svg .fp-sum-over{font-weight:700}",
            ".fp-svg .fp-budget-label{font-size:12px}",
            ".fp-svg .fp-axis text{font-size:11px;fill:#57606a}",
            ".fp-defs{position:absolute;width:0;height:0;overflow:hidden}",
            ".fp-legend{list-style:none;padding:0;margin:.4em 0 0;display:flex;flex-wrap:wrap;gap:.3em 1.4em;"
                    + "font-size:.9em}",
            ".fp-legend svg{vertical-align:-2px;margin-right:.4em}",
            ".fp-none{font-style:italic}",
            ".fp-scroll{overflow-x:auto}",
            ".fp-table{border-collapse:collapse;margin:.4em 0 .8em;font-size:.92em}",
            ".fp-table caption{text-align:left;font-style:italic;padding:.2em 0;color:#57606a}",
            ".fp-table th,.fp-table td{border:1px solid #d0d7de;padding:4px 8px;text-align:left;vertical-align:top}",
            ".fp-table thead th{background:#f6f8fa}",
            ".fp-table tbody th{font-weight:600}",
            ".fp-table tfoot th,.fp-table tfoot td{font-weight:700;background:#f6f8fa}",
            ".fp-table .n{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}",
            ".fp-findings .fp-msg{overflow-wrap:anywhere;max-width:60em}",
            ".fp-detail{margin-top:.3em;color:#31363b}",
            ".fp-detail summary{cursor:pointer;color:#0550ae}",
            ".fp-detail p{margin:.3em 0}",
            ".fp-places{margin:.3em 0;padding-left:1.4em}",
            ".fp-rname{font-size:.85em;color:#57606a}",
            ".fp-sev{display:inline-block;padding:0 6px;border:2px solid #1f2328;border-radius:3px;font-size:.85em;"
                    + "white-space:nowrap}",
            ".fp-sev-error{background:#ffebe9;font-weight:700;border-style:solid}",
            ".fp-sev-warning{background:#fff8c5;border-style:dashed}",
            ".fp-sev-info{background:#ddf4ff;border-style:dotted}",
            ".fp-facts{margin:.3em 0 .8em}",
            ".fp-rule{border-top:1px solid #d0d7de;margin-top:1.5em}",
            ".fp-rule table{border-collapse:collapse}",
            ".fp-rule th,.fp-rule td{border:1px solid #d0d7de;padding:3px 8px}",
            ".fp-back{font-size:.9em}",
            "@media print{",
            ".fp{max-width:none;padding:0;font-size:10.5pt}",
            ".fp nav,.fp-back{display:none}",
            ".fp *{-webkit-print-color-adjust:exact;print-color-adjust:exact}",
            ".fp a{color:inherit;text-decoration:none}",
            ".fp-svg{width:100%}",
            ".fp-chart,.fp-table tr,.fp pre{break-inside:avoid}",
            ".fp h2,.fp h3{break-after:avoid}",
            ".fp-rule{break-before:page}",
            ".fp-scroll{overflow:visible}",
            "}",
            "");

    private Style() {
    }
}
