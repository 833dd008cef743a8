import LAERValues

/// Diffs, trends and peer standings, made from merged assessments by the contract's rules.
package enum Comparisons {
    /// What changed from `old` to `new`.
    ///
    /// Both are scored for the same target, the one `new` plans for (or `target`), so that the
    /// gaps on each side are comparable. Each side is scored with its own questionnaire; a
    /// capability of one version only is added or retired, never an improvement or regression.
    package static func diff(_ old: OrganizationMerge, _ new: OrganizationMerge, target: PhaseID? = nil) -> AssessmentDiff {
        let newScorer = Scorer(questionnaire: new.questionnaire)
        let oldScorer = old.questionnaire == new.questionnaire ? newScorer : Scorer(questionnaire: old.questionnaire)
        let now = newScorer.score(new, target: target)
        let then = oldScorer.score(old, target: now.target)
        let oldQuestionnaire = old.questionnaire
        let newQuestionnaire = new.questionnaire

        let markers = MarkerID.allCases.compactMap { id -> AssessmentDiff.MarkerChange? in
            guard let from = then.marker(id), let to = now.marker(id) else { return nil }
            return AssessmentDiff.MarkerChange(
                id: id, from: Standing(phase: from.phase, index: from.index), to: Standing(phase: to.phase, index: to.index))
        }

        let oldRatings = old.ratings
        let newRatings = new.ratings
        let oldValues = old.values
        let newValues = new.values
        var changes: [AssessmentDiff.RatingChange] = []
        for capability in newQuestionnaire.capabilities where oldQuestionnaire.hasCapability(capability.id) {
            let id = capability.id
            let from = oldRatings[id]
            let to = newRatings[id]
            let direction: AssessmentDiff.RatingChange.Direction
            switch (oldValues[id], newValues[id]) {
            case (.some(.some(let before)), .some(.some(let after))):
                if after > before + ScoringThresholds.tolerance {
                    direction = .improved
                } else if after < before - ScoringThresholds.tolerance {
                    direction = .regressed
                } else {
                    continue
                }
            default:
                guard from != to else { continue }
                direction = .other
            }
            changes.append(
                AssessmentDiff.RatingChange(
                    capability: id, marker: capability.marker, statement: capability.statement, from: from, to: to,
                    direction: direction))
        }

        let oldGaps = Set(then.gaps.map(\.capability))
        let newGaps = Set(now.gaps.map(\.capability))
        let closed = then.gaps.map(\.capability).filter { !newGaps.contains($0) && newQuestionnaire.hasCapability($0) }
        let opened = now.gaps.map(\.capability).filter { !oldGaps.contains($0) && oldQuestionnaire.hasCapability($0) }

        let sharedSigns = Set(oldQuestionnaire.roadSigns.map(\.id)).intersection(newQuestionnaire.roadSigns.map(\.id))
        let oldMissing = Set(then.roadSigns.missing)
        let newMissing = Set(now.roadSigns.missing)
        let signOrder = newQuestionnaire.roadSigns.map(\.id).filter(sharedSigns.contains)
        let gained = signOrder.filter { oldMissing.contains($0) && !newMissing.contains($0) }
        let lost = signOrder.filter { !oldMissing.contains($0) && newMissing.contains($0) }

        let added = newQuestionnaire.capabilities.filter { !oldQuestionnaire.hasCapability($0.id) }
            .map { AssessmentDiff.VersionedCapability(id: $0.id, statement: $0.statement) }
        let retired = oldQuestionnaire.capabilities.filter { !newQuestionnaire.hasCapability($0.id) }
            .map { AssessmentDiff.VersionedCapability(id: $0.id, statement: $0.statement) }

        let oldNotes = old.noteTexts
        let newNotes = new.noteTexts
        let noteOrder =
            newQuestionnaire.capabilities.map(\.id)
            + oldQuestionnaire.capabilities.map(\.id).filter { !newQuestionnaire.hasCapability($0) }
        let notes = noteOrder.compactMap { id -> AssessmentDiff.NoteChange? in
            oldNotes[id] == newNotes[id] ? nil : AssessmentDiff.NoteChange(capability: id, from: oldNotes[id], to: newNotes[id])
        }

        return AssessmentDiff(
            organization: new.spellings.mostFrequent ?? old.spellings.mostFrequent ?? OrganizationName.none,
            from: AssessmentOrigin(then), to: AssessmentOrigin(now),
            overallFrom: Standing(phase: then.overall.phase, index: then.overall.index),
            overallTo: Standing(phase: now.overall.phase, index: now.overall.index),
            markers: markers, changes: changes, closedGaps: closed, openedGaps: opened, roadSignsGained: gained,
            roadSignsLost: lost, addedCapabilities: added, retiredCapabilities: retired, notes: notes, now: now)
    }

    /// Whether `lhs` comes before `rhs` in time: by period, then by date.
    package static func precedes(_ lhs: OrganizationMerge, _ rhs: OrganizationMerge) -> Bool {
        let left = lhs.period ?? ""
        let right = rhs.period ?? ""
        return left != right ? left < right : lhs.latestDate < rhs.latestDate
    }

    /// The latest period of each organization, in the order each organization was first seen.
    package static func latestByOrganization(_ merges: [OrganizationMerge]) -> [OrganizationMerge] {
        var order: [String] = []
        var latest: [String: OrganizationMerge] = [:]
        for merge in merges {
            if let current = latest[merge.key] {
                if precedes(current, merge) { latest[merge.key] = merge }
            } else {
                order.append(merge.key)
                latest[merge.key] = merge
            }
        }
        return order.map { latest[$0]! }
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
                (
                    marker.id,
                    PeerStanding.percentile(of: marker.index, among: peers.compactMap { $0.marker(marker.id)?.index })
                )
            })
    }
}
