import Foundation
import Testing

/// Starts programs for the tests and reaps them: standard input from a string or a pipe, both
/// outputs captured in files.
///
/// Spawned here rather than with Foundation's `Process`, which, while
/// other tests moved signal handlers, sometimes never saw its child exit and hung the run.
enum Subprocess {
    struct Result {
        /// The exit status, or 128 + the signal's number when a signal ended it.
        var status: Int32
        var output: String
        var errorOutput: String
    }

    /// Where the child's standard input comes from.
    enum Input {
        case text(String)
        /// A pipe whose write end `start` returns.
        case pipe
    }

    /// Runs `executable` to its end.
    ///
    /// `environment` nil passes on the test's own; `directory` is
    /// where it starts; after `timeout` seconds it is killed and the status is 128 + 9.
    static func run(
        _ executable: String, _ arguments: [String], stdin: String = "", environment: [String: String]? = nil,
        directory: String? = nil, timeout: Double = 300
    ) throws -> Result {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("laer-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let output = scratch.appendingPathComponent("stdout").path
        let errorOutput = scratch.appendingPathComponent("stderr").path
        let (pid, _) = try start(
            executable, arguments, input: .text(stdin), output: output, errorOutput: errorOutput, environment: environment,
            directory: directory)
        return Result(
            status: wait(pid, timeout: timeout),
            output: (try? String(contentsOfFile: output, encoding: .utf8)) ?? "",
            errorOutput: (try? String(contentsOfFile: errorOutput, encoding: .utf8)) ?? "")
    }

    /// Starts `executable` and returns its pid, and the write end of its input for `.pipe`.
    static func start(
        _ executable: String, _ arguments: [String], input: Input, output: String = "/dev/null",
        errorOutput: String = "/dev/null",
        environment: [String: String]? = nil, directory: String? = nil
    ) throws -> (pid: pid_t, input: Int32?) {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var pipeEnds: [Int32] = [-1, -1]
        var inputFile: String?
        // The child has opened it by the time posix_spawn returns.
        defer { inputFile.map { _ = unlink($0) } }
        switch input {
        case .text(let text):
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("laer-stdin-\(UUID().uuidString)").path
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            inputFile = path
            posix_spawn_file_actions_addopen(&actions, 0, path, O_RDONLY, 0)
        case .pipe:
            try #require(pipe(&pipeEnds) == 0)
            // Children of other tests must not inherit the write end (dup2 clears the flag for this child's input).
            for end in pipeEnds { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
            posix_spawn_file_actions_adddup2(&actions, pipeEnds[0], 0)
        }
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errorOutput, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        Extensions.closeFrom.map { _ = $0(&actions, 3) }
        if let directory {
            let changeDirectory = try #require(Extensions.changeDirectory, "posix_spawn_file_actions_addchdir_np is missing")
            _ = directory.withCString { changeDirectory(&actions, $0) }
        }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        let variables = (environment ?? ProcessInfo.processInfo.environment).sorted { $0.key < $1.key }.map {
            "\($0.key)=\($0.value)"
        }
        let envp = variables.map { strdup($0) } + [nil]
        defer { for pointer in envp { free(pointer) } }

        var attributes = try cleanSignalAttributes()
        defer { posix_spawnattr_destroy(&attributes) }

        var pid: pid_t = 0
        var spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        // "Text file busy": a binary copied a moment ago is still open in a process another test
        // was starting meanwhile; it is closed as soon as that process runs.
        for _ in 0..<40 where spawned == ETXTBSY {
            Thread.sleep(forTimeInterval: 0.05)
            spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        }
        if case .pipe = input { close(pipeEnds[0]) }
        guard spawned == 0 else {
            if case .pipe = input { close(pipeEnds[1]) }
            throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO)
        }
        if case .pipe = input { return (pid, pipeEnds[1]) }
        return (pid, nil)
    }

    /// Spawn attributes that give the child an empty signal mask and every signal's default action.
    ///
    /// The test process runs with SIGHUP, SIGINT and SIGTERM blocked and SIGPIPE ignored (the survey
    /// command ignores it), and a child inherits both across exec: a tmux server that cannot receive
    /// SIGTERM outlives `kill-server`, and the test run.
    static func cleanSignalAttributes() throws -> posix_spawnattr_t {
        var attributes = posix_spawnattr_t()
        try #require(posix_spawnattr_init(&attributes) == 0)
        var empty = sigset_t()
        var all = sigset_t()
        sigemptyset(&empty)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        try #require(posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF)) == 0)
        return attributes
    }

    /// Waits for `pid` to end, killing it after `timeout` seconds; returns its status as `Result.status`.
    static func wait(_ pid: pid_t, timeout: Double = 300) -> Int32 {
        var status: Int32 = 0
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid { break }
            if reaped < 0, errno != EINTR { break }
            if Date() > deadline {
                kill(pid, SIGKILL)
                while waitpid(pid, &status, 0) < 0, errno == EINTR {}
                break
            }
            Thread.sleep(forTimeInterval: 0.005)
        }
        return status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }

    /// File actions glibc has (2.29 and 2.34 on) but its Swift module does not show, looked up by name.
    private enum Extensions {
        typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        typealias ChangeDirectory =
            @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32

        /// The child closes every descriptor from 3 up before it runs, so it holds no pipe or file of
        /// another test open (which would delay that test's end of file, or keep a new binary busy).
        static var closeFrom: CloseFrom? {
            dlsym(nil, "posix_spawn_file_actions_addclosefrom_np").map { unsafeBitCast($0, to: CloseFrom.self) }
        }

        static var changeDirectory: ChangeDirectory? {
            dlsym(nil, "posix_spawn_file_actions_addchdir_np").map { unsafeBitCast($0, to: ChangeDirectory.self) }
        }
    }
}
