import Foundation
import Glibc

/// How a command ended, and what it said on standard error when it failed.
struct Exit {
    /// nil when it exited 0.
    var failure: String?
    /// The last lines of its standard error, when it failed.
    var errorTail = ""

    static let ok = Exit(failure: nil)
}

/// Runs commands with `posix_spawn` and `wait4`, standard input and output on /dev/null.
///
/// Peak RSS needs care: Linux starts a child's `ru_maxrss` at the resident set of the process it
/// was spawned from (`exec` records the old address space's high-water mark, and with
/// `posix_spawn` that is the parent's own). Measured straight from this Swift process, every
/// command would report at least laer-bench's own 15–25 MB. So the memory run starts the command
/// from a small `/bin/sh` that puts it in the background and exits; laer-bench, a child
/// subreaper, inherits the orphan and reaps it with `wait4`, whose `ru_maxrss` is then the
/// command's own (the largest of it and every descendant it waited for), counted from about
/// 1 MB, the shell's size.
enum ProcessRunner {
    static func monotonicSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }

    /// Runs the command once and returns its wall time (spawn to reaped, monotonic clock).
    static func timed(_ arguments: [String], standardOutput: String = "/dev/null") -> (seconds: Double, exit: Exit) {
        let errorPath = scratchPath()
        defer { unlink(errorPath) }
        let start = monotonicSeconds()
        guard let pid = spawn(arguments, standardOutput: standardOutput, standardError: errorPath) else {
            return (0, Exit(failure: "could not start \(arguments[0]): \(String(cString: strerror(errno)))"))
        }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) == -1, errno == EINTR {}
        let seconds = monotonicSeconds() - start
        return (seconds, exit(status, errorPath: errorPath))
    }

    /// Runs the command once for its peak RSS in KiB; nil when the child subreaper is not available.
    static func peakRSS(_ arguments: [String]) -> (kib: Int, exit: Exit)? {
        guard subreaperEnabled, access("/bin/sh", X_OK) == 0 else { return nil }
        let errorPath = scratchPath()
        defer { unlink(errorPath) }
        guard
            let shell = spawn(
                ["/bin/sh", "-c", "\"$@\" &", "sh"] + arguments, standardOutput: "/dev/null", standardError: errorPath)
        else { return nil }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(shell, &status, 0, &usage) == -1, errno == EINTR {}
        // The shell is gone; the command is now ours to reap.
        var peak: Int?
        var commandStatus: Int32 = 0
        while true {
            let pid = wait4(-1, &commandStatus, 0, &usage)
            if pid == -1 {
                if errno == EINTR { continue }
                break
            }
            peak = max(peak ?? 0, Int(usage.ru_maxrss))
        }
        guard let peak else { return nil }
        return (peak, exit(commandStatus, errorPath: errorPath))
    }

    /// Makes orphaned descendants children of this process (`PR_SET_CHILD_SUBREAPER`).
    ///
    /// `prctl` is variadic in C, which Swift cannot call, so it is looked up and called with its five words.
    static let subreaperEnabled: Bool = {
        typealias Prctl = @convention(c) (Int32, UInt, UInt, UInt, UInt) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "prctl") else { return false }
        let prctl = unsafeBitCast(symbol, to: Prctl.self)
        let setChildSubreaper: Int32 = 36
        return prctl(setChildSubreaper, 1, 0, 0, 0) == 0
    }()

    /// Starts the command (looked up on PATH when it has no slash); nil with errno set when it cannot.
    static func spawn(_ arguments: [String], standardOutput: String, standardError: String) -> pid_t? {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, standardOutput, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, standardError, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv = arguments.map { strdup($0) } + [nil]
        let environment = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for argument in argv { free(argument) }
            for entry in environment { free(entry) }
        }
        var pid = pid_t()
        let result =
            arguments[0].contains("/")
            ? posix_spawn(&pid, arguments[0], &actions, nil, argv, environment)
            : posix_spawnp(&pid, arguments[0], &actions, nil, argv, environment)
        guard result == 0 else {
            errno = result
            return nil
        }
        return pid
    }

    static func exit(_ status: Int32, errorPath: String) -> Exit {
        var failure: String?
        if status & 0x7F == 0 {
            let code = (status >> 8) & 0xFF
            if code != 0 { failure = "exit status \(code)" }
        } else {
            failure = "signal \(status & 0x7F)"
        }
        guard let failure else { return .ok }
        let text = (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
        return Exit(failure: failure, errorTail: text.split(separator: "\n").suffix(5).joined(separator: "\n"))
    }

    static func scratchPath() -> String {
        var template = Array("/tmp/laer-bench-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        if descriptor >= 0 { close(descriptor) }
        return template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    /// What the command printed, for short queries such as Python's real executable.
    static func output(_ arguments: [String]) -> String? {
        let path = scratchPath()
        defer { unlink(path) }
        let (_, exit) = timed(arguments, standardOutput: path)
        guard exit.failure == nil, let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The first executable called `name` on PATH.
    static func which(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") where !folder.isEmpty {
            let candidate = "\(folder)/\(name)"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }
}
