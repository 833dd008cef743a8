/// The four phases of the journey to LAER Efficient, in order.
package enum PhaseID: String, CaseIterable, Comparable, Sendable, Codable {
    case traditionalTransactional = "traditional-transactional"
    case laerExperiment = "laer-experiment"
    case laerEffective = "laer-effective"
    case laerEfficient = "laer-efficient"

    /// 1 for Traditional Transactional up to 4 for LAER Efficient.
    package var number: Int {
        switch self {
        case .traditionalTransactional: 1
        case .laerExperiment: 2
        case .laerEffective: 3
        case .laerEfficient: 4
        }
    }

    /// The phases that capabilities belong to: every phase above the first.
    package static let assessed: [PhaseID] = [.laerExperiment, .laerEffective, .laerEfficient]

    package init?(number: Int) {
        switch number {
        case 1: self = .traditionalTransactional
        case 2: self = .laerExperiment
        case 3: self = .laerEffective
        case 4: self = .laerEfficient
        default: return nil
        }
    }

    /// The phase a person wrote, trimmed and in any case: its id (`laer-effective`), its number
    /// 1–4, its full name (`LAER Effective`) or its short name (`effective`, also `traditional`
    /// and `transactional` for the first); nil for anything else.
    package init?(spelling: String) {
        let text = spelling.trimmingSpaces().lowercased()
        if let number = Int(text), let phase = PhaseID(number: number) {
            self = phase
            return
        }
        guard let phase = PhaseID.spellings[text] else { return nil }
        self = phase
    }

    /// The one word a person may answer with for each phase, in order.
    package var shortName: String {
        switch self {
        case .traditionalTransactional: "traditional"
        case .laerExperiment: "experiment"
        case .laerEffective: "effective"
        case .laerEfficient: "efficient"
        }
    }

    /// The full name, as the built-in questionnaire gives it.
    var standardName: String {
        switch self {
        case .traditionalTransactional: "Traditional Transactional"
        case .laerExperiment: "LAER Experiment"
        case .laerEffective: "LAER Effective"
        case .laerEfficient: "LAER Efficient"
        }
    }

    /// The short names for messages: "traditional, experiment, effective or efficient".
    package static let spellingsHint =
        allCases.dropLast().map(\.shortName).joined(separator: ", ") + " or " + laerEfficient.shortName

    /// Every spelling but the numbers, lowercased.
    static let spellings: [String: PhaseID] = {
        var spellings: [String: PhaseID] = ["transactional": .traditionalTransactional]
        for phase in allCases {
            spellings[phase.rawValue] = phase
            spellings[phase.standardName.lowercased()] = phase
            spellings[phase.shortName] = phase
        }
        return spellings
    }()

    package static func < (lhs: PhaseID, rhs: PhaseID) -> Bool { lhs.number < rhs.number }
}
