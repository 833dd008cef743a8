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
        if let blank = narrative.blankSentence {
            layout.paragraph(style.bold(blank), indent: 0)
            layout.line("")
        }
        layout.paragraph(style.bold(narrative.headline), indent: 0)

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
        if let explanation = narrative.indexExplanation {
            layout.line("")
            layout.paragraph(explanation)
        }
        disagreement(narrative, into: &layout)

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
                for gap in result.gaps(of: move) {
                    layout.line(contentsOf: gapLines(gap, notes: noteLines(gap.capability, narrative, indent: 7)))
                }
            }
            if moves.count > 3 {
                layout.heading("Then")
                for (index, move) in moves.dropFirst(3).enumerated() {
                    layout.paragraph(narrative.title(of: move), indent: 6, first: "  \(index + 4). ")
                    for gap in result.gaps(of: move) {
                        layout.paragraph("\(gap.capability): \(gap.statement)", indent: 7, first: "     - ")
                        layout.line(contentsOf: noteLines(gap.capability, narrative, indent: 7))
                    }
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
            layout.line(contentsOf: noteLines(gap.capability, narrative, indent: 7))
        }

        if !result.toVerify.isEmpty {
            layout.heading("To verify (\(result.toVerify.count))")
            layout.paragraph(narrative.toVerifySentence)
            for id in result.toVerify {
                layout.paragraph("\(id): \(questionnaire.capability(id)?.statement ?? "")", indent: 4, first: "  - ")
            }
        }

        evidenceNotes(narrative, into: &layout)
        spreads(narrative, into: &layout)

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

    /// A gap of a move: its statement, its first step, `notes` (lines made by `noteLines`), its facts.
    func gapLines(_ gap: Gap, notes: [String] = []) -> [String] {
        let motions = gap.motions.map(\.rawValue).joined(separator: ", ")
        return [
            TextWrap.indented(gap.statement, width: width, indent: 7, firstPrefix: "     - "),
            style.color(TextWrap.indented("First step: " + gap.action, width: width, indent: 7), .cyan),
        ] + notes + [
            style.dim(
                TextWrap.indented(
                    "\(gap.capability) · rated \(gap.rating.rawValue) · weight \(gap.weight) · \(motions) · \(gap.researchArea) · \(gap.source)",
                    width: width, indent: 7))
        ]
    }

    /// A capability's notes, one paragraph each, wrapped under the label's end.
    func noteLines(_ capability: String, _ narrative: Narrative, indent: Int) -> [String] {
        narrative.result.notes(on: capability).map { note in
            TextWrap.indented(
                narrative.noteLine(note), width: width, indent: indent + 2,
                firstPrefix: String(repeating: " ", count: indent))
        }
    }

    /// The notable spreads of a merged result, widest first, and the rule that picks them.
    func disagreement(_ narrative: Narrative, into layout: inout TextLayout) {
        guard let spreads = narrative.result.spreads, !spreads.isEmpty else { return }
        layout.heading("Where the respondents disagree")
        let notable = narrative.notableSpreads
        if notable.isEmpty { layout.paragraph(narrative.noNotableSpreadSentence) }
        for spread in notable {
            let statement = narrative.questionnaire.capability(spread.capability)?.statement ?? ""
            layout.paragraph(
                "\(spread.capability): \(statement) \(narrative.spreadSentence(spread))", indent: 4, first: "  - ")
        }
        if narrative.moreNotableSpreads > 0 {
            layout.paragraph("And \(narrative.moreNotableSpreads) more, in the full table of ratings.", indent: 4, first: "  ")
        }
        layout.paragraph(Narrative.notableRule)
        if !notable.isEmpty { layout.paragraph(Narrative.disagreementAdvice) }
    }

    /// Every note, by marker in questionnaire order, under its capability and rating.
    func evidenceNotes(_ narrative: Narrative, into layout: inout TextLayout) {
        let groups = narrative.notesByMarker
        guard !groups.isEmpty else { return }
        layout.heading("Evidence notes (\(narrative.result.notes.count))")
        for group in groups {
            layout.line("  " + style.bold(narrative.marker(group.marker)))
            for capability in group.capabilities {
                let statement = Narrative.short(narrative.questionnaire.capability(capability.id)?.statement ?? "")
                let rating = narrative.rating(of: capability.id).map { " (rated \(Narrative.ratingName($0)))" } ?? ""
                layout.paragraph("\(capability.id): \(statement)\(rating)", indent: 6, first: "    ")
                for note in capability.notes {
                    layout.paragraph(narrative.noteLine(note), indent: 8, first: "      - ")
                }
            }
        }
    }

    /// Every spread of a merged result: the count per rating and N/A, the range, and who said what.
    func spreads(_ narrative: Narrative, into layout: inout TextLayout) {
        guard let spreads = narrative.result.spreads, !spreads.isEmpty else { return }
        layout.heading("How the respondents rated (\(spreads.count))")
        layout.paragraph(Narrative.spreadsIntro)
        layout.line("")
        let labels = ["Not", "Partially", "Largely", "Fully", "N/A"]
        let idWidth = max("Capability".count, spreads.map(\.capability.count).max() ?? 0) + 2
        // A long id takes a line of its own rather than pushing the figures past the width.
        let idColumn = 2 + idWidth + labels.reduce(0) { $0 + $1.count + 2 } + "partially to largely".count <= width ? idWidth : 4
        func row(_ label: String, _ cells: [String], _ range: String) -> String {
            ("  " + label.padded(to: idColumn)
                + zip(cells, labels).map { $0.leftPadded(to: $1.count) + "  " }.joined() + range)
                .trimmingSpaces(keepingLeading: true)
        }
        if idColumn < idWidth {
            layout.line("  Capability")
            layout.line(row("", labels, "Range"))
        } else {
            layout.line(row("Capability", labels, "Range"))
        }
        for spread in spreads {
            let cells = spread.counts.map(String.init) + [String(spread.notApplicable)]
            if spread.capability.count > idColumn - 2 {
                layout.line("  " + spread.capability)
                layout.line(row("", cells, narrative.spreadRange(spread)))
            } else {
                layout.line(row(spread.capability, cells, narrative.spreadRange(spread)))
            }
            let statement = Narrative.short(narrative.questionnaire.capability(spread.capability)?.statement ?? "")
            layout.paragraph(statement, indent: 6)
            if !spread.said.isEmpty { layout.paragraph(narrative.saidText(spread), indent: 6) }
        }
        if !narrative.spreadsKeepWho {
            layout.line("")
            layout.paragraph(Narrative.saidLeftOut)
        }
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
