import Foundation
import LAERTestSupport
import Testing

@testable import LAERDocuments
@testable import LAERScoring
@testable import LAERSystem
@testable import LAERValues

/// `kill -9` at random moments while the survey saves answer after answer: whatever the moment,
/// the answer file is absent (killed before the first save) or a valid document that scores.
@Suite struct SurveyKillTests {
    @Test func theAnswerFileAlwaysParsesAfterKillNine() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("laer-kill-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let questionnaire = try QuestionnaireLoader.load(QuestionnaireLoader.builtInFile)
        var generator = SystemRandomNumberGenerator()
        let ratings = ["n", "p", "l", "f", "na", "2 a note, with \"quotes\" and é"]
        var counts: [Int] = []

        for round in 0..<24 {
            let file = directory.appendingPathComponent("answers-\(round).json").path
            var script = "Ada\nCRO\nAcme\n"
            for marker in questionnaire.markers {
                script += "\(Int.random(in: 1...4, using: &generator))\n"
                for _ in questionnaire.capabilities.filter({ $0.marker == marker.id }) {
                    script += ratings.randomElement(using: &generator)! + "\n"
                }
            }
            // One road sign short, so that the survey is still waiting for input when the kill comes.
            script += String(repeating: "yes\n", count: questionnaire.roadSigns.count - 1)

            let (pid, pipe) = try Subprocess.start(
                BinaryTests.binary.path, ["survey", file, "--plain"], input: .pipe, environment: ["PATH": "/usr/bin:/bin"])
            let input = try #require(pipe)
            FileDescriptor.writeAll(input, script)
            Thread.sleep(forTimeInterval: Double.random(in: 0...0.15, using: &generator))
            kill(pid, SIGKILL)
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0, errno == EINTR {}
            close(input)
            #expect(status & 0x7F == SIGKILL, "round \(round): status \(status)")

            guard let bytes = FileManager.default.contents(atPath: file) else {
                counts.append(0)
                continue
            }
            let (entries, problems) = AnswerLoader.readAll(
                InputFile(displayName: file, bytes: Array(bytes)), questionnaire: questionnaire)
            #expect(problems.isEmpty, "round \(round): \(problems)")
            let assessment = try #require(entries.first?.assessment, "round \(round): \(entries.first?.problems ?? [])")
            counts.append(assessment.answers.count)
            _ = Scorer(questionnaire: questionnaire).score(assessment, source: file)
        }
        // The kills landed at different moments: some files hold more answers than others.
        #expect(Set(counts).count > 1, "answers saved per round: \(counts)")

        // A survey killed with the lock still held is not locked out: the next run takes it over.
        let last = directory.appendingPathComponent("answers-23.json").path
        let again = try BinaryTests.run(["survey", last, "--plain"], stdin: "")
        #expect(again.status == 0, "\(again.errorOutput)")
    }
}
