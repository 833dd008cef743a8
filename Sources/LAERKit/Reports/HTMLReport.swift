/// The gap analysis as one self-contained HTML5 page for a client's executives: no scripts and
/// nothing fetched, inline CSS and SVG charts (each with a data table), readable in print on A4.
public struct HTMLReport: ReportRenderer {
    public init() {}

    public func render(_ result: ScoreResult, questionnaire: Questionnaire) -> String {
        HTMLPage(result: result, questionnaire: questionnaire).document
    }
}

/// One rendering: the result, its questionnaire, the shared sentences and the moves, all escaped on the way out.
struct HTMLPage {
    let result: ScoreResult
    let questionnaire: Questionnaire
    let narrative: Narrative
    let moves: [GapAnalysis.Move]

    init(result: ScoreResult, questionnaire: Questionnaire) {
        self.result = result
        self.questionnaire = questionnaire
        narrative = Narrative(result: result, questionnaire: questionnaire)
        moves = GapAnalysis.moves(for: result)
    }

    var document: String {
        var parts = [
            "<!DOCTYPE html>", "<html lang=\"en\">", "<head>", "<meta charset=\"utf-8\">",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
            "<meta name=\"color-scheme\" content=\"light\">",
            "<title>\(e("Gap analysis: \(narrative.respondentLine) (\(questionnaire.title))"))</title>",
            "<style>\n\(HTMLPage.styleSheet)</style>", "</head>", "<body>", "<main>", header,
        ]
        if let disagreement = result.disagreement, result.respondents != nil, !disagreement.isEmpty {
            parts.append(disagreementBox(disagreement))
        }
        parts += [holdingBack, nextMoves, projection, charts, allGaps, toVerify, roadSigns, scoring, footer, "</main>", "</body>", "</html>"]
        return parts.joined(separator: "\n") + "\n"
    }

    // MARK: Words

    func e(_ text: String) -> String { HTML.escape(text) }
    func phase(_ id: PhaseID) -> String { e(questionnaire.name(of: id)) }
    func marker(_ id: MarkerID) -> String { e(questionnaire.name(of: id)) }
    /// "2. LAER Experiment", as the other reports number phases.
    func numbered(_ id: PhaseID) -> String { "\(id.number). \(phase(id))" }
    var reach: Double { questionnaire.scoring.reach }
    var consolidate: Double { questionnaire.scoring.consolidate }

    func statement(of id: String) -> String {
        questionnaire.capability(id)?.statement ?? result.gaps.first { $0.capability == id }?.statement ?? ""
    }

    func capabilityID(_ id: String) -> String { "<span class=\"cap-id\">\(e(id))</span>" }

    func capabilityList(_ ids: [String], ordered: Bool = false) -> String {
        let tag = ordered ? "ol" : "ul"
        let items = ids.map { "<li>\(capabilityID($0)) \(e(statement(of: $0)))</li>" }
        return "<\(tag) class=\"capabilities\">\n" + items.joined(separator: "\n") + "\n</\(tag)>"
    }

    func meets(_ value: Double?, _ threshold: Double) -> Bool {
        guard let value else { return false }
        return value >= threshold - Scorer.tolerance
    }

    /// "✓✓" at or above consolidate, "✓" at or above reach: the text mark that goes with every shade.
    func marks(_ value: Double?) -> String {
        meets(value, consolidate) ? "✓✓" : meets(value, reach) ? "✓" : ""
    }

    /// A whole percentage, or one decimal where rounding would make a value short of a threshold read as
    /// meeting it (84.9% against 85%).
    func percent(_ value: Double) -> String {
        let whole = NumberFormat.percent(value)
        for threshold in [reach, consolidate] where !meets(value, threshold) && whole == NumberFormat.percent(threshold) {
            return NumberFormat.decimal((value * 1000 + 1e-6).rounded(.down) / 10, places: 1) + "%"
        }
        return whole
    }

    func attainmentText(_ value: Double?) -> String {
        guard let value else { return "no evidence" }
        let mark = marks(value)
        return percent(value) + (mark.isEmpty ? "" : " " + mark)
    }

    // MARK: Executive part

    var header: String {
        let overall = result.overall
        let gapNote = result.toVerify.isEmpty ? "up to the target" : "\(result.toVerify.count) more to verify"
        return """
        <header>
        <p class="eyebrow">Gap analysis · \(e(questionnaire.title))</p>
        <h1>\(e(narrative.respondentLine))</h1>
        <p class="context">\(e(narrative.contextLine))</p>
        <p class="headline">\(e(narrative.headline))</p>
        <dl class="figures">
        <div><dt>Phase now</dt><dd><span class="big">\(overall.phase.number) of 4</span> \(phase(overall.phase))</dd></div>
        <div><dt>Target</dt><dd><span class="big">\(result.target.number) of 4</span> \(phase(result.target))</dd></div>
        <div><dt>Index</dt><dd><span class="big">\(NumberFormat.decimal(overall.index))</span> on a scale of 1 to 4</dd></div>
        <div><dt>Gaps</dt><dd><span class="big">\(result.gaps.count)</span> \(gapNote)</dd></div>
        </dl>
        </header>
        """
    }

    func disagreementBox(_ ids: [String]) -> String {
        let count = result.respondents ?? 0
        return """
        <section class="callout" aria-labelledby="disagreement">
        <h2 id="disagreement">Where the leadership team disagrees</h2>
        <p>The \(count) respondents’ ratings of these capabilities are two or more levels apart (widest first). \
        Agree on them before acting on the moves below: the scores use the mean rating.</p>
        \(capabilityList(ids))
        </section>
        """
    }

    var holdingBack: String {
        let reasons = narrative.holdingBack
        var html = "<section aria-labelledby=\"holding-back\">\n<h2 id=\"holding-back\">What holds you back</h2>\n"
        html += reasons.isEmpty
            ? "<p>Nothing: every marker is at \(phase(result.overall.phase)).</p>\n"
            : "<ul class=\"reasons\">\n" + reasons.map { "<li>\(e($0))</li>\n" }.joined() + "</ul>\n"
        let perception = narrative.perceptionSentences
        if !perception.isEmpty {
            html += "<h3>Where your view runs ahead of the evidence</h3>\n<ul class=\"reasons perception\">\n"
                + perception.map { "<li>\(e($0))</li>\n" }.joined() + "</ul>\n"
        }
        return html + "</section>"
    }

    var nextMoves: String {
        let first = moves.prefix(3), rest = moves.dropFirst(3)
        let heading = ["Your next moves", "Your next move", "Your next two moves", "Your next three moves"][first.count]
        var html = "<section aria-labelledby=\"moves\">\n<h2 id=\"moves\">\(heading)</h2>\n"
        guard !moves.isEmpty else {
            return html + "<p>No rated capability up to \(phase(result.target)) falls short of fully.</p>\n</section>"
        }
        html += "<ol class=\"moves\">\n"
        for (index, move) in first.enumerated() {
            let count = move.gaps.count == 1 ? "1 capability" : "\(move.gaps.count) capabilities"
            html += """
            <li class="move">
            <h3><span class="move-number">\(index + 1)</span> \(e(narrative.title(of: move)))</h3>
            <p class="meta">\(marker(move.marker)) · \(numbered(move.phase)) · \(count) to build</p>
            <ol class="gaps">
            \(move.gaps.map(gapCard).joined(separator: "\n"))
            </ol>
            </li>

            """
        }
        html += "</ol>\n"
        if !rest.isEmpty {
            html += "<h3>After these</h3>\n<ol class=\"more-moves\" start=\"4\">\n"
            for move in rest {
                let gaps = move.gaps.map { gap in
                    "<li>\(capabilityID(gap.capability)) \(e(gap.statement)) <span class=\"aside\">Rated \(gap.rating.rawValue), "
                        + "weight \(gap.weight). First step: \(e(gap.action))</span></li>"
                }
                html += "<li><strong>\(e(narrative.title(of: move)))</strong>\n<ul>\n" + gaps.joined(separator: "\n") + "\n</ul>\n</li>\n"
            }
            html += "</ol>\n"
        }
        return html + "</section>"
    }

    func gapCard(_ gap: Gap) -> String {
        let motions = gap.motions.map { $0.rawValue.prefix(1).uppercased() + $0.rawValue.dropFirst() }.joined(separator: ", ")
        let facts: KeyValuePairs<String, String> = [
            "Capability": capabilityID(gap.capability), "Marker": marker(gap.marker), "Motions": motions.isEmpty ? "none named" : motions, "Research area": e(gap.researchArea),
            "Rated": gap.rating.rawValue, "Weight": "\(gap.weight) of 3",
            "Source": gap.basis == .stated ? "stated in the sources" : "inferred from the sources",
        ]
        return """
        <li class="gap">
        <p class="statement">\(e(gap.statement))</p>
        <p class="action"><span class="label">First step</span> <strong>\(e(gap.action))</strong></p>
        <dl class="facts">\(facts.map { "<div><dt>\($0.key)</dt><dd>\($0.value)</dd></div>" }.joined())</dl>
        </li>
        """
    }

    var projection: String {
        var html = "<section aria-labelledby=\"projection\">\n<h2 id=\"projection\">The projection</h2>\n"
        html += "<p class=\"lead\">\(e(narrative.projectionSentence))</p>\n"
        if !result.projection.capabilities.isEmpty {
            if !result.projection.unreachable.isEmpty { html += "<p>Meanwhile, these gaps lift the answered phases:</p>\n" }
            html += capabilityList(result.projection.capabilities, ordered: true) + "\n"
        }
        return html + "</section>"
    }

    // MARK: Charts

    var charts: String {
        let ladderRows = MarkerID.allCases.compactMap(result.marker).map { score in
            HTML.row([marker(score.id), numbered(score.phase), NumberFormat.decimal(score.index),
                      score.phase >= result.target ? "yes" : "no, \(result.target.number - score.phase.number) phase\(result.target.number - score.phase.number == 1 ? "" : "s") below"],
                     classes: [nil, nil, "num", nil])
        }
        let heatRows = MarkerID.allCases.compactMap(result.marker).map { score in
            HTML.row([marker(score.id)] + PhaseID.assessed.map { attainmentText(score.attainment[$0]) },
                     classes: [nil] + PhaseID.assessed.map { _ in "num" })
        }
        let marksNote = "✓ meets reach, \(NumberFormat.percent(reach)); ✓✓ meets consolidate, \(NumberFormat.percent(consolidate))"
        return """
        <section aria-labelledby="charts">
        <h2 id="charts">Where each marker stands</h2>
        <h3>The phase ladder</h3>
        <figure>
        \(ladderChart)
        <figcaption>Filled steps are the phases a marker has reached; the dashed outline marks the target, \
        \(numbered(result.target)). The number on the right is the marker index, from 1.00 to 4.00.</figcaption>
        </figure>
        \(HTML.table(caption: "Phase and index per marker", header: ["Marker", "Phase reached", "Index", "At the target"], numeric: [2], rows: ladderRows, className: "narrow"))
        <h3>Attainment by marker and phase</h3>
        <figure>
        \(heatMap)
        <figcaption>Darker cells mean higher attainment (the weighted mean rating). A phase is reached at \
        \(NumberFormat.percent(reach)) or more (✓), and a phase needs \(NumberFormat.percent(consolidate)) or more (✓✓) \
        before the next one can count. Hatched cells have no answered capability.</figcaption>
        </figure>
        \(HTML.table(caption: "Attainment per marker and phase (\(marksNote))", header: ["Marker"] + PhaseID.assessed.map { questionnaire.name(of: $0) }, numeric: [1, 2, 3], rows: heatRows, className: "narrow"))
        </section>
        """
    }

    // MARK: Evidence

    var allGaps: String {
        var html = "<section aria-labelledby=\"all-gaps\">\n<h2 id=\"all-gaps\">All gaps</h2>\n"
        guard !result.gaps.isEmpty else {
            return html + "<p>No rated capability up to \(phase(result.target)) falls short of fully.</p>\n</section>"
        }
        let rows = result.gaps.map { gap in
            HTML.row(["\(gap.rank)", capabilityID(gap.capability), e(gap.statement), marker(gap.marker), numbered(gap.phase),
                      gap.rating.rawValue, "\(gap.weight)", e(gap.researchArea)],
                     header: 1, classes: ["num", nil, nil, nil, nil, nil, "num", nil])
        }
        html += HTML.table(
            caption: "Capabilities up to \(questionnaire.name(of: result.target)) not rated fully, in order of priority",
            header: ["Rank", "Capability", "Statement", "Marker", "Phase", "Rating", "Weight", "Research area"], numeric: [0, 6], rows: rows,
            className: "gaps-table")
        return html + "</section>"
    }

    var toVerify: String {
        var html = "<section aria-labelledby=\"to-verify\">\n<h2 id=\"to-verify\">To verify</h2>\n"
        if result.toVerify.isEmpty {
            html += "<p>Every capability up to \(phase(result.target)) was answered.</p>\n"
        } else {
            html += "<p>Nobody answered these capabilities up to \(phase(result.target)); they count in no score until they are rated.</p>\n"
                + capabilityList(result.toVerify) + "\n"
        }
        return html + "</section>"
    }

    var roadSigns: String {
        let tally = result.roadSigns
        var html = "<section aria-labelledby=\"road-signs\">\n<h2 id=\"road-signs\">Road signs</h2>\n"
        html += "<p><strong>\(tally.present) of \(tally.total)</strong> signs that a company is on the right path are present.</p>\n"
        let missing = narrative.missingRoadSigns
        if !missing.isEmpty {
            html += "<p>Not seen yet:</p>\n<ul class=\"road-signs\">\n" + missing.map { "<li>\(e($0))</li>\n" }.joined() + "</ul>\n"
        }
        return html + "</section>"
    }

    var scoring: String {
        let reachText = NumberFormat.percent(reach), consolidateText = NumberFormat.percent(consolidate)
        let first = PhaseID.assessed.first.map(phase) ?? ""
        let cellRows = MarkerID.allCases.compactMap(result.marker).flatMap { score in
            PhaseID.assessed.enumerated().map { index, id in
                let value = score.attainment[id], coverage = score.coverage[id] ?? Coverage()
                let cells = [value.map(percent) ?? "no evidence", meets(value, reach) ? "yes" : "no",
                             meets(value, consolidate) ? "yes" : "no", "\(coverage.answered)", "\(coverage.notApplicable)",
                             "\(coverage.unanswered)"]
                let group = index == 0 ? "<th scope=\"row\" rowspan=\"\(PhaseID.assessed.count)\">\(marker(score.id))</th>" : ""
                let end = index == PhaseID.assessed.count - 1 ? " class=\"group-end\"" : ""
                return "<tr\(end)>\(group)<th scope=\"row\" class=\"phase\">\(numbered(id))</th>"
                    + zip(cells, ["num", "", "", "num", "num", "num"]).map { "<td\($1.isEmpty ? "" : " class=\"\($1)\"")>\($0)</td>" }.joined()
                    + "</tr>"
            }
        }
        var total = Coverage()
        var coverageRows = MarkerID.allCases.compactMap(result.marker).map { score in
            let coverage = score.totalCoverage
            total = total + coverage
            return HTML.row([marker(score.id), "\(coverage.answered)", "\(coverage.notApplicable)", "\(coverage.unanswered)", "\(coverage.total)"],
                            classes: [nil, "num", "num", "num", "num"])
        }
        coverageRows.append(HTML.row(["All markers", "\(total.answered)", "\(total.notApplicable)", "\(total.unanswered)", "\(total.total)"],
                                     classes: ["total", "num total", "num total", "num total", "num total"]))
        return """
        <section aria-labelledby="scoring">
        <h2 id="scoring">How this was scored</h2>
        <p>Ratings count as not 0, partially ⅓, largely ⅔ and fully 1; N/A and unanswered capabilities are left out of every mean \
        and counted below. A marker’s attainment of a phase is the weighted mean of its capabilities in that phase. A marker \
        reaches a phase when that phase’s attainment is at least <strong>\(reachText)</strong> (reach) and every phase below it, \
        from \(first) up, is at least <strong>\(consolidateText)</strong> (consolidate); the first phase not reached stops the \
        climb, and a phase with nothing answered is not reached. The marker index is 1 plus its three attainments. The \
        company is at its lowest marker’s phase, and its index is the mean of the marker indices.</p>
        \(HTML.table(caption: "Attainment against the thresholds", header: ["Marker", "Phase", "Attainment", "Reach \(reachText)", "Consolidate \(consolidateText)", "Answered", "N/A", "Unanswered"], numeric: [2, 5, 6, 7], rows: cellRows, className: "cells-table"))
        \(HTML.table(caption: "Coverage per marker", header: ["Marker", "Answered", "N/A", "Unanswered", "Capabilities"], numeric: [1, 2, 3, 4], rows: coverageRows, className: "narrow"))
        </section>
        """
    }

    var footer: String {
        "<footer>\n<p>Answers read from <code>\(e(result.source))</code>. Scored against \(e(questionnaire.title)) "
            + "(\(e(questionnaire.id)) \(e(questionnaire.version.description))) by laer.</p>\n</footer>"
    }
}

// MARK: - Charts

extension HTMLPage {
    static let ink = "#1c2833", muted = "#52606d", rule = "#d5dde5", accent = "#1f5f8b", amber = "#b45309", amberText = "#92400e"

    /// `<svg>` opening with its text alternative: a screen reader reads the title and the description.
    func svgOpening(id: String, width: Int, height: Int, title: String, description: String) -> String {
        "<svg viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\" class=\"chart\">\n"
            + "<title id=\"\(id)-title\">\(e(title))</title>\n<desc id=\"\(id)-desc\">\(e(description))</desc>\n"
    }

    func svgText(_ text: String, x: Int, y: Int, size: Int = 13, weight: Int = 400, fill: String = HTMLPage.ink,
                 anchor: String = "start", italic: Bool = false) -> String {
        let style = italic ? " font-style=\"italic\"" : ""
        return "<text x=\"\(x)\" y=\"\(y)\" font-size=\"\(size)\" font-weight=\"\(weight)\" fill=\"\(fill)\" "
            + "text-anchor=\"\(anchor)\"\(style)>\(text)</text>\n"
    }

    /// A name split at the space nearest its middle, so that long phase names fit a narrow column.
    func twoLines(_ name: String) -> [String] {
        let words = name.split(separator: " ").map(String.init)
        guard words.count > 1 else { return [name] }
        let splits = (1..<words.count).map { index in
            (index, abs(words[..<index].joined(separator: " ").count - words[index...].joined(separator: " ").count))
        }
        let best = splits.min { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }?.0 ?? 1
        return [words[..<best].joined(separator: " "), words[best...].joined(separator: " ")]
    }

    /// A marker's name on one line, or two when it would run into the chart (about 24 characters at 14 points).
    func labelLines(_ id: MarkerID) -> [String] {
        let name = questionnaire.name(of: id)
        return name.count > 24 ? twoLines(name) : [name]
    }

    /// Five rows of four steps: filled up to the marker's phase, the target outlined, the index written on the right.
    var ladderChart: String {
        let scores = MarkerID.allCases.compactMap(result.marker)
        let labelWidth = 224, stepWidth = 100, stepGap = 8, top = 62, rowHeight = 62, width = 720
        let height = top + scores.count * rowHeight + 4
        let description = scores.map {
            "\(questionnaire.name(of: $0.id)): phase \($0.phase.number) of 4, \(questionnaire.name(of: $0.phase)), index \(NumberFormat.decimal($0.index))."
        }.joined(separator: " ") + " Target: phase \(result.target.number), \(questionnaire.name(of: result.target))."
        var svg = svgOpening(id: "ladder", width: width, height: height, title: "Phase ladder: the phase each marker has reached, of four",
                             description: description)
        func stepX(_ phase: PhaseID) -> Int { labelWidth + (phase.number - 1) * (stepWidth + stepGap) }
        for phase in PhaseID.allCases {
            let center = stepX(phase) + stepWidth / 2
            for (line, text) in twoLines(questionnaire.name(of: phase)).enumerated() {
                svg += svgText(e(text), x: center, y: 14 + line * 15, size: 12, weight: 600, fill: HTMLPage.muted, anchor: "middle")
            }
            if phase == result.target {
                svg += "<rect x=\"\(center - 30)\" y=\"36\" width=\"60\" height=\"18\" rx=\"9\" fill=\"none\" stroke=\"\(HTMLPage.amber)\" "
                    + "stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>\n"
                svg += svgText("target", x: center, y: 49, size: 11, weight: 700, fill: HTMLPage.amberText, anchor: "middle")
            }
        }
        svg += svgText("Index", x: width, y: 14, size: 12, weight: 600, fill: HTMLPage.muted, anchor: "end")
        for (row, score) in scores.enumerated() {
            let rowTop = top + row * rowHeight, baseline = rowTop + rowHeight - 8
            svg += "<line x1=\"0\" y1=\"\(rowTop)\" x2=\"\(width)\" y2=\"\(rowTop)\" stroke=\"#e6ebf0\" stroke-width=\"1\"/>\n"
            let ladderLabel = labelLines(score.id)
            for (line, text) in ladderLabel.enumerated() {
                svg += svgText(e(text), x: 0, y: baseline - 22 - (ladderLabel.count - 1 - line) * 15, size: 14, weight: 600)
            }
            svg += svgText(numbered(score.phase), x: 0, y: baseline - 3, size: 12, fill: HTMLPage.muted)
            for phase in PhaseID.allCases {
                let stepHeight = 14 + phase.number * 9, x = stepX(phase), y = baseline - stepHeight
                let reached = phase <= score.phase
                svg += "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(stepWidth)\" height=\"\(stepHeight)\" rx=\"3\" "
                    + (reached ? "fill=\"\(HTMLPage.accent)\"/>\n" : "fill=\"#edf1f5\" stroke=\"#c3ced9\" stroke-width=\"1\"/>\n")
                if phase == result.target {
                    svg += "<rect x=\"\(x - 3)\" y=\"\(y - 3)\" width=\"\(stepWidth + 6)\" height=\"\(stepHeight + 6)\" rx=\"5\" fill=\"none\" "
                        + "stroke=\"\(HTMLPage.amber)\" stroke-width=\"2.5\" stroke-dasharray=\"6 4\"/>\n"
                }
                svg += svgText("\(phase.number)", x: x + stepWidth / 2, y: y + stepHeight / 2 + 5, size: 13, weight: 700,
                               fill: reached ? "#ffffff" : HTMLPage.muted, anchor: "middle")
            }
            svg += svgText(NumberFormat.decimal(score.index), x: width, y: baseline - 12, size: 18, weight: 700, fill: HTMLPage.accent, anchor: "end")
        }
        return svg + "</svg>"
    }

    /// The cell colour for an attainment: from near white to a mid blue on which dark text keeps a 4.5:1 contrast.
    static func shade(_ attainment: Double) -> String {
        let from = [244.0, 247.0, 251.0], to = [91.0, 141.0, 184.0], t = min(max(attainment, 0), 1)
        return "#" + (0..<3).map { channel in
            let hex = String(Int((from[channel] + (to[channel] - from[channel]) * t).rounded()), radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }.joined()
    }

    /// Markers by assessed phases, shaded by attainment with the percentage and threshold marks written in;
    /// a scale below shows where the two thresholds fall.
    var heatMap: String {
        let scores = MarkerID.allCases.compactMap(result.marker)
        let labelWidth = 224, cellWidth = 160, cellGap = 6, cellHeight = 42, top = 28, width = 720
        let legendTop = top + scores.count * (cellHeight + cellGap) + 14
        let height = legendTop + 66
        let description = scores.map { score in
            questionnaire.name(of: score.id) + ": " + PhaseID.assessed.map { phase in
                let value = score.attainment[phase]
                let mark = meets(value, consolidate) ? " (meets consolidate)" : meets(value, reach) ? " (meets reach)" : ""
                return questionnaire.name(of: phase) + " " + (value.map(percent) ?? "no evidence") + mark
            }.joined(separator: ", ") + "."
        }.joined(separator: " ") + " Thresholds: reach \(NumberFormat.percent(reach)), consolidate \(NumberFormat.percent(consolidate))."
        var svg = svgOpening(id: "heat", width: width, height: height, title: "Attainment heat map: markers by phase, against the thresholds",
                             description: description)
        svg += "<defs>\n<pattern id=\"heat-none\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
            + "<rect width=\"8\" height=\"8\" fill=\"#ffffff\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"8\" stroke=\"#dde3ea\" stroke-width=\"4\"/></pattern>\n"
            + "<linearGradient id=\"heat-scale\"><stop offset=\"0\" stop-color=\"\(HTMLPage.shade(0))\"/>"
            + "<stop offset=\"1\" stop-color=\"\(HTMLPage.shade(1))\"/></linearGradient>\n</defs>\n"
        func cellX(_ column: Int) -> Int { labelWidth + column * (cellWidth + cellGap) }
        for (column, id) in PhaseID.assessed.enumerated() {
            svg += svgText(phase(id), x: cellX(column) + cellWidth / 2, y: 16, size: 12, weight: 600, fill: HTMLPage.muted, anchor: "middle")
        }
        for (row, score) in scores.enumerated() {
            let y = top + row * (cellHeight + cellGap)
            let heatLabel = labelLines(score.id)
            for (line, text) in heatLabel.enumerated() {
                svg += svgText(e(text), x: 0, y: y + 26 + (line * 2 - (heatLabel.count - 1)) * 8, size: 14, weight: 600)
            }
            for (column, phase) in PhaseID.assessed.enumerated() {
                let value = score.attainment[phase], x = cellX(column)
                let strong = meets(value, consolidate)
                svg += "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(cellWidth)\" height=\"\(cellHeight)\" rx=\"4\" "
                    + "fill=\"\(value.map(HTMLPage.shade) ?? "url(#heat-none)")\" stroke=\"\(strong ? HTMLPage.ink : "#c3ced9")\" "
                    + "stroke-width=\"\(strong ? 2 : 1)\"/>\n"
                svg += value == nil
                    ? svgText("no evidence", x: x + cellWidth / 2, y: y + 26, size: 13, fill: HTMLPage.muted, anchor: "middle", italic: true)
                    : svgText(attainmentText(value), x: x + cellWidth / 2, y: y + 27, size: 15, weight: 700, fill: "#0f1f2e", anchor: "middle")
            }
        }
        let barLeft = labelWidth, barWidth = 3 * cellWidth + 2 * cellGap - 40, barTop = legendTop + 22
        func tick(_ threshold: Double) -> Int { barLeft + Int((Double(barWidth) * min(max(threshold, 0), 1)).rounded()) }
        svg += svgText("Scale", x: 0, y: barTop + 11, size: 12, weight: 600, fill: HTMLPage.muted)
        svg += svgText("0%", x: barLeft - 6, y: barTop + 11, size: 11, fill: HTMLPage.muted, anchor: "end")
        svg += "<rect x=\"\(barLeft)\" y=\"\(barTop)\" width=\"\(barWidth)\" height=\"14\" fill=\"url(#heat-scale)\" stroke=\"#c3ced9\" stroke-width=\"1\"/>\n"
        svg += svgText("100%", x: barLeft + barWidth + 6, y: barTop + 11, size: 11, fill: HTMLPage.muted)
        for (threshold, label, above) in [(reach, "✓ reach \(NumberFormat.percent(reach))", true),
                                          (consolidate, "✓✓ consolidate \(NumberFormat.percent(consolidate))", false)] {
            let x = tick(threshold)
            svg += "<line x1=\"\(x)\" y1=\"\(above ? barTop - 8 : barTop)\" x2=\"\(x)\" y2=\"\(above ? barTop + 14 : barTop + 22)\" "
                + "stroke=\"\(HTMLPage.ink)\" stroke-width=\"2\"/>\n"
            let labelX = min(max(x, barLeft + 70), width - 70)
            svg += svgText(e(label), x: labelX, y: above ? barTop - 12 : barTop + 36, size: 12, weight: 600, anchor: "middle")
        }
        return svg + "</svg>"
    }
}

// MARK: - Style sheet

extension HTMLPage {
    /// Calm and print-friendly: system fonts, one accent colour, nothing that needs a background to be read.
    static let styleSheet = """
    :root { --ink: #1c2833; --muted: #52606d; --rule: #d5dde5; --accent: #1f5f8b; --accent-soft: #eaf1f7;
      --warn: #92400e; --warn-rule: #d97706; --warn-soft: #fff7e8; --canvas: #f3f5f7; }
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
      .figures { grid-template-columns: repeat(2, 1fr); }
      table { font-size: .8rem; }
    }
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
      thead { display: table-header-group; }
      footer { margin-top: 1rem; break-before: avoid; }
    }

    """
}
