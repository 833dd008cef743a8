import LAERFormats
import LAERValues

/// The questionnaire as Markdown: phases, marker profiles and capabilities with their sources.
package struct QuestionnaireMarkdownRenderer: Sendable {
    package init() {}

    package func render(_ questionnaire: Questionnaire) -> String {
        let e = Markdown.escape
        var text = "# \(e(questionnaire.title))\n\n"
        text += "Questionnaire `\(questionnaire.id)` version \(questionnaire.version): "
        text += "\(questionnaire.capabilities.count) capabilities across \(questionnaire.markers.count) markers "
        text += "and \(questionnaire.phases.count) phases, and \(questionnaire.roadSigns.count) road signs.\n\n"

        text += "## Phases\n\n"
        text += Markdown.table(
            ["#", "Phase", "Summary"],
            questionnaire.phases.map { phase in
                ["\(phase.id.number)", e(phase.name), e(phase.summary ?? "")]
            })

        for marker in questionnaire.markers {
            text += "\n## \(e(marker.name))\n\n"
            if let description = marker.description { text += e(description) + "\n\n" }
            text += e(Marker.placementRule) + "\n\n"
            text += Markdown.table(
                ["Phase", "What it looks like"],
                PhaseID.allCases.map { phase in
                    [e(questionnaire.name(of: phase)), e(marker.profiles[phase] ?? "")]
                })
            for phase in PhaseID.assessed {
                let capabilities = questionnaire.capabilities(of: marker.id, in: phase)
                guard !capabilities.isEmpty else { continue }
                text += "\n### \(e(marker.name)): \(e(questionnaire.name(of: phase)))\n\n"
                for capability in capabilities {
                    text += capabilityItem(capability, in: questionnaire)
                }
            }
        }

        text += "\n## Road signs\n\n"
        for sign in questionnaire.roadSigns {
            text += "- **\(e(sign.id))**: \(e(sign.statement))\n"
        }
        if !questionnaire.references.isEmpty {
            text += "\n## Sources\n\n"
            for reference in questionnaire.references { text += "- \(e(reference.citation))\n" }
        }
        text += "\n## Scoring\n\n"
        text +=
            "A marker reaches a phase when its attainment there is at least \(JSONWriter.format(questionnaire.scoring.reach)) "
        text +=
            "and every phase below it (above the first) is at least \(JSONWriter.format(questionnaire.scoring.consolidate)).\n"
        return text
    }

    private func capabilityItem(_ capability: Capability, in questionnaire: Questionnaire) -> String {
        let e = Markdown.escape
        let motions = capability.motions.map(\.rawValue).joined(separator: ", ")
        var text = "- **\(e(capability.statement))**  \n"
        text += "  `\(capability.id)` · weight \(capability.weight) · \(motions) · \(e(capability.researchArea))\n"
        text += "  - Evidence: \(e(capability.help))\n"
        text += "  - First step: \(e(capability.action))\n"
        if !capability.dependsOn.isEmpty {
            text += "  - Depends on: \(capability.dependsOn.map { "`\($0)`" }.joined(separator: ", "))\n"
        }
        text += "  - Source: \(e(questionnaire.sourceSummary(of: capability.source))). \(e(capability.source.note))\n"
        return text
    }
}
