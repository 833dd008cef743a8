import LAERValues

/// What the survey asks and explains, worded once for both the full screen and line mode.
package enum SurveyWording {
    /// Where a question sits: "KPIs · LAER Effective", "Road signs"; `separator` between marker and phase.
    package static func section(of question: SurveyQuestion, in questionnaire: Questionnaire, separator: String) -> String {
        switch question {
        case .respondent, .period: return "About you"
        case .placement(let marker): return questionnaire.name(of: marker) + separator + "where you stand"
        case .capability(let id):
            guard let capability = questionnaire.capability(id) else { return id }
            return questionnaire.name(of: capability.marker) + separator + questionnaire.name(of: capability.phase)
        case .roadSign: return "Road signs"
        }
    }

    /// The group a question is listed under in the review: "About you", a marker, "Road signs".
    package static func group(of question: SurveyQuestion, in questionnaire: Questionnaire) -> String {
        switch question {
        case .respondent, .period: "About you"
        case .placement(let marker): questionnaire.name(of: marker)
        case .capability(let id): questionnaire.capability(id).map { questionnaire.name(of: $0.marker) } ?? id
        case .roadSign: "Road signs"
        }
    }

    /// A question in one line of a list: "Your name", "Where KPIs stand", a capability's statement.
    package static func shortLabel(for question: SurveyQuestion, in questionnaire: Questionnaire) -> String {
        switch question {
        case .respondent(.name): "Your name"
        case .respondent(.role): "Your role"
        case .respondent(.organization): "Your organization"
        case .period: "The period"
        case .placement(let marker): "Where you stand on \(questionnaire.name(of: marker))"
        case .capability(let id): questionnaire.capability(id)?.statement ?? id
        case .roadSign(let id): questionnaire.roadSigns.first { $0.id == id }?.statement ?? id
        }
    }

    package static func prompt(for question: SurveyQuestion, in questionnaire: Questionnaire) -> String {
        switch question {
        case .respondent(.name): return "Your name?"
        case .respondent(.role): return "Your role, such as Chief Revenue Officer?"
        case .respondent(.organization): return "Your company or organization?"
        case .period: return "Which period are these answers for, such as 2026-Q4?"
        case .placement(let marker):
            return placementQuestion(for: marker, in: questionnaire) + " " + Marker.placementRule
        case .capability(let id):
            return questionnaire.capability(id)?.statement ?? id
        case .roadSign(let id):
            return "Road sign: " + roadSignQuestion(for: id, in: questionnaire)
        }
    }

    /// The placement question of a marker: "KPIs: which of these reads most like your company today?".
    package static func placementQuestion(for marker: MarkerID, in questionnaire: Questionnaire) -> String {
        "\(questionnaire.name(of: marker)): which of these reads most like your company today?"
    }

    /// A road sign's question: its statement, then "Do you see this in your company today?".
    package static func roadSignQuestion(for id: String, in questionnaire: Questionnaire) -> String {
        let statement = questionnaire.roadSigns.first { $0.id == id }?.statement ?? id
        return "\(statement) Do you see this in your company today?"
    }

    package static func help(for question: SurveyQuestion, in questionnaire: Questionnaire) -> String {
        switch question {
        case .respondent:
            return
                "Reports carry it, and consultants use the organization to merge the answers of one leadership team. Leave it blank to skip."
        case .period:
            return
                "The quarter or other reporting period the answers describe, written like 2026-Q4. Comparisons line assessments up by period: last quarter against this one. Leave it blank and reports use the quarter of the assessment's date."
        case .placement(let marker):
            let description = questionnaire.marker(marker)?.description.map { $0 + "\n\n" } ?? ""
            return description
                + "The capabilities that follow test the placement against evidence; a placement above the evidence is reported as a perception gap."
        case .capability(let id):
            guard let capability = questionnaire.capability(id) else { return "" }
            return "What counts as evidence: \(capability.help)\n\n" + source(of: capability, in: questionnaire)
        case .roadSign:
            return
                "Road signs are the early symptoms that a company has started its journey from transactional selling towards LAER. Answer for the company as it is today."
        }
    }

    /// Where a capability comes from, for a reader: whether the work it is traced to states it or
    /// it is inferred, that work by author and title (never a file name), and the reason.
    package static func source(of capability: Capability, in questionnaire: Questionnaire) -> String {
        "Where it comes from: \(questionnaire.sourceSummary(of: capability.source)). \(capability.source.note)"
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

    /// What the assessment is, in the paragraphs the welcome shows before a new answer file's
    /// first question: the model, the phases and markers, the scale, the saving.
    package static func welcome(to questionnaire: Questionnaire) -> [String] {
        let phases = questionnaire.phases.map(\.name)
        let markers = questionnaire.markers.map(\.name)
        let ratings = Rating.scale.map(\.label)
        return [
            "LAER (Land, Adopt, Expand, Renew) is how a subscription business wins, keeps and grows its customers. "
                + "This assessment reads how far your company has come, from \(phases.first ?? "") to \(phases.last ?? ""), "
                + "on \(markers.count) markers: \(listed(markers)).",
            "For each marker, pick the description closest to your company today, then rate the capabilities behind it: "
                + "\(listed(ratings, conjunction: "or")), or N/A where one does not apply. A few road signs close it.",
            "Every answer is saved the moment you give it: stop at any time, and the same command goes on where you left off.",
        ]
    }

    /// "77 questions, about 25 minutes", separated by `separator`.
    package static func length(of questions: Int, separator: String = ", ") -> String {
        "\(questions) questions\(separator)about \(minutes(for: questions)) minutes"
    }

    /// About twenty seconds a question, rounded to five minutes.
    static func minutes(for questions: Int) -> Int {
        max(5, Int((Double(questions) / 3 / 5).rounded()) * 5)
    }

    /// "a, b and c".
    static func listed(_ items: some Collection<String>, conjunction: String = "and") -> String {
        let items = Array(items)
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " \(conjunction) " + items[items.count - 1]
    }

    /// Every key of the full screen, in groups: a heading, then keys and what they do.
    package static let keys: [(heading: String, keys: [(key: String, meaning: String)])] = [
        (
            "Answering",
            [
                ("0 1 2 3, n p l f", "rate a capability: not, partially, largely, fully"),
                ("x", "N/A: does not apply to a business like ours"),
                ("1 2 3 4", "place a marker in a phase"),
                ("y, n", "a road sign: yes, no"),
                ("↑ ↓, then Enter", "pick a choice with the arrows, then record it"),
                ("Backspace, Delete", "clear the answer: the question is unanswered again"),
                ("a", "a note on the rating; Enter keeps it, Esc leaves it"),
            ]
        ),
        (
            "Moving",
            [
                ("← →", "the previous and the next question"),
                ("s, Tab", "on to the next unanswered question"),
                ("m", "jump to a marker"),
                ("r", "review every answer and note, and change any of them"),
                ("?", "help on this question: what counts as evidence"),
                ("h", "these keys"),
            ]
        ),
        (
            "Typing a name, the period or a note",
            [
                ("← → Home End", "move in the text (also Ctrl-A, Ctrl-E)"),
                ("Ctrl-U, Ctrl-W", "delete to the start, the word before"),
                ("Enter", "keep it and go on"),
                ("↑ ↓", "keep it and go to the previous or next question"),
                ("Esc", "undo the changes"),
            ]
        ),
        (
            "Stopping",
            [
                ("q", "quit: every answer is already saved"),
                ("Ctrl-C", "the same, from anywhere"),
                ("Ctrl-L", "draw the screen again"),
            ]
        ),
    ]
}
