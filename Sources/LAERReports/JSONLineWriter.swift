import LAERFormats
import LAERValues

/// Writes `laer-result/1` as one line of JSON Lines, byte for byte what `JSONReport(pretty: false)`
/// writes, but fast: each capability's texts are escaped once per run, not once per result.
///
/// Batch scoring writes a result for every input, and most of a result is the gaps' statements
/// and actions, which come from the questionnaire and never change within a run.
package struct JSONLineWriter: Sendable {
    /// For each capability by questionnaire position, `{"action":…,"capability":…,"marker":…,
    /// "phase":…,"rank":` and `,"researchArea":…,"statement":…,"weight":N}`: packed, so that the
    /// threads of a batch read them without reference counting.
    let heads: PackedBytes
    let tails: PackedBytes
    /// Each capability's id, by position, and its position by id.
    let ids: [String]
    let positions: [String: Int]
    /// Each phase and each marker id as a JSON string, by `number - 1` and `index`: written dozens
    /// of times a line, and never in need of escaping.
    let quotedPhases: PackedBytes
    let quotedMarkers: PackedBytes

    package init(questionnaire: Questionnaire) {
        var positions: [String: Int] = [:]
        var heads: [[UInt8]] = []
        var tails: [[UInt8]] = []
        for capability in questionnaire.capabilities {
            var head = Array(#"{"action":"#.utf8)
            JSONWriter.writeQuoted(capability.action, to: &head)
            head += Array(#","capability":"#.utf8)
            JSONWriter.writeQuoted(capability.id, to: &head)
            head += Array(#","marker":""#.utf8) + Array(capability.marker.rawValue.utf8)
            head += Array(#"","phase":""#.utf8) + Array(capability.phase.rawValue.utf8) + Array(#"","rank":"#.utf8)
            var tail = Array(#","researchArea":"#.utf8)
            JSONWriter.writeQuoted(capability.researchArea, to: &tail)
            tail += Array(#","statement":"#.utf8)
            JSONWriter.writeQuoted(capability.statement, to: &tail)
            tail += Array(#","weight":\#(capability.weight)}"#.utf8)
            positions[capability.id] = heads.count
            heads.append(head)
            tails.append(tail)
        }
        self.positions = positions
        ids = questionnaire.capabilities.map(\.id)
        let quoted = { (text: String) in [UInt8(ascii: "\"")] + Array(text.utf8) + [UInt8(ascii: "\"")] }
        quotedPhases = PackedBytes(PhaseID.allCases.map { quoted($0.rawValue) })
        quotedMarkers = PackedBytes(MarkerID.allCases.map { quoted($0.rawValue) })
        self.heads = PackedBytes(heads)
        self.tails = PackedBytes(tails)
    }

    /// A gap's prepared texts, found by its position when it knows one, else by its id; nil
    /// when the questionnaire has no such capability.
    func prepared(_ gap: Gap) -> (head: UnsafeBufferPointer<UInt8>, tail: UnsafeBufferPointer<UInt8>)? {
        if let position = gap.about.position, position < ids.count, ids[position] == gap.capability {
            return (heads[position], tails[position])
        }
        guard let position = positions[gap.capability] else { return nil }
        return (heads[position], tails[position])
    }

    /// One result as a line, ending in a line feed.
    ///
    /// Keys are written in byte order, as `JSONReport` sorts them.
    package func bytes(_ result: ScoreResult) -> [UInt8] {
        var out: [UInt8] = []
        // Most of a line is its gaps (about 450 bytes each): one allocation for the usual result.
        out.reserveCapacity(2048 + 512 * result.gaps.count)
        func raw(_ text: StaticString) {
            out.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
        }
        func string(_ text: String) { JSONWriter.writeQuoted(text, to: &out) }
        func string(_ phase: PhaseID) { out.append(contentsOf: quotedPhases[phase.number - 1]) }
        func string(_ marker: MarkerID) { out.append(contentsOf: quotedMarkers[marker.index]) }
        func number(_ value: Double) { out.append(contentsOf: JSONWriter.format(value).utf8) }
        func integer(_ value: Int) {
            guard value >= 0, value < 10_000 else { return out.append(contentsOf: String(value).utf8) }
            if value >= 1000 { out.append(UInt8(ascii: "0") + UInt8(value / 1000)) }
            if value >= 100 { out.append(UInt8(ascii: "0") + UInt8(value / 100 % 10)) }
            if value >= 10 { out.append(UInt8(ascii: "0") + UInt8(value / 10 % 10)) }
            out.append(UInt8(ascii: "0") + UInt8(value % 10))
        }
        func list(_ items: [String]) {
            raw("[")
            for (index, item) in items.enumerated() {
                if index > 0 { raw(",") }
                string(item)
            }
            raw("]")
        }

        raw(#"{"assessedOn":"#)
        string(result.assessedOn)
        if let disagreement = result.disagreement {
            raw(#","disagreement":"#)
            list(disagreement)
        }
        raw(#","gaps":["#)
        for (index, gap) in result.gaps.enumerated() {
            if index > 0 { raw(",") }
            if let parts = prepared(gap) {
                out.append(contentsOf: parts.head)
                integer(gap.rank)
                raw(#","rating":""#)
                out.append(contentsOf: gap.rating.rawValue.utf8)
                raw("\"")
                out.append(contentsOf: parts.tail)
            } else {
                out += JSONWriter(pretty: false, sortedKeys: true).bytes(from: JSONReport.gapObject(gap))
            }
        }
        raw(#"],"markers":["#)
        for (index, marker) in result.markers.enumerated() {
            if index > 0 { raw(",") }
            raw(#"{"attainment":{"#)
            for (position, phase) in JSONReport.sortedPhases.enumerated() {
                if position > 0 { raw(",") }
                string(phase)
                raw(":")
                let value = marker.attainment[phase]
                if let value { number(value) } else { raw("null") }
            }
            raw(#"},"id":"#)
            string(marker.id)
            raw(#","index":"#)
            number(marker.index)
            raw(#","phase":"#)
            string(marker.phase)
            raw("}")
        }
        raw(#"],"overall":{"index":"#)
        number(result.overall.index)
        raw(#","limitedBy":"#)
        raw("[")
        for (index, marker) in result.overall.limitedBy.enumerated() {
            if index > 0 { raw(",") }
            string(marker)
        }
        raw("]")
        raw(#","phase":"#)
        string(result.overall.phase)
        raw("}")
        if let peers = result.peers {
            raw(#","peers":{"count":"#)
            integer(peers.count)
            raw(#","markers":["#)
            for (index, entry) in peers.markers.enumerated() {
                if index > 0 { raw(",") }
                raw(#"{"id":"#)
                string(entry.id)
                raw(#","percentile":"#)
                integer(entry.percentile)
                raw("}")
            }
            raw(#"],"overall":{"percentile":"#)
            integer(peers.overall)
            raw("}}")
        }
        raw(#","perceptionGaps":["#)
        for (index, gap) in result.perceptionGaps.enumerated() {
            if index > 0 { raw(",") }
            raw(#"{"evidence":"#)
            string(gap.evidence)
            raw(#","marker":"#)
            string(gap.marker)
            raw(#","placed":"#)
            string(gap.placed)
            raw("}")
        }
        raw("]")
        if let period = result.period {
            raw(#","period":"#)
            string(period)
        }
        raw(#","projection":{"capabilities":"#)
        list(result.projection.capabilities)
        raw(#","reachesTarget":"#)
        if result.projection.reachesTarget { raw("true") } else { raw("false") }
        raw(#"},"questionnaire":{"id":"#)
        string(result.questionnaireID)
        raw(#","version":"#)
        string(result.questionnaireVersion)
        raw(#"},"respondent":{"#)
        var first = true
        for (key, value) in [
            ("name", result.respondent.name), ("organization", result.respondent.organization), ("role", result.respondent.role),
        ] {
            guard let value else { continue }
            if !first { raw(",") }
            first = false
            string(key)
            raw(":")
            string(value)
        }
        raw("}")
        if let respondents = result.respondents {
            raw(#","respondents":"#)
            integer(respondents)
        }
        raw(#","roadSigns":{"present":"#)
        integer(result.roadSigns.present)
        raw(#","total":"#)
        integer(result.roadSigns.total)
        raw(#"},"schema":"laer-result/1","source":"#)
        string(result.source)
        raw(#","target":"#)
        string(result.target)
        raw(#","toVerify":"#)
        list(result.toVerify)
        raw("}\n")
        return out
    }
}
