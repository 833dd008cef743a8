import LAERValues

/// The gap analysis as one self-contained HTML5 page for a client's executives: no scripts and
/// nothing fetched, inline CSS and SVG charts (each with a data table), readable in print on A4.
package struct HTMLReport: ReportRenderer {
    package init() {}

    package func render(_ result: ScoreResult, questionnaire: Questionnaire) -> String {
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
        moves = result.moves
    }

    var document: String {
        var parts = [header]
        if let spreads = result.spreads, result.respondents != nil, !spreads.isEmpty { parts.append(disagreementBox) }
        parts += [holdingBack, nextMoves, projection, charts]
        if let peers = result.peers { parts.append(peerStanding(peers)) }
        parts += [allGaps, toVerify]
        if !result.notes.isEmpty { parts.append(evidenceNotes) }
        if let spreads = result.spreads, result.respondents != nil, !spreads.isEmpty { parts.append(spreadTable(spreads)) }
        parts += [roadSigns, scoring, footer]
        return HTMLShell.document(
            title: "Gap analysis: \(narrative.respondentLine) (\(questionnaire.title))", sections: parts,
            extraStyle: HTMLPage.evidenceStyle)
    }

    // MARK: Words

    func e(_ text: String) -> String { HTML.escape(text) }
    func phase(_ id: PhaseID) -> String { e(questionnaire.name(of: id)) }
    func marker(_ id: MarkerID) -> String { e(questionnaire.name(of: id)) }
    /// A phase after its number and a full stop, as the other reports write phases.
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

    func meets(_ value: Double?, _ threshold: Double) -> Bool { narrative.meets(value, threshold) }
    func marks(_ value: Double?) -> String { narrative.marks(value) }
    func percent(_ value: Double) -> String { narrative.percent(value) }
    func attainmentText(_ value: Double?) -> String { narrative.attainmentText(value) }

    // MARK: Executive part

    var header: String {
        let overall = result.overall
        let gapNote = result.toVerify.isEmpty ? "up to the target" : "\(result.toVerify.count) more to verify"
        return """
            <header>
            <p class="eyebrow">Gap analysis · \(e(questionnaire.title))</p>
            <h1>\(e(narrative.respondentLine))</h1>
            <p class="context">\(e(narrative.contextLine))</p>
            \(narrative.blankSentence.map { "<p class=\"blank\" role=\"note\">\(e($0))</p>\n" } ?? "")<p class="headline">\(e(narrative.headline))</p>
            <dl class="figures">
            <div><dt>Phase now</dt><dd><span class="big">\(overall.phase.number) of 4</span> \(phase(overall.phase))</dd></div>
            <div><dt>Target</dt><dd><span class="big">\(result.target.number) of 4</span> \(phase(result.target))</dd></div>
            <div><dt>Index</dt><dd><span class="big">\(NumberFormat.decimal(overall.index))</span> on a scale of 1 to 4</dd></div>
            <div><dt>Gaps</dt><dd><span class="big">\(result.gaps.count)</span> \(gapNote)</dd></div>
            </dl>
            </header>
            """
    }

    var holdingBack: String {
        let reasons = narrative.holdingBack
        var html = "<section aria-labelledby=\"holding-back\">\n<h2 id=\"holding-back\">What holds you back</h2>\n"
        html +=
            reasons.isEmpty
            ? "<p>Nothing: every marker is at \(phase(result.overall.phase)).</p>\n"
            : "<ul class=\"reasons\">\n" + reasons.map { "<li>\(e($0))</li>\n" }.joined() + "</ul>\n"
        let perception = narrative.perceptionSentences
        if !perception.isEmpty {
            html +=
                "<h3>Where your view runs ahead of the evidence</h3>\n<ul class=\"reasons perception\">\n"
                + perception.map { "<li>\(e($0))</li>\n" }.joined() + "</ul>\n"
        }
        return html + "</section>"
    }

    var nextMoves: String {
        let first = moves.prefix(3)
        let rest = moves.dropFirst(3)
        let heading = ["Your next moves", "Your next move", "Your next two moves", "Your next three moves"][first.count]
        var html = "<section aria-labelledby=\"moves\">\n<h2 id=\"moves\">\(heading)</h2>\n"
        guard !moves.isEmpty else {
            return html + "<p>No rated capability up to \(phase(result.target)) falls short of fully.</p>\n</section>"
        }
        html += "<ol class=\"moves\">\n"
        for (index, move) in first.enumerated() {
            let count = result.gaps(of: move).count == 1 ? "1 capability" : "\(result.gaps(of: move).count) capabilities"
            html += """
                <li class="move">
                <h3><span class="move-number">\(index + 1)</span> \(e(narrative.title(of: move)))</h3>
                <p class="meta">\(marker(move.marker)) · \(numbered(move.phase)) · \(count) to build</p>
                <ol class="gaps">
                \(result.gaps(of: move).map { gapCard($0, notes: noteList($0.capability)) }.joined(separator: "\n"))
                </ol>
                </li>

                """
        }
        html += "</ol>\n"
        if !rest.isEmpty {
            html += "<h3>After these</h3>\n<ol class=\"more-moves\" start=\"4\">\n"
            for move in rest {
                let gaps = result.gaps(of: move).map { gap in
                    "<li>\(capabilityID(gap.capability)) \(e(gap.statement)) <span class=\"aside\">Rated \(gap.rating.rawValue), "
                        + "weight \(gap.weight). First step: \(e(gap.action))</span>\(noteList(gap.capability) ?? "")</li>"
                }
                html +=
                    "<li><strong>\(e(narrative.title(of: move)))</strong>\n<ul>\n" + gaps.joined(separator: "\n")
                    + "\n</ul>\n</li>\n"
            }
            html += "</ol>\n"
        }
        return html + "</section>"
    }

    /// A gap as a card, without notes: as the diff report shows the moves.
    func gapCard(_ gap: Gap) -> String { gapCard(gap, notes: nil) }

    /// A gap as a card: statement, first step, `notes` (markup from `noteList`) and facts.
    func gapCard(_ gap: Gap, notes: String?) -> String {
        let motions = gap.motions.map { $0.rawValue.prefix(1).uppercased() + $0.rawValue.dropFirst() }.joined(separator: ", ")
        let facts: KeyValuePairs<String, String> = [
            "Capability": capabilityID(gap.capability), "Marker": marker(gap.marker),
            "Motions": motions.isEmpty ? "none named" : motions, "Research area": e(gap.researchArea),
            "Rated": gap.rating.rawValue, "Weight": "\(gap.weight) of 3",
            "Source": e(gap.source),
        ]
        return """
            <li class="gap">
            <p class="statement">\(e(gap.statement))</p>
            <p class="action"><span class="label">First step</span> <strong>\(e(gap.action))</strong></p>
            \(notes.map { $0 + "\n" } ?? "")<dl class="facts">\(facts.map { "<div><dt>\($0.key)</dt><dd>\($0.value)</dd></div>" }.joined())</dl>
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
            let below = result.target.number - score.phase.number
            let atTarget = below <= 0 ? "yes" : "no, \(below) phase\(below == 1 ? "" : "s") below"
            return HTML.row(
                [marker(score.id), numbered(score.phase), NumberFormat.decimal(score.index), atTarget],
                classes: [nil, nil, "num", nil])
        }
        let heatRows = MarkerID.allCases.compactMap(result.marker).map { score in
            HTML.row(
                [marker(score.id)] + PhaseID.assessed.map { attainmentText(score.attainment[$0]) },
                classes: [nil] + PhaseID.assessed.map { _ in "num" })
        }
        let marksNote =
            "✓ meets reach, \(NumberFormat.percent(reach)); ✓✓ meets consolidate, \(NumberFormat.percent(consolidate))"
        return """
            <section aria-labelledby="charts">
            <h2 id="charts">Where each marker stands</h2>
            <h3>The phase ladder</h3>
            <figure>
            \(ladderChart)
            <figcaption>Filled steps are the phases a marker has reached; the dashed outline marks the target, \
            \(numbered(result.target)). The number on the right is the marker index, from 1.00 to 4.00.</figcaption>
            </figure>
            \(HTML.table(caption: "Phase and index per marker", header: ["Marker", "Phase reached", "Index", "At the target"], numeric: [2], rows: ladderRows, className: "narrow", id: "ladder-table"))
            \(narrative.indexExplanation.map { "<p class=\"explanation\">\(e($0))</p>\n" } ?? "")<h3>Attainment by marker and phase</h3>
            <figure>
            \(heatMap)
            <figcaption>Darker cells mean higher attainment (the weighted mean rating). A phase is reached at \
            \(NumberFormat.percent(reach)) or more (✓), and a phase needs \(NumberFormat.percent(consolidate)) or more (✓✓) \
            before the next one can count. Hatched cells have no answered capability.</figcaption>
            </figure>
            \(HTML.table(caption: "Attainment per marker and phase (\(marksNote))", header: ["Marker"] + PhaseID.assessed.map { questionnaire.name(of: $0) }, numeric: [1, 2, 3], rows: heatRows, className: "narrow", id: "heat-table"))
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
            HTML.row(
                [
                    "\(gap.rank)", capabilityID(gap.capability), e(gap.statement) + (noteList(gap.capability) ?? ""),
                    marker(gap.marker),
                    numbered(gap.phase),
                    gap.rating.rawValue, "\(gap.weight)", e(gap.researchArea),
                ],
                header: 1, classes: ["num", nil, nil, nil, nil, nil, "num", nil])
        }
        html += HTML.table(
            caption: "Capabilities up to \(questionnaire.name(of: result.target)) not rated fully, in order of priority",
            header: ["Rank", "Capability", "Statement", "Marker", "Phase", "Rating", "Weight", "Research area"], numeric: [0, 6],
            rows: rows,
            className: "gaps-table", id: "gaps-table")
        return html + "</section>"
    }

    var toVerify: String {
        var html = "<section aria-labelledby=\"to-verify\">\n<h2 id=\"to-verify\">To verify</h2>\n"
        if result.toVerify.isEmpty {
            html +=
                "<p>Every capability up to \(phase(result.target)) was answered."
                + (narrative.unansweredAboveTargetSentence.map { " " + e($0) } ?? "") + "</p>\n"
        } else {
            html +=
                "<p>\(e(narrative.toVerifySentence))</p>\n"
                + capabilityList(result.toVerify) + "\n"
        }
        return html + "</section>"
    }

    var roadSigns: String {
        let tally = result.roadSigns
        var html = "<section aria-labelledby=\"road-signs\">\n<h2 id=\"road-signs\">Road signs</h2>\n"
        html +=
            "<p><strong>\(tally.present) of \(tally.total)</strong> signs that a company is on the right path are present.</p>\n"
        let missing = narrative.missingRoadSigns
        if !missing.isEmpty {
            html +=
                "<p>Not seen yet:</p>\n<ul class=\"road-signs\">\n" + missing.map { "<li>\(e($0))</li>\n" }.joined() + "</ul>\n"
        }
        return html + "</section>"
    }

    var scoring: String {
        let reachText = NumberFormat.percent(reach)
        let consolidateText = NumberFormat.percent(consolidate)
        let first = PhaseID.assessed.first.map(phase) ?? ""
        let cellRows = MarkerID.allCases.compactMap(result.marker).flatMap { score in
            PhaseID.assessed.enumerated().map { index, id in
                let value = score.attainment[id]
                let coverage = score.coverage[id] ?? Coverage()
                let cells = [
                    value.map(percent) ?? "no evidence", meets(value, reach) ? "yes" : "no",
                    meets(value, consolidate) ? "yes" : "no", "\(coverage.answered)", "\(coverage.notApplicable)",
                    "\(coverage.unanswered)",
                ]
                let group = index == 0 ? "<th scope=\"row\" rowspan=\"\(PhaseID.assessed.count)\">\(marker(score.id))</th>" : ""
                let end = index == PhaseID.assessed.count - 1 ? " class=\"group-end\"" : ""
                return "<tr\(end)>\(group)<th scope=\"row\" class=\"phase\">\(numbered(id))</th>"
                    + zip(cells, ["num", "", "", "num", "num", "num"]).map {
                        "<td\($1.isEmpty ? "" : " class=\"\($1)\"")>\($0)</td>"
                    }.joined()
                    + "</tr>"
            }
        }
        var total = Coverage()
        var coverageRows = MarkerID.allCases.compactMap(result.marker).map { score in
            let coverage = score.totalCoverage
            total = total + coverage
            return HTML.row(
                [
                    marker(score.id), "\(coverage.answered)", "\(coverage.notApplicable)", "\(coverage.unanswered)",
                    "\(coverage.total)",
                ],
                classes: [nil, "num", "num", "num", "num"])
        }
        coverageRows.append(
            HTML.row(
                ["All markers", "\(total.answered)", "\(total.notApplicable)", "\(total.unanswered)", "\(total.total)"],
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
            \(HTML.table(caption: "Attainment against the thresholds", header: ["Marker", "Phase", "Attainment", "Reach \(reachText)", "Consolidate \(consolidateText)", "Answered", "N/A", "Unanswered"], numeric: [2, 5, 6, 7], rows: cellRows, className: "cells-table", id: "cells-table"))
            \(HTML.table(caption: "Coverage per marker", header: ["Marker", "Answered", "N/A", "Unanswered", "Capabilities"], numeric: [1, 2, 3, 4], rows: coverageRows, className: "narrow", id: "coverage-table"))
            </section>
            """
    }

    var footer: String {
        "<footer>\n<p>Answers read from <code>\(e(result.source))</code>. Scored against \(e(questionnaire.title)) "
            + "(\(e(questionnaire.id)) \(e(questionnaire.version.description))) by laer.</p>\n</footer>"
    }
}
