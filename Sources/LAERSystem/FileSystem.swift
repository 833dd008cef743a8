import Glibc
import LAERValues

/// What the commands need of files and directories: reading inputs, walking directories, writing
/// outputs atomically, and locking an answer file.
///
/// `OperatingSystem` is the real one; tests may
/// put another in its place.
package protocol FileSystem: Sendable {
    /// The whole of a file, named in messages by its path as given, at most `InputLimits.inputBytes`.
    func read(_ path: String) throws(LoadError) -> InputFile
    /// A file found by walking a directory: as `read`, but only a regular file (see `InputFile.readFound`).
    func readFound(_ path: String) throws(LoadError) -> InputFile
    /// The inputs of a batch: files as given, directories walked (see `InputCollector`), leaving
    /// out the directory `excluding` names.
    func collectInputs(_ arguments: [String], excluding: String?) -> InputCollector.Collected
    /// Writes `bytes` to `path` atomically; `permissions`, when given, replace the umask's mode,
    /// and `syncingDirectory` makes the new name survive a crash.
    func write(_ bytes: [UInt8], to path: String, permissions: UInt32?, syncingDirectory: Bool) throws(OutputError)
    /// A file written in pieces and put in place only when finished.
    func openStream(_ path: String) throws(OutputError) -> any FileStream
    /// Creates a directory and its parents; an existing one is fine.
    func makeDirectory(_ path: String) throws(OutputError)
    /// The permission bits of `path`, nil when nothing is there.
    func permissions(of path: String) -> UInt32?
    /// Whether `path` is a directory.
    func isDirectory(_ path: String) -> Bool
    /// Takes the lock that keeps two surveys from writing one answer file.
    func lock(_ answerPath: String) throws(LockError) -> any FileLock
}

extension FileSystem {
    /// An input of a batch, read as the walk found it or as it was named.
    package func read(_ input: InputPath) throws(LoadError) -> InputFile {
        input.isFound ? try readFound(input.path) : try read(input.path)
    }

    package func collectInputs(_ arguments: [String]) -> InputCollector.Collected {
        collectInputs(arguments, excluding: nil)
    }

    package func write(_ bytes: [UInt8], to path: String) throws(OutputError) {
        try write(bytes, to: path, permissions: nil, syncingDirectory: false)
    }

    package func write(_ text: String, to path: String) throws(OutputError) {
        try write(Array(text.utf8), to: path)
    }

    /// Makes the directory `path` is to be written in, with its parents, as a batch makes its
    /// `--out` directory: one report's `--out reports/2026/a.html` needs no `mkdir` first either.
    package func makeParentDirectory(of path: String) throws(OutputError) {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return }
        let parent = String(path[..<slash])
        guard !isDirectory(parent) else { return }
        try makeDirectory(parent)
    }
}

/// A file being appended to, as `summary.csv` during a batch.
package protocol FileStream: AnyObject {
    func append(_ text: String) throws(OutputError)
    /// Puts the file in place; until then the target is untouched.
    func finish() throws(OutputError)
}

/// A held lock; `release` gives it up.
package protocol FileLock: Sendable {
    func release()
}

/// The file system of the operating system.
package struct OperatingSystem: FileSystem {
    package init() {}

    package func read(_ path: String) throws(LoadError) -> InputFile {
        try InputFile.read(path: path)
    }

    package func readFound(_ path: String) throws(LoadError) -> InputFile {
        try InputFile.readFound(path: path)
    }

    package func collectInputs(_ arguments: [String], excluding: String?) -> InputCollector.Collected {
        InputCollector.collect(arguments, excluding: excluding)
    }

    package func write(_ bytes: [UInt8], to path: String, permissions: UInt32?, syncingDirectory: Bool) throws(OutputError) {
        try OutputFile.write(bytes, to: path, permissions: permissions.map { mode_t($0) }, syncingDirectory: syncingDirectory)
    }

    package func openStream(_ path: String) throws(OutputError) -> any FileStream {
        try OutputFile.Stream(path: path)
    }

    package func makeDirectory(_ path: String) throws(OutputError) {
        try OutputFile.makeDirectory(path)
    }

    package func permissions(of path: String) -> UInt32? {
        FileStatus.permissions(of: path).map { UInt32($0) }
    }

    package func isDirectory(_ path: String) -> Bool {
        FileStatus.isDirectory(path)
    }

    package func lock(_ answerPath: String) throws(LockError) -> any FileLock {
        try AnswerLock.acquire(for: answerPath)
    }
}

extension OutputFile.Stream: FileStream {}

extension AnswerLock: FileLock {}
