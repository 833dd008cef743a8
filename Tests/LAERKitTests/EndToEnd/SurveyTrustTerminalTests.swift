import Foundation
import LAERTestSupport
import Testing

@testable import LAERSystem

/// What a busy executive did in a real terminal that once recorded answers they never gave, or
/// lost what they typed: a paste into a note, Enter pressed again and again, the arrows in a
/// text field, a change made from the review.
@Suite(.serialized, .enabled(if: Tmux.isAvailable, "needs tmux"))
struct SurveyTrustTerminalTests {
    let directory: URL
    var answerFile: String { directory.appendingPathComponent("answers.json").path }
    var statusFile: String { directory.appendingPathComponent("status").path }

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("laer-trust-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    /// The survey on a new file of the mini questionnaire, with `flags`, its exit status written when it ends.
    func start(_ flags: String = "--name Ada --role CRO --organization Acme --period 2026-Q4") throws -> Tmux {
        let questionnaire = TestFiles.fixture("mini-questionnaire.json").path
        let tmux = try Tmux(
            "'\(BinaryTests.binary.path)' survey '\(answerFile)' --questionnaire '\(questionnaire)' \(flags); "
                + "echo \"EXIT=$?\" > '\(statusFile)'")
        try tmux.waitFor("Press Enter to begin.")
        try tmux.send("Enter")
        return tmux
    }

    func quit(_ tmux: Tmux) throws {
        try tmux.send("q")
        #expect(Tmux.waitForFile(statusFile)?.trimmingCharacters(in: .whitespacesAndNewlines) == "EXIT=0")
    }

    func saved() throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: answerFile))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    func ratings() throws -> [String: [String: String]] {
        try saved()["answers"] as? [String: [String: String]] ?? [:]
    }

    @Test func aPasteWithLineBreaksIntoANoteChangesNoRating() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let tmux = try start()
        defer { tmux.stop() }
        try tmux.send("2")
        try tmux.waitFor("We track usage.")
        try tmux.send("p")
        try tmux.waitFor("We track retention.")
        try tmux.send("Left")
        try tmux.waitFor("Your answer: partially.")
        try tmux.send("a")
        try tmux.waitFor("Note: ▏")
        try tmux.paste("Pasted line one\nfff second line")
        var screen = try tmux.waitFor("Note: Pasted line one fff second line▏")
        #expect(screen.contains("question 6 of 26"))
        try tmux.send("Enter")
        screen = try tmux.waitFor("Note kept.")
        #expect(screen.contains("We track usage."))
        try quit(tmux)
        #expect(try ratings() == ["k2": ["rating": "partially", "note": "Pasted line one fff second line"]])
        #expect(try saved()["placements"] as? [String: String] == ["kpis": "laer-experiment"])
    }

    @Test func aPasteOutsideAFieldIsIgnoredWithAWord() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let tmux = try start()
        defer { tmux.stop() }
        try tmux.waitFor("KPIs: which of these")
        try tmux.paste("3\nfff\nlpn")
        try tmux.waitFor("Pasted text ignored")
        try quit(tmux)
        #expect(try ratings().isEmpty)
        #expect((try saved()["placements"] as? [String: String] ?? [:]).isEmpty)
    }

    @Test func sixEntersOnANewFileAnswerNothing() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let tmux = try start("")
        defer { tmux.stop() }
        try tmux.waitFor("Your name?")
        for _ in 0..<6 { try tmux.send("Enter") }
        let screen = try tmux.waitFor("Nothing picked yet: press 1–4")
        #expect(screen.contains("question 5 of 26 · 0 answered"))
        try quit(tmux)
        let file = try saved()
        #expect((file["respondent"] as? [String: String] ?? [:]).isEmpty)
        #expect((file["placements"] as? [String: String] ?? [:]).isEmpty)
        #expect(try ratings().isEmpty)
    }

    @Test func theArrowsInATextFieldMoveTheCursorAndKeepTheText() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let tmux = try start("")
        defer { tmux.stop() }
        try tmux.waitFor("Your name?")
        try tmux.send("Ada Lovelace", literal: true)
        for _ in 0..<4 { try tmux.send("Left") }
        try tmux.send("X", literal: true)
        var screen = try tmux.waitFor("> Ada LoveX▏lace")
        #expect(screen.contains("question 1 of 26"))
        try tmux.send("Home")
        try tmux.send("Dr ", literal: true)
        try tmux.send("Enter")
        try tmux.waitFor("Your role, such as")
        try tmux.send("Up")
        screen = try tmux.waitFor("> Dr Ada LoveXlace▏")
        #expect(screen.contains("question 1 of 26 · 1 answered"))
        // In a text field q is a letter: Ctrl-C quits, with what was kept saved.
        try tmux.send("C-c")
        #expect(Tmux.waitForFile(statusFile)?.trimmingCharacters(in: .whitespacesAndNewlines) == "EXIT=130")
        #expect(try saved()["respondent"] as? [String: String] == ["name": "Dr Ada LoveXlace"])
    }

    @Test func theReviewJumpsToAChosenQuestionAndComesBack() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let tmux = try start()
        defer { tmux.stop() }
        try tmux.send("2")
        try tmux.waitFor("We track usage.")
        try tmux.send("f")
        try tmux.waitFor("We track retention.")
        try tmux.send("r")
        var screen = try tmux.waitFor("laer survey · Review")
        #expect(screen.contains("    6  We track usage.                                fully"))
        #expect(screen.contains(" ›  7  We track retention.                            unanswered"))
        try tmux.send("Up")
        try tmux.waitFor(" ›  6  We track usage.")
        try tmux.send("Enter")
        try tmux.waitFor("question 6 of 26")
        try tmux.send("n")
        screen = try tmux.waitFor("Question 6 changed.")
        #expect(screen.contains("laer survey · Review"))
        try quit(tmux)
        #expect(try ratings() == ["k2": ["rating": "not"]])
    }

    @Test func onAWindowTooSmallKeysAnswerNothingUnseen() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let tmux = try start()
        defer { tmux.stop() }
        try tmux.waitFor("question 5 of 26")
        try tmux.resize(columns: 30, rows: 10)
        try tmux.waitFor("Make the window larger")
        try tmux.send("3", "l", "Enter")
        Thread.sleep(forTimeInterval: 0.3)
        try tmux.resize(columns: 80, rows: 24)
        let screen = try tmux.waitFor("question 5 of 26 · 4 answered")
        #expect(!screen.contains("✓"))
        try quit(tmux)
        #expect((try saved()["placements"] as? [String: String] ?? [:]).isEmpty)
    }
}
