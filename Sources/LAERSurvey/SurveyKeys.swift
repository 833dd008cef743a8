import LAERTerminal
import LAERValues

/// The full screen's keys: what each key means in the interview's current place and mode.
///
/// Pure, so the whole key map is tested without a terminal. Every key gets an answer: one that
/// means nothing where it was pressed becomes `.unknownKey`, which the interview acknowledges.
package enum SurveyKeys {
    package enum Action: Sendable, Equatable {
        case event(Interview.Event)
        /// Ctrl-C: save, restore the terminal, exit 130.
        case interrupt
        /// Ctrl-L: draw the whole screen again.
        case redraw
    }

    /// Lines that Page Up and Page Down scroll help, and rows they move in the review.
    static let page = 10

    package static func action(for key: Key, in interview: Interview) -> Action {
        switch key {
        case .interrupt: return .interrupt
        case .control(0x0C): return .redraw
        case .paste(let text): return .event(.paste(text))
        default: break
        }
        if interview.isOnWelcome { return welcome(key) }
        switch interview.mode {
        case .typing, .note: return editing(key, in: interview)
        case .help, .keys: return reading(key)
        case .jump: return jumping(key, in: interview)
        case .choosing: break
        }
        switch interview.position {
        case .welcome: return welcome(key)
        case .review: return reviewing(key)
        case .question, .done: return choosing(key, in: interview)
        }
    }

    private static func editing(_ key: Key, in interview: Interview) -> Action {
        let typingDetail = if case .typing = interview.mode { true } else { false }
        let empty: Bool
        switch interview.mode {
        case .typing(let field), .note(let field): empty = field.text.isEmpty
        default: empty = true
        }
        switch key {
        case .character(let character): return .event(.edit(.insert(String(character))))
        case .backspace: return .event(.edit(.deleteBackward))
        case .delete: return .event(.edit(.deleteForward))
        case .left, .control(0x02): return .event(.edit(.left))
        case .right, .control(0x06): return .event(.edit(.right))
        case .home, .control(0x01): return .event(.edit(.home))
        case .end, .control(0x05): return .event(.edit(.end))
        case .control(0x15): return .event(.edit(.deleteToStart))
        case .control(0x0B): return .event(.edit(.deleteToEnd))
        case .control(0x17): return .event(.edit(.deleteWordBackward))
        case .enter: return .event(.submitText)
        case .escape: return .event(.cancel)
        case .endOfFile: return empty ? .event(.quit) : .event(.edit(.deleteForward))
        case .up where typingDetail, .backTab where typingDetail, .pageUp where typingDetail: return .event(.back)
        case .down where typingDetail, .tab where typingDetail, .pageDown where typingDetail: return .event(.forward)
        default: return .event(.unknownKey(name(of: key)))
        }
    }

    /// Help and the key list: the arrows and Page keys scroll, any other key closes them.
    private static func reading(_ key: Key) -> Action {
        switch key {
        case .up: return .event(.scroll(-1))
        case .down: return .event(.scroll(1))
        case .pageUp: return .event(.scroll(-page))
        case .pageDown, .character(" "): return .event(.scroll(page))
        case .home: return .event(.scroll(Int.min / 2))
        default: return .event(.cancel)
        }
    }

    private static func jumping(_ key: Key, in interview: Interview) -> Action {
        switch key {
        case .up: return .event(.moveHighlight(-1))
        case .down: return .event(.moveHighlight(1))
        case .enter, .character(" "): return .event(.chooseHighlighted)
        case .escape, .character("m"), .character("M"), .left: return .event(.cancel)
        case .character(let character):
            if let choice = interview.choices.first(where: { $0.key == String(character) }) { return .event(choice.event) }
            return .event(.unknownKey(name(of: key)))
        default: return .event(.unknownKey(name(of: key)))
        }
    }

    /// The welcome: Enter begins; the arrows and Page keys scroll it on a small screen.
    private static func welcome(_ key: Key) -> Action {
        switch key {
        case .enter, .right: return .event(.begin)
        case .up: return .event(.scroll(-1))
        case .down: return .event(.scroll(1))
        case .pageUp: return .event(.scroll(-page))
        case .pageDown, .character(" "): return .event(.scroll(page))
        case .endOfFile: return .event(.quit)
        case .left: return .event(.back)
        case .escape: return .event(.cancel)
        case .character(let typed):
            switch Character(typed.lowercased()) {
            case "q": return .event(.quit)
            case "h", "?": return .event(.toggleKeys)
            default: return .event(.unknownKey(name(of: key)))
            }
        default: return .event(.unknownKey(name(of: key)))
        }
    }

    private static func reviewing(_ key: Key) -> Action {
        switch key {
        case .up: return .event(.reviewMove(-1))
        case .down: return .event(.reviewMove(1))
        case .pageUp: return .event(.reviewMove(-page))
        case .pageDown: return .event(.reviewMove(page))
        case .home: return .event(.reviewMove(Int.min))
        case .end: return .event(.reviewMove(Int.max))
        case .enter, .character(" "): return .event(.openPicked)
        case .left: return .event(.back)
        case .right: return .event(.forward)
        case .escape: return .event(.cancel)
        case .endOfFile: return .event(.quit)
        case .character(let typed):
            switch Character(typed.lowercased()) {
            case "u": return .event(.reviewFilter(.unanswered))
            case "x": return .event(.reviewFilter(.notApplicable))
            case "a": return .event(.reviewFilter(.all))
            case "c": return .event(.continueAnswering)
            case "f": return .event(.finish)
            case "m": return .event(.openJump)
            case "q": return .event(.quit)
            case "h", "?": return .event(.toggleKeys)
            default: return .event(.unknownKey(name(of: key)))
            }
        default: return .event(.unknownKey(name(of: key)))
        }
    }

    private static func choosing(_ key: Key, in interview: Interview) -> Action {
        switch key {
        case .up, .backTab: return .event(.moveHighlight(-1))
        case .down: return .event(.moveHighlight(1))
        case .enter, .character(" "): return .event(.chooseHighlighted)
        case .backspace, .delete: return .event(.clear)
        case .left, .pageUp: return .event(.back)
        case .right, .pageDown: return .event(.forward)
        case .tab: return .event(.skip)
        case .escape: return .event(.cancel)
        case .endOfFile: return .event(.quit)
        case .character(let typed):
            let character = Character(typed.lowercased())
            if let answer = answer(for: character, to: interview) { return .event(answer) }
            switch character {
            case "q": return .event(.quit)
            case "?": return .event(.toggleHelp)
            case "h": return .event(.toggleKeys)
            case "m": return .event(.openJump)
            case "r": return .event(.review)
            case "s": return .event(.skip)
            case "a": return .event(.openNote)
            default: return .event(.unknownKey(name(of: key)))
            }
        default: return .event(.unknownKey(name(of: key)))
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
        case .respondent, .period:
            return nil
        }
    }

    /// A key as the notice names it: "z" in quotes, or the key's name.
    static func name(of key: Key) -> String {
        switch key {
        case .character(let character): "“\(character)”"
        case .enter: "Enter"
        case .backspace: "Backspace"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .escape: "Esc"
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .home: "Home"
        case .end: "End"
        case .pageUp: "Page Up"
        case .pageDown: "Page Down"
        case .delete: "Delete"
        case .interrupt: "Ctrl-C"
        case .endOfFile: "Ctrl-D"
        case .control(let byte): "Ctrl-" + String(UnicodeScalar(byte + 0x40))
        case .paste: "A paste"
        }
    }
}
