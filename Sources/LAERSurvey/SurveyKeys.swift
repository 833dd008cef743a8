import LAERTerminal
import LAERValues

/// The full screen's keys: what each key means in the interview's current mode.
///
/// Pure, so the
/// whole key map is tested without a terminal.
package enum SurveyKeys {
    package enum Action: Sendable, Equatable {
        case event(Interview.Event)
        /// Ctrl-C: save, restore the terminal, exit 130.
        case interrupt
        /// Ctrl-L: draw the whole screen again.
        case redraw
        case none
    }

    package static func action(for key: Key, in interview: Interview) -> Action {
        switch key {
        case .interrupt: return .interrupt
        case .control(0x0C): return .redraw
        default: break
        }
        switch interview.mode {
        case .typing, .note: return editing(key, in: interview)
        case .help: return .event(.toggleHelp)
        case .jump:
            switch key {
            case .up: return .event(.moveHighlight(-1))
            case .down: return .event(.moveHighlight(1))
            case .enter: return .event(.chooseHighlighted)
            case .escape, .character("m"), .character("M"), .left: return .event(.cancel)
            case .character(let character):
                return interview.choices.first { $0.key == String(character) }.map { .event($0.event) } ?? .none
            default: return .none
            }
        case .choosing: return choosing(key, in: interview)
        }
    }

    private static func editing(_ key: Key, in interview: Interview) -> Action {
        let typingDetail = if case .typing = interview.mode { true } else { false }
        switch key {
        case .character(let character): return .event(.insert(String(character)))
        case .backspace: return .event(.deleteBackward)
        case .enter: return .event(.submitText)
        case .escape: return .event(.cancel)
        case .endOfFile: return .event(.quit)
        case .left where typingDetail: return .event(.back)
        case .right where typingDetail: return .event(.forward)
        case .tab where typingDetail: return .event(.skip)
        default: return .none
        }
    }

    private static func choosing(_ key: Key, in interview: Interview) -> Action {
        switch key {
        case .up, .backTab: return .event(.moveHighlight(-1))
        case .down: return .event(.moveHighlight(1))
        case .enter: return .event(.chooseHighlighted)
        case .left, .backspace, .pageUp: return .event(.back)
        case .right, .pageDown: return .event(.forward)
        case .tab: return .event(.skip)
        case .endOfFile: return .event(.quit)
        case .character(let typed):
            let character = Character(typed.lowercased())
            if let answer = answer(for: character, to: interview) { return .event(answer) }
            switch character {
            case "q": return .event(.quit)
            case "?", "h": return .event(.toggleHelp)
            case "m": return .event(.openJump)
            case "r": return .event(.review)
            case "s": return .event(.skip)
            case "a": return .event(.openNote)
            case "b": return .event(.back)
            case " ": return .event(.chooseHighlighted)
            default: return .none
            }
        default: return .none
        }
    }

    /// The single keys of the contract: `n p l f`, `0`–`3` and `x` rate; `1`–`4` place; `y`/`n` answer a road sign.
    private static func answer(for character: Character, to interview: Interview) -> Interview.Event? {
        switch interview.currentQuestion {
        case .capability:
            // One key is a rating where it is one of the one-letter spellings, as typed (lowercase).
            let key = String(character)
            guard let spelling = Rating.spellings.first(where: { $0.text == key }) else { return nil }
            return .answer(.rating(spelling.rating))
        case .placement, .roadSign, nil:
            return interview.choices.first { $0.key == String(character) }?.event
        case .respondent:
            return nil
        }
    }
}
