import Foundation
import Testing

/// A private tmux server with one pane running a command in a real pseudo-terminal, for the
/// survey's end-to-end tests: send keys as a person types them, read the screen as they see it.
///
/// Each one has its own socket, so its own server; `stop()` ends that server and checks it ended.
final class Tmux {
    let socket = "laer-test-\(UUID().uuidString.prefix(8))"
    /// The server's pid, and the pid of the pane's first process (the `sh` running the command).
    private(set) var serverPID: pid_t = 0
    private(set) var panePID: pid_t = 0
    private var stopped = false

    static let path = ["/usr/bin/tmux", "/usr/local/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) }

    static var isAvailable: Bool { path != nil }

    /// Starts `command` under `sh -c` in a pane of `columns`×`rows`.
    init(_ command: String, columns: Int = 80, rows: Int = 24, environment: [String: String] = [:]) throws {
        var arguments = ["-f", "/dev/null", "new-session", "-d", "-s", "main", "-x", "\(columns)", "-y", "\(rows)"]
        for (name, value) in environment.sorted(by: { $0.key < $1.key }) { arguments += ["-e", "\(name)=\(value)"] }
        arguments += ["sh", "-c", command]
        try run(arguments)
        do {
            try run(["set-option", "-t", "main", "remain-on-exit", "on"])
            let pids = try run(["display-message", "-p", "-t", "main", "#{pid} #{pane_pid}"]).split(separator: " ")
                .compactMap { pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
            try #require(pids.count == 2 && pids.allSatisfy { $0 > 1 }, "tmux did not say its pids")
            (serverPID, panePID) = (pids[0], pids[1])
        } catch {
            stopped = true
            _ = try? run(["kill-server"])
            throw error
        }
    }

    deinit {
        if !stopped { _ = try? run(["kill-server"]) }
    }

    /// Kills the server and waits for it and the pane's process to be gone; a test fails if either
    /// outlives `timeout` seconds.
    ///
    /// Safe to call more than once.
    @discardableResult
    func stop(timeout: Double = 10, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        guard !stopped else { return true }
        stopped = true
        _ = try? run(["kill-server"])
        var ended = true
        for (name, pid) in [("server", serverPID), ("pane", panePID)] where !Self.waitUntilEnded(pid, timeout: timeout) {
            Issue.record("the tmux \(name) (pid \(pid)) is still running after kill-server", sourceLocation: sourceLocation)
            // Failed, but not left behind for the next run to count.
            kill(pid, SIGKILL)
            ended = false
        }
        return ended
    }

    /// Waits until `pid` no longer runs: gone (`kill(pid, 0)` fails with ESRCH once it is reaped),
    /// or a zombie waiting for init to reap it.
    static func waitUntilEnded(_ pid: pid_t, timeout: Double) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if hasEnded(pid) { return true }
            if Date() > deadline { return false }
            Thread.sleep(forTimeInterval: 0.02)
        }
    }

    static func hasEnded(_ pid: pid_t) -> Bool {
        if kill(pid, 0) != 0 { return errno == ESRCH }
        // The state is the field after the command name, which is in parentheses and may hold spaces.
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return true }
        return stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).hasPrefix("Z")
    }

    /// Runs one tmux command and returns what it printed.
    @discardableResult
    func run(_ arguments: [String]) throws -> String {
        try Subprocess.run(try #require(Self.path), ["-L", socket] + arguments).output
    }

    /// Keys by tmux name (`Enter`, `Up`, `C-c`) or literal text with `literal`.
    func send(_ keys: String..., literal: Bool = false) throws {
        try run(["send-keys", "-t", "main"] + (literal ? ["-l"] : []) + keys)
    }

    /// Pastes `text` as a terminal does: with the bracketed-paste markers around it when the
    /// program asked for them (`ESC[?2004h`), each line break sent as CR.
    func paste(_ text: String) throws {
        try run(["set-buffer", "-b", "test", "--", text])
        try run(["paste-buffer", "-p", "-d", "-b", "test", "-t", "main"])
    }

    /// The screen as text, one line per row, trailing spaces trimmed by tmux.
    func screen() throws -> String {
        try run(["capture-pane", "-p", "-t", "main"])
    }

    func resize(columns: Int, rows: Int) throws {
        try run(["resize-window", "-t", "main", "-x", "\(columns)", "-y", "\(rows)"])
    }

    /// Waits until the screen contains `text`; fails the test with the last screen if it never does.
    @discardableResult
    func waitFor(_ text: String, timeout: Double = 15, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if last.contains(text) { return last }
            Thread.sleep(forTimeInterval: 0.05)
        }
        Issue.record("screen never showed \"\(text)\"; last screen:\n\(last)", sourceLocation: sourceLocation)
        throw TmuxTimeout()
    }

    /// Waits until `path` exists (the test's command writes it when laer has exited).
    static func waitForFile(_ path: String, timeout: Double = 15) -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let text = try? String(contentsOfFile: path, encoding: .utf8), text.hasSuffix("\n") { return text }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return nil
    }
}

struct TmuxTimeout: Error {}
