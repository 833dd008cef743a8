import Glibc
import LAERValues

/// Writes output files atomically: a temporary file in the same directory (see `TemporaryFile`),
/// flushed and synced, then renamed over the target, so a reader never sees half a file.
package enum OutputFile {
    package static func write(_ text: String, to path: String) throws(OutputError) {
        try write(Array(text.utf8), to: path)
    }

    /// Writes `bytes` to `path` atomically.
    ///
    /// `permissions`, when given, replace the mode the
    /// umask would give (a file saved again keeps its mode); `syncingDirectory` also syncs the
    /// directory after the rename, so that the new name survives a crash.
    package static func write(
        _ bytes: [UInt8], to path: String, permissions: mode_t? = nil, syncingDirectory: Bool = false
    ) throws(OutputError) {
        var file = try TemporaryFile.create(for: path)
        do throws(OutputError) {
            if let permissions, fchmod(file.descriptor, permissions) != 0 {
                throw OutputError.cannotCreate(path: path, errno: errno)
            }
            try file.write(bytes)
            try file.commit(syncingDirectory: syncingDirectory)
        } catch {
            file.discard()
            throw error
        }
    }
}

extension OutputFile {
    /// A file written in pieces, such as a batch's `summary.csv`: appended to a temporary file
    /// and renamed over the target only when finished, so it never holds half a run.
    package final class Stream {
        package var path: String { file.target }
        private var file: TemporaryFile

        package init(path: String) throws(OutputError) {
            file = try TemporaryFile.create(for: path)
        }

        package func append(_ text: String) throws(OutputError) {
            try file.write(text)
        }

        /// Flushes, syncs and renames the file into place.
        package func finish() throws(OutputError) {
            try file.commit()
        }

        deinit { file.discard() }
    }

    /// Creates a directory and its parents; an existing directory is fine.
    package static func makeDirectory(_ path: String) throws(OutputError) {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for part in path.split(separator: "/") {
            prefix += part
            if mkdir(prefix, 0o755) != 0, errno != EEXIST {
                throw OutputError.cannotCreate(path: path, errno: errno)
            }
            prefix += "/"
        }
        var status = stat()
        guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR else {
            throw OutputError.cannotCreate(path: path, errno: ENOTDIR)
        }
        guard access(path, W_OK) == 0 else { throw OutputError.cannotCreate(path: path, errno: errno) }
    }
}
