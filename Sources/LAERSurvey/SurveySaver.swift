import LAERTerminal
import LAERValues

/// How an interview run ended.
package enum SurveyOutcome: Sendable, Equatable {
    /// The respondent finished at the review.
    case finished
    /// The respondent quit, or input ended; what is answered is saved.
    case stopped
    /// A signal stopped it (Ctrl-C, SIGTERM, SIGHUP); what is answered is saved.
    case signalled(TerminalSignal)
}

/// Saves the assessment after every answer; on failure says why and lets the respondent give
/// another path.
///
/// Both drivers share it, so a failed save is handled the same way everywhere; the
/// command line gives them the answer file.
package protocol SurveySaver: AnyObject {
    /// Saves; returns the error's message when the answers could not be kept.
    func saveAnswers(_ assessment: Assessment) -> String?

    /// Saves the answers last given to `save` to another path from now on; returns the error's
    /// message when that fails too.
    func moveAnswers(to path: String) -> String?
}
