import LAERDocuments
import LAERFormats
import LAERSurvey
import LAERSystem
import LAERValues

/// The survey's answer file: locked while the survey runs, loaded at the start, saved whole and
/// atomically after each answer.
///
/// After `close()` the store still saves, but without the lock: close it when the survey ends.
package final class AnswerStore {
    /// The answer file; it changes with `move(to:)`.
    package private(set) var path: String
    package let questionnaire: Questionnaire
    /// The latest answers: as loaded, or as last given to `save` (even when saving failed).
    package private(set) var assessment: Assessment
    /// True when `assessment` has changes that are not in the file.
    package private(set) var hasUnsavedChanges = false
    /// True once the file exists: it was there at the start, or has been saved since.
    package private(set) var isOnDisk: Bool
    /// Doubts about the loaded file that did not stop it from loading, such as another minor version.
    package let warnings: [Problem]
    private var lock: (any FileLock)?
    private let files: any FileSystem

    private init(
        path: String, questionnaire: Questionnaire, assessment: Assessment, isOnDisk: Bool, warnings: [Problem],
        lock: any FileLock,
        files: any FileSystem
    ) {
        self.files = files
        self.path = path
        self.questionnaire = questionnaire
        self.assessment = assessment
        self.isOnDisk = isOnDisk
        self.warnings = warnings
        self.lock = lock
    }

    /// Takes the file's lock, then loads it; a file that does not exist yet gives a blank
    /// assessment dated `today`, written at the first `save`.
    ///
    /// Every file goes through `files`.
    package static func open(
        path: String, questionnaire: Questionnaire, today: String, files: any FileSystem = OperatingSystem()
    ) throws(AnswerStoreError) -> AnswerStore {
        try open(path: path, catalog: QuestionnaireCatalog([questionnaire]), today: today, files: files)
    }

    /// `open(path:questionnaire:today:files:)` for a file made with any version of `catalog`: a
    /// file goes on with the version it was started with, a new one starts with the newest.
    package static func open(
        path: String, catalog: QuestionnaireCatalog, today: String, files: any FileSystem = OperatingSystem()
    ) throws(AnswerStoreError) -> AnswerStore {
        let lock = try acquireLock(for: path, in: files)
        do {
            let questionnaire = catalog.newest
            guard let loaded = try load(path, catalog: catalog, files: files) else {
                let blank = Assessment(blankFor: questionnaire, assessedOn: today)
                return AnswerStore(
                    path: path, questionnaire: questionnaire, assessment: blank, isOnDisk: false, warnings: [], lock: lock,
                    files: files)
            }
            return AnswerStore(
                path: path, questionnaire: loaded.questionnaire, assessment: loaded.assessment, isOnDisk: true,
                warnings: loaded.warnings,
                lock: lock, files: files)
        } catch {
            lock.release()
            throw error
        }
    }

    /// The file's assessment; nil when there is no file, or only white space in it (as `touch` leaves).
    static func load(
        _ path: String, catalog: QuestionnaireCatalog, files: any FileSystem
    ) throws(AnswerStoreError) -> (assessment: Assessment, warnings: [Problem], questionnaire: Questionnaire)? {
        let file: InputFile
        do {
            file = try files.read(path)
        } catch {
            if error.isMissingFile { return nil }
            throw .cannotRead(error)
        }
        guard file.bytes.contains(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) else { return nil }
        guard AnswerLoader.format(of: file.bytes) == .json else {
            throw .invalid(path: path, [Problem("", "is not a JSON answer file (a survey keeps its answers in JSON)")])
        }
        let document: JSONValue
        do {
            document = try JSONParser.parse(file.bytes)
        } catch {
            throw .syntax(path: path, error)
        }
        let questionnaire = catalog.questionnaires[AnswerLoader.jsonVersion(document, in: catalog)]
        let (assessment, problems) = AssessmentDecoder.decode(document, questionnaire: questionnaire)
        guard let assessment else { throw .invalid(path: path, problems.errors) }
        return (assessment, problems.warnings, questionnaire)
    }

    /// Writes `assessment` over the file atomically.
    ///
    /// On failure the file is as it was before, no
    /// temporary file is left, and `assessment` is still kept here for `move(to:)`.
    package func save(_ assessment: Assessment) throws(AnswerStoreError) {
        self.assessment = assessment
        hasUnsavedChanges = true
        try write(to: path)
        hasUnsavedChanges = false
        isOnDisk = true
    }

    /// Saves the answers to `newPath` instead, as after a failed save: takes the new file's lock,
    /// writes it, then gives up the old one.
    ///
    /// On failure everything stays as it was.
    package func move(to newPath: String) throws(AnswerStoreError) {
        guard newPath != path else { return try save(assessment) }
        let newLock = try Self.acquireLock(for: newPath, in: files)
        do {
            try write(to: newPath)
        } catch {
            newLock.release()
            throw error
        }
        lock?.release()
        lock = newLock
        path = newPath
        hasUnsavedChanges = false
        isOnDisk = true
    }

    private func write(to path: String) throws(AnswerStoreError) {
        let permissions = files.permissions(of: path)
        // Mode bits, not access(2): root may write anything, but a file with no write bit was protected on purpose.
        if let permissions, permissions & 0o222 == 0 { throw .readOnly(path: path) }
        do {
            try files.write(
                AssessmentEncoder.encode(assessment, questionnaire: questionnaire), to: path, permissions: permissions,
                syncingDirectory: true)
        } catch {
            throw .saveFailed(error)
        }
    }

    /// Releases the lock; the store still holds the answers.
    ///
    /// Safe to call more than once.
    package func close() {
        lock?.release()
        lock = nil
    }

    deinit { close() }

    private static func acquireLock(for path: String, in files: any FileSystem) throws(AnswerStoreError) -> any FileLock {
        do {
            return try files.lock(path)
        } catch {
            switch error {
            case .inUse(let path, let pid, let host): throw .inUse(path: path, pid: pid, host: host)
            case .cannotLock(let path, let code): throw .cannotLock(path: path, errno: code)
            }
        }
    }
}

extension AnswerStore: SurveySaver {
    package func saveAnswers(_ assessment: Assessment) -> String? {
        do {
            try save(assessment)
            return nil
        } catch {
            return error.description
        }
    }

    package func moveAnswers(to path: String) -> String? {
        do {
            try move(to: path)
            return nil
        } catch {
            return error.description
        }
    }
}
