import LAERValues

// MARK: - Charts

extension HTMLPage {
    /// A marker's name on one line, or two when it would run into the chart (about 24 characters at 14 points).
    func labelLines(_ id: MarkerID) -> [String] {
        let name = questionnaire.name(of: id)
        return name.count > 24 ? SVG.twoLines(name) : [name]
    }

    /// Five rows of four steps: filled up to the marker's phase, the target outlined, the index written on the right.
    var ladderChart: String {
        let scores = MarkerID.allCases.compactMap(result.marker)
        let labelWidth = 224
        let stepWidth = 100
        let stepGap = 8
        let top = 62
        let rowHeight = 62
        let width = 720
        let height = top + scores.count * rowHeight + 4
        let description =
            scores.map {
                "\(questionnaire.name(of: $0.id)): phase \($0.phase.number) of 4, \(questionnaire.name(of: $0.phase)), index \(NumberFormat.decimal($0.index))."
            }.joined(separator: " ") + " Target: phase \(result.target.number), \(questionnaire.name(of: result.target))."
        var svg = SVG.opening(
            id: "ladder", width: width, height: height, title: "Phase ladder: the phase each marker has reached, of four",
            description: description)
        func stepX(_ phase: PhaseID) -> Int { labelWidth + (phase.number - 1) * (stepWidth + stepGap) }
        for phase in PhaseID.allCases {
            let center = stepX(phase) + stepWidth / 2
            for (line, text) in SVG.twoLines(questionnaire.name(of: phase)).enumerated() {
                svg += SVG.text(
                    e(text), x: center, y: 14 + line * 15, size: 12, weight: 600, fill: HTMLPalette.muted, anchor: "middle")
            }
            if phase == result.target {
                svg +=
                    "<rect x=\"\(center - 30)\" y=\"36\" width=\"60\" height=\"18\" rx=\"9\" fill=\"none\" stroke=\"\(HTMLPalette.amber)\" "
                    + "stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>\n"
                svg += SVG.text("target", x: center, y: 49, size: 11, weight: 700, fill: HTMLPalette.warn, anchor: "middle")
            }
        }
        svg += SVG.text("Index", x: width, y: 14, size: 12, weight: 600, fill: HTMLPalette.muted, anchor: "end")
        for (row, score) in scores.enumerated() {
            let rowTop = top + row * rowHeight
            let baseline = rowTop + rowHeight - 8
            svg += "<line x1=\"0\" y1=\"\(rowTop)\" x2=\"\(width)\" y2=\"\(rowTop)\" stroke=\"#e6ebf0\" stroke-width=\"1\"/>\n"
            let ladderLabel = labelLines(score.id)
            for (line, text) in ladderLabel.enumerated() {
                svg += SVG.text(e(text), x: 0, y: baseline - 22 - (ladderLabel.count - 1 - line) * 15, size: 14, weight: 600)
            }
            svg += SVG.text(numbered(score.phase), x: 0, y: baseline - 3, size: 12, fill: HTMLPalette.muted)
            for phase in PhaseID.allCases {
                let stepHeight = 14 + phase.number * 9
                let x = stepX(phase)
                let y = baseline - stepHeight
                let reached = phase <= score.phase
                svg +=
                    "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(stepWidth)\" height=\"\(stepHeight)\" rx=\"3\" "
                    + (reached
                        ? "fill=\"\(HTMLPalette.accent)\"/>\n" : "fill=\"#edf1f5\" stroke=\"#c3ced9\" stroke-width=\"1\"/>\n")
                if phase == result.target {
                    svg +=
                        "<rect x=\"\(x - 3)\" y=\"\(y - 3)\" width=\"\(stepWidth + 6)\" height=\"\(stepHeight + 6)\" rx=\"5\" fill=\"none\" "
                        + "stroke=\"\(HTMLPalette.amber)\" stroke-width=\"2.5\" stroke-dasharray=\"6 4\"/>\n"
                }
                svg += SVG.text(
                    "\(phase.number)", x: x + stepWidth / 2, y: y + stepHeight / 2 + 5, size: 13, weight: 700,
                    fill: reached ? "#ffffff" : HTMLPalette.muted, anchor: "middle")
            }
            svg += SVG.text(
                NumberFormat.decimal(score.index), x: width, y: baseline - 12, size: 18, weight: 700, fill: HTMLPalette.accent,
                anchor: "end")
        }
        return svg + "</svg>"
    }

    /// The cell colour for an attainment: from near white to a mid blue on which dark text keeps a 4.5:1 contrast.
    static func shade(_ attainment: Double) -> String {
        let from = [244.0, 247.0, 251.0]
        let to = [91.0, 141.0, 184.0]
        let t = min(max(attainment, 0), 1)
        return "#"
            + (0..<3).map { channel in
                NumberFormat.padded(
                    String(Int((from[channel] + (to[channel] - from[channel]) * t).rounded()), radix: 16), width: 2)
            }.joined()
    }

    /// Markers by assessed phases, shaded by attainment with the percentage and threshold marks written in;
    /// a scale below shows where the two thresholds fall.
    var heatMap: String {
        let scores = MarkerID.allCases.compactMap(result.marker)
        let labelWidth = 224
        let cellWidth = 160
        let cellGap = 6
        let cellHeight = 42
        let top = 28
        let width = 720
        let legendTop = top + scores.count * (cellHeight + cellGap) + 14
        let height = legendTop + 66
        let description =
            scores.map { score in
                questionnaire.name(of: score.id) + ": "
                    + PhaseID.assessed.map { phase in
                        let value = score.attainment[phase]
                        let mark =
                            meets(value, consolidate) ? " (meets consolidate)" : meets(value, reach) ? " (meets reach)" : ""
                        return questionnaire.name(of: phase) + " " + (value.map(percent) ?? "no evidence") + mark
                    }.joined(separator: ", ") + "."
            }.joined(separator: " ")
            + " Thresholds: reach \(NumberFormat.percent(reach)), consolidate \(NumberFormat.percent(consolidate))."
        var svg = SVG.opening(
            id: "heat", width: width, height: height, title: "Attainment heat map: markers by phase, against the thresholds",
            description: description)
        svg +=
            "<defs>\n<pattern id=\"heat-none\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
            + "<rect width=\"8\" height=\"8\" fill=\"#ffffff\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"8\" stroke=\"#dde3ea\" stroke-width=\"4\"/></pattern>\n"
            + "<linearGradient id=\"heat-scale\"><stop offset=\"0\" stop-color=\"\(HTMLPage.shade(0))\"/>"
            + "<stop offset=\"1\" stop-color=\"\(HTMLPage.shade(1))\"/></linearGradient>\n</defs>\n"
        func cellX(_ column: Int) -> Int { labelWidth + column * (cellWidth + cellGap) }
        for (column, id) in PhaseID.assessed.enumerated() {
            svg += SVG.text(
                phase(id), x: cellX(column) + cellWidth / 2, y: 16, size: 12, weight: 600, fill: HTMLPalette.muted,
                anchor: "middle")
        }
        for (row, score) in scores.enumerated() {
            let y = top + row * (cellHeight + cellGap)
            let heatLabel = labelLines(score.id)
            for (line, text) in heatLabel.enumerated() {
                svg += SVG.text(e(text), x: 0, y: y + 26 + (line * 2 - (heatLabel.count - 1)) * 8, size: 14, weight: 600)
            }
            for (column, phase) in PhaseID.assessed.enumerated() {
                let value = score.attainment[phase]
                let x = cellX(column)
                let strong = meets(value, consolidate)
                svg +=
                    "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(cellWidth)\" height=\"\(cellHeight)\" rx=\"4\" "
                    + "fill=\"\(value.map(HTMLPage.shade) ?? "url(#heat-none)")\" stroke=\"\(strong ? HTMLPalette.ink : "#c3ced9")\" "
                    + "stroke-width=\"\(strong ? 2 : 1)\"/>\n"
                svg +=
                    value == nil
                    ? SVG.text(
                        "no evidence", x: x + cellWidth / 2, y: y + 26, size: 13, fill: HTMLPalette.muted, anchor: "middle",
                        italic: true)
                    : SVG.text(
                        attainmentText(value), x: x + cellWidth / 2, y: y + 27, size: 15, weight: 700, fill: "#0f1f2e",
                        anchor: "middle")
            }
        }
        let barLeft = labelWidth
        let barWidth = 3 * cellWidth + 2 * cellGap - 40
        let barTop = legendTop + 22
        func tick(_ threshold: Double) -> Int { barLeft + Int((Double(barWidth) * min(max(threshold, 0), 1)).rounded()) }
        svg += SVG.text("Scale", x: 0, y: barTop + 11, size: 12, weight: 600, fill: HTMLPalette.muted)
        svg += SVG.text("0%", x: barLeft - 6, y: barTop + 11, size: 11, fill: HTMLPalette.muted, anchor: "end")
        svg +=
            "<rect x=\"\(barLeft)\" y=\"\(barTop)\" width=\"\(barWidth)\" height=\"14\" fill=\"url(#heat-scale)\" stroke=\"#c3ced9\" stroke-width=\"1\"/>\n"
        svg += SVG.text("100%", x: barLeft + barWidth + 6, y: barTop + 11, size: 11, fill: HTMLPalette.muted)
        for (threshold, label, above) in [
            (reach, "✓ reach \(NumberFormat.percent(reach))", true),
            (consolidate, "✓✓ consolidate \(NumberFormat.percent(consolidate))", false),
        ] {
            let x = tick(threshold)
            svg +=
                "<line x1=\"\(x)\" y1=\"\(above ? barTop - 8 : barTop)\" x2=\"\(x)\" y2=\"\(above ? barTop + 14 : barTop + 22)\" "
                + "stroke=\"\(HTMLPalette.ink)\" stroke-width=\"2\"/>\n"
            let labelX = min(max(x, barLeft + 70), width - 70)
            svg += SVG.text(e(label), x: labelX, y: above ? barTop - 12 : barTop + 36, size: 12, weight: 600, anchor: "middle")
        }
        return svg + "</svg>"
    }
}
