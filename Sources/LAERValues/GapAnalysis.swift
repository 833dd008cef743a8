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

    /// Where `capabilities` (in gap rank order, as a projection lists them) stand in `gaps`.
    package static func positions(of capabilities: [String], in gaps: [Gap]) -> [Int] {
        var positions: [Int] = []
        positions.reserveCapacity(capabilities.count)
        var next = capabilities.startIndex
        for (index, gap) in gaps.enumerated() where next < capabilities.endIndex && gap.capability == capabilities[next] {
            positions.append(index)
            next += 1
        }
        return positions
    }

    /// The moves in the order of their best-ranked gap.
    ///
    /// They cover the projected gaps (positions
    /// in `gaps`); when the projection needs nothing (every marker is at the target already)
    /// they cover every gap.
    static func moves(gaps: [Gap], projected: [Int], markers: [MarkerScore]) -> [Move] {
        var moves: [Move] = []
        func add(_ index: Int) {
            let gap = gaps[index]
            if let move = moves.firstIndex(where: { $0.marker == gap.marker && $0.phase == gap.phase }) {
                moves[move].gapIndices.append(index)
                return
            }
            var reached = false
            for marker in markers.indices where markers[marker].id == gap.marker { reached = markers[marker].phase >= gap.phase }
            moves.append(Move(kind: reached ? .consolidate : .reach, marker: gap.marker, phase: gap.phase, gapIndices: [index]))
        }
        if projected.isEmpty {
            for index in gaps.indices { add(index) }
        } else {
            for index in projected { add(index) }
        }
        return moves
    }
}
