import LAERValues

/// Trends as Markdown: a section per organization with its table of indices by period, a
/// sparkline and the changes, and the notes under it.
package struct TrendMarkdownReport: ReportRenderer {
    package init() {}

    package func render(_ trends: [Trend], questionnaire: Questionnaire) -> String {
        let e = Markdown.escape
        var text = "# LAER trend\n"
        if trends.isEmpty { text += "\nNo assessment to show.\n" }
        for trend in trends {
            let table = TrendTable(trend, questionnaire: questionnaire)
            text += "\n## \(e(trend.organization))\n\n\(e(table.context))\n\n**\(e(table.headline))**\n\n"
            text += Markdown.table(
                ["Marker"] + table.columns.map { e($0.label) } + ["Trend", "Change", "Since first"],
                table.rows.map { row in
                    let (change, since) = TrendTable.changes(row)
                    let name = row.marker == nil ? "**\(e(row.name))**" : e(row.name)
                    return [name] + row.cells.map(TrendTable.cell) + ["`\(row.sparkline)`", change, since]
                })
            text += "\n" + table.notes.map { "- \(e($0))\n" }.joined()
        }
        return text
    }
}
