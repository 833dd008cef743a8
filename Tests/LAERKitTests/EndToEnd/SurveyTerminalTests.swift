import Foundation
import LAERTestSupport
import Testing

@testable import LAERReports
@testable import LAERSystem

/// The full-screen survey in a real terminal (tmux): keys, Ctrl-C, the terminal left sane,
/// resume, finish, resize and signals.
///
/// The mini questionnaire has 26 questions: name, role, organization and period (given by
/// flags here, so a new file opens at question 5 after the welcome), 5 × (placement + 3
/// capabilities), then 2 road signs.
@Suite(.serialized, .enabled(if: Tmux.isAvailable, "needs tmux"))
struct SurveyTerminalTests {
    let directory: URL
    var answerFile: String { directory.appendingPathComponent("answers.json").path }
    var statusFile: String { directory.appendingPathComponent("status").path }
    var sttyFile: String { directory.appendingPathComponent("stty").path }

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("laer-tmux-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    /// `laer survey` under a plain `sh` that ignores SIGINT itself, then records the exit status
    /// and `stty -a` as laer left the terminal (FACTS.md: no interactive shell to tidy up after it).
    func surveyCommand(_ extra: String = "") -> String {
        let questionnaire = TestFiles.fixture("mini-questionnaire.json").path
        return "trap 'true' INT; '\(BinaryTests.binary.path)' survey '\(answerFile)' --questionnaire '\(questionnaire)' "
            + "--name Ada --role CRO --organization Acme --period 2026-Q4 \(extra); code=$?; stty -a > '\(sttyFile)'; echo \"EXIT=$code\" > '\(statusFile)'"
    }

    func exitStatus(sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        let status = Tmux.waitForFile(statusFile)
        try? FileManager.default.removeItem(atPath: statusFile)
        return status?.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The `stty -a` settings as words: canonical input and echo must be back on.
    func expectSaneTerminal(sourceLocation: SourceLocation = #_sourceLocation) throws {
        let settings = try String(contentsOfFile: sttyFile, encoding: .utf8)
            .split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }).map(String.init)
        for flag in ["icanon", "echo", "isig", "icrnl", "opost"] {
            #expect(settings.contains(flag), "stty lacks \(flag): \(settings)", sourceLocation: sourceLocation)
            #expect(!settings.contains("-" + flag), "stty has -\(flag)", sourceLocation: sourceLocation)
        }
        try FileManager.default.removeItem(atPath: sttyFile)
    }

    func answers() throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: answerFile))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func answerInterruptResumeAndFinish() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        var tmux = try Tmux(surveyCommand())
        defer { tmux.stop() }
        var screen = try tmux.waitFor("Press Enter to begin.")
        #expect(screen.contains("26 questions · about 10 minutes"))
        try tmux.send("Enter")
        screen = try tmux.waitFor("question 5 of 26")
        #expect(screen.contains("KPIs: which of these reads most like your company today?"))
        try tmux.send("2")
        try tmux.waitFor("We track usage.")
        try tmux.send("f")
        try tmux.waitFor("We track retention.")
        // Nothing is picked until an arrow picks: the first Down picks "not", the third "largely".
        try tmux.send("Enter")
        try tmux.waitFor("Nothing picked yet")
        for _ in 0..<3 { try tmux.send("Down") }
        try tmux.send("Enter")
        try tmux.waitFor("We track lifetime value.")
        try tmux.send("C-c")
        #expect(exitStatus() == "EXIT=130")
        try expectSaneTerminal()
        screen = try tmux.screen()
        #expect(screen.contains("Every answer so far is saved in"))

        let saved = try answers()
        #expect((saved["placements"] as? [String: Any])?["kpis"] as? String == "laer-experiment")
        let rated = try #require(saved["answers"] as? [String: [String: Any]])
        #expect(rated["k2"]?["rating"] as? String == "fully")
        #expect(rated["k3"]?["rating"] as? String == "largely")
        #expect(rated["k4"] == nil)
        #expect(!FileManager.default.fileExists(atPath: answerFile + ".lock"))
        let questionnaire = TestFiles.fixture("mini-questionnaire.json").path
        #expect(try BinaryTests.run(["score", answerFile, "--questionnaire", questionnaire]).status == 0)

        tmux.stop()
        tmux = try Tmux(surveyCommand())
        screen = try tmux.waitFor("We track lifetime value.")
        #expect(screen.contains("question 8 of 26 · 7 answered"))
        #expect(screen.contains("Resuming"))
        #expect(!screen.contains("Press Enter to begin."))
        try tmux.send("f")
        for _ in 0..<4 { try tmux.send("3", "f", "f", "l") }
        try tmux.send("y", "n")
        try tmux.waitFor("Every question is answered")
        try tmux.send("f")
        screen = try tmux.waitFor("Enter writes")
        #expect(screen.contains("Your answers are saved in"))
        try tmux.send("Enter")
        #expect(exitStatus() == "EXIT=0")
        try expectSaneTerminal()
        let report = directory.appendingPathComponent("answers.html").path
        #expect(FileManager.default.fileExists(atPath: report))
        #expect(try answers()["roadSigns"] as? [String: Bool] == ["sales-admits": true, "adoption-funded": false])
    }

    @Test func aResizedWindowIsRedrawnAtItsNewSize() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let tmux = try Tmux(surveyCommand())
        defer { tmux.stop() }
        var screen = try tmux.waitFor("26 questions")
        #expect(screen.contains(String(repeating: "─", count: 80)))
        try tmux.resize(columns: 60, rows: 20)
        Thread.sleep(forTimeInterval: 0.3)
        screen = try tmux.waitFor("26 questions")
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.contains { $0 == String(repeating: "─", count: 60) })
        #expect(lines.allSatisfy { $0.count <= 60 })
        try tmux.send("q")
        #expect(exitStatus() == "EXIT=0")
        try expectSaneTerminal()
    }

    @Test func sigtermAndSighupSaveAndRestoreTheTerminal() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        for (signal, expected) in [("TERM", "EXIT=143"), ("HUP", "EXIT=129")] {
            try? FileManager.default.removeItem(atPath: answerFile)
            let tmux = try Tmux(surveyCommand())
            defer { tmux.stop() }
            try tmux.waitFor("Press Enter to begin.")
            try tmux.send("Enter")
            try tmux.waitFor("where you stand")
            try tmux.send("3")
            try tmux.waitFor("We track usage.")
            let shell = try tmux.run(["display-message", "-p", "-t", "main", "#{pane_pid}"]).trimmingCharacters(
                in: .whitespacesAndNewlines)
            _ = try Subprocess.run("/usr/bin/pkill", ["-\(signal)", "-P", shell, "laer"])
            #expect(exitStatus() == expected)
            try expectSaneTerminal()
            #expect((try answers()["placements"] as? [String: Any])?["kpis"] as? String != nil)
        }
    }

    @Test func aSecondSurveyOnAnOpenFileIsRefused() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let tmux = try Tmux(surveyCommand())
        defer { tmux.stop() }
        try tmux.waitFor("Press Enter to begin.")
        let questionnaire = TestFiles.fixture("mini-questionnaire.json").path
        let second = try BinaryTests.run(["survey", answerFile, "--questionnaire", questionnaire], stdin: "1\n")
        #expect(second.status != 0)
        #expect(second.errorOutput.contains("is open in another laer survey"))
        try tmux.send("q")
        #expect(exitStatus() == "EXIT=0")
        try expectSaneTerminal()
    }
}
