import LAERFormats
import LAERValues

/// The questionnaire for a terminal, wrapped to 80 columns.
package struct QuestionnaireTextRenderer: Sendable {
    package var style: any TextStyle
    package var width: Int

    package init(style: any TextStyle = PlainText(), width: Int = 80) {
        self.style = style
        self.width = width
    }

    package func render(_ questionnaire: Questionnaire) -> String {
        var layout = TextLayout(style: style, width: width)
        layout.line(style.bold(questionnaire.title) + " (\(questionnaire.id) \(questionnaire.version))")
        layout.line(
            "\(questionnaire.capabilities.count) capabilities, \(questionnaire.markers.count) markers, "
                + "\(questionnaire.phases.count) phases, \(questionnaire.roadSigns.count) road signs")
        layout.heading("Phases")
        for phase in questionnaire.phases {
            layout.line("  \(phase.id.number). " + style.bold(phase.name))
            if let summary = phase.summary { layout.paragraph(summary, indent: 5) }
        }
        for marker in questionnaire.markers {
            layout.line("")
            layout.line(style.bold(marker.name.uppercased()) + style.dim(" (\(marker.id.rawValue))"))
            if let description = marker.description { layout.paragraph(description, indent: 2) }
            layout.line("")
            layout.line("  What it looks like in each phase:")
            layout.paragraph(Marker.placementRule, indent: 4)
            for phase in PhaseID.allCases {
                layout.line("    \(phase.number). " + style.bold(questionnaire.name(of: phase)))
                layout.paragraph(marker.profiles[phase] ?? "", indent: 7)
            }
            for phase in PhaseID.assessed {
                let capabilities = questionnaire.capabilities(of: marker.id, in: phase)
                guard !capabilities.isEmpty else { continue }
                layout.line("")
                layout.line("  " + style.color("\(marker.name) in \(questionnaire.name(of: phase))", .cyan))
                for capability in capabilities {
                    let motions = capability.motions.map(\.rawValue).joined(separator: ", ")
                    layout.line("    " + style.bold(capability.id))
                    layout.paragraph(capability.statement, indent: 6)
                    layout.line(
                        style.dim(
                            TextWrap.indented(
                                "weight \(capability.weight) · \(motions) · \(capability.researchArea) · "
                                    + questionnaire.sourceSummary(of: capability.source), width: width, indent: 6))
                    )
                }
            }
        }
        layout.heading("Road signs")
        for sign in questionnaire.roadSigns {
            layout.paragraph(sign.statement, indent: 4, first: "  - ")
        }
        if !questionnaire.references.isEmpty {
            layout.heading("Sources")
            for reference in questionnaire.references { layout.paragraph(reference.citation, indent: 4, first: "  - ") }
        }
        layout.heading("Scoring")
        let scoring =
            "A marker reaches a phase at attainment \(JSONWriter.format(questionnaire.scoring.reach)) or more, "
            + "once every phase below it (above the first) is at \(JSONWriter.format(questionnaire.scoring.consolidate)) or more."
        layout.paragraph(scoring, indent: 2)
        return layout.text
    }
}
