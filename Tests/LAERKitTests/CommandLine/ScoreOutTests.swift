import Foundation
import LAERTestSupport
import Testing

@testable import LAERCommandLine
@testable import LAERFormats
@testable import LAERValues

/// `score --out` as the contract says: the format from the extension, one file or a directory
/// decided by the inputs, several reports never in one file or glued on standard output.
@Suite struct ScoreOutTests {
    typealias Scratch = BatchScoringTests.Scratch
    static let mini = BatchScoringTests.mini

    static func answers(_ name: String, organization: String = "Acme", period: String? = "2026-Q1") -> String {
        var text = BatchScoringTests.answers(name: name, organization: organization, BatchScoringTests.allFully())
        if let period {
            text = text.replacingOccurrences(of: "\"assessedOn\"", with: "\"period\": \"\(period)\", \"assessedOn\"")
        }
        return text
    }

    static func text(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    static func entries(_ path: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
    }

    @Test(arguments: [
        ("r.html", "<!DOCTYPE html>"), ("r.HTM", "<!DOCTYPE html>"), ("r.md", "# LAER gap analysis"), ("r.json", "{"),
        ("r.csv", "source,"), ("r.txt", "LAER gap analysis"), ("report", "LAER gap analysis"),
    ])
    func theFormatComesFromTheExtension(name: String, start: String) throws {
        let scratch = try Scratch()
        try scratch.write("a.json", Self.answers("Ada"))
        let out = scratch.path + "/" + name
        let run = CommandRun(["score", scratch.path + "/a.json", "--questionnaire", Self.mini, "--out", out])
        #expect(run.exitCode == .success, "\(run.errorOutput)")
        #expect(try Self.text(out).hasPrefix(start))
        #expect(run.output.isEmpty)
    }

    @Test func formatOverridesTheExtension() throws {
        let scratch = try Scratch()
        try scratch.write("a.json", Self.answers("Ada"))
        let out = scratch.path + "/r.html"
        let run = CommandRun(["score", scratch.path + "/a.json", "--questionnaire", Self.mini, "--out", out, "-f", "markdown"])
        #expect(run.exitCode == .success)
        #expect(try Self.text(out).hasPrefix("# LAER gap analysis"))
    }

    @Test func anExtensionThatNamesNoFormatIsUsage() throws {
        let scratch = try Scratch()
        try scratch.write("a.json", Self.answers("Ada"))
        let run = CommandRun(["score", scratch.path + "/a.json", "--questionnaire", Self.mini, "--out", scratch.path + "/r.pdf"])
        #expect(run.exitCode == .usage)
        #expect(run.errorOutput.contains("\".pdf\" names no report format; end the name in .html, .md, .json, .csv or .txt"))
        #expect(Self.entries(scratch.path) == ["a.json"])
    }

    @Test func severalInputsIntoOneFileAreUsageAndNothingIsWritten() throws {
        let scratch = try Scratch()
        try scratch.write("in/a.json", Self.answers("Ada"))
        try scratch.write("in/b.json", Self.answers("Ben"))
        for inputs in [[scratch.path + "/in/a.json", scratch.path + "/in/b.json"], [scratch.path + "/in"]] {
            let run = CommandRun(["score"] + inputs + ["--questionnaire", Self.mini, "--out", scratch.path + "/all.html"])
            #expect(run.exitCode == .usage)
            #expect(run.errorOutput.contains("--out \(scratch.path)/all.html names one file, but"))
            #expect(run.errorOutput.contains("such as --out all/"))
            #expect(Self.entries(scratch.path) == ["in"])
        }
    }

    @Test func aWideExportOfSeveralRespondentsIntoOneFileIsUsage() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("laer-\(UUID().uuidString).html").path
        let run = CommandRun(["score", TestFiles.fixture("wide-mini.csv").path, "--questionnaire", Self.mini, "--out", out])
        #expect(run.exitCode == .usage)
        #expect(run.errorOutput.contains("but the 3 assessments of"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func severalInputsWriteOneReportEachNamedByOrganizationAndPeriod() throws {
        let scratch = try Scratch()
        try scratch.write("in/resp04.json", Self.answers("Ada Lovelace"))
        try scratch.write("in/resp05.json", Self.answers("Ben Okafor", organization: "Globex", period: nil))
        let out = scratch.path + "/reports"
        let run = CommandRun([
            "score", scratch.path + "/in/resp04.json", scratch.path + "/in/resp05.json", "--questionnaire", Self.mini, "--out",
            out, "-f", "html",
        ])
        #expect(run.exitCode == .success, "\(run.errorOutput)")
        #expect(Self.entries(out) == ["Acme-2026-Q1-Ada-Lovelace.html", "Globex-Ben-Okafor.html", "summary.csv"])
        let summary = try CSVReader.parse(try Self.text(out + "/summary.csv"))
        #expect(summary.map { $0.fields[0] } == ["report", "Acme-2026-Q1-Ada-Lovelace.html", "Globex-Ben-Okafor.html"])
    }

    @Test func oneInputIntoADirectoryWritesItsReportAndASummary() throws {
        let scratch = try Scratch()
        try scratch.write("a.json", Self.answers("Ada"))
        for out in [scratch.path + "/new/", scratch.path] {
            let run = CommandRun([
                "score", scratch.path + "/a.json", "--questionnaire", Self.mini, "--out", out, "-f", "markdown",
            ])
            #expect(run.exitCode == .success, "\(run.errorOutput)")
            #expect(Self.entries(out).contains("Acme-2026-Q1-Ada.md") && Self.entries(out).contains("summary.csv"))
        }
    }

    @Test func aWideExportOfSeveralRespondentsAsHTMLOnStandardOutputIsUsage() {
        let run = CommandRun(["score", TestFiles.fixture("wide-mini.csv").path, "--questionnaire", Self.mini, "-f", "html"])
        #expect(run.exitCode == .usage && run.output.isEmpty)
        #expect(run.errorOutput.hasPrefix("laer: several HTML reports cannot follow each other on standard output"))
    }

    @Test func severalHTMLReportsOnStandardOutputAreUsage() throws {
        let scratch = try Scratch()
        try scratch.write("in/a.json", Self.answers("Ada"))
        try scratch.write("in/b.json", Self.answers("Ben", organization: "Globex"))
        let run = CommandRun(["score", scratch.path + "/in", "--questionnaire", Self.mini, "-f", "html"])
        #expect(run.exitCode == .usage && run.output.isEmpty)
        #expect(run.errorOutput.hasPrefix("laer: several HTML reports cannot follow each other on standard output"))
        // Merged, the two organizations are two reports: found only once merged, and still refused.
        let merged = CommandRun([
            "score", scratch.path + "/in", "--questionnaire", Self.mini, "-f", "html", "--by", "organization",
        ])
        #expect(merged.exitCode == .usage && merged.output.isEmpty)
        // One organization merged is one report.
        try scratch.write("in/b.json", Self.answers("Ben"))
        let one = CommandRun(["score", scratch.path + "/in", "--questionnaire", Self.mini, "-f", "html", "--by", "organization"])
        #expect(one.exitCode == .success)
        #expect(one.output.components(separatedBy: "<!DOCTYPE html>").count == 2)
    }

    @Test func anonymisedNamesArePaddedAndStableWithASaltFile() throws {
        let scratch = try Scratch()
        for index in 1...12 { try scratch.write(String(format: "in/r%02d.json", index), Self.answers("Person \(index)")) }
        let salt = scratch.path + "/private/salt"
        func run() -> CommandRun {
            CommandRun([
                "score", scratch.path + "/in", "--questionnaire", Self.mini, "--anonymize", "--salt-file", salt, "-f", "csv",
            ])
        }
        try FileManager.default.createDirectory(atPath: scratch.path + "/private", withIntermediateDirectories: true)
        let first = run()
        #expect(first.exitCode == .success, "\(first.errorOutput)")
        let rows = try CSVReader.parse(first.output).dropFirst()
        #expect(rows.map { $0.fields[0] } == (1...12).map { String(format: "input-%02d", $0) })
        #expect(rows.allSatisfy { $0.fields[1].hasPrefix("Respondent ") } && !first.output.contains("Person"))
        let saltText = try Self.text(salt)
        #expect(saltText.count == 17 && saltText.hasSuffix("\n"))
        #expect(try FileManager.default.attributesOfItem(atPath: salt)[.posixPermissions] as? Int == 0o600)
        #expect(run().output == first.output)
        try "not a salt\n".write(toFile: salt, atomically: true, encoding: .utf8)
        let bad = run()
        #expect(bad.exitCode == .dataError)
        #expect(bad.errorOutput.contains("\(salt): is not a salt file"))
    }

    @Test func anonymizeKeepsRolesUnlessAskedToDropThem() throws {
        let scratch = try Scratch()
        try scratch.write(
            "a.json",
            Self.answers("Ada").replacingOccurrences(of: "\"name\": \"Ada\"", with: "\"name\": \"Ada\", \"role\": \"CFO\""))
        let kept = CommandRun(["score", scratch.path + "/a.json", "--questionnaire", Self.mini, "--anonymize", "-f", "csv"])
        #expect(kept.output.contains(",CFO,") && !kept.output.contains("Ada"))
        let dropped = CommandRun([
            "score", scratch.path + "/a.json", "--questionnaire", Self.mini, "--anonymize", "--drop-roles", "-f", "csv",
        ])
        #expect(!dropped.output.contains("CFO"))
        let alone = CommandRun(["score", scratch.path + "/a.json", "--questionnaire", Self.mini, "--drop-roles"])
        #expect(alone.exitCode == .usage && alone.errorOutput.contains("--drop-roles goes with --anonymize"))
    }

    @Test func aBlankAssessmentIsWarnedAbout() throws {
        let scratch = try Scratch()
        let template = CommandRun(["template", "--questionnaire", Self.mini], today: "2026-12-02")
        try scratch.write("blank.json", template.output)
        let one = CommandRun(["score", scratch.path + "/blank.json", "--questionnaire", Self.mini])
        #expect(one.exitCode == .success)
        #expect(one.errorOutput == "\(scratch.path)/blank.json: warning: \(ScoreResult.blankMessage)\n")
        try scratch.write("full.json", Self.answers("Ada"))
        let batch = CommandRun(["score", scratch.path, "--questionnaire", Self.mini, "-f", "json"])
        #expect(batch.errorOutput.hasPrefix("\(scratch.path)/blank.json: warning: nothing is answered"))
        let merged = CommandRun(["score", scratch.path + "/blank.json", "--questionnaire", Self.mini, "--by", "organization"])
        #expect(merged.errorOutput.hasPrefix("(no organization): warning: \(ScoreResult.blankMessage)\n"))
        #expect(!batch.errorOutput.contains("full.json"))
    }
}
