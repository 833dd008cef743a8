import Foundation
import LAERTestSupport
import Testing

/// `laer survey NEW --from PREVIOUS` full screen in a real terminal (tmux): last time's answer
/// is marked and highlighted, Enter keeps it (with its note), a key changes it.
@Suite(.enabled(if: Tmux.isAvailable, "needs tmux"))
struct SurveyFromTerminalTests {
    let directory: URL
    var answerFile: String { directory.appendingPathComponent("2027-q1.json").path }
    var previousFile: String { directory.appendingPathComponent("2026-q4.json").path }
    var statusFile: String { directory.appendingPathComponent("status").path }

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("laer-from-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try TestFiles.fixtureText("answers-mini.json").write(toFile: previousFile, atomically: true, encoding: .utf8)
    }

    @Test func enterKeepsTheMarkedDefaultAndAKeyChangesIt() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let questionnaire = TestFiles.fixture("mini-questionnaire.json").path
        let tmux = try Tmux(
            "'\(BinaryTests.binary.path)' survey '\(answerFile)' --from '\(previousFile)' --questionnaire '\(questionnaire)'; "
                + "echo \"EXIT=$?\" > '\(statusFile)'")
        defer { tmux.stop() }
        // A new file opens at the welcome; last time's respondent is taken over, but not its period.
        try tmux.waitFor("Press Enter to begin.")
        try tmux.send("Enter")
        try tmux.waitFor("question 4 of 26")
        try tmux.send("Enter")
        var screen = try tmux.waitFor("question 5 of 26")
        #expect(screen.contains(" › 4  LAER Efficient (last time): Lifetime value."), "\(screen)")
        #expect(screen.contains("Last time: LAER Efficient; Enter keeps it, a key changes it."))
        try tmux.send("Enter")
        screen = try tmux.waitFor("We track usage.")
        #expect(screen.contains(" › 3  fully (last time)"), "\(screen)")
        #expect(screen.contains("Last time's note: Usage dashboard"))
        try tmux.send("Enter")
        screen = try tmux.waitFor("We track retention.")
        #expect(screen.contains(" › 2  largely (last time)"), "\(screen)")
        try tmux.send("n")
        try tmux.waitFor("We track lifetime value.")
        try tmux.send("q")
        let status = Tmux.waitForFile(statusFile)?.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(status == "EXIT=0")

        let data = try Data(contentsOf: URL(fileURLWithPath: answerFile))
        let saved = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect((saved["respondent"] as? [String: String])?["name"] == "Zoë Müller")
        #expect(saved["period"] == nil)
        #expect(saved["placements"] as? [String: String] == ["kpis": "laer-efficient"])
        let answers = try #require(saved["answers"] as? [String: [String: String]])
        #expect(answers["k2"] == ["rating": "fully", "note": "Usage dashboard, \"weekly\"."])
        #expect(answers["k3"] == ["rating": "not"])
        #expect(answers["k4"] == nil)
        #expect(answers.count == 2)
    }
}
