import Foundation
import Glibc
import LAERTestSupport
import Testing

@testable import LAERCommandLine
@testable import LAERSystem
@testable import LAERValues

/// Output files are written through a temporary file that nobody else can name or redirect.
@Suite struct OutputFileTests {
    /// A directory with an `out` directory in it and a `victim` file beside it, outside `out`.
    final class Planted {
        let path: String
        var out: String { path + "/out" }
        var victim: String { path + "/victim" }
        static let original = "ORIGINAL\n"

        init() throws {
            path = FileManager.default.temporaryDirectory.appendingPathComponent("laer-planted-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: path + "/out", withIntermediateDirectories: true)
            try Self.original.write(toFile: path + "/victim", atomically: false, encoding: .utf8)
        }

        func link(_ name: String) throws {
            try #require(symlink(victim, out + "/" + name) == 0, "\(name): \(String(cString: strerror(errno)))")
        }

        var victimText: String? { try? String(contentsOfFile: victim, encoding: .utf8) }
        func names() -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []).sorted() }
        func isLink(_ name: String) -> Bool {
            (try? FileManager.default.destinationOfSymbolicLink(atPath: out + "/" + name)) != nil
        }

        deinit { try? FileManager.default.removeItem(atPath: path) }
    }

    static let examples = TestFiles.examples
    static let reports = ["Contoso-Systems-2026-Q4-Rafael-Ortiz.txt", "Northwind-Software-2026-Q4-Dana-Whitfield.txt"]

    @Test func linksPlantedInTheOutDirectoryDoNotRedirectAnyWrite() throws {
        let planted = try Planted()
        let pid = getpid()
        // The names of the old scheme (NAME.tmp-PID) for this process and its neighbours, and a
        // link at a final report's name, which the rename must replace rather than follow.
        for name in ["summary.csv"] + Self.reports {
            for candidate in pid - 20...pid + 20 { try planted.link("\(name).tmp-\(candidate)") }
            try planted.link(".\(name).tmp-\(pid)")
        }
        try planted.link(Self.reports[1])

        let run = CommandRun([
            "score", Self.examples + "/northwind-experiment.json", Self.examples + "/contoso-effective.json", "--out",
            planted.out,
        ])
        #expect(run.exitCode == .success, "\(run.errorOutput)")
        #expect(planted.victimText == Planted.original)
        for name in ["summary.csv"] + Self.reports {
            #expect(!planted.isLink(name), "\(name) is still a link")
            let text = try String(contentsOfFile: planted.out + "/" + name, encoding: .utf8)
            #expect(text.hasPrefix(name == "summary.csv" ? "report,source," : "LAER gap analysis"), "\(name)")
        }
        // Every planted link is still a link to the victim, and nothing else was left behind.
        let left = planted.names().filter { !(["summary.csv"] + Self.reports).contains($0) }
        #expect(left.count == 3 * 42)
        #expect(left.allSatisfy(planted.isLink))
    }

    @Test func aTakenNameIsSkippedNotFollowed() throws {
        let planted = try Planted()
        let target = planted.out + "/report.txt"
        let first = TemporaryFile.candidateName(for: target, random: 1)
        try #require(symlink(planted.victim, first) == 0)
        var values: [UInt64] = [1, 2]
        var file = try TemporaryFile.create(for: target, random: { values.removeFirst() })
        #expect(file.path == TemporaryFile.candidateName(for: target, random: 2))
        try file.write("report\n")
        try file.commit()
        #expect(planted.victimText == Planted.original)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "report\n")
        #expect(planted.names() == [".report.txt.tmp-0000000000000001", "report.txt"])
    }

    @Test func aNameTakenAtEveryAttemptFailsAfterABoundedNumberOfTries() throws {
        let planted = try Planted()
        let target = planted.out + "/report.txt"
        try #require(symlink(planted.victim, TemporaryFile.candidateName(for: target, random: 7)) == 0)
        var tries = 0
        #expect(throws: OutputError.cannotCreate(path: target, errno: EEXIST)) {
            _ = try TemporaryFile.create(
                for: target,
                random: {
                    tries += 1
                    return 7
                })
        }
        #expect(tries == TemporaryFile.attempts)
        #expect(planted.victimText == Planted.original)
    }

    @Test func temporaryNamesAreHiddenBesideTheTargetAndUnpredictable() throws {
        #expect(TemporaryFile.candidateName(for: "out/r.txt", random: 0xABC) == "out/.r.txt.tmp-0000000000000abc")
        #expect(TemporaryFile.candidateName(for: "r.txt", random: .max) == ".r.txt.tmp-ffffffffffffffff")
        #expect(TemporaryFile.candidateName(for: "/r", random: 1) == "/.r.tmp-0000000000000001")
        let long = TemporaryFile.candidateName(for: "d/" + String(repeating: "é", count: 200), random: 1)
        #expect(long.utf8.count - 2 <= 255)
        let planted = try Planted()
        var a = try TemporaryFile.create(for: planted.out + "/x")
        var b = try TemporaryFile.create(for: planted.out + "/x")
        defer {
            a.discard()
            b.discard()
        }
        #expect(a.path != b.path)
        #expect(!a.path.contains("\(getpid())"))
    }

    @Test func theStreamAndTheOneShotWriteLeaveOnlyTheirTargets() throws {
        let planted = try Planted()
        try OutputFile.write("one\n", to: planted.out + "/one.txt")
        let stream = try OutputFile.Stream(path: planted.out + "/two.csv")
        try stream.append("a,")
        try stream.append("b\n")
        #expect(planted.names().count == 2)
        try stream.finish()
        #expect(planted.names() == ["one.txt", "two.csv"])
        #expect(try String(contentsOfFile: planted.out + "/two.csv", encoding: .utf8) == "a,b\n")
        do {
            let abandoned = try OutputFile.Stream(path: planted.out + "/three.csv")
            try abandoned.append("x")
        }
        #expect(planted.names() == ["one.txt", "two.csv"])
    }
}
