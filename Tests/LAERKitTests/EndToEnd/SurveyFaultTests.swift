import Foundation
import Glibc
import LAERTestSupport
import Testing

@testable import LAERDocuments
@testable import LAERSurvey
@testable import LAERSystem
@testable import LAERValues

/// The survey, in line mode through a pipe, under faults: signals, a standard output that is
/// closed or gone, a disk that fills up and a directory made read-only while it runs, and
/// several surveys that find one stale lock at once.
///
/// Whatever happens, the answer file parses
/// and holds every answer the survey acknowledged (by asking the next question after saving it).
@Suite struct SurveyFaultTests {
    static let questionnaire: Questionnaire = try! QuestionnaireLoader.load(QuestionnaireLoader.builtInFile)

    typealias Scratch = ScratchDirectory

    /// One `laer survey FILE --plain` reading lines from a pipe, its outputs in files.
    final class Survey {
        let pid: pid_t
        private var input: Int32
        let outputPath: String
        let errorPath: String
        private var status: Int32?

        init(_ file: String, logs: String, environment: [String: String] = ["PATH": "/usr/bin:/bin"]) throws {
            let name = UUID().uuidString.prefix(8)
            outputPath = logs + "/stdout-\(name)"
            errorPath = logs + "/stderr-\(name)"
            let (pid, input) = try Subprocess.start(
                BinaryTests.binary.path, ["survey", file, "--plain"], input: .pipe, output: outputPath, errorOutput: errorPath,
                environment: environment)
            self.pid = pid
            self.input = try #require(input)
        }

        var output: String { (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "" }
        var errorOutput: String { (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? "" }

        func send(_ text: String) {
            FileDescriptor.writeAll(input, text)
        }

        /// Waits until the survey asks for the next line (its output ends in a prompt) and has
        /// written more than `count` bytes; returns what it wrote after them.
        @discardableResult
        func waitForPrompt(after count: Int = 0, timeout: Double = 30, sourceLocation: SourceLocation = #_sourceLocation) throws
            -> String
        {
            let deadline = Date().addingTimeInterval(timeout)
            while Date() < deadline {
                let text = Array(output.utf8)
                if text.count > count, text.suffix(2) == Array(": ".utf8) {
                    return String(decoding: text[count...], as: UTF8.self)
                }
                Thread.sleep(forTimeInterval: 0.005)
            }
            Issue.record(
                "no prompt after \(count) bytes; the survey wrote:\n\(output)\n\(errorOutput)", sourceLocation: sourceLocation)
            throw TmuxTimeout()
        }

        /// Types `line` and returns what the survey says up to its next prompt.
        @discardableResult
        func type(_ line: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
            let count = output.utf8.count
            send(line + "\n")
            return try waitForPrompt(after: count, sourceLocation: sourceLocation)
        }

        /// Answers the question the survey asks now, whatever it is, and returns what it says next.
        @discardableResult
        func answer(sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
            try type(SurveyFaultTests.reply(to: output), sourceLocation: sourceLocation)
        }

        /// The answered count the last question showed: every answer before it was saved.
        var acknowledged: Int {
            output.matches(of: /\((\d+) answered\)/).last.flatMap { Int($0.1) } ?? 0
        }

        func closeInput() {
            if input >= 0 { close(input) }
            input = -1
        }

        /// Waits for it to end, with its input still open; returns `Subprocess.Result.status`.
        func wait(timeout: Double = 60) -> Int32 {
            if let status { return status }
            let ended = Subprocess.wait(pid, timeout: timeout)
            status = ended
            return ended
        }

        /// Closes its input and waits for it to end; returns `Subprocess.Result.status`.
        func end(timeout: Double = 60) -> Int32 {
            closeInput()
            if let status { return status }
            let ended = Subprocess.wait(pid, timeout: timeout)
            status = ended
            return ended
        }

        deinit {
            if status == nil {
                kill(pid, SIGKILL)
                _ = end()
            }
            closeInput()
        }
    }

    /// An answer to the prompt `output` ends with.
    static func reply(to output: String) -> String {
        let prompt = output.split(separator: "\n", omittingEmptySubsequences: false).last.map(String.init) ?? ""
        if prompt.hasPrefix("Type your answer") { return "Ada" }
        if prompt.hasPrefix("Your choice") { return "2" }
        if prompt.hasPrefix("Your rating") { return "l" }
        if prompt.hasPrefix("Your answer (yes or no)") { return "yes" }
        return ""
    }

    /// The whole interview as lines, but for the last road sign, so that the survey still waits.
    static var scriptAllButOne: String {
        let plan = Interview(
            questionnaire: questionnaire, assessment: Assessment(blankFor: questionnaire, assessedOn: "2026-12-01")
        )
        .plan
        return plan.questions.dropLast().map { question -> String in
            switch question {
            case .respondent, .period: "Ada"
            case .placement: "2"
            case .capability: "l"
            case .roadSign: "yes"
            }
        }.joined(separator: "\n") + "\n"
    }

    static var questionCount: Int {
        Interview(questionnaire: questionnaire, assessment: Assessment(blankFor: questionnaire, assessedOn: "2026-12-01")).plan
            .questions.count
    }

    /// How many questions the answer file answers; it must parse, as a valid answer file, or the test fails.
    static func answered(in file: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Int {
        let bytes = try #require(FileManager.default.contents(atPath: file), "\(file) is missing", sourceLocation: sourceLocation)
        let (entries, problems) = AnswerLoader.readAll(
            InputFile(displayName: file, bytes: Array(bytes)), questionnaire: questionnaire)
        #expect(problems.isEmpty, "\(problems)", sourceLocation: sourceLocation)
        let assessment = try #require(
            entries.first?.assessment, "\(entries.first?.problems ?? [])", sourceLocation: sourceLocation)
        #expect(assessment.answers.values.allSatisfy { $0.rating == .largely }, sourceLocation: sourceLocation)
        #expect(assessment.placements.values.allSatisfy { $0 == .laerExperiment }, sourceLocation: sourceLocation)
        return Interview(questionnaire: questionnaire, assessment: assessment).answeredCount
    }

    /// The files of a directory other than the test's logs, sorted.
    static func names(_ directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { !$0.hasPrefix("std") }.sorted()
    }

    // MARK: - Signals

    /// SIGTERM, SIGINT or SIGHUP at a random moment while answers stream in: the survey exits
    /// 143, 130 or 129 saying that every answer is saved, and the file holds exactly the answers
    /// it acknowledged; the lock is gone and no temporary file is left.
    @Test(arguments: [(SIGTERM, Int32(143)), (SIGINT, Int32(130)), (SIGHUP, Int32(129))] as [(Int32, Int32)])
    func aSignalLeavesEveryAcknowledgedAnswerSaved(_ signal: Int32, _ expected: Int32) throws {
        let scratch = try Scratch()
        var generator = SystemRandomNumberGenerator()
        var counts: [Int] = []
        for round in 0..<4 {
            let file = scratch.path + "/answers-\(round).json"
            let survey = try Survey(file, logs: scratch.path)
            try survey.waitForPrompt()
            survey.send(Self.scriptAllButOne)
            Thread.sleep(forTimeInterval: Double.random(in: 0...0.2, using: &generator))
            kill(survey.pid, signal)
            // Input stays open: an end of input that came with the signal could be seen first.
            let status = survey.wait()
            #expect(status == expected, "round \(round): \(survey.errorOutput) \(survey.output.suffix(300))")
            #expect(
                survey.errorOutput.hasSuffix(
                    "Interrupted. Every answer so far is saved in \(file); run 'laer survey \(file)' to go on.\n"),
                "round \(round): \(survey.errorOutput)")
            let acknowledged = survey.acknowledged
            #expect(try Self.answered(in: file) == acknowledged, "round \(round)")
            counts.append(acknowledged)
        }
        #expect(Self.names(scratch.path) == (0..<4).map { "answers-\($0).json" })
        #expect(Set(counts).count > 1 || counts.allSatisfy { $0 == Self.questionCount - 1 }, "\(counts)")
    }

    // MARK: - Standard output

    /// A closed standard output: every answer is still saved, and the run ends with 74 and says why.
    @Test func aClosedStandardOutputStillSavesEveryAnswer() throws {
        let scratch = try Scratch()
        let file = scratch.path + "/answers.json"
        let result = try Subprocess.run(
            "/bin/sh", ["-c", #"exec "$0" survey "$1" --plain >&-"#, BinaryTests.binary.path, file], stdin: Self.scriptAllButOne,
            environment: ["PATH": "/usr/bin:/bin"])
        #expect(result.status == 74)
        #expect(result.errorOutput == "laer: standard output: writing failed (Bad file descriptor)\n")
        #expect(try Self.answered(in: file) == Self.questionCount - 1)
        #expect(Self.names(scratch.path) == ["answers.json"])
    }

    /// A reader that went away before the answers come: the survey ignores SIGPIPE, saves every
    /// answer, releases its lock and ends with 74, quietly.
    @Test func aStandardOutputWhoseReaderWentAwayStillSavesEveryAnswer() throws {
        let scratch = try Scratch()
        let file = scratch.path + "/answers.json"
        let fifo = scratch.path + "/fifo"
        try #require(mkfifo(fifo, 0o600) == 0)
        let reader = open(fifo, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        try #require(reader >= 0)
        let (pid, pipe) = try Subprocess.start(
            BinaryTests.binary.path, ["survey", file, "--plain"], input: .pipe, output: fifo,
            errorOutput: scratch.path + "/stderr", environment: ["PATH": "/usr/bin:/bin"])
        let input = try #require(pipe)
        _ = fcntl(reader, F_SETFL, 0)
        var chunk = [UInt8](repeating: 0, count: 256)
        #expect(read(reader, &chunk, chunk.count) > 0)
        close(reader)
        FileDescriptor.writeAll(input, Self.scriptAllButOne)
        close(input)
        #expect(Subprocess.wait(pid, timeout: 60) == 74)
        #expect(try String(contentsOfFile: scratch.path + "/stderr", encoding: .utf8) == "")
        #expect(try Self.answered(in: file) == Self.questionCount - 1)
        #expect(Self.names(scratch.path) == ["answers.json", "fifo"])
    }

    // MARK: - The answer file's disk

    /// The disk fills up mid-survey: each save fails, says so and asks for another path, the file
    /// stays as it was with every answer acknowledged before; no temporary file is left; once
    /// there is space again, the next answer saves them all.
    @Test(.enabled(if: TemporaryMount.isPermitted, TemporaryMount.skipReason))
    func aFullDiskMidSurveyLosesNoAcknowledgedAnswer() throws {
        let mount = try TemporaryMount(options: "size=256k")
        let scratch = try Scratch()
        let file = mount.path + "/answers.json"
        let survey = try Survey(file, logs: scratch.path)
        try survey.waitForPrompt()
        for _ in 0..<8 { try survey.answer() }
        let saved = survey.acknowledged
        #expect(saved == 8)
        #expect(try Self.answered(in: file) == saved)

        let filler = mount.path + "/filler"
        let descriptor = open(filler, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        try #require(descriptor >= 0)
        let block = [UInt8](repeating: 0x2E, count: 4096)
        while block.withUnsafeBytes({ write(descriptor, $0.baseAddress, $0.count) }) > 0 {}
        close(descriptor)

        for attempt in 0..<3 {
            let said = try survey.answer()
            #expect(
                said.contains(
                    "Could not save: \(file): the answers could not be saved (No space left on device); the file was left as it was and your answers are kept: free some space and save again, or save to another file\n"
                ), "attempt \(attempt): \(said)")
            #expect(said.hasSuffix("Type another path to save them to, or a blank line to go on without saving: "))
            #expect(try Self.answered(in: file) == saved)
            #expect(Self.names(mount.path) == ["answers.json", "answers.json.lock", "filler"])
            #expect(try survey.type("").hasPrefix("Going on without saving; the next answer tries again.\n"))
        }

        try #require(unlink(filler) == 0)
        try survey.answer()
        #expect(survey.acknowledged == saved + 4)
        #expect(try Self.answered(in: file) == saved + 4)
        #expect(survey.end() == 0)
        #expect(Self.names(mount.path) == ["answers.json"])
    }

    /// The answer file's file system is remounted read-only mid-survey: the save fails and says
    /// so, the file keeps every acknowledged answer, and another path typed there takes all the
    /// answers from then on.
    ///
    /// The lock left on the read-only disk does not lock the file out later.
    @Test(.enabled(if: TemporaryMount.isPermitted, TemporaryMount.skipReason))
    func aDirectoryMadeReadOnlyMidSurveyLosesNoAcknowledgedAnswer() throws {
        let mount = try TemporaryMount(options: "size=256k")
        let scratch = try Scratch()
        let file = mount.path + "/answers.json"
        let elsewhere = scratch.path + "/elsewhere.json"
        let survey = try Survey(file, logs: scratch.path)
        try survey.waitForPrompt()
        for _ in 0..<6 { try survey.answer() }
        let saved = survey.acknowledged
        try mount.remount("ro")

        let said = try survey.answer()
        #expect(
            said.contains(
                "Could not save: \(file): the answers could not be saved (Read-only file system); the file was left as it was and your answers are kept: save to a file in a directory you can write to\n"
            ), "\(said)")
        #expect(try Self.answered(in: file) == saved)
        #expect(try survey.type(elsewhere).hasPrefix("Saved to \(elsewhere); every answer from now on goes there.\n"))
        #expect(try Self.answered(in: elsewhere) == saved + 1)
        for _ in 0..<3 { try survey.answer() }
        #expect(try Self.answered(in: elsewhere) == saved + 4)
        #expect(survey.end() == 0)
        #expect(try Self.answered(in: file) == saved)
        #expect(Self.names(scratch.path) == ["elsewhere.json"])
        #expect(Self.names(mount.path) == ["answers.json", "answers.json.lock"])

        // Its lock could not be removed, but its process is gone: the next survey takes it over.
        try mount.remount("rw")
        let again = try Subprocess.run(
            BinaryTests.binary.path, ["survey", file, "--plain"], stdin: "", environment: ["PATH": "/usr/bin:/bin"])
        #expect(again.status == 0, "\(again.errorOutput)")
        #expect(again.output.contains("Resuming \(file)"))
        #expect(Self.names(mount.path) == ["answers.json"])
    }

    // MARK: - The lock

    /// Where process `pid` sleeps in the kernel (`/proc/PID/wchan`), such as `wait_for_partner` (opening a FIFO that has no other end yet).
    static func waitChannel(of pid: pid_t) -> String {
        (try? String(contentsOfFile: "/proc/\(pid)/wchan", encoding: .utf8)) ?? ""
    }

    /// Several surveys started at once on a file whose lock is stale: exactly one runs, the
    /// others exit 73 saying the file is open in another survey.
    @Test func exactlyOneOfSeveralSurveysTakesOverAStaleLock() throws {
        let scratch = try Scratch()
        let started = try #require(AnswerLock.startTime(of: 1))
        // Process 1 runs, but not since the time the lock names: the lock's process id was reused.
        let stale = "1\n\(AnswerLock.hostName())\n\(started + 1)\n"
        for round in 0..<4 {
            let file = scratch.path + "/answers-\(round).json"
            try #require(FileManager.default.createFile(atPath: file + ".lock", contents: Data(stale.utf8)))
            let gate = scratch.path + "/gate-\(round)"
            try #require(mkfifo(gate, 0o600) == 0)
            // Each waits for its line from the gate, then all start together.
            var surveys: [(pid: pid_t, input: Int32, output: String, error: String)] = []
            for index in 0..<6 {
                let output = scratch.path + "/stdout-\(round)-\(index)"
                let error = scratch.path + "/stderr-\(round)-\(index)"
                let (pid, input) = try Subprocess.start(
                    "/bin/sh", ["-c", #"read line < "$1"; exec "$0" survey "$2" --plain"#, BinaryTests.binary.path, gate, file],
                    input: .pipe, output: output, errorOutput: error, environment: ["PATH": "/usr/bin:/bin"])
                surveys.append((pid, try #require(input), output, error))
            }
            // Open when every shell waits to open it.
            let ready = Date().addingTimeInterval(10)
            while surveys.contains(where: { Self.waitChannel(of: $0.pid) != "wait_for_partner" }), Date() < ready {
                Thread.sleep(forTimeInterval: 0.005)
            }
            // Read and write, so that opening does not wait, and a shell that comes late still finds a writer.
            let opener = open(gate, O_RDWR | O_CLOEXEC)
            try #require(opener >= 0)
            // One line each: `read` takes a byte at a time from a pipe, so each shell gets its own.
            FileDescriptor.writeAll(opener, String(repeating: "go\n", count: surveys.count))
            let started = Date().addingTimeInterval(10)
            while surveys.contains(where: { Self.waitChannel(of: $0.pid) == "wait_for_partner" }), Date() < started {
                Thread.sleep(forTimeInterval: 0.005)
            }
            close(opener)

            var running = 0
            var refused = 0
            for survey in surveys {
                let deadline = Date().addingTimeInterval(30)
                while Date() < deadline {
                    if let text = try? String(contentsOfFile: survey.output, encoding: .utf8), text.hasSuffix(": ") {
                        running += 1
                        break
                    }
                    if Tmux.hasEnded(survey.pid) {
                        refused += 1
                        break
                    }
                    Thread.sleep(forTimeInterval: 0.005)
                }
            }
            #expect(running == 1 && refused == surveys.count - 1, "round \(round): \(running) running, \(refused) refused")
            for survey in surveys {
                close(survey.input)
                let status = Subprocess.wait(survey.pid, timeout: 30)
                let error = (try? String(contentsOfFile: survey.error, encoding: .utf8)) ?? ""
                if status != 0 {
                    #expect(status == 73, "round \(round): \(error)")
                    #expect(error.hasPrefix("\(file) is open in another laer survey (process "), "round \(round): \(error)")
                }
            }
            #expect(!FileManager.default.fileExists(atPath: file + ".lock"))
        }
    }
}
