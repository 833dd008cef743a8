import Foundation
import Glibc
import LAERTestSupport
import Testing

@testable import LAERCommandLine
@testable import LAERDocuments
@testable import LAERSystem
@testable import LAERValues

@Suite struct AnswerStoreTests {
    typealias Scratch = ScratchDirectory

    static let today = "2026-11-30"

    static func answered(_ questionnaire: Questionnaire) -> Assessment {
        var assessment = Assessment(blankFor: questionnaire, assessedOn: today)
        assessment.respondent.name = "Zoë"
        assessment.answers["k2"] = Answer(.largely, note: "Dashboard \"v2\"\nweekly.")
        assessment.answers["c3"] = Answer(.na)
        assessment.placements[.kpis] = .laerExperiment
        assessment.roadSigns["sales-admits"] = true
        return assessment
    }

    /// The pid of a process that has exited and been reaped.
    static func deadProcess() throws -> Int32 {
        let (pid, _) = try Subprocess.start("/bin/true", [], input: .text(""))
        try #require(Subprocess.wait(pid, timeout: 30) == 0)
        return pid
    }

    @Test func aNewFileStartsBlankAndIsWrittenAtTheFirstSave() throws {
        let scratch = try Scratch()
        let questionnaire = try TestFiles.miniQuestionnaire()
        let path = scratch.file("answers.json")
        let store = try AnswerStore.open(path: path, questionnaire: questionnaire, today: Self.today)
        #expect(store.assessment == Assessment(blankFor: questionnaire, assessedOn: Self.today))
        #expect(!store.isOnDisk)
        #expect(scratch.names() == ["answers.json.lock"])
        let assessment = Self.answered(questionnaire)
        try store.save(assessment)
        #expect(store.isOnDisk)
        #expect(!store.hasUnsavedChanges)
        #expect(scratch.bytes("answers.json") == AssessmentEncoder.encode(assessment, questionnaire: questionnaire))
        store.close()
        store.close()
        #expect(scratch.names() == ["answers.json"])

        let reopened = try AnswerStore.open(path: path, questionnaire: questionnaire, today: "2027-01-01")
        defer { reopened.close() }
        #expect(reopened.assessment == assessment)
        #expect(reopened.isOnDisk)
        #expect(reopened.warnings == [])
    }

    @Test func aSavedFileKeepsItsPermissions() throws {
        let scratch = try Scratch()
        let questionnaire = try TestFiles.miniQuestionnaire()
        let path = scratch.file("private.json")
        let store = try AnswerStore.open(path: path, questionnaire: questionnaire, today: Self.today)
        defer { store.close() }
        try store.save(Self.answered(questionnaire))
        try #require(chmod(path, 0o600) == 0)
        try store.save(Assessment(blankFor: questionnaire, assessedOn: Self.today))
        var status = stat()
        try #require(stat(path, &status) == 0)
        #expect(status.st_mode & 0o777 == 0o600)
    }

    @Test func theLockRefusesASecondSurveyUntilTheFirstCloses() throws {
        let scratch = try Scratch()
        let questionnaire = try TestFiles.miniQuestionnaire()
        let path = scratch.file("answers.json")
        let first = try AnswerStore.open(path: path, questionnaire: questionnaire, today: Self.today)
        let refusal = AnswerStoreError.inUse(path: path, pid: getpid(), host: nil)
        #expect(throws: refusal) { try AnswerStore.open(path: path, questionnaire: questionnaire, today: Self.today) }
        #expect(
            refusal.description
                == "\(path) is open in another laer survey (process \(getpid())). Finish that one first, or if it is gone, remove \(path).lock."
        )
        #expect(refusal.exitCode == .cannotCreate)
        first.close()
        let second = try AnswerStore.open(path: path, questionnaire: questionnaire, today: Self.today)
        second.close()
    }

    @Test func aLockOnAnotherHostIsRespected() throws {
        let scratch = try Scratch()
        let path = scratch.file("answers.json")
        try #require(FileManager.default.createFile(atPath: path + ".lock", contents: Data("4321\nelsewhere.example\n".utf8)))
        #expect(throws: AnswerStoreError.inUse(path: path, pid: 4321, host: "elsewhere.example")) {
            try AnswerStore.open(path: path, questionnaire: try TestFiles.miniQuestionnaire(), today: Self.today)
        }
        #expect(scratch.bytes("answers.json.lock") == Array("4321\nelsewhere.example\n".utf8))
    }

    @Test func aStaleLockIsTakenOver() throws {
        let scratch = try Scratch()
        let questionnaire = try TestFiles.miniQuestionnaire()
        let path = scratch.file("answers.json")
        let dead = try Self.deadProcess()
        try #require(
            FileManager.default.createFile(atPath: path + ".lock", contents: Data("\(dead)\n\(AnswerLock.hostName())\n".utf8)))
        let store = try AnswerStore.open(path: path, questionnaire: questionnaire, today: Self.today)
        let started = try #require(AnswerLock.startTime(of: getpid()))
        #expect(scratch.bytes("answers.json.lock") == Array("\(getpid())\n\(AnswerLock.hostName())\n\(started)\n".utf8))
        store.close()
        #expect(scratch.names() == [])
    }

    /// A process id that now belongs to a process started at another time was reused: its lock is stale.
    @Test func aLockWhoseProcessIDWasReusedIsTakenOver() throws {
        let scratch = try Scratch()
        let questionnaire = try TestFiles.miniQuestionnaire()
        let path = scratch.file("answers.json")
        let started = try #require(AnswerLock.startTime(of: getpid()))
        let live = "\(getpid())\n\(AnswerLock.hostName())\n\(started)\n"
        try #require(FileManager.default.createFile(atPath: path + ".lock", contents: Data(live.utf8)))
        #expect(throws: AnswerStoreError.inUse(path: path, pid: getpid(), host: nil)) {
            try AnswerStore.open(path: path, questionnaire: questionnaire, today: Self.today)
        }
        let reused = "\(getpid())\n\(AnswerLock.hostName())\n\(started + 1)\n"
        try #require(FileManager.default.createFile(atPath: path + ".lock", contents: Data(reused.utf8)))
        let store = try AnswerStore.open(path: path, questionnaire: questionnaire, today: Self.today)
        #expect(scratch.bytes("answers.json.lock") == Array(live.utf8))
        store.close()
    }

    @Test func anUnreadableLockIsStaleOnlyWhenOld() throws {
        let scratch = try Scratch()
        let questionnaire = try TestFiles.miniQuestionnaire()
        let path = scratch.file("answers.json")
        try #require(FileManager.default.createFile(atPath: path + ".lock", contents: Data("garbage".utf8)))
        #expect(throws: AnswerStoreError.inUse(path: path, pid: nil, host: nil)) {
            try AnswerStore.open(path: path, questionnaire: questionnaire, today: Self.today)
        }
        var times = [timespec(tv_sec: time(nil) - 120, tv_nsec: 0), timespec(tv_sec: time(nil) - 120, tv_nsec: 0)]
        try #require(utimensat(AT_FDCWD, path + ".lock", &times, 0) == 0)
        let store = try AnswerStore.open(path: path, questionnaire: questionnaire, today: Self.today)
        store.close()
    }

    @Test func closeLeavesALockTakenOverByAnotherSurvey() throws {
        let scratch = try Scratch()
        let path = scratch.file("answers.json")
        let store = try AnswerStore.open(path: path, questionnaire: try TestFiles.miniQuestionnaire(), today: Self.today)
        try #require(FileManager.default.createFile(atPath: path + ".lock", contents: Data("1\nother\n".utf8)))
        store.close()
        #expect(scratch.bytes("answers.json.lock") == Array("1\nother\n".utf8))
    }

    @Test func aLockThatCannotBeCreatedSaysWhere() throws {
        let scratch = try Scratch()
        try #require(FileManager.default.createFile(atPath: scratch.file("plain"), contents: Data()))
        let path = scratch.file("plain/answers.json")
        let error = AnswerStoreError.cannotLock(path: path, errno: ENOTDIR)
        #expect(throws: error) {
            try AnswerStore.open(path: path, questionnaire: try TestFiles.miniQuestionnaire(), today: Self.today)
        }
        #expect(error.description.hasPrefix("\(path).lock: cannot be created (Not a directory)"))
    }

    @Test(arguments: [
        ("{\"schema\": ", "answers.json: line 1, column 12: "),
        ("kpis,rating\n", "answers.json: is not a JSON answer file"),
        (
            #"{"schema": "laer-answers/1", "questionnaire": {"id": "other", "version": "1.0.0"}, "assessedOn": "2026-11-30", "answers": {}}"#,
            #"answers.json: questionnaire: these answers are for questionnaire "other", not "mini""#
        ),
    ])
    func aFileThatIsNotAnAnswerFileIsRefusedAndUnlocked(_ content: String, _ start: String) throws {
        let scratch = try Scratch()
        let path = scratch.file("answers.json")
        try #require(FileManager.default.createFile(atPath: path, contents: Data(content.utf8)))
        let questionnaire = try TestFiles.miniQuestionnaire()
        do throws(AnswerStoreError) {
            _ = try AnswerStore.open(path: path, questionnaire: questionnaire, today: Self.today)
            Issue.record("opened \(content)")
        } catch {
            #expect(error.exitCode == .dataError)
            #expect(error.description.hasPrefix(scratch.path + "/" + start), "\(error.description)")
            #expect(
                error.description.hasSuffix("fix the file, or choose another file to start afresh")
                    || error.description.hasSuffix("fix it, or choose another file to start afresh"))
        }
        #expect(scratch.names() == ["answers.json"])
    }

    @Test func anEmptyFileStartsBlank() throws {
        let scratch = try Scratch()
        let path = scratch.file("answers.json")
        try #require(FileManager.default.createFile(atPath: path, contents: Data("\n".utf8)))
        let questionnaire = try TestFiles.miniQuestionnaire()
        let store = try AnswerStore.open(path: path, questionnaire: questionnaire, today: Self.today)
        defer { store.close() }
        #expect(store.assessment == Assessment(blankFor: questionnaire, assessedOn: Self.today))
    }

    /// A save that fails must leave the old file byte for byte and no temporary file behind.
    func expectFailedSaveKeepsTheOldFile(
        _ block: (Scratch, String) throws -> Void, unblock: (Scratch, String) throws -> Void, errno expected: Int32
    ) throws {
        let scratch = try Scratch()
        let questionnaire = try TestFiles.miniQuestionnaire()
        let path = scratch.file("answers.json")
        let store = try AnswerStore.open(path: path, questionnaire: questionnaire, today: Self.today)
        defer { store.close() }
        try store.save(Self.answered(questionnaire))
        let before = try #require(scratch.bytes("answers.json"))
        let namesBefore = scratch.names()
        try block(scratch, path)
        var changed = Self.answered(questionnaire)
        changed.answers["s4"] = Answer(.fully)
        do throws(AnswerStoreError) {
            try store.save(changed)
            Issue.record("the save succeeded")
        } catch {
            #expect(
                error.description.hasPrefix("\(path): the answers could not be saved (\(String(cString: strerror(expected))))"))
            #expect(error.description.contains("the file was left as it was and your answers are kept"))
        }
        #expect(store.hasUnsavedChanges)
        #expect(store.assessment == changed)
        try unblock(scratch, path)
        #expect(scratch.bytes("answers.json") == before)
        #expect(scratch.names() == namesBefore)
        try store.save(changed)
        #expect(!store.hasUnsavedChanges)
    }

    @Test func aReadOnlyDirectoryFailsTheSaveCleanly() throws {
        // Root writes into a read-only directory anyway; the next test covers it.
        guard getuid() != 0 else { return }
        try expectFailedSaveKeepsTheOldFile(
            { scratch, _ in #expect(chmod(scratch.path, 0o555) == 0) },
            unblock: { scratch, _ in #expect(chmod(scratch.path, 0o755) == 0) }, errno: EACCES)
    }

    @Test func aTemporaryFileThatCannotBeCreatedFailsTheSaveCleanly() throws {
        // Works for root too: the directory is moved away, so no file can be created in it.
        try expectFailedSaveKeepsTheOldFile(
            { scratch, _ in #expect(rename(scratch.path, scratch.path + ".away") == 0) },
            unblock: { scratch, _ in #expect(rename(scratch.path + ".away", scratch.path) == 0) }, errno: ENOENT)
    }

    @Test func aReadOnlyFileIsNotReplacedEvenByRoot() throws {
        let scratch = try Scratch()
        let questionnaire = try TestFiles.miniQuestionnaire()
        let path = scratch.file("answers.json")
        let store = try AnswerStore.open(path: path, questionnaire: questionnaire, today: Self.today)
        defer { store.close() }
        try store.save(Self.answered(questionnaire))
        let before = try #require(scratch.bytes("answers.json"))
        try #require(chmod(path, 0o444) == 0)
        #expect(throws: AnswerStoreError.readOnly(path: path)) {
            try store.save(Assessment(blankFor: questionnaire, assessedOn: Self.today))
        }
        #expect(AnswerStoreError.readOnly(path: path).description.contains("chmod u+w \(path)"))
        #expect(scratch.bytes("answers.json") == before)
        #expect(store.hasUnsavedChanges)
        try store.move(to: scratch.file("copy.json"))
        #expect(scratch.names() == ["answers.json", "copy.json", "copy.json.lock"])
    }

    @Test func aRenameThatFailsLeavesNoTemporaryFile() throws {
        let scratch = try Scratch()
        let questionnaire = try TestFiles.miniQuestionnaire()
        let path = scratch.file("answers.json")
        let store = try AnswerStore.open(path: path, questionnaire: questionnaire, today: Self.today)
        defer { store.close() }
        try #require(mkdir(path, 0o755) == 0)
        try #require(FileManager.default.createFile(atPath: path + "/keep", contents: Data()))
        #expect(throws: AnswerStoreError.saveFailed(.cannotCreate(path: path, errno: EISDIR))) {
            try store.save(Self.answered(questionnaire))
        }
        #expect(scratch.names() == ["answers.json", "answers.json.lock"])
        #expect(store.hasUnsavedChanges)
    }

    @Test func moveSavesElsewhereAndTakesTheLockAlong() throws {
        let scratch = try Scratch()
        let questionnaire = try TestFiles.miniQuestionnaire()
        let path = scratch.file("answers.json")
        let store = try AnswerStore.open(path: path, questionnaire: questionnaire, today: Self.today)
        defer { store.close() }
        // The answer file's name is taken by a directory, so the save's rename fails.
        try #require(mkdir(path, 0o755) == 0)
        let assessment = Self.answered(questionnaire)
        #expect(throws: AnswerStoreError.self) { try store.save(assessment) }

        let blockedPath = scratch.file("missing/nested/answers.json")
        #expect(throws: AnswerStoreError.cannotLock(path: blockedPath, errno: ENOENT)) { try store.move(to: blockedPath) }
        #expect(store.path == path)
        #expect(store.hasUnsavedChanges)

        let newPath = scratch.file("elsewhere.json")
        try store.move(to: newPath)
        #expect(store.path == newPath)
        #expect(!store.hasUnsavedChanges)
        #expect(scratch.names() == ["answers.json", "elsewhere.json", "elsewhere.json.lock"])
        #expect(scratch.bytes("elsewhere.json") == AssessmentEncoder.encode(assessment, questionnaire: questionnaire))
        #expect(throws: AnswerStoreError.inUse(path: newPath, pid: getpid(), host: nil)) {
            try AnswerStore.open(path: newPath, questionnaire: questionnaire, today: Self.today)
        }
        try #require(rmdir(path) == 0)
        let old = try AnswerStore.open(path: path, questionnaire: questionnaire, today: Self.today)
        old.close()
    }

    @Test func moveToALockedFileIsRefused() throws {
        let scratch = try Scratch()
        let questionnaire = try TestFiles.miniQuestionnaire()
        let first = try AnswerStore.open(path: scratch.file("a.json"), questionnaire: questionnaire, today: Self.today)
        let second = try AnswerStore.open(path: scratch.file("b.json"), questionnaire: questionnaire, today: Self.today)
        defer {
            first.close()
            second.close()
        }
        #expect(throws: AnswerStoreError.inUse(path: scratch.file("a.json"), pid: getpid(), host: nil)) {
            try second.move(to: scratch.file("a.json"))
        }
        #expect(second.path == scratch.file("b.json"))
        #expect(scratch.names() == ["a.json.lock", "b.json.lock"])
    }
}
