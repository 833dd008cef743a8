import LAERSystem
import LAERValues
import Synchronization

/// A file system held in memory, for tests of commands that read and write files: paths are
/// plain keys, a directory is every path below it, and a lock is an entry of its own.
package final class InMemoryFiles: FileSystem {
    private let storage: Mutex<[String: [UInt8]]>
    private let locks = Mutex<Set<String>>([])
    private let reads = Mutex<[String: Int]>([:])
    private let directories = Mutex<Set<String>>([])

    package init(_ files: [String: [UInt8]] = [:]) {
        storage = Mutex(files)
    }

    /// Every file, by path.
    package var files: [String: [UInt8]] { storage.withLock { $0 } }

    /// How many times `path` was read.
    package func readCount(_ path: String) -> Int { reads.withLock { $0[path] ?? 0 } }

    package func read(_ path: String) throws(LoadError) -> InputFile {
        reads.withLock { $0[path, default: 0] += 1 }
        guard let bytes = storage.withLock({ $0[path] }) else { throw .cannotOpen(path: path, errno: 2) }
        return InputFile(displayName: path, bytes: bytes)
    }

    package func readFound(_ path: String) throws(LoadError) -> InputFile {
        try read(path)
    }

    package func collectInputs(_ arguments: [String], excluding: String?) -> InputCollector.Collected {
        let all = files.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var paths: [String] = []
        var missing: [LoadError] = []
        var sawDirectory = false
        for argument in arguments {
            if argument == "-" || files[argument] != nil {
                paths.append(argument)
                continue
            }
            let inside = all.filter {
                $0.hasPrefix(argument + "/") && InputCollector.isInput(String($0.split(separator: "/").last ?? ""))
            }
            if inside.isEmpty {
                missing.append(.cannotOpen(path: argument, errno: 2))
            } else {
                sawDirectory = true
                paths += inside
            }
        }
        return InputCollector.Collected(inputs: InputPaths(paths), missing: missing, sawDirectory: sawDirectory)
    }

    package func write(_ bytes: [UInt8], to path: String, permissions: UInt32?, syncingDirectory: Bool) throws(OutputError) {
        storage.withLock { $0[path] = bytes }
    }

    package func openStream(_ path: String) throws(OutputError) -> any FileStream {
        Stream(path: path, files: self)
    }

    package func makeDirectory(_ path: String) throws(OutputError) {
        directories.withLock { _ = $0.insert(path) }
    }

    /// A directory made, or one holding a file.
    package func isDirectory(_ path: String) -> Bool {
        let trimmed = path.hasSuffix("/") ? String(path.dropLast()) : path
        return directories.withLock { $0.contains(trimmed) } || files.keys.contains { $0.hasPrefix(trimmed + "/") }
    }

    package func permissions(of path: String) -> UInt32? {
        files[path] == nil ? nil : 0o644
    }

    package func lock(_ answerPath: String) throws(LockError) -> any FileLock {
        let taken = locks.withLock { $0.insert(answerPath).inserted }
        guard taken else { throw .inUse(path: answerPath, pid: nil, host: nil) }
        return Lock(path: answerPath, files: self)
    }

    private final class Stream: FileStream {
        let path: String
        let files: InMemoryFiles
        var text = ""

        init(path: String, files: InMemoryFiles) {
            self.path = path
            self.files = files
        }

        func append(_ text: String) throws(OutputError) { self.text += text }

        func finish() throws(OutputError) { try files.write(text, to: path) }
    }

    private struct Lock: FileLock {
        let path: String
        let files: InMemoryFiles

        func release() { _ = files.locks.withLock { $0.remove(path) } }
    }
}
