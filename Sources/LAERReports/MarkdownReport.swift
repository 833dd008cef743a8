import LAERValues

/// The gap analysis as Markdown: headings and tables that render well on a code host.
package struct MarkdownReport: ReportRenderer {
    package init() {}

    package func render(_ result: ScoreResult, questionnaire: Questionnaire) -> String {
        let narrative = Narrative(result: result, questionnaire: questionnaire)
        let e = Markdown.escape
        var text = "# LAER gap analysis: \(e(narrative.respondentLine))\n\n"
        text += e(narrative.contextLine) + "\n\n**\(e(narrative.headline))**\n"

        if let disagreement = result.disagreement, !disagreement.isEmpty {
            text += "\n## Where the leadership team disagrees\n\n"
            for id in disagreement { text += "- `\(id)`: \(e(questionnaire.capability(id)?.statement ?? ""))\n" }
        }

        text += "\n## Where you stand\n\n"
        text += Markdown.table(
            ["Marker", "Phase", "Index", "Holds you back"],
            result.markers.map { marker in
                let holds = result.overall.limitedBy.contains(marker.id) && result.overall.phase < .laerEfficient
                return [
                    e(narrative.marker(marker.id)), "\(marker.phase.number). \(e(narrative.phase(marker.phase)))",
                    NumberFormat.decimal(marker.index), holds ? "yes" : "",
                ]
            })

        if let peers = result.peers, let heading = narrative.peersHeading {
            text += "\n## \(heading)\n\n\(e(narrative.peersSentence(peers))) \(e(Narrative.percentileNote))\n\n"
            text += Markdown.table(
                ["Marker", "Index", "Percentile"],
                narrative.peerMarkers(peers).map { [e($0.name), $0.index, narrative.percentile($0.percentile)] })
        }

        let holding = narrative.holdingBack + narrative.perceptionSentences
        if !holding.isEmpty {
            text += "\n## What holds you back\n\n" + holding.map { "- \(e($0))\n" }.joined()
        }

        let moves = result.moves
        if !moves.isEmpty {
            text += "\n## Your next \(moves.count > 3 ? "three " : "")moves\n"
            for (index, move) in moves.prefix(3).enumerated() {
                text += "\n### \(index + 1). \(e(narrative.title(of: move)))\n\n"
                for gap in result.gaps(of: move) { text += Self.gapItem(gap) }
            }
            if moves.count > 3 {
                text += "\n### Then\n\n"
                for (index, move) in moves.dropFirst(3).enumerated() {
                    text +=
                        "\(index + 4). \(e(narrative.title(of: move))): \(result.gaps(of: move).map { "`\($0.capability)`" }.joined(separator: ", "))\n"
                }
            }
        }

        text += "\n## The projection\n\n\(e(narrative.projectionSentence))\n"
        if !result.projection.capabilities.isEmpty {
            text += "\n" + result.projection.capabilities.map { "`\($0)`" }.joined(separator: ", ") + "\n"
        }

        text += "\n## All gaps (\(result.gaps.count))\n\n"
        if result.gaps.isEmpty {
            text += "None up to \(e(narrative.phase(result.target))).\n"
        } else {
            text += Markdown.table(
                ["Rank", "Capability", "Marker", "Phase", "Rating", "Weight", "Research area"],
                result.gaps.map { gap in
                    [
                        "\(gap.rank)", "`\(gap.capability)` \(e(gap.statement))", e(narrative.marker(gap.marker)),
                        e(narrative.phase(gap.phase)), gap.rating.rawValue, "\(gap.weight)", e(gap.researchArea),
                    ]
                })
        }

        if !result.toVerify.isEmpty {
            text += "\n## To verify (\(result.toVerify.count) unanswered)\n\n"
            text += result.toVerify.map { "- `\($0)`: \(e(questionnaire.capability($0)?.statement ?? ""))\n" }.joined()
        }

        text += "\n## Road signs: \(result.roadSigns.present) of \(result.roadSigns.total)\n\n"
        let missing = narrative.missingRoadSigns
        text += missing.isEmpty ? "All road signs are present.\n" : "Not yet seen:\n\n" + missing.map { "- \(e($0))\n" }.joined()

        text += "\n## How this was scored\n\n\(e(TextReport.rulesText(questionnaire))) "
        text +=
            "✓ marks a phase reached (\(NumberFormat.percent(questionnaire.scoring.reach))), ✓✓ one consolidated (\(NumberFormat.percent(questionnaire.scoring.consolidate))).\n\n"
        text += Markdown.table(
            ["Marker"] + PhaseID.assessed.map { e(narrative.phase($0)) } + ["Answered", "N/A", "Unanswered"],
            result.markers.map { marker in
                let cells = PhaseID.assessed.map { narrative.attainmentText(marker.attainment[$0]) }
                let total = marker.totalCoverage
                return [e(narrative.marker(marker.id))] + cells + [
                    "\(total.answered)", "\(total.notApplicable)", "\(total.unanswered)",
                ]
            })
        return text
    }

    /// A gap of a move as a list item: its statement, its first step, and its facts on one line.
    static func gapItem(_ gap: Gap) -> String {
        let e = Markdown.escape
        let motions = gap.motions.map(\.rawValue).joined(separator: ", ")
        return "- \(e(gap.statement))  \n" + "  **First step:** \(e(gap.action))  \n"
            + "  `\(gap.capability)` · rated \(gap.rating.rawValue) · weight \(gap.weight) · \(motions) · "
            + "\(e(gap.researchArea)) · \(gap.basis.rawValue) in the sources\n"
    }
}
