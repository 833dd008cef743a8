/// What changed, capability by capability, from one version of a questionnaire to another:
/// `laer questionnaire --history` shows it between each two released versions.
package struct QuestionnaireChanges: Sendable, Equatable {
    /// A capability in both versions whose weight changed.
    package struct WeightChange: Sendable, Equatable {
        package var capability: String
        package var from: Int
        package var to: Int
    }

    package var from: SemanticVersion
    package var to: SemanticVersion
    /// In `to` only, in its order.
    package var added: [Capability]
    /// In `from` only, in its order.
    package var retired: [Capability]
    /// Ids in both whose statement, help or action reads differently, in `to`'s order.
    package var reworded: [String]
    package var reweighted: [WeightChange]

    /// The changes from `old` to `new`, matched by capability id.
    package init(from old: Questionnaire, to new: Questionnaire) {
        from = old.version
        to = new.version
        added = new.capabilities.filter { !old.hasCapability($0.id) }
        retired = old.capabilities.filter { !new.hasCapability($0.id) }
        reworded = []
        reweighted = []
        for capability in new.capabilities {
            guard let before = old.capability(capability.id) else { continue }
            if before.statement != capability.statement || before.help != capability.help || before.action != capability.action {
                reworded.append(capability.id)
            }
            if before.weight != capability.weight {
                reweighted.append(WeightChange(capability: capability.id, from: before.weight, to: capability.weight))
            }
        }
    }

    /// The changes between each two consecutive versions of `history` (oldest first), newest change first.
    package static func between(_ history: [Questionnaire]) -> [QuestionnaireChanges] {
        let ordered = history.sorted { $0.version < $1.version }
        return zip(ordered, ordered.dropFirst()).map { QuestionnaireChanges(from: $0, to: $1) }.reversed()
    }
}
