import LAERFormats
import LAERValues

/// `laer-diff/1`: the diff as JSON, its keys in the contract's order.
///
/// Indices are written as the score JSON writes them, unrounded; a delta within rounding of
/// zero is `0`. Beyond the contract: `respondents` in each side, `notes`, and `nextMoves`
/// (left out when nothing moved, so that an unchanged diff is empty lists and zeros).
package struct DiffJSONReport: ReportRenderer {
    /// Indented for one diff; one line per diff for JSON Lines.
    package var pretty: Bool

    package init(pretty: Bool = true) {
        self.pretty = pretty
    }

    package func render(_ diff: AssessmentDiff, questionnaire: Questionnaire) -> String {
        String(decoding: renderBytes(diff, questionnaire: questionnaire), as: UTF8.self)
    }

    package func renderBytes(_ diff: AssessmentDiff, questionnaire: Questionnaire) -> [UInt8] {
        var bytes = JSONWriter(pretty: pretty, sortedKeys: false).bytes(from: Self.document(diff))
        bytes.append(0x0A)
        return bytes
    }

    package static func document(_ diff: AssessmentDiff) -> JSONValue {
        let strings = { (items: [String]) in JSONValue.array(items.map(JSONValue.string)) }
        var members: [JSONMember] = [
            JSONMember("schema", .string(AssessmentDiff.schema)),
            JSONMember("organization", .string(diff.organization)),
            JSONMember("from", side(diff.from)),
            JSONMember("to", side(diff.to)),
            JSONMember(
                "overall",
                object([
                    "from": standing(diff.overallFrom), "to": standing(diff.overallTo),
                    "indexDelta": .number(DiffNarrative.delta(diff.overallFrom.index, diff.overallTo.index)),
                ])),
            JSONMember(
                "markers",
                .array(
                    diff.markers.map { change in
                        object([
                            "id": .string(change.id.rawValue), "from": standing(change.from), "to": standing(change.to),
                            "indexDelta": .number(DiffNarrative.delta(change.from.index, change.to.index)),
                        ])
                    })),
            JSONMember("improved", strings(diff.improved)),
            JSONMember("regressed", strings(diff.regressed)),
            JSONMember(
                "changes",
                .array(
                    diff.changes.map { change in
                        object([
                            "capability": .string(change.capability), "from": rating(change.from), "to": rating(change.to),
                        ])
                    })),
            JSONMember("closedGaps", strings(diff.closedGaps)),
            JSONMember("openedGaps", strings(diff.openedGaps)),
            JSONMember("roadSigns", object(["gained": strings(diff.roadSignsGained), "lost": strings(diff.roadSignsLost)])),
            JSONMember("addedCapabilities", strings(diff.addedCapabilities.map(\.id))),
            JSONMember("retiredCapabilities", strings(diff.retiredCapabilities.map(\.id))),
            JSONMember(
                "notes",
                .array(
                    diff.notes.map { note in
                        object([
                            "capability": .string(note.capability), "from": note.from.map(JSONValue.string) ?? .null,
                            "to": note.to.map(JSONValue.string) ?? .null,
                        ])
                    })),
        ]
        if !diff.isUnchanged {
            let now = diff.now
            members.append(
                JSONMember(
                    "nextMoves",
                    .array(
                        now.moves.prefix(3).map { move in
                            object([
                                "kind": .string(move.kind == .reach ? "reach" : "consolidate"),
                                "marker": .string(move.marker.rawValue), "phase": .string(move.phase.rawValue),
                                "capabilities": strings(now.gaps(of: move).map(\.capability)),
                            ])
                        })))
        }
        return .object(JSONObject(members))
    }

    /// One side: `period` (null where none), `assessedOn`, `questionnaire` and `respondents`.
    static func side(_ origin: AssessmentOrigin) -> JSONValue {
        object([
            "period": origin.period.map(JSONValue.string) ?? .null,
            "assessedOn": .string(origin.assessedOn),
            "questionnaire": object(["id": .string(origin.questionnaireID), "version": .string(origin.questionnaireVersion)]),
            "respondents": .number(Double(origin.respondents)),
        ])
    }

    static func standing(_ standing: Standing) -> JSONValue {
        object(["phase": .string(standing.phase.rawValue), "index": .number(standing.index)])
    }

    /// A rating's word (`na` for not applicable), null where unanswered.
    static func rating(_ rating: Rating?) -> JSONValue {
        rating.map { .string($0.rawValue) } ?? .null
    }

    static func object(_ members: KeyValuePairs<String, JSONValue>) -> JSONValue {
        .object(JSONObject(members))
    }
}
