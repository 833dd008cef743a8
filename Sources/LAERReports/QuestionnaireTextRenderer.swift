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
        var lines: [String] = []
        lines.append(style.bold(questionnaire.title) + " (\(questionnaire.id) \(questionnaire.version))")
        lines.append(
            "\(questionnaire.capabilities.count) capabilities, \(questionnaire.markers.count) markers, "
                + "\(questionnaire.phases.count) phases, \(questionnaire.roadSigns.count) road signs")
        lines.append("")
        lines.append(style.bold("PHASES"))
        for phase in questionnaire.phases {
            lines.append("  \(phase.id.number). " + style.bold(phase.name))
            if let summary = phase.summary { lines.append(TextWrap.indented(summary, width: width, indent: 5)) }
        }
        for marker in questionnaire.markers {
            lines.append("")
            lines.append(style.bold(marker.name.uppercased()) + style.dim(" (\(marker.id.rawValue))"))
            if let description = marker.description { lines.append(TextWrap.indented(description, width: width, indent: 2)) }
            lines.append("")
            lines.append("  What it looks like in each phase:")
            for phase in PhaseID.allCases {
                lines.append("    \(phase.number). " + style.bold(questionnaire.name(of: phase)))
                lines.append(TextWrap.indented(marker.profiles[phase] ?? "", width: width, indent: 7))
            }
            for phase in PhaseID.assessed {
                let capabilities = questionnaire.capabilities(of: marker.id, in: phase)
                guard !capabilities.isEmpty else { continue }
                lines.append("")
                lines.append("  " + style.color("\(marker.name) in \(questionnaire.name(of: phase))", .cyan))
                for capability in capabilities {
                    let motions = capability.motions.map(\.rawValue).joined(separator: ", ")
                    lines.append("    " + style.bold(capability.id))
                    lines.append(TextWrap.indented(capability.statement, width: width, indent: 6))
                    lines.append(
                        style.dim(
                            TextWrap.indented(
                                "weight \(capability.weight) · \(motions) · \(capability.researchArea)", width: width, indent: 6))
                    )
                }
            }
        }
        lines.append("")
        lines.append(style.bold("ROAD SIGNS"))
        for sign in questionnaire.roadSigns {
            lines.append(TextWrap.indented(sign.statement, width: width, indent: 4, firstPrefix: "  - "))
        }
        lines.append("")
        lines.append(style.bold("SCORING"))
        let scoring =
            "A marker reaches a phase at attainment \(JSONWriter.format(questionnaire.scoring.reach)) or more, "
            + "once every phase below it (above the first) is at \(JSONWriter.format(questionnaire.scoring.consolidate)) or more."
        lines.append(TextWrap.indented(scoring, width: width, indent: 2))
        return lines.joined(separator: "\n") + "\n"
    }
}
