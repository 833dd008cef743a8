import Foundation
import Testing
@testable import LAERKit

/// `kill -9` at random moments while the survey saves answer after answer: whatever the moment,
/// the answer file is absent (killed before the first save) or a valid document that scores.
@Suite struct SurveyKillTests {
    /// Starts `laer survey FILE --plain` reading from a pipe; returns its pid and the pipe's write end.
    /// Spawned and reaped here: Foundation's `Process` sometimes never saw a killed child exit
    /// while other tests moved signal handlers.
    static func spawnSurvey(file: String) throws -> (pid: pid_t, input: Int32) {
        var ends: [Int32] = [-1, -1]
        try #require(pipe(&ends) == 0)
        // Children of other tests must not inherit the write end (dup2 below clears the flag for laer's stdin).
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, ends[0], 0)
        posix_spawn_file_actions_addclose(&actions, ends[1])
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        Subprocess.closeInheritedDescriptors(&actions)
        let binary = BinaryTests.binary.path
        let words: [String] = [binary, "survey", file, "--plain"]
        let argv = words.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        let environment = [strdup("PATH=/usr/bin:/bin"), nil]
        defer { for pointer in environment { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, binary, &actions, nil, argv, environment)
        close(ends[0])
        guard spawned == 0 else {
            close(ends[1])
            throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO)
        }
        return (pid, ends[1])
    }

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
            script += String(repeating: "yes\n", count: questionnaire.roadSigns.count)

            let (pid, input) = try Self.spawnSurvey(file: file)
            _ = script.utf8CString.withUnsafeBufferPointer { write(input, $0.baseAddress, $0.count - 1) }
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
            let (entries, problems) = AnswerLoader.readAll(InputFile(displayName: file, bytes: Array(bytes)), questionnaire: questionnaire)
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
