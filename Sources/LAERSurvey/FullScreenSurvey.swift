import LAERReports
import LAERTerminal
import LAERValues

/// The full-screen driver: raw mode in one scope, keys decoded into interview events, each
/// change saved at once and the screen redrawn; resize redraws, signals end it cleanly.
///
/// Everything it decides is in `Interview`, `SurveyKeys` and `InterviewScreen`.
package struct FullScreenSurvey {
    package var saver: any SurveySaver
    package var style: any TextStyle
    package var input: Int32 = StandardTerminal.input
    package var output: Int32 = StandardTerminal.output

    package init(saver: any SurveySaver, style: any TextStyle) {
        self.saver = saver
        self.style = style
    }

    /// A path being typed after a failed save.
    private struct SaveProblem {
        var message: String
        var draft: String = ""
        /// Where the run goes once saved (or the respondent declines): set when quitting or finishing.
        var then: SurveyOutcome?
    }

    package func run(_ interview: inout Interview) throws -> SurveyOutcome {
        let events = try TerminalEvents(input: input)
        defer { events.close() }
        return try RawMode.with(descriptor: input) {
            write(
                ANSI.enterAlternateScreen + ANSI.hideCursor + ANSI.disableLineWrap + ANSI.enableBracketedPaste + ANSI.clearScreen)
            defer {
                write(
                    ANSI.resetAttributes + ANSI.disableBracketedPaste + ANSI.enableLineWrap + ANSI.showCursor
                        + ANSI.leaveAlternateScreen)
            }
            return loop(&interview, events: events)
        }
    }

    private func loop(_ interview: inout Interview, events: TerminalEvents) -> SurveyOutcome {
        var decoder = KeyDecoder()
        var writer = ScreenWriter()
        var size = TerminalSize.of(descriptor: output) ?? TerminalSize(rows: 24, columns: 80)
        var problem: SaveProblem?
        var unsaved = false

        var screen: InterviewScreen { InterviewScreen(width: size.columns, height: size.rows, style: style) }

        func draw() {
            let screen = screen
            interview.limitScroll(to: screen.scrollLimit(interview))
            var lines = screen.render(interview)
            if let problem { lines = overlay(problem, on: lines, width: size.columns) }
            write(writer.update(lines, size: size))
        }

        /// Saves what is pending; on failure opens the path prompt and returns false.
        func saveNow(then outcome: SurveyOutcome? = nil) -> Bool {
            guard unsaved else { return true }
            unsaved = false
            guard let message = saver.saveAnswers(interview.assessment) else { return true }
            problem = SaveProblem(message: message, then: outcome)
            return false
        }

        draw()
        while true {
            var keys: [Key] = []
            // A lone ESC is the Escape key after a short silence; a paste whose end never came, after a longer one.
            let wait: Int32? = decoder.isPasting ? KeyDecoder.pasteSilenceMilliseconds : decoder.hasPendingEscape ? 30 : nil
            switch events.next(timeoutMilliseconds: wait) {
            case .bytes(let bytes): keys = decoder.decode(bytes)
            case .timeout: keys = decoder.flushPending()
            case .signal(.resize):
                size = TerminalSize.of(descriptor: output) ?? size
                writer.invalidate()
                write(ANSI.clearScreen)
            case .signal(let signal):
                _ = saveNow()
                return .signalled(signal)
            case .endOfInput, .failed:
                _ = saveNow()
                return .stopped
            }
            // On a window too small to show the question, a key would answer it unseen.
            let tooSmall = screen.isTooSmall
            for key in keys {
                if var current = problem {
                    switch key {
                    case .interrupt: return .signalled(.interrupt)
                    case .character(let character): current.draft.append(character)
                    case .paste(let text): current.draft += text.filter { !$0.isNewline }
                    case .backspace: if !current.draft.isEmpty { current.draft.removeLast() }
                    case .escape:
                        problem = nil
                        if let then = current.then { return then }
                        continue
                    case .enter:
                        let path = current.draft.trimmingSpaces()
                        guard !path.isEmpty else { continue }
                        if let message = saver.moveAnswers(to: path) {
                            current.message = message
                        } else {
                            problem = nil
                            if let then = current.then { return then }
                            interview.announce("Saved to \(path); every answer from now on goes there.")
                            continue
                        }
                    default: break
                    }
                    problem = current
                    continue
                }
                if tooSmall {
                    switch key {
                    case .interrupt:
                        _ = saveNow()
                        return .signalled(.interrupt)
                    case .character("q"), .character("Q"): if saveNow(then: .stopped) { return .stopped }
                    default: break
                    }
                    continue
                }
                switch SurveyKeys.action(for: key, in: interview) {
                case .interrupt:
                    _ = saveNow()
                    return .signalled(.interrupt)
                case .redraw:
                    writer.invalidate()
                    write(ANSI.clearScreen)
                case .event(let event):
                    for effect in interview.handle(event) {
                        switch effect {
                        case .save: unsaved = true
                        case .finished: if saveNow(then: .finished) { return .finished }
                        case .quit: if saveNow(then: .stopped) { return .stopped }
                        }
                    }
                }
            }
            // The screen first, then the save: the respondent sees the next question at once.
            draw()
            if unsaved, !saveNow() { draw() }
        }
    }

    /// The bottom of the screen replaced by the save error and a line to type another path.
    private func overlay(_ problem: SaveProblem, on lines: [String], width: Int) -> [String] {
        var box = [style.color(String(repeating: "─", count: width), .red)]
        box += TextWrap.lines("Could not save: " + problem.message, width: width - 2).map { " " + style.color($0, .red) }
        let escape = problem.then == nil ? "Esc to go on without saving" : "Esc to leave without saving them"
        box += TextWrap.lines(
            "Your answers are kept in memory. Type another path and press Enter to save there, or \(escape).", width: width - 2
        ).map { " " + $0 }
        box.append(String((" Save to: " + problem.draft + "▏").prefix(width)))
        let keep = max(0, lines.count - box.count)
        return Array(lines.prefix(keep)) + box.suffix(lines.count - keep)
    }

    private func write(_ text: String) {
        TerminalOutput(descriptor: output).write(text)
    }

    private func write(_ bytes: [UInt8]) {
        TerminalOutput(descriptor: output).write(bytes)
    }
}
