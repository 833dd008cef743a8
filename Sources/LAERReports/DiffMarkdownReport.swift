import LAERValues

/// What changed between two assessments as Markdown: headings and tables that render well on a code host.
package struct DiffMarkdownReport: ReportRenderer {
    package init() {}

    package func render(_ diff: AssessmentDiff, questionnaire: Questionnaire) -> String {
        let words = DiffNarrative(diff: diff, questionnaire: questionnaire)
        let e = Markdown.escape
        var text = "# LAER diff: \(e(words.title))\n\n"
        guard !diff.isUnchanged else {
            return text + words.unchangedLines.map(e).joined(separator: "\n") + "\n"
        }
        text += e(words.contextLine) + "\n\n**\(e(words.headline))**\n"
        if let regression = words.regressionLine { text += "\n**⚠ \(e(regression))**\n" }

        text += "\n## Where each marker moved\n\n"
        let rows = [("Overall", diff.overallFrom, diff.overallTo)] + diff.markers.map { (words.marker($0.id), $0.from, $0.to) }
        text += Markdown.table(
            ["Marker", "Phase", "Index", "Change", "Regressed"],
            rows.enumerated().map { index, row in
                let (name, from, to) = row
                let numbered = { (phase: PhaseID) in "\(phase.number). \(e(words.phase(phase)))" }
                return [
                    index == 0 ? "**\(e(name))**" : e(name),
                    from.phase == to.phase ? numbered(to.phase) : "\(numbered(from.phase)) → \(numbered(to.phase))",
                    DiffNarrative.indices(from, to),
                    DiffNarrative.change(from, to), from.fell(to: to) ? "**regressed**" : "",
                ]
            })

        text += capabilityTable("Capabilities improved", words.improved, other: false)
        text += capabilityTable("Capabilities regressed", words.regressed, other: false)
        text += capabilityTable("Other rating changes", words.otherChanges, other: true)
        text += list("Gaps closed", diff.closedGaps.map { "`\($0)`: \(e(words.statement(of: $0)))" })
        text += list("Gaps opened", diff.openedGaps.map { "`\($0)`: \(e(words.statement(of: $0)))" })
        text += list("Road signs gained", diff.roadSignsGained.map { e(words.roadSign($0)) })
        text += list("Road signs lost", diff.roadSignsLost.map { e(words.roadSign($0)) })
        text += list(
            "Added in questionnaire \(e(words.newVersion))", diff.addedCapabilities.map { "`\($0.id)`: \(e($0.statement))" })
        text += list(
            "Retired in questionnaire \(e(words.newVersion))",
            diff.retiredCapabilities.map { "`\($0.id)`: \(e($0.statement))" })
        if !diff.notes.isEmpty {
            text += "\n## Notes that changed (\(diff.notes.count))\n\n"
            text += Markdown.table(
                ["Capability", "Before", "After"],
                diff.notes.map { ["`\($0.capability)`", e(DiffNarrative.note($0.from)), e(DiffNarrative.note($0.to))] })
        }

        let moves = words.nextMoves
        if !moves.isEmpty {
            text += "\n## \(words.nextMovesHeading)\n"
            for (index, (move, gaps)) in moves.enumerated() {
                text += "\n### \(index + 1). \(e(words.title(of: move)))\n\n"
                for gap in gaps { text += MarkdownReport.gapItem(gap) }
            }
        }
        return text
    }

    /// A section of rating changes as a table; nothing when there are none.
    func capabilityTable(_ title: String, _ changes: [AssessmentDiff.RatingChange], other: Bool) -> String {
        guard !changes.isEmpty else { return "" }
        let e = Markdown.escape
        return "\n## \(title) (\(changes.count))\n\n"
            + Markdown.table(
                ["Capability", "Statement"] + (other ? ["Change"] : []) + ["From", "To"],
                changes.map { change in
                    ["`\(change.capability)`", e(change.statement)] + (other ? [DiffNarrative.kind(change)] : []) + [
                        DiffNarrative.rating(change.from), DiffNarrative.rating(change.to),
                    ]
                })
    }

    /// A section of already escaped items as a bullet list; nothing when there are none.
    func list(_ title: String, _ items: [String]) -> String {
        guard !items.isEmpty else { return "" }
        return "\n## \(title) (\(items.count))\n\n" + items.map { "- \($0)\n" }.joined()
    }
}
