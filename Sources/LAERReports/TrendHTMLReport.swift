import LAERValues

/// Trends as one self-contained HTML page: per organization a line chart with the data table
/// after it; more than four organizations become small multiples, a grid of smaller charts on
/// one scale under one legend, each table folded away.
package struct TrendHTMLReport: ReportRenderer {
    /// Up to this many organizations get a full-width chart each.
    package static let largeCharts = 4

    package init() {}

    package func render(_ trends: [Trend], questionnaire: Questionnaire) -> String {
        let tables = trends.map { TrendTable($0, questionnaire: questionnaire) }
        let e = HTML.escape
        let small = tables.count > Self.largeCharts
        let names = tables.count == 1 ? tables[0].organization : "\(tables.count) organizations"
        var parts = [
            """
            <header>
            <p class="eyebrow">Trend · \(e(questionnaire.title))</p>
            <h1\(tables.count == 1 ? " id=\"trend-1-name\"" : "")>\(e(names))</h1>
            <p class="context">\(e(Self.context(tables, questionnaire: questionnaire)))</p>
            </header>
            """
        ]
        if tables.isEmpty { parts.append("<p>No assessment to show.</p>") }
        if small, let rows = tables.max(by: { $0.rows.count < $1.rows.count })?.rows {
            parts.append(
                "<figure class=\"legend\">\n\(TrendChart.sharedLegend(rows, questionnaire: questionnaire, id: "legend"))\n</figure>\n<div class=\"multiples\">"
            )
        }
        for (index, table) in tables.enumerated() {
            parts.append(section(table, number: index + 1, small: small, alone: tables.count == 1))
        }
        if small { parts.append("</div>") }
        parts.append(
            "<footer>\n<p>Scored against \(e(questionnaire.title)) (\(e(questionnaire.id)) "
                + "\(e(questionnaire.version.description))) by laer.</p>\n</footer>")
        return HTMLShell.document(title: "Trend: \(names) (\(questionnaire.title))", sections: parts, extraStyle: Self.styleSheet)
    }

    /// What the page covers and how to read the bands.
    static func context(_ tables: [TrendTable], questionnaire: Questionnaire) -> String {
        let reach = NumberFormat.percent(questionnaire.scoring.reach)
        let consolidate = NumberFormat.percent(questionnaire.scoring.consolidate)
        let scale =
            "Every chart uses the index scale of 1 to 4. The shaded bands are the four phases: each starts at the lowest "
            + "index a marker in that phase can have (reach \(reach), consolidate \(consolidate))."
        return tables.count == 1 ? tables[0].context + " " + scale : scale
    }

    /// One organization: its name (the page's own heading when it is alone), its chart, the
    /// sentences and the data table; in a grid the chart comes first, so that the charts line up.
    func section(_ table: TrendTable, number: Int, small: Bool, alone: Bool) -> String {
        let e = HTML.escape
        let id = "trend-\(number)"
        let chart = TrendChart(table: table, id: id, size: small ? .small : .large)
        let heading = alone ? "" : "<h2 id=\"\(id)-name\">\(e(table.organization))</h2>\n"
        let figure = "<figure>\n\(chart.svg)\n</figure>\n"
        let lead = "<p class=\"lead\">\(e(table.headline))</p>\n"
        let notes = "<ul class=\"notes\">\n" + table.notes.dropLast().map { "<li>\(e($0))</li>\n" }.joined() + "</ul>\n"
        let data = dataTable(table, id: "\(id)-table")
        let body =
            small
            ? figure + lead + "<p class=\"context\">\(e(table.context))</p>\n" + notes
                + "<details>\n<summary>Data table</summary>\n\(data)</details>\n"
            : lead + figure + notes + data
        return "<section aria-labelledby=\"\(id)-name\">\n" + heading + body + "</section>"
    }

    /// The chart's numbers: a row per line, a column per period, and the changes.
    func dataTable(_ table: TrendTable, id: String) -> String {
        let e = HTML.escape
        let rows = table.rows.map { row in
            let (change, since) = TrendTable.changes(row)
            let cells = row.cells.map { cell in
                cell.map {
                    "\(NumberFormat.decimal($0.index))<span class=\"aside\">\($0.phase.number). \(e(table.questionnaire.name(of: $0.phase)))</span>"
                } ?? "—<span class=\"aside\">no assessment</span>"
            }
            return HTML.row(
                [e(row.name)] + cells + [change, since],
                classes: [row.marker == nil ? "total-row" : nil] + cells.map { _ in "num" } + ["num", "num"])
        }
        let header = ["Marker"] + table.columns.map(\.label) + ["Change", "Since first"]
        return HTML.table(
            caption: "Index per period, \(table.organization)", header: header, numeric: Set(1..<header.count), rows: rows,
            className: "trend-table", id: id)
    }

    static let styleSheet = """
        .legend { margin: 1.5rem 0 0; }
        .multiples { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 2rem 2.5rem; margin-top: 1rem; }
        .multiples section { margin-top: 0; }
        .multiples h2 { font-size: 1.15rem; margin-bottom: .4rem; }
        .multiples .context, .multiples .lead { font-size: .85rem; }
        .multiples .lead { font-weight: 600; }
        .notes { color: var(--muted); font-size: .88rem; padding-left: 1.1rem; }
        .notes li { margin-bottom: .15rem; }
        .trend-table { font-size: .85rem; }
        .trend-table .aside { font-size: .72rem; }
        .trend-table th.total-row { font-weight: 700; }
        details summary { cursor: pointer; color: var(--accent); font-size: .9rem; font-weight: 600; }
        @media (max-width: 720px) { .multiples { grid-template-columns: 1fr; } }
        @media print { .multiples section { break-inside: avoid; } details > .table-scroll { display: none; } }

        """
}
