import Foundation
import Testing

/// Runs a program to its end: standard input from a string, both outputs captured in files.
/// Spawned and reaped here rather than with Foundation's `Process`, which, while other tests
/// moved signal handlers, sometimes never saw its child exit and hung the test run.
enum Subprocess {
    private typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

    /// Makes the child close every descriptor above standard error before it runs, so that it
    /// holds no pipe or file of another test open (which would delay that test's end of file, or
    /// make a freshly copied binary "busy"). glibc has the call since 2.34, but its Swift module
    /// does not show it: it is looked up by name.
    static func closeInheritedDescriptors(_ actions: inout posix_spawn_file_actions_t) {
        guard let symbol = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") else { return }
        _ = unsafeBitCast(symbol, to: AddCloseFrom.self)(&actions, 3)
    }

    struct Result {
        /// The exit status, or 128 + the signal's number when a signal ended it.
        var status: Int32
        var output: String
        var errorOutput: String
    }

    /// `environment` nil passes on the test's own; `directory` is where the program starts;
    /// after `timeout` seconds the program is killed and the result's status is 128 + 9.
    static func run(
        _ executable: String, _ arguments: [String], stdin: String = "", environment: [String: String]? = nil,
        directory: String? = nil, timeout: Double = 300
    ) throws -> Result {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("laer-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let input = scratch.appendingPathComponent("stdin").path
        let output = scratch.appendingPathComponent("stdout").path
        let errorOutput = scratch.appendingPathComponent("stderr").path
        try Data(stdin.utf8).write(to: URL(fileURLWithPath: input))

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, input, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errorOutput, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        closeInheritedDescriptors(&actions)
        // Glibc's module lacks posix_spawn_file_actions_addchdir_np: a shell changes directory, then becomes the program.
        let words: [String] = directory.map { ["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", $0, executable] + arguments }
            ?? [executable] + arguments
        let argv = words.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        let variables = (environment ?? ProcessInfo.processInfo.environment).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        let envp = variables.map { strdup($0) } + [nil]
        defer { for pointer in envp { free(pointer) } }

        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, words[0], &actions, nil, argv, envp)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO) }
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
        return Result(
            status: status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F),
            output: (try? String(contentsOfFile: output, encoding: .utf8)) ?? "",
            errorOutput: (try? String(contentsOfFile: errorOutput, encoding: .utf8)) ?? "")
    }
}
