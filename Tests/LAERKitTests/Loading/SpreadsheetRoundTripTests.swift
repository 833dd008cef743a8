import Foundation
import LAERTestSupport
import Testing

@testable import LAERCommandLine
@testable import LAERDocuments
@testable import LAERFormats
@testable import LAERSystem
@testable import LAERValues

/// LibreOffice run headless, to check that a sheet survives a real spreadsheet.
enum LibreOffice {
    /// `soffice` on the `PATH`, or nil where LibreOffice is not installed (Debian: `libreoffice-calc-nogui`).
    static let path: String? = {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return directories.map { "\($0)/soffice" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// Converts `file` into `directory` with `arguments` before it, in a profile of its own so
    /// that parallel runs and a user's open LibreOffice do not collide; returns the new file.
    static func convert(_ file: URL, arguments: [String], extension: String, into directory: URL, profile: URL) throws -> URL {
        let soffice = try #require(path)
        let arguments =
            ["-env:UserInstallation=\(profile.absoluteString)", "--headless", "--norestore"]
            + arguments + ["--outdir", directory.path, file.path]
        let result = try Subprocess.run(soffice, arguments, timeout: 120)
        #expect(result.status != 128 + SIGKILL, "soffice took more than 120 s: \(arguments)")
        let logText = result.output + result.errorOutput
        let output = directory.appendingPathComponent(file.deletingPathExtension().lastPathComponent + "." + `extension`)
        #expect(result.status == 0, "soffice failed: \(logText)")
        #expect(FileManager.default.fileExists(atPath: output.path), "soffice wrote no \(output.lastPathComponent): \(logText)")
        return output
    }
}

@Suite struct SpreadsheetRoundTripTests {
    static let ratings = ["not", "P", "2", "fully", "na", "L", "0", "F", "partially", "3", "NA", "largely", "n", "1"]
    static let notes = [
        "Zoë's team, in Zürich, says \"mostly\"",
        "Only for the top 20 accounts; the rest: not yet",
        "Première étape faite — 東京 next",
        "Two lines:\nthe second one, with a comma",
        "-ish, according to the CFO",
    ]

    /// The built-in questionnaire's template filled as a user would in a spreadsheet: every
    /// capability rated (words, letters, digits, na), some notes, placements, road signs.
    static func filledSheet(for questionnaire: Questionnaire) throws -> [UInt8] {
        var values: [String: String] = [
            "respondent.name": "Zoë Müller", "respondent.role": "Directrice des ventes, EMEA",
            "respondent.organization": "Société Générale d'Études", "assessedOn": "2026-11-25", "period": "2026-Q4",
            "placement.kpis": "2", "placement.practices": "3", "placement.compensation": "LAER Experiment",
            "placement.organization": "1", "placement.culture": "laer-effective",
        ]
        var notes: [String: String] = [:]
        for (index, capability) in questionnaire.capabilities.enumerated() {
            values[capability.id] = ratings[index % ratings.count]
            if index % 4 == 1 { notes[capability.id] = Self.notes[(index / 4) % Self.notes.count] }
        }
        for (index, sign) in questionnaire.roadSigns.enumerated() {
            values["roadsign.\(sign.id)"] = ["yes", "no", "Yes", "NO", "y"][index % 5]
        }
        var rows = try CSVReader.parse(AnswerSheet.template(for: questionnaire)).map(\.fields)
        for index in rows.indices.dropFirst() {
            let id = rows[index][0]
            if let value = values[id] { rows[index][4] = value }
            if let note = notes[id] { rows[index][5] = note }
        }
        return CSVWriter(byteOrderMark: true).bytes(rows)
    }

    @Test(
        .enabled(if: LibreOffice.path != nil, "needs LibreOffice: apt-get install libreoffice-calc-nogui"),
        .timeLimit(.minutes(5)))
    func libreOfficeKeepsAFilledSheetIntact() throws {
        let questionnaire = try QuestionnaireLoader.builtIn()
        let original = try AnswerSheet.load(
            InputFile(displayName: "answers.csv", bytes: Self.filledSheet(for: questionnaire)), questionnaire: questionnaire)
        #expect(original.answers.count == questionnaire.capabilities.count)
        #expect(original.answers.values.contains { $0.note?.contains("\n") == true })
        #expect(original.placements.count == 5)
        #expect(original.roadSigns.count == questionnaire.roadSigns.count)

        let work = FileManager.default.temporaryDirectory.appendingPathComponent("laer-libreoffice-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        let sheet = work.appendingPathComponent("csv-in/answers.csv")
        let profile = work.appendingPathComponent("profile")
        for folder in ["csv-in", "xlsx", "csv-out"] {
            try FileManager.default.createDirectory(at: work.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try Data(Self.filledSheet(for: questionnaire)).write(to: sheet)

        // 44 comma, 34 double quote, 76 UTF-8, 1 first line: what the import dialog offers for our sheet.
        let xlsx = try LibreOffice.convert(
            sheet, arguments: ["--infilter=CSV:44,34,76,1", "--convert-to", "xlsx"], extension: "xlsx",
            into: work.appendingPathComponent("xlsx"), profile: profile)
        let exported = try LibreOffice.convert(
            xlsx, arguments: ["--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1"], extension: "csv",
            into: work.appendingPathComponent("csv-out"), profile: profile)

        let bytes = Array(try Data(contentsOf: exported))
        // LibreOffice writes its own CSV (no byte order mark, LF, text quoted), not a copy of ours.
        #expect(!bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        let result = AnswerSheet.read(InputFile(displayName: "exported.csv", bytes: bytes), questionnaire: questionnaire)
        #expect(result.problems == [])
        #expect(result.assessment == original)
    }

    /// A sheet as LibreOffice Calc 7.4 saves it (no byte order mark, LF, every text cell quoted,
    /// numbers bare, a date typed 11/25/2026 written back as 11/25/26), read on any machine.
    @Test func readsASheetLibreOfficeSaved() throws {
        let file = InputFile(
            displayName: "sheet-libreoffice-mini.csv",
            bytes: Array(try Data(contentsOf: TestFiles.fixture("sheet-libreoffice-mini.csv"))))
        let result = AnswerSheet.read(file, questionnaire: try TestFiles.miniQuestionnaire())
        #expect(result.problems == [])
        #expect(
            result.assessment
                == Assessment(
                    questionnaireID: "mini", questionnaireVersion: "1.0.0",
                    respondent: Respondent(
                        name: "Zoë Müller", role: "Head of Customer Success", organization: "Société Générale d'Études"),
                    assessedOn: "2026-11-25", period: "2026-Q4",
                    answers: [
                        "k2": Answer(.fully, note: "Zoë's team, in Zürich, says \"mostly\""),
                        "k3": Answer(.largely),
                        "k4": Answer(.na),
                        "p2": Answer(.not, note: "Two lines:\nthe second one, with a comma"),
                        "p3": Answer(.partially),
                        "p4": Answer(.fully),
                        "c2": Answer(.largely, note: "Première étape faite — 東京 next"),
                    ],
                    placements: [.kpis: .laerEffective, .practices: .laerExperiment, .culture: .laerEfficient],
                    roadSigns: ["sales-admits": true, "adoption-funded": false]))
    }
}
