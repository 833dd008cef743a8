import Glibc

/// The lock that keeps two surveys from writing one answer file: a file `PATH.lock` beside it,
/// created exclusively, holding the owner's process id, host name and, where `/proc` tells it,
/// the process's start time.
///
/// A lock whose process is gone (on this host), whose process id now belongs to a process started
/// at another time (ids are reused, after a reboot within seconds), or that is unreadable and more
/// than a minute old, is stale and taken over without fuss; a process that dies leaves such a
/// lock behind.
package struct AnswerLock: Sendable, Equatable {
    /// The answer file the lock guards.
    let answerPath: String
    let content: String

    package static func path(for answerPath: String) -> String { answerPath + ".lock" }

    /// Unreadable locks younger than this may still be being written by their owner.
    static let staleAfterSeconds = 60

    package static func acquire(for answerPath: String) throws(LockError) -> AnswerLock {
        let lockPath = path(for: answerPath)
        let pid = getpid()
        let content = "\(pid)\n\(hostName())\n" + (startTime(of: pid).map { "\($0)\n" } ?? "")
        for _ in 0..<3 {
            let descriptor = open(lockPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if descriptor >= 0 {
                let written = Array(content.utf8).withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
                let code = errno
                close(descriptor)
                guard written == content.utf8.count else {
                    unlink(lockPath)
                    throw .cannotLock(path: answerPath, errno: written < 0 ? code : EIO)
                }
                return AnswerLock(answerPath: answerPath, content: content)
            }
            guard errno == EEXIST else { throw .cannotLock(path: answerPath, errno: errno) }
            switch holder(of: lockPath) {
            case .gone:
                continue
            case .stale:
                unlink(lockPath)
            case .alive(let pid, let host):
                throw .inUse(path: answerPath, pid: pid, host: host)
            }
        }
        throw .inUse(path: answerPath, pid: nil, host: nil)
    }

    /// Removes the lock, unless another survey has taken it over meanwhile.
    package func release() {
        let lockPath = Self.path(for: answerPath)
        guard Self.read(lockPath) == Array(content.utf8) else { return }
        unlink(lockPath)
    }

    enum Holder: Equatable {
        /// The lock disappeared while being looked at.
        case gone
        case stale
        /// Held by `pid`, on `host` when that is another machine (whose processes cannot be checked).
        case alive(pid: Int32?, host: String?)
    }

    static func holder(of lockPath: String) -> Holder {
        guard let bytes = read(lockPath) else { return errno == ENOENT ? .gone : .alive(pid: nil, host: nil) }
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n")
        guard lines.count == 2 || lines.count == 3, let pid = Int32(lines[0]), pid > 0 else {
            var status = stat()
            guard stat(lockPath, &status) == 0 else { return .gone }
            let age = Int(time(nil)) - Int(status.st_mtim.tv_sec)
            return age > staleAfterSeconds ? .stale : .alive(pid: nil, host: nil)
        }
        let host = String(lines[1])
        guard host == hostName() else { return .alive(pid: pid, host: host) }
        if kill(pid, 0) != 0, errno == ESRCH { return .stale }
        if lines.count == 3, let started = UInt64(lines[2]), let now = startTime(of: pid), now != started { return .stale }
        return .alive(pid: pid, host: nil)
    }

    /// When process `pid` started, in clock ticks since boot (field 22 of `/proc/PID/stat`); nil
    /// where `/proc` does not say.
    static func startTime(of pid: Int32) -> UInt64? {
        guard let bytes = read("/proc/\(pid)/stat") else { return nil }
        // The command name (field 2) is in parentheses and may hold spaces and parentheses itself.
        guard let close = bytes.lastIndex(of: UInt8(ascii: ")")) else { return nil }
        let fields = bytes[(close + 1)...].split(separator: UInt8(ascii: " "))
        // Fields from the state (3) on; the start time is the 22nd.
        guard fields.count > 19 else { return nil }
        return UInt64(String(decoding: fields[19], as: UTF8.self))
    }

    /// The whole of a small file, or nil with errno set.
    static func read(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: 512)
        var count = 0
        while count < buffer.count {
            let got = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + count, $0.count - count) }
            if got < 0, errno == EINTR { continue }
            if got < 0 { return nil }
            if got == 0 { break }
            count += got
        }
        return Array(buffer[0..<count])
    }

    package static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

/// Why the lock of an answer file could not be taken.
package enum LockError: Error, Sendable, Equatable {
    /// Another process holds it: `pid` (nil while that process is still writing the lock), on
    /// `host` when that is not this machine.
    case inUse(path: String, pid: Int32?, host: String?)
    /// The lock file cannot be created.
    case cannotLock(path: String, errno: Int32)
}
