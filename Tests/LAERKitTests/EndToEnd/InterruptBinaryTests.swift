import Foundation
import Glibc
import Testing

@testable import LAERValues

/// `score DIR --out OUT` stopped by SIGINT or SIGTERM, through the real binary: no temporary file
/// is left in OUT, and the run exits 130 or 143 itself rather than dying of the signal.
@Suite(.serialized) struct InterruptBinaryTests {
    static let example = TestFiles.packageDirectory.appendingPathComponent("Questionnaires/Examples/northwind-experiment.json")
        .path

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

    @Test(arguments: [(SIGINT, ExitCode.interrupted), (SIGTERM, ExitCode.terminated)])
    func anInterruptedBatchRemovesItsTemporaryFiles(_ signal: Int32, _ expected: ExitCode) throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("laer-interrupt-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let input = scratch + "/in"
        let out = scratch + "/out"
        try FileManager.default.createDirectory(atPath: input, withIntermediateDirectories: true)
        // Enough HTML reports that the run is still going when the signal comes.
        let text = try String(contentsOfFile: Self.example, encoding: .utf8)
        for index in 0..<1500 {
            let named = text.replacingOccurrences(of: "\"Dana Whitfield\"", with: "\"Person \(index)\"")
            try named.write(toFile: input + "/f\(index).json", atomically: false, encoding: .utf8)
        }
        let (pid, _) = try Subprocess.start(
            BinaryTests.binary.path, ["score", input, "--format", "html", "--out", out], input: .text(""),
            environment: ["PATH": "/usr/bin:/bin"])
        // Wait until reports are being written (the handler is installed before the first file).
        let started = Date()
        while ((try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []).filter({ $0.hasSuffix(".html") }).count < 3,
            Date().timeIntervalSince(started) < 60
        {
            Thread.sleep(forTimeInterval: 0.01)
        }
        Thread.sleep(forTimeInterval: 0.1)
        kill(pid, signal)
        let ending = Self.waitRaw(pid, timeout: 60)
        let left = try FileManager.default.contentsOfDirectory(atPath: out)
        #expect(ending == .exited(expected.rawValue), "ended \(ending) after \(left.count) files")
        #expect(left.filter { $0.contains(".tmp") }.isEmpty, "left \(left.filter { $0.contains(".tmp") })")
        let hasSummary = left.contains("summary.csv")
        #expect(!hasSummary, "a summary of half a run")
        #expect(left.count < 1500, "it finished before the signal")
    }
}
