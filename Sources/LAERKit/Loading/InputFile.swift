import Glibc

/// The bytes of one input and the name messages use for it (its path as given, or `<stdin>`).
public struct InputFile: Sendable, Equatable {
    public var displayName: String
    public var bytes: [UInt8]

    public init(displayName: String, bytes: [UInt8]) {
        self.displayName = displayName
        self.bytes = bytes
    }

    public static let standardInputName = "<stdin>"

    /// Reads a whole file; errors say which file and why, with the exit code that fits.
    public static func read(path: String) throws(LoadError) -> InputFile {
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
                if got < 0 { failure = errno; return }
                if got == 0 { return }
                count += got
            }
        }
        if failure != 0 { throw LoadError.readFailed(path: path, errno: failure) }
        return InputFile(displayName: path, bytes: bytes)
    }

    /// Reads a descriptor to its end (standard input, a pipe or a file).
    public static func readAll(_ descriptor: Int32, name: String) throws(LoadError) -> [UInt8] {
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

/// Why an input could not be loaded.
public enum LoadError: UserFacingError, Equatable {
    case cannotOpen(path: String, errno: Int32)
    case isDirectory(path: String)
    case readFailed(path: String, errno: Int32)
    case syntax(file: String, JSONSyntaxError)
    /// The document parsed but breaks the format's rules; every problem is listed.
    case invalid(file: String, [Problem])

    public var exitCode: ExitCode {
        switch self {
        case .cannotOpen, .isDirectory: .noInput
        case .readFailed: .ioError
        case .syntax, .invalid: .dataError
        }
    }

    public var description: String {
        switch self {
        case .cannotOpen(let path, let code):
            switch code {
            case ENOENT: "\(path): no such file; check the path and the current directory"
            case EACCES: "\(path): permission denied; check the file's permissions"
            default: "\(path): cannot be opened (\(String(cString: strerror(code))))"
            }
        case .isDirectory(let path):
            "\(path): is a directory; name a file"
        case .readFailed(let path, let code):
            "\(path): read failed (\(String(cString: strerror(code))))"
        case .syntax(let file, let error):
            "\(file): \(error.description); fix the JSON at that place"
        case .invalid(let file, let problems):
            problems.map { "\(file): \($0)" }.joined(separator: "\n")
        }
    }
}
