import LAERValues

/// What the survey asks and explains, worded once for both the full screen and line mode.
package enum SurveyWording {
    /// Where a question sits: "KPIs · LAER Effective", "Road signs"; `separator` between marker and phase.
    package static func section(of question: SurveyQuestion, in questionnaire: Questionnaire, separator: String) -> String {
        switch question {
        case .respondent: return "About you"
        case .placement(let marker): return questionnaire.name(of: marker) + separator + "where you stand"
        case .capability(let id):
            guard let capability = questionnaire.capability(id) else { return id }
            return questionnaire.name(of: capability.marker) + separator + questionnaire.name(of: capability.phase)
        case .roadSign: return "Road signs"
        }
    }

    package static func prompt(for question: SurveyQuestion, in questionnaire: Questionnaire) -> String {
        switch question {
        case .respondent(.name): return "Your name?"
        case .respondent(.role): return "Your role, such as Chief Revenue Officer?"
        case .respondent(.organization): return "Your company or organization?"
        case .placement(let marker):
            return "\(questionnaire.name(of: marker)): which of these reads most like your company today?"
        case .capability(let id):
            return questionnaire.capability(id)?.statement ?? id
        case .roadSign(let id):
            let statement = questionnaire.roadSigns.first { $0.id == id }?.statement ?? id
            return "Road sign: \(statement) Do you see this in your company today?"
        }
    }

    package static func help(for question: SurveyQuestion, in questionnaire: Questionnaire) -> String {
        switch question {
        case .respondent:
            return
                "Reports carry it, and consultants use the organization to merge the answers of one leadership team. Leave it blank to skip."
        case .placement(let marker):
            let description = questionnaire.marker(marker)?.description.map { $0 + "\n\n" } ?? ""
            return description
                + "Pick the description closest to your company as a whole, even where parts differ. The capabilities that follow test the placement against evidence; a placement above the evidence is reported as a perception gap."
        case .capability(let id):
            guard let capability = questionnaire.capability(id) else { return "" }
            let basis = capability.source.basis == .stated ? "Stated in" : "Inferred from"
            return "What counts as evidence: \(capability.help)\n\n\(basis) \(capability.source.file): \(capability.source.note)"
        case .roadSign:
            return
                "Road signs are the early symptoms that a company has started its journey from transactional selling towards LAER. Answer for the company as it is today."
        }
    }

    /// An answer in words, as the respondent reads it back: "largely", "LAER Effective", "yes".
    package static func words(for answer: SurveyAnswer, in questionnaire: Questionnaire) -> String {
        switch answer {
        case .text(let text): text
        case .rating(let rating): rating.label
        case .phase(let phase): questionnaire.name(of: phase)
        case .yesNo(let seen): seen ? "yes" : "no"
        }
    }
}
