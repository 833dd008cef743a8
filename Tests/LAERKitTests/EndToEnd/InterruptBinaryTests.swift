import Foundation
import Glibc
import Testing

@testable import LAERValues

/// `score DIR --out OUT` stopped by SIGINT or SIGTERM, through the real binary: no temporary file
/// is left in OUT, and the run exits 130 or 143 itself rather than dying of the signal.
@Suite(.serialized) struct InterruptBinaryTests {
    /// How the child ended, from `waitpid`'s raw status.
    enum Ending: Equatable {
        case exited(Int32)
        case signalled(Int32)
        case timedOut
    }

    static func waitRaw(_ pid: pid_t, timeout: Double) -> Ending {
        var status: Int32 = 0
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid { break }
            if Date() > deadline {
                kill(pid, SIGKILL)
                while waitpid(pid, &status, 0) < 0, errno == EINTR {}
                return .timedOut
            }
            Thread.sleep(forTimeInterval: 0.005)
        }
        return status & 0x7F == 0 ? .exited((status >> 8) & 0xFF) : .signalled(status & 0x7F)
    }

    /// Every report written before the signal is whole (byte for byte what an undisturbed run
    /// writes), no temporary file is left, and summary.csv, which names every report of the
    /// run, is not there.
    @Test(arguments: [
        (SIGINT, ExitCode.interrupted, "html"), (SIGTERM, ExitCode.terminated, "json"), (SIGINT, ExitCode.interrupted, "text"),
        (SIGTERM, ExitCode.terminated, "csv"),
    ])
    func anInterruptedBatchLeavesWholeReportsAndNoTemporaryFiles(_ signal: Int32, _ expected: ExitCode, _ format: String) throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("laer-interrupt-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let out = scratch + "/out"
        // Enough reports that the run is still going when the signal comes.
        let (input, bytes) = FaultBinaryTests.sharedInputs
        try #require(bytes > 0)
        let count = FaultBinaryTests.sharedInputCount
        let (pid, _) = try Subprocess.start(
            BinaryTests.binary.path, ["score", input, "--format", format, "--out", out], input: .text(""),
            environment: ["PATH": "/usr/bin:/bin"])
        // Wait until reports are being written (the handler is installed before the first file).
        let started = Date()
        while FaultBinaryTests.names(out).filter({ !$0.hasPrefix(".") }).count < 3, Date().timeIntervalSince(started) < 60 {
            Thread.sleep(forTimeInterval: 0.01)
        }
        Thread.sleep(forTimeInterval: 0.1)
        kill(pid, signal)
        let ending = Self.waitRaw(pid, timeout: 60)
        let left = FaultBinaryTests.names(out)
        #expect(ending == .exited(expected.rawValue), "ended \(ending) after \(left.count) files")
        #expect(left.filter { $0.contains(".tmp") }.isEmpty, "left \(left.filter { $0.contains(".tmp") })")
        #expect(!left.contains("summary.csv"), "a summary of half a run")
        #expect(left.count < count, "it finished before the signal")
        let whole = try FaultBinaryTests.expectWholeReports(
            in: out, inputs: input, format: format, reference: scratch + "/reference")
        #expect(whole >= 3)
    }
}
