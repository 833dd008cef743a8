import Foundation
import Glibc
import Testing

@testable import LAERSystem

@Suite struct ProcessSignalsTests {
    @Test func ignoringBrokenPipesSetsSIGPIPEToIgnored() {
        var previous = sigaction()
        sigaction(SIGPIPE, nil, &previous)
        defer { sigaction(SIGPIPE, &previous, nil) }
        var reset = sigaction()
        reset.__sigaction_handler.sa_handler = SIG_DFL
        sigaction(SIGPIPE, &reset, nil)

        ProcessSignals.ignoreBrokenPipe()
        var now = sigaction()
        sigaction(SIGPIPE, nil, &now)
        #expect(unsafeBitCast(now.__sigaction_handler.sa_handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self))
    }

    @Test func theSystemClockGivesTodaysLocalDate() {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.timeZone = .current
        let before = formatter.string(from: Date())
        let date = SystemClock.localDate()
        let after = formatter.string(from: Date())
        #expect(date == before || date == after)
    }

    /// Signals, the clock and the process belong to the system room: the command line only wires them.
    @Test func theCommandLineLayerReadsNoClockAndSetsNoSignal() throws {
        let directory = TestFiles.packageDirectory.appendingPathComponent("Sources/LAERCommandLine")
        let files = try #require(FileManager.default.enumerator(atPath: directory.path)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") }
        #expect(!files.isEmpty)
        for file in files {
            let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            for call in ["signal(", "sigaction(", "localtime_r(", "time(nil)", "getpid()"] {
                #expect(!text.contains(call), "\(file) calls \(call)")
            }
        }
    }
}
