import LAERValues

/// What changed between two assessments as one self-contained HTML5 page: no scripts and nothing
/// fetched, the score report's shell and palette, a chart of the marker indices before and after
/// with its data table, and every change as a table or list.
package struct DiffHTMLReport: ReportRenderer {
    package init() {}

    package func render(_ diff: AssessmentDiff, questionnaire: Questionnaire) -> String {
        DiffHTMLPage(diff: diff, questionnaire: questionnaire).document
    }
}

/// One rendering of a diff, all text escaped on the way out; the newer result's page lends its
/// capability tags and gap cards, so that the next moves look as they do in the score report.
struct DiffHTMLPage {
    let diff: AssessmentDiff
    let questionnaire: Questionnaire
    let words: DiffNarrative
    let score: HTMLPage

    init(diff: AssessmentDiff, questionnaire: Questionnaire) {
        self.diff = diff
        self.questionnaire = questionnaire
        words = DiffNarrative(diff: diff, questionnaire: questionnaire)
        score = HTMLPage(result: diff.now, questionnaire: questionnaire)
    }

    var document: String {
        let title = "Assessment diff: \(words.title) (\(questionnaire.title))"
        guard !diff.isUnchanged else {
            return HTMLShell.document(title: title, sections: [unchangedHeader], extraStyle: Self.styleSheet)
        }
        let sections = [
            header, regressionBox, markerSection, capabilitySection, gapSection, roadSignSection, versionSection, noteSection,
            nextMoves, footer,
        ]
        return HTMLShell.document(title: title, sections: sections.filter { !$0.isEmpty }, extraStyle: Self.styleSheet)
    }

    // MARK: Words

    func e(_ text: String) -> String { HTML.escape(text) }
    func numbered(_ id: PhaseID) -> String { score.numbered(id) }
    func capabilityID(_ id: String) -> String { score.capabilityID(id) }

    /// A signed change with its arrow, marked up by direction; "regressed" in words where it fell.
    func change(_ from: Standing, _ to: Standing) -> String {
        let movement = DiffNarrative.Movement(from, to)
        let text = "<span class=\"delta \(movement.className)\">\(DiffNarrative.change(from, to))</span>"
        return movement == .down ? text + " <span class=\"badge-regressed\">regressed</span>" : text
    }

    /// A list of capabilities with their statements; empty markup for none.
    func capabilityList(_ items: [(id: String, statement: String)]) -> String {
        "<ul class=\"capabilities\">\n"
            + items.map { "<li>\(capabilityID($0.id)) \(e($0.statement))</li>" }.joined(separator: "\n")
            + "\n</ul>\n"
    }

    /// `h3` subsections of one section, each left out when it has nothing; the section too when all are empty.
    func section(id: String, title: String, intro: String = "", _ parts: [(title: String, body: String?)]) -> String {
        let present = parts.compactMap { part in part.body.map { "<h3>\(e(part.title))</h3>\n\($0)" } }
        guard !present.isEmpty else { return "" }
        return "<section aria-labelledby=\"\(id)\">\n<h2 id=\"\(id)\">\(e(title))</h2>\n\(intro)"
            + present.joined(separator: "\n") + "</section>"
    }

    // MARK: Header

    var eyebrow: String { "<p class=\"eyebrow\">Assessment diff · \(e(questionnaire.title))</p>" }

    var unchangedHeader: String {
        let lines = words.unchangedLines
        return """
            <header>
            \(eyebrow)
            <h1>\(e(words.title))</h1>
            <p class="headline">\(e(lines[0]))</p>
            <p>\(e(lines[1]))</p>
            </header>
            """
    }

    var header: String {
        let from = diff.overallFrom
        let to = diff.overallTo
        let phaseNote = words.phaseChange(from, to).map(e) ?? "still \(e(words.phase(to.phase)))"
        let other = words.otherChanges.count
        let phaseFigure = from.phase == to.phase ? "\(to.phase.number) of 4" : "\(from.phase.number) → \(to.phase.number)"
        return """
            <header>
            \(eyebrow)
            <h1>\(e(diff.organization))</h1>
            <p class="context">\(e(words.fromLabel)) → \(e(words.toLabel)) · \(e(words.contextLine))</p>
            <p class="headline">\(e(words.headline))</p>
            <dl class="figures">
            <div><dt>Phase</dt><dd><span class="big">\(phaseFigure)</span> \(phaseNote)</dd></div>
            <div><dt>Index</dt><dd><span class="big">\(DiffNarrative.indices(from, to))</span> on a scale of 1 to 4</dd></div>
            <div><dt>Change</dt><dd><span class="big">\(change(from, to))</span> in the overall index</dd></div>
            <div><dt>Capabilities</dt><dd><span class="big">\(words.improved.count) ↑ \(words.regressed.count) ↓</span> \
            improved and regressed\(other > 0 ? "; \(other) other change\(other == 1 ? "" : "s")" : "")</dd></div>
            </dl>
            </header>
            """
    }

    var regressionBox: String {
        let markers = words.regressedMarkers
        guard !markers.isEmpty else { return "" }
        let items = markers.map { change in
            let phase = words.phaseChange(change.from, change.to).map { ", " + e($0) } ?? ""
            return "<li><strong>\(e(words.marker(change.id)))</strong>: index \(DiffNarrative.indices(change.from, change.to)) "
                + "(\(DiffNarrative.change(change.from, change.to)))\(phase)</li>"
        }
        let noun = markers.count == 1 ? "One marker" : "\(markers.count) markers"
        return """
            <section class="callout" aria-labelledby="regression">
            <h2 id="regression">Regressed</h2>
            <p>\(noun) went down between \(e(words.fromLabel)) and \(e(words.toLabel)):</p>
            <ul>
            \(items.joined(separator: "\n"))
            </ul>
            </section>
            """
    }

    // MARK: Sections

    var markerSection: String {
        let rows = chartRows.map { row in
            HTML.row(
                [
                    row.overall ? "<strong>\(e(row.name))</strong>" : e(row.name), numbered(row.from.phase),
                    numbered(row.to.phase), NumberFormat.decimal(row.from.index), NumberFormat.decimal(row.to.index),
                    change(row.from, row.to),
                ],
                classes: [nil, "nowrap", "nowrap", "num", "num", "nowrap"])
        }
        return """
            <section aria-labelledby="markers">
            <h2 id="markers">Where each marker moved</h2>
            <figure>
            \(chart)
            <figcaption>Each row runs from the index at \(e(words.fromLabel)) (hollow dot) to the index at \
            \(e(words.toLabel)) (filled dot) on the index scale of 1 to 4. The numbered bands are the phases \
            (\(PhaseID.allCases.map { "\($0.number) \(e(words.phase($0)))" }.joined(separator: ", "))), each starting at \
            the lowest index a marker in that phase can have.</figcaption>
            </figure>
            \(HTML.table(caption: "Phase and index per marker, \(words.fromLabel) → \(words.toLabel)", header: ["Marker", "Phase before", "Phase after", "Index before", "Index after", "Change"], numeric: [3, 4], rows: rows, id: "markers-table"))
            </section>
            """
    }

    /// The changes as a table; `id` names it in the page.
    func changeTable(_ changes: [AssessmentDiff.RatingChange], id: String, caption: String, kind: Bool = false) -> String? {
        guard !changes.isEmpty else { return nil }
        let rows = changes.map { change in
            HTML.row(
                [capabilityID(change.capability), e(change.statement), e(words.marker(change.marker))]
                    + (kind ? [e(DiffNarrative.kind(change))] : []) + [
                        e(DiffNarrative.rating(change.from)), e(DiffNarrative.rating(change.to)),
                    ],
                header: nil)
        }
        return HTML.table(
            caption: caption, header: ["Capability", "Statement", "Marker"] + (kind ? ["Change"] : []) + ["From", "To"],
            rows: rows, className: "changes-table", id: id)
    }

    var capabilitySection: String {
        section(
            id: "capabilities", title: "Capabilities that changed",
            [
                (
                    "Improved (\(words.improved.count))",
                    changeTable(
                        words.improved, id: "improved-table",
                        caption: "Rated higher at \(words.toLabel) than at \(words.fromLabel)")
                ),
                (
                    "Regressed (\(words.regressed.count))",
                    changeTable(
                        words.regressed, id: "regressed-table",
                        caption: "Rated lower at \(words.toLabel) than at \(words.fromLabel)")
                ),
                (
                    "Other changes (\(words.otherChanges.count))",
                    changeTable(
                        words.otherChanges, id: "other-changes-table", caption: "Answered on one side only, or N/A on one side",
                        kind: true)
                ),
            ])
    }

    func ids(_ list: [String]) -> String? {
        list.isEmpty ? nil : capabilityList(list.map { ($0, words.statement(of: $0)) })
    }

    var gapSection: String {
        section(
            id: "gaps", title: "Gaps closed and opened",
            intro: "<p>Gaps up to \(e(words.phase(diff.now.target))), the target as it stands now.</p>\n",
            [
                ("Closed (\(diff.closedGaps.count))", ids(diff.closedGaps)),
                ("Opened (\(diff.openedGaps.count))", ids(diff.openedGaps)),
            ])
    }

    var roadSignSection: String {
        func signs(_ list: [String]) -> String? {
            list.isEmpty
                ? nil : "<ul class=\"road-signs\">\n" + list.map { "<li>\(e(words.roadSign($0)))</li>\n" }.joined() + "</ul>\n"
        }
        return section(
            id: "road-signs", title: "Road signs",
            [
                ("Gained (\(diff.roadSignsGained.count))", signs(diff.roadSignsGained)),
                ("Lost (\(diff.roadSignsLost.count))", signs(diff.roadSignsLost)),
            ])
    }

    var versionSection: String {
        func list(_ capabilities: [AssessmentDiff.VersionedCapability]) -> String? {
            capabilities.isEmpty ? nil : capabilityList(capabilities.map { ($0.id, $0.statement) })
        }
        return section(
            id: "versions", title: "Questionnaire \(words.oldVersion) → \(words.newVersion)",
            intro: "<p>Capabilities of one version only: neither improvements nor regressions.</p>\n",
            [
                ("Added in \(words.newVersion) (\(diff.addedCapabilities.count))", list(diff.addedCapabilities)),
                ("Retired in \(words.newVersion) (\(diff.retiredCapabilities.count))", list(diff.retiredCapabilities)),
            ])
    }

    var noteSection: String {
        guard !diff.notes.isEmpty else { return "" }
        let rows = diff.notes.map { note in
            HTML.row(
                [capabilityID(note.capability), e(DiffNarrative.note(note.from)), e(DiffNarrative.note(note.to))], header: nil)
        }
        return "<section aria-labelledby=\"notes\">\n<h2 id=\"notes\">Notes that changed</h2>\n"
            + HTML.table(
                caption: "Respondents’ notes, before and after", header: ["Capability", "Before", "After"], rows: rows,
                id: "notes-table")
            + "</section>"
    }

    var nextMoves: String {
        let moves = words.nextMoves
        guard !moves.isEmpty else { return "" }
        var html =
            "<section aria-labelledby=\"moves\">\n<h2 id=\"moves\">\(e(words.nextMovesHeading))</h2>\n<ol class=\"moves\">\n"
        for (index, (move, gaps)) in moves.enumerated() {
            html += """
                <li class="move">
                <h3><span class="move-number">\(index + 1)</span> \(e(words.title(of: move)))</h3>
                <ol class="gaps">
                \(gaps.map(score.gapCard).joined(separator: "\n"))
                </ol>
                </li>

                """
        }
        return html + "</ol>\n</section>"
    }

    var footer: String {
        "<footer>\n<p>Compared <code>\(e(diff.from.source))</code> with <code>\(e(diff.to.source))</code>. "
            + "Scored against \(e(questionnaire.title)) (\(e(questionnaire.id)) \(e(questionnaire.version.description))) "
            + "by laer.</p>\n</footer>"
    }
}

extension DiffNarrative.Movement {
    /// The style sheet's class for a change this way.
    var className: String {
        switch self {
        case .up: "up"
        case .down: "down"
        case .same: "same"
        }
    }
}
