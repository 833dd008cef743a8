import Glibc
import LAERValues

extension InputFile {
    /// Reads one input named on the command line: a regular file, or a pipe or device such as
    /// `/dev/stdin` or a shell's `<(...)`, at most `InputLimits.inputBytes` of it.
    ///
    /// Errors say which file and why, with the exit code that fits.
    package static func read(path: String) throws(LoadError) -> InputFile {
        try read(path: path, foundInDirectory: false)
    }

    /// Reads a file found by walking a directory: only a regular file is read, whatever is in
    /// its place by now (a FIFO or a device swapped in after the listing) is `.skipped`, and one
    /// gone is `.vanished`.
    package static func readFound(path: String) throws(LoadError) -> InputFile {
        try read(path: path, foundInDirectory: true)
    }

    static func read(path: String, foundInDirectory: Bool) throws(LoadError) -> InputFile {
        // O_NONBLOCK: opening a FIFO that has no writer would wait for one, forever.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard descriptor >= 0 else {
            let code = errno
            if foundInDirectory, code == ENOENT { throw .vanished(path: path) }
            throw .cannotOpen(path: path, errno: code)
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .readFailed(path: path, errno: errno) }
        let type = status.st_mode & S_IFMT
        if type == S_IFDIR { throw .isDirectory(path: path) }
        guard type == S_IFREG else {
            if foundInDirectory { throw .skipped(path: path, .special(FileKinds.kind(type), linkTarget: nil)) }
            // From here on a read waits for data, as from any pipe; a FIFO without a writer reads as empty.
            let flags = fcntl(descriptor, F_GETFL)
            if flags >= 0 { _ = fcntl(descriptor, F_SETFL, flags & ~O_NONBLOCK) }
            return InputFile(displayName: path, bytes: try readAll(descriptor, name: path))
        }
        // Refused by its size, unread.
        guard status.st_size <= InputLimits.inputBytes else { throw .tooLarge(path: path) }
        // Files that report no size (those of /proc) are read as a stream.
        guard status.st_size > 0 else { return InputFile(displayName: path, bytes: try readAll(descriptor, name: path)) }
        // A regular file is read in one go into a buffer of its size (a batch reads thousands);
        // one that grows meanwhile is read as it was when it was opened.
        let size = Int(status.st_size)
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            while count < size {
                let got = Glibc.read(descriptor, buffer.baseAddress! + count, size - count)
                if got < 0, errno == EINTR { continue }
                if got < 0 {
                    failure = errno
                    return
                }
                if got == 0 { return }
                count += got
            }
        }
        if failure != 0 { throw .readFailed(path: path, errno: failure) }
        return InputFile(displayName: path, bytes: bytes)
    }

    /// Reads a descriptor to its end (standard input, a pipe or a device), in chunks, and stops
    /// with `.tooLarge` once more than `limit` bytes have come: `/dev/zero` never ends.
    package static func readAll(_ descriptor: Int32, name: String, limit: Int = InputLimits.inputBytes) throws(LoadError)
        -> [UInt8]
    {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { return bytes }
            if count < 0 {
                let code = errno
                if code == EINTR { continue }
                // A descriptor left non-blocking by whoever opened it (a shared pipe): wait for data.
                if code == EAGAIN {
                    var waiting = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                    if poll(&waiting, 1, -1) >= 0 || errno == EINTR { continue }
                }
                throw .readFailed(path: name, errno: code)
            }
            guard count <= limit - bytes.count else { throw .tooLarge(path: name) }
            bytes.append(contentsOf: chunk[0..<count])
        }
    }
}

/// What `stat` says a file is, as the messages of the walk name it.
enum FileKinds {
    /// The kind of a file that is neither a regular file nor a directory.
    static func kind(_ type: mode_t) -> SkippedEntry.Kind {
        switch type {
        case S_IFIFO: .fifo
        case S_IFSOCK: .socket
        case S_IFBLK: .blockDevice
        default: .characterDevice
        }
    }
}
