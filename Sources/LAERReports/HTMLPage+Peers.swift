import LAERValues

// MARK: - Peers

extension HTMLPage {
    /// Where the result stands among its peers: the overall sentence, a bar per marker and the same figures as a table.
    func peerStanding(_ peers: PeerStanding) -> String {
        let entries = narrative.peerMarkers(peers)
        let rows =
            [
                HTML.row(
                    ["Overall", NumberFormat.decimal(result.overall.index), e(narrative.percentile(peers.overall))],
                    classes: [nil, "num", "num"])
            ]
            + entries.map { entry in
                HTML.row(
                    [e(entry.name), entry.index, e(narrative.percentile(entry.percentile))], classes: [nil, "num", "num"])
            }
        let heading = e(narrative.peersHeading ?? "Among peers")
        return """
            <section aria-labelledby="peers">
            <h2 id="peers">\(heading)</h2>
            <p class="lead">\(e(narrative.peersSentence(peers)))</p>
            <p>\(e(Narrative.percentileNote))</p>
            <figure>
            \(peerChart(peers))
            <figcaption>Each bar runs from 0 to 100: the longer it is, the more peers stand below you. \
            The dashed line marks the middle of the group, the 50th percentile.</figcaption>
            </figure>
            \(HTML.table(caption: "Percentile \(among(peers))", header: ["Marker", "Index", "Percentile"], numeric: [1, 2], rows: rows, className: "narrow", id: "peers-table"))
            </section>
            """
    }

    /// "among 20 peers", "among 1 peer".
    func among(_ peers: PeerStanding) -> String { "among \(peers.count) peer\(peers.count == 1 ? "" : "s")" }

    /// One bar for the overall index and one per marker, each filled to its percentile.
    func peerChart(_ peers: PeerStanding) -> String {
        let rows: [(lines: [String], percentile: Int, bold: Bool)] =
            [(["Overall"], peers.overall, true)] + peers.markers.map { (labelLines($0.id), $0.percentile, false) }
        let labelWidth = 224
        let barWidth = 400
        let barHeight = 18
        let top = 30
        let rowHeight = 40
        let width = 720
        let height = top + rows.count * rowHeight + 4
        let description =
            "Overall: \(narrative.percentile(peers.overall)). "
            + peers.markers.map { "\(questionnaire.name(of: $0.id)): \(narrative.percentile($0.percentile))." }
            .joined(separator: " ")
        var svg = SVG.opening(
            id: "peer-chart", width: width, height: height,
            title: "Percentile \(among(peers)), overall and per marker", description: description)
        func x(_ percentile: Int) -> Int { labelWidth + barWidth * min(max(percentile, 0), 100) / 100 }
        for (value, anchor) in [(0, "start"), (50, "middle"), (100, "end")] {
            svg += SVG.text("\(value)", x: x(value), y: 16, size: 12, weight: 600, fill: HTMLPalette.muted, anchor: anchor)
        }
        for (row, entry) in rows.enumerated() {
            let rowTop = top + row * rowHeight
            let barTop = rowTop + (rowHeight - barHeight) / 2
            for (line, text) in entry.lines.enumerated() {
                svg += SVG.text(
                    e(text), x: 0, y: barTop + 14 + (line * 2 - (entry.lines.count - 1)) * 8, size: 14,
                    weight: entry.bold ? 700 : 600)
            }
            svg +=
                "<rect x=\"\(labelWidth)\" y=\"\(barTop)\" width=\"\(barWidth)\" height=\"\(barHeight)\" rx=\"3\" "
                + "fill=\"#edf1f5\" stroke=\"#c3ced9\" stroke-width=\"1\"/>\n"
            if entry.percentile > 0 {
                svg +=
                    "<rect x=\"\(labelWidth)\" y=\"\(barTop)\" width=\"\(x(entry.percentile) - labelWidth)\" height=\"\(barHeight)\" "
                    + "rx=\"3\" fill=\"\(HTMLPalette.accent)\"/>\n"
            }
            svg += SVG.text(
                e(NumberFormat.ordinal(entry.percentile)), x: width, y: barTop + 14, size: 16, weight: 700,
                fill: HTMLPalette.accent, anchor: "end")
        }
        svg +=
            "<line x1=\"\(x(50))\" y1=\"\(top - 4)\" x2=\"\(x(50))\" y2=\"\(height - 4)\" stroke=\"\(HTMLPalette.ink)\" "
            + "stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>\n"
        return svg + "</svg>"
    }
}
