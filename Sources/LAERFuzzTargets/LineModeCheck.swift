import LAERDocuments
import LAERSurvey
import LAERTerminal
import LAERValues

/// The survey's line mode, answered by fuzzed lines.
enum LineModeCheck {
    /// Lines answered per input at most: enough to go through every question of a short run.
    static let longestRun = 400

    static func check(_ bytes: [UInt8], messages: MessageCheck) throws(FuzzFailure) {
        let lines = lines(of: bytes)
        let buffered = BufferedLineSource(bytes)
        var read: [String] = []
        while case .line(let line) = buffered.nextLine() { read.append(line) }
        try expect(
            read == lines, .values, "the in-memory line source splits lines unlike the terminal's",
            "in memory: \(read.map { shown(Array($0.utf8)) })\nterminal: \(lines.map { shown(Array($0.utf8)) })")

        let questionnaire = FuzzFixtures.newest
        var interview = Interview(
            questionnaire: questionnaire, assessment: Assessment(blankFor: questionnaire, assessedOn: "2026-11-25"))
        if bytes.count % 2 == 0 { interview.showWelcome() }
        var dialogue = LineDialogue(interview: interview)
        for line in lines.prefix(longestRun) {
            _ = dialogue.prompt()
            let reply = dialogue.receive(line)
            // A reply is lines of text: each is held to what a message is.
            for replyLine in reply.text.split(separator: "\n", omittingEmptySubsequences: false) {
                try messages.check(String(replyLine), of: Array(line.utf8))
            }
            if reply.effects.contains(.save) {
                try AnswersTarget.checkRoundTrip(
                    dialogue.interview.assessment, questionnaire: questionnaire, input: bytes, target: .values)
            }
            if reply.effects.contains(.quit) || reply.effects.contains(.finished) { break }
        }
        _ = dialogue.endOfInput()
    }

    /// The lines as `DescriptorLineSource` reads them from a terminal or a pipe: split at LF, one
    /// CR before it dropped, a last line without LF kept.
    static func lines(of bytes: [UInt8]) -> [String] {
        var lines: [String] = []
        var rest = bytes[...]
        while let newline = rest.firstIndex(of: 0x0A) {
            var line = rest[..<newline]
            if line.last == 0x0D { line = line.dropLast() }
            lines.append(String(decoding: line, as: UTF8.self))
            rest = rest[(newline + 1)...]
        }
        if !rest.isEmpty { lines.append(String(decoding: rest, as: UTF8.self)) }
        return lines
    }
}
