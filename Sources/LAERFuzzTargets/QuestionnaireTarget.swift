import LAERDocuments
import LAERFormats
import LAERReports
import LAERScoring
import LAERValues

/// The questionnaire loader and validator, and what laer makes of a questionnaire it accepts.
///
/// There is no questionnaire encoder (`laer questionnaire --format json` prints the document as
/// loaded), so the round trip is the JSON document's: written by `JSONWriter` and parsed again
/// it is equal, and it loads to the same questionnaire. A questionnaire that loads is one laer
/// can work with: its blank templates (JSON, sheet) read without an error, its wide-export
/// header is a wide export whose filled row reads back, an assessment rating every capability
/// survives the survey's save, and scoring it gives indices from 1 to 4.
enum QuestionnaireTarget {
    static let today = "2026-11-25"

    static func check(_ bytes: [UInt8], messages: MessageCheck) throws(FuzzFailure) {
        let document: JSONValue
        do {
            document = try JSONParser.parse(bytes)
        } catch {
            try expect(
                error.line >= 1 && error.column >= 1, .questionnaire, "a syntax error's place is outside the text",
                "\(error)\ninput: \(shown(bytes))")
            try messages.check(error.description, of: bytes)
            return
        }
        let checked = QuestionnaireLoader.check(document)
        try messages.check(checked.problems, of: bytes)
        for pretty in [true, false] {
            let written = JSONWriter(pretty: pretty, sortedKeys: false).bytes(from: document)
            let reparsed: JSONValue
            do {
                reparsed = try JSONParser.parse(written)
            } catch {
                throw FuzzFailure(
                    .questionnaire, "a JSON document written again does not parse", "\(error)\ninput: \(shown(bytes))")
            }
            try expect(
                reparsed == document, .questionnaire, "a JSON document written again parses different",
                "written: \(shown(written))\ninput: \(shown(bytes))")
        }
        guard let questionnaire = checked.questionnaire else { return }
        try expect(
            checked.problems.errors.isEmpty, .questionnaire, "a questionnaire loads with errors", "\(checked.problems.errors)")
        let again = QuestionnaireLoader.check(
            (try? JSONParser.parse(JSONWriter(pretty: false, sortedKeys: false).bytes(from: document))) ?? .null)
        try expect(
            again.questionnaire == questionnaire, .questionnaire, "a questionnaire written again loads different",
            shown(bytes))
        try checkTemplates(questionnaire, input: bytes)
    }

    static func checkTemplates(_ questionnaire: Questionnaire, input: [UInt8]) throws(FuzzFailure) {
        let name = "\(questionnaire.id) \(questionnaire.version)"
        let blankJSON = Array(AnswerTemplate.json(for: questionnaire, today: today).utf8)
        let blank = AnswerLoader.read(InputFile(displayName: "template.json", bytes: blankJSON), questionnaire: questionnaire)
        try expect(
            blank.problems.errors.isEmpty, .questionnaire, "the JSON template of a valid questionnaire does not read",
            "\(blank.problems.errors)\nquestionnaire: \(name)\ninput: \(shown(input))")
        let sheet = AnswerSheet.read(
            InputFile(displayName: "template.csv", bytes: AnswerSheet.template(for: questionnaire, today: today)),
            questionnaire: questionnaire)
        try expect(
            sheet.problems.errors.isEmpty, .questionnaire, "the sheet template of a valid questionnaire does not read",
            "\(sheet.problems.errors)\nquestionnaire: \(name)\ninput: \(shown(input))")

        var rated = Assessment(blankFor: questionnaire, assessedOn: today)
        rated.respondent = Respondent(name: "Fuzz", organization: "Fuzz Ltd")
        for capability in questionnaire.capabilities { rated.answers[capability.id] = Answer(.largely, note: "seen") }
        for marker in questionnaire.markers { rated.placements[marker.id] = .laerEffective }
        for sign in questionnaire.roadSigns { rated.roadSigns[sign.id] = true }
        try AnswersTarget.checkRoundTrip(rated, questionnaire: questionnaire, input: input, target: .questionnaire)

        let header = WideCSV.template(for: questionnaire)
        let headerFields = (try? CSVReader.parse(header).first?.fields) ?? []
        try expect(
            WideCSV.isWide(header: headerFields, questionnaire: questionnaire), .questionnaire,
            "the wide-export template of a valid questionnaire is not read as a wide export",
            "header: \(headerFields)\ninput: \(shown(input))")
        let row = headerFields.map { column -> String in
            switch column {
            case "respondent": "Fuzz"
            case "organization": "Fuzz Ltd"
            case "assessedOn": today
            case _ where column.hasPrefix("placement."): "3"
            case _ where column.hasPrefix("roadsign."): "yes"
            default: questionnaire.hasCapability(column) ? "L" : ""
            }
        }
        let wide = WideCSV.read(
            InputFile(displayName: "wide.csv", bytes: header + CSVWriter().bytes([row])), questionnaire: questionnaire)
        var expected = rated
        for id in expected.answers.keys { expected.answers[id]?.note = nil }
        try expect(
            wide.fileProblems.errors.isEmpty && wide.rows.count == 1 && wide.rows[0].assessment == expected, .questionnaire,
            "a row under the wide-export template of a valid questionnaire does not read back",
            "problems: \(wide.fileProblems.errors + wide.rows.flatMap(\.problems.errors))\nread: \(wide.rows.map(\.assessment))\nexpected: \(expected)\ninput: \(shown(input))"
        )

        let scorer = Scorer(questionnaire: questionnaire)
        for assessment in [rated, Assessment(blankFor: questionnaire, assessedOn: today)] {
            let result = scorer.score(assessment, source: "fuzz")
            let indices = [result.overall.index] + result.markers.map(\.index)
            try expect(
                indices.allSatisfy { (1...4).contains($0) }, .questionnaire, "an index outside 1–4",
                "\(indices)\ninput: \(shown(input))")
        }
    }
}
