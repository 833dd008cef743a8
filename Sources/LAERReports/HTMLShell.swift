/// The page every HTML report stands in: one self-contained document, its style sheet inline.
enum HTMLShell {
    /// The whole document: `title` (escaped here) in the head, `sections` (markup) in `<main>`, one per line.
    ///
    /// `extraStyle` follows the shared style sheet: the rules of one report's own parts.
    static func document(title: String, sections: [String], extraStyle: String = "") -> String {
        let head = [
            "<!DOCTYPE html>", "<html lang=\"en\">", "<head>", "<meta charset=\"utf-8\">",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
            "<meta name=\"color-scheme\" content=\"light\">",
            "<title>\(HTML.escape(title))</title>",
            "<style>\n\(styleSheet)\(extraStyle)</style>", "</head>", "<body>", "<main>",
        ]
        return (head + sections + ["</main>", "</body>", "</html>"]).joined(separator: "\n") + "\n"
    }
}

extension HTMLShell {
    /// Calm and print-friendly: system fonts, one accent colour, nothing that needs a background to be read.
    static let styleSheet = """
        :root { --ink: \(HTMLPalette.ink); --muted: \(HTMLPalette.muted); --rule: \(HTMLPalette.rule); --accent: \(HTMLPalette.accent); --accent-soft: \(HTMLPalette.accentSoft);
          --warn: \(HTMLPalette.warn); --warn-rule: \(HTMLPalette.warnRule); --warn-soft: \(HTMLPalette.warnSoft); --canvas: \(HTMLPalette.canvas); }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; }
        body { margin: 0; background: var(--canvas); color: var(--ink);
          font: 1rem/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif; }
        main { max-width: 62rem; margin: 2rem auto; padding: 2.5rem 3rem 2rem; background: #fff; border: 1px solid #e3e8ed; border-radius: 8px; }
        h1, h2, h3 { line-height: 1.25; }
        h1 { font-size: 2.1rem; margin: .2rem 0 .4rem; letter-spacing: -.01em; }
        h2 { font-size: 1.4rem; margin: 0 0 .9rem; padding-bottom: .4rem; border-bottom: 2px solid var(--rule); }
        h3 { font-size: 1.1rem; margin: 1.6rem 0 .6rem; }
        section { margin-top: 2.75rem; }
        p { margin: 0 0 .75rem; }
        .eyebrow { margin: 0; font-size: .8rem; font-weight: 600; letter-spacing: .08em; text-transform: uppercase; color: var(--accent); }
        .context { color: var(--muted); }
        .headline { font-size: 1.3rem; font-weight: 600; margin: 1.25rem 0; padding: .2rem 0 .2rem 1rem; border-left: 5px solid var(--accent); }
        .lead { font-size: 1.1rem; font-weight: 600; }
        .figures { display: grid; grid-template-columns: repeat(4, 1fr); gap: .75rem; margin: 1.5rem 0 0; }
        .figures div { border: 1px solid var(--rule); border-radius: 6px; padding: .7rem .9rem; }
        .figures dt { font-size: .75rem; font-weight: 600; letter-spacing: .06em; text-transform: uppercase; color: var(--muted); }
        .figures dd { margin: .2rem 0 0; font-size: .9rem; }
        .figures .big { display: block; font-size: 1.6rem; font-weight: 700; line-height: 1.2; color: var(--accent); }
        .callout { margin-top: 2rem; padding: 1.1rem 1.4rem .6rem; border: 2px solid var(--warn-rule); border-left-width: 8px;
          border-radius: 6px; background: var(--warn-soft); }
        .callout h2 { border: 0; padding: 0; margin-bottom: .5rem; color: var(--warn); }
        .cap-id { font: .78em/1.2 ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; color: var(--muted);
          border: 1px solid var(--rule); border-radius: 3px; padding: .05em .35em; white-space: nowrap; }
        ul, ol { padding-left: 1.4rem; margin: 0 0 .75rem; }
        li { margin-bottom: .35rem; }
        .reasons li { margin-bottom: .5rem; }
        .moves { list-style: none; padding: 0; }
        .move { border: 1px solid var(--rule); border-top: 4px solid var(--accent); border-radius: 6px; padding: 1rem 1.3rem .4rem; margin-bottom: 1.1rem; }
        .move h3 { margin: 0 0 .2rem; font-size: 1.2rem; }
        .move-number { display: inline-block; width: 1.7em; height: 1.7em; line-height: 1.5em; margin-right: .35rem; text-align: center;
          border: 2px solid var(--accent); border-radius: 50%; color: var(--accent); font-size: .9em; }
        .meta { color: var(--muted); font-size: .9rem; }
        .gaps { list-style: none; padding: 0; margin: 0; }
        .gap { padding: .8rem 0; margin: 0; border-top: 1px solid var(--rule); }
        .statement { font-size: 1.02rem; margin-bottom: .45rem; }
        .action { margin-bottom: .55rem; padding: .45rem .8rem; border-left: 3px solid var(--accent); background: var(--accent-soft); }
        .action .label { margin-right: .4rem; font-size: .72rem; font-weight: 700; letter-spacing: .06em; text-transform: uppercase; color: var(--accent); }
        .facts { display: flex; flex-wrap: wrap; gap: .2rem 1.3rem; margin: 0; font-size: .85rem; }
        .facts div { display: flex; gap: .35rem; }
        .facts dt { color: var(--muted); }
        .facts dt::after { content: ":"; }
        .facts dd { margin: 0; }
        .more-moves > li { margin-bottom: .8rem; }
        .more-moves ul { margin-top: .3rem; }
        .aside { display: block; color: var(--muted); font-size: .88rem; }
        figure { margin: .5rem 0 .25rem; }
        svg.chart { display: block; width: 100%; height: auto; }
        figcaption { margin-top: .5rem; color: var(--muted); font-size: .88rem; }
        table { width: 100%; border-collapse: collapse; margin: 1rem 0 1.5rem; font-size: .9rem; }
        .table-scroll { overflow-x: auto; margin: 1rem 0 1.5rem; }
        .table-scroll > table { margin: 0; }
        .table-scroll:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
        caption { caption-side: top; text-align: left; font-weight: 600; padding-bottom: .45rem; }
        th, td { padding: .42rem .6rem; text-align: left; vertical-align: top; border-bottom: 1px solid var(--rule); }
        thead th { border-bottom: 2px solid var(--ink); font-size: .76rem; font-weight: 700; letter-spacing: .04em; text-transform: uppercase; color: var(--muted); }
        tbody th { font-weight: 600; }
        tbody th.phase { font-weight: 400; white-space: nowrap; }
        .num { text-align: right; font-variant-numeric: tabular-nums; }
        .nowrap { white-space: nowrap; }
        .gaps-table { font-size: .84rem; }
        .gaps-table th, .gaps-table td { padding: .4rem .45rem; }
        .gaps-table td:nth-child(3) { width: 36%; }
        .gaps-table th:nth-child(2) { width: 11rem; }
        .gaps-table .cap-id { white-space: normal; border: 0; padding: 0; font-size: .92em; }
        table.narrow { width: auto; min-width: 60%; }
        .cells-table tbody th[rowspan] { border-bottom: 2px solid var(--rule); }
        .cells-table tr.group-end td, .cells-table tr.group-end th { border-bottom: 2px solid var(--rule); }
        .total { font-weight: 700; border-top: 2px solid var(--ink); }
        footer { margin-top: 3rem; padding-top: .8rem; border-top: 1px solid var(--rule); color: var(--muted); font-size: .85rem; }
        code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; font-size: .9em; overflow-wrap: anywhere; }
        @media (max-width: 720px) {
          main { margin: 0; padding: 1.25rem; border: 0; border-radius: 0; }
          .figures { grid-template-columns: repeat(2, minmax(0, 1fr)); }
          table { font-size: .8rem; }
          .cap-id { white-space: normal; overflow-wrap: anywhere; }
        }
        @media (max-width: 30rem) { .figures { grid-template-columns: 1fr; } }
        @media print {
          @page { size: A4; margin: 16mm 14mm; }
          html { font-size: 10pt; }
          body { background: none; }
          main { max-width: none; margin: 0; padding: 0; border: 0; }
          section { margin-top: 1.6rem; }
          h2, h3, caption { break-after: avoid; }
          .callout, .move, .gap, .figures, figure, table.narrow, .cells-table, tr, li { break-inside: avoid; }
          .gaps-table { font-size: 8.5pt; }
          .gaps-table td:nth-child(3) { width: 42%; }
          .gaps-table th:nth-child(2) { width: 8.5rem; }
          .callout, .action { background: none; }
          .table-scroll { overflow: visible; }
          thead { display: table-header-group; }
          footer { margin-top: 1rem; break-before: avoid; }
        }

        """
}
