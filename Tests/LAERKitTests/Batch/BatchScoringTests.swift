import Foundation
import LAERTestSupport
import Testing

@testable import LAERBatch
@testable import LAERCommandLine
@testable import LAERDocuments
@testable import LAERFormats
@testable import LAERReports
@testable import LAERSurvey
@testable import LAERSystem
@testable import LAERValues

/// `laer score` over many inputs: directories, sheets, exports, bad files, stdin, `--out`,
/// `--by organization` and `--anonymize`, all on the mini questionnaire so results can be checked by hand.
@Suite struct BatchScoringTests {
    static let mini = TestFiles.fixture("mini-questionnaire.json").path
    static let ids = ["k2", "k3", "k4", "p2", "p3", "p4", "c2", "c3", "c4", "o2", "o3", "o4", "s2", "s3", "s4"]

    typealias Scratch = ScratchDirectory

    static func answers(name: String?, organization: String?, _ ratings: [String: String]) -> String {
        var respondent: [String] = []
        if let name { respondent.append("\"name\": \(quoted(name))") }
        if let organization { respondent.append("\"organization\": \(quoted(organization))") }
        let answers = ratings.sorted { $0.key < $1.key }.map { "\"\($0.key)\": \"\($0.value)\"" }.joined(separator: ", ")
        return """
            {"schema": "laer-answers/1", "questionnaire": {"id": "mini", "version": "1.0.0"},
             "respondent": {\(respondent.joined(separator: ", "))}, "assessedOn": "2026-11-25", "answers": {\(answers)}}
            """
    }

    static func quoted(_ text: String) -> String { JSONWriter().string(from: .string(text)) }

    static func allFully(except overrides: [String: String] = [:]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: ids.map { ($0, overrides[$0] ?? "fully") })
    }

    static func jsonLines(_ text: String) throws -> [JSONObject] {
        try text.split(separator: "\n").map { try #require(try JSONParser.parse(String($0)).objectValue) }
    }

    @Test func aMixedDirectoryIsScoredInStableOrderAndBadInputsAreReportedAtTheEnd() throws {
        let scratch = try Scratch()
        try scratch.write("b.json", Self.answers(name: "Bea", organization: "Acme", Self.allFully()))
        try scratch.write("nested/a.json", Self.answers(name: "Al", organization: "Acme", Self.allFully(except: ["k2": "not"])))
        try scratch.write("broken.json", #"{"schema": "laer-answers/1", "answers": {"k2": "fully"#)
        try scratch.write("notes.txt", "not an input: only .json and .csv are read from a directory")
        try scratch.write(
            "export.csv",
            "respondent,organization,assessedOn,k2,k3,p2,comments\r\nCy,Beta,2026-11-20,F,L,maybe,x\r\nDi,Beta,2026-11-21,N,,2,y\r\n"
        )
        let sheet = CommandRun(["template", "-f", "csv", "--questionnaire", Self.mini], today: "2026-11-24").output
        try scratch.write("sheet.csv", sheet)

        let run = CommandRun(["score", scratch.path, "--questionnaire", Self.mini, "--format", "json"])
        #expect(run.exitCode == .dataError)
        let lines = try Self.jsonLines(run.output)
        let sources = lines.compactMap { $0["source"]?.stringValue }
        #expect(
            sources == [
                "\(scratch.path)/b.json", "\(scratch.path)/export.csv, row 3", "\(scratch.path)/nested/a.json",
                "\(scratch.path)/sheet.csv",
            ])
        #expect(run.errorOutput.contains("\(scratch.path)/broken.json: line 1, column "))
        #expect(run.errorOutput.contains("\(scratch.path)/export.csv: row 2, column p2: \"maybe\" is not a rating"))
        #expect(
            run.errorOutput.contains(
                "\(scratch.path)/export.csv: row 1, column comments: warning: unknown column \"comments\" is ignored"))
        #expect(run.errorOutput.hasSuffix("scored 4 of 6; 2 bad inputs\n"))
    }

    @Test func manyResultsComeAsJSONLinesCSVRowsOrReportsOneAfterAnother() throws {
        let scratch = try Scratch()
        try scratch.write("one.json", Self.answers(name: "One", organization: "Acme", Self.allFully()))
        try scratch.write("two.json", Self.answers(name: "Two", organization: "Acme", Self.allFully(except: ["c2": "partially"])))
        let json = CommandRun(["score", scratch.path, "--questionnaire", Self.mini, "-f", "json"])
        #expect(json.exitCode == .success)
        #expect(try Self.jsonLines(json.output).count == 2)
        #expect(json.errorOutput == "scored 2 of 2\n")
        let csv = try CSVReader.parse(CommandRun(["score", scratch.path, "--questionnaire", Self.mini, "-f", "csv"]).output)
        #expect(csv.map { $0.fields[1] } == ["respondent", "One", "Two"])
        let text = CommandRun(["score", "\(scratch.path)/one.json", "\(scratch.path)/two.json", "--questionnaire", Self.mini])
            .output
        #expect(text.components(separatedBy: "LAER gap analysis: ").count == 3)
        #expect(text.contains(String(repeating: "─", count: 80)))
    }

    @Test func standardInputIsOneInputAmongOthers() throws {
        let scratch = try Scratch()
        try scratch.write("file.json", Self.answers(name: "File", organization: nil, Self.allFully()))
        let run = CommandRun(
            ["score", "-", "\(scratch.path)/file.json", "--questionnaire", Self.mini, "-f", "json"],
            stdin: Self.answers(name: "Piped", organization: nil, Self.allFully()))
        #expect(
            try Self.jsonLines(run.output).compactMap { $0["respondent"]?.objectValue?["name"]?.stringValue } == [
                "Piped", "File",
            ])
    }

    @Test func outWritesSafeUniqueFilesAndASummaryWhateverTheNames() throws {
        let scratch = try Scratch()
        for (file, name) in [
            ("a.json", "../../x"), ("b.json", "a/b"), ("c.json", ""), ("d.json", "Zoë Müller"), ("e.json", "Zoë Müller"),
        ] {
            try scratch.write("in/\(file)", Self.answers(name: name.isEmpty ? nil : name, organization: "Acme", Self.allFully()))
        }
        let out = scratch.url.appendingPathComponent("reports/deep").path
        let run = CommandRun(["score", "\(scratch.path)/in", "--questionnaire", Self.mini, "-f", "markdown", "--out", out])
        #expect(run.exitCode == .success)
        let written = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        // Organization, then the respondent or, without one, the input's name (no period given).
        #expect(
            written == ["Acme-Zoë-Müller-2.md", "Acme-Zoë-Müller.md", "Acme-a-b.md", "Acme-c.md", "Acme-x.md", "summary.csv"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).sorted() == ["in", "reports"])
        let summary = try CSVReader.parse(try String(contentsOfFile: out + "/summary.csv", encoding: .utf8))
        #expect(summary.count == 6)
        #expect(summary[0].fields == ["report"] + CSVReport.header(try TestFiles.miniQuestionnaire()))
        #expect(summary[1].fields[0] == "Acme-x.md" && summary[1].fields[2] == "../../x")
        #expect(summary.dropFirst().map { $0.fields[0] }.sorted() == written.dropLast())
    }

    @Test func collidingNamesAllGetAReport() {
        var namer = ReportFileNamer()
        #expect(namer.name("report", extension: "md") == "report.md")
        #expect(namer.name("Report", extension: "md") == "Report-2.md")
        #expect(namer.name("report", extension: "md") == "report-3.md")
        #expect(namer.name("summary", extension: "csv") == "summary-2.csv")
        #expect(ReportFileNamer.safeStem("../../etc/passwd") == "etc-passwd")
        #expect(ReportFileNamer.safeStem("..") == "report")
        #expect(ReportFileNamer.safeStem("a..b") == "a-b")
        #expect(ReportFileNamer.safeStem("v1.2 final") == "v1.2-final")
        #expect(ReportFileNamer.safeStem(".hidden") == "hidden")
        #expect(ReportFileNamer.safeStem("a\u{0}b\nc") == "a-b-c")
        #expect(ReportFileNamer.safeStem(String(repeating: "x", count: 200)).count == 80)
    }

    @Test(arguments: [
        ("../../etc/passwd", "etc-passwd"), ("-rf --no-preserve-root", "rf-no-preserve-root"), ("...", "report"),
        ("a/b\\c", "a-b-c"), ("\u{202E}gpj.exe", "gpj.exe"), ("Zoë\u{1B}[2J Müller", "Zoë-2J-Müller"),
        ("a\u{200D}b\u{2066}c", "a-b-c"), ("C:\\Users\\x", "C-Users-x"), ("naïve café", "naïve-café"),
        ("e\u{301}", "e\u{301}"), ("\u{301}x", "x"), ("東京 株式会社", "東京-株式会社"), ("report.", "report"),
    ])
    func hostileNamesMakeSafeFileNames(name: String, stem: String) {
        #expect(ReportFileNamer.safeStem(name) == stem)
    }

    /// A name is bounded in bytes, whatever its script, so that it fits NAME_MAX with its counter and extension.
    @Test(arguments: [
        String(repeating: "日", count: 300), String(repeating: "é", count: 300), "e" + String(repeating: "\u{301}", count: 5_000),
        String(repeating: "𝔸", count: 300), String(repeating: "a-", count: 300),
    ])
    func longNamesFitNameMax(name: String) {
        var namer = ReportFileNamer()
        for _ in 0..<3 {
            let file = namer.name(name, extension: "html")
            #expect(file.utf8.count <= 255, "\(file.utf8.count) bytes")
            #expect(!file.hasPrefix(".") && !file.hasPrefix("-") && !file.contains("/"))
            #expect(file.unicodeScalars.allSatisfy { !SafeText.isControl($0) })
        }
    }

    @Test func manyReportsOfOneNameAreNumberedInTurn() {
        var namer = ReportFileNamer()
        let names = (0..<1_000).map { _ in namer.name("Acme", extension: "md") }
        #expect(Set(names.map { $0.lowercased() }).count == 1_000)
        #expect(names[0] == "Acme.md" && names[1] == "Acme-2.md" && names[999] == "Acme-1000.md")
    }

    @Test func anOutDirectoryThatCannotBeCreatedExits73() throws {
        let scratch = try Scratch()
        try scratch.write("a.json", Self.answers(name: "A", organization: nil, Self.allFully()))
        try scratch.write("b.json", Self.answers(name: "B", organization: nil, Self.allFully()))
        try scratch.write("blocker", "a file where the directory should go")
        let run = CommandRun(["score", scratch.path, "--questionnaire", Self.mini, "--out", "\(scratch.path)/blocker/reports"])
        #expect(run.exitCode == .cannotCreate)
        #expect(run.errorOutput.hasPrefix("\(scratch.path)/blocker/reports: cannot be created"))
    }

    /// Acme: Al rates k2 fully and k3 not, Bea k2 partially and k3 largely, Cy k2 N/A; everything
    /// else fully.
    ///
    /// Merged k2 = (1 + 1/3) / 2 = 2/3 and k3 = (0 + 2/3) / 2 = 1/3, so KPIs reach
    /// LAER Experiment (2/3 ≥ 0.5) without consolidating it, index 1 + 2/3 + 1/3 + 1 = 3; the rest are
    /// LAER Efficient with index 4, overall (3 + 4 × 4) / 5 = 3.8. Both k2 and k3 span two levels.
    @Test func byOrganizationMergesRespondentsByTheContractsRule() throws {
        let scratch = try Scratch()
        try scratch.write(
            "al.json", Self.answers(name: "Al", organization: "Acme", Self.allFully(except: ["k2": "fully", "k3": "not"])))
        try scratch.write(
            "bea.json",
            Self.answers(name: "Bea", organization: "Acme", Self.allFully(except: ["k2": "partially", "k3": "largely"])))
        try scratch.write("cy.json", Self.answers(name: "Cy", organization: "Acme", ["k2": "na"]))
        try scratch.write("solo.json", Self.answers(name: "Solo", organization: "Beta", Self.allFully()))
        let run = CommandRun(["score", scratch.path, "--questionnaire", Self.mini, "--by", "organization", "-f", "json"])
        #expect(run.exitCode == .success)
        let results = try Self.jsonLines(run.output)
        #expect(results.count == 2)
        let acme = results[0]
        #expect(acme["respondent"] == .object(JSONObject(["organization": .string("Acme")])))
        #expect(acme["respondents"] == .number(3))
        #expect(acme["disagreement"] == .array([.string("k2"), .string("k3")]))
        let overall = try #require(acme["overall"]?.objectValue)
        #expect(overall["phase"] == .string("laer-experiment"))
        #expect(abs((overall["index"].flatMap { if case .number(let value) = $0 { value } else { nil } } ?? 0) - 3.8) < 1e-9)
        #expect(overall["limitedBy"] == .array([.string("kpis")]))
        let kpis = try #require(acme["markers"]?.arrayValue?.first?.objectValue)
        #expect(kpis["phase"] == .string("laer-experiment"))
        let attainment = try #require(kpis["attainment"]?.objectValue)
        #expect(
            attainment["laer-experiment"].flatMap {
                if case .number(let value) = $0 { abs(value - 2.0 / 3.0) < 1e-9 } else { false }
            } == true)
        #expect(
            attainment["laer-effective"].flatMap {
                if case .number(let value) = $0 { abs(value - 1.0 / 3.0) < 1e-9 } else { false }
            } == true)
        let gaps = try #require(acme["gaps"]?.arrayValue).compactMap { $0.objectValue }
        #expect(gaps.map { $0["capability"] } == [.string("k2"), .string("k3")])
        #expect(gaps.map { $0["rating"] } == [.string("largely"), .string("partially")])
        #expect(results[1]["respondents"] == .number(1) && results[1]["disagreement"] == .array([]))

        let text = CommandRun(["score", scratch.path, "--questionnaire", Self.mini, "--by", "organization"]).output
        #expect(text.hasPrefix("LAER gap analysis: Acme (3 respondents)"))
        #expect(text.contains("WHERE THE RESPONDENTS DISAGREE"))
    }

    @Test func anonymizeGivesTheSamePersonTheSamePseudonymAcrossFiles() throws {
        let scratch = try Scratch()
        try scratch.write("q1/zoe.json", Self.answers(name: "Zoë Müller", organization: "Acme", Self.allFully()))
        try scratch.write("q2/zoe.json", Self.answers(name: "  zoë müller ", organization: "Acme", Self.allFully()))
        try scratch.write("q2/max.json", Self.answers(name: "Max Weber", organization: "Acme", Self.allFully()))
        let run = CommandRun(["score", scratch.path, "--questionnaire", Self.mini, "--anonymize", "-f", "json"])
        let names = try Self.jsonLines(run.output).compactMap { $0["respondent"]?.objectValue?["name"]?.stringValue }
        #expect(names.count == 3)
        #expect(names[0] == names[2] && names[0] != names[1])
        #expect(names.allSatisfy { $0.hasPrefix("Respondent ") })
        #expect(!run.output.contains("Zoë") && !run.output.contains("zoe") && !run.output.contains("Weber"))
        let anonymizer = Anonymizer(salt: 1)
        #expect(anonymizer.pseudonym(forName: "A") != Anonymizer(salt: 2).pseudonym(forName: "A"))
        #expect(anonymizer.pseudonym(forName: "Zoë  Müller") == anonymizer.pseudonym(forName: "zoë müller"))
        let respondent = Respondent(name: "Zoë", role: "CRO", organization: "Acme")
        #expect(anonymizer.anonymized(respondent).role == "CRO")
        #expect(Anonymizer(salt: 1, dropsRoles: true).anonymized(respondent).role == nil)
    }

    @Test func aSaltFileHoldsSixteenHexDigitsAndReadsBack() {
        let anonymizer = Anonymizer(salt: 0xAB)
        #expect(anonymizer.saltFileText == "00000000000000ab\n")
        #expect(Anonymizer.salt(fromFile: anonymizer.saltFileText) == 0xAB)
        #expect(Anonymizer.salt(fromFile: " FFFFFFFFFFFFFFFF \r\n") == .max)
        #expect(Anonymizer.salt(fromFile: "ab") == nil && Anonymizer.salt(fromFile: "0000000000000g00") == nil)
    }

    @Test func aMissingInputIsReportedAndTheOthersStillScored() throws {
        let scratch = try Scratch()
        try scratch.write("a.json", Self.answers(name: "A", organization: nil, Self.allFully()))
        let run = CommandRun([
            "score", "\(scratch.path)/a.json", "\(scratch.path)/none.json", "--questionnaire", Self.mini, "-f", "json",
        ])
        #expect(run.exitCode == .noInput)
        #expect(try Self.jsonLines(run.output).count == 1)
        #expect(run.errorOutput.hasPrefix("\(scratch.path)/none.json: no such file"))
        #expect(run.errorOutput.hasSuffix("scored 1 of 2; 1 bad input\n"))
    }

    @Test func aLongBatchShowsProgressOnlyOnATerminal() throws {
        let scratch = try Scratch()
        let text = Self.answers(name: "A", organization: nil, Self.allFully())
        for index in 0..<300 { try scratch.write(String(format: "f%03d.json", index), text) }
        let terminal = CommandRun(["score", scratch.path, "--questionnaire", Self.mini, "-f", "csv"], errorIsTerminal: true)
        #expect(terminal.errorOutput.contains("\r\u{1B}[Kscoring: 256 of 300 inputs"))
        #expect(terminal.errorOutput.hasSuffix("\r\u{1B}[Kscored 300 of 300\n"))
        let pipe = CommandRun(["score", scratch.path, "--questionnaire", Self.mini, "-f", "csv"])
        #expect(pipe.errorOutput == "scored 300 of 300\n")
        #expect(pipe.output == terminal.output)
    }

    /// Directories are walked one folder at a time; the order is still the byte order of the
    /// whole paths, where a folder's files can come before or after its sibling files.
    @Test func aDirectoryIsWalkedInByteOrderOfItsPaths() throws {
        let scratch = try Scratch()
        let names = [
            "a-b.json", "a.json", "A.json", "ab.json", "a0.json", "a/x.json", "a/b.json", "a/b/c/z.json", "a/b/y.JSON",
            "a-b/q.json", "ab/r.json", "é.json", "é/e.json", "zz.csv.json", "a b.json", ".hidden/h.json", "a/.x.json",
            "notes.txt",
        ]
        for name in names { try scratch.write(name, Self.answers(name: nil, organization: nil, Self.allFully())) }
        let run = CommandRun(["score", scratch.path, scratch.path + "/a", "--questionnaire", Self.mini, "--format", "json"])
        #expect(run.exitCode == .success)
        let sources = try Self.jsonLines(run.output).map { $0["source"]?.stringValue ?? "" }
        let found = names.filter { !$0.hasPrefix(".") && !$0.contains("/.") && $0.lowercased().hasSuffix(".json") }
        let expected =
            found.map { scratch.path + "/" + $0 }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            + found.filter { $0.hasPrefix("a/") }.map { scratch.path + "/" + $0 }.sorted {
                $0.utf8.lexicographicallyPrecedes($1.utf8)
            }
        #expect(sources == expected)
        #expect(InputCollector.collect([scratch.path]).inputs.count == found.count)
    }

    @Test func groupsThousandsInTheSummary() {
        #expect(NumberFormat.grouped(1998) == "1,998")
        #expect(NumberFormat.grouped(100_000) == "100,000")
        #expect(NumberFormat.grouped(7) == "7")
        #expect(NumberFormat.grouped(-1_000) == "-1,000", "the sign is no digit to group")
        #expect(NumberFormat.grouped(-100) == "-100")
    }

    @Test func padsDigitsWithZeros() {
        #expect(NumberFormat.padded("999", width: 4) == "0999")
        #expect(NumberFormat.padded("12345", width: 4) == "12345", "never cut")
        #expect(NumberFormat.hex(0x1B) == "1B" && NumberFormat.hex(0x07) == "07")
        #expect(CalendarDate.iso(year: 999, month: 1, day: 5) == "0999-01-05")
        #expect(AssessmentPipeline.inputLabel(6, of: 120) == "input-007")
    }
}
