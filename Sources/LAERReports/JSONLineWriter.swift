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
    /// Each capability's id as a JSON string followed by `:`, in the byte order of the ids, in
    /// which `ratings` lists them; and each position's place in that order.
    let sortedIDKeys: PackedBytes
    let ranks: [Int]
    /// Each rating as a JSON string, by `Rating.allCases` index: `"not"` to `"na"`.
    let quotedRatings: PackedBytes
    /// Each member `ratings` may hold, with the comma before it: `,"k2":"fully"`, by
    /// `rank * Rating.allCases.count + Rating.allCases index`, so that a rating is one append.
    let ratingMembers: PackedBytes

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
        let ids = ids
        let byteOrder = ids.indices.sorted { ids[$0].utf8.lexicographicallyPrecedes(ids[$1].utf8) }
        sortedIDKeys = PackedBytes(
            byteOrder.map { position in
                var key: [UInt8] = []
                JSONWriter.writeQuoted(ids[position], to: &key)
                return key + [UInt8(ascii: ":")]
            })
        var ranks = Array(repeating: 0, count: ids.count)
        for (rank, position) in byteOrder.enumerated() { ranks[position] = rank }
        self.ranks = ranks
        quotedRatings = PackedBytes(Rating.allCases.map { quoted($0.rawValue) })
        var members: [[UInt8]] = []
        for rank in 0..<ids.count {
            for rating in Rating.allCases {
                members.append([UInt8(ascii: ",")] + Array(sortedIDKeys[rank]) + Array(quotedRatings[Int(Self.code(rating)) - 1]))
            }
        }
        ratingMembers = PackedBytes(members)
    }

    /// `ratings` as an object with keys in byte order, written through the questionnaire's
    /// positions; false, having written nothing, when a rating's capability is not in it.
    func writeRatings(_ ratings: [CapabilityRating], to out: inout [UInt8]) -> Bool {
        let count = ids.count
        // Per rank, 1 + the rating's `Rating.allCases` index, or 0 where unanswered.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { codes in
            codes.initialize(repeating: 0)
            let placed = ids.withUnsafeBufferPointer { ids in
                ranks.withUnsafeBufferPointer { ranks in
                    ratings.withUnsafeBufferPointer { ratings in
                        // Ratings come in questionnaire order, so the next one is usually at the next position.
                        var cursor = 0
                        for index in ratings.indices {
                            while cursor < count, ids[cursor] != ratings[index].capability { cursor += 1 }
                            if cursor == count {
                                guard let position = positions[ratings[index].capability] else { return false }
                                cursor = position
                            }
                            codes[ranks[cursor]] = Self.code(ratings[index].rating)
                        }
                        return true
                    }
                }
            }
            guard placed else { return false }
            out.append(UInt8(ascii: "{"))
            var first = true
            let ratingCount = Rating.allCases.count
            for rank in 0..<count where codes[rank] != 0 {
                let member = ratingMembers[rank * ratingCount + Int(codes[rank]) - 1]
                out.append(contentsOf: first ? UnsafeBufferPointer(rebasing: member.dropFirst()) : member)
                first = false
            }
            out.append(UInt8(ascii: "}"))
            return true
        }
    }

    /// 1 + the rating's index in `Rating.allCases`, without searching it.
    @inline(__always)
    static func code(_ rating: Rating) -> UInt8 {
        switch rating {
        case .not: 1
        case .partially: 2
        case .largely: 3
        case .fully: 4
        case .na: 5
        }
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
        // Most of a line is its gaps (about 450 bytes each), then its ratings and notes: one
        // allocation for the usual result.
        out.reserveCapacity(2048 + 512 * result.gaps.count + 24 * result.ratings.count + 128 * result.notes.count)
        func raw(_ text: StaticString) {
            out.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
        }
        func string(_ text: String) { JSONWriter.writeQuoted(text, to: &out) }
        func string(_ phase: PhaseID) { out.append(contentsOf: quotedPhases[phase.number - 1]) }
        func string(_ marker: MarkerID) { out.append(contentsOf: quotedMarkers[marker.index]) }
        func string(_ rating: Rating) { out.append(contentsOf: quotedRatings[Int(Self.code(rating)) - 1]) }
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
                raw(#","rating":"#)
                string(gap.rating)
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
        raw(#"],"notes":["#)
        for (index, note) in result.notes.enumerated() {
            if index > 0 { raw(",") }
            raw("{")
            if let author = note.author {
                raw(#""author":"#)
                string(author)
                raw(",")
            }
            raw(#""capability":"#)
            string(note.capability)
            raw(#","note":"#)
            string(note.note)
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
        raw(#"},"ratings":"#)
        if !writeRatings(result.ratings, to: &out) {
            out += JSONWriter(pretty: false, sortedKeys: false).bytes(from: JSONReport.ratingsObject(result.ratings))
        }
        raw(#","respondent":{"#)
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
        if let spreads = result.spreads {
            raw(#","spreads":["#)
            for (index, spread) in spreads.enumerated() {
                if index > 0 { raw(",") }
                raw(#"{"capability":"#)
                string(spread.capability)
                raw(#","counts":{"fully":"#)
                integer(spread.counts[3])
                raw(#","largely":"#)
                integer(spread.counts[2])
                raw(#","na":"#)
                integer(spread.notApplicable)
                raw(#","not":"#)
                integer(spread.counts[0])
                raw(#","partially":"#)
                integer(spread.counts[1])
                raw(#"},"deviation":"#)
                number(JSONReport.roundedDeviation(spread.deviation))
                raw(#","highest":"#)
                string(spread.highest)
                raw(#","lowest":"#)
                string(spread.lowest)
                raw(#","notable":"#)
                if spread.isNotable { raw("true") } else { raw("false") }
                raw(#","said":["#)
                for (position, said) in spread.said.enumerated() {
                    if position > 0 { raw(",") }
                    raw(#"{"author":"#)
                    string(said.author)
                    raw(#","rating":"#)
                    string(said.rating)
                    raw("}")
                }
                raw("]}")
            }
            raw("]")
        }
        raw(#","target":"#)
        string(result.target)
        raw(#","toVerify":"#)
        list(result.toVerify)
        let warnings = JSONReport.warnings(result)
        if !warnings.isEmpty {
            raw(#","warnings":"#)
            list(warnings)
        }
        raw("}\n")
        return out
    }
}
