import LAERValues

/// The checks every answer format shares (JSON answer files, CSV sheets, wide CSV exports), so
/// that the same mistake gets the same message whatever the format.
///
/// Each returns the message
/// (without the place) for a bad value, or the parsed value.
package enum AnswerRules {
    /// nil when `id` names a capability of `questionnaire`; otherwise what is wrong and, when
    /// `suggesting` (for a problem that is listed), the closest id.
    package static func unknownCapabilityMessage(_ id: String, in questionnaire: Questionnaire, suggesting: Bool = true)
        -> String?
    {
        guard !questionnaire.hasCapability(id) else { return nil }
        var message =
            "\(SafeText.quoted(id)) is not a capability of questionnaire \(questionnaire.id) \(questionnaire.version)"
        if suggesting, let closest = Suggestion.closest(to: id, among: questionnaire.capabilities.map(\.id)) {
            message += "; did you mean \"\(closest)\"?"
        } else {
            message += "; check the id against 'laer questionnaire'"
        }
        return message
    }

    /// An answer to a capability `questionnaire` lacks: an error, or, when the answers were made
    /// with another version of it (`answersVersion`), a warning that the newer version retired it.
    package static func unknownCapability(
        _ id: String, answersVersion: String, in questionnaire: Questionnaire, suggesting: Bool = true
    ) -> (message: String, severity: Problem.Severity)? {
        guard !questionnaire.hasCapability(id) else { return nil }
        if let version = SemanticVersion(answersVersion), version < questionnaire.version {
            return (
                "\(SafeText.quoted(id)) is not in version \(questionnaire.version) of \(questionnaire.id), which scores these answers of version \(answersVersion); its answer is left out (give version \(answersVersion) with --questionnaire to score it)",
                .warning
            )
        }
        // A newer version's capability, unless it is a misspelling of one here.
        if let version = SemanticVersion(answersVersion), version > questionnaire.version,
            !suggesting || Suggestion.closest(to: id, among: questionnaire.capabilities.map(\.id)) == nil
        {
            return (
                "\(SafeText.quoted(id)) is not in version \(questionnaire.version) of \(questionnaire.id); these answers were made with version \(answersVersion), which is neither built in nor given: pass it with --questionnaire FILE",
                .error
            )
        }
        return unknownCapabilityMessage(id, in: questionnaire, suggesting: suggesting).map { ($0, .error) }
    }

    /// The spellings of `Rating.spellings`, as messages name them.
    package static let ratingSpellings = "not, partially, largely, fully or na (or N, P, L, F, 0–3)"

    package static func rating(_ text: String) -> Result<Rating, RuleViolation> {
        if let rating = Rating(rawValue: text) ?? Rating(reading: text) { return .success(rating) }
        var message = "\(SafeText.quoted(text)) is not a rating; use \(AnswerRules.ratingSpellings)"
        if let closest = Suggestion.closest(to: text.trimmingSpaces(), among: Rating.allCases.map(\.rawValue)) {
            message += " (did you mean \"\(closest)\"?)"
        }
        return .failure(RuleViolation(message))
    }

    /// A placement: any `PhaseID(spelling:)`, or the phase's name in `questionnaire`.
    package static func phase(_ text: String, in questionnaire: Questionnaire) -> Result<PhaseID, RuleViolation> {
        if let phase = PhaseID(spelling: text) { return .success(phase) }
        let trimmed = text.trimmingSpaces()
        if let phase = questionnaire.phases.first(where: { $0.name.lowercased() == trimmed.lowercased() }) {
            return .success(phase.id)
        }
        var message =
            "\(SafeText.quoted(text)) is not a phase; answer with \(PhaseID.spellingsHint) (or the phase's number 1–4)"
        if let closest = Suggestion.closest(
            to: trimmed, among: PhaseID.allCases.map(\.shortName) + PhaseID.allCases.map(\.rawValue))
        {
            message += " (did you mean \"\(closest)\"?)"
        }
        return .failure(RuleViolation(message))
    }

    package static func marker(_ text: String) -> Result<MarkerID, RuleViolation> {
        if let marker = MarkerID(rawValue: text) { return .success(marker) }
        return .failure(
            RuleViolation(
                "\(SafeText.quoted(text)) is not a marker; \(Suggestion.expectedOneOf(MarkerID.allCases.map(\.rawValue), for: text))"
            ))
    }

    package static func unknownRoadSignMessage(_ id: String, in questionnaire: Questionnaire) -> String? {
        guard !questionnaire.roadSigns.contains(where: { $0.id == id }) else { return nil }
        return
            "\(SafeText.quoted(id)) is not a road sign; \(Suggestion.expectedOneOf(questionnaire.roadSigns.map(\.id), for: id))"
    }

    /// yes/no, true/false, y/n, 1/0, any case.
    package static func yesNo(_ text: String) -> Result<Bool, RuleViolation> {
        switch text.trimmingSpaces().lowercased() {
        case "yes", "y", "true", "1": return .success(true)
        case "no", "n", "false", "0": return .success(false)
        default: return .failure(RuleViolation("\(SafeText.quoted(text)) is not yes or no; write yes or no"))
        }
    }

    /// The answers must be for this questionnaire: the same id and the same major version.
    package static func identityMessage(id: String, version: String, for questionnaire: Questionnaire) -> String? {
        if id != questionnaire.id {
            return
                "these answers are for questionnaire \(SafeText.quoted(id)), not \"\(questionnaire.id)\"; pass the right one with --questionnaire FILE"
        }
        guard let parsed = SemanticVersion(version) else {
            return
                "\(SafeText.quoted(version)) is not a semantic version; write the questionnaire's version, such as \"\(questionnaire.version)\""
        }
        if parsed.major != questionnaire.version.major {
            return
                "these answers are for version \(version) of \(id), but the questionnaire is \(questionnaire.version); a different major version cannot be scored: use the matching questionnaire with --questionnaire FILE"
        }
        return nil
    }

    package static let dateMessage = "is not a date; write it as YYYY-MM-DD, such as 2026-11-25"
}

/// The digit ratings (0–4) of one sheet or export, to notice a 1–4 scale where laer reads 0–3.
///
/// A 4 is an error by itself; this adds why it may not be the only wrong rating.
package struct DigitRatingTally: Sendable, Equatable {
    /// How many digit ratings it takes, with a 4 among them and no 0, to call the scale shifted:
    /// fewer say too little about the scale, and a single 4 is more likely a slip.
    package static let minimumForShiftedScale = 5

    /// How many cells were each digit 0…4.
    package private(set) var counts = [0, 0, 0, 0, 0]

    package init() {}

    /// Counts `cell` when it is one digit 0–4, as written (trimmed).
    package mutating func count(_ cell: String) {
        let utf8 = cell.utf8
        guard utf8.count == 1, let byte = utf8.first, (0x30...0x34).contains(byte) else { return }
        counts[Int(byte - 0x30)] += 1
    }

    /// The warning for ratings that look like 1–4 (a 4, no 0, enough of them); nil otherwise.
    package var shiftedScaleWarning: String? {
        guard counts[0] == 0, counts[4] > 0, counts.reduce(0, +) >= Self.minimumForShiftedScale else { return nil }
        return
            "the ratings run 1–4 and never 0; laer reads 0–3 (0 not, 1 partially, 2 largely, 3 fully), so every rating may be one too high. If you meant 1–4, subtract one from each"
    }
}

/// A broken answer rule: the message, without its place.
package struct RuleViolation: Error, Sendable, Equatable {
    package var message: String

    package init(_ message: String) {
        self.message = message
    }
}
