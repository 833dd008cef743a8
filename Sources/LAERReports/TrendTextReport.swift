import LAERValues

/// Trends for a terminal: per organization its indices by period, a sparkline and the changes,
/// within the width (the oldest periods leave the table first; the sparkline keeps them all).
package struct TrendTextReport: ReportRenderer {
    package var style: any TextStyle
    package var width: Int

    package init(style: any TextStyle = PlainText(), width: Int = 80) {
        self.style = style
        self.width = width
    }

    package func render(_ trends: [Trend], questionnaire: Questionnaire) -> String {
        var layout = TextLayout(style: style, width: width)
        if trends.isEmpty { layout.paragraph("No assessment to show.", indent: 0) }
        for (index, trend) in trends.enumerated() {
            if index > 0 { layout.line("") }
            let table = TrendTable(trend, questionnaire: questionnaire)
            layout.line(style.bold("LAER trend: \(trend.organization)"))
            layout.paragraph(table.context, indent: 0)
            layout.paragraph(table.headline, indent: 0)
            layout.line("")
            layout.line(contentsOf: lines(table))
            layout.line("")
            for note in table.notes { layout.paragraph(note, indent: 4, first: "  ") }
        }
        return layout.text
    }

    /// The table's lines: a header, then the overall row with its name in bold and one row per
    /// marker; periods that do not fit the width continue in a further block under the first.
    func lines(_ table: TrendTable) -> [String] {
        let nameWidth = max("Marker".count, table.rows.map(\.name.count).max() ?? 0) + 1
        let cellWidth = { (column: Int) in max(table.columns[column].label.count, 8) + 1 }
        let sparkWidth = max("Trend".count, table.columns.count)
        let tailWidth = 2 + sparkWidth + "  Change".count + " Since first".count
        let room = width - 2 - nameWidth

        // Periods in blocks as wide as the width allows; the trend and the changes end the last
        // block when they fit beside it, else stand in a block of their own.
        var blocks: [[Int]] = []
        var block: [Int] = []
        var used = 0
        for column in table.columns.indices {
            if !block.isEmpty, used + cellWidth(column) > room {
                blocks.append(block)
                block = []
                used = 0
            }
            block.append(column)
            used += cellWidth(column)
        }
        let tailFits = used + tailWidth <= room
        blocks.append(block)
        if !tailFits { blocks.append([]) }

        func line(_ name: String, _ cells: [String], tail: [String]?, fell: Bool = false, bold: Bool = false) -> String {
            let nameCell = name.padded(to: nameWidth)
            var text = "  " + (bold ? style.bold(nameCell) : nameCell) + cells.joined()
            if let tail {
                let change = tail[1].leftPadded(to: 8)
                text +=
                    "  " + tail[0].padded(to: sparkWidth) + (fell ? style.color(change, .yellow) : change)
                    + tail[2].leftPadded(to: 12)
            }
            return text
        }
        var lines: [String] = []
        for (index, columns) in blocks.enumerated() {
            let last = index == blocks.count - 1
            if index > 0 { lines.append("") }
            let labels = columns.map { table.columns[$0].label.leftPadded(to: cellWidth($0)) }
            lines.append(style.bold(line("Marker", labels, tail: last ? ["Trend", "Change", "Since first"] : nil)))
            for row in table.rows {
                let (change, since) = TrendTable.changes(row)
                let cells = columns.map { TrendTable.cell(row.cells[$0]).leftPadded(to: cellWidth($0)) }
                lines.append(
                    line(
                        row.name, cells, tail: last ? [row.sparkline, change, since] : nil,
                        fell: (row.change ?? 0) < -ScoringThresholds.tolerance, bold: row.marker == nil))
            }
        }
        return lines
    }
}
