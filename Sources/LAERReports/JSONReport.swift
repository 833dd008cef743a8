import LAERFormats
import LAERValues

/// `laer-result/1`: the result as JSON with sorted keys, as the contract fixes it.
///
/// Beside the contract's keys: `ratings` {capability id: rating word} and `notes` [{`author`
/// (merged results only), `capability`, `note`}] always; for a merged result `spreads`
/// [{`capability`, `counts` {`not`, `partially`, `largely`, `fully`, `na`}, `deviation` (3
/// decimals), `highest`, `lowest`, `notable`, `said` [{`author`, `rating`}] (empty under
/// `--anonymize`)}]; and `warnings`, an array of sentences, only when there is one to give (today
/// only `ScoreResult.blankWarning`), so a script may test for the key.
package struct JSONReport: ReportRenderer {
    /// Indented for one result; one line per result for JSON Lines.
    package var pretty: Bool

    package init(pretty: Bool = true) {
        self.pretty = pretty
    }

    package func render(_ result: ScoreResult, questionnaire: Questionnaire) -> String {
        String(decoding: renderBytes(result, questionnaire: questionnaire), as: UTF8.self)
    }

    package func renderBytes(_ result: ScoreResult, questionnaire: Questionnaire) -> [UInt8] {
        // `document` builds every object in key order, so the writer need not sort.
        var bytes = JSONWriter(pretty: pretty, sortedKeys: false).bytes(from: Self.document(result))
        bytes.append(0x0A)
        return bytes
    }

    package static func document(_ result: ScoreResult) -> JSONValue {
        var members: [JSONMember] = [
            JSONMember("schema", .string(ScoreResult.schema)),
            JSONMember(
                "questionnaire", object(["id": .string(result.questionnaireID), "version": .string(result.questionnaireVersion)])),
            JSONMember("respondent", respondent(result.respondent)),
            JSONMember("assessedOn", .string(result.assessedOn)),
            JSONMember("source", .string(result.source)),
            JSONMember(
                "overall",
                object([
                    "index": .number(result.overall.index),
                    "limitedBy": .array(result.overall.limitedBy.map { .string($0.rawValue) }),
                    "phase": .string(result.overall.phase.rawValue),
                ])),
            JSONMember(
                "markers",
                .array(
                    result.markers.map { marker in
                        object([
                            "attainment": .object(
                                JSONObject(
                                    Self.sortedPhases.map { phase in
                                        JSONMember(phase.rawValue, marker.attainment[phase].map(JSONValue.number) ?? .null)
                                    })),
                            "id": .string(marker.id.rawValue),
                            "index": .number(marker.index),
                            "phase": .string(marker.phase.rawValue),
                        ])
                    })),
            JSONMember("target", .string(result.target.rawValue)),
            JSONMember("gaps", .array(result.gaps.map(gapObject))),
            JSONMember("toVerify", .array(result.toVerify.map(JSONValue.string))),
            JSONMember("ratings", ratingsObject(result.ratings)),
            JSONMember("notes", .array(result.notes.map(noteObject))),
            JSONMember(
                "roadSigns",
                object(["present": .number(Double(result.roadSigns.present)), "total": .number(Double(result.roadSigns.total))])),
            JSONMember(
                "perceptionGaps",
                .array(
                    result.perceptionGaps.map { gap in
                        object([
                            "evidence": .string(gap.evidence.rawValue), "marker": .string(gap.marker.rawValue),
                            "placed": .string(gap.placed.rawValue),
                        ])
                    })),
            JSONMember(
                "projection",
                object([
                    "capabilities": .array(result.projection.capabilities.map(JSONValue.string)),
                    "reachesTarget": .bool(result.projection.reachesTarget),
                ])),
        ]
        if let period = result.period { members.append(JSONMember("period", .string(period))) }
        if let respondents = result.respondents { members.append(JSONMember("respondents", .number(Double(respondents)))) }
        if let disagreement = result.disagreement {
            members.append(JSONMember("disagreement", .array(disagreement.map(JSONValue.string))))
        }
        if let spreads = result.spreads { members.append(JSONMember("spreads", .array(spreads.map(spreadObject)))) }
        if let peers = result.peers { members.append(JSONMember("peers", peersObject(peers))) }
        let warnings = Self.warnings(result)
        if !warnings.isEmpty { members.append(JSONMember("warnings", .array(warnings.map(JSONValue.string)))) }
        return .object(JSONObject(members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }))
    }

    /// What a reader of the result should know before trusting its numbers; usually nothing.
    package static func warnings(_ result: ScoreResult) -> [String] {
        result.isBlank ? [ScoreResult.blankWarning] : []
    }

    /// `{capability id: rating word}`, keys in byte order.
    static func ratingsObject(_ ratings: [CapabilityRating]) -> JSONValue {
        .object(
            JSONObject(
                ratings.sorted { $0.capability.utf8.lexicographicallyPrecedes($1.capability.utf8) }.map {
                    JSONMember($0.capability, .string($0.rating.rawValue))
                }))
    }

    static func noteObject(_ note: EvidenceNote) -> JSONValue {
        var members: [JSONMember] = []
        if let author = note.author { members.append(JSONMember("author", .string(author))) }
        members.append(JSONMember("capability", .string(note.capability)))
        members.append(JSONMember("note", .string(note.note)))
        return .object(JSONObject(members))
    }

    static func spreadObject(_ spread: RatingSpread) -> JSONValue {
        let count = { (level: Int) in JSONValue.number(Double(spread.counts[level])) }
        return object([
            "capability": .string(spread.capability),
            "counts": object([
                "fully": count(3), "largely": count(2), "na": .number(Double(spread.notApplicable)), "not": count(0),
                "partially": count(1),
            ]),
            "deviation": .number(roundedDeviation(spread.deviation)),
            "highest": .string(spread.highest.rawValue),
            "lowest": .string(spread.lowest.rawValue),
            "notable": .bool(spread.isNotable),
            "said": .array(spread.said.map { object(["author": .string($0.author), "rating": .string($0.rating.rawValue)]) }),
        ])
    }

    /// A spread's deviation to 3 decimals: a figure to read, not to compute with.
    static func roundedDeviation(_ deviation: Double) -> Double {
        (deviation * 1000).rounded() / 1000
    }

    /// `{"count":N,"markers":[{"id":…,"percentile":N}],"overall":{"percentile":N}}`, keys in byte order.
    static func peersObject(_ peers: PeerStanding) -> JSONValue {
        object([
            "count": .number(Double(peers.count)),
            "markers": .array(
                peers.markers.map { object(["id": .string($0.id.rawValue), "percentile": .number(Double($0.percentile))]) }),
            "overall": object(["percentile": .number(Double(peers.overall))]),
        ])
    }

    static func gapObject(_ gap: Gap) -> JSONValue {
        object([
            "action": .string(gap.action),
            "capability": .string(gap.capability),
            "marker": .string(gap.marker.rawValue),
            "phase": .string(gap.phase.rawValue),
            "rank": .number(Double(gap.rank)),
            "rating": .string(gap.rating.rawValue),
            "researchArea": .string(gap.researchArea),
            "statement": .string(gap.statement),
            "weight": .number(Double(gap.weight)),
        ])
    }

    /// The assessed phases in the byte order of their ids, as sorted keys need them.
    static let sortedPhases = PhaseID.assessed.sorted { $0.rawValue.utf8.lexicographicallyPrecedes($1.rawValue.utf8) }

    static func object(_ members: KeyValuePairs<String, JSONValue>) -> JSONValue {
        .object(JSONObject(members))
    }

    static func respondent(_ respondent: Respondent) -> JSONValue {
        var members: [JSONMember] = []
        if let name = respondent.name { members.append(JSONMember("name", .string(name))) }
        if let organization = respondent.organization { members.append(JSONMember("organization", .string(organization))) }
        if let role = respondent.role { members.append(JSONMember("role", .string(role))) }
        return .object(JSONObject(members))
    }
}
