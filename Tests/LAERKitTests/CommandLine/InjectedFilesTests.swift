import LAERTestSupport
import Testing

@testable import LAERCommandLine
@testable import LAERDocuments
@testable import LAERReports
@testable import LAERScoring
@testable import LAERSystem

/// The commands touch files only through `CommandContext.files`: with a file system in memory,
/// nothing reaches the disk and everything reaches the fake.
@Suite struct InjectedFilesTests {
    static func memory() throws -> InMemoryFiles {
        let answers = try TestFiles.fixtureText("answers-mini.json")
        return InMemoryFiles([
            "q.json": Array(try TestFiles.fixtureText("mini-questionnaire.json").utf8),
            "in/a.json": Array(answers.utf8),
            "in/sub/b.json": Array(answers.replacing("\"Zoë Müller\"", with: "\"Grace Hopper\"").utf8),
            "in/notes.txt": Array("not an input".utf8),
        ])
    }

    @Test func scoreReadsAndWritesThroughTheInjectedFileSystem() throws {
        let files = try Self.memory()
        let run = CommandRun(["score", "in", "--questionnaire", "q.json", "--out", "out"], files: files)
        #expect(run.exitCode == .success, "\(run.errorOutput)")
        #expect(run.output == "")
        let written = files.files.keys.filter { $0.hasPrefix("out/") }.sorted()
        #expect(written.count == 3, "\(written)")
        #expect(written.contains("out/summary.csv"))
        let summary = String(decoding: try #require(files.files["out/summary.csv"]), as: UTF8.self)
        #expect(summary.split(separator: "\r\n").count == 3)
        #expect(summary.contains("in/a.json") && summary.contains("in/sub/b.json"))
        // Each report is the text report of its input, exactly.
        let questionnaire = try QuestionnaireLoader.load(try files.read("q.json"))
        let assessment = try AnswerLoader.load(try files.read("in/a.json"), questionnaire: questionnaire)
        let result = Scorer(questionnaire: questionnaire).score(assessment, source: "in/a.json")
        let report = try #require(written.first { $0.contains("Zo") }.flatMap { files.files[$0] })
        #expect(String(decoding: report, as: UTF8.self) == TextReport().render(result, questionnaire: questionnaire))
    }

    /// A wide export is one file of many results: read once, though it is looked at before the batch scores it.
    @Test func aWideExportIsReadOnce() throws {
        let files = try Self.memory()
        try files.write(TestFiles.fixtureText("wide-mini.csv"), to: "wide.csv")
        let run = CommandRun(["score", "wide.csv", "--questionnaire", "q.json", "--format", "csv"], files: files)
        #expect(run.exitCode == .success, "\(run.errorOutput)")
        #expect(run.output.split(separator: "\r\n").count > 2)
        #expect(files.readCount("wide.csv") == 1)
    }

    @Test func aMissingInputIsMissingInTheInjectedFileSystem() throws {
        let run = CommandRun(["score", "nowhere.json", "--questionnaire", "q.json"], files: try Self.memory())
        #expect(run.exitCode == .noInput)
        #expect(run.errorOutput.hasPrefix("nowhere.json: no such file"))
    }

    @Test func theAnswerStoreLocksLoadsAndSavesThroughTheInjectedFileSystem() throws {
        let files = try Self.memory()
        let questionnaire = try QuestionnaireLoader.load(try files.read("q.json"))
        let store = try AnswerStore.open(path: "in/a.json", questionnaire: questionnaire, today: "2026-12-01", files: files)
        #expect(store.isOnDisk)
        #expect(throws: AnswerStoreError.inUse(path: "in/a.json", pid: nil, host: nil)) {
            try AnswerStore.open(path: "in/a.json", questionnaire: questionnaire, today: "2026-12-01", files: files)
        }
        var assessment = store.assessment
        assessment.period = "2026-Q4"
        try store.save(assessment)
        let saved = try AnswerLoader.load(try files.read("in/a.json"), questionnaire: questionnaire)
        #expect(saved.period == "2026-Q4")
        store.close()
        let again = try AnswerStore.open(path: "in/a.json", questionnaire: questionnaire, today: "2026-12-01", files: files)
        #expect(again.assessment == saved)
        again.close()
    }
}
