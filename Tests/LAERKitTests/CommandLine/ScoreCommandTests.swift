import Foundation
import LAERTestSupport
import Testing

@testable import LAERCommandLine
@testable import LAERDocuments
@testable import LAERFormats
@testable import LAERReports
@testable import LAERScoring
@testable import LAERSystem
@testable import LAERValues

@Suite struct ScoreCommandTests {
    static var mini: String { TestFiles.fixture("mini-questionnaire.json").path }
    static var answers: String { TestFiles.fixture("answers-mini.json").path }

    @Test func scoresAnAnswerFileInEveryFormat() throws {
        let (result, questionnaire) = try ReportGoldenTests.result()
        let renderers: [(String, any ReportRenderer<ScoreResult>)] = [
            ("text", TextReport()), ("markdown", MarkdownReport()), ("csv", CSVReport()), ("html", HTMLReport()),
        ]
        for (format, renderer) in renderers {
            var expected = result
            expected.source = Self.answers
            let run = CommandRun(["score", Self.answers, "--questionnaire", Self.mini, "--format", format])
            #expect(run.exitCode == .success, "\(format): \(run.errorOutput)")
            #expect(run.output == renderer.render(expected, questionnaire: questionnaire), "\(format)")
        }
        let json = CommandRun(["score", Self.answers, "--questionnaire", Self.mini, "-f", "json"])
        let document = try #require(try JSONParser.parse(json.output).objectValue)
        #expect(document["schema"] == .string("laer-result/1"))
        #expect(document["overall"]?.objectValue?["phase"] == .string("laer-experiment"))
    }

    @Test func readsStandardInputAndHonoursTarget() throws {
        let run = CommandRun(
            ["score", "-", "--questionnaire", Self.mini, "--target", "laer-efficient", "--format", "json"],
            stdin: try TestFiles.fixtureText("answers-mini.json"))
        #expect(run.exitCode == .success)
        let document = try #require(try JSONParser.parse(run.output).objectValue)
        #expect(document["target"] == .string("laer-efficient"))
        #expect(document["source"] == .string("<stdin>"))
    }

    @Test func writesTheReportToAFileWithOut() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("laer-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("report.md").path
        let run = CommandRun(["score", Self.answers, "--questionnaire", Self.mini, "--format", "markdown", "--out", path])
        #expect(run.exitCode == .success)
        #expect(run.output.isEmpty)
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("# LAER gap analysis: Zoë Müller"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["report.md"])

        // Directories not yet made are made, as for a batch's --out; under a plain file none can be.
        let nested = directory.appendingPathComponent("a/b/r.txt").path
        #expect(CommandRun(["score", Self.answers, "--questionnaire", Self.mini, "--out", nested]).exitCode == .success)
        #expect(try String(contentsOfFile: nested, encoding: .utf8).contains("Zoë Müller"))
        let underAFile = CommandRun([
            "score", Self.answers, "--questionnaire", Self.mini, "--out",
            directory.appendingPathComponent("report.md/r.txt").path,
        ])
        #expect(underAFile.exitCode == .cannotCreate)
        #expect(
            underAFile.errorOutput == "\(directory.path)/report.md: cannot be created (Not a directory)\n")
    }

    /// A report file is plain text whatever the terminal and `--color` say: colour codes are for a
    /// screen.
    ///
    /// The same command line without `--out` is coloured, so the file is plain because it is one.
    @Test(arguments: [["--color", "always"], ["--color", "auto"], []])
    func aTextReportWrittenWithOutHasNoColourCodes(color: [String]) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("laer-plain-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let arguments = ["score", Self.answers, "--questionnaire", Self.mini, "--format", "text"] + color

        #expect(CommandRun(arguments, outputIsTerminal: true, errorIsTerminal: true).output.contains("\u{1B}["))

        let path = directory.appendingPathComponent("report.txt").path
        let run = CommandRun(arguments + ["--out", path], outputIsTerminal: true, errorIsTerminal: true)
        #expect(run.exitCode == .success, "\(run.errorOutput)")
        #expect(run.output.isEmpty)
        let bytes = try #require(FileManager.default.contents(atPath: path))
        #expect(!bytes.contains(0x1B), "the report file holds an escape sequence")
        var (expected, questionnaire) = try ReportGoldenTests.result()
        expected.source = Self.answers
        #expect(String(decoding: bytes, as: UTF8.self) == TextReport().render(expected, questionnaire: questionnaire))

        // Several inputs into a directory: every report file there is plain too.
        let inputs = directory.appendingPathComponent("in")
        let reports = directory.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
        for name in ["a.json", "b.json"] {
            try FileManager.default.copyItem(atPath: Self.answers, toPath: inputs.appendingPathComponent(name).path)
        }
        let batch = CommandRun(
            ["score", inputs.path, "--questionnaire", Self.mini, "--out", reports.path] + color, outputIsTerminal: true)
        #expect(batch.exitCode == .success, "\(batch.errorOutput)")
        let written = try FileManager.default.contentsOfDirectory(atPath: reports.path).sorted()
        #expect(written.filter { $0.hasSuffix(".txt") }.count == 2, "\(written)")
        for name in written {
            let file = try #require(FileManager.default.contents(atPath: reports.appendingPathComponent(name).path))
            #expect(!file.contains(0x1B), "\(name) holds an escape sequence")
        }
    }

    @Test func badAnswersExit65NamingTheFileThePlaceAndTheClosestValue() throws {
        let text = try TestFiles.fixtureText(
            "answers-mini.json", replacing: [(#""k3": {"rating": "largely"}"#, #""k3": {"rating": "mostly"}"#)])
        let run = CommandRun(["score", "-", "--questionnaire", Self.mini], stdin: text)
        #expect(run.exitCode == .dataError)
        #expect(
            run.errorOutput
                == "<stdin>: answers.k3.rating: \"mostly\" is not a rating; use not, partially, largely, fully or na (or N, P, L, F, 0–3)\n"
        )
        #expect(run.output.isEmpty)
    }

    @Test func answersForAnotherQuestionnaireExit65() {
        let run = CommandRun(["score", Self.answers])
        #expect(run.exitCode == .dataError)
        #expect(run.errorOutput.contains("these answers are for questionnaire \"mini\", not \"laer-efficient\""))
    }

    @Test func aMissingInputExits66AndBadUsage64() {
        #expect(CommandRun(["score", "/nonexistent.json"]).exitCode == .noInput)
        #expect(CommandRun(["score"]).exitCode == .usage)
        #expect(
            CommandRun(["score", "a.json", "--target", "laer-effectiv"]).errorOutput
                == "laer: 'laer-effectiv' is not a phase for --target (did you mean 'laer-effective'?); give 1–4, traditional, experiment, effective or efficient, or a phase id such as laer-effective; run 'laer score --help' for usage\n"
        )
    }

    /// A CSV sheet from `laer template`, filled by a script the way a spreadsheet saves it,
    /// scores exactly as the equivalent JSON answer file does.
    @Test func aFilledCSVSheetScoresTheSameAsTheEquivalentJSON() throws {
        let questionnaire = try QuestionnaireLoader.builtIn()
        let sheet = CommandRun(["template", "--format", "csv"]).output
        var rows = try CSVReader.parse(sheet).map(\.fields)
        let header = rows[0]
        let id = try #require(header.firstIndex(of: "id"))
        let rating = try #require(header.firstIndex(of: "rating"))
        let note = try #require(header.firstIndex(of: "note"))
        let spellings = ["Fully", "l", "2", "partially", "N", "0", "na", "F", "", "LARGELY"]
        var json = Assessment(blankFor: questionnaire, assessedOn: "2026-11-25")
        json.respondent = Respondent(name: "Zoë Müller", role: "CRO", organization: "Acme, Inc.")
        json.period = "2026-Q4"
        for index in rows.indices.dropFirst() {
            let rowID = rows[index][id]
            switch rowID {
            case "respondent.name": rows[index][rating] = "Zoë Müller"
            case "respondent.role": rows[index][rating] = "CRO"
            case "respondent.organization": rows[index][rating] = "Acme, Inc."
            case "assessedOn": rows[index][rating] = "2026-11-25"
            case "period": rows[index][rating] = "2026-Q4"
            case "placement.kpis":
                rows[index][rating] = "3"
                json.placements[.kpis] = .laerEffective
            case "roadsign.adoption-funded-at-scale":
                rows[index][rating] = "yes"
                json.roadSigns["adoption-funded-at-scale"] = true
            default:
                guard let position = questionnaire.capabilities.firstIndex(where: { $0.id == rowID }) else { continue }
                let spelling = spellings[position % spellings.count]
                rows[index][rating] = spelling
                if position % 7 == 0 { rows[index][note] = "Seen in Q3, \"mostly\"; ask Zoë." }
                if let value = Rating(reading: spelling) {
                    json.answers[rowID] = Answer(value, note: position % 7 == 0 ? "Seen in Q3, \"mostly\"; ask Zoë." : nil)
                }
            }
        }
        let filled = CSVWriter(lineEnd: "\r\n", byteOrderMark: true).bytes(rows)
        let fromSheet = try AnswerLoader.load(InputFile(displayName: "sheet.csv", bytes: filled), questionnaire: questionnaire)
        #expect(fromSheet == json)
        let scorer = Scorer(questionnaire: questionnaire)
        let sheetResult = scorer.score(fromSheet, source: "x")
        #expect(sheetResult == scorer.score(json, source: "x"))
        #expect(sheetResult.gaps.count > 10 && !sheetResult.toVerify.isEmpty)
    }
}

@Suite struct TemplateCommandTests {
    @Test func templatesInEachFormatMatchTheRenderers() throws {
        let questionnaire = try QuestionnaireLoader.builtIn()
        let output = CapturedText()
        let context = CommandContext(
            output: output, errorOutput: CapturedText(), readStandardInput: { () throws(LoadError) -> [UInt8] in [] },
            environment: [:], outputIsTerminal: false, inputIsTerminal: false, today: { "2026-01-31" })
        #expect(CommandRegistry.run(["template"], in: context) == .success)
        #expect(output.text == AnswerTemplate.json(for: questionnaire, today: "2026-01-31"))
        #expect(CommandRun(["template", "-f", "markdown"]).output == AnswerTemplate.markdown(for: questionnaire))
        #expect(
            Array(CommandRun(["template", "-f", "csv"], today: "2026-01-31").output.utf8)
                == AnswerSheet.template(for: questionnaire, today: "2026-01-31"))
    }

    @Test func theBlankTemplateValidatesAndScoresAsNothingAnswered() throws {
        let template = CommandRun(["template"]).output
        let validate = CommandRun(["validate", "-"], stdin: template)
        #expect(validate.exitCode == .success)
        #expect(
            validate.output.hasPrefix(
                "<stdin>: valid answer file for laer-efficient \(try QuestionnaireLoader.builtIn().version) (0 of "))
        let score = CommandRun(["score", "-", "-f", "json"], stdin: template)
        #expect(score.exitCode == .success)
        #expect(
            try JSONParser.parse(score.output).objectValue?["overall"]?.objectValue?["phase"]
                == .string("traditional-transactional"))
    }
}
