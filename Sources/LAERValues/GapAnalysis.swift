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
        package var gaps: [Gap]
    }

    /// The moves in the order of their best-ranked gap. They cover the projection; when the
    /// projection needs nothing (every marker is at the target already) they cover every gap.
    static func moves(gaps allGaps: [Gap], projection: Projection, markers: [MarkerScore]) -> [Move] {
        let chosen = Set(projection.capabilities)
        let gaps = chosen.isEmpty ? allGaps : allGaps.filter { chosen.contains($0.capability) }
        var moves: [Move] = []
        for gap in gaps {
            if let index = moves.firstIndex(where: { $0.marker == gap.marker && $0.phase == gap.phase }) {
                moves[index].gaps.append(gap)
            } else {
                let reached = (markers.first { $0.id == gap.marker }?.phase ?? .traditionalTransactional) >= gap.phase
                moves.append(Move(kind: reached ? .consolidate : .reach, marker: gap.marker, phase: gap.phase, gaps: [gap]))
            }
        }
        return moves
    }
}
