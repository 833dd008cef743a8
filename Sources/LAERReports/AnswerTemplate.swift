import LAERFormats
import LAERValues

/// Blank answer documents for a questionnaire: a JSON answer file to fill in an editor, and a
/// printable Markdown questionnaire for a paper interview. (The CSV sheet is `AnswerSheet`.)
package enum AnswerTemplate {
    /// A `laer-answers/1` file with every question present and every answer empty; the
    /// respondent and period filled in as far as they are known.
    package static func json(
        for questionnaire: Questionnaire, today: String, respondent: Respondent = Respondent(), period: String? = nil
    ) -> String {
        let empty = JSONValue.string("")
        let document = JSONValue.object(
            JSONObject([
                "schema": .string(Assessment.schema),
                "questionnaire": .object(
                    JSONObject(["id": .string(questionnaire.id), "version": .string(questionnaire.version.description)])),
                "respondent": .object(
                    JSONObject([
                        "name": .string(respondent.name ?? ""), "role": .string(respondent.role ?? ""),
                        "organization": .string(respondent.organization ?? ""),
                    ])),
                "assessedOn": .string(today),
                "period": .string(period ?? ""),
                "placements": .object(JSONObject(questionnaire.markers.map { JSONMember($0.id.rawValue, empty) })),
                "answers": .object(
                    JSONObject(
                        questionnaire.capabilities.map {
                            JSONMember($0.id, .object(JSONObject(["rating": empty, "note": empty])))
                        })),
                "roadSigns": .object(JSONObject(questionnaire.roadSigns.map { JSONMember($0.id, .null) })),
            ]))
        return JSONWriter(pretty: true, sortedKeys: false).string(from: document) + "\n"
    }

    /// The questionnaire laid out for a paper interview, with boxes to tick; the respondent and
    /// period filled in as far as they are known.
    package static func markdown(for questionnaire: Questionnaire, respondent: Respondent = Respondent(), period: String? = nil)
        -> String
    {
        let e = Markdown.escape
        var text = "# \(e(questionnaire.title))\n\n"
        text += "Questionnaire `\(questionnaire.id)` version \(questionnaire.version). "
        text += "Rate each capability as it is today: **not**, **partially**, **largely** or **fully** in place, "
        text += "or **N/A** where it does not apply. Leave a question blank if you do not know; it will be listed to verify.\n\n"
        func blank(_ value: String?, _ line: String) -> String { value.map(e) ?? line }
        let line = "______________________"
        text += "- Name: \(blank(respondent.name, line))\n- Role: \(blank(respondent.role, line))\n"
        text += "- Organization: \(blank(respondent.organization, line))\n"
        text += "- Date (YYYY-MM-DD): ____________\n- Period (such as 2026-Q1): \(blank(period, "____________"))\n"
        var number = 0
        for marker in questionnaire.markers {
            text += "\n## \(e(marker.name))\n\n"
            text += "**Which of these reads most like you today on \(e(marker.name))?** Tick one. \(e(Marker.placementRule))\n\n"
            for phase in PhaseID.allCases {
                text += "- [ ] \(phase.number). **\(e(questionnaire.name(of: phase)))**: \(e(marker.profiles[phase] ?? ""))\n"
            }
            for phase in PhaseID.assessed {
                let capabilities = questionnaire.capabilities(of: marker.id, in: phase)
                guard !capabilities.isEmpty else { continue }
                text += "\n### \(e(marker.name)): \(e(questionnaire.name(of: phase)))\n"
                for capability in capabilities {
                    number += 1
                    text += "\n\(number). \(e(capability.statement)) `\(capability.id)`  \n"
                    text += "   *Evidence:* \(e(capability.help))  \n"
                    text += "   ☐ not ☐ partially ☐ largely ☐ fully ☐ N/A — note: ______________________\n"
                }
            }
        }
        text += "\n## Road signs\n\nTick the signs you see in your company today.\n\n"
        for sign in questionnaire.roadSigns {
            text += "- [ ] \(e(sign.statement)) `\(sign.id)`\n"
        }
        return text
    }
}
