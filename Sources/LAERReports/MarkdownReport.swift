import LAERValues

/// The gap analysis as Markdown: headings and tables that render well on a code host.
package struct MarkdownReport: ReportRenderer {
    package init() {}

    package func render(_ result: ScoreResult, questionnaire: Questionnaire) -> String {
        let narrative = Narrative(result: result, questionnaire: questionnaire)
        let e = Markdown.escape
        var text = "# LAER gap analysis: \(e(narrative.respondentLine))\n\n"
        text += e(narrative.contextLine) + "\n\n"
        if let blank = narrative.blankSentence { text += "> **\(e(blank))**\n\n" }
        text += "**\(e(narrative.headline))**\n"

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
        if let explanation = narrative.indexExplanation { text += "\n\(e(explanation))\n" }
        text += Self.disagreement(narrative)

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
                for gap in result.gaps(of: move) {
                    text += Self.gapItem(gap, notes: Self.noteLines(gap.capability, narrative, indent: "  "))
                }
            }
            if moves.count > 3 {
                text += "\n### Then\n\n"
                for (index, move) in moves.dropFirst(3).enumerated() {
                    text += "\(index + 4). \(e(narrative.title(of: move)))\n"
                    for gap in result.gaps(of: move) {
                        text += "   - `\(gap.capability)` \(e(gap.statement))\n"
                        text += Self.noteLines(gap.capability, narrative, indent: "     ")
                    }
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
                        "\(gap.rank)",
                        (["`\(gap.capability)` \(e(gap.statement))"]
                            + result.notes(on: gap.capability).map { "*\(e(narrative.noteLabel($0))):* \(e($0.note))" })
                            .joined(separator: "<br>"),
                        e(narrative.marker(gap.marker)),
                        e(narrative.phase(gap.phase)), gap.rating.rawValue, "\(gap.weight)", e(gap.researchArea),
                    ]
                })
        }

        if !result.toVerify.isEmpty {
            text += "\n## To verify (\(result.toVerify.count))\n\n\(e(narrative.toVerifySentence))\n\n"
            text += result.toVerify.map { "- `\($0)`: \(e(questionnaire.capability($0)?.statement ?? ""))\n" }.joined()
        }
        text += Self.evidenceNotes(narrative) + Self.spreads(narrative)

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

    /// A gap of a move as a list item: its statement, its first step, its facts on one line, then
    /// `notes` (a nested list made by `noteLines`).
    static func gapItem(_ gap: Gap, notes: String = "") -> String {
        let e = Markdown.escape
        let motions = gap.motions.map(\.rawValue).joined(separator: ", ")
        return "- \(e(gap.statement))  \n" + "  **First step:** \(e(gap.action))  \n"
            + "  `\(gap.capability)` · rated \(gap.rating.rawValue) · weight \(gap.weight) · \(motions) · "
            + "\(e(gap.researchArea)) · \(e(gap.source))\n" + notes
    }

    /// A capability's notes as a list nested under an item indented by `indent`.
    static func noteLines(_ capability: String, _ narrative: Narrative, indent: String) -> String {
        narrative.result.notes(on: capability).map { note in
            "\(indent)- *\(Markdown.escape(narrative.noteLabel(note))):* \(Markdown.escape(note.note))\n"
        }.joined()
    }

    /// The notable spreads of a merged result, widest first, and the rule that picks them.
    static func disagreement(_ narrative: Narrative) -> String {
        guard let spreads = narrative.result.spreads, !spreads.isEmpty else { return "" }
        let e = Markdown.escape
        var text = "\n## Where the respondents disagree\n\n"
        let notable = narrative.notableSpreads
        if notable.isEmpty { text += e(narrative.noNotableSpreadSentence) + "\n\n" }
        for spread in notable {
            let statement = narrative.questionnaire.capability(spread.capability)?.statement ?? ""
            text += "- `\(spread.capability)` \(e(statement)) \(e(narrative.spreadSentence(spread)))\n"
        }
        if narrative.moreNotableSpreads > 0 {
            text += "- And \(narrative.moreNotableSpreads) more, in the full table of ratings.\n"
        }
        if !notable.isEmpty { text += "\n" }
        text += e(Narrative.notableRule)
        if !notable.isEmpty { text += " " + e(Narrative.disagreementAdvice) }
        return text + "\n"
    }

    /// Every note, by marker in questionnaire order, under its capability and rating.
    static func evidenceNotes(_ narrative: Narrative) -> String {
        let groups = narrative.notesByMarker
        guard !groups.isEmpty else { return "" }
        let e = Markdown.escape
        var text = "\n## Evidence notes (\(narrative.result.notes.count))\n"
        for group in groups {
            text += "\n### \(e(narrative.marker(group.marker)))\n\n"
            for capability in group.capabilities {
                let statement = Narrative.short(narrative.questionnaire.capability(capability.id)?.statement ?? "")
                let rating = narrative.rating(of: capability.id).map { " (rated \(Narrative.ratingName($0)))" } ?? ""
                text += "- `\(capability.id)` \(e(statement))\(rating)\n"
                text += capability.notes.map { "  - *\(e(narrative.noteLabel($0))):* \(e($0.note))\n" }.joined()
            }
        }
        return text
    }

    /// Every spread of a merged result as a table: the count per rating and N/A, the range, and who said what.
    static func spreads(_ narrative: Narrative) -> String {
        guard let spreads = narrative.result.spreads, !spreads.isEmpty else { return "" }
        let e = Markdown.escape
        let keepsWho = narrative.spreadsKeepWho
        var text = "\n## How the respondents rated (\(spreads.count))\n\n\(e(Narrative.spreadsIntro))\n\n"
        text += Markdown.table(
            ["Capability", "Not", "Partially", "Largely", "Fully", "N/A", "Range"] + (keepsWho ? ["Who said what"] : []),
            spreads.map { spread in
                let statement = Narrative.short(narrative.questionnaire.capability(spread.capability)?.statement ?? "")
                return ["`\(spread.capability)` \(e(statement))"] + spread.counts.map(String.init)
                    + ["\(spread.notApplicable)", narrative.spreadRange(spread)]
                    + (keepsWho ? [e(narrative.saidText(spread))] : [])
            })
        if !keepsWho { text += "\n" + e(Narrative.saidLeftOut) + "\n" }
        return text
    }
}
