import Foundation
import Testing

@Suite struct SubprocessTests {
    /// A child starts with no signal blocked or ignored, whatever the test's thread has blocked and
    /// the test process ignores: otherwise `kill` and `tmux kill-server` cannot end it.
    @Test func childrenStartWithAnEmptySignalMaskAndDefaultActions() throws {
        var blocked = sigset_t()
        var previous = sigset_t()
        sigemptyset(&blocked)
        for signal in [SIGHUP, SIGINT, SIGTERM] { sigaddset(&blocked, signal) }
        pthread_sigmask(SIG_BLOCK, &blocked, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        // Left ignored: the survey command ignores it in this process anyway, and restoring the
        // default could kill the test process while another test writes to a closed pipe.
        signal(SIGPIPE, SIG_IGN)

        let result = try Subprocess.run("/bin/grep", ["^Sig", "/proc/self/status"])
        #expect(result.status == 0)
        let fields = Dictionary(
            uniqueKeysWithValues: result.output.split(separator: "\n").map { line in
                let parts = line.split(separator: ":", maxSplits: 1)
                return (String(parts[0]), parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : "")
            })
        #expect(fields["SigBlk"] == "0000000000000000")
        // glibc keeps its two internal signals (32 and 33) out of a full set, so only ours are checked.
        let ignored = try #require(UInt64(fields["SigIgn"] ?? "", radix: 16))
        for signal in [SIGHUP, SIGINT, SIGPIPE, SIGTERM] {
            #expect(ignored & (1 << UInt64(signal - 1)) == 0, "signal \(signal) is ignored in the child")
        }
    }

    @Test func aChildEndedBySIGTERMReportsIt() throws {
        var blocked = sigset_t()
        var previous = sigset_t()
        sigemptyset(&blocked)
        sigaddset(&blocked, SIGTERM)
        pthread_sigmask(SIG_BLOCK, &blocked, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        let (pid, _) = try Subprocess.start("/bin/sleep", ["600"], input: .text(""))
        kill(pid, SIGTERM)
        #expect(Subprocess.wait(pid, timeout: 10) == 128 + SIGTERM)
    }
}
