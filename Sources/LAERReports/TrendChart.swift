import LAERValues

/// One organization's trend as an inline SVG line chart: periods across, the index from 1 to 4
/// up, the four phases shaded behind, a thin line per marker and a thick one for the overall index.
///
/// Lines differ in dash and point shape as well as colour, so the chart reads in grey and with
/// colour blindness; a chart of one point draws only the points.
struct TrendChart {
    /// Large (one organization to a row, its legend inside) or small (one of a grid, the legend shared).
    enum Size { case large, small }

    /// One line's looks: its colour, dash pattern, stroke width and point shape.
    struct Series {
        var color: String
        var dash: String?
        var width: Double
        /// 0 for the overall index, 1 to 5 for the markers.
        var shape: Int
    }

    let table: TrendTable
    let id: String
    let size: Size

    var width: Int { size == .large ? 720 : 360 }
    var plotLeft: Int { size == .large ? 40 : 30 }
    /// The phase names stand right of the plot, clear of the lines.
    var plotRight: Int { size == .large ? width - 150 : width - 20 }
    var plotTop: Int { 10 }
    var plotHeight: Int { size == .large ? 270 : 170 }
    var plotBottom: Int { plotTop + plotHeight }
    var fontSize: Int { size == .large ? 12 : 11 }

    static func series(_ marker: MarkerID?) -> Series {
        guard let marker else { return Series(color: HTMLPalette.ink, dash: nil, width: 3.5, shape: 0) }
        let dashes: [String?] = [nil, "9 4", "2 3", "10 3 2 3", "5 2"]
        return Series(color: HTMLPalette.markerLines[marker.index], dash: dashes[marker.index], width: 2, shape: marker.index + 1)
    }

    /// The y of an index on the fixed scale.
    func y(_ index: Double) -> Int {
        let clamped = min(max(index, Sparkline.scale.lowerBound), Sparkline.scale.upperBound)
        let share = (Sparkline.scale.upperBound - clamped) / (Sparkline.scale.upperBound - Sparkline.scale.lowerBound)
        return plotTop + Int((share * Double(plotHeight)).rounded())
    }

    /// The x of a column: spread across the plot with room at both ends, or centred when alone.
    func x(_ column: Int) -> Int {
        let inset = size == .large ? 36 : 22
        let count = table.columns.count
        guard count > 1 else { return (plotLeft + plotRight) / 2 }
        return plotLeft + inset + column * (plotRight - plotLeft - 2 * inset) / (count - 1)
    }

    /// Where each phase's band starts: the lowest index a marker in it can have, given the thresholds.
    var bandFloors: [Double] {
        PhaseID.allCases.map(table.questionnaire.scoring.lowestIndex)
    }

    var legendTop: Int { plotBottom + 50 }
    var legendRows: Int { (table.rows.count + 2) / 3 }
    var height: Int { size == .large ? legendTop + legendRows * 22 + 4 : plotBottom + 44 }

    var svg: String {
        let title = "Trend of \(table.organization): the overall index and each marker’s, by period, on the scale of 1 to 4"
        let description = (table.rowSentences + [table.missingNote].compactMap { $0 }).joined(separator: " ")
        var svg = SVG.opening(id: id, width: width, height: height, title: title, description: description)
        svg += bands + gaps + axes
        // The overall line first, so that the thinner marker lines stay visible where they run along it.
        for row in table.rows { svg += line(row) }
        if size == .large { svg += Self.legend(table.rows, top: legendTop, width: width) }
        return svg + "</svg>"
    }

    /// The four phase bands, each named at its left edge.
    var bands: String {
        var svg = ""
        let floors = bandFloors + [Sparkline.scale.upperBound]
        for phase in PhaseID.allCases {
            let top = y(floors[phase.number])
            let bottom = y(floors[phase.number - 1])
            svg +=
                "<rect x=\"\(plotLeft)\" y=\"\(top)\" width=\"\(plotRight - plotLeft)\" height=\"\(bottom - top)\" "
                + "fill=\"\(HTMLPalette.phaseBands[phase.number - 1])\"/>\n"
            let name = size == .large ? "\(phase.number). \(table.questionnaire.name(of: phase))" : "\(phase.number)"
            let lines = size == .large && name.count > 20 ? SVG.twoLines(name) : [name]
            let lineHeight = fontSize + 1
            let first = (top + bottom) / 2 + 4 - (lines.count - 1) * lineHeight / 2
            for (number, text) in lines.enumerated() {
                svg += SVG.text(
                    HTML.escape(text), x: plotRight + 8, y: first + number * lineHeight, size: fontSize - 1, weight: 600,
                    fill: HTMLPalette.muted)
            }
        }
        return svg
    }

    /// A hatched strip and a label over each column with no assessment.
    var gaps: String {
        var svg = ""
        let half = table.columns.count > 1 ? (x(1) - x(0)) / 2 : 0
        for (index, column) in table.columns.enumerated() where column.point == nil {
            if svg.isEmpty {
                svg +=
                    "<defs><pattern id=\"\(id)-gap\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
                    + "patternTransform=\"rotate(45)\"><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#c3ced9\" "
                    + "stroke-width=\"2\"/></pattern></defs>\n"
            }
            svg +=
                "<rect x=\"\(x(index) - half)\" y=\"\(plotTop)\" width=\"\(2 * half)\" height=\"\(plotHeight)\" "
                + "fill=\"url(#\(id)-gap)\" opacity=\"0.8\"/>\n"
            // Under the period's label, outside the plot, where no line can run through it.
            svg += SVG.text(
                "no assessment", x: x(index), y: plotBottom + 2 * fontSize + 9, size: fontSize - 1, fill: HTMLPalette.muted,
                anchor: "middle", italic: true)
        }
        return svg
    }

    /// The frame, the index ticks and the period labels (every other one, or fewer, when they would collide).
    var axes: String {
        var svg =
            "<rect x=\"\(plotLeft)\" y=\"\(plotTop)\" width=\"\(plotRight - plotLeft)\" height=\"\(plotHeight)\" "
            + "fill=\"none\" stroke=\"#c3ced9\" stroke-width=\"1\"/>\n"
        for tick in 1...4 {
            let tickY = y(Double(tick))
            if tick > 1, tick < 4 {
                svg +=
                    "<line x1=\"\(plotLeft)\" y1=\"\(tickY)\" x2=\"\(plotRight)\" y2=\"\(tickY)\" stroke=\"#ffffff\" "
                    + "stroke-width=\"1\"/>\n"
            }
            svg += SVG.text(
                "\(tick).0", x: plotLeft - 6, y: tickY + 4, size: fontSize, fill: HTMLPalette.muted, anchor: "end")
        }
        let count = table.columns.count
        let widest = table.columns.map(\.label.count).max() ?? 7
        let room = Double(count > 1 ? x(1) - x(0) : width)
        let step = max(1, Int((Double(widest * fontSize) * 0.62 + 8) / room) + 1)
        // Counted back from the last column, which is always named.
        for (index, column) in table.columns.enumerated() where (count - 1 - index) % step == 0 {
            svg += SVG.text(
                HTML.escape(column.label), x: x(index), y: plotBottom + fontSize + 6, size: fontSize, fill: HTMLPalette.ink,
                anchor: "middle")
        }
        return svg
    }

    /// One row's line through its points (across missing quarters), and its points.
    func line(_ row: TrendTable.Row) -> String {
        let series = Self.series(row.marker)
        // Markers that share a value would hide one another: each is nudged sideways a little.
        let nudge = row.marker.map { ($0.index - 2) * (size == .large ? 4 : 3) } ?? 0
        let points = row.cells.enumerated().compactMap { index, cell in cell.map { (x(index) + nudge, y($0.index)) } }
        var svg = ""
        if points.count > 1 {
            let path = points.enumerated().map { "\($0.offset == 0 ? "M" : "L")\($0.element.0) \($0.element.1)" }
            svg +=
                "<path d=\"\(path.joined(separator: " "))\" fill=\"none\" stroke=\"\(series.color)\" "
                + "stroke-width=\"\(NumberFormat.decimal(series.width, places: 1))\" stroke-linejoin=\"round\""
                + (series.dash.map { " stroke-dasharray=\"\($0)\"" } ?? "") + "/>\n"
        }
        for (pointX, pointY) in points {
            svg += Self.shape(series.shape, x: pointX, y: pointY, color: series.color, radius: size == .large ? 4 : 3)
        }
        return svg
    }

    /// A point's mark: a large ringed dot for the overall index, then a dot, square, triangle, diamond
    /// and downward triangle for the markers.
    static func shape(_ shape: Int, x: Int, y: Int, color: String, radius: Int) -> String {
        let r = radius
        let ring = " stroke=\"#ffffff\" stroke-width=\"1.5\""
        switch shape {
        case 0: return "<circle cx=\"\(x)\" cy=\"\(y)\" r=\"\(r + 2)\" fill=\"\(color)\"\(ring)/>\n"
        case 1: return "<circle cx=\"\(x)\" cy=\"\(y)\" r=\"\(r)\" fill=\"\(color)\"\(ring)/>\n"
        case 2: return "<rect x=\"\(x - r)\" y=\"\(y - r)\" width=\"\(2 * r)\" height=\"\(2 * r)\" fill=\"\(color)\"\(ring)/>\n"
        case 3: return polygon([(x, y - r - 1), (x + r + 1, y + r), (x - r - 1, y + r)], color: color, ring: ring)
        case 4: return polygon([(x, y - r - 1), (x + r + 1, y), (x, y + r + 1), (x - r - 1, y)], color: color, ring: ring)
        default: return polygon([(x - r - 1, y - r), (x + r + 1, y - r), (x, y + r + 1)], color: color, ring: ring)
        }
    }

    static func polygon(_ corners: [(Int, Int)], color: String, ring: String) -> String {
        "<polygon points=\"\(corners.map { "\($0.0),\($0.1)" }.joined(separator: " "))\" fill=\"\(color)\"\(ring)/>\n"
    }

    /// Each row's line sample, point shape and name, three to a row.
    static func legend(_ rows: [TrendTable.Row], top: Int, width: Int) -> String {
        var svg = ""
        let columnWidth = width / 3
        for (index, row) in rows.enumerated() {
            let series = series(row.marker)
            let left = (index % 3) * columnWidth + 8
            let middle = top + (index / 3) * 22
            svg +=
                "<line x1=\"\(left)\" y1=\"\(middle)\" x2=\"\(left + 40)\" y2=\"\(middle)\" stroke=\"\(series.color)\" "
                + "stroke-width=\"\(NumberFormat.decimal(series.width, places: 1))\""
                + (series.dash.map { " stroke-dasharray=\"\($0)\"" } ?? "") + "/>\n"
            svg += shape(series.shape, x: left + 20, y: middle, color: series.color, radius: 4)
            svg += SVG.text(HTML.escape(row.name), x: left + 48, y: middle + 4, size: 12, weight: row.marker == nil ? 700 : 400)
        }
        return svg
    }

    /// The legend alone, for a grid of small charts that share it: the lines, then the phase
    /// each numbered band stands for.
    static func sharedLegend(_ rows: [TrendTable.Row], questionnaire: Questionnaire, id: String) -> String {
        let lineRows = (rows.count + 2) / 3
        let bandTop = 12 + lineRows * 22 + 8
        let names = rows.map(\.name).joined(separator: ", ")
        let phases = PhaseID.allCases.map { "\($0.number) \(questionnaire.name(of: $0))" }
        var svg = SVG.opening(
            id: id, width: 720, height: bandTop + 46, title: "Legend of the charts below",
            description: "One line per row, in this order: \(names). The overall index is the thick dark line. "
                + "The numbered bands are the phases: \(phases.joined(separator: ", ")).")
        svg += legend(rows, top: 12, width: 720)
        for phase in PhaseID.allCases {
            let left = (phase.number - 1) % 2 * 360 + 8
            let top = bandTop + (phase.number - 1) / 2 * 22
            svg +=
                "<rect x=\"\(left)\" y=\"\(top)\" width=\"40\" height=\"16\" fill=\"\(HTMLPalette.phaseBands[phase.number - 1])\" "
                + "stroke=\"#c3ced9\" stroke-width=\"1\"/>\n"
            svg += SVG.text(
                "\(phase.number)", x: left + 20, y: top + 12, size: 11, weight: 600, fill: HTMLPalette.muted, anchor: "middle")
            svg += SVG.text(HTML.escape(questionnaire.name(of: phase)), x: left + 48, y: top + 12, size: 12)
        }
        return svg + "</svg>"
    }
}
