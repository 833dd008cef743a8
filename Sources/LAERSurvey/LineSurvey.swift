import LAERTerminal
import LAERValues

/// The line-mode driver: prints each prompt, reads one line, saves after every answer, and on a
/// failed save asks for another path.
///
/// All wording and parsing are `LineDialogue`'s.
package struct LineSurvey {
    package private(set) var dialogue: LineDialogue
    package let saver: any SurveySaver
    package let source: any LineSource
    package let write: (String) -> Void

    package init(dialogue: LineDialogue, saver: any SurveySaver, source: any LineSource, write: @escaping (String) -> Void) {
        self.dialogue = dialogue
        self.saver = saver
        self.source = source
        self.write = write
    }

    package mutating func run() -> SurveyOutcome {
        var prompt = dialogue.prompt()
        while true {
            write(prompt)
            let line: String
            switch source.nextLine() {
            case .line(let text): line = text
            case .end:
                write(dialogue.endOfInput())
                return .stopped
            case .signal(let signal): return .signalled(signal)
            }
            let reply = dialogue.receive(line)
            write(reply.text)
            for effect in reply.effects {
                switch effect {
                case .save:
                    if let problem = saver.saveAnswers(dialogue.interview.assessment), let outcome = recover(from: problem) {
                        return outcome
                    }
                case .finished: return .finished
                case .quit: return .stopped
                }
            }
            prompt = reply.rejected ? dialogue.shortPrompt() : dialogue.prompt()
        }
    }

    /// Says the save failed and asks for another path until one works or the respondent goes on
    /// without saving; returns an outcome only when input ends or a signal comes meanwhile.
    @discardableResult
    package mutating func recover(from problem: String) -> SurveyOutcome? {
        var problem = problem
        while true {
            write(
                "Could not save: \(problem)\nYour answers are kept in memory. Type another path to save them to, or a blank line to go on without saving: "
            )
            switch source.nextLine() {
            case .end: return .stopped
            case .signal(let signal): return .signalled(signal)
            case .line(let text):
                let path = text.trimmingSpaces()
                if path.isEmpty {
                    write("Going on without saving; the next answer tries again.\n")
                    return nil
                }
                guard let next = saver.moveAnswers(to: path) else {
                    write("Saved to \(path); every answer from now on goes there.\n")
                    return nil
                }
                problem = next
            }
        }
    }
}
