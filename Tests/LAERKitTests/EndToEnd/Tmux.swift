import Foundation
import Testing

/// A private tmux server with one pane running a command in a real pseudo-terminal, for the
/// survey's end-to-end tests: send keys as a person types them, read the screen as they see it.
final class Tmux {
    let socket = "laer-test-\(UUID().uuidString.prefix(8))"

    static let path = ["/usr/bin/tmux", "/usr/local/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) }

    static var isAvailable: Bool { path != nil }

    /// Starts `command` under `sh -c` in a pane of `columns`×`rows`.
    init(_ command: String, columns: Int = 80, rows: Int = 24, environment: [String: String] = [:]) throws {
        var arguments = ["-f", "/dev/null", "new-session", "-d", "-s", "main", "-x", "\(columns)", "-y", "\(rows)"]
        for (name, value) in environment.sorted(by: { $0.key < $1.key }) { arguments += ["-e", "\(name)=\(value)"] }
        arguments += ["sh", "-c", command]
        try run(arguments)
        try run(["set-option", "-t", "main", "remain-on-exit", "on"])
    }

    deinit {
        _ = try? run(["kill-server"])
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
