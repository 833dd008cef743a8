import Glibc

/// The survey's answer file: locked while the survey runs, loaded at the start, saved whole and
/// atomically after each answer.
///
/// After `close()` the store still saves, but without the lock: close it when the survey ends.
public final class AnswerStore {
    /// The answer file; it changes with `move(to:)`.
    public private(set) var path: String
    public let questionnaire: Questionnaire
    /// The latest answers: as loaded, or as last given to `save` (even when saving failed).
    public private(set) var assessment: Assessment
    /// True when `assessment` has changes that are not in the file.
    public private(set) var hasUnsavedChanges = false
    /// True once the file exists: it was there at the start, or has been saved since.
    public private(set) var isOnDisk: Bool
    /// Doubts about the loaded file that did not stop it from loading, such as another minor version.
    public let warnings: [Problem]
    private var lock: AnswerLock?

    private init(path: String, questionnaire: Questionnaire, assessment: Assessment, isOnDisk: Bool, warnings: [Problem], lock: AnswerLock) {
        self.path = path
        self.questionnaire = questionnaire
        self.assessment = assessment
        self.isOnDisk = isOnDisk
        self.warnings = warnings
        self.lock = lock
    }

    /// Takes the file's lock, then loads it; a file that does not exist yet gives a blank
    /// assessment dated `today`, written at the first `save`.
    public static func open(path: String, questionnaire: Questionnaire, today: String) throws(AnswerStoreError) -> AnswerStore {
        let lock = try AnswerLock.acquire(for: path)
        do {
            guard let loaded = try load(path, questionnaire: questionnaire) else {
                let blank = Assessment(blankFor: questionnaire, assessedOn: today)
                return AnswerStore(path: path, questionnaire: questionnaire, assessment: blank, isOnDisk: false, warnings: [], lock: lock)
            }
            return AnswerStore(
                path: path, questionnaire: questionnaire, assessment: loaded.assessment, isOnDisk: true, warnings: loaded.warnings, lock: lock)
        } catch {
            lock.release()
            throw error
        }
    }

    /// The file's assessment; nil when there is no file, or only white space in it (as `touch` leaves).
    static func load(_ path: String, questionnaire: Questionnaire) throws(AnswerStoreError) -> (assessment: Assessment, warnings: [Problem])? {
        let file: InputFile
        do {
            file = try InputFile.read(path: path)
        } catch {
            if case .cannotOpen(_, ENOENT) = error { return nil }
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
        let (assessment, problems) = AssessmentDecoder.decode(document, questionnaire: questionnaire)
        guard let assessment else { throw .invalid(path: path, problems.errors) }
        return (assessment, problems.warnings)
    }

    /// Writes `assessment` over the file atomically. On failure the file is as it was before, no
    /// temporary file is left, and `assessment` is still kept here for `move(to:)`.
    public func save(_ assessment: Assessment) throws(AnswerStoreError) {
        self.assessment = assessment
        hasUnsavedChanges = true
        try write(to: path)
        hasUnsavedChanges = false
        isOnDisk = true
    }

    /// Saves the answers to `newPath` instead, as after a failed save: takes the new file's lock,
    /// writes it, then gives up the old one. On failure everything stays as it was.
    public func move(to newPath: String) throws(AnswerStoreError) {
        guard newPath != path else { return try save(assessment) }
        let newLock = try AnswerLock.acquire(for: newPath)
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
        var status = stat()
        let permissions = stat(path, &status) == 0 ? status.st_mode & 0o7777 : nil
        // Mode bits, not access(2): root may write anything, but a file with no write bit was protected on purpose.
        if let permissions, permissions & 0o222 == 0 { throw .readOnly(path: path) }
        do {
            try OutputFile.write(
                AssessmentEncoder.encode(assessment, questionnaire: questionnaire), to: path, permissions: permissions, syncingDirectory: true)
        } catch {
            throw .saveFailed(error)
        }
    }

    /// Releases the lock; the store still holds the answers. Safe to call more than once.
    public func close() {
        lock?.release()
        lock = nil
    }

    deinit { close() }
}
