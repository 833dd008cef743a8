import Glibc
import LAERValues

extension InputFile {
    /// Reads a whole file; errors say which file and why, with the exit code that fits.
    package static func read(path: String) throws(LoadError) -> InputFile {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw LoadError.cannotOpen(path: path, errno: errno) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw LoadError.readFailed(path: path, errno: errno) }
        if (status.st_mode & S_IFMT) == S_IFDIR { throw LoadError.isDirectory(path: path) }
        guard (status.st_mode & S_IFMT) == S_IFREG, status.st_size > 0 else {
            return InputFile(displayName: path, bytes: try readAll(descriptor, name: path))
        }
        // A regular file is read in one go into a buffer of its size (a batch reads thousands).
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
        if failure != 0 { throw LoadError.readFailed(path: path, errno: failure) }
        return InputFile(displayName: path, bytes: bytes)
    }

    /// Reads a descriptor to its end (standard input, a pipe or a file).
    package static func readAll(_ descriptor: Int32, name: String) throws(LoadError) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { return bytes }
            if count < 0 {
                if errno == EINTR { continue }
                throw LoadError.readFailed(path: name, errno: errno)
            }
            bytes.append(contentsOf: chunk[0..<count])
        }
    }
}
