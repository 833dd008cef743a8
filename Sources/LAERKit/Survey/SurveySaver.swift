/// How an interview run ended.
public enum SurveyOutcome: Sendable, Equatable {
    /// The respondent finished at the review.
    case finished
    /// The respondent quit, or input ended; what is answered is saved.
    case stopped
    /// A signal stopped it (Ctrl-C, SIGTERM, SIGHUP); what is answered is saved.
    case signalled(TerminalSignal)
}

/// Saves the assessment after every answer; on failure says why and lets the respondent give
/// another path. Both drivers share it, so a failed save is handled the same way everywhere.
public struct SurveySaver {
    public let store: AnswerStore

    public init(store: AnswerStore) {
        self.store = store
    }

    /// Saves; returns the error's message when the file could not be written.
    public func save(_ assessment: Assessment) -> String? {
        do {
            try store.save(assessment)
            return nil
        } catch {
            return error.description
        }
    }

    /// Saves the answers last given to `save` to another path from now on; returns the error's
    /// message when that fails too.
    public func move(to path: String) -> String? {
        do {
            try store.move(to: path)
            return nil
        } catch {
            return error.description
        }
    }
}
