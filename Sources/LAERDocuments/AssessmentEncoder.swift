import LAERFormats
import LAERValues

/// Writes an `Assessment` as a `laer-answers/1` document that `AssessmentDecoder` reads back to
/// the same value: the survey's answer file.
///
/// Keys follow the template's order (`AnswerTemplate.json`), answers and placements the
/// questionnaire's, so that a file saved after each answer changes by a line or two. Only what is
/// known is written: no empty respondent parts, no period when none was given, no unanswered
/// capabilities or road signs, no blank text. Entries for ids the questionnaire does not have are left out, so the
/// file always reads back against it. Notes are written as they are; the decoder trims them, so a
/// note round-trips when it carries no surrounding white space.
package enum AssessmentEncoder {
    /// The document's UTF-8 bytes, pretty-printed, with a final line break.
    package static func encode(_ assessment: Assessment, questionnaire: Questionnaire) -> [UInt8] {
        var document = JSONObject([
            "schema": .string(Assessment.schema),
            "questionnaire": .object(
                JSONObject([
                    "id": .string(assessment.questionnaireID), "version": .string(assessment.questionnaireVersion),
                ])),
        ])
        let respondent = [
            ("name", assessment.respondent.name), ("role", assessment.respondent.role),
            ("organization", assessment.respondent.organization),
        ].compactMap { key, value in given(value).map { JSONMember(key, .string($0)) } }
        if !respondent.isEmpty { document.members.append(JSONMember("respondent", .object(JSONObject(respondent)))) }
        document.members.append(JSONMember("assessedOn", .string(assessment.assessedOn)))
        if let period = given(assessment.period) { document.members.append(JSONMember("period", .string(period))) }
        document.members.append(
            JSONMember(
                "placements",
                .object(
                    JSONObject(
                        questionnaire.markers.compactMap { marker in
                            assessment.placements[marker.id].map { JSONMember(marker.id.rawValue, .string($0.rawValue)) }
                        }))))
        document.members.append(
            JSONMember(
                "answers",
                .object(
                    JSONObject(
                        questionnaire.capabilities.compactMap { capability in
                            assessment.answers[capability.id].map { JSONMember(capability.id, answer($0)) }
                        }))))
        document.members.append(
            JSONMember(
                "roadSigns",
                .object(
                    JSONObject(
                        questionnaire.roadSigns.compactMap { sign in
                            assessment.roadSigns[sign.id].map { JSONMember(sign.id, .bool($0)) }
                        }))))
        var bytes = JSONWriter(pretty: true, sortedKeys: false).bytes(from: .object(document))
        bytes.append(0x0A)
        return bytes
    }

    static func answer(_ answer: Answer) -> JSONValue {
        var members = [JSONMember("rating", .string(answer.rating.rawValue))]
        if let note = given(answer.note) { members.append(JSONMember("note", .string(note))) }
        return .object(JSONObject(members))
    }

    /// The text unless it is blank, which the decoder reads as not given.
    static func given(_ text: String?) -> String? {
        text.flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 }
    }
}
