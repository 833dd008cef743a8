import LAERValues

/// Diffs, trends and peer standings, made from merged assessments by the contract's rules.
package enum Comparisons {
    /// What changed from `old` to `new`.
    ///
    /// Both are scored for the same target, the one `new` plans for (or `target`), so that the
    /// gaps on each side are comparable. Each side is scored with its own questionnaire; a
    /// capability of one version only is added or retired, never an improvement or regression.
    ///
    /// `score` scores a merge for a target with its own questionnaire; by default a new scorer
    /// each time, which a caller diffing many organizations replaces by scorers made once.
    package static func diff(
        _ old: OrganizationMerge, _ new: OrganizationMerge, target: PhaseID? = nil,
        score: (OrganizationMerge, PhaseID?) -> ScoreResult = { Scorer(questionnaire: $0.questionnaire).score($0, target: $1) }
    ) -> AssessmentDiff {
        let now = score(new, target)
        let then = score(old, now.target)
        let oldQuestionnaire = old.questionnaire
        let newQuestionnaire = new.questionnaire
        // Capabilities matched by position: the same positions in one version, by id across two.
        let sameVersion = oldQuestionnaire.id == newQuestionnaire.id && oldQuestionnaire.version == newQuestionnaire.version
        let newCapabilities = newQuestionnaire.capabilities
        let oldCapabilities = oldQuestionnaire.capabilities
        let oldPositionOfNew: [Int?] =
            sameVersion ? Array(newCapabilities.indices) : newCapabilities.map { oldQuestionnaire.position(of: $0.id) }
        let newPositionOfOld: [Int?] =
            sameVersion ? Array(oldCapabilities.indices) : oldCapabilities.map { newQuestionnaire.position(of: $0.id) }

        let markers = MarkerID.allCases.compactMap { id -> AssessmentDiff.MarkerChange? in
            guard let from = then.marker(id), let to = now.marker(id) else { return nil }
            return AssessmentDiff.MarkerChange(
                id: id, from: Standing(phase: from.phase, index: from.index), to: Standing(phase: to.phase, index: to.index))
        }

        let oldEvidence = old.evidence
        let newEvidence = new.evidence
        var changes: [AssessmentDiff.RatingChange] = []
        for (position, capability) in newCapabilities.enumerated() {
            guard let oldPosition = oldPositionOfNew[position] else { continue }
            let before = oldEvidence[oldPosition]
            let after = newEvidence[position]
            let direction: AssessmentDiff.RatingChange.Direction
            switch (before, after) {
            case (.value(let from)?, .value(let to)?):
                if to > from + ScoringThresholds.tolerance {
                    direction = .improved
                } else if to < from - ScoringThresholds.tolerance {
                    direction = .regressed
                } else {
                    continue
                }
            default:
                guard before != after else { continue }
                direction = .other
            }
            changes.append(
                AssessmentDiff.RatingChange(
                    capability: capability.id, marker: capability.marker, statement: capability.statement,
                    from: before?.rating, to: after?.rating, direction: direction))
        }

        // Gaps by the position of their capability in the other version.
        let oldGaps = Set(then.gaps.compactMap { $0.about.position.flatMap { newPositionOfOld[$0] } })
        let newGaps = Set(now.gaps.compactMap(\.about.position))
        // A gap is closed by a rating that is no gap; one no longer answered is to verify, not closed.
        let closed = then.gaps.filter { gap in
            guard let position = gap.about.position.flatMap({ newPositionOfOld[$0] }),
                case .value = newEvidence[position]
            else { return false }
            return !newGaps.contains(position)
        }.map(\.capability)
        let opened = now.gaps.filter { gap in
            guard let position = gap.about.position, oldPositionOfNew[position] != nil else { return false }
            return !oldGaps.contains(position)
        }.map(\.capability)

        let oldSigns = Set(oldQuestionnaire.roadSigns.map(\.id))
        let oldMissing = Set(then.roadSigns.missing)
        let newMissing = Set(now.roadSigns.missing)
        let signOrder = newQuestionnaire.roadSigns.map(\.id).filter(oldSigns.contains)
        let gained = signOrder.filter { oldMissing.contains($0) && !newMissing.contains($0) }
        let lost = signOrder.filter { !oldMissing.contains($0) && newMissing.contains($0) }

        let added = newCapabilities.indices.filter { oldPositionOfNew[$0] == nil }
            .map { AssessmentDiff.VersionedCapability(id: newCapabilities[$0].id, statement: newCapabilities[$0].statement) }
        let retired = oldCapabilities.indices.filter { newPositionOfOld[$0] == nil }
            .map { AssessmentDiff.VersionedCapability(id: oldCapabilities[$0].id, statement: oldCapabilities[$0].statement) }

        var notes: [AssessmentDiff.NoteChange] = []
        for (position, capability) in newCapabilities.enumerated() {
            let before = oldPositionOfNew[position].flatMap(old.noteText(at:))
            let after = new.noteText(at: position)
            if before != after { notes.append(AssessmentDiff.NoteChange(capability: capability.id, from: before, to: after)) }
        }
        for (position, capability) in oldCapabilities.enumerated() where newPositionOfOld[position] == nil {
            if let before = old.noteText(at: position) {
                notes.append(AssessmentDiff.NoteChange(capability: capability.id, from: before, to: nil))
            }
        }

        return AssessmentDiff(
            organization: new.spellings.mostFrequent ?? old.spellings.mostFrequent ?? OrganizationName.none,
            from: AssessmentOrigin(then), to: AssessmentOrigin(now),
            overallFrom: Standing(phase: then.overall.phase, index: then.overall.index),
            overallTo: Standing(phase: now.overall.phase, index: now.overall.index),
            markers: markers, changes: changes, closedGaps: closed, openedGaps: opened, roadSignsGained: gained,
            roadSignsLost: lost, addedCapabilities: added, retiredCapabilities: retired, notes: notes, now: now)
    }

    /// Whether period `lhs` comes before `rhs`: periods compare as text (`2026-Q1` < `2026-Q2`),
    /// and none comes before any.
    package static func periodPrecedes(_ lhs: String?, _ rhs: String?) -> Bool {
        (lhs ?? "") < (rhs ?? "")
    }

    /// Whether `lhs` comes before `rhs` in time: by period, then by date.
    package static func precedes(_ lhs: OrganizationMerge, _ rhs: OrganizationMerge) -> Bool {
        lhs.period != rhs.period ? periodPrecedes(lhs.period, rhs.period) : lhs.latestDate < rhs.latestDate
    }

    /// One trend per organization, in the order each was first seen, its points in time order.
    ///
    /// `score` scores a merge; the caller picks the scorer of its questionnaire.
    package static func trends(_ merges: [OrganizationMerge], score: (OrganizationMerge) -> ScoreResult) -> [Trend] {
        var order: [String] = []
        var groups: [String: [OrganizationMerge]] = [:]
        for merge in merges {
            if groups[merge.key] == nil { order.append(merge.key) }
            groups[merge.key, default: []].append(merge)
        }
        return order.map { key in
            let group = groups[key]!.sorted(by: precedes)
            var spellings = OrganizationSpellings()
            for merge in group { spellings.add(merge.spellings) }
            let organization = spellings.mostFrequent ?? OrganizationName.none
            return Trend(
                organization: organization,
                points: group.map { merge in
                    var point = Trend.Point(score(merge))
                    point.origin.organization = organization
                    point.origin.period = merge.period
                    return point
                })
        }
    }

    /// Where `result` stands among `peers` (one result per organization).
    package static func standing(of result: ScoreResult, among peers: [ScoreResult]) -> PeerStanding {
        PeerStanding(
            count: peers.count,
            overall: PeerStanding.percentile(of: result.overall.index, among: peers.map(\.overall.index)),
            markers: result.markers.map { marker in
                PeerStanding.MarkerPercentile(
                    marker.id, PeerStanding.percentile(of: marker.index, among: peers.compactMap { $0.marker(marker.id)?.index }))
            })
    }
}
