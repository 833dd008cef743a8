import LAERFormats
import LAERValues

/// `laer-trend/1`: one object per organization, its keys in the contract's order; one
/// organization is printed indented, as a score result alone is, several as JSON Lines.
package struct TrendJSONReport: ReportRenderer {
    package init() {}

    package func render(_ trends: [Trend], questionnaire: Questionnaire) -> String {
        String(decoding: renderBytes(trends, questionnaire: questionnaire), as: UTF8.self)
    }

    package func renderBytes(_ trends: [Trend], questionnaire: Questionnaire) -> [UInt8] {
        let writer = JSONWriter(pretty: trends.count == 1, sortedKeys: false)
        var bytes: [UInt8] = []
        for trend in trends {
            bytes += writer.bytes(from: Self.document(trend))
            bytes.append(0x0A)
        }
        return bytes
    }

    /// The object of one organization; indices unrounded, as `laer-result/1` writes them.
    package static func document(_ trend: Trend) -> JSONValue {
        .object(
            JSONObject([
                JSONMember("schema", .string(Trend.schema)),
                JSONMember("organization", .string(trend.organization)),
                JSONMember("points", .array(trend.points.map(point))),
            ]))
    }

    static func point(_ point: Trend.Point) -> JSONValue {
        let origin = point.origin
        return .object(
            JSONObject([
                JSONMember("period", origin.period.map(JSONValue.string) ?? .null),
                JSONMember("assessedOn", .string(origin.assessedOn)),
                JSONMember("respondents", .number(Double(origin.respondents))),
                JSONMember(
                    "questionnaire",
                    .object(
                        JSONObject([
                            JSONMember("id", .string(origin.questionnaireID)),
                            JSONMember("version", .string(origin.questionnaireVersion)),
                        ]))),
                JSONMember("overall", standing(point.overall)),
                JSONMember(
                    "markers",
                    .array(
                        point.markers.map { marker in
                            .object(
                                JSONObject([
                                    JSONMember("id", .string(marker.id.rawValue)),
                                    JSONMember("phase", .string(marker.standing.phase.rawValue)),
                                    JSONMember("index", .number(marker.standing.index)),
                                ]))
                        })),
            ]))
    }

    static func standing(_ standing: Standing) -> JSONValue {
        .object(
            JSONObject([
                JSONMember("phase", .string(standing.phase.rawValue)), JSONMember("index", .number(standing.index)),
            ]))
    }
}
