import LAERValues

/// One of the answers offered for a question, as both modes show it: the key that picks it,
/// what it means in words, and what choosing it does.
package struct SurveyChoice: Sendable, Equatable {
    /// What picks it: a single key in full screen, a number or word in line mode.
    package var key: String
    package var label: String
    /// A longer explanation: a rating's meaning, a phase's profile for this marker.
    package var detail: String?
    package var event: Interview.Event

    package init(key: String, label: String, detail: String? = nil, event: Interview.Event) {
        self.key = key
        self.label = label
        self.detail = detail
        self.event = event
    }
}

extension Rating {
    /// What the rating means, in the words a respondent weighs.
    package var meaning: String {
        switch self {
        case .not: "nothing of it exists today"
        case .partially: "started, in places or on paper"
        case .largely: "in place for most of the business, with gaps"
        case .fully: "in place, used and kept up across the business"
        case .na: "does not apply to a business like ours"
        }
    }

    /// The short word shown beside the key: "not", …, "N/A".
    package var label: String { self == .na ? "N/A" : rawValue }

    /// The single key that rates it in full screen, also accepted in line mode.
    package var key: String {
        switch self {
        case .not: "0"
        case .partially: "1"
        case .largely: "2"
        case .fully: "3"
        case .na: "na"
        }
    }
}
