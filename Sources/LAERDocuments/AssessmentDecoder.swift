import LAERFormats
import LAERValues

/// Turns a parsed `laer-answers/1` document into an `Assessment` checked against a questionnaire,
/// recording every problem with its JSON path.
package enum AssessmentDecoder {
    package static func decode(_ document: JSONValue, questionnaire: Questionnaire) -> (
        assessment: Assessment?, problems: [Problem]
    ) {
        var problems: [Problem] = []
        guard let root = FieldReader.object(document, at: "", problems: &problems, what: "an answer file") else {
            return (nil, problems)
        }
        var fields = FieldReader(root, at: "")
        if let schema = fields.string("schema", what: "\"schema\": \"\(Assessment.schema)\""), schema != Assessment.schema {
            fields.record(
                Problem(
                    "schema",
                    schema.hasPrefix("laer-answers/")
                        ? "\(SafeText.quoted(schema)) is a version of the answer format this laer does not read; it reads \(Assessment.schema): upgrade laer"
                        : "\(SafeText.quoted(schema)) is not an answer file; expected \"\(Assessment.schema)\""))
        }
        var assessment = Assessment(blankFor: questionnaire, assessedOn: "")
        if let identity = fields.object("questionnaire", what: "the questionnaire's {id, version}") {
            var identityFields = FieldReader(identity, at: "questionnaire")
            let id = identityFields.string("id", what: "the questionnaire's id")
            let version = identityFields.string("version", what: "the questionnaire's version")
            if let id, let version {
                assessment.questionnaireID = id
                assessment.questionnaireVersion = version
                if let message = AnswerRules.identityMessage(id: id, version: version, for: questionnaire) {
                    identityFields.record(Problem("questionnaire", message))
                }
            }
            problems += identityFields.finish()
        }
        if let respondent = fields.object("respondent", required: false, what: "the respondent {name, role, organization}") {
            var respondentFields = FieldReader(respondent, at: "respondent")
            assessment.respondent = Respondent(
                name: respondentFields.optionalText("name", what: "the respondent's name"),
                role: respondentFields.optionalText("role", what: "the respondent's role"),
                organization: respondentFields.optionalText("organization", what: "the respondent's organization"))
            problems += respondentFields.finish()
        }
        if let date = fields.string("assessedOn", what: "the date of the assessment, YYYY-MM-DD") {
            if CalendarDate.isISODate(date) {
                assessment.assessedOn = date
            } else {
                fields.record(Problem("assessedOn", "\(SafeText.quoted(date)) \(AnswerRules.dateMessage)"))
            }
        }
        assessment.period = fields.optionalText("period", what: "a period such as 2026-Q1")
        if let answers = fields.object("answers", what: "the answers by capability id") {
            assessment.answers = decodeAnswers(
                answers, questionnaire: questionnaire, answersVersion: assessment.questionnaireVersion, problems: &problems)
        }
        if let placements = fields.object("placements", required: false, what: "the phase placed for each marker") {
            var seen: Set<String> = []
            for member in placements.members {
                let path = JSONPath.member("placements", member.key)
                guard seen.insert(member.key).inserted else {
                    problems.append(Problem(path, "appears more than once; keep one"))
                    continue
                }
                guard case .success(let marker) = AnswerRules.marker(member.key) else {
                    if case .failure(let violation) = AnswerRules.marker(member.key) {
                        problems.append(Problem(path, violation.message))
                    }
                    continue
                }
                if member.value == .null || member.value.stringValue?.trimmingSpaces() == "" { continue }
                guard let text = member.value.stringValue else {
                    problems.append(Problem(path, "expected a phase id (a string), found \(member.value.kindDescription)"))
                    continue
                }
                switch AnswerRules.phase(text, in: questionnaire) {
                case .success(let phase): assessment.placements[marker] = phase
                case .failure(let violation): problems.append(Problem(path, violation.message))
                }
            }
        }
        if let signs = fields.object("roadSigns", required: false, what: "the road signs by id") {
            var seen: Set<String> = []
            let known = Set(questionnaire.roadSigns.map(\.id))
            for member in signs.members {
                let path = JSONPath.member("roadSigns", member.key)
                if !seen.insert(member.key).inserted {
                    problems.append(Problem(path, "appears more than once; keep one"))
                } else if !known.contains(member.key),
                    let message = AnswerRules.unknownRoadSignMessage(member.key, in: questionnaire)
                {
                    problems.append(Problem(path, message))
                } else if case .bool(let seen) = member.value {
                    assessment.roadSigns[member.key] = seen
                } else if member.value != .null {
                    problems.append(Problem(path, "expected true or false, found \(member.value.kindDescription)"))
                }
            }
        }
        problems = (fields.finish() + problems).listed
        return (problems.errors.isEmpty ? assessment : nil, problems)
    }

    static func decodeAnswers(
        _ answers: JSONObject, questionnaire: Questionnaire, answersVersion: String, problems: inout [Problem]
    ) -> [String: Answer] {
        var result: [String: Answer] = [:]
        result.reserveCapacity(answers.members.count)
        // Ids given without a rating (null, empty or wrong), so that a second member of one is
        // reported as a second rated one is, while a rated answer is hashed once.
        var unrated: Set<String> = []
        for member in answers.members {
            // Paths are built only for messages: this loop runs for every answer of every file of a batch.
            func path() -> String { JSONPath.member("answers", member.key) }
            if result[member.key] != nil || (!unrated.isEmpty && unrated.contains(member.key)) {
                problems.append(Problem(path(), "appears more than once; keep one"))
                continue
            }
            if let answer = decodeAnswer(
                member, path: path, questionnaire: questionnaire, answersVersion: answersVersion, problems: &problems)
            {
                result[member.key] = answer
            } else {
                unrated.insert(member.key)
            }
        }
        return result
    }

    /// One member of `answers`: nil when it has no rating, after recording why when it is wrong.
    static func decodeAnswer(
        _ member: JSONMember, path: () -> String, questionnaire: Questionnaire, answersVersion: String,
        problems: inout [Problem]
    ) -> Answer? {
        if let unknown = AnswerRules.unknownCapability(
            member.key, answersVersion: answersVersion, in: questionnaire,
            suggesting: problems.count < InputLimits.listedProblems)
        {
            problems.append(Problem(path(), unknown.message, severity: unknown.severity))
            return nil
        }
        // `"id": "fully"` is accepted as a shorthand for `{"rating": "fully"}`.
        var ratingText: String?
        var note: String?
        switch member.value {
        case .string(let text):
            ratingText = text
        case .object(let object) where isPlainAnswer(object):
            ratingText = object.members[0].value.stringValue
            if object.members.count == 2, let text = object.members[1].value.stringValue {
                note = FieldReader.text(text, multiline: true)
            }
        case .object(let object):
            var answerFields = FieldReader(object, at: path())
            ratingText = answerFields.optionalText("rating", what: "a rating: \(AnswerRules.ratingSpellings)")
            note = answerFields.optionalNote("note", what: "a note")
            problems += answerFields.finish()
        case .null:
            return nil
        default:
            problems.append(Problem(path(), "expected {\"rating\": …, \"note\": …}, found \(member.value.kindDescription)"))
        }
        guard let ratingText else { return nil }
        if let exact = Rating(rawValue: ratingText) { return Answer(exact, note: note) }
        // An empty rating, as a template leaves it, is unanswered.
        if ratingText.allSatisfy(\.isWhitespace) { return nil }
        switch AnswerRules.rating(ratingText) {
        case .success(let read): return Answer(read, note: note)
        case .failure(let violation):
            problems.append(Problem(JSONPath.member(path(), "rating"), violation.message))
            return nil
        }
    }

    /// `{"rating": "…"}` or `{"rating": "…", "note": "…"}`, the shape nearly every answer has.
    static func isPlainAnswer(_ object: JSONObject) -> Bool {
        let members = object.members
        guard members.count == 1 || members.count == 2, members[0].key == "rating", members[0].value.stringValue != nil else {
            return false
        }
        return members.count == 1 || (members[1].key == "note" && members[1].value.stringValue != nil)
    }
}
