import Glibc
import LAERValues

/// Writes output files atomically: a temporary file in the same directory, flushed and synced,
/// then renamed over the target, so a reader never sees half a file.
package enum OutputFile {
    package static func write(_ text: String, to path: String) throws(OutputError) {
        try write(Array(text.utf8), to: path)
    }

    /// Writes `bytes` to `path` atomically. `permissions`, when given, replace the mode the
    /// umask would give (a file saved again keeps its mode); `syncingDirectory` also syncs the
    /// directory after the rename, so that the new name survives a crash.
    package static func write(
        _ bytes: [UInt8], to path: String, permissions: mode_t? = nil, syncingDirectory: Bool = false
    ) throws(OutputError) {
        let temporary = temporaryPath(for: path)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw OutputError.cannotCreate(path: path, errno: errno) }
        if let permissions, fchmod(descriptor, permissions) != 0 {
            let code = errno
            close(descriptor)
            unlink(temporary)
            throw OutputError.cannotCreate(path: path, errno: code)
        }
        if let code = FileDescriptor.writeAll(descriptor, bytes) {
            close(descriptor)
            unlink(temporary)
            throw OutputError.writeFailed(path: path, errno: code)
        }
        guard fsync(descriptor) == 0, close(descriptor) == 0 else {
            let code = errno
            unlink(temporary)
            throw OutputError.writeFailed(path: path, errno: code)
        }
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw OutputError.cannotCreate(path: path, errno: code)
        }
        if syncingDirectory { syncDirectory(of: path) }
    }

    /// The name a file is written under before it is renamed into place.
    package static func temporaryPath(for path: String) -> String {
        path + ".tmp-\(getpid())"
    }

    /// Syncs the directory holding `path`. Failure is ignored: the file is in place, and some
    /// file systems cannot sync a directory at all.
    static func syncDirectory(of path: String) {
        let directory = path.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(path[..<$0]) } ?? "."
        let descriptor = open(directory.isEmpty ? "/" : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }
}

extension OutputFile {
    /// A file written in pieces, such as a batch's `summary.csv`: appended to a temporary file
    /// and renamed over the target only when finished, so it never holds half a run.
    package final class Stream {
        package let path: String
        let temporary: String
        var descriptor: Int32

        package init(path: String) throws(OutputError) {
            self.path = path
            temporary = OutputFile.temporaryPath(for: path)
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { throw OutputError.cannotCreate(path: path, errno: errno) }
        }

        package func append(_ text: String) throws(OutputError) {
            let failure = FileDescriptor.writeAll(descriptor, text)
            if let failure { throw OutputError.writeFailed(path: path, errno: failure) }
        }

        /// Flushes, syncs and renames the file into place.
        package func finish() throws(OutputError) {
            defer { descriptor = -1 }
            guard fsync(descriptor) == 0, close(descriptor) == 0 else {
                let code = errno
                unlink(temporary)
                throw OutputError.writeFailed(path: path, errno: code)
            }
            guard rename(temporary, path) == 0 else {
                let code = errno
                unlink(temporary)
                throw OutputError.cannotCreate(path: path, errno: code)
            }
        }

        deinit {
            if descriptor >= 0 {
                close(descriptor)
                unlink(temporary)
            }
        }
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
