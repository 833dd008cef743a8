import LAERFormats
import LAERReports
import LAERValues

/// The data the form's script reads: the questionnaire's ids and texts, each question's element
/// key, what the form starts with, and the key it keeps its answers under.
extension AnswerForm {
    /// The JSON text of the `laer-form-data` block, escaped so no text closes its element.
    ///
    /// Each question carries its label in the review, as the survey's review words it.
    static func dataBlock(for questionnaire: Questionnaire, prefill: Prefill) -> String {
        func label(_ question: SurveyQuestion) -> JSONValue {
            .string(SurveyWording.shortLabel(for: question, in: questionnaire))
        }
        let phases = questionnaire.phases.map { phase in
            JSONValue.object(JSONObject(["id": .string(phase.id.rawValue), "name": .string(phase.name)]))
        }
        let markers = questionnaire.markers.enumerated().map { index, marker in
            let capabilities = questionnaire.capabilities.indices.filter { questionnaire.capabilities[$0].marker == marker.id }
            return JSONValue.object(
                JSONObject([
                    "id": .string(marker.id.rawValue), "name": .string(marker.name), "key": .string(key(marker: index)),
                    "placement": .string(key(placement: index)), "label": label(.placement(marker.id)),
                    "capabilities": .array(capabilities.map { .string(key(capability: $0)) }),
                ]))
        }
        let capabilities = questionnaire.capabilities.enumerated().map { index, capability in
            JSONValue.object(
                JSONObject([
                    "id": .string(capability.id), "key": .string(key(capability: index)),
                    "label": label(.capability(capability.id)),
                ]))
        }
        let signs = questionnaire.roadSigns.enumerated().map { index, sign in
            JSONValue.object(
                JSONObject(["id": .string(sign.id), "key": .string(key(roadSign: index)), "label": label(.roadSign(sign.id))]))
        }
        let respondent = JSONObject([
            "name": .string(prefill.respondent.name ?? ""), "role": .string(prefill.respondent.role ?? ""),
            "organization": .string(prefill.respondent.organization ?? ""),
        ])
        var document = JSONObject([
            "schema": .string(Assessment.schema),
            "questionnaire": .object(
                JSONObject([
                    "id": .string(questionnaire.id), "version": .string(questionnaire.version.description),
                    "title": .string(questionnaire.title),
                ])),
            "ratings": .object(JSONObject(Rating.allCases.map { JSONMember($0.rawValue, .string($0.label)) })),
            "phases": .array(phases), "markers": .array(markers), "capabilities": .array(capabilities),
            "roadSigns": .array(signs), "respondent": .object(respondent), "period": .string(prefill.period ?? ""),
            "previous": prefill.previous.map { previous(of: $0, file: prefill.previousFile, in: questionnaire) } ?? .null,
        ])
        let writer = JSONWriter(pretty: false, sortedKeys: false)
        // The form's own key: the same questionnaire and start give the same key, so reopening a
        // file (or a copy of it) finds its answers, and two forms never share them.
        let digest = SHA256.digest(writer.bytes(from: .object(document)))
        let form = digest.prefix(8).map(NumberFormat.hex).joined()
        document.members.insert(JSONMember("form", .string(form)), at: 0)
        return HTML.scriptData(writer.bytes(from: .object(document)))
    }

    /// Last time's answers to what this questionnaire asks, by id.
    private static func previous(of assessment: Assessment, file: String?, in questionnaire: Questionnaire) -> JSONValue {
        let placements = questionnaire.markers.compactMap { marker in
            assessment.placements[marker.id].map { JSONMember(marker.id.rawValue, .string($0.rawValue)) }
        }
        let answers = questionnaire.capabilities.compactMap { capability in
            assessment.answers[capability.id].map { answer in
                JSONMember(
                    capability.id,
                    .object(JSONObject(["rating": .string(answer.rating.rawValue), "note": .string(answer.note ?? "")])))
            }
        }
        let signs = questionnaire.roadSigns.compactMap { sign in
            assessment.roadSigns[sign.id].map { JSONMember(sign.id, .bool($0)) }
        }
        return .object(
            JSONObject([
                "file": .string(file ?? ""), "period": .string(assessment.period ?? ""),
                "placements": .object(JSONObject(placements)), "answers": .object(JSONObject(answers)),
                "roadSigns": .object(JSONObject(signs)),
            ]))
    }
}
