/// A marker's or the company's standing at one point: its phase and its index.
package struct Standing: Sendable, Equatable {
    package var phase: PhaseID
    /// 1.0 to 4.0.
    package var index: Double

    package init(phase: PhaseID, index: Double) {
        self.phase = phase
        self.index = index
    }

    /// Whether `later` stands lower than this: a lower phase, or an index down by more than rounding.
    package func fell(to later: Standing) -> Bool {
        later.phase < phase || later.index < index - ScoringThresholds.tolerance
    }
}

/// Which organization, when and by which questionnaire: one side of a diff, one point of a trend.
package struct AssessmentOrigin: Sendable, Equatable {
    package var organization: String?
    package var period: String?
    package var assessedOn: String
    package var questionnaireID: String
    package var questionnaireVersion: String
    /// How many respondents were merged (1 for one answer file).
    package var respondents: Int
    /// Where the answers came from.
    package var source: String

    package init(
        organization: String?, period: String?, assessedOn: String, questionnaireID: String, questionnaireVersion: String,
        respondents: Int, source: String
    ) {
        self.organization = organization
        self.period = period
        self.assessedOn = assessedOn
        self.questionnaireID = questionnaireID
        self.questionnaireVersion = questionnaireVersion
        self.respondents = respondents
        self.source = source
    }

    /// Of a score result: its respondent's organization, its period, date and questionnaire.
    package init(_ result: ScoreResult) {
        self.init(
            organization: result.respondent.organization, period: result.period, assessedOn: result.assessedOn,
            questionnaireID: result.questionnaireID, questionnaireVersion: result.questionnaireVersion,
            respondents: result.respondents ?? 1, source: result.source)
    }

    /// The period, or where there is none the date: how reports name this side.
    package var label: String { period ?? assessedOn }
}

/// What changed between two assessments of one organization (`laer-diff/1`).
package struct AssessmentDiff: Sendable, Equatable {
    package static let schema = "laer-diff/1"

    /// One marker, then and now.
    package struct MarkerChange: Sendable, Equatable {
        package var id: MarkerID
        package var from: Standing
        package var to: Standing

        package init(id: MarkerID, from: Standing, to: Standing) {
            self.id = id
            self.from = from
            self.to = to
        }

        package var indexDelta: Double { to.index - from.index }
    }

    /// A capability whose rating changed; nil where it was unanswered.
    package struct RatingChange: Sendable, Equatable {
        package enum Direction: Sendable, Equatable {
            /// Its value went up or down.
            case improved, regressed
            /// Answered on one side only, or N/A on one side.
            case other
        }

        package var capability: String
        package var marker: MarkerID
        package var statement: String
        package var from: Rating?
        package var to: Rating?
        package var direction: Direction

        package init(capability: String, marker: MarkerID, statement: String, from: Rating?, to: Rating?, direction: Direction) {
            self.capability = capability
            self.marker = marker
            self.statement = statement
            self.from = from
            self.to = to
            self.direction = direction
        }
    }

    /// A respondent's note that changed (nil where there was none).
    package struct NoteChange: Sendable, Equatable {
        package var capability: String
        package var from: String?
        package var to: String?

        package init(capability: String, from: String?, to: String?) {
            self.capability = capability
            self.from = from
            self.to = to
        }
    }

    /// A capability of one questionnaire version only.
    package struct VersionedCapability: Sendable, Equatable {
        package var id: String
        package var statement: String

        package init(id: String, statement: String) {
            self.id = id
            self.statement = statement
        }
    }

    package var organization: String
    package var from: AssessmentOrigin
    package var to: AssessmentOrigin
    package var overallFrom: Standing
    package var overallTo: Standing
    package var markers: [MarkerChange]
    /// Every changed rating, in the newer questionnaire's order.
    package var changes: [RatingChange]
    /// Gaps (at the target as it stands now) that the newer assessment closed or opened.
    package var closedGaps: [String]
    package var openedGaps: [String]
    package var roadSignsGained: [String]
    package var roadSignsLost: [String]
    package var addedCapabilities: [VersionedCapability]
    package var retiredCapabilities: [VersionedCapability]
    package var notes: [NoteChange]
    /// The newer assessment scored: where it stands and its next moves.
    package var now: ScoreResult

    package init(
        organization: String, from: AssessmentOrigin, to: AssessmentOrigin, overallFrom: Standing, overallTo: Standing,
        markers: [MarkerChange], changes: [RatingChange], closedGaps: [String], openedGaps: [String],
        roadSignsGained: [String], roadSignsLost: [String], addedCapabilities: [VersionedCapability],
        retiredCapabilities: [VersionedCapability], notes: [NoteChange], now: ScoreResult
    ) {
        self.organization = organization
        self.from = from
        self.to = to
        self.overallFrom = overallFrom
        self.overallTo = overallTo
        self.markers = markers
        self.changes = changes
        self.closedGaps = closedGaps
        self.openedGaps = openedGaps
        self.roadSignsGained = roadSignsGained
        self.roadSignsLost = roadSignsLost
        self.addedCapabilities = addedCapabilities
        self.retiredCapabilities = retiredCapabilities
        self.notes = notes
        self.now = now
    }

    package var overallIndexDelta: Double { overallTo.index - overallFrom.index }
    package var improved: [String] { changes.filter { $0.direction == .improved }.map(\.capability) }
    package var regressed: [String] { changes.filter { $0.direction == .regressed }.map(\.capability) }

    /// Whether any marker's phase or index went down: what `--fail-on-regression` fails on.
    package var hasRegression: Bool {
        markers.contains { $0.from.fell(to: $0.to) }
    }

    /// Whether nothing moved: no standing, rating, gap, road sign, capability or note changed.
    package var isUnchanged: Bool {
        overallFrom == overallTo && markers.allSatisfy { $0.from == $0.to } && changes.isEmpty && closedGaps.isEmpty
            && openedGaps.isEmpty && roadSignsGained.isEmpty && roadSignsLost.isEmpty && addedCapabilities.isEmpty
            && retiredCapabilities.isEmpty && notes.isEmpty
    }
}

/// One organization over time (`laer-trend/1`): a point per period.
package struct Trend: Sendable, Equatable {
    package static let schema = "laer-trend/1"

    /// One organization in one period, its respondents merged.
    package struct Point: Sendable, Equatable {
        package var origin: AssessmentOrigin
        package var overall: Standing
        /// One marker's standing at this point.
        package struct MarkerStanding: Sendable, Equatable {
            package var id: MarkerID
            package var standing: Standing

            package init(id: MarkerID, standing: Standing) {
                self.id = id
                self.standing = standing
            }
        }

        /// In `MarkerID.allCases` order.
        package var markers: [MarkerStanding]

        package init(origin: AssessmentOrigin, overall: Standing, markers: [MarkerStanding]) {
            self.origin = origin
            self.overall = overall
            self.markers = markers
        }

        /// A point of a score result.
        package init(_ result: ScoreResult) {
            self.init(
                origin: AssessmentOrigin(result), overall: Standing(phase: result.overall.phase, index: result.overall.index),
                markers: result.markers.map { MarkerStanding(id: $0.id, standing: Standing(phase: $0.phase, index: $0.index)) })
        }

        package func marker(_ id: MarkerID) -> Standing? { markers.first { $0.id == id }?.standing }
    }

    package var organization: String
    /// Ordered by period, then `assessedOn`.
    package var points: [Point]

    package init(organization: String, points: [Point]) {
        self.organization = organization
        self.points = points
    }
}

/// Where one result stands among a peer group: for the overall index and each marker's, the
/// share of peers strictly below plus half of those equal, as a whole number 0–100.
package struct PeerStanding: Sendable, Equatable {
    /// The smallest peer group whose figures do not identify its members.
    package static let minimumCount = 5

    /// One marker's percentile.
    package struct MarkerPercentile: Sendable, Equatable {
        package var id: MarkerID
        package var percentile: Int

        package init(_ id: MarkerID, _ percentile: Int) {
            self.id = id
            self.percentile = percentile
        }
    }

    package var count: Int
    package var overall: Int
    /// In `MarkerID.allCases` order.
    package var markers: [MarkerPercentile]

    package init(count: Int, overall: Int, markers: [MarkerPercentile]) {
        self.count = count
        self.overall = overall
        self.markers = markers
    }

    /// The percentile of `value` among `peers`, rounded to the nearest whole number.
    package static func percentile(of value: Double, among peers: [Double]) -> Int {
        guard !peers.isEmpty else { return 0 }
        let tolerance = ScoringThresholds.tolerance
        let below = peers.filter { $0 < value - tolerance }.count
        let equal = peers.filter { abs($0 - value) <= tolerance }.count
        return Int(((Double(below) + Double(equal) / 2) / Double(peers.count) * 100).rounded(.toNearestOrAwayFromZero))
    }
}
