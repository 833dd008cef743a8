import Glibc
import Synchronization

/// The lock that keeps two surveys from writing one answer file: a file `PATH.lock` beside it,
/// holding the owner's process id, host name and, where `/proc` tells it, the process's start
/// time, and held with `flock` by its owner for as long as the survey runs.
///
/// A lock already there is in use while someone holds it; the kernel lets go of it when its
/// owner dies. Only the one who holds a lock may judge it stale, and it replaces it by renaming a
/// whole new lock, already held, over it: of several surveys that find one stale lock at the same
/// moment, exactly one takes it over.
///
/// A lock nobody holds is stale when its process is gone (on this host), when its process id now
/// belongs to a process started at another time (ids are reused, after a reboot within seconds),
/// or when it is unreadable and more than a minute old; one that names a running process (a laer
/// that did not hold its locks) or another host is respected.
package final class AnswerLock: Sendable {
    /// The answer file the lock guards.
    let answerPath: String
    let content: String
    /// The held lock file, open; -1 once released.
    private let descriptor: Mutex<Int32>

    private init(answerPath: String, content: String, descriptor: Int32) {
        self.answerPath = answerPath
        self.content = content
        self.descriptor = Mutex(descriptor)
    }

    package static func path(for answerPath: String) -> String { answerPath + ".lock" }

    /// Unreadable locks younger than this may still be being written by their owner.
    static let staleAfterSeconds = 60

    /// How often a lock that changes while it is looked at is looked at again.
    static let attempts = 5

    package static func acquire(for answerPath: String) throws(LockError) -> AnswerLock {
        let lockPath = path(for: answerPath)
        let pid = getpid()
        let content = "\(pid)\n\(hostName())\n" + (startTime(of: pid).map { "\($0)\n" } ?? "")
        for attempt in 0..<attempts {
            if attempt > 0 { usleep(2_000) }
            // Whoever opens it before it is written finds it young and unreadable: in use.
            switch createHeld(lockPath, content: content) {
            case .success(let descriptor):
                return AnswerLock(answerPath: answerPath, content: content, descriptor: descriptor)
            case .failure(let error) where error.code != EEXIST:
                throw .cannotLock(path: answerPath, errno: error.code)
            case .failure:
                break
            }
            let existing = open(lockPath, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
            guard existing >= 0 else {
                if errno == ENOENT { continue }
                throw .cannotLock(path: answerPath, errno: errno)
            }
            defer { close(existing) }
            guard hold(existing, waiting: false) == nil else {
                // Held: by its owner, or for a moment by a survey that is taking over a stale one.
                if case .alive(let pid, let host) = holder(of: lockPath) { throw .inUse(path: answerPath, pid: pid, host: host) }
                continue
            }
            // Released, or taken over, between the open and the flock.
            guard isSameFile(existing, lockPath) else { continue }
            switch holder(of: lockPath) {
            case .gone:
                continue
            case .alive(let pid, let host):
                throw .inUse(path: answerPath, pid: pid, host: host)
            case .stale:
                return try takeOver(for: answerPath, content: content)
            }
        }
        throw .inUse(path: answerPath, pid: nil, host: nil)
    }

    /// An errno, as a `Result`'s failure.
    struct SystemError: Error {
        let code: Int32
    }

    /// Creates `path` exclusively, holds it and writes `content` into it; returns the descriptor
    /// that holds it.
    ///
    /// That descriptor is read-only: a file open for writing would keep its file system from
    /// being remounted read-only while the survey runs.
    private static func createHeld(_ path: String, content: String) -> Result<Int32, SystemError> {
        let descriptor = open(path, O_RDONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return .failure(SystemError(code: errno)) }
        var code = hold(descriptor, waiting: true)
        if code == nil {
            let writer = open(path, O_WRONLY | O_NOFOLLOW | O_CLOEXEC)
            if writer < 0 {
                code = errno
            } else {
                code = isSameFile(descriptor, writer) ? FileDescriptor.writeAll(writer, content) : EEXIST
                if close(writer) != 0, code == nil { code = errno }
            }
        }
        guard let code else { return .success(descriptor) }
        if isSameFile(descriptor, path) { unlink(path) }
        close(descriptor)
        // EEXIST would say another lock is there; this one was replaced while being written.
        return .failure(SystemError(code: code == EEXIST ? EIO : code))
    }

    /// Takes the lock with `flock`; nil when held, else the errno (EWOULDBLOCK: someone else holds it).
    private static func hold(_ descriptor: Int32, waiting: Bool) -> Int32? {
        while flock(descriptor, LOCK_EX | (waiting ? 0 : LOCK_NB)) != 0 {
            if errno != EINTR { return errno }
        }
        return nil
    }

    /// Replaces the stale lock this process holds with a new one, written whole and held under a
    /// hidden name of its own first: while it holds the stale one, nobody else replaces it.
    private static func takeOver(for answerPath: String, content: String) throws(LockError) -> AnswerLock {
        let lockPath = path(for: answerPath)
        var code = EEXIST
        for _ in 0..<TemporaryFile.attempts {
            let fresh = TemporaryFile.candidateName(for: lockPath, random: TemporaryFile.systemRandom())
            switch createHeld(fresh, content: content) {
            case .success(let descriptor):
                guard rename(fresh, lockPath) == 0 else {
                    code = errno
                    unlink(fresh)
                    close(descriptor)
                    throw .cannotLock(path: answerPath, errno: code)
                }
                return AnswerLock(answerPath: answerPath, content: content, descriptor: descriptor)
            case .failure(let error):
                code = error.code
                if code != EEXIST { throw .cannotLock(path: answerPath, errno: code) }
            }
        }
        throw .cannotLock(path: answerPath, errno: code)
    }

    /// Whether two open descriptors are one file.
    static func isSameFile(_ one: Int32, _ other: Int32) -> Bool {
        var first = stat()
        var second = stat()
        guard fstat(one, &first) == 0, fstat(other, &second) == 0 else { return false }
        return first.st_dev == second.st_dev && first.st_ino == second.st_ino
    }

    /// Whether the open `descriptor` is the file at `path`.
    static func isSameFile(_ descriptor: Int32, _ path: String) -> Bool {
        var open = stat()
        var named = stat()
        guard fstat(descriptor, &open) == 0, lstat(path, &named) == 0 else { return false }
        return open.st_dev == named.st_dev && open.st_ino == named.st_ino
    }

    /// Removes the lock, unless another survey has taken it over meanwhile, and lets go of it.
    ///
    /// Safe to call more than once.
    package func release() {
        let descriptor = self.descriptor.withLock { descriptor in
            defer { descriptor = -1 }
            return descriptor
        }
        guard descriptor >= 0 else { return }
        let lockPath = Self.path(for: answerPath)
        if Self.isSameFile(descriptor, lockPath), Self.read(lockPath) == Array(content.utf8) { unlink(lockPath) }
        close(descriptor)
    }

    deinit {
        let descriptor = self.descriptor.withLock { $0 }
        if descriptor >= 0 { close(descriptor) }
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
