import Foundation
import LAERTestSupport
import Testing

@testable import LAERFormats

/// Every `laer` command in the README's shell blocks runs, in order, in a directory holding the
/// files they name, and its sample output is what `laer` prints: the README cannot drift.
@Suite struct ReadmeTests {
    static let readme = TestFiles.packageDirectory.appendingPathComponent("README.md")
    static let examples = URL(fileURLWithPath: TestFiles.examples)

    /// The commands of the README's `sh` blocks that start with `laer`, without their comments.
    static func commands(in text: String) -> [String] {
        var commands: [String] = []
        var inShell = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") {
                inShell = line == "```sh"
                continue
            }
            guard inShell, line.hasPrefix("laer ") else { continue }
            // A comment starts after two spaces; no command of the README has "  #" inside quotes.
            let command = line.range(of: "  #").map { line[..<$0.lowerBound] } ?? line[...]
            commands.append(String(command).trimmingCharacters(in: .whitespaces))
        }
        return commands
    }

    @Test func commandsAreTheLinesOfShellBlocksThatStartWithLaer() {
        let text =
            "```sh\nlaer a   # one\ncp x y\n  laer indented\n```\nlaer prose\n```text\nlaer out\n```\n"
            + "```sh\nlaer b 'x  y'\n```\n"
        #expect(Self.commands(in: text) == ["laer a", "laer b 'x  y'"])
    }

    /// An answer file of an example company under another organization, person and period.
    static func answers(
        _ example: String, organization: String, name: String, period: String, assessedOn: String, in directory: URL,
        as path: String
    ) throws {
        var text = try String(contentsOf: examples.appendingPathComponent(example), encoding: .utf8)
        let document = try #require(try JSONParser.parse(text).objectValue)
        let respondent = try #require(document["respondent"]?.objectValue)
        for (key, value) in [("organization", organization), ("name", name)] {
            let old = try #require(respondent[key]?.stringValue)
            text = text.replacingOccurrences(of: "\"\(old)\"", with: "\"\(value)\"")
        }
        let oldPeriod = try #require(document["period"]?.stringValue)
        let oldDate = try #require(document["assessedOn"]?.stringValue)
        text = text.replacingOccurrences(of: "\"period\": \"\(oldPeriod)\"", with: "\"period\": \"\(period)\"")
        text = text.replacingOccurrences(of: "\"assessedOn\": \"\(oldDate)\"", with: "\"assessedOn\": \"\(assessedOn)\"")
        let file = directory.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: file, atomically: true, encoding: .utf8)
    }

    /// A survey tool's export: one respondent per row, with a tool's column names.
    static func wideExport(_ examples: [String], organizations: [String]) throws -> String {
        var rows: [[String]] = []
        var ids: [String] = []
        for (index, example) in examples.enumerated() {
            let text = try String(contentsOf: Self.examples.appendingPathComponent(example), encoding: .utf8)
            let answers = try #require(try JSONParser.parse(text).objectValue?["answers"]?.objectValue)
            if ids.isEmpty { ids = answers.keys }
            let ratings = ids.map { answers[$0]?.objectValue?["rating"]?.stringValue ?? "" }
            rows.append(["Person \(index + 1)", organizations[index], "2026-11-2\(index)", "2026-Q4"] + ratings)
        }
        return CSVWriter(lineEnd: "\r\n").text([["Full name", "Company", "Timestamp", "Period"] + ids] + rows)
    }

    /// The files the README's commands read and do not make themselves.
    static func makeFiles(in directory: URL) throws {
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent("Questionnaires"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: examples, to: directory.appendingPathComponent("Questionnaires/Examples"))
        let people = [
            ("northwind-experiment.json", "Acme", "Ada Lovelace"), ("contoso-effective.json", "Acme", "Ben Okafor"),
            ("fabrikam-efficient.json", "Globex", "Cleo Park"),
        ]
        for (quarter, date) in [("2026-Q2", "2026-05-04"), ("2026-Q3", "2026-08-03")] {
            let folder = quarter.lowercased()
            for (example, organization, name) in people {
                let file = "\(organization)-\(name.split(separator: " ")[0]).json".lowercased()
                try answers(
                    example, organization: organization, name: name, period: quarter, assessedOn: date, in: directory,
                    as: "interviews/\(folder)/\(file)")
                try answers(
                    example, organization: organization, name: name, period: quarter, assessedOn: date, in: directory,
                    as: (quarter == "2026-Q2" ? "last-quarter/" : "this-quarter/") + file)
            }
        }
        let acme = [
            ("2026-q2", "northwind-experiment.json", "2026-05-04"), ("2026-q3", "contoso-effective.json", "2026-08-03"),
            ("2026-q4", "contoso-effective.json", "2026-11-02"), ("2026-q4-plan", "fabrikam-efficient.json", "2026-11-30"),
        ]
        for (suffix, example, date) in acme {
            try answers(
                example, organization: "Acme", name: "Ada Lovelace", period: String(suffix.prefix(7)).uppercased(),
                assessedOn: date, in: directory, as: "acme-\(suffix).json")
        }
        // What the HTML form's "Download answers" names the file it writes.
        try answers(
            "contoso-effective.json", organization: "Acme", name: "Ada Lovelace", period: "2026-Q4", assessedOn: "2026-11-02",
            in: directory, as: "acme-ada-lovelace-2026-q4.json")
        let examples = ["northwind-experiment.json", "contoso-effective.json", "fabrikam-efficient.json"]
        for index in 0..<6 {
            try answers(
                examples[index % 3], organization: "Client \(index + 1)", name: "Person \(index + 1)", period: "2026-Q3",
                assessedOn: "2026-08-1\(index)", in: directory, as: "clients/client-\(index + 1).json")
        }
        let export = try wideExport(examples, organizations: ["Acme", "Globex", "Initech"])
        for name in ["export.csv", "survey-export.csv"] {
            try export.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
    }

    @Test func everyCommandOfTheReadmeRuns() throws {
        let commands = Self.commands(in: try String(contentsOf: Self.readme, encoding: .utf8))
        #expect(commands.count > 30)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("laer-readme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Self.makeFiles(in: directory)
        let binaries = BinaryTests.binary.deletingLastPathComponent().path
        for command in commands {
            let result = try Subprocess.run(
                "/bin/sh", ["-c", command],
                environment: ["PATH": "\(binaries):/usr/bin:/bin", "HOME": directory.path, "LANG": "C.UTF-8"],
                directory: directory.path)
            // A regression gate may fail its check; anything else must succeed.
            let allowed: Set<Int32> = command.contains("--fail-on-regression") ? [0, 1] : [0]
            #expect(allowed.contains(result.status), "\(command) exited \(result.status): \(result.errorOutput)")
        }
    }

    @Test func theSampleReportIsWhatLaerPrints() throws {
        let text = try String(contentsOf: Self.readme, encoding: .utf8)
        let command = "laer score Questionnaires/Examples/northwind-experiment.json"
        let intro = try #require(text.range(of: "`\(command)` begins:\n\n```text\n"))
        let end = try #require(text.range(of: "\n```", range: intro.upperBound..<text.endIndex))
        let sample = text[intro.upperBound..<end.lowerBound]
        let result = try BinaryTests.run(["score", Self.examples.appendingPathComponent("northwind-experiment.json").path])
        #expect(result.status == 0)
        // Each run of lines between the README's "…" is in the report, in order.
        var rest = result.output[...]
        for chunk in sample.components(separatedBy: "\n  …\n") {
            let found = rest.range(of: chunk)
            #expect(found != nil, "the README's sample says\n\(chunk)\nbut laer prints\n\(result.output)")
            if let found { rest = rest[found.upperBound...] }
        }
    }
}
