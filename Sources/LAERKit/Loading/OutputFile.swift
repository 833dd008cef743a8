import Glibc

/// Writes output files atomically: a temporary file in the same directory, flushed and synced,
/// then renamed over the target, so a reader never sees half a file.
public enum OutputFile {
    public static func write(_ text: String, to path: String) throws(OutputError) {
        try write(Array(text.utf8), to: path)
    }

    /// Writes `bytes` to `path` atomically. `permissions`, when given, replace the mode the
    /// umask would give (a file saved again keeps its mode); `syncingDirectory` also syncs the
    /// directory after the rename, so that the new name survives a crash.
    public static func write(
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
    public static func temporaryPath(for path: String) -> String {
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
    public final class Stream {
        public let path: String
        let temporary: String
        var descriptor: Int32

        public init(path: String) throws(OutputError) {
            self.path = path
            temporary = OutputFile.temporaryPath(for: path)
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { throw OutputError.cannotCreate(path: path, errno: errno) }
        }

        public func append(_ text: String) throws(OutputError) {
            let failure = FileDescriptor.writeAll(descriptor, text)
            if let failure { throw OutputError.writeFailed(path: path, errno: failure) }
        }

        /// Flushes, syncs and renames the file into place.
        public func finish() throws(OutputError) {
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
    public static func makeDirectory(_ path: String) throws(OutputError) {
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

/// Why an output could not be written.
public enum OutputError: UserFacingError, Equatable {
    case cannotCreate(path: String, errno: Int32)
    case writeFailed(path: String, errno: Int32)

    public var exitCode: ExitCode {
        switch self {
        case .cannotCreate: .cannotCreate
        case .writeFailed: .ioError
        }
    }

    public var description: String {
        switch self {
        case .cannotCreate(let path, let code):
            let hint = code == ENOENT ? "; create the directory first" : code == EACCES ? "; check the directory's permissions" : ""
            return "\(path): cannot be created (\(String(cString: strerror(code))))\(hint)"
        case .writeFailed(let path, let code):
            return "\(path): writing failed (\(String(cString: strerror(code)))); nothing was replaced"
        }
    }
}
