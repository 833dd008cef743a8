/// Groups the ranked gaps into moves: what to build, marker by marker, to reach the target phase.
package enum GapAnalysis {
    /// One move: the gaps of one marker and phase that the projection needs closed.
    package struct Move: Sendable, Equatable {
        package enum Kind: Sendable, Equatable {
            /// The phase is reached but below `consolidate`, which the phases above need.
            case consolidate
            /// The phase is not reached yet.
            case reach
        }

        package var kind: Kind
        package var marker: MarkerID
        package var phase: PhaseID
        /// Where its gaps stand in the result's `gaps`, best-ranked first (see `ScoreResult.gaps(of:)`).
        package var gapIndices: [Int]
    }

    /// The moves in the order of their best-ranked gap. They cover the projection; when the
    /// projection needs nothing (every marker is at the target already) they cover every gap.
    static func moves(gaps: [Gap], projection: Projection, markers: [MarkerScore]) -> [Move] {
        // The projection lists its capabilities in gap rank order: one walk along both finds them.
        var chosen: [Int] = []
        var next = projection.capabilities.startIndex
        for (index, gap) in gaps.enumerated() where next < projection.capabilities.endIndex {
            if gap.capability == projection.capabilities[next] {
                chosen.append(index)
                next += 1
            }
        }
        if projection.capabilities.isEmpty { chosen = Array(gaps.indices) }
        var moves: [Move] = []
        for index in chosen {
            let gap = gaps[index]
            if let move = moves.firstIndex(where: { $0.marker == gap.marker && $0.phase == gap.phase }) {
                moves[move].gapIndices.append(index)
            } else {
                let reached = (markers.first { $0.id == gap.marker }?.phase ?? .traditionalTransactional) >= gap.phase
                moves.append(Move(kind: reached ? .consolidate : .reach, marker: gap.marker, phase: gap.phase, gapIndices: [index]))
            }
        }
        return moves
    }
}
