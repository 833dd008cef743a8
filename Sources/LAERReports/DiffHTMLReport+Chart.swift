import LAERValues

// MARK: - The chart and the page's own styles

extension DiffHTMLPage {
    /// The company, then each marker: a name and its standing before and after.
    var chartRows: [(name: String, from: Standing, to: Standing, overall: Bool)] {
        [("Overall", diff.overallFrom, diff.overallTo, true)]
            + diff.markers.map { (words.marker($0.id), $0.from, $0.to, false) }
    }

    /// One row per marker on the 1–4 index scale, a dumbbell from the index before (hollow) to the
    /// index after (filled), the phases' bands behind; the change written on the right.
    var chart: String {
        let rows = chartRows
        let scaleLeft = 236
        let unit = 116
        let top = 66
        let rowHeight = 46
        let width = 720
        let height = top + rows.count * rowHeight + 6
        func x(_ index: Double) -> Int { scaleLeft + Int((min(max(index, 1), 4) - 1) * Double(unit)) }

        let description = rows.map { row in
            let phase = words.phaseChange(row.from, row.to).map { "phase \($0)" } ?? "still \(words.phase(row.to.phase))"
            let fell = row.from.fell(to: row.to) ? ", regressed" : ""
            return "\(row.name): index \(DiffNarrative.indices(row.from, row.to)) "
                + "(\(DiffNarrative.signed(row.to.index - row.from.index))\(fell)), \(phase)."
        }.joined(separator: " ")
        var svg = SVG.opening(
            id: "dumbbell", width: width, height: height,
            title: "Marker indices at \(words.fromLabel) and \(words.toLabel), on the scale of 1 to 4",
            description: description)

        // The phases' bands start at the lowest index each allows, as the trend chart's do; the
        // ticks are the index scale.
        let floors = PhaseID.allCases.map(questionnaire.scoring.lowestIndex) + [4]
        for (band, phase) in PhaseID.allCases.enumerated() {
            let left = x(floors[band])
            let right = x(floors[band + 1])
            svg +=
                "<rect x=\"\(left)\" y=\"\(top - 6)\" width=\"\(right - left)\" height=\"\(rows.count * rowHeight + 6)\" "
                + "fill=\"\(band % 2 == 1 ? HTMLPalette.accentSoft : "#ffffff")\"/>\n"
            svg += SVG.text(
                "phase \(phase.number)", x: (left + right) / 2, y: 31, size: 11, weight: 600, fill: HTMLPalette.muted,
                anchor: "middle")
        }
        for number in 1...4 {
            let tick = scaleLeft + (number - 1) * unit
            svg +=
                "<line x1=\"\(tick)\" y1=\"\(top - 6)\" x2=\"\(tick)\" y2=\"\(height)\" stroke=\"\(HTMLPalette.rule)\" stroke-width=\"1\"/>\n"
            let anchor = number == 1 ? "start" : number == 4 ? "end" : "middle"
            svg += SVG.text("\(number).0", x: tick, y: 14, size: 12, weight: 700, fill: HTMLPalette.muted, anchor: anchor)
        }
        svg += legend(y: 50)
        svg += SVG.text("Change", x: width, y: 14, size: 12, weight: 600, fill: HTMLPalette.muted, anchor: "end")

        for (number, row) in rows.enumerated() {
            let rowTop = top + number * rowHeight
            let middle = rowTop + rowHeight / 2
            let movement = DiffNarrative.Movement(row.from, row.to)
            let colour = movement == .down ? HTMLPalette.warn : HTMLPalette.accent
            let line = number == 1 ? HTMLPalette.muted : "#e6ebf0"
            if number > 0 {
                svg +=
                    "<line x1=\"0\" y1=\"\(rowTop)\" x2=\"\(width)\" y2=\"\(rowTop)\" stroke=\"\(line)\" stroke-width=\"1\"/>\n"
            }
            svg += SVG.text(e(row.name), x: 0, y: middle + 5, size: 14, weight: row.overall ? 700 : 600)
            let start = x(row.from.index)
            let end = x(row.to.index)
            if start != end {
                svg +=
                    "<line x1=\"\(start)\" y1=\"\(middle)\" x2=\"\(end)\" y2=\"\(middle)\" stroke=\"\(colour)\" stroke-width=\"4\" "
                    + "stroke-linecap=\"round\"/>\n"
            }
            svg +=
                "<circle cx=\"\(start)\" cy=\"\(middle)\" r=\"7\" fill=\"#ffffff\" stroke=\"\(HTMLPalette.muted)\" stroke-width=\"2\"/>\n"
            svg += "<circle cx=\"\(end)\" cy=\"\(middle)\" r=\"6\" fill=\"\(colour)\"/>\n"

            let phase = "phase \(row.from.phase.number) → \(row.to.phase.number)"
            svg += SVG.text(
                DiffNarrative.change(row.from, row.to), x: width, y: middle + 1, size: 15, weight: 700,
                fill: movement == .same ? HTMLPalette.muted : colour, anchor: "end")
            svg += SVG.text(
                movement == .down ? "regressed · " + phase : phase, x: width, y: middle + 16, size: 11,
                weight: movement == .down ? 700 : 400, fill: movement == .down ? HTMLPalette.warn : HTMLPalette.muted,
                anchor: "end")
        }
        return svg + "</svg>"
    }

    /// Which dot is which, above the names.
    func legend(y: Int) -> String {
        "<circle cx=\"6\" cy=\"\(y - 4)\" r=\"5\" fill=\"#ffffff\" stroke=\"\(HTMLPalette.muted)\" stroke-width=\"2\"/>\n"
            + SVG.text(e(words.fromLabel), x: 16, y: y, size: 12, fill: HTMLPalette.muted)
            + "<circle cx=\"\(24 + 7 * min(words.fromLabel.count, 14) + 10)\" cy=\"\(y - 4)\" r=\"5\" fill=\"\(HTMLPalette.accent)\"/>\n"
            + SVG.text(e(words.toLabel), x: 24 + 7 * min(words.fromLabel.count, 14) + 20, y: y, size: 12, fill: HTMLPalette.muted)
    }

    /// The rules of the diff's own parts, after the score report's style sheet.
    static let styleSheet = """
        .delta { white-space: nowrap; font-variant-numeric: tabular-nums; }
        .delta.up { color: var(--accent); }
        .delta.down { color: var(--warn); }
        .delta.same { color: var(--muted); }
        .badge-regressed { display: inline-block; margin-left: .2rem; padding: 0 .4em; border: 1px solid var(--warn-rule);
          border-radius: 3px; background: var(--warn-soft); color: var(--warn); font-size: .72rem; font-weight: 700;
          letter-spacing: .05em; text-transform: uppercase; vertical-align: middle; }
        .figures .big .badge-regressed { font-size: .7rem; }
        .changes-table td:nth-child(2) { width: 40%; }
        .changes-table td:first-child .cap-id { white-space: normal; }

        """
}
