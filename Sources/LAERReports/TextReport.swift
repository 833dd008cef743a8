import LAERValues

/// The gap analysis for a terminal: 80 columns, colour only when the style allows it.
package struct TextReport: ReportRenderer {
    package var style: any TextStyle
    package var width: Int

    package init(style: any TextStyle = PlainText(), width: Int = 80) {
        self.style = style
        self.width = width
    }

    package func render(_ result: ScoreResult, questionnaire: Questionnaire) -> String {
        let narrative = Narrative(result: result, questionnaire: questionnaire)
        var layout = TextLayout(style: style, width: width)

        layout.line(style.bold("LAER gap analysis: \(narrative.respondentLine)"))
        layout.paragraph(narrative.contextLine, indent: 0)
        layout.line("")
        layout.paragraph(style.bold(narrative.headline), indent: 0)

        if let disagreement = result.disagreement, !disagreement.isEmpty {
            layout.heading("Where the leadership team disagrees")
            for id in disagreement {
                layout.paragraph("\(id): \(questionnaire.capability(id)?.statement ?? "")", indent: 4, first: "  - ")
            }
        }

        layout.heading("Where you stand")
        let nameWidth = max(12, (result.markers.map { narrative.marker($0.id).count }.max() ?? 0) + 2)
        layout.line("  " + "Marker".padded(to: nameWidth) + "Ladder  " + "Phase".padded(to: 28) + "Index")
        for marker in result.markers {
            let ladder =
                String(repeating: "■", count: marker.phase.number) + String(repeating: "□", count: 4 - marker.phase.number)
            let held = result.overall.limitedBy.contains(marker.id) && result.overall.phase < .laerEfficient
            let name = narrative.marker(marker.id).padded(to: nameWidth)
            layout.line(
                "  " + (held ? style.color(name, .yellow) : name) + ladder + "    "
                    + "\(marker.phase.number) \(narrative.phase(marker.phase))".padded(to: 28)
                    + NumberFormat.decimal(marker.index))
        }

        if let peers = result.peers, let heading = narrative.peersHeading {
            layout.heading(heading)
            layout.paragraph(narrative.peersSentence(peers))
            layout.paragraph(Narrative.percentileNote)
            layout.line("")
            layout.line("  " + "Marker".padded(to: nameWidth) + "Index  Percentile")
            for entry in narrative.peerMarkers(peers) {
                layout.line(
                    "  " + entry.name.padded(to: nameWidth) + entry.index.padded(to: 7) + narrative.percentile(entry.percentile))
            }
        }

        let holding = narrative.holdingBack
        if !holding.isEmpty || !narrative.perceptionSentences.isEmpty {
            layout.heading("What holds you back")
            for sentence in holding + narrative.perceptionSentences { layout.paragraph(sentence, indent: 4, first: "  - ") }
        }

        let moves = result.moves
        if !moves.isEmpty {
            layout.heading(moves.count > 3 ? "Your next three moves" : "Your next moves")
            for (index, move) in moves.prefix(3).enumerated() {
                layout.line("")
                layout.line("  " + style.bold("\(index + 1). \(narrative.title(of: move))"))
                for gap in result.gaps(of: move) { layout.line(contentsOf: gapLines(gap)) }
            }
            if moves.count > 3 {
                layout.heading("Then")
                for (index, move) in moves.dropFirst(3).enumerated() {
                    let ids = result.gaps(of: move).map(\.capability).joined(separator: ", ")
                    layout.paragraph("\(narrative.title(of: move)): \(ids)", indent: 6, first: "  \(index + 4). ")
                }
            }
        }

        layout.heading("The projection")
        layout.paragraph(narrative.projectionSentence)
        if !result.projection.capabilities.isEmpty {
            layout.paragraph(result.projection.capabilities.joined(separator: ", "), indent: 4, first: "    ")
        }

        layout.heading("All gaps (\(result.gaps.count))")
        if result.gaps.isEmpty { layout.paragraph("None up to \(narrative.phase(result.target)).") }
        for gap in result.gaps {
            let place = "\(narrative.marker(gap.marker)), \(narrative.phase(gap.phase))"
            layout.paragraph(
                "\(gap.capability) (\(gap.rating.rawValue), weight \(gap.weight); \(place))",
                indent: 7, first: String(gap.rank).padded(to: 3).leftPadded(to: 5) + "  ")
        }

        if !result.toVerify.isEmpty {
            layout.heading("To verify (\(result.toVerify.count) unanswered)")
            for id in result.toVerify {
                layout.paragraph("\(id): \(questionnaire.capability(id)?.statement ?? "")", indent: 4, first: "  - ")
            }
        }

        layout.heading("Road signs: \(result.roadSigns.present) of \(result.roadSigns.total)")
        let missing = narrative.missingRoadSigns
        if missing.isEmpty {
            layout.paragraph("All road signs are present.")
        } else {
            layout.paragraph("Not yet seen:")
            for sign in missing { layout.paragraph(sign, indent: 4, first: "  - ") }
        }

        layout.heading("How this was scored")
        layout.paragraph(Self.rulesText(questionnaire))
        layout.line("")
        layout.line(
            "  " + "Marker".padded(to: nameWidth)
                + PhaseID.assessed.map { narrative.phase($0).padded(to: 17) }.joined().trimmingSpaces())
        for marker in result.markers {
            let cells = PhaseID.assessed.map { narrative.attainmentText(marker.attainment[$0]).padded(to: 17) }
            layout.line(
                ("  " + narrative.marker(marker.id).padded(to: nameWidth) + cells.joined()).trimmingSpaces(keepingLeading: true))
        }
        layout.paragraph(
            "✓ reaches the phase (\(NumberFormat.percent(questionnaire.scoring.reach))), ✓✓ consolidates it (\(NumberFormat.percent(questionnaire.scoring.consolidate)))."
        )
        layout.line("")
        layout.line("  " + "Coverage".padded(to: nameWidth) + "answered  N/A  unanswered")
        for marker in result.markers {
            let total = marker.totalCoverage
            layout.line(
                "  " + narrative.marker(marker.id).padded(to: nameWidth)
                    + String(total.answered).leftPadded(to: 8) + String(total.notApplicable).leftPadded(to: 5)
                    + String(total.unanswered).leftPadded(to: 12))
        }
        return layout.text
    }

    func gapLines(_ gap: Gap) -> [String] {
        let motions = gap.motions.map(\.rawValue).joined(separator: ", ")
        return [
            TextWrap.indented(gap.statement, width: width, indent: 7, firstPrefix: "     - "),
            style.color(TextWrap.indented("First step: " + gap.action, width: width, indent: 7), .cyan),
            style.dim(
                TextWrap.indented(
                    "\(gap.capability) · rated \(gap.rating.rawValue) · weight \(gap.weight) · \(motions) · \(gap.researchArea) · \(gap.basis.rawValue) in the sources",
                    width: width, indent: 7)),
        ]
    }

    /// The scoring rules in one paragraph, with this questionnaire's thresholds.
    static func rulesText(_ questionnaire: Questionnaire) -> String {
        let reach = NumberFormat.percent(questionnaire.scoring.reach)
        let consolidate = NumberFormat.percent(questionnaire.scoring.consolidate)
        return "Ratings count not 0, partially 1/3, largely 2/3, fully 1; N/A and unanswered items are left out. "
            + "Attainment is the weighted mean per marker and phase. A marker reaches a phase at \(reach) or more "
            + "once every phase below it is at \(consolidate) or more. The company's phase is its lowest marker's; "
            + "a marker's index is 1 plus its three attainments."
    }
}
