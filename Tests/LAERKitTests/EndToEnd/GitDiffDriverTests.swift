import Foundation
import LAERTestSupport
import Testing

/// `laer diff --git` as git's external diff driver, driven by real git on a real repository.
@Suite(.serialized) struct GitDiffDriverTests {
    static let git = "/usr/bin/git"

    /// A repository of its own, with no user or system configuration, removed at the end.
    final class Repository {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("laer-git-\(UUID().uuidString)")
        let environment: [String: String]

        init() throws {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            environment = [
                "PATH": "/usr/bin:/bin", "HOME": url.path, "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null",
                "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.com", "GIT_COMMITTER_NAME": "Test",
                "GIT_COMMITTER_EMAIL": "test@example.com", "GIT_PAGER": "cat", "LC_ALL": "C.UTF-8",
            ]
            try run(["init", "-q"])
        }

        deinit { try? FileManager.default.removeItem(at: url) }

        @discardableResult
        func run(_ arguments: [String]) throws -> Subprocess.Result {
            let result = try Subprocess.run(GitDiffDriverTests.git, arguments, environment: environment, directory: url.path)
            #expect(result.status == 0, "git \(arguments.joined(separator: " ")): \(result.errorOutput)")
            return result
        }

        func write(_ name: String, _ text: String) throws {
            try text.write(to: url.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
    }

    /// The two lines of setup the README shows, with this build's binary and the mini questionnaire.
    static func configured() throws -> Repository {
        let repository = try Repository()
        try repository.write(".gitattributes", "*.json diff=laer\n")
        try repository.run([
            "config", "diff.laer.command", "'\(BinaryTests.binary.path)' diff --git --questionnaire '\(QuarterTests.mini)'",
        ])
        return repository
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: git)))
    func gitDiffPrintsLaersDiffOfTwoCommits() throws {
        let repository = try Self.configured()
        try repository.write("acme.json", QuarterTests.answers(organization: "Acme", period: "2026-Q2", QuarterTests.q2))
        try repository.run(["add", "."])
        try repository.run(["commit", "-qm", "Q2"])
        try repository.write("acme.json", QuarterTests.answers(organization: "Acme", period: "2026-Q3", QuarterTests.q3))
        try repository.run(["commit", "-qam", "Q3"])

        let diff = try repository.run(["diff", "HEAD~1"])
        #expect(diff.output.hasPrefix("laer diff acme.json\n"))
        #expect(diff.output.contains("Acme"))
        #expect(diff.output.contains("2026-Q2"))
        #expect(diff.output.contains("2026-Q3"))
        #expect(!diff.output.contains("\"rating\""), "laer's diff, not git's line diff")
        // The plain line diff is still there when asked for.
        let plain = try repository.run(["diff", "--no-ext-diff", "HEAD~1"])
        #expect(plain.output.hasPrefix("diff --git a/acme.json b/acme.json"))
        #expect(plain.output.contains(#""period": "2026-Q2""#))
        // The same commits, both ways round: the regression reads the other way.
        let back = try repository.run(["diff", "HEAD", "HEAD~1"])
        #expect(back.output.hasPrefix("laer diff acme.json\n"))
        #expect(back.output != diff.output)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: git)))
    func aNewFileAndADeletedFileAreSaidAsSuch() throws {
        let repository = try Self.configured()
        try repository.write("acme.json", QuarterTests.answers(organization: "Acme", period: "2026-Q2", QuarterTests.q2))
        try repository.run(["add", "."])
        try repository.run(["commit", "-qm", "Q2"])
        try repository.write("beta.json", QuarterTests.answers(organization: "Beta", period: "2026-Q3", QuarterTests.q3))
        try repository.run(["add", "beta.json"])
        try repository.run(["commit", "-qm", "Beta"])

        let added = try repository.run(["diff", "HEAD~1"])
        #expect(added.output.hasPrefix("laer diff beta.json\n\nA new assessment"))
        #expect(added.output.contains("Beta, 2026-Q3: Traditional Transactional, index 2.93"))
        try assertSnapshot(added.output, named: "diff-git-new-file-mini.txt")

        try repository.run(["rm", "-q", "acme.json"])
        let deleted = try repository.run(["diff", "--cached"])
        #expect(deleted.output.hasPrefix("laer diff acme.json\n\nThe assessment was removed"))
        #expect(deleted.output.contains("Acme, 2026-Q2: LAER Experiment, index 3.00"))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: git)))
    func aFileLaerCannotReadIsSaidAndGitGoesOn() throws {
        let repository = try Self.configured()
        try repository.write("notes.json", "{\"not\": \"answers\"}\n")
        try repository.write("acme.json", QuarterTests.answers(organization: "Acme", period: "2026-Q2", QuarterTests.q2))
        try repository.run(["add", "."])
        try repository.run(["commit", "-qm", "one"])
        try repository.write("notes.json", "{\"still\": \"not answers\"}\n")
        try repository.write("acme.json", QuarterTests.answers(organization: "Acme", period: "2026-Q3", QuarterTests.q2))
        let diff = try repository.run(["diff"])
        #expect(diff.output.contains("laer diff acme.json\n"))
        #expect(diff.output.contains("laer diff notes.json\n\nNot compared: "))
    }
}

/// `laer diff --fail-on-regression` from the built binary, as a scheduled job runs it.
@Suite struct RegressionGateBinaryTests {
    @Test func theGateExitsOneOnARegressionAfterWritingTheReportAndZeroOtherwise() throws {
        let scratch = try QuarterTests.Scratch()
        try scratch.write("q2.json", QuarterTests.answers(organization: "Acme", period: "2026-Q2", QuarterTests.q2))
        try scratch.write("q3.json", QuarterTests.answers(organization: "Acme", period: "2026-Q3", QuarterTests.q3))
        let arguments = ["diff", "--questionnaire", QuarterTests.mini, "--fail-on-regression", "--format", "json"]
        let regressed = try BinaryTests.run(arguments + [scratch.path + "/q2.json", scratch.path + "/q3.json"])
        #expect(regressed.status == 1)
        #expect(regressed.output.contains("\"regressed\""))
        #expect(regressed.errorOutput == "")
        let same = try BinaryTests.run(arguments + [scratch.path + "/q3.json", scratch.path + "/q3.json"])
        #expect(same.status == 0)
        let missing = try BinaryTests.run(arguments + [scratch.path + "/q3.json", scratch.path + "/q4.json"])
        #expect(missing.status == 66)
    }
}
