import Foundation
import Testing

/// The tmux helper cleans up what it starts: its server and the pane's process end at `stop()`,
/// and they can, because they start with no signal blocked.
@Suite(.enabled(if: Tmux.isAvailable, "needs tmux"))
struct TmuxTests {
    /// The signal mask and ignored signals of a running process, from `/proc`.
    static func signalMasks(of pid: pid_t) throws -> (blocked: String, ignored: String) {
        let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8).split(separator: "\n")
        func field(_ name: String) throws -> String {
            try #require(status.first { $0.hasPrefix(name + ":") }).dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces)
        }
        return (try field("SigBlk"), try field("SigIgn"))
    }

    @Test func stopEndsTheServerAndThePaneProcess() throws {
        let tmux = try Tmux("exec sleep 600")
        defer { tmux.stop() }
        let (server, pane) = (tmux.serverPID, tmux.panePID)
        #expect(server != pane)
        #expect(!Tmux.hasEnded(server) && !Tmux.hasEnded(pane))
        // Not a single signal blocked in the pane: HUP, INT and TERM reach what the tests run in it.
        #expect(try Self.signalMasks(of: pane).blocked == "0000000000000000")
        #expect(tmux.stop(timeout: 10))
        #expect(Tmux.hasEnded(server), "tmux server \(server) outlived kill-server")
        #expect(Tmux.hasEnded(pane), "pane process \(pane) outlived its server")
    }

    @Test func everyHelperHasItsOwnServer() throws {
        let first = try Tmux("exec sleep 600")
        let second = try Tmux("exec sleep 600")
        defer {
            first.stop()
            second.stop()
        }
        #expect(first.socket != second.socket)
        #expect(first.serverPID != second.serverPID)
        first.stop()
        #expect(!Tmux.hasEnded(second.serverPID), "stopping one server ended another")
    }
}
